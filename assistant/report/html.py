"""The self-contained HTML report: one file that opens in any browser, offline.

    render_html(report, redactor) -> str

Secrets are masked (and identities replaced, when asked) before anything is rendered;
every string is escaped; only http(s) links become links. The same function serves
the GUI's print path: `expand_all=True` opens every fold (Qt's rich text does not
know <details>, and paper cannot be clicked).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

from assistant.model import Evidence, Report, Status, Step
from assistant.net.redact import Redactor
from assistant.report.evidence_view import Block, KeyValues, Table, Text, evidence_blocks
from assistant.report.export_prep import prepare
from assistant.report.header import display_name, header_facts
from assistant.report.html_template import page
from assistant.report.priorities import Priority, first_actions
from assistant.report.verdicts import look


def render_html(
    report: Report,
    redactor: Redactor,
    *,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
    expand_all: bool = False,
    prepared: bool = False,
) -> str:
    """The report as one HTML document. `prepared=True`: the report already went
    through `prepare` (the bundle does that once for all its files)."""
    if not prepared:
        report = prepare(
            report, redactor, redact_identities=redact_identities, identity_names=identity_names
        )
    name = display_name(report.target)
    overall = Status(str(report.summary["overall"]))
    parts = [
        "<header>",
        f"<h1>Connectivity report{': ' + escape(name) if name else ''}</h1>",
        f'<div class="lede">{_badge(overall, "verdict")} overall · {len(report.steps)} checks '
        f"{_counts(report)}</div>",
        "</header>",
        _facts(report),
        _first(first_actions(report.steps)),
        '<h2 id="checks">Checks</h2>',
        '<div class="toolbar" id="toolbar"></div>',
        *(_step(step, expand_all, top=True) for step in report.steps),
        "<footer>Made by Connectivity Assistant "
        f"{escape(report.tool.get('version', ''))}. Report format "
        f"{escape(report.format)} version {report.version}. Passwords, tokens, "
        "Authorization headers, SASL data and cookies are never included.</footer>",
    ]
    return page(f"Connectivity report {escape(name)}".strip(), "\n".join(parts))


def _badge(status: Status, extra: str = "") -> str:
    style = look(status)
    cls = f"badge st-{status.value} {extra}".strip()
    return f'<span class="{cls}" title="{style.word.lower()}">{escape(style.label)}</span>'


def _facts(report: Report) -> str:
    rows = "".join(
        f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in header_facts(report)
    )
    return f'<h2>About this run</h2>\n<dl class="facts">{rows}</dl>'


def _first(items: list[Priority]) -> str:
    if not items:
        return "<h2>What to do first</h2>\n<p>Nothing failed or needs a change.</p>"
    entries = []
    for item in items:
        link = f"<br>{_link(item.link)}" if item.link else ""
        entries.append(
            f'<li>{_badge(item.status)} <span class="what">{escape(item.title)}</span> '
            f'<code class="sid">{escape(item.step_id)}</code><br>'
            f"{escape(item.remedy)}{link}</li>"
        )
    return '<h2>What to do first</h2>\n<ol class="first">' + "".join(entries) + "</ol>"


def _counts(report: Report) -> str:
    counts = report.summary["counts"]
    chips = [
        f"<li>{_badge(status)} {int(counts.get(status.value, 0))}</li>"
        for status in Status
        if counts.get(status.value)
    ]
    return '<ul class="counts" aria-label="checks by verdict">' + "".join(chips) + "</ul>"


def _step(step: Step, expand_all: bool, *, top: bool = False) -> str:
    opened = expand_all or (top and step.status.is_problem)
    duration = f'<span class="dur">{step.duration_ms} ms</span>' if step.duration_ms else ""
    summary = f'<span class="sum">{escape(step.summary)}</span>' if step.summary else ""
    head = (
        f'<summary>{_badge(step.status)} <span class="title">{escape(step.title)}</span> '
        f'<code class="sid">{escape(step.id)}</code>{duration}{summary}</summary>'
    )
    body: list[str] = []
    if step.details:
        body.append(f'<div class="details">{escape(step.details)}</div>')
    if step.remedy is not None:
        link = f"<br>{_link(step.remedy.link)}" if step.remedy.link else ""
        body.append(
            f'<div class="remedy st-{step.status.value}"><span class="label">What to change:'
            f"</span> {escape(step.remedy.text)}{link}</div>"
        )
    body += [_evidence(item, expand_all) for item in step.evidence]
    body += [_step(child, expand_all) for child in step.children]
    content = f'<div class="body">{"".join(body)}</div>' if body else ""
    attrs = f'class="step st-{step.status.value}" data-id="{escape(step.id)}"'
    return f"<details {attrs}{' open' if opened else ''}>{head}{content}</details>"


def _evidence(item: Evidence, expand_all: bool) -> str:
    blocks = "".join(_block(b) for b in evidence_blocks(item))
    return (
        f'<details class="evidence"{" open" if expand_all else ""}><summary>'
        f'<span class="kind">{escape(item.kind)}</span>{escape(item.label)}</summary>'
        f'<div class="blocks">{blocks}</div></details>'
    )


def _block(block: Block) -> str:
    if isinstance(block, KeyValues):
        rows = "".join(
            f'<tr><th scope="row">{escape(k)}</th><td>{escape(v)}</td></tr>' for k, v in block.rows
        )
        return f'<table class="kv">{rows}</table>'
    if isinstance(block, Table):
        head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    assert isinstance(block, Text)
    caption = f'<p class="caption">{escape(block.caption)}</p>' if block.caption else ""
    return caption + (f"<pre>{escape(block.text)}</pre>" if block.text else "")


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
