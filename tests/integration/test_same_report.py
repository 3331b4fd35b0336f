"""The command line, the demo and the wizard make the same report for the same lab
scenario (assistant/diagnosis.py is their one way to run a diagnosis): the same steps
with the same verdicts, and the same target, options and `run` facts. What differs by
nature is left out: timestamps, durations, and the ports and file paths of each lab.

The CLI and the wizard diagnose the session's lab; the demo starts a lab of its own, as
`connectivity-assistant demo` does."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from assistant.config import ConnectTo
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab
from assistant.model import JSONValue, Report
from assistant.report.json_report import load_json
from ui.demo import DemoScenario
from ui.i18n import ENGLISH, Translations
from ui.pages.ids import CHECKS, EXPORT, RESULTS, SIGNIN, TARGET
from ui.settings import ENV_DIR, Settings
from ui.wizard import Wizard

AREAS = ["dns", "autodiscover", "ews", "mapi"]
PASSWORD_VARIABLE = "CA_SAME_REPORT_PASSWORD"
# The lab's network options (Lab.network_options), which the demo and the wizard use.
TIMING = ["--timeout", "2", "--check-deadline", "20"]


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={**os.environ, PASSWORD_VARIABLE: LAB_PASSWORD},
        check=False,
    )


def from_check(lab: Lab, scenario: str, path: Path) -> Report:
    """`connectivity-assistant check` as a user would point it at the lab."""
    demo = DemoScenario(scenario, scenario)
    result = cli(
        "-m",
        "assistant.cli",
        "check",
        "--email",
        demo.email,
        "--cloud",
        demo.cloud.value,
        "--checks",
        ",".join(AREAS),
        "--password-env",
        PASSWORD_VARIABLE,
        "--json",
        str(path),
        *TIMING,
        *lab.cli_flags(),
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return load_json(path)


def from_demo(scenario: str, path: Path) -> Report:
    """`connectivity-assistant demo` (cli.run_demo) on the same areas, in its own lab."""
    script = (
        "import sys\n"
        "from assistant.cli import run_demo\n"
        "sys.exit(run_demo(sys.argv[1], json_path=sys.argv[2], check_names=sys.argv[3:]))\n"
    )
    result = cli("-c", script, scenario, str(path), *AREAS)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return load_json(path)


@pytest.fixture
def wizard(qtbot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Wizard:
    """A wizard in English with its own settings folder, closed as a user closes it
    (runs cancelled, workers awaited) before pytest-qt deletes it (tests/gui/conftest.py)."""
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "config"))
    translations = Translations(qapp)
    translations.switch(ENGLISH)

    def close(window: Wizard) -> None:
        if window.isVisible():
            window.close()
        qtbot.waitUntil(lambda: not window.isVisible() and not window.workers.busy, timeout=5000)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and any(
            t.name.startswith(("ca-check", "ca-ui")) for t in threading.enumerate()
        ):
            qtbot.wait(20)

    window = Wizard(Settings(), translations)
    qtbot.addWidget(window, before_close_func=close)
    window.show()
    qtbot.waitExposed(window)
    return window


def from_wizard(qtbot, wizard: Wizard, lab: Lab, scenario: str, path: Path) -> Report:
    """Demo mode on the session's lab: the scenario as picked, the areas ticked, the
    demo's password, a run to the end, and the report saved from the Export page."""
    wizard.use_lab(lab, scenario)
    wizard.next()
    assert wizard.currentId() == TARGET and wizard.target_page.isComplete()
    wizard.next()
    assert wizard.currentId() == CHECKS
    wizard.checks_page.set_selected(AREAS)
    wizard.next()
    assert wizard.currentId() == SIGNIN and wizard.signin_page.method() == "password"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=60000)
    qtbot.waitUntil(lambda: wizard.run is not None and not wizard.run.running, timeout=10000)
    wizard.next()
    assert wizard.currentId() == EXPORT
    with qtbot.waitSignal(wizard.export_page.saved, timeout=10000):
        wizard.export_page.save(str(path), "json")
    return load_json(path)


def verdicts(report: Report) -> list[tuple[str, str]]:
    """Every step's ID and status, depth first (children included)."""
    return [(s.id, s.status.value) for top in report.steps for s in top.walk()]


def comparable(report: Report) -> dict[str, JSONValue]:
    """The target, the options and the run facts, without what differs from one run or
    one lab to the next: the run's duration, the lab's ports and its CA file."""
    options = dict(report.options)
    nameservers, rules = options["nameservers"], options["connect_to"]
    assert isinstance(nameservers, list) and isinstance(rules, list), options
    options["nameservers"] = [str(ns).rsplit(":", 1)[0] for ns in nameservers]
    options["connect_to"] = [
        f"{rule.source}:{rule.dest.host}" for rule in (ConnectTo.parse(str(r)) for r in rules)
    ]
    options["ca_bundle"] = "(the lab's CA)" if options["ca_bundle"] else None
    run = dict(report.run)
    run.pop("duration_ms", None)
    return {"target": report.target, "options": options, "run": run}


@pytest.mark.lab
@pytest.mark.parametrize("scenario", ["healthy", "fabrikam", "spf-loop"])
def test_the_cli_the_demo_and_the_wizard_make_the_same_report(
    lab: Lab, qtbot, wizard: Wizard, tmp_path: Path, scenario: str
) -> None:
    reports = {
        "check": from_check(lab, scenario, tmp_path / "check.json"),
        "demo": from_demo(scenario, tmp_path / "demo.json"),
        "wizard": from_wizard(qtbot, wizard, lab, scenario, tmp_path / "wizard.json"),
    }
    expected = reports["check"]
    assert expected.run["requested"] == AREAS and expected.run["cancelled"] is False
    assert expected.run["checks"] == [step.id for step in expected.steps]
    for name, report in reports.items():
        assert isinstance(report.run.get("duration_ms"), int), f"{name}: run facts {report.run}"
        assert comparable(report) == comparable(expected), (name, comparable(report))
        assert verdicts(report) == verdicts(expected), name


@pytest.mark.lab
def test_the_demo_command_is_check_on_every_area(lab: Lab, tmp_path: Path) -> None:
    """`connectivity-assistant demo` as a user types it: every check, as `check` without
    --checks runs them, with `run.requested` ["all"]."""
    demo = DemoScenario("healthy", "healthy")
    checked = cli(
        "-m",
        "assistant.cli",
        "check",
        "--email",
        demo.email,
        "--password-env",
        PASSWORD_VARIABLE,
        "--json",
        str(tmp_path / "check.json"),
        *TIMING,
        *lab.cli_flags(),
    )
    demo_json = str(tmp_path / "demo.json")
    shown = cli("-m", "assistant.cli", "demo", "--scenario", "healthy", "--json", demo_json)
    assert (checked.returncode, shown.returncode) == (0, 0), shown.stdout + shown.stderr
    expected, report = load_json(tmp_path / "check.json"), load_json(tmp_path / "demo.json")
    assert expected.run["requested"] == ["all"]
    assert comparable(report) == comparable(expected)
    assert verdicts(report) == verdicts(expected)
