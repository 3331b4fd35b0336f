"""What a sign-in asks the person at the keyboard to do: enter a device code at a URL,
or finish the sign-in in a browser. Plain frozen data; the runner wraps it in a
SignInPrompt event, the CLI prints it on stderr, the wizard shows it. Nothing in it is
secret: the user code is useless without the device code that never leaves the engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DeviceCodePrompt:
    message: str  # Microsoft's own sentence ("To sign in, use a web browser to open ...")
    verification_uri: str
    user_code: str
    expires_at: dt.datetime

    def text(self) -> str:
        return self.message or (
            f"To sign in, open {self.verification_uri} and enter the code {self.user_code}."
        )


@dataclass(frozen=True)
class BrowserPrompt:
    url: str  # the sign-in page; opened in the default browser when possible
    opened: bool  # whether a browser was started

    def text(self) -> str:
        if self.opened:
            return f"Finish the sign-in in your browser. If it did not open, visit: {self.url}"
        return f"Open this address in a browser to sign in: {self.url}"


Prompt = DeviceCodePrompt | BrowserPrompt
