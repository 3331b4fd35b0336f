"""The lab's integration hosts (issue 15) over real sockets: the int-* Exchange
organisations' 401 challenges, X-OWA-Version, auth metadata and autodiscover v2,
SharePoint Server and Online, lyncdiscover and the SIP records, healthy and broken.

Every request goes where Lab.connect_to() says, over TLS checked against the lab CA
(or, where the certificate is the point, with verification off to read it)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import http.client
import json
import socket
import ssl
from dataclasses import dataclass

import dns.message
import dns.query
import dns.rdatatype
import pytest
from cryptography import x509

from assistant.lab.cli import run_lab
from assistant.lab.exchange.directory import LAB_PASSWORD
from assistant.lab.integration_scenarios import (
    CUSTOM_SPO_HOST,
    INT_TENANT_ID,
    INTEGRATION_SCENARIOS,
    OTHER_SPO_HOST,
    OTHER_TENANT_ID,
    SPO_HOST,
    integration_demo,
)
from assistant.lab.pki import WRONG_NAME_HOST
from assistant.lab.tenant import Lab

pytestmark = pytest.mark.lab

EXCHANGE_BEARER = (
    'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", '
    'trusted_issuers="00000001-0000-0000-c000-000000000000@{tenant}", '
    'token_types="app_asserted_user_v1 service_asserted_app_v1", '
    'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
)
SPO_BEARER = (
    'Bearer realm="{tenant}",client_id="00000003-0000-0ff1-ce00-000000000000",'
    'trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/,'
    '00000003-0000-0ff1-ce00-000000000000@90140122-8516-11e1-8eff-49304924019b",'
    'authorization_uri="https://login.windows.net/common/oauth2/authorize"'
)
EWS = "/EWS/Exchange.asmx"
SVC = "/autodiscover/autodiscover.svc"
POX = "/autodiscover/autodiscover.xml"
METADATA = "/autodiscover/metadata/json/1"


@dataclass(frozen=True)
class Answer:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def one(self, name: str) -> str:
        (value,) = self.all(name)
        return value


def _connect(lab: Lab, host: str, port: int = 443) -> socket.socket:
    routes = {(r.source.host, r.source.port): r.dest for r in lab.connect_to()}
    dest = routes[(host, port)]  # a KeyError: the lab has no server for this name
    return socket.create_connection((dest.host, dest.port), timeout=5)


def request(
    lab: Lab,
    host: str,
    path: str,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    context = ssl.create_default_context(cafile=str(lab.pki.ca_pem_path))
    connection = http.client.HTTPSConnection(host, 443, context=context, timeout=5)
    connection.sock = context.wrap_socket(_connect(lab, host), server_hostname=host)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, tuple(response.getheaders()), response.read())
    finally:
        connection.close()


def peer_certificate(lab: Lab, host: str, port: int = 443) -> x509.Certificate:
    """The certificate `host` presents, read without verifying it."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with context.wrap_socket(_connect(lab, host, port), server_hostname=host) as tls:
        der = tls.getpeercert(binary_form=True)
    assert der is not None
    return x509.load_der_x509_certificate(der)


def dns_names(cert: x509.Certificate) -> list[str]:
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return san.get_values_for_type(x509.DNSName)


def lookup(lab: Lab, name: str, rtype: str) -> list[str]:
    query = dns.message.make_query(name, rtype)
    host, port = lab.dns.address
    reply = dns.query.udp(query, host, port=port, timeout=5)
    wanted = dns.rdatatype.from_text(rtype)
    return [rd.to_text() for rrset in reply.answer if rrset.rdtype == wanted for rd in rrset]


def basic(user: str) -> dict[str, str]:
    return {
        "Authorization": "Basic " + base64.b64encode(f"{user}:{LAB_PASSWORD}".encode()).decode()
    }


