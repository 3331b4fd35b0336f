"""One HTTP request made through a routed adapter, kept as evidence.

A plain record: exchangelib's sessions (exchangelib_adapter.py) and MSAL's
(routed_session.py) add one per request; checks and the sign-in turn them into evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.net.caps import header_lines
from assistant.net.http import CORRELATION_HEADERS


@dataclass(frozen=True)
class HttpExchange:
    """One request exchangelib made, as evidence: no request headers, no request body."""

    method: str
    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]  # the kept response headers only
    body_preview: str  # only for answers other than 200
    elapsed_ms: int

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), None)

    def to_dict(self, redact: Callable[[str], str] = str) -> dict[str, object]:
        """The keys of HttpResponse's evidence, where they apply; text passes `redact`."""
        return {
            "method": self.method,
            "url": self.url,
            "status": self.status,
            "reason": self.reason,
            "headers": header_lines(self.headers, redact),
            "correlation": {h: v for h in CORRELATION_HEADERS if (v := self.header(h)) is not None},
            "body_preview": redact(self.body_preview),
            "elapsed_ms": self.elapsed_ms,
        }
