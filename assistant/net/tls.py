"""TLS client contexts, the handshake with its deadline, and certificate inspection.

Every TLS step records what CHECKS.md asks for: protocol, cipher, the chain as the
server sent it, whether intermediates were sent, hostname match, and the verdict with
a plain-language reason. When validation fails, `secure()` makes a second,
non-validating handshake only to fetch the chain for display; the caller sends
nothing on it and it is closed at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import ipaddress
import os
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import ExtensionOID, SignatureAlgorithmOID

from assistant.model import Evidence
from assistant.text import N_, msg

EXPIRY_WARNING_DAYS = 30

# OpenSSL X509_V_ERR_* codes we explain in our own words (x509_vfy.h).
_V_UNABLE_TO_GET_ISSUER_CERT = 2
_V_CERT_SIGNATURE_FAILURE = 7
_V_CERT_NOT_YET_VALID = 9
_V_CERT_HAS_EXPIRED = 10
_V_DEPTH_ZERO_SELF_SIGNED_CERT = 18
_V_SELF_SIGNED_CERT_IN_CHAIN = 19
_V_UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20
_V_UNABLE_TO_VERIFY_LEAF_SIGNATURE = 21
_V_CERT_REVOKED = 23
_V_INVALID_PURPOSE = 26
_V_HOSTNAME_MISMATCH = 62
_V_IP_ADDRESS_MISMATCH = 64
_V_EE_KEY_TOO_SMALL = 66
_V_CA_KEY_TOO_SMALL = 67
_V_CA_MD_TOO_WEAK = 68
_V_INVALID_CA = 79

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
_WEAK_SIGNATURES = frozenset(
    {"md5WithRSAEncryption", "sha1WithRSAEncryption", "ecdsa-with-SHA1", "dsaWithSHA1"}
)
_OLD_PROTOCOLS = frozenset({"SSLv2", "SSLv3", "TLSv1", "TLSv1.1"})


def client_context(
    ca_bundle: str | os.PathLike[str] | None = None, *, verify: bool = True
) -> ssl.SSLContext:
    """The one client TLS policy.

    verify=True: certificate and hostname required; the system store, or only
    `ca_bundle` when one is given. verify=False: for the display-only handshake.

    Contexts are shared: building one loads the trust store, which costs ~25 ms of
    CPU with the GIL held (it stalled the GUI's event loop when every connection did
    it). An SSLContext is safe to share between threads; callers must not modify it.
    """
    return _cached_context(None if ca_bundle is None else os.fspath(ca_bundle), verify)


@functools.lru_cache(maxsize=16)
def _cached_context(ca_bundle: str | None, verify: bool) -> ssl.SSLContext:
    if not verify:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx
    ctx = ssl.create_default_context(cafile=ca_bundle)
    # Names come from subjectAltName only, as in browsers and in match_hostname() below,
    # so the verdict and the displayed hostname match can never disagree.
    ctx.hostname_checks_common_name = False
    return ctx


# -- certificates --------------------------------------------------------------------


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
            not_before=_iso(not_before),
            not_after=_iso(not_after),
            days_left=(not_after - when).days,
            key=_describe_key(cert),
            signature_algorithm=_SIGNATURE_NAMES.get(
                cert.signature_algorithm_oid, cert.signature_algorithm_oid.dotted_string
            ),
            sha256=hashlib.sha256(der).hexdigest(),
            is_ca=_is_ca(cert),
            self_signed=_is_self_signed(cert),
        )


def _iso(when: dt.datetime) -> str:
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
    except ValueError:  # unsupported algorithm
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


# -- hostname matching ---------------------------------------------------------------


def match_hostname(server_name: str, sans: Sequence[str]) -> bool:
    """Does a certificate with these SANs ("DNS:..", "IP:..") cover server_name?

    RFC 6125 as OpenSSL applies it for Python: IP names match IP SANs only; a wildcard
    is a whole left-most label, covers exactly one label, and not a bare public suffix.
    """
    name = server_name.strip().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        address = None
    if address is not None:
        for san in sans:
            if san.startswith("IP:"):
                try:
                    if ipaddress.ip_address(san[3:]) == address:
                        return True
                except ValueError:  # an IP network SAN never matches a host
                    continue
        return False
    host = _ascii_lower(name)
    for san in sans:
        if san.startswith("DNS:") and _dns_name_matches(host, _ascii_lower(san[4:].rstrip("."))):
            return True
    return False


def _ascii_lower(name: str) -> str:
    try:
        return name.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return name.lower()


def _dns_name_matches(host: str, pattern: str) -> bool:
    if not pattern.startswith("*."):
        return "*" not in pattern and host == pattern
    rest = pattern[2:]
    if "*" in rest or "." not in rest:  # "*.com" would cover a whole suffix
        return False
    first, _, host_rest = host.partition(".")
    return bool(first) and host_rest == rest


# -- plain-language reasons ----------------------------------------------------------


def _day(iso: str) -> str:
    return iso[:10]


def _expired_reason(cert: CertificateInfo, *, leaf: bool) -> str:
    if leaf:
        return msg("certificate has expired (not after {date})", date=_day(cert.not_after))
    return msg(
        "intermediate certificate {subject} has expired (not after {date})",
        subject=cert.subject,
        date=_day(cert.not_after),
    )


def _not_yet_valid_reason(cert: CertificateInfo, *, leaf: bool) -> str:
    if leaf:
        return msg(
            "certificate is not valid yet (not before {date}); "
            "if that date has passed, check this computer's clock",
            date=_day(cert.not_before),
        )
    return msg(
        "intermediate certificate {subject} is not valid yet (not before {date}); "
        "if that date has passed, check this computer's clock",
        subject=cert.subject,
        date=_day(cert.not_before),
    )


def _expiring_reason(cert: CertificateInfo, *, leaf: bool) -> str:
    date = _day(cert.not_after)
    days = cert.days_left
    if leaf:
        if days == 0:
            return msg("certificate expires today (not after {date})", date=date)
        if days == 1:
            return msg("certificate expires in 1 day (not after {date})", date=date)
        return msg("certificate expires in {days} days (not after {date})", days=days, date=date)
    if days == 0:
        return msg(
            "intermediate certificate {subject} expires today (not after {date})",
            subject=cert.subject,
            date=date,
        )
    if days == 1:
        return msg(
            "intermediate certificate {subject} expires in 1 day (not after {date})",
            subject=cert.subject,
            date=date,
        )
    return msg(
        "intermediate certificate {subject} expires in {days} days (not after {date})",
        subject=cert.subject,
        days=days,
        date=date,
    )


def _wrong_name_reason(cert: CertificateInfo, server_name: str) -> str:
    names = cert.host_names
    if not names:
        return msg(
            "certificate names no host (no subject alternative names), not {server_name}",
            server_name=server_name,
        )
    if len(names) > 5:
        return msg(
            "certificate is for {names} and {more} more, not {server_name}",
            names=", ".join(names[:5]),
            more=len(names) - 5,
            server_name=server_name,
        )
    return msg(
        "certificate is for {names}, not {server_name}",
        names=", ".join(names),
        server_name=server_name,
    )


def _missing_intermediate_reason(leaf: CertificateInfo) -> str:
    return msg(
        "the server did not send its intermediate certificate(s): the certificate is "
        "issued by {issuer}, which is not a trusted root, and the server sent nothing more",
        issuer=leaf.issuer,
    )


_MISSING_INTERMEDIATE_VERIFIED = N_(
    "the server did not send its intermediate certificate(s); this computer completed "
    "the chain from its own store, but other clients may reject the certificate"
)
_UNTRUSTED = N_("issuer not trusted: the chain does not lead to a trusted root")


def explain_verify_error(
    code: int, message: str, chain: Sequence[CertificateInfo], server_name: str
) -> str:
    """OpenSSL's verify code, restated in terms of the certificates the server sent."""
    leaf = chain[0] if chain else None
    if code == _V_CERT_HAS_EXPIRED:
        for i, cert in enumerate(chain):
            if cert.days_left < 0:
                return _expired_reason(cert, leaf=i == 0)
        return msg("a certificate in the chain has expired")
    if code == _V_CERT_NOT_YET_VALID:
        for i, cert in enumerate(chain):
            if cert.not_before > _iso(dt.datetime.now(dt.UTC)):
                return _not_yet_valid_reason(cert, leaf=i == 0)
        return msg("a certificate in the chain is not valid yet; check this computer's clock")
    if code in (_V_HOSTNAME_MISMATCH, _V_IP_ADDRESS_MISMATCH):
        if leaf is not None:
            return _wrong_name_reason(leaf, server_name)
        return msg("certificate is not for {server_name}", server_name=server_name)
    if code == _V_DEPTH_ZERO_SELF_SIGNED_CERT:
        return msg("certificate is self-signed: no trusted authority issued it")
    if code == _V_SELF_SIGNED_CERT_IN_CHAIN:
        if chain:
            return msg(
                "issuer not trusted: the chain ends at a root this computer does not trust "
                "({root})",
                root=chain[-1].subject,
            )
        return msg("issuer not trusted: the chain ends at a root this computer does not trust")
    if code in (
        _V_UNABLE_TO_GET_ISSUER_CERT,
        _V_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
        _V_UNABLE_TO_VERIFY_LEAF_SIGNATURE,
    ):
        if leaf is not None and len(chain) == 1 and not leaf.self_signed:
            return _missing_intermediate_reason(leaf)
        if chain:
            return msg(
                "issuer not trusted: the chain does not lead to a trusted root "
                "(the last certificate sent is issued by {issuer})",
                issuer=chain[-1].issuer,
            )
        return msg(_UNTRUSTED)
    if code == _V_CERT_REVOKED:
        return msg("certificate has been revoked by its issuer")
    if code == _V_INVALID_PURPOSE:
        return msg("certificate is not allowed for TLS servers (key usage / extended key usage)")
    if code in (_V_EE_KEY_TOO_SMALL, _V_CA_KEY_TOO_SMALL):
        return msg(
            "a key in the certificate chain is too small for this computer's security policy"
        )
    if code == _V_CA_MD_TOO_WEAK:
        return msg(
            "the chain is signed with a digest this computer rejects as too weak (e.g. SHA-1)"
        )
    if code == _V_CERT_SIGNATURE_FAILURE:
        return msg("a signature in the certificate chain does not verify")
    if code == _V_INVALID_CA:
        return msg("a certificate in the chain acts as an issuer but is not a valid CA certificate")
    return msg(
        "certificate rejected: {error} (OpenSSL verify code {code})", error=message, code=code
    )


