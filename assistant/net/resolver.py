"""DNS lookups with outcomes an admin can read, deadlines, and cancellation.

Two modes. System: the nameservers the operating system is configured with (and
host addresses from the OS, so a hosts-file entry and per-interface DNS still count;
net/system_lookup.py holds that call to the deadline and the cancel token). Explicit:
every question, host addresses included, goes to the nameservers the user named; this
is how a check is aimed at one resolver, and how the tests reach the lab's DNS server.

Queries are sent with dnspython's wire functions on sockets we own, so waits are
sliced and a cancelled run stops within CancelToken's slice.
"""

from __future__ import annotations

import enum
import ipaddress
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import dns.rrset

from assistant.cancel import SLICE, CancelToken, Deadline
from assistant.config import HostPort
from assistant.net.system_lookup import SYSTEM, SystemLookup
from assistant.text import N_, join, msg

MAX_CHAIN = 16


class Outcome(enum.StrEnum):
    OK = "ok"
    NXDOMAIN = "nxdomain"  # the name does not exist
    NODATA = "nodata"  # the name exists, but has no record of this type
    SERVFAIL = "servfail"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    CNAME_LOOP = "cname-loop"
    ERROR = "error"  # malformed answer, socket error, no nameservers

    @property
    def is_void(self) -> bool:
        return self in (Outcome.NXDOMAIN, Outcome.NODATA)

    @property
    def is_failure(self) -> bool:
        """The question was not answered: we learn nothing about the record."""
        return self in (
            Outcome.SERVFAIL,
            Outcome.REFUSED,
            Outcome.TIMEOUT,
            Outcome.ERROR,
            Outcome.CNAME_LOOP,
        )


OUTCOME_TEXT = {  # templates: say one with outcome_text()
    Outcome.OK: N_("answered"),
    Outcome.NXDOMAIN: N_("does not exist (NXDOMAIN)"),
    Outcome.NODATA: N_("exists but has no record of this type (NODATA)"),
    Outcome.SERVFAIL: N_("the DNS server failed to answer (SERVFAIL)"),
    Outcome.REFUSED: N_("the DNS server refused the question (REFUSED)"),
    Outcome.TIMEOUT: N_("no answer before the deadline (timeout)"),
    Outcome.CNAME_LOOP: N_("CNAME records form a loop"),
    Outcome.ERROR: N_("the lookup failed"),
}


def outcome_text(outcome: Outcome) -> str:
    """What `outcome` means, for an administrator (translatable Text)."""
    return msg(OUTCOME_TEXT[outcome])


@dataclass(frozen=True)
class DnsAnswer:
    name: str
    rdtype: str
    outcome: Outcome
    values: tuple[str, ...] = ()  # TXT: the strings of each record joined; others: rdata text
    cname_chain: tuple[str, ...] = ()  # names the query was redirected through, in order
    authenticated: bool = False  # AD bit from the resolver (it validated DNSSEC)
    server: str = ""
    elapsed_ms: int = 0
    ttl: int | None = None
    error: str | None = None
    tried: tuple[str, ...] = field(default=())  # "server: outcome" for each server asked

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK

    @property
    def canonical_name(self) -> str:
        return self.cname_chain[-1] if self.cname_chain else self.name

    def describe(self) -> str:
        outcome = outcome_text(self.outcome)
        if self.error and self.outcome is Outcome.ERROR:
            return msg(
                "{name} {rdtype}: {outcome} ({error})",
                name=self.name,
                rdtype=self.rdtype,
                outcome=outcome,
                error=self.error,
            )
        return msg(
            "{name} {rdtype}: {outcome}", name=self.name, rdtype=self.rdtype, outcome=outcome
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.rdtype,
            "outcome": self.outcome.value,
            "values": list(self.values),
            "cname_chain": list(self.cname_chain),
            "authenticated": self.authenticated,
            "server": self.server,
            "elapsed_ms": self.elapsed_ms,
            "ttl": self.ttl,
            "error": self.error,
        }


def _wire_name(name: str) -> dns.name.Name:
    return dns.name.from_text(name.rstrip(".") + ".")


def _plain(name: dns.name.Name) -> str:
    return name.to_text(omit_final_dot=True).lower()


def _values(rrset: dns.rrset.RRset) -> tuple[str, ...]:
    if rrset.rdtype == dns.rdatatype.TXT:
        return tuple(b"".join(rd.strings).decode("utf-8", errors="replace") for rd in rrset)
    return tuple(rd.to_text() for rd in rrset)


