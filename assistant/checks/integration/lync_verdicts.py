"""The Lync / Skype for Business verdicts on Exchange's side, as pure functions of what
was read: the autodiscover service for OAuth and EWS (the DNS and lyncdiscover verdicts:
lync_dns_verdicts.py). lync.py does the I/O around them.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.checks.integration.answers import Answer, Shape, classify, refused_certificate
from assistant.checks.integration.answers import schemes_text as _schemes
from assistant.checks.policy.bearer_trust import exchange_trust, read_bearer
from assistant.facts import INTEGRATION_LINKS
from assistant.model import Remedy, Status
from assistant.text import join, msg


@dataclass(frozen=True)
class Verdict:
    status: Status
    summary: str
    details: str = ""
    remedy: Remedy | None = None


def _set_url(url: str) -> str:
    return msg(
        "In the Skype for Business Server Management Shell: "
        "Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl {url}",
        url=url,
    )


def unreachable(answer: Answer) -> str:
    return msg("no answer from {url}: {error}", url=answer.url, error=answer.error or "")


def with_bearer_trust(verdict: Verdict, answer: Answer, tenant_id: str | None) -> Verdict:
    """A Bearer challenge is only half the story: whom it trusts (bearer_trust.py, the same
    verdict integration.oauth_trust gives) must be this domain's tenant, and the app
    Exchange's. A challenge that trusts another tenant fails the step with that remedy."""
    if classify(answer) is not Shape.BEARER:
        return verdict
    trust = exchange_trust(read_bearer(answer.challenges), tenant_id)
    if trust.status is Status.FAIL:
        return Verdict(
            Status.FAIL, join("; ", [verdict.summary, trust.summary]), verdict.details, trust.remedy
        )
    return Verdict(
        verdict.status,
        verdict.summary,
        join("\n", [t for t in (verdict.details, trust.summary) if t]),
        verdict.remedy,
    )


# -- integration.lync.autodiscover --------------------------------------------------------


def autodiscover_svc_verdict(answer: Answer, *, onprem: bool) -> Verdict:
    """The autodiscover SOAP service that Set-CsOAuthConfiguration must name."""
    shape = classify(answer)
    url = answer.url
    if shape is Shape.BEARER:
        return Verdict(
            Status.PASS,
            msg("{url} answers and takes OAuth (Bearer)", url=url),
            msg(
                "Get-CsOAuthConfiguration should show ExchangeAutodiscoverUrl {url}; "
                "Skype for Business Server finds Exchange's EWS and its OAuth metadata there.",
                url=url,
            ),
        )
    if shape is Shape.OPEN:
        return Verdict(
            Status.PASS,
            msg("{url} answers (HTTP {status})", url=url, status=answer.status or 0),
            msg("Get-CsOAuthConfiguration should show ExchangeAutodiscoverUrl {url}.", url=url),
        )
    if shape is Shape.NO_BEARER:
        fix = (
            msg(
                "Turn on OAuth for autodiscover (Set-AutodiscoverVirtualDirectory "
                "-OAuthAuthentication $true) and configure hybrid modern authentication "
                "(Hybrid Configuration Wizard), so that partners can sign in with OAuth."
            )
            if onprem
            else msg(
                "Exchange Online always offers OAuth here: something between this computer "
                "and Microsoft (a proxy) rewrote the answer."
            )
        )
        return Verdict(
            Status.WARN,
            msg(
                "{url} answers but offers no OAuth (Bearer); it offers: {schemes}",
                url=url,
                schemes=_schemes(answer),
            ),
            msg("Skype for Business Server signs in to Exchange server to server with OAuth."),
            Remedy(fix, INTEGRATION_LINKS["hybrid_modern_auth"]),
        )
    if shape is Shape.REDIRECT:
        return Verdict(
            Status.WARN,
            msg(
                "{url} redirects to {target} (HTTP {status})",
                url=url,
                target=answer.location or msg("(no Location header)"),
                status=answer.status or 0,
            ),
            msg("Server-to-server OAuth does not follow redirects: name the final URL."),
            Remedy(_set_url(answer.location or url), INTEGRATION_LINKS["sfb_oauth"]),
        )
    summary = {
        Shape.NOT_FOUND: msg(
            "{url} answers 404: the autodiscover service is not published there", url=url
        ),
        Shape.OTHER: msg("{url} answers HTTP {status}", url=url, status=answer.status or 0),
        Shape.BAD_TLS: refused_certificate(answer),
        Shape.UNREACHABLE: unreachable(answer),
    }[shape]
    publish = (
        msg(
            "Publish /autodiscover/autodiscover.svc on autodiscover.<domain> (reverse proxy "
            "and firewall) with a valid certificate, then name it for Skype for Business "
            "Server. {command}",
            command=_set_url(url),
        )
        if onprem
        else msg(
            "Let Skype for Business Server reach {url} (proxy and firewall), and name it: "
            "{command}",
            url=url,
            command=_set_url(url),
        )
    )
    return Verdict(
        Status.FAIL,
        summary,
        msg("Certificate problems: {problems}", problems="; ".join(answer.tls_problems))
        if answer.tls_problems
        else "",
        Remedy(publish, INTEGRATION_LINKS["sfb_oauth"]),
    )


# -- integration.lync.ews -----------------------------------------------------------------


def ews_for_skype_verdict(answer: Answer, *, onprem: bool) -> Verdict:
    """EWS as Skype for Business Server reads it: anonymous answer only."""
    shape = classify(answer)
    url = answer.url
    if shape is Shape.BEARER:
        return Verdict(
            Status.PASS,
            msg("EWS answers and takes OAuth (Bearer): {schemes}", schemes=_schemes(answer)),
        )
    link = INTEGRATION_LINKS["sfb_exchange_online"]
    publish = Remedy(
        msg(
            "Publish /EWS/ externally (reverse proxy, firewall) with a valid certificate, "
            "with OAuth turned on for it."
        )
        if onprem
        else msg("Let Skype for Business Server reach {url} (proxy and firewall).", url=url),
        link,
    )
    oauth = Remedy(
        msg(
            "Turn on OAuth for EWS (Set-WebServicesVirtualDirectory -OAuthAuthentication "
            "$true) and configure server-to-server OAuth between Skype for Business Server "
            "and Exchange (hybrid modern authentication: the Hybrid Configuration Wizard)."
        ),
        link,
    )
    if shape is Shape.NO_BEARER:
        return Verdict(
            Status.FAIL,
            msg(
                "EWS answers but offers no OAuth (Bearer); it offers: {schemes}",
                schemes=_schemes(answer),
            ),
            msg(
                "Skype for Business Server reads out-of-office and calendar data with "
                "server-to-server OAuth; without a Bearer challenge it cannot."
            ),
            oauth,
        )
    summary = {
        Shape.OPEN: msg(
            "EWS answered an anonymous request (HTTP {status})", status=answer.status or 0
        ),
        Shape.NOT_FOUND: msg("{url} answers 404: EWS is not published", url=url),
        Shape.REDIRECT: msg(
            "{url} redirects (HTTP {status}); EWS clients do not follow redirects",
            url=url,
            status=answer.status or 0,
        ),
        Shape.OTHER: msg("{url} answers HTTP {status}", url=url, status=answer.status or 0),
        Shape.BAD_TLS: refused_certificate(answer),
        Shape.UNREACHABLE: unreachable(answer),
    }[shape]
    status = Status.WARN if shape is Shape.OPEN else Status.FAIL
    return Verdict(status, summary, "", publish)
