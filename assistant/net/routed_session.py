"""A requests.Session whose every connection obeys this program's network rules, for
libraries that want one (MSAL's `http_client`).

It mounts exchangelib_adapter.RoutedAdapter with an explicit route: the connect-to map
and resolver, the run's CA bundle (or the system store) with the hostname checked
against the URL, the check's per-operation timeout and deadline, and its cancel token.
Only https to the named hosts is admitted; anything else (a redirect elsewhere, plain
http, a host MSAL might try for instance discovery) is refused before a socket opens.
Environment proxies and .netrc are ignored (trust_env off), as everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import requests

from assistant.net.exchangelib_adapter import EwsRoute, RoutedAdapter
from assistant.net.http_exchange import HttpExchange
from assistant.net.network import Network

MAX_REDIRECTS = 3


@dataclass
class RoutedSession:
    session: requests.Session
    route: EwsRoute

    @property
    def exchanges(self) -> tuple[HttpExchange, ...]:
        return self.route.exchanges


@contextmanager
def routed_session(net: Network, hosts: Iterable[str]) -> Iterator[RoutedSession]:
    """A session for the block; on exit its route closes and its connections with it."""
    route = EwsRoute(net, frozenset(hosts))
    session = requests.Session()
    session.trust_env = False
    session.max_redirects = MAX_REDIRECTS
    adapter = RoutedAdapter(route=route)
    session.mount("https://", adapter)
    session.mount("http://", adapter)  # admitted never: the route refuses plain http
    try:
        yield RoutedSession(session, route)
    finally:
        route.close()
        session.close()
