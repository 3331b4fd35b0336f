"""ews.endpoint: an anonymous POST to the EWS URL with our own HTTPS client.

TLS (with the certificate problems in plain words), the 401 challenge and the sign-in
schemes it offers (Basic, NTLM, Negotiate, Bearer), and Microsoft's correlation headers.
Nothing secret is sent. The URL comes from `autodiscover.result` when that check is part
of the run, else from the cloud's defaults.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from assistant.facts import EWS_LINKS, Environment
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.challenge import Challenge, offered_schemes, parse_challenges
from assistant.net.http import HttpError, HttpResponse, https_request
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


def _challenge_list(challenges: Sequence[Challenge]) -> str:
    """'Basic (realm=mail.example.com); Bearer (authorization_uri=...)': data, as sent."""
    lines = []
    for challenge in challenges:
        shown = ", ".join(
            f"{k}={v}" for k, v in challenge.params.items() if k in ("realm", "authorization_uri")
        )
        lines.append(f"{challenge.scheme} ({shown})" if shown else challenge.scheme)
    return "; ".join(lines)


def _endpoint_verdict(
    response: HttpResponse, env: Environment
) -> tuple[Status, str, str, Remedy | None]:
    host, _ = host_port(response.url)
    challenges = parse_challenges(v for k, v in response.headers if k.lower() == "www-authenticate")
    schemes = offered_schemes(challenges)
    status = response.status
    if status == 401 and schemes:
        shown = _challenge_list(challenges)
        details = (
            msg(
                "Challenges: {challenges}. Exchange Online signs apps in with OAuth (Bearer).",
                challenges=shown,
            )
            if env.is_cloud and "Bearer" in schemes
            else msg("Challenges: {challenges}", challenges=shown)
        )
        return (
            Status.PASS,
            msg("answers and asks for sign-in: {schemes}", schemes=", ".join(schemes)),
            details,
            None,
        )
    if status == 401:
        return (
            Status.WARN,
            msg("answered 401 but named no sign-in method (no WWW-Authenticate header)"),
            "",
            Remedy(
                msg(
                    "Check the EWS virtual directory's authentication settings: "
                    "Get-WebServicesVirtualDirectory | Format-List *Authentication*; a reverse "
                    "proxy may be stripping WWW-Authenticate."
                ),
                EWS_LINKS["virtual_directory"],
            ),
        )
    if status == 404:
        return (
            Status.FAIL,
            msg("404 Not Found: there is no EWS at {url}", url=response.url),
            "",
            Remedy(
                msg(
                    "Check the EWS URL autodiscover hands out and where EWS is published: "
                    "Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl; the "
                    "path is /EWS/Exchange.asmx, and a reverse proxy must publish it."
                ),
                EWS_LINKS["virtual_directory"],
            ),
        )
    if 300 <= status < 400:
        location = response.header("location")
        return (
            Status.FAIL,
            msg(
                "redirects to {target} (HTTP {status}); EWS clients do not follow redirects",
                target=location,
                status=status,
            )
            if location
            else msg(
                "redirects to (no Location header) (HTTP {status}); EWS clients do not follow "
                "redirects",
                status=status,
            ),
            "",
            Remedy(
                msg(
                    "Publish EWS at the URL autodiscover hands out, without a redirect: "
                    "Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl."
                ),
                EWS_LINKS["virtual_directory"],
            ),
        )
    if status >= 500:
        return (
            Status.FAIL,
            msg(
                "server error: HTTP {status} {status_text}",
                status=status,
                status_text=response.reason,
            ),
            "",
            Remedy(
                msg(
                    "{host} (or a load balancer in front of it) failed. On Exchange Server "
                    "check the MSExchangeServicesAppPool application pool and the event log; "
                    "give the request-id and X-FEServer/X-BEServer values from the evidence to "
                    "support.",
                    host=host,
                ),
                EWS_LINKS["virtual_directory"],
            ),
        )
    if status == 403:
        return (
            Status.FAIL,
            msg("403 Forbidden before any sign-in: the server or a proxy refuses this client"),
            "",
            Remedy(
                msg(
                    "Check IP restrictions, client-certificate requirements or a web "
                    "application firewall in front of EWS."
                ),
                EWS_LINKS["virtual_directory"],
            ),
        )
    if status == 200:
        return (
            Status.WARN,
            msg("answered 200 without asking for sign-in (EWS normally answers 401)"),
            msg("Anonymous access to EWS, or something other than Exchange answers at this URL."),
            Remedy(
                msg("Check that this URL reaches Exchange and not a proxy or placeholder page.")
            ),
        )
    return (
        Status.WARN,
        msg(
            "answered HTTP {status} {status_text} without credentials (expected 401)",
            status=status,
            status_text=response.reason,
        ),
        "",
        None,
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
            remedy=Remedy(
                msg(
                    "Check that {host} resolves and that TCP 443 to it is open (firewall, "
                    "proxy, load balancer).",
                    host=host,
                )
            ),
            evidence=evidence,
        )
    challenges = parse_challenges(v for k, v in response.headers if k.lower() == "www-authenticate")
    info.update(
        status=response.status,
        schemes=offered_schemes(challenges),
        challenges=[c.to_dict() for c in challenges],
        tls_verified=response.tls is not None and response.tls.verified,
    )
    status, summary, details, remedy = _endpoint_verdict(response, ctx.target.environment)
    problems = tls_problems(response.tls) if response.tls is not None else []
    if problems and status is Status.PASS:
        status, remedy = Status.WARN, tls_remedy(host)
        summary = msg(
            "{summary}; but TLS: {problems}", summary=summary, problems=join("; ", problems)
        )
    evidence = [Evidence(INFO_KIND, msg("EWS endpoint"), info), response.to_evidence(ctx.redactor)]
    if response.tls is not None:
        evidence.append(response.tls.to_evidence(tls_label(host)))
    lines = [url_from(settings.source, url)]
    if details:
        lines.append(details)
    return Step(
        ENDPOINT,
        title,
        status,
        summary=summary,
        details=join("\n", lines),
        remedy=remedy,
        evidence=evidence,
    )
