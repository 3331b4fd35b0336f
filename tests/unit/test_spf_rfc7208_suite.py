"""The SPF council's RFC 7208 test suite, every case, through our check_host() (pyspf with
our resolver) against the lab's DNS server on loopback.

The suite (tests/data/spf/rfc7208-tests.yml, as shipped in the pyspf 2.0.14 sdist; its
licence beside it) is YAML documents, each a scenario: `zonedata` (the DNS) and `tests`
(client IP, MAIL FROM, HELO, the acceptable results, sometimes the explanation). Each
scenario's zonedata is loaded into one LabDnsServer and every case is evaluated through
assistant.net.resolver.Resolver over UDP/TCP, with 0.2 s query timeouts so the TIMEOUT
cases take a moment, not 20 s. Results are compared as pyspf's own test/testspf.py does:
the result is the expected one or among the listed ones, and the explanation matches when
the case gives one (with the default explanation set to "DEFAULT", as testspf does).

How zonedata becomes lab records follows testspf.py's `getrdata`: an `SPF` entry is served
as type SPF (99) and, when the name has no `TXT` entry, as TXT too; `TXT: NONE` means no
TXT record; strings are served byte for byte (UTF-8, control characters and all).

What the lab cannot express, answered by the test's lookup itself (and asserted exactly
in test_what_the_lab_cannot_serve_is_exactly_this, never skipped):
- A TIMEOUT that comes after a name's records (spftimeout/txttimeout/nospftxttimeout.
  example.net in "Record lookup"): in testspf that name answers the record types listed
  before the TIMEOUT and times out for every other type. The lab's faults are per name (a
  SILENT name never answers any type), so the lab serves the records and the lookup
  answers "timeout" for the other types of that name. Only those (name, type) questions
  are answered in process; a case's other questions still go over the wire. A TIMEOUT
  that is the name's first entry is the lab's SILENT fault, over the wire.
- The zero-string TXT record of null.example.com (`SPF: [ ]`): RFC 1035 gives a TXT record
  at least one string and dnspython refuses none, so the lab serves one empty string: the
  same to an SPF evaluator (neither starts with v=spf1), and it goes over the wire.
- No zonedata name has a label over 63 octets or is otherwise unloadable; the over-long
  names of the suite appear only in MAIL FROM and terms, which pyspf refuses before
  asking DNS. The loader raises if that changes.
Names outside the zonedata must be NXDOMAIN (testspf's behaviour), not the lab's REFUSED
for names outside its zones, so the lab gets a root zone (an SOA at ".").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.cancel import Deadline
from assistant.checks.policy.spf_check_host import check_host, identity_domain
from assistant.config import HostPort
from assistant.lab.dns_server import LabDnsServer
from assistant.lab.dns_zone import Fault, Record
from assistant.net.resolver import DnsAnswer, Outcome, Resolver

pytestmark = pytest.mark.lab

SUITE = Path(__file__).parents[1] / "data" / "spf" / "rfc7208-tests.yml"
QUERY_TIMEOUT = 0.2
ROOT_SOA = Record(".", "SOA", "ns.lab-root. hostmaster.lab-root. 1 3600 600 86400 300")

# The cases whose evaluation asked a question the lab cannot answer as the suite means
# (see the module docstring), answered in process: exactly these, no more, no fewer.
IN_PROCESS_CASES = {"nospftxttimeout", "txttimeout"}


@dataclass
class Case:
    scenario: str
    name: str
    ip: str
    sender: str
    helo: str
    results: tuple[str, ...]
    explanation: str | None
    spec: str


@dataclass
class Zone:
    """One scenario's DNS: what the lab serves, and the few questions it cannot."""

    records: list[Record] = field(default_factory=list)
    silent: set[str] = field(default_factory=set)  # TIMEOUT first: the lab's SILENT fault
    # TIMEOUT after records: name -> the types answered; every other type times out.
    partial_timeout: dict[str, set[str]] = field(default_factory=dict)


def _txt_presentation(strings: list[str]) -> str:
    """Zone-file text for a TXT/SPF record: each string quoted, every byte outside
    printable ASCII (and quote, backslash) as \\DDD, so the wire carries the UTF-8 bytes."""
    if not strings:
        return '""'  # see the module docstring: one empty string for the suite's none
    quoted = []
    for text in strings:
        raw = text.encode("utf-8")
        assert len(raw) <= 255, text
        body = "".join(
            chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else f"\\{b:03d}" for b in raw
        )
        quoted.append(f'"{body}"')
    return " ".join(quoted)


def _absolute(name: str) -> str:
    return name if name.endswith(".") else name + "."


def _record(name: str, rtype: str, value: Any) -> Record:
    if rtype in ("TXT", "SPF"):
        strings = [value] if isinstance(value, str) else list(value)
        return Record(name, rtype, _txt_presentation(strings))
    if rtype == "MX":
        preference, exchange = value
        return Record(name, rtype, f"{preference} {_absolute(exchange) if exchange else '.'}")
    if rtype in ("PTR", "CNAME"):
        return Record(name, rtype, _absolute(value))
    assert rtype in ("A", "AAAA"), rtype
    return Record(name, rtype, value)


