"""integration.sharepoint.*: what SharePoint (Online or Server) needs from Exchange, seen
from the outside and without credentials.

site            the site URL given (--sharepoint-url) answers over validated TLS, and
                its Bearer challenge names this tenant as realm and SharePoint's app ID;
                a custom domain in front of SharePoint Online is explained
s2s             on-premises Exchange: the auth metadata document that SharePoint Server's
                New-SPTrustedSecurityTokenIssuer reads (shared with auth_metadata.py);
                Exchange Online with SharePoint Online: nothing to set up
site_mailboxes  information: site mailboxes are retired in Exchange Online
"""

from __future__ import annotations

from urllib.parse import urlsplit

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.integration.answers import Answer
from assistant.checks.integration.auth_metadata import metadata_step
from assistant.checks.integration.bearer_steps import (
    Probed,
    is_sharepoint_online,
    sharepoint_step,
)
from assistant.checks.integration.exchange_side import MAX_BODY, skip_unwanted
from assistant.checks.integration.ids import (
    SHAREPOINT_S2S,
    SHAREPOINT_SITE,
    SHAREPOINT_SITE_MAILBOXES,
    TENANT,
    TITLES,
)
from assistant.checks.policy.bearer_trust import read_bearer
from assistant.facts import (
    SHAREPOINT_LINKS,
    SHAREPOINT_ONLINE_REALM,
    SITE_MAILBOXES_DEPRECATED,
    SITE_MAILBOXES_RETIRED,
    SPO_PUBLIC_WEBSITES_DELETED,
    SPO_PUBLIC_WEBSITES_ENDED,
)
from assistant.model import Evidence, Remedy, Status, Step, worst
from assistant.net.http import HttpError, https_request
from assistant.net.tls_explain import tls_problems
from assistant.net.tls_inspection import TlsInspection
from assistant.settings_names import setting
from assistant.text import join, msg

TLS = f"{SHAREPOINT_SITE}.tls"
BEARER = f"{SHAREPOINT_SITE}.bearer"

_WHY_SITE = msg(
    "Needed by SharePoint (Online or Server) next to Exchange: Exchange, Teams and Outlook "
    "reach the site with Entra ID tokens of this tenant. Ignore it if you do not run "
    "SharePoint."
)


def _plan_url(ctx: Context) -> str | None:
    return ctx.integration.sharepoint_url if ctx.integration is not None else None


def _ask(ctx: Context, url: str) -> tuple[Answer, TlsInspection | None, list[Evidence]]:
    """An anonymous GET of the site, keeping the certificate even when it was refused."""
    label = msg("TLS {host}", host=urlsplit(url).hostname or url)
    try:
        response = https_request(ctx.net, url, headers={"Accept": "*/*"}, max_bytes=MAX_BODY)
    except HttpError as exc:
        evidence = [exc.tls.to_evidence(label)] if exc.tls is not None else []
        return Answer.failed(url, exc), exc.tls, evidence
    evidence = [response.to_evidence(ctx.redactor)]
    if response.tls is not None:
        evidence.append(response.tls.to_evidence(label))
    return Answer.of(response), response.tls, evidence


def _cert_names(tls: TlsInspection | None) -> list[str]:
    if tls is None or not tls.chain:
        return []
    return [s.removeprefix("DNS:") for s in tls.chain[0].sans if s.startswith("DNS:")]


def custom_domain_in_front(host: str, cert_names: list[str], issuers: tuple[str, ...]) -> bool:
    """A host outside SharePoint Online's suffixes whose certificate or Bearer challenge
    is SharePoint Online's: a custom ("vanity") domain in front of a SharePoint Online site."""
    if is_sharepoint_online(host):
        return False
    spo_cert = any(is_sharepoint_online(n.removeprefix("*.")) for n in cert_names)
    spo_challenge = any(i.lower().endswith(f"@{SHAREPOINT_ONLINE_REALM}") for i in issuers)
    return spo_cert or spo_challenge


def _custom_domain_step(ctx: Context, host: str, names: list[str], answer: Answer) -> Step:
    return Step(
        TLS,
        msg("TLS and the site's host name"),
        Status.FAIL,
        summary=msg(
            "{host} is a custom domain in front of SharePoint Online (its certificate is for "
            "{names}): Microsoft does not support custom domains for SharePoint Online sites",
            host=host,
            names=", ".join(names)
            or "SharePoint Online",  # a product name: the same in every language
        ),
        details=msg(
            "Only the SharePoint Online Public Website ever had a custom domain: no new ones "
            "since {ended}, and the last were deleted on {deleted}. A SharePoint Online site "
            "is reached at https://<name>.sharepoint.com/ (per cloud: sharepoint.us, "
            "sharepoint.cn); a CNAME or proxy under your own name fails TLS and sign-in. "
            "{error}",
            ended=SPO_PUBLIC_WEBSITES_ENDED,
            deleted=SPO_PUBLIC_WEBSITES_DELETED,
            error=answer.error or "",
        ),
        remedy=Remedy(
            msg(
                "Give the site's own address (https://<name>.sharepoint.com/sites/...) as "
                "{site}; to change <name>, rename the tenant's SharePoint domain "
                "(Start-SPOTenantRename).",
                site=setting("sharepoint_url"),
            ),
            SHAREPOINT_LINKS["public_websites"],
        ),
    )


