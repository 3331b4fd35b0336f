"""Screenshots of every wizard page, in English and Simplified Chinese, for the README.

    .venv/bin/python packaging/screenshots.py            # starts its own Xvfb if needed
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots.py

Drives the real wizard in demo mode against the built-in lab (healthy, broken and a
foreign redirect that asks for consent) and saves PNGs with QWidget.grab() into
docs/screenshots/<language>/. Settings go to a temporary folder, not yours.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1000, 720)


def start_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        raise SystemExit("no DISPLAY and no Xvfb: apt-get install xvfb (see packaging/dev.sh)")
    sockets = Path("/tmp/.X11-unix")  # noqa: S108 - where X servers put their sockets
    number = next(n for n in range(99, 200) if not (sockets / f"X{n}").exists())
    server = subprocess.Popen(  # noqa: S603 - our own display server
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],  # noqa: S607
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if (sockets / f"X{number}").exists():
            break
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{number}"
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--languages", default="en,zh_CN")
    parser.add_argument(
        "--only",
        choices=("all", "relay", "integration"),
        default="all",
        help="relay, integration: that page (and its results) only",
    )
    args = parser.parse_args()
    server = start_xvfb()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    os.environ["CONNECTIVITY_ASSISTANT_CONFIG_DIR"] = tempfile.mkdtemp(prefix="ca-shots-")
    try:
        from PySide6.QtWidgets import QApplication

        from assistant.lab.tenant import Lab
        from ui.i18n import Translations

        app = QApplication([sys.argv[0]])
        translations = Translations(app)
        with Lab() as lab:
            for language in args.languages.split(","):
                translations.switch(language)
                shooter = Shooter(app, lab, translations, Path(args.out) / language)
                if args.only in ("relay", "integration"):
                    getattr(shooter, args.only)()
                    shooter.wizard.close()
                    shooter.pump(0.3)
                else:
                    shooter.all_pages()
    finally:
        if server is not None:
            server.terminate()
            server.wait(5)
    return 0


class Shooter:
    """One wizard, driven through every page in one language."""

    def __init__(self, app: Any, lab: Any, translations: Any, folder: Path) -> None:
        from ui.settings import Settings
        from ui.wizard import Wizard

        self.app = app
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.wizard = Wizard(Settings(), translations)
        self.wizard.resize(*SIZE)
        self.wizard.show()
        self.wizard.use_lab(lab, "healthy")
        self.pump(0.3)

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def wait_until(self, condition: Callable[[], bool], timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the wizard did not get there in time")
            self.pump(0.02)

    def grab(self, name: str, widget: Any = None) -> None:
        self.pump(0.25)
        path = self.folder / f"{name}.png"
        (widget or self.wizard).grab().save(str(path))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    def choose(self, scenario: str, areas: list[str], cloud: Any = None) -> None:
        """From the Target page: a demo scenario, then the areas; ends on Sign-in."""
        page = self.wizard.target_page
        page.scenario.setCurrentIndex(page.scenario.findData(scenario))
        if cloud is not None:
            page.set_cloud(cloud)
        self.wizard.next()
        self.wizard.checks_page.set_selected(areas)
        self.wizard.next()

    def all_pages(self) -> None:
        from ui.pages.ids import RESULTS

        wizard = self.wizard
        self.grab("01-welcome")
        wizard.next()
        page = wizard.target_page
        page.scenario.setCurrentIndex(page.scenario.findData("spf-loop"))
        self.grab("02-target")
        page.scenario.showPopup()  # every lab scenario, under its group's heading
        self.grab("16-scenario-picker", page.scenario.view().window())
        page.scenario.hidePopup()
        page.show_advanced(True)
        self.grab("03-target-advanced")
        page.show_advanced(False)
        wizard.next()
        wizard.checks_page.set_selected(["dns", "autodiscover", "ews", "mapi"])
        self.grab("04-what-to-test")
        wizard.next()
        self.grab("05-sign-in")
        wizard.next()
        self.wait_until(lambda: wizard.currentId() == RESULTS and not wizard.run.running)
        self.grab("07-results")
        wizard.next()
        self.grab("08-export")
        wizard.export_page.buttons["html"].click()  # <domain>-<date>.html, in our language
        self.wait_until(lambda: wizard.export_page.file_dialog is not None)
        self.grab("18-save-dialog", wizard.export_page.file_dialog)
        wizard.export_page.file_dialog.reject()
        self.live_run()
        self.consent()
        self.relay()
        self.integration()
        wizard.close()
        self.pump(0.3)

    def live_run(self) -> None:
        """autodiscover at ad-slow.test never answers, so it spins; then Cancel."""
        wizard = self.wizard
        wizard.new_diagnosis()
        wizard.target_page.advanced.timeout.setValue(60)
        wizard.target_page.advanced.deadline.setValue(120)
        self.choose("ad-slow", ["dns", "autodiscover"])
        wizard.next()
        self.wait_until(lambda: len(wizard.run_page.finished_steps) >= 12)
        wizard.run_page.show_log(True)
        self.grab("06-run")
        wizard.run_page.show_log(False)
        wizard.reject()  # Quit during a run asks first
        self.wait_until(lambda: wizard.quit_question is not None)
        self.grab("17-quit-question", wizard.quit_question)
        wizard.quit_question.keep_button.click()
        wizard.run_page.cancel_button.click()
        self.wait_until(lambda: not wizard.run.running)
        self.grab("09-results-cancelled")

    def consent(self) -> None:
        """A redirect to a host outside the domain: the engine asks the user."""
        from assistant.facts import Cloud
        from ui.pages.ids import RESULTS

        wizard = self.wizard
        wizard.new_diagnosis()
        wizard.target_page.advanced.timeout.setValue(2)
        wizard.target_page.advanced.deadline.setValue(20)
        self.choose("ad-redirect-foreign", ["autodiscover"], Cloud.ONPREM)
        dialogs: list[Any] = []
        wizard.next()
        wizard.run.consent.dialogShown.connect(dialogs.append)
        self.wait_until(lambda: bool(dialogs) and dialogs[0].isVisible())
        self.grab("10-consent", dialogs[0])
        dialogs[0].refuse_button.click()
        self.wait_until(lambda: wizard.currentId() == RESULTS and not wizard.run.running)

    def relay(self) -> None:
        """The Relay page (issue 14) for a password-only device, its confirmation, and the
        delivery timeline of the round trip (the lab really delivers the test message)."""
        from PySide6.QtWidgets import QScrollArea

        from ui.pages.ids import RESULTS, WELCOME

        wizard = self.wizard
        if wizard.currentId() == WELCOME:
            wizard.next()
        else:
            wizard.new_diagnosis()
        self.choose("relay-ip", ["relay"])
        wizard.next()  # Sign-in -> Relay
        page = wizard.relay_page
        device = page.device
        device.answers["authenticates"].setCurrentIndex(
            device.answers["authenticates"].findData(True)
        )
        device.answers["oauth"].setCurrentIndex(device.answers["oauth"].findData(False))
        device.answers["tls12"].setCurrentIndex(device.answers["tls12"].findData(True))
        device.volume.setValue(200)
        page.wait.setValue(20)
        self.grab("11-relay")
        area = page.findChild(QScrollArea, "relayScroll")
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
        page.confirm.setChecked(True)
        self.grab("12-relay-confirm")
        wizard.next()
        self.wait_until(lambda: wizard.currentId() == RESULTS and not wizard.run.running, 90)
        results = wizard.results_page
        item = results.tree.item_for("relay.roundtrip")
        if item is not None:
            results.problems_only.setChecked(False)
            results.tree.setCurrentItem(item)
        self.grab("13-relay-results")

    def integration(self) -> None:
        """The Integration page (issue 15) as an int-* demo fills it in, and the results of
        an organisation whose Bearer challenge trusts another tenant."""
        from ui.pages.ids import RESULTS, WELCOME

        wizard = self.wizard
        if wizard.currentId() == WELCOME:
            wizard.next()
        else:
            wizard.new_diagnosis()
        self.choose("int-wrong-tenant", ["autodiscover", "integration"])
        wizard.next()  # Sign-in -> Integration
        wizard.integration_page.pool.setText("webext.int-wrong-tenant.test")
        self.grab("14-integration")
        wizard.integration_page.pool.clear()
        wizard.next()
        self.wait_until(lambda: wizard.currentId() == RESULTS and not wizard.run.running, 90)
        results = wizard.results_page
        item = results.tree.item_for("integration.oauth_trust")
        if item is not None:
            results.tree.setCurrentItem(item)
        self.grab("15-integration-results")


if __name__ == "__main__":
    raise SystemExit(main())
