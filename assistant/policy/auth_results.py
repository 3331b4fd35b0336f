"""What the receiving side concluded about a message's authenticity: the
`Authentication-Results` header (RFC 8601) and Exchange Online's anti-spam headers.

RFC 8601 writes `authserv-id; method=result (comment) ptype.property=value; ...`.
Exchange Online leaves the authserv-id out and starts with the first method:

    spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=contoso.com; dkim=none (message not
    signed) header.d=none;dmarc=none action=none header.from=contoso.com;compauth=pass
    reason=100

`parse_results` reads both forms: a first segment without "=" is the authserv-id.
Methods read: spf, dkim, dmarc, compauth (with its reason code), arc, and any other as
it is. `X-Forefront-Antispam-Report` (SFV:SPM is spam, SCL, CAT) and
`X-MS-Exchange-Organization-AuthAs` (Anonymous, Internal, Partner) say why a message
went to Junk. Microsoft Learn, "Anti-spam message headers in Microsoft 365" and
"Email authentication in EOP" (compauth reason codes), read 2025.

Bounded and linear: each header cut to MAX_HEADER_CHARS, at most MAX_SEGMENTS methods,
one pass each. Pure, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.text import msg

MAX_HEADER_CHARS = 8192
MAX_HEADERS = 16
MAX_SEGMENTS = 32
MAX_FIELD_CHARS = 255
KNOWN_METHODS = ("spf", "dkim", "dmarc", "compauth", "arc")
# Results that mean the check did not hold (RFC 8601 section 2.7; compauth's own).
FAILING = frozenset({"fail", "softfail", "permerror", "temperror", "neutral", "policy"})

# compauth reason codes (the first digit decides), Microsoft Learn, "Anti-spam message
# headers", the Authentication-results table.
_PASSED = msg("the message passed composite authentication")
_BYPASSED = msg("composite authentication was bypassed")
_COMPAUTH_REASONS = {
    "0": msg(
        "the message failed explicit authentication (DMARC fail with a quarantine or reject "
        "policy, or the sender is explicitly blocked from spoofing)"
    ),
    "1": _PASSED,
    "2": msg("the message soft-passed implicit authentication"),
    "3": msg("composite authentication was not checked"),
    "4": _BYPASSED,
    "5": _BYPASSED,
    "6": msg(
        "the message failed implicit authentication and the sender domain is one of the "
        "organisation's own accepted domains (intra-organisation spoofing)"
    ),
    "7": _PASSED,
    "9": _BYPASSED,
}
# SFV values of X-Forefront-Antispam-Report (the spam filtering verdict).
SFV_MEANINGS = {
    "SPM": msg("marked as spam by spam filtering"),
    "NSPM": msg("not spam"),
    "SKS": msg("marked as spam before spam filtering (for example by a mail flow rule)"),
    "SKQ": msg("released from quarantine"),
    "SKA": msg("allowed by an allow list of the anti-spam policy"),
    "SKB": msg("marked as spam by a block list of the anti-spam policy"),
    "SKN": msg("marked as not spam before spam filtering (for example by a mail flow rule)"),
    "SKI": msg("sent within the organisation, spam filtering skipped"),
    "SFE": msg("allowed by the recipient's safe senders"),
    "BLK": msg("blocked by the recipient's blocked senders"),
}


@dataclass(frozen=True)
class MethodResult:
    method: str  # "spf", "dkim", "dmarc", "compauth", "arc", ...
    result: str  # "pass", "fail", "none", "softfail", ...
    comment: str  # "(sender IP is 1.2.3.4)" without the parentheses, "" when none
    properties: tuple[tuple[str, str], ...]  # ("smtp.mailfrom", "contoso.com"), ("reason", "100")

    def get(self, name: str) -> str:
        return next((v for k, v in self.properties if k == name), "")

    @property
    def passed(self) -> bool:
        return self.result == "pass"

    @property
    def failed(self) -> bool:
        return self.result in FAILING


@dataclass(frozen=True)
class AuthResults:
    authserv_id: str  # "" in Exchange Online's form
    methods: tuple[MethodResult, ...]

    def get(self, method: str) -> MethodResult | None:
        return next((m for m in self.methods if m.method == method), None)


def parse_results(value: str) -> AuthResults:
    """One `Authentication-Results` header's value."""
    segments = _split(_unfold(value[:MAX_HEADER_CHARS]), ";")
    authserv = ""
    methods: list[MethodResult] = []
    for index, segment in enumerate(segments[: MAX_SEGMENTS + 1]):
        if len(methods) >= MAX_SEGMENTS:
            break
        words, comments = _words(segment)
        if not words:
            continue
        first = words[0]
        if "=" not in first:
            if index == 0:
                authserv = first[:MAX_FIELD_CHARS]
            continue  # RFC 8601 "none", or a version number after the authserv-id
        method, _, result = first.partition("=")
        method = method.split("/", 1)[0].lower()  # "dkim/1=pass": a method version
        props: list[tuple[str, str]] = []
        for word in words[1:]:
            name, equals, prop = word.partition("=")
            if equals and len(props) < 16:
                props.append((name.lower()[:MAX_FIELD_CHARS], prop[:MAX_FIELD_CHARS]))
        methods.append(
            MethodResult(
                method=method[:MAX_FIELD_CHARS],
                result=result.lower()[:MAX_FIELD_CHARS],
                comment=comments[0][:MAX_FIELD_CHARS] if comments else "",
                properties=tuple(props),
            )
        )
    return AuthResults(authserv, tuple(methods))


