"""`connectivity-assistant demo` where Dovecot is not installed (issue 18, item 3).

The demo's lab then plays IMAP and POP with its built-in responder
(assistant/lab/demo_mailserver.py). Here: the command line demo with Dovecot off its
PATH and CA_LAB_MAIL=builtin shows IMAP and POP passing and says which server played
them; and demos of healthy and broken scenarios (on-premises, a failing autodiscover,
relay round trips into the Inbox and into Junk, the OAuth sign-in) reach the same
verdict for every step with the built-in responder as with real Dovecot.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.lab.demo_mailserver import ENV

pytestmark = pytest.mark.lab

NOTE = "IMAP/POP: built-in demo responder"


def _without_dovecot_path() -> str:
    """PATH minus the folders Debian's Dovecot lives in."""
    dropped = {"/usr/sbin", "/sbin", "/usr/lib/dovecot", "/usr/local/sbin"}
    return os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep) if p not in dropped
    )


def statuses(report: Path) -> dict[str, str]:
    data = json.loads(report.read_text(encoding="utf-8"))
    found: dict[str, str] = {}

    def walk(step: dict[str, object]) -> None:
        found[str(step["id"])] = str(step["status"])
        for child in step.get("children", []):  # type: ignore[attr-defined]
            walk(child)

    for step in data["steps"]:
        walk(step)
    return found


def test_the_demo_shows_imap_and_pop_passing_without_dovecot(tmp_path: Path) -> None:
    report = tmp_path / "demo.json"
    env = {**os.environ, ENV: "builtin", "PATH": _without_dovecot_path()}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "demo",
            "--scenario",
            "healthy",
            "--json",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Demo: {NOTE} ({ENV}=builtin)." in result.stderr
    lines = {
        line.split()[1]: line.split()[0]
        for line in result.stdout.splitlines()
        if "  " in line and line[:1].isalpha()
    }
    assert lines["imap.login"] == "ok" and lines["pop.login"] == "ok", result.stdout
    found = statuses(report)
    for step_id in ("imap.tls", "imap.login.password", "imap.inbox", "pop.tls", "pop.stat"):
        assert found[step_id] == "pass", step_id


# (demo arguments, what imap.login and pop.login then say; None: a relay demo, no sign-in)
DEMOS = {
    "healthy": (["--scenario", "healthy"], "pass"),
    "on premises": (["--scenario", "fabrikam"], "pass"),  # mail.fabrikam.test serves them
    "broken DNS": (["--scenario", "spf-loop"], "pass"),
    # Autodiscover broken on premises: no server is named, so nothing to sign in to.
    "broken autodiscover": (["--scenario", "ad-expired"], "skip"),
    "relay into the Inbox": (["--scenario", "relay-ip"], None),
    "relay into Junk": (["--scenario", "relay-junk"], None),
    "OAuth": (["--scenario", "healthy", "--oauth"], "pass"),  # XOAUTH2, the lab's token
}


@pytest.mark.parametrize("demo", sorted(DEMOS))
def test_the_demo_reaches_the_same_verdicts_with_either_server(
    demo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, mail_status = DEMOS[demo]
    found = {}
    codes = {}
    for kind in ("dovecot", "builtin"):
        monkeypatch.setenv(ENV, kind)
        report = tmp_path / f"{kind}.json"
        codes[kind] = main(["demo", *args, "--json", str(report)])
        found[kind] = statuses(report)
    assert found["builtin"] == found["dovecot"]
    assert codes["builtin"] == codes["dovecot"]
    if mail_status is None:
        assert found["builtin"]["relay.roundtrip"] in ("pass", "warn")  # found: Inbox, Junk
    else:
        assert found["builtin"]["imap.login"] == found["builtin"]["pop.login"] == mail_status
