"""Quit (or Escape) while a diagnosis runs: ask before throwing the run away.

Quit used to cancel the run and show the results, which is what "Cancel run" does; a
user who pressed Quit wanted to leave. Now Quit asks, and "Stop and quit" stops the run
and closes the window (as soon as the run's thread has let go: Wizard.done). The question
opens window-modal with open(), so the run keeps being shown while it waits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtWidgets import QMessageBox, QWidget


class QuitQuestion(QMessageBox):
    def __init__(self, parent: QWidget, quit_now: Callable[[], object]) -> None:
        super().__init__(parent)
        self.setObjectName("quitQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setWindowTitle(self.tr("Quit while the diagnosis runs?"))
        self.setText(self.tr("The diagnosis is still running. Stop it and quit?"))
        self.setInformativeText(
            self.tr(
                "Nothing is saved. To keep what has finished, choose Keep running, then "
                "Cancel run: the results show the checks that finished."
            )
        )
        self.quit_button = self.addButton(
            self.tr("&Stop and quit"), QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button = self.addButton(
            self.tr("&Keep running"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self._quit_now = quit_now
        self.finished.connect(self._answered)
        self.finished.connect(self.deleteLater)

    def _answered(self) -> None:
        if self.clickedButton() is self.quit_button:
            self._quit_now()


def ask_to_quit(parent: QWidget, quit_now: Callable[[], object]) -> QuitQuestion:
    """Show the question (returns at once); `quit_now()` runs if the user says so."""
    question = QuitQuestion(parent, quit_now)
    question.open()
    return question
