"""What the user signs in with. Secrets live in these objects and nowhere else.

`repr` never shows a secret, so an object that lands in a log or a traceback by
mistake leaks nothing; `secrets()` feeds the run's Redactor so any copy that does
slip into text is masked.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PasswordCredential:
    username: str
    password: str = field(repr=False)

    def secrets(self) -> list[str]:
        return [self.password]

    def describe(self) -> str:
        return f"password for {self.username}"


Credentials = PasswordCredential  # OAuth tokens join this union in the OAuth issue
