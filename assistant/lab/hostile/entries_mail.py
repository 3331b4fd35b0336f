"""The catalogue's SMTP (submission and MX), IMAP and POP3 behaviours: one host per
behaviour (<name>.hostile.test) on the port the check dials; the checks are smtp.auth,
relay.port25 (MX: an MX record points at mx.<domain>), imap.login and pop.login."""

from __future__ import annotations

from collections.abc import Callable

from assistant.lab.hostile import mail as hm
from assistant.lab.hostile.behaviour import Behaviour
from assistant.lab.hostile.certs import Flaw
from assistant.lab.hostile.kit import Kit
from assistant.lab.pki import CertVariant

_G = hm.GREETING


def _mail(
    protocol: str,
    name: str,
    port: int,
    does: str,
    words: tuple[str, ...],
    serve: Callable[[Kit], object],
    **kw: object,
) -> Behaviour:
    check = {"smtp": "smtp.auth", "imap": "imap.login", "pop": "pop.login", "mx": "relay.port25"}
    return Behaviour(name, protocol, does, words, serve, port, check[protocol], **kw)  # type: ignore[arg-type]


_TIMEOUT_WORDS = ("timed out", "no greeting", "no answer", "no reply", "did not answer", "silent")
_TLS_WORDS = ("TLS", "SSL", "handshake", "wrong version")


