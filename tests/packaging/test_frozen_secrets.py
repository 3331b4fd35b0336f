"""Secrets everywhere, in the packaged app (issue 19 item 6): the frozen program, signing
in to the lab with a canary password (which the lab refuses, so the failure paths run),
and its `demo --oauth` (its own lab mints the tokens), leave no canary and no token in
what they print or write: JSON, HTML, PDF (text and bytes), every member of the support
bundle, stdout, stderr, and the settings and cache folders. Forms searched: plain, base64
(and inside Basic, SASL PLAIN, XOAUTH2), URL-encoded, hex (tests/canary_search.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from canary_search import folder_artifacts, jwts, leaks
from frozen_support import FrozenApp, run

from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab

pytestmark = pytest.mark.lab

MAILBOX = "admin@contoso.test"
CANARY_PASSWORD = "Canary-Frozen-Pw/8+Kd&q=2e9b"
PASSWORD_ENV = "CA_CANARY_FROZEN_PW"


def exports(folder: Path) -> list[str]:
    return [
        "--json",
        str(folder / "r.json"),
        "--html",
        str(folder / "r.html"),
        "--pdf",
        str(folder / "r.pdf"),
        "--bundle",
        str(folder / "b.zip"),
    ]


def everything(
    result: subprocess.CompletedProcess[str], folder: Path, env: dict[str, str]
) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {"stdout": result.stdout, "stderr": result.stderr}
    found |= folder_artifacts(folder, "exports")
    found |= folder_artifacts(Path(env["CONNECTIVITY_ASSISTANT_CONFIG_DIR"]), "config")
    found |= folder_artifacts(Path(env["XDG_CACHE_HOME"]), "cache")
    assert "exports/r.pdf (text)" in found and "exports/b.zip/run.log" in found, sorted(found)
    return found


def test_the_frozen_app_leaks_a_canary_password_nowhere(
    frozen: FrozenApp, app_env: dict[str, str], lab: Lab, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    env = {**app_env, PASSWORD_ENV: CANARY_PASSWORD}
    before = len(lab.credentials_seen)
    result = run(
        [
            str(frozen.binary),
            "check",
            "--email",
            MAILBOX,
            "--timeout",
            "3",
            *lab.cli_flags(),
            "--checks",
            "autodiscover,ews,imap,pop,smtp",
            "--password-env",
            PASSWORD_ENV,
            *exports(out),
        ],
        env,
        tmp_path,
    )
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert any(s.username == MAILBOX for s in lab.credentials_seen[before:]), "it was sent"
    artifacts = everything(result, out, env)
    found = leaks(artifacts, {"password": CANARY_PASSWORD}, [MAILBOX]) + jwts(artifacts)
    assert found == [], "\n".join(found)


def test_the_frozen_oauth_demo_leaks_no_token(
    frozen: FrozenApp, app_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run(
        [str(frozen.binary), "demo", "--oauth", *exports(out)], app_env, tmp_path, timeout=180
    )
    assert result.returncode in (0, 1), result.stdout[-2000:] + result.stderr[-2000:]
    assert "devicelogin" in result.stderr
    artifacts = everything(result, out, app_env)
    found = leaks(artifacts, {"lab password": LAB_PASSWORD}, [MAILBOX]) + jwts(artifacts)
    assert found == [], "\n".join(found)
