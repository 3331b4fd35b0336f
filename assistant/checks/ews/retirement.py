"""ews.retirement: the dated notice for Exchange Online (facts.EWS_*)."""

from __future__ import annotations

import datetime as dt

from assistant.checks.ews.common import RETIREMENT
from assistant.facts import (
    EWS_LINKS,
    EWS_PHASED_DISABLEMENT,
    EWS_SHUTDOWN,
    EWS_SUCCESSOR,
    Environment,
)
from assistant.model import Remedy, Status, Step
from assistant.runner import Context


def retirement_notice(env: Environment, today: dt.date) -> tuple[Status, str]:
    """The verdict and summary for ews.retirement on `today` (pure, for table tests)."""
    if not env.is_cloud:
        return (
            Status.SKIP,
            "not for on-premises: Exchange Server keeps EWS; the retirement is Exchange Online's",
        )
    disable = dt.date.fromisoformat(EWS_PHASED_DISABLEMENT)
    shutdown = dt.date.fromisoformat(EWS_SHUTDOWN)
    if today < disable:
        when = (
            f"Microsoft starts turning EWS off tenant by tenant on {EWS_PHASED_DISABLEMENT} "
            f"and shuts it down for good on {EWS_SHUTDOWN}"
        )
    elif today < shutdown:
        when = (
            f"Microsoft has been turning EWS off tenant by tenant since {EWS_PHASED_DISABLEMENT} "
            f"and shuts it down for good on {EWS_SHUTDOWN}"
        )
    else:
        when = f"EWS was shut down for good on {EWS_SHUTDOWN}"
    return Status.INFO, f"EWS in Exchange Online: {when}; {EWS_SUCCESSOR} is the successor"


def check_retirement(ctx: Context) -> Step:
    status, summary = retirement_notice(ctx.target.environment, dt.datetime.now(dt.UTC).date())
    remedy = None
    if status is Status.INFO:
        remedy = Remedy(
            f"Move applications that use EWS to {EWS_SUCCESSOR}. Until {EWS_SHUTDOWN}, an app "
            "that must keep EWS needs Set-OrganizationConfig -EwsEnabled $true and its "
            "application ID in EWSAllowedAppIDs.",
            EWS_LINKS["retirement"],
        )
    return Step(
        RETIREMENT,
        "EWS retirement in Exchange Online",
        status,
        summary=summary,
        details=f"Migration guide: {EWS_LINKS['graph']}" if status is Status.INFO else "",
        remedy=remedy,
    )
