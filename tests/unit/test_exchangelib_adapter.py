"""RoutedAdapter: exchangelib's requests go where --connect-to says, verify the real name.

A one-shot TLS server records the SNI name and Host header it was sent, so the test
sees the wire, not our own bookkeeping.
"""

from __future__ import annotations

import gc
import logging
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from assistant.auth.credentials import PasswordCredential
from assistant.cancel import CancelToken, Deadline
from assistant.checks.ews.session import ews_session
from assistant.config import ConnectTo, HostPort, NetworkOptions
from assistant.lab.ews_service import EWS_PATH, LAB_PASSWORD, EwsService, EwsStyle
from assistant.lab.https_server import LabHttpsServer
from assistant.lab.pki import CertVariant, LabPKI
from assistant.net import exchangelib_adapter
from assistant.net.exchangelib_adapter import (
    RouteClosed,
    RoutedAdapter,
    bound_route,
    install,
)
from assistant.net.network import Network
from assistant.net.resolver import Resolver

NAME = "ews.contoso.test"
URL = f"https://{NAME}/EWS/Exchange.asmx"
_ANSWER = (
    b"HTTP/1.1 401 Unauthorized\r\n"
    b'WWW-Authenticate: Basic realm="ews.contoso.test"\r\n'
    b"request-id: 0f0e0d0c-0000-4000-8000-000000000001\r\n"
    b"X-FEServer: LABFE01\r\n"
    b"Content-Length: 0\r\n"
    b"Connection: close\r\n\r\n"
)


@dataclass
class OneShotServer:
    """Accepts connections, records SNI and the Host header, answers one 401 each."""

    context: ssl.SSLContext
    sni: list[str | None] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.context.sni_callback = self._remember
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stop = threading.Event()
        self.port = int(self._listener.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, name="test-oneshot", daemon=True)
        self._thread.start()

    def _remember(self, sock: ssl.SSLObject, name: str | None, _: ssl.SSLContext) -> None:
        self.sni.append(name)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    with self.context.wrap_socket(conn, server_side=True) as tls:
                        data = b""
                        while b"\r\n\r\n" not in data:
                            chunk = tls.recv(4096)
                            if not chunk:
                                break
                            data += chunk
                        head, _, body = data.partition(b"\r\n\r\n")
                        length = 0
                        for line in head.split(b"\r\n"):
                            name, _, value = line.partition(b":")
                            if name.strip().lower() == b"host":
                                self.hosts.append(value.strip().decode())
                            elif name.strip().lower() == b"content-length":
                                length = int(value)
                        # Read the whole body first: closing with unread bytes sends a TCP
                        # reset, which can destroy the answer before the client reads it.
                        while len(body) < length and (chunk := tls.recv(4096)):
                            body += chunk
                        if data:
                            tls.sendall(_ANSWER)
                except (OSError, ssl.SSLError) as exc:
                    self.errors.append(repr(exc))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._listener.close()


@pytest.fixture(scope="module")
def pki() -> Iterator[LabPKI]:
    with LabPKI() as made:
        yield made


@pytest.fixture
def server(pki: LabPKI) -> Iterator[OneShotServer]:
    made = OneShotServer(pki.server_context([NAME]))
    yield made
    made.close()


def network(pki: LabPKI, port: int) -> Network:
    options = NetworkOptions(
        connect_to=(ConnectTo(HostPort(NAME, 443), HostPort("127.0.0.1", port)),),
        ca_bundle=str(pki.ca_pem_path),
        timeout=2.0,
    )
    token = CancelToken()
    return Network(options, Resolver((), timeout=2.0, token=token), token, Deadline.after(10))


def post(adapter: RoutedAdapter, url: str = URL) -> requests.Response:
    with requests.Session() as session:
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        return session.post(url, data=b"<x/>", timeout=60)


def test_connection_goes_to_the_routed_port_with_the_real_name(
    pki: LabPKI, server: OneShotServer
) -> None:
    with bound_route(network(pki, server.port), frozenset({NAME})) as route:
        response = post(RoutedAdapter())
    assert response.status_code == 401
    assert server.sni == [NAME]  # SNI: the name in the URL, not 127.0.0.1
    assert server.hosts == [NAME]
    assert server.errors == []
    (exchange,) = route.exchanges
    assert exchange.status == 401
    assert exchange.to_dict()["correlation"] == {
        "request-id": "0f0e0d0c-0000-4000-8000-000000000001",
        "x-feserver": "LABFE01",
    }
    assert not any(h.lower().startswith("authorization") for h in exchange.to_dict()["headers"])


