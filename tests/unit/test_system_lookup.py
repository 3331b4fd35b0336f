"""The system resolver's getaddrinfo is held to the check's time budget and to Cancel.

A real getaddrinfo cannot be made to hang here without root: glibc takes its nameservers
from /etc/resolv.conf only (no environment variable names another one, and libnss-wrapper
answers from a hosts file, never slowly), and a private mount namespace to swap that file
is refused on many CI machines. So the lookup function is injected, as the resolver's
`system` (dependency injection, not a mock of the network): a real thread really blocks
in it, on an Event the test holds, and everything around it (the pool, the waits, the
connect layer) is the production code. One test uses the real getaddrinfo on localhost.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assistant.cancel import Cancelled, CancelToken, Deadline
from assistant.config import NetworkOptions
from assistant.net.connect import ConnectError
from assistant.net.network import Network
from assistant.net.resolver import Resolver
from assistant.net.system_lookup import SystemLookup

OUTCOME_WAIT = 3.0  # seconds a test waits for an outcome; far beyond what a pass needs


class StuckResolver:
    """A getaddrinfo that does not answer until the test lets it (a dead nameserver)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.asked: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, host: str, port: object, **kw: Any) -> list[tuple[Any, ...]]:
        with self._lock:
            self.asked.append(host)
        self.release.wait()
        return socket.getaddrinfo("127.0.0.1", port, **kw)


@pytest.fixture
def stuck() -> Iterator[StuckResolver]:
    made = StuckResolver()
    yield made
    made.release.set()  # the abandoned threads end with the test


def network(system: SystemLookup, *, timeout: float) -> Network:
    options = NetworkOptions(timeout=timeout, check_deadline=max(timeout, 30.0))
    token = CancelToken()
    resolver = Resolver((), timeout=timeout, token=token, system=system)
    return Network(options, resolver, token, Deadline.after(options.check_deadline))


def outcome(call: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    """Starts `call` on a thread; the list gets what it raised."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:  # the test looks at it
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, raised


def test_a_lookup_that_never_answers_ends_at_the_timeout_with_a_sentence(
    stuck: StuckResolver,
) -> None:
    net = network(SystemLookup(stuck), timeout=0.3)
    thread, raised = outcome(lambda: net.tcp("mail.contoso.test", 993))
    thread.join(OUTCOME_WAIT)
    assert not thread.is_alive()
    [error] = raised
    assert isinstance(error, ConnectError)
    assert str(error) == "DNS lookup of mail.contoso.test did not answer within 0.3 s"
    assert stuck.asked == ["mail.contoso.test"]


def test_cancel_ends_a_lookup_that_never_answers(stuck: StuckResolver) -> None:
    net = network(SystemLookup(stuck), timeout=60.0)
    thread, raised = outcome(lambda: net.tcp("mail.contoso.test", 993))
    while not stuck.asked:  # the lookup is under way
        thread.join(0.01)
    net.token.cancel()
    thread.join(OUTCOME_WAIT)  # far below the 60 s timeout
    assert not thread.is_alive()
    assert [type(e) for e in raised] == [Cancelled]


def test_stuck_lookups_hold_a_bounded_number_of_threads(stuck: StuckResolver) -> None:
    system = SystemLookup(stuck, limit=2)
    hosts = [f"host{n}.contoso.test" for n in range(6)]
    runs = [outcome(lambda h=h: network(system, timeout=0.3).tcp(h, 443)) for h in hosts]
    for thread, _ in runs:
        thread.join(OUTCOME_WAIT)
        assert not thread.is_alive()
    errors = [str(e) for _, raised in runs for e in raised]
    assert len(errors) == len(hosts)
    assert len(stuck.asked) == 2  # only two lookups ever started, the rest waited
    assert system.running == 2
    started = [e for e in errors if "did not answer" in e]
    refused = [e for e in errors if "did not start" in e]
    assert len(started) == 2 and len(refused) == 4
    assert "2 earlier lookups have not answered yet" in refused[0]
    names = [t for t in threading.enumerate() if t.name.startswith("getaddrinfo ")]
    assert names and all(t.daemon for t in names)

    stuck.release.set()  # the nameserver answers at last: the slots free up
    for thread in names:
        thread.join(OUTCOME_WAIT)
    assert system.running == 0
    assert network(system, timeout=0.3).resolver.addresses("later.contoso.test") == ["127.0.0.1"]


def test_lookups_of_the_same_name_share_one_thread(stuck: StuckResolver) -> None:
    system = SystemLookup(stuck, limit=1)
    runs = [
        outcome(lambda: network(system, timeout=0.3).tcp("mail.contoso.test", 993))
        for _ in range(3)
    ]
    for thread, _ in runs:
        thread.join(OUTCOME_WAIT)
    assert stuck.asked == ["mail.contoso.test"]
    assert [str(e) for _, raised in runs for e in raised] == [
        "DNS lookup of mail.contoso.test did not answer within 0.3 s"
    ] * 3


def test_the_real_system_resolver_answers_and_the_socket_goes_to_the_address() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        net = network(SystemLookup(), timeout=2.0)
        sock, info = net.tcp("localhost", port)  # from the hosts file
        net.close(sock)
    assert info.host == "localhost" and info.address == "127.0.0.1"


def test_a_name_the_system_cannot_encode_is_a_sentence_not_a_crash() -> None:
    resolver = network(SystemLookup(), timeout=2.0).resolver
    with pytest.raises(LookupError, match=r"^x{70}\.test has no address: "):
        resolver.addresses("x" * 70 + ".test")  # a label over 63 characters: UnicodeError
