"""The mail lab: IMAP, POP3 and SMTP submission as Exchange Online serves them, and
one host name per fault, all on loopback.

    with LabPKI() as pki, MailLab(pki) as mail:
        options = mail.network_options(endpoints=(("imap", "expired.mail.test:993"),))

Servers: Dovecot (dovecot.py) for IMAP and POP3 (where it is not installed, the
built-in demo responder: demo_mailserver.py), aiosmtpd (submission.py) for SMTP,
and faulty_tcp.py for what no real server does on purpose. What submission (and the
tenant's MX) accepts is delivered for real (`delivery`, delivery.py): through Postfix
(postfix.py) when it can run, else straight to Dovecot's LMTP; `postfix_running` says
which. Dovecot also serves EXTERNAL_MAILBOX, a mailbox outside the tenant. `connect_to()` sends each
(host, port) a check dials to the right one, so no DNS server is needed (every
destination is an IP literal) and TLS still verifies the name asked for.

Healthy: outlook.office365.com 993/143 (IMAP), 995/110 (POP3), smtp.office365.com
587/465. OTHER_HOST is just as healthy on every port, but is neither Microsoft's
nor in contoso.test (for the who-gets-the-password rules). Faults, each on
`<fault>.mail.test` (MailFault.host) and the ports in `MailFault.ports`:
  expired, wrong-name   the certificate (every port)
  tls10                 the server speaks TLS 1.0 only (993, 995, 465, 587)
  no-starttls           no STARTTLS offered (143, 110, 587)
  no-auth               STARTTLS, but no AUTH afterwards (587, 465)
  auth-disabled         AUTH answered 535 5.7.139, SMTP AUTH off for the tenant (587, 465)
  security-defaults     AUTH answered 535 5.7.139, Security Defaults (587, 465)
  silent                accepts TCP and never speaks (every port)
  cut-off               hangs up in the middle of its greeting (every port)
"""

from __future__ import annotations

import enum
import ssl
from collections.abc import Mapping, Sequence
from types import TracebackType

from assistant.config import ConnectTo, HostPort, NetworkOptions
from assistant.lab.delivery import EXTERNAL_MAILBOX, LabDelivery
from assistant.lab.demo_mailserver import BuiltinMail
from assistant.lab.demo_mailserver import choose as choose_mail_server
from assistant.lab.dovecot import TLS_ADDRESS, DovecotOAuth, LabDovecot
from assistant.lab.exchange.directory import LAB_PASSWORD
from assistant.lab.faulty_tcp import Behaviour, FaultSpec, FaultyTcpServer, tls10_context
from assistant.lab.identity.validator import LabTokenValidator
from assistant.lab.pki import CertVariant, LabPKI
from assistant.lab.postfix import ADDRESS as ADDRESS_OF_POSTFIX
from assistant.lab.postfix import LabPostfix
from assistant.lab.postfix import unavailable as postfix_unavailable
from assistant.lab.submission import (
    BANNER_HOST,
    AuthMode,
    LabSubmission,
    SubmissionListener,
)

PLANTED_USER = "admin@contoso.test"
# A canary: tests search every report and transcript for it and must never find it.
PLANTED_PASSWORD = "Canary-7f3c9d2e-Lab-Pa55!"  # noqa: S105 - planted on purpose
# A mailbox whose password is beyond ASCII (2-, 3- and 4-byte UTF-8), a canary as well.
# Dovecot's user names stay ASCII (its auth_username_chars), its passwd-file takes UTF-8.
UNICODE_USER = "umlaut@contoso.test"
UNICODE_PASSWORD = "Pässwörd€-🔑-Canary-4e1b"  # noqa: S105 - planted on purpose
MAILBOX_HOST = "outlook.office365.com"
SMTP_HOST = "smtp.office365.com"
FAULT_DOMAIN = "mail.test"
OTHER_HOST = f"imap.{FAULT_DOMAIN}"
_ALL_PORTS = (993, 143, 995, 110, 587, 465)


class MailFault(enum.Enum):
    EXPIRED = "expired"
    WRONG_NAME = "wrong-name"
    TLS10 = "tls10"
    NO_STARTTLS = "no-starttls"
    NO_AUTH = "no-auth"
    AUTH_DISABLED = "auth-disabled"
    SECURITY_DEFAULTS = "security-defaults"
    SILENT = "silent"
    CUT_OFF = "cut-off"

    @property
    def host(self) -> str:
        return f"{self.value}.{FAULT_DOMAIN}"

    @property
    def ports(self) -> tuple[int, ...]:
        return _FAULT_PORTS[self]


