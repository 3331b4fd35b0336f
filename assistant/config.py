"""What to test (Target) and how to reach it (NetworkOptions), parsed from user input.

Every parser raises InputError with one plain sentence; the CLI prints it and exits 2,
the wizard shows it beside the field. Nothing here touches the network.
"""

from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import idna

from assistant.facts import ENVIRONMENTS, Cloud, Environment
from assistant.hostnames import HostNameError, ascii_host
from assistant.settings_names import setting
from assistant.text import TextError, msg


class InputError(TextError, ValueError):
    """User input that cannot be used; the message is one sentence, made with `msg` so the
    wizard can show it in the user's language (`str(exc)` gives the English). `about`
    names the input it is about when one call checks several ("client_id", "tenant",
    "certificate", "certificate_password", "client_secret", "mailbox"), so the wizard can
    show it beside that field; None when it is not known."""

    def __init__(self, message: str, *, about: str | None = None) -> None:
        super().__init__(message)
        self.about = about


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


@dataclass(frozen=True)
class HostPort:
    host: str  # lowercased name or IP literal, without brackets
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def _split_host_port_fields(text: str) -> list[str]:
    """Split 'a:1:[::1]:2' on colons that are outside brackets."""
    fields: list[str] = []
    current = ""
    depth = 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == ":" and depth == 0:
            fields.append(current)
            current = ""
        else:
            current += ch
    fields.append(current)
    return fields


def _parse_port(text: str, where: str) -> int:
    """`where`: the input the port is part of (itself, or a `msg` naming it)."""
    # isascii: str.isdigit() is also true for "²" (int() refuses it) and "٣" (int() takes it).
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise InputError(
            msg("{where}: '{port}' is not a port number (1-65535)", where=where, port=text)
        )
    return int(text)


def _rule_host(host: str, rule: str) -> str:
    try:
        return ascii_host(_strip_brackets(host))
    except HostNameError as exc:
        raise InputError(
            msg(
                "'{rule}' in {setting}: {reason}",
                rule=rule,
                reason=exc.message,
                setting=setting("connect_to"),
            )
        ) from None


def parse_trusted_host(text: str) -> str:
    """--trust-host: a host name in the ASCII form connections use (hostnames.py), so the
    user's trust and the credential rules speak of the same name."""
    try:
        return ascii_host(text.strip())
    except HostNameError as exc:
        raise InputError(
            msg("{setting}: {reason}", reason=exc.message, setting=setting("trust_host"))
        ) from None


def _strip_brackets(host: str) -> str:
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def parse_nameserver(text: str) -> HostPort:
    """'IP', 'IP:PORT' or '[IPv6]:PORT'; a name is refused, since resolving it needs DNS."""
    raw = text.strip()
    host, port = raw, "53"
    if raw.startswith("["):
        host, bracket, rest = raw[1:].partition("]")
        if not bracket:
            raise InputError(
                msg(
                    "nameserver '{address}': missing ']' (expected [IPv6] or [IPv6]:PORT)",
                    address=raw,
                )
            )
        if rest:
            if not rest.startswith(":"):
                raise InputError(msg("nameserver '{address}': expected [IPv6]:PORT", address=raw))
            port = rest[1:]
    elif raw.count(":") == 1:
        host, port = raw.split(":")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise InputError(
            msg(
                "nameserver '{address}' is not an IP address (give it as IP or IP:PORT)",
                address=raw,
            )
        ) from None
    return HostPort(host, _parse_port(port, msg("nameserver '{address}'", address=raw)))


@dataclass(frozen=True)
class ConnectTo:
    """curl's --connect-to: connections for `source` go to `dest`; TLS still checks source."""

    source: HostPort
    dest: HostPort

    @classmethod
    def parse(cls, text: str) -> ConnectTo:
        fields = _split_host_port_fields(text.strip())
        if len(fields) != 4 or not all(fields):
            raise InputError(
                msg(
                    "'{rule}' in {setting}: expected HOST:PORT:HOST2:PORT2 "
                    "(IPv6 addresses in brackets), e.g. mail.contoso.com:443:10.0.0.5:443",
                    rule=text,
                    setting=setting("connect_to"),
                )
            )
        src_host, src_port, dst_host, dst_port = fields
        # The wire's ASCII form, so a rule for an IDN name matches the connection's name.
        source = HostPort(_rule_host(src_host, text), _parse_port(src_port, text))
        dest = HostPort(_rule_host(dst_host, text), _parse_port(dst_port, text))
        return cls(source, dest)

    def __str__(self) -> str:
        return f"{self.source}:{self.dest}"


