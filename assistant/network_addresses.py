"""The network addresses a user types, parsed: HOST:PORT pairs, nameservers, --connect-to
rules, --trust-host names and the web proxy.

Apart from config.py (the target and NetworkOptions, which hold these) because they are
a family of their own: the same HOST:PORT syntax with IPv6 in brackets, the same port
check, the same ASCII host names (hostnames.py). mail_endpoints.py shares that syntax.
Every parser raises InputError with one plain sentence; nothing here touches the network.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.hostnames import HostNameError, ascii_host
from assistant.input_error import InputError
from assistant.settings_names import setting
from assistant.text import msg


@dataclass(frozen=True)
class HostPort:
    host: str  # lowercased name or IP literal, without brackets
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def split_host_port_fields(text: str) -> list[str]:
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


def parse_port(text: str, where: str) -> int:
    """`where`: the input the port is part of (itself, or a `msg` naming it)."""
    # isascii: str.isdigit() is also true for "²" (int() refuses it) and "٣" (int() takes it).
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise InputError(
            msg("{where}: '{port}' is not a port number (1-65535)", where=where, port=text)
        )
    return int(text)


def _rule_host(host: str, rule: str) -> str:
    try:
        return ascii_host(strip_brackets(host))
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


def strip_brackets(host: str) -> str:
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
    return HostPort(host, parse_port(port, msg("nameserver '{address}'", address=raw)))


@dataclass(frozen=True)
class ConnectTo:
    """curl's --connect-to: connections for `source` go to `dest`; TLS still checks source."""

    source: HostPort
    dest: HostPort

    @classmethod
    def parse(cls, text: str) -> ConnectTo:
        fields = split_host_port_fields(text.strip())
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
        source = HostPort(_rule_host(src_host, text), parse_port(src_port, text))
        dest = HostPort(_rule_host(dst_host, text), parse_port(dst_port, text))
        return cls(source, dest)

    def __str__(self) -> str:
        return f"{self.source}:{self.dest}"


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
