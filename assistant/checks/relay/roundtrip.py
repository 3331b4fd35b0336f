"""relay.roundtrip: proof of delivery. After the send checks, find each accepted test
message in the recipient's mailbox over IMAP and say where it landed and how it got there.

Children, in order:
imap.connect, imap.tls        the recipient mailbox's IMAP server (mail.common.choose_endpoint:
                              --imap, autodiscover, or the cloud's outlook.office365.com:993)
relay.roundtrip.sign_in       the --roundtrip-user password, or the run's own credentials
                              (password or XOAUTH2) when the recipient is the run's mailbox
relay.roundtrip.<method>      one per accepted message: PASS Inbox, WARN Junk, FAIL not
                              there within --roundtrip-wait (roundtrip_report.message_step)

The mailbox is read with imapclient over our own TLS socket (net/mailbox_watch.py says
why): SEARCH on the tag header (or subject) in INBOX and the Junk folder, IDLE on INBOX
in one-second slices between looks (cancel and the deadline are seen that fast),
FETCH of the header only (BODY.PEEK, so nothing is marked read), and, when the user
asked, +FLAGS \\Deleted and EXPUNGE of the test message alone. The wait starts when
this check starts, after every send. Each message's timeline is evidence of kind
"relay-timeline" (shape in roundtrip_report.py).
"""

from __future__ import annotations

import dataclasses
import socket
import ssl
import time

from imapclient.exceptions import IMAPClientError

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.imap import IMAP, auth_mechanisms, password_mechanism
from assistant.checks.mail.common import (
    choose_endpoint,
    failure,
    host_refusal,
    host_refused,
    no_endpoint,
    roll_up,
    timed,
)
from assistant.checks.mail.oauth import xoauth2_step
from assistant.checks.mail.session import (
    PROTOCOL_ERRORS,
    Conversation,
    MailProtocol,
    sign_in_failure,
)
from assistant.checks.oauth_common import AUTH_TOKEN, oauth
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import SendRecord, sends_in
from assistant.checks.relay.message import TAG_HEADER
from assistant.checks.relay.roundtrip_report import Arrival, message_step, step_id, step_title
from assistant.model import Status, Step
from assistant.net.mailbox_watch import (
    WatchClient,
    WatchConnection,
    delete,
    fetch_headers,
    find_message,
    junk_folder,
)
from assistant.net.mailwire import Wire
from assistant.relay_plan import MailboxLogin, RelayPlan
from assistant.settings_names import setting
from assistant.text import msg

SIGN_IN = "relay.roundtrip.sign_in"
_TITLE = ids.TITLES[ids.ROUNDTRIP]
_SIGN_IN_TITLE = msg("Sign in to the recipient's mailbox")
# What is kept back from the wait for fetching, deleting and signing out.
_AFTER_WAIT = 5.0
WATCH_ERRORS = (*PROTOCOL_ERRORS, IMAPClientError)


def _open(sock: socket.socket, wire: Wire, host: str, port: int) -> WatchConnection:
    return WatchConnection(sock, wire, host, port)


def _adopt(session: WatchConnection, ssock: ssl.SSLSocket) -> list[str]:
    return list(session.adopt_tls(ssock))


WATCH: MailProtocol[WatchConnection] = MailProtocol(
    key=IMAP.key,
    name=IMAP.name,
    open=_open,
    hello=lambda session: list(session.capabilities),
    offers_starttls=IMAP.offers_starttls,
    starttls=lambda session: session.starttls_command(),
    adopt_tls=_adopt,
    drop_reader=lambda session: session.file.close(),
)


def check_roundtrip(ctx: Context) -> Step:
    started = time.monotonic()
    plan = ctx.relay
    if plan is None or not plan.sends:
        return _skip(
            msg(
                "no test message was sent (nothing is sent without {send_to})",
                send_to=setting("send_to"),
            )
        )
    sends = sends_in(ctx.results)
    accepted = [s for s in sends if s.accepted]
    if not accepted:
        if sends:
            return _skip(
                msg(
                    "no server accepted a test message ({count} refused), so there is nothing "
                    "to look for",
                    count=len(sends),
                )
            )
        return _skip(msg("no test message was sent: no send check ran or none reached DATA"))
    login = _who(ctx, plan)
    if login is None:
        return _skip(
            msg(
                "no credentials for the mailbox of {recipient}: give {login} and {password} "
                "(or run as that mailbox)",
                recipient=plan.send_to or "",
                login=setting("roundtrip_user"),
                password=setting("roundtrip_password"),
            )
        )
    endpoint = choose_endpoint(ctx, "imap")
    if endpoint is None:
        return no_endpoint(ids.ROUNDTRIP, _TITLE, "imap")
    conv = Conversation(ctx, endpoint, WATCH)
    children: list[Step] = []
    try:
        children += conv.open()
        if conv.session is None:
            return _rolled(conv, children, accepted)
        sign_in = timed(lambda: _sign_in(conv, login))
        children.append(sign_in)
        if sign_in.status is not Status.PASS:
            return _rolled(conv, children, accepted)
        until = started + plan.roundtrip_wait
        children += _watch(conv, plan, accepted, min(until, _latest(ctx)))
    finally:
        conv.close()
    return _rolled(conv, children, accepted)


