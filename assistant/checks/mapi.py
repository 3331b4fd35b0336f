"""mapi.endpoint: MAPI over HTTP's two endpoints answer the way Outlook needs them to.

[MS-OXCMAPIHTTP]: Outlook POSTs to /mapi/emsmdb/ (mailbox) and /mapi/nspi/ (address
book) with X-RequestType headers; unauthenticated, a healthy server answers 401 and
names its authentication schemes. In an OAuth run, an endpoint that offers Bearer is
asked again with the run's token (child `<endpoint>.bearer`: Connect / Bind), under the
same host rules as every other sign-in.
"""

from __future__ import annotations

import uuid

from assistant.check import Check, Context
from assistant.checks.autodiscover.policy import Verdict, credential_decision
from assistant.checks.autodiscover.settings import (
    CLOUD_DEFAULTS,
    RESULT_CHECK,
    discovered_settings,
)
from assistant.checks.autodiscover.walk import auth_schemes
from assistant.checks.oauth_common import AUTH_TOKEN, bearer_refusal, get_token, oauth
from assistant.checks.web_remedies import silent_remedy_for
from assistant.hostnames import url_host
from assistant.model import Remedy, Status, Step, worst
from assistant.net.http import HttpError, https_request
from assistant.text import join, msg

LINK = "https://learn.microsoft.com/exchange/clients/mapi-over-http/configure-mapi-over-http"
TITLE = msg("MAPI over HTTP endpoints")


def _headers(request_type: str) -> dict[str, str]:
    return {
        "Content-Type": "application/mapi-http",
        "X-RequestType": request_type,
        "X-ClientInfo": f"{uuid.uuid4()}-1",
        "X-RequestId": f"{uuid.uuid4()}:1",
        "X-ClientApplication": "Outlook/16.0.0.0",
    }


def _probe(ctx: Context, step_id: str, url: str, request_type: str) -> Step:
    title = msg("POST {url}", url=url)
    headers = _headers(request_type)
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
            remedy=silent_remedy_for(exc, url)
            or Remedy(
                msg(
                    "Outlook cannot open the mailbox without this endpoint: check DNS, the "
                    "firewall and the certificate for {host}.",
                    host=url_host(url) or url,
                ),
                LINK,
            ),
        )
    evidence = [response.to_evidence(ctx.redactor, title)]
    if response.tls is not None:
        evidence.append(response.tls.to_evidence())
    if response.status == 401:
        schemes = auth_schemes(response)
        children = []
        if oauth(ctx) is not None and "Bearer" in schemes:
            verified = response.tls is not None and response.tls.verified
            children.append(_bearer_probe(ctx, f"{step_id}.bearer", url, request_type, verified))
        return Step(
            step_id,
            title,
            worst([Status.PASS, *(c.status for c in children)]),
            summary=join(
                "; ",
                [
                    msg("answers and asks for sign-in ({schemes})", schemes=", ".join(schemes))
                    if schemes
                    else msg("answers and asks for sign-in (no scheme named)"),
                    *(msg("with the token: {summary}", summary=c.summary) for c in children),
                ],
            ),
            evidence=evidence,
            remedy=next((c.remedy for c in children if c.remedy is not None), None),
            children=children,
        )
    if response.status == 404:
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary=msg("404: MAPI over HTTP is not published at this URL"),
            remedy=Remedy(
                msg(
                    "On Exchange Server: Set-OrganizationConfig -MapiHttpEnabled $true and "
                    "check Get-MapiVirtualDirectory's internal and external URLs."
                ),
                LINK,
            ),
            evidence=evidence,
        )
    return Step(
        step_id,
        title,
        Status.WARN if response.status < 500 else Status.FAIL,
        summary=msg(
            "answered HTTP {status} {status_text} without credentials (expected 401)",
            status=response.status,
            status_text=response.reason,
        ),
        evidence=evidence,
    )