# -- the inspection ------------------------------------------------------------------


@dataclass(frozen=True)
class TlsInspection:
    server_name: str
    verified: bool
    verify_error: str | None
    protocol: str | None  # "TLSv1.3"
    cipher: str | None
    chain: tuple[CertificateInfo, ...]  # as the server sent it, leaf first
    intermediates_sent: bool | None  # None: could not tell
    hostname_matches: bool | None  # None: no certificate seen

    def to_dict(self) -> dict[str, Any]:
        return {
            "server_name": self.server_name,
            "verified": self.verified,
            "verify_error": self.verify_error,
            "protocol": self.protocol,
            "cipher": self.cipher,
            "chain": [c.to_dict() for c in self.chain],
            "intermediates_sent": self.intermediates_sent,
            "hostname_matches": self.hostname_matches,
        }

    def to_evidence(self, label: str | None = None) -> Evidence:
        return Evidence(kind="tls", label=label or msg("TLS"), data=self.to_dict())

    def problems(self) -> list[str]:
        """Everything worth telling the user, worst first; empty when all is well."""
        found: list[str] = []
        if not self.verified:
            found.append(self.verify_error or msg("the certificate was not verified"))
        leaf = self.chain[0] if self.chain else None
        if leaf is not None and self.hostname_matches is False:
            found.append(_wrong_name_reason(leaf, self.server_name))
        if leaf is not None and self.intermediates_sent is False:
            found.append(
                msg(_MISSING_INTERMEDIATE_VERIFIED)
                if self.verified
                else _missing_intermediate_reason(leaf)
            )
        now = _iso(dt.datetime.now(dt.UTC))
        for i, cert in enumerate(self.chain):
            if cert.self_signed and i > 0:
                continue  # a root sent along: its dates are the trust store's business
            if cert.days_left < 0:
                found.append(_expired_reason(cert, leaf=i == 0))
            elif cert.not_before > now:
                found.append(_not_yet_valid_reason(cert, leaf=i == 0))
            elif cert.days_left < EXPIRY_WARNING_DAYS:
                found.append(_expiring_reason(cert, leaf=i == 0))
            if cert.signature_algorithm in _WEAK_SIGNATURES and not cert.self_signed:
                found.append(
                    msg(
                        "certificate {subject} is signed with {algorithm}, "
                        "which current clients reject",
                        subject=cert.subject,
                        algorithm=cert.signature_algorithm,
                    )
                )
        if leaf is not None and leaf.key.startswith("RSA "):
            bits = int(leaf.key.split()[1])
            if bits < 2048:
                found.append(
                    msg("the certificate's key ({key}) is too small; use 2048 bits", key=leaf.key)
                )
        if self.protocol in _OLD_PROTOCOLS:
            found.append(
                msg(
                    "the server negotiated {protocol}; TLS 1.2 or later is required",
                    protocol=self.protocol,
                )
            )
        return list(dict.fromkeys(found))  # drop repeats, keep order


