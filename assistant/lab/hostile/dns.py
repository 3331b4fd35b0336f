"""Hostile DNS data for the lab's DNS server, and a tiny resolver that misbehaves on the
wire (every answer truncated while TCP is refused; garbage instead of a DNS message).

Record makers take the behaviour's domain and return what LabDnsServer serves for it.
"""

from __future__ import annotations

import contextlib
import socket
import threading

import dns.flags
import dns.message

from assistant.lab.dns_zone import Record
from assistant.lab.zones import txt

LOOPBACK = "127.0.0.1"


def _spf_records(domain: str, record: str) -> list[Record]:
    return [Record(domain, "TXT", txt(record)), Record(domain, "A", LOOPBACK)]


def cname_loop(domain: str) -> list[Record]:
    return [
        Record(domain, "MX", f"10 mx.{domain}"),
        Record(f"mx.{domain}", "CNAME", f"mx2.{domain}"),
        Record(f"mx2.{domain}", "CNAME", f"mx.{domain}"),
    ]


def cname_chain(domain: str, hops: int = 40) -> list[Record]:
    chain = [Record(f"h{i}.{domain}", "CNAME", f"h{i + 1}.{domain}") for i in range(hops)]
    return [
        Record(domain, "MX", f"10 h0.{domain}"),
        *chain,
        Record(f"h{hops}.{domain}", "A", LOOPBACK),
    ]


def txt_1000_strings(domain: str) -> list[Record]:
    """One SPF record written as 1,000 character-strings (about 9 KB: DNS over TCP)."""
    strings = ['"v=spf1"'] + [f'" ip4:10.{i // 256}.{i % 256}.1"' for i in range(998)] + ['" -all"']
    return [Record(domain, "TXT", " ".join(strings)), Record(domain, "A", LOOPBACK)]


def txt_1000_records(domain: str) -> list[Record]:
    """1,000 TXT records at the apex, one of them SPF."""
    junk = [Record(domain, "TXT", txt(f"site-verification={i:04d}-{'x' * 40}")) for i in range(999)]
    return [*junk, *_spf_records(domain, "v=spf1 include:spf.protection.outlook.com -all")]


def spf_include_chain(domain: str, length: int = 50) -> list[Record]:
    records = _spf_records(domain, f"v=spf1 include:s0.{domain} -all")
    for i in range(length - 1):
        records.append(
            Record(f"s{i}.{domain}", "TXT", txt(f"v=spf1 include:s{i + 1}.{domain} -all"))
        )
    records.append(Record(f"s{length - 1}.{domain}", "TXT", txt("v=spf1 ip4:192.0.2.1 -all")))
    return records


def spf_self_include(domain: str) -> list[Record]:
    return _spf_records(domain, f"v=spf1 include:{domain} -all")


def spf_huge_record(domain: str) -> list[Record]:
    """A 30 KB SPF record of 2,000 ip4 terms (in 255-byte strings)."""
    terms = " ".join(f"ip4:10.{i // 250}.{i % 250}.0/24" for i in range(2000))
    return _spf_records(domain, f"v=spf1 {terms} -all")


def spf_invalid_utf8(domain: str) -> list[Record]:
    # \255\254: bytes that are not UTF-8, written as presentation-form escapes.
    return [Record(domain, "TXT", '"v=spf1 a:\\255\\254\\195\\040.example -all"')]


def dmarc_tags(domain: str, count: int = 1000) -> list[Record]:
    tags = "; ".join(f"x{i}=v{i}" for i in range(count))
    return [Record(f"_dmarc.{domain}", "TXT", txt(f"v=DMARC1; p=reject; {tags}"))]


def dmarc_invalid_utf8(domain: str) -> list[Record]:
    return [Record(f"_dmarc.{domain}", "TXT", '"v=DMARC1; p=\\255\\254; rua=mailto:\\195\\040@x"')]


def mx_1000(domain: str) -> list[Record]:
    return [Record(domain, "MX", f"{i} mx{i}.{domain}") for i in range(1000)]


class OddResolver:
    """A UDP-only DNS 'server': `mode` 'truncate' answers every query with TC set and
    nothing in it, while TCP on the same port is refused (nothing listens); 'garbage'
    answers with bytes that are not a DNS message. One daemon thread, lab-hostile-dns."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((LOOPBACK, 0))
        self._sock.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._serve, name=f"lab-hostile-dns-{mode}", daemon=True
        )
        self.queries = 0

    @property
    def port(self) -> int:
        return int(self._sock.getsockname()[1])

    def start(self) -> OddResolver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(2.0)
        with contextlib.suppress(OSError):
            self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                wire, peer = self._sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.queries += 1
            with contextlib.suppress(OSError):
                self._sock.sendto(self._reply(wire), peer)

    def _reply(self, wire: bytes) -> bytes:
        if self.mode == "garbage":
            return wire[:2] + b"\x81\x80\x00\x01\x00\x05" + b"\xc0\x0c" * 200
        try:
            query = dns.message.from_wire(wire)
        except Exception:
            return b""
        reply = dns.message.make_response(query)
        reply.flags |= dns.flags.TC
        return reply.to_wire()
