"""The benchmarks must keep running; their numbers are read by people, not asserted here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load_bench(name: str) -> ModuleType:
    """bench/<name>.py as a module (bench/ is scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_dns_benchmark_runs_and_reports_a_ratio() -> None:
    result = load_bench("bench_dns").main(3)
    assert result["queries"] == 18
    assert result["ratio"] > 0 and result["baseline_us_per_query"] > 0


def test_text_benchmark_runs_and_reports_ratios() -> None:
    result = load_bench("bench_text").main(200)
    assert result["rounds"] == 200
    assert result["make_ratio"] > 0 and result["render_ratio"] > 0
    assert result["report_size_ratio"] > 1  # the recipes are there at all


def test_startup_benchmark_runs_and_reports_a_ratio() -> None:
    """One round each (no timing asserted): both wizards paint, and the ratio is there."""
    result = load_bench("startup").main(1)
    assert result["rounds"] == 1
    assert result["bare_s"] > 0 and result["ours_s"] > 0 and result["ratio"] > 0
    assert result["ours_idle_rss_mib"] >= 0
