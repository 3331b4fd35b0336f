"""Exchange's auth metadata document, read and judged without a socket: the real shape,
the certificate's days left (pass, the 30-day warning, expired), and hostile answers."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from assistant.checks.policy.auth_metadata import (
    MAX_BYTES,
    AuthMetadata,
    certificate_verdict,
    parse_auth_metadata,
)
from assistant.facts import AUTH_CERTIFICATE_WARN_DAYS, EXCHANGE_APP_ID
from assistant.model import Status

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
REALM = "5f1c6a0e-7d2b-4c8e-9a31-c0a7e57c0de1"
KEY = ec.generate_private_key(ec.SECP256R1())


def certificate(not_after: dt.datetime) -> str:
    name = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, "Microsoft Exchange Server Auth Certificate")]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(KEY.public_key())
        .serial_number(1)
        .not_valid_before(not_after - dt.timedelta(days=1825))
        .not_valid_after(not_after)
        .sign(KEY, hashes.SHA256())
    )
    return base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()


def document(*values: str, **changes: object) -> bytes:
    doc: dict[str, object] = {
        "id": "_5b3e2f1a",
        "version": "1.0",
        "name": "Exchange",
        "realm": REALM,
        "serviceName": EXCHANGE_APP_ID,
        "issuer": f"{EXCHANGE_APP_ID}@{REALM}",
        "allowedAudiences": [f"{EXCHANGE_APP_ID}@{REALM}"],
        "keys": [
            {
                "usage": "signing",
                "keyinfo": {"x5t": "abc"},
                "keyvalue": {"type": "x509Certificate", "value": value},
            }
            for value in values
        ],
    }
    doc.update(changes)
    return json.dumps(doc).encode()


def parsed(body: bytes) -> AuthMetadata:
    found = parse_auth_metadata(body)
    assert isinstance(found, AuthMetadata), found
    return found


def test_the_document_as_exchange_writes_it() -> None:
    found = parsed(document(certificate(NOW + dt.timedelta(days=365))))
    assert (found.realm, found.issuer, found.service_name) == (
        REALM,
        f"{EXCHANGE_APP_ID}@{REALM}",
        EXCHANGE_APP_ID,
    )
    (cert,) = found.certificates
    assert "Microsoft Exchange Server Auth Certificate" in cert.subject
    assert cert.days_left(NOW) == 365
    assert len(cert.thumbprint) == 40


@pytest.mark.parametrize(
    ("days", "status", "words"),
    [
        (365, Status.PASS, "365 days left"),
        (AUTH_CERTIFICATE_WARN_DAYS, Status.PASS, "days left"),
        (AUTH_CERTIFICATE_WARN_DAYS - 1, Status.WARN, "renew it now"),
        (0, Status.WARN, "in 0 days"),
        (-1, Status.FAIL, "expired"),
        (-400, Status.FAIL, "400 days ago"),
    ],
)
def test_days_left(days: int, status: Status, words: str) -> None:
    found = parsed(document(certificate(NOW + dt.timedelta(days=days, hours=1))))
    verdict = certificate_verdict(found, NOW)
    assert verdict.status is status
    assert words in verdict.summary
    assert (verdict.remedy is not None) == status.is_problem
    if status.is_problem:
        assert verdict.remedy is not None and "Set-AuthConfig" in verdict.remedy.text


def test_during_a_renewal_the_next_certificate_counts() -> None:
    old = certificate(NOW - dt.timedelta(days=3))
    new = certificate(NOW + dt.timedelta(days=1800))
    verdict = certificate_verdict(parsed(document(old, new)), NOW)
    assert verdict.status is Status.PASS


def test_no_readable_certificate_fails() -> None:
    found = parsed(document("not base64!", base64.b64encode(b"not DER").decode()))
    assert found.certificates == () and found.unreadable_keys == 2
    verdict = certificate_verdict(found, NOW)
    assert verdict.status is Status.FAIL and "no readable signing certificate" in verdict.summary


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html>404</html>", "not JSON"),
        (b"[]", "not a JSON object"),
        (b"[" * 50_000, "not JSON"),
        (b"{}", "neither an issuer nor signing keys"),
        (b" " * (MAX_BYTES + 1), "larger than"),
        (json.dumps({"keys": "x", "issuer": 5}).encode(), "neither an issuer"),
    ],
)
def test_what_is_not_a_document(body: bytes, reason: str) -> None:
    found = parse_auth_metadata(body)
    assert isinstance(found, str) and reason in found


def test_odd_fields_are_dropped_and_counts_capped() -> None:
    body = document(
        *([certificate(NOW + dt.timedelta(days=100))] * 20),
        realm=["x"],
        issuer="\x1b[31m" + "a" * 500,
    )
    found = parsed(body)
    assert found.realm is None
    # Control characters written as escapes, and at most 200 characters of the value read.
    assert found.issuer is not None and "\x1b" not in found.issuer and len(found.issuer) < 210
    assert len(found.certificates) == 8  # MAX_KEYS
