"""A hostile saved report opened in the wizard (issue 19 item 7): markup in every field,
huge fields, wrong types, a future format version (tests/data/hostile-reports/).

A file the program cannot read leaves the wizard on Welcome with one clear sentence under
the button; a file it can read shows its results, with every piece of data as text: no
label, tooltip or tree cell interprets the markup.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTextEdit
from test_gui_rich_text import rendered, shown

from ui.pages.ids import RESULTS, WELCOME
from ui.widgets.step_tree import COL_SUMMARY, COL_TITLE

DATA = Path(__file__).parent.parent / "data"
HOSTILE = DATA / "hostile-reports"
REFUSED = sorted([*HOSTILE.glob("wrong-type-*.json"), HOSTILE / "future-version.json"])
SCRIPT = '<script>alert("x")</script>'
# What markup-everywhere.json appends to every text field (see tests/unit/test_hostile_report.py).
MARK = (
    SCRIPT + "<img src=x onerror=alert(1)><b>bold</b>&amp;\"'>"
    '<a href="javascript:alert(2)">go</a>{{x}}%1${x}'
)


def _open(wizard, path: Path) -> bool:
    return wizard.welcome_page.open_path(str(path))


@pytest.mark.parametrize("source", REFUSED, ids=[p.stem for p in REFUSED])
def test_an_unreadable_report_is_refused_on_welcome_in_one_sentence(wizard, source: Path) -> None:
    assert not _open(wizard, source)
    assert wizard.currentId() == WELCOME
    error = wizard.welcome_page.open_error
    assert error.isVisible()
    message = shown(error)
    assert str(source.name) in message and "\n" not in message and len(message) < 600
    if source.stem == "future-version":
        assert "newer than this program reads" in message


def test_a_version_of_thousands_of_digits_is_refused_not_a_crash(wizard, tmp_path: Path) -> None:
    """json.loads raised ValueError past 4,300 digits, which open_report did not catch."""
    source = tmp_path / "digits.json"
    source.write_bytes(
        b'{"format": "connectivity-assistant-report", "version": ' + b"9" * 5000 + b"}"
    )
    assert not _open(wizard, source)
    assert "number too long" in wizard.welcome_page.open_error.message
    assert len(wizard.welcome_page.open_error.message) < 600


def test_markup_in_every_field_shows_as_text(wizard) -> None:
    source = HOSTILE / "markup-everywhere.json"
    assert _open(wizard, source), wizard.welcome_page.open_error.message
    assert wizard.currentId() == RESULTS
    page = wizard.results_page
    tree = page.tree
    items = list(tree._all_items())
    assert items
    for item in items:
        for column in (COL_TITLE, COL_SUMMARY):
            text = item.text(column)
            if text:
                assert SCRIPT in text, text  # a tree cell is plain text: shown as it is
        tip = item.toolTip(COL_SUMMARY) or item.toolTip(COL_TITLE)
        if tip and "<" in tip:
            assert SCRIPT in rendered(tip), tip
    # The details of a step (summary, details, remedy, evidence) as the reader opens them.
    first = tree.item_for("dns.resolver" + MARK)
    assert first is not None
    tree.setCurrentItem(first)
    texts = [w for w in wizard.findChildren(QTextEdit) if "alert(" in w.toPlainText()]
    for widget in texts:
        assert SCRIPT in widget.toPlainText()
    assert texts  # the step's details view shows them
    # Every label showing data from the report shows the markup's characters, not markup.
    carrying = [
        label
        for label in wizard.findChildren(QLabel)
        if "alert(" in label.text() or "alert(" in label.toolTip()
    ]
    assert carrying  # the subtitle names the (hostile) address
    for label in carrying:
        assert "<img" in shown(label) or "&lt;img" in shown(label) or SCRIPT in shown(label), (
            label.objectName(),
            label.text()[:200],
        )
        assert "onerror=alert(1)" in shown(label)


def test_huge_fields_open_and_show(wizard, tmp_path: Path) -> None:
    doc = json.loads((DATA / "report-v1-before-environment.json").read_text(encoding="utf-8"))
    first = doc["steps"][0]
    first["summary"] = "S" * 150_000
    first["details"] = "line <b>x</b>\n" * 20_000
    doc["target"]["email"] = "e" * 100_000 + "@contoso.test"
    doc["steps"] += [dict(copy.deepcopy(doc["steps"][1]), id=f"extra.{i}") for i in range(100)]
    source = tmp_path / "huge.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    assert _open(wizard, source), wizard.welcome_page.open_error.message
    assert wizard.currentId() == RESULTS
    tree = wizard.results_page.tree
    assert tree.item_for("extra.99") is not None
    assert tree.item_for(first["id"]) is not None
