"""The browser sign-in's loopback listener against real loopback clients that misbehave:
one that connects and sends nothing, one that trickles its request, a flood of them.
None of them may hold up Cancel, the check's deadline, or the browser's own request.

Outcomes are checked with thread joins bounded well under the 5 s a client is given to
send its request, so a listener that waited on one client would be caught still waiting.
"""

from __future__ import annotations

import socket
import threading
import urllib.parse
from collections.abc import Iterator

import pytest

from assistant.cancel import Cancelled, CancelToken, Deadline, DeadlineExceeded
from assistant.net.loopback import MAX_CONNECTIONS, READ_TIMEOUT, RedirectListener

OUTCOME_WAIT = 2.0  # seconds; well under READ_TIMEOUT
assert OUTCOME_WAIT < READ_TIMEOUT


class Waiting:
    """`listener.wait(deadline)` on a thread; `params` or `raised` tell how it ended."""

    def __init__(self, listener: RedirectListener, deadline: Deadline) -> None:
        self.params: dict[str, str] | None = None
        self.raised: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(listener, deadline), daemon=True)
        self._thread.start()

    def _run(self, listener: RedirectListener, deadline: Deadline) -> None:
        try:
            self.params = listener.wait(deadline)
        except BaseException as exc:  # the test looks at it
            self.raised = exc

    def ended(self) -> bool:
        self._thread.join(OUTCOME_WAIT)
        return not self._thread.is_alive()


@pytest.fixture
def token() -> CancelToken:
    return CancelToken()


@pytest.fixture
def listener(token: CancelToken) -> Iterator[RedirectListener]:
    with RedirectListener(token) as made:
        yield made


@pytest.fixture
def clients() -> Iterator[list[socket.socket]]:
    opened: list[socket.socket] = []
    yield opened
    for sock in opened:
        sock.close()


def connect(listener: RedirectListener, clients: list[socket.socket]) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", listener.port), timeout=OUTCOME_WAIT)
    clients.append(sock)
    return sock


def ask(listener: RedirectListener, request: bytes) -> bytes:
    """A well-behaved client: the whole request, then the whole answer."""
    with socket.create_connection(("127.0.0.1", listener.port), timeout=OUTCOME_WAIT) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
        return answer


def form_post(**fields: str) -> bytes:
    body = urllib.parse.urlencode(fields).encode()
    head = f"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def test_a_silent_client_does_not_hold_up_cancel(
    listener: RedirectListener, token: CancelToken, clients: list[socket.socket]
) -> None:
    connect(listener, clients)  # connects, sends nothing
    waiting = Waiting(listener, Deadline.after(30))
    # The listener took the silent client first and still answers others: it is waiting
    # for both at once, not reading the silent one.
    assert ask(listener, b"GET /favicon.ico HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.1 404 ")
    token.cancel()
    assert waiting.ended()
    assert isinstance(waiting.raised, Cancelled)


def test_a_silent_client_does_not_outlast_the_deadline(
    listener: RedirectListener, clients: list[socket.socket]
) -> None:
    connect(listener, clients)
    waiting = Waiting(listener, Deadline.after(0.3))
    assert waiting.ended()
    assert isinstance(waiting.raised, DeadlineExceeded)


def test_the_browsers_answer_gets_through_past_silent_and_trickling_clients(
    listener: RedirectListener, clients: list[socket.socket]
) -> None:
    waiting = Waiting(listener, Deadline.after(30))
    connect(listener, clients)
    connect(listener, clients).sendall(b"POST / HTTP/1.1\r\nContent-Le")  # and no more
    answer = ask(listener, form_post(code="the-code", state="s1"))
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert waiting.ended()
    assert waiting.params == {"code": "the-code", "state": "s1"}


def test_a_flood_of_silent_clients_is_bounded_and_the_answer_still_arrives(
    listener: RedirectListener, clients: list[socket.socket]
) -> None:
    waiting = Waiting(listener, Deadline.after(30))
    for _ in range(MAX_CONNECTIONS + 4):
        connect(listener, clients)
    assert ask(listener, b"GET /?error=access_denied HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.1 200 ")
    assert waiting.ended()
    assert waiting.params == {"error": "access_denied"}
    assert listener.open_connections() <= MAX_CONNECTIONS


def test_a_silent_client_is_closed_after_its_read_timeout(
    token: CancelToken, clients: list[socket.socket]
) -> None:
    with RedirectListener(token, read_timeout=0.2) as listener:
        waiting = Waiting(listener, Deadline.after(30))
        silent = connect(listener, clients)
        assert silent.recv(1) == b""  # the listener hung up on it
        assert ask(listener, b"GET /?code=c HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.1 200 ")
        assert waiting.ended()
        assert waiting.params == {"code": "c"}
