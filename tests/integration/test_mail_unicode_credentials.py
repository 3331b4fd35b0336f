"""Passwords beyond ASCII, and user names a command could be split with, against the
mail lab's Dovecot and aiosmtpd submission (issue 11, item 6).

smtplib and imaplib encode credentials as ASCII: "Pässwörd€" raised "can't encode
character '\\xe4' in position 1", which reached the step summary with a character of
the password and its offset, and such a password could never be tested. The clients
now send UTF-8 themselves (net/sasl.py, net/imap_args.py); what a command cannot carry
is refused before anything is sent, in plain words.
"""

from __future__ import annotations

import json
import os
import re
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from oauth_support import MAILBOX, given_token
from oauth_support import run as oauth_run
from test_mail_checks import ALL, SIGN_IN, SIGN_IN_COMMAND, TOP, child, run, transcript
from test_report_canaries import artifacts

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.imap import IMAP
from assistant.checks.mail.check import SignIn, mail_check
from assistant.checks.mail.session import Conversation, PasswordSignIn, password_sign_in
from assistant.config import Target
from assistant.lab.mail import MAILBOX_HOST, UNICODE_PASSWORD, UNICODE_USER, MailLab
from assistant.lab.pki import LabPKI
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.net.imap_client import ImapConnection
from assistant.net.mailwire import Wire
from assistant.net.pop_client import PopConnection
from assistant.net.redact import MASK, Redactor, secret_forms
from assistant.net.sasl import CredentialNotSendable
from assistant.net.transcript import Transcript

pytestmark = pytest.mark.lab

TARGET = Target.parse(UNICODE_USER)
CREDENTIAL = PasswordCredential(UNICODE_USER, UNICODE_PASSWORD)
WRONG = "Wröng-Pässwörd€-Canary-77aa"  # a canary the lab refuses
SLOW_NO = 2.0  # Dovecot answers a failed sign-in on its 500 ms failure tick
# What a library's encoding error says, with a character and its offset: never ours.
LIBRARY_WORDS = re.compile(
    r"codec|can't (en|de)code|ordinal not in range|position \d|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}",
    re.IGNORECASE,
)
PASSWORD_VARIABLE = "CA_UNICODE_TEST_PASSWORD"


@pytest.fixture(scope="module")
def mail() -> Iterator[MailLab]:
    with LabPKI() as pki, MailLab(pki) as lab:
        yield lab


def leaks(secret: str, user: str) -> set[str]:
    """Every form the password could take in an artifact: as is, JSON-escaped, base64
    and inside SASL (UTF-8), and its ASCII canary tail, which survives any escaping."""
    forms = secret_forms(secret, [user]) | {secret, json.dumps(secret)[1:-1]}
    return forms | {secret.rsplit("-Canary-", 1)[1]}


def assert_plain(text: str, secret: str, user: str = UNICODE_USER) -> None:
    for form in leaks(secret, user):
        assert form not in text, f"a form of the password leaked: {form!r}"
    found = LIBRARY_WORDS.search(text)
    assert found is None, f"a library's encoding error leaked: {found.group(0)!r}"


def steps_text(steps: dict[str, Step]) -> str:
    return json.dumps([s.to_dict() for s in steps.values()], ensure_ascii=False)


def unicode_run(
    mail: MailLab,
    *endpoints: tuple[str, str],
    credentials: PasswordCredential,
    timeout: float = 0.5,
    checks: Sequence[Check] = ALL,
) -> dict[str, Step]:
    return run(
        mail, *endpoints, credentials=credentials, target=TARGET, timeout=timeout, checks=checks
    )


