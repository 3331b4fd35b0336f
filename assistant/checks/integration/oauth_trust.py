"""integration.oauth_trust: whom Exchange (and SharePoint) trust, read from the Bearer
challenges they send to anyone.

Children, one per endpoint asked (anonymously; nothing secret is sent):
integration.oauth_trust.ews           Exchange's EWS URL (from autodiscover, else mail.<domain>)
integration.oauth_trust.autodiscover  autodiscover.<domain>/autodiscover/autodiscover.svc
integration.oauth_trust.sharepoint    the SharePoint site (--sharepoint-url), when given

Exchange Server with hybrid modern authentication answers 401 with `Bearer client_id=
"<Exchange's app ID>", trusted_issuers="00000001-...@<tenant ID>"`; the tenant ID must be
integration.tenant's. For an Exchange Online target the endpoints are Microsoft's: what
they say is reported as information. The verdicts: policy/bearer_trust.py.
"""

from __future__ import annotations

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.integration.bearer_steps import (
    Probed,
    ask_autodiscover,
    ask_ews,
    ask_site,
    challenges_evidence,
    exchange_step,
    sharepoint_step,
)
from assistant.checks.integration.exchange_side import (
    ews_url_source,
    exchange_side,
    skip_unwanted,
)
from assistant.checks.integration.ids import OAUTH_TRUST, TENANT, TITLES
from assistant.integration_plan import Product
from assistant.model import Status, Step, worst
from assistant.text import join, msg

EWS = f"{OAUTH_TRUST}.ews"
AUTODISCOVER = f"{OAUTH_TRUST}.autodiscover"
SHAREPOINT = f"{OAUTH_TRUST}.sharepoint"

_WHY = msg(
    "Needed by Teams (calendar and free/busy of on-premises mailboxes), Skype for Business "
    "(out-of-office, presence in Outlook on the web, conversation history) and SharePoint "
    "(Exchange tasks, site mailboxes): each signs in to Exchange with an Entra ID token, "
    "which Exchange accepts only when its Bearer challenge trusts this tenant."
)


def _sharepoint_url(ctx: Context) -> str | None:
    plan = ctx.integration
    if plan is None or plan.sharepoint_url is None or not plan.wants(Product.SHAREPOINT):
        return None
    return plan.sharepoint_url


def check_oauth_trust(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, OAUTH_TRUST)) is not None:
        return skip
    side = exchange_side(ctx)
    probed: list[Probed] = []
    children: list[Step] = []
    ews = ask_ews(ctx, side.ews_url)
    probed.append(ews)
    children.append(exchange_step(ctx, EWS, msg("EWS's Bearer challenge"), ews, onprem=side.onprem))
    autodiscover = ask_autodiscover(ctx, side.autodiscover_svc_url)
    probed.append(autodiscover)
    children.append(
        exchange_step(
            ctx,
            AUTODISCOVER,
            msg("Autodiscover's Bearer challenge"),
            autodiscover,
            onprem=side.onprem,
        )
    )
    site_url = _sharepoint_url(ctx)
    if site_url is not None:
        site = ask_site(ctx, site_url)
        probed.append(site)
        children.append(sharepoint_step(ctx, SHAREPOINT, msg("SharePoint's Bearer realm"), site))
    status = worst([c.status for c in children])
    problem = next((c for c in children if c.status is status and status.is_problem), None)
    lead = problem or children[0]
    part = lead.id.rsplit(".", 1)[1]
    summary: str
    if problem is not None:
        summary = msg("{part}: {summary}", part=part, summary=lead.summary)
    elif all(c.status is Status.PASS for c in children):
        summary = msg(
            "the Bearer challenges trust this tenant ({count} endpoints asked)",
            count=len(children),
        )
    else:
        summary = join(
            "; ",
            [
                msg("{part}: {summary}", part=c.id.rsplit(".", 1)[1], summary=c.summary)
                for c in children
            ],
        )
    return Step(
        OAUTH_TRUST,
        TITLES[OAUTH_TRUST],
        status,
        summary=summary,
        details=join(
            "\n",
            [
                _WHY,
                ews_url_source(side),
                msg("Autodiscover service: {url}", url=side.autodiscover_svc_url),
            ],
        ),
        remedy=problem.remedy if problem is not None else None,
        evidence=[challenges_evidence(probed)],
        children=children,
    )


OAUTH_TRUST_CHECK = Check(
    OAUTH_TRUST,
    TITLES[OAUTH_TRUST],
    check_oauth_trust,
    requires=(TENANT,),  # every verdict compares with the tenant ID it finds
    after=(RESULT_CHECK,),
    starts_early=True,  # on autodiscover's first usable answer
    explicit_only=True,
)
