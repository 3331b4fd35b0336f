"""imap.login: an IMAP conversation from TCP to INBOX, as a mail client has it.

Children, in order (a failed one stops the rest, which are skipped with the reason):
imap.connect       TCP, and for STARTTLS the greeting and capabilities in plain text
imap.tls           implicit TLS (993) or STARTTLS (143): certificate, protocol, cipher
imap.capabilities  before and after TLS: AUTH= mechanisms, LOGINDISABLED, STARTTLS
imap.login.password  AUTHENTICATE PLAIN (or LOGIN) over TLS that validated for the host
imap.login.xoauth2   instead, in an OAuth run: AUTHENTICATE XOAUTH2 with the run's token
imap.inbox         EXAMINE INBOX (read-only): the message count

Neither password nor token travels before TLS, nor over TLS that did not validate, nor
to a host outside the rules (mail.common.host_refusal).
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Sequence

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.mail.check import Query, SignIn, Stage, mail_check
from assistant.checks.mail.oauth import xoauth2_step
from assistant.checks.mail.retirement import deprecation_check
from assistant.checks.mail.session import (
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
_SIGN_IN = SignIn(SIGN_IN, _SIGN_IN_TITLE, SIGN_IN_XOAUTH2)


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


def _login_step(conv: Conversation[ImapConnection]) -> Step:
    session = conv.live
    if oauth(conv.ctx) is not None:
        return xoauth2_step(
            conv,
            step_id=SIGN_IN_XOAUTH2,
            offered=auth_mechanisms(conv.after_tls),
            login=session.xoauth2_login,
        )

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
        conv,
        PasswordSignIn(
            SIGN_IN, _SIGN_IN_TITLE, password_mechanism(conv.after_tls), no_mechanism, login
        ),
    )


def _inbox(session: ImapConnection) -> str:
    count = session.examine_inbox()
    if count == 1:
        return msg("INBOX opened: 1 message")
    return msg("INBOX opened: {count} messages", count=count)


def check_imap(ctx: Context) -> Step:
    return mail_check(
        ctx,
        IMAP,
        LOGIN,
        TITLE,
        sign_in=_SIGN_IN,
        login=_login_step,
        before=Stage(CAPABILITIES, _CAPS_TITLE, _capabilities_step),
        after=Query(INBOX, _INBOX_TITLE, _inbox),
        success=lambda server, inbox: msg(
            "signed in to {server}; {inbox}", server=server, inbox=inbox
        ),
    )


IMAP_CHECKS: tuple[Check, ...] = (
    Check(
        LOGIN,
        TITLE,
        check_imap,
        after=(RESULT_CHECK, AUTH_TOKEN),
        starts_early=True,  # on autodiscover's first usable answer
        needs_credentials=True,
        oauth_protocol="imap",
    ),
    deprecation_check("imap", LOGIN),
)
