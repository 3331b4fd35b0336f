"""The lab's Exchange front end (autodiscover POX/SOAP/v2, MAPI, port 80) and its fault
domains, exercised over real sockets with requests, honouring Lab.connect_to() and the
lab CA - and exchangelib's own autodiscover, end to end."""

from __future__ import annotations

import base64
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
import dns.message
import dns.query
import dns.rcode
import exchangelib
import exchangelib.autodiscover.cache
import pytest
import requests
from defusedxml import EntitiesForbidden
from exchangelib.autodiscover import Autodiscovery
from exchangelib.protocol import BaseProtocol
from requests.adapters import HTTPAdapter
from requests_ntlm import HttpNtlmAuth
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as urllib3_connection

from assistant.checks.autodiscover.pox import parse_response
from assistant.checks.autodiscover.result import settings_from_pox
from assistant.lab.cli import run_lab
from assistant.lab.exchange import pox
from assistant.lab.exchange.directory import (
    EXO_EWS_URL,
    EXO_POX_URL,
    LAB_PASSWORD,
    ONPREM_EWS_URL,
)
from assistant.lab.exchange.faults import HUGE_BODY_BYTES, Listener
from assistant.lab.tenant import Lab
from assistant.lab.zones import AD_SCENARIOS

pytestmark = pytest.mark.lab

OUTLOOK = f"{{{pox.OUTLOOK_NS}}}"
FABRIKAM_POX = "https://autodiscover.fabrikam.test/autodiscover/autodiscover.xml"


# -- a requests client that goes where Lab.connect_to() says, trusting the lab CA ---------


def adapter_class(lab: Lab) -> type[HTTPAdapter]:
    """A requests HTTPAdapter for this lab: connections follow the connect-to map (TLS
    still checks the real name) and certificates are checked against the lab CA. It is
    a class because exchangelib instantiates BaseProtocol.HTTP_ADAPTER_CLS itself."""
    routes = {(r.source.host, r.source.port): (r.dest.host, r.dest.port) for r in lab.connect_to()}
    ca = str(lab.pki.ca_pem_path)

    def new_conn(self: HTTPConnection) -> socket.socket:
        dest = routes.get((self.host.lower(), self.port))
        if dest is None:  # never the real network from a lab test
            raise NewConnectionError(self, f"no lab route for {self.host}:{self.port}")
        try:
            return urllib3_connection.create_connection(dest, self.timeout)
        except TimeoutError as exc:
            raise ConnectTimeoutError(self, f"connect to {self.host} timed out") from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc

    class Http(HTTPConnection):
        _new_conn = new_conn

    class Https(HTTPSConnection):
        _new_conn = new_conn

    class HttpPool(HTTPConnectionPool):
        ConnectionCls = Http

    class HttpsPool(HTTPSConnectionPool):
        ConnectionCls = Https

    class LabAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": HttpPool, "https": HttpsPool}

        def send(self, request: Any, **kwargs: Any) -> Any:
            kwargs["verify"] = ca
            kwargs["proxies"] = {}
            return super().send(request, **kwargs)

    return LabAdapter


@pytest.fixture(scope="module")
def http(lab: Lab) -> Iterator[requests.Session]:
    session = requests.Session()
    session.trust_env = False
    adapter = adapter_class(lab)()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    with session:
        yield session


def basic(user: str, password: str = LAB_PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def pox_request(email: str, schema: str = pox.OUTLOOK_NS) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="{pox.REQUEST_NS}">'
        f"<Request><EMailAddress>{email}</EMailAddress>"
        f"<AcceptableResponseSchema>{schema}</AcceptableResponseSchema></Request></Autodiscover>"
    ).encode()


def post_pox(
    http: requests.Session,
    url: str,
    email: str,
    *,
    user: str | None = None,
    password: str = LAB_PASSWORD,
    mapi: bool = True,
    **kwargs: Any,
) -> requests.Response:
    headers = {"Content-Type": "text/xml; charset=utf-8"}
    if user:
        headers.update(basic(user, password))
    if mapi:
        headers["X-MapiHttpCapability"] = "1"
    kwargs.setdefault("timeout", 5)
    return http.post(url, data=pox_request(email), headers=headers, allow_redirects=False, **kwargs)


def challenges(response: requests.Response) -> list[str]:
    return list(response.raw.headers.getlist("WWW-Authenticate"))


def xml(response: requests.Response) -> Element:
    root: Element = SafeET.fromstring(response.content)
    return root