def _bearer_probe(
    ctx: Context, step_id: str, url: str, request_type: str, tls_verified: bool
) -> Step:
    """The same request with the run's token, when the rules allow this host."""
    title = msg("{request_type} with the OAuth token", request_type=request_type)
    credential = oauth(ctx)
    assert credential is not None
    decision = credential_decision(url, tls_verified=tls_verified, domains=(ctx.target.domain,))
    host = url_host(url) or ""
    if decision.verdict is not Verdict.ALLOW and not (
        decision.verdict is Verdict.ASK and ctx.may_use_host(host, decision.reason)
    ):
        return Step(
            step_id,
            title,
            Status.SKIP,
            summary=msg("no token sent: {reason}", reason=decision.reason),
        )
    token = get_token(ctx, credential, step_id, title)
    if isinstance(token, Step):
        return token
    headers = {**_headers(request_type), "Authorization": f"Bearer {token.value}"}
    if credential.app_only:
        headers["X-AnchorMailbox"] = credential.username
    try:
        response = https_request(ctx.net, url, method="POST", body=b"", headers=headers)
    except HttpError as exc:
        return Step(step_id, title, Status.FAIL, summary=ctx.redactor(exc.message))
    evidence = [response.to_evidence(ctx.redactor, msg("POST {url} (Bearer)", url=url))]
    code = response.header("X-ResponseCode")
    if response.status == 200 and code == "0":
        return Step(
            step_id,
            title,
            Status.PASS,
            summary=msg(
                "accepted: {request_type} succeeded (X-ResponseCode 0)",
                request_type=request_type,
            ),
            evidence=evidence,
        )
    if response.status == 401:
        found = bearer_refusal(
            response.header("x-ms-diagnostics"), app_only=credential.app_only, host=host
        )
        return Step(
            step_id,
            title,
            Status.INFO,
            summary=msg(
                "not accepted ({cause}); Outlook signs in to MAPI with its own app "
                "registration, so this alone does not affect Outlook",
                cause=found.cause,
            ),
            evidence=evidence,
        )
    return Step(
        step_id,
        title,
        Status.WARN,
        summary=msg(
            "answered HTTP {status} {status_text}, X-ResponseCode {code}",
            status=response.status,
            status_text=response.reason,
            code=code,
        )
        if code
        else msg(
            "answered HTTP {status} {status_text}",
            status=response.status,
            status_text=response.reason,
        ),
        evidence=evidence,
    )


def check_mapi(ctx: Context) -> Step:
    settings = discovered_settings(ctx.results, ctx.target.environment)
    title = TITLE
    endpoints = [
        ("mapi.endpoint.emsmdb", settings.mapi_emsmdb_url, "Connect"),
        ("mapi.endpoint.nspi", settings.mapi_nspi_url, "Bind"),
    ]
    if not any(url for _, url, _ in endpoints):
        return Step(
            "mapi.endpoint",
            title,
            Status.SKIP,
            summary=msg(
                "no MAPI over HTTP URL: autodiscover found none and the cloud has no default"
            ),
        )
    children = [
        _probe(ctx, step_id, url, kind) for step_id, url, kind in endpoints if url is not None
    ]
    status = worst([c.status for c in children])
    summary = join(
        "; ",
        [
            msg("{endpoint}: {summary}", endpoint=c.id.rsplit(".", 1)[-1], summary=c.summary)
            for c in children
        ],
    )
    remedy = next((c.remedy for c in children if c.remedy is not None), None)
    return Step(
        "mapi.endpoint",
        title,
        status,
        summary=summary,
        details=msg("URLs from cloud defaults")
        if settings.source == CLOUD_DEFAULTS
        else msg("URLs from {step}", step=settings.source),
        remedy=remedy,
        children=children,
    )


MAPI_CHECKS = (
    Check(
        "mapi.endpoint",
        TITLE,
        check_mapi,
        (RESULT_CHECK,),
        after=(AUTH_TOKEN,),
        oauth_protocol="ews",  # the bearer probe uses the run's EWS token
        starts_early=True,
    ),
)
