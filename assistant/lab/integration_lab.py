"""The integration part of the lab (issue 15): what SharePoint, Lync / Skype for
Business Server and Teams read from an Exchange organisation, for each scenario in
integration_scenarios.py, and SharePoint Online.

The int-* organisations are on-premises autodiscover scenarios (zones.py), so the Lab
already serves their autodiscover (POX, SOAP, v2) and MAPI; `serve()` wraps those
handlers and EWS so that every answer carries X-OWA-Version and every 401 that offers
Negotiate/NTLM also offers the scenario's Bearer challenge (hybrid modern auth), and
adds the auth metadata document, SharePoint Server, lyncdiscover and the faults.

SharePoint Online (contoso.sharepoint.com, fabrikamint.sharepoint.com and the custom
domain intranet.contoso.test) is a TLS server of its own with the *.sharepoint.com
certificate, so the custom domain shows the name mismatch it has in the real world.

The Lab (tenant.py) builds one IntegrationLab before its servers, merges
`topology()` into its own, `records()` into the DNS, `connect_to()` into its rules,
`ews_services()` into its EWS, and calls `serve()` once its own routes are in place.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import threading
import uuid
from dataclasses import replace

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from assistant.config import ConnectTo, HostPort
from assistant.lab.dns_zone import Record
from assistant.lab.ews_service import EWS_PATH, EwsService, EwsStyle, LabMailbox
from assistant.lab.exchange import frontend, v2
from assistant.lab.exchange.directory import Directory
from assistant.lab.exchange.faults import Listener
from assistant.lab.exchange.site import iis_error
from assistant.lab.https_server import (
    Handler,
    Inspector,
    LabHttpsServer,
    LabRequest,
    LabResponse,
    Routes,
)
from assistant.lab.integration_scenarios import (
    CUSTOM_SPO_HOST,
    EXCHANGE_APP_ID,
    INT_TENANT_ID,
    INTEGRATION_SCENARIOS,
    METADATA_PATH,
    OTHER_SPO_HOST,
    SHAREPOINT_ONLINE_BUILD,
    SHAREPOINT_SERVER_BUILD,
    SPO_CERT_NAMES,
    SPO_HOST,
    SPO_TENANTS,
    IntScenario,
    Metadata,
    exchange_bearer,
    sharepoint_online_bearer,
    sharepoint_server_bearer,
)
from assistant.lab.pki import LabPKI

LOOPBACK = "127.0.0.1"
JSON = "application/json; charset=utf-8"
LYNC_JSON = "application/vnd.microsoft.rtc.autodiscover+json; v=1"
AUTH_CERT_NAME = "Microsoft Exchange Server Auth Certificate"
# Paths of the Exchange front end wrapped with the scenario's headers: (path, prefix).
_EXCHANGE_PATHS = (
    (frontend.POX_PATH, False),
    (frontend.SOAP_PATH, False),
    (v2.PATH, True),
    (frontend.MAPI_EMSMDB, True),
    (frontend.MAPI_NSPI, True),
    (EWS_PATH, False),
)


def _exchange_hosts(s: IntScenario) -> tuple[str, str]:
    return f"mail.{s.domain()}", f"autodiscover.{s.domain()}"


def _lync_hosts(s: IntScenario) -> tuple[str, str, str]:
    d = s.domain()
    return f"lyncdiscover.{d}", f"lyncdiscoverinternal.{d}", f"lyncweb.{d}"


class IntegrationLab:
    def __init__(self, pki: LabPKI, routes: Routes, inspector: Inspector) -> None:
        """`routes`: the Lab's HTTPS route table, shared with the SharePoint Online server."""
        self.pki = pki
        self.routes = routes
        self.scenarios = tuple(INTEGRATION_SCENARIOS.values())
        self.sharepoint_online = LabHttpsServer(
            pki.server_context(SPO_CERT_NAMES),
            label="sharepoint-online",
            routes=routes,
            inspector=inspector,
        )
        self._lock = threading.Lock()
        self._signing: dict[bool, x509.Certificate] = {}  # expired? -> certificate

    # -- what the Lab merges into its own ------------------------------------------------

    def topology(self) -> dict[tuple[str, int], Listener]:
        """(host, port) -> listener for the names the Lab's TLS servers must play."""
        where: dict[tuple[str, int], Listener] = {}
        for s in self.scenarios:
            lyncdiscover, internal, web = _lync_hosts(s)
            good = Listener.GOOD
            where[(lyncdiscover, 443)] = good if s.lyncdiscover_good_cert else Listener.WRONG_NAME
            for host in (internal, web, f"sharepoint.{s.domain()}", f"sip.{s.domain()}"):
                where[(host, 443)] = good
            # SIP federation's TLS port: the same certificate (the lab speaks no SIP).
            where[(f"sip.{s.domain()}", 5061)] = good
        return where

    def records(self) -> list[Record]:
        records = [
            Record(
                "sharepoint.com",
                "SOA",
                "ns1.sharepoint.com. hostmaster.sharepoint.com. 1 3600 600 86400 300",
            ),
            Record(SPO_HOST, "A", LOOPBACK),
            Record(OTHER_SPO_HOST, "A", LOOPBACK),
            Record(CUSTOM_SPO_HOST, "CNAME", f"{SPO_HOST}."),
        ]
        for s in self.scenarios:
            d = s.domain()
            for label in ("sharepoint", "lyncdiscover", "lyncdiscoverinternal", "lyncweb", "sip"):
                records.append(Record(f"{label}.{d}", "A", LOOPBACK))
            records.append(Record(f"_sip._tls.{d}", "SRV", f"100 1 443 sip.{d}."))
            records.append(Record(f"_sipfederationtls._tcp.{d}", "SRV", f"100 1 5061 sip.{d}."))
        return records

    def connect_to(self) -> list[ConnectTo]:
        port = self.sharepoint_online.port
        return [
            ConnectTo(HostPort(host, 443), HostPort(LOOPBACK, port))
            for host in (SPO_HOST, OTHER_SPO_HOST, CUSTOM_SPO_HOST)
        ]

    def ews_services(self) -> dict[str, EwsService]:
        """EWS on mail.<domain> of each organisation that publishes it."""
        return {
            f"mail.{s.domain()}": EwsService(
                EwsStyle.ONPREM,
                host=f"mail.{s.domain()}",
                mailboxes=(LabMailbox(f"admin@{s.domain()}", "Admin", inbox_total=1),),
                build=s.build,
            )
            for s in self.scenarios
            if s.ews_published
        }

    def adjust(self, directory: Directory) -> None:
        """Each organisation reports its scenario's Exchange build (SOAP autodiscover)."""
        for s in self.scenarios:
            directory.add_org(replace(directory.org(s.name), build=s.build))

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        self.sharepoint_online.start()

    def stop(self) -> None:
        self.sharepoint_online.stop()

    # -- routes ----------------------------------------------------------------------------

    def serve(self) -> None:
        """After the Lab registered autodiscover, MAPI and EWS: wrap and add ours."""
        for s in self.scenarios:
            self._serve_exchange(s)
            sharepoint = _sharepoint_server(s)
            self.routes.add(f"sharepoint.{s.domain()}", "/", sharepoint, prefix=True)
            lync = _lyncdiscover(s)
            for host in _lync_hosts(s):
                self.routes.add(host, "/", lync, prefix=True)
        for host, tenant in (*SPO_TENANTS.items(), (CUSTOM_SPO_HOST, INT_TENANT_ID)):
            self.routes.add(host, "/", _sharepoint_online(tenant), prefix=True)

    def _serve_exchange(self, s: IntScenario) -> None:
        hosts = _exchange_hosts(s)
        for host in hosts:
            for path, prefix in _EXCHANGE_PATHS:
                inner = self.routes.find(host, path)
                if inner is not None:
                    self.routes.add(host, path, _exchange(s, inner), prefix=prefix)
            if not s.autodiscover_svc:
                self.routes.add(host, frontend.SOAP_PATH, _exchange(s, _not_found))
            metadata = _not_found if s.metadata is Metadata.MISSING else self._metadata(s)
            self.routes.add(host, METADATA_PATH, _exchange(s, metadata))
            self.routes.add(host, "/", _exchange(s, _not_found), prefix=True)
        if not s.ews_published:
            # The reverse proxy in front of Exchange publishes OWA and autodiscover only:
            # its own 404, without Exchange's headers (the request never reached it).
            self.routes.add(hosts[0], "/ews/", _proxy_not_found, prefix=True)

    # -- the auth metadata document ----------------------------------------------------------

    def signing_certificate(self, s: IntScenario) -> x509.Certificate:
        """The auth certificate the scenario's metadata publishes (made on first use: an
        RSA key takes a while, and most lab runs never ask)."""
        expired = s.metadata is Metadata.EXPIRED
        with self._lock:
            cert = self._signing.get(expired)
            if cert is None:
                cert = self._signing[expired] = _auth_certificate(expired=expired)
            return cert

    def _metadata(self, s: IntScenario) -> Handler:
        def handler(request: LabRequest) -> LabResponse:
            cert = self.signing_certificate(s)
            body = json.dumps(auth_metadata(s, request.host, cert)).encode()
            return LabResponse(200, body, content_type=JSON)

        return handler


