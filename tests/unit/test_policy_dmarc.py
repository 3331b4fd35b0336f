"""DMARC record parsing (RFC 7489): table tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks.policy.dmarc import dmarc_records_in, parse_dmarc


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        (["v=DMARC1; p=reject"], ["v=DMARC1; p=reject"]),
        (["v=spf1 -all", "v=DMARC1;p=none"], ["v=DMARC1;p=none"]),
        (["v = DMARC1 ; p=none"], ["v = DMARC1 ; p=none"]),
        # found so that parse_dmarc can say what is wrong, instead of "no record"
        (["v=dmarc1; p=none"], ["v=dmarc1; p=none"]),
        (["v=DMARC1 p=reject"], ["v=DMARC1 p=reject"]),
        (["v=DMARC10; p=none", "p=reject; v=DMARC1", "v=DMARC1p=reject"], []),
        ([], []),
    ],
)
def test_dmarc_records_in(strings: list[str], expected: list[str]) -> None:
    assert dmarc_records_in(strings) == expected


def test_good_reject_record() -> None:
    record = parse_dmarc(
        "v=DMARC1; p=reject; sp=quarantine; pct=100; adkim=s; aspf=r; fo=1:d; rf=afrf; "
        "ri=86400; rua=mailto:dmarc@contoso.test,mailto:agg@reports.test!10m; "
        "ruf=mailto:forensic@contoso.test"
    )
    assert record.errors == ()
    assert record.warnings == ()
    assert record.policy == "reject"
    assert record.subdomain_policy == "quarantine"
    assert record.pct == 100
    assert record.rua == ("mailto:dmarc@contoso.test", "mailto:agg@reports.test")
    assert record.ruf == ("mailto:forensic@contoso.test",)
    assert record.tags["adkim"] == "s"
    assert list(record.tags)[:2] == ["v", "p"]


def test_record_is_frozen_and_hashable() -> None:
    record = parse_dmarc("v=DMARC1; p=reject; rua=mailto:d@contoso.test")
    assert record == parse_dmarc("v=DMARC1; p=reject; rua=mailto:d@contoso.test")
    hash(record)
    with pytest.raises(TypeError):
        record.tags["p"] = "none"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "policy", "pct"),
    [
        ("v=DMARC1;p=reject;rua=mailto:d@contoso.test", "reject", 100),
        ("v=DMARC1; p=quarantine; rua=mailto:d@contoso.test;", "quarantine", 100),
        ("  v = DMARC1 ;  p = Reject ; rua = mailto:d@contoso.test ;; ", "reject", 100),
        ("v=DMARC1;\tp=reject;\trua=mailto:d@contoso.test;\t", "reject", 100),
        ("V=DMARC1; P=REJECT; RUA=MAILTO:d@contoso.test", "reject", 100),
        ("v=DMARC1; p=quarantine; pct=0; rua=mailto:d@contoso.test", "quarantine", 0),
    ],
)
def test_whitespace_case_and_trailing_semicolons(text: str, policy: str, pct: int) -> None:
    record = parse_dmarc(text)
    assert record.errors == ()
    assert record.policy == policy
    assert record.pct == pct


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        (
            "v=DMARC1; p=none; rua=mailto:d@contoso.test",
            "p=none is monitoring only: spoofed mail is still delivered",
        ),
        (
            "v=DMARC1; p=reject; pct=25; rua=mailto:d@contoso.test",
            "pct=25: the policy applies to only 25% of failing mail",
        ),
        ("v=DMARC1; p=reject", "no rua= address: you get no aggregate reports"),
        (
            "v=DMARC1; p=reject; sp=none; rua=mailto:d@contoso.test",
            "sp=none: spoofed mail from subdomains is still delivered",
        ),
        (
            "v=DMARC1; p=reject; rua=mailto:d@contoso.test; polcy=x",
            "unknown tag 'polcy=x' is ignored",
        ),
    ],
)
def test_warnings(text: str, warning: str) -> None:
    record = parse_dmarc(text)
    assert record.errors == ()
    assert warning in record.warnings


def test_a_clean_record_has_no_warnings_and_bis_tags_are_quiet() -> None:
    record = parse_dmarc("v=DMARC1; p=reject; np=reject; psd=n; t=n; rua=mailto:d@c.test")
    assert (record.errors, record.warnings) == ((), ())


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("v=DMARC1; rua=mailto:d@contoso.test", "no p= policy"),
        ("v=DMARC1", "no p= policy"),
        ("v=DMARC1; p=rejected", "p=rejected is not a policy; use none, quarantine or reject"),
        ("v=DMARC1; p=reject; sp=block", "sp=block is not a policy"),
        ("v=DMARC1; p=reject; pct=abc", "pct=abc: must be a whole number from 0 to 100"),
        ("v=DMARC1; p=reject; pct=101", "pct=101: must be a whole number from 0 to 100"),
        ("v=DMARC1; p=reject; pct=-5", "pct=-5: must be a whole number from 0 to 100"),
        ("v=DMARC1; p=reject; pct=50.5", "pct=50.5: must be a whole number from 0 to 100"),
        (
            "v=DMARC1; p=reject; rua=dmarc@contoso.test",
            "rua=dmarc@contoso.test must be a mailto: URI, e.g. mailto:dmarc@contoso.test",
        ),
        (
            "v=DMARC1; p=reject; rua=https://reports.test/dmarc",
            "rua=https://reports.test/dmarc must be a mailto: URI",
        ),
        (
            "v=DMARC1; p=reject; rua=mailto:d@contoso.test, mailto:nobody",
            "rua=mailto:nobody is not a valid mailto: address",
        ),
        ("v=DMARC1; p=reject; ruf=ftp://x.test", "ruf=ftp://x.test must be a mailto: URI"),
        ("v=DMARC1; p=reject; rua=mailto:d@contoso.test,", "rua= has an empty address"),
        ("v=DMARC1; p=reject; p=none", "'p' appears more than once"),
        ("v=DMARC1; p=reject; RUA=mailto:a@b.test; rua=mailto:c@d.test", "'rua' appears more"),
        ("v=DMARC1; v=DMARC1; p=reject", "'v' appears more than once"),
        ("p=reject; v=DMARC1", "the record must start with v=DMARC1"),
        ("p=reject", "the record must start with v=DMARC1"),
        ("", "the record must start with v=DMARC1"),
        ("v=dmarc1; p=reject", "write the version as v=DMARC1 (capitals), not v=dmarc1"),
        ("v=DMARC2; p=reject", "v=DMARC2 is not a DMARC version; use v=DMARC1"),
        ("v=DMARC1; preject", "'preject' is not a tag=value pair"),
        ("v=DMARC1; =reject", "'=reject' does not start with a valid tag name"),
        ("v=DMARC1 p=reject", "'v=DMARC1 p=reject': tags must be separated by ';'"),
        ("v=DMARC1; p=reject; adkim=strict", "adkim=strict: DKIM alignment must be r"),
        ("v=DMARC1; p=reject; aspf=x", "aspf=x: SPF alignment must be r"),
        ("v=DMARC1; p=reject; ri=daily", "ri=daily: the report interval must be a number"),
        ("v=DMARC1; p=reject; fo=2", "fo=2: failure options must be 0, 1, d or s"),
        ("v=DMARC1; p=reject; rf=a f", "rf=a f: the report format must be afrf"),
    ],
)
def test_errors(text: str, error: str) -> None:
    errors = parse_dmarc(text).errors
    assert any(error in e for e in errors), errors


def test_missing_separator_still_reads_the_following_tags() -> None:
    record = parse_dmarc("v=DMARC1 p=reject rua=mailto:d@contoso.test")
    assert record.errors == (
        "'v=DMARC1 p=reject rua=mailto:d@contoso.test': tags must be separated by ';'",
    )
    assert record.policy == "reject"


def test_missing_policy_is_none_not_defaulted() -> None:
    # RFC 7489 §6.6.3 lets receivers treat this as p=none; the admin still has to fix it
    record = parse_dmarc("v=DMARC1; rua=mailto:d@contoso.test")
    assert record.policy is None
    assert record.errors == ("no p= policy (add p=none, p=quarantine or p=reject)",)


def test_invalid_values_are_not_reported_as_values() -> None:
    record = parse_dmarc("v=DMARC1; p=maybe; sp=nah; pct=abc; rua=x@y.test")
    assert (record.policy, record.subdomain_policy, record.pct, record.rua) == (None, None, 100, ())


@settings(database=None, deadline=None, max_examples=300)
@given(
    st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(
                [
                    "v",
                    "p",
                    "sp",
                    "pct",
                    "rua",
                    "ruf",
                    "=",
                    ";",
                    " ",
                    "DMARC1",
                    "reject",
                    "none",
                    "mailto:",
                    "a@b.test",
                    ",",
                    "!",
                    "10m",
                    "5",
                    "abc",
                    "\t",
                ]
            ),
            max_size=30,
        ).map("".join),
    )
)
def test_parse_dmarc_never_raises(text: str) -> None:
    record = parse_dmarc(text)
    assert 0 <= record.pct <= 100
    assert record.policy in (None, "none", "quarantine", "reject")
    assert all(uri.lower().startswith("mailto:") for uri in record.rua + record.ruf)
