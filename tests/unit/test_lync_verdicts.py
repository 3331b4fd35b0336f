"""The pure verdicts of integration.lync.* and integration.teams.exchange, as tables over
what an anonymous request or a DNS lookup can find."""

from __future__ import annotations

import json

import pytest

from assistant.checks.integration.answers import Answer, Shape, classify, json_object
from assistant.checks.integration.lync_dns_verdicts import (
    SipRecord,
    lyncdiscover_links,
    lyncdiscover_verdict,
    parse_srv,
    sip_dns_verdict,
    sip_record_verdict,
)
from assistant.checks.integration.lync_verdicts import (
    autodiscover_svc_verdict,
    ews_for_skype_verdict,
    with_bearer_trust,
)
from assistant.checks.integration.teams_verdicts import (
    autodiscover_v2_url,
    autodiscover_v2_verdict,
    build_verdict,
    ews_published_verdict,
)
from assistant.model import Status
from assistant.net.challenge import parse_challenges

SVC = "https://autodiscover.contoso.test/autodiscover/autodiscover.svc"
EWS = "https://mail.contoso.test/EWS/Exchange.asmx"
BEARER = (
    'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", '
    'trusted_issuers="00000001-0000-0000-c000-000000000000@tenant", '
    'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'
)


def answer(
    status: int | None,
    *challenges: str,
    url: str = SVC,
    body: bytes = b"",
    location: str | None = None,
    tls_failed: bool = False,
) -> Answer:
    return Answer(
        url,
        status,
        tuple(parse_challenges(challenges)),
        location,
        None,
        body,
        error=None
        if status is not None
        else "the certificate of the host was not accepted: it is for wrong.example.net"
        if tls_failed
        else "connection refused",
        tls_failed=tls_failed,
        tls_problems=("certificate is for another name",) if tls_failed else (),
    )


@pytest.mark.parametrize(
    ("got", "shape"),
    [
        (answer(401, "Negotiate", "NTLM", BEARER), Shape.BEARER),
        (answer(401, "Negotiate, NTLM"), Shape.NO_BEARER),
        (answer(401), Shape.NO_BEARER),
        (answer(200), Shape.OPEN),
        (answer(404), Shape.NOT_FOUND),
        (answer(302, location="https://elsewhere.test/"), Shape.REDIRECT),
        (answer(503), Shape.OTHER),
        (answer(None, tls_failed=True), Shape.BAD_TLS),
        (answer(None), Shape.UNREACHABLE),
    ],
)
def test_classify(got: Answer, shape: Shape) -> None:
    assert classify(got) is shape


# -- integration.lync.autodiscover --------------------------------------------------------


@pytest.mark.parametrize(
    ("got", "status"),
    [
        (answer(401, "Negotiate", BEARER), Status.PASS),
        (answer(200), Status.PASS),
        (answer(401, "NTLM"), Status.WARN),
        (answer(302, location="https://autodiscover-s.outlook.com/x"), Status.WARN),
        (answer(404), Status.FAIL),
        (answer(500), Status.FAIL),
        (answer(None, tls_failed=True), Status.FAIL),
        (answer(None), Status.FAIL),
    ],
)
def test_autodiscover_svc_verdict(got: Answer, status: Status) -> None:
    verdict = autodiscover_svc_verdict(got, onprem=True)
    assert verdict.status is status
    if status is Status.FAIL:
        assert verdict.remedy is not None
        assert f"Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl {SVC}" in verdict.remedy.text


def test_autodiscover_redirect_names_the_final_url() -> None:
    verdict = autodiscover_svc_verdict(
        answer(301, location="https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc"),
        onprem=False,
    )
    assert verdict.remedy is not None
    assert "autodiscover-s.outlook.com/autodiscover/autodiscover.svc" in verdict.remedy.text


def test_autodiscover_bad_certificate_lists_the_problem() -> None:
    verdict = autodiscover_svc_verdict(answer(None, tls_failed=True), onprem=True)
    assert "another name" in verdict.details


# -- integration.lync.ews -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("got", "status", "words"),
    [
        (answer(401, "Negotiate", BEARER, url=EWS), Status.PASS, "OAuth (Bearer)"),
        (answer(401, "Negotiate", "NTLM", url=EWS), Status.FAIL, "no OAuth"),
        (answer(404, url=EWS), Status.FAIL, "not published"),
        (answer(200, url=EWS), Status.WARN, "anonymous"),
        (answer(302, url=EWS), Status.FAIL, "redirects"),
        (answer(None, tls_failed=True, url=EWS), Status.FAIL, "certificate"),
        (answer(None, url=EWS), Status.FAIL, "no answer"),
    ],
)
def test_ews_for_skype_verdict(got: Answer, status: Status, words: str) -> None:
    verdict = ews_for_skype_verdict(got, onprem=True)
    assert verdict.status is status
    assert words in verdict.summary
    if status is not Status.PASS:
        assert verdict.remedy is not None


