"""SPF parsing and include-tree expansion: table tests against a dict-backed resolver."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks.policy.spf import (
    Lookup,
    LookupOutcome,
    Resolve,
    SpfExpansion,
    SpfNode,
    expand_spf,
)
from assistant.checks.policy.spf_record import parse_spf, spf_records_in

OK = LookupOutcome.OK
NXDOMAIN = LookupOutcome.NXDOMAIN
NODATA = LookupOutcome.NODATA

Table = Mapping[tuple[str, str], Lookup]


def txt(*records: str) -> Lookup:
    return Lookup(OK, records)


def spf(record: str) -> Lookup:
    return txt(record)


class FakeDns:
    """A resolver backed by a dict; names not in it are NXDOMAIN. Records every query."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.queries: list[tuple[str, str]] = []

    def __call__(self, name: str, rdtype: str) -> Lookup:
        self.queries.append((name, rdtype))
        return self.table.get((name, rdtype), Lookup(NXDOMAIN))


def expand(table: Table, domain: str = "example.test", **limits: int) -> SpfExpansion:
    resolve: Resolve = FakeDns(table)
    return expand_spf(domain, resolve, **limits)


def leaf(name: str) -> tuple[tuple[str, str], Lookup]:
    return (name, "TXT"), spf("v=spf1 ip4:192.0.2.1 -all")


# --- picking records out of TXT sets -------------------------------------------------


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        (["v=spf1 -all"], ["v=spf1 -all"]),
        (["v=spf1"], ["v=spf1"]),
        (["MS=ms12345", "v=spf1 mx -all"], ["v=spf1 mx -all"]),
        (["V=SPF1 -all"], ["V=SPF1 -all"]),  # ABNF literals are case-insensitive
        (["v=spf10 -all", "v=spf1x", "xv=spf1 -all", " v=spf1 -all"], []),
        (["v=spf1 a", "v=spf1 mx"], ["v=spf1 a", "v=spf1 mx"]),
        ([], []),
    ],
)
def test_spf_records_in(strings: list[str], expected: list[str]) -> None:
    assert spf_records_in(strings) == expected


# --- parsing --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "kinds"),
    [
        ("v=spf1 include:spf.protection.outlook.com -all", ["include", "all"]),
        ("v=spf1   mx  a:mail.example.test/24//64   ~all  ", ["mx", "a", "all"]),
        ("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ?all", ["ip4", "ip6", "all"]),
        ("v=spf1 ptr:example.test exists:x.example.test -all", ["ptr", "exists", "all"]),
        ("v=spf1 redirect=_spf.example.test", ["redirect"]),
        ("v=spf1 exp=explain.example.test foo=bar -all", ["exp", "unknown-modifier", "all"]),
        ("V=SPF1 INCLUDE:Example.TEST -ALL", ["include", "all"]),
        ("v=spf1 a mx//64 a/32", ["a", "mx", "a"]),
        ("v=spf1 include:spf.example.test.", ["include"]),
        ("v=spf1", []),
    ],
)
def test_well_formed_records_parse_without_errors(record: str, kinds: list[str]) -> None:
    parsed = parse_spf(record)
    assert parsed.errors == ()
    assert [t.kind for t in parsed.terms] == kinds


@pytest.mark.parametrize(
    ("term", "qualifier", "kind", "value"),
    [
        ("-all", "-", "all", None),
        ("include:spf.protection.outlook.com", "+", "include", "spf.protection.outlook.com"),
        ("~ip4:192.0.2.0/24", "~", "ip4", "192.0.2.0/24"),
        ("?mx:mx.example.test/24", "?", "mx", "mx.example.test"),
        ("a/24", "+", "a", None),
        ("redirect=_spf.example.test", "+", "redirect", "_spf.example.test"),
    ],
)
def test_term_fields(term: str, qualifier: str, kind: str, value: str | None) -> None:
    (parsed,) = parse_spf(f"v=spf1 {term}").terms
    assert (parsed.qualifier, parsed.kind, parsed.value, parsed.text) == (
        qualifier,
        kind,
        value,
        term,
    )


