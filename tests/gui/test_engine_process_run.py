"""The engine-process prototype (ui.runs.ENGINE_PROCESS, ui/engine_process.py): a run in a
child process reaches the same Results as one on a thread, with its log; consent questions
cross the pipe and are answered from the wizard; Cancel kills the process at once."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from gui_helpers import fill_target, run_to_results, ui_threads

import ui.runs
from assistant.facts import Cloud
from assistant.lab.exchange.directory import EVIL_DOMAIN
from assistant.lab.tenant import Lab
from assistant.model import Status
from ui.pages.ids import RESULTS, RUN

FULL = ["dns", "autodiscover", "ews", "mapi"]


@pytest.fixture(autouse=True)
def engine_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ui.runs, "ENGINE_PROCESS", True)
    yield
    ui.runs.stop_spare_engine()  # the warm-up started one for the next run


def test_a_run_in_a_child_process_reaches_results(qtbot, demo) -> None:
    wizard = demo
    wizard.next()
    fill_target(qtbot, wizard, "admin@contoso.test")
    run_to_results(qtbot, wizard, FULL, timeout=60000)
    run = wizard.run
    assert run._process is not None and run._process.returncode == 0, "it ran over there"
    report = wizard.session.report
    assert report.find("ews.login").status is Status.PASS
    assert report.summary["overall"] in ("pass", "info")
    assert wizard.run_page.tree.topLevelItemCount() == len(report.steps)
    assert wizard.run_page.progress.value() == wizard.run_page.progress.maximum()
    assert any("ews.login" in line for line in run.runlog.lines), "the log followed"


def test_a_consent_question_crosses_the_pipe(qtbot, demo, lab: Lab) -> None:
    wizard = demo
    wizard.next()
    fill_target(qtbot, wizard, "admin@ad-redirect-foreign.test", Cloud.ONPREM)
    wizard.next()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    mark = len(lab.credentials)
    dialogs = []
    wizard.next()
    wizard.run.consent.dialogShown.connect(dialogs.append)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    assert f"autodiscover.{EVIL_DOMAIN}" in dialogs[0].text()
    dialogs[0].allow_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=20000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=5000)
    sent = [s for s in lab.credentials.since(mark) if s.host == f"autodiscover.{EVIL_DOMAIN}"]
    assert sent, "the child had the answer: the credentials went there"


def test_cancel_kills_the_process_at_once(qtbot, demo) -> None:
    wizard = demo
    wizard.next()
    fill_target(qtbot, wizard, "admin@ad-slow.test", Cloud.ONPREM)
    wizard.target_page.advanced.deadline.setValue(120)
    wizard.target_page.advanced.timeout.setValue(60)
    wizard.next()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    wizard.next()
    assert wizard.currentId() == RUN
    qtbot.waitUntil(lambda: wizard.run._process is not None, timeout=30000)
    qtbot.waitUntil(
        lambda: wizard.run_page.tree.item_for("autodiscover.result") is not None, timeout=30000
    )
    process = wizard.run._process
    pressed = time.monotonic()
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS, "control comes back at once"
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=2000)
    assert time.monotonic() - pressed < 2.0
    assert process.returncode < 0, "killed, not finished"
    assert wizard.session.report.find("autodiscover.result").status is Status.CANCELLED
    qtbot.waitUntil(lambda: not wizard.run.running and not ui_threads(), timeout=3000)
