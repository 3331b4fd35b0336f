"""What the lab identity provider knows: its signing key, tenants, apps, users and the
grants in flight, and the rules of a sign-in (who belongs where, what was consented).

No HTTP here: endpoints.py answers requests from this state, and provider.py puts the
two together as the LabIdentityProvider the lab serves.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.lab.identity import errors
from assistant.lab.identity.client_cert import LabClientCertificate
from assistant.lab.identity.grants import Grant, GrantStore, OAuthError
from assistant.lab.identity.jwt import SigningKey
from assistant.lab.identity.registry import (
    CONTOSO_TENANT,
    DAEMON_APP,
    LabApp,
    LabTenant,
    default_apps,
    default_tenants,
)
from assistant.lab.identity.tokens import TokenMint, access_issuer, exchange_resources
from assistant.lab.identity.validator import LabTokenValidator


class IdentityState:
    """The provider's directory and grants; LabIdentityProvider adds HTTP and the hooks."""

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


def _refusal(code: int, **facts: object) -> OAuthError:
    return errors.refusal(code, **facts)
