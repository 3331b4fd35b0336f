"""The heartbeat and memory benchmarks must keep running; their numbers are read by people
(docs/PERFORMANCE.md), not asserted here. The engine-process prototype's event codec is
checked for what it must keep: every field, and how each text was made."""

from __future__ import annotations

from test_bench_smoke import load_bench

from assistant.events import CheckFinished, RunStarted, StepStarted
from assistant.model import Status, Step
from assistant.text import msg, render, to_json
from ui.engine_process import decode, encode


def test_heartbeat_benchmark_runs_a_tiny_round_and_reports_gaps() -> None:
    """One warm round, two workers, the in-process runner: the run reaches Results and
    the figures are there (no timing asserted)."""
    bench = load_bench("bench_heartbeat")
    result = bench.main(1, (2,), modes=("warm",), configs=bench.CONFIGS[:1])
    row = result["rows"]["warm thread/lab-in"][2]
    assert row["rounds"] == 1 and row["beats"] > 0
    assert row["steps"] > 10, "the demo's full diagnosis ran"
    assert row["max_ms"] >= row["p99_ms"] >= row["p50_ms"] > 0
    assert row["peak_rss_mib"] > 0


def test_memory_benchmark_reports_both_peaks() -> None:
    result = load_bench("bench_memory").main(1, 2)
    assert result["bare_peak_mib"] > 0 and result["demo_run_peak_mib"] > result["bare_peak_mib"]
    assert result["ratio"] > 1


def test_engine_events_cross_the_pipe_whole_and_still_translatable() -> None:
    step = Step(
        "dns.mx",
        msg("MX records for {domain}", domain="contoso.test"),
        Status.WARN,
        summary=msg("{n} MX records", n=2),
        children=[Step("dns.mx.1", "first", Status.PASS)],
    )
    for event in (
        RunStarted(("dns.mx",), (msg("MX records for {domain}", domain="contoso.test"),)),
        StepStarted("dns.mx", "dns.mx.1", "first"),
        CheckFinished(step),
    ):
        line = encode(event)
        assert line is not None and "\n" not in line
        back = decode(line)
        assert type(back) is type(event)
        assert back == event
    made = msg("MX records for {domain}", domain="x")
    line = encode(RunStarted(("a",), (made,)))
    assert line is not None
    title = decode(line).titles[0]  # type: ignore[attr-defined]
    assert to_json(title) == to_json(made) is not None, "it still knows its template"
    upper = {"MX records for {domain}": "MX RECORDS FOR {domain}"}.get
    assert render(title, upper) == render(made, upper)