def account_of(root: Element) -> Element:
    found = root.find(f"{OUTLOOK}Response/{OUTLOOK}Account")
    assert found is not None, SafeET.tostring(root)
    return found


def protocols(root: Element) -> dict[str, Element]:
    found = {}
    for node in account_of(root).findall(f"{OUTLOOK}Protocol"):
        found[node.get("Type") or node.findtext(f"{OUTLOOK}Type") or "?"] = node
    return found


# -- POX -----------------------------------------------------------------------------------


def test_pox_without_credentials_gets_the_on_premises_challenge(
    http: requests.Session,
) -> None:
    response = post_pox(http, FABRIKAM_POX, "admin@fabrikam.test")
    assert response.status_code == 401
    assert challenges(response) == [
        "Negotiate",
        "NTLM",
        'Basic realm="autodiscover.fabrikam.test"',
    ]
    assert response.headers["request-id"] and response.headers["X-FEServer"] == "EX01"
    assert "X-BEServer" not in response.headers


def test_pox_settings_for_an_on_premises_mailbox(http: requests.Session) -> None:
    url = "https://autodiscover.fabrikam.test/Autodiscover/Autodiscover.xml"  # IIS ignores case
    response = post_pox(http, url, "admin@fabrikam.test", user="admin@fabrikam.test")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/xml")
    for header in ("request-id", "X-FEServer", "X-BEServer", "X-DiagInfo"):
        assert response.headers[header]
    root = xml(response)
    assert root.tag == f"{{{pox.OUTER_NS}}}Autodiscover"
    user = root.find(f"{OUTLOOK}Response/{OUTLOOK}User")
    assert user is not None
    assert user.findtext(f"{OUTLOOK}AutoDiscoverSMTPAddress") == "admin@fabrikam.test"
    assert user.findtext(f"{OUTLOOK}LegacyDN", "").startswith("/o=")
    assert user.findtext(f"{OUTLOOK}DeploymentId")
    assert account_of(root).findtext(f"{OUTLOOK}Action") == "settings"
    found = protocols(root)
    assert {"EXCH", "EXPR", "WEB", "mapiHttp", "IMAP", "POP3", "SMTP"} <= found.keys()
    assert found["mapiHttp"].get("Version") == "1"
    assert found["EXPR"].findtext(f"{OUTLOOK}EwsUrl") == ONPREM_EWS_URL
    assert found["EXCH"].findtext(f"{OUTLOOK}OOFUrl") == ONPREM_EWS_URL
    assert found["IMAP"].findtext(f"{OUTLOOK}Port") == "993"
    assert found["IMAP"].findtext(f"{OUTLOOK}SSL") == "on"
    assert found["POP3"].findtext(f"{OUTLOOK}Port") == "995"
    assert found["SMTP"].findtext(f"{OUTLOOK}Port") == "587"
    assert found["SMTP"].findtext(f"{OUTLOOK}Encryption") == "TLS"


def test_the_engines_parser_reads_the_lab_answer(http: requests.Session) -> None:
    response = post_pox(http, FABRIKAM_POX, "admin@fabrikam.test", user="admin@fabrikam.test")
    settings = settings_from_pox(parse_response(response.content), "lab", "admin@fabrikam.test")
    assert settings.ews_url == ONPREM_EWS_URL
    assert settings.mapi_emsmdb_url is not None
    assert settings.mapi_emsmdb_url.startswith("https://mail.fabrikam.test/mapi/emsmdb/")
    assert settings.mapi_nspi_url is not None
    assert settings.mapi_nspi_url.startswith("https://mail.fabrikam.test/mapi/nspi/")
    assert settings.imap is not None and (settings.imap.port, settings.imap.encryption) == (
        993,
        "ssl",
    )
    assert settings.pop is not None and settings.pop.port == 995
    assert settings.smtp is not None and (settings.smtp.port, settings.smtp.encryption) == (
        587,
        "tls",
    )


def test_mapi_http_section_only_for_clients_that_ask(http: requests.Session) -> None:
    response = post_pox(
        http, FABRIKAM_POX, "admin@fabrikam.test", user="admin@fabrikam.test", mapi=False
    )
    assert response.status_code == 200
    assert "mapiHttp" not in protocols(xml(response))


@pytest.mark.parametrize(
    ("user", "password"),
    [("admin@fabrikam.test", "wrong"), ("nobody@fabrikam.test", LAB_PASSWORD)],
)
def test_pox_bad_credentials_are_401(http: requests.Session, user: str, password: str) -> None:
    response = post_pox(http, FABRIKAM_POX, "admin@fabrikam.test", user=user, password=password)
    assert response.status_code == 401
    assert "NTLM" in challenges(response)