_FAULT_PORTS = {
    MailFault.EXPIRED: _ALL_PORTS,
    MailFault.WRONG_NAME: _ALL_PORTS,
    MailFault.TLS10: (993, 995, 465, 587),
    MailFault.NO_STARTTLS: (143, 110, 587),
    MailFault.NO_AUTH: (587, 465),
    MailFault.AUTH_DISABLED: (587, 465),
    MailFault.SECURITY_DEFAULTS: (587, 465),
    MailFault.SILENT: _ALL_PORTS,
    MailFault.CUT_OFF: _ALL_PORTS,
}
_CERT_FAULTS = {
    MailFault.EXPIRED: CertVariant.EXPIRED,
    MailFault.WRONG_NAME: CertVariant.WRONG_NAME,
}
# What a cut-off server manages to send before it hangs up: never a whole greeting.
_CUT_OFF = {
    "imap": b"* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2] The Microsoft Exch",
    "pop": b"+OK The Microsoft Exchange POP3 serv",
    "smtp": b"220-" + BANNER_HOST.encode() + b" Microsoft ESMTP MAIL Service ready\r\n220-at Fr",
}
_PROTOCOL_OF_PORT = {993: "imap", 143: "imap", 995: "pop", 110: "pop", 587: "smtp", 465: "smtp"}
_IMPLICIT = frozenset({993, 995, 465})


