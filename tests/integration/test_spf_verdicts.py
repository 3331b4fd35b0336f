"""dns.spf on records RFC 7208 treats as errors and on DNS that does not answer (issue 20),
through the lab's DNS server and the engine: a control character between terms is a
permerror named with its position; a timeout or SERVFAIL on a name the record points to is
a temporary error named as such, not a fault in the record."""

from __future__ import annotations

import pytest

from assistant.checks.policy.spf_record import parse_spf
from assistant.checks.registry import select
from assistant.config import Target
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.runner import Runner


def spf_step(lab: Lab, domain: str) -> Step:
    options = lab.network_options(timeout=0.5, check_deadline=10)
    steps = Runner(Target.parse(domain), options).run(select(["dns.spf"]))
    return next(s for s in steps if s.id == "dns.spf")


UNANSWERED = [
    (f"spf-{where}-{fault}", f"down.spf-{where}-{fault}.test", fault.upper())
    for where in ("include", "exists", "redirect")
    for fault in ("timeout", "servfail")
]


def test_a_control_character_in_the_record_fails_with_its_position(lab: Lab) -> None:
    step = spf_step(lab, "spf-ctrl.test")
    assert step.status is Status.FAIL, step.summary
    assert "control character (CR) at position" in step.summary and "permerror" in step.summary


@pytest.mark.parametrize(("scenario", "name", "outcome"), UNANSWERED)
def test_a_name_that_does_not_answer_is_temporary_not_the_records_fault(
    lab: Lab, scenario: str, name: str, outcome: str
) -> None:
    step = spf_step(lab, f"{scenario}.test")
    assert step.status is Status.WARN, step.summary
    for words in (name, outcome, "temporary"):
        assert words in step.summary, (words, step.summary)
    assert step.remedy is not None and "Nothing to change in the record" in step.remedy.text


@pytest.mark.parametrize(
    ("record", "named"),
    [
        ("v=spf1 a:mail.contoso.com\rptr -all", "(CR) at position 26"),
        ("v=spf1 mx\n-all", "(LF) at position 10"),
        ("v=spf1 mx\t-all", "(TAB) at position 10"),
        ("v=spf1 mx -al\x00l", "(NUL) at position 14"),
        ("v=spf1 ip4:192.0.2.1\x1b -all", "(0x1B) at position 21"),
        ("v=spf1 include:spf.protection.out\rlook.com -all", "(CR) at position 34"),
    ],
)
def test_a_control_character_between_or_inside_terms_is_a_permerror(
    record: str, named: str
) -> None:
    parsed = parse_spf(record)
    assert any(named in e and "permerror" in e for e in parsed.errors), parsed.errors


def test_spaces_alone_still_separate_terms() -> None:
    assert parse_spf("v=spf1  mx   -all").errors == ()
    many = parse_spf("v=spf1 " + "\r" * 9 + " -all").errors
    assert len(many) == 4 and "6 more control characters" in many[-1]
