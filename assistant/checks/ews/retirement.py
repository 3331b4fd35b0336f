"""ews.retirement: the dated notice for Exchange Online (facts.EWS_*)."""

from __future__ import annotations

import datetime as dt

from assistant.check import Context
from assistant.checks.ews.common import RETIREMENT, RETIREMENT_TITLE
from assistant.facts import (
    EWS_LINKS,
    EWS_PHASED_DISABLEMENT,
    EWS_SHUTDOWN,
    EWS_SUCCESSOR,
    Environment,
)
from assistant.model import Remedy, Status, Step
from assistant.text import msg


def retirement_notice(env: Environment, today: dt.date) -> tuple[Status, str]:
    """The verdict and summary for ews.retirement on `today` (pure, for table tests)."""
    if not env.is_cloud:
        return (
            Status.SKIP,
            msg(
                "not for on-premises: Exchange Server keeps EWS; the retirement is Exchange "
                "Online's"
            ),
        )
    disable = dt.date.fromisoformat(EWS_PHASED_DISABLEMENT)
    shutdown = dt.date.fromisoformat(EWS_SHUTDOWN)
    if today < disable:
        summary = msg(
            "EWS in Exchange Online: Microsoft starts turning EWS off tenant by tenant on "
            "{disable_date} and shuts it down for good on {shutdown_date}; {successor} is the "
            "successor",
            disable_date=EWS_PHASED_DISABLEMENT,
            shutdown_date=EWS_SHUTDOWN,
            successor=EWS_SUCCESSOR,
        )
    elif today < shutdown:
        summary = msg(
            "EWS in Exchange Online: Microsoft has been turning EWS off tenant by tenant since "
            "{disable_date} and shuts it down for good on {shutdown_date}; {successor} is the "
            "successor",
            disable_date=EWS_PHASED_DISABLEMENT,
            shutdown_date=EWS_SHUTDOWN,
            successor=EWS_SUCCESSOR,
        )
    else:
        summary = msg(
            "EWS in Exchange Online: EWS was shut down for good on {shutdown_date}; "
            "{successor} is the successor",
            shutdown_date=EWS_SHUTDOWN,
            successor=EWS_SUCCESSOR,
        )
    return Status.INFO, summary


def check_retirement(ctx: Context) -> Step:
    status, summary = retirement_notice(ctx.target.environment, dt.datetime.now(dt.UTC).date())
    remedy = None
    if status is Status.INFO:
        remedy = Remedy(
            msg(
                "Move applications that use EWS to {successor}. Until {shutdown_date}, an app "
                "that must keep EWS needs Set-OrganizationConfig -EwsEnabled $true and its "
                "application ID in EWSAllowedAppIDs.",
                successor=EWS_SUCCESSOR,
                shutdown_date=EWS_SHUTDOWN,
            ),
            EWS_LINKS["retirement"],
        )
    return Step(
        RETIREMENT,
        RETIREMENT_TITLE,
        status,
        summary=summary,
        details=msg("Migration guide: {url}", url=EWS_LINKS["graph"])
        if status is Status.INFO
        else "",
        remedy=remedy,
    )
