"""The tenant's OpenID configuration, read without a socket: the real shapes Entra sends,
its refusal of an unknown domain, and hostile answers (none of which may raise)."""

from __future__ import annotations

import json

import pytest

from assistant.auth.tenant_metadata import (
    MAX_BYTES,
    openid_configuration_url,
    parse_openid_configuration,
    tenant_id_of,
)
from assistant.facts import Cloud

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def _config(**changes: object) -> bytes:
    """The shape login.microsoftonline.com answers for a worldwide tenant."""
    config: dict[str, object] = {
        "token_endpoint": f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token",
        "jwks_uri": f"https://login.microsoftonline.com/{TENANT}/discovery/v2.0/keys",
        "issuer": f"https://login.microsoftonline.com/{TENANT}/v2.0",
        "tenant_region_scope": "WW",
        "cloud_instance_name": "microsoftonline.com",
        "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": "graph.microsoft.com",
    }
    for key, value in changes.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    return json.dumps(config).encode()


def test_a_worldwide_tenant() -> None:
    answer = parse_openid_configuration(200, _config())
    found = answer.metadata
    assert found is not None and answer.reason == ""
    assert found.tenant_id == TENANT
    assert found.cloud is Cloud.WORLDWIDE
    assert found.cloud_instance_name == "microsoftonline.com"
    assert (found.region_scope, found.region_sub_scope) == ("WW", None)


def test_a_us_government_tenant_asked_at_the_worldwide_service() -> None:
    body = _config(
        cloud_instance_name="microsoftonline.us",
        tenant_region_scope="USGov",
        tenant_region_sub_scope="DODCON",
        issuer=f"https://login.microsoftonline.us/{TENANT.upper()}/v2.0",
    )
    found = parse_openid_configuration(200, body).metadata
    assert found is not None
    assert found.tenant_id == TENANT  # lower case, whatever the issuer's case
    assert found.cloud is Cloud.GCC_HIGH
    assert (found.region_scope, found.region_sub_scope) == ("USGov", "DODCON")


def test_an_unknown_instance_name_is_kept_but_names_no_cloud() -> None:
    found = parse_openid_configuration(200, _config(cloud_instance_name="example.net")).metadata
    assert found is not None
    assert (found.cloud_instance_name, found.cloud) == ("example.net", None)


def test_the_unknown_domain_refusal() -> None:
    body = json.dumps(
        {
            "error": "invalid_tenant",
            "error_description": "AADSTS90002: Tenant 'nowhere.example' not found. Check to "
            "make sure you have the correct tenant ID and are signing into the correct cloud."
            + " x"
            * 500,
            "error_codes": [90002],
        }
    ).encode()
    answer = parse_openid_configuration(400, body)
    assert answer.metadata is None and answer.unknown_tenant
    assert "no tenant" in answer.reason


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (400, b'{"error":"invalid_request","error_description":"AADSTS50049: x"}', "HTTP 400"),
        (400, b"<html>bad request</html>", "HTTP 400"),
        (404, b"", "HTTP 404"),
        (503, _config(), "HTTP 503"),
        (200, b"<html>captive portal</html>", "not JSON"),
        (200, b"[1, 2, 3]", "not a JSON object"),
        (200, b'"issuer"', "not a JSON object"),
        (200, b"[" * 60_000, "not JSON"),  # nested far beyond json's recursion limit
        (200, _config(issuer=None), "no issuer"),
        (200, _config(issuer=12), "no issuer"),
        (200, _config(issuer="https://" + "a" * 5000), "no issuer"),
        (200, _config(issuer="https://login.microsoftonline.com/{tenantid}/v2.0"), "no tenant"),
        (200, _config(issuer=f"http:/x/{TENANT}"), "no tenant"),
        (200, _config(issuer="https://login.microsoftonline.com/not-a-guid/v2.0"), "no tenant"),
        (200, b"\xff\xfe\x00garbage", "not JSON"),
        (200, b" " * (MAX_BYTES + 1), "larger than 64 KiB"),
    ],
)
def test_hostile_or_broken_answers_name_no_tenant(status: int, body: bytes, reason: str) -> None:
    answer = parse_openid_configuration(status, body)
    assert answer.metadata is None and not answer.unknown_tenant
    assert reason in answer.reason


def test_a_cut_off_answer_is_no_answer() -> None:
    answer = parse_openid_configuration(200, _config(), truncated=True)
    assert answer.metadata is None and "larger than" in answer.reason


@pytest.mark.parametrize(
    "changes",
    [
        {"cloud_instance_name": ["microsoftonline.com"]},
        {"cloud_instance_name": "x" * 10_000},
        {"tenant_region_scope": {"a": 1}},
        {"tenant_region_scope": "NA; <script>"},
        {"tenant_region_sub_scope": 7},
    ],
)
def test_odd_optional_fields_are_dropped_not_trusted(changes: dict[str, object]) -> None:
    found = parse_openid_configuration(200, _config(**changes)).metadata
    assert found is not None and found.tenant_id == TENANT
    for key in changes:
        field = {
            "cloud_instance_name": "cloud_instance_name",
            "tenant_region_scope": "region_scope",
            "tenant_region_sub_scope": "region_sub_scope",
        }[key]
        assert getattr(found, field) is None


@pytest.mark.parametrize(
    ("issuer", "tenant"),
    [
        (f"https://login.microsoftonline.com/{TENANT}/v2.0", TENANT),
        (f"https://sts.windows.net/{TENANT}/", TENANT),
        (f"https://login.partner.microsoftonline.cn/{TENANT}/v2.0", TENANT),
        ("https://login.microsoftonline.com/common/v2.0", None),
        ("", None),
        ("/" * 1000, None),
    ],
)
def test_tenant_id_of_an_issuer(issuer: str, tenant: str | None) -> None:
    assert tenant_id_of(issuer) == tenant


def test_the_url_asked() -> None:
    assert (
        openid_configuration_url("login.microsoftonline.com", "contoso.com")
        == "https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration"
    )
    # A domain cannot add path segments or a query to the request.
    assert "/../" not in openid_configuration_url("login.microsoftonline.com", "a/../b?x")
