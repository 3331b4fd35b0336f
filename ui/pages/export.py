"""Export: save the report, off the GUI thread, through the engine's writers
(assistant.report.export: the same files the command line writes).

One PDF: the engine's own (fpdf2), the same file the command line writes. (A second one,
the HTML printed through Qt, ran words together and lost the status badges: dropped.)

Each file name is offered as `<domain>-<date>.<ext>` (ui.file_dialogs), in a file dialog
that speaks the wizard's language; the page lists every file written for this report.

The support bundle ("bundle", the command line's --bundle) is one .zip with the JSON,
the web page, the run's log (none for a report opened from a file) and a manifest.
The identities box (the command line's --redact-identities) applies to every file
saved here: mailbox names, people, internal host names and IPs become placeholders,
the signed-in name among them. Secrets are masked whatever the box says."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QPushButton, QVBoxLayout

from assistant.model import Report
from assistant.report import export
from ui.file_dialogs import default_file_name, save_dialog
from ui.i18n import fmt
from ui.pages.common import ErrorLabel, Page, hint_label
from ui.report_language import report_translate

KINDS = ("json", "html", "pdf", "bundle")  # the buttons, top to bottom
SUFFIXES = {"json": "json", "html": "html", "pdf": "pdf", "bundle": "zip"}


class ExportPage(Page):
    saved = Signal(str)  # path
    saveFailed = Signal(str)  # message

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("exportPage")
        self.setFinalPage(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.kinds = QLabel(self)  # one short line per kind of file
        self.kinds.setObjectName("fileKinds")
        self.kinds.setWordWrap(True)
        self.kinds.setTextFormat(Qt.TextFormat.PlainText)
        self.identities = QCheckBox(self)
        self.identities.setObjectName("redactIdentities")
        self.identities_hint = hint_label(self)
        self.identities_hint.setObjectName("redactIdentitiesHint")
        self.identities_hint.setIndent(22)
        self.english = QCheckBox(self)  # HTML and PDF in English for support (ux-startup)
        self.english.setObjectName("englishReport")
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.kinds)
        layout.addSpacing(8)
        layout.addWidget(self.identities)
        layout.addWidget(self.identities_hint)
        layout.addWidget(self.english)
        layout.addSpacing(8)
        for kind in KINDS:
            button = QPushButton(self)
            button.setObjectName(f"save_{kind}")
            button.clicked.connect(lambda _checked=False, k=kind: self._choose(k))
            self.buttons[kind] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.later = hint_label(self)
        self.status = QLabel(self)
        self.status.setObjectName("savedTo")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names a path
        self.error = ErrorLabel(self.buttons["json"], self)
        layout.addWidget(self.later)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._kinds = self._available()
        self.written: list[tuple[str, bool]] = []  # (path, with placeholders), this report's
        self._written_for: Report | None = None
        self.file_dialog: QFileDialog | None = None
        self.retranslate()

    def initializePage(self) -> None:
        self._kinds = self._available()
        report = self.app_wizard.session.report
        if report is not self._written_for:  # another report: its own list
            self.written, self._written_for = [], report
        self.error.show_error(None)
        self.retranslate()

    @staticmethod
    def _available() -> list[str]:
        return [k for k in KINDS if k in export.KINDS]

    def _has_log(self) -> bool:
        """Whether the bundle gets a run log: a report from a run, not from a file."""
        wizard = self.app_wizard
        session = wizard.session if wizard is not None else None
        return session is not None and session.runlog is not None and not session.opened_path

    def _choose(self, kind: str) -> None:
        filters = {
            "json": self.tr("JSON report (*.json)"),
            "html": self.tr("Web page (*.html)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "bundle": self.tr("Support bundle (*.zip)"),
        }
        report = self.app_wizard.session.report
        self.file_dialog = save_dialog(
            self,
            self.tr("Save the report"),
            default_file_name(report, SUFFIXES[kind]),
            filters[kind],
            lambda path: self.save(path, kind) if path else None,
        )
        self.file_dialog.destroyed.connect(self._dialog_gone)

    def _dialog_gone(self) -> None:
        self.file_dialog = None

    def save(self, path: str, kind: str = "json") -> None:
        """Write on a worker thread; `saved` or `saveFailed` follows on the GUI thread."""
        session = self.app_wizard.session
        report, redactor = session.report, session.redactor
        if report is None:
            return
        redact = self.identities.isChecked()
        translations = self.app_wizard.translations
        language = translations.language if translations is not None else None
        translate = report_translate(language, english=self.english.isChecked())
        names = (session.username,) if session.username else ()
        log = session.runlog.text() if self._has_log() else None  # a snapshot, taken here
        for button in self.buttons.values():
            button.setEnabled(False)
        self.status.setText(fmt(self.tr("Saving %1…"), path))

        def write() -> str:
            export.write_export(
                report,
                redactor,
                path,
                kind,
                log=log,
                redact_identities=redact,
                identity_names=names,
                translate=translate,
            )
            return path

        task = self.app_wizard.workers.run(write, "export")
        task.succeeded.connect(lambda done: self._done(done, redact))
        task.failed.connect(lambda message: self._failed(path, message))
        task.start()

    def _done(self, path: str, redacted: bool = False) -> None:
        self.written = [(p, r) for p, r in self.written if p != path]  # saved over: once
        self.written.append((path, redacted))
        self.error.show_error(None)
        self.retranslate()
        self.saved.emit(path)

    def _failed(self, path: str, message: str) -> None:
        reason = message.strip().splitlines()[-1] if message.strip() else ""
        self.error.show_error(fmt(self.tr("Could not save %1: %2"), path, reason))
        self.retranslate()
        self.saveFailed.emit(reason)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Save the report"))
        self.setSubTitle(self.tr("A report support can act on. Passwords are never in it."))
        more = any(k in self._kinds for k in ("html", "pdf", "bundle"))
        self.intro.setText(
            self.tr("The report holds every check, its evidence and the remedies. Save it as:")
            if more
            else self.tr(
                "The JSON report holds every check, its evidence and the remedies. Open it "
                "here again later, or send it to whoever helps you."
            )
        )
        lines = {
            "json": self.tr("JSON: the whole report; it opens here again later."),
            "html": self.tr("Web page (HTML): opens in any browser, easy to read and to send."),
            "pdf": self.tr("PDF: a document to print or to attach to a ticket."),
            "bundle": (
                self.tr(
                    "Support bundle (.zip): the JSON, the web page, the run log and a "
                    "manifest with checksums."
                )
                if self._has_log()
                else self.tr(
                    "Support bundle (.zip): the JSON, the web page and a manifest with "
                    "checksums (no run log: this report was opened from a file)."
                )
            ),
        }
        self.kinds.setText("\n".join(text for k, text in lines.items() if k in self._kinds))
        self.kinds.setVisible(more)
        self.identities.setText(
            self.tr("&Replace names, people, internal hosts and IPs with placeholders")
        )
        hint = self.tr(
            "For every file saved here. Each name always gets the same placeholder within a "
            "file (user1, Person 1, host1…), so support can still follow it."
        )
        self.identities_hint.setText(hint)
        self.identities.setToolTip(hint)
        self.identities.setAccessibleDescription(hint)
        self.english.setText(self.tr("Write the HTML and PDF in &English (for support)"))
        translations = getattr(self.wizard(), "translations", None)
        in_english = translations is None or translations.language == "en"
        self.english.setVisible(not in_english and bool({"html", "pdf"} & set(self._kinds)))
        texts = {
            "json": (self.tr("Save as &JSON…"), self.tr("Save the report as JSON")),
            "html": (self.tr("Save as &HTML…"), self.tr("Save the report as a web page")),
            "pdf": (self.tr("Save as &PDF…"), self.tr("Save the report as a PDF document")),
            "bundle": (
                self.tr("Save &support bundle (.zip)…"),
                self.tr("Save the report as a support bundle (one .zip file)"),
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
        self.status.setText(self._written_text())

    def _written_text(self) -> str:
        """Every file saved for this report, one a line (the last one last)."""
        lines = [
            fmt(self.tr("Saved to %1, with placeholders for names, hosts and IPs"), path)
            if redacted
            else fmt(self.tr("Saved to %1"), path)
            for path, redacted in self.written
        ]
        if len(lines) > 1:
            lines.insert(0, fmt(self.tr("%1 files saved:"), len(lines)))
        return "\n".join(lines)
