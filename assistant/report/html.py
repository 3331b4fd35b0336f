"""The self-contained HTML report: one file that opens in any browser, offline.

    render_html(report, redactor) -> str

Secrets are masked (and identities replaced, when asked) before anything is rendered;
every string is escaped; only http(s) links become links. The same function serves
the GUI's print path: `expand_all=True` opens every fold (Qt's rich text does not
know <details>, and paper cannot be clicked).

`translate` (assistant/report/language.py) says the engine's texts and the report's own
labels in the reader's language; the default, English, gives the report as it always was.
"""

from __future__ import annotations

import base64
import sys
from collections.abc import Iterable
from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from assistant.model import Evidence, Report, Status, Step
from assistant.net.redact import Redactor
from assistant.report.evidence_view import Block, KeyValues, Table, Text, evidence_blocks
from assistant.report.export_prep import prepare
from assistant.report.header import display_name, header_facts
from assistant.report.html_template import page
from assistant.report.language import ENGLISH, Wording, html_lang
from assistant.report.priorities import Priority, first_actions
from assistant.report.verdicts import look, verdict_word
from assistant.text import Translate, msg


def render_html(
    report: Report,
    redactor: Redactor,
    *,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
    expand_all: bool = False,
    prepared: bool = False,
    translate: Translate = ENGLISH,
) -> str:
    """The report as one HTML document. `prepared=True`: the report already went
    through `prepare` (the bundle does that once for all its files)."""
    if not prepared:
        report = prepare(
            report, redactor, redact_identities=redact_identities, identity_names=identity_names
        )
    return _Page(Wording(translate), expand_all).render(report)


@cache
def _app_icon_img() -> str:
    """The app's 48 px icon as a data: URI (the page's CSP allows img-src data:), shown at
    1.5rem beside the title; nothing when the file is not there (a wheel install)."""
    base = getattr(sys, "_MEIPASS", None) or Path(__file__).resolve().parents[2]
    path = Path(base) / "resources" / "icons" / "connectivity-assistant-48.png"
    try:
        data = base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError:
        return ""
    return (
        f'<img class="app-icon" src="data:image/png;base64,{data}" width="24" height="24" alt=""> '
    )