def test_ews_for_skype_remedy_on_premises_names_the_virtual_directory() -> None:
    verdict = ews_for_skype_verdict(answer(401, "NTLM", url=EWS), onprem=True)
    assert verdict.remedy is not None
    assert "Set-WebServicesVirtualDirectory -OAuthAuthentication $true" in verdict.remedy.text


# -- integration.lync.dns -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("100 1 443 sip.contoso.test.", (443, "sip.contoso.test")),
        ("0 0 5061 SIPFED.online.lync.com.", (5061, "sipfed.online.lync.com")),
        ("garbage", None),
        ("1 2 x host.", None),
    ],
)
def test_parse_srv(value: str, parsed: tuple[int, str] | None) -> None:
    assert parse_srv(value) == parsed


def own(label: str, port: int | None = None, expected: int | None = None) -> SipRecord:
    return SipRecord(
        label, f"{label}.contoso.test", True, "sip.contoso.test", port, False, expected
    )


def microsoft(label: str) -> SipRecord:
    return SipRecord(label, f"{label}.contoso.test", True, "sipdir.online.lync.com", 443)


def missing(label: str, internal: bool = False) -> SipRecord:
    return SipRecord(label, f"{label}.contoso.test", False, internal_only=internal)


def test_sip_record_verdicts() -> None:
    assert sip_record_verdict(own("_sip._tls", 443, 443)).status is Status.PASS
    assert sip_record_verdict(own("_sip._tls", 5061, 443)).status is Status.WARN
    assert "Microsoft" in sip_record_verdict(microsoft("_sip._tls")).summary
    assert sip_record_verdict(missing("lyncdiscover")).status is Status.WARN
    internal = sip_record_verdict(missing("lyncdiscoverinternal", internal=True))
    assert internal.status is Status.INFO
    assert "internal DNS" in internal.summary


def test_sip_dns_all_own_is_an_on_premises_pool() -> None:
    records = [own("lyncdiscover"), own("_sip._tls", 443, 443), own("_sipfederationtls._tcp")]
    verdict = sip_dns_verdict([*records, missing("lyncdiscoverinternal", True)], pool_given=True)
    assert verdict.status is Status.PASS
    assert "your own servers" in verdict.summary


def test_sip_dns_microsoft_is_teams_only_unless_a_pool_is_named() -> None:
    records = [
        microsoft("lyncdiscover"),
        microsoft("_sip._tls"),
        microsoft("_sipfederationtls._tcp"),
    ]
    teams_only = sip_dns_verdict(records, pool_given=False)
    assert teams_only.status is Status.INFO
    assert "Teams-only" in teams_only.details
    with_pool = sip_dns_verdict(records, pool_given=True)
    assert with_pool.status is Status.WARN
    assert with_pool.remedy is not None and "Edge" in with_pool.remedy.text


def test_sip_dns_split_and_missing() -> None:
    split = sip_dns_verdict([own("lyncdiscover"), microsoft("_sip._tls")], pool_given=False)
    assert split.status is Status.WARN
    assert "split" in split.summary
    none = sip_dns_verdict([missing("lyncdiscover"), missing("_sip._tls")], pool_given=False)
    assert none.status is Status.WARN
    assert none.remedy is not None
    partial = sip_dns_verdict([own("lyncdiscover"), missing("_sip._tls")], pool_given=False)
    assert partial.status is Status.WARN
    assert "_sip._tls.contoso.test" in partial.summary


# -- integration.lync.lyncdiscover --------------------------------------------------------

LINKS = json.dumps(
    {
        "_links": {
            "self": {
                "href": "https://lyncdiscover.contoso.test/Autodiscover/AutodiscoverService.svc/root"
            },
            "user": {
                "href": "https://pool.contoso.test/Autodiscover/AutodiscoverService.svc/root/oauth/user"
            },
            "xframe": {"href": "https://pool.contoso.test/Autodiscover/XFrame/XFrame.html"},
        }
    }
).encode()


def test_lyncdiscover_links() -> None:
    links = lyncdiscover_links(LINKS)
    assert links is not None and set(links) == {"self", "user", "xframe"}
    assert lyncdiscover_links(b"not json") is None
    assert lyncdiscover_links(b'{"_links": []}') is None
    assert lyncdiscover_links(b"[1, 2]") is None
    assert lyncdiscover_links(b"[" * 100_000) is None  # too big: never parsed