def pox_error(response: requests.Response) -> tuple[str, str]:
    assert response.status_code == 200  # Exchange sends POX errors with HTTP 200
    error = next(e for e in xml(response).iter() if e.tag.endswith("}Error"))
    code = next(c.text for c in error if c.tag.endswith("ErrorCode"))
    message = next(c.text for c in error if c.tag.endswith("Message"))
    return code or "", message or ""


def test_pox_unknown_address_is_error_500(http: requests.Session) -> None:
    response = post_pox(http, FABRIKAM_POX, "nobody@fabrikam.test", user="admin@fabrikam.test")
    assert pox_error(response) == ("500", "The e-mail address cannot be found.")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"this is not xml", "600"),
        (b"<Autodiscover><Request/></Autodiscover>", "600"),
        (pox_request("admin@fabrikam.test", pox.MOBILESYNC_NS + "x"), "601"),
    ],
)
def test_pox_bad_requests_get_600_and_601(http: requests.Session, body: bytes, code: str) -> None:
    response = http.post(FABRIKAM_POX, data=body, headers=basic("admin@fabrikam.test"), timeout=5)
    assert pox_error(response)[0] == code


def test_exchange_online_pox_challenge_and_settings(http: requests.Session) -> None:
    anonymous = post_pox(http, EXO_POX_URL, "admin@contoso.test")
    assert anonymous.status_code == 401
    offered = challenges(anonymous)
    assert offered[0].startswith("Bearer ")
    assert (
        'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
        in (offered[0])
    )
    assert offered[1].startswith("Basic ")
    for host in ("autodiscover-s.outlook.com", "autodiscover.outlook.com"):
        url = f"https://{host}/autodiscover/autodiscover.xml"
        response = post_pox(http, url, "admin@contoso.test", user="admin@contoso.test")
        assert response.status_code == 200, response.text
        found = protocols(xml(response))
        assert found["EXPR"].findtext(f"{OUTLOOK}EwsUrl") == EXO_EWS_URL
        assert "IMAP" not in found
        mapi = found["mapiHttp"].find(f"{OUTLOOK}MailStore/{OUTLOOK}ExternalUrl")
        assert mapi is not None and (mapi.text or "").startswith(
            "https://outlook.office365.com/mapi/emsmdb/?MailboxId="
        )


def test_cloud_domains_autodiscover_name_gets_microsofts_certificate(
    http: requests.Session,
) -> None:
    with pytest.raises(requests.exceptions.SSLError, match=r"match|mismatch"):
        post_pox(http, "https://autodiscover.contoso.test/autodiscover/autodiscover.xml", "a@b")


# -- port 80 --------------------------------------------------------------------------------


def test_port_80_redirects_cloud_domains_to_autodiscover_s(
    lab: Lab, http: requests.Session
) -> None:
    mark = len(lab.requests)
    response = http.get(
        "http://autodiscover.contoso.test/autodiscover/autodiscover.xml",
        allow_redirects=False,
        timeout=5,
    )
    assert response.status_code == 302
    assert response.headers["Location"] == (
        "https://autodiscover-s.outlook.com/Autodiscover/Autodiscover.xml"
    )
    other = http.get("http://autodiscover.fabrikam.test/autodiscover/autodiscover.xml", timeout=5)
    assert other.status_code == 404
    seen = [(r.scheme, r.host, r.method) for r in lab.requests.since(mark)]
    assert ("http", "autodiscover.contoso.test", "GET") in seen
    assert ("http", "autodiscover.fabrikam.test", "GET") in seen


def test_credentials_sent_over_plain_http_are_logged(lab: Lab, http: requests.Session) -> None:
    mark = len(lab.credentials)
    http.get(
        "http://autodiscover.fabrikam.test/autodiscover/autodiscover.xml",
        headers=basic("admin@fabrikam.test"),
        timeout=5,
    )
    (sighting,) = lab.credentials.since(mark)
    assert (sighting.scheme, sighting.host, sighting.server) == (
        "http",
        "autodiscover.fabrikam.test",
        "http",
    )
    assert sighting.cert_variant is None and sighting.sni is None
    assert sighting.username == "admin@fabrikam.test" and sighting.matched


# -- autodiscover v2 ---------------------------------------------------------------------


