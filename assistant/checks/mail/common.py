"""What the imap.*, pop.* and smtp.* checks share: which server to test, who may get
the password, how a failure reads, and how child steps roll up into the check.

The server comes from, in this order: what the user named (--imap/--pop/--smtp, which
also counts as confirming that host for this run), `autodiscover.result` when that
check is part of the run, and the cloud's defaults (CHECKS.md's table).
"""

from __future__ import annotations

import imaplib
import poplib
import smtplib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.auth.credentials import PasswordCredential
from assistant.cancel import DeadlineExceeded
from assistant.check import Context
from assistant.checks.autodiscover.settings import discovered_settings
from assistant.facts import MAIL_LINKS, is_microsoft_host, is_within
from assistant.model import Evidence, Remedy, Status, Step, worst
from assistant.net.mailwire import ClosedMidReply, ReplyTimeout, Wire
from assistant.settings_names import setting
from assistant.text import Text, TextError, msg, verbatim

NO_CREDENTIALS = msg("no credentials for this run")
_MODES = {"ssl": msg("implicit TLS"), "tls": verbatim("STARTTLS"), "none": msg("no encryption")}


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    encryption: str  # "ssl" implicit TLS, "tls" STARTTLS, "none"
    source: str  # where it came from, for the report
    explicit: bool  # the user named it for this run

    @property
    def mode(self) -> str:
        return _MODES.get(self.encryption, self.encryption)

    @property
    def implicit_tls(self) -> bool:
        return self.encryption == "ssl"

    @property
    def microsoft(self) -> bool:
        return is_microsoft_host(self.host)

    def __str__(self) -> str:
        return f"{self.host}:{self.port} ({self.mode})"

    def describe(self) -> str:
        """`str(self)` as translatable text."""
        return msg("{host}:{port} ({mode})", host=self.host, port=self.port, mode=self.mode)


def choose_endpoint(ctx: Context, protocol: str) -> Endpoint | None:
    named = ctx.options.endpoint(protocol)
    if named is not None:
        return Endpoint(named.host, named.port, named.encryption, f"--{protocol}", True)
    settings = discovered_settings(ctx.results, ctx.target.environment)
    found = {"imap": settings.imap, "pop": settings.pop, "smtp": settings.smtp}[protocol]
    if found is None:
        return None
    encryption = found.encryption if found.encryption in _MODES else "tls"
    host = found.host.lower().rstrip(".")
    return Endpoint(host, found.port, encryption, settings.source_of(protocol), False)


def no_endpoint(check_id: str, title: str, protocol: str) -> Step:
    return Step(
        check_id,
        title,
        Status.SKIP,
        summary=msg(
            "no {protocol} server to test: autodiscover named none and there is no cloud "
            "default; name one with --{option} HOST[:PORT]",
            protocol=protocol.upper(),
            option=protocol,
        ),
    )


def password(ctx: Context) -> PasswordCredential | None:
    return ctx.credentials if isinstance(ctx.credentials, PasswordCredential) else None


def host_refusal(ctx: Context, endpoint: Endpoint, protocol: str) -> str | None:
    """Why the password must not go to this host, or None when it may.

    Called only once TLS validated for the host. The rules are those of ews.login: the
    user's domain, a Microsoft endpoint, or a host the user named or confirmed.
    """
    host, domain = endpoint.host, ctx.target.domain
    if endpoint.explicit or endpoint.microsoft or is_within(host, domain):
        return None
    why = msg(
        "{protocol} sign-in for {account}: {host} is outside {domain}",
        protocol=protocol.upper(),
        account=ctx.target.email or domain,
        host=host,
        domain=domain,
    )
    if ctx.may_use_host(host, why):
        return None
    return msg(
        "{host} is outside {domain} and not a Microsoft endpoint; no credentials were sent",
        host=host,
        domain=domain,
    )


def host_refused(step_id: str, title: str, summary: str, endpoint: Endpoint) -> Step:
    """A sign-in step skipped because host_refusal said no; `summary` says what was not
    sent (Text)."""
    return Step(
        step_id,
        title,
        Status.SKIP,
        summary=summary,
        remedy=Remedy(
            msg(
                "If {host} is your server, add it to {trusted}.",
                host=endpoint.host,
                trusted=setting("trust_host"),
            )
        ),
    )


def unwind(ctx: Context) -> None:
    """After a failure: a cancel or an expired deadline is the real cause."""
    ctx.token.raise_if_cancelled()
    if ctx.deadline.expired:
        raise DeadlineExceeded("the check ran out of time")


class ReplyRefused(TextError):
    """The server answered a command with a refusal; `reply` is its line, as sent.
    `what` names the command ("EHLO", or a Text such as msg("the greeting"))."""

    def __init__(self, what: str, reply: str) -> None:
        super().__init__(
            msg("{command} was answered: {server_reply}", command=what, server_reply=reply)
        )
        self.what = what
        self.reply = reply


def said(exc: BaseException) -> str:
    """An exception's message as text: the translatable Text it was raised with, or else
    its words as they are (data: an OS error, a library's message)."""
    message = getattr(exc, "message", None)
    if isinstance(message, Text):
        return message
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    return msg("{error}", error=str(exc) or type(exc).__name__)


@dataclass(frozen=True)
class Failure:
    text: str  # for the summary (Text), already redacted
    reply: str | None  # the server's refusal, when there was one (for replies.py)
    timed_out: bool = False
    cut_off: bool = False


