"""Dated facts about Microsoft's clouds, in one table so a change is made once.

Current as of November 2026 (see CHECKS.md). Every value here is public
information from Microsoft's documentation; the cloud table follows the
"Environments" table in CHECKS.md.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Cloud(enum.StrEnum):
    WORLDWIDE = "worldwide"
    GCC_HIGH = "gcc-high"
    DOD = "dod"
    CHINA = "china"
    ONPREM = "onprem"


@dataclass(frozen=True)
class Environment:
    cloud: Cloud
    display_name: str
    login_host: str | None
    mailbox_host: str | None  # EWS, IMAP 993, POP 995
    smtp_submission: tuple[str, int] | None
    autodiscover_v2_host: str | None
    mx_suffixes: tuple[str, ...]  # a tenant MX is "<label>.<suffix>"
    spf_include: str | None
    dkim_suffixes: tuple[str, ...]  # DKIM selector CNAME targets end in one of these
    autodiscover_cname: str | None  # what autodiscover.<domain> should be a CNAME to
    sharepoint_suffix: str | None
    msoid_allowed: bool  # the msoid CNAME is only correct for 21Vianet
    # OAuth 2.0 (docs/oauth.md): the Exchange Online resource that delegated scopes
    # (IMAP.AccessAsUser.All, ...) are prefixed with, and the one app-only ".default"
    # tokens are asked for. None on-premises (the organisation's AD FS, if any).
    oauth_resource: str | None = None
    oauth_app_resource: str | None = None
    graph_resource: str | None = None  # Microsoft Graph: the classic wrong audience
    device_login_url: str | None = None  # where a device-code sign-in is finished

    @property
    def is_cloud(self) -> bool:
        return self.cloud is not Cloud.ONPREM


ENVIRONMENTS: dict[Cloud, Environment] = {
    Cloud.WORLDWIDE: Environment(
        cloud=Cloud.WORLDWIDE,
        display_name="Microsoft 365 worldwide (including GCC)",
        login_host="login.microsoftonline.com",
        mailbox_host="outlook.office365.com",
        smtp_submission=("smtp.office365.com", 587),
        autodiscover_v2_host="autodiscover-s.outlook.com",
        # "*.mx.microsoft" is the DNSSEC/DANE-capable form introduced in 2024.
        mx_suffixes=("mail.protection.outlook.com", "mx.microsoft"),
        spf_include="spf.protection.outlook.com",
        dkim_suffixes=("onmicrosoft.com", "dkim.mail.microsoft"),
        autodiscover_cname="autodiscover.outlook.com",
        sharepoint_suffix="sharepoint.com",
        msoid_allowed=False,
        oauth_resource="https://outlook.office.com",
        oauth_app_resource="https://outlook.office365.com",
        graph_resource="https://graph.microsoft.com",
        device_login_url="https://microsoft.com/devicelogin",
    ),
    Cloud.GCC_HIGH: Environment(
        cloud=Cloud.GCC_HIGH,
        display_name="Microsoft 365 GCC High",
        login_host="login.microsoftonline.us",
        mailbox_host="outlook.office365.us",
        smtp_submission=("smtp.office365.us", 587),
        autodiscover_v2_host="autodiscover-s.office365.us",
        mx_suffixes=("mail.protection.office365.us",),
        spf_include="spf.protection.office365.us",
        dkim_suffixes=("onmicrosoft.us",),
        autodiscover_cname="autodiscover.office365.us",
        sharepoint_suffix="sharepoint.us",
        msoid_allowed=False,
        oauth_resource="https://outlook.office365.us",
        oauth_app_resource="https://outlook.office365.us",
        graph_resource="https://graph.microsoft.us",
        device_login_url="https://microsoft.com/deviceloginus",
    ),
    Cloud.DOD: Environment(
        cloud=Cloud.DOD,
        display_name="Microsoft 365 DoD",
        login_host="login.microsoftonline.us",
        mailbox_host="outlook-dod.office365.us",
        # Not published separately for DoD at the time of writing: CHECKS.md says "(verify)".
        smtp_submission=None,
        autodiscover_v2_host="autodiscover-s-dod.office365.us",
        mx_suffixes=("mail.protection.office365.us",),
        spf_include="spf.protection.office365.us",
        dkim_suffixes=("onmicrosoft.us",),
        autodiscover_cname="autodiscover-dod.office365.us",
        sharepoint_suffix="sharepoint-mil.us",
        msoid_allowed=False,
        # DoD's Exchange Online has its own resource, as its own hosts (EXCHANGE_RESOURCES).
        oauth_resource="https://outlook-dod.office365.us",
        oauth_app_resource="https://outlook-dod.office365.us",
        graph_resource="https://dod-graph.microsoft.us",
        device_login_url="https://microsoft.com/deviceloginus",
    ),
    Cloud.CHINA: Environment(
        cloud=Cloud.CHINA,
        display_name="Microsoft 365 operated by 21Vianet",
        login_host="login.partner.microsoftonline.cn",
        mailbox_host="partner.outlook.cn",
        smtp_submission=("smtp.partner.outlook.cn", 587),
        autodiscover_v2_host="autodiscover-s.partner.outlook.cn",
        mx_suffixes=("mail.protection.partner.outlook.cn",),
        spf_include="spf.protection.partner.outlook.cn",
        dkim_suffixes=("partner.onmschina.cn",),
        autodiscover_cname="autodiscover.partner.outlook.cn",
        sharepoint_suffix="sharepoint.cn",
        msoid_allowed=True,
        oauth_resource="https://partner.outlook.cn",
        oauth_app_resource="https://partner.outlook.cn",
        graph_resource="https://microsoftgraph.chinacloudapi.cn",
        device_login_url="https://microsoft.com/deviceloginchina",
    ),
    Cloud.ONPREM: Environment(
        cloud=Cloud.ONPREM,
        display_name="Exchange Server (on-premises)",
        login_host=None,
        mailbox_host=None,
        smtp_submission=None,
        autodiscover_v2_host=None,
        mx_suffixes=(),
        spf_include=None,
        dkim_suffixes=(),
        autodiscover_cname=None,
        sharepoint_suffix=None,
        msoid_allowed=True,
    ),
}

# Exchange Online's older worldwide MX form, "<label>.mail.protection.outlook.com": dns.mx
# mentions the newer "<label>.mx.microsoft" (inbound DNSSEC and DANE) to a domain still on it.
CLASSIC_MX_SUFFIX = ENVIRONMENTS[Cloud.WORLDWIDE].mx_suffixes[0]

# Vendor articles that remedies link to; one place so a moved page is fixed once.
LINKS = {
    "mx": "https://learn.microsoft.com/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider",
    "spf": "https://learn.microsoft.com/defender-office-365/email-authentication-spf-configure",
    "dkim": "https://learn.microsoft.com/defender-office-365/email-authentication-dkim-configure",
    "dmarc": "https://learn.microsoft.com/defender-office-365/email-authentication-dmarc-configure",
    "autodiscover": "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/autodiscover-for-exchange",
    "mta_sts": "https://learn.microsoft.com/purview/enhancing-mail-flow-with-mta-sts",
    "tlsrpt": "https://datatracker.ietf.org/doc/html/rfc8460",
    "dnssec": "https://learn.microsoft.com/exchange/mail-flow-best-practices/how-smtp-dnssec-and-dane-works",
    "teams": "https://learn.microsoft.com/microsoftteams/skype-for-business-online-retirement",
    "msoid": "https://learn.microsoft.com/microsoft-365/enterprise/managing-office-365-endpoints",
    "verification": "https://learn.microsoft.com/microsoft-365/admin/setup/add-domain",
    # Microsoft's guidance for proxies: let Microsoft 365 traffic bypass them.
    "m365_endpoints": "https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-network-connectivity-principles",
}

# Skype for Business Online was retired on this date; its DNS records now only matter
# for on-premises Lync/Skype pools and Teams federation.
SKYPE_ONLINE_RETIRED = "2021-07-31"

# Domains whose hosts are Microsoft's own service endpoints: a DNS record or redirect
# that leads here is "Microsoft", not a third party. Used by the dns and autodiscover checks.
MICROSOFT_DOMAINS = (
    "outlook.com",
    "office365.com",
    "office.com",
    "microsoft.com",
    "microsoft",
    "microsoftonline.com",
    "microsoftonline-p.net",
    "onmicrosoft.com",
    "office365.us",
    "microsoftonline.us",
    "onmicrosoft.us",
    "outlook.cn",
    "partner.outlook.cn",
    "microsoftonline.cn",
    "onmschina.cn",
    "lync.com",
    "skypeforbusiness.com",
)


def is_microsoft_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in MICROSOFT_DOMAINS)


def is_within(host: str, domain: str) -> bool:
    """True when host is domain itself or a name below it."""
    host, domain = host.lower().rstrip("."), domain.lower().rstrip(".")
    return host == domain or host.endswith("." + domain)


# Exchange Web Services in Exchange Online (CHECKS.md, "Protocol logins"). From the first
# date Microsoft turns EWS off tenant by tenant (EWSEnabled left unset becomes False; only
# apps in the EWSAllowedAppIDs allow list keep working); on the second it is gone for
# good, with no exceptions. On-premises Exchange Server is not affected.
EWS_PHASED_DISABLEMENT = "2026-10-01"
EWS_SHUTDOWN = "2027-04-01"
EWS_SUCCESSOR = "Microsoft Graph"
# Basic authentication for EWS in Exchange Online was turned off from this date on; a
# password sign-in to outlook.office365.com fails even with the right password.
EWS_BASIC_AUTH_RETIRED = "2022-10-01"

EWS_LINKS = {
    "retirement": "https://techcommunity.microsoft.com/blog/exchange/exchange-online-ews-your-time-is-almost-up/4492361",
    "graph": "https://learn.microsoft.com/graph/migrate-exchange-web-services-overview",
    "access": "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-control-access-to-ews-in-exchange",
    "basic_auth": "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online",
    "throttling": "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange",
    "virtual_directory": "https://learn.microsoft.com/powershell/module/exchange/get-webservicesvirtualdirectory",
}

# IMAP, POP and SMTP submission in Exchange Online (CHECKS.md, "Protocol logins" and
# "*.deprecation"). Basic authentication (a password) for IMAP and POP was turned off on
# the same date as for EWS; only OAuth (XOAUTH2) signs in there since.
MAIL_BASIC_AUTH_RETIRED = EWS_BASIC_AUTH_RETIRED
# SMTP AUTH (authenticated client submission) with a password: turned off by default for
# existing tenants at the end of December 2026 (admins can still turn it back on for now);
# OAuth keeps working.
SMTP_AUTH_BASIC_OFF_BY_DEFAULT = "2026-12-31"
# TLS 1.0 and 1.1 have been deprecated in Microsoft 365 since this date; Exchange Online
# answers a legacy-TLS client with 421 4.7.66.
LEGACY_TLS_RETIRED = "2020-10-15"
# POP3 and IMAP4 kept TLS 1.0 and 1.1 on opt-in endpoints (Set-TransportConfig
# -AllowLegacyTLSClients $true); they are removed, endpoints included, in a rollout from
# the first date to the second. Sources: Exchange Team blog "Deprecating Legacy TLS and
# Endpoints for POP and IMAP in Exchange Online" (2026-04-27) and Message center MC1293480
# (rollout 2026-07-01 to 2026-12-31); the endpoints' names from Learn "Opt in to the
# Exchange Online endpoint for legacy TLS clients using POP3 or IMAP4", which also says
# GCC, GCC High and DoD never had them (legacy TLS is off there for good). Checked
# December 2026.
POP_IMAP_LEGACY_TLS_BLOCK_START = "2026-07-01"
POP_IMAP_LEGACY_TLS_BLOCK_END = "2026-12-31"
POP_IMAP_LEGACY_TLS_ENDPOINTS = {
    "imap": {
        Cloud.WORLDWIDE: "imap-legacy.office365.com",
        Cloud.CHINA: "imap-legacy.partner.outlook.cn",
    },
    "pop": {
        Cloud.WORLDWIDE: "pop-legacy.office365.com",
        Cloud.CHINA: "pop-legacy.partner.outlook.cn",
    },
}

MAIL_LINKS = {
    "smtp_auth": "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
    # "Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline"
    # (2026-01-27): off by default for existing tenants at the end of December 2026,
    # unavailable for new tenants after it, the final removal date announced in the
    # second half of 2027. It replaced the 2024 announcement's dates (4114750).
    "smtp_auth_retirement": "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
    "security_defaults": "https://learn.microsoft.com/entra/fundamentals/security-defaults",
    "oauth": "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
    "imap_pop_access": "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access",
    "settings": "https://support.microsoft.com/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353",
    "legacy_tls": "https://learn.microsoft.com/purview/tls-1.0-and-1.1-deprecation-for-office-365",
    "pop_imap_legacy_tls": "https://techcommunity.microsoft.com/t5/exchange-team-blog/deprecating-legacy-tls-and-endpoints-for-pop-and-imap-in/ba-p/4515201",
    "send_as": "https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-permissions-for-recipients",
    "devices": "https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365",
    "smtp_errors": "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
    # Relay test sends (issue 14; relay/replies.py). "Set up connectors to route mail
    # between Microsoft 365 and your own email servers"; "Use the delist portal to remove
    # yourself from the blocked senders list" (banned sending IPs, 5.7.606-649);
    # "Use Directory-Based Edge Blocking to reject messages sent to invalid recipients"
    # (550 5.4.1).
    "connectors": "https://learn.microsoft.com/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/set-up-connectors-to-route-mail",
    "delist": "https://learn.microsoft.com/defender-office-365/external-senders-use-the-delist-portal-to-unblock-yourself",
    "dbeb": "https://learn.microsoft.com/exchange/mail-flow-best-practices/use-directory-based-edge-blocking",
}

# OAuth 2.0 for Exchange Online (docs/oauth.md). Delegated permissions are named with the
# cloud's `oauth_resource` in front ("https://outlook.office.com/IMAP.AccessAsUser.All");
# app-only tokens are asked for as "<oauth_app_resource>/.default" and carry the
# application permissions (roles) the admin granted. Both resources are the same service
# principal, "Office 365 Exchange Online"; a token's audience may name either, or its app ID.
EXCHANGE_ONLINE_APP_ID = "00000002-0000-0ff1-ce00-000000000000"
OAUTH_DELEGATED_SCOPES = {
    "imap": "IMAP.AccessAsUser.All",
    "pop": "POP.AccessAsUser.All",
    "smtp": "SMTP.Send",
    "ews": "EWS.AccessAsUser.All",
}
OAUTH_APP_ROLES = {
    "imap": "IMAP.AccessAsApp",
    "pop": "POP.AccessAsApp",
    "smtp": "SMTP.SendAsApp",
    "ews": "full_access_as_app",
}
# The Exchange Online resource of each cloud, which a token's `aud` names (with or without
# a trailing slash, or as the app ID above). Sources: "Authenticate an IMAP, POP or SMTP
# connection using OAuth" (learn.microsoft.com/exchange/client-developer/legacy-protocols/
# how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth) for worldwide/GCC;
# "Microsoft 365 U.S. Government GCC High endpoints" and "... DoD endpoints"
# (learn.microsoft.com/microsoft-365/enterprise/microsoft-365-u-s-government-gcc-high-endpoints,
# ...-dod-endpoints) and Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh /
# O365USGovDoD for the US Government clouds; "Microsoft 365 operated by 21Vianet endpoints"
# for China. GCC uses the worldwide service. GCC High and DoD share one sign-in service
# (login.microsoftonline.us), so a token for either US Government Exchange is judged as
# the family's, not as another cloud's. Checked December 2026.
EXCHANGE_RESOURCES = {
    Cloud.WORLDWIDE: ("https://outlook.office.com", "https://outlook.office365.com"),
    Cloud.GCC_HIGH: ("https://outlook.office365.us",),
    Cloud.DOD: ("https://outlook-dod.office365.us", "https://outlook.office365.us"),
    Cloud.CHINA: ("https://partner.outlook.cn",),
}
US_GOVERNMENT_CLOUDS = frozenset({Cloud.GCC_HIGH, Cloud.DOD})
# The tenant of personal Microsoft accounts (Outlook.com, Hotmail, Xbox): a token whose
# `tid` is this belongs to a consumer, who cannot open a work mailbox. Source: "ID token
# claims reference", tid (learn.microsoft.com/entra/identity-platform/id-token-claims-reference).
CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad"
# Hosts in a token's `iss` claim that name the cloud whose sign-in service issued it. US
# Government tenants are served by login.microsoftonline.us (GCC High and DoD alike).
# v1 tokens' sts.windows.net is left out: it is not specific enough to blame a cloud
# (worldwide and US Government v1 tokens both carry it). Source: Microsoft Q&A "What are
# the token issuers for the sovereign clouds" (v1 sts.windows.net / sts.chinacloudapi.cn;
# v2 login.microsoftonline.com / .us / login.partner.microsoftonline.cn).
TOKEN_ISSUER_HOSTS = {
    "login.microsoftonline.com": Cloud.WORLDWIDE,
    "login.microsoftonline.us": Cloud.GCC_HIGH,
    "sts.chinacloudapi.cn": Cloud.CHINA,
    "login.chinacloudapi.cn": Cloud.CHINA,
    "login.partner.microsoftonline.cn": Cloud.CHINA,
}
# How long a device code stays valid (Microsoft Entra: 15 minutes).
DEVICE_CODE_LIFETIME = 900

OAUTH_LINKS = {
    "register": "https://learn.microsoft.com/entra/identity-platform/quickstart-register-app",
    "mail": MAIL_LINKS["oauth"],
    "ews": "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-authenticate-an-ews-application-by-using-oauth",
    "errors": "https://learn.microsoft.com/entra/identity-platform/reference-error-codes",
    "consent": "https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent",
    "device_code": "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code",
    "public_client": "https://learn.microsoft.com/entra/identity-platform/msal-client-applications",
    "national_clouds": "https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud",
    "credentials": "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials",
    "app_rbac": "https://learn.microsoft.com/exchange/permissions-exo/application-rbac",
    "redirect_uri": "https://learn.microsoft.com/entra/identity-platform/reply-url",
}
# The `cloud_instance_name` of a tenant's OpenID configuration, and the cloud it names.
CLOUD_INSTANCE_NAMES = {
    "microsoftonline.com": Cloud.WORLDWIDE,
    "microsoftonline.us": Cloud.GCC_HIGH,
    "partner.microsoftonline.cn": Cloud.CHINA,
}

# Sending from devices and applications (relay.*, issue 14). Checked December 2026.
# High Volume Email: its own accounts and endpoint, internal recipients only since June 2025;
# Basic authentication (a password) stays allowed there until September 2028 (Microsoft Tech
# Community announcement, April 2025, as reported by petri.com/high-volume-email-delivery-
# internal-recipients; Learn: "Manage High Volume Email for Microsoft 365",
# learn.microsoft.com/exchange/mail-flow-best-practices/high-volume-mails-m365). "Until
# September 2028" read as its last day. Learn names smtp.hve.mx.microsoft as the newer
# endpoint and smtp-hve.office365.com as the one to be retired later; both answer on 587.
HVE_BASIC_AUTH_UNTIL = "2028-09-30"
HVE_INTERNAL_ONLY_SINCE = "2025-06-01"
HVE_ENDPOINT = ("smtp-hve.office365.com", 587)
HVE_ENDPOINT_NEXT = "smtp.hve.mx.microsoft"
# Recipients a day through SMTP AUTH client submission (per mailbox) and through HVE
# (per account) in Exchange Online (Learn, the HVE page above; "Exchange Online limits").
SUBMISSION_RECIPIENTS_PER_DAY = 10_000
HVE_RECIPIENTS_PER_DAY = 100_000
# Reject Direct Send (Set-OrganizationConfig -RejectDirectSend $true): anonymous mail from
# an accepted domain to the tenant is refused with 550 5.7.68 TenantInboundAttribution.
# Tech Community, "Introducing more control over Direct Send in Exchange Online", April 28,
# 2025 (techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-
# in-exchange-online/4408790).
RELAY_LINKS = {
    "devices": MAIL_LINKS["devices"],
    "hve": "https://learn.microsoft.com/exchange/mail-flow-best-practices/high-volume-mails-m365",
    "reject_direct_send": "https://techcommunity.microsoft.com/blog/exchange/introducing-more-control-over-direct-send-in-exchange-online/4408790",
    # Microsoft Graph "user: sendMail" (OAuth, HTTPS: for applications).
    "graph_sendmail": "https://learn.microsoft.com/graph/api/user-sendmail",
    # Azure Communication Services Email: high volume to external recipients.
    "acs_email": "https://learn.microsoft.com/azure/communication-services/concepts/email/email-overview",
    "legacy_tls": MAIL_LINKS["legacy_tls"],
}

# Lync / Skype for Business Server and Teams next to Exchange (issue 15; integration.lync.*,
# integration.teams.exchange). Checked December 2026.
# The autodiscover SOAP service Skype for Business Server reads Exchange Online through:
# `Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl <url>`. Worldwide: "Configure Azure AD
# Connect for Skype for Business and Teams" (learn.microsoft.com/skypeforbusiness/hybrid/
# configure-azure-ad-connect) names https://autodiscover-s.outlook.com/autodiscover/
# autodiscover.svc. 21Vianet: Exchange's own hybrid code names autodiscover-s.partner.
# outlook.cn ("GallatinAutoDiscoveryEndpoint"); GCC High autodiscover-s.office365.us and DoD
# autodiscover-s-dod.office365.us (the tenant_region_sub_scope DODCON / DOD endpoints that
# Microsoft's hybrid scripts use). They are each cloud's autodiscover_v2_host above.
SFB_EXCHANGE_AUTODISCOVER_PATH = "/autodiscover/autodiscover.svc"
SFB_EXCHANGE_AUTODISCOVER_URLS = {
    Cloud.WORLDWIDE: "https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc",
    Cloud.GCC_HIGH: "https://autodiscover-s.office365.us/autodiscover/autodiscover.svc",
    Cloud.DOD: "https://autodiscover-s-dod.office365.us/autodiscover/autodiscover.svc",
    Cloud.CHINA: "https://autodiscover-s.partner.outlook.cn/autodiscover/autodiscover.svc",
}
# Exchange Unified Messaging Online (voicemail, auto attendant) was retired by this date;
# voicemail moved to Cloud Voicemail. "Exchange Unified Messaging Online migration support"
# (learn.microsoft.com/skypeforbusiness/hybrid/plan-um-migration, announced 2019-02-08 on
# the Exchange Team blog "Retiring Unified Messaging in Exchange Online"). Exchange Server
# 2019 has no Unified Messaging at all.
EXCHANGE_UM_ONLINE_RETIRED = "2020-02-28"
VOICEMAIL_SUCCESSOR = "Cloud Voicemail"
# Skype for Business Server 2015 and 2019, and Exchange Server 2016 and 2019, left support
# on this date (Microsoft Lifecycle; Exchange Team blog "T-1 month: Exchange Server 2016 and
# Exchange Server 2019 end of support", techcommunity.microsoft.com/blog/exchange/t-1-month-
# exchange-server-2016-and-exchange-server-2019-end-of-support/4453133). The supported
# on-premises products since are the Subscription Editions (Modern Lifecycle Policy; both
# generally available July 2025).
SFB_SERVER_END_OF_SUPPORT = "2025-10-14"
EXCHANGE_2016_2019_END_OF_SUPPORT = "2025-10-14"
EXCHANGE_2013_END_OF_SUPPORT = "2023-04-11"
EXCHANGE_2010_END_OF_SUPPORT = "2020-10-13"
SFB_SERVER_SUPPORTED = "Skype for Business Server Subscription Edition"
EXCHANGE_SERVER_SUPPORTED = "Exchange Server Subscription Edition (SE)"
# Skype for Business Server's app ID (server-to-server OAuth partner of Exchange).
SKYPE_FOR_BUSINESS_APP_ID = "00000004-0000-0ff1-ce00-000000000000"
# Teams with on-premises mailboxes: "Mailboxes are hosted in Exchange Server 2016 Cumulative
# Update 3 or later", autodiscover and EWS published externally, OAuth configured (Hybrid
# Configuration Wizard). "How Exchange and Microsoft Teams interact"
# (learn.microsoft.com/microsoftteams/exchange-teams-interact). Exchange 2016 CU3 is build
# 15.1.544.27 ("Exchange Server build numbers and release dates").
TEAMS_CALENDAR_MIN_BUILD = (15, 1, 544, 27)
TEAMS_CALENDAR_MIN_NAME = "Exchange Server 2016 CU3"

INTEGRATION_LINKS = {
    "sfb_oauth": "https://learn.microsoft.com/powershell/module/skypeforbusiness/set-csoauthconfiguration",
    "sfb_exchange_online": "https://learn.microsoft.com/skypeforbusiness/deploy/integrate-with-exchange-server/oauth-with-online-and-on-premises",
    "sfb_dns": "https://learn.microsoft.com/skypeforbusiness/plan-your-deployment/network-requirements/dns",
    "sfb_certificates": "https://learn.microsoft.com/skypeforbusiness/plan-your-deployment/network-requirements/certificates",
    "sfb_lifecycle": "https://learn.microsoft.com/lifecycle/products/skype-for-business-server-subscription-edition",
    "um_retirement": "https://learn.microsoft.com/skypeforbusiness/hybrid/plan-um-migration",
    "teams_exchange": "https://learn.microsoft.com/microsoftteams/exchange-teams-interact",
    "teams_exchange_troubleshoot": "https://learn.microsoft.com/microsoftteams/troubleshoot/known-issues/teams-exchange-interaction-issue",
    "hybrid_modern_auth": "https://learn.microsoft.com/microsoft-365/enterprise/configure-exchange-server-for-hybrid-modern-authentication",
    "exchange_builds": "https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates",
    "exchange_se": "https://techcommunity.microsoft.com/blog/exchange/t-1-month-exchange-server-2016-and-exchange-server-2019-end-of-support/4453133",
}

# OAuth between Exchange, SharePoint and Skype for Business (issue 15; integration.tenant,
# .oauth_trust, .auth_metadata, .sharepoint.*). Checked December 2026.
# The well-known app IDs of Microsoft's first-party services, as Bearer challenges and
# Exchange's auth metadata document name them. Exchange Server and Exchange Online share
# one ("Configure OAuth authentication between Exchange and Exchange Online
# organizations": New-PartnerApplication / Set-AuthServer, learn.microsoft.com/exchange/
# configure-oauth-authentication-between-exchange-and-exchange-online-organizations-
# exchange-2013-help); SharePoint's is the one SharePoint Server's S2S trust and every
# SharePoint Online site's Bearer challenge name ("Configure server-to-server
# authentication from SharePoint Server to SharePoint in Microsoft 365",
# learn.microsoft.com/sharepoint/hybrid/configure-server-to-server-authentication). The
# Entra ID (formerly Azure ACS) token issuer is named in `trusted_issuers` as
# "00000001-0000-0000-c000-000000000000@<tenant ID>": Exchange Server answers an anonymous
# request with `WWW-Authenticate: Bearer client_id="<Exchange's app ID>",
# trusted_issuers="00000001-...@<tenant ID>", ...` once hybrid modern authentication
# (New-AuthServer + Set-AuthServer -IsDefaultAuthorizationEndpoint, run by the Hybrid
# Configuration Wizard) is configured ("Configure Exchange Server on-premises to use Hybrid
# Modern Authentication", INTEGRATION_LINKS["hybrid_modern_auth"]).
EXCHANGE_APP_ID = EXCHANGE_ONLINE_APP_ID
SHAREPOINT_APP_ID = "00000003-0000-0ff1-ce00-000000000000"
ENTRA_STS_PRINCIPAL = "00000001-0000-0000-c000-000000000000"
# SharePoint Online's own realm, which every SharePoint Online site's Bearer challenge names
# in its trusted_issuers ("00000003-0000-0ff1-ce00-000000000000@<this>"): a challenge that
# carries it comes from SharePoint Online, whatever host name is in front.
SHAREPOINT_ONLINE_REALM = "90140122-8516-11e1-8eff-49304924019b"
# Exchange's auth metadata document, which its server-to-server partners read
# (New-SPTrustedSecurityTokenIssuer -MetadataEndpoint in SharePoint Server,
# New-CsPartnerApplication -MetadataUrl in Skype for Business Server).
EXCHANGE_AUTH_METADATA_PATH = "/autodiscover/metadata/json/1"
# Warn this many days before Exchange's auth certificate (Get-AuthConfig) expires: the
# renewal (New-ExchangeCertificate, Set-AuthConfig -NewCertificateThumbprint with an
# effective date at least 48 hours ahead, -PublishCertificate) takes days to settle.
AUTH_CERTIFICATE_WARN_DAYS = 30
# SharePoint Online sites live under the tenant's <name>.sharepoint.com (per cloud:
# Environment.sharepoint_suffix). Custom ("vanity") domains were only ever offered for
# the SharePoint Online Public Website, and Microsoft stopped creating those on
# 2015-03-09; existing ones were deleted, the last postponed ones on 2018-03-31
# ("SharePoint Online Public Website to be discontinued", learn.microsoft.com/sharepoint/
# troubleshoot/sites/public-websites-be-discontinued). Since then a SharePoint Online site
# has no supported custom domain: the only way to another name is renaming the tenant's
# SharePoint domain, still under sharepoint.com ("Change your SharePoint domain name",
# learn.microsoft.com/sharepoint/change-your-sharepoint-domain-name).
SPO_PUBLIC_WEBSITES_ENDED = "2015-03-09"
SPO_PUBLIC_WEBSITES_DELETED = "2018-03-31"
# Site mailboxes: deprecated in Exchange Online and SharePoint Online from March 2017 (no
# new ones; "Site mailboxes were deprecated in Exchange Online and SharePoint Online in
# 2017", the Get-SiteMailbox reference, learn.microsoft.com/powershell/module/exchange/
# get-sitemailbox), and retired in April 2021 (message center MC224531, October 2020).
# Microsoft 365 Groups replace them. Exchange Server and SharePoint Server still have them.
SITE_MAILBOXES_DEPRECATED = "2017-03"
SITE_MAILBOXES_RETIRED = "2021-04"

SHAREPOINT_LINKS = {
    "s2s": "https://learn.microsoft.com/sharepoint/hybrid/configure-server-to-server-authentication",
    "exchange_s2s": "https://learn.microsoft.com/sharepoint/administration/configure-server-to-server-authentication-between-sharepoint-and-exchange-server",
    "exchange_oauth": "https://learn.microsoft.com/exchange/configure-oauth-authentication-between-exchange-and-exchange-online-organizations-exchange-2013-help",
    "auth_certificate": "https://learn.microsoft.com/powershell/module/exchange/set-authconfig",
    "public_websites": "https://learn.microsoft.com/sharepoint/troubleshoot/sites/public-websites-be-discontinued",
    "domain_rename": "https://learn.microsoft.com/sharepoint/change-your-sharepoint-domain-name",
    "site_mailboxes": "https://learn.microsoft.com/powershell/module/exchange/get-sitemailbox",
    "groups": "https://learn.microsoft.com/microsoft-365/admin/create-groups/office-365-groups",
}
