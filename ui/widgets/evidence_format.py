"""A step as HTML (for the details pane) and plain text (clipboard).

The remedy reads as prose with its PowerShell commands in blocks, each with a Copy link
("copy:<n>", handled by the pane); "Tell me more" opens the remedy's page or
our own docs. Details read as prose, except the parts that are data (a record, a
listing: `verbatim` in the engine), which are set fixed-width. Evidence keeps its shape
(ui/widgets/evidence_html.py). Every string is escaped and passed through the run's
redactor; only http(s) links become anchors.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from assistant.model import Step
from assistant.text import Joined, Message, Text, Verbatim
from ui.texts import engine_text, status_name
from ui.widgets.evidence_html import MONO, evidence_html, pre
from ui.widgets.powershell import Segment, split_commands

Redact = Callable[[str], str]
COPY_SCHEME = "copy"


def safe_link(url: str | None) -> str | None:
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


def _headings() -> dict[str, str]:
    return {
        "remedy": QCoreApplication.translate("Details", "What to change"),
        "details": QCoreApplication.translate("Details", "Details"),
        "evidence": QCoreApplication.translate("Details", "Evidence"),
        "steps": QCoreApplication.translate("Details", "Steps"),
    }


def _duration(ms: int) -> str:
    return QCoreApplication.translate("Details", "%1 ms").replace("%1", str(ms))


@dataclass(frozen=True)
class Look:
    """What the pane's palette says: the command blocks' background."""

    code_background: str = "#f0f0f0"


def _where(url: str) -> str:
    """Where a link leads, in a few characters: the web site, or our docs page."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "docs/" + parts.path.rsplit("/", 1)[-1]
    return parts.netloc


def remedy_segments(step: Step, redact: Redact) -> list[Segment]:
    """The remedy in the reader's language, cut into prose and PowerShell commands."""
    if step.remedy is None:
        return []
    return split_commands(engine_text(redact(step.remedy.text)))


def step_html(
    step: Step, redact: Redact, *, more: str | None = None, look: Look | None = None
) -> str:
    """`more`: the "Tell me more" target when there is one (a problem step)."""
    look = look or Look()
    h = {key: escape(text) for key, text in _headings().items()}

    def e(text: str) -> str:
        return escape(engine_text(redact(text)))

    parts = [
        f"<h3>{e(engine_text(step.title))}</h3>",
        f"<p><b>{escape(status_name(step.status.value))}</b> &nbsp; "
        f"<span style='color: gray;'>{e(step.id)}</span>"
        + (f" &nbsp; {escape(_duration(step.duration_ms))}" if step.duration_ms else "")
        + "</p>",
    ]
    if step.summary:
        parts.append(f"<p>{e(step.summary)}</p>")
    if step.remedy is not None:
        parts.append(f"<h4>{h['remedy']}</h4>")
        parts.append(_remedy_html(remedy_segments(step, redact), look))
        link = safe_link(step.remedy.link)
        if link and link != more:
            parts.append(f'<p><a href="{escape(link, quote=True)}">{e(link)}</a></p>')
    if more:
        label = escape(QCoreApplication.translate("Details", "Tell me more"))
        where = escape(_where(more))
        href = escape(more, quote=True)
        parts.append(f'<p><a href="{href}"><b>{label} →</b></a> &nbsp; {where}</p>')
    if step.details:
        parts.append(f"<h4>{h['details']}</h4>" + details_html(step.details, redact))
    if step.evidence:
        parts.append(f"<h4>{h['evidence']}</h4>")
        parts.extend(evidence_html(item, redact) for item in step.evidence)
    if step.children:
        rows = "".join(
            f"<tr><td>{escape(status_name(c.status.value))}</td><td>{e(c.title)}</td>"
            f"<td>{e(c.summary)}</td></tr>"
            for c in step.children
        )
        parts.append(f"<h4>{h['steps']}</h4><table cellpadding='3'>{rows}</table>")
    return "\n".join(parts)


# Punctuation the command took from its sentence: "(Set-X -Y $false)." leaves "(" and ").".
_LEAD, _TRAIL = ").,; ）。，；、", "(, （"


def _remedy_html(segments: list[Segment], look: Look) -> str:
    out: list[str] = []
    prose: list[str] = []
    copy = escape(QCoreApplication.translate("Details", "Copy"))
    number = 0
    for segment in segments:
        if not segment.command:
            words = segment.text.strip().lstrip(_LEAD).rstrip(_TRAIL).strip()
            if words:
                prose.append(escape(words))
            continue
        if prose:
            out.append(f"<p>{' '.join(prose)}</p>")
            prose = []
        out.append(
            f"<table width='100%' cellspacing='0' cellpadding='6' "
            f"style='background-color: {look.code_background};'><tr>"
            f"<td style='{MONO}'>{escape(segment.text)}</td>"
            f"<td align='right' valign='top' nowrap>"
            f"<a href='{COPY_SCHEME}:{number}'>{copy}</a></td>"
            "</tr></table>"
        )
        number += 1
    if prose:
        out.append(f"<p>{' '.join(prose)}</p>")
    return "".join(out)


def details_html(details: str, redact: Redact) -> str:
    """Prose parts as paragraphs, data parts (records, listings) fixed-width."""
    blocks: list[str] = []
    for text, data in detail_parts(redact(details)):
        if data:
            blocks.append(pre(text, lambda t: t))
        else:
            lines = "<br>".join(escape(line) for line in text.split("\n"))
            blocks.append(f"<p>{lines}</p>")
    return "".join(blocks)


def detail_parts(value: str) -> list[tuple[str, bool]]:
    """`value` (engine text) as (text in the reader's language, is data) runs: a Message
    is prose; `verbatim` text or plain str is data (a record, a server's listing)."""
    runs: list[tuple[str, bool]] = []

    def add(text: str, data: bool) -> None:
        if runs and runs[-1][1] == data:
            runs[-1] = (runs[-1][0] + "\n" + text, data)
        else:
            runs.append((text, data))

    def visit(part: str) -> None:
        if isinstance(part, Joined) and not isinstance(part, Verbatim) and part.sep == "\n":
            for child in part.parts:
                visit(child)
        elif isinstance(part, Verbatim) or not isinstance(part, Text):
            add(str(part), True)
        else:
            add(engine_text(part), not isinstance(part, Message | Joined) or _all_data(part))

    visit(value)
    return runs


def _all_data(part: Text) -> bool:
    """A Joined of data only (`join("; ", [records])`) reads as data too."""
    if isinstance(part, Joined) and not isinstance(part, Verbatim):
        return all(_all_data(p) if isinstance(p, Text) else True for p in part.parts)
    return isinstance(part, Verbatim)


def step_text(step: Step, redact: Redact) -> str:
    t = engine_text  # what the reader sees, in the wizard's language; redacted as a whole below
    lines = [
        f"{engine_text(step.title)} [{step.id}]",
        f"{status_name(step.status.value)}: {t(step.summary)}",
    ]
    if step.remedy is not None:
        lines.append(f"{_headings()['remedy']}: {t(step.remedy.text)}")
        if step.remedy.link:
            lines.append(f"  {step.remedy.link}")
    if step.details:
        lines += ["", t(step.details)]
    for child in step.children:
        lines.append(f"  - {status_name(child.status.value)}: {t(child.title)}: {t(child.summary)}")
    for item in step.evidence:
        lines += ["", f"{t(item.label)} ({item.kind}):"]
        lines.append(json.dumps(item.data, indent=2, ensure_ascii=False, default=str))
    return redact("\n".join(lines))