@pytest.mark.parametrize(
    ("record", "error"),
    [
        (
            "v=spf1 inclde:spf.protection.outlook.com -all",
            "unknown mechanism 'inclde:spf.protection.outlook.com'",
        ),
        ("v=spf1 ip4:1.2.3 -all", "ip4 value '1.2.3' is not an IPv4 address/prefix"),
        ("v=spf1 ip4:192.0.2.0/33", "ip4 value '192.0.2.0/33' is not an IPv4 address/prefix"),
        ("v=spf1 ip4:192.0.2.0/024", "ip4 value '192.0.2.0/024' is not an IPv4 address/prefix"),
        ("v=spf1 ip4:2001:db8::1", "(use ip6: for IPv6)"),
        ("v=spf1 ip6:192.0.2.1", "(use ip4: for IPv4)"),
        ("v=spf1 ip6:2001:db8::/129", "ip6 value '2001:db8::/129' is not an IPv6"),
        ("v=spf1 ip4", "ip4 needs an address"),
        ("v=spf1 192.0.2.1 -all", "'192.0.2.1' needs 'ip4:' in front"),
        ("v=spf1 !all", "'!all' has an invalid qualifier"),
        ("v=spf1 --all", "'--all' has an invalid qualifier"),
        ("v=spf1 +", "'+' is a qualifier without a mechanism"),
        ("v=spf1 all:x.test", "'all' takes no value"),
        ("v=spf1 include", "include needs a domain"),
        ("v=spf1 include:", "the domain is missing"),
        ("v=spf1 include:localhost", "'localhost' is not a fully qualified domain name"),
        ("v=spf1 include:a..example.test", "'a..example.test' is not a valid domain name"),
        ("v=spf1 include=spf.example.test", "write 'include:' not 'include='"),
        ("v=spf1 -redirect=x.example.test", "cannot have a qualifier"),
        ("v=spf1 redirect=a.example.test redirect=b.example.test", "'redirect' appears twice"),
        ("v=spf1 exp=a.example.test exp=b.example.test", "'exp' appears twice"),
        ("v=spf1 mx/33", "prefix length /33 must be 0–32"),
        ("v=spf1 a//129", "prefix length /129 must be 0–128"),
        ("v=spf1 a/24/64", "prefix length /64 must be 0–32"),
        ("v=spf1 mx;x", "unknown mechanism 'mx;x'"),
        ("v=spf1 ptr/24", "'ptr/24' is not a valid ptr mechanism"),
        ("v=spf1 include:%{z}.example.test", "'%{z}' is not a macro usable in a domain"),
        ("v=spf1 exists:%{i}.%", "does not start a valid macro"),
        ("v=spf1 exists:%{d0}.example.test", "must not be 0"),
        ("spf1 include:example.test -all", "the record does not start with v=spf1"),
        ("", "the record does not start with v=spf1"),
    ],
)
def test_syntax_errors_are_named_plainly(record: str, error: str) -> None:
    errors = parse_spf(record).errors
    assert any(error in e for e in errors), errors


@pytest.mark.parametrize(
    ("record", "all_qualifier"),
    [
        ("v=spf1 include:spf.protection.outlook.com -all", "-"),
        ("v=spf1 mx ~all", "~"),
        ("v=spf1 mx +all", "+"),
        ("v=spf1 mx all", "+"),
        ("v=spf1 mx ?all", "?"),
        ("v=spf1 mx", None),
        ("v=spf1 redirect=_spf.example.test", None),
        ("v=spf1 ~all -all", "~"),  # the first one is the one that is used
    ],
)
def test_all_qualifier(record: str, all_qualifier: str | None) -> None:
    assert parse_spf(record).all_qualifier == all_qualifier


@pytest.mark.parametrize(
    ("record", "warning"),
    [
        ("v=spf1 -all include:spf.example.test", "never evaluated: include:spf.example.test"),
        ("v=spf1 -all redirect=x.example.test", "is ignored because the record has 'all'"),
        ("v=spf1 ptr -all", "'ptr' is deprecated"),
        ("v=spf1 redirct=x.example.test", "unknown modifier 'redirct=x.example.test'"),
    ],
)
def test_warnings(record: str, warning: str) -> None:
    parsed = parse_spf(record)
    assert parsed.errors == ()
    assert any(warning in w for w in parsed.warnings), parsed.warnings


def test_redirect_value() -> None:
    assert parse_spf("v=spf1 redirect=_spf.example.test").redirect == "_spf.example.test"
    assert parse_spf("v=spf1 -all").redirect is None


