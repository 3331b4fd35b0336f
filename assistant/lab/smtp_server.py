"""Plumbing for the lab's aiosmtpd servers: listening sockets bound up front, and one
event loop thread that serves several of them.

The MX (eop.py) runs a dozen listeners, one per relay scenario, on one SmtpLoop: one
thread for all of them keeps the lab's start time down (it starts in every
integration test).
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
import weakref
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from typing import Any

from aiosmtpd.smtp import SMTP, Session

STOP_TIMEOUT = 2.0


def bound_listener(host: str = "127.0.0.1") -> socket.socket:
    """A listening socket on a port the kernel picked, held from this moment on.

    aiosmtpd's Controller binds the port it is given, and cannot be given port 0 (it
    connects to its own port to start). Picking a free port, closing the probe and
    binding later lets another lab server, or an outgoing connection's ephemeral port,
    take it in between ("Address already in use", seen in CI). Serving an
    already-bound socket closes that gap.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Inherited by accepted sockets: without it aiosmtpd's line-by-line replies meet
        # Nagle and delayed ACKs, and every multi-line reply costs ~45 ms.
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # Inherited by accepted sockets: without it aiosmtpd's line-by-line replies meet
        # Nagle and delayed ACKs, and every multi-line reply costs ~45 ms.
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        listener.bind((host, 0))
        listener.listen(64)
        listener.setblocking(False)
    except OSError:
        listener.close()
        raise
    return listener


class SmtpLoop:
    """One asyncio loop on its own thread, serving every listener added before start().

    `add(factory)` binds a socket now (port 0, held) and returns its port; `factory`
    makes one aiosmtpd SMTP session per connection, on this loop (`self.loop`).
    """

    def __init__(self, name: str, host: str = "127.0.0.1") -> None:
        self.name = name
        self.host = host
        self.loop = asyncio.new_event_loop()
        self.loop.set_exception_handler(self._loop_error)
        self.loop_errors: list[str] = []
        self._pending: list[tuple[Callable[[], SMTP], socket.socket, ssl.SSLContext | None]] = []
        self._servers: list[asyncio.AbstractServer] = []
        self._sessions: weakref.WeakSet[SMTP] = weakref.WeakSet()
        self._thread: threading.Thread | None = None

    def add(
        self, factory: Callable[[], SMTP], *, implicit_tls: ssl.SSLContext | None = None
    ) -> int:
        sock = bound_listener(self.host)
        self._pending.append((factory, sock, implicit_tls))
        return int(sock.getsockname()[1])

    def start(self) -> None:
        self._thread = threading.Thread(target=self.loop.run_forever, name=self.name, daemon=True)
        self._thread.start()
        self._call(self._listen()).result(STOP_TIMEOUT * 2)

    def stop(self) -> None:
        if self._thread is not None:
            try:
                self._call(self._shutdown()).result(STOP_TIMEOUT)
            finally:
                self.loop.call_soon_threadsafe(self.loop.stop)
                self._thread.join(STOP_TIMEOUT)
                self._thread = None
        for _, sock, _ in self._pending:
            sock.close()
        self._pending.clear()
        if not self.loop.is_closed():
            self.loop.close()

    # -- internals --------------------------------------------------------------------

    def _call(self, coroutine: Coroutine[Any, Any, Any]) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        self.loop_errors.append(str(context.get("message", context)))

    def _tracked(self, factory: Callable[[], SMTP]) -> Callable[[], SMTP]:
        def make() -> SMTP:
            session = factory()
            self._sessions.add(session)
            return session

        return make

    async def _listen(self) -> None:
        for factory, sock, tls in self._pending:
            server = await self.loop.create_server(self._tracked(factory), sock=sock, ssl=tls)
            self._servers.append(server)
        self._pending.clear()  # the servers own the sockets now

    async def _shutdown(self) -> None:
        for server in self._servers:
            server.close()
        for session in list(self._sessions):
            for transport in (session.transport, getattr(session, "_original_transport", None)):
                if transport is not None:
                    transport.close()
        await asyncio.sleep(0)
        current = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()


def exchange_ehlo(
    greeted: str, peer_ip: str, size: int, responses: list[str], *, auth: bool
) -> list[str]:
    """An EHLO answer in Exchange Online's order: "Hello [ip]" first (relay.port25 reads the
    public IP there), then Exchange's extensions, with STARTTLS (and AUTH when `auth`) kept
    from aiosmtpd's own answer, `responses`, only when aiosmtpd offers them."""
    lines = [f"{greeted} Hello [{peer_ip}]", f"SIZE {size}", "PIPELINING", "DSN"]
    lines.append("ENHANCEDSTATUSCODES")
    for line in responses[1:]:
        keyword = line[4:].split(" ", 1)[0].upper()
        if keyword == "STARTTLS" or (keyword == "AUTH" and auth):
            lines.append(line[4:])
    lines += ["8BITMIME", "BINARYMIME", "CHUNKING", "SMTPUTF8"]
    return [f"250-{x}" for x in lines[:-1]] + [f"250 {lines[-1]}"]


class QuietSession(Session):
    """aiosmtpd logs a deprecation warning to stderr each time it sets login_data, which
    it does itself on every successful AUTH; the lab keeps quiet."""

    @property
    def login_data(self) -> Any:
        return self._login_data

    @login_data.setter
    def login_data(self, value: Any) -> None:
        self._login_data = value
