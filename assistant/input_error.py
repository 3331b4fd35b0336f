"""InputError: the one exception every parser of user input raises (config.py,
network_addresses.py, mail_endpoints.py, and the sign-in, relay and report options).

A module of its own, below the parsers, so that each of them can raise it and config.py
can still offer it to the many modules that import it from there.
"""

from __future__ import annotations

from assistant.text import TextError


class InputError(TextError, ValueError):
    """User input that cannot be used; the message is one sentence, made with `msg` so the
    wizard can show it in the user's language (`str(exc)` gives the English). `about`
    names the input it is about when one call checks several ("client_id", "tenant",
    "certificate", "certificate_password", "client_secret", "mailbox"), so the wizard can
    show it beside that field; None when it is not known."""

    def __init__(self, message: str, *, about: str | None = None) -> None:
        super().__init__(message)
        self.about = about
