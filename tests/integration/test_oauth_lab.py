"""OAuth end to end against the lab: MSAL signs in at the lab identity provider (served
as login.microsoftonline.com), and Dovecot, SMTP submission and EWS check the token over
real protocol conversations. Every classic mistake comes back with its named cause."""

from __future__ import annotations

import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from oauth_support import (
    MAILBOX,
    app_sign_in,
    finding_keys,
    given_token,
    provider,
    run,
    user_sign_in,
)

from assistant.auth.credentials import OAuthCredential
from assistant.auth.oauth_config import Flow
from assistant.auth.prompt import BrowserPrompt, DeviceCodePrompt
from assistant.checks.registry import select, with_sign_in
from assistant.config import Target
from assistant.events import SignInPrompt
from assistant.facts import Cloud
from assistant.lab import identity as idp
from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.runner import Runner

pytestmark = pytest.mark.lab


@pytest.fixture
def lab_idp(lab: Lab) -> Iterator[Lab]:
    yield lab
    lab.identity.auto_approve = None


# -- device code, then every protocol with the token --------------------------------------


def test_device_code_sign_in_then_imap_pop_smtp_and_ews_with_the_token(lab_idp: Lab) -> None:
    lab = lab_idp
    attempts_before = len(lab.mail.submission.auth_attempts)
    result = run(lab, user_sign_in(), ["imap", "pop", "smtp", "ews"], approve_as=MAILBOX)

    [shown] = result.prompts
    assert isinstance(shown.prompt, DeviceCodePrompt)
    assert shown.prompt.verification_uri == "https://microsoft.com/devicelogin"
    assert shown.prompt.user_code in shown.prompt.text()
    for step_id in (
        "auth.token",
        "imap.login.xoauth2",
        "imap.inbox",
        "pop.login.xoauth2",
        "pop.stat",
        "smtp.auth.xoauth2",
        "ews.login",
        "ews.mailbox",
    ):
        assert result.step(step_id).status is Status.PASS, result.step(step_id).summary
    assert "(XOAUTH2)" in result.step("imap.login.xoauth2").summary
    assert "(OAuth)" in result.step("ews.login").summary
    assert "scopes: EWS.AccessAsUser.All IMAP.AccessAsUser.All" in result.step("auth.token").summary

    # The servers really checked a token: Dovecot's oauth2 passdb, aiosmtpd, EWS.
    attempts = lab.mail.submission.auth_attempts[attempts_before:]
    assert [(a.user, a.mechanism, a.accepted) for a in attempts] == [(MAILBOX, "XOAUTH2", True)]
    assert "method=XOAUTH2" in lab.mail.dovecot.log_text()
    ews = lab.ews["outlook.office365.com"].authorization_headers
    assert ews and ews[-1].startswith("Bearer ")
    # The run closed its exchangelib session: no token-bearing Protocol stays in
    # exchangelib's process-wide cache (OAuth credentials hash their token, so a lookup
    # by configuration alone used to miss it).
    from exchangelib.protocol import CachingProtocol

    assert not [k for k in CachingProtocol._protocol_cache if "outlook.office365.com" in k[0]]


def test_the_us_government_cloud_signs_in_at_its_own_service(lab_idp: Lab) -> None:
    lab = lab_idp
    before = len(lab.requests_seen)
    credential = user_sign_in(
        "admin@contoso-gov.test", cloud=Cloud.GCC_HIGH, domain=idp.GOV_DOMAIN, protocols=["imap"]
    )
    result = run(
        lab,
        credential,
        ["auth.token"],
        approve_as="admin@contoso-gov.test",
        email="admin@contoso-gov.test",
        cloud=Cloud.GCC_HIGH,
    )
    claims = result.step("auth.token.claims")
    assert claims.status is Status.PASS, claims.summary
    assert "for https://outlook.office365.us" in claims.summary
    hosts = {r.host for r in lab.requests_seen[before:]}
    assert hosts == {"login.microsoftonline.us"}


