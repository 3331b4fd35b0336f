"""relay.advice's decision table: which way of sending fits a device, as a pure function
of what the device can do (DeviceProfile), what the other relay checks found
(RelayFacts) and today's date. No I/O; checks/relay/advice.py gathers the facts.

Every method gets a row: does it fit this device, did a test send with it work from
here (None: not tried), and its caveats. The rows come out best first; the verdict is
PASS when a fitting method worked and keeps working, WARN when the best that fits works
only until a date or was not tried, FAIL when nothing fits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from assistant.facts import (
    HVE_BASIC_AUTH_UNTIL,
    HVE_RECIPIENTS_PER_DAY,
    RELAY_LINKS,
    SMTP_AUTH_BASIC_OFF_BY_DEFAULT,
    SUBMISSION_RECIPIENTS_PER_DAY,
    Cloud,
)
from assistant.model import Status
from assistant.relay_plan import DeviceProfile, RelayMethod
from assistant.text import N_, msg

# The rows, in the order they are preferred when several fit (a tested, working method
# goes first among those that fit). Keys are stable: the wizard and reports use them.
SUBMISSION_OAUTH = "submission-oauth"
CONNECTOR = "connector"
DIRECT = "direct"
HVE = "hve"
SUBMISSION_PASSWORD = "submission-password"  # noqa: S105 - a method's name
GRAPH = "graph"
ACS = "acs"
LOCAL_RELAY = "local-relay"
ORDER = (SUBMISSION_OAUTH, CONNECTOR, DIRECT, HVE, SUBMISSION_PASSWORD, GRAPH, ACS, LOCAL_RELAY)

NAMES = {
    SUBMISSION_OAUTH: msg("SMTP AUTH with OAuth (smtp.office365.com:587)"),
    CONNECTOR: msg("SMTP relay through an inbound connector (MX endpoint, port 25)"),
    DIRECT: msg("Direct Send (MX endpoint, port 25, no sign-in)"),
    HVE: msg("High Volume Email (smtp-hve.office365.com:587)"),
    SUBMISSION_PASSWORD: msg("SMTP AUTH with a password (smtp.office365.com:587)"),
    GRAPH: msg("Microsoft Graph sendMail (applications)"),
    ACS: msg("Azure Communication Services Email (applications)"),
    LOCAL_RELAY: msg("A local relay in front (Postfix or Exchange Server on site)"),
}
LINKS = {
    SUBMISSION_OAUTH: RELAY_LINKS["devices"],
    CONNECTOR: RELAY_LINKS["devices"],
    DIRECT: RELAY_LINKS["devices"],
    HVE: RELAY_LINKS["hve"],
    SUBMISSION_PASSWORD: RELAY_LINKS["devices"],
    GRAPH: RELAY_LINKS["graph_sendmail"],
    ACS: RELAY_LINKS["acs_email"],
    LOCAL_RELAY: RELAY_LINKS["legacy_tls"],
}
# The test-send method behind each row (None: the tool cannot try it).
SENT_WITH = {
    SUBMISSION_OAUTH: RelayMethod.SUBMISSION,
    SUBMISSION_PASSWORD: RelayMethod.SUBMISSION,
    CONNECTOR: RelayMethod.CONNECTOR,
    DIRECT: RelayMethod.DIRECT,
    HVE: RelayMethod.HVE,
}


@dataclass(frozen=True)
class RelayFacts:
    """What the run found, as relay.advice reads it from the other checks' steps."""

    cloud: Cloud = Cloud.WORLDWIDE
    port25_open: bool | None = None  # relay.port25: None when not run or inconclusive
    public_ip: str | None = None
    spf_aligned: bool | None = None  # relay.spf_alignment
    # Each method tried: did the server accept the test message (250 after DATA)?
    sent: Mapping[RelayMethod, bool] = field(default_factory=dict)
    submission_oauth: bool = False  # the run's SMTP AUTH test signed in with OAuth
    reject_direct_send: bool = False  # a 550 5.7.68 TenantInboundAttribution was seen
    # relay.roundtrip: accepted messages that landed in Junk, or never arrived in the wait.
    junked: frozenset[RelayMethod] = frozenset()
    lost: frozenset[RelayMethod] = frozenset()