# --- expansion ------------------------------------------------------------------------

MICROSOFT_365: Table = {
    ("contoso.test", "TXT"): txt("MS=ms12345678", "v=spf1 include:spf.protection.outlook.com -all"),
    ("spf.protection.outlook.com", "TXT"): spf(
        "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 "
        "include:spfa.protection.outlook.com include:spfb.protection.outlook.com -all"
    ),
    ("spfa.protection.outlook.com", "TXT"): spf("v=spf1 ip4:52.100.0.0/14 -all"),
    ("spfb.protection.outlook.com", "TXT"): spf("v=spf1 ip6:2a01:111:f400::/48 -all"),
}


def test_microsoft_365_record_expands_cleanly() -> None:
    result = expand(MICROSOFT_365, "contoso.test")
    assert result.errors == ()
    assert result.dns_lookups == 3
    assert result.void_lookups == 0
    assert result.includes == (
        "spf.protection.outlook.com",
        "spfa.protection.outlook.com",
        "spfb.protection.outlook.com",
    )
    assert result.includes_domain("SPF.Protection.Outlook.com.")
    assert not result.includes_domain("contoso.test")
    assert not result.includes_domain("spf.protection.outlook.de")

    root = result.root
    assert root.record == "v=spf1 include:spf.protection.outlook.com -all"
    assert root.parsed is not None and root.parsed.all_qualifier == "-"
    (outlook,) = root.children
    assert outlook.domain == "spf.protection.outlook.com"
    assert [c.domain for c in outlook.children] == [
        "spfa.protection.outlook.com",
        "spfb.protection.outlook.com",
    ]
    assert all(c.problem is None for c in outlook.children)


def _flat(node: SpfNode) -> list[SpfNode]:
    return [node, *(n for child in node.children for n in _flat(child))]


@pytest.mark.parametrize(
    ("includes", "expect_error"),
    [(9, False), (10, False), (11, True), (15, True)],
)
def test_ten_lookups_are_allowed_eleven_are_not(includes: int, expect_error: bool) -> None:
    names = [f"s{i}.example.test" for i in range(includes)]
    table = dict(leaf(n) for n in names)
    table[("example.test", "TXT")] = spf(
        "v=spf1 " + " ".join(f"include:{n}" for n in names) + " -all"
    )
    result = expand(table)
    assert result.dns_lookups == includes
    limit_errors = [e for e in result.errors if "more than 10 DNS lookups" in e]
    assert limit_errors == ([f"more than 10 DNS lookups ({includes})"] if expect_error else [])


@pytest.mark.parametrize(
    ("record", "lookups"),
    [
        ("v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 -all", 0),
        ("v=spf1 a mx ptr exists:e.example.test -all", 4),
        ("v=spf1 a:h.example.test/24 mx:m.example.test//64 ?all", 2),
        ("v=spf1 exp=explain.example.test foo=bar -all", 0),  # exp is looked up later, §4.6.4
        ("v=spf1 redirect=r.example.test", 1),
        ("v=spf1 a -all redirect=r.example.test", 1),  # redirect ignored when "all" is there
        ("v=spf1 -all a mx", 0),  # nothing after "all" is evaluated
    ],
)
def test_which_terms_count(record: str, lookups: int) -> None:
    table = {
        ("example.test", "TXT"): spf(record),
        ("example.test", "A"): Lookup(OK, ("192.0.2.10",)),
        ("example.test", "MX"): Lookup(OK, ("mx.example.test",)),
        ("h.example.test", "A"): Lookup(OK, ("192.0.2.11",)),
        ("m.example.test", "MX"): Lookup(OK, ("mx.example.test",)),
        ("e.example.test", "A"): Lookup(OK, ("127.0.0.2",)),
        leaf("r.example.test")[0]: leaf("r.example.test")[1],
    }
    result = expand(table)
    assert result.dns_lookups == lookups
    assert result.errors == ()
    assert result.void_lookups == 0


