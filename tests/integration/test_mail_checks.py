"""imap.login, pop.login and smtp.auth through the engine, against the mail lab.

Every run here is searched for the planted password (and the forms SASL would give it);
it must never be found, while the transcripts do show the conversation.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator, Sequence

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import (
    RESULT_CHECK,
    DiscoveredSettings,
    ProtocolEndpoint,
)
from assistant.checks.imap import IMAP_CHECKS
from assistant.checks.pop import POP_CHECKS
from assistant.checks.smtp import SMTP_CHECKS
from assistant.config import Target
from assistant.facts import Cloud
from assistant.lab.mail import (
    OTHER_HOST,
    PLANTED_PASSWORD,
    PLANTED_USER,
    MailFault,
    MailLab,
)
from assistant.lab.pki import LabPKI
from assistant.model import Status, Step
from assistant.net.redact import MASK, secret_forms
from assistant.runner import Runner
from assistant.settings_names import cli_flags

pytestmark = pytest.mark.lab

TARGET = Target.parse(PLANTED_USER)
CREDENTIAL = PasswordCredential(PLANTED_USER, PLANTED_PASSWORD)
ALL = IMAP_CHECKS + POP_CHECKS + SMTP_CHECKS
TIMEOUT = 0.5  # per network operation; the silent server costs this much
SIGN_IN = {"imap": "imap.login.password", "pop": "pop.login.password", "smtp": "smtp.auth.password"}
TOP = {"imap": "imap.login", "pop": "pop.login", "smtp": "smtp.auth"}
SIGN_IN_COMMAND = re.compile(r" > (\S+ )?(AUTHENTICATE|LOGIN|AUTH|USER|PASS) ")


@pytest.fixture(scope="module")
def mail() -> Iterator[MailLab]:
    with LabPKI() as pki, MailLab(pki) as lab:
        yield lab


def run(
    mail: MailLab,
    *endpoints: tuple[str, str],
    credentials: PasswordCredential | None = CREDENTIAL,
    checks: Sequence[Check] = ALL,
    target: Target = TARGET,
    consent: bool = False,
    timeout: float = TIMEOUT,
) -> dict[str, Step]:
    options = mail.network_options(endpoints=endpoints, timeout=timeout, check_deadline=8.0)
    runner = Runner(target, options, credentials=credentials, consent=lambda host, why: consent)
    steps = runner.run(checks)
    assert_no_secret(steps, credentials)
    return {s.id: s for s in steps}


def assert_no_secret(steps: Sequence[Step], credentials: PasswordCredential | None) -> None:
    # As the reports write it: a password beyond ASCII would hide behind \u escapes.
    blob = json.dumps([s.to_dict() for s in steps], ensure_ascii=False)
    secrets = {PLANTED_PASSWORD} | ({credentials.password} if credentials else set())
    for secret in secrets:
        users = [PLANTED_USER, *([credentials.username] if credentials else [])]
        for form in secret_forms(secret, users):
            assert form not in blob, "a password reached the report"


def transcript(step: Step, index: int = 0) -> list[str]:
    texts = [e.data for e in step.evidence if e.kind == "transcript"]
    assert texts, f"{step.id} has no transcript"
    return [line.split(" ms ", 1)[1] for line in texts[index]]


def child(step: Step, step_id: str) -> Step:
    found = step.find(step_id)
    assert found is not None, f"{step_id} missing under {step.id}"
    return found


# -- healthy ------------------------------------------------------------------------------


def test_cloud_defaults_sign_in_everywhere(mail: MailLab) -> None:
    steps = run(mail)
    for top in TOP.values():
        step = steps[top]
        assert step.status is Status.PASS, (top, step.summary)
        assert "from cloud defaults" in step.details
        assert all(c.status is Status.PASS for c in step.children), step.to_dict()
    assert "outlook.office365.com:993 (implicit TLS)" in steps["imap.login"].summary
    assert "INBOX opened: 1 message" in steps["imap.login"].summary
    assert "1 message" in child(steps["pop.login"], "pop.stat").summary
    assert "smtp.office365.com:587 (STARTTLS)" in steps["smtp.auth"].summary
    assert [c.id for c in steps["imap.login"].children] == [
        "imap.connect",
        "imap.tls",
        "imap.capabilities",
        "imap.login.password",
        "imap.inbox",
    ]
    assert [c.id for c in steps["pop.login"].children] == [
        "pop.connect",
        "pop.tls",
        "pop.login.password",
        "pop.stat",
    ]
    tls = child(steps["imap.login"], "imap.tls")
    evidence = next(e.data for e in tls.evidence if e.kind == "tls")
    assert evidence["verified"] and evidence["protocol"] in ("TLSv1.3", "TLSv1.2")
    assert evidence["chain"][0]["sans"]


@pytest.mark.parametrize(
    ("endpoints", "how"),
    [
        (
            (("imap", "outlook.office365.com:143"), ("pop", "outlook.office365.com:110")),
            "STARTTLS",
        ),
        ((("smtp", "smtp.office365.com:465"),), "implicit TLS"),
    ],
)
def test_both_kinds_of_tls_sign_in(
    mail: MailLab, endpoints: tuple[tuple[str, str], ...], how: str
) -> None:
    protocols = {p for p, _ in endpoints}
    checks = [c for c in ALL if c.area in protocols and c.id in TOP.values()]
    steps = run(mail, *endpoints, checks=checks)
    for protocol in protocols:
        step = steps[TOP[protocol]]
        assert step.status is Status.PASS, step.summary
        assert how in step.summary
        assert f"--{protocol}" in step.details


def test_transcripts_show_the_conversation_but_never_the_password(mail: MailLab) -> None:
    steps = run(
        mail,
        ("imap", "outlook.office365.com:143"),
        ("pop", "outlook.office365.com:995"),
        ("smtp", "smtp.office365.com:465"),  # AUTH LOGIN: the password is its own line
    )
    imap = transcript(steps["imap.login"])
    assert any("The Microsoft Exchange IMAP4 service is ready" in line for line in imap)
    assert any(re.match(r"< \* CAPABILITY .*STARTTLS", line) for line in imap)
    assert any(line.endswith("AUTHENTICATE PLAIN") for line in imap)
    assert f"> {MASK}" in imap
    pop = transcript(steps["pop.login"])
    assert f"> USER {PLANTED_USER}" in pop and f"> PASS {MASK}" in pop
    assert "< +OK 1 232" in pop or any(line.startswith("< +OK 1 ") for line in pop)
    smtp = transcript(steps["smtp.auth"])
    assert any("Microsoft ESMTP MAIL Service ready" in line for line in smtp)
    assert any(line.startswith("< 250-AUTH LOGIN") for line in smtp)
    assert f"> AUTH LOGIN {MASK}" in smtp and f"> {MASK}" in smtp
    # Timestamped, one transcript per connection.
    raw = next(e.data for e in steps["smtp.auth"].evidence if e.kind == "transcript")
    assert all(re.match(r"^\s*\d+ ms [<>*] ", line) for line in raw)


def test_logindisabled_before_tls_and_no_password_in_clear(mail: MailLab) -> None:
    steps = run(mail, ("imap", "outlook.office365.com:143"), checks=IMAP_CHECKS)
    imap = steps["imap.login"]
    assert imap.status is Status.PASS, imap.summary
    capabilities = child(imap, "imap.capabilities")
    assert "before TLS: LOGINDISABLED" in capabilities.summary
    lines = transcript(imap)
    greeting = next(line for line in lines if line.startswith("< * OK"))
    assert "LOGINDISABLED" in greeting and "STARTTLS" in greeting
    tls_at = next(i for i, line in enumerate(lines) if line.startswith("* TLS: "))
    sign_in_at = next(i for i, line in enumerate(lines) if re.search(r"AUTHENTICATE|LOGIN ", line))
    assert lines[tls_at - 1].endswith("OK Begin TLS negotiation now.")
    assert sign_in_at > tls_at, "a sign-in command went out before TLS"


# -- faults ---------------------------------------------------------------------------------

FAULTS = [
    # (protocol, endpoint, failing child, words in its summary)
    ("imap", "expired.mail.test:993", "imap.tls", "has expired"),
    ("imap", "wrong-name.mail.test:143", "imap.tls", "certificate is for wrong.example.net"),
    ("imap", "tls10.mail.test:993", "imap.tls", "only offers TLS 1.0"),
    ("imap", "no-starttls.mail.test:143", "imap.tls", "does not offer STARTTLS"),
    ("imap", "silent.mail.test:993", "imap.tls", "no TLS answer"),
    ("imap", "silent.mail.test:143", "imap.connect", "no greeting"),
    ("imap", "cut-off.mail.test:993", "imap.tls", "in the middle of a reply"),
    ("imap", "cut-off.mail.test:143", "imap.connect", "in the middle of a reply"),
    ("pop", "expired.mail.test:110", "pop.tls", "has expired"),
    ("pop", "wrong-name.mail.test:995", "pop.tls", "certificate is for wrong.example.net"),
    ("pop", "tls10.mail.test:995", "pop.tls", "only offers TLS 1.0"),
    ("pop", "no-starttls.mail.test:110", "pop.tls", "does not offer STARTTLS"),
    ("pop", "silent.mail.test:110", "pop.connect", "no greeting"),
    ("pop", "cut-off.mail.test:995", "pop.tls", "in the middle of a reply"),
    ("smtp", "expired.mail.test:465", "smtp.tls", "has expired"),
    ("smtp", "wrong-name.mail.test:587", "smtp.tls", "certificate is for wrong.example.net"),
    ("smtp", "tls10.mail.test:587", "smtp.tls", "only offers TLS 1.0"),
    ("smtp", "tls10.mail.test:465", "smtp.tls", "only offers TLS 1.0"),
    ("smtp", "no-starttls.mail.test:587", "smtp.tls", "does not offer STARTTLS"),
    ("smtp", "no-auth.mail.test:587", "smtp.auth.password", "offers no AUTH"),
    ("smtp", "auth-disabled.mail.test:587", "smtp.auth.password", "535 5.7.139"),
    ("smtp", "silent.mail.test:587", "smtp.connect", "no greeting"),
    ("smtp", "silent.mail.test:465", "smtp.tls", "no TLS answer"),
    ("smtp", "cut-off.mail.test:587", "smtp.connect", "in the middle of a reply"),
    ("smtp", "cut-off.mail.test:465", "smtp.tls", "in the middle of a reply"),
]


@pytest.mark.parametrize(
    ("protocol", "endpoint", "failing", "words"), FAULTS, ids=[f"{f[0]}-{f[1]}" for f in FAULTS]
)
def test_each_fault_fails_with_its_cause_within_the_deadline(
    mail: MailLab, protocol: str, endpoint: str, failing: str, words: str
) -> None:
    checks = [c for c in ALL if c.id == TOP[protocol]]
    before = len(mail.submission.auth_attempts)
    started = time.monotonic()
    steps = run(mail, (protocol, endpoint), checks=checks)
    elapsed = time.monotonic() - started
    top = steps[TOP[protocol]]
    assert top.status is Status.FAIL, top.summary
    bad = child(top, failing)
    assert bad.status is Status.FAIL, bad.summary
    assert words in bad.summary and words in top.summary
    assert top.remedy is not None and top.remedy.text
    # Later steps are skipped with the reason; the whole check stays within a few timeouts.
    later = top.children[[c.id for c in top.children].index(failing) + 1 :]
    assert all(c.status is Status.SKIP and c.summary.startswith("not tried") for c in later)
    assert elapsed < 4 * TIMEOUT + 1.0, f"took {elapsed:.1f} s"
    if failing != "smtp.auth.password":
        assert len(mail.submission.auth_attempts) == before, "a password went to a broken server"
        for evidence in top.evidence:
            assert not [line for line in evidence.data if SIGN_IN_COMMAND.search(line)]


def test_a_rejected_certificate_is_shown_from_a_second_connection(mail: MailLab) -> None:
    steps = run(mail, ("smtp", "expired.mail.test:587"), checks=SMTP_CHECKS[:1])
    smtp = steps["smtp.auth"]
    tls = child(smtp, "smtp.tls")
    evidence = next(e.data for e in tls.evidence if e.kind == "tls")
    assert evidence["verified"] is False and evidence["chain"][0]["days_left"] < 0
    labels = [e.label for e in smtp.evidence if e.kind == "transcript"]
    assert labels == [
        "SMTP expired.mail.test:587",
        "SMTP expired.mail.test:587 (second connection, for the certificate only)",
    ]
    assert "certificate has expired" in tls.details


@pytest.mark.parametrize(
    ("host", "words"),
    [
        (MailFault.AUTH_DISABLED.host, ["SMTP AUTH", "Set-TransportConfig"]),
        (MailFault.SECURITY_DEFAULTS.host, ["Security Defaults", "OAuth"]),
    ],
)
def test_535_5_7_139_names_smtp_auth_or_security_defaults(
    mail: MailLab, host: str, words: list[str]
) -> None:
    steps = run(mail, ("smtp", f"{host}:587"), checks=SMTP_CHECKS)
    smtp = steps["smtp.auth"]
    assert smtp.status is Status.FAIL
    assert "5.7.139" in smtp.summary
    assert smtp.remedy is not None
    for word in words:
        assert word in smtp.remedy.text
    assert steps["smtp.deprecation"].status is Status.INFO  # the password did not work
    attempt = mail.submission.auth_attempts[-1]
    assert attempt.user == PLANTED_USER and attempt.over_tls and not attempt.accepted


# -- credentials ------------------------------------------------------------------------------


def test_without_credentials_the_sign_in_is_skipped_but_the_rest_runs(mail: MailLab) -> None:
    before = len(mail.submission.auth_attempts)
    steps = run(mail, ("imap", "outlook.office365.com:143"), credentials=None)
    for protocol, top in TOP.items():
        step = steps[top]
        assert step.status is Status.SKIP, step.summary
        assert "no credentials for this run" in step.summary
        assert child(step, f"{protocol}.connect").status is Status.PASS
        assert child(step, f"{protocol}.tls").status is Status.PASS
        assert child(step, SIGN_IN[protocol]).status is Status.SKIP
    assert child(steps["imap.login"], "imap.capabilities").status is Status.PASS
    assert child(steps["imap.login"], "imap.inbox").status is Status.SKIP
    assert "AUTH LOGIN PLAIN" in child(steps["smtp.auth"], SIGN_IN["smtp"]).summary
    assert len(mail.submission.auth_attempts) == before


def test_a_wrong_password_fails_with_a_remedy(mail: MailLab) -> None:
    wrong = PasswordCredential(PLANTED_USER, "Wrong-Canary-51d0c2!")
    # Dovecot answers a failed sign-in on its 500 ms failure tick: give it time.
    steps = run(mail, ("smtp", "smtp.office365.com:465"), credentials=wrong, timeout=2.0)
    for protocol, top in TOP.items():
        sign_in = child(steps[top], SIGN_IN[protocol])
        assert sign_in.status is Status.FAIL, sign_in.summary
        assert "not accepted" in sign_in.summary
        assert sign_in.remedy is not None and "password" in sign_in.remedy.text
    assert "535 5.7.3" in child(steps["smtp.auth"], SIGN_IN["smtp"]).summary
    assert "AUTHENTICATIONFAILED" in child(steps["imap.login"], SIGN_IN["imap"]).summary
    assert child(steps["imap.login"], "imap.inbox").summary == "not tried: not signed in"


def _autodiscover_says(host: str) -> Check:
    settings = DiscoveredSettings(
        source=RESULT_CHECK,
        email=PLANTED_USER,
        imap=ProtocolEndpoint(host, 993, "ssl"),
        pop=ProtocolEndpoint(host, 110, "tls"),
        smtp=ProtocolEndpoint(host, 587, "tls"),
    )

    def result(ctx: Context) -> Step:
        return Step(RESULT_CHECK, "settings", Status.PASS, evidence=[settings.to_evidence()])

    return Check(RESULT_CHECK, "Autodiscover result (test double)", result)


@pytest.mark.parametrize("consent", [False, True])
def test_a_discovered_host_outside_the_domain_needs_consent(mail: MailLab, consent: bool) -> None:
    before = len(mail.submission.auth_attempts)
    steps = run(mail, checks=(_autodiscover_says(OTHER_HOST), *ALL), consent=consent)
    for protocol, top in TOP.items():
        step = steps[top]
        assert OTHER_HOST in step.details and RESULT_CHECK in step.details
        sign_in = child(step, SIGN_IN[protocol])
        if consent:
            assert sign_in.status is Status.PASS, sign_in.summary
        else:
            assert step.status is Status.SKIP
            assert sign_in.status is Status.SKIP
            assert "outside contoso.test" in sign_in.summary
            assert "--trust-host" in cli_flags(sign_in.remedy.text if sign_in.remedy else "")
    assert len(mail.submission.auth_attempts) == before + (1 if consent else 0)


def test_on_premises_without_autodiscover_has_nothing_to_test(mail: MailLab) -> None:
    target = Target.parse(PLANTED_USER, Cloud.ONPREM)
    steps = run(mail, target=target)
    for top in TOP.values():
        assert steps[top].status is Status.SKIP
        assert "name one with --" in steps[top].summary
    assert steps["smtp.deprecation"].status is Status.SKIP


def test_deprecation_warns_while_a_password_still_works(mail: MailLab) -> None:
    steps = run(mail, checks=SMTP_CHECKS)
    note = steps["smtp.deprecation"]
    assert note.status is Status.WARN
    assert "2026-12-31" in note.summary and "OAuth" in note.summary


# -- deadlines and cancel ------------------------------------------------------------------------


def test_cancel_stops_a_check_waiting_on_a_silent_server(mail: MailLab) -> None:
    options = mail.network_options(
        endpoints=(("smtp", "silent.mail.test:587"),), timeout=30, check_deadline=60
    )
    runner = Runner(TARGET, options, credentials=CREDENTIAL)
    result: list[Step] = []
    worker = threading.Thread(target=lambda: result.extend(runner.run(SMTP_CHECKS[:1])))
    worker.start()
    time.sleep(0.3)
    started = time.monotonic()
    runner.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert time.monotonic() - started < 1.5
    assert result[0].status is Status.CANCELLED


def test_the_check_deadline_bounds_every_reply(mail: MailLab) -> None:
    options = mail.network_options(
        endpoints=(("imap", "silent.mail.test:143"),), timeout=1.0, check_deadline=1.0
    )
    started = time.monotonic()
    steps = Runner(TARGET, options, credentials=CREDENTIAL).run(IMAP_CHECKS)
    assert time.monotonic() - started < 2.0
    assert steps[0].status in (Status.FAIL, Status.ERROR)


# -- the dated notices for POP and IMAP (imap.deprecation, pop.deprecation) ----------------


def test_imap_and_pop_give_the_legacy_tls_dates_beside_their_sign_in(mail: MailLab) -> None:
    steps = run(mail, checks=IMAP_CHECKS + POP_CHECKS)
    for protocol, legacy in (
        ("imap", "imap-legacy.office365.com"),
        ("pop", "pop-legacy.office365.com"),
    ):
        note = steps[f"{protocol}.deprecation"]
        assert note.status is Status.INFO, note.summary  # the server in use is not the legacy one
        assert "2026-12-31" in note.summary and legacy in note.summary
        assert note.remedy is not None and legacy in note.remedy.text
        assert "OAuth" in note.details
        assert steps[TOP[protocol]].status is Status.PASS  # the sign-in beside it is untouched


def test_the_legacy_tls_endpoint_in_use_is_a_warning(mail: MailLab) -> None:
    # Named with --imap/--pop: the notice reads the server the checks use (the lab does
    # not serve these names; the sign-in fails, the notice does not depend on it).
    steps = run(
        mail,
        ("imap", "imap-legacy.office365.com:993"),
        ("pop", "POP-Legacy.office365.com.:995"),
        checks=IMAP_CHECKS + POP_CHECKS,
        timeout=0.2,
    )
    for protocol in ("imap", "pop"):
        note = steps[f"{protocol}.deprecation"]
        assert note.status is Status.WARN, note.summary
        assert note.summary.startswith(f"{protocol}-legacy.office365.com is the endpoint")


def test_on_premises_has_no_pop_or_imap_dates(mail: MailLab) -> None:
    steps = run(
        mail, target=Target.parse(PLANTED_USER, Cloud.ONPREM), checks=IMAP_CHECKS + POP_CHECKS
    )
    assert steps["imap.deprecation"].status is Status.SKIP
    assert steps["pop.deprecation"].status is Status.SKIP