def _common_mail(protocol: str, prefix: str, plain: int, tls: int) -> tuple[Behaviour, ...]:
    """The faults every line-based mail protocol can meet, on its plain and TLS ports."""
    g = _G[protocol]
    return (
        _mail(
            protocol,
            f"{prefix}-line-1mb",
            tls,
            "a 1 MB greeting line",
            ("too long", "answered"),
            lambda kit: hm.greeting_only(
                kit.good(), g[:4] + hm.MEGABYTE_LINE + b"\r\n", close=False
            ),
        ),
        _mail(
            protocol,
            f"{prefix}-invalid-utf8",
            tls,
            "a greeting with bytes that are not UTF-8",
            ("greeting", "not", "unexpected"),
            lambda kit: hm.greeting_only(
                kit.good(), g[:4] + hm.INVALID_UTF8 + b"\r\n", close=False
            ),
        ),
        _mail(
            protocol,
            f"{prefix}-truncated",
            tls,
            "hangs up in the middle of its greeting",
            ("closed", "cut", "hung up", "incomplete", "ended"),
            lambda kit: hm.greeting_only(kit.good(), g[: len(g) // 2], close=True),
        ),
        _mail(
            protocol,
            f"{prefix}-slow-drip",
            tls,
            "the greeting one byte at a time, each within the timeout",
            ("too slowly",),
            lambda kit: hm.drip(kit.good(), g),
        ),
        _mail(
            protocol,
            f"{prefix}-tls-on-plain",
            plain,
            "a plain port that expects TLS and never greets",
            _TIMEOUT_WORDS,
            lambda kit: hm.tls_on_plain_port(kit.good()),
        ),
        _mail(
            protocol,
            f"{prefix}-plain-on-tls",
            tls,
            "a TLS port that greets in clear text",
            _TLS_WORDS,
            lambda kit: hm.plain_on_tls_port(protocol),
        ),
        _mail(
            protocol,
            f"{prefix}-handshake-never",
            tls,
            "accepts TCP, never answers the ClientHello",
            (*_TIMEOUT_WORDS, "TLS"),
            lambda kit: hm.silent_handshake(),
        ),
        _mail(
            protocol,
            f"{prefix}-cert-self-signed",
            tls,
            "a self-signed certificate",
            ("self-signed", "self signed"),
            lambda kit: hm.greeting_only(kit.variant(CertVariant.SELF_SIGNED), g, close=False),
        ),
    )


SMTP: tuple[Behaviour, ...] = (
    *_common_mail("smtp", "smtp", 587, 465),
    _mail(
        "smtp",
        "smtp-ehlo-10000",
        587,
        "EHLO answered with 10,000 lines",
        ("STARTTLS",),
        lambda kit: hm.conversation(None, _G["smtp"], hm.smtp_ehlo(10_000)),
    ),
    _mail(
        "smtp",
        "smtp-greeting-endless",
        587,
        "a multi-line greeting that never ends",
        ("greeting", "too long", "lines"),
        lambda kit: hm.endless(None, b"220-mx.hostile.test\r\n", b"220-still greeting\r\n"),
    ),
    _mail(
        "smtp",
        "smtp-starttls-hang",
        587,
        "STARTTLS accepted, then no handshake ever",
        (*_TIMEOUT_WORDS, "TLS"),
        lambda kit: hm.conversation(None, _G["smtp"], hm.smtp_starttls_hang()),
    ),
    _mail(
        "smtp",
        "smtp-garbage-reply",
        587,
        "a greeting without a reply code",
        ("greeting", "reply", "not SMTP", "unexpected"),
        lambda kit: hm.greeting_only(None, b"abc hello \xff\r\n", close=False),
    ),
    _mail(
        "smtp",
        "smtp-cert-sha1",
        465,
        "a certificate signed with SHA-1",
        ("SHA-1", "SHA1", "md too weak", "digest"),
        lambda kit: hm.greeting_only(kit.flawed(Flaw.SHA1), _G["smtp"], close=False),
    ),
)
MX: tuple[Behaviour, ...] = (
    _mail(
        "mx",
        "mx-ehlo-10000",
        25,
        "the MX answers EHLO with 10,000 lines",
        ("STARTTLS",),
        lambda kit: hm.conversation(None, _G["smtp"], hm.smtp_ehlo(10_000)),
    ),
    _mail(
        "mx",
        "mx-ehlo-1mb-line",
        25,
        "an EHLO line of 1 MB",
        ("too long", "line", "long"),
        lambda kit: hm.conversation(None, _G["smtp"], hm.smtp_ehlo(1, line=hm.MEGABYTE_LINE)),
    ),
    _mail(
        "mx",
        "mx-greeting-endless",
        25,
        "a greeting that never ends",
        ("greeting", "too long", "lines"),
        lambda kit: hm.endless(None, b"220-mx\r\n", b"220-more\r\n"),
    ),
    _mail(
        "mx",
        "mx-starttls-hang",
        25,
        "STARTTLS accepted, then no handshake",
        (*_TIMEOUT_WORDS, "TLS"),
        lambda kit: hm.conversation(None, _G["smtp"], hm.smtp_starttls_hang()),
    ),
    _mail(
        "mx",
        "mx-silent",
        25,
        "accepts TCP on 25 and never speaks",
        _TIMEOUT_WORDS,
        lambda kit: hm.silent_handshake(),
    ),
)

IMAP: tuple[Behaviour, ...] = (
    *_common_mail("imap", "imap", 143, 993),
    _mail(
        "imap",
        "imap-literal-2gb",
        993,
        "a CAPABILITY answer announcing a 2 GB literal",
        ("announced 2147483648 bytes",),
        lambda kit: hm.conversation(kit.good(), _G["imap"], hm.imap_literal()),
    ),
    _mail(
        "imap",
        "imap-greeting-literal",
        993,
        "a greeting announcing a 2 GB literal",
        ("announced 2147483648 bytes",),
        lambda kit: hm.greeting_only(kit.good(), b"* OK {2147483648}\r\n", close=False),
    ),
    _mail(
        "imap",
        "imap-untagged-endless",
        993,
        "untagged answers forever, never the tagged one",
        ("too many", "too long", "lines", "no answer", "timed out"),
        lambda kit: hm.conversation(kit.good(), _G["imap"], hm.imap_endless_untagged()),
    ),
    _mail(
        "imap",
        "imap-bye-greeting",
        993,
        "greets with BYE",
        ("BYE", "refused", "greeting"),
        lambda kit: hm.greeting_only(kit.good(), b"* BYE go away \xff\r\n", close=True),
    ),
)

POP: tuple[Behaviour, ...] = (
    *_common_mail("pop", "pop", 110, 995),
    _mail(
        "pop",
        "pop-no-terminator",
        995,
        "CAPA answered without the final '.', then silence",
        (*_TIMEOUT_WORDS, "terminator", "CAPA"),
        lambda kit: hm.conversation(
            kit.good(), _G["pop"], hm.pop_no_terminator(endless_lines=False)
        ),
    ),
    _mail(
        "pop",
        "pop-capa-endless",
        995,
        "CAPA lines forever",
        ("too many", "too long", "lines", "CAPA"),
        lambda kit: hm.conversation(
            kit.good(), _G["pop"], hm.pop_no_terminator(endless_lines=True)
        ),
    ),
    _mail(
        "pop",
        "pop-err-greeting",
        995,
        "greets with -ERR",
        ("-ERR", "greeting", "refused"),
        lambda kit: hm.greeting_only(kit.good(), b"-ERR \xff go away\r\n", close=True),
    ),
)
