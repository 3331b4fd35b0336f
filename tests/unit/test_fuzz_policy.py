"""Fuzzing the DNS policy record parsers (SPF, DMARC, MTA-STS TXT and policy, TLS-RPT).

The records come from DNS and HTTPS that anyone may control. The contract: the parser
never raises (a bad record is a record with `errors`), and what it returns grows at most
linearly with what it was given. Hostile input is both random text and valid-looking
records glued with control characters, odd Unicode and very long tokens.
"""

from __future__ import annotations

from fuzz_support import FUZZ, hostile_text, mutated, mutations, ran, text_size
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.checks.policy.dmarc import dmarc_records_in, parse_dmarc
from assistant.checks.policy.mta_sts import (
    mta_sts_records_in,
    mx_pattern_matches,
    mx_pattern_problem,
    parse_mta_sts_policy,
    parse_mta_sts_txt,
    uncovered_mx,
)
from assistant.checks.policy.spf_record import has_macros, parse_spf, spf_records_in
from assistant.checks.policy.tlsrpt import parse_tlsrpt, tlsrpt_records_in

# Output per input character: generous (a one-letter bad term gets a sentence of its own),
# but a parser whose output grows with the square of its input fails it on the long runs.
PER_CHAR = 200
SLACK = 5_000

domains = st.sampled_from(
    ["contoso.test", "_spf.contoso.test", "xn--bcher-kva.test", "bücher.test", "a..b", "-x-.test"]
)
SPF_PIECES = st.one_of(
    st.sampled_from(
        [
            "v=spf1 ",
            " ",
            "include:",
            "a",
            "mx",
            "ptr",
            "exists:",
            "redirect=",
            "exp=",
            "ip4:192.0.2.0/24",
            "ip4:999.1.1.1/33",
            "ip6:2001:db8::/32",
            "ip6:::/129",
            "-all",
            "~all",
            "?all",
            "+all",
            "a/24//64",
            "mx:",
            "%{i}",
            "%{ir}.%{v}._spf.%{d2}",
            "%{l1r-}",
            "%%",
            "%_%-",
            "%{",
            "unknown=",
            "v=spf1",
            "=",
            ":",
            "/",
        ]
    ),
    domains,
)
DMARC_PIECES = st.one_of(
    st.sampled_from(
        [
            "v=DMARC1",
            "v=dmarc1",
            "; ",
            ";",
            "p=reject",
            "p=none",
            "sp=quarantine",
            "p=",
            "rua=mailto:dmarc@contoso.test",
            "ruf=mailto:x@y!10m",
            "rua=https://r.test/",
            ",",
            "pct=",
            "pct=50",
            "pct=999999999999999999999",
            "adkim=s",
            "aspf=r",
            "fo=1:d",
            "rf=afrf",
            "ri=86400",
            "np=reject",
            "t=y",
            "=",
            "x",
            "mailto:",
        ]
    ),
    domains,
)
STS_TXT_PIECES = st.sampled_from(
    ["v=STSv1", "v=stsv1", "; ", ";", "id=", "20240101T000000", "id=" + "a" * 40, "=", " "]
)
STS_POLICY_PIECES = st.sampled_from(
    [
        "version: STSv1",
        "mode: enforce",
        "mode: testing",
        "mode: none",
        "mode: ",
        "mx: ",
        "mx: *.contoso.test",
        "mx: mail.contoso.test",
        "mx: *.*.x",
        "max_age: 86400",
        "max_age: 99999999999999999999",
        "max_age: -1",
        "\r\n",
        "\n",
        "\r",
        ":",
        "version",
    ]
)
TLSRPT_PIECES = st.sampled_from(
    [
        "v=TLSRPTv1",
        "v=tlsrptv1",
        ";",
        "; ",
        "rua=",
        "mailto:tls@contoso.test",
        ",",
        "https://report.contoso.test/v1",
        "https://[::1",
        "https://",
        "ftp://x",
        "mailto:",
    ]
)


def _bounded(result: object, given: str) -> None:
    assert text_size(result) <= PER_CHAR * len(given) + SLACK


@FUZZ
@given(st.one_of(st.text(), hostile_text(SPF_PIECES)), mutations)
@example("v=spf1 " + "a " * 5000 + "-all", [])
@example("v=spf1 \x00\r\n" * 200, [])
@example("v=spf1 %{" + "i" * 10_000, [])
def test_spf_never_raises_and_stays_linear(record: str, edits: list[tuple[int, str]]) -> None:
    ran("spf")
    record = mutated(record, edits)
    parsed = parse_spf(record)
    _bounded(parsed, record)
    assert all(term.text for term in parsed.terms)
    assert parsed.all_qualifier in (None, "+", "-", "~", "?")
    spf_records_in([record])
    has_macros(record)


@FUZZ
@given(st.one_of(st.text(), hostile_text(DMARC_PIECES)), mutations)
@example("v=DMARC1; " + "x=1; " * 1000 + "p=reject", [])
@example("v=DMARC1; p=reject; rua=" + ",".join(["mailto:a@b.test"] * 2000), [])
def test_dmarc_never_raises_and_stays_linear(record: str, edits: list[tuple[int, str]]) -> None:
    ran("dmarc")
    record = mutated(record, edits)
    parsed = parse_dmarc(record)
    _bounded(parsed, record)
    assert 0 <= parsed.pct <= 100
    assert parsed.policy in (None, "none", "quarantine", "reject")
    dmarc_records_in([record])


@FUZZ
@given(
    st.one_of(st.text(), hostile_text(STS_TXT_PIECES)),
    st.one_of(st.text(), hostile_text(STS_POLICY_PIECES, max_pieces=80)),
    st.lists(st.one_of(domains, st.text(max_size=30)), max_size=5),
)
@example("v=STSv1; id=" + "9" * 100_000, "mx: *.x\n" * 5000, ["a.x"])
def test_mta_sts_never_raises_and_stays_linear(txt: str, policy: str, mx: list[str]) -> None:
    ran("mta_sts")
    parsed_txt = parse_mta_sts_txt(txt)
    _bounded(parsed_txt, txt)
    parsed = parse_mta_sts_policy(policy)
    _bounded(parsed, policy)
    for pattern in parsed.mx[:20]:
        mx_pattern_problem(pattern)
        for host in mx:
            assert mx_pattern_matches(pattern, host) in (True, False)
    assert set(uncovered_mx(parsed, mx)) <= set(mx)
    mta_sts_records_in([txt])


@FUZZ
@given(st.one_of(st.text(), hostile_text(TLSRPT_PIECES)), mutations)
@example("v=TLSRPTv1; rua=" + ",".join(["https://[::1"] * 3000), [])
def test_tlsrpt_never_raises_and_stays_linear(record: str, edits: list[tuple[int, str]]) -> None:
    ran("tlsrpt")
    record = mutated(record, edits)
    parsed = parse_tlsrpt(record)
    _bounded(parsed, record)
    assert all(uri.lower().startswith(("mailto:", "https:")) for uri in parsed.rua)
    tlsrpt_records_in([record])
