"""One SPF record (RFC 7208), parsed: its terms, and what is wrong with its syntax.

A pure function of the record's text; the include tree is expanded in spf.py.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.text import msg

QUALIFIERS = "+-~?"
MECHANISMS = ("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists")
MAX_MX_NAMES = 10  # §4.6.4: an "mx" term may not look up more than 10 address records

_SPF_VERSION = re.compile(r"v=spf1(?:\s|\Z)", re.IGNORECASE)
_MODIFIER = re.compile(r"([A-Za-z][A-Za-z0-9\-_.]*)=(.*)\Z", re.DOTALL)
_MECHANISM = re.compile(r"([A-Za-z][A-Za-z0-9]*)(.*)\Z", re.DOTALL)
_MACRO_EXPAND = re.compile(r"%(?:\{([A-Za-z])([0-9]*)(r?)[.\-+,/_=]*\}|[%_-])", re.IGNORECASE)
_DOMAIN_END = re.compile(
    r".*\.(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])\.?\Z",
    re.DOTALL,
)
# RFC 7208's DIGIT is ASCII: \d would take any script's digits, which int() accepts too.
_DUAL_CIDR = re.compile(r"(?:/([0-9]+))?(?://([0-9]+))?\Z")
_CIDR_DIGITS = re.compile(r"(?:0|[1-9][0-9]{0,2})\Z")
_TERM_BREAK = re.compile(r"[ \x00-\x1f\x7f]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_NAMES = {"\r": "CR", "\n": "LF", "\t": "TAB", "\x00": "NUL"}
MAX_CONTROLS_NAMED = 3


@dataclass(frozen=True)
class SpfTerm:
    """One well-formed term of a record.

    `value` is the argument after ``:`` or ``=`` (None when the term has none). For
    ``a`` and ``mx`` the dual CIDR suffix is left out of `value` (it is in `text`);
    for ``ip4``/``ip6`` the prefix length stays in `value`. Modifiers always carry
    qualifier ``+``.
    """

    qualifier: str
    kind: str
    value: str | None
    text: str


@dataclass(frozen=True)
class SpfRecord:
    """A parsed record. `terms` holds only the well-formed terms; the rest are `errors`."""

    terms: tuple[SpfTerm, ...]
    errors: tuple[str, ...]
    all_qualifier: str | None
    redirect: str | None
    warnings: tuple[str, ...] = ()


def spf_records_in(txt_strings: Sequence[str]) -> list[str]:
    """The SPF records among one name's TXT strings (§4.5: "v=spf1" then space or end)."""
    return [s for s in txt_strings if _SPF_VERSION.match(s)]


def parse_spf(text: str) -> SpfRecord:
    # Terms are separated by spaces (0x20) only (§4.6.1, §12). A CR, LF, TAB or other control
    # character is not a separator but part of a term, which makes the record a permerror
    # (§4.6); it is named, and the terms around it are still read for the rest of the audit.
    errors: list[str] = _control_characters(text)
    tokens = [t for t in _TERM_BREAK.split(text) if t]
    warnings: list[str] = []
    if tokens and tokens[0].lower() == "v=spf1":
        tokens = tokens[1:]
    else:
        errors.append(msg("the record does not start with v=spf1"))
        if tokens and tokens[0].lower().startswith("v="):
            tokens = tokens[1:]

    terms: list[SpfTerm] = []
    for token in tokens:
        term, problem = _parse_term(token)
        if problem is not None:
            errors.append(problem)
        if term is not None:
            terms.append(term)

    for name in ("redirect", "exp"):
        count = sum(1 for t in terms if t.kind == name)
        if count > 1:
            errors.append(
                msg("'{name}' appears twice", name=name)
                if count == 2
                else msg("'{name}' appears {count} times", name=name, count=count)
            )

    all_term = next((t for t in terms if t.kind == "all"), None)
    redirect = next((t.value for t in terms if t.kind == "redirect"), None)
    if all_term is not None:
        position = terms.index(all_term)
        ignored = [t.text for t in terms[position + 1 :] if t.kind in MECHANISMS]
        if ignored:
            after = " ".join(ignored)
            warnings.append(
                msg(
                    "terms after '{term}' are never evaluated: {terms}",
                    term=all_term.text,
                    terms=after,
                )
            )
        if redirect is not None:
            warnings.append(
                msg("'redirect={domain}' is ignored because the record has 'all'", domain=redirect)
            )
    for t in terms:
        if t.kind == "ptr":
            warnings.append(
                msg("'{term}' is deprecated (RFC 7208 §5.5) and slow; use ip4/ip6/a", term=t.text)
            )
        elif t.kind == "unknown-modifier":
            warnings.append(msg("unknown modifier '{term}' is ignored", term=t.text))
    return SpfRecord(
        terms=tuple(terms),
        errors=tuple(errors),
        all_qualifier=all_term.qualifier if all_term is not None else None,
        redirect=redirect,
        warnings=tuple(warnings),
    )


