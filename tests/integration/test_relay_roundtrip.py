"""relay.roundtrip against the lab's real Dovecot, through the engine (Runner).

The send checks' results are fed as data: a Check that returns the Step a send check
would, carrying the SendRecord (that is the contract between them, not a network mock).
The messages get into the mailbox as delivered mail would: APPENDed a second after the
round trip started (so IDLE sees them arrive), into INBOX or Junk, or relayed by the
lab's real delivery path (Postfix, then Dovecot's LMTP) with their own Received headers.
"""

from __future__ import annotations

import email.utils
import imaplib
import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Sequence

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import SendRecord
from assistant.checks.relay.message import TAG_HEADER, build_message
from assistant.checks.relay.roundtrip import ROUNDTRIP_CHECK, SIGN_IN
from assistant.checks.relay.roundtrip_report import TIMELINE_KIND
from assistant.config import Target
from assistant.lab.dovecot import JUNK_FOLDER, LMTP_HOSTNAME, TLS_ADDRESS
from assistant.lab.exchange.directory import LAB_PASSWORD
from assistant.lab.mail import PLANTED_PASSWORD
from assistant.lab.tenant import Lab
from assistant.model import Evidence, Status, Step
from assistant.relay_plan import MailboxLogin, RelayMethod, RelayPlan
from assistant.runner import Runner
from assistant.settings_names import cli_flags

pytestmark = pytest.mark.lab

MAILBOX = "admin@contoso.test"
SENDER = "scanner@contoso.test"
WAIT = 2.0  # --roundtrip-wait for the messages that never come


def plan(wait: float = 8.0, *, delete_after: bool = False, login: bool = True) -> RelayPlan:
    return RelayPlan(
        send_to=MAILBOX,
        sender=SENDER,
        roundtrip=MailboxLogin(MAILBOX, LAB_PASSWORD) if login else None,
        roundtrip_wait=wait,
        delete_after=delete_after,
    )


def sent(relay: RelayPlan, method: RelayMethod, *, accepted: bool = True) -> SendRecord:
    message = build_message(relay, method, SENDER)
    return SendRecord(
        method=method.value,
        tag=message.tag,
        sender=SENDER,
        recipient=MAILBOX,
        host="contoso-test.r-v1.mx.microsoft",
        port=25,
        sent_at=time.time(),
        accepted=accepted,
        reply="250 2.6.0 Queued mail for delivery" if accepted else "550 5.7.64 TenantAttribution",
        message_id=message.message_id,
    )


def send_check(*records: SendRecord) -> Check:
    """What relay.direct_send hands on: a Step with the SendRecord as evidence."""

    def run(_: Context) -> Step:
        return Step(
            ids.DIRECT_SEND,
            ids.TITLES[ids.DIRECT_SEND],
            Status.PASS if all(r.accepted for r in records) else Status.FAIL,
            evidence=[r.to_evidence() for r in records],
        )

    return Check(ids.DIRECT_SEND, ids.TITLES[ids.DIRECT_SEND], run)


def delivered(relay: RelayPlan, method: RelayMethod, *, junk: bool = False) -> bytes:
    """The test message as Exchange Online delivers it: its Received chain and verdicts."""
    message = build_message(relay, method, SENDER)
    now = time.time()
    date = email.utils.formatdate
    verdict = (
        "spf=fail (sender IP is 127.0.0.1) smtp.mailfrom=contoso.test; dkim=none (message not "
        "signed) header.d=none;dmarc=fail action=quarantine header.from=contoso.test;"
        "compauth=fail reason=000"
        if junk
        else "spf=pass (sender IP is 127.0.0.1) smtp.mailfrom=contoso.test; dkim=none "
        "(message not signed) header.d=none;dmarc=bestguesspass action=none "
        "header.from=contoso.test;compauth=pass reason=109"
    )
    top = [
        f"Received: from BN8PR12MB3345.namprd12.prod.outlook.com (2603:10b6:408:40::18) by\r\n"
        f" SA1PR12MB8920.namprd12.prod.outlook.com with HTTPS; {date(now)}",
        # The EOP front end's clock is 2 s behind the mailbox server's: skew, not a delay.
        f"Received: from printer.contoso.test (127.0.0.1) by\r\n"
        f" BN1PEPF0000468A.mail.protection.outlook.com (10.167.243.135) with Microsoft SMTP\r\n"
        f" Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id\r\n"
        f" 15.20.7159.9 via Frontend Transport; {date(now + 2)}",
        f"Authentication-Results: {verdict}",
    ]
    if junk:
        top.append(
            "X-Forefront-Antispam-Report: CIP:127.0.0.1;CTRY:;LANG:en;SCL:5;SRV:;IPV:NLI;"
            "SFV:SPM;H:printer.contoso.test;PTR:;CAT:SPOOF;SFS:;DIR:INB;"
        )
    top.append("X-MS-Exchange-Organization-AuthAs: Anonymous")
    return ("\r\n".join(top) + "\r\n").encode() + message.data


