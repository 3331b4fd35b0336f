"""imap.login: an IMAP conversation from TCP to INBOX, as a mail client has it.

Children, in order (a failed one stops the rest, which are skipped with the reason):
imap.connect       TCP, and for STARTTLS the greeting and capabilities in plain text
imap.tls           implicit TLS (993) or STARTTLS (143): certificate, protocol, cipher
imap.capabilities  before and after TLS: AUTH= mechanisms, LOGINDISABLED, STARTTLS
imap.login.password  AUTHENTICATE PLAIN (or LOGIN) over TLS that validated for the host
imap.login.xoauth2   instead, in an OAuth run: AUTHENTICATE XOAUTH2 with the run's token
imap.inbox         EXAMINE INBOX (read-only): the message count

Neither password nor token travels before TLS, nor over TLS that did not validate, nor
to a host outside the rules (mail_common.host_refusal).
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
from assistant.facts import MAIL_LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.imap_client import ImapConnection
from assistant.net.mailwire import Wire
from assistant.runner import Check, Context
from assistant.text import join, msg

LOGIN = "imap.login"
CAPABILITIES = "imap.capabilities"
SIGN_IN = "imap.login.password"
SIGN_IN_XOAUTH2 = "imap.login.xoauth2"
INBOX = "imap.inbox"
TITLE = msg("IMAP sign-in and INBOX")
_CAPS_TITLE = msg("Capabilities and sign-in methods")
_SIGN_IN_TITLE = msg("Sign in with the password")
_INBOX_TITLE = msg("Open INBOX (read-only)")


def _open(sock: socket.socket, wire: Wire, host: str, port: int) -> ImapConnection:
    return ImapConnection(sock, wire, host, port)


def _adopt(session: ImapConnection, ssock: ssl.SSLSocket) -> list[str]:
    return list(session.adopt_tls(ssock))


IMAP: MailProtocol[ImapConnection] = MailProtocol(
    key="imap",
    name="IMAP",
    open=_open,
    hello=lambda session: list(session.capabilities),
    offers_starttls=lambda caps: "STARTTLS" in caps,
    starttls=lambda session: session.starttls_command(),
    adopt_tls=_adopt,
    drop_reader=lambda session: session.file.close(),
)


def auth_mechanisms(capabilities: Sequence[str]) -> list[str]:
    return [c[5:] for c in capabilities if c.upper().startswith("AUTH=")]


def password_mechanism(capabilities: Sequence[str]) -> str | None:
    """How a password signs in: AUTHENTICATE PLAIN when offered, else LOGIN unless
    LOGINDISABLED; None when neither (e.g. only XOAUTH2)."""
    caps = {c.upper() for c in capabilities}
    if "AUTH=PLAIN" in caps:
        return "PLAIN"
    if "LOGINDISABLED" not in caps:
        return "LOGIN"
    return None


def _capabilities_step(conv: Conversation[ImapConnection]) -> Step:
    before, after = conv.before_tls, conv.after_tls
    methods = [f"AUTH={m}" for m in auth_mechanisms(after)]
    if "LOGINDISABLED" not in after:
        methods.append("LOGIN")
    evidence = [
        Evidence("table", msg("IMAP capabilities"), {"before_tls": before, "after_tls": after})
    ]
    if not methods:
        return Step(
            CAPABILITIES,
            _CAPS_TITLE,
            Status.FAIL,
            summary=msg(
                "the server offers no way to sign in over TLS (no AUTH= mechanism, LOGINDISABLED)"
            ),
            evidence=evidence,
            remedy=Remedy(
                msg(
                    "Turn on IMAP sign-in on the server (Exchange Server: Set-ImapSettings "
                    "-LoginType SecureLogin)."
                ),
                MAIL_LINKS["imap_pop_access"],
            ),
        )
    parts = [msg("sign-in over TLS: {methods}", methods=", ".join(methods))]
    if before:
        if "LOGINDISABLED" in before:
            parts.append(
                msg(
                    "before TLS: LOGINDISABLED (passwords refused in plain text, as they should be)"
                )
            )
        else:
            parts.append(msg("before TLS the server would accept a password in plain text"))
    summary = join("; ", parts)
    status = Status.PASS
    remedy = None
    if before and "LOGINDISABLED" not in before:
        status = Status.WARN
        remedy = Remedy(
            msg(
                "Refuse passwords before STARTTLS (Exchange Server: Set-ImapSettings -LoginType "
                "SecureLogin), so a client set up without encryption cannot leak one."
            ),
            MAIL_LINKS["imap_pop_access"],
        )
    return Step(
        CAPABILITIES, _CAPS_TITLE, status, summary=summary, remedy=remedy, evidence=evidence
    )


def _login_step(ctx: Context, conv: Conversation[ImapConnection], ep: Endpoint) -> Step:
    if oauth(ctx) is not None:
        session = conv.session
        assert session is not None
        return xoauth2_step(
            ctx,
            conv,
            ep,
            step_id=SIGN_IN_XOAUTH2,
            offered=auth_mechanisms(conv.after_tls),
            login=session.xoauth2_login,
        )
    session = conv.session
    assert session is not None

    def login(mechanism: str, user: str, secret: str) -> str:
        session.password_login(mechanism, user, secret)
        return "(AUTHENTICATE PLAIN)" if mechanism == "PLAIN" else "(LOGIN)"

    offered = ", ".join(auth_mechanisms(conv.after_tls))
    no_mechanism = (
        msg("the server accepts no password over TLS (it offers {offered})", offered=offered)
        if offered
        else msg("the server accepts no password over TLS (it offers nothing)")
    )
    return password_sign_in(
        ctx,
        conv,
        ep,
        PasswordSignIn(
            "imap",
            SIGN_IN,
            _SIGN_IN_TITLE,
            password_mechanism(conv.after_tls),
            no_mechanism,
            login,
        ),
    )


def _inbox_step(ctx: Context, conv: Conversation[ImapConnection]) -> Step:
    session = conv.session
    assert session is not None
    try:
        count = session.examine_inbox()
    except PROTOCOL_ERRORS as exc:
        summary, remedy = conv.explain(failure(ctx, exc, conv.wire))
        return Step(INBOX, _INBOX_TITLE, Status.FAIL, summary=summary, remedy=remedy)
    summary = (
        msg("INBOX opened: 1 message")
        if count == 1
        else msg("INBOX opened: {count} messages", count=count)
    )
    return Step(INBOX, _INBOX_TITLE, Status.PASS, summary=summary)


def check_imap(ctx: Context) -> Step:
    ep = choose_endpoint(ctx, "imap")
    if ep is None:
        return no_endpoint(LOGIN, TITLE, "imap")
    conv = Conversation(ctx, ep, IMAP)
    sign_in, sign_in_title = SIGN_IN, _SIGN_IN_TITLE
    if oauth(ctx) is not None:
        sign_in, sign_in_title = SIGN_IN_XOAUTH2, XOAUTH2_TITLE
    try:
        children = conv.open()
        if conv.session is None:
            reason = blocked_by(children) or msg("not tried")
            children += [
                skipped(CAPABILITIES, _CAPS_TITLE, reason),
                skipped(sign_in, sign_in_title, reason),
                skipped(INBOX, _INBOX_TITLE, reason),
            ]
        else:
            children.append(_capabilities_step(conv))
            login = timed(lambda: _login_step(ctx, conv, ep))
            children.append(login)
            if login.status is Status.PASS:
                children.append(timed(lambda: _inbox_step(ctx, conv)))
            else:
                reason = login.summary if login.status is Status.SKIP else msg("not signed in")
                not_tried = msg("not tried: {reason}", reason=reason)
                children.append(skipped(INBOX, _INBOX_TITLE, not_tried))
    finally:
        conv.close()
    inbox = children[-1]
    return roll_up(
        LOGIN,
        TITLE,
        ep,
        children,
        conv.wires,
        success=msg("signed in to {server}; {inbox}", server=ep.describe(), inbox=inbox.summary),
        login_id=sign_in,
    )


IMAP_CHECKS: tuple[Check, ...] = (
    Check(LOGIN, TITLE, check_imap, after=(RESULT_CHECK, AUTH_TOKEN)),
)
