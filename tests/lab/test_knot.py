"""Knot DNS as the lab's authoritative server at scale (assistant/lab/knot.py): real
queries over loopback, nothing left running after stop(); and the UDP delay relay in front
of it (assistant/lab/udp_delay.py)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import dns.message
import dns.query
import dns.rcode
import dns.rdatatype
import pytest

from assistant.lab.dns_zone import Record
from assistant.lab.knot import LabKnot, unavailable, zone_text
from assistant.lab.udp_delay import UdpDelay


def require_knot() -> None:
    """CI installs Knot (packaging/dev.sh): there a Knot that cannot run is a failure,
    never a skip. A desktop without it is told why and skips."""
    reason = unavailable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Knot cannot run here, and CI needs it: {reason}")
    pytest.skip(f"Knot cannot run here (not CI): {reason}")


@pytest.fixture(scope="module")
def knot() -> Iterator[LabKnot]:
    require_knot()
    zones = {
        "contoso.test": [
            Record("contoso.test", "MX", "10 mx.contoso.test"),
            Record("mx.contoso.test", "A", "192.0.2.25"),
            Record("contoso.test", "TXT", '"v=spf1 mx -all"'),
            Record("autodiscover.contoso.test", "CNAME", "autodiscover.outlook.com"),
        ],
        "outlook.com": [Record("autodiscover.outlook.com", "A", "192.0.2.80")],
    }
    with LabKnot(zones) as server:
        yield server


def ask(knot: LabKnot, name: str, rdtype: str) -> dns.message.Message:
    host, port = knot.address
    return dns.query.udp(dns.message.make_query(name, rdtype), host, port=port, timeout=2)


def test_knot_answers_its_zones_authoritatively(knot: LabKnot) -> None:
    mx = ask(knot, "contoso.test", "MX")
    assert mx.rcode() == dns.rcode.NOERROR and mx.flags & dns.flags.AA
    assert [r.to_text() for r in mx.answer[0]] == ["10 mx.contoso.test."]
    assert ask(knot, "contoso.test", "TXT").answer[0][0].to_text() == '"v=spf1 mx -all"'
    missing = ask(knot, "nothing.contoso.test", "A")
    assert missing.rcode() == dns.rcode.NXDOMAIN and missing.authority  # with the SOA
    assert ask(knot, "contoso.test", "AAAA").rcode() == dns.rcode.NOERROR  # NODATA
    # Authoritative only: no recursion, so a name outside every zone is refused.
    assert ask(knot, "example.org", "A").rcode() == dns.rcode.REFUSED


def test_a_zone_gets_an_soa_and_ns_unless_it_brings_them() -> None:
    text = zone_text("a.test", [Record("a.test", "MX", "10 mx.a.test")])
    assert "a.test. SOA ns.a.test." in text and "a.test. NS ns.a.test." in text
    assert "a.test. 300 MX 10 mx.a.test." in text  # names in values made absolute
    own = zone_text("b.test", [Record("b.test", "SOA", "x.b.test. h.b.test. 7 1 1 1 1")])
    assert own.count(" SOA ") == 1


def test_stop_ends_knot_and_removes_its_folder() -> None:
    require_knot()
    server = LabKnot({"one.test": [Record("one.test", "A", "192.0.2.1")]}).start()
    pid = server.pid
    assert pid is not None
    assert ask(server, "one.test", "A").answer
    server.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert server.pid is None and server.log_text() == ""


def test_the_delay_relay_returns_each_answer_to_the_socket_that_asked(knot: LabKnot) -> None:
    """Several clients at once through assistant/lab/udp_delay.py, each with its own
    socket and the same DNS ID: every one gets its own answer (the delay is not timed)."""
    with UdpDelay(knot.address, delay_ms=5) as relay:
        clients = []
        for rdtype in ("MX", "TXT", "SOA", "NS"):
            query = dns.message.make_query("contoso.test", rdtype)
            query.id = 4242
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.settimeout(5)
            sock.sendto(query.to_wire(), relay.address)
            clients.append((rdtype, sock))
        for rdtype, sock in clients:
            with sock:
                answer = dns.message.from_wire(sock.recv(65535))
            assert answer.id == 4242 and answer.question[0].rdtype == dns.rdatatype.from_text(
                rdtype
            )
            assert answer.answer, rdtype
