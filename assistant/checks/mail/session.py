"""The part every mail conversation shares: TCP, greeting, capabilities and TLS.

`Conversation.open()` yields the `<protocol>.connect` and `<protocol>.tls` steps and,
when both went well, a live session of the protocol's library (imaplib, poplib,
smtplib) over a TLS socket that validated for the host. Each connection gets its own
Transcript (through a Wire); a second connection made only to show a rejected
certificate, or to name the old TLS version a server insists on, gets one too.

For STARTTLS the plaintext part (greeting, capabilities, the STARTTLS command) runs on
the socket first; the handshake then goes through net/tls.py like any other, and the
library continues on the TLS socket. Whatever the server sent before the handshake is
dropped with the plaintext reader.
"""

from __future__ import annotations

import imaplib
import poplib
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from assistant.check import Context
from assistant.checks.mail.common import (
    NO_CREDENTIALS,
    Endpoint,
    Failure,
    ReplyRefused,
    failure,
    host_refusal,
    host_refused,
    io_remedy,
    password,
    said,
    silent_remedy,
    skipped,
    timed,
    tls_remedy,
    unwind,
)
from assistant.checks.mail.replies import explain_reply
from assistant.facts import LEGACY_TLS_RETIRED, MAIL_LINKS
from assistant.model import Remedy, Status, Step
from assistant.net.connect import ConnectError, ConnectInfo
from assistant.net.legacy_tls import display_name, legacy_version, may_be_version_mismatch
from assistant.net.mailwire import Wire
from assistant.net.sasl import CredentialNotSendable
from assistant.net.tls import TlsHandshakeError, secure
from assistant.net.tls_explain import tls_problems
from assistant.net.tls_inspection import TlsInspection
from assistant.net.transcript import Transcript
from assistant.text import join, msg, verbatim

GREETING_CHARS = 160
# Everything a protocol library may raise when the server misbehaves or says no.
PROTOCOL_ERRORS = (
    OSError,
    ReplyRefused,
    imaplib.IMAP4.error,
    poplib.error_proto,
    smtplib.SMTPException,
    UnicodeError,
    ValueError,
)


class Session(Protocol):
    @property
    def greeting(self) -> str: ...

    def close_quietly(self) -> None: ...


S = TypeVar("S", bound=Session)


@dataclass(frozen=True)
class MailProtocol(Generic[S]):
    """How one protocol does the shared part; each function raises PROTOCOL_ERRORS."""

    key: str  # "imap", "pop", "smtp": the step ID prefix
    name: str  # "IMAP"
    open: Callable[[socket.socket, Wire, str, int], S]  # reads the greeting
    hello: Callable[[S], list[str]]  # capabilities / EHLO extensions
    offers_starttls: Callable[[list[str]], bool]
    starttls: Callable[[S], None]  # the command only
    adopt_tls: Callable[[S, ssl.SSLSocket], list[str]]  # capabilities over TLS
    drop_reader: Callable[[S], None]  # close the library's reader, not the socket


