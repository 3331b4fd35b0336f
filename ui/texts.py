"""Translatable names for things the engine names in English: statuses, clouds, areas and
the fixed titles of checks (keyed by their stable IDs), and `engine_text` for the engine's
own titles, summaries, details and remedies (templates with arguments, assistant/text.py;
their translations live in the "Engine" context of the catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QCoreApplication

from assistant.checks.catalogue import area_needs_credentials
from assistant.facts import Cloud
from assistant.model import Status
from assistant.text import render
from ui.setting_labels import with_labels


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Qt's marker for lupdate (which finds the calls by this name), typed: it returns
    `source` unchanged, though PySide6 declares it as returning object."""
    return cast(str, QtCore.QT_TRANSLATE_NOOP(context, source))


RUNNING = "running"
PENDING = "pending"

_STATUS = {
    Status.PASS.value: QT_TRANSLATE_NOOP("Status", "Passed"),
    Status.WARN.value: QT_TRANSLATE_NOOP("Status", "Warning"),
    Status.FAIL.value: QT_TRANSLATE_NOOP("Status", "Failed"),
    Status.ERROR.value: QT_TRANSLATE_NOOP("Status", "Error"),
    Status.SKIP.value: QT_TRANSLATE_NOOP("Status", "Skipped"),
    Status.INFO.value: QT_TRANSLATE_NOOP("Status", "Info"),
    Status.CANCELLED.value: QT_TRANSLATE_NOOP("Status", "Cancelled"),
    RUNNING: QT_TRANSLATE_NOOP("Status", "Running"),
    PENDING: QT_TRANSLATE_NOOP("Status", "Waiting"),
}

_CLOUDS = {
    Cloud.WORLDWIDE: QT_TRANSLATE_NOOP("Cloud", "Microsoft 365 worldwide (including GCC)"),
    Cloud.GCC_HIGH: QT_TRANSLATE_NOOP("Cloud", "Microsoft 365 GCC High"),
    Cloud.DOD: QT_TRANSLATE_NOOP("Cloud", "Microsoft 365 DoD"),
    Cloud.CHINA: QT_TRANSLATE_NOOP("Cloud", "Microsoft 365 operated by 21Vianet"),
    Cloud.ONPREM: QT_TRANSLATE_NOOP("Cloud", "Exchange Server (on-premises)"),
}


@dataclass(frozen=True)
class Area:
    """One selectable line on the "What to test" page."""

    key: str  # the engine's area name (registry.areas())
    group: str
    title: str
    does: str
    needs: str

    @property
    def needs_credentials(self) -> bool:
        # The engine answers (Check.needs_credentials), which says it once.
        return area_needs_credentials(self.key)


_G_DISCOVERY = QT_TRANSLATE_NOOP("Area", "DNS and autodiscover")
_G_LOGINS = QT_TRANSLATE_NOOP("Area", "Protocol logins")
_G_RELAY = QT_TRANSLATE_NOOP("Area", "Relay test send")
_G_INTEGRATION = QT_TRANSLATE_NOOP("Area", "SharePoint and Lync/Skype/Teams prerequisites")
_CREDS = QT_TRANSLATE_NOOP("Area", "Needs: the mailbox's credentials.")