def _tls_step(ctx: Context, host: str, answer: Answer, tls: TlsInspection | None) -> Step:
    title = msg("TLS and the site's host name")
    if answer.status is not None:
        return Step(
            TLS, title, Status.PASS, summary=msg("{host} answers over validated TLS", host=host)
        )
    problems = list(tls_problems(tls)) if tls is not None else []
    return Step(
        TLS,
        title,
        Status.FAIL,
        summary=ctx.redactor(
            msg(
                "{host} does not answer over validated TLS: {error}",
                host=host,
                error=answer.error or "",
            )
        ),
        details=join("\n", problems),
        remedy=Remedy(
            msg(
                "Serve the site over HTTPS with a certificate for {host} from a public CA, "
                "reachable on TCP 443.",
                host=host,
            ),
            SHAREPOINT_LINKS["s2s"],
        ),
    )


def check_sharepoint_site(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, SHAREPOINT_SITE)) is not None:
        return skip
    title = TITLES[SHAREPOINT_SITE]
    url = _plan_url(ctx)
    if url is None:
        return Step(
            SHAREPOINT_SITE,
            title,
            Status.SKIP,
            summary=msg("no SharePoint site given: give {site}", site=setting("sharepoint_url")),
            details=_WHY_SITE,
        )
    host = urlsplit(url).hostname or url
    answer, tls, evidence = _ask(ctx, url)
    reading = read_bearer(answer.challenges)
    if custom_domain_in_front(host, _cert_names(tls), reading.issuers):
        tls_step = _custom_domain_step(ctx, host, _cert_names(tls), answer)
    else:
        tls_step = _tls_step(ctx, host, answer, tls)
    children = [tls_step]
    if answer.status is not None:
        probed = Probed("SharePoint", answer, reading, evidence)
        children.append(sharepoint_step(ctx, BEARER, msg("The site's Bearer challenge"), probed))
    status = worst([c.status for c in children])
    lead = [c for c in children if c.status is status][-1]  # the Bearer verdict, if read
    return Step(
        SHAREPOINT_SITE,
        title,
        status,
        summary=lead.summary,
        details=join("\n", [_WHY_SITE, msg("Site: {url}", url=url)]),
        remedy=lead.remedy,
        evidence=evidence,
        children=children,
    )


_WHY_S2S = msg(
    "Needed by SharePoint Server next to Exchange Server: the server-to-server trust "
    "(New-SPTrustedSecurityTokenIssuer) reads this document for site mailboxes, eDiscovery "
    "and Exchange tasks. Ignore it if you do not run SharePoint Server."
)


def check_sharepoint_s2s(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, SHAREPOINT_S2S)) is not None:
        return skip
    title = TITLES[SHAREPOINT_S2S]
    if ctx.target.environment.is_cloud:
        url = _plan_url(ctx)
        server = url is not None and not is_sharepoint_online(urlsplit(url).hostname or "")
        summary = (
            msg(
                "Exchange Online: SharePoint Server reaches it through the SharePoint hybrid "
                "trust with Microsoft 365 (its realm is checked by integration.sharepoint.site)"
            )
            if server
            else msg(
                "SharePoint Online and Exchange Online: Microsoft runs the trust between "
                "them; nothing to set up"
            )
        )
        return Step(SHAREPOINT_S2S, title, Status.INFO, summary=summary, details=_WHY_S2S)
    return metadata_step(ctx, SHAREPOINT_S2S, title, _WHY_S2S)


def check_site_mailboxes(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, SHAREPOINT_SITE_MAILBOXES)) is not None:
        return skip
    retired = msg(
        "Site mailboxes are retired in Exchange Online and SharePoint Online: none could be "
        "created from {deprecated}, and those left were removed from {retired}; Microsoft "
        "365 Groups (and Teams) replace them.",
        deprecated=SITE_MAILBOXES_DEPRECATED,
        retired=SITE_MAILBOXES_RETIRED,
    )
    summary: str
    details: str
    if ctx.target.environment.is_cloud:
        summary, details = (
            retired,
            msg(
                "Sources: {link}, {groups}",
                link=SHAREPOINT_LINKS["site_mailboxes"],
                groups=SHAREPOINT_LINKS["groups"],
            ),
        )
    else:
        summary = msg(
            "Exchange Server and SharePoint Server still have site mailboxes; they need the "
            "server-to-server trust (integration.sharepoint.s2s)"
        )
        details = join(
            "\n", [retired, msg("Source: {link}", link=SHAREPOINT_LINKS["site_mailboxes"])]
        )
    return Step(
        SHAREPOINT_SITE_MAILBOXES,
        TITLES[SHAREPOINT_SITE_MAILBOXES],
        Status.INFO,
        summary=summary,
        details=details,
    )


SHAREPOINT_SITE_CHECK = Check(
    SHAREPOINT_SITE,
    TITLES[SHAREPOINT_SITE],
    check_sharepoint_site,
    requires=(TENANT,),  # compares with its tenant ID: `--checks integration.sharepoint` brings it
    explicit_only=True,
)
SHAREPOINT_S2S_CHECK = Check(
    SHAREPOINT_S2S,
    TITLES[SHAREPOINT_S2S],
    check_sharepoint_s2s,
    after=(RESULT_CHECK,),
    starts_early=True,  # on autodiscover's first usable answer
    explicit_only=True,
)
SITE_MAILBOXES_CHECK = Check(
    SHAREPOINT_SITE_MAILBOXES,
    TITLES[SHAREPOINT_SITE_MAILBOXES],
    check_site_mailboxes,
    explicit_only=True,
)
