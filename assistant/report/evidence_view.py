"""Evidence turned into neutral blocks (key/values, tables, preformatted text) that the
HTML and PDF renderers both lay out, so the two show the same content.

Known kinds (dns, tls, http, transcript) get a purpose-made view; anything else, and
any known kind whose data has an unexpected shape (a hand-edited or hostile file),
gets the generic view, which shows every value.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from assistant.model import Evidence, JSONValue


@dataclass(frozen=True)
class KeyValues:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Text:
    text: str
    caption: str = ""


Block = KeyValues | Table | Text


def evidence_blocks(evidence: Evidence) -> list[Block]:
    view = _VIEWS.get(evidence.kind)
    if view is not None:
        try:
            return view(evidence.data)
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            pass  # not the shape this kind usually has: show it generically
    return generic(evidence.data)


def plain(value: JSONValue) -> str:
    """A JSON value as short text: scalars as they read, containers as compact JSON."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and all(_scalar(x) for x in value):
        return ", ".join(plain(x) for x in value) if value else "—"
    return json.dumps(value, ensure_ascii=False)


def generic(data: JSONValue) -> list[Block]:
    if isinstance(data, list) and data and all(_flat_dict(row) for row in data):
        headers = tuple(dict.fromkeys(str(k) for row in data for k in row))
        rows = tuple(tuple(plain(row.get(h)) for h in headers) for row in data)
        return [Table(headers, rows)]
    if isinstance(data, dict) and _flat_dict(data):
        return [KeyValues(tuple((str(k), plain(v)) for k, v in data.items()))]
    if isinstance(data, list) and all(isinstance(x, str) for x in data):
        return [Text("\n".join(data))]
    if isinstance(data, str):
        return [Text(data)]
    return [Text(outline(data))]


def outline(value: JSONValue, indent: int = 0) -> str:
    """Nested data as an indented outline (easier to read than JSON in a report)."""
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:")
                lines.append(outline(item, indent + 1))
            else:
                lines.append(f"{pad}{key}: {plain(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}-")
                lines.append(outline(item, indent + 1))
            else:
                lines.append(f"{pad}- {plain(item)}")
    else:
        lines.append(f"{pad}{plain(value)}")
    return "\n".join(line for line in lines if line)


def _flat_dict(value: JSONValue) -> bool:
    return isinstance(value, dict) and all(
        not isinstance(v, dict | list) or (isinstance(v, list) and all(_scalar(x) for x in v))
        for v in value.values()
    )


def _scalar(value: JSONValue) -> bool:
    return not isinstance(value, dict | list)


# -- kinds ---------------------------------------------------------------------------------


def _dns(data: JSONValue) -> list[Block]:
    rows = []
    for answer in data:
        values = "\n".join(str(v) for v in answer.get("values") or [])
        chain = answer.get("cname_chain") or []
        if chain:
            values = (
                "CNAME " + " → ".join(str(c) for c in chain) + ("\n" + values if values else "")
            )
        if answer.get("error"):
            values = (values + "\n" if values else "") + str(answer["error"])
        rows.append(
            (
                str(answer["name"]),
                str(answer["type"]),
                str(answer.get("outcome", "")) + (" (AD)" if answer.get("authenticated") else ""),
                values or "—",
                plain(answer.get("ttl")),
                f"{plain(answer.get('server'))}, {plain(answer.get('elapsed_ms'))} ms",
            )
        )
    return [Table(("name", "type", "outcome", "answer", "TTL", "asked"), tuple(rows))]


def _tls(data: JSONValue) -> list[Block]:
    verified = "yes" if data["verified"] else f"no — {plain(data.get('verify_error'))}"
    rows = [
        ("server name", str(data["server_name"])),
        ("certificate valid", verified),
        ("protocol / cipher", f"{plain(data.get('protocol'))} / {plain(data.get('cipher'))}"),
    ]
    for key, label in (("hostname_matches", "name matches"), ("intermediates_sent", "sent chain")):
        if key in data:
            rows.append((label, plain(data[key])))
    blocks: list[Block] = [KeyValues(tuple(rows))]
    for index, cert in enumerate(data.get("chain") or []):
        sans = ", ".join(str(s).removeprefix("DNS:") for s in cert.get("sans") or [])
        rows_cert = [
            ("subject", str(cert["subject"])),
            ("issuer", plain(cert.get("issuer"))),
            (
                "valid",
                f"{plain(cert.get('not_before'))} to {plain(cert.get('not_after'))} "
                f"({plain(cert.get('days_left'))} days left)",
            ),
            (
                "key / signature",
                f"{plain(cert.get('key'))} / {plain(cert.get('signature_algorithm'))}",
            ),
        ]
        if sans:
            rows_cert.insert(1, ("names (SAN)", sans))
        if cert.get("sha256"):
            rows_cert.append(("SHA-256", str(cert["sha256"])))
        blocks.append(
            Text("", caption=f"certificate {index + 1}" + (" (leaf)" if index == 0 else ""))
        )
        blocks.append(KeyValues(tuple(rows_cert)))
    return blocks


def _http(data: JSONValue) -> list[Block]:
    rows = [
        ("request", f"{data['method']} {data['url']}"),
        ("answer", f"{plain(data.get('status'))} {plain(data.get('reason'))}".strip()),
        ("time", f"{plain(data.get('elapsed_ms'))} ms"),
    ]
    connect = data.get("connect")
    if isinstance(connect, dict):
        where = f"{plain(connect.get('address'))}"
        if connect.get("connect_to"):
            where += f" (connect-to {connect['connect_to']})"
        rows.append(("connected to", where))
    for key, value in (data.get("correlation") or {}).items():
        rows.append((str(key), plain(value)))
    blocks: list[Block] = [KeyValues(tuple(rows))]
    headers = data.get("headers") or []
    if headers:
        blocks.append(Text("\n".join(str(h) for h in headers), caption="response headers"))
    body = data.get("body_preview")
    if body:
        note = " (truncated)" if data.get("truncated") else ""
        size = data.get("body_bytes")
        caption = f"body{note}" + (f", {size} bytes" if size is not None else "")
        blocks.append(Text(str(body), caption=caption))
    return blocks


def _transcript(data: JSONValue) -> list[Block]:
    if not isinstance(data, list):
        raise TypeError("a transcript is a list of lines")
    return [Text("\n".join(str(line) for line in data))]


_VIEWS: dict[str, Callable[[JSONValue], list[Block]]] = {
    "dns": _dns,
    "tls": _tls,
    "http": _http,
    "transcript": _transcript,
}
