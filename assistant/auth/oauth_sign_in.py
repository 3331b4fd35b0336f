"""From what a person typed (the CLI's options, the wizard's Sign-in page) to the OAuth
credential of one run. cli_auth.py and the wizard both come through here, so they check
the input alike and build the same provider:

    certificate = load_client_certificate(path, pfx_password)      # app-only, or None
    config = oauth_config(Flow.APP, client_id=..., target=target, mailbox=mailbox,
                          protocols=oauth_protocols(check_ids), tenant=..., certificate=...)
    credential = oauth_credential(config, mailbox, open_browser=...)

Nothing here touches the network: the sign-in itself happens in the run (auth.token).
Every problem is an InputError with one sentence and `about` naming the input.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.auth.client_cert import ClientCertificate
from assistant.auth.msal_flows import BrowserOpener
from assistant.auth.msal_provider import MsalTokenProvider
from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.auth.oauth_credential import OAuthCredential
from assistant.auth.token_cache import ProtectedStorageUnavailable
from assistant.config import InputError, Target
from assistant.settings_names import setting
from assistant.text import msg


def oauth_mailbox(*candidates: str | None) -> str:
    """The mailbox the token is for: the first address given (app-only's mailbox, then the
    login name, then the email being tested)."""
    mailbox = next((c.strip() for c in candidates if c and c.strip()), "")
    if "@" not in mailbox:
        raise InputError(
            msg(
                "OAuth needs a mailbox: give {email} (or {mailbox} for app-only)",
                email=setting("email"),
                mailbox=setting("mailbox"),
            ),
            about="mailbox",
        )
    return mailbox


def oauth_config(
    flow: Flow | str,
    *,
    client_id: str,
    target: Target,
    mailbox: str,
    protocols: Sequence[str],
    tenant: str | None = None,
    client_secret: str | None = None,
    certificate: ClientCertificate | None = None,
    persist_cache: bool = False,
    tenant_from_domain: bool = True,
) -> OAuthConfig:
    """The checked configuration (OAuthConfig.build): the target's cloud, its domain as the
    tenant when none is given (unless `tenant_from_domain` is off: the wizard asks for
    the tenant of an app-only sign-in), and the mailbox as the user's login hint."""
    app_only = flow in (Flow.APP, Flow.APP.value)
    return OAuthConfig.build(
        flow,
        client_id=client_id,
        cloud=target.cloud,
        tenant=tenant,
        domain=target.domain if tenant_from_domain else None,
        protocols=protocols,
        client_secret=client_secret,
        certificate=certificate,
        login_hint=None if app_only else mailbox,
        persist_cache=persist_cache,
    )


def oauth_credential(
    config: OAuthConfig, mailbox: str, *, open_browser: BrowserOpener | None = None
) -> OAuthCredential:
    """The run's credential: a provider that signs in when auth.token first asks.
    `open_browser(url) -> bool` starts the browser for a browser sign-in (called from
    the run's worker thread; default: the webbrowser module)."""
    try:
        provider = MsalTokenProvider(config, open_browser=open_browser)
    except ProtectedStorageUnavailable as exc:
        raise InputError(str(exc)) from None
    return OAuthCredential(mailbox, provider=provider, protocols=config.protocols)