def v2(http: requests.Session, path: str, **kwargs: Any) -> requests.Response:
    return http.get(
        f"https://autodiscover-s.outlook.com{path}", allow_redirects=False, timeout=5, **kwargs
    )


def test_v2_answers_anonymously_for_a_cloud_mailbox(http: requests.Session) -> None:
    response = v2(http, "/autodiscover/autodiscover.json/v1.0/admin@contoso.test?Protocol=EWS")
    assert response.status_code == 200
    assert response.json() == {"Protocol": "EWS", "Url": EXO_EWS_URL}
    v1 = v2(http, "/Autodiscover/Autodiscover.json/v1.0/admin@contoso.test?protocol=autodiscoverv1")
    assert v1.json() == {"Protocol": "AutodiscoverV1", "Url": EXO_POX_URL}
    query_form = v2(http, "/autodiscover/autodiscover.json?Email=admin%40contoso.test&Protocol=EWS")
    assert query_form.json()["Url"] == EXO_EWS_URL


def test_v2_unknown_protocol_is_a_400_json_error(http: requests.Session) -> None:
    response = v2(http, "/autodiscover/autodiscover.json/v1.0/admin@contoso.test?Protocol=Pigeon")
    assert response.status_code == 400
    assert response.json()["ErrorCode"] == "InvalidProtocol"
    assert "'Pigeon'" in response.json()["ErrorMessage"]


def test_v2_sends_other_domains_to_their_own_autodiscover(http: requests.Session) -> None:
    response = v2(http, "/autodiscover/autodiscover.json/v1.0/admin@fabrikam.test?Protocol=EWS")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(
        "https://autodiscover.fabrikam.test/autodiscover/autodiscover.json/v1.0/"
    )
    onprem = http.get(location, timeout=5)
    assert onprem.json() == {"Protocol": "EWS", "Url": ONPREM_EWS_URL}


def test_on_premises_v2_follows_the_mailboxs_redirects(http: requests.Session) -> None:
    base = "https://autodiscover.ad-chain.test/autodiscover/autodiscover.json/v1.0"
    first = http.get(f"{base}/admin@ad-chain.test?Protocol=EWS", allow_redirects=False, timeout=5)
    assert first.status_code == 302
    assert first.headers["Location"] == f"{base}/hop1%40ad-chain.test?Protocol=EWS&RedirectCount=1"
    final = http.get(first.headers["Location"], timeout=5)
    assert [r.status_code for r in final.history] == [302, 302]
    assert final.json() == {
        "Protocol": "EWS",
        "Url": "https://mail.ad-chain.test/EWS/Exchange.asmx",
    }
    assert final.url.endswith("/hop3%40ad-chain.test?Protocol=EWS&RedirectCount=3")


def test_ews_is_served_on_both_mailbox_hosts(lab: Lab, http: requests.Session) -> None:
    for host in ("outlook.office365.com", "mail.fabrikam.test"):
        response = http.post(f"https://{host}/EWS/Exchange.asmx", data=b"", timeout=5)
        assert response.status_code == 401, host
        assert lab.site_for(host) is not None


# -- SOAP -------------------------------------------------------------------------------------


def soap_request(email: str, settings: tuple[str, ...]) -> bytes:
    wanted = "".join(f"<a:Setting>{s}</a:Setting>" for s in settings)
    return (
        '<?xml version="1.0" encoding="utf-8"?><s:Envelope '
        'xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
        'xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover" '
        'xmlns:wsa="http://www.w3.org/2005/08/addressing"><s:Header>'
        "<a:RequestedServerVersion>Exchange2016</a:RequestedServerVersion>"
        "<wsa:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/"
        "GetUserSettings</wsa:Action></s:Header><s:Body><a:GetUserSettingsRequestMessage>"
        f"<a:Request><a:Users><a:User><a:Mailbox>{email}</a:Mailbox></a:User></a:Users>"
        f"<a:RequestedSettings>{wanted}</a:RequestedSettings></a:Request>"
        "</a:GetUserSettingsRequestMessage></s:Body></s:Envelope>"
    ).encode()


