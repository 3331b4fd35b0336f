"""A check stopped while it ran shows what it was waiting on and the child steps it had
finished (issue 16, item 4); one stopped before it began shows no summary."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from assistant.model import Status, Step
from ui.widgets.step_tree import COL_SUMMARY, StepTree


def test_the_tree_shows_what_a_cancelled_check_was_waiting_on(qtbot: QtBot) -> None:
    tree = StepTree()
    qtbot.addWidget(tree)
    first = Step("walk.first", "First candidate", Status.FAIL, summary="404 Not Found")
    running = Step.stopped("walk", "Walk", finished=[first], waiting_on=["Second candidate"])
    never = Step.stopped("after", "After")
    tree.show_steps([running, never])

    walk = tree.item_for("walk")
    assert walk is not None
    assert walk.text(COL_SUMMARY) == "cancelled while waiting on Second candidate"
    assert walk.childCount() == 1 and walk.child(0).text(COL_SUMMARY) == "404 Not Found"
    after = tree.item_for("after")
    assert after is not None and after.text(COL_SUMMARY) == ""
