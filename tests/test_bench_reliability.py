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
    (tmp_path / "soak.json").write_text(json.dumps({"diagnoses": 3, "thread_growth": 0}))
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
        ]
    )
    assert figures["behaviours"] == 3
    assert figures["named_cause"] == 3 and figures["crashed"] == 0 and figures["leaks"] == 0
    rows = json.loads((tmp_path / "catalogue.json").read_text())["rows"]
    assert {r["name"] for r in rows} == {"cname-loop", "redirect-loop", "smtp-truncated"}
    text = doc.read_text()
    assert "| dns | cname-loop |" in text and "CNAME loop" in text
    assert "| diagnoses | 3 |" in text  # another helper's figures, from its JSON
    assert "build/reliability/fuzz.json is missing" in text or "fuzz.json is missing" in text
