"""The demo responder's IMAP4rev1 session: what the assistant's checks ask of Dovecot.

Sign-in (CAPABILITY, STARTTLS, LOGIN, AUTHENTICATE PLAIN/LOGIN/XOAUTH2/OAUTHBEARER with
SASL-IR), then SELECT/EXAMINE, LIST, STATUS, [UID] SEARCH, [UID] FETCH, [UID] STORE,
EXPUNGE / UID EXPUNGE, IDLE, CLOSE, UNSELECT, NOOP, LOGOUT. Replies are worded as Dovecot
2.3's (the lab's real server), so the checks reach the same verdicts with either.
Not supported: APPEND, COPY/MOVE, CREATE/DELETE/RENAME, SORT/THREAD, ESEARCH, BODYSTRUCTURE
and ENVELOPE (answered BAD).
"""

from __future__ import annotations

import ssl

from assistant.lab.demo_imap_mailbox import MailboxCommands
from assistant.lab.demo_imap_parse import (
    Atom,
    BadCommand,
    Token,
    read_command,
    tokenize,
)
from assistant.lab.demo_mailstore import MailStore, Message
from assistant.lab.demo_sasl import TOKEN_ERROR, Authenticator, Verdict, decode
from assistant.lab.demo_wire import IDLE_LIMIT, Hostile, LineSocket
from assistant.lab.dovecot import IMAP_GREETING

PRE_LOGIN = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+"
POST_LOGIN = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
    "THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN "
    "NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES "
    "WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW "
    "STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE"
)
MAX_BAD = 20
PLAINTEXT_ALERT = (
    "* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did "
    "it anyway. If anyone was listening, the password was exposed."
)
FAILED = "NO [AUTHENTICATIONFAILED] Authentication failed."


class ImapSession(MailboxCommands):
    def __init__(
        self,
        wire: LineSocket,
        auth: Authenticator,
        *,
        tls: ssl.SSLContext | None,
        secured: bool,
    ) -> None:
        """`tls`: the context STARTTLS would use (None: no STARTTLS, as on the no-TLS
        listener); `secured`: TLS from the start (the implicit-TLS listener)."""
        self.wire = wire
        self.auth = auth
        self.store: MailStore = auth.store
        self.tls = tls
        self.secured = secured
        self.user: str | None = None
        self.folder: str | None = None
        self.readonly = True
        self.view: list[Message] = []
        self.bad = 0

    # -- the conversation -----------------------------------------------------------------

    def run(self) -> None:
        self.wire.line(f"* OK [CAPABILITY {self.capabilities()}] {IMAP_GREETING}")
        try:
            while True:
                pieces = read_command(self.wire, wait=IDLE_LIMIT)
                if pieces is None:
                    continue
                self.wire.counted()
                try:
                    tokens = tokenize(pieces)
                    if not self.command(tokens):
                        return
                except BadCommand as error:
                    self.bad += 1
                    tag = _safe_tag(pieces)
                    self.wire.line(f"{tag} BAD Error in IMAP command: {error}")
                    if self.bad > MAX_BAD:
                        raise Hostile("Too many invalid IMAP commands.") from None
        except Hostile as error:
            self.wire.line(f"* BYE {error}")

    def capabilities(self) -> str:
        if self.user is not None:
            return POST_LOGIN
        if self.secured:
            mechanisms = " ".join(f"AUTH={m}" for m in self.auth.mechanisms())
            return f"{PRE_LOGIN} {mechanisms}"
        return f"{PRE_LOGIN} STARTTLS LOGINDISABLED" if self.tls else f"{PRE_LOGIN} LOGINDISABLED"

    def command(self, tokens: list[Token]) -> bool:
        """Answer one command; False when the session ends (LOGOUT)."""
        if len(tokens) < 2 or not isinstance(tokens[0], Atom) or not isinstance(tokens[1], Atom):
            raise BadCommand("Unknown command.")
        tag, name, args = str(tokens[0]), tokens[1].upper(), tokens[2:]
        if name == "UID" and args and isinstance(args[0], Atom):
            name, args = f"UID {args[0].upper()}", args[1:]
        if name == "LOGOUT":
            self.wire.line("* BYE Logging out")
            self.wire.line(f"{tag} OK Logout completed.")
            return False
        handler = _ANY.get(name) or (_AUTHED if self.user else _NOT_AUTHED).get(name)
        if handler is None:
            if name in _AUTHED or name in _NOT_AUTHED:
                self.wire.line(f"{tag} BAD Command not allowed in this state.")
            else:
                raise BadCommand("Unknown command.")
            return True
        if name in _NEEDS_MAILBOX and self.folder is None:
            self.wire.line(f"{tag} BAD No mailbox selected.")
            return True
        handler(self, tag, args)
        return True

    # -- any state -----------------------------------------------------------------------

    def do_capability(self, tag: str, _args: list[Token]) -> None:
        self.wire.line(f"* CAPABILITY {self.capabilities()}")
        self.ok(tag, "Capability completed.")

    def do_noop(self, tag: str, _args: list[Token]) -> None:
        self.ok(tag, "NOOP completed.")

    def do_id(self, tag: str, _args: list[Token]) -> None:
        self.wire.line('* ID ("name" "Connectivity Assistant demo responder")')
        self.ok(tag, "ID completed.")

    # -- not signed in -------------------------------------------------------------------

    def do_starttls(self, tag: str, _args: list[Token]) -> None:
        if self.secured:
            self.wire.line(f"{tag} BAD TLS is already active.")
        elif self.tls is None:
            self.wire.line(f"{tag} BAD TLS support isn't enabled.")
        else:
            self.wire.line(f"{tag} OK Begin TLS negotiation now.")
            self.wire.start_tls(self.tls)
            self.secured = True

    def do_login(self, tag: str, args: list[Token]) -> None:
        if not self.secured:
            self.wire.line(PLAINTEXT_ALERT)
            self.wire.line(
                f"{tag} NO [PRIVACYREQUIRED] Plaintext authentication disallowed on "
                "non-secure (SSL/TLS) connections."
            )
            return
        if len(args) != 2 or isinstance(args[0], list) or isinstance(args[1], list):
            raise BadCommand("LOGIN needs a user name and a password.")
        self.signed_in(tag, self.auth.password(str(args[0]), str(args[1]), "LOGIN"))

    def do_authenticate(self, tag: str, args: list[Token]) -> None:
        if not args or not isinstance(args[0], Atom):
            raise BadCommand("AUTHENTICATE needs a mechanism.")
        mechanism = args[0].upper()
        if mechanism not in self.auth.mechanisms():
            self.wire.line(f"{tag} NO Unsupported authentication mechanism.")
            return
        if not self.secured:
            self.wire.line(f"{tag} NO [PRIVACYREQUIRED] Plaintext authentication disabled.")
            return
        initial = str(args[1]).encode() if len(args) > 1 else None
        if mechanism == "LOGIN":
            user = self.respond(tag, b"VXNlcm5hbWU6", initial)
            password = None if user is None else self.respond(tag, b"UGFzc3dvcmQ6", None)
            if user is None or password is None:
                return
            verdict = self.auth.password(
                user.decode("utf-8", "replace"), password.decode("utf-8", "replace"), "LOGIN"
            )
        else:
            response = self.respond(tag, b"", initial)
            if response is None:
                return
            if mechanism == "PLAIN":
                verdict = self.auth.plain(response)
            else:
                verdict = self.auth.token(mechanism, response)
        # A refused token: Dovecot's error challenge, answered (empty) before the NO.
        refused_token = verdict.user is None and verdict.token
        if refused_token and self.respond(tag, TOKEN_ERROR.encode(), None) is None:
            return
        self.signed_in(tag, verdict)

    def respond(self, tag: str, challenge: bytes, given: bytes | None) -> bytes | None:
        """The client's answer to a challenge (or the SASL-IR one); None once answered."""
        if given is None:
            self.wire.send(b"+ " + challenge + b"\r\n")
            given = self.wire.read_line() or b""
        if given == b"*":
            self.wire.line(f"{tag} BAD Authentication aborted by client.")
            return None
        decoded = decode(given)
        if decoded is None:
            self.wire.line(f"{tag} BAD Invalid base64 data in continued response")
        return decoded

    def signed_in(self, tag: str, verdict: Verdict) -> None:
        if verdict.user is None:
            self.wire.line(f"{tag} {FAILED}")
            return
        self.user = verdict.user
        self.wire.line(f"* CAPABILITY {POST_LOGIN}")
        self.wire.line(f"{tag} OK Logged in")


