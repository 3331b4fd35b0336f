"""docs/RELIABILITY.md is exactly what bench/reliability_doc.py renders from
docs/reliability.json: a page edited by hand, or regenerated without its figures (or the
other way round), fails here. Both are written by `bench/reliability.py`."""

from __future__ import annotations

import json
from pathlib import Path

from bench.reliability_doc import PARTS, render

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_the_page_is_the_rendering_of_its_figures() -> None:
    summary = json.loads((DOCS / "reliability.json").read_text(encoding="utf-8"))
    page = (DOCS / "RELIABILITY.md").read_text(encoding="utf-8")
    assert render(summary) == page


def test_every_part_has_figures() -> None:
    summary = json.loads((DOCS / "reliability.json").read_text(encoding="utf-8"))
    assert [name for name in PARTS if summary.get(name) is None] == []


def test_the_fuzz_figures_are_from_the_full_run() -> None:
    """Issue 19 item 3: at least 10,000 examples for every parser we own, none failing."""
    fuzz = json.loads((DOCS / "reliability.json").read_text(encoding="utf-8"))["fuzz"]
    counts = {k: v for k, v in fuzz.items() if isinstance(v, dict) and "examples" in v}
    tests = sorted((DOCS.parent / "tests" / "unit").glob("test_fuzz_*.py"))
    assert len(counts) >= len(tests)
    assert {k: v["examples"] for k, v in counts.items() if v["examples"] < 10_000} == {}
    assert fuzz["total_failures"] == 0
