"""TLS failures and certificate problems in plain words, decided without a socket.

OpenSSL reports a failed handshake as a reason code or an X509_V_ERR_* number; users
need to hear which certificate is wrong and what to do. Each function here restates
what the handshake and the certificates the server sent (tls_inspection) show, as
translatable text; the verdicts are pure functions of that data, so they are
table-tested without a server.
"""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Sequence

from assistant.net.certificates import CertificateInfo, iso_utc
from assistant.net.tls_inspection import TlsInspection
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

_WEAK_SIGNATURES = frozenset(
    {"md5WithRSAEncryption", "sha1WithRSAEncryption", "ecdsa-with-SHA1", "dsaWithSHA1"}
)
_OLD_PROTOCOLS = frozenset({"SSLv2", "SSLv3", "TLSv1", "TLSv1.1"})


# -- one certificate -----------------------------------------------------------------


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


def wrong_name_reason(leaf: CertificateInfo | None, server_name: str) -> str:
    """Why the certificate does not cover server_name, naming the hosts it is for."""
    if leaf is None:
        return msg("certificate is not for {server_name}", server_name=server_name)
    names = leaf.host_names
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


# -- a failed validation -------------------------------------------------------------


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
            if cert.not_before > iso_utc(dt.datetime.now(dt.UTC)):
                return _not_yet_valid_reason(cert, leaf=i == 0)
        return msg("a certificate in the chain is not valid yet; check this computer's clock")
    if code in (_V_HOSTNAME_MISMATCH, _V_IP_ADDRESS_MISMATCH):
        return wrong_name_reason(leaf, server_name)
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


# -- everything worth telling about a handshake --------------------------------------


def tls_problems(inspection: TlsInspection) -> list[str]:
    """Everything worth telling the user, worst first; empty when all is well."""
    found: list[str] = []
    if not inspection.verified:
        found.append(inspection.verify_error or msg("the certificate was not verified"))
    found.extend(inspection.unreadable)
    leaf = inspection.chain[0] if inspection.chain else None
    if leaf is not None and inspection.hostname_matches is False:
        found.append(wrong_name_reason(leaf, inspection.server_name))
    if leaf is not None and inspection.intermediates_sent is False:
        found.append(
            msg(_MISSING_INTERMEDIATE_VERIFIED)
            if inspection.verified
            else _missing_intermediate_reason(leaf)
        )
    now = iso_utc(dt.datetime.now(dt.UTC))
    for i, cert in enumerate(inspection.chain):
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
    if inspection.protocol in _OLD_PROTOCOLS:
        found.append(
            msg(
                "the server negotiated {protocol}; TLS 1.2 or later is required",
                protocol=inspection.protocol,
            )
        )
    return list(dict.fromkeys(found))  # drop repeats, keep order


# -- a failed handshake --------------------------------------------------------------

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


def explain_handshake_error(err: BaseException, server_name: str, timeout: float) -> str:
    """A handshake that failed for a reason other than the certificate, in plain words."""
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