def test_lookups_in_nested_includes_add_up() -> None:
    table = {
        ("example.test", "TXT"): spf("v=spf1 mx include:a.example.test -all"),
        ("example.test", "MX"): Lookup(OK, ("mx.example.test",)),
        ("a.example.test", "TXT"): spf("v=spf1 include:b.example.test a:h.example.test -all"),
        ("b.example.test", "TXT"): spf("v=spf1 include:c.example.test ip4:192.0.2.0/24 -all"),
        ("c.example.test", "TXT"): spf("v=spf1 exists:e.example.test -all"),
        ("h.example.test", "A"): Lookup(OK, ("192.0.2.1",)),
        ("e.example.test", "A"): Lookup(OK, ("127.0.0.2",)),
    }
    result = expand(table)
    assert result.dns_lookups == 6
    assert result.includes == ("a.example.test", "b.example.test", "c.example.test")


@pytest.mark.parametrize(
    ("void_names", "expected_error"),
    [
        (1, None),
        (2, None),
        (3, "more than 2 void lookups (3)"),
    ],
)
def test_void_lookup_limit(void_names: int, expected_error: str | None) -> None:
    record = " ".join(f"a:gone{i}.example.test" for i in range(void_names))
    table: dict[tuple[str, str], Lookup] = {
        ("example.test", "TXT"): spf(f"v=spf1 {record} -all"),
        ("gone0.example.test", "A"): Lookup(NODATA),  # NODATA counts as void too
        ("gone0.example.test", "AAAA"): Lookup(NODATA),
    }
    result = expand(table)
    assert result.void_lookups == void_names
    void_errors = [e for e in result.errors if "void" in e]
    assert void_errors == ([expected_error] if expected_error else [])


@pytest.mark.parametrize(
    ("table", "void"),
    [
        # an address of either family is an answer
        ({("h.example.test", "AAAA"): Lookup(OK, ("2001:db8::1",))}, 0),
        ({("h.example.test", "A"): Lookup(OK, ("192.0.2.1",))}, 0),
        ({}, 1),
    ],
)
def test_a_is_void_only_without_any_address(table: Table, void: int) -> None:
    full = {("example.test", "TXT"): spf("v=spf1 a:h.example.test -all"), **table}
    assert expand(full).void_lookups == void


def test_include_loop_is_reported_not_followed() -> None:
    table = {
        ("a.test", "TXT"): spf("v=spf1 include:b.test -all"),
        ("b.test", "TXT"): spf("v=spf1 include:a.test -all"),
    }
    dns = FakeDns(table)
    result = expand_spf("a.test", dns)
    assert "include loop: a.test → b.test → a.test" in result.errors
    assert result.dns_lookups == 2
    assert dns.queries == [("a.test", "TXT"), ("b.test", "TXT")]
    (b,) = result.root.children
    (loop,) = b.children
    assert loop.domain == "a.test"
    assert loop.problem == "include loop: a.test → b.test → a.test"


def test_self_include_is_a_loop() -> None:
    result = expand({("a.test", "TXT"): spf("v=spf1 include:A.test. -all")}, "a.test")
    assert "include loop: a.test → a.test" in result.errors


def test_same_include_twice_is_not_a_loop_but_counts_twice() -> None:
    table = {
        ("example.test", "TXT"): spf("v=spf1 include:a.test include:b.test -all"),
        ("a.test", "TXT"): spf("v=spf1 include:c.test -all"),
        ("b.test", "TXT"): spf("v=spf1 include:c.test -all"),
        leaf("c.test")[0]: leaf("c.test")[1],
    }
    result = expand(table)
    assert result.errors == ()
    assert result.dns_lookups == 4
    assert result.includes == ("a.test", "c.test", "b.test")


@pytest.mark.parametrize(
    ("answer", "void", "problem"),
    [
        (Lookup(NXDOMAIN), 1, "no SPF record (the name does not exist)"),
        (Lookup(NODATA), 1, "no SPF record"),
        (txt("google-site-verification=abc"), 0, "no SPF record"),
    ],
)
def test_include_without_spf_record_is_a_permerror(answer: Lookup, void: int, problem: str) -> None:
    table = {
        ("example.test", "TXT"): spf("v=spf1 include:x.test -all"),
        ("x.test", "TXT"): answer,
    }
    result = expand(table)
    assert "include:x.test has no SPF record" in result.errors
    assert result.void_lookups == void
    assert result.dns_lookups == 1
    assert result.root.children[0].problem == problem