# -- through the engine ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("endpoints", "smtp_mechanism"),
    [
        (
            (
                ("imap", "outlook.office365.com:143"),
                ("pop", "outlook.office365.com:110"),
                ("smtp", "smtp.office365.com:587"),
            ),
            "PLAIN",
        ),
        (
            (
                ("imap", "outlook.office365.com:993"),
                ("pop", "outlook.office365.com:995"),
                ("smtp", "smtp.office365.com:465"),
            ),
            "LOGIN",
        ),
    ],
    ids=["starttls", "implicit-tls"],
)
def test_a_non_ascii_password_signs_in_to_imap_pop_and_smtp(
    mail: MailLab, endpoints: tuple[tuple[str, str], ...], smtp_mechanism: str
) -> None:
    steps = unicode_run(mail, *endpoints, credentials=CREDENTIAL)
    for protocol, top in TOP.items():
        sign_in = child(steps[top], SIGN_IN[protocol])
        assert sign_in.status is Status.PASS, sign_in.summary
        assert steps[top].status is Status.PASS, steps[top].summary
    assert "INBOX opened: 1 message" in steps["imap.login"].summary
    attempt = mail.submission.auth_attempts[-1]
    assert (attempt.user, attempt.mechanism, attempt.accepted) == (
        UNICODE_USER,
        smtp_mechanism,
        True,
    )
    assert f"> AUTH {smtp_mechanism} {MASK}" in transcript(steps["smtp.auth"])
    assert_plain(steps_text(steps), UNICODE_PASSWORD)


def test_a_wrong_non_ascii_password_fails_in_plain_words(mail: MailLab) -> None:
    wrong = PasswordCredential(UNICODE_USER, WRONG)
    steps = unicode_run(mail, credentials=wrong, timeout=SLOW_NO)
    for protocol, top in TOP.items():
        sign_in = child(steps[top], SIGN_IN[protocol])
        assert sign_in.status is Status.FAIL, sign_in.summary
        assert sign_in.summary.startswith(f"not signed in as {UNICODE_USER}: ")
        assert "not accepted" in sign_in.summary
    assert "535 5.7.3" in child(steps["smtp.auth"], SIGN_IN["smtp"]).summary
    assert not mail.submission.auth_attempts[-1].accepted
    assert_plain(steps_text(steps), WRONG)


def test_a_line_break_in_the_user_name_never_reaches_the_wire(mail: MailLab) -> None:
    injected = f"{UNICODE_USER}\r\nZZ9 DELE 1"
    before = len(mail.submission.auth_attempts)
    steps = unicode_run(
        mail,
        ("imap", "outlook.office365.com:143"),
        credentials=PasswordCredential(injected, UNICODE_PASSWORD),
    )
    for protocol, top in TOP.items():
        sign_in = child(steps[top], SIGN_IN[protocol])
        assert sign_in.status is Status.FAIL, sign_in.summary
        assert "contains a control character" in sign_in.summary
        assert "no credentials were sent" in sign_in.summary
        assert sign_in.remedy is not None and "again by hand" in sign_in.remedy.text
        for evidence in steps[top].evidence:
            sent = [line for line in evidence.data if " > " in line]
            assert not [line for line in sent if SIGN_IN_COMMAND.search(line)], sent
            assert not [line for line in sent if "DELE" in line], sent
    assert len(mail.submission.auth_attempts) == before
    assert_plain(steps_text(steps), UNICODE_PASSWORD)


def test_a_library_encoding_error_is_said_in_plain_words(mail: MailLab) -> None:
    """Should a library still encode a credential as ASCII, its error text (a character
    of the password and its offset) is not what the step says."""

    def as_a_library_did(conv: Conversation[ImapConnection]) -> Step:
        def login(mechanism: str, user: str, secret: str) -> str:
            secret.encode("ascii")  # smtplib's AUTH and imaplib's LOGIN did this
            return ""

        how = PasswordSignIn(SIGN_IN["imap"], "Sign in", "LOGIN", "none", login)
        return password_sign_in(conv, how)

    def check(ctx: Context) -> Step:
        return mail_check(
            ctx,
            IMAP,
            TOP["imap"],
            "IMAP",
            sign_in=SignIn(SIGN_IN["imap"], "Sign in", "imap.login.xoauth2"),
            login=as_a_library_did,
            success=lambda server, last: last,
        )

    steps = unicode_run(mail, credentials=CREDENTIAL, checks=[Check(TOP["imap"], "IMAP", check)])
    sign_in = child(steps[TOP["imap"]], SIGN_IN["imap"])
    assert sign_in.status is Status.FAIL
    assert "could not be encoded for sending" in sign_in.summary
    assert_plain(steps_text(steps), UNICODE_PASSWORD)


