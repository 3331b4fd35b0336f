"""Caps on server text kept as evidence, so a hostile answer cannot fill a report.

What is cut says so, in the user's language: a reader never takes a shortened line or
list for the whole. Callers redact before they cut: a secret cut in half would no
longer be recognised by the Redactor, and its first half would be kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.net.redact import MASK
from assistant.text import msg

MAX_LINE_CHARS = 2048  # one header or transcript line; real ones are far shorter
MAX_HEADERS = 100  # http.client refuses more than 100 response headers anyway


def cap_line(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """`text`, or its first `limit` characters and how many more there were."""
    if len(text) <= limit:
        return text
    # Never cut a mask in half: "«reda… (9 more characters)" would read as a broken line.
    mask_at = text.rfind(MASK, max(0, limit - len(MASK) + 1), limit + len(MASK) - 1)
    if mask_at != -1 and mask_at < limit < mask_at + len(MASK):
        limit = mask_at
    return msg("{text}… ({count} more characters)", text=text[:limit], count=len(text) - limit)


def header_lines(headers: Sequence[tuple[str, str]], redact: Callable[[str], str]) -> list[str]:
    """Response headers as evidence lines: redacted, then capped in length and number."""
    lines = [cap_line(redact(f"{name}: {value}")) for name, value in headers[:MAX_HEADERS]]
    if len(headers) > MAX_HEADERS:
        lines.append(msg("… ({count} more headers)", count=len(headers) - MAX_HEADERS))
    return lines
