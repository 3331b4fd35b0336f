"""The mask and the shapes of protocol tokens that both redaction layers look for.

Every pattern here is linear in its input: classes are possessive (`++`) or bounded,
so a long run of look-alike characters is scanned once, not once per start.
"""

from __future__ import annotations

import re

MASK = "«redacted»"

# An IMAP command tag as clients make them ("a1", "A0001", "JBLC12"): it holds a digit,
# which tells a tagged command from a sentence that starts with a word ("Basic LOGIN is").
TAG = r"(?=[A-Za-z0-9._]*[0-9])[A-Za-z0-9._]++"

# A transcript line as Transcript.lines writes it, "    12 ms > text": time and direction.
TRANSCRIPT_PREFIX = r"[ \t]*[0-9]{1,12} ms [<>*] "

_BASE64_LINE = re.compile(r"[A-Za-z0-9+/]++={0,2}")


def is_base64_line(text: str) -> bool:
    """Whether `text` is one whole standard base64 value (padded, as SASL sends it)."""
    return len(text) % 4 == 0 and _BASE64_LINE.fullmatch(text) is not None
