"""relay.spf_alignment through the engine (Runner, RelayPlan) against a lab DNS server on
loopback: each SPF result gives its verdict, the IP comes from --public-ip or from what
relay.port25 learned, and the check says what to do when it has no IP.

Every SPF result needs a domain of its own, so most cases use a LabDnsServer of this
test's own; the lab tenant's relay-ip.test and relay-junk.test (the domains the relay
send scenarios use) are checked too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from assistant.check import Check, Context
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import public_ip_evidence
from assistant.checks.relay.spf_alignment import SPF_ALIGNMENT_CHECK
from assistant.config import HostPort, NetworkOptions, Target
from assistant.lab.dns_server import LabDnsServer
from assistant.lab.dns_zone import Fault, Record
from assistant.lab.tenant import Lab
from assistant.lab.zones import MICROSOFT_SPF
from assistant.model import Status, Step
from assistant.relay_plan import RelayMethod, RelayPlan
from assistant.runner import Runner
from assistant.settings_names import cli_flags

pytestmark = pytest.mark.lab

PUBLIC_IP = "203.0.113.5"


def spf(name: str, record: str) -> Record:
    return Record(name, "TXT", f'"{record}"')


RECORDS = [
    spf("spf.protection.outlook.com", MICROSOFT_SPF),
    spf("relay-ip.test", f"v=spf1 ip4:{PUBLIC_IP} include:spf.protection.outlook.com -all"),
    spf("relay-junk.test", "v=spf1 include:spf.protection.outlook.com -all"),
    spf("relay-soft.test", "v=spf1 include:spf.protection.outlook.com ~all"),
    spf("relay-neutral.test", "v=spf1 include:spf.protection.outlook.com ?all"),
    spf("relay-open.test", "v=spf1 +all"),
    spf("relay-broken.test", "v=spf1 include:nospf.relay-broken.test -all"),
    Record("nospf.relay-broken.test", "A", "192.0.2.1"),
    spf("relay-down.test", "v=spf1 include:down.relay-down.test -all"),
    spf("relay-ip6.test", "v=spf1 ip6:2001:db8::/32 -all"),
    Record("relay-none.test", "MX", "10 mx.relay-none.test."),
    spf("relay-loopback.test", "v=spf1 ip4:127.0.0.1 -all"),
]


@pytest.fixture(scope="module")
def dns() -> Iterator[LabDnsServer]:
    with LabDnsServer(RECORDS, faults={"down.relay-down.test": Fault.SILENT}) as server:
        yield server


def options(server: LabDnsServer) -> NetworkOptions:
    host, port = server.address
    return NetworkOptions(nameservers=(HostPort(host, port),), timeout=0.3, check_deadline=10)


def run(
    server: LabDnsServer,
    domain: str,
    plan: RelayPlan | None,
    extra: tuple[Check, ...] = (),
) -> Step:
    target = Target.parse(f"printer@{domain}")
    steps = Runner(target, options(server), relay=plan).run([*extra, SPF_ALIGNMENT_CHECK])
    return next(s for s in steps if s.id == ids.SPF_ALIGNMENT)


def table(step: Step) -> dict[str, Any]:
    found = next(e for e in step.evidence if e.kind == "table")
    assert isinstance(found.data, dict)
    return found.data


@pytest.mark.parametrize(
    ("domain", "status", "result", "words"),
    [
        ("relay-ip.test", Status.PASS, "pass", f"mechanism ip4:{PUBLIC_IP}"),
        ("relay-junk.test", Status.FAIL, "fail", "refuses it (-all)"),
        ("relay-soft.test", Status.WARN, "softfail", "softfail (~all)"),
        ("relay-neutral.test", Status.WARN, "neutral", "neutral"),
        ("relay-none.test", Status.WARN, "none", "publishes no SPF record"),
        ("relay-open.test", Status.WARN, "pass", "authorises every address"),
        ("relay-broken.test", Status.FAIL, "permerror", "permerror"),
        ("relay-down.test", Status.WARN, "temperror", "temperror"),
    ],
)
def test_each_spf_result_has_its_verdict(
    dns: LabDnsServer, domain: str, status: Status, result: str, words: str
) -> None:
    step = run(dns, domain, RelayPlan(public_ip=PUBLIC_IP))
    assert step.status is status, step.summary
    assert words in step.summary, step.summary
    assert table(step)["result"] == result
    assert table(step)["ip"] == PUBLIC_IP and table(step)["domain"] == domain


def test_a_fail_says_which_term_to_add_and_what_happens_meanwhile(dns: LabDnsServer) -> None:
    step = run(dns, "relay-junk.test", RelayPlan(public_ip=PUBLIC_IP))
    assert step.remedy is not None
    text = step.remedy.text
    assert f"ip4:{PUBLIC_IP}" in text
    assert f"v=spf1 ip4:{PUBLIC_IP} include:spf.protection.outlook.com -all" in text
    assert "compauth" in text and "Junk" in text and "SMTP AUTH" in text
    assert "v=spf1 include:spf.protection.outlook.com -all" in step.details  # the record
    assert "1 of 10 DNS-querying terms" in step.details


def test_no_record_says_which_record_to_publish(dns: LabDnsServer) -> None:
    step = run(dns, "relay-none.test", RelayPlan(public_ip=PUBLIC_IP))
    assert (
        step.remedy is not None and "Publish one TXT record at relay-none.test" in step.remedy.text
    )
    assert f"v=spf1 ip4:{PUBLIC_IP} include:spf.protection.outlook.com -all" in step.remedy.text


def test_the_evaluation_asked_the_named_dns_server(dns: LabDnsServer) -> None:
    step = run(dns, "relay-ip.test", RelayPlan(public_ip=PUBLIC_IP))
    answers = next(e for e in step.evidence if e.kind == "dns").data
    assert isinstance(answers, list) and answers
    host, port = dns.address
    assert {a["server"] for a in answers} == {f"{host}:{port}"}  # type: ignore[index]
    assert answers[0]["name"] == "relay-ip.test"  # type: ignore[index]


def test_an_ipv6_address_is_evaluated_and_the_remedy_uses_ip6(dns: LabDnsServer) -> None:
    inside = run(dns, "relay-ip6.test", RelayPlan(public_ip="2001:db8::5"))
    outside = run(dns, "relay-ip6.test", RelayPlan(public_ip="2001:db9::5"))
    assert inside.status is Status.PASS, inside.summary
    assert outside.status is Status.FAIL and outside.remedy is not None
    assert "ip6:2001:db9::5" in outside.remedy.text


def _port25_saw(ip: str) -> Check:
    """Stands in for relay.port25 (another helper's check): its result carries the IP the
    MX's EHLO reply showed, as evidence.public_ip_evidence, which is all this check reads."""

    def run_port25(ctx: Context) -> Step:
        return Step(
            ids.PORT25,
            "port 25",
            Status.PASS,
            evidence=[public_ip_evidence(ip, "mx.test")],
        )

    return Check(ids.PORT25, "port 25", run_port25)


def test_the_ip_relay_port25_learned_is_used_and_the_users_wins(dns: LabDnsServer) -> None:
    learned = run(dns, "relay-loopback.test", RelayPlan(), extra=(_port25_saw("127.0.0.1"),))
    assert learned.status is Status.PASS, learned.summary
    assert table(learned)["ip"] == "127.0.0.1"
    assert "not a public address" in learned.details
    given = run(
        dns, "relay-loopback.test", RelayPlan(public_ip=PUBLIC_IP), (_port25_saw("127.0.0.1"),)
    )
    assert given.status is Status.FAIL and table(given)["ip"] == PUBLIC_IP


def test_no_ip_known_is_a_skip_that_says_how_to_give_one(dns: LabDnsServer) -> None:
    step = run(dns, "relay-ip.test", RelayPlan())
    assert step.status is Status.SKIP
    assert step.remedy is not None and "this network's public IP address" in step.remedy.text
    assert "(--public-ip)" in cli_flags(step.remedy.text)
    assert "port 25" in step.remedy.text


def test_a_run_without_direct_send_or_connector_skips(dns: LabDnsServer) -> None:
    plan = RelayPlan(public_ip=PUBLIC_IP, methods=(RelayMethod.SUBMISSION,))
    step = run(dns, "relay-junk.test", plan)
    assert step.status is Status.SKIP and "neither Direct Send nor connector" in step.summary
    connector = RelayPlan(public_ip=PUBLIC_IP, methods=(RelayMethod.CONNECTOR,))
    assert run(dns, "relay-junk.test", connector).status is Status.FAIL


def test_the_relay_sender_domain_is_evaluated_not_the_mailbox(dns: LabDnsServer) -> None:
    plan = RelayPlan(public_ip=PUBLIC_IP, sender="scanner@relay-ip.test")
    step = run(dns, "relay-junk.test", plan)
    assert step.status is Status.PASS and table(step)["domain"] == "relay-ip.test"


def test_an_address_that_is_not_an_ip_is_said_so(dns: LabDnsServer) -> None:
    step = run(dns, "relay-ip.test", RelayPlan(public_ip="my-router"))
    assert step.status is Status.SKIP and "'my-router' is not an IP address" in step.summary


@pytest.mark.parametrize(
    ("domain", "status"), [("relay-ip", Status.PASS), ("relay-junk", Status.FAIL)]
)
def test_the_lab_tenants_relay_domains(lab: Lab, domain: str, status: Status) -> None:
    """The lab's relay scenarios (lab/relay_scenarios.py): its devices send from loopback;
    relay-ip.test authorises it before Microsoft's include, relay-junk.test does not."""
    target = Target.parse(f"printer@{domain}.test")
    options = lab.network_options(timeout=0.5, check_deadline=10)
    plan = RelayPlan(public_ip="127.0.0.1", methods=(RelayMethod.DIRECT,))
    steps = Runner(target, options, relay=plan).run([SPF_ALIGNMENT_CHECK])
    step = next(s for s in steps if s.id == ids.SPF_ALIGNMENT)
    assert step.status is status, step.summary
    assert table(step)["record"].startswith("v=spf1")
