"""The headless CLI as a user runs it: a real process, the lab's servers, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.report.json_report import load_json


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_healthy_domain_exits_0_with_a_readable_summary(lab: Lab, tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    result = cli(
        "check",
        "--email",
        "admin@contoso.test",
        "--checks",
        "dns",
        "--json",
        str(report_path),
        *lab.cli_flags(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dns.mx" in result.stdout and "summary:" in result.stdout
    assert "dns.mx" in result.stderr  # live progress goes to stderr
    report = load_json(report_path)
    assert report.target["email"] == "admin@contoso.test"
    assert report.find("dns.dane") is not None
    assert report.summary["overall"] == "pass"
    raw = json.loads(report_path.read_text(encoding="utf-8"))
    assert {
        "format",
        "version",
        "tool",
        "created",
        "target",
        "options",
        "summary",
        "steps",
    } <= raw.keys()


@pytest.mark.parametrize(
    ("domain", "check_id", "words"),
    [
        ("spf-loop.test", "dns.spf", "include loop"),
        ("msoid.test", "dns.msoid", "msoid"),
        ("no-mx.test", "dns.mx", "has no MX record"),
    ],
)
def test_a_failing_check_exits_1_and_prints_cause_and_fix(
    lab: Lab, domain: str, check_id: str, words: str
) -> None:
    result = cli("check", "--domain", domain, "--checks", "dns", "--timeout", "1", *lab.cli_flags())
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if check_id in line)
    assert line.startswith("FAIL") and words in line
    assert "fix:" in result.stdout


def test_checks_option_selects_one_check_and_its_prerequisite(lab: Lab, tmp_path: Path) -> None:
    report_path = tmp_path / "r.json"
    result = cli(
        "check",
        "--domain",
        "contoso.test",
        "--checks",
        "dns.mx",
        "--json",
        str(report_path),
        *lab.cli_flags(),
    )
    assert result.returncode == 0, result.stderr
    ids = [s.id for s in load_json(report_path).steps]
    assert ids == ["dns.resolver", "dns.mx"]


def test_unreachable_nameserver_is_a_failed_step_with_exit_1() -> None:
    result = cli(
        "check",
        "--domain",
        "contoso.test",
        "--checks",
        "dns.mx",
        "--nameserver",
        "127.0.0.1:9",
        "--timeout",
        "0.5",
    )
    assert result.returncode == 1
    assert "FAIL  dns.resolver" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--email", "not an address"], "not a valid email address"),
        (["--email", "user@"], "the domain is empty"),
        (["--domain", ""], "enter an email address or a domain"),
        (["--domain", "contoso.test", "--cloud", "mars"], "unknown cloud 'mars'"),
        (["--domain", "contoso.test", "--connect-to", "a:443:b"], "expected HOST:PORT:HOST2:PORT2"),
        (["--domain", "contoso.test", "--connect-to", "a:443:b:http"], "not a port number"),
        (["--domain", "contoso.test", "--nameserver", "dns.example"], "not an IP address"),
        (["--domain", "contoso.test", "--checks", "dns,bogus"], "unknown check 'bogus'"),
        (["--domain", "contoso.test", "--timeout", "0"], "out of range"),
        (["--domain", "contoso.test", "--timeout", "soon"], "invalid float value"),
        (["--domain", "contoso.test", "--ca-bundle", "/nonexistent/ca.pem"], "No such file"),
        ([], "one of the arguments --email --domain --domains-file is required"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(args: list[str], message: str) -> None:
    result = cli("check", *args)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_lab_lists_its_scenarios() -> None:
    result = cli("lab", "--list")
    assert result.returncode == 0
    assert "spf-loop" in result.stdout and "spf-loop.test" in result.stdout


def test_demo_runs_the_whole_diagnosis_against_the_built_in_lab() -> None:
    result = cli("demo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "contoso.test" in result.stderr
    verdicts = ("ok", "info", "WARN", "FAIL", "ERR", "skip")
    lines = [line for line in result.stdout.splitlines() if line.startswith(verdicts)]
    assert {line.split()[0] for line in lines} == {"ok", "info", "WARN"}
    # The one warning a healthy tenant gets is the dated SMTP AUTH Basic retirement.
    assert [line.split()[1] for line in lines if line.startswith("WARN")] == ["smtp.deprecation"]


def run_with_password(lab: Lab, *args: str) -> subprocess.CompletedProcess[str]:
    import os

    from assistant.lab.exchange import LAB_PASSWORD

    env = {**os.environ, "LAB_PW": LAB_PASSWORD}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            *args,
            "--password-env",
            "LAB_PW",
            *lab.cli_flags(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
        env=env,
    )


def test_autodiscover_ews_mapi_for_an_on_premises_mailbox(lab: Lab, tmp_path: Path) -> None:
    from assistant.lab.exchange import LAB_PASSWORD

    report_path = tmp_path / "r.json"
    result = run_with_password(
        lab,
        "--email",
        "admin@fabrikam.test",
        "--cloud",
        "onprem",
        "--checks",
        "autodiscover,ews,mapi",
        "--timeout",
        "2",
        "--json",
        str(report_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for check_id in ("autodiscover.result", "ews.login", "ews.mailbox", "mapi.endpoint"):
        line = next(line for line in result.stdout.splitlines() if f" {check_id} " in line)
        assert line.startswith("ok"), line
    assert "mail.fabrikam.test/EWS/Exchange.asmx" in result.stdout
    text = report_path.read_text(encoding="utf-8")
    assert LAB_PASSWORD not in text and LAB_PASSWORD not in result.stdout + result.stderr
    assert load_json(report_path).find("autodiscover.candidate.autodiscover_https") is not None


def test_a_certificate_fault_fails_with_its_cause(lab: Lab) -> None:
    result = run_with_password(
        lab,
        "--email",
        "admin@ad-expired.test",
        "--cloud",
        "onprem",
        "--checks",
        "autodiscover",
        "--timeout",
        "1",
    )
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if " autodiscover.result " in line)
    assert line.startswith("FAIL") and "expired" in line


def test_trust_host_on_the_command_line_allows_a_foreign_redirect(lab: Lab) -> None:
    args = [
        "--email",
        "admin@ad-redirect-foreign.test",
        "--cloud",
        "onprem",
        "--checks",
        "autodiscover",
        "--timeout",
        "1",
    ]
    refused = run_with_password(lab, *args)
    assert refused.returncode == 1 and "credentials not sent" in refused.stdout
    allowed = run_with_password(lab, *args, "--trust-host", "autodiscover.evil-lab.test")
    assert allowed.returncode == 0, allowed.stdout


def test_demo_of_a_fault_shows_that_fault_and_nothing_else() -> None:
    result = cli("demo", "--scenario", "spf-loop")
    assert result.returncode == 1, result.stdout + result.stderr
    problems = [
        line.split()[:2]
        for line in result.stdout.splitlines()
        if line.startswith(("WARN", "FAIL", "ERR"))
    ]
    assert problems == [["FAIL", "dns.spf"], ["WARN", "smtp.deprecation"]]


def test_every_dns_fault_gives_its_verdict_through_the_cli(lab: Lab, tmp_path: Path) -> None:
    """The same fault table as the engine tests, through the real command line."""
    from test_dns_checks import FAULTS

    for domain, check_id, verdict, words in FAULTS:
        report_path = tmp_path / f"{domain}.json"
        result = cli(
            "check",
            "--domain",
            domain,
            "--checks",
            "dns",
            "--timeout",
            "0.5",
            "--json",
            str(report_path),
            *lab.cli_flags(),
        )
        report = load_json(report_path)
        step = report.find(check_id)
        assert step is not None and step.status is verdict, (domain, check_id, step)
        assert words in step.summary
        failed = any(s.status in (Status.FAIL, Status.ERROR) for s in report.steps)
        assert result.returncode == (1 if failed else 0), (domain, result.stdout + result.stderr)
        assert f"{check_id} " in result.stdout
