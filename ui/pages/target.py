"""Target: the email address (its domain derived, editable), the environment, and the
Advanced section. In demo mode, a scenario picker fills these in from the lab.

The cloud detection seam (ui.detect.detect_cloud) runs on a worker thread; its answer
becomes the default environment unless the user already chose one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assistant.config import InputError, Target, normalize_domain
from assistant.facts import Cloud
from ui import detect
from ui.demo import DemoScenario, group_label
from ui.i18n import fmt
from ui.pages.advanced import AdvancedOptions
from ui.pages.common import ErrorLabel, Page, hint_label
from ui.texts import cloud_name, field_error_text
from ui.worker import Workers

HEADING_ROLE = Qt.ItemDataRole.UserRole + 1  # the scenario picker's group headings


def _stack(*widgets: QWidget) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    for widget in widgets:
        box.addWidget(widget)
    return box


def _valid_or_none(text: str, parse: Callable[[str], object]) -> str | None:
    """`text` if `parse` accepts it (or it is empty), else None (settings forget the key)."""
    if not text:
        return text
    try:
        parse(text)
    except InputError:
        return None
    return text


class TargetPage(Page):
    def __init__(self, workers: Workers) -> None:
        super().__init__()
        self.setObjectName("targetPage")
        self._workers = workers
        self._domain_edited = False
        self._cloud_chosen = False
        self._detected: tuple[str, Cloud] | None = None
        self._detect_pending = ""
        self._scenarios: list[DemoScenario] = []
        self._valid = False
        self._errors: tuple[str | None, str | None] = (None, None)  # email, domain (engine text)

        self.scenario_label = QLabel(self)
        self.scenario = self._scenario_picker()
        self.scenario.currentIndexChanged.connect(self._scenario_chosen)
        self.email = QLineEdit(self)
        self.email.setObjectName("email")
        self.email.textEdited.connect(self._email_edited)
        self.email_error = ErrorLabel(self.email, self)
        self.domain = QLineEdit(self)
        self.domain.setObjectName("domain")
        self.domain.textEdited.connect(self._domain_typed)
        self.domain_error = ErrorLabel(self.domain, self)
        self.cloud = QComboBox(self)
        self.cloud.setObjectName("cloud")
        for cloud in Cloud:
            self.cloud.addItem("", cloud.value)
        self.cloud.activated.connect(self._cloud_picked)
        self.cloud.currentIndexChanged.connect(self._changed)
        self.cloud_hint = hint_label(self)
        self.cloud_hint.setObjectName("cloudHint")
        self.cloud_hint.hide()
        self.lab_status = hint_label(self)
        self.lab_status.hide()
        self.advanced_toggle = QToolButton(self)
        self.advanced_toggle.setObjectName("advancedToggle")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.toggled.connect(self.show_advanced)
        self.advanced = AdvancedOptions(self)
        self.advanced.changed.connect(self._changed)
        self.advanced.hide()
        self.labels = [QLabel(self) for _ in range(3)]
        self._lay_out()
        self._detect_timer = QTimer(self)
        self._detect_timer.setSingleShot(True)
        self._detect_timer.setInterval(400)
        self._detect_timer.timeout.connect(self._detect)
        self.retranslate()

    def _scenario_picker(self) -> QComboBox:
        picker = QComboBox(self)
        picker.setObjectName("scenario")
        # As wide as the form, not as the longest of the lab's 80 descriptions.
        picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        picker.setMinimumContentsLength(24)
        picker.setMaxVisibleItems(24)
        return picker

    def _lay_out(self) -> None:
        self.form = form = QFormLayout()
        form.addRow(self.scenario_label, self.scenario)
        for label, field, layout in (
            (self.labels[0], self.email, _stack(self.email, self.email_error)),
            (self.labels[1], self.domain, _stack(self.domain, self.domain_error)),
            (self.labels[2], self.cloud, _stack(self.cloud, self.cloud_hint)),
        ):
            label.setBuddy(field)
            form.addRow(label, layout)
        self.scenario_label.setBuddy(self.scenario)
        form.setRowVisible(0, False)
        # In a scroll area: with the Advanced options open and their errors shown, a short
        # window (150 % scaling on a laptop) scrolls instead of squeezing the rows until an
        # error's lines were drawn over the field above them.
        content = QWidget()
        content.setObjectName("targetContent")
        scroll = QScrollArea(self)
        scroll.setObjectName("targetScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.addWidget(self.lab_status)
        layout.addLayout(form)
        layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        layout.addStretch(1)

    # -- state --------------------------------------------------------------------------

    def load(self, values: dict[str, Any]) -> None:
        self.email.setText(values.get("email") or "")
        self.domain.setText(values.get("domain") or "")
        self._domain_edited = (
            bool(values.get("domain"))
            and values.get("domain") != ((values.get("email") or "").rpartition("@")[2])
        )
        try:
            self.set_cloud(Cloud(values.get("cloud") or Cloud.WORLDWIDE))
        except ValueError:
            self.set_cloud(Cloud.WORLDWIDE)
        self.advanced.load(values)
        self.show_advanced(bool(values.get("advanced_open")))
        self._changed()

    def values(self) -> dict[str, object]:
        """What may be remembered: the address and domain only as they validated."""
        return {
            "email": _valid_or_none(self.email.text().strip(), Target.parse_email),
            "domain": _valid_or_none(self.domain.text().strip(), normalize_domain),
            "cloud": self.current_cloud().value,
            "advanced_open": self.advanced_toggle.isChecked(),
            **self.advanced.values(),
        }

    def current_cloud(self) -> Cloud:
        return Cloud(self.cloud.currentData())

    def set_cloud(self, cloud: Cloud) -> None:
        self.cloud.setCurrentIndex(max(0, self.cloud.findData(cloud.value)))

    def show_advanced(self, shown: bool) -> None:
        if self.advanced_toggle.isChecked() != shown:
            self.advanced_toggle.setChecked(shown)
            return
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    # -- demo ---------------------------------------------------------------------------

    def set_demo(self, scenarios: list[DemoScenario], current: str) -> None:
        """The picker: every scenario, under a heading per group (headings are bold and
        cannot be chosen; the arrow keys step over them)."""
        self._scenarios = scenarios
        self.scenario.blockSignals(True)
        self.scenario.clear()
        group = None
        for item in scenarios:
            if item.group != group:
                group = item.group
                self._add_heading(group)
            self.scenario.addItem(item.display(), item.name)
        self.scenario.setCurrentIndex(max(0, self.scenario.findData(current)))
        if self.scenario.currentData() is None:  # `current` unknown: the first scenario
            self.scenario.setCurrentIndex(1)
        self.scenario.blockSignals(False)
        self.form.setRowVisible(0, True)
        self._scenario_chosen(self.scenario.currentIndex())

    def _add_heading(self, group: str) -> None:
        self.scenario.addItem(group_label(group), None)
        self.scenario.setItemData(self.scenario.count() - 1, group, HEADING_ROLE)
        model = self.scenario.model()
        if isinstance(model, QStandardItemModel):
            heading = model.item(self.scenario.count() - 1)
            heading.setFlags(
                heading.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled
            )
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            # Not the disabled grey: a heading, readable in light and dark palettes.
            heading.setForeground(self.scenario.palette().brush(QPalette.ColorRole.Highlight))

    def set_lab_status(self, text: str) -> None:
        self.lab_status.setText(text)
        self.lab_status.setVisible(bool(text))
        self._changed()

    def _scenario_chosen(self, index: int) -> None:
        name = self.scenario.itemData(index)
        item = next((s for s in self._scenarios if s.name == name), None)
        if item is None:  # a heading, or nothing yet
            return
        self.email.setText(item.email)
        self.domain.setText(item.domain)
        self._domain_edited = False
        self._cloud_chosen = False
        # What was detected for the previous scenario's domain is not this one's: the hint
        # goes until detection answers for the new domain (a late answer for the old one
        # is dropped: _detected_cloud).
        self._detected = None
        self.cloud_hint.hide()
        self.set_cloud(item.cloud)
        if self.app_wizard is not None:
            self.app_wizard.scenario_changed(item.name)
        self._changed()

    # -- validation ---------------------------------------------------------------------

    def _email_edited(self, text: str) -> None:
        if not self._domain_edited:
            self.domain.setText(text.rpartition("@")[2].strip() if "@" in text else "")
        self._changed()

    def _domain_typed(self, text: str) -> None:
        self._domain_edited = bool(text.strip())
        self._changed()

    def _cloud_picked(self, _index: int) -> None:
        self._cloud_chosen = True
        self.cloud_hint.hide()

    def _changed(self, *_args: object) -> None:
        self._valid = self._validate()
        self.completeChanged.emit()

    def _validate(self) -> bool:
        cloud = self.current_cloud()
        email_text, domain_text = self.email.text().strip(), self.domain.text().strip()
        email_error = domain_error = None
        target = None
        if email_text:
            try:
                target = Target.parse_email(email_text, cloud)
            except InputError as exc:
                email_error = exc.message
        domain = None
        if domain_text:
            try:
                domain = normalize_domain(domain_text)
            except InputError as exc:
                domain_error = exc.message
        self._errors = (email_error, domain_error)
        self._show_errors()
        options = self.advanced.options()
        if email_error or domain_error or options is None or not (target or domain):
            return False
        if domain is not None and domain != (target.domain if target else None):
            self._schedule_detect(domain)
        elif target is not None:
            self._schedule_detect(target.domain)
        session = self.app_wizard.session if self.app_wizard is not None else None
        if session is not None:
            email = target.email if target else None
            if not domain:
                assert target is not None  # one of the two was given (checked above)
                domain = target.domain
            session.target = Target(domain=domain, email=email, cloud=cloud)
            session.options = options
        return True

    def _show_errors(self) -> None:
        """The input errors in the current language (again after a language switch)."""
        email_error, domain_error = self._errors
        self.email_error.show_error(field_error_text(email_error) if email_error else None)
        self.domain_error.show_error(field_error_text(domain_error) if domain_error else None)

    def isComplete(self) -> bool:
        wizard = self.app_wizard
        demo = wizard.session.demo if wizard is not None else None
        lab_ready = demo is None or demo.lab is not None
        return self._valid and lab_ready

    # -- cloud detection (the seam) -------------------------------------------------------

    def _schedule_detect(self, domain: str) -> None:
        if self._detected is not None and self._detected[0] == domain:
            return
        if domain != self._detect_pending:
            self._detect_pending = domain
            self._detect_timer.start()

    def stop_detection(self) -> None:
        self._detect_timer.stop()

    def _detect(self) -> None:
        domain = self._detect_pending
        options = self.advanced.options()
        task = self._workers.run(lambda: detect.detect_cloud(domain, options), "detect")
        task.succeeded.connect(lambda cloud: self._detected_cloud(domain, cloud))
        task.start()

    def _detected_cloud(self, domain: str, cloud: Cloud | None) -> None:
        if cloud is None or domain != self._detect_pending:
            return
        self._detected = (domain, cloud)
        if not self._cloud_chosen:
            self.set_cloud(cloud)
        self._show_detected()

    def _show_detected(self) -> None:
        if self._detected is None:
            return
        self.cloud_hint.setText(
            fmt(
                self.tr("Detected from the tenant's sign-in metadata: %1"),
                cloud_name(self._detected[1]),
            )
        )
        self.cloud_hint.show()

    # -- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("What to diagnose"))
        self.setSubTitle(self.tr("The mailbox to test. Its domain is filled in for you."))
        self.scenario_label.setText(self.tr("Demo &scenario:"))
        self.scenario.setAccessibleName(self.tr("Demo scenario"))
        by_name = {s.name: s for s in self._scenarios}
        for index in range(self.scenario.count()):
            heading = self.scenario.itemData(index, HEADING_ROLE)
            shown = by_name.get(self.scenario.itemData(index))
            if heading is not None:
                self.scenario.setItemText(index, group_label(heading))
            elif shown is not None:
                self.scenario.setItemText(index, shown.display())
        self.labels[0].setText(self.tr("&Email address:"))
        self.labels[1].setText(self.tr("Do&main:"))
        self.labels[2].setText(self.tr("En&vironment:"))
        self.email.setPlaceholderText(self.tr("user@contoso.com"))
        self.email.setAccessibleName(self.tr("Email address"))
        self.domain.setPlaceholderText(self.tr("contoso.com"))
        self.domain.setAccessibleName(self.tr("Domain"))
        self.cloud.setAccessibleName(self.tr("Environment"))
        for index in range(self.cloud.count()):
            self.cloud.setItemText(index, cloud_name(Cloud(self.cloud.itemData(index))))
        self.advanced_toggle.setText(self.tr("&Advanced options"))
        self.advanced_toggle.setAccessibleName(self.tr("Show advanced options"))
        self._show_detected()
        self._show_errors()
