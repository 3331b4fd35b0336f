"""The relay test sends from the command line (issue 14, "The CLI contract").

- Every relay option given wrong ends the run before any packet: exit 2, one line.
- Without --send-test-to nothing is sent: the lab's MX, HVE and submission servers
  accept no message, and the report says so.
- With it, `check --checks relay --send-test-to admin@contoso.test` sends to exactly
  that recipient through the lab, the exit code follows the verdicts, and no password
  reaches the output or the report.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from cryptography.hazmat.primitives import serialization

from assistant.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.relay_scenarios import HVE_ACCOUNT, HVE_PASSWORD
from assistant.lab.tenant import Lab

MAILBOX = "admin@contoso.test"
ROUNDTRIP_ENV = "CA_RELAY_ROUNDTRIP_PASSWORD"
HVE_ENV = "CA_RELAY_HVE_PASSWORD"
PASSWORD_ENV = "CA_RELAY_MAILBOX_PASSWORD"


@pytest.fixture
def nameserver() -> Iterator[socket.socket]:
    """A UDP 'nameserver' that only records whether a run asked it anything."""
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.setblocking(False)
    yield udp
    udp.close()


def _asked(udp: socket.socket) -> bool:
    try:
        udp.recv(512)
    except BlockingIOError:
        return False
    return True


@pytest.fixture
def pems(tmp_path: Path) -> dict[str, Path]:
    ca = trustme.CA()
    one, other = ca.issue_cert("relay.contoso.test"), ca.issue_cert("other.contoso.test")
    files = {
        "good": tmp_path / "good.pem",
        "cert-only": tmp_path / "cert.pem",
        "key-only": tmp_path / "key.pem",
        "mismatch": tmp_path / "mismatch.pem",
    }
    one.private_key_and_cert_chain_pem.write_to_path(str(files["good"]))
    one.cert_chain_pems[0].write_to_path(str(files["cert-only"]))
    one.private_key_pem.write_to_path(str(files["key-only"]))
    files["mismatch"].write_bytes(other.private_key_pem.bytes() + one.cert_chain_pems[0].bytes())
    # A key with a password: refused, never a prompt on the terminal.
    key = serialization.load_pem_private_key(one.private_key_pem.bytes(), password=None)
    locked = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"Canary-key-pass"),
    )
    files["locked"] = tmp_path / "locked.pem"
    files["locked"].write_bytes(locked + one.cert_chain_pems[0].bytes())
    return files


REFUSALS = [
    (["--checks", "dns", "--send-test-to", MAILBOX], "--send-test-to: no relay check runs"),
    (["--checks", "dns", "--device", "auth"], "--device: no relay check runs"),
    (["--checks", "relay", "--send-test-to", "a@x.test,b@x.test"], "is not one email address"),
    (["--checks", "relay", "--send-test-to", "nobody"], "is not one email address"),
    (["--checks", "relay", "--relay-method", "pigeon"], "unknown relay method 'pigeon'"),
    (["--checks", "relay", "--relay-method", "hve"], "--relay-method hve needs --hve-account"),
    (["--checks", "relay", "--roundtrip-user", MAILBOX], "go together: give both"),
    (
        ["--checks", "relay", "--roundtrip-user", MAILBOX, "--roundtrip-password-env", "CA_UNSET"],
        "--roundtrip-password-env CA_UNSET: that variable is not set or is empty",
    ),
    (
        ["--checks", "relay", "--hve-account", HVE_ACCOUNT, "--hve-password-env", "CA_EMPTY"],
        "--hve-password-env CA_EMPTY: that variable is not set or is empty",
    ),
    (
        ["--checks", "relay", "--roundtrip-wait", "0"],
        "(--roundtrip-wait): 0 seconds is out of range",
    ),
    (["--checks", "relay", "--roundtrip-wait", "nan"], "is out of range"),
    (["--checks", "relay", "--public-ip", "203.0.113"], "not an IP address"),
    (
        ["--checks", "relay", "--device", "auth,fax"],
        "unknown word 'fax' in the device's description (--device)",
    ),
    (["--checks", "relay", "--device", "volume=lots"], "give a whole number"),
    (["--checks", "relay", "--relay-cert", "/nonexistent/relay.pem"], "no such file"),
]


@pytest.mark.parametrize(("args", "said"), REFUSALS)
def test_relay_options_given_wrong_stop_the_run_before_any_packet(
    args: list[str],
    said: str,
    nameserver: socket.socket,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("CA_UNSET", raising=False)
    monkeypatch.setenv("CA_EMPTY", "")
    port = nameserver.getsockname()[1]
    argv = ["check", "--email", MAILBOX, "--no-password", "--nameserver", f"127.0.0.1:{port}"]
    code = main([*argv, *args])
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE
    assert said in err and len(err.strip().splitlines()) == 1
    assert out == ""
    assert not _asked(nameserver)


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("cert-only", "no private key in the file"),
        ("key-only", "no PEM certificate in the file"),
        ("mismatch", "the certificate and key cannot be used together"),
        ("locked", "a password-protected key is not supported"),
    ],
)
def test_a_relay_certificate_file_must_hold_a_certificate_and_its_key(
    kind: str,
    said: str,
    pems: dict[str, Path],
    nameserver: socket.socket,
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = nameserver.getsockname()[1]
    code = main(
        [
            "check",
            "--email",
            MAILBOX,
            "--no-password",
            "--nameserver",
            f"127.0.0.1:{port}",
            "--checks",
            "relay",
            "--relay-cert",
            str(pems[kind]),
        ]
    )
    err = capsys.readouterr().err
    assert code == EXIT_USAGE and said in err
    assert not _asked(nameserver)


def test_the_good_certificate_file_passes_the_up_front_check(pems: dict[str, Path]) -> None:
    from assistant.cli_relay import check_client_cert

    assert check_client_cert(str(pems["good"])) == str(pems["good"])


# --- against the lab ----------------------------------------------------------------------


def received(lab: Lab) -> int:
    """Messages the lab's servers accepted: the MX listeners and HVE (eop.py), and SMTP
    submission."""
    return len(lab.mail.submission.messages) + sum(
        len(listener.accepted) for listener in lab.eop.listeners.values()
    )


def cli(lab: Lab, *args: str, report: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env[PASSWORD_ENV] = LAB_PASSWORD
    env[ROUNDTRIP_ENV] = LAB_PASSWORD
    env[HVE_ENV] = HVE_PASSWORD
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            MAILBOX,
            "--password-env",
            PASSWORD_ENV,
            "--timeout",
            "3",
            "--checks",
            "relay",
            "--json",
            str(report),
            *lab.cli_flags(),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=100,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
    )


def steps_of(report: Path) -> dict[str, dict[str, object]]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {step["id"]: step for step in data["steps"]}


def sends_of(step: dict[str, object]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for item in step.get("evidence", []):  # type: ignore[attr-defined]
        if item["kind"] == "relay-send":
            found.append(item["data"])
    for child in step.get("children", []):  # type: ignore[attr-defined]
        found += sends_of(child)
    return found


def exit_code_for(steps: dict[str, dict[str, object]]) -> int:
    failed = any(step["status"] in ("fail", "error") for step in steps.values())
    return EXIT_FAILED if failed else EXIT_OK


@pytest.mark.lab
def test_nothing_is_sent_without_send_test_to(lab: Lab, tmp_path: Path) -> None:
    before = received(lab)
    report = tmp_path / "report.json"
    result = cli(lab, "--device", "auth,no-oauth,tls12,internal-only", report=report)
    assert result.returncode in (EXIT_OK, EXIT_FAILED), result.stderr
    assert received(lab) == before
    assert "no test message is sent without --send-test-to" in result.stderr
    steps = steps_of(report)
    assert result.returncode == exit_code_for(steps)
    assert all(sends_of(step) == [] for step in steps.values())
    advice = steps["relay.advice"]
    assert "No test message was sent" in str(advice["details"])
    assert "This device will stop sending on" in str(advice["details"]) + str(advice["remedy"])


def test_the_plan_holds_what_was_typed_and_the_passwords_only_there(
    pems: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.cli import build_parser
    from assistant.cli_relay import relay_plan_from
    from assistant.config import Target
    from assistant.relay_plan import RelayMethod

    monkeypatch.setenv(ROUNDTRIP_ENV, "Canary-roundtrip-1")
    monkeypatch.setenv(HVE_ENV, "Canary-hve-2")
    args = build_parser().parse_args(
        [
            "check",
            "--email",
            MAILBOX,
            "--checks",
            "relay",
            "--send-test-to",
            " Partner@Fabrikam.test ",
            "--relay-method",
            "direct",
            "--relay-method",
            "HVE",
            "--relay-method",
            "direct",
            "--relay-cert",
            str(pems["good"]),
            "--roundtrip-user",
            "partner@fabrikam.test",
            "--roundtrip-password-env",
            ROUNDTRIP_ENV,
            "--hve-account",
            HVE_ACCOUNT,
            "--hve-password-env",
            HVE_ENV,
            "--roundtrip-wait",
            "7.5",
            "--roundtrip-delete",
            "--device",
            "no-auth,tls12,fixed-ip,volume=300",
            "--public-ip",
            "2001:db8::0001",
        ]
    )
    plan = relay_plan_from(args, Target.parse_email(MAILBOX), ["relay.advice"])
    assert plan is not None
    assert plan.send_to == "Partner@fabrikam.test"
    assert plan.sender is None  # the run's mailbox
    assert plan.methods == (RelayMethod.DIRECT, RelayMethod.HVE)
    assert plan.client_cert == str(pems["good"])
    assert plan.roundtrip_wait == 7.5 and plan.delete_after
    assert plan.public_ip == "2001:db8::1"
    assert plan.device.authenticates is False and plan.device.messages_per_day == 300
    assert sorted(plan.secrets()) == ["Canary-hve-2", "Canary-roundtrip-1"]
    assert "Canary" not in repr(plan) and "Canary" not in json.dumps(plan.to_dict())
    # No relay check in the run, no relay option: no plan at all.
    plain = build_parser().parse_args(["check", "--email", MAILBOX, "--checks", "dns"])
    assert relay_plan_from(plain, Target.parse_email(MAILBOX), ["dns.mx"]) is None


def test_a_domain_run_that_sends_must_name_its_sender(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["check", "--domain", "contoso.test", "--checks", "relay", "--send-test-to", MAILBOX]
    )
    assert code == EXIT_USAGE
    assert "--send-test-to with --domain needs --sender" in capsys.readouterr().err


@pytest.mark.lab
def test_send_test_to_sends_to_exactly_that_recipient_and_keeps_no_password(
    lab: Lab, tmp_path: Path
) -> None:
    before = received(lab)
    report = tmp_path / "report.json"
    result = cli(
        lab,
        "--send-test-to",
        MAILBOX,
        "--roundtrip-user",
        MAILBOX,
        "--roundtrip-password-env",
        ROUNDTRIP_ENV,
        "--hve-account",
        HVE_ACCOUNT,
        "--hve-password-env",
        HVE_ENV,
        "--relay-cert",
        lab.relay_client_cert,
        "--roundtrip-wait",
        "15",
        "--device",
        "auth,no-oauth,tls12,internal-only",
        report=report,
    )
    steps = steps_of(report)
    assert result.returncode == exit_code_for(steps), result.stdout + result.stderr
    sends = [record for step in steps.values() for record in sends_of(step)]
    accepted = [record for record in sends if record["accepted"]]
    assert accepted, result.stdout + result.stderr  # at least one method got the message in
    assert {record["recipient"] for record in sends} == {MAILBOX}
    assert received(lab) - before >= len(accepted)
    # Proof of delivery with the --roundtrip-user login: every accepted message arrived.
    assert steps["relay.roundtrip"]["status"] == "pass", steps["relay.roundtrip"]["summary"]
    # A password-only device that mails colleagues: Direct Send worked, move to it.
    advice = steps["relay.advice"]
    assert advice["status"] == "warn"
    assert str(advice["summary"]).startswith("switch to Direct Send")
    everything = result.stdout + result.stderr + report.read_text(encoding="utf-8")
    for secret in (LAB_PASSWORD, HVE_PASSWORD):
        assert secret not in everything


@pytest.mark.lab
def test_the_relay_demo_sends_to_the_demo_mailbox_in_the_lab(tmp_path: Path) -> None:
    # The demo starts a lab of its own.
    report = tmp_path / "demo.json"
    code = main(["demo", "--scenario", "relay-ip", "--json", str(report)])
    steps = steps_of(report)
    assert code == exit_code_for(steps)
    assert {step_id.split(".", 1)[0] for step_id in steps} == {"relay"}
    sends = [record for step in steps.values() for record in sends_of(step)]
    assert sends and {record["recipient"] for record in sends} == {"admin@relay-ip.test"}
    assert all(record["accepted"] for record in sends)  # relay-ip: every method gets in
    assert HVE_PASSWORD not in report.read_text(encoding="utf-8")