# -- int-hybrid: everything right ----------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "path", "method"),
    [
        ("mail.int-hybrid.test", EWS, "POST"),
        ("autodiscover.int-hybrid.test", SVC, "POST"),
        ("autodiscover.int-hybrid.test", POX, "POST"),
        ("mail.int-hybrid.test", "/mapi/emsmdb/", "POST"),
    ],
)
def test_hybrid_exchange_offers_bearer_for_the_tenant(
    lab: Lab, host: str, path: str, method: str
) -> None:
    answer = request(lab, host, path, method, body=b"")
    assert answer.status == 401
    challenges = answer.all("WWW-Authenticate")
    assert "Negotiate" in challenges
    assert "NTLM" in challenges
    assert EXCHANGE_BEARER.format(tenant=INT_TENANT_ID) in challenges
    assert answer.one("X-OWA-Version") == "15.2.2562.17"


@pytest.mark.parametrize("host", ["mail.int-hybrid.test", "autodiscover.int-hybrid.test"])
def test_hybrid_auth_metadata_publishes_a_valid_signing_certificate(lab: Lab, host: str) -> None:
    answer = request(lab, host, METADATA)
    assert answer.status == 200
    assert answer.one("Content-Type").startswith("application/json")
    doc = json.loads(answer.body)
    principal = f"00000002-0000-0ff1-ce00-000000000000@{INT_TENANT_ID}"
    assert doc["name"] == "Exchange"
    assert doc["version"] == "1.0"
    assert doc["realm"] == INT_TENANT_ID
    assert doc["serviceName"] == "00000002-0000-0ff1-ce00-000000000000"
    assert doc["issuer"] == principal
    assert doc["allowedAudiences"] == [principal]
    assert doc["endpoints"][0]["location"] == f"https://{host}{METADATA}"
    (key,) = doc["keys"]
    assert key["usage"] == "signing"
    assert key["keyvalue"]["type"] == "x509Certificate"
    der = base64.b64decode(key["keyvalue"]["value"])
    assert key["keyinfo"]["x5t"] == base64.b64encode(hashlib.sha1(der).digest()).decode()
    cert = x509.load_der_x509_certificate(der)
    now = dt.datetime.now(dt.UTC)
    assert cert.not_valid_before_utc < now
    assert now + dt.timedelta(days=300) < cert.not_valid_after_utc < now + dt.timedelta(days=400)
    assert "Microsoft Exchange Server Auth Certificate" in cert.subject.rfc4514_string()


def test_hybrid_autodiscover_v2_finds_ews_anonymously(lab: Lab) -> None:
    answer = request(
        lab,
        "autodiscover.int-hybrid.test",
        "/autodiscover/autodiscover.json/v1.0/admin@int-hybrid.test?Protocol=EWS",
    )
    assert answer.status == 200
    assert json.loads(answer.body) == {
        "Protocol": "EWS",
        "Url": "https://mail.int-hybrid.test/EWS/Exchange.asmx",
    }
    assert answer.one("X-OWA-Version") == "15.2.2562.17"


def test_hybrid_sharepoint_server_challenges_with_the_tenant_realm(lab: Lab) -> None:
    answer = request(lab, "sharepoint.int-hybrid.test", "/")
    assert answer.status == 401
    challenges = answer.all("WWW-Authenticate")
    assert "NTLM" in challenges
    assert (
        f'Bearer realm="{INT_TENANT_ID}",client_id="00000003-0000-0ff1-ce00-000000000000",'
        f'trusted_issuers="00000001-0000-0000-c000-000000000000@{INT_TENANT_ID}",'
        'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
    ) in challenges
    assert answer.one("MicrosoftSharePointTeamServices").startswith("16.0.0.")


@pytest.mark.parametrize("label", ["lyncdiscover", "lyncdiscoverinternal"])
def test_hybrid_lyncdiscover_answers_over_a_good_certificate(lab: Lab, label: str) -> None:
    answer = request(lab, f"{label}.int-hybrid.test", "/")  # TLS verified against the lab CA
    assert answer.status == 200
    links = json.loads(answer.body)["_links"]
    assert links["user"]["href"].startswith("https://lyncweb.int-hybrid.test/Autodiscover/")
    assert links["xframe"]["href"].endswith("/XFrame/XFrame.html")


