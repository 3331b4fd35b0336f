"""What a behaviour's `serve` gets to build itself: its names and the lab's certificates."""

from __future__ import annotations

import functools
import ssl
from dataclasses import dataclass

from assistant.lab.hostile import web
from assistant.lab.hostile.certs import Flaw, FlawedCerts
from assistant.lab.pki import CertVariant, LabPKI


@functools.cache
def _gzip_bomb() -> bytes:
    return web.gzip_bomb_body()


@dataclass(frozen=True)
class Kit:
    domain: str  # <name>.hostile.test: the behaviour's domain, and its mail host
    pki: LabPKI
    flaws: FlawedCerts

    @property
    def ad_host(self) -> str:
        return f"autodiscover.{self.domain}"

    @property
    def host(self) -> str:
        """Where the check dials: autodiscover.<domain> for HTTPS, the domain for mail."""
        return self.domain

    def _names(self) -> list[str]:
        return [self.domain, self.ad_host, f"mx.{self.domain}"]

    def good(self, host: str | None = None) -> ssl.SSLContext:
        return self.pki.server_context([host] if host else self._names())

    def variant(self, variant: CertVariant) -> ssl.SSLContext:
        return self.pki.server_context(self._names(), variant)

    def flawed(self, flaw: Flaw) -> ssl.SSLContext:
        return self.flaws.server_context(self._names(), flaw)

    def gzip_bomb(self) -> bytes:
        return _gzip_bomb()