def test_soap_get_user_settings(http: requests.Session) -> None:
    url = "https://autodiscover.fabrikam.test/autodiscover/autodiscover.svc"
    body = soap_request(
        "admin@fabrikam.test", ("ExternalEwsUrl", "CasVersion", "AlternateMailboxes", "Bogus")
    )
    headers = {"Content-Type": "text/xml; charset=utf-8"}
    assert http.post(url, data=body, headers=headers, timeout=5).status_code == 401
    response = http.post(url, data=body, headers=headers | basic("admin@fabrikam.test"), timeout=5)
    assert response.status_code == 200, response.text
    ans = "{http://schemas.microsoft.com/exchange/2010/Autodiscover}"
    root = xml(response)
    assert root.find(f".//{ans}ServerVersionInfo/{ans}MajorVersion") is not None
    user = root.find(f".//{ans}UserResponse")
    assert user is not None and user.findtext(f"{ans}ErrorCode") == "NoError"
    values = {
        s.findtext(f"{ans}Name"): s.findtext(f"{ans}Value") for s in user.iter(f"{ans}UserSetting")
    }
    assert values == {"ExternalEwsUrl": ONPREM_EWS_URL, "CasVersion": "15.02.1544.004"}
    errors = {
        e.findtext(f"{ans}SettingName"): e.findtext(f"{ans}ErrorCode")
        for e in user.iter(f"{ans}UserSettingError")
    }
    assert errors == {"AlternateMailboxes": "SettingIsNotAvailable", "Bogus": "InvalidSetting"}


