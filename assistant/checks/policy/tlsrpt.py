"""SMTP TLS Reporting (RFC 8460 §3): the ``_smtp._tls`` TXT record."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.checks.policy.mta_sts import parse_txt_fields
from assistant.text import msg

_TLSRPT_VERSION = re.compile(r"\s*v\s*=\s*tlsrptv1(?:\s|;|\Z)", re.IGNORECASE)
_MAILTO = re.compile(r"mailto:[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+\Z", re.IGNORECASE)


@dataclass(frozen=True)
class TlsRpt:
    version: str | None
    rua: tuple[str, ...]  # the valid report destinations only
    errors: tuple[str, ...]


def tlsrpt_records_in(txt_strings: Sequence[str]) -> list[str]:
    """The TXT strings meant as TLS-RPT records (case-insensitive, see DMARC)."""
    return [s for s in txt_strings if _TLSRPT_VERSION.match(s)]


def parse_tlsrpt(text: str) -> TlsRpt:
    errors: list[str] = []
    fields = parse_txt_fields(text, "TLSRPTv1", errors)
    rua: list[str] = []
    if "rua" not in fields:
        errors.append(msg("no rua= field (where reports should be sent)"))
    else:
        for uri in (u.strip() for u in fields["rua"].split(",")):
            problem = _uri_problem(uri)
            if problem is None:
                rua.append(uri)
            else:
                errors.append(problem)
    return TlsRpt(version=fields.get("v"), rua=tuple(rua), errors=tuple(errors))


def _uri_problem(uri: str) -> str | None:
    scheme = uri.partition(":")[0].lower()
    if scheme == "mailto":
        if _MAILTO.match(uri):
            return None
        return msg("rua {uri} is not a valid mailto: address", uri=repr(uri))
    if scheme == "https":
        try:
            host = urlsplit(uri).hostname
        except ValueError:
            host = None
        return None if host else msg("rua {uri} is not a valid https: URL", uri=repr(uri))
    return msg("rua {uri} must start with mailto: or https:", uri=repr(uri))
