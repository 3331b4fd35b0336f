"""The dns.* checks through the engine against the lab's real DNS, HTTPS and SMTP servers.

Each fault scenario is a separate lab domain; the table says which check must give
which verdict, and words its summary must contain (the cause, not just the colour).
"""

from __future__ import annotations

import time

import pytest

from assistant.checks.registry import select
from assistant.config import NetworkOptions, Target
from assistant.facts import Cloud
from assistant.lab.tenant import Lab
from assistant.lab.zones import IDN_DOMAIN, NXDOMAIN_DOMAIN
from assistant.model import Status, Step
from assistant.runner import Runner


def run_dns(
    lab: Lab, address: str, *, cloud: Cloud = Cloud.WORLDWIDE, **opts: float
) -> dict[str, Step]:
    target = Target.parse(address, cloud)
    steps = Runner(target, lab.network_options(**opts)).run(select(["dns"]))
    return {s.id: s for s in steps}


def test_healthy_domain_passes_every_check(lab: Lab) -> None:
    results = run_dns(lab, "admin@contoso.test")
    expected_info = {"dns.verification", "dns.tlsrpt", "dns.teams"}
    for check_id, step in results.items():
        wanted = Status.INFO if check_id in expected_info else Status.PASS
        assert step.status is wanted, (check_id, step.summary)
    assert "AD bit" in results["dns.dnssec"].summary
    assert "matches TLSA" in results["dns.dane"].summary
    assert "MS=ms12345678" in results["dns.verification"].summary
    assert results["dns.mx"].evidence and results["dns.mx"].children[0].status is Status.PASS


FAULTS = [
    # (scenario domain, check, verdict, words the summary must contain)
    ("no-mx.test", "dns.mx", Status.FAIL, "has no MX record"),
    ("spf-ctrl.test", "dns.spf", Status.FAIL, "control character (CR) at position"),
    ("spf-include-servfail.test", "dns.spf", Status.WARN, "did not answer (SERVFAIL)"),
    ("spf-exists-timeout.test", "dns.spf", Status.WARN, "did not answer (TIMEOUT)"),
    ("two-mx.test", "dns.mx", Status.WARN, "mix Microsoft 365"),
    ("mx-cname.test", "dns.mx", Status.WARN, "CNAME"),
    ("cname-loop.test", "dns.mx", Status.FAIL, "CNAME loop"),
    ("two-spf.test", "dns.spf", Status.FAIL, "2 SPF records"),
    ("spf-many.test", "dns.spf", Status.FAIL, "more than 10 DNS lookups (12)"),
    ("spf-loop.test", "dns.spf", Status.FAIL, "include loop"),
    ("dmarc-bad.test", "dns.dmarc", Status.FAIL, "rejetc"),
    ("dmarc-none.test", "dns.dmarc", Status.WARN, "p=none"),
    ("no-dkim.test", "dns.dkim", Status.WARN, "selector1._domainkey.no-dkim.test is missing"),
    ("ad-thirdparty.test", "dns.autodiscover", Status.FAIL, "third party"),
    ("msoid.test", "dns.msoid", Status.FAIL, "breaks Microsoft 365 sign-in"),
    ("servfail.test", "dns.mx", Status.FAIL, "SERVFAIL"),
    ("servfail.test", "dns.resolver", Status.WARN, "SERVFAIL"),
    ("silent.test", "dns.resolver", Status.FAIL, "no DNS server answered"),
    ("silent.test", "dns.mx", Status.SKIP, "no DNS server answered"),
    ("unsigned.test", "dns.dnssec", Status.WARN, "did not validate"),
    ("sts-mismatch.test", "dns.mta_sts", Status.FAIL, "do not cover"),
    ("dane-mismatch.test", "dns.dane", Status.FAIL, "no TLSA record matches"),
    ("teams.test", "dns.teams", Status.INFO, "_sipfederationtls._tcp SRV"),
    (NXDOMAIN_DOMAIN, "dns.mx", Status.FAIL, "does not exist in DNS (NXDOMAIN)"),
]


