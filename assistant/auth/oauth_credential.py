"""An OAuth 2.0 sign-in for one run: access tokens per resource, or a provider that gets
them (MSAL, see msal_provider.py) the first time a check needs one.

Checks ask `token_for(request)`. The first caller runs the provider (a device code
sign-in may wait minutes for the user; it polls with that check's cancel token), every
later caller gets the same token, and a failed sign-in is remembered so that one
refused consent does not start a new device code in every check. Every token the
credential learns is handed to its watchers before any check sees it: the runner adds
it to the run's Redactor there, so no transcript, log or report can show it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from assistant.auth.finding import Finding
from assistant.auth.prompt import Prompt
from assistant.cancel import SLICE
from assistant.model import Status
from assistant.settings_names import setting
from assistant.text import msg

if TYPE_CHECKING:
    from assistant.net.http_exchange import HttpExchange
    from assistant.net.network import Network

SecretWatcher = Callable[[str], None]
EXPIRY_MARGIN = 60.0  # seconds: a token this close to expiry is asked for again


@dataclass(frozen=True)
class AccessToken:
    value: str = field(repr=False)
    resource: str
    expires_on: float | None = None  # epoch seconds; None when unknown
    source: str = ""  # how it was obtained, for the report ("device code sign-in", ...)

    def fresh(self, now: float | None = None) -> bool:
        if self.expires_on is None:
            return True
        return self.expires_on - EXPIRY_MARGIN > (time.time() if now is None else now)


@dataclass
class TokenRequest:
    """One check's request for a token: where its HTTP may go and how to reach the user."""

    resource: str
    net: Network
    notify: Callable[[Prompt], None] = field(default=lambda prompt: None)
    exchanges: list[HttpExchange] = field(default_factory=list)  # what the provider sent


class SignInFailed(Exception):
    """The sign-in service (or the user) refused; `finding` names the cause."""

    def __init__(self, finding: Finding, details: str = "") -> None:
        super().__init__(finding.cause)
        self.finding = finding
        self.details = details  # the service's own description, correlation IDs


class TokenProvider(Protocol):
    app_only: bool
    protocols: tuple[str, ...]  # what the sign-in asks permissions for

    def acquire(self, request: TokenRequest) -> AccessToken:
        """A token for request.resource; raises SignInFailed or Cancelled."""
        ...

    def secrets(self) -> list[str]:
        """Secrets the provider holds (a client secret, a key) for the redactor."""
        ...

    def describe(self) -> str: ...


class OAuthCredential:
    """Tokens for `username`'s mailbox (the XOAUTH2 user=, the mailbox EWS opens)."""

    def __init__(
        self,
        username: str,
        *,
        tokens: Iterable[AccessToken] = (),
        provider: TokenProvider | None = None,
        app_only: bool | None = None,
        protocols: Iterable[str] | None = None,
    ) -> None:
        """`protocols`: what the run signs in to (auth.token checks the token's scopes
        or roles against them); default: the provider's, else all four.
        checks.registry.oauth_protocols() derives them from a run's checks."""
        self.username = username
        if protocols is None:
            protocols = provider.protocols if provider else ("imap", "pop", "smtp", "ews")
        self.protocols = tuple(protocols)
        self.provider = provider
        self.app_only = provider.app_only if app_only is None and provider else bool(app_only)
        self._tokens = {t.resource: t for t in tokens}
        self._failures: dict[str, SignInFailed] = {}
        self._watchers: list[SecretWatcher] = []
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OAuthCredential({self.username!r}, {self.describe()})"

    def describe(self) -> str:
        how = self.provider.describe() if self.provider else msg("access token given by the user")
        return msg("OAuth 2.0 for {user} ({how})", user=self.username, how=how)

    # -- secrets ------------------------------------------------------------------------

    def secrets(self) -> list[str]:
        with self._lock:
            known = [t.value for t in self._tokens.values()]
        return known + (self.provider.secrets() if self.provider else [])

    def watch(self, callback: SecretWatcher) -> None:
        """Call `callback` with every token learnt from now on (before any check gets it)."""
        with self._lock:
            self._watchers.append(callback)

    # -- tokens -------------------------------------------------------------------------

    def cached(self, resource: str) -> AccessToken | None:
        with self._lock:
            return self._tokens.get(resource)

    def failure(self, resource: str) -> SignInFailed | None:
        with self._lock:
            return self._failures.get(resource)

    def token_for(self, request: TokenRequest) -> AccessToken:
        """The token for request.resource: held, or from the provider (one sign-in at a
        time; others wait, each honouring its own cancel token). Raises SignInFailed."""
        cancel = request.net.token
        while not self._lock.acquire(timeout=SLICE):
            cancel.raise_if_cancelled()
        try:
            held = self._tokens.get(request.resource)
            if held is not None and (self.provider is None or held.fresh()):
                return held
            if self.provider is None:
                given = next(iter(self._tokens.values()), None)
                if given is not None:
                    return given  # a token the user gave: used for every resource
                raise SignInFailed(
                    Finding(
                        "no_token",
                        Status.FAIL,
                        msg("no access token for this run"),
                        msg(
                            "Choose OAuth as {sign_in}: device code, browser or app-only.",
                            sign_in=setting("sign_in"),
                        ),
                    )
                )
            earlier = self._failures.get(request.resource)
            if earlier is not None:
                raise earlier
            try:
                token = self.provider.acquire(request)
            except SignInFailed as failed:
                self._failures[request.resource] = failed
                raise
            for watcher in self._watchers:
                watcher(token.value)
            self._tokens[request.resource] = token
            return token
        finally:
            self._lock.release()
