"""The tenant's MX as Exchange Online Protection runs it, and High Volume Email.

One EOP listener per relay scenario (relay_scenarios.py), all on one event loop
thread (lab-eop, smtp_server.SmtpLoop). A listener:
- greets `220 <mx host> Microsoft ESMTP MAIL Service ready at <date>` and answers EHLO
  with `250-<mx host> Hello [<client ip>]`; offers STARTTLS (per the scenario), no AUTH;
  asks for, but does not require, a TLS client certificate (the lab CA's);
- accepts recipients in the tenant (every lab cloud domain) anonymously (Direct Send)
  unless Reject Direct Send is on (5.7.68 for a sender in an accepted domain without a
  connector); recipients outside only through a connector, matched by source IP or by
  the client certificate's name (else 5.7.64); an unknown mailbox gets 5.4.1;
- adds `Received:` and `Authentication-Results:` (eop_verdict.py), keeps the message
  in `listener.accepted` and hands it to the lab's delivery on a worker thread (Junk
  when compauth fails); a delivery error is logged on the listener, the client still
  got its 250 (EOP had queued it).

HVE (smtp-hve.office365.com:587): STARTTLS, then AUTH LOGIN/PLAIN for the HVE
accounts; internal recipients only. Every AUTH attempt is recorded (AuthAttempt, as
the submission server records them), never the password.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ssl
import threading
import uuid
from collections.abc import Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from assistant.lab import eop_verdict as v
from assistant.lab.delivery import Delivery
from assistant.lab.relay_scenarios import HEALTHY, RelayScenario, Stage
from assistant.lab.smtp_server import QuietSession, SmtpLoop, exchange_ehlo
from assistant.lab.submission import REPLY_BAD_PASSWORD, REPLY_NOT_AUTHENTICATED, AuthAttempt

MAX_SIZE = 157286400  # what EOP advertises in EHLO
HVE_BANNER = "BL0PR02CA0093.outlook.office365.com"
_TRACE = "[BN1PEPF00004681.namprd03.prod.outlook.com 2026-11-27T09:00:00.000Z 08DD0E4C1A2B3C4E]"
REPLY_RELAY_DENIED = f"550 5.7.64 TenantAttribution; Relay Access Denied {_TRACE}"
REPLY_DIRECT_SEND_REJECTED = (
    "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization "
    f"from unauthorized sources {_TRACE}"
)
REPLY_UNKNOWN_MAILBOX = (
    f"550 5.4.1 Recipient address rejected: Access denied. AS(201806281) {_TRACE}"
)
REPLY_HVE_EXTERNAL = (
    "550 5.7.1 Client does not have permissions to send to this recipient. High Volume "
    f"Email accounts can send only to recipients inside the organization. {_TRACE}"
)
DELIVERY_WORKERS = 2


@dataclass
class EopListener:
    """One listener and what it accepted: (mail from, recipients, the message as
    delivered, headers added), what it handed on and the delivery errors it logged."""

    name: str
    scenario: RelayScenario
    hostname: str
    tls: ssl.SSLContext | None
    hve: bool = False
    port: int = 0
    accepted: list[tuple[str, tuple[str, ...], bytes]] = field(default_factory=list)
    delivered: list[bytes] = field(default_factory=list)  # handed on without an error
    delivery_errors: list[str] = field(default_factory=list)


class LabEop:
    def __init__(
        self,
        *,
        accepted_domains: Collection[str],
        mailboxes: Collection[str],
        spf_records: Mapping[str, str],
        dmarc_domains: Collection[str] = (),
        ca_path: str | None = None,
        delivery: Delivery | None = None,
        hve_users: Mapping[str, str] | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        """`delivery`: the lab's (MailLab.delivery); None: messages are only kept in
        `listener.accepted`. `ca_path`: the CA whose client certificates the listeners
        verify."""
        self.accepted_domains = frozenset(d.lower() for d in accepted_domains)
        self.mailboxes = frozenset(m.lower() for m in mailboxes)
        self.spf_records = dict(spf_records)
        self.dmarc_domains = frozenset(d.lower() for d in dmarc_domains)
        self.ca_path = ca_path
        self.hve_users = {user.lower(): password for user, password in (hve_users or {}).items()}
        self.delivery = delivery
        self.listeners: dict[str, EopListener] = {}
        self._smtp = SmtpLoop("lab-eop", host)
        self._executor: ThreadPoolExecutor | None = None
        self._attempts: list[AuthAttempt] = []
        self._lock = threading.Lock()

    # -- setting up (before start) ----------------------------------------------------

    def add(self, listener: EopListener) -> EopListener:
        if listener.tls is not None:
            listener.tls = self._asking_for_client_certs(listener.tls)
        listener.port = self._smtp.add(lambda: self._session(listener))
        self.listeners[listener.name] = listener
        return listener

    def start(self) -> LabEop:
        self._executor = ThreadPoolExecutor(DELIVERY_WORKERS, thread_name_prefix="lab-eop-deliver")
        self._smtp.start()
        return self

    def stop(self) -> None:
        self._smtp.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    @property
    def auth_attempts(self) -> tuple[AuthAttempt, ...]:
        with self._lock:
            return tuple(self._attempts)

    @property
    def loop_errors(self) -> list[str]:
        return self._smtp.loop_errors

    # -- for the handlers -------------------------------------------------------------

    def record(self, attempt: AuthAttempt) -> None:
        with self._lock:
            self._attempts.append(attempt)

    def internal(self, address: str) -> bool:
        return v.domain_of(address) in self.accepted_domains

    def queue(
        self,
        listener: EopListener,
        mail_from: str,
        rcpts: tuple[str, ...],
        data: bytes,
        *,
        junk: bool,
    ) -> None:
        listener.accepted.append((mail_from, rcpts, data))
        if not listener.scenario.deliver or self._executor is None:
            return
        self._executor.submit(self._deliver, listener, mail_from, rcpts, data, junk)

    def _deliver(
        self, listener: EopListener, mail_from: str, rcpts: tuple[str, ...], data: bytes, junk: bool
    ) -> None:
        if self.delivery is None:
            return
        try:
            self.delivery.deliver(mail_from, rcpts, data, junk=junk)
            listener.delivered.append(data)
        except Exception as error:  # DeliveryError, or a bug: logged, the lab keeps serving
            listener.delivery_errors.append(f"{type(error).__name__}: {error}")

    def _asking_for_client_certs(self, context: ssl.SSLContext) -> ssl.SSLContext:
        if self.ca_path is not None:
            context.load_verify_locations(self.ca_path)
            context.verify_mode = ssl.CERT_OPTIONAL
        return context

    def _session(self, listener: EopListener) -> SMTP:
        now = email.utils.format_datetime(dt.datetime.now(dt.UTC).replace(microsecond=0))
        hve = _HveHandler(self, listener) if listener.hve else None
        handler = hve or _EopHandler(self, listener)
        return _QuietSmtp(
            handler,
            hostname=listener.hostname,
            ident=f"Microsoft ESMTP MAIL Service ready at {now}",
            tls_context=listener.tls,
            require_starttls=listener.hve and listener.tls is not None,
            auth_require_tls=True,
            auth_exclude_mechanism=[] if listener.hve else ["LOGIN", "PLAIN"],
            authenticator=None if hve is None else hve.authenticate,
            data_size_limit=MAX_SIZE,
            timeout=30,
            loop=self._smtp.loop,
        )


class _QuietSmtp(SMTP):
    def _create_session(self) -> Session:
        return QuietSession(self.loop)


def _peer_ip(session: Session) -> str:
    return str(session.peer[0]) if isinstance(session.peer, tuple) else "127.0.0.1"


def _tls_of(session: Session) -> tuple[ssl.SSLObject | None, dict[str, Any] | None]:
    extra = session.ssl
    ssl_object = extra.get("ssl_object") if extra else None
    if not isinstance(ssl_object, ssl.SSLObject):
        return None, None
    return ssl_object, ssl_object.getpeercert()


class _EopHandler:
    def __init__(self, owner: LabEop, listener: EopListener) -> None:
        self.owner = owner
        self.listener = listener
        self.scenario = listener.scenario

    def _refusal(self, stage: Stage, session: Session) -> str | None:
        refusal = self.scenario.refusal
        if refusal is None or refusal.stage is not stage:
            return None
        return refusal.reply.replace("{ip}", _peer_ip(session))

    def connector_match(self, session: Session) -> bool:
        if _peer_ip(session) in self.scenario.connector_ips:
            return True
        wanted = self.scenario.connector_cert
        _, peercert = _tls_of(session)
        return wanted is not None and wanted.lower() in v.certificate_names(peercert)

    def ehlo_extras(self) -> list[str]:
        return []

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname  # the 5-argument hook must set it (aiosmtpd docs)
        return exchange_ehlo(
            server.hostname, _peer_ip(session), MAX_SIZE, responses, auth=self.listener.hve
        )

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        refused = self._refusal(Stage.MAIL, session)
        if refused is not None:
            return refused
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Sender OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        refused = self._refusal(Stage.RCPT, session)
        if refused is not None:
            return refused
        connector = self.connector_match(session)
        if self.owner.internal(address):
            sender_internal = self.owner.internal(envelope.mail_from or "")
            if self.scenario.reject_direct_send and sender_internal and not connector:
                return REPLY_DIRECT_SEND_REJECTED
            if address.lower() not in self.owner.mailboxes:
                return REPLY_UNKNOWN_MAILBOX
        elif not connector:
            return REPLY_RELAY_DENIED
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Recipient OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        data = envelope.original_content or b""
        mail_from = envelope.mail_from or ""
        ip = _peer_ip(session)
        ssl_object, _ = _tls_of(session)
        tls = None
        if ssl_object is not None:
            cipher = ssl_object.cipher()
            tls = (ssl_object.version() or "TLS", cipher[0] if cipher else "unknown")
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        head = v.received(session.host_name or "", ip, self.listener.hostname, tls, now)
        junk = False
        if not self.listener.hve:
            sender_domain = v.domain_of(mail_from)
            from_domain = v.header_from_domain(data)
            verdict = v.verdict(
                spf=v.spf_result(sender_domain, ip, self.owner.spf_records)
                if sender_domain
                else "none",
                mail_from_domain=sender_domain,
                header_from=from_domain,
                has_dmarc=from_domain in self.owner.dmarc_domains,
                connector=self.connector_match(session),
            )
            junk = verdict.junk
            head = v.authentication_results(verdict, ip, sender_domain) + head
        message = head.encode("ascii") + data
        self.owner.queue(self.listener, mail_from, tuple(envelope.rcpt_tos), message, junk=junk)
        internal_id = uuid.uuid4()
        return (
            f"250 2.6.0 <{internal_id}@{HEALTHY}> [InternalId={internal_id.int % 10**13}, "
            f"Hostname={self.listener.hostname}] Queued mail for delivery"
        )

    async def handle_exception(self, error: Exception) -> str:
        # A client that aborts the STARTTLS handshake (TLS 1.0 only, a certificate it
        # refuses) ends here; no traceback on stderr.
        return "421 4.3.2 Service not available"


class _HveHandler(_EopHandler):
    """smtp-hve.office365.com: an authenticated HVE account, internal recipients only."""

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
        return await super().handle_MAIL(server, session, envelope, address, mail_options)

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if not self.owner.internal(address):
            return REPLY_HVE_EXTERNAL
        if address.lower() not in self.owner.mailboxes:
            return REPLY_UNKNOWN_MAILBOX
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Recipient OK"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        user = password = ""
        if isinstance(data, LoginPassword):
            user = data.login.decode("utf-8", errors="replace")
            password = data.password.decode("utf-8", errors="replace")
        users = self.owner.hve_users
        accepted = user.lower() in users and users[user.lower()] == password
        over_tls = session.ssl is not None
        self.owner.record(AuthAttempt(self.listener.name, user, mechanism, over_tls, accepted))
        if accepted:
            return AuthResult(success=True, auth_data=user)
        return AuthResult(success=False, handled=False, message=REPLY_BAD_PASSWORD)