def merged(values: Sequence[str]) -> AuthResults:
    """Several headers, top (newest) first: the first answer for each method wins, as
    the top header was written by the recipient's own organisation."""
    seen: dict[str, MethodResult] = {}
    authserv = ""
    for value in values[:MAX_HEADERS]:
        parsed = parse_results(value)
        authserv = authserv or parsed.authserv_id
        for item in parsed.methods:
            seen.setdefault(item.method, item)
    return AuthResults(authserv, tuple(seen.values()))


def compauth_reason(code: str) -> str:
    """What a compauth reason code means, '' when unknown."""
    code = code.strip()
    if not (code.isascii() and code.isdigit()):
        return ""
    return _COMPAUTH_REASONS.get(code[0], "")


@dataclass(frozen=True)
class SpamVerdict:
    sfv: str  # "SPM", "NSPM", ... "" when absent
    scl: int | None  # spam confidence level, -1 to 9
    category: str  # CAT: "SPM", "SPOOF", "PHSH", "BULK", ...
    auth_as: str  # X-MS-Exchange-Organization-AuthAs: "Anonymous", "Internal", "Partner"

    @property
    def spam(self) -> bool:
        return self.sfv in {"SPM", "SKS", "SKB", "BLK"} or (self.scl is not None and self.scl >= 5)

    @property
    def sfv_meaning(self) -> str:
        return SFV_MEANINGS.get(self.sfv, "")


def parse_antispam(forefront: str = "", auth_as: str = "", scl: str = "") -> SpamVerdict:
    """`X-Forefront-Antispam-Report` ("CIP:1.2.3.4;CTRY:;SCL:5;SFV:SPM;CAT:SPOOF;..."),
    `X-MS-Exchange-Organization-AuthAs`, and `X-MS-Exchange-Organization-SCL` when the
    report has no SCL."""
    fields = dict(_report_fields(forefront))
    level = _scl(fields.get("SCL", "")) if "SCL" in fields else _scl(scl)
    return SpamVerdict(
        sfv=fields.get("SFV", "").upper()[:16],
        scl=level,
        category=fields.get("CAT", "").upper()[:16],
        auth_as=_unfold(auth_as[:64]).strip()[:32],
    )


def describe(results: AuthResults) -> list[dict[str, str]]:
    """Rows for the report's table: method, result, what the server said."""
    rows = []
    for item in results.methods:
        details = ", ".join(f"{k}={v}" for k, v in item.properties)
        if item.comment:
            details = f"({item.comment}) {details}".strip()
        row = {"method": item.method, "result": item.result, "details": details}
        if item.method == "compauth":
            row["meaning"] = compauth_reason(item.get("reason"))
        rows.append(row)
    return rows


# -- scanning ------------------------------------------------------------------------


def _unfold(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _split(text: str, separator: str) -> list[str]:
    """Split at `separator` outside comments and quoted strings; one pass."""
    parts: list[str] = []
    current: list[str] = []
    depth, quoted, escaped = 0, False, False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif quoted:
            quoted = char != '"'
        elif char == '"':
            quoted = True
        elif char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == separator and depth == 0:
            parts.append("".join(current))
            current = []
            if len(parts) > MAX_SEGMENTS:
                return parts
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _words(segment: str) -> tuple[list[str], list[str]]:
    """Words outside comments (quotes removed) and the top-level comments; one pass."""
    words: list[str] = []
    comments: list[str] = []
    word: list[str] = []
    comment: list[str] = []
    depth, quoted = 0, False

    def end_word() -> None:
        if word and len(words) < 32:
            words.append("".join(word))
        word.clear()

    for char in segment:
        if depth:
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    if len(comments) < 4:
                        comments.append("".join(comment).strip())
                    comment.clear()
                    continue
            if len(comment) < MAX_FIELD_CHARS:
                comment.append(char)
        elif quoted:
            if char == '"':
                quoted = False
            elif len(word) < MAX_FIELD_CHARS:
                word.append(char)
        elif char == '"':
            quoted = True
        elif char == "(":
            end_word()
            depth = 1
        elif char == " ":
            end_word()
        elif len(word) < MAX_FIELD_CHARS:
            word.append(char)
    end_word()
    return _joined_equals(words), comments


def _joined_equals(words: list[str]) -> list[str]:
    """'spf = pass' and 'spf =pass' (CFWS around '=' is allowed) as 'spf=pass'."""
    out: list[str] = []
    pending = False
    for word in words:
        if out and word.startswith("=") and "=" not in out[-1]:
            out[-1] += word
            pending = word == "="
        elif out and pending:
            out[-1] = (out[-1] + word)[: 2 * MAX_FIELD_CHARS]
            pending = False
        else:
            out.append(word)
            pending = False
    return out


def _report_fields(text: str) -> Iterable[tuple[str, str]]:
    for part in _unfold(text[:MAX_HEADER_CHARS]).split(";")[:64]:
        name, colon, value = part.partition(":")
        if colon:
            yield name.strip().upper()[:16], value.strip()[:MAX_FIELD_CHARS]


def _scl(text: str) -> int | None:
    text = text.strip()
    digits = text.removeprefix("-")
    if digits.isascii() and digits.isdigit() and len(text) <= 2:
        value = int(text)
        return value if -1 <= value <= 9 else None
    return None
