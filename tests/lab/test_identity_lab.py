"""The lab identity provider on its own: Entra's shapes (OpenID configuration, JWKS,
errors), the tokens it signs, and how the lab's servers check them."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Iterator

import pytest

from assistant.lab import identity as idp
from assistant.lab.https_server import LabRequest
from assistant.lab.identity import LabIdentityProvider
from assistant.lab.identity.jwt import b64url

HOST = "login.microsoftonline.com"


@pytest.fixture
def provider() -> Iterator[LabIdentityProvider]:
    made = LabIdentityProvider(("contoso.test",))
    yield made
    made.close()


def call(
    provider: LabIdentityProvider, path: str, form: dict[str, str] | None = None, host: str = HOST
) -> tuple[int, dict[str, object]]:
    body = "&".join(f"{k}={v}" for k, v in (form or {}).items()).encode()
    request = LabRequest("POST" if form else "GET", host, path, {}, body)
    response = provider.handler(request)
    return response.status, json.loads(response.body)


def test_openid_configuration_names_the_asked_host_and_the_tenant(
    provider: LabIdentityProvider,
) -> None:
    status, config = call(provider, "/contoso.test/v2.0/.well-known/openid-configuration")
    assert status == 200
    assert config["issuer"] == f"https://{HOST}/{idp.CONTOSO_TENANT}/v2.0"
    assert config["token_endpoint"] == f"https://{HOST}/{idp.CONTOSO_TENANT}/oauth2/v2.0/token"
    assert config["cloud_instance_name"] == "microsoftonline.com"
    status, gov = call(provider, f"/{idp.GOV_DOMAIN}/v2.0/.well-known/openid-configuration")
    assert gov["cloud_instance_name"] == "microsoftonline.us"
    status, error = call(provider, "/nowhere.test/v2.0/.well-known/openid-configuration")
    assert status == 400 and error["error_codes"] == [90002]
    assert str(error["error_description"]).startswith("AADSTS90002: Tenant 'nowhere.test'")


def test_the_jwks_publishes_the_signing_key(provider: LabIdentityProvider) -> None:
    _, jwks = call(provider, f"/{idp.CONTOSO_TENANT}/discovery/v2.0/keys")
    [key] = jwks["keys"]  # type: ignore[misc]
    assert key["kid"] == provider.key.kid and key["kty"] == "RSA"


def test_servers_refuse_tampered_expired_and_foreign_tokens(provider: LabIdentityProvider) -> None:
    check = provider.validator().check
    good = provider.mint_user_token(scopes=("EWS.AccessAsUser.All",))
    assert check(good, scope="EWS.AccessAsUser.All", role="-").valid
    header, payload, signature = good.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["upn"] = "someone.else@contoso.test"
    forged = f"{header}.{b64url(json.dumps(claims).encode())}.{signature}"
    assert "signature" in check(forged, scope="EWS.AccessAsUser.All", role="-").reason
    old = provider.mint_user_token(issued_at=time.time() - 7200, lifetime=3600)
    assert check(old, scope="IMAP.AccessAsUser.All", role="-").category == "invalid_lifetime"
    foreign = provider.mint_user_token(tenant_id=idp.NORTHWIND_TENANT)
    assert check(foreign, scope="IMAP.AccessAsUser.All", role="-").category == "invalid_issuer"
    graph = provider.mint_user_token(resource="https://graph.microsoft.com")
    assert check(graph, scope="IMAP.AccessAsUser.All", role="-").category == "invalid_resource"
    assert check(good, scope="SMTP.Send", role="-").category == "insufficient_privileges"


def test_the_dovecot_scope_claim_lists_the_protocols_of_exchange_tokens_only(
    provider: LabIdentityProvider,
) -> None:
    def scope_claim(token: str) -> str:
        return json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))["scope"]

    assert scope_claim(provider.mint_user_token()) == "imap pop"
    graph = provider.mint_user_token(resource="https://graph.microsoft.com")
    assert scope_claim(graph) == ""


def test_browser_sign_in_checks_redirect_uri_and_pkce(provider: LabIdentityProvider) -> None:
    verifier = "v" * 50
    challenge = b64url(hashlib.sha256(verifier.encode()).digest())
    base = (
        f"https://{HOST}/contoso.test/oauth2/v2.0/authorize?client_id={idp.CONNECTIVITY_APP}"
        f"&scope=https://outlook.office.com/IMAP.AccessAsUser.All+openid&state=s1"
        f"&code_challenge={challenge}&code_challenge_method=S256"
    )
    redirect, form = provider.approve_authorization(
        base + "&redirect_uri=http://127.0.0.1:9", "admin@contoso.test"
    )
    assert "AADSTS50011" in form["error_description"]
    redirect, form = provider.approve_authorization(
        base + "&redirect_uri=http://localhost:12345", "admin@contoso.test"
    )
    assert redirect == "http://localhost:12345" and form["state"] == "s1"
    token_form = {
        "grant_type": "authorization_code",
        "client_id": idp.CONNECTIVITY_APP,
        "code": form["code"],
        "redirect_uri": redirect,
        "code_verifier": "wrong" * 10,
    }
    status, answer = call(provider, "/contoso.test/oauth2/v2.0/token", token_form)
    assert status == 400 and answer["error"] == "invalid_grant"


def test_the_sign_in_page_posts_the_code_back_for_the_auto_approving_user(
    provider: LabIdentityProvider,
) -> None:
    """What a browser gets at the authorization URL: a placeholder, or, with auto_approve,
    Entra's form_post page that posts code and state to the app's redirect URI."""
    path = (
        f"/contoso.test/oauth2/v2.0/authorize?client_id={idp.CONNECTIVITY_APP}"
        "&scope=https://outlook.office.com/IMAP.AccessAsUser.All+openid&state=s1"
        "&code_challenge=abc&code_challenge_method=S256&response_mode=form_post"
        "&redirect_uri=http://localhost:12345"
    )
    page = provider.handler(LabRequest("GET", HOST, path, {}, b""))
    assert page.status == 200 and b"tests approve sign-ins with a hook" in page.body
    provider.auto_approve = "admin@contoso.test"
    page = provider.handler(LabRequest("GET", HOST, path, {}, b""))
    text = page.body.decode()
    assert '<form method="POST" name="hiddenform" action="http://localhost:12345">' in text
    assert '<input type="hidden" name="state" value="s1"/>' in text
    assert '<input type="hidden" name="code" value="' in text


# -- app-only: the daemon, an app without admin consent, an app with EWS's role only --------


def app_token_claims(
    provider: LabIdentityProvider, client_id: str
) -> tuple[str, dict[str, object]]:
    """Client credentials with the daemons' shared secret: (token, its claims)."""
    status, answer = call(
        provider,
        "/contoso.test/oauth2/v2.0/token",
        {
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": idp.DAEMON_SECRET,
            "scope": "https://outlook.office365.com/.default",
        },
    )
    assert status == 200, answer
    token = str(answer["access_token"])
    return token, json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))