@dataclass(frozen=True)
class MethodRow:
    key: str
    fits: bool
    works: bool | None  # the test send: accepted, refused, or not tried
    reason: str  # why it fits or not
    caveats: tuple[str, ...] = ()
    until: dt.date | None = None  # works only until this date (a dated caveat)

    def to_dict(self) -> dict[str, object]:
        return {
            "method": self.key,
            "name": str(NAMES[self.key]),
            "fits": self.fits,
            "works": self.works,
            "reason": str(self.reason),
            "caveat": "; ".join(str(c) for c in self.caveats),
            "until": None if self.until is None else self.until.isoformat(),
            "link": LINKS[self.key],
        }


@dataclass(frozen=True)
class Advice:
    status: Status
    summary: str
    rows: tuple[MethodRow, ...]  # fitting rows first, best first
    assumed: tuple[str, ...]  # what the advice assumed for unanswered questions
    deadline_note: str | None  # "This device will stop sending on ..." when that is so

    @property
    def best(self) -> MethodRow | None:
        return next((r for r in self.rows if r.fits), None)


def assume(device: DeviceProfile) -> tuple[DeviceProfile, tuple[str, ...]]:
    """The profile with every unanswered question answered the common way, and the
    sentences that say so (the advice must never hide a guess)."""
    said: list[str] = []
    filled = device
    if device.authenticates is None:
        filled = replace(filled, authenticates=True)
        said.append(msg("assumed the device can sign in with a user name and password"))
    if device.oauth is None:
        filled = replace(filled, oauth=False)
        said.append(msg("assumed the device cannot sign in with OAuth (few devices can)"))
    if device.tls12 is None:
        filled = replace(filled, tls12=True)
        said.append(msg("assumed the device speaks TLS 1.2"))
    if device.internal_only is None:
        filled = replace(filled, internal_only=False)
        said.append(msg("assumed the device also mails people outside the organisation"))
    if device.fixed_ip is None:
        filled = replace(filled, fixed_ip=False)
        said.append(msg("assumed the device has no fixed public IP address"))
    if device.certificate is None:
        filled = replace(filled, certificate=False)
        said.append(msg("assumed the device cannot present a TLS client certificate"))
    if device.messages_per_day is None:
        said.append(
            msg(
                "assumed fewer than {limit} recipients a day",
                limit=f"{SUBMISSION_RECIPIENTS_PER_DAY:,}",
            )
        )
    return filled, tuple(said)


def deadline_note(device: DeviceProfile, today: dt.date) -> str | None:
    """The plain sentence for a device that signs in with a password and cannot do OAuth."""
    if not device.authenticates or device.oauth:
        return None
    off = dt.date.fromisoformat(SMTP_AUTH_BASIC_OFF_BY_DEFAULT)
    if today < off:
        return msg(
            "This device will stop sending on {date} unless it switches to OAuth or to "
            "another method: SMTP AUTH with a password is turned off by default for existing "
            "Exchange Online tenants that day",
            date=off.isoformat(),
        )
    return msg(
        "SMTP AUTH with a password has been off by default for existing Exchange Online "
        "tenants since {date}: this device sends only where an admin turned it back on; "
        "switch it to OAuth or to another method",
        date=off.isoformat(),
    )


def _port25(facts: RelayFacts) -> tuple[bool, tuple[str, ...]]:
    """Port 25 to the MX: (usable, caveats)."""
    if facts.port25_open is False:
        return False, (msg("port 25 to the MX endpoint is blocked from this network"),)
    if facts.port25_open is None:
        return True, (msg("port 25 to the MX endpoint was not tested from here"),)
    return True, ()


def _spf(facts: RelayFacts) -> tuple[str, ...]:
    ip = facts.public_ip or msg("this network's public IP address")
    if facts.spf_aligned is True:
        return ()
    if facts.spf_aligned is False:
        return (
            msg(
                "the domain's SPF does not authorise {ip}: mail will go to Junk until it does",
                ip=ip,
            ),
        )
    return (msg("the domain's SPF must include {ip}, or mail goes to Junk", ip=ip),)


@dataclass(frozen=True)
class _Case:
    """What one run asks of the table: the device (assumptions filled in), the facts, the
    date; and the values several methods share."""

    device: DeviceProfile
    facts: RelayFacts
    today: dt.date

    @property
    def tls_ok(self) -> bool:
        return bool(self.device.tls12)

    @property
    def internal(self) -> bool:
        return bool(self.device.internal_only)

    @property
    def over_submission_limit(self) -> bool:
        return (self.device.messages_per_day or 0) > SUBMISSION_RECIPIENTS_PER_DAY


# A method's verdict: (fits, why, caveats, works only until).
_Fit = tuple[bool, str, tuple[str, ...], dt.date | None]
_NO_TLS = N_("the device does not speak TLS 1.2: Microsoft answers 421 4.7.66")
_LIMIT = f"{SUBMISSION_RECIPIENTS_PER_DAY:,}"