def _who(ctx: Context, plan: RelayPlan) -> MailboxLogin | str | None:
    """The roundtrip login; "oauth" / "password" for the run's own credentials when the
    recipient is the run's mailbox; None when nobody may read it."""
    if plan.roundtrip is not None:
        return plan.roundtrip
    own = (ctx.target.email or "").lower()
    if not own or (plan.send_to or "").lower() != own:
        return None
    if oauth(ctx) is not None:
        return "oauth"
    credential = ctx.credentials
    if isinstance(credential, PasswordCredential):
        return MailboxLogin(credential.username, credential.password)
    return None


def _sign_in(conv: Conversation[WatchConnection], login: MailboxLogin | str) -> Step:
    session, ctx, ep = conv.live, conv.ctx, conv.endpoint
    offered = auth_mechanisms(conv.after_tls)
    if login == "oauth":
        return xoauth2_step(conv, step_id=SIGN_IN, offered=offered, login=session.xoauth2_login)
    assert isinstance(login, MailboxLogin)
    refusal = host_refusal(ctx, ep, "imap")
    if refusal is not None:
        return host_refused(SIGN_IN, _SIGN_IN_TITLE, refusal, ep)
    mechanism = password_mechanism(conv.after_tls)
    if mechanism is None:
        return Step(
            SIGN_IN,
            _SIGN_IN_TITLE,
            Status.FAIL,
            summary=msg(
                "the server accepts no password over TLS (it offers {offered})",
                offered=", ".join(offered),
            ),
        )
    try:
        session.password_login(mechanism, login.username, login.password)
    except PROTOCOL_ERRORS as exc:
        summary, remedy = sign_in_failure(conv, exc)
        return Step(
            SIGN_IN,
            _SIGN_IN_TITLE,
            Status.FAIL,
            summary=msg("not signed in as {user}: {error}", user=login.username, error=summary),
            remedy=remedy,
        )
    return Step(
        SIGN_IN,
        _SIGN_IN_TITLE,
        Status.PASS,
        summary=msg("signed in as {user}", user=login.username),
    )


def _watch(
    conv: Conversation[WatchConnection], plan: RelayPlan, sends: list[SendRecord], until: float
) -> list[Step]:
    ctx = conv.ctx
    steps: list[Step] = []
    try:
        client = WatchClient(conv.live)
        junk = junk_folder(client)
        folders = ["INBOX"] + ([junk] if junk and junk.upper() != "INBOX" else [])
        for send in sends:
            found = find_message(client, TAG_HEADER, send.tag, folders, ctx.token, until)
            if found is None:
                steps.append(message_step(send, None, plan.roundtrip_wait))
                continue
            fetched = fetch_headers(client, found)
            arrival = Arrival(
                folder=found.folder,
                junk=found.folder != "INBOX",
                seen_at=found.seen_at,
                internal_date=fetched.internal_date,
                headers=_redacted(ctx, fetched.headers),
            )
            step = message_step(send, arrival, plan.roundtrip_wait)
            if plan.delete_after:
                delete(client, found)
                step.details = msg(
                    "{details}\nDeleted from the mailbox, as asked.", details=step.details
                )
            steps.append(step)
    except WATCH_ERRORS as exc:
        found_error = failure(ctx, exc, conv.wire)  # a cancel or the deadline unwinds here
        done = {s.id for s in steps}
        for send in sends:
            if step_id(send) not in done:
                steps.append(
                    Step(
                        step_id(send),
                        step_title(send),
                        Status.FAIL,
                        summary=msg(
                            "the mailbox could not be searched: {error}", error=found_error.text
                        ),
                    )
                )
    return steps


def _redacted(ctx: Context, headers: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: [ctx.redactor(v) for v in values] for name, values in headers.items()}


def _latest(ctx: Context) -> float:
    """The latest monotonic time the wait may run to, leaving time to fetch and sign out."""
    return time.monotonic() + max(0.0, ctx.deadline.remaining() - _AFTER_WAIT)


def _rolled(
    conv: Conversation[WatchConnection], children: list[Step], sends: list[SendRecord]
) -> Step:
    arrived = sum(
        1
        for c in children
        if c.id.startswith("relay.roundtrip.")
        and c.id != SIGN_IN
        and c.status in (Status.PASS, Status.WARN)
    )
    success = msg(
        "{arrived} of {count} test messages found in the mailbox", arrived=arrived, count=len(sends)
    )
    step = roll_up(
        ids.ROUNDTRIP,
        _TITLE,
        conv.endpoint,
        children,
        conv.wires,
        success=success,
        login_id=SIGN_IN,
    )
    # A message's problem is said per method and with the count, not under the child's
    # step ID as the mail checks' connect/TLS/sign-in problems are.
    problem = next(
        (
            c
            for c in children
            if c.status is step.status
            and c.status.is_problem
            and c.id.startswith(f"{ids.ROUNDTRIP}.")
            and c.id != SIGN_IN
        ),
        None,
    )
    if problem is None:
        return step
    return dataclasses.replace(
        step,
        summary=msg(
            "{found}; {method}: {summary}",
            found=success,
            method=problem.id.rsplit(".", 1)[1],
            summary=problem.summary,
        ),
    )


def _skip(reason: str) -> Step:
    return Step(ids.ROUNDTRIP, _TITLE, Status.SKIP, summary=reason)


ROUNDTRIP_CHECK = Check(
    id=ids.ROUNDTRIP,
    title=_TITLE,
    run=check_roundtrip,
    after=(*ids.SEND_CHECKS.values(), ids.PORT25, RESULT_CHECK, AUTH_TOKEN),
    starts_early=True,  # on autodiscover's first usable answer
    explicit_only=True,
    waits_for_mail=True,
    needs_credentials=True,
    oauth_protocol="imap",
)
