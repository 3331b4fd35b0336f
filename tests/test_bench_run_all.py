"""bench/run_all.py: one command for every benchmark. Here: a child run of one benchmark
with tiny sizes into scratch files, and the table's verdicts against the targets."""

from __future__ import annotations

import json
from pathlib import Path

from test_bench_smoke import load_bench


def test_one_benchmark_runs_in_a_child_and_lands_in_the_table(tmp_path: Path) -> None:
    run_all = load_bench("run_all")
    doc = tmp_path / "PERFORMANCE.md"
    doc.write_text(f"# Performance\n\nbefore\n\n{run_all.BEGIN}\nold\n{run_all.END}\n\nafter\n")
    figures = tmp_path / "performance.json"
    payload = run_all.main(
        ["--quick", "--only", "bench_dns", "--doc", str(doc), "--json", str(figures)]
    )
    assert payload["results"]["bench_dns"]["queries"] > 0, payload
    text = doc.read_text()
    assert text.startswith("# Performance\n\nbefore\n\n") and text.endswith("\n\nafter\n")
    assert "old" not in text and "**bench_dns**" in text and "--quick" in text
    assert json.loads(figures.read_text())["results"]["bench_dns"]["queries"] > 0


def test_targets_are_marked_met_missed_or_not_measured() -> None:
    run_all = load_bench("run_all")
    rows = {
        (name, figure): verdict
        for name, figure, _, _, verdict in run_all.verdicts(
            {
                "startup": {"ratio": 1.4},
                "bench_critical_path": {"wall_vs_bound": 1.3, "speedup_vs_one_worker": 4.0},
                "bench_batch": {"error": "exit 1"},
            }
        )
    }
    assert rows[("startup", "ratio")] == "met"
    assert rows[("bench_critical_path", "wall_vs_bound")] == "MISSED"
    assert rows[("bench_critical_path", "speedup_vs_one_worker")] == "met"
    assert rows[("bench_batch", "throughput_ratio")] == "not measured"


def test_a_failing_benchmark_is_reported_not_raised(tmp_path: Path) -> None:
    run_all = load_bench("run_all")
    broken = run_all.Bench("no_such_bench", "a benchmark that is not there", {}, {})
    result = run_all.run_one(broken, quick=True, timeout=60)
    assert "error" in result and "exit" in result["error"]


def test_only_keeps_the_other_benchmarks_figures_from_the_last_full_run(
    tmp_path: Path, monkeypatch
) -> None:
    run_all = load_bench("run_all")
    # Full sizes would take a while; what is checked here is the bookkeeping around them.
    monkeypatch.setattr(run_all, "run_one", lambda bench, quick, timeout: {"queries": 1})
    figures = tmp_path / "performance.json"
    earlier = {"startup": {"ratio": 1.4, "measured": "2026-12-01 10:00 UTC"}}
    figures.write_text(json.dumps({"quick": False, "results": earlier}))
    doc = tmp_path / "PERFORMANCE.md"
    payload = run_all.main(["--only", "bench_dns", "--doc", str(doc), "--json", str(figures)])
    assert payload["results"]["startup"] == earlier["startup"]
    assert payload["results"]["bench_dns"]["queries"] > 0
    assert "| startup | ratio | 1.4 | <= 1.5 | met |" in doc.read_text()
    # A quick run's figures are never carried over.
    figures.write_text(json.dumps({"quick": True, "results": earlier}))
    payload = run_all.main(["--only", "bench_dns", "--doc", str(doc), "--json", str(figures)])
    assert "startup" not in payload["results"]
