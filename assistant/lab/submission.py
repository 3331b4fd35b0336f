"""SMTP client submission for the lab, as Exchange Online's smtp.office365.com does it.

aiosmtpd behind one event loop (thread lab-smtp-submission) with one listener per
scenario, each bound to port 0 on loopback:
- 587-style: STARTTLS required before anything else, AUTH offered only after TLS;
- 465-style: implicit TLS (aiosmtpd then needs auth_require_tls=False, TESTING.md);
and Exchange Online's replies: its EHLO, 535 5.7.3 for a wrong password, 530 5.7.57
for MAIL without AUTH, and in the AUTH_DISABLED and SECURITY_DEFAULTS scenarios
535 5.7.139 (in its two wordings) for every AUTH.

With a bearer validator (the lab identity provider's), AUTH XOAUTH2 is offered too, as
Exchange Online offers it, and a token needs SMTP.Send (a user's, for that user's own
address) or SMTP.SendAsApp (an app's, for a mailbox it may use); a refused token gets
535 5.7.3, as Exchange Online answers it.

Every AUTH attempt is recorded (listener, user, mechanism, whether it came over TLS,
accepted), never the password or the token.

With a `delivery` (delivery.py) an accepted message is delivered for real, after the
`Received:` header Exchange Online would add; a delivery that fails is answered
451 4.3.0, as a temporary failure, and the message is not counted as accepted.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import collections
import email.utils
import enum
import functools
import ssl
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from assistant.lab.delivery import Delivery, DeliveryError
from assistant.lab.identity.validator import LabTokenValidator
from assistant.lab.smtp_server import QuietSession, SmtpLoop, exchange_ehlo

BANNER_HOST = "SN4PR0501CA0024.outlook.office365.com"
_TRACE = "[SN4PR0501CA0024.namprd05.prod.outlook.com 2026-11-27T09:00:00.000Z 08DD0E4C1A2B3C4D]"
REPLY_AUTH_DISABLED = (
    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
    f"Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. {_TRACE}"
)
REPLY_SECURITY_DEFAULTS = (
    "535 5.7.139 Authentication unsuccessful, user is locked by your organization's "
    f"security defaults policy. Contact your administrator. {_TRACE}"
)
REPLY_BAD_PASSWORD = f"535 5.7.3 Authentication unsuccessful {_TRACE}"
REPLY_NOT_AUTHENTICATED = f"530 5.7.57 Client not authenticated to send mail. {_TRACE}"
REPLY_NOT_DELIVERED = f"451 4.3.0 Mail delivery temporarily failed, try again later {_TRACE}"
LONG_LINE = 16384


class AuthMode(enum.Enum):
    NORMAL = "normal"  # AUTH LOGIN/PLAIN after TLS, checked against the lab users
    NOT_OFFERED = "not_offered"  # no AUTH in EHLO at all
    DISABLED = "disabled"  # offered, and every attempt gets 535 5.7.139 (tenant)
    SECURITY_DEFAULTS = "security_defaults"  # 535 5.7.139, Entra Security Defaults


@dataclass(frozen=True)
class SubmissionListener:
    name: str
    tls: ssl.SSLContext | None  # for STARTTLS, or for implicit TLS; None: no TLS at all
    implicit_tls: bool = False
    auth: AuthMode = AuthMode.NORMAL
    mechanisms: tuple[str, ...] = ("LOGIN", "PLAIN")


@dataclass(frozen=True)
class AuthAttempt:
    listener: str
    user: str
    mechanism: str
    over_tls: bool
    accepted: bool


class _LabSmtp(SMTP):
    # An XOAUTH2 initial response carries a JWT: far longer than aiosmtpd's 512-byte
    # command limit, as RFC 4954 allows (Exchange Online takes it).
    line_length_limit = LONG_LINE

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits: collections.defaultdict[str, int] = collections.defaultdict(
            lambda: self.command_size_limit
        )
        limits["AUTH"] = LONG_LINE
        self.command_size_limits = limits  # per session: the class default is shared

    def _create_session(self) -> Session:
        return QuietSession(self.loop)


class _Handler:
    def __init__(self, owner: LabSubmission, listener: SubmissionListener) -> None:
        self._owner = owner
        self._listener = listener

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname  # the 5-argument hook must set it (aiosmtpd docs)
        peer = session.peer[0] if isinstance(session.peer, tuple) else "127.0.0.1"
        offered = self._listener.auth is not AuthMode.NOT_OFFERED
        return exchange_ehlo(server.hostname, peer, 157286400, responses, auth=offered)

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if not getattr(session, "authenticated", False):
            return REPLY_NOT_AUTHENTICATED
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Sender OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        delivery = self._owner.delivery
        if delivery is not None:
            peer = session.peer[0] if isinstance(session.peer, tuple) else "127.0.0.1"
            over_tls = self._listener.implicit_tls or session.ssl is not None
            trace = received_header(peer, server.hostname, over_tls=over_tls)
            deliver = functools.partial(
                delivery.deliver,
                envelope.mail_from or "",
                list(envelope.rcpt_tos),
                trace + _content(envelope),
            )
            try:
                # In a thread: a slow Postfix must not hold up every other session.
                await self._owner.loop.run_in_executor(self._owner.executor(), deliver)
            except DeliveryError as error:
                self._owner.delivery_errors.append(str(error))
                return REPLY_NOT_DELIVERED
        self._owner.messages.append(envelope)
        return f"250 2.0.0 OK <lab-{len(self._owner.messages)}@contoso.test> {_TRACE}"

    async def handle_exception(self, error: Exception) -> str:
        # A client that aborts the STARTTLS handshake ends here; no traceback on stderr.
        return "421 4.3.2 Service not available"

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        """SASL XOAUTH2: user=<address>^Aauth=Bearer <token>^A^A, checked as Exchange does."""
        if len(args) == 1:
            answer = await server.challenge_auth("")
            if not isinstance(answer, bytes):
                return AuthResult(success=False, handled=True)
            blob = answer
        else:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except (binascii.Error, ValueError):
                await server.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        fields = dict(
            part.split("=", 1)
            for part in blob.decode("utf-8", "replace").split("\x01")
            if "=" in part
        )
        user = fields.get("user", "")
        token = fields.get("auth", "").removeprefix("Bearer ").strip()
        validator = self._owner.bearer
        accepted = False
        if validator is not None and self._listener.auth is not AuthMode.DISABLED:
            check = validator.check(token, scope="SMTP.Send", role="SMTP.SendAsApp", mailbox=user)
            accepted = check.valid
        session = server.session
        over_tls = self._listener.implicit_tls or (session is not None and session.ssl is not None)
        self._owner.record(AuthAttempt(self._listener.name, user, "XOAUTH2", over_tls, accepted))
        if accepted:
            return AuthResult(success=True, auth_data=user)
        if self._listener.auth is AuthMode.DISABLED:
            return AuthResult(success=False, handled=False, message=REPLY_AUTH_DISABLED)
        return AuthResult(success=False, handled=False, message=REPLY_BAD_PASSWORD)

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        user = password = ""
        if isinstance(data, LoginPassword):
            user = data.login.decode("utf-8", errors="replace")
            password = data.password.decode("utf-8", errors="replace")
        accepted = (
            self._listener.auth is AuthMode.NORMAL
            and user in self._owner.users
            and self._owner.users[user] == password
        )
        over_tls = self._listener.implicit_tls or session.ssl is not None
        self._owner.record(AuthAttempt(self._listener.name, user, mechanism, over_tls, accepted))
        if accepted:
            return AuthResult(success=True, auth_data=data)
        if self._listener.auth is AuthMode.DISABLED:
            return AuthResult(success=False, handled=False, message=REPLY_AUTH_DISABLED)
        if self._listener.auth is AuthMode.SECURITY_DEFAULTS:
            return AuthResult(success=False, handled=False, message=REPLY_SECURITY_DEFAULTS)
        return AuthResult(success=False, handled=False, message=REPLY_BAD_PASSWORD)


class LabSubmission:
    def __init__(
        self,
        users: Mapping[str, str],
        host: str = "127.0.0.1",
        *,
        bearer: LabTokenValidator | None = None,
        delivery: Delivery | None = None,
    ) -> None:
        self.host = host
        self.users = dict(users)
        self.bearer = bearer
        self.delivery = delivery
        self.delivery_errors: list[str] = []
        self._executor: ThreadPoolExecutor | None = None
        self.messages: list[Envelope] = []
        self._attempts: list[AuthAttempt] = []
        self._lock = threading.Lock()
        # One event loop thread for every listener (smtp_server.SmtpLoop, as the EOP's).
        self._smtp = SmtpLoop("lab-smtp-submission", host)

    @property
    def auth_attempts(self) -> tuple[AuthAttempt, ...]:
        with self._lock:
            return tuple(self._attempts)

    def record(self, attempt: AuthAttempt) -> None:
        with self._lock:
            self._attempts.append(attempt)

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._smtp.loop

    @property
    def loop_errors(self) -> list[str]:
        return self._smtp.loop_errors

    def executor(self) -> ThreadPoolExecutor:
        """The threads deliveries wait in (made at the first delivery, gone at stop())."""
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(4, thread_name_prefix="lab-smtp-delivery")
            return self._executor

    def add(self, listener: SubmissionListener) -> int:
        """A listener for this scenario (before start()); returns its port."""
        return self._smtp.add(
            functools.partial(self._factory, listener),
            implicit_tls=listener.tls if listener.implicit_tls else None,
        )

    def start(self) -> LabSubmission:
        self._smtp.start()
        return self

    def stop(self) -> None:
        self._smtp.stop()
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    # -- internals --------------------------------------------------------------------

    def _factory(self, listener: SubmissionListener) -> SMTP:
        handler = _Handler(self, listener)
        excluded = [m for m in ("LOGIN", "PLAIN") if m not in listener.mechanisms]
        if self.bearer is None:
            excluded.append("XOAUTH2")
        if listener.auth is AuthMode.NOT_OFFERED:
            excluded = ["LOGIN", "PLAIN", "XOAUTH2"]
        session = _LabSmtp(
            handler,
            hostname=BANNER_HOST,
            ident="Microsoft ESMTP MAIL Service ready",
            tls_context=None if listener.implicit_tls else listener.tls,
            require_starttls=not listener.implicit_tls and listener.tls is not None,
            auth_require_tls=not listener.implicit_tls,
            auth_exclude_mechanism=excluded,
            authenticator=handler.authenticate,
            timeout=30,
            loop=self._smtp.loop,
        )
        return session


def received_header(peer: str, host: str, *, over_tls: bool = True) -> bytes:
    """The trace header submission adds: the client's IP, authenticated SMTP (ESMTPSA:
    over TLS, ESMTPA: without), the date (RFC 5322)."""
    date = email.utils.format_datetime(email.utils.localtime())
    protocol = "ESMTPSA (version=TLS1_2)" if over_tls else "ESMTPA"
    return (
        f"Received: from [{peer}] by {host} with {protocol} id 15.20.8207.17;\r\n {date}\r\n"
    ).encode("ascii")


def _content(envelope: Envelope) -> bytes:
    content = envelope.original_content or envelope.content or b""
    return content if isinstance(content, bytes) else content.encode("utf-8")
