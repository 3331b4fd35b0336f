"""A certificate as people read it: subject, issuer, names, validity, key and fingerprint.

Results and evidence show the chain the server sent, so each certificate becomes a flat,
frozen CertificateInfo that serialises to JSON as it is and needs no parser to read
later. Parsing is lenient on purpose: a malformed extension hides only itself, because
the broken certificate is the one the user most needs to see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import ExtensionOID, SignatureAlgorithmOID

_SIGNATURE_NAMES = {
    SignatureAlgorithmOID.RSA_WITH_MD5: "md5WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA1: "sha1WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA224: "sha224WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA256: "sha256WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA384: "sha384WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA512: "sha512WithRSAEncryption",
    SignatureAlgorithmOID.RSASSA_PSS: "rsassaPss",
    SignatureAlgorithmOID.ECDSA_WITH_SHA1: "ecdsa-with-SHA1",
    SignatureAlgorithmOID.ECDSA_WITH_SHA224: "ecdsa-with-SHA224",
    SignatureAlgorithmOID.ECDSA_WITH_SHA256: "ecdsa-with-SHA256",
    SignatureAlgorithmOID.ECDSA_WITH_SHA384: "ecdsa-with-SHA384",
    SignatureAlgorithmOID.ECDSA_WITH_SHA512: "ecdsa-with-SHA512",
    SignatureAlgorithmOID.DSA_WITH_SHA1: "dsaWithSHA1",
    SignatureAlgorithmOID.DSA_WITH_SHA256: "dsa_with_SHA256",
    SignatureAlgorithmOID.ED25519: "Ed25519",
    SignatureAlgorithmOID.ED448: "Ed448",
}


@dataclass(frozen=True)
class CertificateInfo:
    subject: str  # RFC 4514
    issuer: str
    sans: tuple[str, ...]  # "DNS:name", "IP:addr", "email:..", "URI:.."
    serial: str  # hex
    not_before: str  # ISO 8601 UTC, "Z"
    not_after: str
    days_left: int  # negative once expired
    key: str  # "RSA 2048", "EC secp256r1", "Ed25519"
    signature_algorithm: str
    sha256: str  # hex fingerprint of the DER encoding
    is_ca: bool
    self_signed: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "issuer": self.issuer,
            "sans": list(self.sans),
            "serial": self.serial,
            "not_before": self.not_before,
            "not_after": self.not_after,
            "days_left": self.days_left,
            "key": self.key,
            "signature_algorithm": self.signature_algorithm,
            "sha256": self.sha256,
            "is_ca": self.is_ca,
            "self_signed": self.self_signed,
        }

    @property
    def host_names(self) -> tuple[str, ...]:
        """The DNS and IP names this certificate is for, without prefixes."""
        return tuple(s.split(":", 1)[1] for s in self.sans if s.startswith(("DNS:", "IP:")))

    @classmethod
    def from_der(cls, der: bytes, *, now: dt.datetime | None = None) -> CertificateInfo:
        cert = x509.load_der_x509_certificate(der)
        when = now if now is not None else dt.datetime.now(dt.UTC)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        not_before = cert.not_valid_before_utc
        not_after = cert.not_valid_after_utc
        return cls(
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            sans=_sans(cert),
            serial=format(cert.serial_number, "x"),
            not_before=iso_utc(not_before),
            not_after=iso_utc(not_after),
            days_left=(not_after - when).days,
            key=_describe_key(cert),
            signature_algorithm=_SIGNATURE_NAMES.get(
                cert.signature_algorithm_oid, cert.signature_algorithm_oid.dotted_string
            ),
            sha256=hashlib.sha256(der).hexdigest(),
            is_ca=_is_ca(cert),
            self_signed=_is_self_signed(cert),
        )


def iso_utc(when: dt.datetime) -> str:
    """The form of not_before and not_after: ISO 8601 in UTC, to the second, with "Z".

    Strings in this form sort in time order, so they compare with each other directly.
    """
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _extension_value(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> Any:
    try:
        return cert.extensions.get_extension_for_oid(oid).value
    except x509.ExtensionNotFound:
        return None
    except ValueError:  # a malformed or duplicated extension: show the rest anyway
        return None


def _sans(cert: x509.Certificate) -> tuple[str, ...]:
    san = _extension_value(cert, ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    if not isinstance(san, x509.SubjectAlternativeName):
        return ()
    out: list[str] = []
    for name in san:
        if isinstance(name, x509.DNSName):
            out.append(f"DNS:{name.value}")
        elif isinstance(name, x509.IPAddress):
            out.append(f"IP:{name.value}")
        elif isinstance(name, x509.RFC822Name):
            out.append(f"email:{name.value}")
        elif isinstance(name, x509.UniformResourceIdentifier):
            out.append(f"URI:{name.value}")
    return tuple(out)


def _describe_key(cert: x509.Certificate) -> str:
    try:
        key = cert.public_key()
    except (ValueError, UnsupportedAlgorithm):  # a key type cryptography does not know
        return "unknown"
    if isinstance(key, rsa.RSAPublicKey):
        return f"RSA {key.key_size}"
    if isinstance(key, ec.EllipticCurvePublicKey):
        return f"EC {key.curve.name}"
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519"
    if isinstance(key, ed448.Ed448PublicKey):
        return "Ed448"
    if isinstance(key, dsa.DSAPublicKey):
        return f"DSA {key.key_size}"
    return type(key).__name__


def _is_ca(cert: x509.Certificate) -> bool:
    constraints = _extension_value(cert, ExtensionOID.BASIC_CONSTRAINTS)
    return isinstance(constraints, x509.BasicConstraints) and constraints.ca


def _is_self_signed(cert: x509.Certificate) -> bool:
    if cert.subject != cert.issuer:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True
