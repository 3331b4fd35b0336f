"""The IMAP, POP and SMTP servers a user names (--imap, --pop, --smtp, and the wizard's
fields): HOST[:PORT][:ssl|starttls|none], with the usual port and encryption filled in.

Apart from network_addresses.py because the defaults are mail knowledge (which port
means implicit TLS, which encryption each protocol starts with), not address syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.input_error import InputError
from assistant.network_addresses import parse_port, split_host_port_fields, strip_brackets
from assistant.text import msg

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
    fields = split_host_port_fields(text.strip())
    host = strip_brackets(fields[0]).lower().rstrip(".")
    if not host or len(fields) > 3 or any(not f for f in fields) or any(c in host for c in " /@"):
        raise InputError(usage)
    port: int | None = None
    encryption: str | None = None
    for item in fields[1:]:
        word = item.lower()
        if word in _ENCRYPTION_WORDS and encryption is None:
            encryption = _ENCRYPTION_WORDS[word]
        elif item.isascii() and item.isdigit() and port is None and encryption is None:
            port = parse_port(item, msg("--{protocol} '{server}'", protocol=protocol, server=text))
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