def _no(reason: str) -> _Fit:
    return (False, reason, (), None)


def _submission_oauth(case: _Case) -> _Fit:
    device = case.device
    if not case.tls_ok:
        return _no(msg(_NO_TLS))
    if not (device.authenticates and device.oauth):
        return _no(msg("the device cannot sign in with OAuth"))
    if case.over_submission_limit:
        return _no(msg("more than {limit} recipients a day", limit=_LIMIT))
    caveat = msg(
        "needs a licensed mailbox with SMTP AUTH allowed; at most {limit} recipients a day",
        limit=_LIMIT,
    )
    return (True, msg("the device signs in with OAuth"), (caveat,), None)


def _connector(case: _Case) -> _Fit:
    device = case.device
    port25, port25_notes = _port25(case.facts)
    if not case.tls_ok:
        return _no(msg(_NO_TLS))
    if not (device.fixed_ip or device.certificate):
        return _no(msg("needs a fixed public IP address or a TLS client certificate"))
    if not port25:
        return _no(port25_notes[0])
    caveats = list(port25_notes)
    if device.fixed_ip:
        caveats += _spf(case.facts)
        why = msg("the device sends from a fixed public IP address")
    else:
        why = msg("the device presents a TLS client certificate")
    caveats.append(msg("an inbound connector from your organisation must match it"))
    return (True, why, tuple(caveats), None)


def _direct(case: _Case) -> _Fit:
    port25, port25_notes = _port25(case.facts)
    if not case.tls_ok:
        return _no(msg(_NO_TLS))
    if not case.internal:
        return _no(msg("Direct Send reaches only the organisation's own mailboxes"))
    if not port25:
        return _no(port25_notes[0])
    caveats = [*port25_notes, *_spf(case.facts)]
    if case.facts.reject_direct_send:
        caveats.append(
            msg(
                "Reject Direct Send is on in this tenant (550 5.7.68): an admin must turn it "
                "off, or use a connector"
            )
        )
    else:
        caveats.append(msg("stops working if an admin turns Reject Direct Send on"))
    why = msg("the device mails only the organisation's own mailboxes")
    return (True, why, tuple(caveats), None)


def _hve(case: _Case) -> _Fit:
    device = case.device
    hve_off = dt.date.fromisoformat(HVE_BASIC_AUTH_UNTIL)
    basic_only = not device.oauth
    if case.facts.cloud is not Cloud.WORLDWIDE:
        return _no(msg("High Volume Email is only in the worldwide cloud"))
    if not case.tls_ok:
        return _no(msg(_NO_TLS))
    if not device.authenticates:
        return _no(msg("High Volume Email needs a sign-in"))
    if not case.internal:
        return _no(msg("High Volume Email reaches only the organisation's own mailboxes"))
    if basic_only and case.today > hve_off:
        return _no(
            msg(
                "High Volume Email has accepted only OAuth since {date}",
                date=hve_off.isoformat(),
            )
        )
    caveats: list[str] = []
    if basic_only:
        caveats.append(
            msg(
                "a password is accepted there until {date}, then only OAuth",
                date=hve_off.isoformat(),
            )
        )
    caveats.append(
        msg(
            "its own HVE account; at most {limit} recipients a day",
            limit=f"{HVE_RECIPIENTS_PER_DAY:,}",
        )
    )
    why = msg("the device signs in and mails only the organisation's own mailboxes")
    return (True, why, tuple(caveats), hve_off if basic_only else None)


def _submission_password(case: _Case) -> _Fit:
    off = dt.date.fromisoformat(SMTP_AUTH_BASIC_OFF_BY_DEFAULT)
    if not case.tls_ok:
        return _no(msg(_NO_TLS))
    if not case.device.authenticates:
        return _no(msg("the device cannot sign in"))
    if case.over_submission_limit:
        return _no(msg("more than {limit} recipients a day", limit=_LIMIT))
    if case.today < off:
        dated = msg(
            "works only until {date}, when it is turned off by default", date=off.isoformat()
        )
    else:
        dated = msg(
            "off by default since {date}: works only where an admin turned it back on",
            date=off.isoformat(),
        )
    caveats = (dated, msg("needs a licensed mailbox with SMTP AUTH allowed"))
    return (True, msg("the device signs in with a user name and password"), caveats, off)


def _graph(case: _Case) -> _Fit:
    if not (case.device.oauth and case.tls_ok):
        return _no(msg("needs an application that signs in with OAuth"))
    why = msg("an application that signs in with OAuth can send over HTTPS instead")
    return (True, why, (msg("for applications, not devices; not tested by this tool"),), None)


