"""The lab identity provider: Microsoft Entra ID as MSAL and Exchange see it, on loopback.

    idp = LabIdentityProvider(contoso_domains)
    lab.route("login.microsoftonline.com", "/", idp.handler, prefix=True)

It is served as login.microsoftonline.com, login.microsoftonline.us and
login.partner.microsoftonline.cn through the lab's connect-to routing, so MSAL's
authority URLs work unchanged (endpoints.py has the HTTP side). Test hooks stand in for
the person at the browser:

    idp.approve("ABCD12345", "admin@contoso.test")   # the device code a run showed
    idp.auto_approve = "admin@contoso.test"          # approve every new device code, and
                                                     # every browser that opens the sign-in
                                                     # page (it posts the code back)
    idp.approve_authorization(auth_uri, user)        # a browser sign-in -> (url, form)
    idp.mint_user_token(...) / idp.mint_app_token()  # tokens with chosen mistakes

`validator()` is how the lab's servers check the tokens it issues; `key` is what
Dovecot's local validation is given.
"""

from __future__ import annotations

import base64
import hashlib
import time
from dataclasses import replace
from urllib.parse import parse_qsl, urlsplit

from assistant.facts import ENVIRONMENTS, Cloud
from assistant.lab.https_server import LabRequest, LabResponse
from assistant.lab.identity import endpoints, errors
from assistant.lab.identity.client_cert import LabClientCertificate
from assistant.lab.identity.grants import AuthCode, Grant, GrantStore, OAuthError
from assistant.lab.identity.jwt import SigningKey, b64url
from assistant.lab.identity.registry import (
    CONNECTIVITY_APP,
    CONTOSO_TENANT,
    DAEMON_APP,
    LabApp,
    LabTenant,
    default_apps,
    default_tenants,
)
from assistant.lab.identity.tokens import TokenMint, access_issuer, exchange_resources
from assistant.lab.identity.validator import LabTokenValidator

LOGIN_HOSTS = {
    "login.microsoftonline.com": Cloud.WORLDWIDE,
    "login.microsoftonline.us": Cloud.GCC_HIGH,
    "login.partner.microsoftonline.cn": Cloud.CHINA,
}


