"""Behind a web proxy: HTTPS goes through an HTTP CONNECT tunnel, DNS and mail go direct,
and a proxy that says no (sign-in required, URL filter) is named as the cause."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.checks.registry import select
from assistant.config import InputError, NetworkOptions, Target
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.http_proxy import LabHttpProxy
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.runner import Runner

pytestmark = pytest.mark.lab

EMAIL = "admin@fabrikam.test"  # on-premises: autodiscover, EWS and MAPI all over HTTPS


@pytest.fixture
def proxy() -> Iterator[LabHttpProxy]:
    with LabHttpProxy() as running:
        yield running


def run(lab: Lab, proxy_url: str | None, checks: list[str]) -> dict[str, Step]:
    options = dataclasses.replace(lab.network_options(timeout=1.0), http_proxy=proxy_url)
    runner = Runner(
        Target.parse(EMAIL, Cloud.ONPREM),
        options,
        credentials=PasswordCredential(EMAIL, LAB_PASSWORD),
    )
    return {s.id: s for s in runner.run(select(checks))}


def tunnelled_ports(proxy: LabHttpProxy) -> set[int]:
    return {int(r.target.rpartition(":")[2]) for r in proxy.seen if r.method == "CONNECT"}


def test_web_checks_pass_through_the_proxy_and_dns_and_mail_go_direct(
    lab: Lab, proxy: LabHttpProxy
) -> None:
    direct = run(lab, None, ["dns.mx", "autodiscover", "ews", "mapi", "imap"])
    proxied = run(lab, proxy.url, ["dns.mx", "autodiscover", "ews", "mapi", "imap"])
    assert {k: s.status for k, s in proxied.items()} == {k: s.status for k, s in direct.items()}
    assert proxied["ews.login"].status is Status.PASS
    assert proxied["autodiscover.result"].status is Status.PASS
    opened = [r for r in proxy.seen if r.method == "CONNECT" and r.answer == 200]
    assert len(opened) >= 3, proxy.seen
    mail_ports = {
        rule.dest.port for rule in lab.connect_to() if rule.source.port in (993, 143, 587, 25)
    }
    assert mail_ports and not tunnelled_ports(proxy) & mail_ports, "mail never uses the proxy"
    assert proxied["imap.login"].status is direct["imap.login"].status
    blob = json.dumps(proxied["autodiscover.result"].to_dict())
    assert proxy.url.removeprefix("http://") in blob, "the evidence says the proxy was used"


def test_a_proxy_that_wants_sign_in_is_named_with_what_to_ask_for(lab: Lab) -> None:
    with LabHttpProxy(require_sign_in=True) as proxy:
        steps = run(lab, proxy.url, ["autodiscover", "ews"])
    assert steps["autodiscover.result"].status is Status.FAIL
    assert steps["ews.login"].status is Status.SKIP  # nothing to sign in to: cause named above
    remedy = steps["autodiscover.result"].remedy
    assert remedy is not None and "proxy" in remedy.text, remedy
    text = json.dumps([s.to_dict() for s in steps.values()])
    assert "407" in text and "Negotiate" in text, text[:2000]
    assert LAB_PASSWORD not in text
    assert all(r.answer == 407 for r in proxy.seen)


def test_a_proxy_that_blocks_a_host_is_named_as_the_cause(lab: Lab) -> None:
    with LabHttpProxy(refuse=["127.0.0.1"]) as proxy:
        steps = run(lab, proxy.url, ["autodiscover"])
    result = steps["autodiscover.result"]
    assert result.status is Status.FAIL
    text = json.dumps(result.to_dict())
    assert "403" in text and proxy.url.removeprefix("http://") in text


def test_a_proxy_nobody_listens_on_fails_fast_with_the_proxy_named(lab: Lab) -> None:
    steps = run(lab, "http://127.0.0.1:9", ["autodiscover"])
    text = json.dumps(steps["autodiscover.result"].to_dict())
    assert steps["autodiscover.result"].status is Status.FAIL
    assert "127.0.0.1:9" in text


@pytest.mark.parametrize(
    "bad", ["https://proxy:8443", "http://alice:Canary-Proxy-Pw@proxy:8080", "http://proxy"]
)
def test_a_bad_proxy_is_refused_before_anything_runs(bad: str) -> None:
    with pytest.raises(InputError) as raised:
        NetworkOptions(http_proxy=bad)
    assert "Canary-Proxy-Pw" not in str(raised.value)


def test_the_cli_takes_a_proxy_and_explains_a_bad_one(lab: Lab, proxy: LabHttpProxy) -> None:
    base = [sys.executable, "-m", "assistant.cli", "check", "--email", EMAIL, "--no-password"]
    good = subprocess.run(
        [*base, "--checks", "autodiscover", "--proxy", proxy.url, *lab.cli_flags()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "autodiscover.result" in good.stdout, good.stderr
    assert any(r.method == "CONNECT" for r in proxy.seen)
    bad = subprocess.run(
        [*base, "--proxy", "ftp://proxy:21", *lab.cli_flags()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2 and "only http:// proxies" in bad.stderr


def test_plain_http_probes_go_to_the_proxy_by_their_whole_url(
    lab: Lab, proxy: LabHttpProxy
) -> None:
    """Outlook's port-80 redirect probe: through a proxy it is an absolute-form request,
    not a CONNECT tunnel (many proxies allow CONNECT to 443 only)."""
    email = "admin@ad-http-redirect.test"

    def walk(proxy_url: str | None) -> Step:
        options = dataclasses.replace(lab.network_options(timeout=1.0), http_proxy=proxy_url)
        runner = Runner(Target.parse(email, Cloud.ONPREM), options, credentials=None)
        return runner.run(select(["autodiscover"]))[0]

    direct, proxied = walk(None), walk(proxy.url)
    assert proxied.status is direct.status
    plain = [r for r in proxy.seen if r.method == "GET" and r.target.startswith("http://")]
    assert plain and all(r.answer == 200 for r in plain), proxy.seen
    assert not any(r.method == "CONNECT" and r.target.endswith(":80") for r in proxy.seen)
