"""Every behaviour of the hostile-server catalogue (assistant/lab/hostile/) meets the
check that would face it, through the engine, with deadlines shortened (1 s per
network operation, 5 s per check). For each: the check ends with a verdict that names
the cause (words listed per behaviour), never an ERROR from an exception and never the
runner's deadline unless a hang is the behaviour; this process's CPU time and peak
memory stay within a bound of the healthy run of the same check; no thread is left;
and the canary password reaches no host that must not have it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.lab.hostile.catalogue import CATALOGUE, PROTOCOLS, Behaviour, counts
from assistant.lab.hostile.lab import HostileLab
from assistant.lab.tenant import Lab
from bench.hostile_run import Outcome, healthy, meet

pytestmark = pytest.mark.lab
CPU_MARGIN = 2.0  # seconds of CPU beyond the healthy run (this process: lab threads too)
RSS_GROWTH_MB = 64.0  # growth of the process's peak RSS during one run


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileLab]:
    with HostileLab() as running:
        yield running


@pytest.fixture(scope="module")
def baselines(lab: Lab) -> dict[tuple[str, str], Outcome]:
    out: dict[tuple[str, str], Outcome] = {}
    for behaviour in CATALOGUE:
        key = (behaviour.protocol, behaviour.check)
        if key not in out:
            healthy(*key[:1], lab, key[1])  # warm: the first run of a check pays for imports
            out[key] = healthy(key[0], lab, key[1])
            assert out[key].status == "pass", out[key].summary  # a baseline worth the name
    return out


def test_the_catalogue_covers_every_protocol_with_at_least_fifty_behaviours() -> None:
    assert len(CATALOGUE) >= 50
    assert all(counts()[p] >= 4 for p in PROTOCOLS), counts()


# A behaviour that found a bug not fixed yet is a strict xfail naming it: it must start
# passing (and lose its known_bug) the day the engine is fixed.
CASES = [
    pytest.param(
        b,
        id=f"{b.protocol}-{b.name}",
        marks=[pytest.mark.xfail(strict=True, reason=b.known_bug)] if b.known_bug else [],
    )
    for b in CATALOGUE
]


@pytest.mark.parametrize("behaviour", CASES)
def test_behaviour_ends_in_time_with_its_cause_bounded_and_without_leaks(
    behaviour: Behaviour,
    hostile: HostileLab,
    lab: Lab,
    baselines: dict[tuple[str, str], Outcome],
) -> None:
    outcome = meet(behaviour, hostile, lab)
    base = baselines[(behaviour.protocol, behaviour.check)]
    assert not outcome.crashed, outcome.summary
    if not behaviour.hang:
        assert not outcome.stopped_at_deadline, outcome.summary
    assert outcome.names_cause(behaviour.words, behaviour.domain), (
        behaviour.words,
        outcome.summary,
    )
    assert outcome.cpu_seconds <= base.cpu_seconds + CPU_MARGIN, (
        outcome.cpu_seconds,
        base.cpu_seconds,
    )
    assert outcome.rss_growth_mb <= RSS_GROWTH_MB, outcome.rss_growth_mb
    assert outcome.threads_left == [], outcome.threads_left
    assert outcome.leaked_to == [], f"the password reached {outcome.leaked_to}"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # Something answered, but not as a mail server: an intercepting middlebox, not a block.
        ("mx-ehlo-1mb-line", "opens, but what answers there breaks the SMTP conversation"),
        ("mx-greeting-endless", "opens, but what answers there breaks the SMTP conversation"),
        # Nothing answered at all: what a provider's port 25 block looks like.
        ("mx-silent", "is blocked or black-holed from here"),
    ],
)
def test_port25_tells_a_block_from_something_answering_wrongly(
    hostile: HostileLab, lab: Lab, name: str, said: str
) -> None:
    (behaviour,) = [b for b in CATALOGUE if b.name == name]
    outcome = meet(behaviour, hostile, lab)
    assert said in outcome.summary, outcome.summary