class _Page:
    def __init__(self, say: Wording, expand_all: bool) -> None:
        self.say = say
        self.expand_all = expand_all

    def text(self, value: str) -> str:
        """Engine text (or data) in the reader's language, escaped."""
        return escape(self.say(value))

    def render(self, report: Report) -> str:
        say = self.say
        name = display_name(report.target)
        overall = Status(str(report.summary["overall"]))
        title = (
            msg("Connectivity report: {name}", name=name) if name else msg("Connectivity report")
        )
        checks = say(msg("{count} checks", count=len(report.steps)))
        parts = [
            "<header>",
            f"<h1>{_app_icon_img()}{escape(say(title))}</h1>",
            f'<div class="lede">{self.badge(overall, "verdict")} {escape(say(msg("overall")))} · '
            f"{escape(checks)} {self.counts(report)}</div>",
            "</header>",
            self.facts(report),
            self.first(first_actions(report.steps)),
            f'<h2 id="checks">{escape(say(msg("Checks")))}</h2>',
            '<div class="toolbar" id="toolbar"></div>',
            *(self.step(step, top=True) for step in report.steps),
            "<footer>"
            + self.text(
                msg(
                    "Made by Connectivity Assistant {version}. Report format {format} version "
                    "{format_version}. Passwords, tokens, Authorization headers, SASL data and "
                    "cookies are never included.",
                    version=str(report.tool.get("version", "")),
                    format=report.format,
                    format_version=report.version,
                )
            )
            + "</footer>",
        ]
        head_title = say(msg("Connectivity report {name}", name=escape(name))).strip()
        return page(
            head_title,
            "\n".join(parts),
            lang=html_lang(say.translate),
            buttons=(say(msg("Expand all")), say(msg("Collapse all"))),
        )

    def badge(self, status: Status, extra: str = "") -> str:
        style = look(status)
        word = self.say(verdict_word(status))
        cls = f"badge st-{status.value} {extra}".strip()
        shown = f"{escape(style.symbol)} {escape(word)}"
        return f'<span class="{cls}" title="{escape(word.lower())}">{shown}</span>'

    def facts(self, report: Report) -> str:
        rows = "".join(
            f"<dt>{self.text(label)}</dt><dd>{self.text(value)}</dd>"
            for label, value in header_facts(report)
        )
        return f'<h2>{self.text(msg("About this run"))}</h2>\n<dl class="facts">{rows}</dl>'

    def first(self, items: list[Priority]) -> str:
        heading = f"<h2>{self.text(msg('What to do first'))}</h2>"
        if not items:
            return f"{heading}\n<p>{self.text(msg('Nothing failed or needs a change.'))}</p>"
        entries = []
        for item in items:
            link = f"<br>{_link(item.link)}" if item.link else ""
            entries.append(
                f'<li>{self.badge(item.status)} <span class="what">{self.text(item.title)}</span> '
                f'<code class="sid">{escape(item.step_id)}</code><br>'
                f"{self.text(item.remedy)}{link}</li>"
            )
        return f'{heading}\n<ol class="first">' + "".join(entries) + "</ol>"

    def counts(self, report: Report) -> str:
        counts = report.summary["counts"]
        chips = [
            f"<li>{self.badge(status)} {int(counts.get(status.value, 0))}</li>"
            for status in Status
            if counts.get(status.value)
        ]
        label = self.text(msg("checks by verdict"))
        return f'<ul class="counts" aria-label="{label}">' + "".join(chips) + "</ul>"

    def step(self, step: Step, *, top: bool = False) -> str:
        opened = self.expand_all or (top and step.status.is_problem)
        duration = f'<span class="dur">{step.duration_ms} ms</span>' if step.duration_ms else ""
        summary = f'<span class="sum">{self.text(step.summary)}</span>' if step.summary else ""
        head = (
            f'<summary>{self.badge(step.status)} <span class="title">{self.text(step.title)}'
            f'</span> <code class="sid">{escape(step.id)}</code>{duration}{summary}</summary>'
        )
        body: list[str] = []
        if step.details:
            body.append(f'<div class="details">{self.text(step.details)}</div>')
        if step.remedy is not None:
            link = f"<br>{_link(step.remedy.link)}" if step.remedy.link else ""
            body.append(
                f'<div class="remedy st-{step.status.value}"><span class="label">'
                f"{self.text(msg('What to change:'))}"
                f"</span> {self.text(step.remedy.text)}{link}</div>"
            )
        body += [self.evidence(item) for item in step.evidence]
        body += [self.step(child) for child in step.children]
        content = f'<div class="body">{"".join(body)}</div>' if body else ""
        attrs = f'class="step st-{step.status.value}" data-id="{escape(step.id)}"'
        return f"<details {attrs}{' open' if opened else ''}>{head}{content}</details>"

    def evidence(self, item: Evidence) -> str:
        blocks = "".join(self.block(b) for b in evidence_blocks(item))
        return (
            f'<details class="evidence"{" open" if self.expand_all else ""}><summary>'
            f'<span class="kind">{escape(item.kind)}</span>{self.text(item.label)}</summary>'
            f'<div class="blocks">{blocks}</div></details>'
        )

    def block(self, block: Block) -> str:
        text = self.text
        if isinstance(block, KeyValues):
            rows = "".join(
                f'<tr><th scope="row">{text(k)}</th><td>{text(v)}</td></tr>' for k, v in block.rows
            )
            return f'<table class="kv">{rows}</table>'
        if isinstance(block, Table):
            head = "".join(f"<th>{text(h)}</th>" for h in block.headers)
            rows = "".join(
                "<tr>" + "".join(f"<td>{text(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        assert isinstance(block, Text)
        caption = f'<p class="caption">{text(block.caption)}</p>' if block.caption else ""
        return caption + (f"<pre>{text(block.text)}</pre>" if block.text else "")


def _link(url: str) -> str:
    """Only web links are clickable; anything else (javascript:, file:) is shown as text."""
    if is_web_link(url):
        return (
            f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer" '
            f'target="_blank">{escape(url)}</a>'
        )
    return f'<span class="mono">{escape(url)}</span>'


def is_web_link(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
