"""A throwaway certificate authority for the loopback lab.

One root CA (written to `ca_pem_path`, which a client passes as `--ca-bundle`) and
one intermediate under it. Good leaf certificates are issued by the intermediate and
served together with it, so a client can observe "intermediates sent". Each
`CertVariant` is one of the fault scenarios the checks must explain in plain words.
"""

from __future__ import annotations

import datetime as dt
import enum
import ipaddress
import os
import pathlib
import ssl
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from assistant.lab.leftovers import lab_folder, remove_folder

WRONG_NAME_HOST = "wrong.example.net"
_LAB_ORG = "Connectivity Assistant Lab"


class CertVariant(enum.Enum):
    GOOD = "good"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    WRONG_NAME = "wrong_name"  # issued for WRONG_NAME_HOST instead of the asked-for names
    UNTRUSTED = "untrusted"  # from a second CA the client was not told to trust
    NO_INTERMEDIATE = "no_intermediate"  # the server omits the intermediate it needs
    SELF_SIGNED = "self_signed"


@dataclass(frozen=True)
class _Issued:
    chain_path: pathlib.Path  # leaf first, then whatever the server sends with it
    key_path: pathlib.Path
    leaf_pem: bytes


class LabPKI:
    """Certificates for lab servers; safe to share between threads (issuing takes a lock)."""

    def __init__(self, directory: pathlib.Path | None = None) -> None:
        if directory is None:
            # Holds private keys: removed at exit or on SIGTERM, or by the next lab start if
            # this process dies first (leftovers.py).
            self.directory = lab_folder("ca-lab-pki-")
            # Other lab daemons (Dovecot's auth process) read files from here.
            self.directory.chmod(0o755)
            self._owns_directory = True
        else:
            self.directory = pathlib.Path(directory)
            self.directory.mkdir(parents=True, exist_ok=True)
            self._owns_directory = False
        self._lock = threading.Lock()
        self._issued: dict[tuple[tuple[str, ...], CertVariant], _Issued] = {}
        self._written: list[pathlib.Path] = []
        self._root = trustme.CA(organization_name=_LAB_ORG)
        self._intermediate = self._root.create_child_ca()
        self._untrusted_intermediate: trustme.CA | None = None
        self.ca_pem_path = self.directory / "ca.pem"
        self._write(self.ca_pem_path, self._root.cert_pem.bytes(), 0o644)

    # -- public API ------------------------------------------------------------------

    def server_context(
        self, hostnames: Sequence[str], variant: CertVariant = CertVariant.GOOD
    ) -> ssl.SSLContext:
        """A server-side context presenting the certificate for (hostnames, variant)."""
        issued = self._get(hostnames, variant)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.maximum_version = ssl.TLSVersion.TLSv1_3
        ctx.load_cert_chain(issued.chain_path, issued.key_path)
        return ctx

    def server_cert_pem(
        self, hostnames: Sequence[str], variant: CertVariant = CertVariant.GOOD
    ) -> bytes:
        """The leaf certificate (PEM) served for (hostnames, variant)."""
        return self._get(hostnames, variant).leaf_pem

    def server_files(
        self, hostnames: Sequence[str], variant: CertVariant = CertVariant.GOOD
    ) -> tuple[pathlib.Path, pathlib.Path]:
        """(certificate chain PEM, private key PEM) paths, for servers configured by file."""
        issued = self._get(hostnames, variant)
        return issued.chain_path, issued.key_path

    def client_cert_file(self, name: str) -> pathlib.Path:
        """One PEM file with a certificate for `name` issued by the lab CA, its chain and
        its private key: what a device presents as a TLS client (a connector's match)."""
        chain, key = self.server_files([name])
        path = self.directory / f"client-{name}.pem"
        with self._lock:
            if path not in self._written:
                self._write(path, chain.read_bytes() + key.read_bytes(), 0o600)
        return path

    def cleanup(self) -> None:
        with self._lock:
            if self._owns_directory:
                remove_folder(self.directory)
            else:
                for path in self._written:
                    path.unlink(missing_ok=True)
            self._written.clear()
            self._issued.clear()

    def __enter__(self) -> LabPKI:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.cleanup()

    # -- issuing ---------------------------------------------------------------------

    def _get(self, hostnames: Sequence[str], variant: CertVariant) -> _Issued:
        names = tuple(hostnames)
        if not names:
            raise ValueError("at least one hostname is needed")
        key = (names, variant)
        with self._lock:
            issued = self._issued.get(key)
            if issued is None:
                issued = self._issue(names, variant, index=len(self._issued))
                self._issued[key] = issued
            return issued

    def _issue(self, names: tuple[str, ...], variant: CertVariant, index: int) -> _Issued:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        send_chain = True
        if variant is CertVariant.SELF_SIGNED:
            key_pem, chain = _self_signed(names, now)
        else:
            issuer = self._intermediate
            identities = names
            not_before: dt.datetime | None = None
            not_after: dt.datetime | None = None
            if variant is CertVariant.EXPIRED:
                not_before, not_after = now - dt.timedelta(days=400), now - dt.timedelta(days=2)
            elif variant is CertVariant.NOT_YET_VALID:
                not_before, not_after = now + dt.timedelta(days=30), now + dt.timedelta(days=400)
            elif variant is CertVariant.WRONG_NAME:
                identities = (WRONG_NAME_HOST,)
            elif variant is CertVariant.UNTRUSTED:
                issuer = self._untrusted()
            elif variant is CertVariant.NO_INTERMEDIATE:
                send_chain = False
            leaf = issuer.issue_cert(
                *identities,
                common_name=identities[0],
                organization_name=_LAB_ORG,
                not_before=not_before,
                not_after=not_after,
            )
            key_pem = leaf.private_key_pem.bytes()
            chain = [blob.bytes() for blob in leaf.cert_chain_pems]
        if not send_chain:
            chain = chain[:1]
        stem = f"leaf-{index:03d}-{variant.value}"
        chain_path = self.directory / f"{stem}.pem"
        key_path = self.directory / f"{stem}.key"
        self._write(chain_path, b"".join(chain), 0o644)
        self._write(key_path, key_pem, 0o600)
        return _Issued(chain_path=chain_path, key_path=key_path, leaf_pem=chain[0])

    def _untrusted(self) -> trustme.CA:
        if self._untrusted_intermediate is None:
            other_root = trustme.CA(organization_name="Some Other CA")
            self._untrusted_intermediate = other_root.create_child_ca()
        return self._untrusted_intermediate

    def _write(self, path: pathlib.Path, data: bytes, mode: int) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        path.chmod(mode)  # os.open's mode is filtered by the umask
        self._written.append(path)


def _self_signed(names: tuple[str, ...], now: dt.datetime) -> tuple[bytes, list[bytes]]:
    """A self-signed server certificate, like `openssl req -x509` or a device default."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, _LAB_ORG),
            x509.NameAttribute(NameOID.COMMON_NAME, names[0]),
        ]
    )
    sans: list[x509.GeneralName] = []
    for host in names:
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            sans.append(x509.DNSName(host))
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        # No KeyUsage extension: with one lacking keyCertSign, OpenSSL would not treat
        # the certificate as self-issued and would report a missing issuer instead.
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return key_pem, [cert.public_bytes(serialization.Encoding.PEM)]
