"""pop.login: a POP3 conversation from TCP to STAT, as a mail client has it.

Children, in order (a failed one stops the rest, which are skipped with the reason):
pop.connect         TCP, and for STLS (port 110) the greeting and CAPA in plain text
pop.tls             implicit TLS (995) or STLS: certificate, protocol, cipher, CAPA again
pop.login.password  USER/PASS (or AUTH PLAIN) over TLS that validated for the host
pop.login.xoauth2   instead, in an OAuth run: AUTH XOAUTH2 with the run's token
pop.stat            STAT: messages and bytes in the mailbox
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Sequence

from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.mail_common import (
    Endpoint,
    blocked_by,
    choose_endpoint,
    failure,
    no_endpoint,
    roll_up,
    skipped,
    timed,
)
from assistant.checks.mail_oauth import TITLE as XOAUTH2_TITLE
from assistant.checks.mail_oauth import xoauth2_step
from assistant.checks.mail_session import (
    PROTOCOL_ERRORS,
    Conversation,
    MailProtocol,
    PasswordSignIn,
    password_sign_in,
)
from assistant.checks.oauth_common import AUTH_TOKEN, oauth
from assistant.model import Status, Step
from assistant.net.mailwire import Wire
from assistant.net.pop_client import PopConnection
from assistant.runner import Check, Context
from assistant.text import msg

LOGIN = "pop.login"
SIGN_IN = "pop.login.password"
SIGN_IN_XOAUTH2 = "pop.login.xoauth2"
STAT = "pop.stat"
TITLE = msg("POP sign-in and mailbox")
_SIGN_IN_TITLE = msg("Sign in with the password")
_STAT_TITLE = msg("Mailbox statistics (STAT)")


def _open(sock: socket.socket, wire: Wire, host: str, port: int) -> PopConnection:
    return PopConnection(sock, wire, host, port)


def _hello(session: PopConnection) -> list[str]:
    return [" ".join([name, *args]) for name, args in session.capabilities().items()]


def _adopt(session: PopConnection, ssock: ssl.SSLSocket) -> list[str]:
    session.adopt_tls(ssock)
    return _hello(session)


def _names(capabilities: Sequence[str]) -> set[str]:
    return {line.split()[0].upper() for line in capabilities if line.strip()}


POP: MailProtocol[PopConnection] = MailProtocol(
    key="pop",
    name="POP",
    open=_open,
    hello=_hello,
    offers_starttls=lambda caps: "STLS" in _names(caps),
    starttls=lambda session: session.stls_command(),
    adopt_tls=_adopt,
    drop_reader=lambda session: session.file.close(),
)


def sasl_mechanisms(capabilities: Sequence[str]) -> list[str]:
    for line in capabilities:
        words = line.upper().split()
        if words and words[0] == "SASL":
            return words[1:]
    return []


def password_mechanism(capabilities: Sequence[str]) -> str | None:
    """USER/PASS when offered (or when the server has no CAPA at all), else AUTH PLAIN."""
    if not capabilities or "USER" in _names(capabilities):
        return "USER"
    if "PLAIN" in sasl_mechanisms(capabilities):
        return "PLAIN"
    return None


def _login_step(ctx: Context, conv: Conversation[PopConnection], ep: Endpoint) -> Step:
    offered = ", ".join(conv.after_tls) or msg("no CAPA")
    if oauth(ctx) is not None:
        session = conv.session
        assert session is not None
        return xoauth2_step(
            ctx,
            conv,
            ep,
            step_id=SIGN_IN_XOAUTH2,
            offered=sasl_mechanisms(conv.after_tls),
            login=session.xoauth2_login,
        )
    session = conv.session
    assert session is not None

    def login(mechanism: str, user: str, secret: str) -> str:
        session.password_login(mechanism, user, secret)
        return "(USER/PASS)" if mechanism == "USER" else "(AUTH PLAIN)"

    return password_sign_in(
        ctx,
        conv,
        ep,
        PasswordSignIn(
            "pop",
            SIGN_IN,
            _SIGN_IN_TITLE,
            password_mechanism(conv.after_tls),
            msg("the server accepts no password over TLS (it offers {offered})", offered=offered),
            login,
            offered=offered,
        ),
    )


def _stat_step(ctx: Context, conv: Conversation[PopConnection]) -> Step:
    session = conv.session
    assert session is not None
    try:
        count, size = session.stat()
    except PROTOCOL_ERRORS as exc:
        summary, remedy = conv.explain(failure(ctx, exc, conv.wire))
        return Step(STAT, _STAT_TITLE, Status.FAIL, summary=summary, remedy=remedy)
    summary = (
        msg("1 message, {size} bytes", size=size)
        if count == 1
        else msg("{count} messages, {size} bytes", count=count, size=size)
    )
    return Step(STAT, _STAT_TITLE, Status.PASS, summary=summary)


def check_pop(ctx: Context) -> Step:
    ep = choose_endpoint(ctx, "pop")
    if ep is None:
        return no_endpoint(LOGIN, TITLE, "pop")
    conv = Conversation(ctx, ep, POP)
    sign_in, sign_in_title = SIGN_IN, _SIGN_IN_TITLE
    if oauth(ctx) is not None:
        sign_in, sign_in_title = SIGN_IN_XOAUTH2, XOAUTH2_TITLE
    try:
        children = conv.open()
        if conv.session is None:
            reason = blocked_by(children) or msg("not tried")
            children += [
                skipped(sign_in, sign_in_title, reason),
                skipped(STAT, _STAT_TITLE, reason),
            ]
        else:
            login = timed(lambda: _login_step(ctx, conv, ep))
            children.append(login)
            if login.status is Status.PASS:
                children.append(timed(lambda: _stat_step(ctx, conv)))
            else:
                reason = login.summary if login.status is Status.SKIP else msg("not signed in")
                not_tried = msg("not tried: {reason}", reason=reason)
                children.append(skipped(STAT, _STAT_TITLE, not_tried))
    finally:
        conv.close()
    return roll_up(
        LOGIN,
        TITLE,
        ep,
        children,
        conv.wires,
        success=msg(
            "signed in to {server}; mailbox: {mailbox}",
            server=ep.describe(),
            mailbox=children[-1].summary,
        ),
        login_id=sign_in,
    )


POP_CHECKS: tuple[Check, ...] = (Check(LOGIN, TITLE, check_pop, after=(RESULT_CHECK, AUTH_TOKEN)),)
