"""One behaviour of the hostile-server catalogue (catalogue.py): what it is, how the lab
serves it, which check meets it, and the words that check's verdict must contain."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.lab.hostile.kit import Kit

SUFFIX = "hostile.test"
EVIL = "hostile-evil.test"
PROTOCOLS = ("dns", "https", "smtp", "mx", "imap", "pop")


@dataclass(frozen=True)
class Behaviour:
    name: str
    protocol: str  # one of PROTOCOLS ("mx": SMTP on port 25, met by relay.port25)
    does: str
    words: tuple[str, ...]  # the verdict names the cause: one of these (case-insensitive)
    serve: Callable[[Kit], object] | None = None  # None: main_lab
    port: int = 0  # the port the check dials (https: 443; dns, mx: their own)
    check: str = ""  # the check ID that meets it (dns: which dns.* check)
    main_lab: str = ""  # a tenant lab scenario domain (or mail host) that plays it already
    hang: bool = False  # a check stopped at its deadline is the right verdict
    may_receive: tuple[str, ...] = ()  # hosts that may legitimately get the password
    # A bug this behaviour found and that is not fixed yet: the test is a strict xfail
    # naming it (it starts failing, so must be updated, the day the bug is fixed).
    known_bug: str = ""

    @property
    def domain(self) -> str:
        return self.main_lab or f"{self.name}.{SUFFIX}"
