"""SOAP autodiscover ([MS-OXWSADISC]): GetUserSettings at /autodiscover/autodiscover.svc,
the only autodiscover exchangelib speaks since 5.0.

exchangelib first POSTs a dummy GetUserSettings without credentials to learn the auth
scheme from the 401 (it prefers NTLM, then Basic), then asks for every setting it
knows. Unknown setting names get a UserSettingError `InvalidSetting`, known ones the
lab has no value for `SettingIsNotAvailable` (exchangelib ignores both). Redirects
come back as ErrorCode RedirectAddress / RedirectUrl with a RedirectTarget; an
unknown address as InvalidUser. The header carries ServerVersionInfo, from which
exchangelib takes the server build.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from assistant.lab.exchange.directory import Mailbox, Org
from assistant.lab.exchange.pox import lookup, same_host
from assistant.lab.exchange.site import Site
from assistant.lab.https_server import Handler, LabRequest, LabResponse

SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
ANS = "http://schemas.microsoft.com/exchange/2010/Autodiscover"
WSA = "http://www.w3.org/2005/08/addressing"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ACTION = "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings"
EWS_SCHEMAS = (
    "Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, "
    "Exchange2013, Exchange2013_SP1, Exchange2016"
)
# Setting names from the Autodiscover schema's UserSettingName that the lab answers or
# knows to be unavailable; anything else is InvalidSetting.
KNOWN_SETTINGS = frozenset(
    [
        "UserDisplayName",
        "UserDN",
        "UserDeploymentId",
        "InternalMailboxServer",
        "InternalRpcClientServer",
        "InternalMailboxServerDN",
        "InternalEcpUrl",
        "InternalEcpVoicemailUrl",
        "InternalEcpEmailSubscriptionsUrl",
        "InternalEcpTextMessagingUrl",
        "InternalEcpDeliveryReportUrl",
        "InternalEcpRetentionPolicyTagsUrl",
        "InternalEcpPublishingUrl",
        "InternalEwsUrl",
        "InternalOABUrl",
        "InternalUMUrl",
        "InternalWebClientUrls",
        "MailboxDN",
        "PublicFolderServer",
        "ActiveDirectoryServer",
        "ExternalMailboxServer",
        "ExternalMailboxServerRequiresSSL",
        "ExternalMailboxServerAuthenticationMethods",
        "EcpVoicemailUrlFragment",
        "EcpEmailSubscriptionsUrlFragment",
        "EcpTextMessagingUrlFragment",
        "EcpDeliveryReportUrlFragment",
        "EcpRetentionPolicyTagsUrlFragment",
        "EcpPublishingUrlFragment",
        "ExternalEcpUrl",
        "ExternalEcpVoicemailUrl",
        "ExternalEcpEmailSubscriptionsUrl",
        "ExternalEcpTextMessagingUrl",
        "ExternalEcpDeliveryReportUrl",
        "ExternalEcpRetentionPolicyTagsUrl",
        "ExternalEcpPublishingUrl",
        "ExternalEwsUrl",
        "ExternalOABUrl",
        "ExternalUMUrl",
        "ExternalWebClientUrls",
        "CrossOrganizationSharingEnabled",
        "AlternateMailboxes",
        "CasVersion",
        "EwsSupportedSchemas",
        "InternalPop3Connections",
        "ExternalPop3Connections",
        "InternalImap4Connections",
        "ExternalImap4Connections",
        "InternalSmtpConnections",
        "ExternalSmtpConnections",
        "InternalServerExclusiveConnect",
        "ExternalServerExclusiveConnect",
        "ExchangeRpcUrl",
        "ShowGalAsDefaultView",
        "AutoDiscoverSMTPAddress",
        "InteropExternalEwsUrl",
        "ExternalEwsVersion",
        "InteropExternalEwsVersion",
        "MobileMailboxPolicyInterop",
        "GroupingInformation",
        "UserMSOnline",
        "MapiHttpEnabled",
    ]
)


@dataclass(frozen=True)
class SoapRequest:
    users: tuple[str, ...]
    settings: tuple[str, ...]


def parse_request(body: bytes) -> SoapRequest | str:
    """The request, or a fault string saying what is wrong with it."""
    try:
        root = SafeET.fromstring(body)
    except (DefusedXmlException, SafeET.ParseError, ValueError):
        return "The request is not a well-formed SOAP message."
    if root.tag != f"{{{SOAP_NS}}}Envelope":
        return "The request is not a SOAP 1.1 envelope."
    action = (root.findtext(f"{{{SOAP_NS}}}Header/{{{WSA}}}Action") or "").strip()
    if action and action != ACTION:
        return f"The action '{action}' is not supported by this service."
    message = root.find(
        f"{{{SOAP_NS}}}Body/{{{ANS}}}GetUserSettingsRequestMessage/{{{ANS}}}Request"
    )
    if message is None:
        return "The request does not contain a GetUserSettingsRequestMessage."
    users = tuple(
        (m.text or "").strip()
        for m in message.iterfind(f"{{{ANS}}}Users/{{{ANS}}}User/{{{ANS}}}Mailbox")
    )
    settings = tuple(
        (s.text or "").strip()
        for s in message.iterfind(f"{{{ANS}}}RequestedSettings/{{{ANS}}}Setting")
    )
    if not users or not settings:
        return "The request names no user or no setting."
    return SoapRequest(users, settings)


def _values(org: Org, mailbox: Mailbox) -> dict[str, str]:
    host = org.mail_host
    ews = org.ews_url
    major, minor, build, revision = org.build
    server = f"{mailbox.guid}@{mailbox.address.partition('@')[2]}"
    return {
        "UserDisplayName": mailbox.display_name,
        "UserDN": mailbox.legacy_dn,
        "UserDeploymentId": org.deployment_id,
        "AutoDiscoverSMTPAddress": mailbox.address,
        "CasVersion": f"{major}.{minor:02d}.{build:04d}.{revision:03d}",
        "EwsSupportedSchemas": EWS_SCHEMAS,
        "ExternalEwsUrl": ews,
        "InternalEwsUrl": ews,
        "ExternalEwsVersion": f"{major}.{minor:02d}.{build:04d}.{revision:03d}",
        "ExternalMailboxServer": host,
        "InternalMailboxServer": server,
        "ExternalMailboxServerRequiresSSL": "True",
        "ExternalMailboxServerAuthenticationMethods": "Basic" if org.cloud else "Negotiate",
        "ExternalOABUrl": f"https://{host}/OAB/{org.deployment_id}/",
        "InternalOABUrl": f"https://{host}/OAB/{org.deployment_id}/",
        "ExternalEcpUrl": f"https://{host}/ecp/",
        "InternalEcpUrl": f"https://{host}/ecp/",
        "MailboxDN": mailbox.legacy_dn,
        "PublicFolderServer": host,
        "MapiHttpEnabled": "True",
        "ShowGalAsDefaultView": "True",
        "UserMSOnline": "True" if org.cloud else "False",
        "CrossOrganizationSharingEnabled": "False",
        "ExternalServerExclusiveConnect": "On",
        "InternalServerExclusiveConnect": "On",
    }


def _user_response(site: Site, request: LabRequest, address: str, wanted: tuple[str, ...]) -> str:
    mailbox = lookup(site, address)
    if mailbox is None:
        return _bare_user("InvalidUser", f"Invalid user: '{address}'")
    if mailbox.redirect_addr:
        return _bare_user("RedirectAddress", "Redirection address.", mailbox.redirect_addr)
    if mailbox.redirect_url and not same_host(mailbox.redirect_url, request.host):
        return _bare_user("RedirectUrl", "Redirection URL.", mailbox.redirect_url)
    values = _values(site.org, mailbox)
    settings, errors = [], []
    for name in dict.fromkeys(wanted):
        if name in values:
            settings.append(
                f'<UserSetting i:type="StringSetting"><Name>{escape(name)}</Name>'
                f"<Value>{escape(values[name])}</Value></UserSetting>"
            )
        else:
            code, text = (
                ("SettingIsNotAvailable", "User setting is not available.")
                if name in KNOWN_SETTINGS
                else ("InvalidSetting", "The requested setting is invalid.")
            )
            errors.append(
                f"<UserSettingError><ErrorCode>{code}</ErrorCode><ErrorMessage>{text}"
                f"</ErrorMessage><SettingName>{escape(name)}</SettingName></UserSettingError>"
            )
    return (
        "<UserResponse><ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage>"
        '<RedirectTarget i:nil="true"/>'
        f"<UserSettingErrors>{''.join(errors)}</UserSettingErrors>"
        f"<UserSettings>{''.join(settings)}</UserSettings></UserResponse>"
    )


def _bare_user(code: str, message: str, target: str | None = None) -> str:
    redirect = (
        f"<RedirectTarget>{escape(target)}</RedirectTarget>"
        if target
        else '<RedirectTarget i:nil="true"/>'
    )
    return (
        f"<UserResponse><ErrorCode>{code}</ErrorCode><ErrorMessage>{escape(message)}"
        f"</ErrorMessage>{redirect}<UserSettingErrors/><UserSettings/></UserResponse>"
    )


def _envelope(org: Org, body: str, action: str) -> bytes:
    major, minor, build, revision = org.build
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<s:Envelope xmlns:s="{SOAP_NS}" xmlns:a="{WSA}"><s:Header>'
        f'<a:Action s:mustUnderstand="1">{action}</a:Action>'
        f'<h:ServerVersionInfo xmlns:h="{ANS}" xmlns:i="{XSI}">'
        f"<h:MajorVersion>{major}</h:MajorVersion><h:MinorVersion>{minor}</h:MinorVersion>"
        f"<h:MajorBuildNumber>{build}</h:MajorBuildNumber>"
        f"<h:MinorBuildNumber>{revision}</h:MinorBuildNumber>"
        "<h:Version>Exchange2015</h:Version></h:ServerVersionInfo>"
        f"</s:Header><s:Body>{body}</s:Body></s:Envelope>"
    ).encode()


def response_body(site: Site, request: LabRequest, parsed: SoapRequest) -> bytes:
    users = "".join(_user_response(site, request, u, parsed.settings) for u in parsed.users)
    body = (
        f'<GetUserSettingsResponseMessage xmlns="{ANS}"><Response xmlns:i="{XSI}">'
        "<ErrorCode>NoError</ErrorCode><ErrorMessage/>"
        f"<UserResponses>{users}</UserResponses></Response></GetUserSettingsResponseMessage>"
    )
    return _envelope(site.org, body, f"{ACTION}Response")


def fault_body(org: Org, reason: str) -> bytes:
    fault = (
        f"<s:Fault><faultcode>s:Client</faultcode>"
        f'<faultstring xml:lang="en-US">{escape(reason)}</faultstring></s:Fault>'
    )
    return _envelope(org, fault, "http://www.w3.org/2005/08/addressing/soap/fault")


def handler(site: Site) -> Handler:
    def soap(request: LabRequest) -> LabResponse:
        signed_in = site.authorize(request)
        if isinstance(signed_in, LabResponse):
            return signed_in
        if request.method != "POST":
            return site.respond(request, b"", status=405, content_type="text/html")
        parsed = parse_request(request.body)
        if isinstance(parsed, str):
            return site.respond(request, fault_body(site.org, parsed), status=500)
        return site.respond(request, response_body(site, request, parsed))

    return soap
