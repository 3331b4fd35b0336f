"""Evidence as the details pane's HTML, keeping its shape: DNS answers, certificates and
rows as tables, key/value data as a two-column table in words, the SPF include tree as an
indented tree. Only what a server or a record says (transcripts, records, headers) is set
in a fixed-width font; labels and plain values are words (ui/widgets/evidence_words.py).

Every string is escaped and passed through the run's redactor. Hostile or hand-edited
data (a saved report) is bounded: so many rows, so deep, then a note says what was left.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from assistant.model import Evidence
from ui.texts import engine_text
from ui.widgets.evidence_words import NOTHING, value_text, words

Redact = Callable[[str], str]
MAX_ROWS = 200  # rows of one table, nodes of one tree
MAX_DEPTH = 6  # nested tables; deeper data is shown as an outline
MONO = "font-family: monospace;"
TABLE = "<table border='1' cellspacing='0' cellpadding='3' style='border-color: #b8b8b8;'>"
KV_TABLE = "<table cellspacing='0' cellpadding='2'>"


def evidence_html(item: Evidence, redact: Redact) -> str:
    head = f"<p><b>{escape(engine_text(redact(item.label)))}</b></p>"
    try:
        body = _by_kind(item, redact)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        body = None  # not the shape this kind usually has: shown generically
    if body is None:
        body = data_html(item.data, redact)
    return head + body


def pre(text: str, redact: Redact) -> str:
    return f"<pre style='white-space: pre-wrap'>{escape(redact(text))}</pre>"


def _by_kind(item: Evidence, redact: Redact) -> str | None:
    data = item.data
    if item.kind == "transcript" and isinstance(data, list):
        return pre("\n".join(str(line) for line in data[: MAX_ROWS * 5]), redact)
    if item.kind == "dns" and isinstance(data, list):
        return _dns(data, redact)
    if item.kind == "tls" and isinstance(data, dict):
        return _tls(data, redact)
    if item.kind == "http" and isinstance(data, dict):
        return _http(data, redact)
    return None


def data_html(data: Any, redact: Redact, depth: int = 0) -> str:
    """Any JSON-shaped data: a tree, a table of rows, key/values, or a value."""
    if depth > MAX_DEPTH:
        return pre(json.dumps(data, indent=2, ensure_ascii=False, default=str), redact)
    if isinstance(data, dict) and isinstance(data.get("children"), list):
        return tree_html(data, redact)
    if isinstance(data, dict):
        return kv_html(data, redact, depth)
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        return table_html(data, redact, depth)
    if isinstance(data, list) and any(isinstance(r, dict | list) for r in data):
        return "".join(data_html(part, redact, depth + 1) for part in data[:MAX_ROWS])
    return f"<p>{escape(redact(value_text(data)))}</p>"


def kv_html(data: dict[str, Any], redact: Redact, depth: int = 0) -> str:
    rows = []
    for key, value in list(data.items())[:MAX_ROWS]:
        label = f"<td valign='top'><b>{escape(words(str(key)))}</b></td>"
        rows.append(f"<tr>{label}<td>{_cell(value, str(key), redact, depth)}</td></tr>")
    return KV_TABLE + "".join(rows) + "</table>" + _more(len(data))


def table_html(rows: list[dict[str, Any]], redact: Redact, depth: int = 0) -> str:
    cols = list(dict.fromkeys(str(k) for row in rows[:MAX_ROWS] for k in row))
    head = "".join(f"<th align='left'>{escape(words(c))}</th>" for c in cols)
    body = "".join(
        "<tr>"
        + "".join(f"<td valign='top'>{_cell(row.get(c), c, redact, depth)}</td>" for c in cols)
        + "</tr>"
        for row in rows[:MAX_ROWS]
    )
    return f"{TABLE}<tr>{head}</tr>{body}</table>" + _more(len(rows))


def _cell(value: Any, key: str, redact: Redact, depth: int) -> str:
    if isinstance(value, dict) and value:
        return data_html(value, redact, depth + 1)
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return data_html(value, redact, depth + 1)
    text = escape(redact(value_text(value, key)))
    if key in _RECORD_KEYS and text != NOTHING:
        return f"<span style='{MONO}'>{text}</span>"
    return text


_RECORD_KEYS = ("record", "values", "sha256", "serial", "reply", "headers")


def tree_html(root: dict[str, Any], redact: Redact) -> str:
    """A nested {"domain"/"name", ..., "children": [...]} (the SPF include tree) as an
    indented tree: each node's name, its problem, and its record beneath it."""
    lines: list[str] = []
    stack: list[tuple[dict[str, Any], int]] = [(root, 0)]
    while stack and len(lines) < MAX_ROWS:
        node, depth = stack.pop()
        indent = 18 * depth
        name = node.get("domain") or node.get("name") or node.get("id") or ""
        glyph = "└ " if depth else ""
        line = f"{glyph}<b>{escape(redact(str(name)))}</b>"
        problem = node.get("problem")
        if problem:
            said = escape(redact(engine_text(str(problem))))
            line += f" — <span style='color: #b3261e;'>{said}</span>"
        rest = {
            k: v
            for k, v in node.items()
            if k not in ("children", "domain", "name", "id", "problem", "record")
            and v not in (None, "", [])
        }
        if rest:
            line += " — " + escape(
                redact("; ".join(f"{words(k)}: {value_text(v, k)}" for k, v in rest.items()))
            )
        lines.append(f"<p style='margin: 0 0 0 {indent}px;'>{line}</p>")
        record = node.get("record")
        if record:
            lines.append(
                f"<p style='margin: 0 0 4px {indent + 14}px; {MONO}'>"
                f"{escape(redact(str(record)))}</p>"
            )
        children = [c for c in node.get("children") or [] if isinstance(c, dict)]
        stack.extend((child, depth + 1) for child in reversed(children))
    if stack:
        left = QCoreApplication.translate("Details", "(more not shown)")
        lines.append(f"<p><i>{escape(left)}</i></p>")
    return "".join(lines)