def test_hybrid_dns_has_the_lync_names_and_sip_records(lab: Lab) -> None:
    for label in ("lyncdiscover", "lyncdiscoverinternal", "sharepoint", "mail", "autodiscover"):
        assert lookup(lab, f"{label}.int-hybrid.test", "A") == ["127.0.0.1"]
    assert lookup(lab, "_sip._tls.int-hybrid.test", "SRV") == ["100 1 443 sip.int-hybrid.test."]
    assert lookup(lab, "_sipfederationtls._tcp.int-hybrid.test", "SRV") == [
        "100 1 5061 sip.int-hybrid.test."
    ]
    assert lookup(lab, "sip.int-hybrid.test", "A") == ["127.0.0.1"]
    assert "sip.int-hybrid.test" in dns_names(peer_certificate(lab, "sip.int-hybrid.test", 5061))


def test_hybrid_signs_in_with_the_lab_password(lab: Lab) -> None:
    """A demo with a password still works: EWS and autodiscover accept admin@."""
    user = "admin@int-hybrid.test"
    ews = request(lab, "mail.int-hybrid.test", EWS, headers=basic(user))
    assert ews.status == 405  # signed in; a GET is not SOAP
    body = (
        '<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/'
        'exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>'
        f"{user}</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/"
        "autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request>"
        "</Autodiscover>"
    ).encode()
    pox = request(lab, "autodiscover.int-hybrid.test", POX, "POST", body, basic(user))
    assert pox.status == 200
    assert b"https://mail.int-hybrid.test/EWS/Exchange.asmx" in pox.body
    assert pox.one("X-OWA-Version") == "15.2.2562.17"


# -- SharePoint Online and Exchange Online -------------------------------------------------


@pytest.mark.parametrize(
    ("host", "path", "tenant"),
    [
        (SPO_HOST, "/", INT_TENANT_ID),
        (SPO_HOST, "/sites/team", INT_TENANT_ID),
        (OTHER_SPO_HOST, "/", OTHER_TENANT_ID),
    ],
)
def test_sharepoint_online_realm_is_the_sites_tenant(
    lab: Lab, host: str, path: str, tenant: str
) -> None:
    answer = request(lab, host, path)
    assert answer.status == 401
    assert answer.all("WWW-Authenticate") == [SPO_BEARER.format(tenant=tenant)]
    assert answer.one("MicrosoftSharePointTeamServices").startswith("16.0.0.")
    assert not answer.all("x-ms-suspended-features")
    assert lookup(lab, host, "A") == ["127.0.0.1"]


def test_custom_domain_in_front_of_sharepoint_online_has_its_certificate(lab: Lab) -> None:
    assert lookup(lab, CUSTOM_SPO_HOST, "CNAME") == [f"{SPO_HOST}."]
    with pytest.raises(ssl.SSLCertVerificationError, match="Hostname mismatch"):
        request(lab, CUSTOM_SPO_HOST, "/")
    assert dns_names(peer_certificate(lab, CUSTOM_SPO_HOST)) == [
        "*.sharepoint.com",
        "sharepoint.com",
    ]


def test_exchange_online_autodiscover_svc_challenges_an_anonymous_post(lab: Lab) -> None:
    answer = request(lab, "autodiscover-s.outlook.com", SVC, "POST", body=b"")
    assert answer.status == 401
    bearer = [c for c in answer.all("WWW-Authenticate") if c.startswith("Bearer ")]
    assert bearer
    assert 'client_id="00000002-0000-0ff1-ce00-000000000000"' in bearer[0]


# -- broken organisations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "path"), [("mail.int-no-bearer.test", EWS), ("autodiscover.int-no-bearer.test", SVC)]
)
def test_no_bearer_offers_only_windows_sign_in(lab: Lab, host: str, path: str) -> None:
    answer = request(lab, host, path, "POST", body=b"")
    assert answer.status == 401
    challenges = answer.all("WWW-Authenticate")
    assert {"Negotiate", "NTLM"} <= set(challenges)
    assert not [c for c in challenges if c.lower().startswith("bearer")]


def test_wrong_tenant_trusts_the_other_tenant(lab: Lab) -> None:
    for host, path in (
        ("mail.int-wrong-tenant.test", EWS),
        ("autodiscover.int-wrong-tenant.test", SVC),
    ):
        answer = request(lab, host, path, "POST", body=b"")
        assert EXCHANGE_BEARER.format(tenant=OTHER_TENANT_ID) in answer.all("WWW-Authenticate")
    doc = json.loads(request(lab, "autodiscover.int-wrong-tenant.test", METADATA).body)
    assert doc["realm"] == OTHER_TENANT_ID


