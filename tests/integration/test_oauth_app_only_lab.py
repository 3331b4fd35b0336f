"""App-only sign-in end to end, from the command line as an admin runs it: the lab identity
provider issues client-credentials tokens with the roles each lab app was granted (all of
them, none, EWS's only), and the lab's Dovecot (IMAP, POP), SMTP submission and EWS judge
those tokens as Exchange Online does. auth.token's diagnosis has to agree with them."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from oauth_support import app_sign_in, run

from assistant.lab import identity as idp
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.report.json_report import load_json

pytestmark = pytest.mark.lab

MAILBOX = idp.DAEMON_MAILBOXES[0]  # every lab daemon app was given this mailbox
EWS_HOST = "outlook.office365.com"
SECRET_ENV = "CA_TEST_APP_SECRET"
ALL_ROLES = ("IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp", "full_access_as_app")
MAIL_ROLES = ALL_ROLES[:3]
DOVECOT_LOG_WAIT = 5.0  # its log process writes a moment after the client has gone


@dataclass
class AppRun:
    """One `check --auth oauth-app` run and what the lab's servers saw during it."""

    returncode: int
    output: str  # stdout and stderr
    report_text: str
    steps: dict[str, Step]
    smtp: list[tuple[str, str, bool]]  # (user, mechanism, accepted) at SMTP submission
    ews_tokens: list[dict[str, Any]]  # claims of the bearer tokens EWS received
    ews_accepted: list[bool]  # the EWS credential sightings: was the token valid
    dovecot_log_from: int

    def step(self, step_id: str) -> Step:
        return self.steps[step_id]


STEP_IDS = (
    "auth.token",
    "auth.token.claims",
    "imap.login.xoauth2",
    "imap.inbox",
    "pop.login.xoauth2",
    "pop.stat",
    "smtp.auth.xoauth2",
    "ews.login",
    "ews.mailbox",
)


def claims_of(authorization: str) -> dict[str, Any]:
    payload = authorization.removeprefix("Bearer ").split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "==")))


def check_as_app(lab: Lab, client_id: str, tmp_path: Path) -> AppRun:
    """`check --auth oauth-app` with the client secret the lab's daemon apps share."""
    ews = lab.ews[EWS_HOST]
    smtp_before = len(lab.mail.submission.auth_attempts)
    ews_before = len(ews.authorization_headers)
    seen_before = len(lab.credentials_seen)
    log_from = len(lab.mail.dovecot.log_text())
    report = tmp_path / f"{client_id}.json"
    result = subprocess.run(
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
            "--checks",
            "auth,imap,pop,smtp,ews",
            "--auth",
            "oauth-app",
            "--client-id",
            client_id,
            "--tenant",
            "contoso.test",
            "--client-secret-env",
            SECRET_ENV,
            "--mailbox",
            MAILBOX,
            "--quiet",
            "--json",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        stdin=subprocess.DEVNULL,
        env={**os.environ, SECRET_ENV: idp.DAEMON_SECRET},
        check=False,
    )
    loaded = load_json(report)
    steps = {}
    for step_id in STEP_IDS:
        found = loaded.find(step_id)
        assert found is not None, f"{step_id} missing from the report\n{result.stdout}"
        steps[step_id] = found
    return AppRun(
        result.returncode,
        result.stdout + result.stderr,
        report.read_text(encoding="utf-8"),
        steps,
        [
            (a.user, a.mechanism, a.accepted)
            for a in lab.mail.submission.auth_attempts[smtp_before:]
        ],
        [claims_of(h) for h in ews.authorization_headers[ews_before:] if h.startswith("Bearer ")],
        [
            s.matched
            for s in lab.credentials_seen[seen_before:]
            if s.path == "/EWS/Exchange.asmx" and s.auth_scheme == "Bearer"
        ],
        log_from,
    )


def dovecot_saw(lab: Lab, since: int, *wanted: str) -> str:
    """Dovecot's log after offset `since`, once every `wanted` text is in it (or the wait
    is over: the caller's assertions then say what is missing)."""
    until = time.monotonic() + DOVECOT_LOG_WAIT
    while True:
        text = lab.mail.dovecot.log_text()[since:]
        if all(w in text for w in wanted) or time.monotonic() > until:
            return text
        time.sleep(0.05)


def finding_rows(step: Step) -> list[dict[str, Any]]:
    """auth.token.claims' findings as the JSON report carries them: key, status, cause."""
    rows: list[dict[str, Any]] = []
    for evidence in step.evidence:
        if evidence.label == "Named cause" and isinstance(evidence.data, dict):
            rows.append(dict(evidence.data))
        if evidence.label == "Findings" and isinstance(evidence.data, list):
            rows += [dict(r) for r in evidence.data if isinstance(r, dict)]
    return rows


def problem_keys(step: Step) -> set[str]:
    return {str(r["key"]) for r in finding_rows(step) if r.get("status") in ("fail", "warn")}


def login_line(service: str) -> str:
    return f"{service}-login: Info: Login: user=<{MAILBOX}>, method=XOAUTH2"


def scope_refused(protocol: str, token_scope: str) -> str:
    """Dovecot's reason when the token's role-derived scope lacks the protocol."""
    return f"configured scope '{protocol}' missing from token scope '{token_scope}'"


# -- 1. the daemon: every role, every protocol opens the mailbox ---------------------------


