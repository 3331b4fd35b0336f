"""ews.*: Exchange Web Services, as Outlook for Mac, Teams, Lync/Skype and apps use it.

ews.endpoint   anonymous POST to the EWS URL (our own HTTPS client): TLS, the 401
               challenge and the sign-in schemes it offers, correlation headers.
ews.login      an exchangelib session with the run's credentials: root and Inbox
               folder read, server version. Credentials go only over validated TLS to
               a host the rules allow (the user's domain, Microsoft, or confirmed).
ews.mailbox    what Lync/Teams read: ResolveNames of the user, Inbox count, automatic
               replies, free/busy.
ews.retirement dated notice for Exchange Online (facts.EWS_*); skipped on-premises.

The EWS URL comes from `autodiscover.result` when that check is part of the run
(`after`: ordering only), else from the cloud's defaults; on-premises there is no
default, so ews.endpoint skips unless autodiscover found a URL.
"""

from __future__ import annotations

from assistant.check import Check
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.ews.common import (
    ENDPOINT,
    ENDPOINT_TITLE,
    LOGIN,
    LOGIN_TITLE,
    MAILBOX,
    MAILBOX_TITLE,
    RETIREMENT,
    RETIREMENT_TITLE,
)
from assistant.checks.ews.endpoint import check_endpoint
from assistant.checks.ews.login import check_login, describe_build, password_auth_type
from assistant.checks.ews.mailbox import check_mailbox
from assistant.checks.ews.retirement import check_retirement, retirement_notice
from assistant.checks.oauth_common import AUTH_TOKEN

__all__ = [
    "ENDPOINT",
    "EWS_CHECKS",
    "LOGIN",
    "MAILBOX",
    "RETIREMENT",
    "describe_build",
    "password_auth_type",
    "retirement_notice",
]

EWS_CHECKS: tuple[Check, ...] = (
    Check(ENDPOINT, ENDPOINT_TITLE, check_endpoint, after=(RESULT_CHECK,), starts_early=True),
    Check(
        LOGIN,
        LOGIN_TITLE,
        check_login,
        (ENDPOINT,),
        after=(AUTH_TOKEN,),
        needs_credentials=True,
        oauth_protocol="ews",
    ),
    Check(
        MAILBOX,
        MAILBOX_TITLE,
        check_mailbox,
        (LOGIN,),
        needs_credentials=True,
        oauth_protocol="ews",
    ),
    Check(RETIREMENT, RETIREMENT_TITLE, check_retirement),
)
