"""The batch benchmark (bench/bench_batch.py) keeps running: Knot, our batch mode and
checkdmarc over a handful of generated domains. Its numbers are read, not asserted."""

from __future__ import annotations

import importlib.util
import os

import pytest

from assistant.lab.knot import unavailable
from tests.test_bench_smoke import load_bench


def test_batch_benchmark_runs_both_tools_and_compares_spf_counts() -> None:
    missing = unavailable() or (
        None if importlib.util.find_spec("checkdmarc") else "checkdmarc is not installed"
    )
    if missing is not None:
        if os.environ.get("CI"):  # CI installs both (packaging/dev.sh, the test extra)
            pytest.fail(f"the batch benchmark cannot run, and CI needs it: {missing}")
        pytest.skip(f"the batch benchmark cannot run here (not CI): {missing}")
    bench = load_bench("bench_batch")
    size = len(bench.spf_variant_table("x.test"))  # every SPF variant once
    result = bench.main(size, parallel=4, delay_ms=5, delayed=size, processes=2, rounds=1)
    assert result["ours_domains"] == result["checkdmarc_domains"] == size
    assert result["ours_domains_per_s"] > 0 and result["checkdmarc_domains_per_s"] > 0
    assert result["ratio"] > 0 and result["delayed_ratio"] > 0
    assert result["ratio_processes"] > 0 and result["delayed_ratio_processes"] > 0
    assert result["throughput_ratio"] > 0 and result["delayed_throughput_ratio"] > 0
    assert result["delayed_domains"] == size
    # Every difference names the RFC 7208 count and who has it.
    assert result["spf_counts_agree"] + len(result["spf_count_differences"]) == size
    for difference in result["spf_count_differences"]:
        assert {"domain", "record", "rfc_7208", "ours", "checkdmarc", "right"} <= difference.keys()
    # Our counts match the records' RFC 7208 counts, each of them.
    assert result["ours_wrong"] == 0, result["spf_count_differences"]