@pytest.mark.parametrize(
    ("client_id", "roles", "dovecot_scope"),
    [
        (
            idp.DAEMON_APP,
            ["IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp", "full_access_as_app"],
            "imap pop smtp ews",
        ),
        (idp.EWS_ONLY_APP, ["full_access_as_app"], "ews"),
        (idp.ROLELESS_APP, None, ""),
    ],
    ids=["daemon", "ews-only", "roleless"],
)
def test_client_credentials_issue_the_roles_the_app_was_granted(
    provider: LabIdentityProvider, client_id: str, roles: list[str] | None, dovecot_scope: str
) -> None:
    _, claims = app_token_claims(provider, client_id)
    assert claims["idtyp"] == "app" and claims["appid"] == client_id
    assert "upn" not in claims and "scp" not in claims
    # Entra leaves `roles` out when no application permission has admin consent.
    assert claims.get("roles") == roles
    # What the lab's Dovecot tests: the protocols the roles are good for.
    assert claims["scope"] == dovecot_scope


def test_exchange_checks_the_role_each_protocol_needs(provider: LabIdentityProvider) -> None:
    check = provider.validator().check
    mailbox = idp.DAEMON_MAILBOXES[0]
    daemon, _ = app_token_claims(provider, idp.DAEMON_APP)
    ews_only, _ = app_token_claims(provider, idp.EWS_ONLY_APP)
    roleless, _ = app_token_claims(provider, idp.ROLELESS_APP)
    for role in ("IMAP.AccessAsApp", "SMTP.SendAsApp", "full_access_as_app"):
        assert check(daemon, scope="-", role=role, mailbox=mailbox).valid, role
    assert check(ews_only, scope="-", role="full_access_as_app", mailbox=mailbox).valid
    refused = check(ews_only, scope="-", role="SMTP.SendAsApp", mailbox=mailbox)
    assert not refused.valid and "SMTP.SendAsApp" in refused.reason
    assert refused.category == "insufficient_privileges"
    # No roles at all: Exchange Online's own words for a token without permissions.
    nothing = check(roleless, scope="-", role="full_access_as_app", mailbox=mailbox)
    assert not nothing.valid and nothing.category == "invalid_grant"
    assert "contains no permissions" in nothing.reason
    # The role is not enough: the mailbox must be granted to the app.
    other = check(daemon, scope="-", role="full_access_as_app", mailbox="alex.wilber@contoso.test")
    assert not other.valid and "not allowed to access mailbox" in other.reason


def test_mailbox_grants_name_the_apps_that_sign_in_by_themselves(
    provider: LabIdentityProvider,
) -> None:
    grants = provider.mailbox_grants()
    for app in (idp.DAEMON_APP, idp.ROLELESS_APP, idp.EWS_ONLY_APP):
        assert {m for a, m in grants if a == app} == set(idp.DAEMON_MAILBOXES), app
    # Public clients have no credentials of their own; the orphan has no service principal
    # in Contoso, the Northwind app none at all.
    assert {a for a, _ in grants} == {idp.DAEMON_APP, idp.ROLELESS_APP, idp.EWS_ONLY_APP}
    # Northwind's own app may open every Northwind mailbox ("").
    assert provider.mailbox_grants(idp.NORTHWIND_TENANT) == ((idp.FOREIGN_APP, ""),)