def test_the_daemon_app_opens_the_mailbox_over_imap_pop_smtp_and_ews(
    lab: Lab, tmp_path: Path
) -> None:
    result = check_as_app(lab, idp.DAEMON_APP, tmp_path)

    assert result.returncode == 0, result.output
    for step_id in STEP_IDS:
        step = result.step(step_id)
        assert step.status is Status.PASS, f"{step_id}: {step.summary}"
    assert problem_keys(result.step("auth.token.claims")) == set()

    # The servers were the judge, and what they judged was the app's token.
    assert result.smtp == [(MAILBOX, "XOAUTH2", True)]
    assert result.ews_tokens and result.ews_accepted and all(result.ews_accepted)
    for claims in result.ews_tokens:
        assert claims["idtyp"] == "app" and claims["appid"] == idp.DAEMON_APP
        assert "upn" not in claims and sorted(claims["roles"]) == sorted(ALL_ROLES)
    log = dovecot_saw(lab, result.dovecot_log_from, login_line("imap"), login_line("pop3"))
    assert login_line("imap") in log and login_line("pop3") in log
    assert idp.DAEMON_SECRET not in result.output + result.report_text + log


# -- 2. admin consent never granted: no roles, every server refuses -------------------------


def test_an_app_without_admin_consent_is_named_and_every_server_refuses_it(
    lab: Lab, tmp_path: Path
) -> None:
    result = check_as_app(lab, idp.ROLELESS_APP, tmp_path)

    assert result.returncode == 1, result.output
    claims_step = result.step("auth.token.claims")
    assert result.step("auth.token").status is Status.FAIL
    assert claims_step.status is Status.FAIL
    assert problem_keys(claims_step) == {"missing_role"}
    # The report names every application permission the admin has to grant.
    [missing] = [r for r in finding_rows(claims_step) if r["key"] == "missing_role"]
    remedy = result.step("auth.token").remedy
    assert remedy is not None
    for role in ALL_ROLES:
        assert role in str(missing["cause"]) and role in remedy.text, role
    assert "Add-MailboxPermission" in remedy.text  # IMAP/POP/SMTP need Exchange's grant too
    for step_id in ("imap.login.xoauth2", "pop.login.xoauth2", "smtp.auth.xoauth2", "ews.login"):
        step = result.step(step_id)
        assert step.status is Status.FAIL, f"{step_id}: {step.summary}"
    for step_id in ("imap.login.xoauth2", "pop.login.xoauth2"):
        # [AUTHENTICATIONFAILED] for a token is a refused token, not a wrong password.
        fix = result.step(step_id).remedy
        assert fix is not None and "password" not in fix.text.lower(), fix

    # Each server saw the token and refused it for the missing permission.
    assert result.smtp == [(MAILBOX, "XOAUTH2", False)]
    assert result.ews_tokens and not any(result.ews_accepted)
    for claims in result.ews_tokens:
        assert claims["idtyp"] == "app" and claims["appid"] == idp.ROLELESS_APP
        assert "roles" not in claims  # as Entra issues it without admin consent
    assert "contains no permissions" in json.dumps(result.step("ews.login").to_dict())
    wanted = (scope_refused("imap", ""), scope_refused("pop", ""))
    log = dovecot_saw(lab, result.dovecot_log_from, *wanted)
    for text in wanted:
        assert text in log
    assert login_line("imap") not in log and login_line("pop3") not in log


# -- 3. only EWS's role: EWS opens the mailbox, IMAP, POP and SMTP refuse -------------------


def test_an_app_with_only_the_ews_role_opens_ews_and_is_refused_by_imap_pop_and_smtp(
    lab: Lab, tmp_path: Path
) -> None:
    result = check_as_app(lab, idp.EWS_ONLY_APP, tmp_path)

    assert result.returncode == 1, result.output
    claims_step = result.step("auth.token.claims")
    assert result.step("auth.token").status is Status.FAIL
    assert problem_keys(claims_step) == {"missing_role"}
    [missing] = [r for r in finding_rows(claims_step) if r["key"] == "missing_role"]
    for role in MAIL_ROLES:
        assert role in str(missing["cause"]), role
    assert "full_access_as_app" not in str(missing["cause"])  # EWS's role is there
    for step_id in ("ews.login", "ews.mailbox"):
        assert result.step(step_id).status is Status.PASS, result.step(step_id).summary
    for step_id in ("imap.login.xoauth2", "pop.login.xoauth2", "smtp.auth.xoauth2"):
        step = result.step(step_id)
        assert step.status is Status.FAIL, f"{step_id}: {step.summary}"

    assert result.smtp == [(MAILBOX, "XOAUTH2", False)]
    assert result.ews_tokens and all(result.ews_accepted)
    for claims in result.ews_tokens:
        assert claims["appid"] == idp.EWS_ONLY_APP and claims["roles"] == ["full_access_as_app"]
    wanted = (scope_refused("imap", "ews"), scope_refused("pop", "ews"))
    log = dovecot_saw(lab, result.dovecot_log_from, *wanted)
    for text in wanted:
        assert text in log
    assert login_line("imap") not in log and login_line("pop3") not in log


# -- the role is not enough: Dovecot opens only the mailboxes granted to the app ------------


def test_dovecot_refuses_the_daemon_a_mailbox_it_was_not_given(lab: Lab) -> None:
    other = "alex.wilber@contoso.test"
    assert other not in idp.DAEMON_MAILBOXES
    log_from = len(lab.mail.dovecot.log_text())
    credential = app_sign_in(
        other,
        client_id=idp.DAEMON_APP,
        client_secret=idp.DAEMON_SECRET,
        protocols=("imap",),
    )
    result = run(lab, credential, ["imap"], email=other)
    assert result.step("auth.token").status is not Status.FAIL, result.step("auth.token").summary
    assert result.step("imap.login.xoauth2").status is Status.FAIL
    failed = f"user=<{other}>, method=XOAUTH2"
    log = dovecot_saw(lab, log_from, failed)
    assert failed in log and f"Login: user=<{other}>" not in log