# -- the clients, against Dovecot directly ---------------------------------------------------


def wire() -> Wire:
    return Wire(Transcript("lab", Redactor()), lambda: SLOW_NO)


def lines_of(w: Wire) -> list[str]:
    return [line.split(" ms ", 1)[1] for line in w.transcript.to_evidence().data]


def tls_socket(mail: MailLab, port: int) -> ssl.SSLSocket:
    dest = mail.route(MAILBOX_HOST, port)
    assert dest is not None
    context = ssl.create_default_context(cafile=str(mail.pki.ca_pem_path))
    raw = socket.create_connection((dest.host, dest.port), timeout=SLOW_NO)
    return context.wrap_socket(raw, server_hostname=MAILBOX_HOST)


def imap(mail: MailLab, w: Wire, *, literal_plus: bool) -> ImapConnection:
    session = ImapConnection(tls_socket(mail, 993), w, MAILBOX_HOST, 993)
    assert "LITERAL+" in session.capabilities  # Dovecot offers it before sign-in
    if not literal_plus:  # as a server that does not: every literal waits for "+"
        session.capabilities = tuple(c for c in session.capabilities if c != "LITERAL+")
    return session


@pytest.mark.parametrize("literal_plus", [True, False], ids=["LITERAL+", "synchronising"])
def test_imap_login_sends_a_utf8_password_as_a_literal(mail: MailLab, literal_plus: bool) -> None:
    w = wire()
    session = imap(mail, w, literal_plus=literal_plus)
    try:
        session.password_login("LOGIN", UNICODE_USER, UNICODE_PASSWORD)
        assert session.state == "AUTH"
        assert session.examine_inbox() == 1
    finally:
        session.close_quietly()
    lines = lines_of(w)
    login = next(i for i, line in enumerate(lines) if " LOGIN " in line)
    assert lines[login].endswith(f' LOGIN "{UNICODE_USER}" {MASK}'), lines[login]
    continued = lines[login + 1].startswith("< + ")
    assert continued is not literal_plus, lines
    assert_plain("\n".join(lines), UNICODE_PASSWORD)


@pytest.mark.parametrize("literal_plus", [True, False], ids=["LITERAL+", "synchronising"])
def test_imap_login_with_a_wrong_utf8_password_is_refused_by_the_server(
    mail: MailLab, literal_plus: bool
) -> None:
    w = wire()
    session = imap(mail, w, literal_plus=literal_plus)
    try:
        with pytest.raises(session.error, match="AUTHENTICATIONFAILED"):
            session.password_login("LOGIN", UNICODE_USER, WRONG)
        assert session.state == "NONAUTH"
    finally:
        session.close_quietly()
    assert_plain("\n".join(lines_of(w)), WRONG)


@pytest.mark.parametrize("mechanism", ["LOGIN", "PLAIN"])
def test_imap_refuses_a_line_break_in_the_user_name_before_sending(
    mail: MailLab, mechanism: str
) -> None:
    w = wire()
    session = imap(mail, w, literal_plus=False)
    try:
        with pytest.raises(CredentialNotSendable, match="no credentials were sent"):
            session.password_login(mechanism, f"{UNICODE_USER}\r\nA1 LOGOUT", UNICODE_PASSWORD)
        assert session.state == "NONAUTH"
    finally:
        session.close_quietly()
    sent = [line for line in lines_of(w) if line.startswith("> ")]
    assert not [line for line in sent if re.search(r"LOGIN|AUTHENTICATE", line)], sent


