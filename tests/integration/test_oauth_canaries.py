"""The OAuth tokens (and the app's client secret) of a real lab run reach no artifact: not
a Step's JSON, the report (JSON, HTML, PDF text), the run log, the support bundle, any
log record, nor the program's settings and cache folders. Searched for as is, in
base64, as the XOAUTH2 initial response and as an Authorization header."""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import zipfile
from pathlib import Path

import platformdirs
import pytest
from oauth_support import MAILBOX, OUTLOOK, OAuthRun, app_sign_in, run, user_sign_in

from assistant.auth.credentials import OAuthCredential
from assistant.config import Target
from assistant.lab import identity as idp
from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.net.redact import secret_forms
from assistant.report.export import ExportRequest, write_exports
from assistant.report.json_report import build_report

pytestmark = pytest.mark.lab


def forms(secret: str) -> set[str]:
    blob = base64.b64encode(f"user={MAILBOX}\x01auth=Bearer {secret}\x01\x01".encode()).decode()
    found = secret_forms(secret, [MAILBOX]) | {secret, blob, f"Bearer {secret}"}
    # a token cut where a preview or a log line might cut it
    return found | {secret[:40], secret[-40:]}


def artifacts(lab: Lab, result: OAuthRun, folder: Path) -> dict[str, str]:
    report = build_report(Target.parse(MAILBOX), lab.network_options(), result.steps)
    request = ExportRequest(
        json=str(folder / "r.json"),
        html=str(folder / "r.html"),
        pdf=str(folder / "r.pdf"),
        bundle=str(folder / "b.zip"),
    ).signed_in_as(MAILBOX)
    assert write_exports(report, result.redactor, request, log=result.log.text()) == []
    texts = {
        "steps": "\n".join(json.dumps(s.to_dict()) for s in result.steps),
        "children": "\n".join(json.dumps(c.to_dict()) for s in result.steps for c in s.walk()),
        "events": "\n".join(repr(e) for e in result.events),
        "run.log": result.log.text(),
        "report.json": (folder / "r.json").read_text(encoding="utf-8"),
        "report.html": (folder / "r.html").read_text(encoding="utf-8"),
        "report.pdf": subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(folder / "r.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout,
    }
    with zipfile.ZipFile(folder / "b.zip") as archive:
        for name in archive.namelist():
            texts[f"bundle/{name}"] = archive.read(name).decode("utf-8")
    for name in ("connectivity-assistant",):
        for base in (platformdirs.user_config_path(name), platformdirs.user_cache_path(name)):
            for path in base.rglob("*") if base.exists() else ():
                if path.is_file():
                    texts[f"settings/{path}"] = path.read_bytes().decode("latin-1")
    return texts


def assert_nowhere(secrets: set[str], texts: dict[str, str]) -> None:
    for name, text in texts.items():
        for secret in secrets:
            assert secret not in text, f"{secret[:12]}… leaked into {name}"


def test_user_tokens_are_in_no_artifact(
    lab: Lab, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    credential = user_sign_in()
    result = run(
        lab, credential, ["autodiscover", "ews", "mapi", "imap", "pop", "smtp"], approve_as=MAILBOX
    )
    token = credential.cached(OUTLOOK)
    assert token is not None
    assert result.step("imap.login.xoauth2").status is Status.PASS  # the token was used
    assert result.step("ews.login").status is Status.PASS
    texts = artifacts(lab, result, tmp_path)
    texts["log records"] = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records
    )
    assert_nowhere(forms(token.value), texts)
    assert "«redacted»" in texts["report.json"]  # the XOAUTH2 lines were there, masked


def test_an_app_secret_and_its_token_are_in_no_artifact(
    lab: Lab, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    credential: OAuthCredential = app_sign_in(
        client_id=idp.DAEMON_APP, client_secret=idp.DAEMON_SECRET
    )
    result = run(lab, credential, ["ews"])
    token = credential.cached("https://outlook.office365.com")
    assert token is not None and result.step("ews.login").status is Status.PASS
    texts = artifacts(lab, result, tmp_path)
    texts["log records"] = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert_nowhere(forms(token.value) | {idp.DAEMON_SECRET}, texts)
