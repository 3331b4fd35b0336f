"""RFC 7208 check_host(): does a domain's SPF authorise one IP address, as a receiver decides.

Why pyspf rather than our own evaluator. The project parses and audits SPF records itself
(spf_record.py, spf.py: the dns.spf check, which has no sender IP and evaluates nothing).
Evaluating a record for an IP is another matter: macros (%{i}, %{ir}, %{d1r}...), ptr
validation, exp= expansion, the 10-lookup and 2-void limits, redirect= versus include
results, CIDR on a and mx, and dozens of corner cases receivers agree on. pyspf (PyPI
`pyspf`, module `spf`) is the reference implementation the SPF council's test suite was
written against, is maintained (2.0.14, 2020; it runs unchanged on Python 3.11+), and
passes every case of the RFC 7208 suite, which tests/unit/test_spf_rfc7208_suite.py runs
through this module against the lab's DNS server. Writing a second evaluator would only
add a second set of bugs.

What this module adds to pyspf:
- DNS through OUR resolver (net/resolver.py): the nameservers the user named (the lab's in
  tests), per-query deadlines, and the cancel token, rather than pyspf's own dnspython
  calls to the system resolver. pyspf asks a module-global `spf.DNSLookup(name, qtype,
  strict, timeout)`; we install one dispatcher there, once, which reads the lookup of the
  evaluation running on the calling thread from a threading.local. Concurrent evaluations
  on other threads each see their own; code that calls pyspf without us gets pyspf's own
  lookup, unchanged.
- A whole-evaluation deadline: each question gets what is left of it, and an evaluation
  that runs out returns temperror (pyspf's own limits bound the number of questions:
  10 DNS-querying terms, 2 void lookups, 10 MX and 10 PTR names per term).
- The answers in the shape pyspf's DNSLookup_dnspython gives, and a result object with the
  record, the matched mechanism, the counts and every DNS answer for the evidence.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import dns.exception
import dns.name
import spf

from assistant.cancel import CancelToken, Deadline
from assistant.net.resolver import DnsAnswer, Outcome
from assistant.text import msg

RESULTS = ("pass", "fail", "softfail", "neutral", "none", "permerror", "temperror")
DEFAULT_DEADLINE = 20.0  # seconds for a whole evaluation (RFC 7208 §4.6.4 suggests 20 s)

_ERROR_PREFIXES = ("SPF Permanent Error: ", "SPF Temporary Error: ")
# The record types pyspf asks for; the value shapes of DNSLookup_dnspython for each.
_TYPES = frozenset({"A", "AAAA", "MX", "PTR", "TXT", "SPF", "CNAME"})


class DnsLookup(Protocol):
    """One DNS question with a deadline: Resolver.query (net/resolver.py) is one."""

    def __call__(
        self, name: str, rdtype: str, *, deadline: Deadline | None = None
    ) -> DnsAnswer: ...


@dataclass(frozen=True)
class SpfResult:
    result: str  # one of RESULTS
    domain: str  # the domain whose SPF was evaluated
    ip: str
    # pyspf's text for the result: for fail, the domain's exp= explanation when it has
    # one (or the default); for permerror/temperror, what went wrong (without pyspf's
    # "SPF Permanent Error: " in front).
    explanation: str
    mechanism: str | None = None  # the top-level term that decided ("ip4:…", "include:…")
    record: str | None = None  # the domain's SPF record as published (None: none found)
    dns_lookups: int = 0  # terms counted against RFC 7208 §4.6.4's limit of 10
    void_lookups: int = 0  # answers with no records (limit 2)
    answers: tuple[DnsAnswer, ...] = field(default=(), repr=False)  # every question asked

    @property
    def queries(self) -> int:
        return len(self.answers)


class _Evaluation:
    """What the dispatcher needs for the evaluation running on one thread."""

    def __init__(self, lookup: DnsLookup, deadline: Deadline, token: CancelToken | None) -> None:
        self.lookup = lookup
        self.deadline = deadline
        self.token = token
        self.answers: list[DnsAnswer] = []


_current = threading.local()
_PYSPF_LOOKUP = spf.DNSLookup  # pyspf's own, for callers that are not us


def _dispatch(name: str, qtype: str, strict: object = True, timeout: object = None) -> Any:
    evaluation: _Evaluation | None = getattr(_current, "evaluation", None)
    if evaluation is None:
        return _PYSPF_LOOKUP(name, qtype, strict, timeout)
    return list(_answer(evaluation, name, qtype))


spf.DNSLookup = _dispatch  # installed once, at import; see the module docstring


def _answer(evaluation: _Evaluation, name: str, qtype: str) -> Iterator[tuple[Any, Any]]:
    """((name, qtype), value) pairs exactly as pyspf's DNSLookup_dnspython yields them.

    The pairs carry the name asked, even when a CNAME led elsewhere (dnspython's resolver
    answers for the query name); TXT values are tuples of bytes; MX is (preference,
    exchange); PTR names and MX exchanges come without the final dot.
    """
    if evaluation.token is not None:
        evaluation.token.raise_if_cancelled()
    if qtype not in _TYPES:
        raise spf.TempError(f"DNS: unexpected question type {qtype}")
    try:
        dns.name.from_text(name)
    except (dns.exception.DNSException, UnicodeError, ValueError):
        # A name no DNS server can be asked has no records: pyspf returns [] itself for
        # empty and over-long labels, and so do we for what else the wire refuses.
        return
    if evaluation.deadline.expired:
        raise spf.TempError("DNS: the evaluation ran out of time")
    answer = evaluation.lookup(name, qtype, deadline=evaluation.deadline)
    evaluation.answers.append(answer)
    if answer.outcome is Outcome.CNAME_LOOP:
        # RFC 1034 calls a loop an error, RFC 7208 §5.5 skips a name whose lookup fails,
        # and dnspython (pyspf's own path) sees no record: no data, as the suite expects.
        return
    if answer.outcome.is_failure:
        raise spf.TempError(f"DNS {answer.describe()}")
    if answer.outcome is not Outcome.OK:
        return  # NXDOMAIN, NODATA: pyspf counts the void lookup
    key = (name, qtype)
    for value in answer.values:
        if qtype in ("TXT", "SPF"):
            yield key, (value.encode("utf-8"),)
        elif qtype == "MX":
            preference, _, exchange = value.partition(" ")
            yield key, (int(preference), exchange.rstrip("."))
        else:  # A, AAAA: the address as text; PTR, CNAME: the name without its final dot
            yield key, value.rstrip(".") if qtype in ("PTR", "CNAME") else value


class _Query(spf.query):  # type: ignore[misc]  # pyspf has no type hints
    """pyspf's query, remembering the top-level record it fetched (for the evidence)."""

    top_record: str | None = None
    fetched_top = False

    def dns_spf(self, domain: str) -> Any:
        record = super().dns_spf(domain)
        if not self.fetched_top:
            self.fetched_top = True
            self.top_record = record
        return record


