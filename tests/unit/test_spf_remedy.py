"""dns.spf picks its remedy from the kinds of error the expansion found, not from its English."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from assistant.checks.dns.sender_auth import spf_remedy
from assistant.checks.policy.spf import Lookup, LookupOutcome, SpfError, expand_spf

LIMIT, LOOP, RECORD = SpfError.LOOKUP_LIMIT, SpfError.LOOP, SpfError.RECORD
EXAMPLE = "v=spf1 include:spf.protection.outlook.com -all"
INCLUDE = "spf.protection.outlook.com"


def kinds(table: Mapping[tuple[str, str], str], domain: str = "a.test") -> frozenset[SpfError]:
    def resolve(name: str, rdtype: str) -> Lookup:
        record = table.get((name, rdtype))
        return (
            Lookup(LookupOutcome.NXDOMAIN) if record is None else Lookup(LookupOutcome.OK, [record])
        )

    return expand_spf(domain, resolve).error_kinds


def test_a_clean_record_has_no_error_kinds() -> None:
    assert kinds({("a.test", "TXT"): "v=spf1 ip4:192.0.2.1 -all"}) == frozenset()


def test_eleven_includes_are_over_the_lookup_limit() -> None:
    table = {("a.test", "TXT"): "v=spf1 " + " ".join(f"include:s{i}.test" for i in range(11))}
    table |= {(f"s{i}.test", "TXT"): "v=spf1 -all" for i in range(11)}
    assert kinds(table) == {LIMIT}


def test_too_many_void_lookups_are_over_the_lookup_limit() -> None:
    table = {("a.test", "TXT"): "v=spf1 a:x.test a:y.test a:z.test -all"}
    assert kinds(table) == {LIMIT}


def test_an_include_back_into_the_chain_is_a_loop() -> None:
    table = {("a.test", "TXT"): "v=spf1 include:b.test -all"}
    table[("b.test", "TXT")] = "v=spf1 include:a.test -all"
    assert kinds(table) == {LOOP}


def test_a_missing_record_and_a_malformed_term_are_record_errors() -> None:
    table = {("a.test", "TXT"): "v=spf1 include:gone.test ip4:1.2.3 -all"}
    assert kinds(table) == {RECORD}


def test_words_in_domain_names_do_not_pick_the_kind() -> None:
    # The English of these errors says "loop" and "lookups"; they are neither.
    table = {("a.test", "TXT"): "v=spf1 include:loopia.test include:lookups.test -all"}
    assert kinds(table) == {RECORD}


@pytest.mark.parametrize(
    ("errors", "missing", "starts"),
    [
        ({LIMIT}, None, "Reduce the DNS lookups to 10 or fewer"),
        ({LIMIT, LOOP, RECORD}, INCLUDE, "Reduce the DNS lookups to 10 or fewer"),
        ({LOOP}, INCLUDE, "Remove the include that points back"),
        ({LOOP, RECORD}, None, "Remove the include that points back"),
        ({RECORD}, INCLUDE, f"Add include:{INCLUDE} to the record, e.g. {EXAMPLE}"),
        (set(), INCLUDE, f"Add include:{INCLUDE} to the record"),
        ({RECORD}, None, f"Correct the record; a minimal valid one is: {EXAMPLE}"),
    ],
)
def test_the_remedy_follows_the_most_pressing_kind(
    errors: set[SpfError], missing: str | None, starts: str
) -> None:
    assert spf_remedy(errors, missing, EXAMPLE).startswith(starts)