class LabIdentityProvider:
    def __init__(self, contoso_domains: tuple[str, ...], *, interval: int = 1) -> None:
        self.key = SigningKey()
        self.mint = TokenMint(self.key)
        self.tenants = default_tenants(contoso_domains)
        self.apps: dict[str, LabApp] = default_apps()
        self.grants = GrantStore()
        self.interval = interval  # seconds between device-code polls (Entra says 5)
        # a user who approves every new device code and signs in on every sign-in page
        self.auto_approve: str | None = None
        self.token_lifetime = 3600
        self.daemon_certificate = LabClientCertificate(f"CN={self.apps[DAEMON_APP].name}")
        self.users: dict[str, str] = {}  # address -> tenant ID (lab directory + strangers)
        for tenant in self.tenants.values():
            self.users[f"admin@{tenant.domains[0]}"] = tenant.tenant_id
        for domain in contoso_domains:
            self.users.setdefault(f"admin@{domain}", CONTOSO_TENANT)

    @property
    def certificates(self) -> dict[str, str]:
        """Registered certificates: SHA-256 thumbprint (hex) -> PEM, for DAEMON_APP."""
        cert = self.daemon_certificate
        return {cert.thumbprint_sha256: cert.certificate_pem}

    def close(self) -> None:
        self.daemon_certificate.cleanup()

    # -- who is who -----------------------------------------------------------------------

    def add_user(self, address: str, tenant_id: str = CONTOSO_TENANT) -> None:
        self.users[address.lower()] = tenant_id

    def tenant(self, name: str) -> LabTenant | None:
        return next((t for t in self.tenants.values() if t.knows(name)), None)

    def user_tenant(self, user: str) -> LabTenant | None:
        tenant_id = self.users.get(user.lower())
        if tenant_id is None:
            domain = user.rpartition("@")[2].lower()
            found = self.tenant(domain)
            return found
        return self.tenants.get(tenant_id)

    def mailbox_allowed(self, app_id: str, mailbox: str) -> bool:
        app = self.apps.get(app_id)
        if app is None:
            return False
        return app.mailboxes is None or mailbox.lower() in app.mailboxes

    def mailbox_grants(self, tenant_id: str = CONTOSO_TENANT) -> tuple[tuple[str, str], ...]:
        """(app ID, mailbox) for every app that can sign in by itself in `tenant_id`, as
        Add-MailboxPermission grants them to its service principal (mailbox "": every
        mailbox), for servers that keep the grants in their own configuration (Dovecot)."""
        return tuple(
            (app.client_id, mailbox)
            for app in self.apps.values()
            if (app.secrets or app.uses_certificate) and app.has_principal_in(tenant_id)
            for mailbox in (app.mailboxes if app.mailboxes is not None else ("",))
        )

    def validator(self, tenant_id: str = CONTOSO_TENANT) -> LabTokenValidator:
        """What the lab's Exchange Online for `tenant_id` accepts: that tenant's tokens,
        for its cloud's Exchange resource."""
        tenant = self.tenants[tenant_id]
        return LabTokenValidator(
            self.key.public_pem,
            self.key.kid,
            issuers=frozenset({access_issuer(tenant)}),
            audiences=frozenset(exchange_resources(tenant.cloud)),
            mailbox_rule=self.mailbox_allowed,
        )

    def issuer(self, tenant_id: str = CONTOSO_TENANT) -> str:
        return access_issuer(self.tenants[tenant_id])

    # -- HTTP -------------------------------------------------------------------------------

    def handler(self, request: LabRequest) -> LabResponse:
        return endpoints.dispatch(self, request)

    # -- the person at the browser ----------------------------------------------------------

    def approve(self, user_code: str | None, user: str) -> None:
        """Approve a pending device code (None: the latest) as `user`, as the person who
        typed it in would; consent and tenant rules decide whether tokens follow."""
        entry = self.grants.by_user_code(user_code)
        if entry is None:
            raise LookupError(f"no pending device code {user_code or ''}".strip())
        self.grants.settle(entry, "approved", self.sign_in(entry.grant, user))

    def decline(self, user_code: str | None = None) -> None:
        entry = self.grants.by_user_code(user_code)
        if entry is None:
            raise LookupError("no pending device code")
        self.grants.settle(entry, "declined", entry.grant)

    def approve_authorization(self, auth_uri: str, user: str) -> tuple[str, dict[str, str]]:
        """A browser sign-in at `auth_uri` as `user`: where the browser would post, and
        the form it would post (code and state, or error and state)."""
        params = dict(parse_qsl(urlsplit(auth_uri).query))
        state = params.get("state", "")
        try:
            grant, redirect = endpoints.authorization_grant(self, auth_uri, params)
        except errors.Refused as refused:
            return params.get("redirect_uri", ""), _error_form(refused.error, state)
        grant = self.sign_in(grant, user)
        if grant.refused is not None:
            return redirect, _error_form(grant.refused, state)
        code = self.grants.new_auth_code(
            AuthCode(
                grant,
                redirect,
                params.get("code_challenge", ""),
                time.time() + 600,
                nonce=params.get("nonce"),
            )
        )
        return redirect, {"code": code, "state": state}

    def sign_in(self, grant: Grant, user: str) -> Grant:
        """The grant once `user` signed in: their tenant, or the reason it fails."""
        home = self.user_tenant(user)
        app = self.apps[grant.client_id]
        if home is None:
            return replace(grant, user=user, refused=_refusal(50034, user=user))
        specific = grant.tenant_id not in ("organizations", "common")
        if specific and home.tenant_id != grant.tenant_id:
            return replace(grant, user=user, refused=_refusal(50020, user=user))
        grant = replace(grant, user=user, tenant_id=home.tenant_id)
        consented = app.consented if app.has_principal_in(home.tenant_id) else frozenset()
        if not grant.permissions <= consented and not app.user_consent:
            return replace(grant, refused=_refusal(65001, app=app))
        return grant

    # -- tokens with chosen mistakes (for the diagnostics' tests) ----------------------------

    def mint_user_token(
        self,
        user: str = "admin@contoso.test",
        *,
        resource: str | None = None,
        scopes: tuple[str, ...] = ("IMAP.AccessAsUser.All", "POP.AccessAsUser.All"),
        tenant_id: str = CONTOSO_TENANT,
        lifetime: int = 3600,
        issued_at: float | None = None,
    ) -> str:
        tenant = self.tenants[tenant_id]
        return self.mint.user_token(
            tenant,
            self.apps[CONNECTIVITY_APP],
            user,
            resource or str(ENVIRONMENTS[tenant.cloud].oauth_resource),
            scopes,
            lifetime=lifetime,
            issued_at=issued_at,
        )


def _refusal(code: int, **facts: object) -> OAuthError:
    return errors.refusal(code, **facts)


def _error_form(error: OAuthError, state: str) -> dict[str, str]:
    return {
        "error": error.error,
        "error_description": f"AADSTS{error.code}: {error.message}" if error.code else "",
        "state": state,
    }


def pkce_matches(verifier: str, challenge: str) -> bool:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return b64url(digest) == challenge


def client_info(oid: str, tenant_id: str) -> str:
    raw = f'{{"uid":"{oid}","utid":"{tenant_id}"}}'.encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