def identity_domain(sender: str, helo: str) -> str:
    """The domain check_host() is asked about (RFC 7208 §2.4, §4.1): the MAIL FROM's
    domain, or the HELO name when the reverse path is empty, as pyspf derives it."""
    local_and_domain: tuple[str, str] = spf.split_email(sender or f"postmaster@{helo}", helo)
    return local_and_domain[1]


def check_host(
    ip: str,
    domain: str,
    sender: str,
    *,
    lookup: DnsLookup,
    helo: str = "",
    deadline: Deadline | None = None,
    token: CancelToken | None = None,
    default_explanation: str | None = None,
) -> SpfResult:
    """Evaluate `domain`'s SPF for a message from `ip` with MAIL FROM `sender`.

    `sender` feeds the macros (%{s}, %{l}, %{o}); `helo` is %{h} (the domain when
    empty). Raises ValueError for an `ip` that is not an address, Cancelled when `token`
    (or the lookup's own) is cancelled; every DNS trouble is a temperror result.
    """
    address = ipaddress.ip_address(ip.strip())  # ValueError: the caller's mistake
    evaluation = _Evaluation(lookup, deadline or Deadline.after(DEFAULT_DEADLINE), token)
    query = _Query(i=str(address), s=sender, h=helo or domain, strict=True, querytime=0)
    if domain:
        query.d = domain
    if default_explanation is not None:
        query.set_default_explanation(default_explanation)
    outer = getattr(_current, "evaluation", None)
    _current.evaluation = evaluation
    try:
        result, _code, explanation = query.check()
    finally:
        _current.evaluation = outer
    if result not in RESULTS:  # pyspf's "ambiguous" exists only in its harsh mode
        result, explanation = "permerror", msg("unexpected SPF result {result}", result=result)
    mechanism = query.mechanism if result not in ("permerror", "temperror") else None
    for prefix in _ERROR_PREFIXES:  # pyspf's "SPF Permanent Error: …": the result says it
        explanation = str(explanation).removeprefix(prefix)
    return SpfResult(
        result=result,
        domain=query.d,
        ip=str(address),
        explanation=str(explanation),
        mechanism=mechanism,
        record=query.top_record,
        dns_lookups=query.lookups,
        void_lookups=query.void_lookups,
        answers=tuple(evaluation.answers),
    )
