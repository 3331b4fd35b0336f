"""The certificate registered on the lab's daemon app, written as a PFX (with a password)
and a PEM (certificate and key), so tests can sign in with `--client-cert`."""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from assistant.lab.leftovers import lab_folder, remove_folder

PFX_PASSWORD = "Lab-Pfx-Passw0rd"  # noqa: S105 - the lab's published test password


class LabClientCertificate:
    def __init__(self, subject: str) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = dt.datetime.now(dt.UTC)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject.removeprefix("CN="))])
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .sign(self.key, hashes.SHA256())
        )
        self.directory = lab_folder("ca-idp-")  # holds a private key: see leftovers.py
        self.pfx_path = self.directory / "daemon.pfx"
        self.pem_path = self.directory / "daemon.pem"
        self.password = PFX_PASSWORD
        self.pfx_path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"daemon",
                self.key,
                self.certificate,
                None,
                serialization.BestAvailableEncryption(PFX_PASSWORD.encode()),
            )
        )
        key_pem = self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        self.pem_path.write_bytes(self.certificate_pem.encode() + key_pem)
        for path in (self.pfx_path, self.pem_path):
            path.chmod(0o600)

    @property
    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    @property
    def thumbprint_sha256(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    def cleanup(self) -> None:
        remove_folder(self.directory)
