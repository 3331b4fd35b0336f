"""integration.auth_metadata: Exchange's auth metadata document, which its
server-to-server partners read, over validated TLS.

`https://<Exchange host>/autodiscover/metadata/json/1` (the host of Exchange's EWS URL:
from autodiscover, else mail.<domain>) is what `New-SPTrustedSecurityTokenIssuer
-MetadataEndPoint` (SharePoint Server) and `New-CsPartnerApplication -MetadataUrl` (Skype
for Business Server) are pointed at, and what Exchange Online reads in a hybrid
deployment. It must answer, parse, and carry a signing certificate that has not expired:
an expired Exchange auth certificate is the classic reason those products suddenly stop
reaching mailboxes. integration.sharepoint.s2s reads the same document (`metadata_step`).
The verdicts: policy/auth_metadata.py.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.integration.exchange_side import (
    ExchangeSide,
    anonymous_get,
    exchange_side,
    probe,
    skip_unwanted,
)
from assistant.checks.integration.ids import AUTH_METADATA, TITLES
from assistant.checks.policy.auth_metadata import (
    AuthMetadata,
    MetadataVerdict,
    certificate_verdict,
    parse_auth_metadata,
)
from assistant.facts import EXCHANGE_AUTH_METADATA_PATH, SHAREPOINT_LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.text import join, msg

READERS = msg(
    "Read by SharePoint Server (New-SPTrustedSecurityTokenIssuer -MetadataEndPoint), Skype "
    "for Business Server (New-CsPartnerApplication -MetadataUrl) and, in a hybrid "
    "deployment, Exchange Online: each validates Exchange's tokens with its signing "
    "certificate."
)


def metadata_url(side: ExchangeSide) -> str:
    host = urlsplit(side.ews_url).netloc
    return f"https://{host}{EXCHANGE_AUTH_METADATA_PATH}"


def _missing_remedy(url: str) -> Remedy:
    return Remedy(
        msg(
            "Publish {url} from Exchange (the autodiscover virtual directory serves it; a "
            "reverse proxy must pass /autodiscover/metadata/ through), with a certificate "
            "trusted publicly for its name; check Get-AuthConfig names a current "
            "certificate.",
            url=url,
        ),
        SHAREPOINT_LINKS["exchange_s2s"],
    )


def _fetch_verdict(
    ctx: Context, url: str
) -> tuple[MetadataVerdict, AuthMetadata | None, list[Evidence]]:
    answer, evidence = probe(ctx, url, lambda: anonymous_get(ctx, url, accept="application/json"))
    if answer.status is None:
        summary = msg(
            "the auth metadata document is not reachable over validated TLS: {error}",
            error=answer.error or "",
        )
        return MetadataVerdict(Status.FAIL, summary, _missing_remedy(url)), None, evidence
    if answer.status != 200:
        summary = msg(
            "no auth metadata document at {url} (HTTP {status})", url=url, status=answer.status
        )
        return MetadataVerdict(Status.FAIL, summary, _missing_remedy(url)), None, evidence
    found = parse_auth_metadata(answer.body)
    if isinstance(found, str):
        summary = msg("{url} is not Exchange's auth metadata: {reason}", url=url, reason=found)
        return MetadataVerdict(Status.FAIL, summary, _missing_remedy(url)), None, evidence
    return certificate_verdict(found, dt.datetime.now(dt.UTC)), found, evidence


def _facts_evidence(found: AuthMetadata) -> Evidence:
    now = dt.datetime.now(dt.UTC)
    return Evidence(
        "table",
        msg("Auth metadata"),
        {
            "realm": found.realm,
            "issuer": found.issuer,
            "serviceName": found.service_name,
            "signing_certificates": [c.to_dict(now) for c in found.certificates],
            "unreadable_keys": found.unreadable_keys,
        },
    )


def metadata_step(ctx: Context, step_id: str, title: str, why: str) -> Step:
    """The document at Exchange's host, judged; `why` says which product needs it."""
    side = exchange_side(ctx)
    url = metadata_url(side)
    verdict, found, evidence = _fetch_verdict(ctx, url)
    lines = [why, READERS, msg("Asked: {url}", url=url)]
    if found is not None:
        evidence.insert(0, _facts_evidence(found))
        lines.append(
            msg(
                "Realm: {realm}; issuer: {issuer}",
                realm=found.realm or msg("none"),
                issuer=found.issuer or msg("none"),
            )
        )
    status, summary, remedy = verdict.status, verdict.summary, verdict.remedy
    if not side.onprem and status.is_problem:
        # Exchange Online's document is Microsoft's: said, never a fault of the tenant's.
        summary = msg(
            "{summary} (Microsoft's own Exchange Online endpoint: nothing to change there)",
            summary=summary,
        )
        status, remedy = Status.INFO, None
    return Step(
        step_id,
        title,
        status,
        summary=ctx.redactor(summary),
        details=ctx.redactor(join("\n", lines)),
        remedy=remedy,
        evidence=evidence,
    )


_WHY = msg(
    "Needed by SharePoint Server and Skype for Business Server next to Exchange Server (and "
    "Exchange hybrid): ignore it if you run neither."
)


def check_auth_metadata(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, AUTH_METADATA)) is not None:
        return skip
    return metadata_step(ctx, AUTH_METADATA, TITLES[AUTH_METADATA], _WHY)


AUTH_METADATA_CHECK = Check(
    AUTH_METADATA,
    TITLES[AUTH_METADATA],
    check_auth_metadata,
    after=(RESULT_CHECK,),
    starts_early=True,  # on autodiscover's first usable answer
    explicit_only=True,
)
