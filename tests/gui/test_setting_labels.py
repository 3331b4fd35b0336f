"""The wizard shows a setting the engine names in words with the field that sets it
(issue 16, item 3): ui/setting_labels.py, through ui/texts.engine_text."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from assistant.settings_names import KEYS, setting
from assistant.text import msg
from ui.setting_labels import LABELS, label_for
from ui.texts import engine_text


def test_the_wizard_adds_its_field_where_the_engine_names_a_setting(qtbot: QtBot) -> None:
    assert set(LABELS) <= KEYS, "a label for a setting the engine does not know"
    said = msg("Give {send_to}.", send_to=setting("send_to"))
    shown = engine_text(said)
    assert shown == "Give the recipient for the test message (Recipient, on Relay test send)."
    assert "--" not in shown
    # No field in the wizard for it (it asks at the time): the words alone.
    assert label_for("trust_host") is None
    trusted = msg("add it to {trusted}", trusted=setting("trust_host"))
    assert engine_text(trusted) == "add it to the hosts trusted for this run"