def _acs(case: _Case) -> _Fit:
    if not (case.tls_ok and not case.internal and case.over_submission_limit):
        return _no(msg("for applications sending high volume to external recipients"))
    caveat = msg("for applications: an Azure resource and a verified domain; not tested")
    return (True, msg("high volume to external recipients is what it is for"), (caveat,), None)


def _local_relay(case: _Case) -> _Fit:
    if case.tls_ok:
        return _no(msg("only needed for devices without TLS 1.2"))
    why = msg(
        "the device talks to a relay on site (plain SMTP or old TLS), and the relay sends "
        "on with TLS 1.2 or later"
    )
    return (True, why, (msg("a server to run and secure; not tested by this tool"),), None)


_TABLE = {
    SUBMISSION_OAUTH: _submission_oauth,
    CONNECTOR: _connector,
    DIRECT: _direct,
    HVE: _hve,
    SUBMISSION_PASSWORD: _submission_password,
    GRAPH: _graph,
    ACS: _acs,
    LOCAL_RELAY: _local_relay,
}


def _works(key: str, facts: RelayFacts) -> bool | None:
    """The test send behind a row: accepted, refused, or None (not tried, or SMTP AUTH
    tried with the other kind of sign-in)."""
    method = SENT_WITH.get(key)
    if method is None or method not in facts.sent:
        return None
    if key == SUBMISSION_OAUTH and not facts.submission_oauth:
        return None
    if key == SUBMISSION_PASSWORD and facts.submission_oauth:
        return None
    if method in facts.lost:
        return False  # accepted, and then never arrived: it does not work
    return facts.sent[method]


def _junked(key: str, facts: RelayFacts) -> bool:
    method = SENT_WITH.get(key)
    return method is not None and method in facts.junked


def _rows(device: DeviceProfile, facts: RelayFacts, today: dt.date) -> list[MethodRow]:
    case = _Case(device, facts, today)
    rows = []
    for key in ORDER:
        fits, why, caveats, until = _TABLE[key](case)
        if _junked(key, facts):
            caveats = (*caveats, msg("its test message landed in Junk (see the round trip)"))
        elif SENT_WITH.get(key) in facts.lost:
            caveats = (*caveats, msg("its test message was accepted but never arrived"))
        rows.append(MethodRow(key, fits, _works(key, facts), why, caveats, until))
    return rows


def _rank(row: MethodRow) -> tuple[int, int, int]:
    works = {True: 0, None: 1, False: 2}[row.works]
    return (0 if row.fits else 1, works if row.fits else 0, ORDER.index(row.key))


def advise(device: DeviceProfile, facts: RelayFacts, today: dt.date) -> Advice:
    """The advice for `device` on this network, on `today`."""
    filled, assumed = assume(device)
    note = deadline_note(filled, today)
    if facts.cloud is Cloud.ONPREM:
        return Advice(
            Status.INFO,
            msg("these sending methods are Exchange Online's; the mailbox is on Exchange Server"),
            (),
            assumed,
            None,
        )
    rows = tuple(sorted(_rows(filled, facts, today), key=_rank))
    fitting = [r for r in rows if r.fits]
    if not fitting:
        return Advice(
            Status.FAIL,
            msg("no sending method fits this device as described"),
            rows,
            assumed,
            note,
        )
    best = fitting[0]
    durable = [
        r for r in fitting if r.works is True and r.until is None and not _junked(r.key, facts)
    ]
    if durable and note is None:
        status = Status.PASS
        summary = msg(
            "use {method}: it fits and the test send worked", method=NAMES[durable[0].key]
        )
    elif durable:
        status = Status.WARN
        summary = msg(
            "switch to {method}: it fits and the test send worked", method=NAMES[durable[0].key]
        )
    elif best.works is True and _junked(best.key, facts):
        status = Status.WARN
        summary = msg(
            "{method} gets the message in, but it landed in Junk: see the round trip",
            method=NAMES[best.key],
        )
    elif best.works is True:
        status = Status.WARN
        summary = msg(
            "{method} works, but only until {date}", method=NAMES[best.key], date=str(best.until)
        )
    elif best.works is False:
        status = Status.WARN
        summary = msg(
            "{method} fits, but the test send was refused: see its check", method=NAMES[best.key]
        )
    else:
        status = Status.WARN
        summary = msg("{method} fits; not tested from here", method=NAMES[best.key])
    return Advice(status, summary, rows, assumed, note)
