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

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.mail.check import Query, SignIn, mail_check
from assistant.checks.mail.oauth import xoauth2_step
from assistant.checks.mail.retirement import deprecation_check
from assistant.checks.mail.session import (
    Conversation,
    MailProtocol,
    PasswordSignIn,
    password_sign_in,
)
from assistant.checks.oauth_common import AUTH_TOKEN, oauth
from assistant.model import Step
from assistant.net.mailwire import Wire
from assistant.net.pop_client import PopConnection
from assistant.text import msg

LOGIN = "pop.login"
SIGN_IN = "pop.login.password"
SIGN_IN_XOAUTH2 = "pop.login.xoauth2"
STAT = "pop.stat"
TITLE = msg("POP sign-in and mailbox")
_SIGN_IN_TITLE = msg("Sign in with the password")
_STAT_TITLE = msg("Mailbox statistics (STAT)")
_SIGN_IN = SignIn(SIGN_IN, _SIGN_IN_TITLE, SIGN_IN_XOAUTH2)


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


def _login_step(conv: Conversation[PopConnection]) -> Step:
    session = conv.live
    if oauth(conv.ctx) is not None:
        return xoauth2_step(
            conv,
            step_id=SIGN_IN_XOAUTH2,
            offered=sasl_mechanisms(conv.after_tls),
            login=session.xoauth2_login,
        )

    def login(mechanism: str, user: str, secret: str) -> str:
        session.password_login(mechanism, user, secret)
        return "(USER/PASS)" if mechanism == "USER" else "(AUTH PLAIN)"

    offered = ", ".join(conv.after_tls) or msg("no CAPA")
    return password_sign_in(
        conv,
        PasswordSignIn(
            SIGN_IN,
            _SIGN_IN_TITLE,
            password_mechanism(conv.after_tls),
            msg("the server accepts no password over TLS (it offers {offered})", offered=offered),
            login,
            offered=offered,
        ),
    )


def _stat(session: PopConnection) -> str:
    count, size = session.stat()
    if count == 1:
        return msg("1 message, {size} bytes", size=size)
    return msg("{count} messages, {size} bytes", count=count, size=size)


def check_pop(ctx: Context) -> Step:
    return mail_check(
        ctx,
        POP,
        LOGIN,
        TITLE,
        sign_in=_SIGN_IN,
        login=_login_step,
        after=Query(STAT, _STAT_TITLE, _stat),
        success=lambda server, mailbox: msg(
            "signed in to {server}; mailbox: {mailbox}", server=server, mailbox=mailbox
        ),
    )


POP_CHECKS: tuple[Check, ...] = (
    Check(
        LOGIN,
        TITLE,
        check_pop,
        after=(RESULT_CHECK, AUTH_TOKEN),
        starts_early=True,  # on autodiscover's first usable answer
        needs_credentials=True,
        oauth_protocol="pop",
    ),
    deprecation_check("pop", LOGIN),
)