def test_exchangelib_autodiscover_finds_the_on_premises_ews_url(
    lab: Lab, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """exchangelib's own discovery: its step 1 meets the website at fabrikam.test (404),
    step 2 the SOAP service at autodiscover.fabrikam.test, where it picks NTLM from
    Negotiate/NTLM/Basic and signs in with it."""
    host, port = lab.dns.address
    monkeypatch.setattr(
        exchangelib.autodiscover.cache, "AUTODISCOVER_PERSISTENT_STORAGE", tmp_path / "cache"
    )
    monkeypatch.setattr(BaseProtocol, "HTTP_ADAPTER_CLS", adapter_class(lab))
    monkeypatch.setattr(Autodiscovery, "DNS_RESOLVER_KWARGS", {"configure": False})
    monkeypatch.setattr(
        Autodiscovery, "DNS_RESOLVER_ATTRS", {"nameservers": [host], "port": port, "timeout": 2}
    )
    mark = len(lab.credentials)
    credentials = exchangelib.Credentials("admin@fabrikam.test", LAB_PASSWORD)
    try:
        found, protocol = Autodiscovery("admin@fabrikam.test", credentials).discover()
    finally:
        exchangelib.close_connections()
    assert found.ews_url == ONPREM_EWS_URL
    assert protocol.service_endpoint == ONPREM_EWS_URL
    assert found.autodiscover_smtp_address == "admin@fabrikam.test"
    assert protocol.version.api_version == "Exchange2016"
    sightings = lab.credentials.since(mark)
    assert any(
        s.auth_scheme == "NTLM"
        and s.matched
        and s.host == "autodiscover.fabrikam.test"
        and s.username == "admin@fabrikam.test"
        for s in sightings
    ), sightings


def test_ntlm_with_a_wrong_password_is_refused_and_logged(lab: Lab, http: requests.Session) -> None:
    mark = len(lab.credentials)
    for password, status in ((LAB_PASSWORD, 200), ("wrong", 401)):
        response = http.post(
            FABRIKAM_POX,
            data=pox_request("admin@fabrikam.test"),
            auth=HttpNtlmAuth("FABRIKAM\\admin", password),
            timeout=5,
        )
        assert response.status_code == status
    final = [s for s in lab.credentials.since(mark) if s.username]
    assert [(s.auth_scheme, s.username, s.matched) for s in final] == [
        ("NTLM", "admin@fabrikam.test", True),
        ("NTLM", "FABRIKAM\\admin", False),
    ]


# -- MAPI over HTTP -----------------------------------------------------------------------


def mapi_headers(kind: str) -> dict[str, str]:
    return {
        "Content-Type": "application/mapi-http",
        "X-RequestType": kind,
        "X-RequestId": "6b1c4e2a-0000-4000-8000-000000000001:1",
        "X-ClientRequestId": "client-42",
        "X-ClientInfo": "{ABCDEF}-1",
        "X-ClientApplication": "Outlook/16.0.17928.20114",
    }


@pytest.mark.parametrize(
    ("host", "user"),
    [
        ("mail.fabrikam.test", "admin@fabrikam.test"),
        ("outlook.office365.com", "admin@contoso.test"),
    ],
)
def test_mapi_challenge_then_connect_and_bind(http: requests.Session, host: str, user: str) -> None:
    emsmdb = f"https://{host}/mapi/emsmdb/?MailboxId=x@y"
    anonymous = http.post(emsmdb, data=b"", headers=mapi_headers("Connect"), timeout=5)
    assert anonymous.status_code == 401
    assert challenges(anonymous)
    assert anonymous.headers["request-id"] and anonymous.headers["X-FEServer"]
    assert anonymous.headers["X-RequestId"] == "6b1c4e2a-0000-4000-8000-000000000001:1"
    assert anonymous.headers["X-ClientRequestId"] == "client-42"
    signed_in = mapi_headers("Connect") | basic(user)
    connect = http.post(emsmdb, data=b"\x00" * 8, headers=signed_in, timeout=5)
    assert connect.status_code == 200
    assert connect.headers["Content-Type"] == "application/mapi-http"
    assert connect.headers["X-RequestType"] == "Connect"
    assert connect.headers["X-ResponseCode"] == "0"
    assert connect.content.startswith(b"PROCESSING\r\nDONE\r\n")
    assert "MapiContext" in connect.cookies
    nspi = f"https://{host}/mapi/nspi/?MailboxId=x@y"
    bind = http.post(nspi, data=b"", headers=mapi_headers("Bind") | basic(user), timeout=5)
    assert (bind.status_code, bind.headers["X-ResponseCode"]) == (200, "0")
    assert bind.headers["X-RequestType"] == "Bind"


def test_mapi_errors_and_the_browser_page(http: requests.Session) -> None:
    url = "https://mail.fabrikam.test/mapi/emsmdb/"
    user = basic("admin@fabrikam.test")
    http.cookies.clear()  # no session cookie from an earlier Connect
    execute = http.post(url, headers=mapi_headers("Execute") | user, timeout=5)
    assert execute.headers["X-ResponseCode"] == "13"  # missing cookie
    bogus = http.post(url, headers=mapi_headers("Bind") | user, timeout=5)
    assert bogus.headers["X-ResponseCode"] == "5"  # Bind is NSPI's, not EMSMDB's
    assert http.get(url, timeout=5).status_code == 401
    page = http.get(url, headers=user, timeout=5)
    assert page.status_code == 200
    assert "Exchange MAPI/HTTP Connectivity Endpoint" in page.text


# -- the credential log ---------------------------------------------------------------------


def test_credential_log_names_host_scheme_and_user_never_the_password(
    lab: Lab, http: requests.Session
) -> None:
    mark = len(lab.credentials)
    post_pox(http, FABRIKAM_POX, "admin@fabrikam.test", user="admin@fabrikam.test")
    post_pox(http, FABRIKAM_POX, "admin@fabrikam.test", user="admin@fabrikam.test", password="x")
    http.get(f"https://fabrikam.test/login?pw={LAB_PASSWORD}", timeout=5)
    good, bad, leak = lab.credentials.since(mark)
    assert (good.scheme, good.host, good.sni, good.server, good.cert_variant) == (
        "https",
        "autodiscover.fabrikam.test",
        "autodiscover.fabrikam.test",
        "good",
        "good",
    )
    assert (good.path, good.auth_scheme, good.username, good.matched) == (
        "/autodiscover/autodiscover.xml",
        "Basic",
        "admin@fabrikam.test",
        True,
    )
    assert (bad.username, bad.matched) == ("admin@fabrikam.test", False)
    assert (leak.auth_scheme, leak.host, leak.matched) == ("leak", "fabrikam.test", True)
    for sighting in lab.credentials_seen:
        assert LAB_PASSWORD not in repr(sighting)
        assert base64.b64encode(LAB_PASSWORD.encode()).decode() not in repr(sighting)


# -- fault domains ----------------------------------------------------------------------------


def pox_url(domain: str, host: str = "autodiscover") -> str:
    prefix = f"{host}." if host else ""
    return f"https://{prefix}{domain}/autodiscover/autodiscover.xml"


def test_root_domain_is_a_website_that_says_404_quickly(http: requests.Session) -> None:
    started = time.monotonic()
    response = post_pox(http, pox_url("fabrikam.test", ""), "admin@fabrikam.test")
    assert response.status_code == 404
    assert response.headers["Server"] == "nginx"
    assert time.monotonic() - started < 1


def test_dead_domain_refuses_every_candidate(http: requests.Session) -> None:
    for url in (
        pox_url("ad-dead.test"),
        pox_url("ad-dead.test", ""),
        "http://autodiscover.ad-dead.test/autodiscover/autodiscover.xml",
    ):
        with pytest.raises(requests.exceptions.ConnectionError, match="refused"):
            http.get(url, timeout=2)


def test_slow_domain_never_answers(http: requests.Session) -> None:
    started = time.monotonic()
    with pytest.raises(requests.exceptions.ReadTimeout):
        post_pox(http, pox_url("ad-slow.test"), "admin@ad-slow.test", timeout=(2, 1))
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("domain", "anonymous", "signed_in"),
    [
        ("ad-401.test", 401, 401),
        ("ad-403.test", 401, 403),
        ("ad-404.test", 404, 404),
        ("ad-500.test", 401, 500),
    ],
)
def test_status_code_domains(
    http: requests.Session, domain: str, anonymous: int, signed_in: int
) -> None:
    user = f"admin@{domain}"
    assert post_pox(http, pox_url(domain), user).status_code == anonymous
    assert post_pox(http, pox_url(domain), user, user=user).status_code == signed_in


