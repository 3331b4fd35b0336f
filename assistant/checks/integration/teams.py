"""integration.teams.exchange: what Teams needs from an on-premises Exchange Server that
hosts its users' mailboxes, seen from the internet as Microsoft 365 sees it, without
credentials:

autodiscover   https://autodiscover.<domain>/autodiscover/autodiscover.json/v1.0/<email>
               ?Protocol=EWS finds the mailbox anonymously (autodiscover v2)
ews            EWS is published externally (answers, not 404) with a Bearer challenge
build          the Exchange build (X-OWA-Version) is new enough for Teams meetings and
               still supported (exchange_builds.py)

Mailboxes in Exchange Online need none of this: the step says so and stops.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import quote

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.integration.evidence import tenant_in
from assistant.checks.integration.exchange_side import (
    EWS_PROBE,
    anonymous_get,
    anonymous_post_soap,
    ews_url_source,
    exchange_side,
    probe,
    skip_unwanted,
)
from assistant.checks.integration.ids import TEAMS_EXCHANGE, TENANT, TITLES
from assistant.checks.integration.lync_verdicts import Verdict, with_bearer_trust
from assistant.checks.integration.teams_verdicts import (
    autodiscover_v2_url,
    autodiscover_v2_verdict,
    build_verdict,
    ews_published_verdict,
)
from assistant.facts import (
    EXCHANGE_UM_ONLINE_RETIRED,
    VOICEMAIL_SUCCESSOR,
)
from assistant.model import Evidence, Status, Step, worst
from assistant.text import join, msg

_WHY = msg(
    "Needed by Teams when users' mailboxes are on Exchange Server: the Teams service "
    "reaches them from the internet. Ignore it if you do not use Teams, or if every "
    "mailbox is in Exchange Online."
)


def _voicemail_note() -> str:
    return msg(
        "Voicemail does not depend on these steps: Exchange Unified Messaging Online was "
        "retired on {date} and Exchange Server 2019 has no Unified Messaging; {successor} "
        "delivers voicemail to the mailbox.",
        date=EXCHANGE_UM_ONLINE_RETIRED,
        successor=VOICEMAIL_SUCCESSOR,
    )


def _child(ctx: Context, name: str, title: str, verdict: Verdict, evidence: list[Evidence]) -> Step:
    return Step(
        f"{TEAMS_EXCHANGE}.{name}",
        title,
        verdict.status,
        summary=ctx.redactor(verdict.summary),
        details=ctx.redactor(verdict.details),
        remedy=verdict.remedy,
        evidence=evidence,
    )


def check_teams_exchange(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, TEAMS_EXCHANGE)) is not None:
        return skip
    title = TITLES[TEAMS_EXCHANGE]
    env = ctx.target.environment
    if env.is_cloud:
        return Step(
            TEAMS_EXCHANGE,
            title,
            Status.INFO,
            summary=msg(
                "mailboxes in Exchange Online ({cloud}): Teams reaches them directly",
                cloud=env.display_name,
            ),
            details=join("\n", [_WHY, _voicemail_note()]),
        )
    domain = ctx.target.domain
    email = ctx.target.email
    children: list[Step] = []
    owa_version: str | None = None
    found_url: str | None = None
    if email is None:
        children.append(
            Step(
                f"{TEAMS_EXCHANGE}.autodiscover",
                msg("Autodiscover v2 finds the mailbox"),
                Status.SKIP,
                summary=msg(
                    "skipped: give a mailbox address (user@{domain}) to look it up", domain=domain
                ),
            )
        )
    else:
        url = (
            f"https://autodiscover.{domain}/autodiscover/autodiscover.json/v1.0/"
            f"{quote(email, safe='@')}?Protocol=EWS"
        )
        answer, evidence = probe(ctx, url, partial(anonymous_get, ctx, url))
        owa_version = answer.owa_version
        found_url = autodiscover_v2_url(answer.body) if answer.status == 200 else None
        verdict = autodiscover_v2_verdict(answer, email)
        children.append(
            _child(ctx, "autodiscover", msg("Autodiscover v2 finds the mailbox"), verdict, evidence)
        )
    side = exchange_side(ctx)
    ews_url = found_url or side.ews_url
    answer, evidence = probe(ctx, ews_url, partial(anonymous_post_soap, ctx, ews_url, EWS_PROBE))
    owa_version = answer.owa_version or owa_version
    ews = ews_published_verdict(answer)
    tenant = tenant_in(ctx.results)
    ews = with_bearer_trust(ews, answer, tenant.tenant_id if tenant is not None else None)
    source = (
        msg("EWS URL from autodiscover v2: {url}", url=ews_url)
        if found_url
        else ews_url_source(side)
    )
    ews = Verdict(ews.status, ews.summary, join("\n", [source, ews.details]), ews.remedy)
    children.append(_child(ctx, "ews", msg("EWS published with OAuth (Bearer)"), ews, evidence))
    children.append(_child(ctx, "build", msg("Exchange build"), build_verdict(owa_version), []))
    status = worst([c.status for c in children])
    problems = [c for c in children if c.status.is_problem]
    if problems:
        summary = join("; ", [c.summary for c in problems])
    else:
        summary = join("; ", [c.summary for c in children if c.status is not Status.SKIP])
    remedy = next((c.remedy for c in problems if c.remedy is not None), None)
    return Step(
        TEAMS_EXCHANGE,
        title,
        status,
        summary=summary,
        details=join("\n", [_WHY, _voicemail_note()]),
        remedy=remedy,
        children=children,
    )


TEAMS_EXCHANGE_CHECK = Check(
    TEAMS_EXCHANGE,
    TITLES[TEAMS_EXCHANGE],
    check_teams_exchange,
    requires=(TENANT,),  # the Bearer challenge is compared with it
    after=(RESULT_CHECK,),
    starts_early=True,  # on autodiscover's first usable answer
    explicit_only=True,
)

__all__ = ["TEAMS_EXCHANGE_CHECK", "check_teams_exchange"]
