"""ews.endpoint: an anonymous POST to the EWS URL with our own HTTPS client.

TLS (with the certificate problems in plain words), the 401 challenge and the sign-in
schemes it offers (Basic, NTLM, Negotiate, Bearer), and Microsoft's correlation headers.
Nothing secret is sent. The URL comes from `autodiscover.result` when that check is part
of the run, else from the cloud's defaults.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from assistant.check import Context
from assistant.checks.autodiscover.settings import discovered_settings
from assistant.checks.ews.common import (
    ENDPOINT,
    ENDPOINT_TITLE,
    INFO_KIND,
    certificate_problems,
    error_text,
    host_port,
    tls_label,
    tls_remedy,
    url_from,
)
from assistant.checks.ews.endpoint_verdict import (
    EndpointAnswer,
    endpoint_verdict,
    with_tls_problems,
)
from assistant.checks.web_remedies import silent_remedy_for
from assistant.facts import EWS_LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.http import HttpError, https_request
from assistant.net.tls_explain import tls_problems
from assistant.text import join, msg

# A minimal, valid request (GetFolder of the root), as an EWS client's first call would be.
_PROBE = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    b'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
    b'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">'
    b'<s:Header><t:RequestServerVersion Version="Exchange2016"/></s:Header>'
    b"<s:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
    b'<m:FolderIds><t:DistinguishedFolderId Id="root"/></m:FolderIds></m:GetFolder></s:Body>'
    b"</s:Envelope>"
)


def check_endpoint(ctx: Context) -> Step:
    title = ENDPOINT_TITLE
    settings = discovered_settings(ctx.results, ctx.target.environment)
    url = settings.ews_url
    if url is None:
        return Step(
            ENDPOINT,
            title,
            Status.SKIP,
            summary=msg(
                "no EWS URL: autodiscover did not run or found none, and on-premises "
                "Exchange has no default (run the autodiscover checks)"
            ),
        )
    host, _ = host_port(url)
    info: dict[str, Any] = {
        "url": url,
        "source": settings.source,
        "email": settings.email,
        # Only these (and the target's domain) widen the credential rules for ews.login:
        # the domains an authenticated autodiscover answer vouched for, never the address
        # or the URL an answer merely names (ARCHITECTURE.md, security rules).
        "trusted_domains": list(settings.trusted_domains),
        "status": None,
        "schemes": [],
        "tls_verified": False,
    }
    if urlsplit(url).scheme != "https":
        return Step(
            ENDPOINT,
            title,
            Status.FAIL,
            summary=msg("the EWS URL {url} is not HTTPS", url=url),
            remedy=Remedy(msg("Publish EWS over HTTPS only."), EWS_LINKS["virtual_directory"]),
            evidence=[Evidence(INFO_KIND, msg("EWS endpoint"), info)],
        )
    try:
        response = https_request(
            ctx.net,
            url,
            method="POST",
            body=_PROBE,
            headers={"Content-Type": "text/xml; charset=utf-8"},
        )
    except HttpError as exc:
        evidence = [Evidence(INFO_KIND, msg("EWS endpoint"), info)]
        if exc.tls is not None:
            evidence.append(exc.tls.to_evidence(tls_label(host)))
            return Step(
                ENDPOINT,
                title,
                Status.FAIL,
                summary=error_text(exc),
                details=join(
                    "\n",
                    [url_from(settings.source, url), certificate_problems(tls_problems(exc.tls))],
                ),
                remedy=tls_remedy(host),
                evidence=evidence,
            )
        return Step(
            ENDPOINT,
            title,
            Status.FAIL,
            summary=error_text(exc),
            details=url_from(settings.source, url),
            remedy=silent_remedy_for(exc, url)
            or Remedy(
                msg(
                    "Check that {host} resolves and that TCP 443 to it is open (firewall, "
                    "proxy, load balancer).",
                    host=host,
                )
            ),
            evidence=evidence,
        )
    answer = EndpointAnswer.of(response, ctx.target.environment)
    info.update(
        status=response.status,
        schemes=answer.schemes,
        challenges=[c.to_dict() for c in answer.challenges],
        tls_verified=response.tls is not None and response.tls.verified,
    )
    problems = tls_problems(response.tls) if response.tls is not None else []
    verdict = with_tls_problems(endpoint_verdict(answer), problems, host)
    evidence = [Evidence(INFO_KIND, msg("EWS endpoint"), info), response.to_evidence(ctx.redactor)]
    if response.tls is not None:
        evidence.append(response.tls.to_evidence(tls_label(host)))
    lines = [url_from(settings.source, url)]
    if verdict.details:
        lines.append(verdict.details)
    return Step(
        ENDPOINT,
        title,
        verdict.status,
        summary=verdict.summary,
        details=join("\n", lines),
        remedy=verdict.remedy,
        evidence=evidence,
    )
