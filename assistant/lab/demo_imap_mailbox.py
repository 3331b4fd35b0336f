"""The signed-in half of the demo responder's IMAP session (demo_imap.py): SELECT and
EXAMINE, LIST, STATUS, NAMESPACE, ENABLE, CLOSE, UNSELECT, CHECK, and on a selected
mailbox [UID] FETCH, [UID] SEARCH, [UID] STORE, EXPUNGE / UID EXPUNGE and IDLE, worded
as Dovecot 2.3 words them. New mail shows up as `* n EXISTS` before each OK and during
IDLE (polled every demo_wire.POLL seconds)."""

from __future__ import annotations

import time

from assistant.lab.demo_imap_fetch import FetchError, fetch_items, search
from assistant.lab.demo_imap_parse import Atom, BadCommand, Token, sequence_set
from assistant.lab.demo_mailstore import INBOX, UID_VALIDITY, MailStore, Message
from assistant.lab.demo_wire import Hostile, LineSocket
from assistant.lab.dovecot import JUNK_FOLDER

IDLE_MAX = 1800.0  # Dovecot, too, ends an IDLE after about half an hour


class MailboxCommands:
    """Mixed into ImapSession, which sets these."""

    wire: LineSocket
    store: MailStore
    user: str | None
    folder: str | None
    readonly: bool
    view: list[Message]

    def ok(self, tag: str, text: str) -> None:
        if self.folder is not None:
            self.refresh()
        self.wire.line(f"{tag} OK {text}")

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
