"""Asking the user before credentials go to a host outside the rules.

The engine calls `ConsentBroker.ask(host, why)` on a worker thread and needs a yes or no.
The broker posts the question to the GUI thread (a queued signal), where a window-modal
dialog is *opened* (never `exec`: the GUI thread keeps running its event loop). The
worker waits on a threading.Event in short slices and gives up with "no" the moment the
run is cancelled or finished. Answers hold for the rest of the run, so a host is asked
about once even when several checks meet it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from assistant.cancel import SLICE
from ui.i18n import fmt
from ui.texts import engine_text


@dataclass(eq=False)
class _Question:
    host: str
    why: str
    answered: threading.Event = field(default_factory=threading.Event)
    allowed: bool = False


class ConsentDialog(QMessageBox):
    def __init__(self, parent: QWidget | None, host: str, why: str, domain: str) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("consentDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Send your credentials to another host?"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(fmt(self.tr("Send your credentials to %1?"), host))
        self.setInformativeText(
            fmt(
                self.tr(
                    "A check wants to sign in to %1, which is outside %2 and is not one of "
                    "Microsoft's endpoints.\n\nReason given: %3\n\nAllow it only if you know "
                    "this host serves your mailboxes. The answer holds for this run only."
                ),
                host,
                domain,
                engine_text(why),
            )
        )
        self.allow_button = self.addButton(
            self.tr("&Allow for this run"), QMessageBox.ButtonRole.AcceptRole
        )
        self.refuse_button = self.addButton(
            self.tr("&Don't send"), QMessageBox.ButtonRole.RejectRole
        )
        self.allow_button.setAccessibleName(fmt(self.tr("Allow sign-in to %1"), host))
        self.refuse_button.setAccessibleName(fmt(self.tr("Do not send credentials to %1"), host))
        self.setDefaultButton(self.refuse_button)
        self.setEscapeButton(self.refuse_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)


class ConsentBroker(QObject):
    """One per run. `ask` is the engine's consent hook (worker threads)."""

    dialogShown = Signal(object)  # ConsentDialog, on the GUI thread (tests and logging)
    answered = Signal(str, bool)  # host, allowed
    _question = Signal(object)

    def __init__(self, parent_widget: QWidget, domain: str) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._domain = domain
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._decided: dict[str, bool] = {}
        self._open: dict[str, _Question] = {}
        self._dialogs: dict[str, ConsentDialog] = {}
        self._question.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- worker threads -----------------------------------------------------------------

    def ask(self, host: str, why: str) -> bool:
        host = host.lower().rstrip(".")
        with self._lock:
            if host in self._decided:
                return self._decided[host]
            if self._closed.is_set():
                return False
            question = self._open.get(host)
            first = question is None
            if question is None:
                question = self._open[host] = _Question(host, why)
        if first:
            self._question.emit(question)
        while not question.answered.wait(SLICE):
            if self._closed.is_set():
                return False
        return question.allowed

    # -- GUI thread -------------------------------------------------------------------

    def close(self) -> None:
        """The run is over or cancelled: every waiting worker gets "no" at once."""
        self._closed.set()
        with self._lock:
            questions = list(self._open.values())
            self._open.clear()
        for question in questions:
            question.answered.set()
        for dialog in list(self._dialogs.values()):
            dialog.done(QMessageBox.StandardButton.NoButton)
        self._dialogs.clear()

    @Slot(object)
    def _show(self, question: _Question) -> None:
        if self._closed.is_set():
            return
        dialog = ConsentDialog(self._parent_widget, question.host, question.why, self._domain)
        self._dialogs[question.host] = dialog
        dialog.buttonClicked.connect(
            lambda button: self._answer(question, button is dialog.allow_button)
        )
        dialog.finished.connect(lambda _code: self._answer(question, False))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialogShown.emit(dialog)

    def _answer(self, question: _Question, allowed: bool) -> None:
        with self._lock:
            if question.answered.is_set():
                return
            question.allowed = allowed
            self._decided[question.host] = allowed
            self._open.pop(question.host, None)
        question.answered.set()
        self._dialogs.pop(question.host, None)
        self.answered.emit(question.host, allowed)
