"""Canary secrets planted in a real lab run never reach any artifact: JSON, HTML, PDF
text, the run log, or any member of the support bundle. With --redact-identities, no
original mailbox name, person, internal host or internal IP is left either."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.checks.registry import select
from assistant.config import Target
from assistant.lab.tenant import Lab
from assistant.model import Evidence, Step
from assistant.net.redact import Redactor, secret_forms
from assistant.report.export import ExportRequest, write_exports
from assistant.report.json_report import build_report, load_json
from assistant.report.runlog import RunLog
from assistant.runner import Runner

pytestmark = pytest.mark.lab

EMAIL = "admin@contoso.test"
CANARY_PASSWORD = "Canary-Pw-7f3a9!"  # the lab rejects it: a real failed sign-in
CANARY_TOKEN = "canary-token-5be1c0d3a8"
CANARY_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJjYW5hcnkiOiJ0b2tlbiJ9.Y2FuYXJ5LXNpZ25hdHVyZQ"
CANARY_COOKIE = "canary-cookie-9d2e41"
INTERNAL_IPS = ("10.20.30.40", "192.168.50.7", "fd00:abcd::17")
INTERNAL_HOST = "exch01.contoso.test"


def canaries() -> set[str]:
    forms = secret_forms(CANARY_PASSWORD, [EMAIL]) | {CANARY_PASSWORD}
    return forms | {CANARY_TOKEN, CANARY_JWT, CANARY_COOKIE}


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def artifacts(folder: Path) -> dict[str, str]:
    """Every text a user could hand over: files, PDF text, and each bundle member."""
    texts = {
        "report.json": (folder / "r.json").read_text(encoding="utf-8"),
        "report.html": (folder / "r.html").read_text(encoding="utf-8"),
        "report.pdf (text)": pdf_text(folder / "r.pdf"),
        "report.pdf (bytes)": (folder / "r.pdf").read_bytes().decode("latin-1"),
    }
    with zipfile.ZipFile(folder / "b.zip") as archive:
        for name in archive.namelist():
            texts[f"bundle/{name}"] = archive.read(name).decode("utf-8")
    return texts


def plant(steps: list[Step]) -> None:
    """Secrets slipping in the ways they do: headers, query strings, exception text, JSON."""
    basic = base64.b64encode(f"{EMAIL}:{CANARY_PASSWORD}".encode()).decode()
    first = steps[0]
    first.details += (
        f"\nAuthorization: Bearer {CANARY_TOKEN}"
        f"\nSet-Cookie: X-BackEndCookie={CANARY_COOKIE}; path=/"
        f"\nserver said: bad password {CANARY_PASSWORD}"
    )
    first.evidence.append(
        Evidence(
            "http",
            f"GET https://{INTERNAL_HOST}/owa?access_token={CANARY_TOKEN}",
            {
                "url": f"https://{INTERNAL_HOST}/owa?access_token={CANARY_TOKEN}&x=1",
                "headers": [
                    f"Cookie: s={CANARY_COOKIE}",
                    f"Authorization: Basic {basic}",
                    f"X-Token: {CANARY_JWT}",
                ],
                "cookie": CANARY_COOKIE,
                "token": CANARY_TOKEN,
                "password": CANARY_PASSWORD,
                "connect": {"address": INTERNAL_IPS[0], "via": [INTERNAL_IPS[1], INTERNAL_IPS[2]]},
            },
        )
    )
    first.summary += f" (seen from {INTERNAL_IPS[0]} via {INTERNAL_HOST})"


def exported_run(lab: Lab, folder: Path, *, identities: bool) -> None:
    redactor = Redactor()
    target = Target.parse(EMAIL)
    credentials = PasswordCredential(EMAIL, CANARY_PASSWORD)
    runner = Runner(target, lab.network_options(), redactor=redactor, credentials=credentials)
    log = RunLog(redactor=redactor)
    steps = runner.run(select(["autodiscover", "ews"]), log.record)
    plant(steps)
    log.note(f"sign-in refused for {EMAIL} with {CANARY_PASSWORD}")
    report = build_report(target, lab.network_options(), steps)
    request = ExportRequest(
        json=str(folder / "r.json"),
        html=str(folder / "r.html"),
        pdf=str(folder / "r.pdf"),
        bundle=str(folder / "b.zip"),
        redact_identities=identities,
    ).signed_in_as(EMAIL)
    assert write_exports(report, redactor, request, log=log.text()) == []


def test_the_canary_password_really_went_over_the_wire(lab: Lab, tmp_path: Path) -> None:
    before = len(lab.credentials_seen)
    exported_run(lab, tmp_path, identities=False)
    seen = lab.credentials_seen[before:]
    assert any(s.username == EMAIL and not s.matched for s in seen), seen
    assert load_json(tmp_path / "r.json").find("ews.login") is not None


def test_canary_secrets_are_in_no_artifact(lab: Lab, tmp_path: Path) -> None:
    exported_run(lab, tmp_path, identities=False)
    texts = artifacts(tmp_path)
    assert set(texts) >= {
        "bundle/report.json",
        "bundle/report.html",
        "bundle/run.log",
        "bundle/manifest.json",
    }
    for name, text in texts.items():
        for canary in canaries():
            assert canary not in text, f"{canary!r} leaked into {name}"
    assert "«redacted»" in texts["report.json"] and "«redacted»" in texts["bundle/run.log"]
    # identities are kept at this level
    assert EMAIL in texts["report.json"] and INTERNAL_IPS[0] in texts["report.html"]


def test_identity_redaction_leaves_no_mailbox_name_or_internal_address(
    lab: Lab, tmp_path: Path
) -> None:
    exported_run(lab, tmp_path, identities=True)
    texts = artifacts(tmp_path)
    for name, text in texts.items():
        if name == "report.pdf (bytes)":
            continue  # compressed streams; its text is checked
        for gone in (
            "admin@",
            "admin%40",
            "-admin<",
            "Contoso Admin",
            INTERNAL_HOST,
            *INTERNAL_IPS,
        ):
            assert gone not in text, f"{gone!r} left in {name}"
        for canary in canaries():
            assert canary not in text, f"{canary!r} leaked into {name}"
    assert "user1@contoso.test" in texts["report.json"]
    assert "user1@contoso.test" in texts["bundle/run.log"]
    # Replaced, not dropped: numbered in order of appearance (the lab's connect-to list names
    # other contoso.test hosts first, so the number itself is not the point).
    assert re.search(r"10\.x\.x\.\d+", texts["report.html"])
    assert re.search(r"host\d+\.contoso\.test", texts["report.pdf (text)"])


def test_the_cli_run_with_a_canary_password_leaks_it_nowhere(lab: Lab, tmp_path: Path) -> None:
    env = {**os.environ, "CANARY_PW": CANARY_PASSWORD}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            EMAIL,
            "--checks",
            "autodiscover,ews",
            "--password-env",
            "CANARY_PW",
            "--timeout",
            "2",
            "--json",
            str(tmp_path / "r.json"),
            "--html",
            str(tmp_path / "r.html"),
            "--pdf",
            str(tmp_path / "r.pdf"),
            "--bundle",
            str(tmp_path / "b.zip"),
            *lab.cli_flags(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
        env=env,
    )
    assert result.returncode == 1, result.stdout + result.stderr  # the sign-in fails
    texts = artifacts(tmp_path) | {"stdout": result.stdout, "stderr": result.stderr}
    for name, text in texts.items():
        for canary in secret_forms(CANARY_PASSWORD, [EMAIL]) | {CANARY_PASSWORD}:
            assert canary not in text, f"password form leaked into {name}"
    with zipfile.ZipFile(io.BytesIO((tmp_path / "b.zip").read_bytes())) as archive:
        log = archive.read("run.log").decode("utf-8")
    assert "finished ews.login: fail" in log and "run finished after" in log
