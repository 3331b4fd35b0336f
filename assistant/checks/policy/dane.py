"""DANE TLSA matching (RFC 6698, RFC 7672 for SMTP), as a pure function of DER bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from assistant.text import msg

USAGES = {0: "PKIX-TA", 1: "PKIX-EE", 2: "DANE-TA", 3: "DANE-EE"}


@dataclass(frozen=True)
class Tlsa:
    usage: int
    selector: int
    matching: int
    data: str  # hex, lowercase

    @classmethod
    def parse(cls, text: str) -> Tlsa:
        """'3 1 1 ABCD...' (presentation form; the hex may be split by spaces)."""
        fields = text.split()
        if len(fields) < 4:
            raise ValueError(msg("TLSA record '{record}' has too few fields", record=text))
        try:
            usage, selector, matching = (int(f) for f in fields[:3])
        except ValueError:
            raise ValueError(
                msg(
                    "TLSA record '{record}' has a usage, selector or type that is not a number",
                    record=text,
                )
            ) from None
        data = "".join(fields[3:]).lower()
        if usage not in USAGES or selector not in (0, 1) or matching not in (0, 1, 2):
            raise ValueError(
                msg("TLSA record '{record}' has an unknown usage, selector or type", record=text)
            )
        return cls(usage, selector, matching, data)

    def describe(self) -> str:
        """'DANE-EE, public key, SHA-256': what the record pins, for an administrator."""
        selector = msg("full certificate") if self.selector == 0 else msg("public key")
        matching = {0: msg("exact"), 1: "SHA-256", 2: "SHA-512"}[self.matching]
        return msg(
            "{usage}, {selector}, {matching}",
            usage=USAGES[self.usage],
            selector=selector,
            matching=matching,
        )


def _selected(der: bytes, selector: int) -> bytes:
    if selector == 0:
        return der
    cert = x509.load_der_x509_certificate(der)
    return cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _digest(data: bytes, matching: int) -> str:
    if matching == 1:
        return hashlib.sha256(data).hexdigest()
    if matching == 2:
        return hashlib.sha512(data).hexdigest()
    return data.hex()


def tlsa_matches(record: Tlsa, chain_der: Sequence[bytes]) -> bool:
    """Whether the certificate chain the server sent satisfies one TLSA record.

    End-entity usages (1, 3) match the leaf; trust-anchor usages (0, 2) match any
    certificate above it that the server sent.
    """
    if not chain_der:
        return False
    candidates = chain_der[:1] if record.usage in (1, 3) else chain_der[1:]
    return any(
        _digest(_selected(der, record.selector), record.matching) == record.data
        for der in candidates
    )


def tlsa_for(der: bytes, usage: int = 3, selector: int = 1, matching: int = 1) -> str:
    """The TLSA presentation text for a certificate; what an admin would publish."""
    return f"{usage} {selector} {matching} {_digest(_selected(der, selector), matching)}"
