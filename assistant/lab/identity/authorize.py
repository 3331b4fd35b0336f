"""A browser's sign-in at the lab identity provider: the authorization URL's page, the
grant it asks for (its redirect URI checked against the app's), and what the browser
posts back once the user signed in (a code and state, or an error and state)."""

from __future__ import annotations

import html
import time
from urllib.parse import parse_qsl, urlsplit

from assistant.lab.https_server import LabRequest, LabResponse
from assistant.lab.identity import errors
from assistant.lab.identity.errors import refuse
from assistant.lab.identity.grants import AuthCode, Grant, OAuthError
from assistant.lab.identity.resolve import app_of, cloud_of_host, parse_scopes, tenant_of
from assistant.lab.identity.state import IdentityState

# -- the browser's sign-in page ----------------------------------------------------------

_PLACEHOLDER_PAGE = (
    b"<html><body>Lab sign-in page: tests approve sign-ins with a hook.</body></html>"
)


def authorize_page(idp: IdentityState, request: LabRequest) -> LabResponse:
    """What a browser gets at the authorization URL. Without `auto_approve`, a placeholder
    (tests sign in with `approve_authorization`). With it, the page Entra answers once
    that user has signed in with response_mode=form_post: a form, submitted by script,
    that posts the code and state (or the error) to the app's redirect URI."""
    if idp.auto_approve is None:
        return LabResponse(200, _PLACEHOLDER_PAGE, content_type="text/html; charset=utf-8")
    redirect, form = approve_authorization(idp, request.url(), idp.auto_approve)
    fields = "".join(
        f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}"/>'
        for k, v in form.items()
    )
    page = (
        "<html><head><title>Working...</title></head><body>"
        f'<form method="POST" name="hiddenform" action="{html.escape(redirect)}">{fields}'
        "<noscript><p>Script is disabled. Click Submit to continue.</p>"
        '<input type="submit" value="Submit"/></noscript></form>'
        "<script>document.forms[0].submit();</script></body></html>"
    )
    return LabResponse(200, page.encode(), content_type="text/html; charset=utf-8")


def authorization_grant(
    idp: IdentityState, auth_uri: str, params: dict[str, str]
) -> tuple[Grant, str]:
    """The grant a browser sign-in at auth_uri asks for, and its checked redirect URI."""
    parts = urlsplit(auth_uri)
    host = (parts.hostname or "").lower()
    name = (parts.path.strip("/").split("/") or [""])[0].lower()
    tenant = tenant_of(idp, host, name, issuing=True)
    cloud = tenant.cloud if tenant else cloud_of_host(host)
    app = app_of(idp, params.get("client_id", ""), name)
    redirect = params.get("redirect_uri", "")
    if not any(_same_redirect(redirect, uri) for uri in app.redirect_uris):
        raise refuse(50011, redirect=redirect, client_id=app.client_id)
    resource, names, oidc = parse_scopes(cloud, params.get("scope", ""), name)
    grant = Grant(app.client_id, tenant.tenant_id if tenant else name, resource, names, oidc, host)
    return grant, redirect


def _same_redirect(asked: str, registered: str) -> bool:
    """Entra ignores the port of a http://localhost redirect URI (RFC 8252 loopback)."""
    a, r = urlsplit(asked), urlsplit(registered)
    same = (a.scheme, a.hostname, a.path or "/") == (r.scheme, r.hostname, r.path or "/")
    return same and (r.hostname == "localhost" or a.port == r.port)


def approve_authorization(
    idp: IdentityState, auth_uri: str, user: str
) -> tuple[str, dict[str, str]]:
    """A browser sign-in at `auth_uri` as `user`: where the browser would post, and
    the form it would post (code and state, or error and state)."""
    params = dict(parse_qsl(urlsplit(auth_uri).query))
    state = params.get("state", "")
    try:
        grant, redirect = authorization_grant(idp, auth_uri, params)
    except errors.Refused as refused:
        return params.get("redirect_uri", ""), _error_form(refused.error, state)
    grant = idp.sign_in(grant, user)
    if grant.refused is not None:
        return redirect, _error_form(grant.refused, state)
    code = idp.grants.new_auth_code(
        AuthCode(
            grant,
            redirect,
            params.get("code_challenge", ""),
            time.time() + 600,
            nonce=params.get("nonce"),
        )
    )
    return redirect, {"code": code, "state": state}


def _error_form(error: OAuthError, state: str) -> dict[str, str]:
    return {
        "error": error.error,
        "error_description": f"AADSTS{error.code}: {error.message}" if error.code else "",
        "state": state,
    }