@pytest.mark.parametrize(("domain", "check_id", "verdict", "words"), FAULTS)
def test_fault_gives_the_right_verdict_and_cause(
    lab: Lab, domain: str, check_id: str, verdict: Status, words: str
) -> None:
    results = run_dns(lab, domain, timeout=0.5, check_deadline=10)
    step = results[check_id]
    assert step.status is verdict, step.summary
    assert words in step.summary
    if verdict in (Status.FAIL, Status.WARN) and check_id != "dns.resolver":
        assert step.remedy is not None and step.remedy.text


def test_faults_stay_local_to_their_check(lab: Lab) -> None:
    """A DMARC fault must not spill into unrelated verdicts."""
    results = run_dns(lab, "dmarc-bad.test")
    assert results["dns.mx"].status is Status.PASS
    assert results["dns.spf"].status is Status.PASS


def test_big_txt_record_comes_over_tcp_and_spf_still_parses(lab: Lab) -> None:
    before = lab.dns.query_count
    results = run_dns(lab, "big-txt.test")
    assert results["dns.spf"].status is Status.PASS
    assert lab.dns.query_count > before
    # The TXT answer is > 4 KB: it only fits over TCP, after a truncated UDP answer.
    spf_answers = results["dns.spf"].evidence[0].data
    assert any(len("".join(a["values"])) > 4000 for a in spf_answers)


def test_nodata_and_nxdomain_are_told_apart(lab: Lab) -> None:
    nodata = run_dns(lab, "no-mx.test")["dns.mx"]
    nxdomain = run_dns(lab, NXDOMAIN_DOMAIN)["dns.mx"]
    assert nodata.evidence[0].data[0]["outcome"] == "nodata"
    assert nxdomain.evidence[0].data[0]["outcome"] == "nxdomain"
    assert nodata.summary != nxdomain.summary


def test_idn_domain_is_checked_in_its_ascii_form(lab: Lab) -> None:
    results = run_dns(lab, "admin@müller.test")
    assert Target.parse("admin@müller.test").domain == IDN_DOMAIN
    assert results["dns.mx"].status is Status.PASS, results["dns.mx"].summary
    assert results["dns.spf"].status is Status.PASS
    assert results["dns.mx"].evidence[0].data[0]["name"] == IDN_DOMAIN


def test_silent_server_is_bounded_by_the_timeout(lab: Lab) -> None:
    started = time.monotonic()
    results = run_dns(lab, "silent.test", timeout=0.5, check_deadline=5)
    elapsed = time.monotonic() - started
    assert results["dns.resolver"].status is Status.FAIL
    # One resolver question with a 0.5 s budget, then every other check skips.
    assert elapsed < 5, elapsed


def test_unreachable_nameserver_is_a_failed_step_not_a_crash(lab: Lab) -> None:
    # A UDP port with nothing behind it on loopback: no answer ever comes.
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as hole:
        hole.bind(("127.0.0.1", 0))
        port = hole.getsockname()[1]
        from assistant.config import HostPort

        options = NetworkOptions(
            nameservers=(HostPort("127.0.0.1", port),), timeout=0.3, check_deadline=5
        )
        steps = Runner(Target.parse("contoso.test"), options).run(select(["dns.mx"]))
    by_id = {s.id: s for s in steps}
    assert by_id["dns.resolver"].status is Status.FAIL
    assert f"127.0.0.1:{port}" in by_id["dns.resolver"].summary
    assert by_id["dns.mx"].status is Status.SKIP


def test_onprem_cloud_accepts_any_resolving_mx(lab: Lab) -> None:
    results = run_dns(lab, "two-mx.test", cloud=Cloud.ONPREM)
    assert results["dns.mx"].status is Status.PASS
    assert results["dns.spf"].status is Status.PASS  # no cloud include is required on-prem


def test_wrong_cloud_is_caught_by_the_mx_check(lab: Lab) -> None:
    results = run_dns(lab, "contoso.test", cloud=Cloud.GCC_HIGH)
    assert results["dns.mx"].status is Status.WARN
    assert "mail.protection.office365.us" in results["dns.mx"].summary
    assert results["dns.spf"].status is Status.FAIL
    assert "spf.protection.office365.us" in results["dns.spf"].summary
