"""What the lab's EOP (eop.py) decides about one message, as pure functions: SPF for the
sending IP, DMARC and composite authentication, the connector match, and the
`Received:` and `Authentication-Results:` headers it adds.

SPF here is deliberately small: the lab's relay scenarios publish records made of ip4,
ip6, include and all (relay_scenarios.py), so this evaluates exactly those from the
scenario data instead of querying DNS (the engine's relay.spf_alignment does the real
RFC 7208 evaluation; the lab must not import the engine's checks). Terms it does not
know (a, mx, exists, ptr) never match.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from typing import Any

_QUALIFIERS = {"+": "pass", "-": "fail", "~": "softfail", "?": "neutral"}
_MAX_DEPTH = 10  # include/redirect nesting, as RFC 7208's lookup limit
HEADER_SCAN_LIMIT = 65536  # only the header block's first bytes are read for From:
EXCHANGE_BUILD = "15.20.8398.11"


def spf_result(domain: str, ip: str, records: Mapping[str, str], _depth: int = 0) -> str:
    """check_host() for `ip` over the SPF records in `records` (domain -> record)."""
    record = records.get(domain.lower().rstrip("."))
    if record is None:
        return "none"
    terms = record.split()
    if not terms or terms[0].lower() != "v=spf1":
        return "none"
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "permerror"
    redirect: str | None = None
    for term in terms[1:]:
        qualifier = term[0] if term[0] in _QUALIFIERS else "+"
        body = term[1:] if term[0] in _QUALIFIERS else term
        name, colon, value = body.partition(":")
        name = name.lower()
        if not colon and "=" in body:
            key, _, target = body.partition("=")
            if key.lower() == "redirect":
                redirect = target
            continue
        if name in ("ip4", "ip6"):
            try:
                network = ipaddress.ip_network(value, strict=False)
            except ValueError:
                return "permerror"
            if network.version == address.version and address in network:
                return _QUALIFIERS[qualifier]
        elif name == "include":
            if _depth >= _MAX_DEPTH:
                return "permerror"
            inner = spf_result(value, ip, records, _depth + 1)
            if inner == "pass":
                return _QUALIFIERS[qualifier]
            if inner in ("none", "permerror", "temperror"):
                return "permerror" if inner == "none" else inner
        elif name == "all":
            return _QUALIFIERS[qualifier]
    if redirect is not None:
        if _depth >= _MAX_DEPTH:
            return "permerror"
        result = spf_result(redirect, ip, records, _depth + 1)
        return "permerror" if result == "none" else result
    return "neutral"


@dataclass(frozen=True)
class Verdict:
    spf: str
    dmarc: str  # pass, fail, none
    action: str  # none, quarantine
    compauth: str  # pass, fail, none
    reason: str  # compauth reason code
    header_from: str

    @property
    def junk(self) -> bool:
        return self.compauth == "fail"


def verdict(
    *, spf: str, mail_from_domain: str, header_from: str, has_dmarc: bool, connector: bool
) -> Verdict:
    """DMARC (relaxed SPF alignment; DKIM is never signed in the lab) and compauth.

    Mail that came in through an inbound connector is attributed to the organisation:
    a failed check is not held against it (compauth=none reason=405, not Junk)."""
    aligned = bool(header_from) and (
        header_from == mail_from_domain or header_from.endswith("." + mail_from_domain)
    )
    if not has_dmarc:
        dmarc, action = "none", "none"
    elif spf == "pass" and aligned:
        dmarc, action = "pass", "none"
    else:
        dmarc, action = "fail", "quarantine"
    if dmarc == "pass":
        compauth, reason = "pass", "100"
    elif dmarc == "none" and spf == "pass":
        compauth, reason = "pass", "109"
    elif connector:
        compauth, reason = "none", "405"
    else:
        compauth, reason = "fail", "000" if dmarc == "fail" else "001"
    return Verdict(spf, dmarc, action, compauth, reason, header_from or mail_from_domain)


def authentication_results(v: Verdict, ip: str, mail_from_domain: str) -> str:
    return (
        f"Authentication-Results: spf={v.spf} (sender IP is {ip})\r\n"
        f" smtp.mailfrom={mail_from_domain or 'none'}; dkim=none (message not signed)\r\n"
        f" header.d=none;dmarc={v.dmarc} action={v.action}\r\n"
        f" header.from={v.header_from or 'none'};compauth={v.compauth} reason={v.reason}\r\n"
    )


def received(
    ehlo: str, ip: str, by_host: str, tls: tuple[str, str] | None, now: dt.datetime
) -> str:
    """`tls`: (protocol version as Python names it, cipher), None without TLS."""
    if tls is None:
        with_ = "Microsoft SMTP Server"
    else:
        version = tls[0].replace("TLSv", "TLS").replace(".", "_")
        with_ = f"Microsoft SMTP Server (version={version}, cipher={tls[1]})"
    helo = "".join(ch for ch in ehlo if 0x20 < ord(ch) < 0x7F)[:255] or "unknown"
    return (
        f"Received: from {helo} ([{ip}]) by {by_host}\r\n"
        f" ([127.0.0.1]) with {with_}\r\n"
        f" id {EXCHANGE_BUILD} via Frontend Transport; {email.utils.format_datetime(now)}\r\n"
    )


def header_from_domain(data: bytes) -> str:
    """The domain of the message's From: address ('' when there is none)."""
    head = data[:HEADER_SCAN_LIMIT]
    end = head.find(b"\r\n\r\n")
    if end >= 0:
        head = head[: end + 2]
    value = BytesHeaderParser().parsebytes(head).get("From", "")
    address = email.utils.parseaddr(str(value))[1]
    return address.rpartition("@")[2].lower() if "@" in address else ""


def certificate_names(peercert: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The DNS names and common names in a TLS peer certificate (ssl.getpeercert())."""
    if not peercert:
        return ()
    names = [value for kind, value in peercert.get("subjectAltName", ()) if kind == "DNS"]
    for rdn in peercert.get("subject", ()):
        names += [value for key, value in rdn if key == "commonName"]
    return tuple(str(n).lower() for n in names)


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower().rstrip(".") if "@" in address else ""
