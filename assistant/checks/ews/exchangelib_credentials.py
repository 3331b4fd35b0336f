"""The credentials objects an EWS session gives exchangelib: a password, or our OAuth token.

Both compare equal only to themselves (`route_key`): exchangelib caches one Protocol per
endpoint and credentials, process-wide, and a run's session must never be shared with
another's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.auth.credentials import PasswordCredential


def password_credentials(credential: PasswordCredential, key: str) -> Any:
    from exchangelib import Credentials as ExchangelibCredentials

    class _SessionCredentials(ExchangelibCredentials):  # type: ignore[misc]
        """Equal only to itself: exchangelib's Protocol cache key includes every attribute
        (BaseCredentials.__eq__/__hash__), so `route_key` keeps sessions apart."""

        def __init__(self, username: str, password: str, route_key: str) -> None:
            super().__init__(username, password)
            self.route_key = route_key

    return _SessionCredentials(credential.username, credential.password, key)


@dataclass(frozen=True)
class BearerToken:
    """An OAuth access token for an EWS session, and where it came from."""

    value: str = field(repr=False)
    login_host: str  # the cloud's sign-in service (exchangelib hard-codes the worldwide one)
    app_only: bool = False  # client credentials: open the mailbox by impersonation


def token_credentials(token: BearerToken, email: str, key: str) -> Any:
    from exchangelib import Identity, OAuth2AuthorizationCodeCredentials

    class _TokenCredentials(OAuth2AuthorizationCodeCredentials):  # type: ignore[misc]
        """Our token and our cloud. exchangelib's token URL is hard-coded to
        login.microsoftonline.com; here it names the run's cloud, and exchangelib never
        fetches or refreshes a token itself: it has no client secret (so no automatic
        refresh), and the session's route refuses every host but the EWS endpoint.
        `route_key` keeps sessions apart as for passwords. No `expires_at` is given, so
        an expired token reaches the server, whose refusal is the evidence."""

        def __init__(self, value: str, login_host: str, route_key: str, identity: Any) -> None:
            super().__init__(
                access_token={"access_token": value, "token_type": "Bearer"},
                identity=identity,
            )
            self.route_key = route_key
            self.login_host = login_host

        @property
        def token_url(self) -> str:
            return (
                f"https://{self.login_host}/{self.tenant_id or 'organizations'}/oauth2/v2.0/token"
            )

        def refresh(self, session: Any) -> None:
            """Nothing: a new token comes from the run's credential, not from here."""

    identity = Identity(primary_smtp_address=email) if token.app_only else None
    return _TokenCredentials(token.value, token.login_host, key, identity)
