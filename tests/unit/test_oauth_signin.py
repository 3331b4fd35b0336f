"""The OAuth sign-in without a network: AADSTS codes in plain language, scopes per cloud,
configuration checks, client certificates, the token cache's refusal to use a plain
file, OAuthCredential's bookkeeping, and what a server's refusal of a token means."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from assistant.auth.aadsts import error_codes, explain, looks_like_secret_id
from assistant.auth.client_cert import load_client_certificate
from assistant.auth.credentials import AccessToken, OAuthCredential, PasswordCredential
from assistant.auth.finding import Finding
from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.auth.oauth_credential import SignInFailed, TokenRequest
from assistant.auth.scopes import (
    app_scopes,
    cloud_of_audience,
    delegated_scopes,
    exchange_audiences,
)
from assistant.auth.token_cache import NO_PROTECTED_STORAGE, protected_cache
from assistant.cancel import Cancelled, CancelToken, Deadline
from assistant.checks.oauth_common import bearer_refusal
from assistant.checks.registry import oauth_protocols
from assistant.config import InputError, NetworkOptions
from assistant.facts import ENVIRONMENTS, Cloud
from assistant.model import Status
from assistant.net.network import Network
from assistant.net.redact import Redactor
from assistant.net.resolver import Resolver
from assistant.net.routed_session import routed_session
from assistant.settings_names import cli_flags

CLIENT = "0c3e2a1b-4d5f-4e6a-8b7c-9d0e1f2a3b4c"
SECRET_VALUE = "abC8Q~Fake.Secret-Value_0123456789xyzABCD"  # a value's shape, not a GUID
SECRET_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"


# -- AADSTS codes -------------------------------------------------------------------------


def _error(code: int, error: str = "invalid_client") -> dict[str, object]:
    return {
        "error": error,
        "error_description": f"AADSTS{code}: something went wrong.\r\nTrace ID: x",
        "error_codes": [code],
    }


@pytest.mark.parametrize(
    ("code", "key"),
    [
        (7000215, "secret_invalid"),
        (7000222, "secret_expired"),
        (700016, "app_not_found"),
        (7000229, "no_service_principal"),
        (65001, "consent_missing"),
        (50020, "user_wrong_tenant"),
        (90002, "tenant_not_found"),
        (90038, "wrong_cloud"),
        (7000218, "public_client_disabled"),
        (700027, "certificate_not_registered"),
        (500011, "resource_not_in_tenant"),
        (50011, "redirect_uri"),
        (53003, "conditional_access"),
        (12345678, "sign_in_failed"),
    ],
)
def test_aadsts_codes_are_named(code: int, key: str) -> None:
    finding = explain(_error(code))
    assert finding.key == key
    assert finding.status is Status.FAIL
    assert finding.fix


def test_a_secret_id_pasted_as_the_secret_is_named_as_such() -> None:
    assert explain(_error(7000215), client_secret=SECRET_ID).key == "secret_id"
    assert explain(_error(7000215), client_secret=SECRET_VALUE).key == "secret_invalid"
    assert looks_like_secret_id(SECRET_ID) and not looks_like_secret_id(SECRET_VALUE)


def test_codes_come_from_the_list_or_the_description() -> None:
    assert error_codes({"error_description": "AADSTS50020: user ... AADSTS50020"}) == [50020]
    assert error_codes({"error_codes": [65001, True, "x"]}) == [65001]


@pytest.mark.parametrize(
    ("error", "key"),
    [("authorization_declined", "declined"), ("expired_token", "code_expired")],
)
def test_device_code_endings_without_a_code(error: str, key: str) -> None:
    assert explain({"error": error}).key == key


# -- scopes and clouds ----------------------------------------------------------------------


def test_scopes_carry_the_outlook_resource_of_the_cloud() -> None:
    world, gov, china = (ENVIRONMENTS[c] for c in (Cloud.WORLDWIDE, Cloud.GCC_HIGH, Cloud.CHINA))
    assert delegated_scopes(world, ["imap", "smtp"]) == [
        "https://outlook.office.com/IMAP.AccessAsUser.All",
        "https://outlook.office.com/SMTP.Send",
    ]
    assert delegated_scopes(gov, ["pop"]) == ["https://outlook.office365.us/POP.AccessAsUser.All"]
    assert delegated_scopes(china, ["ews"]) == ["https://partner.outlook.cn/EWS.AccessAsUser.All"]
    assert app_scopes(world) == ["https://outlook.office365.com/.default"]
    # DoD's Exchange Online is its own resource (facts.EXCHANGE_RESOURCES), not GCC High's.
    assert app_scopes(ENVIRONMENTS[Cloud.DOD]) == ["https://outlook-dod.office365.us/.default"]
    assert cloud_of_audience("https://outlook-dod.office365.us") is Cloud.DOD
    assert "https://outlook.office365.us" in exchange_audiences(ENVIRONMENTS[Cloud.DOD])
    assert cloud_of_audience("https://partner.outlook.cn/") is Cloud.CHINA
    assert cloud_of_audience("https://graph.microsoft.com") is None


def test_the_run_asks_for_what_its_checks_need() -> None:
    # Each check says which protocol's permission its sign-in needs (Check.oauth_protocol).
    assert oauth_protocols(["imap.login", "dns.mx"]) == ["imap"]
    assert oauth_protocols(["autodiscover.result", "smtp.auth"]) == ["smtp", "ews"]
    assert oauth_protocols(["mapi.endpoint", "pop.login"]) == ["pop", "ews"]
    assert oauth_protocols(["ews.login", "ews.mailbox"]) == ["ews"]


# -- configuration ------------------------------------------------------------------------------


def build(flow: Flow | str = Flow.DEVICE, **kw: Any) -> OAuthConfig:
    values: dict[str, Any] = {
        "client_id": CLIENT,
        "cloud": Cloud.WORLDWIDE,
        "tenant": None,
        "domain": "contoso.test",
        "protocols": ["imap"],
    }
    values.update(kw)
    return OAuthConfig.build(flow, **values)


def test_config_defaults_and_authority_per_cloud() -> None:
    config = build()
    assert config.authority == "https://login.microsoftonline.com/contoso.test"
    assert config.scopes == ("https://outlook.office.com/IMAP.AccessAsUser.All",)
    gov = build(cloud=Cloud.GCC_HIGH, tenant="5F1C6A0E-7D2B-4C8E-9A31-C0A7E57C0DE1")
    assert gov.authority == (
        "https://login.microsoftonline.us/5f1c6a0e-7d2b-4c8e-9a31-c0a7e57c0de1"
    )
    china = build(cloud=Cloud.CHINA)
    assert china.login_host == "login.partner.microsoftonline.cn"
    app = build(Flow.APP, client_secret=SECRET_VALUE, tenant="contoso.test")
    assert app.scopes == ("https://outlook.office365.com/.default",)
    assert SECRET_VALUE not in repr(app) and app.secrets() == [SECRET_VALUE]


@pytest.mark.parametrize(
    ("flow", "kw", "message"),
    [
        ("oauth-magic", {}, "unknown sign-in"),
        (Flow.DEVICE, {"client_id": "my-app"}, "Application \\(client\\) ID"),
        (Flow.DEVICE, {"cloud": Cloud.ONPREM}, "Microsoft 365 clouds"),
        (Flow.DEVICE, {"client_secret": SECRET_VALUE}, "only for app-only sign-in"),
        (Flow.APP, {}, "either the client secret"),
        (Flow.APP, {"client_secret": SECRET_VALUE, "domain": None}, "needs a tenant"),
        (Flow.DEVICE, {"tenant": "not a tenant!"}, "is not a tenant: give the tenant"),
    ],
)
def test_config_refuses_unusable_input(flow: Flow | str, kw: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        build(flow, **kw)


# -- client certificates ------------------------------------------------------------------------


def _certificate(tmp_path: Path) -> tuple[Path, Path, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Daemon")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    password = "pfx-pass"
    pfx = tmp_path / "app.pfx"
    pfx.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"app", key, cert, None, serialization.BestAvailableEncryption(password.encode())
        )
    )
    pem = tmp_path / "app.pem"
    pem.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pfx, pem, password


def test_certificates_load_from_pfx_and_pem(tmp_path: Path) -> None:
    pfx, pem, password = _certificate(tmp_path)
    from_pfx = load_client_certificate(pfx, password)
    from_pem = load_client_certificate(pem)
    assert from_pfx.thumbprint_sha1 == from_pem.thumbprint_sha1
    assert from_pfx.subject == "CN=Test Daemon"
    assert "PRIVATE KEY" not in repr(from_pfx)
    assert set(from_pfx.msal_credential()) == {"private_key", "public_certificate"}
    with pytest.raises(InputError, match="password is wrong"):
        load_client_certificate(pfx, "wrong")
    with pytest.raises(InputError, match="No such file"):
        load_client_certificate(tmp_path / "missing.pfx")


def test_certificate_problems_name_the_input_they_are_about(tmp_path: Path) -> None:
    """The wizard shows each problem beside its field: the file's, or the password's."""
    pfx, _pem, _password = _certificate(tmp_path)
    garbage = tmp_path / "notes.pem"
    garbage.write_text("-----BEGIN NOTHING-----\n", encoding="ascii")
    for path, secret, about in (
        (tmp_path / "missing.pfx", None, "certificate"),
        (garbage, None, "certificate"),
        (pfx, "wrong", "certificate_password"),
    ):
        with pytest.raises(InputError) as raised:
            load_client_certificate(path, secret)
        assert raised.value.about == about, raised.value
        assert str(path) in str(raised.value)
        assert getattr(raised.value.message, "template", "").startswith("{setting} {path}")
        assert str(cli_flags(raised.value.message)).startswith(
            f"the client certificate file (--client-cert) {path}"
        )


# -- what the CLI and the wizard share ------------------------------------------------------


def test_the_shared_builder_makes_the_clis_and_the_wizards_credential(tmp_path: Path) -> None:
    from assistant.auth.oauth_sign_in import (
        oauth_config,
        oauth_credential,
        oauth_mailbox,
    )
    from assistant.config import Target

    target = Target.parse("admin@contoso.test")
    assert oauth_protocols(["auth.token"]) == ["imap", "pop", "smtp", "ews"]
    assert oauth_protocols(["auth.token", "imap.login"]) == ["imap"]
    assert oauth_mailbox(None, " ", "admin@contoso.test") == "admin@contoso.test"
    with pytest.raises(InputError, match="OAuth needs a mailbox") as raised:
        oauth_mailbox("nobody", "admin@contoso.test")
    assert raised.value.about == "mailbox"

    browser = oauth_config(
        Flow.BROWSER, client_id=CLIENT, target=target, mailbox=target.email, protocols=["ews"]
    )
    assert browser.tenant == "contoso.test" and browser.login_hint == "admin@contoso.test"
    credential = oauth_credential(browser, "admin@contoso.test", open_browser=lambda url: False)
    assert credential.provider is not None and credential.protocols == ("ews",)

    pfx, _pem, password = _certificate(tmp_path)
    app = oauth_config(
        Flow.APP,
        client_id=CLIENT,
        target=target,
        mailbox="shared@contoso.test",
        protocols=["ews"],
        tenant="contoso.test",
        certificate=load_client_certificate(pfx, password),
        tenant_from_domain=False,
    )
    assert app.login_hint is None and app.tenant == "contoso.test"
    with pytest.raises(InputError, match="needs a tenant") as raised:
        oauth_config(
            Flow.APP,
            client_id=CLIENT,
            target=target,
            mailbox="shared@contoso.test",
            protocols=["ews"],
            client_secret=SECRET_VALUE,
            tenant_from_domain=False,  # the wizard asks for it; the CLI takes the domain's
        )
    assert raised.value.about == "tenant"
    with pytest.raises(InputError) as raised:
        oauth_config(Flow.DEVICE, client_id="nope", target=target, mailbox="", protocols=[])
    assert raised.value.about == "client_id"


# -- the token cache ------------------------------------------------------------------------


def test_persistence_without_protected_storage_fails_and_writes_nothing(tmp_path: Path) -> None:
    """This Debian box has no secret service: asking for persistence must fail clearly,
    never fall back to a plain file."""
    target = tmp_path / "cache" / "msal.cache"
    with pytest.raises(RuntimeError, match=NO_PROTECTED_STORAGE):
        protected_cache(target)
    assert not target.exists()
    assert list(tmp_path.rglob("*")) == [] or all(p.is_dir() for p in tmp_path.rglob("*"))


# -- OAuthCredential -------------------------------------------------------------------------


def _network(token: CancelToken | None = None) -> Network:
    options = NetworkOptions()
    return Network(options, Resolver(()), token or CancelToken(), Deadline.after(5))


class _Provider:
    app_only = False
    protocols = ("imap",)

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def acquire(self, request: TokenRequest) -> AccessToken:
        self.calls += 1
        if self.fail:
            raise SignInFailed(Finding("consent_missing", Status.FAIL, "no consent", "consent"))
        return AccessToken(f"tok-{self.calls}-canary", request.resource, expires_on=None)

    def secrets(self) -> list[str]:
        return ["provider-secret"]

    def describe(self) -> str:
        return "test provider"


def test_a_new_token_reaches_the_watchers_before_the_caller() -> None:
    provider = _Provider()
    credential = OAuthCredential("admin@contoso.test", provider=provider)
    redactor = Redactor()
    seen: list[str] = []
    credential.watch(lambda secret: (seen.append(secret), redactor.add_secret(secret)))
    token = credential.token_for(TokenRequest("https://outlook.office.com", _network()))
    assert seen == [token.value] and redactor(f"x {token.value} y") == "x «redacted» y"
    again = credential.token_for(TokenRequest("https://outlook.office.com", _network()))
    assert again is token and provider.calls == 1
    assert token.value in credential.secrets() and "provider-secret" in credential.secrets()
    assert credential.protocols == ("imap",)
    assert token.value not in repr(credential) and token.value not in repr(token)


def test_a_refused_sign_in_is_not_tried_again_in_the_same_run() -> None:
    provider = _Provider(fail=True)
    credential = OAuthCredential("admin@contoso.test", provider=provider)
    for _ in range(3):
        with pytest.raises(SignInFailed):
            credential.token_for(TokenRequest("https://outlook.office.com", _network()))
    assert provider.calls == 1


def test_waiting_for_another_checks_sign_in_honours_cancel() -> None:
    credential = OAuthCredential("admin@contoso.test", provider=_Provider())
    credential._lock.acquire()  # another check is signing in
    token = CancelToken()
    threading.Timer(0.2, token.cancel).start()
    try:
        with pytest.raises(Cancelled):
            credential.token_for(TokenRequest("https://outlook.office.com", _network(token)))
    finally:
        credential._lock.release()


def test_a_given_token_serves_every_resource() -> None:
    given = AccessToken("given-token", "https://outlook.office.com")
    credential = OAuthCredential("admin@contoso.test", tokens=[given])
    request = TokenRequest("https://outlook.office365.com", _network())
    assert credential.token_for(request) is given
    assert credential.secrets() == ["given-token"]
    PasswordCredential("u", "p").watch(lambda s: None)  # the same interface, nothing to say


# -- the routed session ----------------------------------------------------------------------


def test_the_routed_session_refuses_any_other_host() -> None:
    import requests

    with routed_session(_network(), {"login.microsoftonline.com"}) as routed:
        with pytest.raises(requests.exceptions.ConnectionError, match="not the EWS host"):
            routed.session.get("https://example.com/")
        with pytest.raises(requests.exceptions.ConnectionError, match="not https"):
            routed.session.get("http://login.microsoftonline.com/")
    with pytest.raises(requests.exceptions.ConnectionError, match="ended"):
        routed.session.get("https://login.microsoftonline.com/common")


# -- a server's refusal of a token --------------------------------------------------------------


@pytest.mark.parametrize(
    ("diagnostics", "app_only", "key"),
    [
        (
            '2000003;reason="The audience claim value is invalid '
            '\'https://graph.microsoft.com\'.";error_category="invalid_resource"',
            False,
            "graph_audience",
        ),
        (
            '2000001;reason="The token has expired.";error_category="invalid_lifetime"',
            False,
            "expired",
        ),
        (
            "2000003;reason=\"The token does not have the scope 'EWS.AccessAsUser.All'.\";"
            'error_category="insufficient_privileges"',
            False,
            "missing_scope",
        ),
        (
            "2000003;reason=\"The application is not allowed to access mailbox 'x'.\";"
            'error_category="insufficient_privileges"',
            True,
            "mailbox_permission",
        ),
        (
            "2000003;reason=\"The token does not have the role 'full_access_as_app'.\";"
            'error_category="insufficient_privileges"',
            True,
            "missing_role",
        ),
        (
            '2000008;reason="The token contains no permissions, or permissions can not be '
            'understood.";error_category="invalid_grant"',
            True,
            "missing_role",
        ),
        (
            '2000003;reason="The issuer is not trusted.";error_category="invalid_issuer"',
            False,
            "wrong_tenant",
        ),
        (None, False, "token_refused"),
    ],
)
def test_exchange_refusals_of_a_token(diagnostics: str | None, app_only: bool, key: str) -> None:
    assert bearer_refusal(diagnostics, app_only=app_only, host="outlook.office365.com").key == key
