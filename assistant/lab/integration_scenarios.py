"""The integration scenarios (issue 15): on-premises Exchange organisations that
SharePoint, Lync / Skype for Business Server and Teams must find and trust, one
scenario domain each (int-<name>.test), healthy and broken; and SharePoint Online.

autodiscover_scenarios.py registers each scenario as an on-premises autodiscover
scenario (AdScenario with mail=True), so the directory, DNS, autodiscover and `lab --list`
know it and `demo --scenario int-hybrid` signs in as admin@int-hybrid.test with
LAB_PASSWORD.
integration_lab.py adds what is particular to them: the Bearer challenge on EWS and
autodiscover, X-OWA-Version, the auth metadata document, SharePoint Server, the
lyncdiscover names and SIP SRV records, and the SharePoint Online hosts.

The lab spells Microsoft's well-known ids itself rather than reading them from
assistant/facts.py: the lab plays the world, and a typo in the checks' facts must
show as a failing test, not be copied into the world they are tested against.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from assistant.lab.identity import CONTOSO_TENANT

# The lab's Entra ID tenant (contoso), which the healthy organisations trust, and a
# second tenant that a misconfigured organisation (or another company's site) names.
INT_TENANT_ID = CONTOSO_TENANT
OTHER_TENANT_ID = "0d4f8b2a-6c1e-4a9d-b7e3-f4b1c2a9e8d6"

EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000"
SHAREPOINT_APP_ID = "00000003-0000-0ff1-ce00-000000000000"
ACS_PRINCIPAL = "00000001-0000-0000-c000-000000000000"  # the Entra ID / ACS token issuer
# SharePoint Online's own well-known realm, in the trusted_issuers it sends.
SHAREPOINT_ONLINE_REALM = "90140122-8516-11e1-8eff-49304924019b"

EXCHANGE_SE_BUILD = (15, 2, 2562, 17)  # Exchange Server Subscription Edition RTM
EXCHANGE_2016_CU23_BUILD = (15, 1, 2507, 6)  # Exchange 2016 CU23: out of support
SHAREPOINT_SERVER_BUILD = "16.0.0.17928"  # SharePoint Server Subscription Edition
SHAREPOINT_ONLINE_BUILD = "16.0.0.25513"

METADATA_PATH = "/autodiscover/metadata/json/1"
LYNCDISCOVER_ROOT = "/autodiscover/autodiscoverservice.svc/root"

# SharePoint Online in the lab: the contoso tenant's site, another tenant's, and a custom
# domain in front of contoso's site (served with the *.sharepoint.com certificate).
SPO_HOST = "contoso.sharepoint.com"
OTHER_SPO_HOST = "fabrikamint.sharepoint.com"
CUSTOM_SPO_HOST = "intranet.contoso.test"
SPO_CERT_NAMES = ("*.sharepoint.com", "sharepoint.com")
SPO_TENANTS = {SPO_HOST: INT_TENANT_ID, OTHER_SPO_HOST: OTHER_TENANT_ID}
# What Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl names for Exchange Online.
EXO_AUTODISCOVER_SVC = "https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc"


class Metadata(enum.Enum):
    GOOD = "good"  # signing certificate valid for about a year
    MISSING = "missing"  # /autodiscover/metadata/json/1 answers 404
    EXPIRED = "expired"  # the signing certificate's notAfter is in the past


@dataclass(frozen=True)
class IntScenario:
    name: str
    description: str
    # The tenant in the Bearer challenge's trusted_issuers (and the metadata's realm,
    # SharePoint Server's realm); None: no Bearer challenge at all (no hybrid modern auth).
    tenant: str | None = INT_TENANT_ID
    metadata: Metadata = Metadata.GOOD
    ews_published: bool = True  # False: the publishing proxy answers 404 under /EWS/
    build: tuple[int, int, int, int] = EXCHANGE_SE_BUILD
    lyncdiscover_good_cert: bool = True  # False: a certificate for another name
    autodiscover_svc: bool = True  # False: /autodiscover/autodiscover.svc answers 404

    def domain(self) -> str:
        return f"{self.name}.test"

    @property
    def owa_version(self) -> str:
        return ".".join(str(part) for part in self.build)

    @property
    def realm(self) -> str:
        """The realm this organisation's metadata and SharePoint Server name."""
        return self.tenant or INT_TENANT_ID


