"""exchangelib's HTTP traffic, sent by this program's network rules.

exchangelib opens its own `requests` sessions. The only way in is a process-global
class attribute, `BaseProtocol.HTTP_ADAPTER_CLS`, which exchangelib instantiates with no
arguments whenever it creates a session (`BaseProtocol.get_adapter`). `install()` sets it
once to `RoutedAdapter`; every connection that adapter makes then goes through
`assistant.net`: the connect-to map and the resolver (`open_tcp`), the run's CA bundle
or the system store with the hostname checked against the name in the URL (SNI too),
the check's per-operation timeout and deadline, and its cancel token.

Why there is process state here, and why it is this small
--------------------------------------------------------
The class is global but runs are not: two runs (or two checks of one run) may talk to
different lab ports, trust different CA bundles and have different deadlines at the same
time. Since the adapter is built with no arguments, it learns which check it serves from
`_ACTIVE`, a ContextVar that `bound_route()` (used by checks/ews/session.py) sets in
the check's worker thread for the length of the session. exchangelib creates its sessions
lazily on the thread that first needs them and never starts threads of its own, so every
adapter is built inside the session that owns it and keeps that `EwsRoute` for life.
ContextVars are per thread (and per asyncio task), so concurrent checks never see each
other's route, and no lock is needed to read one. An adapter built outside any session
has no route and refuses to send, so nothing leaves the process by exchangelib's own
defaults; once a session ends, its route is closed and its adapters refuse too.

The session itself (an exchangelib Account with credentials that keep it apart from
every other run's, the FailFast retry policy, no autodiscover by exchangelib) is
checks/ews/session.py's `ews_session()`.

Other exchangelib settings made here, per TESTING.md: its autodiscover cache file moved
out of the shared temp folder, timeouts taken from the check rather than exchangelib's
120 s class default, and its logger held at INFO (its DEBUG records include the
Authorization header). Redirects are never followed: exchangelib posts with
allow_redirects=False and turns a 301/302 into RedirectError; the route also refuses any
host but the EWS endpoint's.

A web proxy (NetworkOptions.http_proxy) is used through Network.web_tcp: the CONNECT
tunnel is ours (net/proxy.py), so requests' own proxy handling stays off.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
import requests
import requests.adapters
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError

from assistant.cancel import Cancelled, DeadlineExceeded
from assistant.net.connect import ConnectError
from assistant.net.http import CORRELATION_HEADERS
from assistant.net.http_exchange import HttpExchange
from assistant.net.network import Network
from assistant.net.tls import client_context

USER_AGENT = "ConnectivityAssistant/0.1 (exchangelib)"
BODY_PREVIEW_BYTES = 2048
# Response headers worth keeping as evidence; never a request header (Authorization).
_KEPT_HEADERS = (
    *CORRELATION_HEADERS,
    "www-authenticate",
    "location",
    "x-caserrorcode",
    "x-ms-diagnostics",
    "retry-after",
    "content-type",
)

_ACTIVE: ContextVar[EwsRoute | None] = ContextVar("assistant_exchangelib_route", default=None)
_INSTALL_LOCK = threading.Lock()


class RouteClosed(requests.exceptions.ConnectionError):
    """exchangelib tried to send outside a live session, or somewhere it may not go."""


class EwsRoute:
    """Where one session's exchangelib traffic may go, how, and what it saw."""

    def __init__(self, net: Network, allowed_hosts: frozenset[str]) -> None:
        self.net = net
        self.allowed_hosts = frozenset(h.lower().rstrip(".") for h in allowed_hosts)
        self.key = uuid.uuid4().hex  # makes this session's exchangelib credentials unique
        self._lock = threading.Lock()
        self._exchanges: list[HttpExchange] = []
        self._closed = False

    @property
    def exchanges(self) -> tuple[HttpExchange, ...]:
        with self._lock:
            return tuple(self._exchanges)

    @property
    def closed(self) -> bool:
        with self._lock:
            return self._closed

    def close(self) -> None:
        with self._lock:
            self._closed = True

    def admit(self, url: str) -> tuple[str, int]:
        """The (host, port) a request may go to, or RouteClosed saying why not."""
        if self.closed:
            raise RouteClosed("refused: this EWS session has ended")
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        if parts.scheme != "https":
            raise RouteClosed(f"refused: {url} is not https")
        if host not in self.allowed_hosts:
            raise RouteClosed(f"refused: {host} is not the EWS host of this session")
        return host, parts.port or 443

    def record(self, exchange: HttpExchange) -> None:
        with self._lock:
            self._exchanges.append(exchange)


class _RoutedConnection(HTTPSConnection):
    """An urllib3 HTTPS connection whose TCP socket comes from `open_tcp`.

    `self.host` stays the name from the URL, so urllib3 sends it as SNI, checks the
    certificate against it and puts it in the Host header; only the socket goes where
    the connect-to map says.
    """

    def __init__(self, host: str, port: int | None = None, *, route: EwsRoute, **kw: Any) -> None:
        super().__init__(host, port, **kw)
        self._route = route
        self._raw: Any = None

    def _new_conn(self) -> Any:
        net = self._route.net
        try:
            sock, _info = net.web_tcp(self.host, self.port)  # the web proxy, when one is set
        except ConnectError as exc:
            raise NewConnectionError(self, str(exc)) from None
        except Cancelled:
            raise NewConnectionError(self, "cancelled") from None
        except DeadlineExceeded:
            raise NewConnectionError(self, "the check ran out of time") from None
        self._raw = sock
        return sock

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._raw is not None:
                self._route.net.token.unregister(self._raw)
                self._raw = None


