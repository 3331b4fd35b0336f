"""Whether a certificate's names cover the host we asked for, decided without a socket.

OpenSSL's own check only answers during a validating handshake; results also need the
answer for the display-only handshake and when validation is off, and a table test
needs it with no server at all. client_context() reads names from subjectAltName only,
as this does, so the verdict and the displayed hostname match never disagree.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence


def match_hostname(server_name: str, sans: Sequence[str]) -> bool:
    """Does a certificate with these SANs ("DNS:..", "IP:..") cover server_name?

    RFC 6125 as OpenSSL applies it for Python: IP names match IP SANs only; a wildcard
    is a whole left-most label, covers exactly one label, and not a bare public suffix.
    """
    name = server_name.strip().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = None
    if address is not None:
        for san in sans:
            if san.startswith("IP:"):
                try:
                    if ipaddress.ip_address(san[3:]) == address:
                        return True
                except ValueError:  # an IP network SAN never matches a host
                    continue
        return False
    host = _ascii_lower(name)
    for san in sans:
        if san.startswith("DNS:") and _dns_name_matches(host, _ascii_lower(san[4:].rstrip("."))):
            return True
    return False


def _ascii_lower(name: str) -> str:
    try:
        return name.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return name.lower()


def _dns_name_matches(host: str, pattern: str) -> bool:
    if not pattern.startswith("*."):
        return "*" not in pattern and host == pattern
    rest = pattern[2:]
    if "*" in rest or "." not in rest:  # "*.com" would cover a whole suffix
        return False
    first, _, host_rest = host.partition(".")
    return bool(first) and host_rest == rest
