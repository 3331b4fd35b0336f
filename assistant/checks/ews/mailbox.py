"""ews.mailbox: what Lync/Skype and Teams read through EWS.

ResolveNames of the user, the Inbox count, automatic replies (out of office) and
free/busy, each a child step so one failure does not hide the others. Runs only after a
successful ews.login, with the same URL and sign-in method.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from assistant.auth.credentials import OAuthCredential
from assistant.checks.ews.common import (
    LOGIN,
    MAILBOX,
    NO_CREDENTIALS,
    exchange_evidence,
    session_failure,
    step_info,
)
from assistant.checks.ews.errors import session_errors
from assistant.checks.oauth_common import get_token
from assistant.model import Remedy, Status, Step, worst
from assistant.net.exchangelib_adapter import EwsSession, ews_session
from assistant.net.exchangelib_credentials import BearerToken
from assistant.runner import Context


def _resolve(ctx: Context, session: EwsSession, email: str) -> Step:
    step_id, title = f"{MAILBOX}.resolve", "ResolveNames"
    found = session.protocol.resolve_names([email])
    mailboxes = [m for m in found if not isinstance(m, Exception)]
    if not mailboxes:
        reason = next((str(m) for m in found if isinstance(m, Exception)), "no results")
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary=f"{email} is not found in the address book ({reason})",
            remedy=Remedy(
                "Check the address; a mailbox hidden from address lists "
                "(HiddenFromAddressListsEnabled) is not found by Lync/Teams either."
            ),
        )
    exact = [m for m in mailboxes if str(getattr(m, "email_address", "")).lower() == email.lower()]
    best = (exact or mailboxes)[0]
    summary = f"{email} resolves to {best.name} <{best.email_address}> ({best.mailbox_type})"
    if len(mailboxes) > 1:
        summary += f"; {len(mailboxes)} entries matched"
    return Step(step_id, title, Status.PASS, summary=summary)


def _inbox(ctx: Context, session: EwsSession, email: str) -> Step:
    inbox = session.account.inbox
    return Step(
        f"{MAILBOX}.inbox",
        "Inbox",
        Status.PASS,
        summary=f"{inbox.total_count} items, {inbox.unread_count} unread",
    )


def _oof(ctx: Context, session: EwsSession, email: str) -> Step:
    settings = session.account.oof_settings
    state = str(settings.state)
    details = ""
    if state != "Disabled":
        details = f"Internal reply: {settings.internal_reply or ''}"
    window = ""
    if state == "Scheduled" and settings.start and settings.end:
        window = f" ({settings.start.isoformat()} to {settings.end.isoformat()})"
    return Step(
        f"{MAILBOX}.oof",
        "Automatic replies (out of office)",
        Status.PASS,
        summary=f"read: automatic replies are {state.lower()}{window}",
        details=details,
    )


def _free_busy(ctx: Context, session: EwsSession, email: str) -> Step:
    from exchangelib import UTC, EWSDateTime

    start = EWSDateTime.now(tz=UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + dt.timedelta(days=1)
    views = list(
        session.protocol.get_free_busy_info(
            accounts=[(email, "Required", False)], start=start, end=end
        )
    )
    view = views[0] if views else None
    if view is None or isinstance(view, Exception):
        return Step(
            f"{MAILBOX}.freebusy",
            "Free/busy",
            Status.FAIL,
            summary=f"no free/busy answer for {email}: {view}",
            remedy=Remedy(
                "Check the availability service: in hybrid setups the organisation "
                "relationship (Get-OrganizationRelationship | Format-List FreeBusy*)."
            ),
        )
    events = view.calendar_events or []
    busy = [e for e in events if e.busy_type != "Free"]
    return Step(
        f"{MAILBOX}.freebusy",
        "Free/busy",
        Status.PASS,
        summary=f"answered for today (UTC): {len(busy)} busy period(s), view {view.view_type}",
        details=f"Merged free/busy (30-minute slots): {view.merged or '(none)'}",
    )


_Probe = Callable[[Context, EwsSession, str], Step]
_MAILBOX_PROBES: tuple[tuple[str, str, _Probe], ...] = (
    (f"{MAILBOX}.resolve", "ResolveNames", _resolve),
    (f"{MAILBOX}.inbox", "Inbox", _inbox),
    (f"{MAILBOX}.oof", "Automatic replies (out of office)", _oof),
    (f"{MAILBOX}.freebusy", "Free/busy", _free_busy),
)


def check_mailbox(ctx: Context) -> Step:
    title = "EWS mailbox data (what Lync/Teams read)"
    credential = ctx.credentials
    login = ctx.results.get(LOGIN)
    info = step_info(login)
    if credential is None:
        return Step(MAILBOX, title, Status.SKIP, summary=f"skipped: {NO_CREDENTIALS}")
    if login is None or login.status is not Status.PASS or info is None:
        return Step(
            MAILBOX,
            title,
            Status.SKIP,
            summary="skipped: EWS sign-in did not succeed (see ews.login)",
        )
    url, email, auth_type = str(info["url"]), str(info["email"]), str(info["auth_type"])
    token: BearerToken | None = None
    if isinstance(credential, OAuthCredential):
        got = get_token(ctx, credential, MAILBOX, title)  # held since ews.login: no sign-in
        if isinstance(got, Step):
            return got
        login_host = ctx.target.environment.login_host or "login.microsoftonline.com"
        token = BearerToken(got.value, login_host, credential.app_only)
    children: list[Step] = []
    with ews_session(
        ctx.net, endpoint=url, email=email, credential=credential, auth_type=auth_type, token=token
    ) as session:
        try:
            # Protocol-level calls (ResolveNames, free/busy) need the version guessed first;
            # exchangelib 5.6 does not do it for them and fails with an AttributeError.
            _ = session.account.version
        except session_errors() as exc:
            return session_failure(ctx, exc, session, url, title, MAILBOX)
        for step_id, step_title, probe in _MAILBOX_PROBES:
            ctx.step_started(step_id, step_title)
            try:
                child = probe(ctx, session, email)
            except session_errors() as exc:  # each probe's failure is its own verdict
                child = session_failure(ctx, exc, session, url, step_title, step_id)
            child.summary = ctx.redactor(child.summary)
            child.details = ctx.redactor(child.details)
            ctx.step_finished(child)
            children.append(child)
        exchanges = session.route.exchanges
    status = worst([c.status for c in children])
    failed = [c for c in children if c.status.is_problem]
    if failed:
        summary = "; ".join(f"{c.title}: {c.summary}" for c in failed)
    else:
        summary = (
            "; ".join(c.summary for c in children[:2]) + "; automatic replies and free/busy read"
        )
    return Step(
        MAILBOX,
        title,
        status,
        summary=summary,
        remedy=next((c.remedy for c in failed if c.remedy is not None), None),
        evidence=exchange_evidence(ctx, exchanges),
        children=children,
    )
