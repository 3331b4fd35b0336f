"""bench/reliability.py with a tiny selection: it runs the named behaviours through the
engine, writes catalogue.json and the Markdown from it, and notes missing runners."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.reliability import main

pytestmark = pytest.mark.lab


def test_reliability_bench_writes_the_figures_and_the_doc(tmp_path: Path) -> None:
    doc = tmp_path / "RELIABILITY.md"
    figures_path = tmp_path / "reliability.json"
    soak = {"runs": 3, "scenario": "healthy", "threads": {"first": 14, "last": 14, "max": 15}}
    (tmp_path / "soak.json").write_text(json.dumps({**soak, "samples": [{"threads": 14}] * 3}))
    figures = main(
        [
            "--only",
            "cname-loop",
            "redirect-loop",
            "smtp-truncated",
            "--no-runners",
            "--out",
            str(tmp_path),
            "--doc",
            str(doc),
            "--figures",
            str(figures_path),
        ]
    )
    assert figures["behaviours"] == 3
    assert figures["named_cause"] == 3 and figures["crashed"] == 0 and figures["leaks"] == 0
    rows = json.loads((tmp_path / "catalogue.json").read_text())["rows"]
    assert {r["name"] for r in rows} == {"cname-loop", "redirect-loop", "smtp-truncated"}
    text = doc.read_text()
    assert "| dns | cname-loop |" in text and "CNAME loop" in text
    assert "| threads | 14 | 14 | 15 |" in text  # another runner's figures, from its JSON
    assert "_No figures yet: run `bench/fuzz_all.py`._" in text  # a runner not run
    summary = json.loads(figures_path.read_text())
    assert "samples" not in summary["soak"]  # per-run samples stay in build/, not docs/
    assert [r["name"] for r in summary["catalogue"]["rows"]] == [r["name"] for r in rows]