@pytest.mark.parametrize("host", ["mail.int-no-metadata.test", "autodiscover.int-no-metadata.test"])
def test_no_metadata_is_a_404(lab: Lab, host: str) -> None:
    assert request(lab, host, METADATA).status == 404
    assert request(lab, host, SVC, "POST", body=b"").status == 401  # the rest is there


def test_expired_metadata_certificate_is_past_its_date(lab: Lab) -> None:
    doc = json.loads(request(lab, "autodiscover.int-expired-metadata.test", METADATA).body)
    der = base64.b64decode(doc["keys"][0]["keyvalue"]["value"])
    cert = x509.load_der_x509_certificate(der)
    assert cert.not_valid_after_utc < dt.datetime.now(dt.UTC)
    assert doc["realm"] == INT_TENANT_ID


def test_ews_unpublished_is_the_proxys_404(lab: Lab) -> None:
    answer = request(lab, "mail.int-ews-unpublished.test", EWS, "POST", body=b"")
    assert answer.status == 404
    assert not answer.all("WWW-Authenticate")
    assert not answer.all("X-OWA-Version")  # the request never reached Exchange
    assert request(lab, "mail.int-ews-unpublished.test", "/ews/", "GET").status == 404
    # autodiscover still names EWS, which is the trap
    assert request(lab, "autodiscover.int-ews-unpublished.test", SVC, "POST", b"").status == 401


@pytest.mark.parametrize(
    ("domain", "build"),
    [
        ("int-old-build.test", ("15", "1", "2507", "6")),
        ("int-hybrid.test", ("15", "2", "2562", "17")),
    ],
)
def test_each_organisation_reports_its_build(lab: Lab, domain: str, build: tuple[str, ...]) -> None:
    """X-OWA-Version on the anonymous 401, and the same build in EWS's ServerVersionInfo
    once signed in (what a check with a password reads)."""
    host = f"mail.{domain}"
    answer = request(lab, host, EWS, "POST", body=b"")
    assert answer.one("X-OWA-Version") == ".".join(build)
    envelope = (
        b'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/'
        b'soap/envelope/"><s:Body><m:ConvertId xmlns:m="http://schemas.microsoft.com/exchange/'
        b'services/2006/messages" DestinationFormat="EwsId"/></s:Body></s:Envelope>'
    )
    signed_in = request(lab, host, EWS, "POST", envelope, basic(f"admin@{domain}"))
    assert signed_in.status == 200
    major, minor, number, revision = build
    assert (
        f'MajorVersion="{major}" MinorVersion="{minor}" MajorBuildNumber="{number}" '
        f'MinorBuildNumber="{revision}"'
    ).encode() in signed_in.body


def test_lync_badcert_presents_a_certificate_for_another_name(lab: Lab) -> None:
    host = "lyncdiscover.int-lync-badcert.test"
    assert lookup(lab, host, "A") == ["127.0.0.1"]
    with pytest.raises(ssl.SSLCertVerificationError, match="Hostname mismatch"):
        request(lab, host, "/")
    assert dns_names(peer_certificate(lab, host)) == [WRONG_NAME_HOST]
    assert request(lab, "lyncdiscoverinternal.int-lync-badcert.test", "/").status == 200


def test_no_svc_answers_404_on_the_soap_service_only(lab: Lab) -> None:
    host = "autodiscover.int-no-svc.test"
    assert request(lab, host, SVC, "POST", body=b"").status == 404
    assert request(lab, host, POX, "POST", body=b"").status == 401


# -- registration ---------------------------------------------------------------------------


def test_every_integration_scenario_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_lab("healthy", list_only=True) == 0
    out = capsys.readouterr().out
    assert "integration scenarios (int-*" in out
    for name in INTEGRATION_SCENARIOS:
        assert f"{name}.test" in out
        assert integration_demo(name)
    assert not integration_demo("fabrikam")
