"""What the ews.* checks share: their IDs, the evidence that passes facts between
them, and how an exchangelib failure becomes a step."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from assistant.auth.credentials import Credentials, OAuthCredential
from assistant.cancel import DeadlineExceeded
from assistant.check import Context
from assistant.checks.autodiscover.settings import CLOUD_DEFAULTS
from assistant.checks.ews.errors import EwsFailure, explain
from assistant.checks.ews.session import EwsSession
from assistant.checks.oauth_common import bearer_refusal, mailbox_permission
from assistant.facts import EWS_LINKS
from assistant.hostnames import url_host
from assistant.model import Evidence, Remedy, Step
from assistant.net.http_exchange import HttpExchange
from assistant.text import join, msg

ENDPOINT = "ews.endpoint"
LOGIN = "ews.login"
MAILBOX = "ews.mailbox"
RETIREMENT = "ews.retirement"
INFO_KIND = "ews"  # evidence carrying what ews.endpoint / ews.login found, for later checks
MAX_EXCHANGES_SHOWN = 12
DETAIL_CHARS = 400  # of an exchangelib message (a 403's repeats every response header)


# The checks' titles (also wanted by ews/__init__.py's Check list).
ENDPOINT_TITLE = msg("EWS endpoint answers")
LOGIN_TITLE = msg("EWS sign-in")
MAILBOX_TITLE = msg("EWS mailbox data (what Lync/Teams read)")
RETIREMENT_TITLE = msg("EWS retirement in Exchange Online")


def skipped_no_credentials() -> str:
    return msg("skipped: no credentials for this run")


def error_text(exc: BaseException) -> str:
    """An exception's message, keeping it translatable when it was raised with a Text."""
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        return message
    if len(exc.args) == 1 and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


def number(value: object) -> int | float | str:
    """A count from exchangelib for a msg argument (it may be None, shown as such)."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def url_from(source: str, url: str) -> str:
    """'URL from autodiscover.pox: https://...' (where a check's URL came from)."""
    if source == CLOUD_DEFAULTS:
        return msg("URL from cloud defaults: {url}", url=url)
    return msg("URL from {step}: {url}", step=source, url=url)


def certificate_problems(problems: Iterable[str]) -> str:
    """'Certificate problems:' and one '- problem' line each."""
    return join("\n", [msg("Certificate problems:"), *(join("", ["- ", p]) for p in problems)])


def tls_label(host: str) -> str:
    return msg("TLS {host}", host=host)


def step_info(step: Step | None) -> dict[str, Any] | None:
    if step is None:
        return None
    for evidence in step.evidence:
        if evidence.kind == INFO_KIND and isinstance(evidence.data, dict):
            return evidence.data
    return None


def host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    try:
        port = parts.port or 443
    except ValueError:  # a port that is not a number: the connection refuses the URL anyway
        port = 443
    return url_host(url) or (parts.hostname or "").lower(), port


def exchange_evidence(ctx: Context, exchanges: Sequence[HttpExchange]) -> list[Evidence]:
    return [
        Evidence(
            "http",
            msg("{method} {url} (exchangelib)", method=e.method, url=e.url),
            e.to_dict(ctx.redactor),
        )
        for e in exchanges[-MAX_EXCHANGES_SHOWN:]
    ]


def unwind(ctx: Context) -> None:
    """After an exchangelib failure: a cancel or an expired deadline is the real cause."""
    ctx.token.raise_if_cancelled()
    if ctx.deadline.expired:
        raise DeadlineExceeded("the check ran out of time")


def mailbox_address(ctx: Context, credential: Credentials) -> str | None:
    if isinstance(credential, OAuthCredential) and credential.app_only:
        return credential.username  # app-only: the mailbox the app opens (--mailbox)
    if ctx.target.email is not None:
        return ctx.target.email
    return credential.username if "@" in credential.username else None


def tls_remedy(host: str) -> Remedy:
    return Remedy(
        msg(
            "Install a certificate for {host} from a public certification authority, with the "
            "full chain (intermediates included) and a subject alternative name for this "
            "exact host, and keep it renewed. EWS clients refuse the connection otherwise, and "
            "this program sends no credentials to it.",
            host=host,
        ),
        EWS_LINKS["virtual_directory"],
    )


def session_failure(
    ctx: Context, exc: BaseException, session: EwsSession, url: str, title: str, step_id: str
) -> Step:
    unwind(ctx)
    host, _ = host_port(url)
    exchanges = session.route.exchanges
    failure: EwsFailure = explain(exc, exchanges, host=host, cloud=ctx.target.environment.is_cloud)
    credential = ctx.credentials
    if isinstance(credential, OAuthCredential):
        failure = _oauth_failure(failure, exchanges, host, app_only=credential.app_only)
    return Step(
        step_id,
        title,
        failure.status,
        summary=ctx.redactor(failure.summary),
        details=ctx.redactor(
            msg(
                "{exception}: {error}",
                exception=type(exc).__name__,
                error=str(exc)[:DETAIL_CHARS],
            )
        ),
        remedy=failure.remedy,
        evidence=exchange_evidence(ctx, exchanges),
    )


def _oauth_failure(
    failure: EwsFailure, exchanges: Sequence[HttpExchange], host: str, *, app_only: bool
) -> EwsFailure:
    """A refusal of a token reads differently from a refused password: Exchange says
    why in its x-ms-diagnostics header; an app-only token denied a mailbox is RBAC."""
    if failure.kind == "unauthorized":
        diagnostics = next(
            (d for e in reversed(exchanges) if (d := e.header("x-ms-diagnostics"))), None
        )
        found = bearer_refusal(diagnostics, app_only=app_only, host=host)
        return EwsFailure("unauthorized", found.status, found.cause, found.remedy)
    if failure.kind == "blocked" and app_only:
        found = mailbox_permission(host)
        return EwsFailure(
            "blocked", found.status, join("; ", [failure.summary, found.cause]), found.remedy
        )
    return failure
