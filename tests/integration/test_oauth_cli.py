"""OAuth from the command line against the lab: the device code on stderr, app-only with
a certificate, and plain usage errors (exit 2) for what cannot work."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.lab import identity as idp
from assistant.lab.tenant import Lab
from assistant.report.json_report import load_json

pytestmark = pytest.mark.lab

MAILBOX = "admin@contoso.test"


@pytest.fixture
def approving(lab: Lab) -> Iterator[Lab]:
    lab.identity.auto_approve = MAILBOX  # the person at the browser, at once
    yield lab
    lab.identity.auto_approve = None


def cli(
    lab: Lab, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            MAILBOX,
            "--timeout",
            "2",
            *lab.cli_flags(),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_device_code_sign_in_prints_the_code_on_stderr(approving: Lab, tmp_path: Path) -> None:
    result = cli(
        approving,
        "--checks",
        "imap,smtp",
        "--auth",
        "oauth-device",
        "--client-id",
        idp.CONNECTIVITY_APP,
        "--quiet",
        "--json",
        str(tmp_path / "r.json"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "https://microsoft.com/devicelogin" in result.stderr
    assert "enter the code" in result.stderr and "Ctrl-C cancels" in result.stderr
    report = load_json(tmp_path / "r.json")
    for step_id in ("auth.token", "imap.login.xoauth2", "smtp.auth.xoauth2"):
        found = report.find(step_id)
        assert found is not None and found.status.value == "pass", step_id
    summary = result.stdout
    assert "auth.token" in summary and "imap.login" in summary


def test_app_only_with_a_pfx_certificate(lab: Lab) -> None:
    cert = lab.identity.daemon_certificate
    result = cli(
        lab,
        "--checks",
        "ews.login",
        "--auth",
        "oauth-app",
        "--client-id",
        idp.DAEMON_APP,
        "--tenant",
        "contoso.test",
        "--client-cert",
        str(cert.pfx_path),
        "--client-cert-password-env",
        "CA_TEST_PFX_PASSWORD",
        "--mailbox",
        MAILBOX,
        env={"CA_TEST_PFX_PASSWORD": cert.password},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "signed in as admin@contoso.test (OAuth)" in result.stdout


def test_a_secret_id_for_a_secret_fails_with_its_cause(lab: Lab) -> None:
    result = cli(
        lab,
        "--checks",
        "ews.login",
        "--auth",
        "oauth-app",
        "--client-id",
        idp.DAEMON_APP,
        "--client-secret-env",
        "CA_TEST_SECRET",
        env={"CA_TEST_SECRET": idp.DAEMON_SECRET_ID},
    )
    assert result.returncode == 1
    assert "a secret ID was given instead of the secret value" in result.stdout
    assert idp.DAEMON_SECRET_ID not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--auth", "oauth-device"], {}, "needs --client-id"),
        (
            [
                "--auth",
                "oauth-device",
                "--client-id",
                idp.CONNECTIVITY_APP,
                "--persist-token-cache",
            ],
            {},
            "no protected storage available",
        ),
        (
            [
                "--auth",
                "oauth-device",
                "--client-id",
                idp.CONNECTIVITY_APP,
                "--client-secret-env",
                "S",
            ],
            {"S": "x"},
            "only for app-only sign-in: choose it as the sign-in method (--auth)",
        ),
        (
            ["--auth", "oauth-app", "--client-id", idp.DAEMON_APP],
            {},
            "either the client secret (--client-secret-env)",
        ),
        (["--client-id", idp.CONNECTIVITY_APP], {}, "is for OAuth"),
        (["--auth", "oauth-token"], {}, "needs --access-token-env"),
        (
            ["--auth", "oauth-device", "--client-id", idp.CONNECTIVITY_APP, "--password-env", "P"],
            {"P": "x"},
            "cannot be combined",
        ),
    ],
)
def test_unusable_sign_in_options_exit_2(
    lab: Lab, args: list[str], env: dict[str, str], message: str
) -> None:
    result = cli(lab, "--checks", "imap", *args, env=env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert result.stdout == ""
