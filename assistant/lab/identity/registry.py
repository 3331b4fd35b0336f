"""Who the lab identity provider knows: tenants (one per cloud, plus a stranger), app
registrations with their faults, and users. IDs are fixed so tests and docs can name
them; every user signs in with the lab directory's password (the test hooks approve
sign-ins without one).

Apps in the Contoso tenant (worldwide):
  CONNECTIVITY_APP  public client, every delegated Exchange scope consented, and a
                    redirect URI for http://localhost (device code and browser sign-in)
  NO_CONSENT_APP    public client, nothing consented and user consent off: AADSTS65001
  NO_PUBLIC_APP     public client flows off: AADSTS7000218 when redeeming a device code
  DAEMON_APP        confidential: a secret and a certificate; application permissions
                    full_access_as_app, IMAP/POP.AccessAsApp, SMTP.SendAsApp, scoped by
                    application RBAC to DAEMON_MAILBOXES
  ROLELESS_APP      confidential, with the daemon's secret and mailboxes, but admin
                    consent was never granted: client credentials succeed and the token
                    carries no roles, so every server refuses it
  EWS_ONLY_APP      confidential, like the daemon, but only full_access_as_app: EWS
                    opens the mailbox, IMAP, POP and SMTP refuse the token
  ORPHAN_APP        registered in Contoso, but its service principal was deleted:
                    AADSTS7000229
  FOREIGN_APP       a Northwind app never consented to in Contoso: AADSTS700016 there
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from assistant.facts import OAUTH_APP_ROLES, OAUTH_DELEGATED_SCOPES, Cloud

_NS = uuid.UUID("0a1b2c3d-4e5f-4a6b-8c7d-000000001d9a")

CONTOSO_TENANT = "5f1c6a0e-7d2b-4c8e-9a31-c0a7e57c0de1"
NORTHWIND_TENANT = "8b2e4d6f-1a3c-4e5b-9d7f-a0b1c2d3e4f5"
GOV_TENANT = "3c9a1e7b-5d2f-4a8c-b6e0-90f1e2d3c4b5"
GOV_DOMAIN = "contoso-gov.test"
NORTHWIND_DOMAIN = "northwind.test"

CONNECTIVITY_APP = "0c3e2a1b-4d5f-4e6a-8b7c-9d0e1f2a3b4c"
NO_CONSENT_APP = "1d4f3b2c-5e6a-4f7b-9c8d-0e1f2a3b4c5d"
NO_PUBLIC_APP = "2e5a4c3d-6f7b-4a8c-8d9e-1f2a3b4c5d6e"
DAEMON_APP = "3f6b5d4e-7a8c-4b9d-9eaf-2a3b4c5d6e7f"
FOREIGN_APP = "4a7c6e5f-8b9d-4cae-afb0-3b4c5d6e7f80"
ORPHAN_APP = "5b8d7f60-9cae-4dbf-b0c1-4c5d6e7f8091"
ROLELESS_APP = "6c9e8071-adbf-4ec0-81d2-5d6e7f8091a2"
EWS_ONLY_APP = "7daf9182-bec0-4fd1-92e3-6e7f8091a2b3"
DAEMON_SECRET_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"  # noqa: S105 - an ID, not a secret
# The daemon's secret value. A canary: it must never appear in any report or log.
DAEMON_SECRET = "Lab8Q~Canary-Secret.Value-7d1e2f3a4b5c6d"  # noqa: S105 - planted on purpose
DAEMON_MAILBOXES = ("admin@contoso.test", "adele.vance@contoso.test")

ALL_DELEGATED = frozenset(OAUTH_DELEGATED_SCOPES.values())
ALL_APP_ROLES = frozenset(OAUTH_APP_ROLES.values())


@dataclass(frozen=True)
class LabTenant:
    tenant_id: str
    name: str
    cloud: Cloud
    domains: tuple[str, ...]
    region_scope: str  # tenant_region_scope in the OpenID configuration

    def knows(self, name: str) -> bool:
        name = name.lower()
        return name == self.tenant_id or name in self.domains


@dataclass(frozen=True)
class LabApp:
    client_id: str
    name: str
    home_tenant: str
    public_client: bool = True  # "Allow public client flows"
    redirect_uris: tuple[str, ...] = ("http://localhost",)
    consented: frozenset[str] = frozenset()  # delegated permissions with consent
    user_consent: bool = False  # users may consent to more themselves
    secrets: dict[str, str] = field(default_factory=dict)  # secret ID -> value
    roles: frozenset[str] = frozenset()  # application permissions with admin consent
    service_principal_in: tuple[str, ...] = ()  # other tenants with an enterprise application
    home_principal: bool = True  # False: the home tenant's service principal was deleted
    mailboxes: tuple[str, ...] | None = None  # app-only: RBAC scope (None: every mailbox)
    uses_certificate: bool = False  # a certificate is registered (the lab makes one)

    def has_principal_in(self, tenant_id: str) -> bool:
        if tenant_id == self.home_tenant:
            return self.home_principal
        return tenant_id in self.service_principal_in


def object_id(kind: str, name: str) -> str:
    """A stable object ID for a user or service principal."""
    return str(uuid.uuid5(_NS, f"{kind}:{name.lower()}"))


def default_apps() -> dict[str, LabApp]:
    apps = [
        LabApp(
            CONNECTIVITY_APP,
            "Contoso Connectivity Test",
            CONTOSO_TENANT,
            consented=ALL_DELEGATED,
            service_principal_in=(GOV_TENANT,),
        ),
        LabApp(NO_CONSENT_APP, "Contoso No Consent", CONTOSO_TENANT),
        LabApp(NO_PUBLIC_APP, "Contoso Confidential Only", CONTOSO_TENANT, public_client=False),
        LabApp(
            DAEMON_APP,
            "Contoso Mail Daemon",
            CONTOSO_TENANT,
            public_client=False,
            secrets={DAEMON_SECRET_ID: DAEMON_SECRET},
            roles=ALL_APP_ROLES,
            mailboxes=DAEMON_MAILBOXES,
            uses_certificate=True,
        ),
        LabApp(
            ROLELESS_APP,
            "Contoso Unconsented Daemon",
            CONTOSO_TENANT,
            public_client=False,
            secrets={DAEMON_SECRET_ID: DAEMON_SECRET},
            mailboxes=DAEMON_MAILBOXES,
        ),
        LabApp(
            EWS_ONLY_APP,
            "Contoso EWS Daemon",
            CONTOSO_TENANT,
            public_client=False,
            secrets={DAEMON_SECRET_ID: DAEMON_SECRET},
            roles=frozenset({OAUTH_APP_ROLES["ews"]}),
            mailboxes=DAEMON_MAILBOXES,
        ),
        LabApp(
            ORPHAN_APP,
            "Contoso Retired Service",
            CONTOSO_TENANT,
            public_client=False,
            secrets={DAEMON_SECRET_ID: DAEMON_SECRET},
            roles=ALL_APP_ROLES,
            home_principal=False,
        ),
        LabApp(
            FOREIGN_APP,
            "Northwind Reporting",
            NORTHWIND_TENANT,
            public_client=False,
            secrets={DAEMON_SECRET_ID: DAEMON_SECRET},
            roles=ALL_APP_ROLES,
        ),
    ]
    return {a.client_id: a for a in apps}


def default_tenants(contoso_domains: tuple[str, ...]) -> dict[str, LabTenant]:
    tenants = [
        LabTenant(CONTOSO_TENANT, "Contoso", Cloud.WORLDWIDE, contoso_domains, "NA"),
        LabTenant(NORTHWIND_TENANT, "Northwind", Cloud.WORLDWIDE, (NORTHWIND_DOMAIN,), "EU"),
        LabTenant(GOV_TENANT, "Contoso Government", Cloud.GCC_HIGH, (GOV_DOMAIN,), "USGov"),
    ]
    return {t.tenant_id: t for t in tenants}
