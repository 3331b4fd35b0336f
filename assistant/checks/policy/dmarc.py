"""DMARC policy records (RFC 7489 §6.3–6.4), parsed for an administrator.

Errors are what makes receivers ignore or misread the record; warnings are choices
that leave the domain less protected than the owner probably thinks.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.net.server_numbers import ServerNumberError, parse_server_int
from assistant.text import msg

POLICIES = ("none", "quarantine", "reject")

_DMARC_VERSION = re.compile(r"\s*v\s*=\s*dmarc1\b", re.IGNORECASE)
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_RUN_ON_TAG = re.compile(r"\s+(?=[A-Za-z][A-Za-z0-9_]*\s*=)")  # "v=DMARC1 p=reject"
_DMARC_URI = re.compile(r"(.*?)(?:!\d+[kmgt]?)?\Z", re.IGNORECASE | re.DOTALL)
_MAILTO = re.compile(r"mailto:[^@\s,;!]+@[^@\s,;!]+\.[^@\s,;!]+\Z", re.IGNORECASE)
_FO = re.compile(r"[01ds](?::[01ds])*\Z")
_RF = re.compile(r"[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)*\Z")
# Tags from draft DMARCbis that RFC 7489 receivers ignore; not worth a warning.
_LATER_TAGS = frozenset({"np", "psd", "t"})
_KNOWN_TAGS = frozenset({"v", "p", "sp", "rua", "ruf", "adkim", "aspf", "ri", "fo", "rf", "pct"})


@dataclass(frozen=True)
class DmarcRecord:
    """A parsed record.

    `tags` maps lower-case tag names to their (stripped) values, first occurrence
    winning. `policy` and `subdomain_policy` are what the record says, lower-case,
    or None when absent or invalid (receivers then fall back as §6.6.3 says: no
    ``sp`` means ``p`` applies to subdomains).
    """

    tags: Mapping[str, str] = field(hash=False)
    policy: str | None
    subdomain_policy: str | None
    pct: int
    rua: tuple[str, ...]
    ruf: tuple[str, ...]
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def dmarc_records_in(txt_strings: Sequence[str]) -> list[str]:
    """The TXT strings that are meant as DMARC records (v=DMARC1 first).

    Matching ignores case and spacing so that ``v=dmarc1`` is still found and then
    reported by parse_dmarc, rather than looking like "no record".
    """
    return [s for s in txt_strings if _DMARC_VERSION.match(s)]


def parse_dmarc(text: str) -> DmarcRecord:
    errors: list[str] = []
    tags, first = _tag_list(text, errors)

    if first != "v":
        errors.append(msg("the record must start with v=DMARC1"))
    version = tags.get("v")
    if version is not None and version != "DMARC1":
        if version.upper() == "DMARC1":
            errors.append(
                msg("write the version as v=DMARC1 (capitals), not v={version}", version=version)
            )
        else:
            errors.append(msg("v={version} is not a DMARC version; use v=DMARC1", version=version))

    policy = _policy(tags, "p", errors)
    if "p" not in tags:
        errors.append(msg("no p= policy (add p=none, p=quarantine or p=reject)"))
    subdomain_policy = _policy(tags, "sp", errors)

    pct = 100
    if "pct" in tags:
        raw = tags["pct"]
        try:
            pct = parse_server_int(raw, 0, 100)
        except ServerNumberError:
            errors.append(msg("pct={value}: must be a whole number from 0 to 100", value=raw))

    rua = _uris(tags, "rua", errors)
    ruf = _uris(tags, "ruf", errors)
    _check_reporting_tags(tags, errors)

    warnings: list[str] = [
        msg("unknown tag '{tag}={value}' is ignored", tag=key, value=value)
        for key, value in tags.items()
        if key not in _KNOWN_TAGS and key not in _LATER_TAGS
    ]
    if policy == "none":
        warnings.append(msg("p=none is monitoring only: spoofed mail is still delivered"))
    if subdomain_policy == "none" and policy in ("quarantine", "reject"):
        warnings.append(msg("sp=none: spoofed mail from subdomains is still delivered"))
    if pct < 100 and policy in ("quarantine", "reject"):
        warnings.append(
            msg("pct={pct}: the policy applies to only {pct}% of failing mail", pct=pct)
        )
    if not rua:
        warnings.append(msg("no rua= address: you get no aggregate reports"))

    return DmarcRecord(
        tags=types.MappingProxyType(tags),
        policy=policy,
        subdomain_policy=subdomain_policy,
        pct=pct,
        rua=rua,
        ruf=ruf,
        errors=tuple(errors),
        warnings=tuple(warnings),
    )


def _tag_list(text: str, errors: list[str]) -> tuple[dict[str, str], str | None]:
    """Tags by lower-case name (first occurrence wins) and the name of the first tag."""
    pairs: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue  # trailing or doubled semicolons are harmless
        run_on = _RUN_ON_TAG.split(part)
        if len(run_on) > 1:
            errors.append(msg("'{text}': tags must be separated by ';'", text=part))
        pairs.extend(run_on)

    tags: dict[str, str] = {}
    first: str | None = None
    repeated: set[str] = set()
    for pair in pairs:
        name, equals, value = (x.strip() for x in pair.partition("="))
        if not equals:
            errors.append(msg("'{text}' is not a tag=value pair", text=pair))
            continue
        if not _TAG_NAME.match(name):
            errors.append(msg("'{text}' does not start with a valid tag name", text=pair))
            continue
        key = name.lower()
        first = first or key
        if key not in tags:
            tags[key] = value
        elif key not in repeated:
            repeated.add(key)
            errors.append(msg("'{tag}' appears more than once", tag=key))
    return tags, first


def _check_reporting_tags(tags: Mapping[str, str], errors: list[str]) -> None:
    for key, protocol in (("adkim", "DKIM"), ("aspf", "SPF")):
        if key in tags and tags[key].lower() not in ("r", "s"):
            errors.append(
                msg(
                    "{tag}={value}: {protocol} alignment must be r (relaxed) or s (strict)",
                    tag=key,
                    value=tags[key],
                    protocol=protocol,
                )
            )
    if "ri" in tags and not (tags["ri"].isascii() and tags["ri"].isdigit()):
        errors.append(
            msg("ri={value}: the report interval must be a number of seconds", value=tags["ri"])
        )
    if "fo" in tags and not _FO.match(tags["fo"].lower()):
        errors.append(
            msg(
                "fo={value}: failure options must be 0, 1, d or s, joined by ':'",
                value=tags["fo"],
            )
        )
    if "rf" in tags and not _RF.match(tags["rf"]):
        errors.append(msg("rf={value}: the report format must be afrf", value=tags["rf"]))


def _policy(tags: Mapping[str, str], key: str, errors: list[str]) -> str | None:
    if key not in tags:
        return None
    value = tags[key].lower()
    if value in POLICIES:
        return value
    errors.append(
        msg(
            "{tag}={value} is not a policy; use none, quarantine or reject",
            tag=key,
            value=tags[key],
        )
    )
    return None


def _uris(tags: Mapping[str, str], key: str, errors: list[str]) -> tuple[str, ...]:
    """The valid mailto: URIs of `key`, each without its optional "!size" limit."""
    if key not in tags:
        return ()
    found: list[str] = []
    for item in (x.strip() for x in tags[key].split(",")):
        if not item:
            errors.append(msg("{tag}= has an empty address", tag=key))
            continue
        match = _DMARC_URI.match(item)
        uri = match.group(1) if match is not None else item
        if _MAILTO.match(uri):
            found.append(uri)
        elif uri.lower().startswith("mailto:"):
            errors.append(msg("{tag}={value} is not a valid mailto: address", tag=key, value=item))
        elif ":" not in uri:
            errors.append(
                msg(
                    "{tag}={value} must be a mailto: URI, e.g. mailto:{address}",
                    tag=key,
                    value=item,
                    address=uri,
                )
            )
        else:
            errors.append(
                msg(
                    "{tag}={value} must be a mailto: URI (reports are only sent by mail)",
                    tag=key,
                    value=item,
                )
            )
    return tuple(found)
