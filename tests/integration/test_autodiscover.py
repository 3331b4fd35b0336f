"""The autodiscover walk against the lab's Exchange front ends: every candidate Outlook
tries, what each answered, why the winner won, and where credentials went.

The lab logs every credential any of its servers receives (never the password), so
the security rules are checked on the wire, not inferred from the engine's own words.
"""

from __future__ import annotations

import json
import time

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.autodiscover import AUTODISCOVER_CHECKS
from assistant.checks.autodiscover.settings import discovered_settings
from assistant.checks.autodiscover.walk import PoxWalk
from assistant.config import NetworkOptions, Target
from assistant.facts import ENVIRONMENTS, Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.exchange.credentials import CredentialSighting
from assistant.lab.exchange.directory import EVIL_DOMAIN
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.report.json_report import build_report, dumps
from assistant.runner import Runner


def walk(
    lab: Lab,
    domain: str,
    *,
    password: str | None = LAB_PASSWORD,
    cloud: Cloud | None = None,
    options: NetworkOptions | None = None,
    consent: bool | None = None,
) -> tuple[Step, tuple[CredentialSighting, ...]]:
    email = f"admin@{domain}"
    cloud = cloud or (Cloud.WORLDWIDE if domain == "contoso.test" else Cloud.ONPREM)
    credentials = None if password is None else PasswordCredential(email, password)
    mark = len(lab.credentials)
    runner = Runner(
        Target.parse(email, cloud),
        options or lab.network_options(timeout=1.0),
        credentials=credentials,
        consent=None if consent is None else (lambda host, why: consent),
    )
    [step] = runner.run(AUTODISCOVER_CHECKS)
    return step, lab.credentials.since(mark)


def child(step: Step, step_id: str) -> Step:
    found = step.find(step_id)
    assert found is not None, [c.id for c in step.children]
    return found


def test_healthy_on_premises_walk_picks_autodiscover_host(lab: Lab) -> None:
    step, seen = walk(lab, "fabrikam.test")
    assert step.status is Status.PASS, step.summary
    assert "autodiscover.fabrikam.test" in step.summary
    assert child(step, "autodiscover.candidate.root_https").status is Status.FAIL  # web site 404
    assert "404" in child(step, "autodiscover.candidate.root_https").summary
    settings = discovered_settings({"autodiscover.result": step}, ENVIRONMENTS[Cloud.ONPREM])
    assert settings.ews_url == "https://mail.fabrikam.test/EWS/Exchange.asmx"
    assert settings.mapi_emsmdb_url and "/mapi/emsmdb" in settings.mapi_emsmdb_url
    assert settings.imap is not None and settings.imap.port == 993
    assert settings.smtp is not None and settings.smtp.encryption == "tls"
    assert {s.host for s in seen} <= {"autodiscover.fabrikam.test", "mail.fabrikam.test"}
    assert all(s.scheme == "https" and s.cert_variant == "good" for s in seen)
    # Every candidate is a child step, in Outlook's order, with the SOAP probe beside them.
    ids = [c.id for c in step.children]
    assert ids[:6] == [
        "autodiscover.v2",
        "autodiscover.candidate.root_https",
        "autodiscover.candidate.autodiscover_https",
        "autodiscover.candidate.http_redirect",
        "autodiscover.candidate.srv",
        "autodiscover.candidate.scp",
    ]
    assert child(step, "autodiscover.soap").status is Status.PASS
    assert "would have spent" in step.details  # the root candidate came first
    # The server offers Negotiate and NTLM too: the walk says it signed in with Basic anyway.
    assert (
        "also offers Negotiate, NTLM"
        in child(step, "autodiscover.candidate.autodiscover_https").details
    )
    assert "not a domain-joined Windows" in child(step, "autodiscover.candidate.scp").summary


def test_healthy_cloud_walk_uses_direct_connect_and_reports_correlation_headers(lab: Lab) -> None:
    step, seen = walk(lab, "contoso.test")
    assert step.status is Status.PASS, step.summary
    assert "autodiscover-s.outlook.com" in step.summary
    settings = discovered_settings({"autodiscover.result": step}, ENVIRONMENTS[Cloud.WORLDWIDE])
    assert settings.ews_url == "https://outlook.office365.com/EWS/Exchange.asmx"
    assert settings.mapi_emsmdb_url is not None
    assert all(s.host.endswith("outlook.com") for s in seen)
    http = [e for e in child(step, "autodiscover.v2").evidence if e.kind == "http"]
    assert any(e.data["correlation"].get("request-id") for e in http)


