"""The MX endpoint that Direct Send, connector relay and relay.port25 talk to: the
sender's domain's MX record (the lowest preference), port 25, STARTTLS.

For Exchange Online it is "<label>.mail.protection.outlook.com" or "<label>.<region>.
mx.microsoft". --connect-to reroutes it like every other host (the lab does). Picking
the host from the records is a pure function; the lookup goes through ctx.resolver.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.check import Context
from assistant.checks.mail.common import Endpoint
from assistant.checks.relay.message import domain_of, sender_of
from assistant.facts import ENVIRONMENTS, LINKS, Cloud
from assistant.model import Remedy
from assistant.net.resolver import Outcome
from assistant.settings_names import setting
from assistant.text import msg

SMTP_PORT = 25
_MAX_HOST = 253


@dataclass(frozen=True)
class MxProblem:
    """Why there is no MX endpoint to talk to (Text), and what to do."""

    summary: str
    remedy: Remedy | None = None


def lowest_mx(values: Sequence[str]) -> str | None:
    """The host of the lowest-preference MX record among rdata texts ("10 host."), or
    None when there is none usable (a null MX "0 ." included, RFC 7505). Ties go to the
    first listed. Records that do not parse are ignored."""
    best: tuple[int, str] | None = None
    for value in values:
        parts = value.split()
        if len(parts) != 2 or not parts[0].isdigit() or len(parts[0]) > 5:
            continue
        preference, host = int(parts[0]), parts[1].rstrip(".").lower()
        if not host or len(host) > _MAX_HOST:
            continue
        if best is None or preference < best[0]:
            best = (preference, host)
    return None if best is None else best[1]


def is_exchange_online_mx(host: str, cloud: Cloud) -> bool:
    suffixes = ENVIRONMENTS[cloud].mx_suffixes or ENVIRONMENTS[Cloud.WORLDWIDE].mx_suffixes
    return any(host.endswith("." + suffix) for suffix in suffixes)


def mx_domain(ctx: Context) -> str:
    """Whose MX: the sender's domain (the tenant's accepted domain the device sends
    from), else the run's domain."""
    sender = sender_of(ctx)
    return domain_of(sender) if sender else ctx.target.domain


def mx_endpoint(ctx: Context) -> Endpoint | MxProblem:
    domain = mx_domain(ctx)
    answer = ctx.resolver.query(domain, "MX", deadline=ctx.deadline)
    host = lowest_mx(answer.values) if answer.ok else None
    if host is not None:
        return Endpoint(
            host, SMTP_PORT, "tls", msg("the MX record of {domain}", domain=domain), False
        )
    if answer.ok or answer.outcome in (Outcome.NXDOMAIN, Outcome.NODATA):
        return MxProblem(
            msg(
                "{domain} has no usable MX record: there is no MX endpoint to send to",
                domain=domain,
            ),
            Remedy(
                msg(
                    "Publish the MX record the Microsoft 365 admin center shows for {domain} "
                    "(Settings > Domains), or give an address in the sender's domain as {email}.",
                    domain=domain,
                    email=setting("email"),
                ),
                LINKS["mx"],
            ),
        )
    return MxProblem(
        msg("the MX lookup for {domain} failed: {answer}", domain=domain, answer=answer.describe())
    )
