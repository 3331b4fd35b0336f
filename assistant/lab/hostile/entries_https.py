"""The catalogue's HTTPS behaviours: autodiscover.<domain>:443 misbehaving, met by
autodiscover.result (an on-premises walk with the canary password)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.lab.hostile import mail as hm
from assistant.lab.hostile import web as hw
from assistant.lab.hostile.behaviour import EVIL, Behaviour
from assistant.lab.hostile.certs import Flaw
from assistant.lab.hostile.kit import Kit
from assistant.lab.pki import CertVariant


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
    # Found 93 MB and 0.9 s of CPU (the tree was built, then counted): xml_bounded.py.
    _https(
        "xml-unclosed-1mb",
        "1 MB of unclosed <a>: 349,000 nested elements within the size cap",
        ("more than 5000 XML elements",),
        _xml(lambda: b"<a>" * 349_000),
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
