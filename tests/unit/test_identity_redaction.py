"""Identity redaction: a pure transform over a report, consistent placeholders, and
nothing of the original mailbox, person, internal host or internal IP left."""

from __future__ import annotations

import json

import pytest

from assistant.model import Evidence, Remedy, Report, Status, Step
from assistant.report.redact_identities import IdentityMap, redact_identities

DOMAINS = ("contoso.com", "müller.de", "xn--mller-kva.de")


def fresh(*names: str) -> IdentityMap:
    return IdentityMap(DOMAINS, names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mailbox local parts, in every shape they take on the wire
        ("admin@contoso.com", "user1@contoso.com"),
        ("MAIL FROM:<admin@contoso.com>", "MAIL FROM:<user1@contoso.com>"),
        ("/v1.0/admin%40contoso.com?Protocol=EWS", "/v1.0/user1%40contoso.com?Protocol=EWS"),
        ("Admin@Contoso.com and admin@contoso.com", "user1@Contoso.com and user1@contoso.com"),
        ("jörg.müller@müller.de", "user1@müller.de"),
        (
            "a@contoso.com b@contoso.com a@fabrikam.com",
            "user1@contoso.com user2@contoso.com user1@fabrikam.com",
        ),
        ("postmaster@contoso.com", "postmaster@contoso.com"),
        # Exchange's legacy DN carries the alias
        (
            "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"
            "cn=41c23d6ba8615f56bf62658460ebe6ac-jdoe",
            "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"
            "cn=41c23d6ba8615f56bf62658460ebe6ac-user1",
        ),
        # user folders in paths
        ("--ca-bundle /home/jdoe/ca.pem", "--ca-bundle /home/user1/ca.pem"),
        (r"C:\Users\jdoe\Desktop\ca.pem", r"C:\Users\user1\Desktop\ca.pem"),
        # internal host names inside the customer's domain
        (
            "https://exch01.contoso.com/EWS/Exchange.asmx",
            "https://host1.contoso.com/EWS/Exchange.asmx",
        ),
        ("EXCH01.corp.contoso.com.", "host1.contoso.com."),
        (
            "exch01.contoso.com exch02.contoso.com exch01.contoso.com",
            "host1.contoso.com host2.contoso.com host1.contoso.com",
        ),
        ("dc1.corp.contoso.local", "host1.local"),
        ("srv.fabrikam.internal:443", "host1.internal:443"),
        ("build.müller.de", "host1.müller.de"),
        # published names support needs stay
        ("autodiscover.contoso.com", "autodiscover.contoso.com"),
        (
            "mail.contoso.com mta-sts.contoso.com sip.contoso.com",
            "mail.contoso.com mta-sts.contoso.com sip.contoso.com",
        ),
        ("ns1.contoso.com mx2.contoso.com", "ns1.contoso.com mx2.contoso.com"),
        (
            "selector1._domainkey.contoso.com _dmarc.contoso.com",
            "selector1._domainkey.contoso.com _dmarc.contoso.com",
        ),
        ("_autodiscover._tcp.contoso.com", "_autodiscover._tcp.contoso.com"),
        ("contoso.com", "contoso.com"),
        ("exch01.contoso.com.evil.example", "exch01.contoso.com.evil.example"),
        (
            "outlook.office365.com autodiscover-s.outlook.com",
            "outlook.office365.com autodiscover-s.outlook.com",
        ),
        # internal addresses become stable placeholders; loopback and public ones stay
        ("10.1.2.3 and 192.168.7.20 then 10.1.2.3", "10.x.x.1 and 10.x.x.2 then 10.x.x.1"),
        ("172.16.0.5:443", "10.x.x.1:443"),
        ("100.64.1.1 169.254.10.10", "10.x.x.1 10.x.x.2"),
        ("fd12:3456::5 fe80::1 fd12:3456:0::5", "fdxx::1 fdxx::2 fdxx::1"),
        ("::ffff:10.0.0.9", "::ffff:10.x.x.1"),
        (
            "127.0.0.1:35585 ::1 8.8.8.8 2a01:111:f400::5",
            "127.0.0.1:35585 ::1 8.8.8.8 2a01:111:f400::5",
        ),
        ("ip4:10.0.0.0/8 ip4:40.92.0.0/15", "ip4:10.x.x.1/8 ip4:40.92.0.0/15"),
        # things that only look like addresses
        (
            "Exchange Online (15.20.8398.13) at 16:47:22",
            "Exchange Online (15.20.8398.13) at 16:47:22",
        ),
        ("version 1.2.3.4.5", "version 1.2.3.4.5"),
        ("", ""),
    ],
)
def test_text_table(text: str, expected: str) -> None:
    mapping = fresh()
    mapping.learn(text)
    assert mapping.text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed in as CONTOSO\\jdoe", "signed in as CONTOSO\\user1"),
        ("login jdoe failed", "login user1 failed"),
        ("jdoesmith is someone else", "jdoesmith is someone else"),
    ],
)
def test_login_names_given_to_the_map_are_replaced(text: str, expected: str) -> None:
    mapping = fresh("CONTOSO\\jdoe", "jdoe")
    mapping.learn(text)
    assert mapping.text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "resolves to Contoso Admin <admin@contoso.com> (Mailbox)",
            "resolves to Person 1 <user1@contoso.com> (Mailbox)",
        ),
        ('"Doe, John" <jdoe@contoso.com>', '"Person 1" <user1@contoso.com>'),
        ("张伟 <zhang@contoso.com>", "Person 1 <user1@contoso.com>"),
        ("sent to <admin@contoso.com>", "sent to <user1@contoso.com>"),
    ],
)
def test_display_names_before_an_address(text: str, expected: str) -> None:
    mapping = fresh()
    mapping.learn(text)
    assert mapping.text(text) == expected


