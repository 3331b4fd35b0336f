"""Evidence in words: the engine's data keys (`server_name`, `days_left`) as translated
labels, True/False as yes/no, a cloud's value as the environment's name.

Keys the table does not name read as words all the same ("login_host" becomes "Login
host"), looked up in the catalogue under that spelling so a translator can add them.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from assistant.facts import Cloud
from assistant.model import Status
from ui.texts import QT_TRANSLATE_NOOP, cloud_name, engine_text, status_name

CONTEXT = "Evidence"

# Keys whose words are not just the key with spaces (abbreviations, units, Exchange's names).
_LABELS = {
    "address": QT_TRANSLATE_NOOP("Evidence", "Address"),
    "api": QT_TRANSLATE_NOOP("Evidence", "EWS API version"),
    "auth_type": QT_TRANSLATE_NOOP("Evidence", "Sign-in method"),
    "authenticated": QT_TRANSLATE_NOOP("Evidence", "DNSSEC-validated"),
    "body_bytes": QT_TRANSLATE_NOOP("Evidence", "Body size (bytes)"),
    "body_preview": QT_TRANSLATE_NOOP("Evidence", "Body (start)"),
    "candidate": QT_TRANSLATE_NOOP("Evidence", "Candidate"),
    "chain": QT_TRANSLATE_NOOP("Evidence", "Certificate chain"),
    "cipher": QT_TRANSLATE_NOOP("Evidence", "Cipher"),
    "cloud": QT_TRANSLATE_NOOP("Evidence", "Environment"),
    "cloud_instance_name": QT_TRANSLATE_NOOP("Evidence", "Cloud instance"),
    "cname_chain": QT_TRANSLATE_NOOP("Evidence", "CNAME chain"),
    "connect": QT_TRANSLATE_NOOP("Evidence", "Connection"),
    "connect_to": QT_TRANSLATE_NOOP("Evidence", "Connected instead to"),
    "correlation": QT_TRANSLATE_NOOP("Evidence", "Request IDs"),
    "credentials_sent_to": QT_TRANSLATE_NOOP("Evidence", "Credentials sent to"),
    "days_left": QT_TRANSLATE_NOOP("Evidence", "Days left"),
    "domain": QT_TRANSLATE_NOOP("Evidence", "Domain"),
    "elapsed_ms": QT_TRANSLATE_NOOP("Evidence", "Time (ms)"),
    "email": QT_TRANSLATE_NOOP("Evidence", "Email address"),
    "encryption": QT_TRANSLATE_NOOP("Evidence", "Encryption"),
    "error": QT_TRANSLATE_NOOP("Evidence", "Error"),
    "ews_url": QT_TRANSLATE_NOOP("Evidence", "EWS URL"),
    "extra": QT_TRANSLATE_NOOP("Evidence", "Other settings"),
    "headers": QT_TRANSLATE_NOOP("Evidence", "Headers"),
    "host": QT_TRANSLATE_NOOP("Evidence", "Host"),
    "hostname_matches": QT_TRANSLATE_NOOP("Evidence", "Name matches"),
    "imap": QT_TRANSLATE_NOOP("Evidence", "IMAP"),
    "intermediates_sent": QT_TRANSLATE_NOOP("Evidence", "Intermediate certificates sent"),
    "is_ca": QT_TRANSLATE_NOOP("Evidence", "Certificate authority"),
    "issuer": QT_TRANSLATE_NOOP("Evidence", "Issuer"),
    "key": QT_TRANSLATE_NOOP("Evidence", "Key"),
    "login_host": QT_TRANSLATE_NOOP("Evidence", "Sign-in host"),
    "mapi_emsmdb_url": QT_TRANSLATE_NOOP("Evidence", "MAPI mailbox URL"),
    "mapi_nspi_url": QT_TRANSLATE_NOOP("Evidence", "MAPI address book URL"),
    "method": QT_TRANSLATE_NOOP("Evidence", "Method"),
    "name": QT_TRANSLATE_NOOP("Evidence", "Name"),
    "not_after": QT_TRANSLATE_NOOP("Evidence", "Valid until"),
    "not_before": QT_TRANSLATE_NOOP("Evidence", "Valid from"),
    "oab_url": QT_TRANSLATE_NOOP("Evidence", "Offline address book URL"),
    "outcome": QT_TRANSLATE_NOOP("Evidence", "Outcome"),
    "pop": QT_TRANSLATE_NOOP("Evidence", "POP"),
    "port": QT_TRANSLATE_NOOP("Evidence", "Port"),
    "problem": QT_TRANSLATE_NOOP("Evidence", "Problem"),
    "protocol": QT_TRANSLATE_NOOP("Evidence", "Protocol"),
    "proxy": QT_TRANSLATE_NOOP("Evidence", "Proxy"),
    "reason": QT_TRANSLATE_NOOP("Evidence", "Reason"),
    "record": QT_TRANSLATE_NOOP("Evidence", "Record"),
    "region_scope": QT_TRANSLATE_NOOP("Evidence", "Region"),
    "sans": QT_TRANSLATE_NOOP("Evidence", "Names (SAN)"),
    "seconds": QT_TRANSLATE_NOOP("Evidence", "Seconds"),
    "self_signed": QT_TRANSLATE_NOOP("Evidence", "Self-signed"),
    "serial": QT_TRANSLATE_NOOP("Evidence", "Serial number"),
    "server": QT_TRANSLATE_NOOP("Evidence", "Server"),
    "server_name": QT_TRANSLATE_NOOP("Evidence", "Server name"),
    "sha256": QT_TRANSLATE_NOOP("Evidence", "SHA-256"),
    "signature_algorithm": QT_TRANSLATE_NOOP("Evidence", "Signature algorithm"),
    "smtp": QT_TRANSLATE_NOOP("Evidence", "SMTP"),
    "source": QT_TRANSLATE_NOOP("Evidence", "Source"),
    "status": QT_TRANSLATE_NOOP("Evidence", "Status"),
    "subject": QT_TRANSLATE_NOOP("Evidence", "Subject"),
    "tenant_id": QT_TRANSLATE_NOOP("Evidence", "Tenant ID"),
    "truncated": QT_TRANSLATE_NOOP("Evidence", "Truncated"),
    "trusted_domains": QT_TRANSLATE_NOOP("Evidence", "Trusted domains"),
    "ttl": QT_TRANSLATE_NOOP("Evidence", "TTL"),
    "type": QT_TRANSLATE_NOOP("Evidence", "Type"),
    "unreadable": QT_TRANSLATE_NOOP("Evidence", "Unreadable"),
    "url": QT_TRANSLATE_NOOP("Evidence", "URL"),
    "values": QT_TRANSLATE_NOOP("Evidence", "Answer"),
    "verified": QT_TRANSLATE_NOOP("Evidence", "Certificate trusted"),
    "verify_error": QT_TRANSLATE_NOOP("Evidence", "Why not trusted"),
    "winner": QT_TRANSLATE_NOOP("Evidence", "Used"),
    "answer": QT_TRANSLATE_NOOP("Evidence", "Answer"),
    "at": QT_TRANSLATE_NOOP("Evidence", "Time"),
    "by": QT_TRANSLATE_NOOP("Evidence", "Received by"),
    "delay": QT_TRANSLATE_NOOP("Evidence", "Delay"),
    "details": QT_TRANSLATE_NOOP("Evidence", "Details"),
    "endpoint": QT_TRANSLATE_NOOP("Evidence", "Endpoint"),
    "from": QT_TRANSLATE_NOOP("Evidence", "From"),
    "hop": QT_TRANSLATE_NOOP("Evidence", "Hop"),
    "meaning": QT_TRANSLATE_NOOP("Evidence", "Meaning"),
    "request": QT_TRANSLATE_NOOP("Evidence", "Request"),
    "result": QT_TRANSLATE_NOOP("Evidence", "Result"),
    "schemes": QT_TRANSLATE_NOOP("Evidence", "Sign-in schemes"),
    "with": QT_TRANSLATE_NOOP("Evidence", "Protocol used"),
}
_YES = QT_TRANSLATE_NOOP("Evidence", "yes")
_NO = QT_TRANSLATE_NOOP("Evidence", "no")
NOTHING = "—"
_STATUSES = frozenset(s.value for s in Status)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def words(key: str) -> str:
    """`server_name` → "Server name" (translated); a key that is already words stays."""
    known = _LABELS.get(key)
    if known is not None:
        return _tr(known)
    spaced = key.replace("_", " ").strip()
    if not spaced or not key.replace("_", "").isascii() or " " in key:
        return key  # a header or name from data (a table row's own words): as it is
    english = spaced[:1].upper() + spaced[1:]
    return _tr(english)


def yes_no(value: bool) -> str:
    return _tr(_YES if value else _NO)


def value_text(value: Any, key: str = "") -> str:
    """A scalar or a list of scalars as words: yes/no, the environment's name for a cloud,
    "—" for nothing; nested data as compact JSON (callers lay nested data out first)."""
    if value is None or value in ("", []):
        return NOTHING
    if isinstance(value, bool):
        return yes_no(value)
    if key == "status" and isinstance(value, str) and value in _STATUSES:
        return status_name(value)
    if key == "cloud" and isinstance(value, str):
        try:
            return cloud_name(Cloud(value))
        except ValueError:
            return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return engine_text(value) if isinstance(value, str) else str(value)
