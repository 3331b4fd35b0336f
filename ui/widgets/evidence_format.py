"""Step details and evidence as HTML (for the details pane) and plain text (clipboard).

Every string is escaped and passed through the run's redactor; only http(s) links
become anchors. Evidence kinds: dns (answers), tls (certificate chain), http (request
and response), transcript (protocol lines), table (rows or a tree), settings; anything
else is shown as indented JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from assistant.model import Evidence, Step
from ui.texts import engine_text, status_name

Redact = Callable[[str], str]


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


def step_html(step: Step, redact: Redact) -> str:
    h = {key: escape(text) for key, text in _headings().items()}

    def e(text: str) -> str:
        return escape(engine_text(redact(text)))

    parts = [
        f"<h3>{e(engine_text(step.title))}</h3>",
        f"<p><b>{escape(status_name(step.status.value))}</b> &nbsp; <code>{e(step.id)}</code>"
        + (f" &nbsp; {escape(_duration(step.duration_ms))}" if step.duration_ms else "")
        + "</p>",
    ]
    if step.summary:
        parts.append(f"<p>{e(step.summary)}</p>")
    if step.remedy is not None:
        parts.append(f"<h4>{h['remedy']}</h4><p>{e(step.remedy.text)}</p>")
        link = safe_link(step.remedy.link)
        if link:
            parts.append(f'<p><a href="{escape(link, quote=True)}">{e(link)}</a></p>')
    if step.details:
        parts.append(f"<h4>{h['details']}</h4>" + _pre(engine_text(redact(step.details)), redact))
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


def evidence_html(item: Evidence, redact: Redact) -> str:
    head = f"<p><b>{escape(engine_text(redact(item.label)))}</b></p>"
    data = item.data
    if item.kind == "transcript" and isinstance(data, list):
        return head + _pre("\n".join(str(line) for line in data), redact)
    if item.kind == "dns" and isinstance(data, list):
        return head + _pre("\n".join(_dns_lines(data)), redact)
    if item.kind == "tls" and isinstance(data, dict):
        top = {k: v for k, v in data.items() if k != "chain"}
        chain = data.get("chain") or []
        cols = ["subject", "issuer", "sans", "not_after", "days_left", "key", "sha256"]
        return head + _kv(top, redact) + _table(chain, cols, redact)
    if item.kind == "http" and isinstance(data, dict):
        first = f"{data.get('method', '')} {data.get('url', '')} → {data.get('status', '')} "
        first += str(data.get("reason", ""))
        headers = "\n".join(str(h) for h in data.get("headers", []))
        body = str(data.get("body_preview", ""))
        return head + _pre(f"{first}\n{headers}\n\n{body}", redact)
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        cols = list(dict.fromkeys(k for row in data for k in row))
        return head + _table(data, cols, redact)
    if isinstance(data, dict) and isinstance(data.get("children"), list):
        return head + _pre("\n".join(_tree_lines(data)), redact)
    if isinstance(data, dict):
        return head + _kv(data, redact)
    return head + _pre(json.dumps(data, indent=2, ensure_ascii=False, default=str), redact)


def _dns_lines(answers: list[Any]) -> list[str]:
    lines: list[str] = []
    for answer in answers:
        if not isinstance(answer, dict):
            lines.append(str(answer))
            continue
        head = f"{answer.get('name')} {answer.get('type')}: {answer.get('outcome')}"
        if answer.get("cname_chain"):
            head += " via " + " → ".join(str(c) for c in answer["cname_chain"])
        if answer.get("ttl") is not None:
            head += f", TTL {answer['ttl']}"
        if answer.get("authenticated"):
            head += ", AD"
        if answer.get("error"):
            head += f" ({answer['error']})"
        lines.append(head)
        lines.extend(f"    {value}" for value in answer.get("values") or [])
    return lines


def _tree_lines(node: dict[str, Any], depth: int = 0) -> list[str]:
    """A nested {..., "children": [...]} (the SPF include tree) as indented lines."""
    name = node.get("domain") or node.get("name") or node.get("id") or ""
    rest = {k: v for k, v in node.items() if k not in ("children", "domain", "name", "id")}
    line = "  " * depth + str(name)
    details = [f"{k}: {_cell(v)}" for k, v in rest.items() if v not in (None, "", [])]
    lines = [line + (" — " + "; ".join(details) if details else "")]
    for child in node.get("children") or []:
        if isinstance(child, dict):
            lines.extend(_tree_lines(child, depth + 1))
    return lines


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def _pre(text: str, redact: Redact) -> str:
    return f"<pre style='white-space: pre-wrap'>{escape(redact(text))}</pre>"


def _table(rows: list[Any], cols: list[str], redact: Redact) -> str:
    head = "".join(f"<th align='left'>{escape(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(redact(_cell(row.get(c))))}</td>" for c in cols) + "</tr>"
        for row in rows
        if isinstance(row, dict)
    )
    return f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def _kv(data: dict[str, Any], redact: Redact) -> str:
    rows = "".join(
        f"<tr><td><b>{escape(str(k))}</b></td><td>{escape(redact(_cell(v)))}</td></tr>"
        for k, v in data.items()
    )
    return f"<table cellpadding='2'>{rows}</table>"


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
