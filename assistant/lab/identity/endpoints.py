"""The lab identity provider's HTTP side, in Microsoft Entra's v2.0 shapes:

GET  /{tenant}/v2.0/.well-known/openid-configuration   (AADSTS90002 for an unknown tenant)
GET  /{tenant}/discovery/v2.0/keys                      the JWKS
POST /{tenant}/oauth2/v2.0/devicecode                   a device code and its message
POST /{tenant}/oauth2/v2.0/token                        device_code, authorization_code,
                                                        refresh_token, client_credentials
GET  /{tenant}/oauth2/v2.0/authorize                    the sign-in page: with auto_approve
                                                        the user signs in at once and the
                                                        page posts the code back (form_post)

Errors come as Entra sends them: {"error", "error_description": "AADSTSnnnn: ...",
"error_codes", "timestamp", "trace_id", "correlation_id", "error_uri"}, HTTP 400 (401
for a client that failed to authenticate).
"""

from __future__ import annotations

import base64
import hashlib
import time
from urllib.parse import parse_qsl

from assistant.facts import ENVIRONMENTS
from assistant.lab.https_server import LabRequest, LabResponse
from assistant.lab.identity.authorize import authorize_page
from assistant.lab.identity.client_grant import client_credentials
from assistant.lab.identity.errors import Refused, error_response, json_response, refuse
from assistant.lab.identity.grants import Grant, OAuthError
from assistant.lab.identity.jwt import b64url
from assistant.lab.identity.registry import LabApp, object_id
from assistant.lab.identity.resolve import (
    CLOUD_INSTANCE,
    app_of,
    cloud_of_host,
    parse_scopes,
    tenant_of,
)
from assistant.lab.identity.state import IdentityState

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"

# -- routing -----------------------------------------------------------------------------


def dispatch(idp: IdentityState, request: LabRequest) -> LabResponse:
    parts = [p for p in request.route_path.split("/") if p]
    if not parts:
        return LabResponse(404, b"not found")
    tenant, rest = parts[0].lower(), "/".join(parts[1:]).lower()
    try:
        if rest == "v2.0/.well-known/openid-configuration":
            return json_response(openid_configuration(idp, request.host, tenant))
        if rest == "discovery/v2.0/keys":
            return json_response({"keys": [idp.key.jwk()]})
        if rest == "oauth2/v2.0/authorize":
            return authorize_page(idp, request)
        form = dict(parse_qsl(request.body.decode("utf-8", errors="replace")))
        if request.method == "POST" and rest == "oauth2/v2.0/devicecode":
            return json_response(device_code(idp, request.host, tenant, form))
        if request.method == "POST" and rest == "oauth2/v2.0/token":
            return json_response(token(idp, request.host, tenant, form))
    except Refused as refused:
        return error_response(refused.error)
    return LabResponse(404, b"not found")


def openid_configuration(idp: IdentityState, host: str, name: str) -> dict[str, object]:
    tenant = tenant_of(idp, host, name, issuing=False)
    path = tenant.tenant_id if tenant else name
    issuer_id = tenant.tenant_id if tenant else "{tenantid}"
    cloud = tenant.cloud if tenant else cloud_of_host(host)
    base = f"https://{host}/{path}"
    return {
        "token_endpoint": f"{base}/oauth2/v2.0/token",
        "token_endpoint_auth_methods_supported": [
            "client_secret_post",
            "private_key_jwt",
            "client_secret_basic",
        ],
        "jwks_uri": f"{base}/discovery/v2.0/keys",
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "issuer": f"https://{host}/{issuer_id}/v2.0",
        "request_uri_parameter_supported": False,
        "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
        "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
        "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
        "tenant_region_scope": tenant.region_scope if tenant else None,
        "cloud_instance_name": CLOUD_INSTANCE[cloud],
        "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": (ENVIRONMENTS[cloud].graph_resource or "").removeprefix("https://"),
    }


# -- device code -------------------------------------------------------------------------


def device_code(
    idp: IdentityState, host: str, name: str, form: dict[str, str]
) -> dict[str, object]:
    tenant = tenant_of(idp, host, name, issuing=True)
    cloud = tenant.cloud if tenant else cloud_of_host(host)
    client_id = form.get("client_id", "")
    app = app_of(idp, client_id, name)
    resource, names, oidc = parse_scopes(cloud, form.get("scope", ""), name)
    grant = Grant(app.client_id, tenant.tenant_id if tenant else name, resource, names, oidc, host)
    entry = idp.grants.new_device_code(grant)
    if idp.auto_approve is not None:
        idp.approve(entry.user_code, idp.auto_approve)
    uri = str(ENVIRONMENTS[cloud].device_login_url)
    return {
        "user_code": entry.user_code,
        "device_code": entry.device_code,
        "verification_uri": uri,
        "expires_in": idp.grants.lifetime,
        "interval": idp.interval,
        "message": f"To sign in, use a web browser to open the page {uri} and enter the code "
        f"{entry.user_code} to authenticate.",
    }


