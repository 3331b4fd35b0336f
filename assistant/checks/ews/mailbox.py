"""ews.mailbox: what Lync/Skype and Teams read through EWS.

ResolveNames of the user, the Inbox count, automatic replies (out of office) and
free/busy, each a child step so one failure does not hide the others. Runs only after a
successful ews.login, with the same URL and sign-in method.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from assistant.auth.credentials import OAuthCredential
from assistant.check import Context
from assistant.checks.ews.common import (
    LOGIN,
    MAILBOX,
    MAILBOX_TITLE,
    exchange_evidence,
    number,
    session_failure,
    skipped_no_credentials,
    step_info,
)
from assistant.checks.ews.errors import session_errors
from assistant.checks.ews.exchangelib_credentials import BearerToken
from assistant.checks.ews.session import EwsSession, ews_session
from assistant.checks.oauth_common import get_token
from assistant.model import Remedy, Status, Step, worst
from assistant.text import join, msg

RESOLVE_TITLE = msg("ResolveNames")
INBOX_TITLE = msg("Inbox")
OOF_TITLE = msg("Automatic replies (out of office)")
FREE_BUSY_TITLE = msg("Free/busy")


def _resolve(ctx: Context, session: EwsSession, email: str) -> Step:
    step_id, title = f"{MAILBOX}.resolve", RESOLVE_TITLE
    found = session.protocol.resolve_names([email])
    mailboxes = [m for m in found if not isinstance(m, Exception)]
    if not mailboxes:
        error = next((str(m) for m in found if isinstance(m, Exception)), None)
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary=msg(
                "{email} is not found in the address book ({error})", email=email, error=error
            )
            if error is not None
            else msg("{email} is not found in the address book (no results)", email=email),
            remedy=Remedy(
                msg(
                    "Check the address; a mailbox hidden from address lists "
                    "(HiddenFromAddressListsEnabled) is not found by Lync/Teams either."
                )
            ),
        )
    exact = [m for m in mailboxes if str(getattr(m, "email_address", "")).lower() == email.lower()]
    best = (exact or mailboxes)[0]
    name, address, kind = str(best.name), str(best.email_address), str(best.mailbox_type)
    summary = (
        msg(
            "{email} resolves to {name} <{address}> ({mailbox_type}); {count} entries matched",
            email=email,
            name=name,
            address=address,
            mailbox_type=kind,
            count=len(mailboxes),
        )
        if len(mailboxes) > 1
        else msg(
            "{email} resolves to {name} <{address}> ({mailbox_type})",
            email=email,
            name=name,
            address=address,
            mailbox_type=kind,
        )
    )
    return Step(step_id, title, Status.PASS, summary=summary)


def _inbox(ctx: Context, session: EwsSession, email: str) -> Step:
    inbox = session.account.inbox
    return Step(
        f"{MAILBOX}.inbox",
        INBOX_TITLE,
        Status.PASS,
        summary=msg(
            "{count} items, {unread} unread",
            count=number(inbox.total_count),
            unread=number(inbox.unread_count),
        ),
    )


def _oof(ctx: Context, session: EwsSession, email: str) -> Step:
    settings = session.account.oof_settings
    state = str(settings.state)
    details = ""
    if state != "Disabled":
        details = msg("Internal reply: {reply}", reply=str(settings.internal_reply or ""))
    return Step(
        f"{MAILBOX}.oof",
        OOF_TITLE,
        Status.PASS,
        summary=_oof_summary(state, settings.start, settings.end),
        details=details,
    )


def _oof_summary(state: str, start: dt.datetime | None, end: dt.datetime | None) -> str:
    if state == "Scheduled" and start and end:
        return msg(
            "read: automatic replies are scheduled ({start} to {end})",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    known = {
        "Enabled": msg("read: automatic replies are enabled"),
        "Disabled": msg("read: automatic replies are disabled"),
        "Scheduled": msg("read: automatic replies are scheduled"),
    }
    return known.get(state) or msg("read: automatic replies are {state}", state=state.lower())


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
            FREE_BUSY_TITLE,
            Status.FAIL,
            summary=msg("no free/busy answer for {email}: {error}", email=email, error=str(view)),
            remedy=Remedy(
                msg(
                    "Check the availability service: in hybrid setups the organisation "
                    "relationship (Get-OrganizationRelationship | Format-List FreeBusy*)."
                )
            ),
        )
    events = view.calendar_events or []
    busy = [e for e in events if e.busy_type != "Free"]
    return Step(
        f"{MAILBOX}.freebusy",
        FREE_BUSY_TITLE,
        Status.PASS,
        summary=msg(
            "answered for today (UTC): {count} busy period(s), view {view}",
            count=len(busy),
            view=str(view.view_type),
        ),
        details=msg("Merged free/busy (30-minute slots): {slots}", slots=str(view.merged))
        if view.merged
        else msg("Merged free/busy (30-minute slots): (none)"),
    )


_Probe = Callable[[Context, EwsSession, str], Step]
_MAILBOX_PROBES: tuple[tuple[str, str, _Probe], ...] = (
    (f"{MAILBOX}.resolve", RESOLVE_TITLE, _resolve),
    (f"{MAILBOX}.inbox", INBOX_TITLE, _inbox),
    (f"{MAILBOX}.oof", OOF_TITLE, _oof),
    (f"{MAILBOX}.freebusy", FREE_BUSY_TITLE, _free_busy),
)


def check_mailbox(ctx: Context) -> Step:
    title = MAILBOX_TITLE
    credential = ctx.credentials
    login = ctx.results.get(LOGIN)
    info = step_info(login)
    if credential is None:
        return Step(MAILBOX, title, Status.SKIP, summary=skipped_no_credentials())
    if login is None or login.status is not Status.PASS or info is None:
        return Step(
            MAILBOX,
            title,
            Status.SKIP,
            summary=msg("skipped: EWS sign-in did not succeed (see ews.login)"),
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
    summary: str
    if failed:
        summary = join(
            "; ", [msg("{title}: {summary}", title=c.title, summary=c.summary) for c in failed]
        )
    else:
        summary = msg(
            "{first}; automatic replies and free/busy read",
            first=join("; ", [c.summary for c in children[:2]]),
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
