"""The frame imap.login, pop.login and smtp.auth share; each states only its own steps.

A check is one conversation (session.py): the connect and TLS steps, then, only with
a live session, the protocol's steps: perhaps one before the sign-in
(imap.capabilities), the sign-in (with the password, or XOAUTH2 in an OAuth run), and
perhaps one once signed in (imap.inbox, pop.stat). What could not be tried is skipped
with the reason, and common.roll_up makes the check's own step of the children.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from assistant.check import Context
from assistant.checks.mail.common import (
    blocked_by,
    choose_endpoint,
    failure,
    no_endpoint,
    roll_up,
    skipped,
    timed,
)
from assistant.checks.mail.oauth import TITLE as XOAUTH2_TITLE
from assistant.checks.mail.session import PROTOCOL_ERRORS, Conversation, MailProtocol, Session
from assistant.checks.oauth_common import oauth
from assistant.model import Status, Step
from assistant.text import msg

S = TypeVar("S", bound=Session)


@dataclass(frozen=True)
class SignIn:
    """The sign-in step's ID and title: with the password, or with the run's token."""

    password_id: str
    password_title: str  # Text
    xoauth2_id: str

    def chosen(self, ctx: Context) -> tuple[str, str]:
        if oauth(ctx) is not None:
            return self.xoauth2_id, XOAUTH2_TITLE
        return self.password_id, self.password_title


@dataclass(frozen=True)
class Stage(Generic[S]):
    """A step before the sign-in, which is tried whatever this one finds (not timed: it
    reads only what the server offered)."""

    step_id: str
    title: str  # Text
    run: Callable[[Conversation[S]], Step]


@dataclass(frozen=True)
class Query(Generic[S]):
    """The step once signed in: `ask` returns its summary (Text), or raises one of
    PROTOCOL_ERRORS, which fails the step with the refusal explained."""

    step_id: str
    title: str  # Text
    ask: Callable[[S], str]


def mail_check(
    ctx: Context,
    protocol: MailProtocol[S],
    check_id: str,
    title: str,
    *,
    sign_in: SignIn,
    login: Callable[[Conversation[S]], Step],
    success: Callable[[str, str], str],
    before: Stage[S] | None = None,
    after: Query[S] | None = None,
) -> Step:
    """`login` makes the sign-in step; `success(server, last)` is the check's summary
    when all went well, from the server described and the last child's summary."""
    ep = choose_endpoint(ctx, protocol.key)
    if ep is None:
        return no_endpoint(check_id, title, protocol.key)
    conv = Conversation(ctx, ep, protocol)
    sign_in_id, sign_in_title = sign_in.chosen(ctx)
    try:
        children = conv.open()
        if conv.session is None:
            reason = blocked_by(children) or msg("not tried")
            if before is not None:
                children.append(skipped(before.step_id, before.title, reason))
            children.append(skipped(sign_in_id, sign_in_title, reason))
            if after is not None:
                children.append(skipped(after.step_id, after.title, reason))
        else:
            children += _live(conv, before, login, after)
    finally:
        conv.close()
    return roll_up(
        check_id,
        title,
        ep,
        children,
        conv.wires,
        success=success(ep.describe(), children[-1].summary),
        login_id=sign_in_id,
    )


def _live(
    conv: Conversation[S],
    before: Stage[S] | None,
    login: Callable[[Conversation[S]], Step],
    after: Query[S] | None,
) -> list[Step]:
    steps = [before.run(conv)] if before is not None else []
    signed_in = timed(lambda: login(conv))
    steps.append(signed_in)
    if after is None:
        return steps
    if signed_in.status is Status.PASS:
        steps.append(timed(lambda: _ask(conv, after)))
    else:
        reason = signed_in.summary if signed_in.status is Status.SKIP else msg("not signed in")
        steps.append(skipped(after.step_id, after.title, msg("not tried: {reason}", reason=reason)))
    return steps


def _ask(conv: Conversation[S], query: Query[S]) -> Step:
    try:
        summary = query.ask(conv.live)
    except PROTOCOL_ERRORS as exc:
        summary, remedy = conv.explain(failure(conv.ctx, exc, conv.wire))
        return Step(query.step_id, query.title, Status.FAIL, summary=summary, remedy=remedy)
    return Step(query.step_id, query.title, Status.PASS, summary=summary)
