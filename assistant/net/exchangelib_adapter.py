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
`_ACTIVE`, a ContextVar that `bound_route()` (used by `ews_session()`) sets in the
check's worker thread for the length of the session. exchangelib creates its sessions
lazily on the thread that first needs them and never starts threads of its own, so every
adapter is built inside the session that owns it and keeps that `EwsRoute` for life.
ContextVars are per thread (and per asyncio task), so concurrent checks never see each
other's route, and no lock is needed to read one. An adapter built outside any session
has no route and refuses to send, so nothing leaves the process by exchangelib's own
defaults; once a session ends, its route is closed and its adapters refuse too.

To keep sessions from leaking across runs, `ews_session()` gives exchangelib credentials
that compare equal only to themselves (exchangelib caches one Protocol per endpoint and
credentials, process-wide), and on exit drops that Protocol from the cache and closes
its sessions. It does not call `exchangelib.close_connections()`: that closes every
Protocol in the process, including those of checks still running.

Other exchangelib settings made here, per TESTING.md: the FailFast retry policy (under
FaultTolerance a 401 is retried for up to an hour), no autodiscover by exchangelib (ours
does that), its autodiscover cache file moved out of the shared temp folder, timeouts
taken from the check rather than exchangelib's 120 s class default, and its logger held
at INFO (its DEBUG records include the Authorization header). Redirects are never
followed: exchangelib posts with allow_redirects=False and turns a 301/302 into
RedirectError; the route also refuses any host but the EWS endpoint's.

A web proxy (NetworkOptions.http_proxy) is used through Network.web_tcp: the CONNECT
tunnel is ours (net/proxy.py), so requests' own proxy handling stays off.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
import requests
import requests.adapters
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError

from assistant.auth.credentials import Credentials, PasswordCredential
from assistant.cancel import Cancelled, DeadlineExceeded
from assistant.net.caps import header_lines
from assistant.net.connect import ConnectError
from assistant.net.exchangelib_credentials import (
    BearerToken,
    password_credentials,
    token_credentials,
)
from assistant.net.http import CORRELATION_HEADERS
from assistant.net.network import Network
from assistant.net.tls import client_context

USER_AGENT = "ConnectivityAssistant/0.1 (exchangelib)"
# exchangelib's names for the sign-in methods (exchangelib.transport).
AUTH_BASIC = "basic"
AUTH_NTLM = "NTLM"
AUTH_OAUTH2 = "OAuth 2.0"
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


@dataclass(frozen=True)
class HttpExchange:
    """One request exchangelib made, as evidence: no request headers, no request body."""

    method: str
    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]  # the kept response headers only
    body_preview: str  # only for answers other than 200
    elapsed_ms: int

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), None)

    def to_dict(self, redact: Callable[[str], str] = str) -> dict[str, object]:
        """The keys of HttpResponse's evidence, where they apply; text passes `redact`."""
        return {
            "method": self.method,
            "url": self.url,
            "status": self.status,
            "reason": self.reason,
            "headers": header_lines(self.headers, redact),
            "correlation": {h: v for h in CORRELATION_HEADERS if (v := self.header(h)) is not None},
            "body_preview": redact(self.body_preview),
            "elapsed_ms": self.elapsed_ms,
        }


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


@dataclass
class EwsSession:
    account: Any  # exchangelib.Account (exchangelib has no type information)
    route: EwsRoute

    @property
    def protocol(self) -> Any:
        return self.account.protocol


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


@contextmanager
def ews_session(
    net: Network,
    *,
    endpoint: str,
    email: str,
    credential: Credentials,
    auth_type: str = AUTH_BASIC,
    token: BearerToken | None = None,
) -> Iterator[EwsSession]:
    """An exchangelib Account for one check, whose traffic obeys `net`.

    With `token` the session signs in with OAuth (auth_type is then AUTH_OAUTH2), and an
    app-only token opens `email` by impersonation. Nothing is sent on entering;
    exchangelib sends on first use (the version guess, then the operation). On exit the
    session's Protocol leaves exchangelib's cache and its connections are closed. The
    caller has already decided that `endpoint` may receive the credential (validated
    TLS, a host the rules allow).
    """
    from exchangelib import DELEGATE, IMPERSONATION, UTC, Account, Configuration, FailFast

    host = (urlsplit(endpoint).hostname or "").lower()
    with bound_route(net, frozenset({host})) as route:
        if token is not None:
            session_credentials = token_credentials(token, email, route.key)
            auth_type = AUTH_OAUTH2
        elif isinstance(credential, PasswordCredential):
            session_credentials = password_credentials(credential, route.key)
        else:
            raise ValueError("an OAuth sign-in needs its token")
        config = Configuration(
            service_endpoint=endpoint,
            credentials=session_credentials,
            auth_type=auth_type,
            retry_policy=FailFast(),
            max_connections=1,
        )
        app_only = token is not None and token.app_only
        try:
            account = Account(
                primary_smtp_address=email,
                config=config,
                autodiscover=False,
                access_type=IMPERSONATION if app_only else DELEGATE,
                locale="en_US",
                default_timezone=UTC,
            )
            yield EwsSession(account, route)
        finally:
            _forget_protocol(config)


def _forget_protocol(config: Any) -> None:
    """Take this session's Protocol out of exchangelib's process-wide cache and close it.

    The cache is keyed by (endpoint, credentials), and OAuth credentials hash their
    token, which exchangelib updates in place: such a key no longer hashes to where it
    was stored, so neither a lookup nor a delete finds it. The cache is rebuilt without
    this session's entries instead (found by the session's `route_key`).
    """
    from exchangelib.protocol import CachingProtocol, Protocol

    route_key = getattr(config.credentials, "route_key", None)
    found: list[Any] = []
    with CachingProtocol._protocol_cache_lock:
        cache = CachingProtocol._protocol_cache
        entries = list(cache.items())
        cache.clear()
        for key, value in entries:
            if route_key is not None and getattr(key[1], "route_key", None) == route_key:
                found.append(value[0])
            else:
                cache[key] = value
    with suppress(KeyError):
        cached, _created = Protocol[config]
        del Protocol[config]
        found.append(cached)
    for cached in found:
        if isinstance(cached, Protocol):
            cached.close()
