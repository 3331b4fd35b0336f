"""What a TLS handshake showed, as a frozen record: TlsInspection, read off the socket.

Every TLS step records what CHECKS.md asks for: protocol, cipher, the chain as the
server sent it, whether intermediates were sent, hostname match, and the verdict. The
record is data only, so it can go into evidence and be judged later; the words that
explain it are in tls_explain, and the handshake that produces it is in tls.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ssl
from dataclasses import dataclass
from typing import Any

from assistant.model import Evidence
from assistant.net.certificates import CertificateInfo
from assistant.net.hostname_match import match_hostname
from assistant.net.server_numbers import shown
from assistant.text import msg

SHOWN_PARSER_ERROR = 200  # characters of the certificate parser's complaint a problem repeats


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
    # One sentence per certificate the server sent that could not be read (OpenSSL took
    # it, the stricter parser did not). `chain` then stops before the first of them, so
    # chain[i] is always the i-th certificate sent and chain[0] the leaf.
    unreadable: tuple[str, ...] = ()

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
            "unreadable": list(self.unreadable),
        }

    def to_evidence(self, label: str | None = None) -> Evidence:
        return Evidence(kind="tls", label=label or msg("TLS"), data=self.to_dict())


def _chain_getter(ssock: ssl.SSLSocket, name: str) -> Any:
    """ssock.<name>, else the same method on its private _sslobj; None if neither has it.

    Looked up with getattr: which of the two exists depends on the Python version.
    """
    getter = getattr(ssock, name, None)
    if getter is None:
        getter = getattr(getattr(ssock, "_sslobj", None), name, None)
    return getter


def _sent_chain(ssock: ssl.SSLSocket) -> list[bytes] | None:
    """DER certificates in the order the server sent them (leaf first), if knowable."""
    # Python 3.13 made this public (returning DER bytes); 3.10-3.12 have it only on the
    # private _sslobj (returning _ssl.Certificate objects). A Python without either
    # falls back to the leaf alone.
    getter = _chain_getter(ssock, "get_unverified_chain")
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
    getter = _chain_getter(ssock, "get_verified_chain")
    if getter is None:
        return None
    certs = getter()
    return len(certs) if certs else None


def read_certificates(
    ders: list[bytes], now: dt.datetime
) -> tuple[tuple[CertificateInfo, ...], tuple[str, ...]]:
    """(the certificates sent before the first that could not be read; a sentence for each
    that could not).

    OpenSSL accepts certificates that `cryptography` refuses (a PrintableString with '_'
    in a name, version 4, an unknown key type in a chain certificate...): the handshake
    worked, so what the server sent is reported, never an exception out of the check.
    """
    chain: list[CertificateInfo] = []
    unreadable: list[str] = []
    for position, der in enumerate(ders, start=1):
        try:
            info = CertificateInfo.from_der(der, now=now)
        # cryptography raises ValueError, InvalidVersion, UnsupportedAlgorithm and more
        # for DER it refuses, and a release may add a type (a negative serial number is a
        # warning today, an exception tomorrow): any of them means "could not be read".
        except Exception as exc:
            unreadable.append(
                msg(
                    "certificate {position} of the {count} the server sent (SHA-256 {sha256}) "
                    "could not be read ({error}); the TLS library here took it, but stricter "
                    "clients may refuse it: have it reissued",
                    position=position,
                    count=len(ders),
                    sha256=hashlib.sha256(der).hexdigest(),
                    error=shown(f"{type(exc).__name__}: {exc}", SHOWN_PARSER_ERROR),
                )
            )
            continue
        if len(chain) == position - 1:  # everything before it was read
            chain.append(info)
    return tuple(chain), tuple(unreadable)


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
    chain, unreadable = read_certificates(ders, dt.datetime.now(dt.UTC))
    leaf = chain[0] if chain else None  # None also when the leaf could not be read

    intermediates_sent: bool | None = None
    if exact and ders:
        if len(ders) > 1 or (leaf is not None and leaf.self_signed):
            intermediates_sent = True
        elif verified:
            # Only the leaf was sent, yet it verified: fine if a root issued it directly
            # (chain leaf + root), a gap if the local store supplied the intermediate.
            built = _verified_chain_length(ssock)
            intermediates_sent = None if built is None else built <= 2
        elif leaf is not None:
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
        # A leaf that could not be read has no names to match: unknown, not "mismatch".
        hostname_matches=None if leaf is None else match_hostname(server_name, leaf.sans),
        unreadable=unreadable,
    )