def _control_characters(text: str) -> list[str]:
    found = list(_CONTROL.finditer(text))
    named: list[str] = [
        msg(
            "a control character ({name}) at position {position}: SPF separates terms with "
            "spaces only (RFC 7208 §4.6.1), so receivers treat the record as a permerror",
            name=_CONTROL_NAMES.get(m.group(), f"0x{ord(m.group()):02X}"),
            position=m.start() + 1,
        )
        for m in found[:MAX_CONTROLS_NAMED]
    ]
    if len(found) > MAX_CONTROLS_NAMED:
        named.append(msg("{count} more control characters", count=len(found) - MAX_CONTROLS_NAMED))
    return named


def _parse_term(token: str) -> tuple[SpfTerm | None, str | None]:
    """The term, or the plain-language reason the token is not one."""
    explicit = token[0] in QUALIFIERS
    qualifier = token[0] if explicit else "+"
    body = token[1:] if explicit else token
    if not body:
        return None, msg("'{token}' is a qualifier without a mechanism", token=token)
    if not body[0].isascii() or not body[0].isalnum():
        return None, msg(
            "'{token}' has an invalid qualifier (use one of + - ~ ? before the mechanism)",
            token=token,
        )

    modifier = _MODIFIER.match(body)
    if modifier is not None:
        name, value = modifier.group(1).lower(), modifier.group(2)
        if name in MECHANISMS:
            return None, msg(
                "'{token}': {name} is a mechanism, write '{name}:' not '{name}='",
                token=token,
                name=name,
            )
        if explicit:
            return None, msg(
                "'{token}': a modifier such as '{name}=' cannot have a qualifier",
                token=token,
                name=name,
            )
        if name in ("redirect", "exp"):
            problem = _domain_spec_problem(value)
            if problem is not None:
                return None, _token_problem(token, problem)
            return SpfTerm("+", name, value, token), None
        problem = _macro_problem(value)
        if problem is not None:
            return None, _token_problem(token, problem)
        return SpfTerm("+", "unknown-modifier", value, token), None

    mechanism = _MECHANISM.match(body)
    if mechanism is None:  # starts with a digit: often a bare address
        for kind in ("ip4", "ip6"):
            if _ip_problem(kind, body) is None:
                return None, msg(
                    "'{token}' needs '{kind}:' in front of the address", token=token, kind=kind
                )
        return None, msg("unknown mechanism '{token}'", token=token)
    kind, rest = mechanism.group(1).lower(), mechanism.group(2)
    if kind not in MECHANISMS or (rest and rest[0] not in ":/"):
        return None, msg("unknown mechanism '{token}'", token=token)

    if kind == "all":
        if rest:
            return None, msg("'{token}': 'all' takes no value", token=token)
        return SpfTerm(qualifier, kind, None, token), None
    if kind in ("ip4", "ip6"):
        if not rest.startswith(":"):
            example = "ip4:192.0.2.0/24" if kind == "ip4" else "ip6:2001:db8::/32"
            return None, msg(
                "'{token}': {kind} needs an address, e.g. {example}",
                token=token,
                kind=kind,
                example=example,
            )
        problem = _ip_problem(kind, rest[1:])
        if problem is not None:
            return None, problem
        return SpfTerm(qualifier, kind, rest[1:], token), None
    if kind in ("include", "exists"):
        if not rest.startswith(":"):
            return None, msg(
                "'{token}': {kind} needs a domain, e.g. {kind}:example.com", token=token, kind=kind
            )
        problem = _domain_spec_problem(rest[1:])
        if problem is not None:
            return None, _token_problem(token, problem)
        return SpfTerm(qualifier, kind, rest[1:], token), None

    # a, mx, ptr: an optional ":domain", then (a and mx only) an optional dual CIDR
    target = rest
    if kind in ("a", "mx"):
        cidr = _DUAL_CIDR.search(rest)
        if cidr is not None and cidr.group(0):
            target = rest[: cidr.start()]
            for digits, limit in ((cidr.group(1), 32), (cidr.group(2), 128)):
                if digits is not None and not _prefix_ok(digits, limit):
                    return None, msg(
                        "'{token}': prefix length /{digits} must be 0–{limit}",
                        token=token,
                        digits=digits,
                        limit=limit,
                    )
    if not target:
        return SpfTerm(qualifier, kind, None, token), None
    if not target.startswith(":"):
        return None, msg("'{token}' is not a valid {kind} mechanism", token=token, kind=kind)
    problem = _domain_spec_problem(target[1:])
    if problem is not None:
        return None, _token_problem(token, problem)
    return SpfTerm(qualifier, kind, target[1:], token), None


