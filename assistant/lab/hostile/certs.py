"""Server certificates that a careful client must refuse, beyond what LabPKI issues:
a 1024-bit RSA key, a SHA-1 signature, and an extension whose contents do not parse.

They come from a CA of their own (trusted by the hostile lab's CA bundle, so the refusal
is about the flaw, not the issuer). Server contexts drop OpenSSL's security level: a
real server with such a certificate serves it, only the client should object.
"""

from __future__ import annotations

import datetime as dt
import enum
import pathlib
import ssl

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from assistant.lab.odd_certs import _children, _tlv  # DER helpers, shared on purpose

_CERTIFICATE_POLICIES = ObjectIdentifier("2.5.29.32")
# AlgorithmIdentifier contents: OID 1.2.840.113549.1.1.5 (sha1WithRSAEncryption), NULL.
_SHA1_WITH_RSA = bytes.fromhex("06092a864886f70d0101050500")
_TBS_SIGNATURE = 2  # version, serialNumber, signature, ...


class Flaw(enum.Enum):
    WEAK_KEY = "weak_key"  # RSA 1024
    SHA1 = "sha1"  # signed with SHA-1 (RSA, so OpenSSL can sign it)
    BAD_EXTENSION = "bad_extension"  # certificatePolicies whose DER is garbage


class FlawedCerts:
    """A CA and leaves with flaws, written under `directory`."""

    def __init__(self, directory: pathlib.Path) -> None:
        self.directory = directory
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        self._now = now
        self._issued = 0
        self._ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hostile Lab CA")])
        self.ca = (
            x509.CertificateBuilder()
            .subject_name(self._ca_name)
            .issuer_name(self._ca_name)
            .public_key(self._ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .sign(self._ca_key, hashes.SHA256())
        )
        self.ca_pem = self.ca.public_bytes(serialization.Encoding.PEM)

    def server_context(self, hostnames: list[str], flaw: Flaw) -> ssl.SSLContext:
        chain, key = self._write(hostnames, flaw)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.set_ciphers("DEFAULT:@SECLEVEL=0")  # or OpenSSL will not serve a 1024-bit key
        ctx.load_cert_chain(chain, key)
        return ctx

    def _resigned_with_sha1(self, cert: x509.Certificate) -> bytes:
        """`cert` with sha1WithRSAEncryption in both algorithm fields, signed again:
        `cryptography` no longer signs with SHA-1, so the DER is edited (odd_certs.py)."""
        [(_, tbs_body)] = _children(cert.tbs_certificate_bytes)
        fields = _children(tbs_body)
        fields[_TBS_SIGNATURE] = (0x30, _SHA1_WITH_RSA)
        tbs = _tlv(0x30, b"".join(_tlv(tag, value) for tag, value in fields))
        signature = self._ca_key.sign(tbs, padding.PKCS1v15(), hashes.SHA1())  # noqa: S303
        algorithm = _tlv(0x30, _SHA1_WITH_RSA)
        return _tlv(0x30, tbs + algorithm + _tlv(0x03, b"\x00" + signature))

    def _write(self, hostnames: list[str], flaw: Flaw) -> tuple[pathlib.Path, pathlib.Path]:
        key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
        key = (
            rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - the flaw
            if flaw is Flaw.WEAK_KEY
            else ec.generate_private_key(ec.SECP256R1())
        )
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostnames[0])]))
            .issuer_name(self._ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(self._now - dt.timedelta(days=1))
            .not_valid_after(self._now + dt.timedelta(days=20))
            .add_extension(
                x509.SubjectAlternativeName([x509.DNSName(h) for h in hostnames]), critical=False
            )
        )
        if flaw is Flaw.BAD_EXTENSION:
            # Tag 0xFF with a length running past the end: no DER parser can read it.
            garbage = x509.UnrecognizedExtension(_CERTIFICATE_POLICIES, b"\xff\x85\xff\xff")
            builder = builder.add_extension(garbage, critical=False)
        else:
            usage = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH])
            builder = builder.add_extension(usage, critical=False)
        cert = builder.sign(self._ca_key, hashes.SHA256())
        der = cert.public_bytes(serialization.Encoding.DER)
        if flaw is Flaw.SHA1:
            der = self._resigned_with_sha1(cert)
        self._issued += 1
        stem = f"hostile-{self._issued:03d}-{flaw.value}"
        chain, key_path = self.directory / f"{stem}.pem", self.directory / f"{stem}.key"
        chain.write_text(ssl.DER_cert_to_PEM_cert(der))
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        key_path.chmod(0o600)
        return chain, key_path