def sample() -> Report:
    return Report(
        tool={"name": "Connectivity Assistant", "version": "1"},
        created="2026-11-27T00:00:00+00:00",
        target={
            "email": "admin@contoso.com",
            "domain": "contoso.com",
            "domain_unicode": "contoso.com",
            "cloud": "onprem",
        },
        options={
            "ca_bundle": "/home/jdoe/ca.pem",
            "connect_to": ["mail.contoso.com:443:10.1.2.3:443"],
        },
        environment={"resolvers": {"mode": "system", "servers": ["192.168.1.1:53"]}},
        steps=[
            Step(
                "ews.login",
                "EWS sign-in",
                Status.FAIL,
                summary="admin@contoso.com was refused by exch01.contoso.com (10.1.2.3)",
                details="Display name: Contoso Admin",
                remedy=Remedy(
                    "Ask the admin of exch01.contoso.com", "https://exch01.contoso.com/owa"
                ),
                evidence=[
                    Evidence(
                        "settings",
                        "Discovered settings for admin@contoso.com",
                        {
                            "email": "admin@contoso.com",
                            "display_name": "Contoso Admin",
                            "admin@contoso.com": {"server": "exch01.contoso.com", "ip": "10.1.2.3"},
                            "list": ["fd00::7", 25, None, True],
                        },
                    )
                ],
                children=[
                    Step("ews.login.tls", "TLS exch01.contoso.com", Status.PASS, summary="10.1.2.3")
                ],
            )
        ],
    )


def every_string(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False)


def test_the_report_transform_leaves_no_original_identity_anywhere() -> None:
    original = sample()
    before = every_string(original)
    redacted = redact_identities(original)
    text = every_string(redacted)
    for gone in ("admin@", "Contoso Admin", "exch01", "10.1.2.3", "192.168.1.1", "fd00::7", "jdoe"):
        assert gone not in text, gone
    assert every_string(original) == before, "the input report must not change"
    assert redacted.redaction == {"identities": "replaced"}


def test_placeholders_are_consistent_across_fields_keys_and_children() -> None:
    redacted = redact_identities(sample())
    step = redacted.steps[0]
    assert redacted.target["email"] == "user1@contoso.com"
    assert step.summary == "user1@contoso.com was refused by host1.contoso.com (10.x.x.1)"
    assert step.details == "Display name: Person 1"
    assert step.remedy == Remedy(
        "Ask the admin of host1.contoso.com", "https://host1.contoso.com/owa"
    )
    data = step.evidence[0].data
    assert data["display_name"] == "Person 1"
    assert data["user1@contoso.com"] == {"server": "host1.contoso.com", "ip": "10.x.x.1"}
    assert data["list"] == ["fdxx::1", 25, None, True]
    assert step.evidence[0].label == "Discovered settings for user1@contoso.com"
    assert step.children[0].title == "TLS host1.contoso.com"
    assert step.children[0].summary == "10.x.x.1"
    assert redacted.options["ca_bundle"] == "/home/user2/ca.pem"
    assert redacted.options["connect_to"] == ["mail.contoso.com:443:10.x.x.1:443"]
    assert redacted.environment["resolvers"]["servers"] == ["10.x.x.2:53"]


def test_verdicts_ids_and_structure_are_untouched() -> None:
    original = sample()
    redacted = redact_identities(original)
    assert [s.status for s in redacted.steps[0].walk()] == [
        s.status for s in original.steps[0].walk()
    ]
    assert [s.id for s in redacted.steps[0].walk()] == ["ews.login", "ews.login.tls"]
    assert redacted.summary == original.summary
    assert Report.from_dict(json.loads(json.dumps(redacted.to_dict()))) == redacted


def test_the_same_map_keeps_the_log_consistent_with_the_report() -> None:
    report = sample()
    log = "12:00 finished ews.login: fail: admin@contoso.com refused by exch01.contoso.com"
    mapping = IdentityMap.for_report(report, extra_text=[log])
    redacted = mapping.report(report)
    assert "user1@contoso.com refused by host1.contoso.com" in mapping.text(log)
    assert redacted.steps[0].summary.startswith("user1@contoso.com")


def test_redaction_is_idempotent() -> None:
    once = redact_identities(sample())
    assert redact_identities(once).to_dict() == once.to_dict()