def _more(count: int) -> str:
    if count <= MAX_ROWS:
        return ""
    left = QCoreApplication.translate("Details", "%1 more not shown").replace(
        "%1", str(count - MAX_ROWS)
    )
    return f"<p><i>{escape(left)}</i></p>"


# -- kinds ---------------------------------------------------------------------------------


def _dns(answers: list[Any], redact: Redact) -> str:
    """Each answer as a line of words (name, type, outcome, TTL) with its records beneath,
    fixed-width and whole: a table's narrow cell would break a record mid-word."""
    parts = []
    for answer in answers[:MAX_ROWS]:
        values = [str(v) for v in answer.get("values") or []]
        chain = answer.get("cname_chain") or []
        if chain:
            values.insert(0, "CNAME " + " → ".join(str(c) for c in chain))
        outcome = str(answer.get("outcome", ""))
        if answer.get("authenticated"):
            outcome += ", " + words("authenticated")
        if answer.get("error"):
            outcome += f": {answer['error']}"
        line = f"{answer.get('name', '')} {answer.get('type', '')}: {outcome}"
        if answer.get("ttl") is not None:
            line += f" · {words('ttl')} {answer['ttl']}"
        parts.append(f"<p style='margin-bottom: 0;'>{escape(redact(line))}</p>")
        if values:
            parts.append(pre("\n".join(values), redact))
    return "".join(parts) + _more(len(answers))


def _tls(data: dict[str, Any], redact: Redact) -> str:
    top = {k: v for k, v in data.items() if k not in ("chain", "unreadable")}
    if data.get("unreadable"):
        top["unreadable"] = data["unreadable"]
    parts = [kv_html(top, redact)]
    for index, cert in enumerate((data.get("chain") or [])[:10]):
        caption = QCoreApplication.translate("Details", "Certificate %1").replace(
            "%1", str(index + 1)
        )
        if index == 0:
            caption = QCoreApplication.translate(
                "Details", "Certificate %1 (the server's)"
            ).replace("%1", "1")
        parts.append(f"<p><i>{escape(caption)}</i></p>")
        parts.append(kv_html(cert, redact))
    return "".join(parts)


def _http(data: dict[str, Any], redact: Redact) -> str:
    answer = f"{value_text(data.get('status'))} {data.get('reason') or ''}".strip()
    rows: dict[str, Any] = {
        "request": f"{data['method']} {data['url']}",
        "answer": answer,
        "elapsed_ms": data.get("elapsed_ms"),
    }
    connect = data.get("connect")
    if isinstance(connect, dict):
        rows["connect"] = connect
    if data.get("correlation"):
        rows["correlation"] = data["correlation"]
    parts = [kv_html(rows, redact)]
    headers = data.get("headers") or []
    if headers:
        caption = QCoreApplication.translate("Details", "Response headers")
        parts.append(f"<p><i>{escape(caption)}</i></p>")
        parts.append(pre("\n".join(str(h) for h in headers[:MAX_ROWS]), redact))
    body = data.get("body_preview")
    if body:
        caption = QCoreApplication.translate("Details", "Response body")
        parts.append(f"<p><i>{escape(caption)}</i></p>")
        parts.append(pre(str(body), redact))
    return "".join(parts)
