"""What the Lync/Skype and Teams checks share: where the Exchange side is, the skip for a
product nobody asked about, and one anonymous HTTPS request.

Where Exchange is (integration contract): for an on-premises target the EWS URL comes
from autodiscover's results when autodiscover.result ran (`discovered_settings`), else the
conventional https://mail.<domain>/EWS/Exchange.asmx; the autodiscover service is
https://autodiscover.<domain>/autodiscover/autodiscover.svc. For Exchange Online the
Exchange side is Microsoft's, per cloud (facts.py). Nothing here sends credentials.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from assistant.check import Context
from assistant.checks.autodiscover.settings import CLOUD_DEFAULTS, discovered_settings
from assistant.checks.integration.answers import Answer
from assistant.checks.integration.ids import PRODUCTS, TITLES
from assistant.facts import SFB_EXCHANGE_AUTODISCOVER_PATH, SFB_EXCHANGE_AUTODISCOVER_URLS
from assistant.integration_plan import ALL_PRODUCTS
from assistant.model import Evidence, Status, Step
from assistant.net.http import HttpError, HttpResponse, https_request
from assistant.text import join, msg

# Bodies we read are small (SOAP faults, JSON links); a bigger one is cut, never parsed whole.
MAX_BODY = 64 * 1024

_PRODUCT_NAMES = {
    "sharepoint": "SharePoint",
    "lync": "Lync / Skype for Business Server",
    "teams": "Teams",
}

# A minimal autodiscover SOAP request (GetUserSettings of one setting), as Skype for
# Business Server's first call to the service is; anonymous, so the answer is a 401 with
# the schemes the service takes (or a 200 from a service that answers without sign-in).
_GET_USER_SETTINGS = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<soap:Envelope xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover" '
    'xmlns:wsa="http://www.w3.org/2005/08/addressing" '
    'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
    "<soap:Header><a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion>"
    "<wsa:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/"
    "GetUserSettings</wsa:Action><wsa:To>{url}</wsa:To></soap:Header>"
    "<soap:Body><a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User>"
    "<a:Mailbox>{email}</a:Mailbox></a:User></a:Users><a:RequestedSettings>"
    "<a:Setting>ExternalEwsUrl</a:Setting></a:RequestedSettings></a:Request>"
    "</a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>"
)

# A minimal EWS request (GetFolder of the root): what any EWS client sends first.
EWS_PROBE = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    b'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
    b'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">'
    b'<s:Header><t:RequestServerVersion Version="Exchange2016"/></s:Header>'
    b"<s:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
    b'<m:FolderIds><t:DistinguishedFolderId Id="root"/></m:FolderIds></m:GetFolder></s:Body>'
    b"</s:Envelope>"
)


@dataclass(frozen=True)
class ExchangeSide:
    ews_url: str
    ews_source: str  # the step that named the EWS URL, "convention" or the cloud's defaults
    autodiscover_svc_url: str  # what Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl names
    onprem: bool


CONVENTION = "convention"


def exchange_side(ctx: Context) -> ExchangeSide:
    env = ctx.target.environment
    domain = ctx.target.domain
    if env.is_cloud:
        settings = discovered_settings(ctx.results, env)
        ews = settings.ews_url or f"https://{env.mailbox_host}/EWS/Exchange.asmx"
        svc = SFB_EXCHANGE_AUTODISCOVER_URLS.get(
            env.cloud, f"https://{env.autodiscover_v2_host}{SFB_EXCHANGE_AUTODISCOVER_PATH}"
        )
        return ExchangeSide(ews, settings.source_of("ews_url"), svc, onprem=False)
    settings = discovered_settings(ctx.results, env)
    if settings.ews_url and settings.source != CLOUD_DEFAULTS:
        ews, source = settings.ews_url, settings.source
    else:
        ews, source = f"https://mail.{domain}/EWS/Exchange.asmx", CONVENTION
    svc = f"https://autodiscover.{domain}{SFB_EXCHANGE_AUTODISCOVER_PATH}"
    return ExchangeSide(ews, source, svc, onprem=True)


def ews_url_source(side: ExchangeSide) -> str:
    if side.ews_source == CONVENTION:
        return msg(
            "EWS URL by convention (autodiscover did not run or found none): {url}",
            url=side.ews_url,
        )
    if side.ews_source == CLOUD_DEFAULTS:
        return msg("EWS URL from cloud defaults: {url}", url=side.ews_url)
    return msg("EWS URL from {step}: {url}", step=side.ews_source, url=side.ews_url)


def skip_unwanted(ctx: Context, check_id: str) -> Step | None:
    """The SKIP when none of the products this check serves is wanted, else None."""
    plan = ctx.integration
    wanted = plan.products if plan is not None else ALL_PRODUCTS
    serves = PRODUCTS[check_id]
    if serves & wanted:
        return None
    names = join(", ", [_PRODUCT_NAMES[p.value] for p in sorted(serves)])
    return Step(
        check_id,
        TITLES[check_id],
        Status.SKIP,
        summary=msg("skipped: only {products} need this, and it was not chosen", products=names),
    )


def anonymous_post_soap(ctx: Context, url: str, body: bytes) -> HttpResponse:
    """An anonymous SOAP POST (no Authorization header). Raises HttpError."""
    return https_request(
        ctx.net,
        url,
        method="POST",
        body=body,
        headers={"Content-Type": "text/xml; charset=utf-8"},
        max_bytes=MAX_BODY,
    )


def get_user_settings_body(url: str, email: str) -> bytes:
    return _GET_USER_SETTINGS.format(url=escape(url), email=escape(email)).encode("utf-8")


def anonymous_get(ctx: Context, url: str, accept: str = "application/json") -> HttpResponse:
    """An anonymous GET. Raises HttpError."""
    return https_request(ctx.net, url, headers={"Accept": accept}, max_bytes=MAX_BODY)


def probe(
    ctx: Context, url: str, call: Callable[[], HttpResponse]
) -> tuple[Answer, list[Evidence]]:
    """One anonymous request: the Answer the verdicts read, and its evidence (the HTTP
    exchange, redacted, and the certificate the server showed)."""
    host = urlsplit(url).hostname or url
    label = msg("TLS {host}", host=host)
    try:
        response = call()
    except HttpError as exc:
        return Answer.failed(url, exc), ([exc.tls.to_evidence(label)] if exc.tls else [])
    evidence = [response.to_evidence(ctx.redactor)]
    if response.tls is not None:
        evidence.append(response.tls.to_evidence(label))
    return Answer.of(response), evidence


__all__ = [
    "CONVENTION",
    "EWS_PROBE",
    "ExchangeSide",
    "HttpError",
    "anonymous_get",
    "anonymous_post_soap",
    "ews_url_source",
    "exchange_side",
    "get_user_settings_body",
    "probe",
    "skip_unwanted",
]
