"""Where "Tell me more" leads for a step that needs attention: the remedy's own page
(Microsoft Learn, usually) when it names one, else our own docs for the step's area
(docs/<page>.md#<anchor>), as Remote Connectivity Analyzer links every failure.

The docs are local files (the source tree, or the app's bundle); the system opens them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl

from assistant.model import Step
from ui.widgets.evidence_format import safe_link

# Area (the first part of a step ID) → (docs page, anchor). Areas with a page of their own
# go there; the rest to troubleshooting.md, which has a section per area.
DOCS: dict[str, tuple[str, str]] = {
    "relay": ("relay.md", "the-checks"),
    "integration": ("integration.md", "the-checks"),
    "auth": ("oauth.md", "3-what-authtoken-tells-you"),
}
FALLBACK = "troubleshooting.md"
TROUBLESHOOTING_AREAS = ("dns", "autodiscover", "ews", "mapi", "imap", "pop", "smtp")


def docs_dir() -> Path:
    """docs/ beside the code, or in the frozen app's bundle (packaging/*.spec ships it)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "docs"
    return Path(__file__).resolve().parents[2] / "docs"


def docs_target(step_id: str) -> tuple[str, str]:
    """The docs page and anchor for a step: its area's page, else troubleshooting.md."""
    area = step_id.split(".", 1)[0]
    if area in DOCS:
        return DOCS[area]
    return FALLBACK, area if area in TROUBLESHOOTING_AREAS else "other"


def docs_url(step_id: str, folder: Path | None = None) -> str | None:
    page, anchor = docs_target(step_id)
    path = (folder or docs_dir()) / page
    if not path.is_file():
        return None
    url = QUrl.fromLocalFile(str(path))
    url.setFragment(anchor)
    return url.toString()


def tell_me_more(step: Step | None, folder: Path | None = None) -> str | None:
    """The "Tell me more" target of a step that needs attention; None for the others."""
    if step is None or not step.status.is_problem:
        return None
    if step.remedy is not None and (link := safe_link(step.remedy.link)):
        return link
    return docs_url(step.id, folder)
