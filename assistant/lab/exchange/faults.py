"""How a broken or hostile autodiscover server behaves, one handler per fault.

A fault handler replaces the whole autodiscover host (every path), so POX, SOAP and
JSON requests all meet it. Faults in the transport (dead, slow, certificates) are not
handlers but a choice of listener: see Listener and the lab's connect-to map.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from assistant.lab.exchange import bait, pox
from assistant.lab.exchange.directory import EVIL_DOMAIN, Mailbox
from assistant.lab.exchange.site import HTML, XML, Site, iis_error
from assistant.lab.exchange.v2 import JSON
from assistant.lab.https_server import Handler, LabRequest, LabResponse

HUGE_BODY_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024


class Listener(enum.Enum):
    """Which lab server a (host, port) is sent to; the certificate variants are TLS
    servers presenting that certificate for the host."""

    GOOD = "good"  # valid certificate for the customer's names
    MICROSOFT = "microsoft"  # valid certificate for Microsoft's names only
    EXPIRED = "expired"
    WRONG_NAME = "wrong_name"
    NO_INTERMEDIATE = "no_intermediate"
    UNTRUSTED = "untrusted"
    SLOW = "slow"  # completes TCP and TLS, reads the request, never answers
    DEAD = "dead"  # a closed port: connection refused
    HTTP = "http"  # plain HTTP (port 80)


class AdFault(enum.Enum):
    ALWAYS_401 = "always_401"  # rejects every credential, valid ones too
    FORBIDDEN_403 = "forbidden_403"  # challenges, then 403 once signed in
    NOT_FOUND_404 = "not_found_404"  # no autodiscover virtual directory: IIS 404, before auth
    ERROR_500 = "error_500"  # challenges, then the application fails (500)
    REDIRECT_TO_HTTP = "redirect_to_http"  # 302 to a plain http:// URL, before auth
    XML_BOMB = "xml_bomb"  # billion laughs entity expansion, to anyone who asks
    HUGE_BODY = "huge_body"  # a 50 MB answer, streamed, to anyone who asks
    TRUNCATED_XML = "truncated_xml"  # settings cut off mid-element, after sign-in
    WRONG_NAMESPACE = "wrong_namespace"  # well-formed, but not the Outlook response schema
    MANY_ELEMENTS = "many_elements"  # settings with 20,000 elements in one Protocol, after sign-in
    ODD_ERROR_CODE = "odd_error_code"  # an <Error> whose <ErrorCode> has 5,000 digits
    BAD_PORT = "bad_port"  # settings naming IMAP <Port>99999</Port>, after sign-in
    DEEP_JSON = "deep_json"  # JSON arrays nested 100,000 deep, to anyone who asks
    FOREIGN_SETTINGS = "foreign_settings"  # a third party's address and URLs, no sign-in


def handler(fault: AdFault, site: Site, *, http_target: str = "") -> Handler:
    """The handler for every path of an autodiscover host with this fault.
    `http_target` is where REDIRECT_TO_HTTP points."""

    def signed_in_then(make: Handler) -> Handler:
        def guarded(request: LabRequest) -> LabResponse:
            who = site.authorize(request)
            return who if isinstance(who, LabResponse) else make(request)

        return guarded

    if fault is AdFault.ALWAYS_401:
        return site.unauthorized
    if fault is AdFault.NOT_FOUND_404:
        body = iis_error(
            404,
            "File or directory not found.",
            "The resource you are looking for might have been removed, had its name "
            "changed, or is temporarily unavailable.",
        )
        return lambda request: site.respond(request, body, status=404, content_type=HTML)
    if fault is AdFault.FORBIDDEN_403:
        body = iis_error(
            403,
            "Forbidden: Access is denied.",
            "You do not have permission to view this directory or page using the "
            "credentials that you supplied.",
        )
        return signed_in_then(lambda r: site.respond(r, body, status=403, content_type=HTML))
    if fault is AdFault.ERROR_500:
        body = (
            b"<html><head><title>Runtime Error</title></head><body><h1>Server Error in "
            b"'/Autodiscover' Application.</h1><h2><i>Runtime Error</i></h2></body></html>"
        )
        return signed_in_then(lambda r: site.respond(r, body, status=500, content_type=HTML))
    if fault is AdFault.REDIRECT_TO_HTTP:
        return lambda request: LabResponse(
            302,
            b"",
            headers=(*site.headers(request, backend=False), ("Location", http_target)),
            content_type=HTML,
        )
    if fault is AdFault.XML_BOMB:
        return lambda request: site.respond(request, xml_bomb())
    if fault is AdFault.HUGE_BODY:
        return lambda request: LabResponse(
            200,
            headers=site.headers(request),
            content_type=XML,
            chunks=huge_body,
            length=HUGE_BODY_BYTES,
        )
    if fault is AdFault.FOREIGN_SETTINGS:
        return bait.foreign_settings(Site(site.directory.org(EVIL_DOMAIN), site.directory))
    if fault is AdFault.TRUNCATED_XML:
        return signed_in_then(lambda r: site.respond(r, truncated(_settings(site, r))))
    if fault is AdFault.MANY_ELEMENTS:
        return signed_in_then(lambda r: site.respond(r, many_elements(_settings(site, r))))
    if fault is AdFault.ODD_ERROR_CODE:
        body = pox.error_body(500, "lab").replace(b">500<", b">5" + b"0" * 4999 + b"<")
        return signed_in_then(lambda r: site.respond(r, body))
    if fault is AdFault.DEEP_JSON:  # json.loads raises RecursionError, not ValueError
        return lambda request: site.respond(request, b"[" * 100_000, content_type=JSON)
    if fault is AdFault.BAD_PORT:
        return signed_in_then(
            lambda r: site.respond(
                r, _settings(site, r).replace(b"<Port>993</Port>", b"<Port>99999</Port>")
            )
        )
    return signed_in_then(
        lambda r: site.respond(r, _settings(site, r, response_ns=pox.MOBILESYNC_NS))
    )


def _settings(site: Site, request: LabRequest, *, response_ns: str = pox.OUTLOOK_NS) -> bytes:
    parsed = pox.parse_request(request.body)
    address = parsed.email if isinstance(parsed, pox.PoxRequest) else ""
    mailbox = site.directory.mailbox(address) or Mailbox(
        address or f"admin@{site.org.domains[0]}", site.org.key, "Lab User"
    )
    return pox.settings_body(site.org, mailbox, mapi_version=1, response_ns=response_ns)


def xml_bomb(levels: int = 10) -> bytes:
    """Billion laughs: ten entities, each ten of the one before (10^10 'lol's expanded)."""
    entities = ['  <!ENTITY lol0 "lol">']
    entities += [f'  <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\r\n<!DOCTYPE Autodiscover [\r\n'
        + "\r\n".join(entities)
        + "\r\n]>\r\n"
        f'<Autodiscover xmlns="{pox.OUTER_NS}">\r\n'
        f'  <Response xmlns="{pox.OUTLOOK_NS}">\r\n'
        f"    <User><DisplayName>&lol{levels - 1};</DisplayName></User>\r\n"
        "  </Response>\r\n</Autodiscover>\r\n"
    ).encode()


def huge_body() -> Iterator[bytes]:
    """HUGE_BODY_BYTES of a POX-looking answer, generated chunk by chunk."""
    head = (
        f'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="{pox.OUTER_NS}">'
        f'<Response xmlns="{pox.OUTLOOK_NS}"><User><DisplayName>'
    ).encode()
    tail = b"</DisplayName></User></Response></Autodiscover>"
    yield head
    remaining = HUGE_BODY_BYTES - len(head) - len(tail)
    filler = b"A" * _CHUNK
    while remaining > 0:
        size = min(remaining, _CHUNK)
        yield filler[:size]
        remaining -= size
    yield tail


def many_elements(document: bytes, count: int = 20_000) -> bytes:
    """`document` with `count` extra elements in its first <Protocol> (about 20 bytes each:
    a parser that is quadratic in them spends minutes)."""
    filler = "".join(f"<Extra{i}>{i}</Extra{i}>" for i in range(count)).encode()
    head, tag, tail = document.partition(b"<Protocol")
    opening, close, rest = tail.partition(b">")
    return head + tag + opening + close + filler + rest


def truncated(document: bytes) -> bytes:
    """The first 60% of a document: cut inside the Account section."""
    return document[: len(document) * 6 // 10]


def website() -> Handler:
    """A typical public web site at the bare domain: a home page, 404 for anything else,
    quickly and without an Exchange header in sight."""
    page = b"<!DOCTYPE html><html><head><title>Welcome</title></head><body>Hello</body></html>"
    missing = (
        b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 "
        b"Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )

    def serve(request: LabRequest) -> LabResponse:
        if request.route_path in ("/", "/index.html"):
            return LabResponse(200, page, content_type="text/html", server="nginx")
        return LabResponse(404, missing, content_type="text/html", server="nginx")

    return serve


def redirect(location: str) -> Handler:
    """A plain 302, as Exchange Online's port-80 autodiscover service sends."""

    def send(_: LabRequest) -> LabResponse:
        return LabResponse(302, b"", headers=(("Location", location),), content_type=HTML)

    return send


def hang(_: LabRequest) -> LabResponse:
    return LabResponse(hang=True)
