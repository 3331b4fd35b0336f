"""Server certificates that OpenSSL accepts and `cryptography` refuses to read.

Real servers send such certificates (an old CA's PrintableString with '_' in it, a
version field nobody checks), so the TLS inspection must report them, not fail on them.
`cryptography` will not build them, so a normal certificate is made first and its
to-be-signed part edited at the DER level and signed again by the lab CA of this module.
"""

from __future__ import annotations

import datetime as dt
import enum
import pathlib
import ssl
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

_TBS_VERSION, _TBS_SUBJECT = 0, 5  # positions of the fields in TBSCertificate
_OID_ORGANIZATION = bytes.fromhex("060355040a")  # OBJECT IDENTIFIER 2.5.4.10 (O=)
_PRINTABLE_STRING = 0x13


class CertFlaw(enum.Enum):
    VERSION_4 = "version_4"  # version field 3 (X.509 v4, which does not exist)
    PRINTABLE_UNDERSCORE = "printable_underscore"  # subject O= a PrintableString with '_'


@dataclass(frozen=True)
class OddCertFiles:
    ca_pem: pathlib.Path  # the CA that signed the leaf: a client's --ca-bundle
    chain_pem: pathlib.Path  # the leaf alone (the CA issues it directly)
    key_pem: pathlib.Path

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.chain_pem, self.key_pem)
        return ctx


def _tlv(tag: int, body: bytes) -> bytes:
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + body


def _children(body: bytes) -> list[tuple[int, bytes]]:
    """The (tag, contents) of each DER element in `body` (definite lengths only)."""
    out: list[tuple[int, bytes]] = []
    i = 0
    while i < len(body):
        tag, size, i = body[i], body[i + 1], i + 2
        if size & 0x80:
            count = size & 0x7F
            size, i = int.from_bytes(body[i : i + count], "big"), i + count
        out.append((tag, body[i : i + size]))
        i += size
    return out


def _flawed_tbs(tbs: bytes, flaw: CertFlaw) -> bytes:
    [(_, body)] = _children(tbs)
    fields = _children(body)
    if flaw is CertFlaw.VERSION_4:
        fields[_TBS_VERSION] = (0xA0, _tlv(0x02, b"\x03"))
    else:
        org = _tlv(0x30, _OID_ORGANIZATION + _tlv(_PRINTABLE_STRING, b"Lab_Org"))
        fields[_TBS_SUBJECT] = (0x30, fields[_TBS_SUBJECT][1] + _tlv(0x31, org))
    return _tlv(0x30, b"".join(_tlv(tag, value) for tag, value in fields))


def write_odd_server_files(directory: pathlib.Path, hostname: str, flaw: CertFlaw) -> OddCertFiles:
    """A CA and a leaf for `hostname` with `flaw`, written into `directory`."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Odd Certificates Lab CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=20))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    [(_, outer)] = _children(leaf.public_bytes(serialization.Encoding.DER))
    _, (sig_tag, sig_algorithm), _ = _children(outer)
    tbs = _flawed_tbs(leaf.tbs_certificate_bytes, flaw)
    signature = ca_key.sign(tbs, ec.ECDSA(hashes.SHA256()))
    der = _tlv(0x30, tbs + _tlv(sig_tag, sig_algorithm) + _tlv(0x03, b"\x00" + signature))

    files = OddCertFiles(
        directory / f"odd-ca-{flaw.value}.pem",
        directory / f"odd-leaf-{flaw.value}.pem",
        directory / f"odd-leaf-{flaw.value}.key",
    )
    files.ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files.chain_pem.write_text(ssl.DER_cert_to_PEM_cert(der))
    files.key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    files.key_pem.chmod(0o600)
    return files