# -- the token endpoint ----------------------------------------------------------------------


def token(idp: IdentityState, host: str, name: str, form: dict[str, str]) -> dict[str, object]:
    grant_type = form.get("grant_type", "")
    if grant_type == "client_credentials":
        return client_credentials(idp, host, name, form)
    tenant = tenant_of(idp, host, name, issuing=True)
    app = app_of(idp, form.get("client_id", ""), name)
    nonce = None
    if grant_type == DEVICE_GRANT:
        grant = _device_grant(idp, app, form.get("device_code", ""))
    elif grant_type == "authorization_code":
        grant, nonce = _code_grant(idp, app, form)
    elif grant_type == "refresh_token":
        found = idp.grants.refresh(form.get("refresh_token", ""))
        if found is None or found.client_id != app.client_id:
            raise refuse(9002313)
        cloud = tenant.cloud if tenant else cloud_of_host(host)
        _, names, _ = parse_scopes(cloud, form.get("scope", ""), name)
        if not names <= found.permissions:
            raise refuse(65001, app=app)
        grant = found
    else:
        raise refuse(9002313)
    return _user_tokens(idp, host, app, grant, nonce)


def _device_grant(idp: IdentityState, app: LabApp, device_code: str) -> Grant:
    entry = idp.grants.device(device_code)
    if entry is None or entry.grant.client_id != app.client_id:
        raise Refused(OAuthError(400, "bad_verification_code", None, "Unknown device code."))
    if not app.public_client:
        raise refuse(7000218)
    if entry.expires_at < time.time():
        raise refuse(70019)
    if entry.state == "pending":
        raise refuse(70016)
    if entry.state == "declined":
        idp.grants.redeem_device(device_code)
        message = "The end user denied the authorization request."
        raise Refused(OAuthError(400, "authorization_declined", None, message))
    idp.grants.redeem_device(device_code)
    if entry.grant.refused is not None:
        raise Refused(entry.grant.refused)
    return entry.grant


def _code_grant(idp: IdentityState, app: LabApp, form: dict[str, str]) -> tuple[Grant, str | None]:
    code = idp.grants.redeem_auth_code(form.get("code", ""))
    if code is None or code.grant.client_id != app.client_id or code.expires_at < time.time():
        raise Refused(OAuthError(400, "invalid_grant", 70008, "The provided code is expired."))
    if form.get("redirect_uri") != code.redirect_uri:
        raise refuse(50011, redirect=form.get("redirect_uri"), client_id=app.client_id)
    if not pkce_matches(form.get("code_verifier", ""), code.code_challenge):
        raise Refused(OAuthError(400, "invalid_grant", 501481, "The Code_Verifier does not match."))
    return code.grant, code.nonce


def _user_tokens(
    idp: IdentityState, host: str, app: LabApp, grant: Grant, nonce: str | None = None
) -> dict[str, object]:
    assert grant.user is not None
    tenant = idp.tenants[grant.tenant_id]
    lifetime = idp.token_lifetime
    access = idp.mint.user_token(
        tenant, app, grant.user, grant.resource, grant.permissions, lifetime=lifetime
    )
    answer: dict[str, object] = {
        "token_type": "Bearer",
        "scope": " ".join(f"{grant.resource}/{n}" for n in sorted(grant.permissions)),
        "expires_in": lifetime,
        "ext_expires_in": lifetime,
        "access_token": access,
    }
    if "offline_access" in grant.oidc:
        answer["refresh_token"] = idp.grants.new_refresh_token(grant)
    if "openid" in grant.oidc:
        answer["id_token"] = idp.mint.id_token(host, tenant, app, grant.user, nonce=nonce)
        answer["client_info"] = client_info(object_id("user", grant.user), tenant.tenant_id)
    return answer


def pkce_matches(verifier: str, challenge: str) -> bool:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return b64url(digest) == challenge


def client_info(oid: str, tenant_id: str) -> str:
    raw = f'{{"uid":"{oid}","utid":"{tenant_id}"}}'.encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
