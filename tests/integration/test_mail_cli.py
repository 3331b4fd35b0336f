"""The IMAP, POP and SMTP checks from the command line, against the mail lab.

Needs imap.login, pop.login and smtp.auth in the registry (IMAP_CHECKS, POP_CHECKS,
SMTP_CHECKS in assistant/checks/registry.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.lab.mail import PLANTED_PASSWORD, PLANTED_USER, MailFault, MailLab
from assistant.lab.pki import LabPKI
from assistant.net.redact import secret_forms

pytestmark = pytest.mark.lab

CHECKS = "imap.login,pop.login,smtp.auth"
PASSWORD_VARIABLE = "CA_MAIL_TEST_PASSWORD"


@pytest.fixture(scope="module")
def mail() -> Iterator[MailLab]:
    with LabPKI() as pki, MailLab(pki) as lab:
        yield lab


def cli(
    mail: MailLab, *args: str, password: str | None = PLANTED_PASSWORD
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop(PASSWORD_VARIABLE, None)
    secret = ["--no-password"]
    if password is not None:
        env[PASSWORD_VARIABLE] = password
        secret = ["--password-env", PASSWORD_VARIABLE]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            PLANTED_USER,
            "--timeout",
            "1",
            *secret,
            *mail.cli_flags(),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    for form in secret_forms(PLANTED_PASSWORD, [PLANTED_USER]):
        assert form not in result.stdout + result.stderr
    return result


def line_of(output: str, check_id: str) -> str:
    return next(line for line in output.splitlines() if f" {check_id} " in f"{line} ")


def test_healthy_mail_exits_0_and_the_report_keeps_no_password(
    mail: MailLab, tmp_path: Path
) -> None:
    report = tmp_path / "mail.json"
    result = cli(
        mail, "--checks", CHECKS, "--imap", "outlook.office365.com:143", "--json", str(report)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for check_id in CHECKS.split(","):
        assert line_of(result.stdout, check_id).startswith("ok")
    assert "outlook.office365.com:143 (STARTTLS)" in line_of(result.stdout, "imap.login")
    text = report.read_text(encoding="utf-8")
    for form in secret_forms(PLANTED_PASSWORD, [PLANTED_USER]):
        assert form not in text
    raw = json.loads(text)
    assert raw["options"]["endpoints"] == {"imap": "outlook.office365.com:143:starttls"}
    kinds = {e["kind"] for s in raw["steps"] for e in s["evidence"]}
    assert "transcript" in kinds


@pytest.mark.parametrize(
    ("flag", "endpoint", "check_id", "words"),
    [
        ("--smtp", f"{MailFault.AUTH_DISABLED.host}:587", "smtp.auth", "5.7.139"),
        ("--imap", f"{MailFault.EXPIRED.host}:993", "imap.login", "has expired"),
        ("--pop", f"{MailFault.NO_STARTTLS.host}:110", "pop.login", "does not offer STARTTLS"),
    ],
)
def test_a_mail_fault_exits_1_with_cause_and_fix(
    mail: MailLab, flag: str, endpoint: str, check_id: str, words: str
) -> None:
    result = cli(mail, "--checks", CHECKS, flag, endpoint)
    assert result.returncode == 1, result.stdout + result.stderr
    line = line_of(result.stdout, check_id)
    assert line.startswith("FAIL") and words in line
    assert "fix:" in result.stdout
    others = [c for c in CHECKS.split(",") if c != check_id]
    assert all(line_of(result.stdout, c).startswith("ok") for c in others)


def test_without_a_password_sign_in_is_skipped_and_the_run_passes(mail: MailLab) -> None:
    result = cli(mail, "--checks", CHECKS, password=None)
    assert result.returncode == 0, result.stdout + result.stderr
    for check_id in CHECKS.split(","):
        line = line_of(result.stdout, check_id)
        assert line.startswith("skip") and "no credentials for this run" in line


def test_a_bad_server_flag_is_a_usage_error_in_one_line(mail: MailLab) -> None:
    result = cli(mail, "--checks", "dns", "--imap", "outlook.office365.com:nope")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--imap" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_mail_fault_fails_through_the_cli_with_its_cause(mail: MailLab) -> None:
    """The engine's fault table, once more through the real command line."""
    from test_mail_checks import FAULTS

    top = {"imap": "imap.login", "pop": "pop.login", "smtp": "smtp.auth"}
    for protocol, endpoint, _failing, words in FAULTS:
        result = cli(mail, "--checks", top[protocol], f"--{protocol}", endpoint)
        assert result.returncode == 1, (endpoint, result.stdout + result.stderr)
        assert line_of(result.stdout, top[protocol]).startswith("FAIL"), result.stdout
        assert words in result.stdout, (endpoint, words, result.stdout)
