"""The built-in demo responder's mailboxes: what Dovecot keeps in Maildirs, in memory.

Only for the demo on a machine without Dovecot (demo_mailserver.py says when). Each
mailbox has INBOX (with the same welcome message Dovecot's is seeded with) and Junk;
`deliver()` files mail as Dovecot's LMTP does (a `+Junk` detail goes to Junk, an
unknown recipient is refused) and adds the Return-Path, Delivered-To and Received
headers Dovecot's LMTP adds, so a relay round trip reads the same hops.
"""

from __future__ import annotations

import email.utils
import itertools
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.lab.delivery import CLIENT_NAME, DeliveryError
from assistant.lab.dovecot import JUNK_FOLDER, LMTP_HOSTNAME, RECIPIENT_DELIMITER, SEED_MESSAGE

INBOX = "INBOX"
FOLDERS = (INBOX, JUNK_FOLDER)
MAX_MESSAGE_BYTES = 10 * 1024 * 1024  # a demo mailbox takes test messages, not archives
MAX_MESSAGES = 1000  # per folder; the oldest is dropped beyond it
SEED_DATE = 1795770000.0  # the seed's Maildir time stamp in dovecot.py
UID_VALIDITY = 1796000000


@dataclass(eq=False)  # identity: a session's view and the store share the objects
class Message:
    uid: int
    data: bytes
    internal_date: float
    flags: set[str] = field(default_factory=set)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class Folder:
    name: str
    messages: list[Message] = field(default_factory=list)
    next_uid: int = 1

    def add(self, data: bytes, when: float, flags: Sequence[str] = ()) -> Message:
        message = Message(self.next_uid, data, when, set(flags))
        self.next_uid += 1
        self.messages.append(message)
        del self.messages[:-MAX_MESSAGES]
        return message


def _crlf(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


class MailStore:
    """Every lab mailbox, shared by the IMAP and POP sessions and the lab's delivery."""

    def __init__(self, users: Mapping[str, str]) -> None:
        self.passwords = {u.lower(): p for u, p in users.items()}
        self._names = {u.lower(): u for u in users}
        self._folders: dict[str, dict[str, Folder]] = {}
        self._ids = itertools.count(1)
        # Notified on every change: an IDLE session waits on it.
        self.changed = threading.Condition()
        for user in users:
            folders = {name: Folder(name) for name in FOLDERS}
            seed = SEED_MESSAGE.format(user=user)
            folders[INBOX].add(_crlf(seed), SEED_DATE, ("\\Seen",))
            self._folders[user.lower()] = folders

    # -- sign-in -------------------------------------------------------------------------

    def check_password(self, user: str, password: str) -> str | None:
        """The mailbox's name when `password` is its password, else None."""
        expected = self.passwords.get(user.lower())
        if expected is None or expected != password:
            return None
        return self._names[user.lower()]

    def exists(self, user: str) -> bool:
        return user.lower() in self._folders

    def mailbox(self, user: str) -> str | None:
        """The mailbox's name as configured (a token names it in any case)."""
        return self._names.get(user.lower())

    # -- reading -------------------------------------------------------------------------

    def folder(self, user: str, name: str) -> Folder | None:
        folders = self._folders.get(user.lower(), {})
        if name.upper() == INBOX:
            return folders.get(INBOX)
        return folders.get(name)

    def folder_names(self, user: str) -> list[str]:
        return list(self._folders.get(user.lower(), {}))

    def snapshot(self, user: str, name: str) -> list[Message]:
        """The folder's messages now (a copy of the list; the messages are shared)."""
        with self.changed:
            folder = self.folder(user, name)
            return list(folder.messages) if folder is not None else []

    def expunge(self, user: str, name: str, uids: set[int] | None = None) -> list[int]:
        """Remove \\Deleted messages (only those in `uids` when given); their sequence
        numbers as IMAP reports them (each after the ones before it are gone)."""
        with self.changed:
            folder = self.folder(user, name)
            if folder is None:
                return []
            gone: list[int] = []
            kept: list[Message] = []
            for message in folder.messages:
                doomed = "\\Deleted" in message.flags and (uids is None or message.uid in uids)
                if doomed:
                    gone.append(len(kept) + 1)
                else:
                    kept.append(message)
            folder.messages = kept
            self.changed.notify_all()
            return gone

    def remove(self, user: str, name: str, messages: Sequence[Message]) -> None:
        """POP's deletions at QUIT."""
        with self.changed:
            folder = self.folder(user, name)
            if folder is not None:
                ids = {id(m) for m in messages}
                folder.messages = [m for m in folder.messages if id(m) not in ids]
            self.changed.notify_all()

    # -- delivery ------------------------------------------------------------------------

    def deliver(
        self, mail_from: str, rcpt_tos: Sequence[str], data: bytes, *, junk: bool = False
    ) -> None:
        """As Dovecot's LMTP: each recipient's copy gets its own headers."""
        if len(data) > MAX_MESSAGE_BYTES:
            raise DeliveryError(f"lmtp refused: 552 5.3.4 the message is over {MAX_MESSAGE_BYTES}")
        targets = []
        for rcpt in rcpt_tos:
            local, at, domain = rcpt.strip("<>").rpartition("@")
            base, _, detail = local.partition(RECIPIENT_DELIMITER)
            user = f"{base}{at}{domain}"
            if not self.exists(user):
                raise DeliveryError(f"lmtp refused {rcpt}: 550 5.1.1 <{rcpt}> User doesn't exist")
            into = JUNK_FOLDER if junk or detail == JUNK_FOLDER else INBOX
            targets.append((rcpt, user, into))
        now = time.time()
        with self.changed:
            for rcpt, user, into in targets:
                folder = self.folder(user, into)
                assert folder is not None  # every mailbox has both folders
                folder.add(self._headers(mail_from, rcpt, user, now) + data, now)
            self.changed.notify_all()

    def _headers(self, mail_from: str, rcpt: str, user: str, now: float) -> bytes:
        stamp = email.utils.formatdate(now, usegmt=False).replace("-0000", "+0000")
        ident = f"{next(self._ids):08x}DEMO"
        return _crlf(
            f"Return-Path: <{mail_from}>\n"
            f"Delivered-To: {user}\n"
            f"Received: from {CLIENT_NAME} ([127.0.0.1])\n"
            f"\tby {LMTP_HOSTNAME} with LMTP\n"
            f"\tid {ident}\n"
            f"\t(envelope-from <{mail_from}>)\n"
            f"\tfor <{rcpt}>; {stamp}\n"
        )