@pytest.fixture()
def mailbox(lab: Lab) -> Iterator[imaplib.IMAP4_SSL]:
    """The lab mailbox as its owner's mail client sees it (the test's own IMAP, not the
    code under test); test messages are removed before and after (nothing else)."""
    context = ssl.create_default_context(cafile=str(lab.pki.ca_pem_path))
    context.check_hostname = False
    client = imaplib.IMAP4_SSL(TLS_ADDRESS, lab.mail.dovecot.ports.imaps, ssl_context=context)
    client.login(MAILBOX, LAB_PASSWORD)
    client.create(JUNK_FOLDER)  # exists already where the lab auto-creates it
    _empty(client)
    yield client
    _empty(client)
    client.logout()


def _empty(client: imaplib.IMAP4_SSL) -> None:
    for folder in ("INBOX", JUNK_FOLDER):
        client.select(folder)
        found = client.search(None, "HEADER", TAG_HEADER, "CA-")[1][0]
        if found:
            client.store(found.replace(b" ", b","), "+FLAGS", "\\Deleted")
            client.expunge()


def later(seconds: float, action: Callable[[], object]) -> threading.Timer:
    timer = threading.Timer(seconds, action)
    timer.start()
    return timer


def run(
    lab: Lab,
    relay: RelayPlan,
    records: Sequence[SendRecord],
    runner_out: list[Runner] | None = None,
) -> dict[str, Step]:
    options = lab.network_options(timeout=2.0, check_deadline=10.0)
    runner = Runner(
        Target.parse(MAILBOX),
        options,
        credentials=PasswordCredential(MAILBOX, PLANTED_PASSWORD),
        relay=relay,
    )
    if runner_out is not None:
        runner_out.append(runner)
    steps = runner.run([send_check(*records), ROUNDTRIP_CHECK])
    blob = json.dumps([s.to_dict() for s in steps], ensure_ascii=False)
    assert LAB_PASSWORD not in blob and PLANTED_PASSWORD not in blob
    return {s.id: s for s in steps}


def child(step: Step, step_id: str) -> Step:
    return next(c for c in step.children if c.id == step_id)


def timeline(step: Step) -> dict[str, object]:
    found: list[Evidence] = [e for e in step.evidence if e.kind == TIMELINE_KIND]
    assert len(found) == 1
    data = found[0].data
    assert isinstance(data, dict)
    return data


def test_a_message_arriving_during_idle_passes_with_latency_hops_and_verdicts(
    lab: Lab, mailbox: imaplib.IMAP4_SSL
) -> None:
    relay = plan(delete_after=True)
    record = sent(relay, RelayMethod.DIRECT)
    data = delivered(relay, RelayMethod.DIRECT)
    timer = later(1.0, lambda: mailbox.append("INBOX", "", None, data))
    steps = run(lab, relay, [record])
    timer.join()
    top = steps[ids.ROUNDTRIP]
    assert top.status is Status.PASS, top.summary
    assert child(top, SIGN_IN).status is Status.PASS
    message = child(top, "relay.roundtrip.direct")
    assert message.status is Status.PASS
    assert "delivered to INBOX" in message.summary
    assert "spf=pass" in message.summary and "compauth=pass" in message.summary
    line = timeline(message)
    assert line["folder"] == "INBOX"
    assert line["tag"] == record.tag and line["sent_at"] == record.sent_at
    assert isinstance(line["latency_s"], float) and line["latency_s"] >= 0
    hops = line["hops"]
    assert isinstance(hops, list) and len(hops) == 2
    assert hops[0]["from"] == "printer.contoso.test [127.0.0.1]"
    assert hops[0]["by"] == "BN1PEPF0000468A.mail.protection.outlook.com"
    assert hops[1]["with"] == "HTTPS"
    assert (hops[1]["delay_s"], hops[1]["skew"]) == (0.0, True)  # the clocks' 2 s, as skew
    assert "Clock skew" in message.details
    assert all(h["delay_s"] is None or h["delay_s"] >= 0 for h in hops)
    tables = {e.label: e.data for e in message.evidence if e.kind == "table"}
    auth = tables["Authentication results"]
    assert isinstance(auth, list)
    assert {r["method"]: r["result"] for r in auth}["compauth"] == "pass"
    # The transcript shows SEARCH and IDLE; delete_after removed the message.
    lines = [
        line
        for e in top.evidence
        if e.kind == "transcript"
        for line in json.dumps(e.data).split("\\n")
    ]
    said = " ".join(lines)
    assert "IDLE" in said and "SEARCH" in said and "EXPUNGE" in said
    mailbox.select("INBOX")
    assert mailbox.search(None, "HEADER", TAG_HEADER, record.tag)[1] == [b""]