INTEGRATION_SCENARIOS: dict[str, IntScenario] = {
    s.name: s
    for s in (
        IntScenario(
            "int-hybrid",
            "integration: Exchange Server SE with hybrid modern auth, SharePoint Server and "
            "Skype for Business Server, everything right",
        ),
        IntScenario(
            "int-no-bearer",
            "integration: EWS and autodiscover offer no Bearer challenge (no hybrid modern auth)",
            tenant=None,
        ),
        IntScenario(
            "int-wrong-tenant",
            "integration: the Bearer challenge trusts another tenant",
            tenant=OTHER_TENANT_ID,
        ),
        IntScenario(
            "int-no-metadata",
            "integration: no auth metadata document (404 at /autodiscover/metadata/json/1)",
            metadata=Metadata.MISSING,
        ),
        IntScenario(
            "int-expired-metadata",
            "integration: the auth metadata's signing certificate has expired",
            metadata=Metadata.EXPIRED,
        ),
        IntScenario(
            "int-ews-unpublished",
            "integration: EWS is not published (404 from the reverse proxy under /EWS/)",
            ews_published=False,
        ),
        IntScenario(
            "int-old-build",
            "integration: Exchange 2016 CU23 (15.1.2507.6), out of support",
            build=EXCHANGE_2016_CU23_BUILD,
        ),
        IntScenario(
            "int-lync-badcert",
            "integration: lyncdiscover.<domain> presents a certificate for another name",
            lyncdiscover_good_cert=False,
        ),
        IntScenario(
            "int-no-svc",
            "integration: autodiscover.svc (SOAP) answers 404",
            autodiscover_svc=False,
        ),
    )
}


def integration_scenario_of(domain: str) -> IntScenario | None:
    """The integration scenario whose domain this is (None: not one of them)."""
    domain = domain.lower().rstrip(".")
    return next((s for s in INTEGRATION_SCENARIOS.values() if s.domain() == domain), None)


def integration_demo(scenario: str) -> bool:
    """True when `demo --scenario <scenario>` should run the integration checks: the
    int-* scenarios (an on-premises target, Cloud.ONPREM, like the AD scenarios)."""
    return scenario in INTEGRATION_SCENARIOS


# -- the challenges, as the products send them -------------------------------------------


def exchange_bearer(tenant: str) -> str:
    """Exchange Server's Bearer challenge with hybrid modern authentication."""
    return (
        f'Bearer client_id="{EXCHANGE_APP_ID}", '
        f'trusted_issuers="{ACS_PRINCIPAL}@{tenant}", '
        'token_types="app_asserted_user_v1 service_asserted_app_v1", '
        'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
    )


def sharepoint_server_bearer(realm: str) -> str:
    """SharePoint Server's Bearer challenge once it trusts Entra ID (ACS) for the realm."""
    return (
        f'Bearer realm="{realm}",client_id="{SHAREPOINT_APP_ID}",'
        f'trusted_issuers="{ACS_PRINCIPAL}@{realm}",'
        'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
    )


def sharepoint_online_bearer(tenant: str) -> str:
    """SharePoint Online's Bearer challenge: the realm is the site's tenant id."""
    return (
        f'Bearer realm="{tenant}",client_id="{SHAREPOINT_APP_ID}",'
        f'trusted_issuers="{ACS_PRINCIPAL}@*,https://sts.windows.net/*/,'
        f'{SHAREPOINT_APP_ID}@{SHAREPOINT_ONLINE_REALM}",'
        'authorization_uri="https://login.windows.net/common/oauth2/authorize"'
    )