def _safe_tag(pieces: list[tuple[bool, bytes]]) -> str:
    first = pieces[0][1].split(b" ", 1)[0][:64] if pieces else b""
    return first.decode("ascii", "replace") or "*"


_ANY = {
    "CAPABILITY": ImapSession.do_capability,
    "NOOP": ImapSession.do_noop,
    "ID": ImapSession.do_id,
}
_NOT_AUTHED = {
    "STARTTLS": ImapSession.do_starttls,
    "LOGIN": ImapSession.do_login,
    "AUTHENTICATE": ImapSession.do_authenticate,
}
_AUTHED = {
    "SELECT": ImapSession.do_select,
    "EXAMINE": ImapSession.do_examine,
    "LIST": ImapSession.do_list,
    "LSUB": ImapSession.do_list,
    "STATUS": ImapSession.do_status,
    "NAMESPACE": ImapSession.do_namespace,
    "ENABLE": ImapSession.do_enable,
    "CLOSE": ImapSession.do_close,
    "UNSELECT": ImapSession.do_unselect,
    "CHECK": ImapSession.do_check,
    "FETCH": ImapSession.do_fetch,
    "UID FETCH": ImapSession.do_uid_fetch,
    "SEARCH": ImapSession.do_search,
    "UID SEARCH": ImapSession.do_uid_search,
    "STORE": ImapSession.do_store,
    "UID STORE": ImapSession.do_uid_store,
    "EXPUNGE": ImapSession.do_expunge,
    "UID EXPUNGE": ImapSession.do_uid_expunge,
    "IDLE": ImapSession.do_idle,
}
_NEEDS_MAILBOX = frozenset(
    {
        "CLOSE",
        "UNSELECT",
        "CHECK",
        "FETCH",
        "UID FETCH",
        "SEARCH",
        "UID SEARCH",
        "STORE",
        "UID STORE",
        "EXPUNGE",
        "UID EXPUNGE",
    }
)