class _RoutedPool(HTTPSConnectionPool):
    ConnectionCls = _RoutedConnection


class RoutedAdapter(requests.adapters.HTTPAdapter):
    """The adapter exchangelib instantiates; see the module docstring for the route."""

    def __init__(self, *args: Any, route: EwsRoute | None = None, **kwargs: Any) -> None:
        # exchangelib builds it with no arguments (the route comes from the thread's
        # binding); routed_session.py hands one in (MSAL's HTTP client).
        self._route = route if route is not None else _ACTIVE.get()
        self._pools: dict[tuple[str, int], _RoutedPool] = {}
        self._pools_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def _live_route(self) -> EwsRoute:
        if self._route is None:
            raise RouteClosed("refused: exchangelib was used outside an EWS session")
        return self._route

    def get_connection_with_tls_context(
        self,
        request: requests.PreparedRequest,
        verify: Any,
        proxies: Mapping[str, str] | None = None,
        cert: Any = None,
    ) -> Any:
        route = self._live_route()
        host, port = route.admit(request.url or "")
        with self._pools_lock:
            pool = self._pools.get((host, port))
            if pool is None:
                pool = _RoutedPool(
                    host,
                    port,
                    maxsize=self._pool_maxsize,
                    block=self._pool_block,
                    cert_reqs="CERT_REQUIRED",
                    ssl_context=client_context(route.net.options.ca_bundle),
                    route=route,
                )
                self._pools[(host, port)] = pool
        return pool

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """Nothing to do: the pool's TLS context is our policy; `verify` (which requests
        fills from REQUESTS_CA_BUNDLE or certifi) must not widen it."""

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        route = self._live_route()
        route.admit(request.url or "")
        if route.net.token.cancelled:
            raise RouteClosed("cancelled")
        try:
            budget = route.net.op_timeout()  # exchangelib's own TIMEOUT (120 s) is ignored
        except DeadlineExceeded:
            raise requests.exceptions.ConnectTimeout("the check ran out of time") from None
        request.headers.setdefault("User-Agent", USER_AGENT)
        started = time.monotonic()
        response = super().send(request, stream=stream, timeout=budget, verify=True, proxies=None)
        preview = ""
        # A 401 is left unread: NTLM's response hook needs the live socket behind it
        # (requests_ntlm reads the server certificate from it for channel binding).
        if response.status_code not in (200, 401) and not stream:
            preview = response.content[:BODY_PREVIEW_BYTES].decode("utf-8", errors="replace")
        route.record(
            HttpExchange(
                method=request.method or "",
                url=request.url or "",
                status=response.status_code,
                reason=response.reason or "",
                headers=tuple(
                    (name, value)
                    for name, value in response.headers.items()
                    if name.lower() in _KEPT_HEADERS
                ),
                body_preview=preview,
                elapsed_ms=int((time.monotonic() - started) * 1000),
            )
        )
        return response

    def close(self) -> None:
        with self._pools_lock:
            pools = list(self._pools.values())
            self._pools.clear()
        for pool in pools:
            pool.close()
        super().close()


def private_cache_path() -> Path:
    """Where exchangelib's autodiscover cache would live: ours, not the shared temp
    folder (exchangelib's default is one file per user name in /tmp)."""
    return platformdirs.user_cache_path("connectivity-assistant", appauthor=False) / (
        "exchangelib-autodiscover"
    )


def preload() -> None:
    """Import exchangelib and what it pulls in (about half a second of imports).

    The engine imports it inside the EWS code, so a run that needs no EWS never pays for
    it. A front end that will probably run EWS soon calls this on a background thread
    first: an import in the middle of a run holds the GIL and the import lock for long
    stretches, which a window's event loop feels as a stall.
    """
    import exchangelib
    import exchangelib.autodiscover.cache
    import exchangelib.errors
    import exchangelib.protocol  # noqa: F401


def install() -> None:
    """Make exchangelib use RoutedAdapter (idempotent; safe from any thread)."""
    import exchangelib.autodiscover.cache
    from exchangelib.protocol import BaseProtocol

    with _INSTALL_LOCK:
        if BaseProtocol.HTTP_ADAPTER_CLS is not RoutedAdapter:
            BaseProtocol.HTTP_ADAPTER_CLS = RoutedAdapter
            cache = private_cache_path()
            # exchangelib opens a dbm file there and does not create the folder itself.
            cache.parent.mkdir(parents=True, exist_ok=True)
            exchangelib.autodiscover.cache.AUTODISCOVER_PERSISTENT_STORAGE = cache
            # exchangelib's DEBUG records carry the prepared request's headers (the Basic
            # Authorization header among them) and whole SOAP bodies, and requests-oauthlib
            # logs the OAuth token it adds; keep them from ever being emitted, even when
            # someone turns the root logger to DEBUG.
            for name in ("exchangelib", "requests_oauthlib", "oauthlib"):
                logging.getLogger(name).setLevel(logging.INFO)


@contextmanager
def bound_route(net: Network, allowed_hosts: frozenset[str]) -> Iterator[EwsRoute]:
    """Bind a route to this thread for the block: every RoutedAdapter built inside it
    sends by `net`'s rules, to `allowed_hosts` only, until the block ends."""
    install()
    route = EwsRoute(net, allowed_hosts)
    bound = _ACTIVE.set(route)
    try:
        yield route
    finally:
        route.close()
        _ACTIVE.reset(bound)