def _token_problem(token: str, problem: str) -> str:
    return msg("'{token}': {problem}", token=token, problem=problem)


def _prefix_ok(digits: str, limit: int) -> bool:
    return bool(_CIDR_DIGITS.match(digits)) and int(digits) <= limit


def _ip_problem(kind: str, value: str) -> str | None:
    address, slash, prefix = value.partition("/")
    limit = 32 if kind == "ip4" else 128
    wanted = "IPv4" if kind == "ip4" else "IPv6"
    message = msg(
        "{kind} value '{value}' is not an {family} address/prefix",
        kind=kind,
        value=value,
        family=wanted,
    )
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return message
    if "%" in address or (slash and not _prefix_ok(prefix, limit)):
        return message
    if parsed.version != (4 if kind == "ip4" else 6):
        other = "ip6" if kind == "ip4" else "ip4"
        return msg(
            "{kind} value '{value}' is not an {family} address/prefix "
            "(use {other}: for IPv{version})",
            kind=kind,
            value=value,
            family=wanted,
            other=other,
            version=parsed.version,
        )
    return None


def _macro_problem(spec: str) -> str | None:
    if any(not (0x21 <= ord(c) <= 0x7E) for c in spec):
        return msg("'{spec}' contains characters that are not allowed", spec=spec)
    for match in _MACRO_EXPAND.finditer(spec):
        letter, digits = match.group(1), match.group(2)
        if letter is None:
            continue
        if letter.lower() not in "slodiphv":
            return msg("'{macro}' is not a macro usable in a domain", macro=match.group(0))
        if digits and not digits.strip("0"):  # zero, however many digits (no int(): unbounded)
            return msg("'{macro}': the number of parts must not be 0", macro=match.group(0))
    if "%" in _MACRO_EXPAND.sub("", spec):
        return msg("'{spec}' has a '%' that does not start a valid macro", spec=spec)
    return None


def _domain_spec_problem(spec: str) -> str | None:
    """Why `spec` is not a valid RFC 7208 domain-spec, or None."""
    if not spec:
        return msg("the domain is missing")
    problem = _macro_problem(spec)
    if problem is not None:
        return problem
    if has_macros(spec):
        ends_in_macro = any(m.end() == len(spec) for m in _MACRO_EXPAND.finditer(spec))
        if ends_in_macro or _DOMAIN_END.match(spec):
            return None
        return msg("'{spec}' does not end in a valid domain", spec=spec)
    name = spec.removesuffix(".")
    labels = name.split(".")
    if len(labels) < 2 or not _DOMAIN_END.match(spec):
        return msg("'{spec}' is not a fully qualified domain name", spec=spec)
    if any(not label or len(label) > 63 for label in labels) or len(name) > 253:
        return msg("'{spec}' is not a valid domain name", spec=spec)
    return None


def has_macros(spec: str) -> bool:
    return "%" in spec
