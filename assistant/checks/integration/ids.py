"""The integration.* check IDs (a contract: CHECKS.md; scripts drive them), their titles,
and which product each serves (a product the user does not run is skipped)."""

from __future__ import annotations

from assistant.integration_plan import Product
from assistant.text import msg

TENANT = "integration.tenant"
OAUTH_TRUST = "integration.oauth_trust"
AUTH_METADATA = "integration.auth_metadata"
SHAREPOINT_SITE = "integration.sharepoint.site"
SHAREPOINT_S2S = "integration.sharepoint.s2s"
SHAREPOINT_SITE_MAILBOXES = "integration.sharepoint.site_mailboxes"
LYNC_AUTODISCOVER = "integration.lync.autodiscover"
LYNC_EWS = "integration.lync.ews"
LYNC_DNS = "integration.lync.dns"
LYNC_LYNCDISCOVER = "integration.lync.lyncdiscover"
TEAMS_EXCHANGE = "integration.teams.exchange"

TITLES = {
    TENANT: msg("The tenant behind the domain (OpenID metadata)"),
    OAUTH_TRUST: msg("OAuth trust: Bearer challenges of Exchange and SharePoint"),
    AUTH_METADATA: msg("Exchange's auth metadata document and signing certificate"),
    SHAREPOINT_SITE: msg("SharePoint site: valid TLS and the tenant in its Bearer challenge"),
    SHAREPOINT_S2S: msg("SharePoint Server to Exchange: the auth metadata it trusts"),
    SHAREPOINT_SITE_MAILBOXES: msg("Site mailboxes"),
    LYNC_AUTODISCOVER: msg("Skype for Business: the autodiscover service for OAuth"),
    LYNC_EWS: msg("Skype for Business: EWS for out-of-office and calendar data"),
    LYNC_DNS: msg("Skype for Business: SIP and lyncdiscover DNS records"),
    LYNC_LYNCDISCOVER: msg("Skype for Business: lyncdiscover over HTTPS"),
    TEAMS_EXCHANGE: msg("Teams with Exchange Server mailboxes"),
}

# Which products need each check (a check serving several runs when any is wanted).
PRODUCTS: dict[str, frozenset[Product]] = {
    TENANT: frozenset(Product),
    OAUTH_TRUST: frozenset(Product),
    AUTH_METADATA: frozenset({Product.SHAREPOINT, Product.LYNC}),
    SHAREPOINT_SITE: frozenset({Product.SHAREPOINT}),
    SHAREPOINT_S2S: frozenset({Product.SHAREPOINT}),
    SHAREPOINT_SITE_MAILBOXES: frozenset({Product.SHAREPOINT}),
    LYNC_AUTODISCOVER: frozenset({Product.LYNC}),
    LYNC_EWS: frozenset({Product.LYNC}),
    LYNC_DNS: frozenset({Product.LYNC}),
    LYNC_LYNCDISCOVER: frozenset({Product.LYNC}),
    TEAMS_EXCHANGE: frozenset({Product.TEAMS}),
}
