"""The wizard shows autodiscover's first usable answer at once (issue 17): the running row
takes the provisional summary and keeps running; the final verdict replaces it."""

from __future__ import annotations

from assistant.events import CheckFinished, CheckStarted, ProvisionalResult, RunStarted
from assistant.model import Status, Step
from ui.texts import RUNNING
from ui.widgets.step_tree import COL_SUMMARY, STATUS_ROLE, StepTree

RESULT = "autodiscover.result"


def test_a_provisional_answer_shows_in_the_running_row(qtbot) -> None:
    tree = StepTree()
    qtbot.addWidget(tree)
    tree.begin(RunStarted((RESULT, "ews.endpoint"), ("Outlook autodiscover", "EWS endpoint")))
    tree.check_started(CheckStarted(RESULT, "Outlook autodiscover"))
    first = Step(RESULT, "Outlook autodiscover", Status.INFO, summary="first answer: SRV → EWS x")
    tree.provisional(ProvisionalResult(first))
    row = tree.topLevelItem(0)
    assert row.text(COL_SUMMARY) == "first answer: SRV → EWS x"
    assert row.data(0, STATUS_ROLE) == RUNNING  # still waiting for the final verdict

    final = Step(RESULT, "Outlook autodiscover", Status.PASS, summary="Outlook would use SRV")
    tree.check_finished(CheckFinished(final))
    assert row.text(COL_SUMMARY) == "Outlook would use SRV"
    assert row.data(0, STATUS_ROLE) == Status.PASS.value

    # A provisional answer that arrives after the verdict (a late event) changes nothing.
    tree.provisional(ProvisionalResult(first))
    assert row.text(COL_SUMMARY) == "Outlook would use SRV"
