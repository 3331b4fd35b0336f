"""The lab's EWS mailbox directory: who may sign in, and what their mailbox holds.

Every mailbox signs in with its email address and LAB_PASSWORD unless it says
otherwise. Two carry EWS faults: noews@contoso.test (EWS turned off: HTTP 403) and
blocked@contoso.test (an access policy: SOAP ErrorAccessDenied).
"""

from __future__ import annotations

import base64
import enum
import hashlib
from dataclasses import dataclass

LAB_PASSWORD = "Lab-Passw0rd!"  # noqa: S105 - the lab's published test password


class EwsAccess(enum.Enum):
    ENABLED = "enabled"
    DISABLED = "disabled"  # EwsEnabled $false (mailbox or tenant): HTTP 403
    APP_BLOCKED = "app_blocked"  # an access policy: SOAP ErrorAccessDenied


@dataclass(frozen=True)
class Meeting:
    start_hour: int  # UTC, every day
    end_hour: int
    busy_type: str = "Busy"  # Free, Tentative, Busy, OOF
    subject: str = "Meeting"


@dataclass(frozen=True)
class LabMailbox:
    address: str
    display_name: str
    password: str = LAB_PASSWORD
    inbox_total: int = 0
    inbox_unread: int = 0
    oof_state: str = "Disabled"  # Enabled, Disabled, Scheduled
    oof_internal: str = ""
    oof_external: str = ""
    meetings: tuple[Meeting, ...] = ()
    ews: EwsAccess = EwsAccess.ENABLED

    @property
    def alias(self) -> str:
        return self.address.split("@", 1)[0]


MAILBOXES: tuple[LabMailbox, ...] = (
    LabMailbox(
        "admin@contoso.test",
        "Contoso Admin",
        inbox_total=42,
        inbox_unread=3,
        meetings=(Meeting(9, 10, "Busy", "Stand-up"), Meeting(14, 15, "Tentative", "1:1")),
    ),
    LabMailbox(
        "adele.vance@contoso.test",
        "Adele Vance",
        inbox_total=7,
        oof_state="Enabled",
        oof_internal="I am at the Contoso offsite until Monday.",
        oof_external="I am out of the office until Monday.",
        meetings=(Meeting(0, 24, "OOF", "Offsite"),),
    ),
    LabMailbox("alex.wilber@contoso.test", "Alex Wilber", inbox_total=12, inbox_unread=12),
    LabMailbox("noews@contoso.test", "No EWS User", ews=EwsAccess.DISABLED),
    LabMailbox("blocked@contoso.test", "Policy Blocked User", ews=EwsAccess.APP_BLOCKED),
    LabMailbox(
        "admin@fabrikam.test",
        "Fabrikam Admin",
        inbox_total=5,
        inbox_unread=1,
        meetings=(Meeting(10, 12, "Busy", "Change board"),),
    ),
    LabMailbox("megan.bowen@fabrikam.test", "Megan Bowen", inbox_total=3),
)


def folder_id(address: str, name: str) -> str:
    raw = hashlib.sha256(f"{address.lower()}/{name}".encode()).digest()
    return "AAMkAD" + base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True)
class Folder:
    name: str  # distinguished id
    display_name: str
    folder_class: str | None
    parent: str | None
    total: int = 0
    unread: int = 0
    children: int = 0


def folders(box: LabMailbox) -> dict[str, Folder]:
    folders = [
        Folder("root", "", None, None, children=1),
        Folder("msgfolderroot", "Top of Information Store", "IPF.Note", "root", children=5),
        Folder("inbox", "Inbox", "IPF.Note", "msgfolderroot", box.inbox_total, box.inbox_unread),
        Folder("sentitems", "Sent Items", "IPF.Note", "msgfolderroot"),
        Folder("drafts", "Drafts", "IPF.Note", "msgfolderroot"),
        Folder("deleteditems", "Deleted Items", "IPF.Note", "msgfolderroot"),
        Folder("calendar", "Calendar", "IPF.Appointment", "msgfolderroot"),
    ]
    return {f.name: f for f in folders}
