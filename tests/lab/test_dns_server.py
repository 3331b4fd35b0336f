"""The lab DNS server, exercised over real loopback sockets with dnspython as the client."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdatatype
import dns.resolver
import dns.rrset
import pytest

from assistant.lab.dns_server import LabDnsServer
from assistant.lab.dns_zone import MAX_CNAME_CHAIN, Fault, Record

pytestmark = pytest.mark.lab

BIG_STRINGS = [bytes([ord("a") + i]) * 255 for i in range(16)]  # 16 x 255 bytes: ~4 KB
BIG_TXT = " ".join(f'"{s.decode()}"' for s in BIG_STRINGS)

RECORDS = [
    Record(
        "contoso.test",
        "SOA",
        "ns1.contoso.test. hostmaster.contoso.test. 2024010101 3600 600 86400 60",
        ttl=3600,
    ),
    Record("contoso.test", "NS", "ns1.contoso.test."),
    Record("ns1.contoso.test", "A", "192.0.2.53"),
    Record("contoso.test.", "A", "192.0.2.10"),
    Record("Contoso.Test", "MX", "0 contoso-test.mail.protection.outlook.com."),
    Record("contoso.test", "TXT", '"v=spf1 include:spf.protection.outlook.com -all"'),
    Record("contoso.test", "TXT", '"MS=ms12345678"'),
    Record(
        "selector1._domainkey.contoso.test",
        "CNAME",
        "selector1-contoso-test._domainkey.contoso.onmicrosoft.com.",
    ),
    Record(
        "selector1-contoso-test._domainkey.contoso.onmicrosoft.com",
        "TXT",
        '"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC"',
    ),
    Record("autodiscover.contoso.test", "CNAME", "autodiscover.outlook.com."),
    Record("autodiscover.outlook.com", "CNAME", "autod.ms-acdc.office.com."),
    Record("autod.ms-acdc.office.com", "A", "192.0.2.20"),
    Record("contoso-test.mail.protection.outlook.com", "A", "192.0.2.30"),
    Record("loop1.contoso.test", "CNAME", "loop2.contoso.test."),
    Record("loop2.contoso.test", "CNAME", "loop1.contoso.test."),
    Record("dangling.contoso.test", "CNAME", "nothing-here.contoso.test."),
    Record("*.wild.contoso.test", "A", "192.0.2.99"),
    Record("exact.wild.contoso.test", "TXT", '"exact"'),
    Record("_sip._tls.contoso.test", "SRV", "100 1 443 sipdir.online.lync.com."),
    Record("big.contoso.test", "TXT", BIG_TXT),
    Record("xn--mller-kva.test", "A", "192.0.2.77"),
    Record("fabrikam.test", "A", "192.0.2.40"),
]
SIGNED = ["contoso.test"]


@pytest.fixture(scope="module")
def server() -> Iterator[LabDnsServer]:
    with LabDnsServer(RECORDS, signed_zones=SIGNED) as srv:
        yield srv


@pytest.fixture
def fresh() -> Iterator[LabDnsServer]:
    """A server of its own, for tests that change records or faults."""
    with LabDnsServer(RECORDS, signed_zones=SIGNED) as srv:
        yield srv


def ask(
    srv: LabDnsServer,
    name: str,
    rdtype: str,
    *,
    tcp: bool = False,
    timeout: float = 2.0,
    use_edns: int | None = None,
    payload: int = 1232,
    want_dnssec: bool = False,
) -> dns.message.Message:
    host, port = srv.address
    query = dns.message.make_query(
        name, rdtype, use_edns=use_edns, payload=payload, want_dnssec=want_dnssec
    )
    if tcp:
        return dns.query.tcp(query, host, port=port, timeout=timeout)
    return dns.query.udp(query, host, port=port, timeout=timeout)


def resolver_for(srv: LabDnsServer) -> dns.resolver.Resolver:
    host, port = srv.address
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [host]
    resolver.port = port
    resolver.lifetime = 2.0
    resolver.timeout = 1.0
    return resolver


def texts(response: dns.message.Message) -> list[str]:
    return [rrset.to_text() for rrset in response.answer]


def soa_owner(response: dns.message.Message) -> str:
    soas = [r for r in response.authority if r.rdtype == dns.rdatatype.SOA]
    assert len(soas) == 1, response
    return soas[0].name.to_text()


def lab_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("lab-dns")]


# -- positive answers -------------------------------------------------------------------


def test_a_answer_is_authoritative_and_echoes_the_question(server: LabDnsServer) -> None:
    host, port = server.address
    query = dns.message.make_query("contoso.test", "A")
    response = dns.query.udp(query, host, port=port, timeout=2)
    assert response.id == query.id
    assert response.question == query.question
    assert response.rcode() == dns.rcode.NOERROR
    assert response.flags & dns.flags.AA
    assert response.flags & dns.flags.RA
    assert response.flags & dns.flags.RD  # copied from the query
    assert response.edns == -1  # no EDNS asked, none given
    assert texts(response) == ["contoso.test. 300 IN A 192.0.2.10"]
    assert response.authority == []


def test_query_name_case_does_not_matter(server: LabDnsServer) -> None:
    response = ask(server, "CONTOSO.Test", "A")
    assert response.rcode() == dns.rcode.NOERROR
    assert response.answer[0][0].to_text() == "192.0.2.10"


def test_mx_and_srv(server: LabDnsServer) -> None:
    mx = ask(server, "contoso.test", "MX")
    assert mx.flags & dns.flags.AA
    assert [r.to_text() for r in mx.answer[0]] == ["0 contoso-test.mail.protection.outlook.com."]
    srv = ask(server, "_sip._tls.contoso.test", "SRV")
    assert [r.to_text() for r in srv.answer[0]] == ["100 1 443 sipdir.online.lync.com."]


def test_txt_records_form_one_rrset(server: LabDnsServer) -> None:
    response = ask(server, "contoso.test", "TXT")
    assert len(response.answer) == 1
    values = sorted(b"".join(r.strings).decode() for r in response.answer[0])
    assert values == ["MS=ms12345678", "v=spf1 include:spf.protection.outlook.com -all"]


def test_edns_query_gets_edns_answer(server: LabDnsServer) -> None:
    response = ask(server, "contoso.test", "A", use_edns=0, payload=1232)
    assert response.edns == 0
    assert response.rcode() == dns.rcode.NOERROR


def test_tcp_answers(server: LabDnsServer) -> None:
    response = ask(server, "contoso.test", "A", tcp=True)
    assert response.flags & dns.flags.AA
    assert texts(response) == ["contoso.test. 300 IN A 192.0.2.10"]


def test_resolver_client(server: LabDnsServer) -> None:
    answer = resolver_for(server).resolve("contoso.test", "MX")
    assert [r.to_text() for r in answer] == ["0 contoso-test.mail.protection.outlook.com."]


# -- CNAME ------------------------------------------------------------------------------


def test_cname_chain_is_followed_across_zones(server: LabDnsServer) -> None:
    response = ask(server, "autodiscover.contoso.test", "A")
    assert response.rcode() == dns.rcode.NOERROR
    assert response.flags & dns.flags.AA
    assert texts(response) == [
        "autodiscover.contoso.test. 300 IN CNAME autodiscover.outlook.com.",
        "autodiscover.outlook.com. 300 IN CNAME autod.ms-acdc.office.com.",
        "autod.ms-acdc.office.com. 300 IN A 192.0.2.20",
    ]
    answer = resolver_for(server).resolve("autodiscover.contoso.test", "A")
    assert answer.canonical_name == dns.name.from_text("autod.ms-acdc.office.com")
    assert [r.address for r in answer] == ["192.0.2.20"]


def test_dkim_cname_into_onmicrosoft(server: LabDnsServer) -> None:
    answer = resolver_for(server).resolve("selector1._domainkey.contoso.test", "TXT")
    assert b"".join(answer[0].strings).startswith(b"v=DKIM1")


def test_cname_query_returns_the_cname_only(server: LabDnsServer) -> None:
    response = ask(server, "autodiscover.contoso.test", "CNAME")
    assert texts(response) == ["autodiscover.contoso.test. 300 IN CNAME autodiscover.outlook.com."]


def test_cname_chain_to_a_name_without_that_type_is_nodata(server: LabDnsServer) -> None:
    response = ask(server, "autodiscover.contoso.test", "AAAA")
    assert response.rcode() == dns.rcode.NOERROR
    assert [r.rdtype for r in response.answer] == [dns.rdatatype.CNAME] * 2
    assert soa_owner(response) == "office.com."  # the synthesized zone of the last name


def test_cname_loop_returns_the_chain_with_noerror(server: LabDnsServer) -> None:
    response = ask(server, "loop1.contoso.test", "A", timeout=1.0)
    assert response.rcode() == dns.rcode.NOERROR
    assert texts(response) == [
        "loop1.contoso.test. 300 IN CNAME loop2.contoso.test.",
        "loop2.contoso.test. 300 IN CNAME loop1.contoso.test.",
    ]


def test_cname_self_loop() -> None:
    with LabDnsServer([Record("me.contoso.test", "CNAME", "me.contoso.test.")]) as srv:
        response = ask(srv, "me.contoso.test", "A", timeout=1.0)
    assert response.rcode() == dns.rcode.NOERROR
    assert texts(response) == ["me.contoso.test. 300 IN CNAME me.contoso.test."]


def test_cname_chain_is_capped() -> None:
    chain = [Record(f"c{i}.contoso.test", "CNAME", f"c{i + 1}.contoso.test.") for i in range(40)]
    with LabDnsServer([*chain, Record("c40.contoso.test", "A", "192.0.2.1")]) as srv:
        response = ask(srv, "c0.contoso.test", "A", tcp=True)
    assert response.rcode() == dns.rcode.NOERROR
    assert len(response.answer) == MAX_CNAME_CHAIN == 16
    assert all(r.rdtype == dns.rdatatype.CNAME for r in response.answer)


def test_dangling_cname_is_nxdomain_with_the_chain(server: LabDnsServer) -> None:
    response = ask(server, "dangling.contoso.test", "A")
    assert response.rcode() == dns.rcode.NXDOMAIN
    assert texts(response) == ["dangling.contoso.test. 300 IN CNAME nothing-here.contoso.test."]
    assert soa_owner(response) == "contoso.test."


# -- negative answers -------------------------------------------------------------------


def test_nxdomain_carries_the_soa(server: LabDnsServer) -> None:
    response = ask(server, "nope.contoso.test", "A")
    assert response.rcode() == dns.rcode.NXDOMAIN
    assert response.flags & dns.flags.AA
    assert response.answer == []
    assert soa_owner(response) == "contoso.test."
    assert response.authority[0].ttl == 60  # min(SOA TTL 3600, SOA minimum 60)


def test_nodata_when_the_name_has_other_types(server: LabDnsServer) -> None:
    response = ask(server, "contoso.test", "AAAA")
    assert response.rcode() == dns.rcode.NOERROR
    assert response.flags & dns.flags.AA
    assert response.answer == []
    assert soa_owner(response) == "contoso.test."


def test_empty_non_terminal_is_nodata_not_nxdomain(server: LabDnsServer) -> None:
    for name in ("_domainkey.contoso.test", "_tls.contoso.test"):
        response = ask(server, name, "TXT")
        assert response.rcode() == dns.rcode.NOERROR, name
        assert response.answer == []
        assert soa_owner(response) == "contoso.test."


def test_synthesized_zone_gives_soa_for_negative_answers(server: LabDnsServer) -> None:
    nx = ask(server, "nope.mail.protection.outlook.com", "A")
    assert nx.rcode() == dns.rcode.NXDOMAIN
    assert soa_owner(nx) == "outlook.com."
    ent = ask(server, "mail.protection.outlook.com", "A")
    assert ent.rcode() == dns.rcode.NOERROR
    assert soa_owner(ent) == "outlook.com."
    soa = ask(server, "outlook.com", "SOA")
    assert soa.answer[0].rdtype == dns.rdatatype.SOA


def test_names_outside_every_zone_are_refused(server: LabDnsServer) -> None:
    for name in ("example.org", "test", "other.test"):
        response = ask(server, name, "A")
        assert response.rcode() == dns.rcode.REFUSED, name
        assert not response.flags & dns.flags.AA
        assert response.answer == []


# -- wildcards --------------------------------------------------------------------------


def test_wildcard_synthesizes_for_missing_names(server: LabDnsServer) -> None:
    for name in ("anything.wild.contoso.test", "a.b.wild.contoso.test"):
        response = ask(server, name, "A")
        assert response.rcode() == dns.rcode.NOERROR
        assert texts(response) == [f"{name}. 300 IN A 192.0.2.99"]


def test_wildcard_does_not_apply_to_existing_names(server: LabDnsServer) -> None:
    exact = ask(server, "exact.wild.contoso.test", "A")  # exists with TXT only
    assert exact.rcode() == dns.rcode.NOERROR
    assert exact.answer == []
    parent = ask(server, "wild.contoso.test", "A")  # an empty non-terminal
    assert parent.rcode() == dns.rcode.NOERROR
    assert parent.answer == []
    below_exact = ask(server, "x.exact.wild.contoso.test", "A")  # closest encloser: exact.
    assert below_exact.rcode() == dns.rcode.NXDOMAIN


def test_wildcard_nodata_for_other_types(server: LabDnsServer) -> None:
    response = ask(server, "anything.wild.contoso.test", "MX")
    assert response.rcode() == dns.rcode.NOERROR
    assert response.answer == []
    assert soa_owner(response) == "contoso.test."


# -- faults -----------------------------------------------------------------------------


def test_servfail_and_refused_faults() -> None:
    faults = {"contoso.test": Fault.SERVFAIL, "fabrikam.test.": Fault.REFUSED}
    with LabDnsServer(RECORDS, faults=faults) as srv:
        servfail = ask(srv, "contoso.test", "MX")
        assert servfail.rcode() == dns.rcode.SERVFAIL
        assert servfail.answer == []
        assert ask(srv, "FABRIKAM.test", "A").rcode() == dns.rcode.REFUSED
        # exactly that name: others in the zone still answer
        assert ask(srv, "ns1.contoso.test", "A").rcode() == dns.rcode.NOERROR


def test_fault_on_a_cname_target_fails_the_chain(fresh: LabDnsServer) -> None:
    fresh.set_fault("autodiscover.outlook.com", Fault.SERVFAIL)
    assert ask(fresh, "autodiscover.contoso.test", "A").rcode() == dns.rcode.SERVFAIL


def test_silent_fault_times_out(fresh: LabDnsServer) -> None:
    fresh.set_fault("contoso.test", Fault.SILENT)
    before = fresh.query_count
    with pytest.raises(dns.exception.Timeout):
        ask(fresh, "contoso.test", "A", timeout=0.3)
    assert fresh.query_count == before + 1  # it was received, just not answered
    assert ask(fresh, "ns1.contoso.test", "A").rcode() == dns.rcode.NOERROR


def test_live_set_fault(fresh: LabDnsServer) -> None:
    assert ask(fresh, "contoso.test", "A").rcode() == dns.rcode.NOERROR
    fresh.set_fault("contoso.test", Fault.SERVFAIL)
    assert ask(fresh, "contoso.test", "A").rcode() == dns.rcode.SERVFAIL
    fresh.set_fault("contoso.test", None)
    assert ask(fresh, "contoso.test", "A").rcode() == dns.rcode.NOERROR


def test_live_replace_records(fresh: LabDnsServer) -> None:
    assert ask(fresh, "new.contoso.test", "A").rcode() == dns.rcode.NXDOMAIN
    fresh.replace_records([Record("new.contoso.test", "A", "192.0.2.123")])
    response = ask(fresh, "new.contoso.test", "A")
    assert texts(response) == ["new.contoso.test. 300 IN A 192.0.2.123"]
    assert ask(fresh, "contoso.test", "MX").answer == []  # the old set is gone


def test_bad_records_are_rejected_with_the_record_named() -> None:
    with pytest.raises(ValueError, match="not-an-ip"):
        LabDnsServer([Record("contoso.test", "A", "not-an-ip")])
    with pytest.raises(ValueError, match="NOPE"):
        LabDnsServer([Record("contoso.test", "NOPE", "1")])


# -- size and transport -----------------------------------------------------------------


def test_big_txt_is_truncated_over_udp(server: LabDnsServer) -> None:
    plain = ask(server, "big.contoso.test", "TXT")
    assert plain.flags & dns.flags.TC
    assert plain.answer == []
    edns = ask(server, "big.contoso.test", "TXT", use_edns=0, payload=1232)
    assert edns.flags & dns.flags.TC
    assert edns.answer == []


def test_big_txt_fits_a_large_edns_payload(server: LabDnsServer) -> None:
    response = ask(server, "big.contoso.test", "TXT", use_edns=0, payload=8192)
    assert not response.flags & dns.flags.TC
    assert list(response.answer[0][0].strings) == BIG_STRINGS


def test_big_txt_over_tcp(server: LabDnsServer) -> None:
    response = ask(server, "big.contoso.test", "TXT", tcp=True)
    assert not response.flags & dns.flags.TC
    assert list(response.answer[0][0].strings) == BIG_STRINGS


def test_resolver_retries_big_txt_over_tcp(server: LabDnsServer) -> None:
    answer = resolver_for(server).resolve("big.contoso.test", "TXT")
    assert list(answer[0].strings) == BIG_STRINGS


def test_several_queries_on_one_tcp_connection(server: LabDnsServer) -> None:
    host, port = server.address
    with socket.create_connection((host, port), timeout=2) as sock:
        for name in ("contoso.test", "fabrikam.test", "big.contoso.test"):
            query = dns.message.make_query(name, "A" if "big" not in name else "TXT")
            dns.query.send_tcp(sock, query, time.time() + 2)
            response, _ = dns.query.receive_tcp(sock, time.time() + 2)
            assert response.id == query.id
            assert response.rcode() == dns.rcode.NOERROR
            assert response.answer


def test_idle_tcp_connections_are_closed() -> None:
    with (
        LabDnsServer(RECORDS, tcp_idle_timeout=0.2) as srv,
        socket.create_connection(srv.address, timeout=2) as sock,
    ):
        started = time.monotonic()
        assert sock.recv(10) == b""
        assert time.monotonic() - started < 1.5


def test_malformed_packets_do_not_kill_the_server(fresh: LabDnsServer) -> None:
    host, port = fresh.address
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        for garbage in (b"", b"\x00", b"\xff" * 11, b"\x12\x34" + b"\x01" * 40):
            udp.sendto(garbage, (host, port))
        # a response (QR set) must not be answered either
        reply = dns.message.make_response(dns.message.make_query("contoso.test", "A"))
        udp.sendto(reply.to_wire(), (host, port))
    with socket.create_connection((host, port), timeout=2) as sock:
        sock.sendall(b"\x00\x05hello")  # a framed but malformed message
        query = dns.message.make_query("contoso.test", "A")
        dns.query.send_tcp(sock, query, time.time() + 2)
        response, _ = dns.query.receive_tcp(sock, time.time() + 2)
        assert response.id == query.id
    with socket.create_connection((host, port), timeout=2) as sock:
        sock.sendall(b"\x01\x00abc")  # a frame that never completes, then hang up
    assert ask(fresh, "contoso.test", "A").rcode() == dns.rcode.NOERROR
    assert all(t.is_alive() for t in lab_threads() if t.name == f"lab-dns-{port}")


# -- DNSSEC -----------------------------------------------------------------------------


def test_ad_flag_only_for_signed_zones_when_asked(server: LabDnsServer) -> None:
    do = ask(server, "contoso.test", "A", want_dnssec=True)
    assert do.flags & dns.flags.AD
    assert do.ednsflags & dns.flags.DO
    host, port = server.address
    query = dns.message.make_query("contoso.test", "A")
    query.flags |= dns.flags.AD
    ad = dns.query.udp(query, host, port=port, timeout=2)
    assert ad.flags & dns.flags.AD
    nxdomain = dns.query.udp(
        dns.message.make_query("nope.contoso.test", "A", want_dnssec=True), host, port=port
    )
    assert nxdomain.flags & dns.flags.AD
    assert not ask(server, "contoso.test", "A").flags & dns.flags.AD  # not asked
    unsigned = ask(server, "fabrikam.test", "A", want_dnssec=True)
    assert not unsigned.flags & dns.flags.AD
    # a chain leaving the signed zone is not authenticated
    chain = ask(server, "autodiscover.contoso.test", "A", want_dnssec=True)
    assert not chain.flags & dns.flags.AD


# -- IDN --------------------------------------------------------------------------------


def test_idn_name(server: LabDnsServer) -> None:
    qname = dns.name.from_text("müller.test")
    assert qname.to_text() == "xn--mller-kva.test."
    response = ask(server, qname.to_text(), "A")
    assert response.answer[0][0].to_text() == "192.0.2.77"


def test_idn_record_in_unicode_form() -> None:
    with LabDnsServer([Record("bücher.test", "A", "192.0.2.5")]) as srv:
        response = ask(srv, "xn--bcher-kva.test", "A")
    assert response.answer[0][0].to_text() == "192.0.2.5"


# -- life cycle and scale ---------------------------------------------------------------


def test_stop_joins_threads_and_is_idempotent() -> None:
    srv = LabDnsServer(RECORDS)
    host, port = srv.start()
    assert (host, port) == srv.address
    assert port > 0
    # leave a TCP connection open: stop() must still end its thread promptly
    with socket.create_connection((host, port), timeout=2) as sock:
        query = dns.message.make_query("contoso.test", "A")
        dns.query.send_tcp(sock, query, time.time() + 2)
        dns.query.receive_tcp(sock, time.time() + 2)
        names = {t.name for t in lab_threads()}
        assert any(name.startswith(f"lab-dns-{port}-tcp") for name in names)
        started = time.monotonic()
        srv.stop()
        assert time.monotonic() - started < 1.5
    srv.stop()
    assert not [t for t in lab_threads() if t.name.startswith(f"lab-dns-{port}")]
    with pytest.raises(dns.exception.Timeout):
        ask(srv, "contoso.test", "A", timeout=0.2)


def test_udp_and_tcp_share_the_port(server: LabDnsServer) -> None:
    host, port = server.address
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe, pytest.raises(OSError):
        probe.bind((host, port))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe, pytest.raises(OSError):
        probe.bind((host, port))


def test_thousands_of_records_answer_quickly() -> None:
    records = [
        Record(f"host{i}.contoso.test", "A", f"10.0.{i // 256}.{i % 256}") for i in range(5000)
    ]
    srv = LabDnsServer(records)
    wires = [
        dns.message.make_query(f"host{i}.contoso.test", "A").to_wire() for i in range(0, 5000, 10)
    ]
    started = time.perf_counter()
    replies = [srv.handle_wire(wire, udp=True) for wire in wires]
    elapsed = time.perf_counter() - started
    assert all(replies)
    assert srv.query_count == len(wires)
    assert elapsed < 2.0  # an indexed lookup; a per-query scan of 5,000 records is far slower
    last = dns.message.from_wire(replies[-1] or b"")
    assert last.answer[0][0].to_text() == "10.0.19.126"
