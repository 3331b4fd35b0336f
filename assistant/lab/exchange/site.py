"""One Exchange organisation's front end as HTTP sees it: the headers every answer
carries, the 401 challenge, and who may sign in.

Exchange Online challenges with Bearer (pointing at Entra ID) and Basic; an
on-premises Exchange (IIS) with Negotiate, NTLM and Basic. The lab accepts Basic,
NTLM/Negotiate(NTLM) on-premises, and in Exchange Online the lab identity provider's
tokens (Bearer, validated by the LabObserver); every answer carries `request-id` and
`X-FEServer`, and answers that reached a mailbox server also `X-BEServer`,
`X-DiagInfo` and `X-CalculatedBETarget`, as Exchange sends them.
"""

from __future__ import annotations

import uuid

from assistant.lab.exchange.directory import Account, Directory, Org, Style
from assistant.lab.https_server import LabRequest, LabResponse

EXO_BEARER = (
    'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", '
    'trusted_issuers="00000001-0000-0000-c000-000000000000@*", '
    'token_types="app_asserted_user_v1 service_asserted_app_v1", '
    'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", '
    'error="invalid_token"'
)
XML = "text/xml; charset=utf-8"
HTML = "text/html"

Headers = tuple[tuple[str, str], ...]


class Site:
    def __init__(self, org: Org, directory: Directory) -> None:
        self.org = org
        self.directory = directory

    # -- headers -----------------------------------------------------------------------

    def headers(self, request: LabRequest, *, backend: bool = True) -> Headers:
        org = self.org
        found: list[tuple[str, str]] = [("request-id", str(uuid.uuid4()))]
        if backend:
            target = (
                f"{org.be_server.lower()}.prod.outlook.com"
                if org.cloud
                else f"{org.be_server.lower()}.{org.domains[0]}"
            )
            found += [
                ("X-CalculatedBETarget", target),
                ("X-BackEndHttpStatus", "200"),
                ("X-BEServer", org.be_server),
                ("X-DiagInfo", org.be_server),
            ]
        found.append(("X-FEServer", org.fe_server))
        client_id = request.header("X-ClientRequestId")
        if client_id:
            found.append(("X-ClientRequestId", client_id))
        request_id = request.header("X-RequestId") or client_id
        if request_id:
            found.append(("X-RequestId", request_id))
        if request.header("client-request-id"):
            found.append(("client-request-id", request.header("client-request-id") or ""))
        found.append(("X-Powered-By", "ASP.NET"))
        return tuple(found)

    # -- authentication ----------------------------------------------------------------

    def challenges(self, request: LabRequest) -> Headers:
        if self.org.style is Style.EXCHANGE_ONLINE:
            return (("WWW-Authenticate", EXO_BEARER), ("WWW-Authenticate", 'Basic Realm=""'))
        if self.org.style is Style.HARVESTER:
            return (("WWW-Authenticate", f'Basic realm="{request.host}"'),)
        return (
            ("WWW-Authenticate", "Negotiate"),
            ("WWW-Authenticate", "NTLM"),
            ("WWW-Authenticate", f'Basic realm="{request.host}"'),
        )

    def unauthorized(self, request: LabRequest) -> LabResponse:
        auth = request.auth
        challenges = self.challenges(request)
        if auth.challenge and auth.scheme in ("NTLM", "Negotiate") and self._speaks_ntlm():
            challenges = (("WWW-Authenticate", f"{auth.scheme} {auth.challenge}"),)
        return LabResponse(
            401,
            b"",
            headers=self.headers(request, backend=False) + challenges,
            content_type=HTML,
        )

    def authorize(self, request: LabRequest) -> Account | LabResponse:
        """The signed-in account, or the 401 to send."""
        auth = request.auth
        if self.org.style is Style.HARVESTER and auth.scheme == "Basic" and auth.username:
            return Account(auth.username, "", self.org.key)
        accepted = (
            auth.scheme == "Basic"
            or (auth.scheme in ("NTLM", "Negotiate") and self._speaks_ntlm())
            or (auth.scheme == "Bearer" and self.org.style is Style.EXCHANGE_ONLINE)
        )
        if not (accepted and auth.valid and auth.username):
            return self.unauthorized(request)
        account = self.directory.account(auth.username)
        if account is None or account.org != self.org.key:
            return self.unauthorized(request)
        return account

    def _speaks_ntlm(self) -> bool:
        return self.org.style is Style.ON_PREMISES

    # -- common answers ----------------------------------------------------------------

    def respond(
        self,
        request: LabRequest,
        body: bytes,
        *,
        status: int = 200,
        content_type: str = XML,
        extra: Headers = (),
    ) -> LabResponse:
        return LabResponse(
            status,
            body,
            headers=self.headers(request) + extra,
            content_type=content_type,
        )


def iis_error(status: int, title: str, detail: str) -> bytes:
    """The short HTML page IIS sends with its own errors."""
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\r\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset=iso-8859-1"/><title>{status} - {title}</title></head>'
        f'<body><div id="header"><h1>Server Error</h1></div><div id="content">'
        f'<div class="content-container"><fieldset><h2>{status} - {title}</h2>'
        f"<h3>{detail}</h3></fieldset></div></div></body></html>"
    ).encode()
