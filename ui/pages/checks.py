"""What to test: one line per area with what it does and what it needs. Areas the engine
does not have yet are shown disabled, "coming in a later version"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from assistant.checks.catalogue import areas as engine_areas
from ui.pages.common import Page, hint_label
from ui.texts import GROUPS, Area, area_text, areas_for

DEFAULT_AREAS = ("dns", "autodiscover", "ews", "mapi")


class ChecksPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("checksPage")
        self.rows: list[tuple[Area, bool, QCheckBox, QLabel]] = []
        self.groups: dict[str, QGroupBox] = {}
        # The list grows as the engine gains areas: it scrolls rather than clip.
        content, layout = self.scrolling_content("areasScroll")
        layout.setContentsMargins(0, 0, 0, 0)
        available = engine_areas()
        box_layouts: dict[str, QVBoxLayout] = {}
        for group in GROUPS:
            box = QGroupBox(content)
            box_layout = QVBoxLayout(box)
            box_layout.setSpacing(2)
            self.groups[group] = box
            box_layouts[group] = box_layout
            layout.addWidget(box)
        for area, enabled in areas_for(available):
            box = self.groups[area.group]
            box_layout = box_layouts[area.group]
            check = QCheckBox(box)
            check.setObjectName(f"area_{area.key}")
            check.setEnabled(enabled)
            check.toggled.connect(self.completeChanged)
            line = hint_label(box)
            line.setObjectName(f"area_{area.key}_line")
            line.setIndent(22)
            line.setEnabled(enabled)
            box_layout.addWidget(check)
            box_layout.addWidget(line)
            self.rows.append((area, enabled, check, line))
        layout.addStretch(1)
        self.retranslate()

    def set_selected(self, keys: list[str] | tuple[str, ...]) -> None:
        for area, enabled, check, _line in self.rows:
            check.setChecked(enabled and area.key in keys)

    def selected(self) -> list[str]:
        return [a.key for a, enabled, check, _ in self.rows if enabled and check.isChecked()]

    def needs_credentials(self) -> bool:
        chosen = set(self.selected())
        return any(
            a.needs_credentials or a.key == "autodiscover" for a, *_ in self.rows if a.key in chosen
        )

    def isComplete(self) -> bool:
        return bool(self.selected())

    def validatePage(self) -> bool:
        wizard = self.app_wizard
        wizard.session.areas = self.selected()
        # With Integration or Relay ticked their pages come after Sign-in, and the last of
        # them starts the run (Relay's, when both are).
        chosen = set(wizard.session.areas)
        wizard.signin_page.setCommitPage(not chosen & {"relay", "integration"})
        wizard.integration_page.setCommitPage("relay" not in chosen)
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("What to test"))
        self.setSubTitle(self.tr("Pick the areas to check. What each one needs is said below it."))
        for group, box in self.groups.items():
            box.setTitle(area_text(group))
        later = self.tr("Coming in a later version.")
        for area, enabled, check, line in self.rows:
            check.setText(area_text(area.title))
            parts = [area_text(area.does), area_text(area.needs)]
            if not enabled:
                parts.append(later)
            text = " ".join(p for p in parts if p)
            line.setText(text)
            check.setAccessibleName(area_text(area.title))
            check.setAccessibleDescription(text)
