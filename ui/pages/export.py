"""Export: save the report, off the GUI thread. JSON always; HTML and PDF as soon as the
engine offers them (ui.exporters finds them at run time: the seam).

Two PDFs: the engine's own (fpdf2, "pdf") stays the main one, the same file the command
line writes; "qtpdf" prints the engine's HTML through Qt (ui.qt_pdf), offered whenever
the HTML renderer exists, with the system's fonts and the web page's layout."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout

from ui import exporters, qt_pdf
from ui.i18n import fmt
from ui.pages.common import ErrorLabel, Page, hint_label


class ExportPage(Page):
    saved = Signal(str)  # path
    saveFailed = Signal(str)  # message

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("exportPage")
        self.setFinalPage(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        for kind in ("json", "html", "pdf", "qtpdf"):
            button = QPushButton(self)
            button.setObjectName(f"save_{kind}")
            button.clicked.connect(lambda _checked=False, k=kind: self._choose(k))
            self.buttons[kind] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.later = hint_label(self)
        self.status = QLabel(self)
        self.status.setObjectName("savedTo")
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self.buttons["json"], self)
        layout.addWidget(self.later)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._kinds = self._available()
        self._last = ""
        self.retranslate()

    def initializePage(self) -> None:
        self._kinds = self._available()
        self._last = ""
        self.status.clear()
        self.error.show_error(None)
        self.retranslate()

    @staticmethod
    def _available() -> list[str]:
        kinds = exporters.available()
        return [*kinds, "qtpdf"] if "html" in kinds and qt_pdf.available() else kinds

    def _choose(self, kind: str) -> None:
        filters = {
            "json": self.tr("JSON report (*.json)"),
            "html": self.tr("Web page (*.html)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "qtpdf": self.tr("PDF document (*.pdf)"),
        }
        suffix = "pdf" if kind == "qtpdf" else kind
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), f"connectivity-report.{suffix}", filters[kind]
        )
        if path:
            self.save(path, kind)

    def save(self, path: str, kind: str = "json") -> None:
        """Write on a worker thread; `saved` or `saveFailed` follows on the GUI thread."""
        session = self.app_wizard.session
        report, redactor = session.report, session.redactor
        if report is None:
            return
        for button in self.buttons.values():
            button.setEnabled(False)
        self.status.setText(fmt(self.tr("Saving %1…"), path))
        if kind == "qtpdf":
            task = self.app_wizard.workers.run(
                lambda: qt_pdf.export_pdf(report, redactor, path), "export"
            )
        else:
            task = self.app_wizard.workers.run(
                lambda: exporters.export(report, redactor, path, kind), "export"
            )
        task.succeeded.connect(self._done)
        task.failed.connect(lambda message: self._failed(path, message))
        task.start()

    def _done(self, path: str) -> None:
        self._last = path
        self.error.show_error(None)
        self.retranslate()
        self.saved.emit(path)

    def _failed(self, path: str, message: str) -> None:
        reason = message.strip().splitlines()[-1] if message.strip() else ""
        self.status.clear()
        self.error.show_error(fmt(self.tr("Could not save %1: %2"), path, reason))
        self.retranslate()
        self.saveFailed.emit(reason)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Save the report"))
        self.setSubTitle(self.tr("A report support can act on. Passwords are never in it."))
        self.intro.setText(
            self.tr(
                "The report holds every check, its evidence and the remedies. A JSON report "
                "opens here again later; a web page or PDF is easier to read and to send."
            )
            if "html" in self._kinds or "pdf" in self._kinds
            else self.tr(
                "The JSON report holds every check, its evidence and the remedies. Open it "
                "here again later, or send it to whoever helps you."
            )
        )
        texts = {
            "json": (self.tr("Save as &JSON…"), self.tr("Save the report as JSON")),
            "html": (self.tr("Save as &HTML…"), self.tr("Save the report as a web page")),
            "pdf": (self.tr("Save as &PDF…"), self.tr("Save the report as a PDF document")),
            "qtpdf": (
                self.tr("Save as PDF (print &layout)…"),
                self.tr("Save the report as a PDF document laid out like the web page"),
            ),
        }
        for kind, button in self.buttons.items():
            button.setText(texts[kind][0])
            button.setAccessibleName(texts[kind][1])
            button.setVisible(kind in self._kinds)
            button.setEnabled(True)
        missing = [k for k in ("html", "pdf") if k not in self._kinds]
        self.later.setVisible(bool(missing))
        self.later.setText(
            {
                ("html", "pdf"): self.tr("HTML and PDF reports come in a later version."),
                ("pdf",): self.tr("PDF reports come in a later version."),
                ("html",): self.tr("HTML reports come in a later version."),
            }.get(tuple(missing), "")
        )
        if self._last:
            self.status.setText(fmt(self.tr("Saved to %1"), self._last))
