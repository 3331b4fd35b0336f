"""MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) parsing: table tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks.policy.mta_sts import (
    MtaStsPolicy,
    mta_sts_records_in,
    mx_pattern_matches,
    parse_mta_sts_policy,
    parse_mta_sts_txt,
    uncovered_mx,
)
from assistant.checks.policy.tlsrpt import parse_tlsrpt, tlsrpt_records_in

GOOD_POLICY = (
    "version: STSv1\r\n"
    "mode: enforce\r\n"
    "mx: contoso-test.mail.protection.outlook.com\r\n"
    "mx: *.backup.contoso.test\r\n"
    "max_age: 604800\r\n"
)

# --- the _mta-sts TXT record ----------------------------------------------------------


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        (["v=STSv1; id=1"], ["v=STSv1; id=1"]),
        (["v=spf1 -all", "v=STSv1;id=2;"], ["v=STSv1;id=2;"]),
        (["v=STSv1"], ["v=STSv1"]),
        (["v=stsv1; id=1"], ["v=stsv1; id=1"]),
        (["v=STSv10; id=1", "id=1; v=STSv1"], []),
    ],
)
def test_mta_sts_records_in(strings: list[str], expected: list[str]) -> None:
    assert mta_sts_records_in(strings) == expected


@pytest.mark.parametrize(
    ("text", "sts_id"),
    [
        ("v=STSv1; id=20190429T010101;", "20190429T010101"),
        ("v=STSv1;id=1", "1"),
        ("v=STSv1; id=" + "a" * 32, "a" * 32),
        ("v=STSv1; id=abc; ext_1=value", "abc"),
        ("v=STSv1 ; id=abc ; ", "abc"),
    ],
)
def test_good_sts_txt(text: str, sts_id: str) -> None:
    record = parse_mta_sts_txt(text)
    assert record.errors == ()
    assert (record.version, record.id) == ("STSv1", sts_id)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("v=STSv1;", "no id= field"),
        ("v=STSv1; id=" + "a" * 33, "must be 1 to 32 letters and digits"),
        ("v=STSv1; id=2019-04-29", "id=2019-04-29 must be 1 to 32 letters and digits"),
        ("id=1; v=STSv1", "the record must start with v=STSv1"),
        ("v=stsv1; id=1", "write the version exactly as v=STSv1, not v=stsv1"),
        ("v=STSv2; id=1", "v=STSv2 is not v=STSv1"),
        ("v=STSv1 id=1", "fields must be separated by ';'"),
        ("v=STSv1; id=1; id=2", "'id' appears more than once"),
        ("v=STSv1; id=1; junk", "'junk' is not a name=value field"),
    ],
)
def test_bad_sts_txt(text: str, error: str) -> None:
    errors = parse_mta_sts_txt(text).errors
    assert any(error in e for e in errors), errors


# --- the policy file ------------------------------------------------------------------


def test_good_policy() -> None:
    policy = parse_mta_sts_policy(GOOD_POLICY)
    assert policy == MtaStsPolicy(
        version="STSv1",
        mode="enforce",
        mx=("contoso-test.mail.protection.outlook.com", "*.backup.contoso.test"),
        max_age=604800,
        errors=(),
    )


@pytest.mark.parametrize(
    "text",
    [
        GOOD_POLICY.replace("\r\n", "\n"),
        GOOD_POLICY.rstrip(),
        GOOD_POLICY.replace(": ", ":"),
        GOOD_POLICY + "\r\nfuture_key: something\r\n",
    ],
)
def test_policy_line_ending_and_spacing_variants(text: str) -> None:
    assert parse_mta_sts_policy(text) == parse_mta_sts_policy(GOOD_POLICY)


@pytest.mark.parametrize(
    ("text", "mode", "max_age"),
    [
        ("version: STSv1\nmode: none\nmax_age: 86400\n", "none", 86400),  # mx not needed
        ("version: STSv1\nmode: testing\nmx: mx.test\nmax_age: 0\n", "testing", 0),
        ("version: STSv1\nmode: enforce\nmx: mx.test\nmax_age: 31557600\n", "enforce", 31557600),
    ],
)
def test_policy_modes_and_max_age_bounds(text: str, mode: str, max_age: int) -> None:
    policy = parse_mta_sts_policy(text)
    assert policy.errors == ()
    assert (policy.mode, policy.max_age) == (mode, max_age)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("version: STSv1\nmx: mx.test\nmax_age: 86400\n", "no 'mode:' line"),
        ("version: STSv1\nmode: Enforce\nmx: mx.test\nmax_age: 86400\n", "mode: Enforce must be"),
        ("version: STSv1\nmode: strict\nmx: mx.test\nmax_age: 86400\n", "mode: strict must be"),
        ("version: STSv1\nmode: enforce\nmx: mx.test\n", "no 'max_age:' line"),
        (
            "version: STSv1\nmode: enforce\nmx: mx.test\nmax_age: 31557601\n",
            "max_age: 31557601 must be a number of seconds from 0 to 31557600",
        ),
        ("version: STSv1\nmode: enforce\nmx: mx.test\nmax_age: -1\n", "max_age: -1 must be"),
        ("version: STSv1\nmode: enforce\nmx: mx.test\nmax_age: 1 week\n", "max_age: 1 week"),
        ("mode: enforce\nmx: mx.test\nmax_age: 86400\n", "no 'version: STSv1' line"),
        ("version: STSv2\nmode: enforce\nmx: mx.test\nmax_age: 86400\n", "version: STSv2 is not"),
        ("version: STSv1\nmode: enforce\nmax_age: 86400\n", "no 'mx:' lines"),
        ("version: STSv1\nmode: testing\nmax_age: 86400\n", "no 'mx:' lines"),
        (
            "version: STSv1\nmode: enforce\nmx: *.*.contoso.test\nmax_age: 86400\n",
            "line 3: '*.*.contoso.test' is not a valid host name or *.domain pattern",
        ),
        ("version: STSv1\nmode: enforce\nmx: mx_1.test\nmax_age: 1\n", "'mx_1.test' is not"),
        ("version: STSv1\nmode: enforce\nmode: none\nmx: a.test\nmax_age: 1\n", "'mode' appears"),
        ("version: STSv1\nMode: enforce\nmx: a.test\nmax_age: 1\n", "write 'mode' in lower case"),
        ("version: STSv1\nmode enforce\nmx: a.test\nmax_age: 1\n", "line 2 is not 'key: value'"),
        ("<html>Not found</html>", "line 1 is not 'key: value'"),
        ("", "no 'version: STSv1' line"),
    ],
)
def test_bad_policy(text: str, error: str) -> None:
    errors = parse_mta_sts_policy(text).errors
    assert any(error in e for e in errors), errors


# --- MX coverage ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "host", "matches"),
    [
        ("*.mail.protection.outlook.com", "contoso-com.mail.protection.outlook.com", True),
        ("*.mail.protection.outlook.com", "Contoso-COM.Mail.Protection.Outlook.com.", True),
        ("*.mail.protection.outlook.com.", "contoso-com.mail.protection.outlook.com", True),
        ("*.mail.protection.outlook.com", "a.b.mail.protection.outlook.com", False),  # one label
        ("*.mail.protection.outlook.com", "mail.protection.outlook.com", False),
        ("*.mail.protection.outlook.com", "contoso.mail.protection.outlook.com.evil.test", False),
        ("*.example.test", "xexample.test", False),
        ("mx1.contoso.test", "MX1.contoso.test.", True),
        ("mx1.contoso.test", "mx2.contoso.test", False),
        ("mx1.contoso.test", "a.mx1.contoso.test", False),
        ("", "mx1.contoso.test", False),
        ("mx1.contoso.test", "", False),
    ],
)
def test_mx_pattern_matches(pattern: str, host: str, matches: bool) -> None:
    assert mx_pattern_matches(pattern, host) is matches


@pytest.mark.parametrize(
    ("hosts", "uncovered"),
    [
        (["contoso-test.mail.protection.outlook.com"], []),
        (["contoso-test.mail.protection.outlook.com.", "b1.backup.contoso.test"], []),
        (["old-mx.contoso.test", "b1.backup.contoso.test"], ["old-mx.contoso.test"]),
        (["x.y.backup.contoso.test"], ["x.y.backup.contoso.test"]),
        ([], []),
    ],
)
def test_uncovered_mx(hosts: list[str], uncovered: list[str]) -> None:
    assert uncovered_mx(parse_mta_sts_policy(GOOD_POLICY), hosts) == uncovered


def test_policy_without_mx_covers_nothing() -> None:
    policy = parse_mta_sts_policy("version: STSv1\nmode: none\nmax_age: 86400\n")
    assert uncovered_mx(policy, ["mx.contoso.test"]) == ["mx.contoso.test"]


# --- TLS-RPT --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        (["v=TLSRPTv1; rua=mailto:a@b.test"], ["v=TLSRPTv1; rua=mailto:a@b.test"]),
        (["v=STSv1; id=1", "v=TLSRPTv1;rua=https://r.test/"], ["v=TLSRPTv1;rua=https://r.test/"]),
        (["v=TLSRPTv10; rua=mailto:a@b.test", "rua=mailto:a@b.test"], []),
    ],
)
def test_tlsrpt_records_in(strings: list[str], expected: list[str]) -> None:
    assert tlsrpt_records_in(strings) == expected


@pytest.mark.parametrize(
    ("text", "rua"),
    [
        ("v=TLSRPTv1; rua=mailto:tls@contoso.test", ("mailto:tls@contoso.test",)),
        (
            "v=TLSRPTv1; rua=mailto:a@b.test,https://reports.test/tls",
            ("mailto:a@b.test", "https://reports.test/tls"),
        ),
        (
            "v=TLSRPTv1;rua=mailto:a@b.test , https://reports.test/x?y=z;",
            ("mailto:a@b.test", "https://reports.test/x?y=z"),
        ),
    ],
)
def test_good_tlsrpt(text: str, rua: tuple[str, ...]) -> None:
    record = parse_tlsrpt(text)
    assert record.errors == ()
    assert (record.version, record.rua) == ("TLSRPTv1", rua)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("v=TLSRPTv1;", "no rua= field"),
        ("v=TLSRPTv1; rua=http://reports.test/", "must start with mailto: or https:"),
        ("v=TLSRPTv1; rua=tls@contoso.test", "must start with mailto: or https:"),
        ("v=TLSRPTv1; rua=mailto:nobody", "is not a valid mailto: address"),
        ("v=TLSRPTv1; rua=https://", "is not a valid https: URL"),
        ("v=TLSRPTv1; rua=", "has an empty value"),
        ("rua=mailto:a@b.test; v=TLSRPTv1", "the record must start with v=TLSRPTv1"),
        ("v=tlsrptv1; rua=mailto:a@b.test", "write the version exactly as v=TLSRPTv1"),
        ("v=TLSRPTv1; rua=mailto:a@b.test; rua=mailto:c@d.test", "'rua' appears more than once"),
    ],
)
def test_bad_tlsrpt(text: str, error: str) -> None:
    errors = parse_tlsrpt(text).errors
    assert any(error in e for e in errors), errors


def test_tlsrpt_keeps_the_good_destinations_when_one_is_bad() -> None:
    record = parse_tlsrpt("v=TLSRPTv1; rua=mailto:a@b.test,ftp://x.test")
    assert record.rua == ("mailto:a@b.test",)
    assert len(record.errors) == 1


@settings(database=None, deadline=None, max_examples=200)
@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    parse_mta_sts_txt(text)
    parse_mta_sts_policy(text)
    parse_tlsrpt(text)
    mx_pattern_matches(text, text)