def test_a_message_in_junk_warns_with_the_reason(lab: Lab, mailbox: imaplib.IMAP4_SSL) -> None:
    relay = plan()
    record = sent(relay, RelayMethod.DIRECT)
    mailbox.append(JUNK_FOLDER, "", None, delivered(relay, RelayMethod.DIRECT, junk=True))
    steps = run(lab, relay, [record])
    message = child(steps[ids.ROUNDTRIP], "relay.roundtrip.direct")
    assert message.status is Status.WARN
    assert "Junk" in message.summary
    assert "compauth=fail reason=000" in message.summary
    assert "SPF fail (sender IP is 127.0.0.1)" in message.summary
    assert "SFV:SPM" in message.summary
    assert message.remedy is not None and "SPF" in message.remedy.text
    assert timeline(message)["folder"] == JUNK_FOLDER
    mailbox.select(JUNK_FOLDER)  # not asked to delete: still there
    assert mailbox.search(None, "HEADER", TAG_HEADER, record.tag)[1] != [b""]


def test_a_message_that_never_arrives_fails_within_the_wait_with_the_message_trace(
    lab: Lab, mailbox: imaplib.IMAP4_SSL
) -> None:
    relay = plan(wait=WAIT)
    record = sent(relay, RelayMethod.CONNECTOR)
    started = time.monotonic()
    steps = run(lab, relay, [record])
    assert time.monotonic() - started < WAIT + 8  # the wait, then no hang
    top = steps[ids.ROUNDTRIP]
    message = child(top, "relay.roundtrip.connector")
    assert top.status is Status.FAIL and message.status is Status.FAIL
    assert "not in the mailbox" in message.summary
    assert message.remedy is not None
    assert "Message trace" in message.remedy.text
    assert f'Get-MessageTraceV2 -MessageId "{record.message_id}"' in message.remedy.text
    line = timeline(message)
    assert line["folder"] is None and line["latency_s"] is None


def test_cancel_during_idle_stops_the_check(lab: Lab, mailbox: imaplib.IMAP4_SSL) -> None:
    relay = plan(wait=60.0)
    record = sent(relay, RelayMethod.DIRECT)
    runners: list[Runner] = []
    result: list[dict[str, Step]] = []
    worker = threading.Thread(target=lambda: result.append(run(lab, relay, [record], runners)))
    worker.start()
    time.sleep(1.5)  # signed in and idling by now (the lab answers in milliseconds)
    runners[0].cancel()
    worker.join(10)
    assert not worker.is_alive()
    assert result[0][ids.ROUNDTRIP].status is Status.CANCELLED


def test_nothing_accepted_or_nobody_to_sign_in_is_a_skip_with_the_reason(
    lab: Lab, mailbox: imaplib.IMAP4_SSL
) -> None:
    relay = plan()
    refused = run(lab, relay, [sent(relay, RelayMethod.DIRECT, accepted=False)])[ids.ROUNDTRIP]
    assert refused.status is Status.SKIP and "1 refused" in refused.summary
    nobody = plan(login=False)
    other = RelayPlan(send_to="user@contoso.test", sender=SENDER, roundtrip_wait=WAIT)
    skipped = run(lab, other, [sent(other, RelayMethod.DIRECT)])[ids.ROUNDTRIP]
    assert skipped.status is Status.SKIP and "--roundtrip-user" in cli_flags(skipped.summary)
    # The recipient is the run's own mailbox: its credentials read it (here the planted,
    # wrong password: the sign-in fails and says so, and the password is in no report).
    own = run(lab, nobody, [sent(nobody, RelayMethod.DIRECT)])[ids.ROUNDTRIP]
    assert child(own, SIGN_IN).status is Status.FAIL


def test_a_message_relayed_by_postfix_into_dovecot_shows_their_received_hops(
    lab: Lab, mailbox: imaplib.IMAP4_SSL
) -> None:
    """The lab's real delivery path (lab.mail.delivery: Postfix, then Dovecot's LMTP;
    Dovecot's LMTP alone where Postfix cannot run): the hops are what they wrote."""
    relay = plan()
    record = sent(relay, RelayMethod.SUBMISSION)
    data = build_message(relay, RelayMethod.SUBMISSION, SENDER).data
    timer = later(1.0, lambda: lab.mail.delivery.deliver(SENDER, [MAILBOX], data))
    steps = run(lab, relay, [record])
    timer.join()
    message = child(steps[ids.ROUNDTRIP], "relay.roundtrip.submission")
    assert message.status is Status.PASS, message.summary
    assert "no Authentication-Results header" in message.summary
    hops = timeline(message)["hops"]
    assert isinstance(hops, list)
    dovecot = hops[-1]
    assert (dovecot["by"], dovecot["with"]) == (LMTP_HOSTNAME, "LMTP")
    if lab.mail.delivery.via == "postfix":
        assert len(hops) == 2
        postfix = hops[0]
        assert postfix["by"] == dovecot["from"].split(" ")[0]  # Postfix handed it to Dovecot
        assert postfix["with"].startswith("ESMTP")
        assert "127.0.0.1" in postfix["from"]
    else:
        assert len(hops) == 1
    for hop in hops:
        assert isinstance(hop["at"], float)
        assert hop["delay_s"] is not None and 0 <= hop["delay_s"] <= relay.roundtrip_wait + 2
