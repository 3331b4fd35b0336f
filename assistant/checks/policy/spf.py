"""SPF (RFC 7208): expand a domain's include tree from its record (spf_record.py parses one).

This audits the record itself; there is no sender IP, so nothing is evaluated to
pass/fail. What matters to an administrator is whether the record is well formed,
whether it includes what it should, and whether it stays within the limits of
§4.6.4 (10 DNS-querying terms, 2 void lookups) that receivers enforce with a
permerror.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.checks.policy.spf_record import (
    MAX_MX_NAMES,
    SpfRecord,
    SpfTerm,
    has_macros,
    parse_spf,
    spf_records_in,
)
from assistant.text import join, msg

# ---------------------------------------------------------------------------------
# Expansion


class LookupOutcome(enum.Enum):
    OK = "ok"
    NXDOMAIN = "nxdomain"
    NODATA = "nodata"
    SERVFAIL = "servfail"
    TIMEOUT = "timeout"

    @property
    def is_void(self) -> bool:
        """§4.6.4 "void lookup": RCODE 0 with no answers, or RCODE 3 (Name Error)."""
        return self in (LookupOutcome.NXDOMAIN, LookupOutcome.NODATA)

    @property
    def failed(self) -> bool:
        return self in (LookupOutcome.SERVFAIL, LookupOutcome.TIMEOUT)


@dataclass(frozen=True)
class Lookup:
    outcome: LookupOutcome
    values: tuple[str, ...] = ()  # TXT strings joined per record, or A/AAAA/MX targets


Resolve = Callable[[str, str], Lookup]  # (name, "TXT" | "A" | "AAAA" | "MX") -> Lookup


@dataclass(frozen=True)
class SpfNode:
    """One domain in the include/redirect tree; `problem` says why it is not usable."""

    domain: str
    record: str | None
    parsed: SpfRecord | None
    children: tuple[SpfNode, ...]
    problem: str | None


class SpfError(enum.Enum):
    """What kind of error an expansion found: the remedy an administrator needs depends on it."""

    LOOKUP_LIMIT = "lookup_limit"  # §4.6.4: too many DNS-querying terms or void lookups
    LOOP = "loop"  # an include or redirect leads back to a domain already in the chain
    RECORD = "record"  # a record missing, doubled or malformed, or a lookup that failed


@dataclass(frozen=True)
class SpfExpansion:
    root: SpfNode
    dns_lookups: int
    void_lookups: int
    errors: tuple[str, ...]
    includes: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    error_kinds: frozenset[SpfError] = frozenset()  # the kinds among `errors`
    # Lookups of names the record points to that timed out or failed (SERVFAIL): a
    # receiver's temperror, not a fault in the record (§4.4, §5), so kept apart from errors.
    temporary: tuple[str, ...] = ()

    def includes_domain(self, domain: str) -> bool:
        return _normalise(domain) in self.includes


def expand_spf(
    domain: str,
    resolve: Resolve,
    *,
    max_lookups: int = 10,
    max_void: int = 2,
    hard_stop: int = 30,
) -> SpfExpansion:
    """Expand `domain`'s SPF record through every include and redirect.

    Counting continues past `max_lookups` so the report can give the real number;
    `hard_stop` ends the walk on a runaway tree. Lookups after an ``all`` are not
    made, as a receiver would not make them.
    """
    walk = _Walk(resolve, hard_stop)
    root = walk.node(_normalise(domain), (), None)
    if walk.lookups > max_lookups:
        walk.error(
            msg("more than {limit} DNS lookups ({count}+)", limit=max_lookups, count=walk.lookups)
            if walk.stopped
            else msg(
                "more than {limit} DNS lookups ({count})", limit=max_lookups, count=walk.lookups
            ),
            SpfError.LOOKUP_LIMIT,
        )
    if walk.stopped:
        walk.error(
            msg(
                "stopped expanding after {limit} DNS lookups; the record needs more",
                limit=hard_stop,
            ),
            SpfError.LOOKUP_LIMIT,
        )
    if walk.void > max_void:
        walk.error(
            msg("more than {limit} void lookups ({count})", limit=max_void, count=walk.void),
            SpfError.LOOKUP_LIMIT,
        )
    return SpfExpansion(
        root=root,
        dns_lookups=walk.lookups,
        void_lookups=walk.void,
        errors=tuple(dict.fromkeys(walk.errors)),  # a record reached twice reports once
        includes=tuple(dict.fromkeys(walk.includes)),
        warnings=tuple(dict.fromkeys(walk.warnings)),
        error_kinds=frozenset(walk.error_kinds),
        temporary=tuple(dict.fromkeys(walk.temporary)),
    )


def _normalise(domain: str) -> str:
    return domain.strip().lower().rstrip(".")


@dataclass
class _Walk:
    """Scratch state of one expand_spf call."""

    resolve: Resolve
    hard_stop: int
    lookups: int = 0
    void: int = 0
    stopped: bool = False
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    error_kinds: set[SpfError] = field(default_factory=set)
    temporary: list[str] = field(default_factory=list)

    def error(self, text: str, kind: SpfError = SpfError.RECORD) -> None:
        self.errors.append(text)
        self.error_kinds.add(kind)

    def unanswered(self, term: str, name: str, rdtype: str, outcome: LookupOutcome) -> None:
        """A lookup the record needs did not answer: temporary, named, not the record's fault."""
        self.temporary.append(
            msg(
                "{term}: the {rdtype} lookup of {name} did not answer ({outcome}): a temporary "
                "DNS error, not a fault in the record; receivers return temperror and try "
                "again later",
                term=term,
                rdtype=rdtype,
                name=name,
                outcome=outcome.name,
            )
        )

    def count(self) -> bool:
        """Count one DNS-querying term; False once the hard stop is reached."""
        if self.lookups >= self.hard_stop:
            self.stopped = True
            return False
        self.lookups += 1
        return True

    def node(self, domain: str, path: tuple[str, ...], via: str | None) -> SpfNode:
        """Fetch and expand `domain`; `via` is the include/redirect term that led here."""
        label = via or domain
        lookup = self.resolve(domain, "TXT")
        if lookup.outcome.failed:
            outcome = lookup.outcome.name
            self.unanswered(label, domain, "TXT", lookup.outcome)
            return SpfNode(
                domain, None, None, (), msg("TXT lookup failed ({outcome})", outcome=outcome)
            )
        if via is not None and lookup.outcome.is_void:
            self.void += 1
        records = spf_records_in(lookup.values) if lookup.outcome is LookupOutcome.OK else []
        if not records:
            self.error(msg("{term} has no SPF record", term=label))
            missing = lookup.outcome is LookupOutcome.NXDOMAIN
            why = (
                msg("no SPF record (the name does not exist)") if missing else msg("no SPF record")
            )
            return SpfNode(domain, None, None, (), why)
        if len(records) > 1:
            count = len(records)
            self.error(
                msg(
                    "{term} has {count} SPF records (there must be exactly one)",
                    term=label,
                    count=count,
                )
            )
            several = msg("{count} SPF records; only one is allowed", count=count)
            return SpfNode(domain, None, None, (), several)

        parsed = parse_spf(records[0])
        for error in parsed.errors:
            self.error(_in_domain(domain, error))
        self.warnings.extend(_in_domain(domain, w) for w in parsed.warnings)
        children = self.terms(domain, parsed, (*path, domain))
        problem = join("; ", parsed.errors) if parsed.errors else None
        return SpfNode(domain, records[0], parsed, children, problem)

    def terms(self, domain: str, parsed: SpfRecord, path: tuple[str, ...]) -> tuple[SpfNode, ...]:
        children: list[SpfNode] = []
        for term in parsed.terms:
            if self.stopped or term.kind == "all":
                break
            if term.kind not in ("include", "a", "mx", "ptr", "exists"):
                continue  # ip4, ip6, exp and modifiers make no query (§4.6.4)
            if not self.count():
                break
            if term.kind == "include":
                children.append(self.follow("include", term, path))
            elif term.kind == "ptr":
                continue  # needs the sender's IP; counted, nothing to resolve
            elif term.value is not None and has_macros(term.value):
                self.warnings.append(_in_domain(domain, _uses_macros(term.text)))
            elif term.kind == "mx":
                self.mx(domain, term)
            else:
                self.address(domain, term)
        redirect = next((t for t in parsed.terms if t.kind == "redirect"), None)
        # §6.1: redirect is ignored when the record has "all"; it is used after every mechanism
        if (
            redirect is not None
            and parsed.all_qualifier is None
            and not self.stopped
            and self.count()
        ):
            children.append(self.follow("redirect", redirect, path))
        return tuple(children)

    def follow(self, kind: str, term: SpfTerm, path: tuple[str, ...]) -> SpfNode:
        raw = term.value or ""
        if has_macros(raw):
            self.warnings.append(_in_domain(path[-1], _uses_macros(term.text)))
            return SpfNode(raw, None, None, (), msg("uses macros; not expanded"))
        target = _normalise(raw)
        self.includes.append(target)
        if target in path:
            chain = " → ".join((*path, target))
            loop = (
                msg("include loop: {chain}", chain=chain)
                if kind == "include"
                else msg("redirect loop: {chain}", chain=chain)
            )
            self.error(loop, SpfError.LOOP)
            return SpfNode(target, None, None, (), loop)
        via = f"include:{target}" if kind == "include" else f"redirect={target}"
        return self.node(target, path, via)

    def address(self, domain: str, term: SpfTerm) -> None:
        """``a`` or ``exists``: void when the name has no address at all."""
        target = _normalise(term.value or domain)
        kinds = ("A", "AAAA") if term.kind == "a" else ("A",)
        lookups = [self.resolve(target, rdtype) for rdtype in kinds]
        failed = next((x.outcome for x in lookups if x.outcome.failed), None)
        if failed is not None:
            self.unanswered(_in_domain(domain, term.text), target, "/".join(kinds), failed)
        elif all(x.outcome.is_void for x in lookups):
            self.void += 1
            self.warnings.append(
                msg(
                    "{domain}: '{term}': {target} has no address (void lookup)",
                    domain=domain,
                    term=term.text,
                    target=target,
                )
            )

    def mx(self, domain: str, term: SpfTerm) -> None:
        # The A/AAAA queries for each MX host are not made: they count toward neither
        # limit and need the sender's address family to mean anything.
        target = _normalise(term.value or domain)
        lookup = self.resolve(target, "MX")
        if lookup.outcome.failed:
            self.unanswered(_in_domain(domain, term.text), target, "MX", lookup.outcome)
        elif lookup.outcome.is_void:
            self.void += 1
            self.warnings.append(
                msg(
                    "{domain}: '{term}': {target} has no MX (void lookup)",
                    domain=domain,
                    term=term.text,
                    target=target,
                )
            )
        elif len(lookup.values) > MAX_MX_NAMES:
            self.error(
                msg(
                    "{domain}: '{term}': {target} has {count} MX hosts; SPF allows at most {limit}",
                    domain=domain,
                    term=term.text,
                    target=target,
                    count=len(lookup.values),
                    limit=MAX_MX_NAMES,
                )
            )


def _in_domain(domain: str, problem: str) -> str:
    """`domain: problem`, for a problem found in the record of an included domain."""
    return msg("{domain}: {problem}", domain=domain, problem=problem)


def _uses_macros(term: str) -> str:
    return msg("'{term}' uses macros; not expanded", term=term)