class TlsHandshakeError(Exception):
    """A TLS handshake that did not succeed, in plain words, with what was seen."""

    def __init__(self, message: str, inspection: TlsInspection | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.inspection = inspection

    def __str__(self) -> str:
        return self.message  # the translatable text itself, not a plain copy


def _sent_chain(ssock: ssl.SSLSocket) -> list[bytes] | None:
    """DER certificates in the order the server sent them (leaf first), if knowable."""
    # Python 3.13 made this public (returning DER bytes); 3.10-3.12 have it only on the
    # private _sslobj (returning _ssl.Certificate objects). Both are looked up with
    # getattr, so a Python without either falls back to the leaf alone.
    getter = getattr(ssock, "get_unverified_chain", None)
    if getter is None:
        getter = getattr(getattr(ssock, "_sslobj", None), "get_unverified_chain", None)
    if getter is None:
        return None
    certs = getter()
    if not certs:
        return None
    out: list[bytes] = []
    for cert in certs:
        if isinstance(cert, bytes):
            out.append(cert)
        else:
            out.append(ssl.PEM_cert_to_DER_cert(cert.public_bytes()))
    return out


def sent_chain_der(ssock: ssl.SSLSocket) -> list[bytes]:
    """The certificates the server sent, leaf first, as DER (for DANE matching).

    Falls back to the leaf alone when this Python cannot show the whole chain.
    """
    chain = _sent_chain(ssock)
    if chain:
        return chain
    leaf = ssock.getpeercert(binary_form=True)
    return [leaf] if leaf else []


def _verified_chain_length(ssock: ssl.SSLSocket) -> int | None:
    """Length of the chain OpenSSL built (leaf to trusted root), if knowable."""
    getter = getattr(ssock, "get_verified_chain", None)
    if getter is None:
        getter = getattr(getattr(ssock, "_sslobj", None), "get_verified_chain", None)
    if getter is None:
        return None
    certs = getter()
    return len(certs) if certs else None


def inspect_ssl_socket(
    ssock: ssl.SSLSocket,
    server_name: str,
    *,
    verified: bool,
    verify_error: str | None = None,
) -> TlsInspection:
    """Describe a socket whose handshake has completed."""
    ders = _sent_chain(ssock)
    exact = ders is not None
    if ders is None:
        leaf_der = ssock.getpeercert(binary_form=True)
        ders = [leaf_der] if leaf_der else []
    now = dt.datetime.now(dt.UTC)
    chain = tuple(CertificateInfo.from_der(der, now=now) for der in ders)

    intermediates_sent: bool | None = None
    if exact and chain:
        if len(chain) > 1 or chain[0].self_signed:
            intermediates_sent = True
        elif verified:
            # Only the leaf was sent, yet it verified: fine if a root issued it directly
            # (chain leaf + root), a gap if the local store supplied the intermediate.
            built = _verified_chain_length(ssock)
            intermediates_sent = None if built is None else built <= 2
        else:
            intermediates_sent = False

    cipher = ssock.cipher()
    return TlsInspection(
        server_name=server_name,
        verified=verified,
        verify_error=verify_error,
        protocol=ssock.version(),
        cipher=None if cipher is None else cipher[0],
        chain=chain,
        intermediates_sent=intermediates_sent,
        hostname_matches=match_hostname(server_name, chain[0].sans) if chain else None,
    )


# -- the handshake -------------------------------------------------------------------


def _handshake(
    sock: socket.socket,
    server_name: str,
    context: ssl.SSLContext,
    timeout: float,
) -> ssl.SSLSocket:
    """Run the handshake on a connected socket; the socket is closed if anything fails."""
    try:
        ssock = context.wrap_socket(
            sock, server_hostname=server_name, do_handshake_on_connect=False
        )
    except BaseException:
        sock.close()
        raise
    try:
        ssock.settimeout(timeout)
        ssock.do_handshake()
    except BaseException:
        ssock.close()
        raise
    return ssock


def _display_inspection(
    connect: Callable[[], socket.socket],
    server_name: str,
    context: ssl.SSLContext,
    timeout: float,
    error: ssl.SSLCertVerificationError,
) -> TlsInspection:
    """Second handshake without validation, only to show what the server presents."""
    code = int(error.verify_code or 0)
    message = str(error.verify_message or error.reason or error)
    try:
        ssock = _handshake(connect(), server_name, context, timeout)
    except Exception:  # display only: the caller's connect() may raise anything
        return TlsInspection(
            server_name=server_name,
            verified=False,
            verify_error=explain_verify_error(code, message, (), server_name),
            protocol=None,
            cipher=None,
            chain=(),
            intermediates_sent=None,
            hostname_matches=None,
        )
    try:
        seen = inspect_ssl_socket(ssock, server_name, verified=False)
    finally:
        ssock.close()
    return replace(seen, verify_error=explain_verify_error(code, message, seen.chain, server_name))


_NOT_TLS = frozenset({"WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG"})
_NO_COMMON_VERSION = frozenset(
    {
        "UNSUPPORTED_PROTOCOL",
        "TLSV1_ALERT_PROTOCOL_VERSION",
        "NO_PROTOCOLS_AVAILABLE",
        "VERSION_TOO_LOW",
        "VERSION_TOO_HIGH",
    }
)
_NO_COMMON_CIPHER = frozenset(
    {
        "SSLV3_ALERT_HANDSHAKE_FAILURE",
        "NO_SHARED_CIPHER",
        "NO_CIPHERS_AVAILABLE",
        "TLSV1_ALERT_INSUFFICIENT_SECURITY",
    }
)
_WEAK_SERVER_KEY = frozenset({"DH_KEY_TOO_SMALL", "EE_KEY_TOO_SMALL", "CA_KEY_TOO_SMALL"})
_CLIENT_CERT_WANTED = frozenset(
    {
        "TLSV13_ALERT_CERTIFICATE_REQUIRED",
        "SSLV3_ALERT_BAD_CERTIFICATE",
        "PEER_DID_NOT_RETURN_A_CERTIFICATE",
    }
)


def _explain_handshake_error(err: BaseException, server_name: str, timeout: float) -> str:
    name = server_name
    if isinstance(err, TimeoutError):
        return msg(
            "no TLS answer from {server_name} within {seconds} s",
            server_name=name,
            seconds=f"{timeout:g}",
        )
    if isinstance(err, ssl.SSLEOFError | ssl.SSLZeroReturnError):
        return msg("{server_name} closed the connection during the TLS handshake", server_name=name)
    if isinstance(err, ConnectionResetError):
        return msg("{server_name} reset the connection during the TLS handshake", server_name=name)
    if isinstance(err, ssl.SSLError):
        reason = str(err.reason or "")
        if reason in _NOT_TLS:
            return msg(
                "{server_name} did not answer in TLS: this port may expect plain text "
                "(or STARTTLS) rather than TLS from the first byte",
                server_name=name,
            )
        if reason in _NO_COMMON_VERSION:
            return msg(
                "{server_name} and this computer have no TLS version in common", server_name=name
            )
        if reason in _NO_COMMON_CIPHER:
            return msg(
                "{server_name} refused the handshake: no cipher suite or parameters in common",
                server_name=name,
            )
        if reason in _WEAK_SERVER_KEY:
            return msg(
                "{server_name} uses a key too weak for this computer's security policy",
                server_name=name,
            )
        if reason in _CLIENT_CERT_WANTED:
            return msg("{server_name} asks for a client certificate", server_name=name)
        if reason == "TLSV1_ALERT_UNRECOGNIZED_NAME":
            return msg(
                "{server_name} does not recognise the name {server_name} it was asked for (SNI)",
                server_name=name,
            )
        if reason == "UNEXPECTED_EOF_WHILE_READING":
            return msg(
                "{server_name} closed the connection during the TLS handshake", server_name=name
            )
        return msg(
            "TLS handshake with {server_name} failed: {error}",
            server_name=name,
            error=reason or str(err),
        )
    return msg("TLS handshake with {server_name} failed: {error}", server_name=name, error=str(err))


def secure(
    connect: Callable[[], socket.socket],
    server_name: str,
    context: ssl.SSLContext,
    *,
    timeout: float,
    display_context: ssl.SSLContext | None = None,
) -> tuple[ssl.SSLSocket, TlsInspection]:
    """Run the TLS handshake on what connect() returns, and describe the result.

    connect() gives a plain socket positioned where the handshake starts (for STARTTLS
    protocols, after the STARTTLS exchange). Errors raised by connect() itself pass
    through unchanged. A certificate that fails validation, and any other handshake
    failure, raise TlsHandshakeError; the socket is always closed then.
    """
    sock = connect()  # outside the try: a connect failure is not a TLS failure
    try:
        ssock = _handshake(sock, server_name, context, timeout)
    except ssl.SSLCertVerificationError as err:
        display = display_context if display_context is not None else client_context(verify=False)
        inspection = _display_inspection(connect, server_name, display, timeout, err)
        reason = inspection.verify_error or msg("certificate rejected")
        raise TlsHandshakeError(
            msg(
                "the certificate of {server_name} was not accepted: {reason}",
                server_name=server_name,
                reason=reason,
            ),
            inspection,
        ) from err
    except OSError as err:  # ssl.SSLError, timeouts and resets are all OSErrors
        raise TlsHandshakeError(_explain_handshake_error(err, server_name, timeout)) from err

    try:
        chain_checked = context.verify_mode == ssl.CERT_REQUIRED
        inspection = inspect_ssl_socket(ssock, server_name, verified=chain_checked)
        if not chain_checked:
            inspection = replace(
                inspection,
                verified=False,
                verify_error=msg("certificate not checked: validation is off for this connection"),
            )
        elif not context.check_hostname and inspection.hostname_matches is not True:
            leaf = inspection.chain[0] if inspection.chain else None
            reason = (
                _wrong_name_reason(leaf, server_name)
                if leaf is not None
                else msg("certificate is not for {server_name}", server_name=server_name)
            )
            inspection = replace(inspection, verified=False, verify_error=reason)
    except BaseException:
        ssock.close()
        raise
    return ssock, inspection
