"""relay.port25 and the relay send checks through the engine (Runner with a RelayPlan),
against the whole lab: its EOP-like MX per relay scenario, the submission server and
High Volume Email. What the lab's listeners accepted is read back, so "accepted" here
means the lab really received exactly the message and the recipient typed.

Every run's report is searched for the lab password and the HVE canary.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator, Sequence

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import public_ip_in, sends_in
from assistant.checks.relay.message import TAG_HEADER
from assistant.checks.relay.mx_send import CONNECTOR_CHECK, DIRECT_SEND_CHECK
from assistant.checks.relay.port25 import PORT25_CHECK
from assistant.checks.relay.submission import CLIENT_SUBMISSION_CHECK, HVE_CHECK
from assistant.config import Target
from assistant.facts import Cloud
from assistant.lab.delivery import EXTERNAL_MAILBOX
from assistant.lab.exchange.directory import LAB_PASSWORD
from assistant.lab.mail import MailFault
from assistant.lab.relay_scenarios import HVE_ACCOUNT, HVE_PASSWORD
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.net.redact import secret_forms
from assistant.relay_plan import HveAccount, RelayMethod, RelayPlan
from assistant.runner import Runner
from assistant.settings_names import cli_flags

pytestmark = pytest.mark.lab

SENDER = "admin@contoso.test"
INTERNAL = "user@contoso.test"
MX_CHECKS = (PORT25_CHECK, DIRECT_SEND_CHECK, CONNECTOR_CHECK)
ALL = (*MX_CHECKS, CLIENT_SUBMISSION_CHECK, HVE_CHECK)
TIMEOUT = 0.5  # per network operation: the silent MX costs this much


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with Lab() as started:
        yield started


def run(
    lab: Lab,
    relay: RelayPlan | None,
    checks: Sequence[Check] = ALL,
    *,
    email: str = SENDER,
    password: str | None = LAB_PASSWORD,
    endpoints: tuple[tuple[str, str], ...] = (),
) -> dict[str, Step]:
    options = dataclasses.replace(
        lab.network_options(timeout=TIMEOUT, check_deadline=8.0), endpoints=endpoints
    )
    credentials = PasswordCredential(email, password) if password else None
    runner = Runner(Target.parse(email), options, credentials=credentials, relay=relay)
    steps = runner.run(checks)
    blob = json.dumps([s.to_dict() for s in steps], ensure_ascii=False)
    for secret in (LAB_PASSWORD, HVE_PASSWORD):
        for form in secret_forms(secret, [email, HVE_ACCOUNT]):
            assert form not in blob, "a password reached the report"
    return {s.id: s for s in steps}


def plan(to: str | None = INTERNAL, *methods: RelayMethod, **more: object) -> RelayPlan:
    return RelayPlan(send_to=to, methods=tuple(methods), **more)  # type: ignore[arg-type]


def mx_accepted(lab: Lab, scenario: str, tag: str) -> list[tuple[str, tuple[str, ...], bytes]]:
    return [m for m in lab.eop.listeners[scenario].accepted if tag.encode() in m[2]]


def child(step: Step, suffix: str) -> Step:
    found = step.find(f"{step.id}.{suffix}")
    assert found is not None, f"{step.id}.{suffix} missing"
    return found


def total_accepted(lab: Lab) -> int:
    return sum(len(x.accepted) for x in lab.eop.listeners.values()) + len(
        lab.mail.submission.messages
    )


# -- nothing is sent without a recipient ------------------------------------------------


@pytest.mark.parametrize("relay", [None, RelayPlan(), RelayPlan(methods=(RelayMethod.DIRECT,))])
def test_without_send_to_nothing_is_sent(lab: Lab, relay: RelayPlan | None) -> None:
    before = total_accepted(lab)
    steps = run(lab, relay)
    for check_id in (ids.DIRECT_SEND, ids.CONNECTOR, ids.CLIENT_SUBMISSION, ids.HVE):
        assert steps[check_id].status is Status.SKIP, steps[check_id].to_dict()
        summary = steps[check_id].summary
        assert "the recipient for the test message" in summary and "--" not in summary
        assert "(--send-test-to)" in cli_flags(summary)
        assert not steps[check_id].children  # not even connected
    assert steps[ids.PORT25].status is Status.PASS  # port 25 sends no mail
    assert "MAIL FROM" not in json.dumps(steps[ids.PORT25].to_dict())
    assert sends_in(steps) == []
    assert total_accepted(lab) == before


def test_a_method_not_asked_for_sends_nothing(lab: Lab) -> None:
    before = len(lab.mail.submission.messages)
    steps = run(lab, plan(INTERNAL, RelayMethod.DIRECT), (PORT25_CHECK, CLIENT_SUBMISSION_CHECK))
    assert steps[ids.CLIENT_SUBMISSION].status is Status.SKIP
    assert "--relay-method" in cli_flags(steps[ids.CLIENT_SUBMISSION].summary)
    assert len(lab.mail.submission.messages) == before


# -- healthy ------------------------------------------------------------------------------


def test_port25_reads_the_public_ip_and_tls(lab: Lab) -> None:
    steps = run(lab, None, (PORT25_CHECK,))
    port25 = steps[ids.PORT25]
    assert port25.status is Status.PASS, port25.to_dict()
    assert [c.id for c in port25.children] == ["relay.port25.connect", "relay.port25.tls"]
    assert public_ip_in(steps) == "127.0.0.1"
    assert "contoso-test.r-v1.mx.microsoft" in port25.summary
    assert "TLSv1." in child(port25, "tls").summary
    assert any(e.kind == "tls" for e in child(port25, "tls").evidence)


def test_direct_send_delivers_exactly_the_typed_recipient(lab: Lab) -> None:
    relay = plan(INTERNAL, RelayMethod.DIRECT)
    steps = run(lab, relay, MX_CHECKS)
    direct = steps[ids.DIRECT_SEND]
    assert direct.status is Status.PASS, direct.to_dict()
    assert [c.id.rsplit(".", 1)[1] for c in direct.children] == ["connect", "tls", "send"]
    tag = f"{relay.tag}-direct"
    got = mx_accepted(lab, "healthy", tag)
    assert len(got) == 1
    mail_from, rcpts, data = got[0]
    assert (mail_from, rcpts) == (SENDER, (INTERNAL,))
    assert f"{TAG_HEADER}: {tag}".encode() in data
    assert f"[Connectivity Assistant test {tag}]".encode() in data
    [record] = sends_in(steps)
    assert (record.method, record.tag, record.recipient, record.accepted) == (
        "direct",
        tag,
        INTERNAL,
        True,
    )
    assert record.host == "contoso-test.r-v1.mx.microsoft" and record.port == 25
    assert abs(record.sent_at - time.time()) < 60
    assert record.reply.startswith("250")
    assert steps[ids.CONNECTOR].status is Status.SKIP  # only direct was asked for


def test_client_submission_with_the_lab_password(lab: Lab) -> None:
    relay = plan(INTERNAL, RelayMethod.SUBMISSION)
    steps = run(lab, relay, (CLIENT_SUBMISSION_CHECK,))
    step = steps[ids.CLIENT_SUBMISSION]
    assert step.status is Status.PASS, step.to_dict()
    assert [c.id.rsplit(".", 1)[1] for c in step.children] == ["connect", "tls", "auth", "send"]
    tag = f"{relay.tag}-submission"
    got = [e for e in lab.mail.submission.messages if tag.encode() in (e.original_content or b"")]
    assert len(got) == 1
    assert got[0].mail_from == SENDER and got[0].rcpt_tos == [INTERNAL]
    [record] = sends_in(steps)
    assert record.accepted and record.host == "smtp.office365.com" and record.port == 587
    texts = json.dumps([e.data for e in step.evidence if e.kind == "transcript"])
    assert "AUTH PLAIN" in texts and "rcpt to:<user@contoso.test>" in texts.lower()


def test_client_submission_without_credentials_signs_in_nowhere_and_sends_nothing(
    lab: Lab,
) -> None:
    before = len(lab.mail.submission.messages)
    steps = run(
        lab, plan(INTERNAL, RelayMethod.SUBMISSION), (CLIENT_SUBMISSION_CHECK,), password=None
    )
    step = steps[ids.CLIENT_SUBMISSION]
    assert step.status is Status.SKIP, step.to_dict()
    assert child(step, "send").status is Status.SKIP
    assert len(lab.mail.submission.messages) == before
    assert sends_in(steps) == []


def test_connector_with_the_right_certificate_relays_to_an_external_recipient(lab: Lab) -> None:
    relay = plan(EXTERNAL_MAILBOX, RelayMethod.CONNECTOR, client_cert=lab.relay_client_cert)
    steps = run(lab, relay, MX_CHECKS)
    step = steps[ids.CONNECTOR]
    assert step.status is Status.PASS, step.to_dict()
    got = mx_accepted(lab, "healthy", f"{relay.tag}-connector")
    assert len(got) == 1 and got[0][1] == (EXTERNAL_MAILBOX,)
    assert "client certificate" in step.details


def test_hve_sends_to_an_internal_recipient(lab: Lab) -> None:
    relay = plan(INTERNAL, RelayMethod.HVE, hve=HveAccount(HVE_ACCOUNT, HVE_PASSWORD))
    steps = run(lab, relay, (HVE_CHECK,))
    step = steps[ids.HVE]
    assert step.status is Status.PASS, step.to_dict()
    assert child(step, "auth").status is Status.PASS
    got = mx_accepted(lab, "hve", f"{relay.tag}-hve")
    assert len(got) == 1 and got[0][:2] == (HVE_ACCOUNT, (INTERNAL,))


# -- refused by us before sending ---------------------------------------------------------


def test_direct_send_to_an_external_recipient_is_refused_before_sending(lab: Lab) -> None:
    before = total_accepted(lab)
    steps = run(lab, plan(EXTERNAL_MAILBOX, RelayMethod.DIRECT), MX_CHECKS)
    step = steps[ids.DIRECT_SEND]
    assert step.status is Status.SKIP
    assert "only reaches the organisation's own mailboxes" in step.summary
    assert not step.children
    assert total_accepted(lab) == before


def test_hve_to_an_external_recipient_is_refused_before_sending(lab: Lab) -> None:
    before = total_accepted(lab)
    relay = plan(EXTERNAL_MAILBOX, RelayMethod.HVE, hve=HveAccount(HVE_ACCOUNT, HVE_PASSWORD))
    step = run(lab, relay, (HVE_CHECK,))[ids.HVE]
    assert step.status is Status.SKIP and "internal recipients only" in step.summary
    assert not step.children
    assert total_accepted(lab) == before


def test_hve_in_a_cloud_without_it_says_so(lab: Lab) -> None:
    relay = plan(INTERNAL, RelayMethod.HVE, hve=HveAccount(HVE_ACCOUNT, HVE_PASSWORD))
    options = lab.network_options(timeout=TIMEOUT, check_deadline=8.0)
    target = Target.parse(SENDER, Cloud.GCC_HIGH)
    [step] = Runner(target, options, relay=relay).run([HVE_CHECK])
    assert step.status is Status.SKIP and "no High Volume Email endpoint" in step.summary


def test_a_bad_client_certificate_file_is_a_clear_failure(lab: Lab, tmp_path: object) -> None:
    relay = plan(EXTERNAL_MAILBOX, RelayMethod.CONNECTOR, client_cert="/nonexistent/relay.pem")
    step = run(lab, relay, (CONNECTOR_CHECK,))[ids.CONNECTOR]
    assert step.status is Status.FAIL
    assert "cannot be used" in step.summary and "nothing was sent" in step.summary


# -- refused by the service, explained ----------------------------------------------------


def remedy_text(step: Step) -> str:
    assert step.remedy is not None
    return step.remedy.text


def refused_send(step: Step) -> Step:
    assert step.status is Status.FAIL, step.to_dict()
    send = child(step, "send")
    assert send.status is Status.FAIL
    assert step.remedy is not None and step.remedy.link
    return send


def test_connector_with_a_certificate_no_connector_knows_is_refused_5_7_64(lab: Lab) -> None:
    before = total_accepted(lab)
    relay = plan(EXTERNAL_MAILBOX, RelayMethod.CONNECTOR, client_cert=lab.relay_wrong_client_cert)
    steps = run(lab, relay, MX_CHECKS)
    send = refused_send(steps[ids.CONNECTOR])
    assert "5.7.64 TenantAttribution" in send.summary
    assert "no inbound connector of the organisation matched" in send.summary
    assert "TlsSenderCertificateName" in remedy_text(steps[ids.CONNECTOR])
    [record] = sends_in(steps)
    assert not record.accepted and "5.7.64" in record.reply
    assert total_accepted(lab) == before


def test_connector_by_source_ip(lab: Lab) -> None:
    domain = "relay-ip.test"
    relay = plan(EXTERNAL_MAILBOX, RelayMethod.CONNECTOR)
    steps = run(lab, relay, MX_CHECKS, email=f"admin@{domain}", password=None)
    assert steps[ids.CONNECTOR].status is Status.PASS, steps[ids.CONNECTOR].to_dict()
    assert "public IP address" in steps[ids.CONNECTOR].details
    assert len(mx_accepted(lab, "relay-ip", f"{relay.tag}-connector")) == 1
    denied = run(
        lab,
        plan(EXTERNAL_MAILBOX, RelayMethod.CONNECTOR),
        MX_CHECKS,
        email="admin@relay-denied.test",
        password=None,
    )
    assert "5.7.64" in refused_send(denied[ids.CONNECTOR]).summary


def test_reject_direct_send_5_7_68_is_explained(lab: Lab) -> None:
    address = "admin@relay-reject-direct.test"
    steps = run(lab, plan(address, RelayMethod.DIRECT), MX_CHECKS, email=address, password=None)
    send = refused_send(steps[ids.DIRECT_SEND])
    assert "5.7.68" in send.summary and "Reject Direct Send is on" in send.summary
    assert "RCPT TO" in send.summary
    assert "-RejectDirectSend $false" in remedy_text(steps[ids.DIRECT_SEND])


@pytest.mark.parametrize(
    ("scenario", "code", "cause"),
    [
        ("relay-wrong-region", "4.4.62", "wrong Exchange Online region"),
        ("relay-banned", "5.7.606", "banned this network's sending IP"),
        ("relay-blocked-sender", "5.7.708", "does not accept traffic from this IP"),
        ("relay-throttled", "4.7.500", "throttling"),
    ],
)
def test_service_refusals_are_explained(lab: Lab, scenario: str, code: str, cause: str) -> None:
    address = f"admin@{scenario}.test"
    steps = run(lab, plan(address, RelayMethod.DIRECT), MX_CHECKS, email=address, password=None)
    send = refused_send(steps[ids.DIRECT_SEND])
    assert code in send.summary and cause in send.summary
    assert not lab.eop.listeners[scenario].accepted


# -- the network and TLS on the way -------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "step", "words"),
    [
        ("relay-port25-closed", "connect", "blocked or black-holed"),
        ("relay-port25-silent", "connect", "blocked or black-holed"),
        ("relay-no-starttls", "tls", "does not offer STARTTLS"),
        ("relay-wrong-cert", "tls", "certificate"),
        ("relay-tls-old", "tls", "TLS 1.0"),
    ],
)
def test_port25_faults_fail_and_stop_the_mx_sends(
    lab: Lab, scenario: str, step: str, words: str
) -> None:
    address = f"admin@{scenario}.test"
    relay = plan(address, RelayMethod.DIRECT, RelayMethod.CONNECTOR)
    steps = run(lab, relay, MX_CHECKS, email=address, password=None)
    port25 = steps[ids.PORT25]
    assert port25.status is Status.FAIL, port25.to_dict()
    assert child(port25, step).status is Status.FAIL
    assert words in port25.summary
    assert port25.remedy is not None
    if step == "connect":
        assert "587" in port25.remedy.text  # SMTP AUTH needs no port 25
    if scenario == "relay-no-starttls":
        assert "rewrites the conversation" in port25.remedy.text
        assert "465" not in port25.remedy.text
    for check_id in (ids.DIRECT_SEND, ids.CONNECTOR):
        assert steps[check_id].status is Status.SKIP
        assert "relay.port25 failed" in steps[check_id].summary
    assert sends_in(steps) == []
    assert "MAIL FROM" not in json.dumps(port25.to_dict()).upper()


def test_a_direct_send_alone_meets_the_tls_fault_itself(lab: Lab) -> None:
    address = "admin@relay-no-starttls.test"
    steps = run(lab, plan(address, RelayMethod.DIRECT), (DIRECT_SEND_CHECK,), email=address)
    step = steps[ids.DIRECT_SEND]
    assert step.status is Status.FAIL
    assert child(step, "tls").status is Status.FAIL
    assert child(step, "send").status is Status.SKIP
    assert sends_in(steps) == []


def test_smtp_auth_disabled_fails_the_sign_in_and_sends_nothing(lab: Lab) -> None:
    before = len(lab.mail.submission.messages)
    endpoint = f"{MailFault.AUTH_DISABLED.host}:587"
    steps = run(
        lab,
        plan(INTERNAL, RelayMethod.SUBMISSION),
        (CLIENT_SUBMISSION_CHECK,),
        endpoints=(("smtp", endpoint),),
    )
    step = steps[ids.CLIENT_SUBMISSION]
    assert step.status is Status.FAIL, step.to_dict()
    auth = child(step, "auth")
    assert auth.status is Status.FAIL and "5.7.139" in auth.summary
    assert child(step, "send").status is Status.SKIP
    assert sends_in(steps) == []
    assert len(lab.mail.submission.messages) == before
