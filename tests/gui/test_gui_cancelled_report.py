"""A cancelled run's report comes from the engine's diagnosis (assistant/diagnosis.py), not
from what the Run page shows: at once on Cancel (Diagnosis.partial_report), then the
report the run's thread builds when it has wound down; both with the `run` facts the
command line writes."""

from __future__ import annotations

from gui_helpers import fill_target, ui_threads

from assistant.facts import Cloud
from assistant.lab.tenant import Lab
from assistant.model import Status
from ui.pages.ids import RESULTS, RUN, TARGET
from ui.texts import RUNNING


def test_a_cancelled_run_reports_what_the_diagnosis_has(qtbot, demo, lab: Lab) -> None:
    wizard = demo
    wizard.next()
    assert wizard.currentId() == TARGET
    fill_target(qtbot, wizard, "admin@ad-slow.test", Cloud.ONPREM)
    advanced = wizard.target_page.advanced
    advanced.deadline.setValue(120)
    advanced.timeout.setValue(60)  # the slow server would hold autodiscover for a minute
    wizard.next()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    wizard.next()
    assert wizard.currentId() == RUN
    tree = wizard.run_page.tree
    qtbot.waitUntil(
        lambda: (
            (item := tree.item_for("autodiscover.result")) is not None
            and item.data(0, 0x0101) == RUNNING
        ),
        timeout=5000,
    )
    run = wizard.run
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS
    at_once = wizard.session.report
    assert at_once.run["requested"] == ["autodiscover"]
    assert at_once.run["checks"] == [step.id for step in at_once.steps]
    assert at_once.run["cancelled"] is True
    assert isinstance(at_once.run["duration_ms"], int)
    assert at_once.find("autodiscover.result").status is Status.CANCELLED

    qtbot.waitUntil(lambda: not run.running and wizard.session.report is not at_once, timeout=5000)
    final = wizard.session.report
    assert final is run.report, "the report the run's thread built replaced it"
    assert final.run["cancelled"] is True and wizard.session.cancelled
    assert final.run["checks"] == at_once.run["checks"]
    assert final.find("autodiscover.result").status is Status.CANCELLED
    assert final.run["checks"] == list(run.runlog.planned)
    qtbot.waitUntil(lambda: not ui_threads(), timeout=2000)
