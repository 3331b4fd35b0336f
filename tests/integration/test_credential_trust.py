"""Trust is never widened by data from a server that was not itself trusted with
credentials (issue 11, items 1 and 2), proven on the wire by the lab's credential log.

The attacker is the lab's evil-lab.test: a trap host that answers the anonymous request
with redirectAddr to its own domain (reached by a 302 from autodiscover.<domain>, by the
plain-HTTP port-80 candidate, or by an SRV record), and an autodiscover host that answers
without sign-in with settings naming an evil-lab.test address and EWS URL. The hybrid
scenario is the legitimate counterpart: a signed-in answer from the user's own server
moves the address to a second domain, and credentials follow it there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.lab.autodiscover_scenarios import TRAP_HOST
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.exchange.directory import EVIL_DOMAIN
from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.report.json_report import load_json

HYBRID_MAIL = "mail.ad-hybrid-cloud.test"


def check(lab: Lab, domain: str, tmp_path: Path, *extra: str) -> tuple[int, dict[str, object]]:
    """`connectivity-assistant check --checks autodiscover,ews` for admin@<domain>, as a
    user runs it; the step tree of its JSON report, keyed by step ID."""
    report = tmp_path / f"{domain}.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            f"admin@{domain}",
            "--cloud",
            "onprem",
            "--checks",
            "autodiscover,ews",
            "--password-env",
            "CA_TEST_PASSWORD",
            "--timeout",
            "2",
            "--json",
            str(report),
            *extra,
            *lab.cli_flags(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={"CA_TEST_PASSWORD": LAB_PASSWORD, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    steps: dict[str, object] = {}
    todo = list(load_json(report).steps)
    while todo:
        step = todo.pop()
        steps[step.id] = step
        todo += step.children
    return result.returncode, steps


def evil_sightings(lab: Lab, mark: int) -> list[str]:
    return [s.describe() for s in lab.credentials.since(mark) if EVIL_DOMAIN in s.host]


@pytest.mark.parametrize(
    ("domain", "candidate"),
    [
        ("ad-bait-302.test", "autodiscover.candidate.autodiscover_https"),
        ("ad-bait-302.test", "autodiscover.candidate.http_redirect"),
        ("ad-bait-srv.test", "autodiscover.candidate.srv"),
    ],
)
def test_anonymous_redirect_addr_to_a_foreign_domain_gets_no_password(
    lab: Lab, tmp_path: Path, domain: str, candidate: str
) -> None:
    mark, requests = len(lab.credentials), len(lab.requests)
    _, steps = check(lab, domain, tmp_path)
    # The trap was reached and did answer with its redirectAddr (the test is not vacuous)...
    assert [r for r in lab.requests.since(requests) if r.host == TRAP_HOST]
    step = steps[candidate]
    assert f"@{EVIL_DOMAIN}" in step.details, step.details  # type: ignore[attr-defined]
    # ...but its domain stayed data: the password went nowhere near it.
    assert evil_sightings(lab, mark) == []
    assert step.status is Status.FAIL  # type: ignore[attr-defined]
    assert "credentials not sent" in step.summary  # type: ignore[attr-defined]


def test_trust_host_is_what_lets_the_trap_have_the_password(lab: Lab, tmp_path: Path) -> None:
    """The counter-proof: the recorder does see credentials at the trap once the user
    allows that host, so the assertions above could fail."""
    mark = len(lab.credentials)
    check(lab, "ad-bait-srv.test", tmp_path, "--trust-host", TRAP_HOST)
    assert [s for s in lab.credentials.since(mark) if s.host == TRAP_HOST]


def test_settings_that_name_a_foreign_address_do_not_admit_its_ews(
    lab: Lab, tmp_path: Path
) -> None:
    evil_ews = f"mail.{EVIL_DOMAIN}"
    mark, ews_seen = len(lab.credentials), len(lab.ews[evil_ews].authorization_headers)
    _, steps = check(lab, "ad-bait-settings.test", tmp_path)
    settings = steps["autodiscover.result"]
    data = next(e.data for e in settings.evidence if e.kind == "settings")  # type: ignore[attr-defined]
    assert data["email"] == f"admin@{EVIL_DOMAIN}" and evil_ews in data["ews_url"]
    assert data["trusted_domains"] == []
    login = steps["ews.login"]
    assert login.status is Status.SKIP, login.summary  # type: ignore[attr-defined]
    assert "no credentials were sent" in login.summary  # type: ignore[attr-defined]
    assert evil_sightings(lab, mark) == []
    assert len(lab.ews[evil_ews].authorization_headers) == ews_seen


def test_hybrid_redirect_from_a_signed_in_answer_still_reaches_the_second_domain(
    lab: Lab, tmp_path: Path
) -> None:
    mark = len(lab.credentials)
    code, steps = check(lab, "ad-hybrid.test", tmp_path)
    candidate = steps["autodiscover.candidate.autodiscover_https"]
    assert candidate.status is Status.PASS, candidate.summary  # type: ignore[attr-defined]
    assert "ad-hybrid-cloud.test may receive credentials" in candidate.details  # type: ignore[attr-defined]
    hosts = {s.host for s in lab.credentials.since(mark)}
    assert HYBRID_MAIL in hosts, hosts  # the redirectUrl there, after the admitted redirectAddr
    settings = steps["autodiscover.result"]
    data = next(e.data for e in settings.evidence if e.kind == "settings")  # type: ignore[attr-defined]
    assert data["trusted_domains"] == ["ad-hybrid-cloud.test"]
    login = steps["ews.login"]
    assert login.status is Status.PASS, login.summary  # type: ignore[attr-defined]
    assert lab.ews[HYBRID_MAIL].authorization_headers
    assert code == 0, json.dumps({k: str(v.status) for k, v in steps.items()})  # type: ignore[attr-defined]