MAIL_PROTOCOLS = ("imap", "pop", "smtp")
# Encryption as autodiscover names it: "ssl" implicit TLS, "tls" STARTTLS, "none" plain text.
_ENCRYPTION_WORDS = {"ssl": "ssl", "tls": "tls", "starttls": "tls", "none": "none"}
_ENCRYPTION_SHOWN = {"ssl": "ssl", "tls": "starttls", "none": "none"}
_IMPLICIT_TLS_PORTS = frozenset({993, 995, 465})
_DEFAULT_MAIL_PORTS = {
    ("imap", "ssl"): 993,
    ("imap", "tls"): 143,
    ("imap", "none"): 143,
    ("pop", "ssl"): 995,
    ("pop", "tls"): 110,
    ("pop", "none"): 110,
    ("smtp", "ssl"): 465,
    ("smtp", "tls"): 587,
    ("smtp", "none"): 587,
}


@dataclass(frozen=True)
class MailEndpoint:
    """An IMAP, POP or SMTP server the user named (--imap, --pop, --smtp)."""

    host: str
    port: int
    encryption: str  # "ssl" (implicit TLS), "tls" (STARTTLS), "none"

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}:{_ENCRYPTION_SHOWN[self.encryption]}"


def parse_endpoint(protocol: str, text: str) -> MailEndpoint:
    """'HOST[:PORT][:ssl|starttls|none]' for imap, pop or smtp.

    Without a port, the protocol's usual one for the encryption; without an encryption,
    implicit TLS on 993/995/465 and STARTTLS elsewhere (SMTP defaults to 587 STARTTLS,
    IMAP and POP to implicit TLS).
    """
    if protocol not in MAIL_PROTOCOLS:
        raise InputError(
            msg("unknown mail protocol '{protocol}' (use imap, pop or smtp)", protocol=protocol)
        )
    usage = msg(
        "--{protocol} '{server}': expected HOST[:PORT][:ssl|starttls|none], e.g. {example}",
        protocol=protocol,
        server=text,
        example=_EXAMPLE_ENDPOINTS[protocol],
    )
    fields = _split_host_port_fields(text.strip())
    host = _strip_brackets(fields[0]).lower().rstrip(".")
    if not host or len(fields) > 3 or any(not f for f in fields) or any(c in host for c in " /@"):
        raise InputError(usage)
    port: int | None = None
    encryption: str | None = None
    for item in fields[1:]:
        word = item.lower()
        if word in _ENCRYPTION_WORDS and encryption is None:
            encryption = _ENCRYPTION_WORDS[word]
        elif item.isascii() and item.isdigit() and port is None and encryption is None:
            port = _parse_port(item, msg("--{protocol} '{server}'", protocol=protocol, server=text))
        else:
            raise InputError(usage)
    if encryption is None:
        if port is None:
            encryption = "tls" if protocol == "smtp" else "ssl"
        else:
            encryption = "ssl" if port in _IMPLICIT_TLS_PORTS else "tls"
    if port is None:
        port = _DEFAULT_MAIL_PORTS[(protocol, encryption)]
    return MailEndpoint(host, port, encryption)


_EXAMPLE_ENDPOINTS = {
    "imap": "outlook.office365.com:993:ssl",
    "pop": "outlook.office365.com:995:ssl",
    "smtp": "smtp.office365.com:587:starttls",
}


@dataclass(frozen=True)
class ProxyAddress:
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def parse_proxy(text: str) -> ProxyAddress:
    """`http://host:port` (the form browsers and Windows settings use); InputError otherwise."""
    raw = text.strip()
    if "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise InputError(msg("proxy '{proxy}': give it as http://host:port", proxy=text)) from None
    if parts.scheme != "http":
        raise InputError(
            msg(
                "proxy '{proxy}': only http:// proxies are supported (HTTPS still runs end to end "
                "inside the tunnel)",
                proxy=text,
            )
        )
    if parts.username or parts.password:
        raise InputError(
            # The text is not repeated: it holds a password.
            msg(
                "proxy: sign-in to the proxy is not supported; leave the name and password out "
                "and allow this computer through the proxy without sign-in"
            )
        )
    if not parts.hostname or port is None or parts.path not in ("", "/"):
        raise InputError(msg("proxy '{proxy}': give it as http://host:port", proxy=text))
    return ProxyAddress(parts.hostname.lower(), port)


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
