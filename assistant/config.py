"""What to test (Target) and how to reach it (NetworkOptions), parsed from user input.

Every parser raises InputError with one plain sentence; the CLI prints it and exits 2,
the wizard shows it beside the field. Nothing here touches the network. The addresses
NetworkOptions holds are parsed in network_addresses.py and mail_endpoints.py.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import idna

from assistant.facts import ENVIRONMENTS, Cloud, Environment
from assistant.hostnames import HostNameError, ascii_host
from assistant.input_error import InputError
from assistant.mail_endpoints import MAIL_PROTOCOLS, MailEndpoint, parse_endpoint
from assistant.network_addresses import (
    ConnectTo,
    HostPort,
    ProxyAddress,
    parse_nameserver,
    parse_proxy,
)
from assistant.text import msg

# InputError and the address types are offered here too: the engine, the wizard and the
# tests import them from config beside Target and NetworkOptions.
__all__ = [
    "DEADLINE_RANGE",
    "TIMEOUT_RANGE",
    "ConnectTo",
    "HostPort",
    "InputError",
    "NetworkOptions",
    "ProxyAddress",
    "Target",
    "check_sign_in_name",
    "has_control_character",
    "normalize_domain",
    "parse_cloud",
    "parse_nameserver",
    "parse_proxy",
    "unicode_domain",
]

_LDH_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# Dot-atom local parts, non-ASCII allowed (SMTPUTF8 addresses exist in the wild).
_LOCAL_PART = re.compile(r'^[^\s@"(),:;<>\[\\\]]{1,64}$')
# C0 controls, DEL, C1 controls and the Unicode line and paragraph separators. None belongs
# in an address or a sign-in name, and a CR LF inside one ends a protocol line early (an
# IMAP LOGIN sends the name unquoted; XOAUTH2 frames fields with ^A).
_CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def has_control_character(text: str) -> bool:
    return _CONTROL_CHARACTER.search(text) is not None


def check_sign_in_name(text: str, *, about: str = "username") -> str:
    """The sign-in name (login, or an OAuth mailbox) as it will be sent: stripped of the
    spaces around it, and refused with InputError when a control character is left inside.
    The message does not repeat the name (the character would break the line it is on).
    The CLI's --user and --mailbox and the wizard's sign-in name all come through here."""
    name = text.strip()
    if has_control_character(name):
        raise InputError(
            msg(
                "the sign-in name contains a control character (a line break, tab or the "
                "like); type it without one"
            ),
            about=about,
        )
    return name


def normalize_domain(text: str) -> str:
    """Return the ASCII (IDNA 2008 / UTS 46) form of a domain, or raise InputError. The form is
    hostnames.ascii_host's, the one the credential rules and the connections use; a domain
    the user types must also be a full LDH name, not an IP address."""
    raw = text.strip().rstrip(".")
    if not raw:
        raise InputError(msg("the domain is empty"))
    if raw.startswith("[") or ":" in raw:  # an IPv6 literal is a host, never a domain
        raise InputError(msg("'{domain}' is not a valid domain name", domain=raw))
    try:
        ascii_name = ascii_host(raw)
    except HostNameError as exc:
        raise InputError(
            msg("'{domain}' is not a valid domain name ({reason})", domain=raw, reason=exc.message)
        ) from None
    labels = ascii_name.split(".")
    if len(labels) < 2:
        raise InputError(
            msg(
                "'{domain}' is not a full domain name (expected something like contoso.com)",
                domain=raw,
            )
        )
    if len(ascii_name) > 253 or not all(_LDH_LABEL.match(label) for label in labels):
        raise InputError(msg("'{domain}' is not a valid domain name", domain=raw))
    if labels[-1].isdigit():
        raise InputError(msg("'{domain}' looks like an IP address, not a domain", domain=raw))
    return ascii_name


def unicode_domain(ascii_name: str) -> str:
    try:
        return str(idna.decode(ascii_name))
    except idna.IDNAError:
        return ascii_name


def parse_cloud(text: str) -> Cloud:
    try:
        return Cloud(text.strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in Cloud)
        raise InputError(
            msg("unknown cloud '{cloud}': choose one of {names}", cloud=text, names=names)
        ) from None


@dataclass(frozen=True)
class Target:
    """The mailbox or domain under test, and the cloud it should live in."""

    domain: str  # ASCII (punycode) form; what goes on the wire
    email: str | None = None  # local part kept as typed, domain part ASCII
    cloud: Cloud = Cloud.WORLDWIDE

    @classmethod
    def parse(cls, text: str, cloud: Cloud = Cloud.WORLDWIDE) -> Target:
        """Accept 'user@domain' or a bare domain, IDN included."""
        raw = text.strip()
        if not raw:
            raise InputError(msg("enter an email address or a domain"))
        if has_control_character(raw):  # not repeated in the message: it would break the line
            raise InputError(
                msg(
                    "the address contains a control character (a line break, tab or the "
                    "like); type it without one"
                )
            )
        if "@" not in raw:
            return cls(domain=normalize_domain(raw), cloud=cloud)
        local, _, domain_text = raw.rpartition("@")
        if not _LOCAL_PART.match(local) or local.startswith(".") or ".." in local:
            raise InputError(
                msg(
                    "'{address}' is not a valid email address (check the part before @)",
                    address=raw,
                )
            )
        domain = normalize_domain(domain_text)
        return cls(domain=domain, email=f"{local}@{domain}", cloud=cloud)

    @classmethod
    def parse_email(cls, text: str, cloud: Cloud = Cloud.WORLDWIDE) -> Target:
        """Like parse, but an address is required (a mailbox test needs a mailbox)."""
        if "@" not in text and not has_control_character(text.strip()):
            raise InputError(
                msg(
                    "'{address}' is not a valid email address (expected user@domain)",
                    address=text.strip(),
                )
            )
        return cls.parse(text, cloud)

    @property
    def domain_unicode(self) -> str:
        return unicode_domain(self.domain)

    @property
    def environment(self) -> Environment:
        return ENVIRONMENTS[self.cloud]

    def to_dict(self) -> dict[str, str | None]:
        return {
            "email": self.email,
            "domain": self.domain,
            "domain_unicode": self.domain_unicode,
            "cloud": self.cloud.value,
        }


# Seconds, inclusive; --help, the README and the wizard's fields give the same ranges.
TIMEOUT_RANGE = (0.1, 600.0)  # one network operation
DEADLINE_RANGE = (0.1, 3600.0)  # one whole check (and never less than the timeout)


@dataclass(frozen=True)
class NetworkOptions:
    """How the engine reaches the world; one object handed to every check."""

    nameservers: tuple[HostPort, ...] = ()  # empty: the system's resolver configuration
    connect_to: tuple[ConnectTo, ...] = ()
    ca_bundle: str | None = None  # None: the system trust store
    http_proxy: str | None = None
    timeout: float = 10.0  # seconds for each network operation
    check_deadline: float = 60.0  # seconds for one whole check
    trusted_hosts: frozenset[str] = field(default_factory=frozenset)
    # Mail servers the user named, as (protocol, "HOST[:PORT][:MODE]") pairs (parse_endpoint);
    # the imap/pop/smtp checks prefer them to what autodiscover or the cloud table says.
    endpoints: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # Finite, and within the ranges --help gives: NaN slips through a bare `<` test
        # (every comparison with it is false); an infinite deadline or a 1e-300 s timeout
        # makes no sense.
        if not (
            math.isfinite(self.timeout) and TIMEOUT_RANGE[0] <= self.timeout <= TIMEOUT_RANGE[1]
        ):
            raise InputError(
                msg(
                    "timeout {seconds} is out of range (give 0.1 to 600 seconds)",
                    seconds=f"{self.timeout:g}",
                )
            )
        if not (
            math.isfinite(self.check_deadline)
            and DEADLINE_RANGE[0] <= self.check_deadline <= DEADLINE_RANGE[1]
        ):
            raise InputError(
                msg(
                    "per-check deadline {seconds} is out of range (give 0.1 to 3600 seconds)",
                    seconds=f"{self.check_deadline:g}",
                )
            )
        if self.check_deadline < self.timeout:
            raise InputError(
                msg("the per-check deadline must be at least the per-operation timeout")
            )
        for protocol, text in self.endpoints:
            parse_endpoint(protocol, text)  # raises InputError for a bad one
        if self.http_proxy is not None:
            parse_proxy(self.http_proxy)

    @property
    def proxy(self) -> ProxyAddress | None:
        """The web proxy, for HTTPS only (net/proxy.py); None for a direct connection."""
        return None if not self.http_proxy else parse_proxy(self.http_proxy)

    def endpoint(self, protocol: str) -> MailEndpoint | None:
        """The server the user named for imap, pop or smtp, if any (the last one given)."""
        found = [text for name, text in self.endpoints if name == protocol]
        return parse_endpoint(protocol, found[-1]) if found else None

    def route(self, host: str, port: int) -> HostPort:
        """Where a connection for host:port really goes (the connect-to map, first match)."""
        key = HostPort(host.lower().rstrip("."), port)
        for rule in self.connect_to:
            if rule.source == key:
                return rule.dest
        return key

    def to_dict(self) -> dict[str, object]:
        return {
            "nameservers": [str(n) for n in self.nameservers],
            "connect_to": [str(c) for c in self.connect_to],
            "ca_bundle": self.ca_bundle,
            "http_proxy": self.http_proxy,
            "timeout": self.timeout,
            "check_deadline": self.check_deadline,
            "trusted_hosts": sorted(self.trusted_hosts),
            "endpoints": {
                protocol: str(endpoint)
                for protocol in MAIL_PROTOCOLS
                if (endpoint := self.endpoint(protocol)) is not None
            },
        }