def test_without_credentials_nothing_is_sent_and_endpoints_are_still_found(lab: Lab) -> None:
    step, seen = walk(lab, "fabrikam.test", password=None)
    assert seen == ()
    assert step.status is Status.PASS
    assert "asks for sign-in" in child(step, "autodiscover.candidate.autodiscover_https").summary


FAULTS = [
    # (domain, status, words in the overall summary)
    ("ad-dead.test", Status.FAIL, "connection refused"),
    ("ad-slow.test", Status.FAIL, "did not answer in time"),
    ("ad-401.test", Status.FAIL, "rejected the user name or password"),
    ("ad-403.test", Status.FAIL, "403 Forbidden"),
    ("ad-404.test", Status.FAIL, "404 Not Found"),
    ("ad-500.test", Status.FAIL, "500 Internal Server Error"),
    ("ad-wrongname.test", Status.FAIL, "certificate is for wrong.example.net"),
    ("ad-expired.test", Status.FAIL, "expired"),
    ("ad-nochain.test", Status.FAIL, "did not send its intermediate"),
    ("ad-untrusted.test", Status.FAIL, "issuer not trusted"),
    ("ad-loop.test", Status.FAIL, "redirect loop"),
    ("ad-redirect-foreign.test", Status.FAIL, f"autodiscover.{EVIL_DOMAIN} is outside"),
    ("ad-http-redirect.test", Status.FAIL, "not HTTPS; not followed"),
    ("ad-xmlbomb.test", Status.FAIL, "XML bomb"),
    ("ad-huge.test", Status.FAIL, "larger than 1024 KB"),
    ("ad-truncated.test", Status.FAIL, "not well-formed XML"),
    ("ad-wrongns.test", Status.FAIL, "not the Outlook schema"),
    ("ad-srv-foreign.test", Status.FAIL, "credentials not sent"),
]


@pytest.mark.parametrize(("domain", "status", "words"), FAULTS)
def test_fault_gives_the_right_verdict_and_cause_within_the_deadline(
    lab: Lab, domain: str, status: Status, words: str
) -> None:
    started = time.monotonic()
    step, seen = walk(lab, domain)
    assert time.monotonic() - started < 6  # 1 s per operation; candidates run at once
    assert step.status is status, step.summary
    assert words in step.summary
    assert step.remedy is not None
    for sighting in seen:  # whatever reached the lab went only where the rules allow
        assert sighting.scheme == "https" and sighting.cert_variant == "good", sighting.describe()
        assert EVIL_DOMAIN not in sighting.host, sighting.describe()


@pytest.mark.parametrize(
    ("domain", "winner"),
    [
        ("ad-chain.test", "autodiscover.candidate.autodiscover_https"),
        ("ad-redirect-local.test", "autodiscover.candidate.autodiscover_https"),
        ("ad-srv.test", "autodiscover.candidate.srv"),
        # autodiscover.* hangs until the timeout; the SRV host still wins.
        ("ad-srv-hung.test", "autodiscover.candidate.srv"),
    ],
)
def test_legitimate_redirects_reach_settings(lab: Lab, domain: str, winner: str) -> None:
    step, _ = walk(lab, domain)
    assert step.status is Status.PASS, step.summary
    table = next(e for e in step.evidence if e.kind == "table").data
    assert next(row for row in table if row["winner"])["candidate"] == winner
    assert f"mail.{domain}" in step.summary


def test_chain_of_redirect_addresses_is_followed_and_logged(lab: Lab) -> None:
    step, _ = walk(lab, "ad-chain.test")
    details = child(step, "autodiscover.candidate.autodiscover_https").details
    assert details.count("redirectAddr") == 3


def test_no_credential_ever_reaches_plain_http_a_bad_certificate_or_a_foreign_host(
    lab: Lab,
) -> None:
    mark = len(lab.credentials)
    for domain, _, _ in FAULTS:
        walk(lab, domain, consent=False)
    for sighting in lab.credentials.since(mark):
        assert sighting.scheme == "https", sighting.describe()
        assert sighting.cert_variant == "good", sighting.describe()
        assert EVIL_DOMAIN not in sighting.host, sighting.describe()


