"""smtp.auth: SMTP client submission as a device or application does it, and
smtp.deprecation: the dated end of password sign-in for SMTP AUTH in Exchange Online.

smtp.auth's children, in order (a failed one stops the rest, skipped with the reason):
smtp.connect        TCP, and for STARTTLS (587) the banner and EHLO in plain text
smtp.tls            implicit TLS (465) or STARTTLS: certificate, protocol, cipher, EHLO again
smtp.auth.password  the AUTH mechanisms offered over TLS, and AUTH PLAIN (or LOGIN)
smtp.auth.xoauth2   instead, in an OAuth run: AUTH XOAUTH2 with the run's token

Exchange Online's refusals (535 5.7.139, 550 5.7.30, 421 4.7.66, ...) are explained
by mail.replies. Nothing is sent as mail here (that is relay.*).
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
from collections.abc import Callable, Sequence

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.mail.check import SignIn, mail_check
from assistant.checks.mail.common import Endpoint, ReplyRefused
from assistant.checks.mail.oauth import xoauth2_step
from assistant.checks.mail.session import (
    Conversation,
    MailProtocol,
    PasswordSignIn,
    password_sign_in,
)
from assistant.checks.oauth_common import AUTH_TOKEN, oauth
from assistant.facts import LEGACY_TLS_RETIRED, MAIL_LINKS, SMTP_AUTH_BASIC_OFF_BY_DEFAULT
from assistant.model import Remedy, Status, Step
from assistant.net.mailwire import Wire
from assistant.net.smtp_client import SmtpConnection
from assistant.text import msg

AUTH = "smtp.auth"
SIGN_IN = "smtp.auth.password"
SIGN_IN_XOAUTH2 = "smtp.auth.xoauth2"
DEPRECATION = "smtp.deprecation"
TITLE = msg("SMTP client submission (SMTP AUTH)")
DEPRECATION_TITLE = msg("SMTP AUTH with a password in Exchange Online: retirement dates")
_SIGN_IN_TITLE = msg("AUTH mechanisms and sign-in with the password")
_SIGN_IN = SignIn(SIGN_IN, _SIGN_IN_TITLE, SIGN_IN_XOAUTH2)


def _reply(code: int, message: bytes) -> str:
    return f"{code} {' '.join(message.decode('utf-8', errors='replace').split())}"


def _open(sock: socket.socket, wire: Wire, host: str, port: int) -> SmtpConnection:
    session = SmtpConnection(sock, wire, host)
    try:
        code, message = session.read_greeting()
        if code != 220:
            raise ReplyRefused(msg("the greeting"), _reply(code, message))
    except BaseException:
        if session.file is not None:
            session.file.close()
        raise
    return session


def _hello(session: SmtpConnection) -> list[str]:
    code, message = session.ehlo()
    if code != 250:
        raise ReplyRefused("EHLO", _reply(code, message))
    return message.decode("utf-8", errors="replace").splitlines()[1:]


def _starttls(session: SmtpConnection) -> None:
    code, message = session.starttls_command()
    if code != 220:
        raise ReplyRefused("STARTTLS", _reply(code, message))


def _adopt(session: SmtpConnection, ssock: ssl.SSLSocket) -> list[str]:
    session.adopt_tls(ssock)
    return _hello(session)


def _drop_reader(session: SmtpConnection) -> None:
    if session.file is not None:
        session.file.close()


SMTP: MailProtocol[SmtpConnection] = MailProtocol(
    key="smtp",
    name="SMTP",
    open=_open,
    hello=_hello,
    offers_starttls=lambda lines: any(
        line.split()[:1] == ["STARTTLS"] for line in (x.upper() for x in lines)
    ),
    starttls=_starttls,
    adopt_tls=_adopt,
    drop_reader=_drop_reader,
)


def password_mechanism(offered: Sequence[str]) -> str | None:
    """AUTH PLAIN when offered, else LOGIN; None when neither (e.g. only XOAUTH2)."""
    upper = {m.upper() for m in offered}
    for mechanism in ("PLAIN", "LOGIN"):
        if mechanism in upper:
            return mechanism
    return None


def _no_auth_remedy(ep: Endpoint) -> Remedy:
    if ep.microsoft:
        return Remedy(
            msg(
                "{host} offers AUTH after STARTTLS on port 587. If it is missing, something on "
                "the way rewrites the conversation (a firewall's SMTP inspection or 'fixup'), "
                "or this is not the submission endpoint (port 25 of an MX host takes no AUTH).",
                host=ep.host,
            ),
            MAIL_LINKS["devices"],
        )
    return Remedy(
        msg(
            "Offer authentication for client submission after TLS (Exchange Server: the "
            "'Client Frontend' receive connector on port 587 with Basic authentication "
            "offered after STARTTLS), or send through a connector instead."
        ),
        MAIL_LINKS["devices"],
    )


def _xoauth2(session: SmtpConnection) -> Callable[[str, str], str]:
    def login(user: str, token: str) -> str:
        return _reply(*session.xoauth2(user, token))

    return login


def _auth_step(conv: Conversation[SmtpConnection]) -> Step:
    ctx, ep, session = conv.ctx, conv.endpoint, conv.live
    offered = session.offered_auth()
    if not offered:
        step_id, title = _SIGN_IN.chosen(ctx)
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary=msg(
                "the server offers no AUTH over TLS: SMTP AUTH is not available on this endpoint"
            ),
            details=msg("EHLO over TLS: {extensions}", extensions=", ".join(conv.after_tls)),
            remedy=_no_auth_remedy(ep),
        )
    shown = "AUTH " + " ".join(offered)
    if oauth(ctx) is not None:
        return xoauth2_step(conv, step_id=SIGN_IN_XOAUTH2, offered=offered, login=_xoauth2(session))

    def login(mechanism: str, user: str, secret: str) -> str:
        code, message = session.authenticate(mechanism, user, secret)
        return msg(
            "(AUTH {mechanism}): {server_reply}",
            mechanism=mechanism,
            server_reply=ctx.redactor(_reply(code, message)),
        )

    return password_sign_in(
        conv,
        PasswordSignIn(
            SIGN_IN,
            _SIGN_IN_TITLE,
            password_mechanism(offered),
            msg("the server offers {offered}: no password sign-in", offered=shown),
            login,
            offered=shown,
            skip_reason=msg(
                "no credentials for this run (the server offers {offered})", offered=shown
            ),
        ),
    )


def check_smtp(ctx: Context) -> Step:
    return mail_check(
        ctx,
        SMTP,
        AUTH,
        TITLE,
        sign_in=_SIGN_IN,
        login=_auth_step,
        success=lambda server, result: msg("{server}: {result}", server=server, result=result),
    )


def deprecation_notice(today: dt.date, *, password_works: bool | None) -> tuple[Status, str]:
    """The dated note for Exchange Online: warn when a password sign-in works today (it
    is what stops working), inform otherwise."""
    off = dt.date.fromisoformat(SMTP_AUTH_BASIC_OFF_BY_DEFAULT)
    days = (off - today).days
    if today >= off:
        note = msg(
            "SMTP AUTH with a password (Basic authentication) is off by default for existing "
            "Exchange Online tenants since the end of December 2026 ({date}); OAuth keeps "
            "working",
            date=off.isoformat(),
        )
    elif days == 1:
        note = msg(
            "SMTP AUTH with a password (Basic authentication) is off by default for existing "
            "Exchange Online tenants from the end of December 2026 ({date}, in 1 day); OAuth "
            "keeps working",
            date=off.isoformat(),
        )
    else:
        note = msg(
            "SMTP AUTH with a password (Basic authentication) is off by default for existing "
            "Exchange Online tenants from the end of December 2026 ({date}, in {days} days); "
            "OAuth keeps working",
            date=off.isoformat(),
            days=days,
        )
    if password_works:
        return Status.WARN, msg("password sign-in works today, but: {note}", note=note)
    return Status.INFO, note


def check_smtp_deprecation(ctx: Context) -> Step:
    if not ctx.target.environment.is_cloud:
        return Step(
            DEPRECATION,
            DEPRECATION_TITLE,
            Status.SKIP,
            summary=msg("Exchange Server on-premises: these dates are for Exchange Online"),
        )
    auth = ctx.results.get(AUTH)
    sign_in = auth.find(SIGN_IN) if auth is not None else None
    works = None if sign_in is None else sign_in.status is Status.PASS
    status, summary = deprecation_notice(dt.datetime.now(dt.UTC).date(), password_works=works)
    return Step(
        DEPRECATION,
        DEPRECATION_TITLE,
        status,
        summary=summary,
        details=msg(
            "Devices and applications that send with a user name and password through "
            "smtp.office365.com must move to OAuth 2.0 (XOAUTH2), or to another way of "
            "sending (a connector for direct send or relay, High Volume Email, Azure "
            "Communication Services). Tenants created after December 2026 do not have it by "
            "default, and Microsoft announces the final removal date in the second half of "
            "2027. "
            "TLS 1.0 and 1.1 are gone since {date}: such clients get 421 4.7.66.",
            date=LEGACY_TLS_RETIRED,
        ),
        remedy=Remedy(
            msg(
                "Move password-based SMTP AUTH senders to OAuth or another sending method "
                "before the date; until then an admin can keep it on per mailbox "
                "(Set-CASMailbox -SmtpClientAuthenticationDisabled $false)."
            ),
            MAIL_LINKS["smtp_auth_retirement"],
        ),
    )


SMTP_CHECKS: tuple[Check, ...] = (
    Check(
        AUTH,
        TITLE,
        check_smtp,
        after=(RESULT_CHECK, AUTH_TOKEN),
        starts_early=True,  # on autodiscover's first usable answer
        needs_credentials=True,
        oauth_protocol="smtp",
    ),
    Check(DEPRECATION, DEPRECATION_TITLE, check_smtp_deprecation, after=(AUTH,)),
)
