"""MAPI over HTTP ([MS-OXCMAPIHTTP]) at /mapi/emsmdb/ (mailbox) and /mapi/nspi/ (address book).

- No or wrong credentials: 401 with the organisation's challenge, `request-id`,
  `X-FEServer`, and `X-RequestId` echoing the client's (or its X-ClientRequestId).
- POST with `X-RequestType: Connect` (emsmdb) or `Bind` (nspi): 200,
  `Content-Type: application/mapi-http`, `X-RequestType` and `X-RequestId` echoed,
  `X-ResponseCode: 0`, a session cookie (`MapiContext`, `MapiSequence`), and a body of
  meta-tags (PROCESSING, DONE, X-ElapsedTime, X-StartTime) followed by a minimal
  Connect / Bind response structure (status 0, error 0).
- Other request types: `PING` succeeds; `Execute`, `Disconnect`, `Unbind` and the NSPI
  calls need the session cookie (X-ResponseCode 13 "missing cookie" without it, 10
  "context not found" with one the lab did not issue); a missing X-RequestType is 7
  (missing header), an unknown one 5 (invalid request type). As Exchange, these errors
  come with HTTP 200.
- GET with credentials: the page Exchange shows a browser ("Exchange MAPI/HTTP
  Connectivity Endpoint", version, vdir, user); without credentials: 401.
"""

from __future__ import annotations

import secrets
import struct
import threading
import time
import uuid
from email.utils import formatdate
from xml.sax.saxutils import escape

from assistant.lab.exchange.directory import Account
from assistant.lab.exchange.site import Headers, Site
from assistant.lab.https_server import Handler, LabRequest, LabResponse

CONTENT_TYPE = "application/mapi-http"
EMSMDB_TYPES = frozenset({"connect", "execute", "disconnect", "notificationwait", "ping"})
NSPI_TYPES = frozenset(
    [
        "bind",
        "unbind",
        "comparemids",
        "dntomid",
        "getmatches",
        "getproplist",
        "getprops",
        "getspecialtable",
        "gettemplateinfo",
        "modlinkatt",
        "modprops",
        "queryrows",
        "querycolumns",
        "resolvenames",
        "resortrestriction",
        "seekentries",
        "updatestat",
        "getmailboxurl",
        "getaddressbookurl",
        "ping",
    ]
)
SUCCESS, INVALID_REQUEST_TYPE, MISSING_HEADER, CONTEXT_NOT_FOUND, MISSING_COOKIE = 0, 5, 7, 10, 13


class _Sessions:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set[str] = set()

    def open(self) -> str:
        cookie = secrets.token_urlsafe(24)
        with self._lock:
            self._live.add(cookie)
        return cookie

    def known(self, cookie: str) -> bool:
        with self._lock:
            return cookie in self._live

    def close(self, cookie: str) -> None:
        with self._lock:
            self._live.discard(cookie)


def _cookie(request: LabRequest, name: str) -> str | None:
    for part in (request.header("Cookie") or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _meta(started: float, payload: bytes) -> bytes:
    elapsed = max(1, int((time.monotonic() - started) * 1000))
    return (
        f"PROCESSING\r\nDONE\r\nX-ElapsedTime: {elapsed}\r\n"
        f"X-StartTime: {formatdate(usegmt=True)}\r\n\r\n"
    ).encode() + payload


def _connect_payload(account: Account, display_name: str) -> bytes:
    dn_prefix = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)\x00"
    return (
        struct.pack("<IIIII", 0, 0, 60_000, 6, 10_000)
        + dn_prefix.encode("ascii")
        + (display_name or account.login).encode("utf-16-le")
        + b"\x00\x00"
        + struct.pack("<I", 0)
    )


def _bind_payload(server_guid: uuid.UUID) -> bytes:
    return struct.pack("<II", 0, 0) + server_guid.bytes_le + struct.pack("<I", 0)


def handler(site: Site, endpoint: str) -> Handler:
    """`endpoint` is "emsmdb" or "nspi"."""
    sessions = _Sessions()
    allowed = EMSMDB_TYPES if endpoint == "emsmdb" else NSPI_TYPES
    opener = "connect" if endpoint == "emsmdb" else "bind"
    closer = "disconnect" if endpoint == "emsmdb" else "unbind"
    vdir = f"/mapi/{endpoint}/"
    major, minor, build, revision = site.org.build
    version = f"{major}.{minor}.{build}.{revision}"
    server_application = f"Exchange/{major}.{minor:02d}.{build:04d}.{revision:03d}"

    def answer(
        request: LabRequest, code: int, payload: bytes = b"", extra: Headers = ()
    ) -> LabResponse:
        started = time.monotonic()
        echoed = tuple(
            (name, value)
            for name in ("X-RequestType", "X-ClientInfo")
            if (value := request.header(name))
        )
        return site.respond(
            request,
            _meta(started, payload),
            content_type=CONTENT_TYPE,
            extra=(
                *echoed,
                ("X-ResponseCode", str(code)),
                ("X-ServerApplication", server_application),
                ("X-PendingPeriod", "15000"),
                *extra,
            ),
        )

    def browser_page(request: LabRequest, account: Account) -> LabResponse:
        mailbox = site.directory.mailbox(account.login)
        guid = mailbox.guid if mailbox else str(uuid.uuid4())
        page = (
            "<html><head><title>Exchange MAPI/HTTP Connectivity Endpoint</title></head><body>"
            "<p>Exchange MAPI/HTTP Connectivity Endpoint<br><br>"
            f"Version: {version}<br>Vdir Path: {vdir}<br><br>"
            f"<b>User:</b> {escape(account.login)}<br><b>UPN:</b> {escape(account.login)}<br>"
            f"<b>Organization:</b> {escape(site.org.domains[0])}<br>"
            f"<b>Cafe:</b> {site.org.fe_server}<br>"
            f"<b>Mailbox:</b> {guid}@{escape(account.login.partition('@')[2])}<br></p>"
            "</body></html>"
        )
        return site.respond(request, page.encode(), content_type="text/html; charset=utf-8")

    def mapi(request: LabRequest) -> LabResponse:
        signed_in = site.authorize(request)
        if isinstance(signed_in, LabResponse):
            return signed_in
        if request.method in ("GET", "HEAD"):
            return browser_page(request, signed_in)
        kind = (request.header("X-RequestType") or "").strip().lower()
        if not kind:
            return answer(request, MISSING_HEADER)
        if kind not in allowed:
            return answer(request, INVALID_REQUEST_TYPE)
        if kind == "ping":
            return answer(request, SUCCESS)
        if kind == opener:
            context = sessions.open()
            cookies = (
                ("Set-Cookie", f"MapiContext={context}; path={vdir}; secure; HttpOnly"),
                ("Set-Cookie", f"MapiSequence={secrets.token_urlsafe(12)}; path={vdir}; secure"),
                ("X-ExpirationInfo", "900000"),
            )
            mailbox = site.directory.mailbox(signed_in.login)
            payload = (
                _connect_payload(signed_in, mailbox.display_name if mailbox else "")
                if endpoint == "emsmdb"
                else _bind_payload(uuid.uuid5(uuid.NAMESPACE_DNS, site.org.mail_host))
            )
            return answer(request, SUCCESS, payload, cookies)
        presented = _cookie(request, "MapiContext")
        if presented is None:
            return answer(request, MISSING_COOKIE)
        if not sessions.known(presented):
            return answer(request, CONTEXT_NOT_FOUND)
        if kind == closer:
            sessions.close(presented)
        return answer(request, SUCCESS, struct.pack("<III", 0, 0, 0))

    return mapi