class Resolver:
    def __init__(
        self,
        nameservers: Sequence[HostPort] = (),
        *,
        timeout: float = 5.0,
        token: CancelToken | None = None,
        system: SystemLookup = SYSTEM,
    ) -> None:
        self.explicit = bool(nameservers)
        self.timeout = timeout
        self.token = token or CancelToken()
        self.system = system  # host addresses from the OS resolver, when none is named
        self._setup_error: str | None = None
        if nameservers:
            self.nameservers: tuple[HostPort, ...] = tuple(nameservers)
        else:
            self.nameservers = self._system_nameservers()

    def _system_nameservers(self) -> tuple[HostPort, ...]:
        try:
            system = dns.resolver.Resolver(configure=True)
        except (dns.resolver.NoResolverConfiguration, OSError) as exc:
            self._setup_error = msg(
                "no DNS servers are configured on this computer ({error})", error=str(exc)
            )
            return ()
        return tuple(HostPort(str(ns), system.port) for ns in system.nameservers)

    def describe(self) -> str:
        servers = ", ".join(str(ns) for ns in self.nameservers)
        if self.explicit:
            if servers:
                return msg("explicit resolvers: {servers}", servers=servers)
            return msg("explicit resolvers: none")
        if servers:
            return msg("system resolvers: {servers}", servers=servers)
        return msg("system resolvers: none")

    # -- records ---------------------------------------------------------------------

    def query(
        self,
        name: str,
        rdtype: str,
        *,
        deadline: Deadline | None = None,
        want_dnssec: bool = False,
    ) -> DnsAnswer:
        """Ask the configured servers in turn until one answers; never raises but Cancelled."""
        started = time.monotonic()
        name = name.rstrip(".").lower()
        if not self.nameservers:
            return DnsAnswer(
                name, rdtype, Outcome.ERROR, error=self._setup_error or msg("no nameservers")
            )
        try:
            qname = _wire_name(name)
        except (dns.exception.DNSException, ValueError) as exc:
            error = msg("not a valid DNS name: {error}", error=str(exc))
            return DnsAnswer(name, rdtype, Outcome.ERROR, error=error)
        overall = Deadline.after(self.timeout)
        if deadline is not None and deadline.at < overall.at:
            overall = deadline
        tried: list[str] = []
        last: DnsAnswer | None = None
        for index, server in enumerate(self.nameservers):
            self.token.raise_if_cancelled()
            servers_left = len(self.nameservers) - index
            share = overall.remaining() / servers_left
            if share <= 0:
                break
            answer = self._ask(qname, name, rdtype, server, share, want_dnssec)
            tried.append(f"{server}: {answer.outcome.value}")
            last = answer
            if answer.outcome not in (Outcome.SERVFAIL, Outcome.REFUSED, Outcome.TIMEOUT):
                break
        elapsed = int((time.monotonic() - started) * 1000)
        if last is None:
            last = DnsAnswer(name, rdtype, Outcome.TIMEOUT)
        return DnsAnswer(
            name=last.name,
            rdtype=last.rdtype,
            outcome=last.outcome,
            values=last.values,
            cname_chain=last.cname_chain,
            authenticated=last.authenticated,
            server=last.server,
            elapsed_ms=elapsed,
            ttl=last.ttl,
            error=last.error,
            tried=tuple(tried),
        )

    def _ask(
        self,
        qname: dns.name.Name,
        name: str,
        rdtype: str,
        server: HostPort,
        timeout: float,
        want_dnssec: bool,
    ) -> DnsAnswer:
        query = dns.message.make_query(
            qname, rdtype, use_edns=0, payload=1232, want_dnssec=want_dnssec
        )
        query.flags |= dns.flags.AD  # ask a validating resolver to tell us what it validated
        try:
            response = self._exchange_udp(query, server, Deadline.after(timeout))
            if response.flags & dns.flags.TC:
                response = self._exchange_tcp(query, server, Deadline.after(timeout))
        except dns.exception.Timeout:
            return DnsAnswer(name, rdtype, Outcome.TIMEOUT, server=str(server))
        except (OSError, dns.exception.DNSException) as exc:
            return DnsAnswer(name, rdtype, Outcome.ERROR, server=str(server), error=str(exc))
        return _interpret(name, rdtype, qname, response, str(server))

    def _exchange_udp(
        self, query: dns.message.Message, server: HostPort, deadline: Deadline
    ) -> dns.message.Message:
        family = socket.AF_INET6 if ":" in server.host else socket.AF_INET
        destination = (server.host, server.port)
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.setblocking(False)
            dns.query.send_udp(sock, query, destination)
            while True:
                self.token.raise_if_cancelled()
                if deadline.expired:
                    raise dns.exception.Timeout()  # type: ignore[no-untyped-call]
                expiration = time.time() + min(SLICE, deadline.remaining())
                try:
                    response: dns.message.Message
                    response, _ = dns.query.receive_udp(
                        sock, destination, expiration, ignore_unexpected=True, query=query
                    )
                except dns.exception.Timeout:
                    continue
                return response

    def _exchange_tcp(
        self, query: dns.message.Message, server: HostPort, deadline: Deadline
    ) -> dns.message.Message:
        family = socket.AF_INET6 if ":" in server.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        self.token.register(sock)  # a cancel shuts it down and wakes the wait below
        try:
            sock.settimeout(deadline.remaining())
            sock.connect((server.host, server.port))
            expiration = time.time() + deadline.remaining()
            dns.query.send_tcp(sock, query, expiration)
            response: dns.message.Message
            response, _ = dns.query.receive_tcp(sock, expiration)
            self.token.raise_if_cancelled()
            return response
        except TimeoutError:
            raise dns.exception.Timeout() from None  # type: ignore[no-untyped-call]
        except OSError:
            self.token.raise_if_cancelled()
            raise
        finally:
            self.token.unregister(sock)
            sock.close()

    # -- host addresses ----------------------------------------------------------------

    def addresses(self, host: str, *, deadline: Deadline | None = None) -> list[str]:
        """IPv4 then IPv6 addresses of a host; an IP literal is returned as is.

        Raises LookupError with a plain sentence when the host has no address.
        """
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        if not self.explicit:
            budget = self.timeout if deadline is None else deadline.budget(self.timeout)
            return self.system.addresses(host, timeout=budget, token=self.token)
        found: list[str] = []
        answers = [self.query(host, t, deadline=deadline) for t in ("A", "AAAA")]
        for answer in answers:
            found.extend(answer.values)
        if found:
            return found
        reasons = join("; ", [a.describe() for a in answers])
        raise LookupError(msg("{host} has no address: {reasons}", host=host, reasons=reasons))