def auth_metadata(s: IntScenario, host: str, cert: x509.Certificate) -> dict[str, object]:
    """Exchange's /autodiscover/metadata/json/1, as Exchange Server writes it."""
    der = cert.public_bytes(serialization.Encoding.DER)
    realm = s.realm
    principal = f"{EXCHANGE_APP_ID}@{realm}"
    return {
        "id": f"_{uuid.uuid5(uuid.NAMESPACE_DNS, s.domain())}",
        "version": "1.0",
        "name": "Exchange",
        "realm": realm,
        "serviceName": EXCHANGE_APP_ID,
        "issuer": principal,
        "allowedAudiences": [principal],
        "keys": [
            {
                "usage": "signing",
                "keyinfo": {"x5t": base64.b64encode(hashlib.sha1(der).digest()).decode()},  # noqa: S324 - x5t is defined as SHA-1
                "keyvalue": {"type": "x509Certificate", "value": base64.b64encode(der).decode()},
            }
        ],
        "endpoints": [
            {
                "location": f"https://{host}{METADATA_PATH}",
                "protocol": "OAuth2",
                "usage": "metadata",
            }
        ],
    }


def _auth_certificate(*, expired: bool) -> x509.Certificate:
    """Self-signed, as New-ExchangeCertificate makes Exchange's auth certificate."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if expired:
        not_before, not_after = now - dt.timedelta(days=5 * 365), now - dt.timedelta(days=20)
    else:
        not_before, not_after = now - dt.timedelta(days=1), now + dt.timedelta(days=365)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, AUTH_CERT_NAME)])
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )


# -- handlers ------------------------------------------------------------------------------


def _exchange(s: IntScenario, inner: Handler) -> Handler:
    """Exchange's headers on `inner`'s answers: X-OWA-Version always, and the Bearer
    challenge beside Negotiate/NTLM when the organisation trusts a tenant."""

    def handler(request: LabRequest) -> LabResponse:
        response = inner(request)
        headers = list(response.headers)
        offers_ntlm = any(
            name.lower() == "www-authenticate" and value.strip() == "NTLM"
            for name, value in headers
        )
        if response.status == 401 and offers_ntlm and s.tenant is not None:
            headers.append(("WWW-Authenticate", exchange_bearer(s.tenant)))
        headers.append(("X-OWA-Version", s.owa_version))
        return replace(response, headers=tuple(headers))

    return handler


def _not_found(_: LabRequest) -> LabResponse:
    body = iis_error(
        404,
        "File or directory not found.",
        "The resource you are looking for "
        "might have been removed, had its name changed, or is temporarily unavailable.",
    )
    return LabResponse(404, body, content_type="text/html")


def _proxy_not_found(_: LabRequest) -> LabResponse:
    body = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"
    return LabResponse(404, body, content_type="text/html", server="nginx")


def _sharepoint_headers(build: str) -> tuple[tuple[str, str], ...]:
    guid = str(uuid.uuid4())
    return (
        ("SPRequestGuid", guid),
        ("request-id", guid),
        ("MicrosoftSharePointTeamServices", build),
        ("X-SharePointHealthScore", "0"),
        ("SPRequestDuration", "4"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-MS-InvokeApp", "1; RequireReadOnly"),
        ("X-Powered-By", "ASP.NET"),
    )


def _sharepoint_server(s: IntScenario) -> Handler:
    """SharePoint Server with a server-to-server trust: 401, NTLM and Bearer."""

    def handler(_: LabRequest) -> LabResponse:
        headers = (
            *_sharepoint_headers(SHAREPOINT_SERVER_BUILD),
            ("WWW-Authenticate", "NTLM"),
            ("WWW-Authenticate", sharepoint_server_bearer(s.realm)),
        )
        return LabResponse(401, b"401 UNAUTHORIZED", headers, "text/plain; charset=utf-8")

    return handler


def _sharepoint_online(tenant: str) -> Handler:
    """SharePoint Online: 401 with the tenant's Bearer realm (no NTLM)."""

    def handler(request: LabRequest) -> LabResponse:
        headers = (
            *_sharepoint_headers(SHAREPOINT_ONLINE_BUILD),
            ("WWW-Authenticate", sharepoint_online_bearer(tenant)),
            (
                "X-Forms_Based_Auth_Required",
                f"https://{request.host}/_forms/default.aspx?ReturnUrl=/_layouts/15/error.aspx",
            ),
            (
                "X-IDCRL_AUTH_PARAMS_V1",
                'IDCRL Type="BPOSIDCRL", EndPoint="/_vti_bin/idcrl.svc/", '
                'RootDomain="sharepoint.com", Policy="MBI"',
            ),
        )
        body = b'{"error_description":"Invalid JWT token. No token header."}'
        return LabResponse(401, body, headers, JSON)

    return handler


def _lyncdiscover(s: IntScenario) -> Handler:
    """Lync / Skype for Business autodiscover: where the web services are (UCWA form)."""
    d = s.domain()
    root = f"https://lyncweb.{d}/Autodiscover/AutodiscoverService.svc/root"
    links = {
        "self": {"href": f"{root}?originalDomain={d}"},
        "user": {"href": f"{root}/oauth/user?originalDomain={d}"},
        "xframe": {"href": f"https://lyncweb.{d}/Autodiscover/XFrame/XFrame.html"},
    }
    body = json.dumps({"_links": links}).encode()

    def handler(_: LabRequest) -> LabResponse:
        headers = (("X-Content-Type-Options", "nosniff"), ("X-MS-Server-Fqdn", f"fe01.{d}"))
        return LabResponse(200, body, headers, LYNC_JSON)

    return handler
