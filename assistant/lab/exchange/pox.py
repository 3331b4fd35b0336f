"""POX autodiscover, [MS-OXDSCLI]: POST /autodiscover/autodiscover.xml.

The answer, as Exchange gives it:
- no credentials (or wrong ones): 401 with the organisation's challenge;
- a body that is not an Outlook autodiscover request: Error 600 "Invalid Request";
- any AcceptableResponseSchema but Outlook's 2006a: Error 601;
- an address the organisation does not know: Error 500;
- otherwise settings, redirectAddr or redirectUrl, in the 2006a schema.

Errors come with HTTP 200, as Exchange sends them. A `<Protocol Type="mapiHttp">`
section is included only when the request carries `X-MapiHttpCapability: 1` or more
([MS-OXDSCLI] 2.2.4.1.1.2.6: its Version may not exceed the header's value).
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from assistant.lab.exchange.directory import Mailbox, Org, Style
from assistant.lab.exchange.site import Site
from assistant.lab.https_server import Handler, LabRequest, LabResponse

REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
OUTER_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
MOBILESYNC_NS = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"

ERROR_MESSAGES = {
    500: "The e-mail address cannot be found.",
    501: "Bad Address",
    600: "Invalid Request",
    601: "Provider is not available",
    603: "An internal server error occurred.",
}


@dataclass(frozen=True)
class PoxRequest:
    email: str
    schema: str


def parse_request(body: bytes) -> PoxRequest | int:
    """The request, or the POX error code to answer with (600 or 601)."""
    try:
        root = SafeET.fromstring(body)
    except (DefusedXmlException, SafeET.ParseError, ValueError):
        return 600
    if root.tag != f"{{{REQUEST_NS}}}Autodiscover":
        return 600
    requests = root.findall(f"{{{REQUEST_NS}}}Request")
    if len(requests) != 1:
        return 600
    email = (requests[0].findtext(f"{{{REQUEST_NS}}}EMailAddress") or "").strip()
    schema = (requests[0].findtext(f"{{{REQUEST_NS}}}AcceptableResponseSchema") or "").strip()
    if "@" not in email or not schema:
        return 600
    if schema != OUTLOOK_NS:
        return 601
    return PoxRequest(email, schema)


def _document(inner: str, *, response_ns: str = OUTLOOK_NS) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\r\n'
        f'<Autodiscover xmlns="{OUTER_NS}">\r\n'
        f'  <Response xmlns="{response_ns}">\r\n{inner}  </Response>\r\n'
        "</Autodiscover>\r\n"
    ).encode()


def error_body(code: int, host: str, *, provider: bool = True) -> bytes:
    """An Error response; `provider` False for 600/601, raised before a provider is chosen."""
    now = dt.datetime.now(dt.UTC).strftime("%H:%M:%S.%f") + "0"
    ident = zlib.crc32(host.encode()) & 0x7FFFFFFF
    error = (
        f'    <Error Time="{now}" Id="{ident}">\r\n'
        f"      <ErrorCode>{code}</ErrorCode>\r\n"
        f"      <Message>{escape(ERROR_MESSAGES.get(code, 'Error'))}</Message>\r\n"
        "      <DebugData />\r\n"
        "    </Error>\r\n"
    )
    if provider:
        return _document(error)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\r\n'
        f'<Autodiscover xmlns="{OUTER_NS}">\r\n  <Response>\r\n{error}  </Response>\r\n'
        "</Autodiscover>\r\n"
    ).encode()


def redirect_body(action: str, target: str) -> bytes:
    element = "RedirectAddr" if action == "redirectAddr" else "RedirectUrl"
    return _document(
        "    <Account>\r\n"
        "      <AccountType>email</AccountType>\r\n"
        f"      <Action>{action}</Action>\r\n"
        f"      <{element}>{escape(target)}</{element}>\r\n"
        "    </Account>\r\n"
    )


def _tags(pairs: list[tuple[str, str]], indent: str) -> str:
    return "".join(f"{indent}<{k}>{escape(v)}</{k}>\r\n" for k, v in pairs)


def _server_version(org: Org) -> str:
    # EXCH ServerVersion, as in 72008287 (8.0.647) or 73C1848A (15.1.1162): a constant
    # 0111, 6 bits major, 6 bits minor, a set bit, 15 bits build; in hex.
    major, minor, build, _ = org.build
    value = (0x7 << 28) | (major << 22) | (minor << 16) | 0x8000 | (build & 0x7FFF)
    return f"{value:08X}"


def settings_body(
    org: Org, mailbox: Mailbox, *, mapi_version: int = 0, response_ns: str = OUTLOOK_NS
) -> bytes:
    host = org.mail_host
    ews = org.ews_url
    oab = f"https://{host}/OAB/{org.deployment_id}/"
    owa = f"https://{host}/owa/"
    server = f"{mailbox.guid}@{mailbox.address.partition('@')[2]}"
    admin_group = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"
    user = _tags(
        [
            ("DisplayName", mailbox.display_name),
            ("LegacyDN", mailbox.legacy_dn),
            ("AutoDiscoverSMTPAddress", mailbox.address),
            ("DeploymentId", org.deployment_id),
        ],
        "      ",
    )
    parts = [
        "    <User>\r\n" + user + "    </User>\r\n",
        "    <Account>\r\n      <AccountType>email</AccountType>\r\n"
        "      <Action>settings</Action>\r\n",
    ]
    if org.cloud:
        parts.append("      <MicrosoftOnline>True</MicrosoftOnline>\r\n")
    if mapi_version >= 1:
        mailbox_id = f"?MailboxId={server}"
        urls = {
            "MailStore": f"https://{host}/mapi/emsmdb/{mailbox_id}",
            "AddressBook": f"https://{host}/mapi/nspi/{mailbox_id}",
        }
        parts.append('      <Protocol Type="mapiHttp" Version="1">\r\n')
        for element, url in urls.items():
            pair = [("InternalUrl", url), ("ExternalUrl", url)]
            parts.append(
                f"        <{element}>\r\n{_tags(pair, '          ')}        </{element}>\r\n"
            )
        parts.append("      </Protocol>\r\n")
    web_services = [
        ("ASUrl", ews),
        ("EwsUrl", ews),
        ("EmwsUrl", ews),
        ("EcpUrl", f"https://{host}/ecp/"),
        ("OOFUrl", ews),
        ("UMUrl", f"https://{host}/EWS/UM2007Legacy.asmx"),
        ("OABUrl", oab),
    ]
    exch = [
        ("Type", "EXCH"),
        ("Server", server),
        ("ServerDN", f"{admin_group}/cn=Configuration/cn=Servers/cn={server}"),
        ("ServerVersion", _server_version(org)),
        (
            "MdbDN",
            f"{admin_group}/cn=Configuration/cn=Servers/cn={server}/cn=Microsoft Private MDB",
        ),
        ("PublicFolderServer", host),
        ("AD", f"dc01.{org.domains[0]}" if not org.cloud else "AM9PR04A001DC01.prod.outlook.com"),
        *web_services,
        ("ServerExclusiveConnect", "off"),
    ]
    expr = [
        ("Type", "EXPR"),
        ("Server", host),
        ("SSL", "On"),
        ("AuthPackage", "Basic" if org.cloud else "Negotiate"),
        *web_services,
        ("ServerExclusiveConnect", "on"),
        ("CertPrincipalName", "msstd:outlook.com" if org.cloud else f"msstd:{host}"),
    ]
    for section in (exch, expr):
        parts.append(f"      <Protocol>\r\n{_tags(section, '        ')}      </Protocol>\r\n")
    parts.append(
        "      <Protocol>\r\n        <Type>WEB</Type>\r\n        <Internal>\r\n"
        f'          <OWAUrl AuthenticationMethod="Basic, Fba">{owa}</OWAUrl>\r\n'
        f"          <Protocol>\r\n            <Type>EXCH</Type>\r\n"
        f"            <ASUrl>{ews}</ASUrl>\r\n          </Protocol>\r\n"
        "        </Internal>\r\n        <External>\r\n"
        f'          <OWAUrl AuthenticationMethod="Fba">{owa}</OWAUrl>\r\n'
        f"          <Protocol>\r\n            <Type>EXPR</Type>\r\n"
        f"            <ASUrl>{ews}</ASUrl>\r\n          </Protocol>\r\n"
        "        </External>\r\n      </Protocol>\r\n"
    )
    if not org.cloud:
        parts.extend(_internet_protocols(host, mailbox.address))
    parts.append("    </Account>\r\n")
    return _document("".join(parts), response_ns=response_ns)


def _internet_protocols(host: str, login: str) -> list[str]:
    common = [("Server", host)]
    sections = [
        [("Type", "IMAP"), *common, ("Port", "993"), ("DomainRequired", "off"),
         ("LoginName", login), ("SPA", "off"), ("SSL", "on"), ("AuthRequired", "on")],
        [("Type", "POP3"), *common, ("Port", "995"), ("DomainRequired", "off"),
         ("LoginName", login), ("SPA", "off"), ("SSL", "on"), ("AuthRequired", "on")],
        [("Type", "SMTP"), *common, ("Port", "587"), ("DomainRequired", "off"),
         ("LoginName", login), ("SPA", "off"), ("Encryption", "TLS"), ("AuthRequired", "on"),
         ("UsePOPAuth", "off"), ("SMTPLast", "off")],
    ]  # fmt: skip
    return [f"      <Protocol>\r\n{_tags(s, '        ')}      </Protocol>\r\n" for s in sections]


def mapi_capability(request: LabRequest) -> int:
    value = (request.header("X-MapiHttpCapability") or "").strip()
    return int(value) if value.isdigit() else 0


def answer(site: Site, request: LabRequest, email: str) -> bytes:
    """The POX body for `email` at this site (settings, a redirect, or Error 500)."""
    mailbox = lookup(site, email)
    if mailbox is None:
        return error_body(500, request.host)
    if mailbox.redirect_addr:
        return redirect_body("redirectAddr", mailbox.redirect_addr)
    if mailbox.redirect_url and not same_host(mailbox.redirect_url, request.host):
        return redirect_body("redirectUrl", mailbox.redirect_url)
    return settings_body(site.org, mailbox, mapi_version=min(mapi_capability(request), 1))


def lookup(site: Site, address: str) -> Mailbox | None:
    """The mailbox `address` names at this site; a harvester makes one up for anyone."""
    if site.org.style is Style.HARVESTER and "@" in address:
        return Mailbox(address.lower(), site.org.key, address.partition("@")[0])
    mailbox = site.directory.mailbox(address)
    return mailbox if mailbox is not None and mailbox.org == site.org.key else None


def same_host(url: str, host: str) -> bool:
    return url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower() == host


def handler(site: Site) -> Handler:
    def pox(request: LabRequest) -> LabResponse:
        signed_in = site.authorize(request)
        if isinstance(signed_in, LabResponse):
            return signed_in
        parsed = parse_request(request.body) if request.method == "POST" else 600
        if isinstance(parsed, int):
            return site.respond(request, error_body(parsed, request.host, provider=False))
        return site.respond(request, answer(site, request, parsed.email))

    return pox