def test_a_browser_sign_in_comes_back_to_the_loopback_listener(lab_idp: Lab) -> None:
    lab = lab_idp
    posted: list[int] = []
    workers: list[threading.Thread] = []

    def browser(url: str) -> bool:
        """The person at the browser: signs in at the lab, whose page posts back."""

        def visit() -> None:
            redirect, form = lab.identity.approve_authorization(url, MAILBOX)
            data = urllib.parse.urlencode(form).encode()
            with urllib.request.urlopen(
                urllib.request.Request(redirect, data=data), timeout=5
            ) as r:
                posted.append(r.status)

        workers.append(threading.Thread(target=visit))
        workers[-1].start()
        return True

    credential = OAuthCredential(
        MAILBOX,
        provider=provider(
            Flow.BROWSER, protocols=["imap"], open_browser=browser, login_hint=MAILBOX
        ),
    )
    result = run(lab, credential, ["imap"])
    for worker in workers:
        worker.join(5)
    assert posted == [200]
    [shown] = result.prompts
    assert isinstance(shown.prompt, BrowserPrompt) and shown.prompt.opened
    assert "code_challenge=" in shown.prompt.url and "response_mode=form_post" in shown.prompt.url
    assert result.step("imap.login.xoauth2").status is Status.PASS


# -- app-only ------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["secret", "pfx", "pem"])
def test_client_credentials_open_a_mailbox_over_ews(lab: Lab, how: str) -> None:
    from assistant.auth.client_cert import load_client_certificate

    cert = lab.identity.daemon_certificate
    kw: dict[str, object] = {"client_id": idp.DAEMON_APP}
    if how == "secret":
        kw["client_secret"] = idp.DAEMON_SECRET
    elif how == "pfx":
        kw["certificate"] = load_client_certificate(cert.pfx_path, cert.password)
    else:
        kw["certificate"] = load_client_certificate(cert.pem_path)
    before = len(lab.credentials_seen)
    result = run(lab, app_sign_in(**kw), ["ews.login"])
    assert result.step("auth.token").status is Status.PASS, result.step("auth.token").summary
    assert "roles:" in result.step("auth.token.claims").summary
    assert result.step("ews.login").status is Status.PASS, result.step("ews.login").summary
    seen = [s for s in lab.credentials_seen[before:] if s.path == "/EWS/Exchange.asmx"]
    assert seen and all(s.auth_scheme == "Bearer" and s.matched for s in seen)
    assert {s.username for s in seen} == {MAILBOX}  # impersonation: X-AnchorMailbox


def test_an_app_without_permission_on_the_mailbox_is_named(lab: Lab) -> None:
    other = "alex.wilber@contoso.test"
    assert other not in idp.DAEMON_MAILBOXES
    credential = app_sign_in(other, client_id=idp.DAEMON_APP, client_secret=idp.DAEMON_SECRET)
    result = run(lab, credential, ["ews.login"], email=other)
    login = result.step("ews.login")
    assert login.status is Status.FAIL
    assert "not for this mailbox" in login.summary
    assert login.remedy is not None and "Add-MailboxPermission" in login.remedy.text


# -- the sign-in service's refusals ----------------------------------------------------------


@pytest.mark.parametrize(
    ("credential", "approve_as", "key", "code"),
    [
        (
            lambda: app_sign_in(client_id=idp.DAEMON_APP, client_secret=idp.DAEMON_SECRET_ID),
            None,
            "secret_id",
            "AADSTS7000215",
        ),
        (
            lambda: app_sign_in(client_id=idp.DAEMON_APP, client_secret="Lab8Q~wrong-value-123"),
            None,
            "secret_invalid",
            "AADSTS7000215",
        ),
        (
            lambda: app_sign_in(client_id=idp.FOREIGN_APP, client_secret=idp.DAEMON_SECRET),
            None,
            "app_not_found",
            "AADSTS700016",
        ),
        (
            lambda: app_sign_in(client_id=idp.ORPHAN_APP, client_secret=idp.DAEMON_SECRET),
            None,
            "no_service_principal",
            "AADSTS7000229",
        ),
        (
            lambda: app_sign_in(
                client_id=idp.DAEMON_APP, client_secret=idp.DAEMON_SECRET, tenant="nowhere.test"
            ),
            None,
            "tenant_not_found",
            "AADSTS90002",
        ),
        (
            lambda: user_sign_in(client_id=idp.NO_CONSENT_APP),
            MAILBOX,
            "consent_missing",
            "AADSTS65001",
        ),
        (user_sign_in, "admin@northwind.test", "user_wrong_tenant", "AADSTS50020"),
        (
            lambda: user_sign_in(client_id=idp.NO_PUBLIC_APP),
            MAILBOX,
            "public_client_disabled",
            "AADSTS7000218",
        ),
        (
            lambda: user_sign_in(tenant=idp.GOV_DOMAIN),
            "admin@contoso-gov.test",
            "wrong_cloud",
            "AADSTS90038",
        ),
    ],
    ids=[
        "secret-id",
        "bad-secret",
        "app-not-found",
        "no-service-principal",
        "tenant-not-found",
        "no-consent",
        "user-of-another-tenant",
        "public-flows-off",
        "tenant-in-another-cloud",
    ],
)
def test_sign_in_refusals_get_their_named_cause(
    lab: Lab, credential: object, approve_as: str | None, key: str, code: str
) -> None:
    signing_in = credential()  # type: ignore[operator]
    result = run(lab, signing_in, ["auth.token"], approve_as=approve_as)
    sign_in = result.step("auth.token.sign_in")
    assert sign_in.status is Status.FAIL
    assert finding_keys(sign_in) == [key]
    assert code in sign_in.summary
    assert sign_in.remedy is not None and sign_in.remedy.text
    assert result.step("auth.token").status is Status.FAIL


