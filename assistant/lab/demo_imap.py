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
import time

from assistant.lab.demo_imap_fetch import FetchError, fetch_items, search
from assistant.lab.demo_imap_parse import (
    Atom,
    BadCommand,
    Token,
    read_command,
    sequence_set,
    tokenize,
)
from assistant.lab.demo_mailstore import FOLDERS, INBOX, UID_VALIDITY, MailStore, Message
from assistant.lab.demo_sasl import TOKEN_ERROR, Authenticator, Verdict, decode
from assistant.lab.demo_wire import IDLE_LIMIT, Hostile, LineSocket
from assistant.lab.dovecot import IMAP_GREETING, JUNK_FOLDER

PRE_LOGIN = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+"
POST_LOGIN = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
    "THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN "
    "NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES "
    "WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW "
    "STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE"
)
IDLE_MAX = 1800.0  # Dovecot, too, ends an IDLE after about half an hour
MAX_BAD = 20
PLAINTEXT_ALERT = (
    "* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did "
    "it anyway. If anyone was listening, the password was exposed."
)
FAILED = "NO [AUTHENTICATIONFAILED] Authentication failed."


class ImapSession:
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

    def ok(self, tag: str, text: str) -> None:
        if self.folder is not None:
            self.refresh()
        self.wire.line(f"{tag} OK {text}")

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

    # -- signed in ------------------------------------------------------------------------

    def do_select(self, tag: str, args: list[Token], readonly: bool = False) -> None:
        name = str(args[0]) if args else ""
        assert self.user is not None
        if self.store.folder(self.user, name) is None:
            self.folder = None
            self.wire.line(f"{tag} NO Mailbox doesn't exist: {name}")
            return
        self.folder, self.readonly = (INBOX if name.upper() == INBOX else name), readonly
        self.view = self.store.snapshot(self.user, self.folder)
        permanent = "" if readonly else "\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*"
        self.wire.line("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
        self.wire.line(f"* OK [PERMANENTFLAGS ({permanent})] Flags permitted.")
        self.wire.line(f"* {len(self.view)} EXISTS")
        self.wire.line("* 0 RECENT")
        self.wire.line(f"* OK [UIDVALIDITY {UID_VALIDITY}] UIDs valid")
        self.wire.line(f"* OK [UIDNEXT {self.next_uid()}] Predicted next UID")
        mode = "READ-ONLY" if readonly else "READ-WRITE"
        verb = "Examine" if readonly else "Select"
        self.ok(tag, f"[{mode}] {verb} completed.")

    def do_examine(self, tag: str, args: list[Token]) -> None:
        self.do_select(tag, args, readonly=True)

    def next_uid(self) -> int:
        assert self.user is not None and self.folder is not None
        folder = self.store.folder(self.user, self.folder)
        return folder.next_uid if folder is not None else 1

    def do_list(self, tag: str, args: list[Token]) -> None:
        assert self.user is not None
        pattern = str(args[1]) if len(args) > 1 else ""
        if pattern == "":
            self.wire.line('* LIST (\\Noselect) "." ""')
        for name in self.store.folder_names(self.user):
            if _matches(pattern, name):
                special = " \\Junk" if name == JUNK_FOLDER else ""
                self.wire.line(f'* LIST (\\HasNoChildren{special}) "." {name}')
        self.ok(tag, "List completed.")

    def do_status(self, tag: str, args: list[Token]) -> None:
        assert self.user is not None
        name = str(args[0]) if args else ""
        if self.store.folder(self.user, name) is None:
            self.wire.line(f"{tag} NO Mailbox doesn't exist: {name}")
            return
        messages = self.store.snapshot(self.user, name)
        folder = self.store.folder(self.user, name)
        values = {
            "MESSAGES": len(messages),
            "RECENT": 0,
            "UIDNEXT": folder.next_uid if folder else 1,
            "UIDVALIDITY": UID_VALIDITY,
            "UNSEEN": sum(1 for m in messages if "\\Seen" not in m.flags),
        }
        wanted = args[1] if len(args) > 1 and isinstance(args[1], list) else []
        items = " ".join(
            f"{w.upper()} {values[w.upper()]}" for w in map(str, wanted) if w.upper() in values
        )
        self.wire.line(f'* STATUS "{name}" ({items})')
        self.ok(tag, "Status completed.")

    def do_namespace(self, tag: str, _args: list[Token]) -> None:
        self.wire.line('* NAMESPACE (("" ".")) NIL NIL')
        self.ok(tag, "Namespace completed.")

    def do_enable(self, tag: str, _args: list[Token]) -> None:
        self.wire.line("* ENABLED")
        self.ok(tag, "Enabled.")

    def do_close(self, tag: str, _args: list[Token], expunge: bool = True) -> None:
        if expunge and not self.readonly and self.user and self.folder:
            self.store.expunge(self.user, self.folder)
        self.folder, self.view = None, []
        self.wire.line(f"{tag} OK Close completed.")

    def do_unselect(self, tag: str, args: list[Token]) -> None:
        self.do_close(tag, args, expunge=False)

    def do_check(self, tag: str, _args: list[Token]) -> None:
        self.ok(tag, "Check completed.")

    # -- a selected mailbox ----------------------------------------------------------------

    def refresh(self) -> None:
        """New mail since the client last heard: * n EXISTS (as Dovecot says it)."""
        if self.user is None or self.folder is None:
            return
        known = max((m.uid for m in self.view), default=0)
        fresh = [m for m in self.store.snapshot(self.user, self.folder) if m.uid > known]
        if fresh:
            self.view += fresh
            self.wire.line(f"* {len(self.view)} EXISTS")

    def chosen(self, text: str, by_uid: bool) -> list[tuple[int, Message]]:
        """(sequence number, message) for a sequence or UID set."""
        largest = max((m.uid for m in self.view), default=0) if by_uid else len(self.view)
        wanted = sequence_set(text, largest)
        return [(i, m) for i, m in enumerate(self.view, 1) if (m.uid if by_uid else i) in wanted]

    def do_fetch(self, tag: str, args: list[Token], by_uid: bool = False) -> None:
        if len(args) < 2:
            raise BadCommand("FETCH needs a set and items.")
        items = args[1] if isinstance(args[1], list) else [args[1]]
        for seq, message in self.chosen(str(args[0]), by_uid):
            try:
                data = fetch_items(message, items, by_uid, peek_only=self.readonly)
            except FetchError as error:
                raise BadCommand(str(error)) from None
            self.wire.send(f"* {seq} FETCH (".encode() + data + b")\r\n")
        self.ok(tag, "Fetch completed.")

    def do_uid_fetch(self, tag: str, args: list[Token]) -> None:
        self.do_fetch(tag, args, by_uid=True)

    def do_search(self, tag: str, args: list[Token], by_uid: bool = False) -> None:
        if args and isinstance(args[0], Atom) and args[0].upper() == "CHARSET":
            args = args[2:]
        try:
            found = search(self.view, args)
        except FetchError as error:
            raise BadCommand(str(error)) from None
        numbers = [m.uid if by_uid else i for i, m in enumerate(self.view, 1) if m in found]
        self.wire.line(" ".join(["* SEARCH", *map(str, numbers)]))
        self.ok(tag, "Search completed.")

    def do_uid_search(self, tag: str, args: list[Token]) -> None:
        self.do_search(tag, args, by_uid=True)

    def do_store(self, tag: str, args: list[Token], by_uid: bool = False) -> None:
        if self.readonly:
            self.wire.line(f"{tag} NO Mailbox is read-only.")
            return
        if len(args) < 3 or not isinstance(args[1], Atom):
            raise BadCommand("STORE needs a set, an action and flags.")
        action = args[1].upper()
        flags = args[2] if isinstance(args[2], list) else args[2:]
        names = {str(f) for f in flags}
        silent = action.endswith(".SILENT")
        for seq, message in self.chosen(str(args[0]), by_uid):
            if action.startswith("+"):
                message.flags |= names
            elif action.startswith("-"):
                message.flags -= names
            else:
                message.flags = set(names)
            if not silent:
                uid = f"UID {message.uid} " if by_uid else ""
                self.wire.line(f"* {seq} FETCH ({uid}FLAGS ({' '.join(sorted(message.flags))}))")
        self.ok(tag, "Store completed.")

    def do_uid_store(self, tag: str, args: list[Token]) -> None:
        self.do_store(tag, args, by_uid=True)

    def do_expunge(self, tag: str, args: list[Token], by_uid: bool = False) -> None:
        if self.readonly:
            self.wire.line(f"{tag} NO Mailbox is read-only.")
            return
        assert self.user is not None and self.folder is not None
        uids = {m.uid for _, m in self.chosen(str(args[0]), True)} if by_uid and args else None
        doomed = [
            m for m in self.view if "\\Deleted" in m.flags and (uids is None or m.uid in uids)
        ]
        self.store.expunge(self.user, self.folder, uids)
        for message in doomed:
            self.wire.line(f"* {self.view.index(message) + 1} EXPUNGE")
            self.view.remove(message)
        self.ok(tag, "Expunge completed.")

    def do_uid_expunge(self, tag: str, args: list[Token]) -> None:
        self.do_expunge(tag, args, by_uid=True)

    def do_idle(self, tag: str, _args: list[Token]) -> None:
        self.wire.line("+ idling")
        until = time.monotonic() + IDLE_MAX
        while time.monotonic() < until:
            line = self.wire.read_line(wait=None)
            if line is None:
                self.refresh()
                continue
            if line.strip().upper() == b"DONE":
                self.ok(tag, "Idle completed.")
            else:
                self.wire.line(f"{tag} BAD Expected DONE.")
            return
        self.wire.line("* BYE Disconnected for inactivity.")
        raise Hostile("IDLE for too long.")


def _matches(pattern: str, name: str) -> bool:
    if pattern in ("*", "%"):
        return True
    return pattern.upper() == name.upper() or (
        pattern.endswith(("*", "%")) and name.upper().startswith(pattern[:-1].upper())
    )


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
__all__ = ["FOLDERS", "ImapSession"]
