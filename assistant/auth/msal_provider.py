"""MsalTokenProvider: the TokenProvider behind `--auth oauth-device|oauth-browser|oauth-app`.

One provider per sign-in configuration. It keeps MSAL's token cache (memory, or the OS's
protected storage when asked) and builds an MSAL app for each acquisition, on a requests
session routed by the asking check's Network: its connect-to rules, CA bundle, deadlines
and cancel token, and only the cloud's login host. Whatever goes wrong becomes
SignInFailed with a named cause (aadsts.py), never an MSAL exception in a report.

    provider = MsalTokenProvider(config)            # config: OAuthConfig.build(...)
    credential = OAuthCredential(mailbox, provider=provider)
"""

from __future__ import annotations

import json
import logging
import time
import webbrowser
from typing import Any

import requests
from msal.exceptions import MsalError

from assistant.auth import aadsts, msal_flows
from assistant.auth.finding import Finding
from assistant.auth.oauth_config import OAuthConfig
from assistant.auth.oauth_credential import AccessToken, SignInFailed, TokenRequest
from assistant.auth.token_cache import memory_cache, protected_cache
from assistant.cancel import Cancelled, DeadlineExceeded
from assistant.facts import OAUTH_LINKS
from assistant.model import Status
from assistant.net.http_exchange import HttpExchange
from assistant.net.routed_session import routed_session
from assistant.text import join, msg

DETAIL_CHARS = 600
# Loggers that would print tokens or Authorization headers at DEBUG.
_SECRET_LOGGERS = ("msal", "requests_oauthlib", "oauthlib", "urllib3")


def quiet_secret_loggers() -> None:
    """Hold loggers that log tokens at DEBUG to INFO, whatever the root logger says."""
    for name in _SECRET_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)


def _default_browser(url: str) -> bool:
    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False


class MsalTokenProvider:
    def __init__(
        self,
        config: OAuthConfig,
        *,
        open_browser: msal_flows.BrowserOpener | None = None,
        cache: Any = None,
    ) -> None:
        """`open_browser(url) -> bool` starts a browser for oauth-browser (the wizard
        passes Qt's; default: the webbrowser module). ProtectedStorageUnavailable when
        config.persist_cache is set and the system has no protected storage."""
        quiet_secret_loggers()
        self.config = config
        self.app_only = config.app_only
        self.protocols = config.protocols
        self.signed_in_as: str | None = None  # the account, after a user's sign-in
        self._open_browser = open_browser or _default_browser
        if cache is not None:
            self._cache = cache
        else:
            self._cache = protected_cache() if config.persist_cache else memory_cache()

    def secrets(self) -> list[str]:
        return self.config.secrets()

    def describe(self) -> str:
        return self.config.describe()

    def acquire(self, request: TokenRequest) -> AccessToken:
        net = request.net
        with routed_session(net, {self.config.login_host}) as routed:
            try:
                app = msal_flows.build_app(self.config, routed.session, self._cache)
                result = msal_flows.run(app, self.config, net, request.notify, self._open_browser)
            except (ValueError, RuntimeError, MsalError, requests.RequestException, OSError) as exc:
                net.token.raise_if_cancelled()
                if net.deadline.expired:
                    raise DeadlineExceeded("the sign-in ran out of time") from None
                raise self._failure_from(exc, routed.exchanges) from None
            finally:
                request.exchanges.extend(routed.exchanges)
        if "access_token" not in result:
            net.token.raise_if_cancelled()
            raise SignInFailed(
                aadsts.explain(result, client_secret=self.config.client_secret),
                _details(result),
            )
        claims = result.get("id_token_claims")
        if isinstance(claims, dict):
            self.signed_in_as = str(claims.get("preferred_username") or "") or None
        expires_in = result.get("expires_in")
        seconds = int(expires_in) if isinstance(expires_in, int | str) else 3600
        return AccessToken(
            value=str(result["access_token"]),
            resource=request.resource,
            expires_on=time.time() + seconds,
            source=self.config.flow.describe(),
        )

    def _failure_from(
        self, exc: BaseException, exchanges: tuple[HttpExchange, ...]
    ) -> SignInFailed:
        """An exception from MSAL or the network, as a named cause. The service's own
        error (e.g. AADSTS90002 from the OpenID configuration) is read from the answer."""
        for exchange in reversed(exchanges):
            if exchange.status >= 400:
                try:
                    body = json.loads(exchange.body_preview)
                except ValueError:
                    continue
                if isinstance(body, dict) and body.get("error"):
                    return SignInFailed(
                        aadsts.explain(body, client_secret=self.config.client_secret),
                        _details(body),
                    )
        if isinstance(exc, Cancelled):
            raise exc
        host = self.config.login_host
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return SignInFailed(
            Finding(
                "idp_unreachable",
                Status.FAIL,
                msg(
                    "the sign-in service {host} could not be used: {error}",
                    host=host,
                    error=text[:DETAIL_CHARS],
                ),
                msg(
                    "Allow HTTPS to {host} through the firewall or proxy, and check that TLS "
                    "inspection leaves it alone (its certificate must validate).",
                    host=host,
                ),
                OAUTH_LINKS["national_clouds"],
            ),
            msg(
                "{exception}: {error}",
                exception=type(exc).__name__,
                error=str(exc)[:DETAIL_CHARS],
            ),
        )


def _details(result: dict[str, Any]) -> str:
    """The service's own words, one field a line ("error_description: AADSTS...")."""
    parts = []
    for key in ("error", "error_description", "correlation_id", "trace_id", "timestamp"):
        value = result.get(key)
        if value:
            parts.append(msg("{key}: {value}", key=key, value=str(value)[:DETAIL_CHARS]))
    return join("\n", parts)
