"""Client credentials at the lab identity provider: the app itself signs in, with a
secret or a certificate-signed assertion (PS256, x5t#S256, as MSAL sends it), and gets
an app-only token with the application permissions (roles) granted to it."""

from __future__ import annotations

import time

from cryptography import x509

from assistant.lab.identity.errors import refuse
from assistant.lab.identity.jwt import JwtError, b64url_decode, split, verify
from assistant.lab.identity.registry import LabApp, LabTenant
from assistant.lab.identity.resolve import parse_scopes, tenant_of
from assistant.lab.identity.state import IdentityState

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def client_credentials(
    idp: IdentityState, host: str, name: str, form: dict[str, str]
) -> dict[str, object]:
    tenant = tenant_of(idp, host, name, issuing=True)
    if tenant is None:
        raise refuse(50059)
    client_id = form.get("client_id", "")
    app = idp.apps.get(client_id.lower())
    foreign = app is not None and app.home_tenant != tenant.tenant_id
    if app is None or (foreign and not app.has_principal_in(tenant.tenant_id)):
        raise refuse(700016, client_id=client_id, tenant=tenant.tenant_id)
    if not app.has_principal_in(tenant.tenant_id):
        raise refuse(7000229, client_id=client_id, tenant=tenant.tenant_id)
    with_certificate = _authenticate_client(idp, host, name, tenant, app, form)
    scope = form.get("scope", "")
    resource, names, _ = parse_scopes(tenant.cloud, scope, tenant.tenant_id)
    if names != {".default"}:
        raise refuse(1002012, scope=scope)
    lifetime = idp.token_lifetime
    access = idp.mint.app_token(
        tenant, app, resource, app.roles, with_certificate=with_certificate, lifetime=lifetime
    )
    return {
        "token_type": "Bearer",
        "expires_in": lifetime,
        "ext_expires_in": lifetime,
        "access_token": access,
    }


def _authenticate_client(
    idp: IdentityState,
    host: str,
    name: str,
    tenant: LabTenant,
    app: LabApp,
    form: dict[str, str],
) -> bool:
    """True for a certificate, False for a secret; Refused when neither is right."""
    secret = form.get("client_secret")
    if secret is not None:
        if secret not in app.secrets.values():
            raise refuse(7000215, client_id=app.client_id)
        return False
    assertion = form.get("client_assertion")
    if assertion is None or form.get("client_assertion_type") != ASSERTION_TYPE:
        raise refuse(7000218)
    try:
        header, claims, signing_input, signature = split(assertion)
        thumbprint = b64url_decode(str(header.get("x5t#S256", ""))).hex()
    except JwtError:
        raise refuse(9002313) from None
    registered = idp.certificates if app.uses_certificate else {}
    pem = registered.get(thumbprint)
    if pem is None:
        raise refuse(700027)
    key = x509.load_pem_x509_certificate(pem.encode()).public_key()
    try:
        verify(str(header.get("alg")), key, signing_input, signature)
    except JwtError:
        raise refuse(700027) from None
    accepted = {f"https://{host}/{t}/oauth2/v2.0/token" for t in (tenant.tenant_id, name)}
    if claims.get("aud") not in accepted:
        raise refuse(700027)
    now = time.time()
    if float(claims.get("exp", 0)) < now or float(claims.get("nbf", now)) > now + 300:
        raise refuse(700024)
    return True