@pytest.mark.parametrize(
    ("domain", "reason"),
    [
        ("ad-wrongname.test", "match"),
        ("ad-expired.test", "expired"),
        ("ad-nochain.test", "local issuer"),
        ("ad-untrusted.test", "local issuer|self.signed|unable to get"),
    ],
)
def test_certificate_domains(http: requests.Session, domain: str, reason: str) -> None:
    with pytest.raises(requests.exceptions.SSLError, match=reason):
        post_pox(http, pox_url(domain), f"admin@{domain}")


def redirect_of(response: requests.Response) -> tuple[str, str]:
    account = account_of(xml(response))
    action = account.findtext(f"{OUTLOOK}Action") or ""
    target = account.findtext(f"{OUTLOOK}RedirectAddr") or account.findtext(f"{OUTLOOK}RedirectUrl")
    return action, target or ""


def test_redirect_addr_loop_and_chain(http: requests.Session) -> None:
    loop = "ad-loop.test"
    first = post_pox(http, pox_url(loop), f"admin@{loop}", user=f"admin@{loop}")
    assert redirect_of(first) == ("redirectAddr", f"loop-b@{loop}")
    second = post_pox(http, pox_url(loop), f"loop-b@{loop}", user=f"admin@{loop}")
    assert redirect_of(second) == ("redirectAddr", f"admin@{loop}")
    chain, email, hops = "ad-chain.test", "admin@ad-chain.test", 0
    while True:
        response = post_pox(http, pox_url(chain), email, user="admin@ad-chain.test")
        action, target = redirect_of(response)
        if action != "redirectAddr":
            break
        email, hops = target, hops + 1
    assert (action, hops, email) == ("settings", 3, "hop3@ad-chain.test")


def test_redirect_url_to_a_foreign_host_and_within_the_domain(
    lab: Lab, http: requests.Session
) -> None:
    foreign = "ad-redirect-foreign.test"
    response = post_pox(http, pox_url(foreign), f"admin@{foreign}", user=f"admin@{foreign}")
    action, target = redirect_of(response)
    assert (action, target) == (
        "redirectUrl",
        "https://autodiscover.evil-lab.test/autodiscover/autodiscover.xml",
    )
    mark = len(lab.credentials)
    harvested = post_pox(http, target, f"admin@{foreign}", user=f"admin@{foreign}")
    assert harvested.status_code == 200  # the harvester plays along with anyone
    (sighting,) = lab.credentials.since(mark)
    assert (sighting.host, sighting.username, sighting.matched) == (
        "autodiscover.evil-lab.test",
        f"admin@{foreign}",
        True,
    )
    local = "ad-redirect-local.test"
    response = post_pox(http, pox_url(local), f"admin@{local}", user=f"admin@{local}")
    action, target = redirect_of(response)
    assert (action, target) == (
        "redirectUrl",
        f"https://mail.{local}/autodiscover/autodiscover.xml",
    )
    settings = post_pox(http, target, f"admin@{local}", user=f"admin@{local}")
    assert account_of(xml(settings)).findtext(f"{OUTLOOK}Action") == "settings"


def test_redirect_to_plain_http(http: requests.Session) -> None:
    domain = "ad-http-redirect.test"
    target = f"http://mail.{domain}/autodiscover/autodiscover.xml"
    secure = post_pox(http, pox_url(domain), f"admin@{domain}")
    assert (secure.status_code, secure.headers["Location"]) == (302, target)
    plain = http.get(f"http://autodiscover.{domain}/autodiscover/autodiscover.xml", timeout=5)
    assert plain.history[0].status_code == 302  # followed: requests is a naive client
    assert plain.url == target
    assert plain.status_code == 401 and "Basic" in challenges(plain)[-1]


