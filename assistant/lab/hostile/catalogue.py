"""The hostile-server catalogue (issue 19): named behaviours across DNS, HTTPS, SMTP
(submission and MX), IMAP and POP3, each with what it does, how the lab serves it,
which check meets it, and words the check's verdict must contain to name the cause.

`serve(kit)` builds the behaviour: a ScriptServer script for network protocols (a dict
{(host, port): script} when more than one host takes part), Records or a DNS Fault for
DNS, or an OddResolver mode. `main_lab` entries reuse what the tenant lab (tenant.py)
already serves for a scenario domain: nothing new is built for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.lab.dns_zone import Fault
from assistant.lab.hostile import dns as hd
from assistant.lab.hostile import mail as hm
from assistant.lab.hostile import web as hw
from assistant.lab.hostile.certs import Flaw
from assistant.lab.hostile.kit import Kit
from assistant.lab.pki import CertVariant

SUFFIX = "hostile.test"
EVIL = "hostile-evil.test"
PROTOCOLS = ("dns", "https", "smtp", "mx", "imap", "pop")


@dataclass(frozen=True)
class Behaviour:
    name: str
    protocol: str  # one of PROTOCOLS ("mx": SMTP on port 25, met by relay.port25)
    does: str
    words: tuple[str, ...]  # the verdict names the cause: one of these (case-insensitive)
    serve: Callable[[Kit], object] | None = None  # None: main_lab
    port: int = 0  # the port the check dials (https: 443; dns, mx: their own)
    check: str = ""  # the check ID that meets it (dns: which dns.* check)
    main_lab: str = ""  # a tenant lab scenario domain (or mail host) that plays it already
    hang: bool = False  # a check stopped at its deadline is the right verdict
    may_receive: tuple[str, ...] = ()  # hosts that may legitimately get the password
    # A bug this behaviour found and that is not fixed yet: the test is a strict xfail
    # naming it (it starts failing, so must be updated, the day the bug is fixed).
    known_bug: str = ""

    @property
    def domain(self) -> str:
        return self.main_lab or f"{self.name}.{SUFFIX}"


def _https(
    name: str, does: str, words: tuple[str, ...], serve: Callable[[Kit], object], **kw: object
) -> Behaviour:
    return Behaviour(name, "https", does, words, serve, 443, "autodiscover.result", **kw)  # type: ignore[arg-type]


def _xml(body: Callable[[], bytes]) -> Callable[[Kit], object]:
    return lambda kit: hw.xml(kit.good(), body())


def _cert(variant: CertVariant) -> Callable[[Kit], object]:
    return lambda kit: hw.recorder(kit.variant(variant))


def _flawed(flaw: Flaw) -> Callable[[Kit], object]:
    return lambda kit: hw.recorder(kit.flawed(flaw))


def _redirect_to(target_host: str, scheme: str = "https") -> Callable[[Kit], object]:
    """A 302 from autodiscover.<domain> to `target_host` ({d}: the domain), which records."""

    def serve(kit: Kit) -> object:
        shown = target_host.replace("{d}", kit.domain)  # in the Location header
        host = shown.encode("idna").decode("ascii")  # in DNS, the certificate, the rules
        location = f"{scheme}://{shown}{hw.POX_PATH}"
        port = 443 if scheme == "https" else 80
        target = hw.recorder(kit.good(host) if scheme == "https" else None)
        return {(kit.ad_host, 443): hw.redirect(kit.good(), location), (host, port): target}

    return serve


def _redirect_loop(kit: Kit) -> object:
    return hw.redirect(kit.good(), f"https://{kit.ad_host}{hw.POX_PATH}")


HTTPS: tuple[Behaviour, ...] = (
    Behaviour(
        "ad-xml-bomb",
        "https",
        "billion laughs entity expansion (exchange/faults.py)",
        ("not well-formed", "entit", "DTD"),
        port=443,
        check="autodiscover.result",
        main_lab="ad-xmlbomb.test",
        may_receive=("autodiscover.ad-xmlbomb.test",),
    ),
    _https(
        "xml-external-entity",
        "XML with SYSTEM entities: a local file and a URL",
        ("not well-formed", "entit", "DTD"),
        _xml(hw.external_entity),
    ),
    _https(
        "body-100mb",
        "a 100 MB answer with Content-Length",
        ("larger than",),
        lambda kit: hw.streamed(kit.good(), chunked=False),
    ),
    Behaviour(
        "ad-huge-50mb",
        "https",
        "a 50 MB answer, streamed (exchange/faults.py)",
        ("larger than",),
        port=443,
        check="autodiscover.result",
        main_lab="ad-huge.test",
    ),
    _https(
        "chunked-endless",
        "a chunked body that never ends",
        ("more than 65536 bytes",),
        lambda kit: hw.streamed(kit.good(), chunked=True),
    ),
    _https(
        "gzip-bomb",
        "256 MB of zeros gzip-compressed to 250 KB",
        ("not well-formed",),  # the body is not inflated: it is not XML
        lambda kit: hw.answer(
            kit.good(),
            hw.head(
                "200 OK",
                "Content-Type: text/xml",
                "Content-Encoding: gzip",
                length=len(kit.gzip_bomb()),
            ),
            kit.gzip_bomb(),
        ),
    ),
    _https(
        "slow-drip",
        "the answer one byte at a time, each within the timeout",
        ("too slowly",),
        lambda kit: hw.drip(
            kit.good(), b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b"x" * 100
        ),
    ),
    _https(
        "interim-endless",
        "'102 Processing' interim answers forever",
        ("HTTP 102",),
        lambda kit: hw.endless_interim(kit.good()),
    ),
    _https("redirect-loop", "302 to itself", ("redirect", "loop"), _redirect_loop),
    _https(
        "redirect-to-http",
        "302 to a plain http:// URL",
        ("http://", "not HTTPS", "plain"),
        _redirect_to("autodiscover.{d}", "http"),
    ),
    _https(
        "redirect-foreign",
        "302 to another organisation's host",
        ("redirect",),
        _redirect_to(f"autodiscover.{EVIL}"),
    ),
    _https(
        "redirect-suffix",
        "302 to autodiscover.<public suffix>",
        ("redirect",),
        _redirect_to("autodiscover.test"),
    ),
    _https(
        "redirect-confusable",
        "302 to a host with a Cyrillic look-alike letter",
        ("redirect",),
        _redirect_to("autodiscover.hostіle.test"),
    ),
    _https(
        "plain-on-tls-port",
        "answers HTTP in clear text on 443",
        ("TLS", "SSL", "wrong version", "handshake"),
        lambda kit: hw.answer(None, hw.head("400 Bad Request", length=0)),
    ),
    _https(
        "handshake-never",
        "accepts TCP, never answers the ClientHello",
        ("timed out", "no TLS", "handshake", "no answer"),
        lambda kit: hm.silent_handshake(),
    ),
    _https(
        "cert-wrong-name",
        "a certificate for another name",
        ("wrong.example.net", "name"),
        _cert(CertVariant.WRONG_NAME),
    ),
    _https(
        "cert-self-signed",
        "a self-signed certificate",
        ("self-signed", "self signed"),
        _cert(CertVariant.SELF_SIGNED),
    ),
    _https("cert-expired", "an expired certificate", ("expired",), _cert(CertVariant.EXPIRED)),
    _https(
        "cert-not-yet-valid",
        "a certificate valid from next month",
        ("not yet valid", "not valid yet", "valid from", "future"),
        _cert(CertVariant.NOT_YET_VALID),
    ),
    _https(
        "cert-weak-key", "a 1024-bit RSA key", ("key", "weak", "too small"), _flawed(Flaw.WEAK_KEY)
    ),
    _https(
        "cert-sha1",
        "a certificate signed with SHA-1",
        ("SHA-1", "SHA1", "md too weak", "digest"),
        _flawed(Flaw.SHA1),
    ),
    _https(
        "cert-bad-extension",
        "a certificate with an extension that does not parse",
        # OpenSSL accepts it (the extension is not critical): the point is no crash
        # while the certificate is read for the report; the password may go there.
        ("401", "not accepted", "rejected", "sign"),
        _flawed(Flaw.BAD_EXTENSION),
        may_receive=("autodiscover.cert-bad-extension.hostile.test",),
    ),
    _https(
        "truncated-reply",
        "headers promise 5,000 bytes, 40 arrive, the link closes",
        ("truncated", "incomplete", "closed", "cut", "did not answer", "in time"),
        lambda kit: hw.answer(
            kit.good(),
            hw.head("200 OK", "Content-Type: text/xml", length=5000),
            b"<?xml version='1.0'?><Autodiscover xmlns=",
        ),
    ),
    _https(
        "invalid-utf8",
        "XML declared UTF-8 holding bytes that are not UTF-8",
        ("not well-formed", "UTF-8", "encoding", "invalid"),
        _xml(
            lambda: hw.pox("<User><DisplayName>")[:-2] + hm.INVALID_UTF8 + b"</DisplayName></User>"
        ),
    ),
    _https(
        "header-1mb",
        "a 1 MB header line",
        ("header", "too long", "too large"),
        lambda kit: hw.answer(
            kit.good(),
            b"HTTP/1.1 200 OK\r\nX-Filler: " + hm.MEGABYTE_LINE + b"\r\nContent-Length: 0\r\n\r\n",
        ),
    ),
    _https(
        "headers-100k",
        "100,000 header lines",
        ("header", "too many", "too large"),
        lambda kit: hw.answer(
            kit.good(),
            b"HTTP/1.1 200 OK\r\n"
            + b"".join(b"X-H%d: v\r\n" % i for i in range(100_000))
            + b"Content-Length: 0\r\n\r\n",
        ),
    ),
    _https(
        "status-garbage",
        "a status line that is not HTTP",
        ("HTTP", "answer", "status", "protocol"),
        lambda kit: hw.answer(kit.good(), b"HTTP/1.1 abc \xff\xfe nonsense\r\n\r\n"),
    ),
    _https(
        "bearer-1000-params",
        "401 with a Bearer challenge of 1,000 parameters",
        ("401", "Bearer", "sign-in", "rejected"),
        lambda kit: hw.answer(
            kit.good(), hw.head("401 Unauthorized", hw.bearer_challenge(), length=0)
        ),
        may_receive=("autodiscover.bearer-1000-params.hostile.test",),
    ),
    _https(
        "xml-deep",
        "elements nested 100,000 deep",
        ("not well-formed", "deep", "plausible", "nest"),
        _xml(hw.deep_xml),
    ),
    Behaviour(
        "ad-deep-json",
        "https",
        "JSON arrays nested 100,000 deep (exchange/faults.py)",
        ("not well-formed",),
        port=443,
        check="autodiscover.result",
        main_lab="ad-deep-json.test",
    ),
    Behaviour(
        "ad-many-elements",
        "https",
        "20,000 elements in one Protocol (exchange/faults.py)",
        ("not a plausible",),
        port=443,
        check="autodiscover.result",
        main_lab="ad-many-elements.test",
        may_receive=("autodiscover.ad-many-elements.test",),
    ),
    Behaviour(
        "ad-silent",
        "https",
        "TLS and the request accepted, never an answer (faults.Listener.SLOW)",
        ("did not answer in time",),
        port=443,
        check="autodiscover.result",
        main_lab="ad-slow.test",
    ),
)


# -- mail: one host per behaviour (<name>.hostile.test), the port the check dials ----------

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


def _dns(
    name: str,
    check: str,
    does: str,
    words: tuple[str, ...],
    serve: Callable[[Kit], object] | None = None,
    main_lab: str = "",
    **kw: object,
) -> Behaviour:
    return Behaviour(name, "dns", does, words, serve, 53, check, main_lab, **kw)  # type: ignore[arg-type]


DNS: tuple[Behaviour, ...] = (
    _dns(
        "cname-loop",
        "dns.mx",
        "the MX host is a CNAME loop",
        ("CNAME loop",),
        lambda kit: hd.cname_loop(kit.domain),
    ),
    _dns(
        "cname-chain-40",
        "dns.mx",
        "the MX host is 40 CNAMEs deep (the lab server stops at 16)",
        ("has no address",),
        lambda kit: hd.cname_chain(kit.domain),
    ),
    _dns(
        "txt-1000-strings",
        "dns.spf",
        "an SPF record of 1,000 character-strings",
        ("SPF", "lookups", "terms"),
        lambda kit: hd.txt_1000_strings(kit.domain),
    ),
    _dns(
        "txt-1000-records",
        "dns.spf",
        "1,000 TXT records beside SPF",
        ("SPF", "include"),
        lambda kit: hd.txt_1000_records(kit.domain),
    ),
    _dns(
        "servfail",
        "dns.mx",
        "the domain's DNS answers SERVFAIL",
        ("SERVFAIL",),
        lambda kit: Fault.SERVFAIL,
    ),
    _dns(
        "silent",
        "dns.mx",
        "the domain's DNS never answers",
        ("no DNS server answered",),
        lambda kit: Fault.SILENT,
    ),
    _dns(
        "truncated-tcp-refused",
        "dns.mx",
        "every UDP answer truncated, TCP refused",
        ("TCP", "truncated", "refused", "did not answer", "resolver"),
        lambda kit: "truncate",
    ),
    _dns(
        "garbage-reply",
        "dns.mx",
        "answers with bytes that are not a DNS message",
        ("did not answer", "resolver", "malformed", "FORMERR", "garbage"),
        lambda kit: "garbage",
    ),
    _dns(
        "spf-include-50",
        "dns.spf",
        "an SPF include chain 50 deep",
        ("more than 10 DNS lookups",),
        lambda kit: hd.spf_include_chain(kit.domain),
    ),
    _dns(
        "spf-self-include",
        "dns.spf",
        "SPF that includes itself",
        ("loop",),
        lambda kit: hd.spf_self_include(kit.domain),
    ),
    _dns(
        "spf-huge",
        "dns.spf",
        "a 30 KB SPF record of 2,000 terms",
        ("SPF", "long", "terms", "lookups"),
        lambda kit: hd.spf_huge_record(kit.domain),
    ),
    _dns(
        "spf-invalid-utf8",
        "dns.spf",
        "SPF holding bytes that are not UTF-8",
        ("SPF",),
        lambda kit: hd.spf_invalid_utf8(kit.domain),
    ),
    _dns(
        "dmarc-1000-tags",
        "dns.dmarc",
        "a DMARC record with 1,000 tags",
        ("DMARC", "tag", "unknown"),
        lambda kit: hd.dmarc_tags(kit.domain),
    ),
    _dns(
        "dmarc-invalid-utf8",
        "dns.dmarc",
        "DMARC holding bytes that are not UTF-8",
        ("DMARC", "p="),
        lambda kit: hd.dmarc_invalid_utf8(kit.domain),
    ),
    _dns("mx-1000", "dns.mx", "1,000 MX records", ("MX",), lambda kit: hd.mx_1000(kit.domain)),
    _dns(
        "lab-spf-loop",
        "dns.spf",
        "SPF includes form a loop (zones.py)",
        ("include loop",),
        main_lab="spf-loop.test",
    ),
)
CATALOGUE: tuple[Behaviour, ...] = (*DNS, *HTTPS, *SMTP, *MX, *IMAP, *POP)
BY_NAME = {b.name: b for b in CATALOGUE}
assert len(BY_NAME) == len(CATALOGUE), "behaviour names are unique"


def counts() -> dict[str, int]:
    return {p: sum(b.protocol == p for b in CATALOGUE) for p in PROTOCOLS}
