"""Authentication-Results (RFC 8601) and Exchange Online's anti-spam headers: Microsoft's
form without an authserv-id, the RFC's form, several headers, and hostile input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.policy.auth_results import (
    MAX_FIELD_CHARS,
    MAX_SEGMENTS,
    compauth_reason,
    describe,
    merged,
    parse_antispam,
    parse_results,
)

MICROSOFT = (
    "spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=contoso.com; dkim=none (message not "
    "signed) header.d=none;dmarc=none action=none header.from=contoso.com;compauth=pass "
    "reason=100"
)
MICROSOFT_JUNK = (
    "spf=fail (sender IP is 203.0.113.5)\r\n smtp.mailfrom=contoso.com; dkim=none (message "
    "not signed)\r\n header.d=none;dmarc=fail action=quarantine\r\n header.from=contoso.com;"
    "compauth=fail reason=000"
)
# As Postfix's OpenDKIM/OpenDMARC milters or Gmail write it: the authserv-id first.
RFC_FORM = (
    "mx.example.org;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=example.com "
    'header.i=@example.com header.b="AbCd+/12";\r\n\tspf=pass (mx.example.org: domain of '
    "a@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=a@example.com;"
    "\r\n\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com;\r\n\tarc=none"
)


def test_microsoft_form_without_an_authserv_id() -> None:
    results = parse_results(MICROSOFT)
    assert results.authserv_id == ""
    spf, dkim, dmarc, compauth = (results.get(m) for m in ("spf", "dkim", "dmarc", "compauth"))
    assert spf is not None and spf.passed
    assert spf.comment == "sender IP is 1.2.3.4"
    assert spf.get("smtp.mailfrom") == "contoso.com"
    assert dkim is not None and dkim.result == "none" and dkim.comment == "message not signed"
    assert dmarc is not None and dmarc.get("action") == "none"
    assert dmarc.get("header.from") == "contoso.com"
    assert compauth is not None and compauth.passed and compauth.get("reason") == "100"
    assert compauth_reason("100") == "the message passed composite authentication"


def test_a_junked_message_fails_spf_dmarc_and_compauth() -> None:
    results = parse_results(MICROSOFT_JUNK)
    assert [(m.method, m.result) for m in results.methods] == [
        ("spf", "fail"),
        ("dkim", "none"),
        ("dmarc", "fail"),
        ("compauth", "fail"),
    ]
    compauth = results.get("compauth")
    assert compauth is not None and compauth.failed
    assert "explicit authentication" in compauth_reason(compauth.get("reason"))
    rows = describe(results)
    assert rows[0]["details"] == "(sender IP is 203.0.113.5) smtp.mailfrom=contoso.com"
    assert "explicit" in rows[3]["meaning"]


def test_the_rfc_form_with_quoted_values_and_comments_holding_semicolons() -> None:
    results = parse_results(RFC_FORM)
    assert results.authserv_id == "mx.example.org"
    assert [m.method for m in results.methods] == ["dkim", "spf", "dmarc", "arc"]
    dkim = results.get("dkim")
    assert dkim is not None and dkim.get("header.b") == "AbCd+/12"
    assert dkim.comment == "2048-bit key; unprotected"
    assert results.get("arc") is not None


def test_spaces_around_equals_and_method_versions() -> None:
    results = parse_results("mx; spf = pass smtp.mailfrom=a.b; dkim/1 =fail header.d=a.b")
    assert [(m.method, m.result) for m in results.methods] == [("spf", "pass"), ("dkim", "fail")]
    assert parse_results("mx.example.org 1; none").methods == ()


def test_the_newest_header_wins_for_each_method() -> None:
    results = merged([MICROSOFT_JUNK, MICROSOFT, RFC_FORM])
    spf, arc = results.get("spf"), results.get("arc")
    assert spf is not None and spf.result == "fail"
    assert arc is not None and arc.result == "none"
    assert results.authserv_id == "mx.example.org"


def test_compauth_reason_codes() -> None:
    assert "soft-passed" in compauth_reason("201")
    assert "not checked" in compauth_reason("399")
    assert "bypassed" in compauth_reason("905")
    assert "intra-organisation" in compauth_reason("601")
    assert compauth_reason("") == compauth_reason("abc") == compauth_reason("8") == ""


def test_forefront_antispam_report_and_authas() -> None:
    verdict = parse_antispam(
        "CIP:203.0.113.5;CTRY:NL;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:printer;PTR:;"
        "CAT:SPOOF;SFS:(13230031)(4636009);DIR:INB;",
        auth_as="Anonymous",
    )
    assert (verdict.sfv, verdict.scl, verdict.category, verdict.auth_as) == (
        "SPM",
        5,
        "SPOOF",
        "Anonymous",
    )
    assert verdict.spam and "spam" in verdict.sfv_meaning
    clean = parse_antispam("CIP:255.255.255.255;CTRY:;SFV:NSPM;SCL:1;", auth_as="Internal")
    assert not clean.spam
    assert parse_antispam("", scl="6").spam  # X-MS-Exchange-Organization-SCL alone
    assert parse_antispam("SCL:99;SFV:NSPM").scl is None


def test_hostile_input_is_bounded() -> None:
    many = ";".join(f"m{i}=pass" for i in range(10_000))
    assert len(parse_results(many).methods) <= MAX_SEGMENTS
    huge = parse_results("spf=" + "p" * 1_000_000 + " (" + "(" * 100_000)
    assert len(huge.methods[0].result) <= MAX_FIELD_CHARS
    assert parse_results('((((((;;;;"""\\').methods == ()
    assert parse_antispam("SFV:" + "x" * 1_000_000).sfv.startswith("X")


@given(st.text(max_size=2000))
def test_any_text_parses_to_bounded_results(text: str) -> None:
    results = parse_results(text)
    assert len(results.methods) <= MAX_SEGMENTS
    for item in results.methods:
        assert len(item.method) <= MAX_FIELD_CHARS and len(item.result) <= MAX_FIELD_CHARS
    describe(results)
    parse_antispam(text, text, text)
