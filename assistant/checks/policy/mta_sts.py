"""MTA-STS (RFC 8461): the ``_mta-sts`` TXT record, the HTTPS policy file, MX coverage.

The record and the policy are fetched elsewhere; this only reads them. The TXT
field grammar (``v=...; name=value``) is shared with TLS-RPT (RFC 8460 §3), which
imports `parse_txt_fields` from here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.text import msg

MODES = ("enforce", "testing", "none")
MAX_MAX_AGE = 31_557_600  # RFC 8461 §3.2: at most a year

_STS_VERSION = re.compile(r"\s*v\s*=\s*stsv1(?:\s|;|\Z)", re.IGNORECASE)
_FIELD_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}\Z")
# Printable ASCII but ';', with spaces only around commas (TLS-RPT rua lists).
_FIELD_VALUE = re.compile(r"[\x21-\x3a\x3c-\x7e]+(?:[ \t]*,[ \t]*[\x21-\x3a\x3c-\x7e]+)*\Z")
_RUN_ON_FIELD = re.compile(r"\s+(?=[A-Za-z0-9][A-Za-z0-9_.-]*=)")  # "v=STSv1 id=1"
_STS_ID = re.compile(r"[A-Za-z0-9]{1,32}\Z")
_LDH_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")
_MAX_AGE = re.compile(r"[0-9]{1,10}\Z")  # ASCII: int() would take any script's digits
_LINE_BREAK = re.compile(r"\r?\n")


@dataclass(frozen=True)
class MtaStsTxt:
    version: str | None
    id: str | None
    errors: tuple[str, ...]


@dataclass(frozen=True)
class MtaStsPolicy:
    """The policy file. Fields hold valid values only (None/() when missing or invalid)."""

    version: str | None
    mode: str | None
    mx: tuple[str, ...]
    max_age: int | None
    errors: tuple[str, ...]


def parse_txt_fields(text: str, version: str, errors: list[str]) -> dict[str, str]:
    """The ``name=value`` fields of an RFC 8461/8460 TXT record, first occurrence winning.

    Checks that the record starts with ``v=<version>`` (case-sensitive, as the RFCs
    say) and that every field is well formed; problems are appended to `errors`.
    """
    pairs: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        run_on = _RUN_ON_FIELD.split(part)
        if len(run_on) > 1:
            errors.append(msg("'{text}': fields must be separated by ';'", text=part))
        pairs.extend(run_on)

    fields: dict[str, str] = {}
    if pairs and pairs[0].partition("=")[0].strip().lower() == "v":
        written = pairs.pop(0)
        fields["v"] = written.partition("=")[2].strip()
        if written != f"v={version}":
            if written.replace(" ", "").lower() == f"v={version}".lower():
                errors.append(
                    msg(
                        "write the version exactly as v={version}, not {text}",
                        version=version,
                        text=written,
                    )
                )
            else:
                errors.append(msg("{text} is not v={version}", text=written, version=version))
    else:
        errors.append(msg("the record must start with v={version}", version=version))

    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not _FIELD_NAME.match(name):
            errors.append(msg("'{text}' is not a name=value field", text=pair))
            continue
        if not _FIELD_VALUE.match(value):
            errors.append(msg("'{text}' has an empty value or one with spaces", text=pair))
        if name in fields:
            errors.append(msg("'{name}' appears more than once", name=name))
        else:
            fields[name] = value  # kept even when malformed, so "no id=" is not claimed
    return fields


def mta_sts_records_in(txt_strings: Sequence[str]) -> list[str]:
    """The ``_mta-sts`` TXT strings meant as MTA-STS records (case-insensitive, see DMARC)."""
    return [s for s in txt_strings if _STS_VERSION.match(s)]


def parse_mta_sts_txt(text: str) -> MtaStsTxt:
    errors: list[str] = []
    fields = parse_txt_fields(text, "STSv1", errors)
    version = fields.get("v")
    sts_id = fields.get("id")
    if sts_id is None:
        errors.append(msg("no id= field (senders use it to notice a changed policy)"))
    elif not _STS_ID.match(sts_id):
        errors.append(msg("id={value} must be 1 to 32 letters and digits", value=sts_id))
        sts_id = None
    return MtaStsTxt(version=version, id=sts_id, errors=tuple(errors))


def parse_mta_sts_policy(text: str) -> MtaStsPolicy:
    """Read ``/.well-known/mta-sts.txt``: ``key: value`` lines, CRLF or LF."""
    errors: list[str] = []
    single: dict[str, str] = {}
    mx: list[str] = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if not line.strip():
            continue
        key, colon, value = (x.strip() for x in line.partition(":"))
        if not colon:
            errors.append(
                msg(
                    "line {number} is not 'key: value': {text}",
                    number=number,
                    text=repr(line.strip()),
                )
            )
            continue
        if key.lower() in ("version", "mode", "mx", "max_age") and key != key.lower():
            errors.append(
                msg("line {number}: write '{key}' in lower case", number=number, key=key.lower())
            )
            key = key.lower()  # read on, so one mistake gives one error
        if key == "mx":
            problem = mx_pattern_problem(value)
            if problem is None:
                mx.append(value)
            else:
                errors.append(msg("line {number}: {problem}", number=number, problem=problem))
        elif key in ("version", "mode", "max_age"):
            if key in single:
                errors.append(msg("'{name}' appears more than once", name=key))
            else:
                single[key] = value
        # other keys are extensions, which senders ignore (§3.2)

    version = single.get("version")
    if version is None:
        errors.append(msg("no 'version: STSv1' line"))
    elif version != "STSv1":
        errors.append(msg("version: {version} is not supported; use STSv1", version=version))
        version = None

    mode = single.get("mode")
    if mode is None:
        errors.append(msg("no 'mode:' line (enforce, testing or none)"))
    elif mode not in MODES:
        errors.append(msg("mode: {mode} must be enforce, testing or none (lower case)", mode=mode))
        mode = None

    max_age: int | None = None
    raw_age = single.get("max_age")
    if raw_age is None:
        errors.append(msg("no 'max_age:' line"))
    elif _MAX_AGE.match(raw_age) and int(raw_age) <= MAX_MAX_AGE:
        max_age = int(raw_age)
    else:
        errors.append(
            msg(
                "max_age: {value} must be a number of seconds from 0 to {limit}",
                value=raw_age,
                limit=MAX_MAX_AGE,
            )
        )

    if not mx and mode != "none":
        errors.append(msg("no 'mx:' lines: senders could not deliver to any MX under this policy"))
    return MtaStsPolicy(version, mode, tuple(mx), max_age, tuple(errors))


def mx_pattern_problem(pattern: str) -> str | None:
    """Why `pattern` is not a valid policy ``mx:`` value (a host, or ``*.`` + domain)."""
    name = _normalise(pattern)
    name = name.removeprefix("*.")
    labels = name.split(".")
    if not name or len(name) > 253 or not all(_LDH_LABEL.match(label) for label in labels):
        return msg("'{pattern}' is not a valid host name or *.domain pattern", pattern=pattern)
    return None


def mx_pattern_matches(pattern: str, host: str) -> bool:
    """RFC 8461 §4.1: a leading ``*.`` stands for exactly one leftmost label."""
    wanted, name = _normalise(pattern), _normalise(host)
    if not wanted or not name:
        return False
    if wanted.startswith("*."):
        label, dot, rest = name.partition(".")
        return bool(label) and bool(dot) and rest == wanted[2:]
    return name == wanted


def uncovered_mx(policy: MtaStsPolicy, mx_hosts: Sequence[str]) -> list[str]:
    """The MX hosts that no ``mx:`` line of the policy matches, in the order given."""
    return [h for h in mx_hosts if not any(mx_pattern_matches(p, h) for p in policy.mx)]


def _normalise(name: str) -> str:
    return name.strip().lower().rstrip(".")
