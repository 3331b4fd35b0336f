"""Welcome: diagnose now, open a saved report or compare two; the language switch; demo
status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from ui.about import AboutButton
from ui.i18n import LANGUAGES, fmt
from ui.pages.common import ErrorLabel, Page, hint_label
from ui.pages.ids import RESULTS, TARGET

BUILTIN_MAIL = "builtin-mail"  # update_demo's detail when the lab has no Dovecot

if TYPE_CHECKING:  # the comparison loads when it is first asked for (docs/PERFORMANCE.md)
    from assistant.report.diff import ReportDiff
    from ui.pages.compare import CompareDialog, LoadError


class WelcomePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("welcomePage")
        self._demo_state, self._demo_detail = "", ""
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.demo_note = hint_label(self)
        self.demo_note.setObjectName("demoNote")
        self.demo_note.hide()
        self.diagnose = QCommandLinkButton(self)
        self.diagnose.setObjectName("diagnoseNow")
        self.diagnose.clicked.connect(self._diagnose)
        self.open_report = QCommandLinkButton(self)
        self.open_report.setObjectName("openReport")
        self.open_report.clicked.connect(self._choose_report)
        self.open_error = ErrorLabel(self.open_report, self)
        self.compare = QCommandLinkButton(self)
        self.compare.setObjectName("compareReports")
        self.compare.clicked.connect(self._choose_pair)
        self.compare_error = ErrorLabel(self.compare, self)
        self.compare_dialog: CompareDialog | None = None
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self.language.currentIndexChanged.connect(self._language_chosen)

        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language)
        lang_row.addStretch(1)
        self.about = AboutButton(self)
        lang_row.addWidget(self.about)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.demo_note)
        layout.addSpacing(8)
        layout.addWidget(self.diagnose)
        layout.addWidget(self.open_report)
        layout.addWidget(self.open_error)
        layout.addWidget(self.compare)
        layout.addWidget(self.compare_error)
        layout.addStretch(1)
        layout.addLayout(lang_row)
        self.retranslate()

    def set_language(self, code: str) -> None:
        index = self.language.findData(code)
        if index >= 0 and index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)

    def _language_chosen(self, index: int) -> None:
        self.app_wizard.switch_language(self.language.itemData(index))

    def _diagnose(self) -> None:
        self.app_wizard.session.opened_path = None
        self.app_wizard.next()

    def _choose_report(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a saved report"), "", self.tr("Reports (*.json)")
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        error = self.app_wizard.open_report(path)
        self.open_error.show_error(error)
        if error is None:
            self.app_wizard.next()
        return error is None

    def _choose_pair(self) -> None:
        older, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the older report"), "", self.tr("Reports (*.json)")
        )
        if not older:
            return
        newer, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the newer report"), "", self.tr("Reports (*.json)")
        )
        if newer:
            self.compare_paths(older, newer)

    def compare_paths(self, older: str, newer: str) -> None:
        """Load both on a worker; the dialog (or the reason it cannot be shown) follows on
        the GUI thread. Nothing else changes: the session's report stays as it was."""
        from ui.pages.compare import LoadError, load_and_diff

        self.compare.setEnabled(False)
        self.compare_error.show_error(None)
        task = self.app_wizard.workers.run(lambda: load_and_diff(older, newer), "compare")
        task.succeeded.connect(lambda result: self._compared(result, older, newer))
        task.failed.connect(lambda message: self._compared(LoadError(message), older, newer))
        task.start()

    def _compared(self, result: ReportDiff | LoadError, older: str, newer: str) -> None:
        from ui.pages.compare import CompareDialog, LoadError

        self.compare.setEnabled(True)
        if isinstance(result, LoadError):
            lines = str(result).strip().splitlines()
            self.compare_error.show_error(lines[-1] if lines else "")
            return
        if self.compare_dialog is not None:
            self.compare_dialog.close()
            self.compare_dialog.deleteLater()
        self.compare_dialog = CompareDialog(result, older, newer, self)
        self.compare_dialog.show()

    def nextId(self) -> int:
        return RESULTS if self.app_wizard.session.opened_path else TARGET

    def update_demo(self, state: str, detail: str = "") -> None:
        """state: "" (no demo), "starting", "ready" or "failed"."""
        self._demo_state, self._demo_detail = state, detail
        self.demo_note.setVisible(bool(state))
        texts = {
            "starting": self.tr("Demo mode: starting the built-in lab…"),
            "ready": self.tr(
                "Demo mode: a lab on this computer plays a Microsoft 365 tenant and an "
                "Exchange Server, healthy and broken. Nothing leaves this computer."
            ),
            "failed": fmt(self.tr("Demo mode: the lab could not start: %1"), detail),
        }
        text = texts.get(state, "")
        if state == "ready" and detail == BUILTIN_MAIL:
            text += " " + self.tr(
                "IMAP and POP are played by a small built-in responder, as Dovecot is not "
                "installed here."
            )
        self.demo_note.setText(text)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(
            self.tr("Find out why mail clients, apps and servers cannot reach Exchange.")
        )
        self.intro.setText(
            self.tr(
                "This assistant checks a domain's DNS, walks Outlook's autodiscover sequence "
                "and signs in over each protocol, then tells you what to change. Everything "
                "runs from this computer, inside your own network."
            )
        )
        self.diagnose.setText(self.tr("&Diagnose now"))
        self.diagnose.setDescription(
            self.tr("Test a mailbox or a domain: DNS, autodiscover and sign-ins.")
        )
        self.open_report.setText(self.tr("&Open a saved report…"))
        self.open_report.setDescription(
            self.tr("Look at a report saved earlier, or one a colleague sent you.")
        )
        self.compare.setText(self.tr("&Compare two reports…"))
        self.compare.setDescription(
            self.tr("See what changed between an older report and a newer one.")
        )
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language"))
        self.about.retranslate()
        self.update_demo(self._demo_state, self._demo_detail)
