"""Every relay failure the lab plays, through the command line (issue 14, "Tests that
must exist": each method healthy and failing, through the CLI too): the run exits with
EXIT_FAILED, the check that met the fault fails, and what the CLI prints names the
server's code and what to change. In process (main()), against one lab for the module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli import EXIT_FAILED, main
from assistant.lab.delivery import EXTERNAL_MAILBOX
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab

pytestmark = pytest.mark.lab
PASSWORD_ENV = "CA_RELAY_FAULTS_PASSWORD"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with Lab() as running:
        yield running


# scenario, method, recipient (None: the scenario's own mailbox), failing check, what the
# output must say (the server's code or the fault, and a word of the remedy)
FAULTS = [
    ("relay-port25-closed", "direct", None, "relay.port25", ("blocked", "587")),
    ("relay-port25-silent", "direct", None, "relay.port25", ("no greeting", "587")),
    ("relay-no-starttls", "direct", None, "relay.port25", ("STARTTLS",)),
    ("relay-wrong-cert", "direct", None, "relay.port25", ("wrong.example.net",)),
    ("relay-tls-old", "direct", None, "relay.port25", ("TLS 1.0",)),
    ("relay-reject-direct", "direct", None, "relay.direct_send", ("5.7.68", "RejectDirectSend")),
    ("relay-denied", "connector", EXTERNAL_MAILBOX, "relay.connector", ("5.7.64", "connector")),
    ("relay-wrong-region", "direct", None, "relay.direct_send", ("4.4.62",)),
    ("relay-banned", "direct", None, "relay.direct_send", ("5.7.606", "sender.office.com")),
    ("relay-blocked-sender", "direct", None, "relay.direct_send", ("5.7.708",)),
    ("relay-throttled", "direct", None, "relay.direct_send", ("4.7.500",)),
    # SMTP AUTH turned off for the tenant (the lab's submission fault host, trusted for the
    # run as a device's configured server would be).
    (
        "healthy",
        "submission",
        None,
        "relay.client_submission",
        ("5.7.139", "SmtpClientAuthenticationDisabled"),
    ),
]
EXTRA = {
    "submission": [
        "--smtp",
        "auth-disabled.mail.test:587:starttls",
        "--trust-host",
        "auth-disabled.mail.test",
    ]
}


@pytest.mark.parametrize(("scenario", "method", "to", "failing", "said"), FAULTS)
def test_each_relay_fault_fails_through_the_cli_with_its_cause(
    lab: Lab,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    scenario: str,
    method: str,
    to: str | None,
    failing: str,
    said: tuple[str, ...],
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, LAB_PASSWORD)
    mailbox = "admin@contoso.test" if scenario == "healthy" else f"admin@{scenario}.test"
    report = tmp_path / "report.json"
    code = main(
        [
            "check",
            "--email",
            mailbox,
            "--password-env",
            PASSWORD_ENV,
            "--timeout",
            "1",
            "--checks",
            "relay",
            "--relay-method",
            method,
            "--send-test-to",
            to or mailbox,
            "--json",
            str(report),
            "--quiet",
            *lab.cli_flags(),
            *EXTRA.get(method, []),
        ]
    )
    out = capsys.readouterr().out
    assert code == EXIT_FAILED, out
    steps = {s["id"]: s for s in json.loads(report.read_text(encoding="utf-8"))["steps"]}
    assert steps[failing]["status"] == "fail", steps[failing]["summary"]
    for words in said:
        assert words in out, (words, out)
    assert LAB_PASSWORD not in out and LAB_PASSWORD not in report.read_text(encoding="utf-8")