class MailLab:
    def __init__(
        self,
        pki: LabPKI,
        users: Mapping[str, str] | None = None,
        *,
        hosts: Sequence[str] = (),
        oauth: DovecotOAuth | None = None,
        bearer: LabTokenValidator | None = None,
        use_postfix: bool = True,
    ) -> None:
        """`pki` is shared with the rest of the lab; `users` sign in to every server
        (default: PLANTED_USER with PLANTED_PASSWORD, UNICODE_USER with
        UNICODE_PASSWORD); `hosts` are more names served as
        healthily as Exchange Online's on every port (e.g. an on-premises organisation's
        mail.<domain>, which its autodiscover answer names). With `oauth` Dovecot takes
        XOAUTH2 tokens of the lab identity provider, with `bearer` SMTP submission does.
        `use_postfix=False` delivers straight to Dovecot, as where Postfix cannot run."""
        self.pki = pki
        default = {PLANTED_USER: PLANTED_PASSWORD, UNICODE_USER: UNICODE_PASSWORD}
        self.users = dict(users) if users is not None else default
        self.hosts = tuple(h.lower().rstrip(".") for h in hosts)
        good_names = (MAILBOX_HOST, SMTP_HOST, f"*.{FAULT_DOMAIN}", *self.hosts)
        # The external mailbox is Dovecot's only: it signs in to no Exchange Online server.
        mailboxes = {EXTERNAL_MAILBOX: LAB_PASSWORD, **self.users}
        sni = {fault.host: variant for fault, variant in _CERT_FAULTS.items()}
        # Real Dovecot, or where it is not installed the built-in demo responder
        # (demo_mailserver.choose: CA_LAB_MAIL); `mail_server_note` says which.
        choice = choose_mail_server()
        self.mail_server_note = choice.note
        self.builtin_mail = choice.builtin
        self.dovecot: LabDovecot | BuiltinMail
        if choice.builtin:
            self.dovecot = BuiltinMail(pki, mailboxes, hostnames=good_names, sni=sni, bearer=bearer)
            self.delivery = LabDelivery((TLS_ADDRESS, 0), store=self.dovecot.store)
        else:
            self.dovecot = LabDovecot(pki, mailboxes, hostnames=good_names, sni=sni, oauth=oauth)
            self.delivery = LabDelivery((TLS_ADDRESS, self.dovecot.ports.lmtp))
        lmtp = self.delivery.lmtp
        # Why delivery goes straight to Dovecot (None while Postfix relays).
        self.postfix_problem: str | None = (
            postfix_unavailable() if use_postfix else "turned off (use_postfix=False)"
        )
        if choice.builtin and self.postfix_problem is None:
            self.postfix_problem = "the built-in demo responder has no LMTP for Postfix"
        self.postfix = LabPostfix(lmtp, mailboxes) if self.postfix_problem is None else None
        self.submission = LabSubmission(self.users, bearer=bearer, delivery=self.delivery)
        self.faulty = FaultyTcpServer()
        self._routes: dict[tuple[str, int], HostPort] = {}
        self._plan(good_names)
        self._started = False

    @property
    def postfix_running(self) -> bool:
        """Whether delivery goes through Postfix (else straight to Dovecot's LMTP)."""
        return self.delivery.relay is not None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> MailLab:
        try:
            self.dovecot.start()
            self._start_postfix()
            self.submission.start()
            self.faulty.start()
        except BaseException:
            self.stop()
            raise
        self._started = True
        return self

    def stop(self) -> None:
        self.faulty.stop()
        self.submission.stop()
        self.delivery.relay = None
        if self.postfix is not None:
            self.postfix.stop()
        self.dovecot.stop()
        self._started = False

    def _start_postfix(self) -> None:
        """Postfix in front of Dovecot when it can run; the lab works without it."""
        if self.postfix is None:
            return
        try:
            self.postfix.start()
        except RuntimeError as error:
            self.postfix_problem = str(error)
            return
        self.delivery.relay = (ADDRESS_OF_POSTFIX, self.postfix.port)

    def __enter__(self) -> MailLab:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- how to reach it ---------------------------------------------------------------

    def connect_to(self) -> tuple[ConnectTo, ...]:
        return tuple(
            ConnectTo(HostPort(host, port), dest) for (host, port), dest in self._routes.items()
        )

    def route(self, host: str, port: int) -> HostPort | None:
        return self._routes.get((host.lower(), port))

    def network_options(
        self,
        *,
        endpoints: Sequence[tuple[str, str]] = (),
        ca_bundle: str | None = None,
        timeout: float = 2.0,
        check_deadline: float = 20.0,
    ) -> NetworkOptions:
        return NetworkOptions(
            connect_to=self.connect_to(),
            ca_bundle=ca_bundle if ca_bundle is not None else str(self.pki.ca_pem_path),
            timeout=timeout,
            check_deadline=check_deadline,
            endpoints=tuple(endpoints),
        )

    def cli_flags(self) -> list[str]:
        flags = ["--ca-bundle", str(self.pki.ca_pem_path)]
        for rule in self.connect_to():
            flags += ["--connect-to", str(rule)]
        return flags

    # -- the plan ---------------------------------------------------------------------

    def _plan(self, good_names: tuple[str, ...]) -> None:
        good = self.pki.server_context(good_names)
        listeners = self.dovecot.listeners()
        dovecot = {
            993: listeners["imaps"],
            143: listeners["imap"],
            995: listeners["pop3s"],
            110: listeners["pop3"],
        }
        for port in (993, 143, 995, 110):
            self._routes[(MAILBOX_HOST, port)] = dovecot[port]
        sub = self._submission_pair
        healthy = sub("healthy", good)
        self._add_smtp(SMTP_HOST, healthy)
        for host in (OTHER_HOST, *self.hosts):
            self._add_smtp(host, healthy)
            for port in (993, 143, 995, 110):
                self._routes[(host, port)] = dovecot[port]
        for fault, variant in _CERT_FAULTS.items():
            for port in (993, 143, 995, 110):
                self._routes[(fault.host, port)] = dovecot[port]
            context = self.pki.server_context([fault.host], variant)
            self._add_smtp(fault.host, sub(fault.value, context))
        self._add_smtp(MailFault.AUTH_DISABLED.host, sub("auth-disabled", good, AuthMode.DISABLED))
        self._add_smtp(MailFault.NO_AUTH.host, sub("no-auth", good, AuthMode.NOT_OFFERED))
        self._add_smtp(
            MailFault.SECURITY_DEFAULTS.host,
            sub("security-defaults", good, AuthMode.SECURITY_DEFAULTS),
        )
        no_tls = self.submission.add(SubmissionListener("no-starttls", None))
        self._route(MailFault.NO_STARTTLS.host, 587, no_tls)
        self._routes[(MailFault.NO_STARTTLS.host, 143)] = listeners["imap-no-tls"]
        self._routes[(MailFault.NO_STARTTLS.host, 110)] = listeners["pop3-no-tls"]
        old = tls10_context(self.pki, [f"*.{FAULT_DOMAIN}"])
        self._route(
            MailFault.TLS10.host, 587, self.submission.add(SubmissionListener("tls10", old))
        )
        greetings = {"imap": b"* OK ready\r\n", "pop": b"+OK ready\r\n", "smtp": b"220 ready\r\n"}
        for port in (993, 995, 465):
            spec = FaultSpec(Behaviour.SCRIPTED, old, greetings[_PROTOCOL_OF_PORT[port]])
            self._route(MailFault.TLS10.host, port, self.faulty.add(spec))
        silent = self.faulty.add(FaultSpec(Behaviour.SILENT))
        for port in _ALL_PORTS:
            self._route(MailFault.SILENT.host, port, silent)
            tls = good if port in _IMPLICIT else None
            spec = FaultSpec(Behaviour.SCRIPTED, tls, _CUT_OFF[_PROTOCOL_OF_PORT[port]])
            self._route(MailFault.CUT_OFF.host, port, self.faulty.add(spec))

    def _submission_pair(
        self, name: str, context: ssl.SSLContext, auth: AuthMode = AuthMode.NORMAL
    ) -> tuple[int, int]:
        starttls = self.submission.add(SubmissionListener(f"{name}-587", context, auth=auth))
        # The implicit-TLS listener offers LOGIN only (as Exchange Online does: LOGIN and
        # XOAUTH2), so both password mechanisms are exercised.
        implicit = self.submission.add(
            SubmissionListener(
                f"{name}-465", context, implicit_tls=True, auth=auth, mechanisms=("LOGIN",)
            )
        )
        return starttls, implicit

    def _add_smtp(self, host: str, ports: tuple[int, int]) -> None:
        self._route(host, 587, ports[0])
        self._route(host, 465, ports[1])

    def _route(self, host: str, port: int, lab_port: int) -> None:
        self._routes[(host, port)] = HostPort("127.0.0.1", lab_port)