def test_xml_bomb_is_served_with_its_entities(http: requests.Session) -> None:
    response = post_pox(http, pox_url("ad-xmlbomb.test"), "admin@ad-xmlbomb.test")
    assert response.status_code == 200
    assert response.content.count(b"<!ENTITY") == 10
    assert b"&lol9;" in response.content
    with pytest.raises(EntitiesForbidden):
        SafeET.fromstring(response.content)


def test_huge_body_is_streamed(http: requests.Session) -> None:
    with post_pox(http, pox_url("ad-huge.test"), "admin@ad-huge.test", stream=True) as response:
        assert response.status_code == 200
        assert int(response.headers["Content-Length"]) == HUGE_BODY_BYTES
        total = sum(len(chunk) for chunk in response.iter_content(1024 * 1024))
    assert total == HUGE_BODY_BYTES


def test_huge_body_reader_may_hang_up_early(http: requests.Session) -> None:
    with post_pox(http, pox_url("ad-huge.test"), "admin@ad-huge.test", stream=True) as response:
        assert len(response.raw.read(1024 * 1024)) == 1024 * 1024


def test_truncated_and_wrong_namespace_answers(http: requests.Session) -> None:
    for domain in ("ad-truncated.test", "ad-wrongns.test"):
        user = f"admin@{domain}"
        assert post_pox(http, pox_url(domain), user).status_code == 401
    truncated = post_pox(
        http,
        pox_url("ad-truncated.test"),
        "admin@ad-truncated.test",
        user="admin@ad-truncated.test",
    )
    assert truncated.status_code == 200
    with pytest.raises(SafeET.ParseError):
        SafeET.fromstring(truncated.content)
    wrong = post_pox(
        http, pox_url("ad-wrongns.test"), "admin@ad-wrongns.test", user="admin@ad-wrongns.test"
    )
    response = xml(wrong)[0]
    assert response.tag == f"{{{pox.MOBILESYNC_NS}}}Response"


def ask_dns(lab: Lab, name: str, rdtype: str) -> dns.message.Message:
    host, port = lab.dns.address
    return dns.query.udp(dns.message.make_query(name, rdtype), host, port=port, timeout=2)


def test_srv_domains(lab: Lab, http: requests.Session) -> None:
    srv = ask_dns(lab, "_autodiscover._tcp.ad-srv.test", "SRV")
    assert [r.to_text() for r in srv.answer[0]] == ["0 0 443 mail.ad-srv.test."]
    no_host = ask_dns(lab, "autodiscover.ad-srv.test", "A")
    assert no_host.rcode() == dns.rcode.NXDOMAIN
    settings = post_pox(
        http, pox_url("ad-srv.test", "mail"), "admin@ad-srv.test", user="admin@ad-srv.test"
    )
    assert account_of(xml(settings)).findtext(f"{OUTLOOK}Action") == "settings"
    foreign = ask_dns(lab, "_autodiscover._tcp.ad-srv-foreign.test", "SRV")
    assert [r.to_text() for r in foreign.answer[0]] == ["0 0 443 autodiscover.evil-lab.test."]


def test_every_autodiscover_scenario_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_lab("healthy", list_only=True) == 0
    out = capsys.readouterr().out
    for scenario in AD_SCENARIOS.values():
        assert scenario.name in out and scenario.domain() in out


# -- lifecycle ------------------------------------------------------------------------------


def test_stop_is_quick_with_a_hung_connection_and_leaves_no_threads() -> None:
    lab = Lab().start()
    ports = {lab.port_of(listener) for listener in Listener}
    idle = socket.create_connection(("127.0.0.1", lab.port_of(Listener.GOOD)))
    context = ssl.create_default_context(cafile=str(lab.pki.ca_pem_path))
    hung = context.wrap_socket(
        socket.create_connection(("127.0.0.1", lab.port_of(Listener.SLOW))),
        server_hostname="autodiscover.ad-slow.test",
    )
    hung.sendall(b"GET / HTTP/1.1\r\nHost: autodiscover.ad-slow.test\r\n\r\n")
    time.sleep(0.1)
    started = time.monotonic()
    lab.stop()
    assert time.monotonic() - started < 2
    with idle, hung:
        pass
    left = [t.name for t in threading.enumerate() if any(str(p) in t.name for p in ports)]
    assert left == []
