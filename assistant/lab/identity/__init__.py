"""A Microsoft Entra ID stand-in for the lab: OpenID configuration, JWKS, device code,
authorization code (browser), refresh token and client credentials, issuing RS256 JWTs
that the lab's Dovecot, SMTP submission, EWS, autodiscover and MAPI servers validate.
See provider.py for the test hooks and registry.py for the apps and their faults."""

from assistant.lab.identity.provider import LabIdentityProvider
from assistant.lab.identity.registry import (
    CONNECTIVITY_APP,
    CONTOSO_TENANT,
    DAEMON_APP,
    DAEMON_MAILBOXES,
    DAEMON_SECRET,
    DAEMON_SECRET_ID,
    EWS_ONLY_APP,
    FOREIGN_APP,
    GOV_DOMAIN,
    GOV_TENANT,
    NO_CONSENT_APP,
    NO_PUBLIC_APP,
    NORTHWIND_DOMAIN,
    NORTHWIND_TENANT,
    ORPHAN_APP,
    ROLELESS_APP,
)
from assistant.lab.identity.resolve import LOGIN_HOSTS
from assistant.lab.identity.validator import BearerCheck, LabTokenValidator

__all__ = [
    "CONNECTIVITY_APP",
    "CONTOSO_TENANT",
    "DAEMON_APP",
    "DAEMON_MAILBOXES",
    "DAEMON_SECRET",
    "DAEMON_SECRET_ID",
    "EWS_ONLY_APP",
    "FOREIGN_APP",
    "GOV_DOMAIN",
    "GOV_TENANT",
    "LOGIN_HOSTS",
    "NORTHWIND_DOMAIN",
    "NORTHWIND_TENANT",
    "NO_CONSENT_APP",
    "NO_PUBLIC_APP",
    "ORPHAN_APP",
    "ROLELESS_APP",
    "BearerCheck",
    "LabIdentityProvider",
    "LabTokenValidator",
]
