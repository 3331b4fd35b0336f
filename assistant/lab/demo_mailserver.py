"""IMAP and POP3 for the demo where Dovecot is not installed: the built-in demo responder.

The lab's mail server is real Dovecot (dovecot.py) whenever it is installed, and always
in CI; this responder stands in only where it is not (every Windows and macOS machine,
most Linux desktops), so the packaged demo still shows IMAP and POP. `choose()` says
which one the lab uses:

    CA_LAB_MAIL=dovecot   real Dovecot (the lab fails to start when it is missing)
    CA_LAB_MAIL=builtin   this responder, even where Dovecot is installed
    unset (or "auto")     Dovecot when DOVECOT is installed, else this responder; with
                          CI=true always Dovecot, so tests never quietly lose it

It serves what LabDovecot serves, from the same users, certificates and greetings:
implicit TLS (IMAPS, POP3S), STARTTLS with LOGINDISABLED before TLS, and a listener of
each without TLS (no STARTTLS: the no-starttls scenario); the certificate follows SNI.
All listeners are on 127.0.0.1, each on its own port (127.0.0.2 and .3, where Dovecot
listens, do not exist on macOS). Mail the lab delivers goes straight into its store
(delivery.py's `store`), so relay round trips work too. One thread per connection, at
most MAX_SESSIONS at once; every session is bounded (demo_wire.py).
"""

from __future__ import annotations

import collections
import os
import socket
import ssl
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from assistant.config import HostPort
from assistant.lab.demo_imap import ImapSession
from assistant.lab.demo_mailstore import MailStore
from assistant.lab.demo_pop import PopSession
from assistant.lab.demo_sasl import Authenticator
from assistant.lab.demo_wire import Closed, LineSocket
from assistant.lab.dovecot import DOVECOT, TLS_ADDRESS
from assistant.lab.identity.validator import LabTokenValidator
from assistant.lab.pki import CertVariant, LabPKI

ENV = "CA_LAB_MAIL"
MAX_SESSIONS = 64
ACCEPT_POLL = 0.2
# The keys of `listeners()` (LabDovecot has the same ones).
LISTENERS = ("imaps", "imap", "imap-no-tls", "pop3s", "pop3", "pop3-no-tls")


@dataclass(frozen=True)
class MailChoice:
    builtin: bool
    note: str  # for the demo's output: which server plays IMAP and POP, and why


def dovecot_installed() -> bool:
    return os.access(DOVECOT, os.X_OK)


def choose(environ: Mapping[str, str] | None = None) -> MailChoice:
    env = os.environ if environ is None else environ
    wanted = env.get(ENV, "").strip().lower() or "auto"
    if wanted == "builtin":
        return MailChoice(True, f"IMAP/POP: built-in demo responder ({ENV}=builtin)")
    if wanted == "dovecot":
        return MailChoice(False, f"IMAP/POP: Dovecot ({ENV}=dovecot)")
    if wanted != "auto":
        raise RuntimeError(f"{ENV} must be builtin, dovecot or auto, not {wanted!r}")
    if dovecot_installed():
        return MailChoice(False, "IMAP/POP: Dovecot")
    if env.get("CI", "").lower() == "true":
        # CI keeps the real server: LabDovecot.start() then says what to install.
        return MailChoice(False, "IMAP/POP: Dovecot (CI=true; the built-in responder is opt-in)")
    return MailChoice(True, "IMAP/POP: built-in demo responder (Dovecot not installed)")


class BuiltinMail:
    """LabDovecot's stand-in: start(), stop(), listeners(), log_text(), and `store`."""

    def __init__(
        self,
        pki: LabPKI,
        users: Mapping[str, str],
        *,
        hostnames: Sequence[str],
        sni: Mapping[str, CertVariant] | None = None,
        bearer: LabTokenValidator | None = None,
    ) -> None:
        self.store = MailStore(users)
        self._bearer = bearer
        self._context = pki.server_context(hostnames)
        variants = {n.lower(): pki.server_context([n], v) for n, v in (sni or {}).items()}
        self._context.sni_callback = _by_name(variants)
        self._sockets = {name: _listen() for name in LISTENERS}
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._slots = threading.BoundedSemaphore(MAX_SESSIONS)
        self._log: collections.deque[str] = collections.deque(maxlen=500)

    def listeners(self) -> dict[str, HostPort]:
        return {
            name: HostPort(TLS_ADDRESS, int(s.getsockname()[1]))
            for name, s in self._sockets.items()
        }

    def log_text(self) -> str:
        return "".join(f"{line}\n" for line in list(self._log))

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> BuiltinMail:
        for name, sock in self._sockets.items():
            sock.listen(16)
            thread = threading.Thread(
                target=self._accept, args=(name, sock), name=f"demo-{name}", daemon=True
            )
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=2)
        self._threads.clear()
        for sock in self._sockets.values():
            sock.close()

    def __enter__(self) -> BuiltinMail:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- connections -----------------------------------------------------------------------

    def _accept(self, name: str, listener: socket.socket) -> None:
        listener.settimeout(ACCEPT_POLL)
        while not self._stopping.is_set():
            try:
                conn, _peer = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self._slots.acquire(blocking=False):
                conn.close()  # too many at once: this one is turned away, not the server
                continue
            threading.Thread(
                target=self._serve, args=(name, conn), name=f"demo-{name}-session", daemon=True
            ).start()

    def _serve(self, name: str, conn: socket.socket) -> None:
        wire = LineSocket(conn, self._stopping)
        protocol = "imap" if name.startswith("imap") else "pop"
        implicit = name in ("imaps", "pop3s")
        try:
            if implicit:
                wire.start_tls(self._context)
            session_type: Callable[..., ImapSession | PopSession]
            session_type = ImapSession if protocol == "imap" else PopSession
            session = session_type(
                wire,
                Authenticator(self.store, self._bearer, protocol, self._log.append),
                tls=None if name.endswith("no-tls") else self._context,
                secured=implicit,
            )
            session.run()
            self._log.append(f"{name}: session ended ({wire.commands} commands)")
        except Closed as error:
            self._log.append(f"{name}: {error}")
        except Exception as error:  # one session's bug must not stop the lab
            self._log.append(f"{name}: session failed: {error!r}")
        finally:
            wire.close()
            self._slots.release()


def _listen() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((TLS_ADDRESS, 0))
    return sock


def _by_name(
    contexts: Mapping[str, ssl.SSLContext],
) -> Callable[[ssl.SSLObject, str | None, ssl.SSLContext], None]:
    """The certificate follows the name asked for, as Dovecot's local_name blocks do."""

    def pick(connection: ssl.SSLObject, name: str | None, _default: ssl.SSLContext) -> None:
        chosen = contexts.get((name or "").lower())
        if chosen is not None:
            connection.context = chosen

    return pick
