"""The demo responder's POP3 session, worded as the lab's Dovecot 2.3 (demo_imap.py's twin).

CAPA, STLS, USER/PASS, AUTH (PLAIN, LOGIN, XOAUTH2, OAUTHBEARER), STAT, LIST, UIDL, RETR,
TOP, DELE, RSET, NOOP, QUIT (deletions happen at QUIT, as RFC 1939 says). The mailbox is
INBOX, as Dovecot's POP3 serves it.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable

from assistant.lab.demo_mailstore import INBOX, MailStore, Message
from assistant.lab.demo_sasl import TOKEN_ERROR, Authenticator, Verdict, decode
from assistant.lab.demo_wire import Hostile, LineSocket
from assistant.lab.dovecot import POP_GREETING

MAX_BAD = 20
_CAPA = ("TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE")


class PopSession:
    def __init__(
        self,
        wire: LineSocket,
        auth: Authenticator,
        *,
        tls: ssl.SSLContext | None,
        secured: bool,
    ) -> None:
        self.wire = wire
        self.auth = auth
        self.store: MailStore = auth.store
        self.tls = tls
        self.secured = secured
        self.user: str | None = None
        self.pending_user: str | None = None
        self.messages: list[Message] = []
        self.deleted: set[int] = set()  # indexes into messages
        self.bad = 0

    def run(self) -> None:
        self.wire.line(f"+OK {POP_GREETING}")
        try:
            while True:
                line = self.wire.read_line()
                if line is None:
                    continue
                self.wire.counted()
                if not self.command(line.decode("utf-8", "replace")):
                    return
        except Hostile as error:
            self.wire.line(f"-ERR {error}")

    def err(self, text: str) -> None:
        self.bad += 1
        self.wire.line(f"-ERR {text}")
        if self.bad > MAX_BAD:
            raise Hostile("Too many bad commands.")

    def command(self, line: str) -> bool:
        name, _, rest = line.partition(" ")
        name = name.upper()
        if name == "QUIT":
            if self.user is not None and self.deleted:
                self.store.remove(self.user, INBOX, [self.messages[i] for i in self.deleted])
            self.wire.line("+OK Logging out." if self.user else "+OK Logging out")
            return False
        if name == "CAPA":
            self.capa()
        elif name == "NOOP":
            self.wire.line("+OK")
        elif self.user is None:
            self.before_sign_in(name, rest)
        elif name in _MAILBOX:
            _MAILBOX[name](self, rest)
        else:
            self.err("Unknown command.")
        return True

    def capa(self) -> None:
        lines = ["+OK", "CAPA", *_CAPA]
        if self.user is None:
            if self.secured:
                lines += ["USER", "SASL " + " ".join(self.auth.mechanisms())]
            else:
                lines += (["STLS"] if self.tls else []) + ["SASL"]
        lines.append(".")
        self.wire.send("".join(f"{x}\r\n" for x in lines).encode())

    # -- signing in ------------------------------------------------------------------------

    def before_sign_in(self, name: str, rest: str) -> None:
        if name == "STLS":
            if self.secured:
                self.err("TLS is already active.")
            elif self.tls is None:
                self.err("TLS support isn't enabled.")
            else:
                self.wire.line("+OK Begin TLS negotiation now.")
                self.wire.start_tls(self.tls)
                self.secured = True
        elif name in ("USER", "PASS", "AUTH") and not self.secured:
            why = (
                "disabled." if name == "AUTH" else "disallowed on non-secure (SSL/TLS) connections."
            )
            self.err(f"[AUTH] Plaintext authentication {why}")
        elif name == "USER":
            self.pending_user = rest
            self.wire.line("+OK")
        elif name == "PASS":
            if self.pending_user is None:
                self.err("No username given.")
                return
            user, self.pending_user = self.pending_user, None
            self.signed_in(self.auth.password(user, rest, "USER"))
        elif name == "AUTH":
            self.authenticate(rest)
        elif name in _MAILBOX:
            self.err("Unknown command.")  # Dovecot's answer before sign-in
        else:
            self.err("Unknown command.")

    def authenticate(self, rest: str) -> None:
        mechanism, _, initial = rest.partition(" ")
        mechanism = mechanism.upper()
        if not mechanism:
            self.wire.send(
                b"+OK\r\n" + "".join(f"{m}\r\n" for m in self.auth.mechanisms()).encode() + b".\r\n"
            )
            return
        if mechanism not in self.auth.mechanisms():
            self.err("Unsupported authentication mechanism.")
            return
        given = initial.encode() if initial else None
        if mechanism == "LOGIN":
            user = self.respond(b"VXNlcm5hbWU6", given)
            password = None if user is None else self.respond(b"UGFzc3dvcmQ6", None)
            if user is None or password is None:
                return
            verdict = self.auth.password(
                user.decode("utf-8", "replace"), password.decode("utf-8", "replace"), "LOGIN"
            )
        else:
            response = self.respond(b"", given)
            if response is None:
                return
            if mechanism == "PLAIN":
                verdict = self.auth.plain(response)
            else:
                verdict = self.auth.token(mechanism, response)
        if (
            verdict.user is None
            and verdict.token
            and self.respond(TOKEN_ERROR.encode(), None) is None
        ):
            return
        self.signed_in(verdict)

    def respond(self, challenge: bytes, given: bytes | None) -> bytes | None:
        if given is None:
            self.wire.send(b"+ " + challenge + b"\r\n")
            given = self.wire.read_line() or b""
        if given == b"*":
            self.err("Authentication aborted by client.")
            return None
        decoded = decode(given)
        if decoded is None:
            self.err("Invalid base64 data in continued response")
        return decoded

    def signed_in(self, verdict: Verdict) -> None:
        if verdict.user is None:
            self.err("[AUTH] Authentication failed.")
            return
        self.user = verdict.user
        self.messages = self.store.snapshot(verdict.user, INBOX)
        self.wire.line("+OK Logged in.")

    # -- the mailbox -------------------------------------------------------------------------

    def live(self) -> list[tuple[int, Message]]:
        return [(i + 1, m) for i, m in enumerate(self.messages) if i not in self.deleted]

    def pick(self, rest: str) -> tuple[int, Message] | None:
        word = rest.split(" ", 1)[0]
        if not word.isdigit() or len(word) > 9:
            self.err("Invalid message number.")
            return None
        number = int(word)
        if not 1 <= number <= len(self.messages) or number - 1 in self.deleted:
            self.err(f"There's no message {number}.")
            return None
        return number, self.messages[number - 1]

    def do_stat(self, _rest: str) -> None:
        live = self.live()
        self.wire.line(f"+OK {len(live)} {sum(m.size for _, m in live)}")

    def do_list(self, rest: str, uidl: bool = False) -> None:
        def value(message: Message) -> str:
            return str(message.uid if uidl else message.size)

        if rest.strip():
            picked = self.pick(rest)
            if picked is not None:
                self.wire.line(f"+OK {picked[0]} {value(picked[1])}")
            return
        lines = ["+OK", *(f"{n} {value(m)}" for n, m in self.live()), "."]
        self.wire.send("".join(f"{x}\r\n" for x in lines).encode())

    def do_uidl(self, rest: str) -> None:
        self.do_list(rest, uidl=True)

    def do_retr(self, rest: str, top: int | None = None) -> None:
        picked = self.pick(rest)
        if picked is None:
            return
        data = picked[1].data
        if top is not None:
            header, _, body = data.partition(b"\r\n\r\n")
            data = header + b"\r\n\r\n" + b"\r\n".join(body.split(b"\r\n")[:top])
        stuffed = b"\r\n".join(b"." + x if x.startswith(b".") else x for x in data.split(b"\r\n"))
        self.wire.send(b"+OK %d octets\r\n" % len(data) + stuffed.rstrip(b"\r\n") + b"\r\n.\r\n")

    def do_top(self, rest: str) -> None:
        words = rest.split()
        if len(words) != 2 or not words[1].isdigit() or len(words[1]) > 9:
            self.err("Invalid arguments.")
            return
        self.do_retr(words[0], top=int(words[1]))

    def do_dele(self, rest: str) -> None:
        picked = self.pick(rest)
        if picked is not None:
            self.deleted.add(picked[0] - 1)
            self.wire.line("+OK Marked to be deleted.")

    def do_rset(self, _rest: str) -> None:
        self.deleted.clear()
        self.wire.line("+OK")


_MAILBOX: dict[str, Callable[[PopSession, str], None]] = {
    "STAT": PopSession.do_stat,
    "LIST": PopSession.do_list,
    "UIDL": PopSession.do_uidl,
    "RETR": PopSession.do_retr,
    "TOP": PopSession.do_top,
    "DELE": PopSession.do_dele,
    "RSET": PopSession.do_rset,
}