AREAS: tuple[Area, ...] = (
    Area(
        "dns",
        _G_DISCOVERY,
        QT_TRANSLATE_NOOP("Area", "DNS records"),
        QT_TRANSLATE_NOOP("Area", "MX, SPF, DKIM, DMARC, autodiscover, MTA-STS, DNSSEC and DANE."),
        QT_TRANSLATE_NOOP("Area", "Needs: only the domain."),
    ),
    Area(
        "autodiscover",
        _G_DISCOVERY,
        QT_TRANSLATE_NOOP("Area", "Autodiscover"),
        QT_TRANSLATE_NOOP("Area", "Walks Outlook's discovery sequence, step by step."),
        QT_TRANSLATE_NOOP("Area", "Needs: the email address; a password completes it."),
    ),
    Area(
        "ews",
        _G_LOGINS,
        QT_TRANSLATE_NOOP("Area", "EWS"),
        QT_TRANSLATE_NOOP("Area", "Signs in to Exchange Web Services and reads the mailbox."),
        _CREDS,
    ),
    Area(
        "mapi",
        _G_LOGINS,
        QT_TRANSLATE_NOOP("Area", "MAPI over HTTP"),
        QT_TRANSLATE_NOOP("Area", "Checks the endpoints Outlook connects to."),
        QT_TRANSLATE_NOOP("Area", "Needs: autodiscover's answer (selected with it)."),
    ),
    Area(
        "imap",
        _G_LOGINS,
        QT_TRANSLATE_NOOP("Area", "IMAP"),
        QT_TRANSLATE_NOOP("Area", "Connects with TLS, lists the sign-in methods, signs in."),
        _CREDS,
    ),
    Area(
        "pop",
        _G_LOGINS,
        QT_TRANSLATE_NOOP("Area", "POP3"),
        QT_TRANSLATE_NOOP("Area", "Connects with TLS, signs in and counts the messages."),
        _CREDS,
    ),
    Area(
        "smtp",
        _G_LOGINS,
        QT_TRANSLATE_NOOP("Area", "SMTP submission"),
        QT_TRANSLATE_NOOP("Area", "STARTTLS on port 587 and SMTP AUTH, with the reply explained."),
        _CREDS,
    ),
    Area(
        "auth",
        _G_LOGINS,
        QT_TRANSLATE_NOOP("Area", "OAuth sign-in"),
        QT_TRANSLATE_NOOP(
            "Area", "Signs in with OAuth 2.0 and reads the token: audience, scopes, tenant."
        ),
        QT_TRANSLATE_NOOP("Area", "Needs: an OAuth sign-in (see the Sign-in page)."),
    ),
    Area(
        "relay",
        _G_RELAY,
        QT_TRANSLATE_NOOP("Area", "Relay test send"),
        QT_TRANSLATE_NOOP(
            "Area",
            "Advises which sending method fits a device, and sends a tagged test message "
            "the way it would, with proof of delivery.",
        ),
        QT_TRANSLATE_NOOP(
            "Area",
            "Needs: the device's answers and a recipient (on the Relay page); the mailbox's "
            "credentials for SMTP AUTH.",
        ),
    ),
    Area(
        "integration",
        _G_INTEGRATION,
        QT_TRANSLATE_NOOP("Area", "SharePoint and Lync/Skype/Teams"),
        QT_TRANSLATE_NOOP(
            "Area",
            "What SharePoint, Lync/Skype for Business and Teams need from Exchange: the "
            "tenant, OAuth trust, auth metadata, DNS and EWS. Anonymous: no sign-in.",
        ),
        QT_TRANSLATE_NOOP(
            "Area",
            "Needs: the domain; which products you run, and a SharePoint site URL (on its own "
            "page). On-premises Exchange: tick Autodiscover too.",
        ),
    ),
)
GROUPS = (_G_DISCOVERY, _G_LOGINS, _G_RELAY, _G_INTEGRATION)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def engine_text(value: str) -> str:
    """Engine text in the current language; plain text (data, an old report) as it is.
    A setting the engine names in words is followed by the wizard's field for it."""
    return render(with_labels(value), _translate_engine)


def field_error_text(value: str) -> str:
    """An input error shown beside its own field: in the current language, without the
    "(Field, on Page)" pointer engine_text adds (the message already sits at that field)."""
    return render(value, _translate_engine)


def _translate_engine(template: str) -> str:
    return QCoreApplication.translate("Engine", template)


def status_name(status: str) -> str:
    return _translate("Status", _STATUS.get(status, status))


def cloud_name(cloud: Cloud) -> str:
    return _translate("Cloud", _CLOUDS[cloud])


def area_text(text: str) -> str:
    return _translate("Area", text)


def areas_for(available: list[str]) -> list[tuple[Area, bool]]:
    """Every area we describe, with whether the engine has it; unknown engine areas too."""
    known = {a.key for a in AREAS}
    rows = [(area, area.key in available) for area in AREAS]
    for key in available:
        if key not in known:
            rows.append((Area(key, _G_LOGINS, key, "", ""), True))
    return rows


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is. Qt renders a tooltip as rich text whenever it
    looks like markup, and step IDs and summaries come from reports and servers."""
    return QtGui.Qt.convertFromPlainText(text) if text else ""
