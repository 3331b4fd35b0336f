"""GUI fixtures: a wizard with a private settings folder, English by default, closed and
checked for leftover threads after each test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_helpers import close_wizard
from PySide6.QtWidgets import QApplication

from assistant.lab.tenant import Lab
from ui.i18n import ENGLISH, Translations
from ui.settings import ENV_DIR, Settings
from ui.wizard import Wizard


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(ENV_DIR, str(folder))
    return folder


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    found = Translations(qapp)
    found.switch(ENGLISH)
    yield found
    found.switch(ENGLISH)


@pytest.fixture
def make_wizard(qtbot, translations: Translations) -> Callable[[], Wizard]:
    """Wizards closed the way a user closes them (runs cancelled, workers awaited) and
    checked for leftover threads, before pytest-qt deletes them."""

    def make() -> Wizard:
        wizard = Wizard(Settings(), translations)
        qtbot.addWidget(wizard, before_close_func=lambda w: close_wizard(qtbot, w))
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make


@pytest.fixture
def wizard(make_wizard: Callable[[], Wizard]) -> Wizard:
    return make_wizard()


@pytest.fixture
def demo(wizard: Wizard, lab: Lab) -> Wizard:
    """The wizard in demo mode on the session's lab (which the test does not own)."""
    wizard.use_lab(lab, "healthy")
    return wizard