def test_trust_host_is_what_allows_a_foreign_redirect(lab: Lab) -> None:
    evil = f"autodiscover.{EVIL_DOMAIN}"
    refused, seen = walk(lab, "ad-redirect-foreign.test")
    assert not [s for s in seen if s.host == evil]
    assert refused.status is Status.FAIL
    trusted_options = NetworkOptions(
        **{**_fields(lab.network_options(timeout=1.0)), "trusted_hosts": frozenset({evil})}
    )
    allowed, seen = walk(lab, "ad-redirect-foreign.test", options=trusted_options)
    assert [s for s in seen if s.host == evil], "with --trust-host the credentials go there"
    assert allowed.status is Status.PASS, allowed.summary


def test_the_consent_hook_can_allow_a_foreign_host_for_this_run(lab: Lab) -> None:
    step, seen = walk(lab, "ad-srv-foreign.test", consent=True)
    assert [s for s in seen if EVIL_DOMAIN in s.host]
    assert step.status is Status.PASS, step.summary


def test_autodiscover_public_suffix_host_is_refused_by_name_before_any_connection(lab: Lab) -> None:
    requests_before = len(lab.requests)

    def probe(ctx: Context) -> Step:
        return (
            PoxWalk(ctx, "probe", "probe", "admin@fabrikam.test")
            .run("https://autodiscover.test/autodiscover/autodiscover.xml")
            .step
        )

    credentials = PasswordCredential("admin@fabrikam.test", LAB_PASSWORD)
    [step] = Runner(
        Target.parse("admin@fabrikam.test", Cloud.ONPREM),
        lab.network_options(),
        credentials=credentials,
    ).run([Check("probe", "probe", probe)])
    assert step.status is Status.FAIL and "public suffix" in step.summary
    assert not [r for r in lab.requests.since(requests_before) if r.host == "autodiscover.test"]


def test_password_never_appears_in_steps_or_the_report(lab: Lab) -> None:
    for domain in ("fabrikam.test", "contoso.test", "ad-401.test", "ad-redirect-foreign.test"):
        step, _ = walk(lab, domain)
        text = json.dumps(step.to_dict())
        assert LAB_PASSWORD not in text
        report = dumps(
            build_report(Target.parse(f"admin@{domain}"), lab.network_options(), [step]),
            _redactor(),
        )
        assert LAB_PASSWORD not in report


def test_exchangelib_own_autodiscover_finds_the_same_ews_url(
    lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cross-check: exchangelib's SOAP autodiscover, sent through the product's adapter
    (connect-to, lab CA, deadlines), must agree with our POX walk."""
    import exchangelib
    from exchangelib.autodiscover import Autodiscovery

    from assistant.net.exchangelib_adapter import bound_route

    step, _ = walk(lab, "fabrikam.test")
    ours = discovered_settings({"autodiscover.result": step}, ENVIRONMENTS[Cloud.ONPREM]).ews_url
    host, port = lab.dns.address
    # exchangelib resolves candidate hosts itself: point its resolver at the lab too.
    monkeypatch.setattr(Autodiscovery, "DNS_RESOLVER_KWARGS", {"configure": False})
    monkeypatch.setattr(
        Autodiscovery, "DNS_RESOLVER_ATTRS", {"nameservers": [host], "port": port, "timeout": 2}
    )
    found: list[str] = []

    def exchangelib_discovery(ctx: Context) -> Step:
        hosts = frozenset({"fabrikam.test", "autodiscover.fabrikam.test"})
        with bound_route(ctx.net, hosts):
            credentials = exchangelib.Credentials("admin@fabrikam.test", LAB_PASSWORD)
            discovered, protocol = Autodiscovery("admin@fabrikam.test", credentials).discover()
            found.append(discovered.ews_url)
            protocol.close()
        return Step("xcheck", "exchangelib autodiscover", Status.PASS)

    try:
        [result] = Runner(
            Target.parse("admin@fabrikam.test", Cloud.ONPREM), lab.network_options(timeout=2.0)
        ).run([Check("xcheck", "exchangelib autodiscover", exchangelib_discovery)])
    finally:
        # exchangelib keeps what it discovered, connections open, in a process-wide cache
        # (the product never uses its autodiscover): later tests in this process must not
        # find them (tests/unit/test_exchangelib_adapter.py looks for open connections).
        from exchangelib.autodiscover import clear_cache

        clear_cache()
    assert result.status is Status.PASS, result.summary + result.details
    assert found == [ours] == ["https://mail.fabrikam.test/EWS/Exchange.asmx"]


def _fields(options: NetworkOptions) -> dict[str, object]:
    from dataclasses import fields

    return {f.name: getattr(options, f.name) for f in fields(options)}


def _redactor():  # type: ignore[no-untyped-def]
    from assistant.net.redact import Redactor

    return Redactor()