def test_lyncdiscover_verdicts() -> None:
    host = "lyncdiscover.contoso.test"
    good = lyncdiscover_verdict(answer(200, url=f"https://{host}/", body=LINKS), host)
    assert good.status is Status.PASS and "user" in good.summary
    wrong_name = lyncdiscover_verdict(answer(None, url=f"https://{host}/", tls_failed=True), host)
    assert wrong_name.status is Status.FAIL
    assert "Teams interop" in wrong_name.details
    assert wrong_name.remedy is not None and host in wrong_name.remedy.text
    assert lyncdiscover_verdict(answer(None, url=f"https://{host}/"), host).status is Status.FAIL
    html = lyncdiscover_verdict(answer(200, url=f"https://{host}/", body=b"<html/>"), host)
    assert html.status is Status.WARN


# -- integration.teams.exchange -----------------------------------------------------------

V2 = b'{"Protocol":"EWS","Url":"https://mail.contoso.test/EWS/Exchange.asmx"}'


def test_autodiscover_v2_url() -> None:
    assert autodiscover_v2_url(V2) == "https://mail.contoso.test/EWS/Exchange.asmx"
    assert autodiscover_v2_url(b'{"Protocol":"EWS","Url":"http://plain.test/EWS"}') is None
    assert autodiscover_v2_url(b'{"Protocol":"ActiveSync","Url":"https://x.test/"}') is None
    assert autodiscover_v2_url(b'{"ErrorCode":"InternalServerError"}') is None


def test_autodiscover_v2_verdict() -> None:
    email = "admin@contoso.test"
    assert autodiscover_v2_verdict(answer(200, body=V2), email).status is Status.PASS
    assert autodiscover_v2_verdict(answer(200, body=b"{}"), email).status is Status.FAIL
    not_found = autodiscover_v2_verdict(answer(404), email)
    assert not_found.status is Status.FAIL and not_found.remedy is not None
    assert autodiscover_v2_verdict(answer(None), email).status is Status.FAIL


@pytest.mark.parametrize(
    ("got", "status"),
    [
        (answer(401, "NTLM", BEARER, url=EWS), Status.PASS),
        (answer(401, "NTLM", url=EWS), Status.FAIL),
        (answer(404, url=EWS), Status.FAIL),
        (answer(None, url=EWS), Status.FAIL),
    ],
)
def test_ews_published_verdict(got: Answer, status: Status) -> None:
    verdict = ews_published_verdict(got)
    assert verdict.status is status
    assert "meetings" in verdict.details


@pytest.mark.parametrize(
    ("raw", "status", "words"),
    [
        ("15.2.2562.17", Status.PASS, "supported"),
        ("15.1.2507.6", Status.WARN, "out of support since 2025-10-14"),
        ("15.2.1748.10", Status.WARN, "Exchange Server 2019 CU15"),
        ("15.1.466.34", Status.FAIL, "older than Exchange Server 2016 CU3"),
        ("15.20.9298.6", Status.PASS, "Exchange Online"),
        (None, Status.INFO, "not shown"),
        ("banana", Status.INFO, "not one this program reads"),
    ],
)
def test_build_verdict(raw: str | None, status: Status, words: str) -> None:
    verdict = build_verdict(raw)
    assert verdict.status is status
    assert words in verdict.summary
    if status in (Status.WARN, Status.FAIL):
        assert verdict.remedy is not None
        assert "Exchange Server Subscription Edition (SE)" in verdict.remedy.text


def test_json_object_is_bounded() -> None:
    assert json_object(b'{"a": 1}') == {"a": 1}
    assert json_object(b"\xff\xfe") is None
    assert json_object(b" " * (70 * 1024) + b"{}") is None


def test_with_bearer_trust_compares_the_tenant() -> None:
    """Whom the Bearer challenge trusts (bearer_trust.py) decides after the challenge
    itself: another tenant fails with that remedy; this tenant, or no tenant to compare
    with, keeps the verdict and says whom Exchange trusts."""
    got = answer(401, "NTLM", BEARER, url=EWS)
    base = ews_for_skype_verdict(got, onprem=True)
    assert with_bearer_trust(base, got, "tenant").status is Status.PASS
    other = with_bearer_trust(base, got, "another-tenant")
    assert other.status is Status.FAIL
    assert "another tenant" in other.summary
    assert other.remedy is not None and "another-tenant" in other.remedy.text
    unknown = with_bearer_trust(base, got, None)
    assert unknown.status is Status.PASS
    assert "nothing to compare" in unknown.details
    wrong_app = answer(401, 'Bearer client_id="not-exchange", trusted_issuers="x@tenant"', url=EWS)
    assert with_bearer_trust(base, wrong_app, "tenant").status is Status.FAIL
    # No Bearer at all: the verdict without one stands (nothing to compare).
    no_bearer = answer(401, "NTLM", url=EWS)
    plain = ews_for_skype_verdict(no_bearer, onprem=True)
    assert with_bearer_trust(plain, no_bearer, "tenant") == plain
