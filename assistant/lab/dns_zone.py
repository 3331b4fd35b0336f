"""The lab DNS's data and answers, without sockets: records, zones (declared by an SOA or
synthesized at a name's last two labels), the name index with RFC 4592 wildcards, and
`resolve`, which answers one question as the pretend-recursive server does (CNAME chains
across zones, NXDOMAIN versus NODATA with the zone's SOA, faults per name).

The server (dns_server.py) adds the wire format, UDP/TCP and threads; keeping the two
apart lets each be read, and tested, alone.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import dns.exception
import dns.name
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.CNAME
import dns.rdtypes.ANY.SOA
import dns.rrset

MAX_CNAME_CHAIN = 16
"""The most CNAME records one answer carries; the chain stops there with NOERROR."""

_SYNTHETIC_SOA = "{ns} {mbox} 1 3600 600 86400 300"
_SYNTHETIC_SOA_TTL = 300


@dataclass(frozen=True)
class Record:
    """One resource record in zone-file presentation form.

    ``name`` may carry a trailing dot or not, any case, and may be an IDN in Unicode or
    ``xn--`` form. Names inside ``value`` are taken as absolute whether or not they end
    with a dot (there is no ``$ORIGIN``).
    """

    name: str
    rtype: str
    value: str
    ttl: int = 300


class Fault(enum.Enum):
    """How the server misbehaves for one name."""

    SERVFAIL = "servfail"  # answer SERVFAIL for this name (any type)
    SILENT = "silent"  # never answer queries for this name (a dead or filtered server)
    REFUSED = "refused"


def parse_name(text: str) -> dns.name.Name:
    """The absolute, lowercased DNS name for ``text`` (trailing dot optional, IDN allowed)."""
    try:
        return dns.name.from_text(text).canonicalize()
    except (dns.exception.DNSException, UnicodeError, ValueError) as exc:
        raise ValueError(f"not a DNS name: {text!r} ({exc})") from exc


def _parse_rrset(record: Record) -> tuple[dns.name.Name, dns.rdatatype.RdataType, dns.rdata.Rdata]:
    name = parse_name(record.name)
    if not 0 <= record.ttl <= 0x7FFFFFFF:
        raise ValueError(f"bad TTL in lab DNS record {record!r}")
    try:
        rdtype = dns.rdatatype.from_text(record.rtype.strip().upper())
        if dns.rdatatype.is_metatype(rdtype):
            raise ValueError(f"{record.rtype} is a query type, not a record type")
        rdata = dns.rdata.from_text(
            dns.rdataclass.IN, rdtype, record.value, origin=dns.name.root, relativize=False
        )
    except (dns.exception.DNSException, UnicodeError, ValueError) as exc:
        # dnspython's ExceptionWrapper turns any exception into a SyntaxError, Ctrl-C too:
        # a demo interrupted while its lab starts is cancelled, not a bad record.
        if isinstance(exc.__cause__, KeyboardInterrupt):
            raise exc.__cause__ from None
        raise ValueError(f"bad lab DNS record {record!r}: {exc}") from exc
    return name, rdtype, rdata


def _parent(name: dns.name.Name) -> dns.name.Name | None:
    return None if name == dns.name.root else name.parent()


def _registered_domain(name: dns.name.Name) -> dns.name.Name:
    """The synthesized zone apex for an uncovered name: its last two labels."""
    if name.is_wild():
        name = name.parent()
    if len(name.labels) <= 3:  # two labels plus the root label
        return name
    return name.split(3)[1]


@dataclass(frozen=True)
class _Zone:
    apex: dns.name.Name
    negative_soa: dns.rrset.RRset  # the SOA for AUTHORITY, TTL capped by its minimum
    synthetic: bool


_Node = dict[dns.rdatatype.RdataType, dns.rrset.RRset]


class ZoneIndex:
    """An immutable snapshot of all records, indexed by name; swapped whole on change."""

    __slots__ = ("existing", "nodes", "zones")

    def __init__(self, records: Iterable[Record]) -> None:
        nodes: dict[dns.name.Name, _Node] = {}
        for record in records:
            name, rdtype, rdata = _parse_rrset(record)
            node = nodes.setdefault(name, {})
            rrset = node.get(rdtype)
            if rrset is None:
                rrset = node[rdtype] = dns.rrset.RRset(name, dns.rdataclass.IN, rdtype)
            rrset.add(rdata, record.ttl)

        apexes = {name for name, node in nodes.items() if dns.rdatatype.SOA in node}
        synthetic: set[dns.name.Name] = set()
        for name in list(nodes):
            if _find_ancestor(name, apexes) is None:
                synthetic.add(_registered_domain(name))
        for apex in synthetic:
            soa = dns.rdata.from_text(
                dns.rdataclass.IN,
                dns.rdatatype.SOA,
                _SYNTHETIC_SOA.format(
                    ns=dns.name.Name((b"ns1", *apex.labels)),
                    mbox=dns.name.Name((b"hostmaster", *apex.labels)),
                ),
            )
            nodes.setdefault(apex, {})[dns.rdatatype.SOA] = dns.rrset.from_rdata(
                apex, _SYNTHETIC_SOA_TTL, soa
            )

        zones: dict[dns.name.Name, _Zone] = {}
        for apex in apexes | synthetic:
            soa_rrset = nodes[apex][dns.rdatatype.SOA]
            soa_rdata = soa_rrset[0]
            minimum = (
                soa_rdata.minimum
                if isinstance(soa_rdata, dns.rdtypes.ANY.SOA.SOA)
                else soa_rrset.ttl
            )
            negative = dns.rrset.from_rdata(apex, min(soa_rrset.ttl, minimum), soa_rdata)
            zones[apex] = _Zone(apex, negative, apex in synthetic)

        # Every owner name and all its ancestors exist (ancestors as empty non-terminals).
        existing: set[dns.name.Name] = set()
        for name in nodes:
            current: dns.name.Name | None = name
            while current is not None and current not in existing:
                existing.add(current)
                current = _parent(current)

        self.nodes = nodes
        self.zones = zones
        self.existing = existing

    def zone_of(self, name: dns.name.Name) -> _Zone | None:
        apex = _find_ancestor(name, self.zones)
        return None if apex is None else self.zones[apex]

    def lookup(self, name: dns.name.Name, zone: _Zone) -> tuple[_Node | None, bool]:
        """The node answering for ``name`` and whether it came from a wildcard.

        ``None`` means NXDOMAIN; an empty node means the name exists without records.
        """
        node = self.nodes.get(name)
        if node is not None:
            return node, False
        if name in self.existing:
            return {}, False
        # RFC 4592: find the closest encloser (it exists: at worst it is the apex),
        # then the wildcard directly below it.
        encloser = name.parent()
        while encloser not in self.existing and encloser != zone.apex:
            encloser = encloser.parent()
        source = dns.name.Name((b"*", *encloser.labels))
        wild = self.nodes.get(source)
        if wild is not None:
            return wild, True
        if source in self.existing:
            return {}, True
        return None, False


def _find_ancestor(
    name: dns.name.Name, candidates: set[dns.name.Name] | Mapping[dns.name.Name, object]
) -> dns.name.Name | None:
    current: dns.name.Name | None = name
    while current is not None:
        if current in candidates:
            return current
        current = _parent(current)
    return None


def _renamed(rrset: dns.rrset.RRset, owner: dns.name.Name) -> dns.rrset.RRset:
    return dns.rrset.from_rdata_list(owner, rrset.ttl, list(rrset))


@dataclass
class Outcome:
    rcode: dns.rcode.Rcode
    answer: list[dns.rrset.RRset] = field(default_factory=list)
    authority: list[dns.rrset.RRset] = field(default_factory=list)
    authoritative: bool = True
    visited: list[dns.name.Name] = field(default_factory=list)


def resolve(
    index: ZoneIndex,
    faults: Mapping[dns.name.Name, Fault],
    qname: dns.name.Name,
    qtype: dns.rdatatype.RdataType,
    qclass: dns.rdataclass.RdataClass,
) -> Outcome | None:
    """The answer to one question, or None to stay silent (a SILENT fault)."""
    refused = Outcome(dns.rcode.REFUSED, authoritative=False)
    if qclass != dns.rdataclass.IN or qtype in (dns.rdatatype.AXFR, dns.rdatatype.IXFR):
        return refused
    if dns.rdatatype.is_metatype(qtype) and qtype != dns.rdatatype.ANY:
        return Outcome(dns.rcode.NOTIMP, authoritative=False)

    current = qname.canonicalize()
    zone = index.zone_of(current)
    outcome = Outcome(dns.rcode.NOERROR)
    seen: set[dns.name.Name] = set()
    while True:
        fault = faults.get(current)
        if fault is Fault.SILENT:
            return None
        if seen:  # following a CNAME, as a recursive resolver would
            if fault is not None:  # a resolver reports any upstream failure as SERVFAIL
                return Outcome(dns.rcode.SERVFAIL, authoritative=False)
            if zone is None:  # the chain leaves our world: stop with what we have
                outcome.visited.append(current)  # unknown, so not authenticated
                return outcome
        elif fault is Fault.SERVFAIL:
            return Outcome(dns.rcode.SERVFAIL, authoritative=False)
        elif fault is Fault.REFUSED or zone is None:
            return refused
        outcome.visited.append(current)
        seen.add(current)

        assert zone is not None  # for mypy: the branches above return otherwise
        node, wildcard = index.lookup(current, zone)
        if node is None:
            outcome.rcode = dns.rcode.NXDOMAIN
            outcome.authority.append(zone.negative_soa)
            return outcome
        if qtype == dns.rdatatype.ANY and node:
            outcome.answer.extend(
                _renamed(rrset, current) if wildcard else rrset for rrset in node.values()
            )
            return outcome
        rrset = node.get(qtype)
        if rrset is not None:
            outcome.answer.append(_renamed(rrset, current) if wildcard else rrset)
            return outcome
        cname = node.get(dns.rdatatype.CNAME)
        if cname is None or qtype == dns.rdatatype.CNAME:
            outcome.authority.append(zone.negative_soa)  # NODATA
            return outcome
        outcome.answer.append(_renamed(cname, current) if wildcard else cname)
        target_rdata = cname[0]
        if not isinstance(target_rdata, dns.rdtypes.ANY.CNAME.CNAME):
            return outcome
        target = target_rdata.target.canonicalize()
        if target in seen or len(outcome.answer) >= MAX_CNAME_CHAIN:
            return outcome  # a loop or an overlong chain: NOERROR with the chain so far
        current = target
        zone = index.zone_of(current)