def load_zone(zonedata: dict[str, list[Any]]) -> Zone:
    zone = Zone(records=[ROOT_SOA])
    for name, items in zonedata.items():
        entries = [(t, v) for item in items if isinstance(item, dict) for t, v in item.items()]
        has_txt = any(t == "TXT" for t, _ in entries)
        served: set[str] = set()
        for position, item in enumerate(items):
            if item == "TIMEOUT":
                if position == 0:
                    zone.silent.add(name)
                else:
                    zone.partial_timeout[name] = set(served)
                break
            assert isinstance(item, dict) and len(item) == 1, item
            ((rtype, value),) = item.items()
            assert value != "TIMEOUT", (name, item)  # typed timeouts: not in this suite
            if value == "NONE":  # testspf: no record of this type (and it times out)
                continue
            for served_type in ("TXT", "SPF") if rtype == "SPF" and not has_txt else (rtype,):
                served.add(served_type)
                zone.records.append(_record(name, served_type, value))
    return zone


def load_suite() -> list[tuple[str, Zone, list[Case]]]:
    scenarios = []
    with SUITE.open("rb") as stream:
        for document in yaml.safe_load_all(stream):
            title = document["description"]
            cases = []
            for name, data in document["tests"].items():
                result = data["result"]
                cases.append(
                    Case(
                        scenario=title,
                        name=name,
                        ip=data["host"],
                        sender=data["mailfrom"],
                        helo=data["helo"],
                        results=(result,) if isinstance(result, str) else tuple(result),
                        explanation=data.get("explanation"),
                        spec=str(data.get("spec", "")),
                    )
                )
            scenarios.append((title, load_zone(document["zonedata"]), cases))
    return scenarios


class SuiteLookup:
    """Our real resolver aimed at the lab, except the (name, type) questions the lab
    cannot answer as the suite means (Zone.partial_timeout), answered here."""

    def __init__(self, resolver: Resolver, zone: Zone) -> None:
        self.resolver = resolver
        self.zone = zone
        self.in_process: list[tuple[str, str]] = []

    def __call__(self, name: str, rdtype: str, *, deadline: Deadline | None = None) -> DnsAnswer:
        key = name.rstrip(".").lower()
        answered = self.zone.partial_timeout.get(key)
        if answered is not None and rdtype not in answered:
            self.in_process.append((key, rdtype))
            return DnsAnswer(key, rdtype, Outcome.TIMEOUT, server="in-process")
        return self.resolver.query(name, rdtype, deadline=deadline)


@dataclass
class Outcomes:
    total: int = 0
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    in_process: set[str] = field(default_factory=set)
    over_the_wire: int = 0
    timeouts_asked: int = 0


def run_suite() -> Outcomes:
    outcomes = Outcomes()
    with LabDnsServer([ROOT_SOA]) as server:
        host, port = server.address
        faults: set[str] = set()
        for _title, zone, cases in load_suite():
            server.replace_records(zone.records)
            for name in faults - zone.silent:
                server.set_fault(name, None)
            for name in zone.silent:
                server.set_fault(name, Fault.SILENT)
            faults = set(zone.silent)
            for case in cases:
                outcomes.total += 1
                resolver = Resolver([HostPort(host, port)], timeout=QUERY_TIMEOUT)
                lookup = SuiteLookup(resolver, zone)
                verdict = check_host(
                    case.ip,
                    identity_domain(case.sender, case.helo),
                    case.sender,
                    lookup=lookup,
                    helo=case.helo,
                    deadline=Deadline.after(5.0),
                    default_explanation="DEFAULT",
                )
                if lookup.in_process:
                    outcomes.in_process.add(case.name)
                outcomes.over_the_wire += sum(a.server != "in-process" for a in verdict.answers)
                outcomes.timeouts_asked += sum(
                    a.outcome is Outcome.TIMEOUT and a.server != "in-process"
                    for a in verdict.answers
                )
                problems = []
                if verdict.result not in case.results:
                    problems.append(f"result {verdict.result}, expected {'|'.join(case.results)}")
                if case.explanation is not None and verdict.explanation != case.explanation:
                    problems.append(
                        f"explanation {verdict.explanation!r}, expected {case.explanation!r}"
                    )
                label = f"{case.name} ({case.scenario}, RFC 7208 {case.spec})"
                if problems:
                    outcomes.failed.append(f"{label}: {'; '.join(problems)}")
                else:
                    outcomes.passed.append(label)
    return outcomes


@pytest.fixture(scope="module")
def outcomes() -> Outcomes:
    return run_suite()


def test_every_rfc7208_case_passes_through_our_check_host(outcomes: Outcomes) -> None:
    summary = f"RFC 7208 test suite: {len(outcomes.passed)}/{outcomes.total} cases passed"
    print(f"\n{summary}")
    assert outcomes.total == 203  # the whole suite ran: a lost scenario is a failure here
    assert not outcomes.failed, summary + "\n" + "\n".join(outcomes.failed)


def test_the_cases_went_to_the_lab_server_over_the_wire(outcomes: Outcomes) -> None:
    # Hundreds of real questions, including the silent names that time out on the wire.
    assert outcomes.over_the_wire > 300, outcomes.over_the_wire
    # The names whose first entry is TIMEOUT are the lab's SILENT fault: asked, unanswered.
    assert outcomes.timeouts_asked >= 4, outcomes.timeouts_asked


def test_what_the_lab_cannot_serve_is_exactly_this(outcomes: Outcomes) -> None:
    assert outcomes.in_process == IN_PROCESS_CASES


def test_a_record_that_cannot_be_loaded_is_an_error_not_a_skip() -> None:
    with pytest.raises(ValueError, match="not a DNS name"):
        LabDnsServer([Record("a" * 64 + ".example.com", "TXT", '"v=spf1 -all"')])
