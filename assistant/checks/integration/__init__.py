"""integration.*: what SharePoint, Lync/Skype for Business and Teams need from Exchange
(issue 15).

INTEGRATION_CHECKS in run order: integration.tenant first (every later check compares
what it reads with the tenant ID found there), then the checks it feeds. All of them run
only when asked for (explicit_only): --checks integration, or the wizard's area."""

from __future__ import annotations

from assistant.check import Check
from assistant.checks.integration.auth_metadata import AUTH_METADATA_CHECK
from assistant.checks.integration.lync import (
    LYNC_AUTODISCOVER_CHECK,
    LYNC_DNS_CHECK,
    LYNC_EWS_CHECK,
    LYNC_LYNCDISCOVER_CHECK,
)
from assistant.checks.integration.oauth_trust import OAUTH_TRUST_CHECK
from assistant.checks.integration.sharepoint import (
    SHAREPOINT_S2S_CHECK,
    SHAREPOINT_SITE_CHECK,
    SITE_MAILBOXES_CHECK,
)
from assistant.checks.integration.teams import TEAMS_EXCHANGE_CHECK
from assistant.checks.integration.tenant import TENANT_CHECK

INTEGRATION_CHECKS: tuple[Check, ...] = (
    TENANT_CHECK,
    OAUTH_TRUST_CHECK,
    AUTH_METADATA_CHECK,
    SHAREPOINT_SITE_CHECK,
    SHAREPOINT_S2S_CHECK,
    SITE_MAILBOXES_CHECK,
    LYNC_AUTODISCOVER_CHECK,
    LYNC_EWS_CHECK,
    LYNC_DNS_CHECK,
    LYNC_LYNCDISCOVER_CHECK,
    TEAMS_EXCHANGE_CHECK,
)
