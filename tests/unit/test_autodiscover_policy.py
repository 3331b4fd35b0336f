"""The credential rules for autodiscover, as a table (ARCHITECTURE.md security rules)."""

from __future__ import annotations

import pytest

from assistant.checks.autodiscover.policy import (
    Verdict,
    credential_decision,
    is_public_suffix_bait,
    redirect_url_problem,
)

DOMAINS = ("contoso.com",)


@pytest.mark.parametrize(
    ("url", "verified", "verdict", "words"),
    [
        (
            "https://autodiscover.contoso.com/autodiscover/autodiscover.xml",
            True,
            Verdict.ALLOW,
            "within contoso.com",
        ),
        ("https://contoso.com/autodiscover/autodiscover.xml", True, Verdict.ALLOW, "within"),
        (
            "https://mail.eu.contoso.com/autodiscover/autodiscover.xml",
            True,
            Verdict.ALLOW,
            "within",
        ),
        (
            "https://autodiscover-s.outlook.com/Autodiscover/Autodiscover.xml",
            True,
            Verdict.ALLOW,
            "Microsoft",
        ),
        (
            "https://autodiscover.contoso.com/autodiscover/autodiscover.xml",
            False,
            Verdict.NEVER,
            "did not validate",
        ),
        (
            "http://autodiscover.contoso.com/autodiscover/autodiscover.xml",
            True,
            Verdict.NEVER,
            "plain HTTP",
        ),
        (
            "https://autodiscover.com/autodiscover/autodiscover.xml",
            True,
            Verdict.NEVER,
            "public suffix",
        ),
        (
            "https://autodiscover.co.uk/autodiscover/autodiscover.xml",
            True,
            Verdict.NEVER,
            "public suffix",
        ),
        (
            "https://autodiscover.evil.example/autodiscover/autodiscover.xml",
            True,
            Verdict.ASK,
            "outside",
        ),
        ("https://notcontoso.com/autodiscover/autodiscover.xml", True, Verdict.ASK, "outside"),
        (
            "https://contoso.com.evil.net/autodiscover/autodiscover.xml",
            True,
            Verdict.ASK,
            "outside",
        ),
        ("https://outlook.com.evil.net/x", True, Verdict.ASK, "outside"),
    ],
)
def test_credential_decision(url: str, verified: bool, verdict: Verdict, words: str) -> None:
    decision = credential_decision(url, tls_verified=verified, domains=DOMAINS)
    assert decision.verdict is verdict
    assert words in decision.reason


def test_redirect_address_domain_becomes_allowed() -> None:
    url = "https://autodiscover.contoso.mail.onmicrosoft.com/autodiscover/autodiscover.xml"
    assert (
        credential_decision(url, tls_verified=True, domains=DOMAINS).verdict is Verdict.ALLOW
    )  # Microsoft
    other = "https://autodiscover.fabrikam.net/autodiscover/autodiscover.xml"
    assert credential_decision(other, tls_verified=True, domains=DOMAINS).verdict is Verdict.ASK
    widened = (*DOMAINS, "fabrikam.net")
    assert credential_decision(other, tls_verified=True, domains=widened).verdict is Verdict.ALLOW


@pytest.mark.parametrize(
    ("host", "bait"),
    [
        ("autodiscover.com", True),
        ("autodiscover.co.uk", True),
        ("autodiscover.com.au", True),
        ("autodiscover.test", True),
        ("autodiscover.contoso.com", False),
        ("autodiscover.contoso.co.uk", False),
        ("mail.com", False),
        ("AUTODISCOVER.COM.", True),
    ],
)
def test_public_suffix_bait(host: str, bait: bool) -> None:
    assert is_public_suffix_bait(host) is bait


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://autodiscover-s.outlook.com/Autodiscover/Autodiscover.xml", None),
        ("http://autodiscover-s.outlook.com/Autodiscover/Autodiscover.xml", "not HTTPS"),
        ("https://autodiscover.com/autodiscover/autodiscover.xml", "public suffix"),
        ("https:///nohost", "no host name"),
        ("ftp://x.contoso.com/", "not HTTPS"),
    ],
)
def test_redirect_url_problem(url: str, problem: str | None) -> None:
    found = redirect_url_problem(url)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
