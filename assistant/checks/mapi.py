"""mapi.endpoint: MAPI over HTTP's two endpoints answer the way Outlook needs them to.

[MS-OXCMAPIHTTP]: Outlook POSTs to /mapi/emsmdb/ (mailbox) and /mapi/nspi/ (address
book) with X-RequestType headers; unauthenticated, a healthy server answers 401 and
names its authentication schemes.
"""

from __future__ import annotations

import uuid

from assistant.checks.autodiscover.settings import RESULT_CHECK, discovered_settings
from assistant.checks.autodiscover.walk import auth_schemes
from assistant.model import Remedy, Status, Step, worst
from assistant.net.http import HttpError, https_request
from assistant.runner import Check, Context

LINK = "https://learn.microsoft.com/exchange/clients/mapi-over-http/configure-mapi-over-http"


def _probe(ctx: Context, step_id: str, url: str, request_type: str) -> Step:
    title = f"POST {url}"
    headers = {
        "Content-Type": "application/mapi-http",
        "X-RequestType": request_type,
        "X-ClientInfo": f"{uuid.uuid4()}-1",
        "X-RequestId": f"{uuid.uuid4()}:1",
        "X-ClientApplication": "Outlook/16.0.0.0",
    }
    try:
        response = https_request(ctx.net, url, method="POST", body=b"", headers=headers)
    except HttpError as exc:
        evidence = [] if exc.tls is None else [exc.tls.to_evidence()]
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary=exc.message,
            evidence=evidence,
            remedy=Remedy(
                "Outlook cannot open the mailbox without this endpoint: check DNS, the "
                "firewall and the certificate for this host.",
                LINK,
            ),
        )
    evidence = [response.to_evidence(ctx.redactor, title)]
    if response.tls is not None:
        evidence.append(response.tls.to_evidence())
    if response.status == 401:
        schemes = auth_schemes(response)
        return Step(
            step_id,
            title,
            Status.PASS,
            summary=f"answers and asks for sign-in ({', '.join(schemes) or 'no scheme named'})",
            evidence=evidence,
        )
    if response.status == 404:
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary="404: MAPI over HTTP is not published at this URL",
            remedy=Remedy(
                "On Exchange Server: Set-OrganizationConfig -MapiHttpEnabled $true and check "
                "Get-MapiVirtualDirectory's internal and external URLs.",
                LINK,
            ),
            evidence=evidence,
        )
    return Step(
        step_id,
        title,
        Status.WARN if response.status < 500 else Status.FAIL,
        summary=f"answered HTTP {response.status} {response.reason} without credentials "
        "(expected 401)",
        evidence=evidence,
    )


def check_mapi(ctx: Context) -> Step:
    settings = discovered_settings(ctx.results, ctx.target.environment)
    title = "MAPI over HTTP endpoints"
    endpoints = [
        ("mapi.endpoint.emsmdb", settings.mapi_emsmdb_url, "Connect"),
        ("mapi.endpoint.nspi", settings.mapi_nspi_url, "Bind"),
    ]
    if not any(url for _, url, _ in endpoints):
        return Step(
            "mapi.endpoint",
            title,
            Status.SKIP,
            summary="no MAPI over HTTP URL: autodiscover found none and the cloud has no default",
        )
    children = [
        _probe(ctx, step_id, url, kind) for step_id, url, kind in endpoints if url is not None
    ]
    status = worst([c.status for c in children])
    summary = "; ".join(f"{c.id.rsplit('.', 1)[-1]}: {c.summary}" for c in children)
    remedy = next((c.remedy for c in children if c.remedy is not None), None)
    return Step(
        "mapi.endpoint",
        title,
        status,
        summary=summary,
        details=f"URLs from {settings.source}",
        remedy=remedy,
        children=children,
    )


MAPI_CHECKS = (Check("mapi.endpoint", "MAPI over HTTP endpoints", check_mapi, (RESULT_CHECK,)),)
