"""Results: the summary banner, "What to do first" (the failures that explain the others,
the engine's ranking), the tree (problems only by default), and for the selected step its
details, evidence and remedy; copy to the clipboard; start over.

On arrival the first item of "What to do first" is selected and opened, not the tree's
first row: with an expired autodiscover certificate the admin sees that failure, not the
DMARC warning that happens to come earlier in run order."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
)

from assistant.model import Report, Step
from ui.browser import BrowserOpener
from ui.i18n import fmt
from ui.pages.common import Page
from ui.texts import cloud_name, engine_text, status_name
from ui.widgets.banner import SummaryBanner
from ui.widgets.evidence_view import StepDetails
from ui.widgets.first_actions import FirstActions
from ui.widgets.rerun import RerunBar
from ui.widgets.step_tree import PROBLEMS, StepTree
from ui.widgets.timeline import TIMELINE_KIND, RelayTimelines


class ResultsPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("resultsPage")
        self.report: Report | None = None
        self.banner = SummaryBanner(self)
        self.problems_only = QCheckBox(self)
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self._filter)
        self.copy_summary = QPushButton(self)
        self.copy_summary.setObjectName("copySummary")
        self.copy_summary.clicked.connect(self.copy)
        self.new_run = QPushButton(self)
        self.new_run.setObjectName("newDiagnosis")
        self.new_run.clicked.connect(self._new_diagnosis)
        self.tree = StepTree(self)
        self.tree.setObjectName("resultsTree")
        self.details = StepDetails(self)
        self.details.open_url = self._open_url
        self.tree.stepSelected.connect(self.details.show_step)
        self.first_actions = FirstActions(self)
        self.first_actions.chosen.connect(self.tree.select_step)
        self._opener: BrowserOpener | None = None
        right = self._details_column()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("resultsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.problems_only)
        bar.addWidget(RerunBar(self.tree, self))  # "Run again" (ux-rerun's, issue 16 item 2)
        bar.addStretch(1)
        bar.addWidget(self.copy_summary)
        bar.addWidget(self.new_run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.first_actions)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    def _details_column(self) -> QSplitter:
        """The details, with relay.roundtrip's delivery timelines above them (issue 14)."""
        self.timeline = RelayTimelines()
        self.timeline.hide()
        self.timeline_scroll = QScrollArea(self)
        self.timeline_scroll.setObjectName("timelineScroll")
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.timeline_scroll.setWidget(self.timeline)
        self.timeline_scroll.hide()
        self.tree.stepSelected.connect(self._show_timeline)
        right = QSplitter(Qt.Orientation.Vertical, self)
        self.details_splitter = right
        right.setObjectName("detailsSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(self.timeline_scroll)
        right.addWidget(self.details)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        return right

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        session = self.app_wizard.session
        self.report = session.report
        steps = self.report.steps if self.report is not None else []
        self.tree.redact = session.redactor
        self.details.redact = session.redactor
        self.first_actions.redact = session.redactor
        self.timeline.redact = session.redactor
        self.tree.show_steps(steps)
        problems = any(step.status.value in PROBLEMS for step in steps)
        self.problems_only.blockSignals(True)
        self.problems_only.setChecked(problems)
        self.problems_only.blockSignals(False)
        self.tree.set_problems_only(problems)
        self.first_actions.show_steps(steps)
        QTimer.singleShot(0, self, self._room_for_titles)  # once the page has its size
        first = self.first_actions.first()
        if first is None or self.tree.select_step(first.step_id, first.check_id) is None:
            self.tree.select_first_problem()
        self.retranslate()

    def _room_for_titles(self) -> None:
        """Long check titles (integration's) widen the tree's side of the splitter, up to
        two thirds, so the Result column keeps some room; never narrows what the user set."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        needed = self.tree.wanted_width()
        if total and sizes[0] < needed:
            left = min(needed, total * 2 // 3)
            self.splitter.setSizes([left, total - left])

    def _open_url(self, url: str) -> None:
        """A link from the details ("Tell me more", the remedy's page): the wizard's opener,
        which hands the address over on a later turn of the event loop (ui/browser.py)."""
        wizard = self.app_wizard
        if wizard is None:
            return
        if self._opener is None:
            # Looked up at each call: tests (and the demo) replace the wizard's open_url.
            self._opener = BrowserOpener(lambda url: wizard.open_url(url), self)  # noqa: PLW0108
        self._opener(url)

    def _show_timeline(self, step: Step | None) -> None:
        """A step with delivery timelines (relay.roundtrip: one per test message, in its
        child steps) shows them drawn."""
        found = [
            item.data
            for each in (step.walk() if step is not None else [])
            for item in each.evidence
            if item.kind == TIMELINE_KIND and isinstance(item.data, dict)
        ]
        self.timeline.show_all(found)
        self.timeline_scroll.setVisible(bool(found))
        sizes = self.details_splitter.sizes()
        if found and sizes[0] < sum(sizes) // 3:  # first shown (or squeezed): half of it
            self.details_splitter.setSizes([sum(sizes) // 2, sum(sizes) - sum(sizes) // 2])

    def _new_diagnosis(self) -> None:
        self.app_wizard.new_diagnosis()

    def _filter(self, on: bool) -> None:
        self.tree.set_problems_only(on)

    def summary_text(self) -> str:
        if self.report is None:
            return ""
        redact = self.app_wizard.session.redactor
        lines = [self.subTitle(), self.banner.text.accessibleName(), ""]
        for step in self.report.steps:
            lines.append(
                f"[{status_name(step.status.value)}] {engine_text(step.title)} "
                f"({step.id}): {engine_text(redact(step.summary))}"
            )
            if step.status.is_problem and step.remedy is not None:
                lines.append(f"    → {engine_text(redact(step.remedy.text))}")
                if step.remedy.link:
                    lines.append(f"      {step.remedy.link}")
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.summary_text())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Results"))
        wizard = self.app_wizard
        session = wizard.session if wizard is not None else None
        report = self.report
        if report is not None and session is not None:
            who = report.target.get("email") or report.target.get("domain_unicode") or ""
            if session.opened_path:
                sub = fmt(self.tr("Saved report for %1, created %2."), who, report.created)
            else:
                try:
                    from assistant.facts import Cloud

                    env = cloud_name(Cloud(str(report.target.get("cloud"))))
                except ValueError:
                    env = str(report.target.get("cloud"))
                sub = fmt(self.tr("%1 in %2."), who, env)
            self.setSubTitle(sub)
            note = ""
            if session.opened_path:
                note = fmt(self.tr("Opened from %1"), session.opened_path)
            self.banner.show_summary(report.steps, cancelled=session.cancelled, note=note)
        self.problems_only.setText(self.tr("Show only &problems"))
        self.copy_summary.setText(self.tr("Copy &summary"))
        self.copy_summary.setAccessibleName(self.tr("Copy the summary to the clipboard"))
        self.new_run.setText(self.tr("Ne&w diagnosis"))
        self.splitter.setAccessibleName(self.tr("Results and details"))
