"""The TLSA record the lab publishes for its MX certificate.

Computed here, not with checks/policy/dane.py: the lab is what dns.dane is tested
against, so the check's own code must not write the answer it is graded on. This takes
the SubjectPublicKeyInfo bytes straight out of the certificate's DER (no key object, no
re-encoding) and hashes them; tests/unit/test_lab_tlsa.py holds vectors made with
`openssl x509 -pubkey | openssl pkey -pubin -outform DER | sha256sum`.
"""

from __future__ import annotations

import hashlib
import ssl

_SEQUENCE = 0x30
_EXPLICIT_VERSION = 0xA0  # [0] EXPLICIT Version, absent in v1 certificates
# TBSCertificate fields before subjectPublicKeyInfo, after the optional version:
# serialNumber, signature, issuer, validity, subject (RFC 5280, section 4.1).
_FIELDS_BEFORE_SPKI = 5


def _element(der: bytes, start: int) -> tuple[int, int, int]:
    """(tag, where the content starts, where the element ends) of the DER element at start."""
    tag, first = der[start], der[start + 1]
    if first < 0x80:
        return tag, start + 2, start + 2 + first
    count = first & 0x7F
    if not 1 <= count <= 4:
        raise ValueError("not a DER length the lab writes")
    length = int.from_bytes(der[start + 2 : start + 2 + count], "big")
    content = start + 2 + count
    return tag, content, content + length


def subject_public_key_info(cert_der: bytes) -> bytes:
    """The certificate's SubjectPublicKeyInfo, as the DER bytes it contains."""
    tag, cert_content, _ = _element(cert_der, 0)
    if tag != _SEQUENCE:
        raise ValueError("not a DER certificate")
    tag, at, _ = _element(cert_der, cert_content)  # TBSCertificate
    if tag != _SEQUENCE:
        raise ValueError("not a DER certificate")
    tag, _, end = _element(cert_der, at)
    if tag == _EXPLICIT_VERSION:
        at = end
    for _ in range(_FIELDS_BEFORE_SPKI):
        at = _element(cert_der, at)[2]
    tag, _, end = _element(cert_der, at)
    if tag != _SEQUENCE:
        raise ValueError("no SubjectPublicKeyInfo where RFC 5280 puts it")
    return cert_der[at:end]


def dane_ee_tlsa(cert_pem: str | bytes) -> str:
    """'3 1 1 <hex>' for a PEM certificate: DANE-EE, its public key, SHA-256 (RFC 7671)."""
    text = cert_pem.decode("ascii") if isinstance(cert_pem, bytes) else cert_pem
    spki = subject_public_key_info(ssl.PEM_cert_to_DER_cert(text))
    return "3 1 1 " + hashlib.sha256(spki).hexdigest()
