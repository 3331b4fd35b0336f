"""Hostile autodiscover answers from the lab's Exchange front end (issue 11, items 8 and 9):
the whole autodiscover check runs and ends with a FAIL that names what the server sent,
never an ERROR from an exception and never minutes of CPU."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.checks.autodiscover import AUTODISCOVER_CHECKS
from assistant.config import Target
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.runner import Runner

CANDIDATE = "autodiscover.candidate.autodiscover_https"


def _cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return max(time.process_time() - started, 1e-3)


def run_autodiscover(lab: Lab, domain: str) -> Step:
    email = f"admin@{domain}"
    runner = Runner(
        Target.parse(email, Cloud.ONPREM),
        lab.network_options(timeout=1.0),
        credentials=PasswordCredential(email, LAB_PASSWORD),
    )
    [step] = runner.run(AUTODISCOVER_CHECKS)
    return step


@pytest.mark.parametrize(
    ("domain", "words"),
    [
        # 20,000 elements in one <Protocol>: took ~3 s of CPU and then passed as settings.
        ("ad-many-elements.test", "not a plausible autodiscover answer"),
        # <ErrorCode> of 5,000 digits: int() raised ValueError out of the parser.
        ("ad-odd-errorcode.test", "<ErrorCode> is not an error code: '5000000000"),
        # IMAP <Port>99999</Port>: later an OverflowError in the socket call.
        ("ad-bad-port.test", "the IMAP settings name a <Port> that is not a port: '99999'"),
    ],
)
def test_hostile_answer_is_a_fail_that_names_it(lab: Lab, domain: str, words: str) -> None:
    # A healthy walk in the same lab, warm (the first walk of a session pays for imports).
    baseline = min(_cpu_seconds(lambda: run_autodiscover(lab, "fabrikam.test")) for _ in "ab")
    started = time.process_time()
    step = run_autodiscover(lab, domain)
    cpu = time.process_time() - started
    candidate = step.find(CANDIDATE)
    assert candidate is not None
    assert candidate.status is Status.FAIL, candidate.summary
    assert words in candidate.summary
    assert len(candidate.summary) < 300  # what the server sent is quoted, and cut short
    assert step.status is Status.FAIL, step.summary
    assert all(s.status is not Status.ERROR for s in step.walk()), [
        (s.id, s.summary) for s in step.walk() if s.status is Status.ERROR
    ]
    # The CPU of this process includes the lab's, which builds and sends the 400 KB answer:
    # about 5x a healthy walk in all, where the quadratic parse made it about 100x.
    assert cpu / baseline < 30, f"{cpu / baseline:.1f}x the CPU of a healthy walk"


def test_json_nested_too_deep_is_an_answer_without_a_url_not_a_crash(lab: Lab) -> None:
    # json.loads raises RecursionError (not ValueError) for arrays nested 100,000 deep.
    step = run_autodiscover(lab, "ad-deep-json.test")
    v2 = step.find("autodiscover.v2")
    assert v2 is not None and v2.status is Status.INFO, v2
    assert "no EWS URL in the answer (HTTP 200)" in v2.summary
    candidate = step.find(CANDIDATE)
    assert candidate is not None and "not well-formed XML" in candidate.summary
    assert step.status is Status.FAIL, step.summary
    assert all(s.status is not Status.ERROR for s in step.walk())
