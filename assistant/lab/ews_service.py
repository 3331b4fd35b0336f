"""An EWS endpoint for the lab (`/EWS/Exchange.asmx`), answering as Exchange does.

    service = EwsService(EwsStyle.CLOUD)
    server.route("outlook.office365.com", EWS_PATH, service)

Without credentials it answers 401 with the challenges of its style (Exchange Online:
`Basic realm=...` and a `Bearer` challenge naming the sign-in authority; Exchange Server:
`Negotiate`, `NTLM`, `Basic realm=...`) and Microsoft's correlation headers. With valid
Basic credentials of a mailbox in `MAILBOXES` it speaks enough SOAP for exchangelib 5.6
to guess the version (ConvertId), read the root and Inbox (GetFolder; FindFolder for a
folder walk), resolve names (ResolveNames), read automatic replies (GetUserOofSettings)
and free/busy (GetServerTimeZones, GetUserAvailability). Every response carries
`ServerVersionInfo` in the SOAP header; element names and namespaces follow the
Microsoft protocol documents (m: messages, t: types, e: errors).

Faults: a mailbox with EWS turned off (`EwsAccess.DISABLED`: Exchange Online answers
HTTP 403 with an empty body, as for `Set-CASMailbox -EwsEnabled $false` or a tenant
with EWS disabled), a mailbox an access policy blocks (`EwsAccess.APP_BLOCKED`: SOAP
ErrorAccessDenied), and a busy server (`busy_back_off_ms`: every signed-in request gets
the ErrorServerBusy SOAP fault with BackOffMilliseconds, HTTP 500).

With a bearer validator (the lab identity provider's), OAuth tokens sign in too, as in
Exchange Online: a user's token with EWS.AccessAsUser.All opens the user's own mailbox;
an app's token with full_access_as_app opens the mailbox named in X-AnchorMailbox
(exchangelib's impersonation sends it) when the app's RBAC scope allows it, and gets
ErrorAccessDenied otherwise. A refused token gets 401 with Exchange's x-ms-diagnostics
header saying why (audience, expiry, scope, issuer).

The service records every Authorization header it receives, so a test can prove that
no credentials reached a server it must not trust. The mailboxes live in
ews_mailboxes.py, the SOAP it writes in ews_soap.py.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

from assistant.lab.ews_mailboxes import (
    LAB_PASSWORD,
    MAILBOXES,
    EwsAccess,
    Folder,
    LabMailbox,
    Meeting,
    folder_id,
    folders,
)
from assistant.lab.ews_soap import (
    M_NS,
    SOAP_NS,
    T_NS,
    SoapRequestError,
    access_denied,
    fault,
    folder_xml,
    free_busy_view_xml,
    message,
    parse_envelope,
    parse_time,
    resolution_xml,
    response,
    server_busy_fault,
)
from assistant.lab.https_server import LabRequest, LabResponse
from assistant.lab.identity.validator import LabTokenValidator

__all__ = [
    "EWS_PATH",
    "LAB_PASSWORD",
    "MAILBOXES",
    "EwsAccess",
    "EwsService",
    "EwsStyle",
    "LabMailbox",
    "Meeting",
]

EWS_PATH = "/EWS/Exchange.asmx"
_XML_CONTENT_TYPE = "text/xml; charset=utf-8"


class EwsStyle(enum.Enum):
    CLOUD = "cloud"  # Exchange Online
    ONPREM = "onprem"  # Exchange Server 2019


@dataclass(frozen=True)
class _Build:
    major: int
    minor: int
    build: int
    revision: int
    version: str  # what Exchange puts in ServerVersionInfo/@Version


_BUILDS = {
    # Exchange Online reports a "V2018_01_08"-style schema name, not an API version.
    EwsStyle.CLOUD: _Build(15, 20, 8398, 13, "V2018_01_08"),
    EwsStyle.ONPREM: _Build(15, 2, 1544, 4, "V2017_07_11"),  # Exchange 2019 CU14
}


class EwsService:
    """The EWS handler; an instance is a `Handler` for LabHttpsServer.route()."""

    def __init__(
        self,
        style: EwsStyle = EwsStyle.CLOUD,
        *,
        host: str | None = None,
        mailboxes: Sequence[LabMailbox] = MAILBOXES,
        busy_back_off_ms: int | None = None,
        bearer: LabTokenValidator | None = None,
        build: tuple[int, int, int, int] | None = None,
    ) -> None:
        """`build`: the Exchange build ServerVersionInfo reports (default: the style's)."""
        self.style = style
        self.build = _BUILDS[style] if build is None else _Build(*build, _BUILDS[style].version)
        self.host = host or ("outlook.office365.com" if style is EwsStyle.CLOUD else "mail")
        self._mailboxes = {m.address.lower(): m for m in mailboxes}
        self.busy_back_off_ms = busy_back_off_ms
        self.bearer = bearer
        self._lock = threading.Lock()
        self._authorizations: list[str] = []
        self._operations: list[str] = []

    # -- what the tests look at ------------------------------------------------------

    @property
    def authorization_headers(self) -> tuple[str, ...]:
        """Every Authorization header received, as sent."""
        with self._lock:
            return tuple(self._authorizations)

    @property
    def operations(self) -> tuple[str, ...]:
        """SOAP operations answered for a signed-in user, in order."""
        with self._lock:
            return tuple(self._operations)

    # -- the handler -----------------------------------------------------------------

    def __call__(self, request: LabRequest) -> LabResponse:
        authorization = next(
            (v for k, v in request.headers.items() if k.lower() == "authorization"), None
        )
        if authorization is not None:
            with self._lock:
                self._authorizations.append(authorization)
        denied = False
        box: LabMailbox | None
        if authorization is not None and authorization.lower().startswith("bearer "):
            signed_in = self._bearer(request, authorization[7:].strip())
            if isinstance(signed_in, LabResponse):
                return signed_in
            box, denied = signed_in
        else:
            box = self._authenticate(authorization)
        if box is None:
            return self._unauthorized()
        if box.ews is EwsAccess.DISABLED:
            return LabResponse(403, b"", self._headers(backend=True), "text/html")
        if request.method != "POST":
            return LabResponse(405, b"", self._headers(backend=True), "text/html")
        if self.busy_back_off_ms is not None:
            return self._soap(server_busy_fault(self.busy_back_off_ms), status=500, header=False)
        try:
            operation, payload = parse_envelope(request.body)
        except SoapRequestError as exc:
            return self._soap(fault("ErrorSchemaValidation", str(exc)), status=500, header=False)
        with self._lock:
            self._operations.append(operation)
        if (box.ews is EwsAccess.APP_BLOCKED or denied) and operation != "ConvertId":
            return self._soap(access_denied(operation))
        answer = _OPERATIONS.get(operation)
        if answer is None:
            text = f"The request failed schema validation: unknown operation '{operation}'."
            return self._soap(fault("ErrorSchemaValidation", text), status=500, header=False)
        return self._soap(answer(self, box, payload))

    def _bearer(self, request: LabRequest, token: str) -> tuple[LabMailbox, bool] | LabResponse:
        """(mailbox, denied) for a valid token, or the 401 that says why not. `denied`:
        an app token whose RBAC scope leaves this mailbox out (ErrorAccessDenied)."""
        if self.bearer is None:
            return self._unauthorized()
        anchor = request.header("X-AnchorMailbox")
        check = self.bearer.check(
            token, scope="EWS.AccessAsUser.All", role="full_access_as_app", mailbox=anchor
        )
        target = (anchor if check.app_only else check.user) or ""
        box = self._mailboxes.get(target.lower())
        if check.valid and box is not None:
            return box, False
        if check.app_only and box is not None and check.category == "insufficient_privileges":
            return box, True
        reason = check.reason or f"The mailbox '{target}' was not found."
        category = check.category or "invalid_user"
        diagnostics = f'2000003;reason="{reason}";error_category="{category}"'
        return self._unauthorized(("x-ms-diagnostics", diagnostics))

    def _authenticate(self, authorization: str | None) -> LabMailbox | None:
        if authorization is None or not authorization.lower().startswith("basic "):
            return None
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True)
        except (binascii.Error, ValueError):
            return None
        try:
            text = decoded.decode("utf-8")
        except UnicodeDecodeError:
            text = decoded.decode("latin-1")
        user, _, password = text.partition(":")
        box = self._mailboxes.get(user.lower())
        if box is None or password != box.password:
            return None
        return box

    # -- HTTP framing ----------------------------------------------------------------

    def _headers(self, *, backend: bool) -> tuple[tuple[str, str], ...]:
        if self.style is EwsStyle.CLOUD:
            fe, be = "AM0PR10CA0042", "AM6PR04MB5923"
            target = f"{be}.eurprd04.prod.outlook.com"
        else:
            fe, be = "EX01", "EX02"
            domain = self.host.partition(".")[2] or self.host
            target = f"ex02.{domain}"
        headers = [
            ("request-id", str(uuid.uuid4())),
            ("X-CalculatedBETarget", target),
            ("X-DiagInfo", be),
            ("X-BEServer", be),
            ("X-FEServer", fe),
            ("X-Powered-By", "ASP.NET"),
        ]
        if not backend:  # a 401 comes from the front end; Exchange still names a backend
            headers = [h for h in headers if h[0] != "X-CalculatedBETarget"]
        return tuple(headers)

    def _unauthorized(self, *extra: tuple[str, str]) -> LabResponse:
        challenges: tuple[tuple[str, str], ...]
        if self.style is EwsStyle.CLOUD:
            challenges = (
                ("WWW-Authenticate", f'Basic realm="{self.host}"'),
                (
                    "WWW-Authenticate",
                    'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", '
                    'trusted_issuers="00000001-0000-0000-c000-000000000000@*", '
                    'token_types="app_asserted_user_v1 service_asserted_app_v1", '
                    'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
                ),
            )
        else:
            challenges = (
                ("WWW-Authenticate", "Negotiate"),
                ("WWW-Authenticate", "NTLM"),
                ("WWW-Authenticate", f'Basic realm="{self.host}"'),
            )
        headers = (*self._headers(backend=False), *challenges, *extra)
        return LabResponse(401, b"", headers, "text/html")

    def _soap(self, body: str, *, status: int = 200, header: bool = True) -> LabResponse:
        build = self.build
        head = ""
        if header:
            head = (
                "<s:Header>"
                f'<h:ServerVersionInfo MajorVersion="{build.major}" MinorVersion="{build.minor}" '
                f'MajorBuildNumber="{build.build}" MinorBuildNumber="{build.revision}" '
                f'Version="{build.version}" xmlns:h="{T_NS}" xmlns="{T_NS}" '
                'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
                "</s:Header>"
            )
        text = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<s:Envelope xmlns:s="{SOAP_NS}">{head}'
            '<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xmlns:xsd="http://www.w3.org/2001/XMLSchema">{body}</s:Body></s:Envelope>'
        )
        return LabResponse(
            status, text.encode("utf-8"), self._headers(backend=True), _XML_CONTENT_TYPE
        )

    # -- operations ------------------------------------------------------------------

    def _find_mailbox(self, text: str) -> LabMailbox | None:
        key = text.strip().lower().removeprefix("smtp:")
        return self._mailboxes.get(key)

    def _convert_id(self, box: LabMailbox, payload: Element) -> str:
        # exchangelib guesses the version with a dummy ID; Exchange calls it malformed.
        count = max(1, len(payload.findall(f"{{{M_NS}}}SourceIds/*")))
        messages = count * message(
            "ConvertId", "Error", "ErrorInvalidIdMalformed", "Id is malformed."
        )
        return response("ConvertId", messages)

    def _get_folder(self, box: LabMailbox, payload: Element) -> str:
        by_name = folders(box)
        by_id = {folder_id(box.address, f.name): f for f in by_name.values()}
        messages = []
        for ref in payload.findall(f"{{{M_NS}}}FolderIds/*"):
            folder: Folder | None
            if ref.tag == f"{{{T_NS}}}DistinguishedFolderId":
                folder = by_name.get(ref.get("Id", ""))
            else:
                folder = by_id.get(ref.get("Id", ""))
            if folder is None:
                messages.append(
                    message(
                        "GetFolder",
                        "Error",
                        "ErrorFolderNotFound",
                        "The specified folder could not be found in the store.",
                    )
                )
                continue
            inner = f"<m:Folders>{folder_xml(box, folder)}</m:Folders>"
            messages.append(message("GetFolder", "Success", "NoError", inner=inner))
        return response("GetFolder", "".join(messages))

    def _find_folder(self, box: LabMailbox, payload: Element) -> str:
        by_name = folders(box)
        by_id = {folder_id(box.address, f.name): f for f in by_name.values()}
        messages = []
        for ref in payload.findall(f"{{{M_NS}}}ParentFolderIds/*"):
            if ref.tag == f"{{{T_NS}}}DistinguishedFolderId":
                parent = by_name.get(ref.get("Id", ""))
            else:
                parent = by_id.get(ref.get("Id", ""))
            found = [f for f in by_name.values() if parent is not None and f.parent == parent.name]
            inner = (
                f'<m:RootFolder TotalItemsInView="{len(found)}" IncludesLastItemInRange="true">'
                f"<t:Folders>{''.join(folder_xml(box, f) for f in found)}</t:Folders>"
                "</m:RootFolder>"
            )
            messages.append(message("FindFolder", "Success", "NoError", inner=inner))
        return response("FindFolder", "".join(messages))

    def _resolve_names(self, box: LabMailbox, payload: Element) -> str:
        entry = (payload.findtext(f"{{{M_NS}}}UnresolvedEntry") or "").strip()
        needle = entry.lower().removeprefix("smtp:")
        hits = [
            m
            for m in self._mailboxes.values()
            if needle
            and (
                m.address.lower() == needle
                or m.alias.lower().startswith(needle)
                or any(part.lower().startswith(needle) for part in m.display_name.split())
                or m.display_name.lower().startswith(needle)
            )
        ]
        if not hits:
            reply = message(
                "ResolveNames", "Error", "ErrorNameResolutionNoResults", "No results were found."
            )
            return response("ResolveNames", reply)
        resolutions = "".join(resolution_xml(m) for m in hits)
        inner = (
            f'<m:ResolutionSet TotalItemsInView="{len(hits)}" IncludesLastItemInRange="true">'
            f"{resolutions}</m:ResolutionSet>"
        )
        if len(hits) > 1:
            reply = message(
                "ResolveNames",
                "Warning",
                "ErrorNameResolutionMultipleResults",
                "Multiple results were found.",
                inner=inner,
            )
        else:
            reply = message("ResolveNames", "Success", "NoError", inner=inner)
        return response("ResolveNames", reply)

    def _get_user_oof_settings(self, box: LabMailbox, payload: Element) -> str:
        address = payload.findtext(f"{{{T_NS}}}Mailbox/{{{T_NS}}}Address") or ""
        target = self._find_mailbox(address)
        if target is None:
            return (
                f'<GetUserOofSettingsResponse xmlns="{M_NS}">'
                '<ResponseMessage ResponseClass="Error">'
                f"<MessageText>The user {escape(address)} was not found.</MessageText>"
                "<ResponseCode>ErrorMailRecipientNotFound</ResponseCode>"
                "<DescriptiveLinkKey>0</DescriptiveLinkKey></ResponseMessage>"
                "</GetUserOofSettingsResponse>"
            )
        today = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        start = today.strftime("%Y-%m-%dT%H:%M:%SZ")
        end = (today + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            f'<GetUserOofSettingsResponse xmlns="{M_NS}">'
            '<ResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode>'
            "</ResponseMessage>"
            f'<OofSettings xmlns="{T_NS}">'
            f"<OofState>{target.oof_state}</OofState>"
            "<ExternalAudience>All</ExternalAudience>"
            f"<Duration><StartTime>{start}</StartTime><EndTime>{end}</EndTime></Duration>"
            f"<InternalReply><Message>{escape(target.oof_internal)}</Message></InternalReply>"
            f"<ExternalReply><Message>{escape(target.oof_external)}</Message></ExternalReply>"
            "</OofSettings>"
            "<AllowExternalOof>All</AllowExternalOof>"
            "</GetUserOofSettingsResponse>"
        )

    def _get_server_time_zones(self, box: LabMailbox, payload: Element) -> str:
        inner = (
            "<m:TimeZoneDefinitions>"
            '<t:TimeZoneDefinition Id="UTC" Name="(UTC) Coordinated Universal Time">'
            '<t:Periods><t:Period Bias="PT0H" Name="Standard" Id="Std"/></t:Periods>'
            '<t:TransitionsGroups><t:TransitionsGroup Id="0">'
            '<t:Transition><t:To Kind="Period">Std</t:To></t:Transition>'
            "</t:TransitionsGroup></t:TransitionsGroups>"
            '<t:Transitions><t:Transition><t:To Kind="Group">0</t:To></t:Transition>'
            "</t:Transitions></t:TimeZoneDefinition></m:TimeZoneDefinitions>"
        )
        reply = message("GetServerTimeZones", "Success", "NoError", inner=inner)
        return response("GetServerTimeZones", reply)

    def _get_user_availability(self, box: LabMailbox, payload: Element) -> str:
        options = payload.find(f"{{{T_NS}}}FreeBusyViewOptions")
        if options is None:
            raise SoapRequestError("FreeBusyViewOptions is missing")
        start = parse_time(options.findtext(f"{{{T_NS}}}TimeWindow/{{{T_NS}}}StartTime"))
        end = parse_time(options.findtext(f"{{{T_NS}}}TimeWindow/{{{T_NS}}}EndTime"))
        interval = int(options.findtext(f"{{{T_NS}}}MergedFreeBusyIntervalInMinutes") or "30")
        view = options.findtext(f"{{{T_NS}}}RequestedView") or "DetailedMerged"
        responses = []
        for data in payload.findall(f"{{{M_NS}}}MailboxDataArray/{{{T_NS}}}MailboxData"):
            address = data.findtext(f"{{{T_NS}}}Email/{{{T_NS}}}Address") or ""
            target = self._find_mailbox(address)
            if target is None:
                responses.append(
                    '<FreeBusyResponse><ResponseMessage ResponseClass="Error">'
                    f"<MessageText>Unable to resolve e-mail address {escape(address)} to an "
                    "Active Directory object.</MessageText>"
                    "<ResponseCode>ErrorMailRecipientNotFound</ResponseCode>"
                    "<DescriptiveLinkKey>0</DescriptiveLinkKey></ResponseMessage>"
                    "<FreeBusyView><FreeBusyViewType "
                    f'xmlns="{T_NS}">None</FreeBusyViewType></FreeBusyView></FreeBusyResponse>'
                )
                continue
            responses.append(
                '<FreeBusyResponse><ResponseMessage ResponseClass="Success">'
                "<ResponseCode>NoError</ResponseCode></ResponseMessage>"
                f"{free_busy_view_xml(target, start, end, interval, view)}</FreeBusyResponse>"
            )
        return (
            f'<GetUserAvailabilityResponse xmlns="{M_NS}"><FreeBusyResponseArray>'
            f"{''.join(responses)}</FreeBusyResponseArray></GetUserAvailabilityResponse>"
        )


_OPERATIONS = {
    "ConvertId": EwsService._convert_id,
    "GetFolder": EwsService._get_folder,
    "FindFolder": EwsService._find_folder,
    "ResolveNames": EwsService._resolve_names,
    "GetUserOofSettingsRequest": EwsService._get_user_oof_settings,
    "GetServerTimeZones": EwsService._get_server_time_zones,
    "GetUserAvailabilityRequest": EwsService._get_user_availability,
}