@pytest.mark.parametrize("outcome", [LookupOutcome.SERVFAIL, LookupOutcome.TIMEOUT])
def test_failed_include_lookup_is_temporary_not_an_error_nor_void(outcome: LookupOutcome) -> None:
    """RFC 7208 §5.2: a DNS error on the include target is a temperror, not the record's
    fault (issue 20); it is kept apart from the errors and names the target."""
    table = {
        ("example.test", "TXT"): spf("v=spf1 include:x.test -all"),
        ("x.test", "TXT"): Lookup(outcome),
    }
    result = expand(table)
    assert result.errors == ()
    [temporary] = result.temporary
    assert temporary.startswith(
        f"include:x.test: the TXT lookup of x.test did not answer ({outcome.name})"
    )
    assert result.void_lookups == 0


def test_two_spf_records_at_an_include() -> None:
    table = {
        ("example.test", "TXT"): spf("v=spf1 include:x.test -all"),
        ("x.test", "TXT"): txt("v=spf1 ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.2 -all"),
    }
    result = expand(table)
    assert "include:x.test has 2 SPF records (there must be exactly one)" in result.errors
    assert result.root.children[0].record is None


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (Lookup(NXDOMAIN), "example.test has no SPF record"),
        (txt("v=spf1 -all", "v=spf1 mx -all"), "example.test has 2 SPF records"),
        (
            Lookup(LookupOutcome.TIMEOUT),
            "example.test: the TXT lookup of example.test did not answer",
        ),
    ],
)
def test_root_problems(answer: Lookup, error: str) -> None:
    result = expand({("example.test", "TXT"): answer})
    found = (*result.errors, *result.temporary)
    assert any(e.startswith(error) for e in found), found
    assert result.void_lookups == 0  # the first lookup is not a term
    assert result.dns_lookups == 0


def test_redirect_is_followed() -> None:
    table = {
        ("example.test", "TXT"): spf("v=spf1 mx redirect=_spf.example.test"),
        ("example.test", "MX"): Lookup(OK, ("mx.example.test",)),
        ("_spf.example.test", "TXT"): spf("v=spf1 include:spf.protection.outlook.com ~all"),
        ("spf.protection.outlook.com", "TXT"): spf("v=spf1 ip4:40.92.0.0/15 -all"),
    }
    result = expand(table)
    assert result.errors == ()
    assert result.dns_lookups == 3
    assert result.includes_domain("_spf.example.test")
    assert result.includes_domain("spf.protection.outlook.com")
    (redirected,) = result.root.children
    assert redirected.parsed is not None and redirected.parsed.all_qualifier == "~"


def test_redirect_to_nothing_is_an_error() -> None:
    result = expand({("example.test", "TXT"): spf("v=spf1 redirect=gone.example.test")})
    assert "redirect=gone.example.test has no SPF record" in result.errors
    assert result.void_lookups == 1


def test_redirect_loop() -> None:
    table = {
        ("a.test", "TXT"): spf("v=spf1 redirect=b.test"),
        ("b.test", "TXT"): spf("v=spf1 redirect=a.test"),
    }
    assert "redirect loop: a.test → b.test → a.test" in expand(table, "a.test").errors


def test_syntax_errors_anywhere_in_the_tree_are_reported_with_their_domain() -> None:
    table = {
        ("example.test", "TXT"): spf("v=spf1 include:x.test -all"),
        ("x.test", "TXT"): spf("v=spf1 ip4:1.2.3 inclde:y.test -all"),
    }
    result = expand(table)
    assert "x.test: ip4 value '1.2.3' is not an IPv4 address/prefix" in result.errors
    assert "x.test: unknown mechanism 'inclde:y.test'" in result.errors
    assert result.root.children[0].problem is not None


@pytest.mark.parametrize(
    "record",
    [
        "v=spf1 include:%{d}._spf.example.test exists:%{i}._spf.example.test -all",
        "v=spf1 include:%{l}.%{d2}.example.test a:%{d} -all",
    ],
)
def test_macros_are_counted_not_expanded(record: str) -> None:
    dns = FakeDns({("example.test", "TXT"): spf(record)})
    result = expand_spf("example.test", dns)
    assert result.dns_lookups == 2
    assert result.errors == ()
    assert dns.queries == [("example.test", "TXT")]
    assert sum("uses macros; not expanded" in w for w in result.warnings) == 2
    include = result.root.children[0]
    assert include.problem == "uses macros; not expanded"
    assert result.includes == ()