def _interpret(
    name: str, rdtype: str, qname: dns.name.Name, response: dns.message.Message, server: str
) -> DnsAnswer:
    rcode = response.rcode()
    authenticated = bool(response.flags & dns.flags.AD)
    if rcode == dns.rcode.SERVFAIL:
        return DnsAnswer(name, rdtype, Outcome.SERVFAIL, server=server)
    if rcode == dns.rcode.REFUSED:
        return DnsAnswer(name, rdtype, Outcome.REFUSED, server=server)
    if rcode not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):
        return DnsAnswer(name, rdtype, Outcome.ERROR, server=server, error=dns.rcode.to_text(rcode))
    wanted = dns.rdatatype.from_text(rdtype)
    chain: list[str] = []
    seen = {qname}
    current = qname
    for _ in range(MAX_CHAIN + 1):
        rrset = _find(response, current, wanted)
        if rrset is not None:
            return DnsAnswer(
                name,
                rdtype,
                Outcome.OK,
                values=_values(rrset),
                cname_chain=tuple(chain),
                authenticated=authenticated,
                server=server,
                ttl=rrset.ttl,
            )
        cname = _find(response, current, dns.rdatatype.CNAME)
        if cname is None or wanted == dns.rdatatype.CNAME:
            break
        target = cname[0].target
        chain.append(_plain(target))
        if target in seen:
            return DnsAnswer(
                name, rdtype, Outcome.CNAME_LOOP, cname_chain=tuple(chain), server=server
            )
        seen.add(target)
        current = target
    else:
        return DnsAnswer(name, rdtype, Outcome.CNAME_LOOP, cname_chain=tuple(chain), server=server)
    outcome = Outcome.NXDOMAIN if rcode == dns.rcode.NXDOMAIN else Outcome.NODATA
    return DnsAnswer(
        name,
        rdtype,
        outcome,
        cname_chain=tuple(chain),
        authenticated=authenticated,
        server=server,
    )


def _find(
    response: dns.message.Message, owner: dns.name.Name, rdtype: dns.rdatatype.RdataType
) -> dns.rrset.RRset | None:
    for rrset in response.answer:
        if rrset.name == owner and rrset.rdtype == rdtype and len(rrset) > 0:
            return rrset
    return None
