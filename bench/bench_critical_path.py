"""A full diagnosis against its critical path, and against the same engine with one worker.

    .venv/bin/python bench/bench_critical_path.py [delay_ms] [deadline_seconds]
    (defaults 150 and 10: issue 17 item 3)

The topology: the lab's `ad-srv-hung` organisation, with every round trip delayed by
`delay_ms` (each connect and each reply, DNS answers too: lab/latency.py) and two
autodiscover candidates black-holed (the domain's root and autodiscover.<domain>, every
port), so that autodiscover's final verdict waits for the per-operation timeout
(`deadline_seconds`) while the SRV record leads to the host that answers. Every area runs:
DNS, autodiscover, EWS, MAPI, IMAP, POP3, SMTP (the whole default selection, signed in).

The critical-path bound is computed, not guessed: each check is run alone under the same
delays, handed its prerequisites' results from the full run (Runner's `given`), and its own
duration taken; autodiscover's two times (its first usable answer, its final verdict) come
from the full run. A check may start when every check it waits for has finished, or, for a
check with `starts_early`, when autodiscover has given its first usable answer. The longest
such chain of solo durations is the bound: no schedule of these checks on these delays can
finish sooner (CPU time on two cores aside).

Figures: `wall_s` (the full run, the engine's default workers), `bound_s`, `wall_vs_bound`
(target <= 1.25), `one_worker_s` and `speedup_vs_one_worker` (target >= 3), and the chain
that makes the bound.
"""

from __future__ import annotations

import inspect
import sys
import time
from collections.abc import Sequence

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check
from assistant.checks.registry import select
from assistant.config import NetworkOptions, Target
from assistant.events import CheckFinished, CheckStarted, Event, ProvisionalResult
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.latency import Latency
from assistant.lab.tenant import Lab
from assistant.model import Step
from assistant.runner import Runner, plan

DOMAIN = "ad-srv-hung.test"
EMAIL = f"admin@{DOMAIN}"
AUTODISCOVER = "autodiscover.result"
# The engine's own default (Runner's max_workers), as the CLI runs it.
ENGINE_WORKERS = int(inspect.signature(Runner).parameters["max_workers"].default)


class Timeline:
    """When each check started and ended, and when autodiscover first had an answer,
    in seconds from the run's start."""

    def __init__(self) -> None:
        self.origin = time.monotonic()
        self.started: dict[str, float] = {}
        self.ended: dict[str, float] = {}
        self.provisional: dict[str, float] = {}

    def __call__(self, event: Event) -> None:
        now = time.monotonic() - self.origin
        if isinstance(event, CheckStarted):
            self.started[event.check_id] = now
        elif isinstance(event, CheckFinished):
            self.ended[event.step.id] = now
        elif isinstance(event, ProvisionalResult):
            self.provisional.setdefault(event.step.id, now)


def _runner(target: Target, options: NetworkOptions, workers: int) -> Runner:
    return Runner(
        target, options, credentials=PasswordCredential(EMAIL, LAB_PASSWORD), max_workers=workers
    )


def full_run(
    target: Target, options: NetworkOptions, checks: Sequence[Check], workers: int
) -> tuple[float, Timeline, dict[str, Step]]:
    timeline = Timeline()
    steps = _runner(target, options, workers).run(checks, on_event=timeline)
    return time.monotonic() - timeline.origin, timeline, {s.id: s for s in steps}


def solo_durations(
    target: Target, options: NetworkOptions, checks: Sequence[Check], results: dict[str, Step]
) -> dict[str, float]:
    """Each check's own wall time, run alone with its prerequisites' results handed in."""
    present = {c.id for c in checks}
    durations: dict[str, float] = {}
    for check in checks:
        if check.id == AUTODISCOVER:
            continue  # its times come from the full run: it waits for the black holes
        given = {d: results[d] for d in check.waits_for(present)}
        started = time.monotonic()
        _runner(target, options, 1).run([check], given=given)
        durations[check.id] = time.monotonic() - started
    return durations


def critical_path(
    checks: Sequence[Check], durations: dict[str, float], first_answer: float, final: float
) -> tuple[float, list[str]]:
    """The longest chain: each check ends at the latest of what it waits for (autodiscover's
    first answer, for a check that starts early) plus its own duration."""
    present = {c.id for c in checks}
    ends: dict[str, float] = {AUTODISCOVER: final}
    chain: dict[str, list[str]] = {AUTODISCOVER: [AUTODISCOVER]}
    for check in plan(list(checks)):
        if check.id == AUTODISCOVER:
            continue
        start, via = 0.0, []
        for dep in check.waits_for(present):
            ready = first_answer if dep == AUTODISCOVER and check.starts_early else ends[dep]
            if ready > start:
                start, via = ready, chain[dep] if ready == ends[dep] else [f"{dep} (first answer)"]
        ends[check.id] = start + durations[check.id]
        chain[check.id] = [*via, check.id]
    last = max(ends, key=lambda k: ends[k])
    return ends[last], chain[last]


def main(delay_ms: int = 150, deadline: float = 10.0) -> dict[str, object]:
    latency = Latency(
        connect_ms=delay_ms,
        reply_ms=delay_ms,
        black_holes=frozenset({DOMAIN, f"autodiscover.{DOMAIN}"}),
    )
    target = Target.parse(EMAIL, Cloud.ONPREM)
    checks = select(None)
    with Lab(latency=latency) as lab:
        options = lab.network_options(timeout=deadline, check_deadline=max(60.0, 4 * deadline))
        wall, timeline, steps = full_run(target, options, checks, workers=ENGINE_WORKERS)
        one_worker, _, _ = full_run(target, options, checks, workers=1)
        durations = solo_durations(target, options, plan(checks), steps)
    ad_start = timeline.started.get(AUTODISCOVER, 0.0)
    first_answer = timeline.provisional.get(AUTODISCOVER, timeline.ended[AUTODISCOVER]) - ad_start
    final = timeline.ended[AUTODISCOVER] - ad_start
    bound, chain = critical_path(plan(checks), durations, first_answer, final)
    result: dict[str, object] = {
        "delay_ms": delay_ms,
        "deadline_s": deadline,
        "checks": len(checks),
        "wall_s": round(wall, 3),
        "bound_s": round(bound, 3),
        "wall_vs_bound": round(wall / bound, 3),
        "one_worker_s": round(one_worker, 3),
        "speedup_vs_one_worker": round(one_worker / wall, 2),
        "autodiscover_first_answer_s": round(first_answer, 3),
        "autodiscover_final_s": round(final, 3),
        "sum_of_solo_s": round(sum(durations.values()) + final, 3),
        "critical_chain": " -> ".join(chain),
        "statuses": {k: v.status.value for k, v in sorted(steps.items())},
    }
    for key, value in result.items():
        if key != "statuses":
            print(f"{key:>28}: {value}")
    return result


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 150, float(args[1]) if len(args) > 1 else 10.0)