def test_untrusted_certificate_stops_the_request_in_the_handshake(pki: LabPKI) -> None:
    untrusted = OneShotServer(pki.server_context([NAME], CertVariant.UNTRUSTED))
    try:
        with (
            bound_route(network(pki, untrusted.port), frozenset({NAME})),
            pytest.raises(requests.exceptions.SSLError),
        ):
            post(RoutedAdapter())
    finally:
        untrusted.close()
    assert untrusted.hosts == []  # not one byte of HTTP reached it


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.contoso.test/EWS/Exchange.asmx",  # not the session's host
        f"http://{NAME}/EWS/Exchange.asmx",  # not https
    ],
)
def test_other_hosts_and_plain_http_are_refused(
    pki: LabPKI, server: OneShotServer, url: str
) -> None:
    with bound_route(network(pki, server.port), frozenset({NAME})), pytest.raises(RouteClosed):
        post(RoutedAdapter(), url)
    assert server.sni == []


def test_an_adapter_without_a_route_or_after_it_ends_refuses(
    pki: LabPKI, server: OneShotServer
) -> None:
    with pytest.raises(RouteClosed, match="outside an EWS session"):
        post(RoutedAdapter())
    with bound_route(network(pki, server.port), frozenset({NAME})):
        adapter = RoutedAdapter()
    with pytest.raises(RouteClosed, match="has ended"):
        post(adapter)
    assert server.sni == []


def test_install_points_exchangelib_at_the_adapter_and_a_private_cache() -> None:
    import exchangelib.autodiscover.cache
    from exchangelib.protocol import BaseProtocol

    install()
    install()  # idempotent
    assert BaseProtocol.HTTP_ADAPTER_CLS is RoutedAdapter
    cache = Path(exchangelib.autodiscover.cache.AUTODISCOVER_PERSISTENT_STORAGE)
    assert cache == exchangelib_adapter.private_cache_path()
    assert Path(tempfile.gettempdir()) not in cache.parents
    # Its DEBUG records would carry the Authorization header: never emitted.
    assert logging.getLogger("exchangelib.util").getEffectiveLevel() >= logging.INFO


def test_nothing_lingers_after_a_session(pki: LabPKI) -> None:
    from exchangelib.protocol import CachingProtocol

    lab = LabHttpsServer(pki.server_context([NAME]), label="adapter-test")
    lab.route(NAME, EWS_PATH, EwsService(EwsStyle.CLOUD, host=NAME))
    lab.start()
    before = set(threading.enumerate())
    try:
        credential = PasswordCredential("admin@contoso.test", LAB_PASSWORD)
        with ews_session(
            network(pki, lab.port), endpoint=URL, email=credential.username, credential=credential
        ) as session:
            assert session.account.inbox.total_count == 42
            protocol = session.protocol
        gc.collect()
        leftovers = [
            t for t in threading.enumerate() if t not in before and not t.name.startswith("lab-")
        ]
        assert leftovers == []
        assert all(key[0] != URL for key in CachingProtocol._protocol_cache)
        assert protocol.session_pool_size == 0
        open_connections = [
            obj
            for obj in gc.get_objects()
            if isinstance(obj, exchangelib_adapter._RoutedConnection) and obj.sock is not None
        ]
        assert open_connections == []
    finally:
        lab.stop()


def test_concurrent_sessions_each_follow_their_own_route(pki: LabPKI) -> None:
    """The adapter class is process-global; the route is per session (per thread)."""
    first = OneShotServer(pki.server_context([NAME]))
    second = OneShotServer(pki.server_context([NAME]))
    barrier = threading.Barrier(2, timeout=5)
    statuses: dict[int, int] = {}

    def worker(port: int) -> None:
        with bound_route(network(pki, port), frozenset({NAME})):
            adapter = RoutedAdapter()
            barrier.wait()  # both routes are bound at once before either sends
            statuses[port] = post(adapter).status_code

    threads = [threading.Thread(target=worker, args=(s.port,)) for s in (first, second)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    finally:
        first.close()
        second.close()
    assert statuses == {first.port: 401, second.port: 401}
    assert first.sni == [NAME] and second.sni == [NAME]


def test_a_cancelled_check_sends_nothing_more(pki: LabPKI, server: OneShotServer) -> None:
    net = network(pki, server.port)
    with bound_route(net, frozenset({NAME})):
        adapter = RoutedAdapter()
        net.token.cancel()
        with pytest.raises(RouteClosed, match="cancelled"):
            post(adapter)
    assert server.sni == []