def test_a_refused_sign_in_is_reported_once_and_the_logins_say_so(lab: Lab) -> None:
    result = run(
        lab, user_sign_in(client_id=idp.NO_CONSENT_APP), ["imap", "smtp"], approve_as=MAILBOX
    )
    assert len(result.prompts) == 1  # no second device code for the later checks
    for step_id in ("imap.login.xoauth2", "smtp.auth.xoauth2"):
        step = result.step(step_id)
        assert step.status is Status.FAIL and "AADSTS65001" in step.summary


# -- the token's own mistakes (a token the user brings) -------------------------------------------


def test_a_graph_token_is_named_and_refused_by_dovecot(lab: Lab) -> None:
    token = lab.identity.mint_user_token(resource="https://graph.microsoft.com")
    result = run(lab, given_token(token, ["imap"]), ["imap"])
    assert finding_keys(result.step("auth.token.claims")) == ["graph_audience"]
    assert result.step("imap.login.xoauth2").status is Status.FAIL


def test_a_missing_scope_is_named_and_pop_refuses_the_token(lab: Lab) -> None:
    token = lab.identity.mint_user_token(scopes=("IMAP.AccessAsUser.All",))
    result = run(lab, given_token(token, ["imap", "pop"]), ["imap", "pop"])
    claims = result.step("auth.token.claims")
    assert finding_keys(claims) == ["missing_scope"] and "POP.AccessAsUser.All" in claims.summary
    assert result.step("imap.login.xoauth2").status is Status.PASS
    assert result.step("pop.login.xoauth2").status is Status.FAIL


def test_an_expired_token_is_named_and_ews_says_why_it_refused(lab: Lab) -> None:
    token = lab.identity.mint_user_token(
        scopes=("EWS.AccessAsUser.All",), issued_at=time.time() - 7200, lifetime=3600
    )
    result = run(lab, given_token(token, ["ews"]), ["ews.login"])
    assert finding_keys(result.step("auth.token.claims")) == ["expired"]
    login = result.step("ews.login")
    assert login.status is Status.FAIL and "expired" in login.summary


def test_a_token_of_another_tenant_is_named(lab: Lab) -> None:
    token = lab.identity.mint_user_token(tenant_id=idp.NORTHWIND_TENANT)
    result = run(lab, given_token(token, ["imap"]), ["imap"])
    assert "wrong_tenant" in finding_keys(result.step("auth.token.claims"))
    assert idp.CONTOSO_TENANT in result.step("auth.token.tenant").summary
    assert result.step("imap.login.xoauth2").status is Status.FAIL


# -- cancel ----------------------------------------------------------------------------------


def test_cancel_during_the_device_code_wait_returns_at_once(lab: Lab) -> None:
    runner = Runner(Target.parse(MAILBOX), lab.network_options(), credentials=user_sign_in())
    shown = threading.Event()
    steps: list[object] = []

    def on_event(event: object) -> None:
        if isinstance(event, SignInPrompt):
            shown.set()

    worker = threading.Thread(
        target=lambda: steps.extend(runner.run(with_sign_in(select(["imap"])), on_event))
    )
    worker.start()
    assert shown.wait(10)
    time.sleep(0.3)  # into the polling wait
    started = time.monotonic()
    runner.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert time.monotonic() - started < 0.5
    assert {s.status for s in steps} == {Status.CANCELLED}  # type: ignore[attr-defined]
