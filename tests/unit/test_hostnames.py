"""One ASCII name for the policy and the connection (issue 11, item 3), and the credential
decision's promise for any host or address a server may send (items 1 and 2)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.autodiscover.policy import (
    Verdict,
    credential_decision,
    is_public_suffix_bait,
    trustable_domain,
)
from assistant.checks.autodiscover.walk import PoxWalk
from assistant.config import Target
from assistant.facts import Cloud, is_microsoft_host, is_within
from assistant.hostnames import HostNameError, ascii_host, ascii_url, url_host
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab
from assistant.lab.zones import IDN_DOMAIN
from assistant.model import Status, Step
from assistant.net.connect import ConnectError
from assistant.net.network import wire_name
from assistant.runner import Runner

TARGET = "contoso.com"

# Spellings that a resolver and SNI turn into autodiscover.com, the 2021 leak's host.
BAIT_SPELLINGS = [
    "AUTODIſCOVER.com",  # long s (U+017F)
    "autodiscover.com.",
    "AutoDiscover.COM",
    "ａｕｔｏｄｉｓｃｏｖｅｒ.com",  # full-width letters
    "autodiscover。com",  # ideographic full stop
    "autodiscover．com",  # full-width full stop
    "autodiscover.ｃｏｍ",
]


@pytest.mark.parametrize("spelling", BAIT_SPELLINGS)
def test_every_spelling_of_autodiscover_dot_com_is_the_same_name_and_refused(
    spelling: str,
) -> None:
    assert ascii_host(spelling) == "autodiscover.com"
    assert is_public_suffix_bait(spelling)
    decision = credential_decision(
        f"https://{spelling}/autodiscover/autodiscover.xml", tls_verified=True, domains=(TARGET,)
    )
    assert decision.verdict is Verdict.NEVER
    assert "autodiscover.com" in decision.reason


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MAIL.Contoso.com", "mail.contoso.com"),
        ("mail.münchen.de", "mail.xn--mnchen-3ya.de"),
        ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
        # Microsoft's MX host for an IDN domain: an xn-- label that is not valid Punycode.
        (
            "XN--mller-kva-de.mail.protection.outlook.com",
            "xn--mller-kva-de.mail.protection.outlook.com",
        ),
        ("[2001:DB8::1]", "2001:db8::1"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_names_normalise_to_one_ascii_form(name: str, expected: str) -> None:
    assert ascii_host(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        *(
            "",
            ".",
            "a..b",
            "a b.com",
            "mail\r\n.contoso.com",
            "\u0300bad.com",
            "-a.com",
            "a%2e.com",
        ),
        *("x" * 64 + ".com", "a." * 200 + "com", "\u200b.com", "["),
    ],
)
def test_what_does_not_normalise_is_refused_everywhere(name: str) -> None:
    with pytest.raises(HostNameError):
        ascii_host(name)
    url = f"https://{name}/EWS/Exchange.asmx"
    assert url_host(url) is None
    assert credential_decision(url, tls_verified=True, domains=(TARGET,)).verdict is Verdict.NEVER
    with pytest.raises(ConnectError):
        wire_name(name)


def test_the_connection_refuses_a_unicode_name_the_policy_did_not_convert() -> None:
    with pytest.raises(ConnectError):
        wire_name("autodiſcover.com")
    assert wire_name("Mail.Contoso.COM.") == "mail.contoso.com"


def test_a_url_keeps_everything_but_its_host_spelling() -> None:
    assert (
        ascii_url("HTTPS://Mail.München.de:8443/EWS/Exchange.asmx?a=1")
        == "https://mail.xn--mnchen-3ya.de:8443/EWS/Exchange.asmx?a=1"
    )


@pytest.mark.parametrize(
    ("domain", "trusted"),
    [
        ("com", None),
        ("co.uk", None),
        ("github.io", None),
        ("COM.", None),
        ("127.0.0.1", None),
        ("", None),
        ("contoso.mail.onmicrosoft.com", "contoso.mail.onmicrosoft.com"),
        ("Fabrikam.COM", "fabrikam.com"),
    ],
)
def test_only_registrable_domains_can_be_admitted(domain: str, trusted: str | None) -> None:
    assert trustable_domain(domain) == trusted


def test_a_public_suffix_in_the_domain_list_admits_nothing() -> None:
    decision = credential_decision(
        "https://mail.evil.com/autodiscover/autodiscover.xml",
        tls_verified=True,
        domains=(TARGET, "com"),
    )
    assert decision.verdict is Verdict.ASK


# -- the promise, for anything a server may send ---------------------------------------

_LABEL = st.text(
    alphabet=st.sampled_from("abcdeoſｏ-_.。ÅéxnXN0123456789\u0131\u200b"), min_size=1, max_size=12
)
_HOSTS = st.one_of(
    st.builds(lambda a, b: f"{a}.{b}", _LABEL, st.sampled_from(["com", "contoso.com", "test"])),
    st.builds(lambda a: f"{a}.contoso.com", _LABEL),
    st.builds(lambda a: f"{a}.outlook.com", _LABEL),
    st.text(max_size=40),
)
_DOMAINS = st.one_of(
    st.sampled_from(
        ["com", "co.uk", "contoso.com", "evil.example", "ｃｏｍ", "mail.onmicrosoft.com"]
    ),
    _HOSTS,
)


@settings(max_examples=400, deadline=None)
@given(host=_HOSTS, vouched=st.lists(_DOMAINS, max_size=3))
def test_credentials_never_go_outside_the_target_microsoft_or_what_the_user_trusted(
    host: str, vouched: list[str]
) -> None:
    """An anonymous answer vouches for nothing: the only domains are the target's. The
    decision is made on the name the connection would use, never on another spelling."""
    url = f"https://{host}/autodiscover/autodiscover.xml"
    decision = credential_decision(url, tls_verified=True, domains=(TARGET,))
    if decision.verdict is Verdict.ALLOW:
        wire = url_host(url)
        assert wire is not None
        assert wire == wire_name(wire)
        assert is_within(wire, TARGET) or is_microsoft_host(wire), (host, wire)
    # An authenticated answer may admit domains, but never a public suffix or a bad name.
    admitted = tuple(d for d in (trustable_domain(v) for v in vouched) if d)
    decision = credential_decision(url, tls_verified=True, domains=(TARGET, *admitted))
    if decision.verdict is Verdict.ALLOW:
        wire = url_host(url)
        assert wire is not None
        owners = [d for d in (TARGET, *admitted) if is_within(wire, d)]
        assert owners or is_microsoft_host(wire), (host, wire, admitted)
        assert all("." in d for d in owners)
    # Anything else is only the user's to allow (--trust-host, the consent dialog).
    if decision.verdict is Verdict.ASK:
        wire = url_host(url)
        assert wire is not None
        assert not is_within(wire, TARGET)


# -- a lab run ---------------------------------------------------------------------------


def _walk(lab: Lab, url: str) -> Step:
    def probe(ctx: Context) -> Step:
        return PoxWalk(ctx, "probe", "probe", f"admin@{IDN_DOMAIN}").run(url).step

    [step] = Runner(
        Target.parse(f"admin@{IDN_DOMAIN}", Cloud.ONPREM),
        lab.network_options(timeout=1.0),
        credentials=PasswordCredential(f"admin@{IDN_DOMAIN}", LAB_PASSWORD),
    ).run([Check("probe", "probe", probe)])
    return step


def test_a_disguised_autodiscover_dot_test_reaches_no_server(lab: Lab) -> None:
    """`.test` is a public suffix; the long s would connect to autodiscover.test."""
    before = len(lab.requests)
    step = _walk(lab, "https://AUTODIſCOVER.test/autodiscover/autodiscover.xml")
    assert step.status is Status.FAIL and "public suffix" in step.summary
    assert not [r for r in lab.requests.since(before) if r.host == "autodiscover.test"]


def test_a_unicode_url_connects_under_its_ascii_name(lab: Lab) -> None:
    before = len(lab.requests)
    # mta-sts.<IDN domain> has a good certificate in the lab: the request gets through.
    _walk(lab, "https://MTA-STS.MÜLLER.test/autodiscover/autodiscover.xml")
    hosts = {r.host for r in lab.requests.since(before)}
    assert hosts == {f"mta-sts.{IDN_DOMAIN}"}, hosts
