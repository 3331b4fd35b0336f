"""The ews.* checks through the real Runner against lab EWS servers on loopback.

Three TLS servers share nothing but the lab CA: one with good certificates, one whose
certificates have expired, one whose certificate is for another name. Each test routes
fresh EwsService handlers onto them, so what a handler saw (every Authorization header)
belongs to that test alone. Host names reach the servers through --connect-to rules,
exactly as a user would aim at one front end.

On-premises targets have no default EWS URL, so those tests put a stand-in
`autodiscover.result` step in the run: ews.endpoint runs after it (ordering-only
`after`) and reads the URL from its settings evidence, as it will read the real one.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from exchangelib.protocol import CachingProtocol

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK, DiscoveredSettings
from assistant.checks.registry import select
from assistant.config import ConnectTo, HostPort, NetworkOptions, Target
from assistant.facts import EWS_PHASED_DISABLEMENT, EWS_SHUTDOWN, Cloud
from assistant.lab.ews_service import (
    EWS_PATH,
    LAB_PASSWORD,
    MAILBOXES,
    EwsService,
    EwsStyle,
    LabMailbox,
)
from assistant.lab.faulty_tcp import Behaviour, FaultSpec, FaultyTcpServer
from assistant.lab.https_server import LabHttpsServer, LabRequest, LabResponse
from assistant.lab.pki import CertVariant, LabPKI
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, dumps
from assistant.runner import Runner
from assistant.settings_names import cli_flags

CLOUD_HOST = "outlook.office365.com"
ONPREM_HOST = "mail.fabrikam.test"
FOREIGN_HOST = "ews.foreign-hosting.example"
HOSTS = (CLOUD_HOST, ONPREM_HOST, FOREIGN_HOST)
ONPREM_URL = f"https://{ONPREM_HOST}/EWS/Exchange.asmx"
FOREIGN_URL = f"https://{FOREIGN_HOST}/EWS/Exchange.asmx"

pytestmark = pytest.mark.lab


@dataclass
class EwsLab:
    pki: LabPKI
    servers: dict[str, LabHttpsServer]  # "good", "expired", "wrong_name"

    def serve(self, server: str, host: str, service: EwsService) -> EwsService:
        self.servers[server].route(host, EWS_PATH, service)
        return service

    def options(self, server: str = "good", **extra: object) -> NetworkOptions:
        port = self.servers[server].port
        rules = tuple(ConnectTo(HostPort(host, 443), HostPort("127.0.0.1", port)) for host in HOSTS)
        settings: dict[str, object] = {"timeout": 2.0, "check_deadline": 15.0}
        settings.update(extra)
        return NetworkOptions(
            connect_to=rules,
            ca_bundle=str(self.pki.ca_pem_path),
            **settings,  # type: ignore[arg-type]
        )


@pytest.fixture(scope="module")
def ews_lab() -> Iterator[EwsLab]:
    pki = LabPKI()
    servers = {
        "good": LabHttpsServer(pki.server_context(HOSTS), label="ews-good"),
        "expired": LabHttpsServer(
            pki.server_context(HOSTS, CertVariant.EXPIRED), label="ews-expired"
        ),
        "wrong_name": LabHttpsServer(
            pki.server_context(HOSTS, CertVariant.WRONG_NAME), label="ews-wrong-name"
        ),
    }
    for server in servers.values():
        server.start()
    try:
        yield EwsLab(pki, servers)
    finally:
        for server in servers.values():
            server.stop()
        pki.cleanup()


def stand_in_autodiscover(ews_url: str) -> Check:
    """An `autodiscover.result` whose settings name `ews_url`."""

    def run(ctx: Context) -> Step:
        settings = DiscoveredSettings(source="test stand-in", ews_url=ews_url)
        return Step(
            RESULT_CHECK, "Outlook autodiscover", Status.PASS, evidence=[settings.to_evidence()]
        )

    return Check(RESULT_CHECK, "Outlook autodiscover (stand-in)", run)


def run_ews(
    options: NetworkOptions,
    address: str,
    *,
    cloud: Cloud = Cloud.WORLDWIDE,
    password: str | None = LAB_PASSWORD,
    ews_url: str | None = None,
    consent: bool = False,
) -> dict[str, Step]:
    target = Target.parse(address, cloud)
    credentials = None if password is None else PasswordCredential(address, password)
    checks = select(["ews"])
    if ews_url is not None:
        checks.append(stand_in_autodiscover(ews_url))
    runner = Runner(target, options, credentials=credentials, consent=lambda h, w: consent)
    return {s.id: s for s in runner.run(checks)}


def all_text(steps: dict[str, Step]) -> str:
    parts = []
    for top in steps.values():
        for step in top.walk():
            parts += [step.id, step.title, step.summary, step.details]
            if step.remedy is not None:
                parts += [step.remedy.text, step.remedy.link or ""]
            parts += [json.dumps(e.to_dict(), ensure_ascii=False) for e in step.evidence]
    return "\n".join(parts)


# -- ews.endpoint ---------------------------------------------------------------------


def test_cloud_endpoint_offers_basic_and_bearer(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    steps = run_ews(ews_lab.options(), "admin@contoso.test", password=None)
    endpoint = steps["ews.endpoint"]
    assert endpoint.status is Status.PASS, endpoint.summary
    assert "Basic, Bearer" in endpoint.summary
    assert "login.microsoftonline.com" in endpoint.details  # the Bearer authority
    http = next(e for e in endpoint.evidence if e.kind == "http")
    assert http.data["status"] == 401
    assert {"request-id", "x-feserver", "x-beserver", "x-diaginfo"} <= set(http.data["correlation"])
    tls = next(e for e in endpoint.evidence if e.kind == "tls")
    assert tls.data["verified"] is True


def test_onprem_endpoint_offers_negotiate_ntlm_basic(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", ONPREM_HOST, EwsService(EwsStyle.ONPREM, host=ONPREM_HOST))
    steps = run_ews(
        ews_lab.options(), "admin@fabrikam.test", cloud=Cloud.ONPREM, ews_url=ONPREM_URL
    )
    endpoint = steps["ews.endpoint"]
    assert endpoint.status is Status.PASS, endpoint.summary
    assert "Negotiate, NTLM, Basic" in endpoint.summary
    assert "test stand-in" in endpoint.details


def test_a_silent_ews_host_is_not_told_to_open_its_port(ews_lab: EwsLab) -> None:
    """It took the TCP connection and never answered (issue 16): the port is open, so the
    remedy is about what holds the connection, on both the endpoint and the login."""
    server = FaultyTcpServer().start()
    try:
        port = server.add(FaultSpec(Behaviour.SILENT))
        options = ews_lab.options(timeout=0.5)
        silent = ConnectTo(HostPort(ONPREM_HOST, 443), HostPort("127.0.0.1", port))
        options = replace(options, connect_to=(silent, *options.connect_to))
        steps = run_ews(options, "admin@fabrikam.test", cloud=Cloud.ONPREM, ews_url=ONPREM_URL)
    finally:
        server.stop()
    for step_id in ("ews.endpoint", "ews.login"):
        step = steps[step_id]
        assert step.status is Status.FAIL, (step_id, step.summary)
        assert step.remedy is not None, step_id
        assert "accepted the TCP connection but never answered" in step.remedy.text
        assert f"{ONPREM_HOST}:443" in step.remedy.text
        assert "TCP 443 to it is open" not in step.remedy.text
        assert "Install a certificate" not in step.remedy.text


def test_onprem_without_autodiscover_has_no_url_to_test(ews_lab: EwsLab) -> None:
    steps = run_ews(ews_lab.options(), "admin@fabrikam.test", cloud=Cloud.ONPREM)
    assert steps["ews.endpoint"].status is Status.SKIP
    assert "no EWS URL" in steps["ews.endpoint"].summary
    assert steps["ews.login"].status is Status.SKIP


def test_wrong_url_is_a_404_with_a_remedy(ews_lab: EwsLab) -> None:
    steps = run_ews(
        ews_lab.options(),
        "admin@fabrikam.test",
        cloud=Cloud.ONPREM,
        ews_url=f"https://{ONPREM_HOST}/EWS/Exchange.asmx.bak",
    )
    endpoint = steps["ews.endpoint"]
    assert endpoint.status is Status.FAIL
    assert "404" in endpoint.summary
    assert endpoint.remedy is not None and "Get-WebServicesVirtualDirectory" in endpoint.remedy.text
    assert steps["ews.login"].status is Status.SKIP
    assert "no credentials were sent" in steps["ews.login"].summary


# -- ews.login ------------------------------------------------------------------------


def test_cloud_login_reads_folders_and_server_version(ews_lab: EwsLab) -> None:
    service = ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    steps = run_ews(ews_lab.options(), "admin@contoso.test")
    login = steps["ews.login"]
    assert login.status is Status.PASS, login.summary
    assert "Exchange Online (15.20.8398.13)" in login.summary
    assert login.find("ews.login.folders") is not None
    assert "42 items" in login.find("ews.login.folders").summary  # type: ignore[union-attr]
    assert service.operations[:3] == ("ConvertId", "GetFolder", "GetFolder")
    assert all(h.startswith("Basic ") for h in service.authorization_headers)
    # The run closed its exchangelib session: nothing left in exchangelib's process cache.
    assert not [key for key in CachingProtocol._protocol_cache if CLOUD_HOST in key[0]]


def test_onprem_login_names_exchange_2019(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", ONPREM_HOST, EwsService(EwsStyle.ONPREM, host=ONPREM_HOST))
    steps = run_ews(
        ews_lab.options(), "admin@fabrikam.test", cloud=Cloud.ONPREM, ews_url=ONPREM_URL
    )
    assert steps["ews.login"].status is Status.PASS, steps["ews.login"].summary
    assert "Exchange Server 2019" in steps["ews.login"].summary
    assert steps["ews.mailbox"].status is Status.PASS, steps["ews.mailbox"].summary


def test_wrong_password_fails_with_a_remedy(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    steps = run_ews(ews_lab.options(), "admin@contoso.test", password="not-the-password")
    login = steps["ews.login"]
    assert login.status is Status.FAIL
    assert "refused the user name or password (HTTP 401)" in login.summary
    assert login.remedy is not None
    assert "Basic authentication" in login.remedy.text and "OAuth" in login.remedy.text
    assert steps["ews.mailbox"].status is Status.SKIP


def test_no_credentials_skips_login_and_mailbox(ews_lab: EwsLab) -> None:
    service = ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    steps = run_ews(ews_lab.options(), "admin@contoso.test", password=None)
    for check_id in ("ews.login", "ews.mailbox"):
        assert steps[check_id].status is Status.SKIP
        assert "no credentials for this run" in steps[check_id].summary
    assert service.authorization_headers == ()


def test_ews_disabled_for_the_mailbox_names_ews_enabled(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    steps = run_ews(ews_lab.options(), "noews@contoso.test")
    login = steps["ews.login"]
    assert login.status is Status.FAIL
    assert "EWS is blocked for this mailbox or app" in login.summary
    assert "403" in login.summary
    assert login.remedy is not None
    assert "Set-CASMailbox" in login.remedy.text and "-EwsEnabled $true" in login.remedy.text
    assert "EWSAllowedAppIDs" in login.remedy.text
    http = [e for e in login.evidence if e.kind == "http"]
    assert http and http[-1].data["status"] == 403 and "request-id" in http[-1].data["correlation"]


def test_access_policy_block_is_reported_like_ews_disabled(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    login = run_ews(ews_lab.options(), "blocked@contoso.test")["ews.login"]
    assert login.status is Status.FAIL
    assert "ErrorAccessDenied" in login.summary
    assert login.remedy is not None and "EwsApplicationAccessPolicy" in login.remedy.text


def test_busy_server_reports_the_back_off(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD, busy_back_off_ms=297749))
    login = run_ews(ews_lab.options(), "admin@contoso.test")["ews.login"]
    assert login.status is Status.FAIL
    assert "ErrorServerBusy" in login.summary and "297.749 s" in login.summary
    assert login.remedy is not None and "throttling" in login.remedy.text


@pytest.mark.parametrize(
    ("server", "words"),
    [
        ("expired", "has expired"),
        ("wrong_name", "certificate is for wrong.example.net, not outlook.office365.com"),
    ],
)
def test_bad_certificate_sends_no_credentials(ews_lab: EwsLab, server: str, words: str) -> None:
    service = ews_lab.serve(server, CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    steps = run_ews(ews_lab.options(server), "admin@contoso.test")
    assert steps["ews.endpoint"].status is Status.FAIL
    assert words in steps["ews.endpoint"].summary
    login = steps["ews.login"]
    assert login.status is Status.FAIL
    assert words in login.summary and "no credentials were sent" in login.summary
    assert login.remedy is not None and "certificate" in login.remedy.text
    assert any(e.kind == "tls" and e.data["verified"] is False for e in login.evidence)
    assert service.authorization_headers == ()
    assert service.operations == ()


def test_foreign_ews_host_gets_nothing_unless_trusted(ews_lab: EwsLab) -> None:
    service = ews_lab.serve("good", FOREIGN_HOST, EwsService(EwsStyle.ONPREM, host=FOREIGN_HOST))
    steps = run_ews(ews_lab.options(), "admin@contoso.test", ews_url=FOREIGN_URL)
    assert steps["ews.endpoint"].status is Status.PASS  # anonymous: no credentials in it
    login = steps["ews.login"]
    assert login.status is Status.SKIP
    assert "outside contoso.test" in login.summary and "no credentials were sent" in login.summary
    assert login.remedy is not None and FOREIGN_HOST in login.remedy.text
    assert "the hosts trusted for this run" in login.remedy.text  # the engine: no CLI flag
    assert "(--trust-host)" in cli_flags(login.remedy.text)
    assert service.authorization_headers == ()


def test_foreign_ews_host_trusted_for_the_run_gets_the_sign_in(ews_lab: EwsLab) -> None:
    service = ews_lab.serve("good", FOREIGN_HOST, EwsService(EwsStyle.ONPREM, host=FOREIGN_HOST))
    options = ews_lab.options(trusted_hosts=frozenset({FOREIGN_HOST}))
    steps = run_ews(options, "admin@contoso.test", ews_url=FOREIGN_URL)
    assert steps["ews.login"].status is Status.PASS, steps["ews.login"].summary
    assert service.authorization_headers


def test_foreign_ews_host_confirmed_in_the_consent_dialog(ews_lab: EwsLab) -> None:
    service = ews_lab.serve("good", FOREIGN_HOST, EwsService(EwsStyle.ONPREM, host=FOREIGN_HOST))
    steps = run_ews(ews_lab.options(), "admin@contoso.test", ews_url=FOREIGN_URL, consent=True)
    assert steps["ews.login"].status is Status.PASS, steps["ews.login"].summary
    assert service.authorization_headers


def test_redirect_after_sign_in_is_not_followed(ews_lab: EwsLab) -> None:
    """A server that answers the signed-in request with a 302 elsewhere: exchangelib
    does not follow it, the route would refuse it, and the target sees nothing."""
    cloud = EwsService(EwsStyle.CLOUD)
    elsewhere = ews_lab.serve("good", FOREIGN_HOST, EwsService(EwsStyle.CLOUD))

    def redirecting(request: LabRequest) -> LabResponse:
        if request.header("authorization") is None:
            return cloud(request)
        return LabResponse(302, b"", (("Location", FOREIGN_URL),), "text/html")

    ews_lab.servers["good"].route(CLOUD_HOST, EWS_PATH, redirecting)
    login = run_ews(ews_lab.options(), "admin@contoso.test")["ews.login"]
    assert login.status is Status.FAIL
    assert f"redirected the EWS request to {FOREIGN_URL}" in login.summary
    assert "not followed" in login.summary
    assert elsewhere.authorization_headers == ()


@pytest.mark.parametrize(("status", "words"), [(503, "server error: HTTP 503"), (500, "HTTP 500")])
def test_server_errors_fail_the_endpoint(ews_lab: EwsLab, status: int, words: str) -> None:
    def broken(request: LabRequest) -> LabResponse:
        return LabResponse(status, b"Service Unavailable", (("request-id", "f00d"),))

    ews_lab.servers["good"].route(CLOUD_HOST, EWS_PATH, broken)
    steps = run_ews(ews_lab.options(), "admin@contoso.test")
    endpoint = steps["ews.endpoint"]
    assert endpoint.status is Status.FAIL
    assert words in endpoint.summary
    assert endpoint.remedy is not None and "request-id" in endpoint.remedy.text
    assert steps["ews.login"].status is Status.SKIP


# -- ews.mailbox ----------------------------------------------------------------------


def test_mailbox_resolves_counts_and_reads_oof_and_free_busy(ews_lab: EwsLab) -> None:
    service = ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    mailbox = run_ews(ews_lab.options(), "adele.vance@contoso.test")["ews.mailbox"]
    assert mailbox.status is Status.PASS, mailbox.summary
    children = {c.id: c for c in mailbox.children}
    assert "resolves to Adele Vance <adele.vance@contoso.test> (Mailbox)" in (
        children["ews.mailbox.resolve"].summary
    )
    assert children["ews.mailbox.inbox"].summary == "7 items, 0 unread"
    assert "automatic replies are enabled" in children["ews.mailbox.oof"].summary
    assert "offsite" in children["ews.mailbox.oof"].details
    assert "1 busy period(s)" in children["ews.mailbox.freebusy"].summary
    assert "3333" in children["ews.mailbox.freebusy"].details  # OOF all day
    assert {"ResolveNames", "GetUserOofSettingsRequest", "GetUserAvailabilityRequest"} <= set(
        service.operations
    )


def test_mailbox_counts_for_the_admin(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    mailbox = run_ews(ews_lab.options(), "admin@contoso.test")["ews.mailbox"]
    assert mailbox.status is Status.PASS, mailbox.summary
    assert "42 items, 3 unread" in mailbox.summary
    assert "2 busy period(s)" in mailbox.find("ews.mailbox.freebusy").summary  # type: ignore[union-attr]
    assert "automatic replies are disabled" in mailbox.find("ews.mailbox.oof").summary  # type: ignore[union-attr]


# -- ews.retirement -------------------------------------------------------------------


def test_retirement_is_information_for_the_cloud_only(ews_lab: EwsLab) -> None:
    ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD))
    cloud = run_ews(ews_lab.options(), "admin@contoso.test", password=None)["ews.retirement"]
    assert cloud.status is Status.INFO
    assert EWS_PHASED_DISABLEMENT in cloud.summary and EWS_SHUTDOWN in cloud.summary
    assert "Microsoft Graph" in cloud.summary
    assert cloud.remedy is not None and "EWSAllowedAppIDs" in cloud.remedy.text
    onprem = run_ews(ews_lab.options(), "admin@fabrikam.test", cloud=Cloud.ONPREM)
    assert onprem["ews.retirement"].status is Status.SKIP


# -- secrets --------------------------------------------------------------------------


@pytest.mark.parametrize("signs_in", [True, False])
def test_canary_password_never_reaches_a_step_or_the_report(
    ews_lab: EwsLab, signs_in: bool
) -> None:
    canary = f"Canary-{uuid.uuid4().hex}"
    address = "canary@contoso.test"
    boxes = (*MAILBOXES, LabMailbox(address, "Canary User", password=canary, inbox_total=1))
    service = ews_lab.serve("good", CLOUD_HOST, EwsService(EwsStyle.CLOUD, mailboxes=boxes))
    password = canary if signs_in else canary[::-1]
    options = ews_lab.options()
    target = Target.parse(address)
    credentials = PasswordCredential(address, password)
    redactor = Redactor()
    steps = Runner(target, options, redactor=redactor, credentials=credentials).run(select(["ews"]))
    by_id = {s.id: s for s in steps}
    expected = Status.PASS if signs_in else Status.FAIL
    assert by_id["ews.login"].status is expected, by_id["ews.login"].summary
    if signs_in:
        assert by_id["ews.mailbox"].status is Status.PASS, by_id["ews.mailbox"].summary
    assert service.authorization_headers  # the password really was used on the wire
    forms = {password, base64.b64encode(f"{address}:{password}".encode()).decode()}
    text = all_text(by_id)
    raw_report = json.dumps(build_report(target, options, steps).to_dict(), ensure_ascii=False)
    report = dumps(build_report(target, options, steps), redactor)
    for form in forms:
        assert form not in text
        assert form not in raw_report
        assert form not in report
