"""A client certificate for app-only sign-in, from a PFX (PKCS#12) or PEM file.

Loaded here rather than by MSAL so a wrong password, a file without a private key or an
expired certificate is one plain sentence before any network traffic. The private key
stays in memory (repr hides it) and is offered to the run's Redactor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from assistant.config import InputError
from assistant.settings_names import setting
from assistant.text import msg

MAX_FILE_BYTES = 256 * 1024


@dataclass(frozen=True)
class ClientCertificate:
    private_key_pem: str = field(repr=False)
    certificate_pem: str
    thumbprint_sha1: str  # hex, upper case, as the Entra admin center shows it
    thumbprint_sha256: str
    subject: str
    not_after: dt.datetime

    def msal_credential(self) -> dict[str, str]:
        """MSAL's client_credential: it signs with PS256 and sends x5t#S256 and x5c."""
        return {"private_key": self.private_key_pem, "public_certificate": self.certificate_pem}

    def describe(self) -> str:
        return msg(
            "certificate {subject} (thumbprint {thumbprint})",
            subject=self.subject,
            thumbprint=self.thumbprint_sha1,
        )


def _from_objects(key: object, cert: x509.Certificate | None, path: str) -> ClientCertificate:
    if cert is None:
        raise InputError(
            msg(
                "{setting} {path}: the file holds no certificate",
                path=path,
                setting=setting("client_cert"),
            ),
            about="certificate",
        )
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise InputError(
            msg(
                "{setting} {path}: the file holds no RSA or EC private key",
                path=path,
                setting=setting("client_cert"),
            ),
            about="certificate",
        )
    spki = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    if key.public_key().public_bytes(*spki) != cert.public_key().public_bytes(*spki):
        raise InputError(
            msg(
                "{setting} {path}: the private key does not belong to the certificate",
                path=path,
                setting=setting("client_cert"),
            ),
            about="certificate",
        )
    pem_key = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    return ClientCertificate(
        private_key_pem=pem_key,
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        thumbprint_sha1=cert.fingerprint(hashes.SHA1()).hex().upper(),  # noqa: S303 - Entra's ID
        thumbprint_sha256=cert.fingerprint(hashes.SHA256()).hex().upper(),
        subject=cert.subject.rfc4514_string(),
        not_after=cert.not_valid_after_utc,
    )


def load_client_certificate(path: str | Path, password: str | None = None) -> ClientCertificate:
    """Read a .pfx/.p12 or a PEM file (certificate and private key together). InputError
    names the file's problem (`about` "certificate") or the password's
    ("certificate_password")."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise InputError(
            msg(
                "{setting} {path}: {error}",
                path=where,
                setting=setting("client_cert"),
                error=exc.strerror or str(exc),
            ),
            about="certificate",
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            msg(
                "{setting} {path}: the file is too large for a certificate",
                path=where,
                setting=setting("client_cert"),
            ),
            about="certificate",
        )
    secret = password.encode("utf-8") if password else None
    if b"-----BEGIN" in raw:
        try:
            cert = x509.load_pem_x509_certificate(raw)
        except ValueError:
            raise InputError(
                msg(
                    "{setting} {path}: no PEM certificate in the file",
                    path=where,
                    setting=setting("client_cert"),
                ),
                about="certificate",
            ) from None
        try:
            key = serialization.load_pem_private_key(raw, secret)
        except TypeError:
            raise InputError(
                msg(
                    "{setting} {path}: the private key is encrypted; give its password",
                    path=where,
                    setting=setting("client_cert"),
                ),
                about="certificate_password",
            ) from None
        except ValueError:
            raise InputError(
                msg(
                    "{setting} {path}: no readable private key in the file (or a wrong password)",
                    path=where,
                    setting=setting("client_cert"),
                ),
                about="certificate_password" if password else "certificate",
            ) from None
        return _from_objects(key, cert, where)
    try:
        pfx_key, pfx_cert, _extra = pkcs12.load_key_and_certificates(raw, secret)
    except ValueError:
        raise InputError(
            msg(
                "{setting} {path}: not a readable PFX file, or {password} is wrong",
                path=where,
                setting=setting("client_cert"),
                password=setting("client_cert_password"),
            ),
            about="certificate_password",
        ) from None
    return _from_objects(pfx_key, pfx_cert, where)
