"""The wizard's start-up loads what its first page needs and nothing else
(docs/PERFORMANCE.md): the engine's heavy modules load on first use or after the first
paint (ui/warmup.py). Checked in a fresh interpreter, as `connectivity-assistant` starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Libraries and engine parts that take tens to hundreds of milliseconds to import.
HEAVY = (
    "fpdf",
    "fontTools",
    "exchangelib",
    "msal",
    "requests",
    "urllib3",
    "dns",
    "cryptography",
    "assistant.cli",
    "assistant.checks.registry",
    "assistant.diagnosis",
    "assistant.runner",
    "assistant.net.network",
    # The session's options and redactor (with idna and the redaction patterns) are made on
    # first use (ui/session.py): about 0.01 s that the first page does not need.
    "assistant.config",
    "assistant.net.redact",
    "idna",
)
# ui/signals.py keeps the lab's clean-up at hand for a signal handler (an import there could
# meet the import lock); it is small and imports nothing of the lab's servers.
LAB_ALLOWED = {"assistant.lab", "assistant.lab.leftovers"}

PROBE = """
import json, sys
{setup}
print(json.dumps(sorted(sys.modules)))
"""


def loaded_after(setup: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def heavy_in(modules: set[str]) -> list[str]:
    found = [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    found += [m for m in modules if m.startswith("assistant.lab") and m not in LAB_ALLOWED]
    return sorted(found)


def test_importing_the_gui_loads_no_heavy_module() -> None:
    modules = loaded_after("import ui.app")
    assert "ui.wizard" in modules  # the probe did import the wizard
    assert heavy_in(modules) == []


def test_making_the_wizard_loads_no_heavy_module() -> None:
    setup = (
        "import tempfile\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import create_wizard\n"
        "from ui.settings import Settings\n"
        "app = QApplication([])\n"
        "folder = tempfile.mkdtemp()\n"
        "settings = Settings(Path(folder) / 'settings.json')\n"
        "wizard = create_wizard(app, language='en', settings=settings)\n"
        "app.processEvents()\n"
    )
    modules = loaded_after(setup)
    assert "ui.pages.welcome" in modules
    assert heavy_in(modules) == []


def test_the_probe_sees_heavy_modules_when_they_are_loaded() -> None:
    """The check above could pass by looking at nothing: it must see what is there."""
    modules = loaded_after("import ui.app\nimport assistant.checks.registry")
    assert "assistant.checks.registry" in heavy_in(modules)
    assert "assistant.net.network" in heavy_in(modules)


def test_after_the_first_paint_the_warm_up_loads_the_engine() -> None:
    """What start-up left out is loaded once the window is up (ui/warmup.py), so a run
    does not pay for it: the checks, the PDF writer, MSAL and exchangelib."""
    setup = (
        "import tempfile, time\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import create_wizard\n"
        "from ui.settings import Settings\n"
        "app = QApplication([])\n"
        "settings = Settings(Path(tempfile.mkdtemp()) / 'settings.json')\n"
        "wizard = create_wizard(app, language='en', settings=settings)\n"
        "wizard.show()\n"
        "until = time.monotonic() + 60\n"
        "while wizard.warmup.running and time.monotonic() < until:\n"
        "    app.processEvents()\n"
        "    time.sleep(0.01)\n"
        "assert not wizard.warmup.running\n"
    )
    modules = loaded_after(setup)
    for name in ("assistant.checks.registry", "assistant.diagnosis", "fpdf", "msal", "exchangelib"):
        assert name in modules, name


LATER_PAGE_MODULES = (
    "ui.pages.target",
    "ui.pages.checks",
    "ui.pages.signin",
    "ui.pages.signin_form",
    "ui.pages.relay",
    "ui.pages.integration",
    "ui.pages.run",
    "ui.pages.results",
    "ui.pages.export",
    "ui.pages.compare",
)


def test_only_the_first_page_is_built_before_the_first_paint() -> None:
    """The pages after Welcome are placeholders until first needed (Wizard.build_pages):
    making the window imports none of their modules."""
    setup = (
        "import tempfile\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import create_wizard\n"
        "from ui.settings import Settings\n"
        "app = QApplication([])\n"
        "settings = Settings(Path(tempfile.mkdtemp()) / 'settings.json')\n"
        "wizard = create_wizard(app, language='en', settings=settings)\n"
        "app.processEvents()\n"
        "assert not wizard.pages_built\n"
    )
    modules = loaded_after(setup)
    assert "ui.pages.welcome" in modules
    assert [m for m in LATER_PAGE_MODULES if m in modules] == []


def test_a_page_is_built_with_its_saved_settings_when_first_used(qtbot, translations) -> None:
    from gui_helpers import close_wizard

    from ui.pages.ids import RESULTS, TARGET
    from ui.pages.results import ResultsPage
    from ui.settings import Settings
    from ui.wizard import Wizard

    settings = Settings()
    settings.set("email", "someone@example.com")
    settings.save()
    wizard = Wizard(Settings(), translations)
    qtbot.addWidget(wizard, before_close_func=lambda w: close_wizard(qtbot, w))
    assert not wizard.pages_built
    assert wizard.target_page.values()["email"] == "someone@example.com"
    assert wizard.pages_built
    assert wizard.page(TARGET) is wizard.target_page
    assert isinstance(wizard.page(RESULTS), ResultsPage)


def test_next_from_welcome_builds_the_pages_first(qtbot, translations) -> None:
    from gui_helpers import close_wizard

    from ui.pages.ids import TARGET
    from ui.settings import Settings
    from ui.wizard import Wizard

    wizard = Wizard(Settings(), translations)
    qtbot.addWidget(wizard, before_close_func=lambda w: close_wizard(qtbot, w))
    wizard.show()  # not yet painted: the warm-up has not built the pages
    assert not wizard.pages_built
    wizard.next()
    assert wizard.currentId() == TARGET
    assert wizard.currentPage() is wizard.target_page


def test_the_session_makes_its_engine_objects_on_first_use() -> None:
    from assistant.config import NetworkOptions
    from assistant.net.redact import Redactor
    from ui.session import Session

    session = Session()
    assert session._options is None and session._redactor is None
    assert isinstance(session.options, NetworkOptions)
    assert session.options is session.options  # made once, then kept
    assert isinstance(session.redactor, Redactor)
    mine = NetworkOptions(timeout=3.0)
    session.options = mine
    assert session.options is mine