@pytest.mark.parametrize("mechanism", ["USER", "PLAIN"])
def test_pop_signs_in_with_a_utf8_password(mail: MailLab, mechanism: str) -> None:
    w = wire()
    session = PopConnection(tls_socket(mail, 995), w, MAILBOX_HOST, 995)
    try:
        session.password_login(mechanism, UNICODE_USER, UNICODE_PASSWORD)
        assert session.stat()[0] == 1
    finally:
        session.close_quietly()
    assert_plain("\n".join(lines_of(w)), UNICODE_PASSWORD)


@pytest.mark.parametrize(
    ("user", "password"),
    [
        (f"{UNICODE_USER}\r\nDELE 1", UNICODE_PASSWORD),
        (UNICODE_USER, "Pässwörd\r\nDELE 1"),  # a PASS line cannot carry a line break
        (UNICODE_USER, "P\udce4ss-Canary-0b0b"),  # not Unicode text (a Latin-1 terminal)
    ],
    ids=["user-crlf", "password-crlf", "password-surrogate"],
)
def test_pop_refuses_what_a_line_cannot_carry_before_sending_anything(
    mail: MailLab, user: str, password: str
) -> None:
    w = wire()
    session = PopConnection(tls_socket(mail, 995), w, MAILBOX_HOST, 995)
    try:
        with pytest.raises(CredentialNotSendable) as refused:
            session.password_login("USER", user, password)
    finally:
        session.close_quietly()
    lines = lines_of(w)
    assert not [line for line in lines if re.match(r"> (USER|PASS|DELE)", line)], lines
    assert not LIBRARY_WORDS.search(str(refused.value))


# -- the command line and every report ------------------------------------------------------


def cli(mail: MailLab, password: str, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, PASSWORD_VARIABLE: password}
    exports: Sequence[str] = (
        *("--json", str(folder / "r.json"), "--html", str(folder / "r.html")),
        *("--pdf", str(folder / "r.pdf"), "--bundle", str(folder / "b.zip")),
    )
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            UNICODE_USER,
            "--checks",
            "imap.login,pop.login,smtp.auth",
            "--password-env",
            PASSWORD_VARIABLE,
            "--timeout",
            str(SLOW_NO),
            *exports,
            *mail.cli_flags(),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("password", "code", "words"),
    [(UNICODE_PASSWORD, 0, "signed in to"), (WRONG, 1, "not accepted")],
    ids=["right", "wrong"],
)
def test_no_report_holds_the_password_or_an_encoding_error(
    mail: MailLab, tmp_path: Path, password: str, code: int, words: str
) -> None:
    result = cli(mail, password, tmp_path)
    assert result.returncode == code, result.stdout + result.stderr
    assert words in result.stdout
    texts = artifacts(tmp_path) | {"stdout": result.stdout, "stderr": result.stderr}
    for name, text in texts.items():
        if name == "report.pdf (bytes)":
            continue  # compressed streams; its text is checked
        try:
            assert_plain(text, password)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from None
    report = json.loads(texts["report.json"])
    assert {s["id"] for s in report["steps"]} >= set(TOP.values())


def test_xoauth2_refuses_a_line_break_in_the_user_name_before_sending(lab: Lab) -> None:
    token = lab.identity.mint_user_token()
    injected = f"{MAILBOX}\r\nZZ9 DELE 1"
    before = len(lab.mail.submission.auth_attempts)
    result = oauth_run(
        lab, given_token(token, ["imap", "pop", "smtp"], injected), ["imap", "pop", "smtp"]
    )
    for protocol in ("imap", "pop", "smtp"):
        step = result.step(f"{TOP[protocol]}.xoauth2")
        assert step.status is Status.FAIL, step.summary
        assert "contains a control character" in step.summary
        assert "no credentials were sent" in step.summary
    assert len(lab.mail.submission.auth_attempts) == before