@pytest.mark.parametrize(("hosts", "expect_error"), [(10, False), (11, True)])
def test_mx_with_more_than_ten_hosts(hosts: int, expect_error: bool) -> None:
    table = {
        ("example.test", "TXT"): spf("v=spf1 mx -all"),
        ("example.test", "MX"): Lookup(OK, tuple(f"mx{i}.example.test" for i in range(hosts))),
    }
    result = expand(table)
    assert result.dns_lookups == 1  # the host lookups do not count toward the 10
    errors = [e for e in result.errors if "MX hosts" in e]
    assert errors == (
        [f"example.test: 'mx': example.test has {hosts} MX hosts; SPF allows at most 10"]
        if expect_error
        else []
    )


def test_mx_without_mx_records_is_void() -> None:
    result = expand({("example.test", "TXT"): spf("v=spf1 mx:nomx.example.test -all")})
    assert result.void_lookups == 1
    assert any("has no MX (void lookup)" in w for w in result.warnings)


def _fan_out_table(width: int, depth: int) -> dict[tuple[str, str], Lookup]:
    table: dict[tuple[str, str], Lookup] = {}

    def add(name: str, level: int) -> None:
        if level == depth:
            table[(name, "TXT")] = spf("v=spf1 ip4:192.0.2.1 -all")
            return
        kids = [f"n{i}.{name}" for i in range(width)]
        table[(name, "TXT")] = spf("v=spf1 " + " ".join(f"include:{k}" for k in kids) + " -all")
        for kid in kids:
            add(kid, level + 1)

    add("example.test", 0)
    return table


def test_hard_stop_ends_a_huge_fan_out() -> None:
    dns = FakeDns(_fan_out_table(width=8, depth=4))  # 8 + 64 + 512 + 4096 includes
    result = expand_spf("example.test", dns, hard_stop=30)
    assert result.dns_lookups == 30
    assert "more than 10 DNS lookups (30+)" in result.errors
    assert "stopped expanding after 30 DNS lookups; the record needs more" in result.errors
    assert len(dns.queries) == 31  # the root record plus one query per counted include


def test_counting_continues_past_ten_up_to_the_hard_stop() -> None:
    result = expand(_fan_out_table(width=4, depth=2), hard_stop=100)  # 4 + 16 includes
    assert result.dns_lookups == 20
    assert "more than 10 DNS lookups (20)" in result.errors
    assert not any("stopped" in e for e in result.errors)


def test_custom_limits() -> None:
    result = expand(_fan_out_table(width=3, depth=1), max_lookups=2)
    assert "more than 2 DNS lookups (3)" in result.errors


# --- properties -----------------------------------------------------------------------

_SPF_WORDS = st.sampled_from(
    [
        "v=spf1",
        "include:",
        "a",
        "mx",
        "ip4:",
        "ip6:",
        "redirect=",
        "exp=",
        "all",
        "-",
        "~",
        "?",
        "+",
        "%{",
        "}",
        "/",
        "//",
        ":",
        "=",
        ".",
        "example.test",
        "1.2.3.4",
        "::1",
        "24",
        " ",
        "%",
    ]
)


@settings(database=None, deadline=None, max_examples=300)
@given(st.one_of(st.text(), st.lists(_SPF_WORDS, max_size=30).map("".join)))
def test_parse_spf_never_raises(text: str) -> None:
    parsed = parse_spf(text)
    assert all(isinstance(e, str) for e in parsed.errors)
    for term in parsed.terms:
        assert term.qualifier in "+-~?"


@settings(database=None, deadline=None, max_examples=100)
@given(st.lists(_SPF_WORDS, max_size=30).map("".join))
def test_expand_spf_never_raises_and_respects_the_hard_stop(record: str) -> None:
    table = {("example.test", "TXT"): spf("v=spf1 " + record)}
    # every name answers with the same record, so includes fan out without end
    dns = FakeDns(table)

    def resolve(name: str, rdtype: str) -> Lookup:
        return dns(name, rdtype) if rdtype != "TXT" else table[("example.test", "TXT")]

    result = expand_spf("example.test", resolve, hard_stop=12)
    assert result.dns_lookups <= 12
