"""Start the GUI: the application, its language, the settings, the wizard, demo mode,
signals; and after the window has closed, wait for stragglers and stop the demo lab."""

from __future__ import annotations

import sys
from typing import cast

from PySide6.QtWidgets import QApplication

from ui import smoke
from ui.i18n import LANGUAGES, Translations, system_language
from ui.icons import app_icon
from ui.settings import Settings
from ui.signals import QuitOnSignals
from ui.wizard import Wizard


def create_wizard(
    app: QApplication, *, language: str | None = None, settings: Settings | None = None
) -> Wizard:
    settings = settings or Settings()
    translations = Translations(app)
    translations.switch(language or settings.get("language") or system_language())
    return Wizard(settings, translations)


DESKTOP_ID = "org.connectivityassistant.ConnectivityAssistant"


def run_gui(*, demo: bool = False, scenario: str = "healthy", language: str | None = None) -> int:
    # instance() is typed as QCoreApplication; in this process it is always our QApplication.
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("Connectivity Assistant")
    app.setOrganizationName("connectivity-assistant")
    app.setWindowIcon(app_icon())
    # The .desktop entry's name (packaging/identity.py APP_ID): desktops match the window to
    # the menu entry and its icon by it (Wayland's app_id, X11's WM_CLASS).
    app.setDesktopFileName(DESKTOP_ID)
    if language is not None and language not in LANGUAGES:
        print(f"connectivity-assistant: unknown language {language!r}", file=sys.stderr)
        language = None
    wizard = create_wizard(app, language=language)
    # SIGINT, SIGTERM, SIGHUP close the window the normal way, promptly (ui/signals.py);
    # set before the demo lab starts, so that no signal finds its keys unguarded.
    quit_on_signals = QuitOnSignals(wizard)
    if demo:
        wizard.start_demo(scenario)
    smoke.watch_first_paint(wizard)  # CA_STARTUP_PROBE only (bench/startup.py --frozen)
    wizard.show()
    smoke_delay = smoke.quit_after_ms()  # packaging smoke tests only (ui/smoke.py)
    if smoke_delay is not None:
        smoke.arm(wizard, smoke_delay)
    try:
        return app.exec()
    finally:
        quit_on_signals.close()
        wizard.workers.join_all(2.0)  # the window closed only once they ended; belt and braces
        if wizard.owned_lab is not None:
            wizard.owned_lab.stop()
