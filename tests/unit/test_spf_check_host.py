"""check_host() beyond the RFC 7208 suite: what it reports (record, mechanism, counts), its
deadline and cancel token, and that evaluations on two threads each use their own DNS
(pyspf's lookup is one module global; ours dispatches per thread). Against lab DNS servers
on loopback."""

from __future__ import annotations

import threading

import pytest

from assistant.cancel import Cancelled, CancelToken, Deadline
from assistant.checks.policy.spf_check_host import SpfResult, check_host
from assistant.config import HostPort
from assistant.lab.dns_server import LabDnsServer
from assistant.lab.dns_zone import Fault, Record
from assistant.net.resolver import Resolver

pytestmark = pytest.mark.lab

ZONE = [
    Record("example.test", "TXT", '"v=spf1 ip4:192.0.2.0/24 include:_spf.example.test -all"'),
    Record("_spf.example.test", "TXT", '"v=spf1 a:relay.example.test ~all"'),
    Record("relay.example.test", "A", "198.51.100.7"),
    Record("slow.test", "TXT", '"v=spf1 include:down.slow.test -all"'),
]


def resolver(server: LabDnsServer, timeout: float = 2.0, token: CancelToken | None = None):
    host, port = server.address
    return Resolver([HostPort(host, port)], timeout=timeout, token=token)


def evaluate(server: LabDnsServer, ip: str, domain: str = "example.test", **kw) -> SpfResult:
    return check_host(ip, domain, f"printer@{domain}", lookup=resolver(server).query, **kw)


def test_a_pass_names_the_record_the_mechanism_and_the_lookups() -> None:
    with LabDnsServer(ZONE) as server:
        direct = evaluate(server, "192.0.2.9")
        included = evaluate(server, "198.51.100.7")
        refused = evaluate(server, "203.0.113.1")
    assert (direct.result, direct.mechanism, direct.dns_lookups) == ("pass", "ip4:192.0.2.0/24", 0)
    assert direct.record == "v=spf1 ip4:192.0.2.0/24 include:_spf.example.test -all"
    assert (included.result, included.mechanism) == ("pass", "include:_spf.example.test")
    assert included.dns_lookups == 2 and included.queries == 3  # TXT, include TXT, A
    assert (refused.result, refused.mechanism) == ("fail", "-all")


def test_no_record_is_none() -> None:
    with LabDnsServer(ZONE) as server:
        result = evaluate(server, "192.0.2.9", domain="nothing.example.test")
    assert (result.result, result.record, result.mechanism) == ("none", None, None)


@pytest.mark.timeout(10)  # without the deadline, the silent name would hold it 30 s
def test_the_whole_evaluation_has_a_deadline() -> None:
    with LabDnsServer(ZONE, faults={"down.slow.test": Fault.SILENT}) as server:
        result = check_host(
            "192.0.2.9",
            "slow.test",
            "printer@slow.test",
            lookup=resolver(server, timeout=30).query,  # each query alone could wait 30 s
            deadline=Deadline.after(0.5),
        )
    assert result.result == "temperror", result
    assert "timeout" in result.explanation


def test_a_cancelled_run_stops_the_evaluation() -> None:
    token = CancelToken()
    token.cancel()
    with LabDnsServer(ZONE) as server, pytest.raises(Cancelled):
        check_host("192.0.2.9", "example.test", "", lookup=resolver(server).query, token=token)


def test_two_threads_each_evaluate_against_their_own_dns() -> None:
    first = [Record("shared.test", "TXT", '"v=spf1 ip4:192.0.2.1 -all"')]
    second = [Record("shared.test", "TXT", '"v=spf1 -ip4:192.0.2.1 +all"')]
    results: dict[str, list[str]] = {"first": [], "second": []}
    with LabDnsServer(first) as one, LabDnsServer(second) as two:

        def run(label: str, server: LabDnsServer) -> None:
            for _ in range(40):
                results[label].append(evaluate(server, "192.0.2.1", domain="shared.test").result)

        threads = [
            threading.Thread(target=run, args=("first", one)),
            threading.Thread(target=run, args=("second", two)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert set(results["first"]) == {"pass"} and len(results["first"]) == 40
    assert set(results["second"]) == {"fail"} and len(results["second"]) == 40


def test_an_ip_that_is_not_an_address_is_the_callers_mistake() -> None:
    with LabDnsServer(ZONE) as server, pytest.raises(ValueError):
        evaluate(server, "not-an-ip")
