"""The three sign-ins, driven through MSAL for Python, each returning MSAL's result dict.

- device code: MSAL's `acquire_token_by_device_flow` would block in its own loop (one
  second sleeps, until the code expires). We poll instead: one token request per round
  (`exit_condition=lambda flow: True` makes MSAL return after one try), and between
  rounds we wait on the check's CancelToken, so a cancel returns at once.
- browser: MSAL builds the authorization request (PKCE, state, form_post) and redeems
  the code; the browser comes back to our own loopback listener (net/loopback.py),
  which waits on the cancel token too. Who opens the browser is the caller's choice.
- client credentials: a secret, or a certificate (MSAL signs a PS256 assertion).

The apps are built with the caller's routed requests.Session as `http_client`, so every
request MSAL makes goes through assistant/net, and with `instance_discovery=False`: the
authority hosts here (login.microsoftonline.com/.us, login.partner.microsoftonline.cn)
are MSAL's known hosts anyway, so authority validation needs no network; what the
switch turns off is MSAL's extra call to the central instance-discovery endpoint for
authority aliases, which would only be another host to allow and another request.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import msal
import requests

from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.auth.prompt import BrowserPrompt, DeviceCodePrompt, Prompt
from assistant.cancel import Cancelled, Deadline, DeadlineExceeded
from assistant.net.loopback import RedirectListener
from assistant.net.network import Network

MsalResult = dict[str, Any]
BrowserOpener = Callable[[str], bool]
_POLL_MARGIN = 0.05  # seconds beyond the interval, so MSAL never thinks we polled too soon
_RETRY = ("authorization_pending", "slow_down")


def build_app(config: OAuthConfig, session: requests.Session, cache: Any) -> Any:
    """A PublicClientApplication, or a ConfidentialClientApplication for app-only.
    Building one fetches the tenant's OpenID configuration (raises ValueError when the
    tenant is unknown)."""
    common: dict[str, Any] = {
        "authority": config.authority,
        "http_client": session,
        "token_cache": cache,
        "instance_discovery": False,
    }
    if config.flow is Flow.APP:
        credential: Any = (
            config.certificate.msal_credential()
            if config.certificate is not None
            else config.client_secret
        )
        return msal.ConfidentialClientApplication(
            config.client_id, client_credential=credential, **common
        )
    return msal.PublicClientApplication(config.client_id, **common)


def silent(app: Any, config: OAuthConfig) -> MsalResult | None:
    """A token from the cache (refreshing it if needed), or None."""
    if config.flow is Flow.APP:
        return None  # acquire_token_for_client looks in the cache by itself
    accounts = app.get_accounts(username=config.login_hint) or app.get_accounts()
    if not accounts:
        return None
    result = app.acquire_token_silent(list(config.scopes), account=accounts[0])
    return result if isinstance(result, dict) and "access_token" in result else None


def client_credentials(app: Any, config: OAuthConfig) -> MsalResult:
    result: MsalResult = app.acquire_token_for_client(scopes=list(config.scopes))
    return result


def device_code(
    app: Any, config: OAuthConfig, net: Network, notify: Callable[[Prompt], None]
) -> MsalResult:
    flow: MsalResult = app.initiate_device_flow(scopes=list(config.scopes))
    if "user_code" not in flow:
        return flow  # the error response: unknown app, public flows off, bad scope, ...
    notify(
        DeviceCodePrompt(
            message=str(flow.get("message") or ""),
            verification_uri=str(flow.get("verification_uri") or ""),
            user_code=str(flow["user_code"]),
            expires_at=_utc(float(flow["expires_at"])),
        )
    )
    while True:
        result: MsalResult = app.acquire_token_by_device_flow(flow, exit_condition=_once)
        if result.get("error") not in _RETRY:
            return result
        left = float(flow["expires_at"]) - time.time()
        if left <= 0:
            return {"error": "expired_token", "error_description": "AADSTS70019: code expired"}
        _sleep(net, min(float(flow.get("interval", 5)) + _POLL_MARGIN, left))


def browser(
    app: Any,
    config: OAuthConfig,
    net: Network,
    notify: Callable[[Prompt], None],
    open_browser: BrowserOpener,
) -> MsalResult:
    with RedirectListener(net.token) as listener:
        flow: MsalResult = app.initiate_auth_code_flow(
            list(config.scopes),
            redirect_uri=listener.redirect_uri,
            login_hint=config.login_hint,
            response_mode="form_post",
        )
        if "auth_uri" not in flow:
            return flow
        url = str(flow["auth_uri"])
        opened = bool(open_browser(url))
        notify(BrowserPrompt(url, opened))
        answer = listener.wait(net.deadline)
    result: MsalResult = app.acquire_token_by_auth_code_flow(flow, answer)
    return result


def run(
    app: Any,
    config: OAuthConfig,
    net: Network,
    notify: Callable[[Prompt], None],
    open_browser: BrowserOpener,
) -> MsalResult:
    cached = silent(app, config)
    if cached is not None:
        return cached
    if config.flow is Flow.APP:
        return client_credentials(app, config)
    if config.flow is Flow.DEVICE:
        return device_code(app, config, net, notify)
    return browser(app, config, net, notify, open_browser)


def _once(flow: MsalResult) -> bool:
    return True  # one token request per call: the waiting is ours


def _sleep(net: Network, seconds: float) -> None:
    """Wait between polls; returns at once on cancel, raises at the check's deadline."""
    deadline: Deadline = net.deadline
    if deadline.remaining() <= seconds:
        if net.token.wait(deadline.remaining()):
            raise Cancelled()
        raise DeadlineExceeded("the sign-in was not finished in time")
    if net.token.wait(seconds):
        raise Cancelled()


def _utc(epoch: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC)
