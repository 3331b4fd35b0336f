"""dns.mx's verdict as a pure function of what the lookups found: table tests, no DNS."""

from __future__ import annotations

import pytest

from assistant.checks.dns.mx_verdict import MxHosts, mx_answer_verdict, mx_verdict
from assistant.facts import ENVIRONMENTS, Cloud, Environment
from assistant.model import Status, Step
from assistant.net.resolver import Outcome

WORLDWIDE, ONPREM = ENVIRONMENTS[Cloud.WORLDWIDE], ENVIRONMENTS[Cloud.ONPREM]
CLASSIC = "contoso-com.mail.protection.outlook.com"
DANE = "contoso-com.l-v1.mx.microsoft"
OTHER = "mx.filter.test"


def hosts(*found: tuple[str, Status], cloud: Cloud = Cloud.WORLDWIDE, via: str = "") -> MxHosts:
    """MX hosts in preference order, each with its own verdict; `via`: all are CNAMEs to it."""
    records = [(10 * i, host) for i, (host, _) in enumerate(found, start=1)]
    steps = [
        Step(f"dns.mx.host.{i}", host, s, summary=f"{host} says {s}")
        for i, (host, s) in enumerate(found, start=1)
    ]
    canonical = {host: via or host for host, _ in found}
    return MxHosts(ENVIRONMENTS[cloud], records, steps, canonical)


@pytest.mark.parametrize(
    ("outcome", "records", "env", "words"),
    [
        (Outcome.NXDOMAIN, [], WORLDWIDE, "does not exist in DNS"),
        (Outcome.NODATA, [], WORLDWIDE, "has no MX record"),
        (Outcome.OK, [(0, "")], ONPREM, "null MX"),
    ],
)
def test_an_answer_that_takes_no_mail_fails_before_any_host_is_looked_up(
    outcome: Outcome, records: list[tuple[int, str]], env: Environment, words: str
) -> None:
    verdict = mx_answer_verdict("contoso.test", env, outcome, records)
    assert verdict is not None and verdict.status is Status.FAIL and words in verdict.summary
    assert verdict.remedy is not None


def test_an_ordinary_answer_goes_on_to_its_hosts() -> None:
    assert mx_answer_verdict("contoso.test", WORLDWIDE, Outcome.OK, [(0, CLASSIC)]) is None


@pytest.mark.parametrize(
    ("found", "status", "words", "remedy"),
    [
        (hosts((DANE, Status.PASS)), Status.PASS, f"10 {DANE}", False),
        (hosts((CLASSIC, Status.FAIL), (OTHER, Status.PASS)), Status.FAIL, f"{CLASSIC} says", True),
        (
            hosts((CLASSIC, Status.PASS), (OTHER, Status.PASS)),
            Status.WARN,
            "mix Microsoft 365",
            True,
        ),
        (hosts((OTHER, Status.PASS)), Status.WARN, "not Exchange Online", True),
        (hosts((DANE, Status.PASS), (CLASSIC, Status.PASS)), Status.WARN, "2 MX records", True),
        (
            hosts((OTHER, Status.PASS), (OTHER, Status.PASS), cloud=Cloud.ONPREM),
            Status.PASS,
            "2 MX",
            False,
        ),
        (hosts((OTHER, Status.WARN), cloud=Cloud.ONPREM), Status.WARN, "is a CNAME", True),
        (hosts(("alias.contoso.test", Status.WARN), via=CLASSIC), Status.WARN, "is a CNAME", True),
    ],
)
def test_the_hosts_verdict_is_the_first_case_that_applies(
    found: MxHosts, status: Status, words: str, remedy: bool
) -> None:
    verdict = mx_verdict(found)
    assert (verdict.status, verdict.remedy is not None) == (status, remedy)
    assert words in verdict.summary


def test_only_a_passing_worldwide_classic_mx_hears_of_the_newer_form() -> None:
    assert "mx.microsoft form" in mx_verdict(hosts((CLASSIC, Status.PASS))).details
    assert mx_verdict(hosts((DANE, Status.PASS))).details == ""
    assert mx_verdict(hosts((CLASSIC, Status.PASS), cloud=Cloud.GCC_HIGH)).details == ""
