"""bench/bench_critical_path.py keeps running (tiny delays and deadline); its bound is the
longest chain of solo durations through the dependency graph, early start included."""

from __future__ import annotations

from test_bench_smoke import load_bench

from assistant.check import Check, Context
from assistant.model import Status, Step


def _noop(ctx: Context) -> Step:
    return Step(ctx.check_id, ctx.check_id, Status.PASS)


def test_the_bound_follows_early_start_and_final_results() -> None:
    bench = load_bench("bench_critical_path")
    ad = bench.AUTODISCOVER
    checks = [
        Check(ad, "autodiscover", _noop),
        Check("ews.endpoint", "endpoint", _noop, after=(ad,), starts_early=True),
        Check("ews.login", "login", _noop, ("ews.endpoint",)),
        Check("late.reader", "late", _noop, after=(ad,)),  # waits for the final verdict
        Check("dns.mx", "mx", _noop),
    ]
    durations = {"ews.endpoint": 1.0, "ews.login": 2.0, "late.reader": 0.5, "dns.mx": 4.0}
    # autodiscover answers first at 1 s, finally at 10 s: late.reader ends at 10.5.
    bound, chain = bench.critical_path(checks, durations, first_answer=1.0, final=10.0)
    assert bound == 10.5 and chain == [ad, "late.reader"]
    # With a quick final verdict the early chain is the longest: 1 + 1 + 2.
    bound, chain = bench.critical_path(checks, durations, first_answer=1.0, final=1.5)
    assert bound == 4.0 and chain[-1] in ("ews.login", "dns.mx")
    bound, chain = bench.critical_path(checks, {**durations, "dns.mx": 1.0}, 1.0, 1.5)
    assert bound == 4.0 and chain == [f"{ad} (first answer)", "ews.endpoint", "ews.login"]


def test_the_benchmark_runs_against_the_lab() -> None:
    result = load_bench("bench_critical_path").main(delay_ms=5, deadline=0.5)
    assert result["checks"] > 15
    assert result["wall_s"] > 0 and result["bound_s"] > 0 and result["one_worker_s"] > 0
    statuses = result["statuses"]
    # The run really diagnosed the organisation: the logins behind autodiscover passed.
    for check_id in ("autodiscover.result", "ews.login", "imap.login", "pop.login", "smtp.auth"):
        assert statuses[check_id] == "pass", (check_id, statuses[check_id])
