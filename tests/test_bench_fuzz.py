"""bench/fuzz_all.py with a handful of examples: it runs the fuzz tests in a child pytest
and writes per-parser counts (the full run is 10,000 per parser, see the README)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import fuzz_all


def test_fuzz_all_counts_examples_per_parser(tmp_path: Path) -> None:
    out = tmp_path / "fuzz.json"
    figures = fuzz_all.main(examples=3, select="spf or dmarc", out=out)
    assert json.loads(out.read_text()) == figures
    assert figures["pytest_exit"] == 0
    assert figures["spf"]["examples"] >= 3 and figures["dmarc"]["examples"] >= 3
    assert figures["total_failures"] == 0
    assert "redaction" not in figures  # only what -k chose ran
