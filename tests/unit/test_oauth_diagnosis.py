"""Reading an access token (no signature check: we are the client) and naming the classic
mistakes from its claims: table tests of jwt_claims.py and token_diagnosis.py."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from assistant.auth.jwt_claims import NotAJwt, decode_payload, read_token
from assistant.auth.token_diagnosis import Expectation, diagnose
from assistant.facts import Cloud

NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
TENANT = "5f1c6a0e-7d2b-4c8e-9a31-c0a7e57c0de1"
OTHER_TENANT = "8b2e4d6f-1a3c-4e5b-9d7f-a0b1c2d3e4f5"


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def jwt(**claims: object) -> str:
    """An unsigned JWT-shaped token (the signature is never looked at)."""
    base: dict[str, object] = {
        "aud": "https://outlook.office.com",
        "iss": f"https://sts.windows.net/{TENANT}/",
        "tid": TENANT,
        "upn": "admin@contoso.test",
        "appid": "0c3e2a1b-4d5f-4e6a-8b7c-9d0e1f2a3b4c",
        "scp": "IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send EWS.AccessAsUser.All",
        "exp": int((NOW + dt.timedelta(hours=1)).timestamp()),
        "nbf": int(NOW.timestamp()),
        "iat": int(NOW.timestamp()),
        "ver": "1.0",
    }
    base.update(claims)
    for key in [k for k, v in base.items() if v is None]:
        del base[key]
    return f"{_b64({'alg': 'RS256', 'typ': 'JWT'})}.{_b64(base)}.c2lnbmF0dXJl"


def expect(**kw: object) -> Expectation:
    values: dict[str, object] = {
        "cloud": Cloud.WORLDWIDE,
        "protocols": ("imap", "pop", "smtp", "ews"),
        "app_only": False,
        "now": NOW,
        "tenant_id": TENANT,
        "mailbox": "admin@contoso.test",
    }
    values.update(kw)
    return Expectation(**values)  # type: ignore[arg-type]


def keys(token: str, want: Expectation) -> list[str]:
    return [f.key for f in diagnose(read_token(token), want)]


# -- reading ----------------------------------------------------------------------------


def test_claims_are_read_without_a_signature_check() -> None:
    facts = read_token(jwt())
    assert facts.audience == "https://outlook.office.com"
    assert "IMAP.AccessAsUser.All" in facts.scopes
    assert facts.tenant == TENANT
    assert facts.user == "admin@contoso.test"
    assert facts.expires == NOW + dt.timedelta(hours=1)
    assert not facts.app_only
    assert "c2lnbmF0dXJl" not in json.dumps(facts.to_dict())  # nothing of the token itself


def test_an_app_token_is_recognised_by_its_roles() -> None:
    facts = read_token(jwt(scp=None, upn=None, roles=["full_access_as_app"]))
    assert facts.app_only and facts.roles == ("full_access_as_app",)


@pytest.mark.parametrize(
    ("token", "message", "broken"),
    [
        ("opaque-token-value", "opaque", False),
        ("EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA", "opaque", False),
        ("a.b.c.d.e", "encrypted", False),
        ("eyJhbGciOiJSUzI1NiJ9.!!!.sig", "characters", True),
        ("eyJhbGciOiJSUzI1NiJ9.eyJ4Ijox.sig x", "spaces", True),
        ("eyJhbGciOiJSUzI1NiJ9.a.b.c", "4 parts", True),
        ("eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2", "2 parts", True),
        ("eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2.sig", "payload", True),
        ("bm90IGpzb24.eyJhIjoxfQ.sig", "header", True),
        (f"{_b64({'alg': 'RS256'})}.{base64.urlsafe_b64encode(b'[1]').decode()}.x", "object", True),
    ],
)
def test_unreadable_tokens_say_why(token: str, message: str, broken: bool) -> None:
    with pytest.raises(NotAJwt, match=message) as caught:
        decode_payload(token)
    assert caught.value.broken is broken


# -- the classic mistakes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "want", "named"),
    [
        (jwt(), expect(), []),
        (jwt(aud="https://outlook.office365.com/"), expect(), []),
        (jwt(aud="00000002-0000-0ff1-ce00-000000000000"), expect(), []),
        (jwt(aud="https://graph.microsoft.com"), expect(), ["graph_audience"]),
        (jwt(aud="00000003-0000-0000-c000-000000000000"), expect(), ["graph_audience"]),
        (jwt(aud="api://something-else"), expect(), ["wrong_audience"]),
        (jwt(aud="https://outlook.office365.us"), expect(), ["wrong_cloud"]),
        (
            jwt(aud="https://outlook.office365.us"),
            expect(cloud=Cloud.GCC_HIGH, tenant_id=None),
            [],
        ),
        (jwt(aud="https://outlook.office365.us"), expect(cloud=Cloud.DOD, tenant_id=None), []),
        (
            jwt(iss=f"https://login.microsoftonline.us/{TENANT}/v2.0"),
            expect(),
            ["wrong_cloud"],
        ),
        (jwt(exp=int((NOW - dt.timedelta(minutes=3)).timestamp())), expect(), ["expired"]),
        (jwt(exp=int((NOW + dt.timedelta(minutes=2)).timestamp())), expect(), ["expiring"]),
        (jwt(nbf=int((NOW + dt.timedelta(hours=1)).timestamp())), expect(), ["clock"]),
        (jwt(scp="IMAP.AccessAsUser.All"), expect(protocols=("imap",)), []),
        (jwt(scp="IMAP.AccessAsUser.All"), expect(protocols=("imap", "pop")), ["missing_scope"]),
        (jwt(tid=OTHER_TENANT), expect(), ["wrong_tenant"]),
        (jwt(upn="someone@contoso.test"), expect(), ["other_user"]),
        (
            jwt(scp=None, upn=None, roles=["full_access_as_app"]),
            expect(app_only=True, protocols=("ews",)),
            [],
        ),
        (
            jwt(scp=None, upn=None, roles=["full_access_as_app"]),
            expect(app_only=True, protocols=("ews", "imap")),
            ["missing_role"],
        ),
        (jwt(scp=None, upn=None), expect(app_only=True, protocols=("ews",)), ["missing_role"]),
    ],
)
def test_each_mistake_gets_its_name(token: str, want: Expectation, named: list[str]) -> None:
    assert keys(token, want) == named


def test_a_graph_token_names_the_fix_and_not_the_scopes() -> None:
    findings = diagnose(read_token(jwt(aud="https://graph.microsoft.com")), expect())
    assert [f.key for f in findings] == ["graph_audience"]  # Graph's scopes are beside the point
    assert "https://outlook.office.com/IMAP.AccessAsUser.All" in findings[0].fix


def test_missing_scopes_are_listed_by_protocol() -> None:
    found = diagnose(read_token(jwt(scp="IMAP.AccessAsUser.All")), expect())
    assert found[0].key == "missing_scope"
    for name in ("POP.AccessAsUser.All", "SMTP.Send", "EWS.AccessAsUser.All"):
        assert name in found[0].cause


def test_an_app_token_without_roles_points_at_admin_consent_and_exchange_rbac() -> None:
    found = diagnose(
        read_token(jwt(scp=None, upn=None)), expect(app_only=True, protocols=("imap",))
    )
    assert "no application permissions at all" in found[0].cause
    assert "New-ServicePrincipal" in found[0].fix


def test_worst_finding_comes_first() -> None:
    token = jwt(upn="other@contoso.test", exp=int((NOW - dt.timedelta(hours=2)).timestamp()))
    assert keys(token, expect()) == ["expired", "other_user"]
