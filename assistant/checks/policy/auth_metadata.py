"""Exchange's auth metadata document (/autodiscover/metadata/json/1), read and judged
without a socket.

Exchange Server writes it from Get-AuthConfig: `realm`, `issuer` ("<Exchange's app
ID>@<realm>"), `serviceName`, and `keys[]` whose `keyvalue.value` is the signing
certificate (base64 DER) that SharePoint Server and Skype for Business Server validate
Exchange's tokens with. The answer is a stranger's JSON: bounded, and anything not in
that shape is a reason, never an exception.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from cryptography import x509

from assistant.facts import AUTH_CERTIFICATE_WARN_DAYS, SHAREPOINT_LINKS
from assistant.model import Remedy, Status
from assistant.net.server_numbers import shown
from assistant.text import msg

MAX_BYTES = 64 * 1024  # a real document is 2-4 KiB (one or two certificates)
MAX_KEYS = 8
MAX_CERT_CHARS = 16 * 1024  # base64 of one certificate


@dataclass(frozen=True)
class SigningCertificate:
    subject: str
    not_after: dt.datetime
    thumbprint: str  # SHA-1, upper-case hex, as Get-ExchangeCertificate shows it

    def days_left(self, now: dt.datetime) -> int:
        return (self.not_after - now).days

    def to_dict(self, now: dt.datetime) -> dict[str, object]:
        return {
            "subject": self.subject,
            "not_after": self.not_after.isoformat(),
            "days_left": self.days_left(now),
            "thumbprint": self.thumbprint,
        }


@dataclass(frozen=True)
class AuthMetadata:
    realm: str | None
    issuer: str | None
    service_name: str | None
    certificates: tuple[SigningCertificate, ...]
    unreadable_keys: int  # signing keys whose certificate could not be read


def _text(data: dict[str, object], key: str) -> str | None:
    value = data.get(key)
    return shown(value, 200) if isinstance(value, str) and value else None


def _certificate(key: object) -> SigningCertificate | None:
    if not isinstance(key, dict):
        return None
    value = key.get("keyvalue")
    encoded = value.get("value") if isinstance(value, dict) else None
    if not isinstance(encoded, str) or len(encoded) > MAX_CERT_CHARS:
        return None
    try:
        der = base64.b64decode(encoded, validate=True)
        cert = x509.load_der_x509_certificate(der)
        subject = cert.subject.rfc4514_string()
        not_after = cert.not_valid_after_utc
    except (binascii.Error, ValueError):
        return None
    thumbprint = hashlib.sha1(der).hexdigest().upper()  # noqa: S324 - a name, not security
    return SigningCertificate(shown(subject, 200), not_after, thumbprint)


def parse_auth_metadata(body: bytes, *, truncated: bool = False) -> AuthMetadata | str:
    """The document, or the reason (plain words) it is not one."""
    if truncated or len(body) > MAX_BYTES:
        return msg("the answer is larger than {kib} KiB", kib=MAX_BYTES // 1024)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return msg("the answer is not JSON")
    if not isinstance(data, dict):
        return msg("the answer is not a JSON object")
    keys = data.get("keys")
    keys = keys[:MAX_KEYS] if isinstance(keys, list) else []
    signing = [k for k in keys if isinstance(k, dict) and k.get("usage", "signing") == "signing"]
    certificates = [c for k in signing if (c := _certificate(k)) is not None]
    if not signing and _text(data, "issuer") is None:
        return msg("the answer names neither an issuer nor signing keys")
    return AuthMetadata(
        realm=_text(data, "realm"),
        issuer=_text(data, "issuer"),
        service_name=_text(data, "serviceName"),
        certificates=tuple(certificates),
        unreadable_keys=len(signing) - len(certificates),
    )


@dataclass(frozen=True)
class MetadataVerdict:
    status: Status
    summary: str
    remedy: Remedy | None = None


def _renew() -> Remedy:
    return Remedy(
        msg(
            "Renew Exchange's auth certificate: New-ExchangeCertificate -KeySize 2048 "
            "-SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -FriendlyName "
            "'Microsoft Exchange Server Auth Certificate' -DomainName @(), then "
            "Set-AuthConfig -NewCertificateThumbprint <thumbprint> "
            "-NewCertificateEffectiveDate (Get-Date), then Set-AuthConfig -PublishCertificate "
            "(and -ClearPreviousCertificate), restart the MSExchangeServiceHost service and "
            "the web app pools, and re-run the Hybrid Configuration Wizard."
        ),
        SHAREPOINT_LINKS["auth_certificate"],
    )


def certificate_verdict(found: AuthMetadata, now: dt.datetime) -> MetadataVerdict:
    """The document's signing certificate: the one that lasts longest is what counts
    (Exchange publishes the current one and, during a renewal, the next)."""
    if not found.certificates:
        return MetadataVerdict(
            Status.FAIL,
            msg(
                "the document has no readable signing certificate: SharePoint Server, Skype "
                "for Business Server and Exchange Online cannot validate Exchange's tokens"
            ),
            _renew(),
        )
    best = max(found.certificates, key=lambda c: c.not_after)
    days = best.days_left(now)
    when = best.not_after.date().isoformat()
    if days < 0:
        return MetadataVerdict(
            Status.FAIL,
            msg(
                "the Exchange auth certificate expired on {date} ({days} days ago): "
                "SharePoint Server, Skype for Business Server and Exchange Online can no "
                "longer validate its tokens",
                date=when,
                days=-days,
            ),
            _renew(),
        )
    if days < AUTH_CERTIFICATE_WARN_DAYS:
        return MetadataVerdict(
            Status.WARN,
            msg(
                "the Exchange auth certificate expires on {date}, in {days} days: renew it "
                "now (a new one takes effect only after it has reached every server)",
                date=when,
                days=days,
            ),
            _renew(),
        )
    return MetadataVerdict(
        Status.PASS,
        msg(
            "signing certificate valid until {date} ({days} days left)",
            date=when,
            days=days,
        ),
    )
