"""Autodiscover v2 (JSON, anonymous), what current Outlook asks first:

    GET /autodiscover/autodiscover.json/v1.0/<email>?Protocol=EWS
    GET /autodiscover/autodiscover.json?Email=<email>&Protocol=EWS&RedirectCount=1

Exchange Online answers `{"Protocol": "EWS", "Url": "https://outlook.office365.com/EWS/
Exchange.asmx"}` for its tenants' domains; `Protocol=AutodiscoverV1` gives the POX URL.
For a domain it does not host the lab answers as for a hybrid/on-premises domain: a
302 to that domain's own autodiscover.json (an approximation: what Exchange Online
really returns for unknown domains is not documented). An unknown Protocol value is a
400 with Exchange Online's JSON error. On-premises Exchange answers with its own URLs,
except for a mailbox that redirects (redirectAddr / redirectUrl in POX): a 302 to the
autodiscover.json of the new address or host, with RedirectCount counting the hops.
Paths and parameter names are matched case-insensitively.
"""

from __future__ import annotations

import json
from urllib.parse import quote, unquote, urlsplit

from assistant.lab.exchange.directory import Org
from assistant.lab.exchange.site import Site
from assistant.lab.https_server import Handler, LabRequest, LabResponse

PATH = "/autodiscover/autodiscover.json"
JSON = "application/json; charset=utf-8"


def _protocols(org: Org) -> dict[str, tuple[str, str]]:
    host = org.mail_host
    rest = "https://outlook.office.com/api" if org.cloud else f"https://{host}/api"
    return {
        "ews": ("EWS", org.ews_url),
        "autodiscoverv1": (
            "AutodiscoverV1",
            f"https://{org.autodiscover_host}/autodiscover/autodiscover.xml",
        ),
        "activesync": ("ActiveSync", f"https://{host}/Microsoft-Server-ActiveSync"),
        "rest": ("Rest", rest),
    }


def _email(request: LabRequest) -> str:
    path = request.route_path
    rest = path[len(PATH) :].strip("/")
    if rest.lower().startswith("v1.0/"):
        return unquote(rest[len("v1.0/") :])
    return request.query.get("email", "")


def handler(site: Site) -> Handler:
    org = site.org

    def v2(request: LabRequest) -> LabResponse:
        protocols = _protocols(org)
        email = _email(request)
        asked = request.query.get("protocol", "")
        if asked.lower() not in protocols:
            supported = ",".join(protocols)
            error = {
                "ErrorCode": "InvalidProtocol",
                "ErrorMessage": f"The given protocol value '{asked}' is invalid. "
                f"Supported values are '{supported}'",
            }
            return _json(site, request, 400, error)
        if "@" not in email:
            error = {"ErrorCode": "InvalidUser", "ErrorMessage": "The email address is invalid."}
            return _json(site, request, 400, error)
        name, url = protocols[asked.lower()]
        domain = email.rpartition("@")[2].lower()
        if org.cloud and domain not in org.domains:
            return _redirect(site, request, f"autodiscover.{domain}", email, name)
        mailbox = site.directory.mailbox(email)
        if not org.cloud and mailbox is not None and mailbox.org == org.key:
            if mailbox.redirect_addr:
                return _redirect(site, request, request.host, mailbox.redirect_addr, name)
            target = urlsplit(mailbox.redirect_url or "").hostname
            if target and target != request.host:
                return _redirect(site, request, target, email, name)
        return _json(site, request, 200, {"Protocol": name, "Url": url})

    return v2


def _redirect(site: Site, request: LabRequest, host: str, email: str, protocol: str) -> LabResponse:
    count = request.query.get("redirectcount", "0")
    location = (
        f"https://{host}{PATH}/v1.0/{quote(email)}"
        f"?Protocol={protocol}&RedirectCount={int(count) + 1 if count.isdigit() else 1}"
    )
    return LabResponse(
        302,
        b"",
        headers=(*site.headers(request), ("Location", location)),
        content_type="text/html; charset=utf-8",
    )


def _json(site: Site, request: LabRequest, status: int, data: dict[str, str]) -> LabResponse:
    body = json.dumps(data, separators=(",", ":")).encode()
    return site.respond(request, body, status=status, content_type=JSON)