def failure(ctx: Context, exc: BaseException, wire: Wire | None) -> Failure:
    """What went wrong, preferring what the wire saw to what the library made of it."""
    unwind(ctx)
    if wire is not None and wire.failure is not None:
        broken = wire.failure
        return Failure(
            ctx.redactor(said(broken)),
            None,
            timed_out=isinstance(broken, ReplyTimeout),
            cut_off=isinstance(broken, ClosedMidReply),
        )
    if isinstance(exc, ReplyRefused):
        return Failure(ctx.redactor(said(exc)), ctx.redactor(exc.reply))
    if isinstance(exc, smtplib.SMTPResponseException):
        message = exc.smtp_error
        text = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
        reply = ctx.redactor(f"{exc.smtp_code} {' '.join(text.split())}")
        return Failure(msg("the server answered {server_reply}", server_reply=reply), reply)
    if wire is not None and wire.closed_by_server:
        return Failure(msg("the server closed the connection"), None, cut_off=True)
    if isinstance(exc, imaplib.IMAP4.error | poplib.error_proto) and wire is not None:
        reply = ctx.redactor(wire.last_reply)
        return Failure(msg("the server answered: {server_reply}", server_reply=reply), reply)
    if isinstance(exc, TimeoutError):
        return Failure(msg("no answer in time"), None, timed_out=True)
    return Failure(ctx.redactor(said(exc)), None)


def silent_remedy(endpoint: Endpoint) -> Remedy:
    return Remedy(
        msg(
            "Something accepted the connection to {host}:{port} but never answered: a "
            "firewall, proxy or antivirus 'mail shield' that intercepts this port, or a hung "
            "server. Test from another network, and look for mail or TLS inspection on the way.",
            host=endpoint.host,
            port=endpoint.port,
        )
    )


def cut_off_remedy(endpoint: Endpoint) -> Remedy:
    return Remedy(
        msg(
            "The connection to {host}:{port} was cut in the middle of the conversation: a "
            "firewall or intrusion-prevention system resetting the protocol, a load balancer "
            "with a failing back end, or a crashing server. Compare with a test from another "
            "network.",
            host=endpoint.host,
            port=endpoint.port,
        )
    )


def io_remedy(endpoint: Endpoint, found: Failure) -> Remedy | None:
    if found.timed_out:
        return silent_remedy(endpoint)
    if found.cut_off:
        return cut_off_remedy(endpoint)
    return None


def transcript_evidence(wires: Sequence[Wire]) -> list[Evidence]:
    return [w.transcript.to_evidence() for w in wires]


def timed(make: Callable[[], Step]) -> Step:
    """Run one child step, recording how long it took."""
    started = time.monotonic()
    step = make()
    step.duration_ms = int((time.monotonic() - started) * 1000)
    return step


def skipped(step_id: str, title: str, reason: str) -> Step:
    return Step(step_id, title, Status.SKIP, summary=reason)


def blocked_by(steps: Sequence[Step]) -> str | None:
    """'not tried: X failed' when an earlier step failed, else None."""
    for step in steps:
        if step.status in (Status.FAIL, Status.ERROR):
            return msg("not tried: {step} failed", step=step.id)
    return None


def roll_up(
    check_id: str,
    title: str,
    endpoint: Endpoint,
    children: list[Step],
    wires: Sequence[Wire],
    *,
    success: str,  # Text
    login_id: str,
) -> Step:
    """The check's own step: the worst child, the first problem's summary and remedy.

    When nothing is wrong but the sign-in was skipped, the check is a skip that still
    says what did work."""
    status = worst([c.status for c in children])
    problem = next((c for c in children if c.status is status and status.is_problem), None)
    login = next((c for c in children if c.id == login_id), None)
    summary: str
    if problem is not None:
        summary = msg(
            "{step}: {summary}", step=problem.id.split(".", 1)[1], summary=problem.summary
        )
        remedy = problem.remedy
    elif login is not None and login.status is Status.SKIP:
        status = Status.SKIP
        summary = msg(
            "{server} answers over valid TLS; sign-in not tried: {reason}",
            server=endpoint.describe(),
            reason=login.summary,
        )
        remedy = login.remedy
    else:
        summary, remedy = success, None
    return Step(
        check_id,
        title,
        status,
        summary=summary,
        details=msg(
            "Server {server}, from {source}.", server=endpoint.describe(), source=endpoint.source
        ),
        remedy=remedy,
        evidence=transcript_evidence(wires),
        children=children,
    )


def tls_remedy(endpoint: Endpoint) -> Remedy:
    if endpoint.microsoft:
        return Remedy(
            msg(
                "{host} always presents a valid Microsoft certificate: a different one means "
                "something on the way intercepts TLS (antivirus mail scanning, a firewall or "
                "proxy doing TLS inspection). Exclude Microsoft 365 endpoints from inspection. "
                "No credentials were sent.",
                host=endpoint.host,
            ),
            MAIL_LINKS["settings"],
        )
    return Remedy(
        msg(
            "Install a certificate for {host} from a public certification authority, with "
            "the full chain (intermediates included) and a subject alternative name for this "
            "exact host, and keep it renewed. Mail clients refuse the connection otherwise, "
            "and this program sends no credentials to it.",
            host=endpoint.host,
        )
    )
