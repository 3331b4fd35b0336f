"""What the user signs in with. Secrets live in these objects and nowhere else.

`repr` never shows a secret, so an object that lands in a log or a traceback by
mistake leaks nothing; `secrets()` feeds the run's Redactor so any copy that does
slip into text is masked, and `watch()` hands it every secret learnt later (an OAuth
token acquired while the run goes on).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.auth.oauth_credential import AccessToken, OAuthCredential, SecretWatcher
from assistant.text import msg

__all__ = ["AccessToken", "Credentials", "OAuthCredential", "PasswordCredential"]


@dataclass(frozen=True)
class PasswordCredential:
    username: str
    password: str = field(repr=False)

    def secrets(self) -> list[str]:
        return [self.password]

    def watch(self, callback: SecretWatcher) -> None:
        """A password is known from the start; there is nothing more to hand out."""

    def describe(self) -> str:
        return msg("password for {user}", user=self.username)


Credentials = PasswordCredential | OAuthCredential
