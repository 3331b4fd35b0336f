"""Shared pieces of the parser fuzz tests (tests/unit/test_fuzz_*.py).

Two hypothesis profiles: "ci" (the ordinary suite, a few hundred examples per parser) and
"fuzz" (10,000 per parser, from bench/fuzz_all.py or HYPOTHESIS_PROFILE=fuzz). Each test
calls `ran(parser)` once per example, so bench/fuzz_all.py can report how many examples
each parser really saw (hypothesis stops early when a strategy runs out of new inputs).
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Mapping

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "ci", max_examples=200, deadline=None, database=None, suppress_health_check=_QUIET
)
# FUZZ_EXAMPLES: bench/fuzz_all.py --examples N, for a shorter (or longer) fuzz run.
_FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 10_000)
settings.register_profile(
    "fuzz", max_examples=_FUZZ_EXAMPLES, deadline=None, database=None, suppress_health_check=_QUIET
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "fuzz"):
    PROFILE = "ci"
FUZZ = settings(settings.get_profile(PROFILE))

COUNTS: Counter[str] = Counter()


def ran(parser: str) -> None:
    COUNTS[parser] += 1


def text_size(value: object) -> int:
    """Characters of text in a parser's result (strings anywhere in it), to check that what
    comes out is bounded by what went in."""
    if isinstance(value, str | bytes):
        return len(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(text_size(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, Mapping):
        return sum(text_size(k) + text_size(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return sum(text_size(v) for v in value)
    return 0


# Characters that break parsers: controls, NUL, CR LF, separators, quotes, bidi, confusables.
_NASTY = "\x00\r\n\t\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200b\u202e\ufeff\ud7ff\uffff\U0010ffff"
nasty_char = st.sampled_from(list(_NASTY + '"\\;:=,<>&[]()@ «»ſK'))


def hostile_text(pieces: st.SearchStrategy[str], *, max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Valid-looking pieces glued with nasty characters, random text, and long runs."""
    filler = st.one_of(
        pieces,
        nasty_char,
        st.text(max_size=20),
        st.builds(lambda c, n: c * n, st.sampled_from(list('a-.=;"( \\[:0')), st.integers(1, 5000)),
    )
    return st.lists(filler, max_size=max_pieces).map("".join)


def mutated(text: str, draw_ops: list[tuple[int, str]]) -> str:
    """`text` with snippets inserted at positions (position taken modulo the length)."""
    for position, snippet in draw_ops:
        at = position % (len(text) + 1)
        text = text[:at] + snippet + text[at:]
    return text


mutations = st.lists(
    st.tuples(st.integers(0, 10_000), st.one_of(nasty_char, st.text(max_size=8))), max_size=6
)
