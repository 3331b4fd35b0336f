"""Fuzzing the saved-report loader (assistant/report/json_report.loads).

A saved report is a file anyone can hand the admin. The contract (load_json's docstring):
whatever the bytes, the only exception that leaves is ReportFormatError. A report that
loads must also render as HTML and survive being saved and loaded again unchanged.
Hostile input: random bytes and JSON, and the real saved report in tests/data with one
value somewhere replaced by a wrong type, markup, a huge string or number, deep nesting,
or a key removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fuzz_support import FUZZ, ran
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.model import ReportFormatError
from assistant.net.redact import Redactor
from assistant.report.html import render_html
from assistant.report.json_report import dumps, loads

SAVED = json.loads(
    (Path(__file__).parent.parent / "data" / "report-v1-before-environment.json").read_text()
)

HOSTILE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=50),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "javascript:alert(1)",
            "\x00\x1b[2J\u202e",
            "pass",
            "fail",
            "",
            2,
            -1,
            10**30,
            [],
            {},
            [[]],
            {"a": {}},
        ]
    ),
    st.builds(lambda n: "x" * n, st.integers(0, 200_000)),
    st.builds(lambda n: [None] * n, st.integers(0, 5_000)),
    st.recursive(st.none() | st.text(max_size=5), lambda c: st.lists(c, max_size=3), max_leaves=8),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


PATHS = _paths(SAVED)


def _replaced(doc: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    if not path:
        return new
    copy = dict(doc) if isinstance(doc, dict) else list(doc)
    head, *rest = path
    if delete and not rest:
        del copy[head]
    else:
        copy[head] = _replaced(doc[head], tuple(rest), new, delete)
    return copy


@st.composite
def mutated_reports(draw: st.DrawFn) -> bytes:
    doc = SAVED
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        if not path:
            continue
        try:
            doc = _replaced(doc, path, draw(HOSTILE_VALUES), draw(st.booleans()))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the place
    return json.dumps(doc, ensure_ascii=draw(st.booleans())).encode()


@st.composite
def odd_bytes(draw: st.DrawFn) -> bytes:
    shape = draw(st.sampled_from(["random", "json", "deep", "bignum", "cut"]))
    if shape == "random":
        return draw(st.binary())
    if shape == "json":
        return json.dumps(draw(HOSTILE_VALUES)).encode()
    if shape == "deep":
        depth = draw(st.integers(50, 100_000))
        return b'{"format": ' + b"[" * depth + b"]" * depth + b"}"
    if shape == "bignum":
        return (
            b'{"format": "connectivity-assistant-report", "version": '
            + b"9" * draw(st.integers(1, 100_000))
            + b"}"
        )
    data = json.dumps(SAVED).encode()
    return data[: draw(st.integers(0, len(data)))]


@FUZZ
@given(st.one_of(mutated_reports(), odd_bytes()))
@example(json.dumps(SAVED).encode())
# Found by fuzzing: json.loads raised ValueError (not JSONDecodeError) past 4,300 digits.
@example(b'{"format": "connectivity-assistant-report", "version": ' + b"9" * 4301 + b"}")
# Found by fuzzing: the refusal repeated the whole version, thousands of digits long.
@example(b'{"format": "connectivity-assistant-report", "version": ' + b"9" * 4000 + b"}")
@example(b'{"format": "connectivity-assistant-report", "version": "' + b"v" * 100_000 + b'"}')
# Found by fuzzing: a step's status of 5,000 characters was repeated whole in the refusal.
@example(json.dumps({**SAVED, "steps": [{**SAVED["steps"][0], "status": "x" * 5000}]}).encode())
def test_loader_raises_only_report_format_error(data: bytes) -> None:
    ran("report_loader")
    try:
        report = loads(data)
    except ReportFormatError as exc:
        assert str(exc)
        assert len(str(exc)) <= 2_000 + len(data) // 10  # one sentence, not the file
        return
    html = render_html(report, Redactor())
    assert html.startswith("<!DOCTYPE html>") or html.lstrip().startswith("<")
    saved = dumps(report, Redactor())
    assert dumps(loads(saved), Redactor()) == saved
