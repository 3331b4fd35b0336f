"""imap.deprecation and pop.deprecation: the dated notice for Exchange Online's POP3 and
IMAP4 (CHECKS.md, "*.deprecation").

What this computer's own sign-in shows says nothing about the devices the admin is asking
about: this tool speaks TLS 1.2 or later, an old scanner or line-of-business app may not.
So the notice is information, and a warning only when the server in use is one of the
opt-in endpoints that exist for TLS 1.0 and 1.1 clients (they go with the rollout).
The verdict is a pure function of the cloud, the host and the date.
"""

from __future__ import annotations

import datetime as dt

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.mail.common import choose_endpoint
from assistant.facts import (
    MAIL_BASIC_AUTH_RETIRED,
    MAIL_LINKS,
    POP_IMAP_LEGACY_TLS_BLOCK_END,
    POP_IMAP_LEGACY_TLS_BLOCK_START,
    POP_IMAP_LEGACY_TLS_ENDPOINTS,
    US_GOVERNMENT_CLOUDS,
    Environment,
)
from assistant.model import Remedy, Status, Step
from assistant.text import msg

IMAP_DEPRECATION = "imap.deprecation"
POP_DEPRECATION = "pop.deprecation"
_NAMES = {"imap": "IMAP", "pop": "POP"}


def _title(protocol: str) -> str:
    return msg("{protocol} in Exchange Online: retirement dates", protocol=_NAMES[protocol])


def legacy_tls_notice(
    env: Environment, protocol: str, host: str | None, today: dt.date
) -> tuple[Status, str]:
    """The verdict and summary on `today` for `protocol` ("imap" or "pop") at `host` (the
    server the checks use, None when there is none)."""
    name = _NAMES[protocol]
    if not env.is_cloud:
        return Status.SKIP, msg("Exchange Server on-premises: these dates are for Exchange Online")
    if env.cloud in US_GOVERNMENT_CLOUDS:
        return Status.INFO, msg(
            "{protocol} in this cloud never accepted TLS 1.0 or 1.1 (there were no legacy "
            "endpoints): only clients with TLS 1.2 or later connect",
            protocol=name,
        )
    start = dt.date.fromisoformat(POP_IMAP_LEGACY_TLS_BLOCK_START)
    end = dt.date.fromisoformat(POP_IMAP_LEGACY_TLS_BLOCK_END)
    legacy = POP_IMAP_LEGACY_TLS_ENDPOINTS[protocol][env.cloud]
    if today < start:
        note = msg(
            "Exchange Online stops accepting TLS 1.0 and 1.1 on {protocol}, the legacy "
            "endpoint {legacy} included, in a rollout from {start} to {end}",
            protocol=name,
            legacy=legacy,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    elif today <= end:
        note = msg(
            "Exchange Online is switching off TLS 1.0 and 1.1 on {protocol}, the legacy "
            "endpoint {legacy} included, in a rollout from {start} that ends on {end}",
            protocol=name,
            legacy=legacy,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    else:
        note = msg(
            "Exchange Online no longer accepts TLS 1.0 or 1.1 on {protocol} since {end}, and "
            "the legacy endpoint {legacy} is gone",
            protocol=name,
            legacy=legacy,
            end=end.isoformat(),
        )
    if host is not None and host.lower().rstrip(".") == legacy:
        return Status.WARN, msg(
            "{host} is the endpoint for clients that only speak TLS 1.0 or 1.1: {note}",
            host=legacy,
            note=note,
        )
    return Status.INFO, note


def _check(ctx: Context, protocol: str, check_id: str) -> Step:
    endpoint = choose_endpoint(ctx, protocol)
    host = endpoint.host if endpoint is not None else None
    today = dt.datetime.now(dt.UTC).date()
    status, summary = legacy_tls_notice(ctx.target.environment, protocol, host, today)
    step = Step(check_id, _title(protocol), status, summary=summary)
    if status is Status.SKIP:
        return step
    name = _NAMES[protocol]
    step.details = msg(
        "A password (Basic authentication) no longer signs in to {protocol} in Exchange "
        "Online since {date}: only OAuth 2.0 (XOAUTH2) does. This computer connects with TLS "
        "1.2 or later; the devices and applications you are asking about may not.",
        protocol=name,
        date=MAIL_BASIC_AUTH_RETIRED,
    )
    mailbox_host = ctx.target.environment.mailbox_host or ""
    if ctx.target.environment.cloud not in US_GOVERNMENT_CLOUDS:
        step.remedy = Remedy(
            msg(
                "Update or replace {protocol} clients that only speak TLS 1.0 or 1.1 (old "
                "scanners, line-of-business applications, embedded devices; their vendor can "
                "confirm TLS 1.2 support), and point any set to {legacy} back to {host}. "
                "Set-TransportConfig -AllowLegacyTLSClients no longer keeps them working.",
                protocol=name,
                legacy=POP_IMAP_LEGACY_TLS_ENDPOINTS[protocol][ctx.target.environment.cloud],
                host=mailbox_host,
            ),
            MAIL_LINKS["pop_imap_legacy_tls"],
        )
    return step


def check_imap_deprecation(ctx: Context) -> Step:
    return _check(ctx, "imap", IMAP_DEPRECATION)


def check_pop_deprecation(ctx: Context) -> Step:
    return _check(ctx, "pop", POP_DEPRECATION)


def deprecation_check(protocol: str, sign_in: str) -> Check:
    """The notice's check for `protocol`: after autodiscover, whose answer may name the
    server (choose_endpoint reads it), and after the sign-in, so that it sits beside it
    in the report (it reads nothing from it)."""
    check_id = IMAP_DEPRECATION if protocol == "imap" else POP_DEPRECATION
    run = check_imap_deprecation if protocol == "imap" else check_pop_deprecation
    return Check(check_id, _title(protocol), run, after=(RESULT_CHECK, sign_in))