def short(text: str, limit: int = GREETING_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Conversation(Generic[S]):
    def __init__(self, ctx: Context, endpoint: Endpoint, protocol: MailProtocol[S]) -> None:
        self.ctx = ctx
        self.endpoint = endpoint
        self.protocol = protocol
        self.net = ctx.net
        self.wires: list[Wire] = []
        self.wire: Wire | None = None  # the main connection's, once the session exists
        self.session: S | None = None  # usable once open() passed both steps
        self.tls: TlsInspection | None = None
        self.info: ConnectInfo | None = None
        self.before_tls: list[str] = []
        self.after_tls: list[str] = []
        self._pending: S | None = None  # the session while it is being set up
        self._raw: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self.connect_id = f"{protocol.key}.connect"
        self.tls_id = f"{protocol.key}.tls"
        self.label = verbatim(f"{protocol.name} {endpoint.host}:{endpoint.port}")

    @property
    def live(self) -> S:
        """The session, for the steps that run only once open() gave one."""
        assert self.session is not None
        return self.session

    # -- the two steps ---------------------------------------------------------------

    def open(self) -> list[Step]:
        connect = timed(self._connect)
        if connect.status is Status.FAIL:
            not_tried = msg("not tried: no connection")
            return [connect, skipped(self.tls_id, self._tls_title(), not_tried)]
        tls = timed(self._secure)
        if tls.status in (Status.PASS, Status.WARN):
            self.session = self._pending
        return [connect, tls]

    def close(self) -> None:
        pending = self._pending
        if pending is not None:
            if self.session is not None:
                pending.close_quietly()
            else:
                self.protocol.drop_reader(pending)
        for sock in self._sockets:
            self.net.close(sock)

    def explain(self, found: Failure) -> tuple[str, Remedy | None]:
        """A failure's summary, with the cause from replies.py when the server said no."""
        meaning = None
        if found.reply is not None:
            meaning = explain_reply(self.protocol.key, found.reply, cloud=self.endpoint.microsoft)
        if meaning is not None:
            summary = msg("{error} ({cause})", error=found.text, cause=meaning.cause)
            return summary, Remedy(meaning.remedy, meaning.link)
        return found.text, io_remedy(self.endpoint, found)

    # -- internals --------------------------------------------------------------------

    def _wire(self, label: str) -> Wire:  # label: Text, the transcript's evidence label
        wire = Wire(Transcript(label, self.ctx.redactor), self.ctx.op_timeout)
        self.wires.append(wire)
        return wire

    def _connect(self) -> Step:
        ep, ctx = self.endpoint, self.ctx
        title = msg("Connect to {host}:{port}", host=ep.host, port=ep.port)
        try:
            sock, info = self.net.tcp(ep.host, ep.port)
        except ConnectError as exc:
            unwind(ctx)
            return Step(
                self.connect_id,
                title,
                Status.FAIL,
                summary=ctx.redactor(said(exc)),
                remedy=Remedy(
                    msg(
                        "Check that {host} resolves and that outbound TCP port {port} is open "
                        "on this network (firewall, proxy, provider blocks).",
                        host=ep.host,
                        port=ep.port,
                    ),
                    MAIL_LINKS["settings"],
                ),
            )
        self._raw, self.info = sock, info
        self._sockets.append(sock)
        if ep.implicit_tls:
            return Step(
                self.connect_id,
                title,
                Status.PASS,
                summary=msg(
                    "{connection}; on this port the server speaks after TLS",
                    connection=info.describe(),
                ),
            )
        wire = self.wire = self._wire(self.label)
        wire.note(info.describe())
        try:
            self._pending = self.protocol.open(sock, wire, ep.host, ep.port)
            self.before_tls = self.protocol.hello(self._pending)
        except PROTOCOL_ERRORS as exc:
            found = failure(ctx, exc, wire)
            summary, remedy = self.explain(found)
            if found.timed_out and self._pending is None:
                summary = msg("no greeting: {error}", error=summary)
            return Step(
                self.connect_id,
                title,
                Status.FAIL,
                summary=msg("connected, but {error}", error=summary),
                details=info.describe(),
                remedy=remedy,
            )
        return Step(
            self.connect_id,
            title,
            Status.PASS,
            summary=msg(
                "{connection}; greeting: {server_reply}",
                connection=info.describe(),
                server_reply=short(self._pending.greeting),
            ),
            details=msg("Offered before TLS: {offered}", offered=", ".join(self.before_tls))
            if self.before_tls
            else "",
        )

    def _tls_title(self) -> str:
        if self.endpoint.implicit_tls:
            return msg("TLS handshake")
        return msg("STARTTLS and TLS handshake")

    def _secure(self) -> Step:
        ep, ctx, title = self.endpoint, self.ctx, self._tls_title()
        if not ep.implicit_tls:
            refused = self._starttls()
            if refused is not None:
                return refused
        try:
            ssock, inspection = secure(
                self._first_then_replay(),
                ep.host,
                self.net.tls_context(),
                timeout=self.net.op_timeout(),
                display_context=self.net.tls_context(verify=False),
            )
        except TlsHandshakeError as exc:
            unwind(ctx)
            return self._tls_failed(exc)
        ctx.token.register(ssock)
        self._sockets.append(ssock)
        self.tls = inspection
        shown = f"{inspection.protocol}, {inspection.cipher}"
        wire: Wire | None = None
        try:
            if ep.implicit_tls:
                wire = self.wire = self._wire(self.label)
                wire.note(f"{self.info.describe() if self.info else ep}; TLS: {shown}")
                self._pending = self.protocol.open(ssock, wire, ep.host, ep.port)
                self.after_tls = self.protocol.hello(self._pending)
            else:
                assert self._pending is not None and self.wire is not None
                wire = self.wire
                wire.note(f"TLS: {shown}")
                self.after_tls = self.protocol.adopt_tls(self._pending, ssock)
        except PROTOCOL_ERRORS as exc:
            summary, remedy = self.explain(failure(ctx, exc, wire))
            return Step(
                self.tls_id,
                title,
                Status.FAIL,
                summary=msg("TLS works ({tls}), but then {error}", tls=shown, error=summary),
                remedy=remedy,
                evidence=[inspection.to_evidence(self._tls_label())],
            )
        problems = tls_problems(inspection)
        leaf = inspection.chain[0] if inspection.chain else None
        if leaf is None:
            valid = msg("certificate valid for {host}", host=ep.host)
        elif leaf.days_left == 1:
            valid = msg("certificate valid for {host} (1 day left)", host=ep.host)
        else:
            valid = msg(
                "certificate valid for {host} ({days} days left)", host=ep.host, days=leaf.days_left
            )
        details = []
        if problems:
            details.append(_bullets(problems))
        if self.after_tls:
            details.append(msg("Offered over TLS: {offered}", offered=", ".join(self.after_tls)))
        return Step(
            self.tls_id,
            title,
            Status.WARN if problems else Status.PASS,
            summary=join("; ", [verbatim(shown), valid, *problems[:1]]),
            details=join("\n", details),
            remedy=tls_remedy(ep) if problems else None,
            evidence=[inspection.to_evidence(self._tls_label())],
        )

    def _tls_label(self) -> str:
        return verbatim(f"TLS {self.endpoint.host}:{self.endpoint.port}")

    def _starttls(self) -> Step | None:
        ep, title = self.endpoint, self._tls_title()
        assert self._pending is not None
        if not self.protocol.offers_starttls(self.before_tls):
            return Step(
                self.tls_id,
                title,
                Status.FAIL,
                summary=msg(
                    "the server does not offer STARTTLS on port {port}: the connection cannot "
                    "be encrypted, so no credentials were sent",
                    port=ep.port,
                ),
                details=msg("Offered: {offered}", offered=", ".join(self.before_tls))
                if self.before_tls
                else "",
                remedy=Remedy(
                    msg(
                        "Use the implicit-TLS port ({implicit_port}) if the server has one, or "
                        "turn on TLS for this port on the server. If the server normally offers "
                        "STARTTLS, something on the way strips it (a firewall's SMTP/IMAP "
                        "'fixup' or inspection feature).",
                        implicit_port=_IMPLICIT[self.protocol.key],
                    ),
                    MAIL_LINKS["settings"],
                ),
            )
        try:
            self.protocol.starttls(self._pending)
        except PROTOCOL_ERRORS as exc:
            summary, remedy = self.explain(failure(self.ctx, exc, self.wire))
            return Step(
                self.tls_id,
                title,
                Status.FAIL,
                summary=msg("STARTTLS failed: {error}", error=summary),
                remedy=remedy,
            )
        return None

    def _first_then_replay(self) -> Callable[[], socket.socket]:
        """The connect() for net.tls.secure: our socket first; any later call (to show a
        rejected certificate) replays the plaintext part on a new connection."""
        first = [self._raw] if self._raw is not None else []

        def connect() -> socket.socket:
            if first:
                return first.pop()
            return self._replay(
                msg(
                    "{connection} (second connection, for the certificate only)",
                    connection=self.label,
                )
            )

        return connect

    def _replay(self, label: str) -> socket.socket:
        ep = self.endpoint
        sock, _ = self.net.tcp(ep.host, ep.port)
        if ep.implicit_tls:
            return sock
        wire = self._wire(label)
        session: S | None = None
        try:
            session = self.protocol.open(sock, wire, ep.host, ep.port)
            self.protocol.hello(session)
            self.protocol.starttls(session)
        except BaseException:
            self.net.close(sock)
            raise
        finally:
            if session is not None:
                self.protocol.drop_reader(session)
        return sock

    def _tls_failed(self, exc: TlsHandshakeError) -> Step:
        ep, ctx = self.endpoint, self.ctx
        evidence, details = [], ""
        if exc.inspection is not None:
            evidence.append(exc.inspection.to_evidence(self._tls_label()))
            problems = tls_problems(exc.inspection)
            if problems:
                details = msg("Certificate problems:\n{problems}", problems=_bullets(problems))
        summary = msg("{error}; no credentials were sent", error=exc.message)
        remedy: Remedy | None = tls_remedy(ep)
        version = None
        if may_be_version_mismatch(exc):
            label = msg(
                "{connection} (second connection, for the TLS version only)", connection=self.label
            )
            version = legacy_version(lambda: self._replay(label), ep.host, self.net.op_timeout())
        if version is not None:
            summary = msg(
                "the server only offers {version_name} ({version}); this computer requires TLS "
                "1.2 or later, as Exchange Online has since {date}; no credentials were sent",
                version_name=display_name(version),
                version=version,
                date=LEGACY_TLS_RETIRED,
            )
            remedy = _legacy_remedy(ep)
        elif isinstance(exc.__cause__, TimeoutError):
            remedy = silent_remedy(ep)
        elif exc.inspection is None:
            remedy = io_remedy(ep, Failure(verbatim(""), None, cut_off=True))
        for wire in self.wires:
            wire.note(f"TLS failed: {exc.message}")
        return Step(
            self.tls_id,
            self._tls_title(),
            Status.FAIL,
            summary=ctx.redactor(summary),
            details=details,
            remedy=remedy,
            evidence=evidence,
        )


_IMPLICIT = {"imap": 993, "pop": 995, "smtp": 465}


def _bullets(items: list[str]) -> str:
    """One "- item" line each; the items keep their own translations."""
    return join("\n", [join("", ["- ", item]) for item in items])


def _legacy_remedy(ep: Endpoint) -> Remedy:
    if ep.microsoft:
        text = msg(
            "{host} offers TLS 1.2 and later: an old version here means something on the way "
            "terminates TLS (a proxy, firewall or antivirus). Update it, or exclude Microsoft "
            "365 endpoints from TLS inspection.",
            host=ep.host,
        )
    else:
        text = msg(
            "Turn on TLS 1.2 (and 1.3) on {host}; TLS 1.0 and 1.1 are deprecated and current "
            "clients refuse them. On Windows servers enable TLS 1.2 in SCHANNEL; update "
            "appliances' firmware.",
            host=ep.host,
        )
    return Remedy(text, MAIL_LINKS["legacy_tls"])


@dataclass(frozen=True)
class PasswordSignIn:
    """How one protocol signs in with a password; the steps around it are shared."""

    step_id: str
    title: str  # Text, as are the summaries below
    mechanism: str | None  # None: the server offers no password mechanism over TLS
    no_mechanism: str  # the summary when it offers none
    login: Callable[[str, str, str], str]  # (mechanism, user, password) -> how it went
    offered: str | None = None  # what the server offered (data or Text), shown as details
    skip_reason: str = NO_CREDENTIALS


def password_sign_in(conv: Conversation[S], how: PasswordSignIn) -> Step:
    """The password sign-in every mail protocol does: only with a password, only to a
    host the rules allow, only with a mechanism the server offers over TLS; a refusal
    explained by the reply tables."""
    ctx, ep = conv.ctx, conv.endpoint
    credential = password(ctx)
    if credential is None:
        return skipped(how.step_id, how.title, how.skip_reason)
    details = (
        msg("Offered over TLS: {offered}", offered=how.offered) if how.offered is not None else ""
    )
    refusal = host_refusal(ctx, ep, conv.protocol.key)
    if refusal is not None:
        return host_refused(how.step_id, how.title, refusal, ep)
    if how.mechanism is None:
        return Step(
            how.step_id,
            how.title,
            Status.FAIL,
            summary=how.no_mechanism,
            remedy=Remedy(
                msg("Sign in with OAuth (XOAUTH2), which is what this server offers."),
                MAIL_LINKS["oauth"],
            ),
        )
    try:
        outcome = how.login(how.mechanism, credential.username, credential.password)
    except PROTOCOL_ERRORS as exc:
        summary, remedy = sign_in_failure(conv, exc)
        return Step(
            how.step_id,
            how.title,
            Status.FAIL,
            summary=msg(
                "not signed in as {user}: {error}", user=credential.username, error=summary
            ),
            details=details,
            remedy=remedy,
        )
    return Step(
        how.step_id,
        how.title,
        Status.PASS,
        summary=msg("signed in as {user} {outcome}", user=credential.username, outcome=outcome),
        details=details,
    )


_RETYPE = Remedy(
    msg(
        "Type the user name and password again by hand: a pasted value can carry a line "
        "break or another invisible character, and a terminal set to another encoding "
        "than UTF-8 garbles letters beyond ASCII."
    )
)


def sign_in_failure(conv: Conversation[S], exc: BaseException) -> tuple[str, Remedy | None]:
    """Why a sign-in failed, in words. A credential the command could not carry is said
    plainly; a library's encoding error is never shown, as its text quotes a character
    of the password and its offset ("can't encode character ... in position 20")."""
    unwind(conv.ctx)
    if isinstance(exc, CredentialNotSendable):
        return exc.message, _RETYPE
    if isinstance(exc, UnicodeEncodeError):
        return msg(
            "a character of the user name or password could not be encoded for sending; "
            "the sign-in was not completed"
        ), _RETYPE
    return conv.explain(failure(conv.ctx, exc, conv.wire))
