"""An exchangelib Account for one EWS check, whose traffic obeys the run's network rules.

The traffic goes through net/exchangelib_adapter.py's RoutedAdapter (bound to this
thread by `bound_route()` for the session's length). What is decided here is the
session: the credentials exchangelib is given, its retry policy and how it ends.

To keep sessions from leaking across runs, `ews_session()` gives exchangelib credentials
that compare equal only to themselves (exchangelib caches one Protocol per endpoint and
credentials, process-wide), and on exit drops that Protocol from the cache and closes
its sessions. It does not call `exchangelib.close_connections()`: that closes every
Protocol in the process, including those of checks still running. The FailFast retry
policy is used (under FaultTolerance a 401 is retried for up to an hour), and exchangelib
does no autodiscover of its own (ours does that).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from assistant.auth.credentials import Credentials, PasswordCredential
from assistant.checks.ews.exchangelib_credentials import (
    BearerToken,
    password_credentials,
    token_credentials,
)
from assistant.net.exchangelib_adapter import EwsRoute, bound_route
from assistant.net.network import Network

# exchangelib's names for the sign-in methods (exchangelib.transport).
AUTH_BASIC = "basic"
AUTH_NTLM = "NTLM"
AUTH_OAUTH2 = "OAuth 2.0"


@dataclass
class EwsSession:
    account: Any  # exchangelib.Account (exchangelib has no type information)
    route: EwsRoute

    @property
    def protocol(self) -> Any:
        return self.account.protocol


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
