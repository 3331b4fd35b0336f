"""Issue 14 end to end: every relay method sends its tagged message through the lab's
Exchange Online Protection look-alike (or the submission and HVE servers), a real Postfix
relays it to Dovecot over LMTP, and relay.roundtrip finds each one by its tag and reads
the Received: chain those servers wrote. Nothing here is simulated beyond the lab itself.
"""

from __future__ import annotations

import imaplib
import json
import ssl
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.checks.relay import ids
from assistant.checks.relay.message import TAG_HEADER
from assistant.checks.relay.roundtrip_report import TIMELINE_KIND
from assistant.config import Target
from assistant.diagnosis import Diagnosis
from assistant.lab.dovecot import TLS_ADDRESS
from assistant.lab.exchange.directory import LAB_PASSWORD
from assistant.lab.relay_scenarios import HVE_ACCOUNT, HVE_PASSWORD
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.relay_plan import DeviceProfile, HveAccount, MailboxLogin, RelayMethod, RelayPlan

pytestmark = pytest.mark.lab

MAILBOX = "admin@contoso.test"


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with Lab() as running:
        yield running


def tagged_in_inbox(lab: Lab, tag: str) -> int:
    """How many messages with the run's tag the mailbox holds, as its owner's client sees."""
    context = ssl.create_default_context(cafile=str(lab.pki.ca_pem_path))
    context.check_hostname = False
    client = imaplib.IMAP4_SSL(TLS_ADDRESS, lab.mail.dovecot.ports.imaps, ssl_context=context)
    try:
        client.login(MAILBOX, LAB_PASSWORD)
        client.select("INBOX")
        _, data = client.search(None, "HEADER", TAG_HEADER, tag)
        return len(data[0].split())
    finally:
        client.logout()


def timelines(step: Step) -> dict[str, dict[str, Any]]:
    """method -> the relay-timeline evidence of relay.roundtrip's children."""
    found: dict[str, dict[str, Any]] = {}
    for child in step.children:
        for item in child.evidence:
            if item.kind == TIMELINE_KIND and isinstance(item.data, dict):
                found[str(item.data["method"])] = item.data
    return found


def test_every_method_arrives_through_postfix_and_the_round_trip_reads_its_hops(lab: Lab) -> None:
    assert lab.mail.postfix_running, lab.mail.postfix_problem  # CI runs Postfix (root)
    plan = RelayPlan(
        send_to=MAILBOX,
        client_cert=lab.relay_client_cert,
        hve=HveAccount(HVE_ACCOUNT, HVE_PASSWORD),
        roundtrip=MailboxLogin(MAILBOX, LAB_PASSWORD),
        roundtrip_wait=20,
        delete_after=True,
        device=DeviceProfile.parse("auth,oauth,tls12,internal-only"),
    )
    diagnosis = Diagnosis(
        Target.parse_email(MAILBOX),
        lab.network_options(),
        ["relay"],
        credentials=PasswordCredential(MAILBOX, LAB_PASSWORD),
        relay=plan,
    )
    outcome = diagnosis.run()
    steps = {s.id: s for s in outcome.steps}
    for send_check in ids.SEND_CHECKS.values():
        assert steps[send_check].status is Status.PASS, (send_check, steps[send_check].summary)

    roundtrip = steps[ids.ROUNDTRIP]
    assert roundtrip.status is Status.PASS, roundtrip.summary
    found = timelines(roundtrip)
    assert set(found) == {m.value for m in RelayMethod}
    for method, data in found.items():
        assert data["tag"] == f"{plan.tag}-{method}"
        assert data["folder"] == "INBOX"
        assert data["latency_s"] is not None and data["latency_s"] >= 0
        hops = data["hops"]
        withs = [str(h["with"]) for h in hops]
        # The first server the device spoke to, then Postfix's ESMTP hop, then Dovecot's
        # LMTP hop: written by the real MTA and the real mailbox server.
        assert any("LMTP" in w for w in withs), (method, hops)
        # Postfix's own header: "by relay.lab.test (Postfix) with ESMTP" (lab/postfix.py's
        # myhostname; the parser keeps the host and drops the comment).
        assert {"by": "relay.lab.test", "with": "ESMTP"}.items() <= next(
            (h for h in hops if h["by"] == "relay.lab.test"), {}
        ).items(), (method, hops)
        assert len(hops) >= 3, (method, hops)
        assert all(h["delay_s"] is None or h["delay_s"] >= 0 for h in hops)

    # The public IP the MX saw reaches the report's header (support reads it first).
    assert outcome.report.environment["public_ip"] == {
        "looked_up": True,
        "address": "127.0.0.1",
        "note": "as the MX endpoint saw it (relay.port25)",
    }
    # Deleted once found (delete_after): the mailbox does not fill up with test mail.
    assert tagged_in_inbox(lab, plan.tag) == 0
    blob = json.dumps(outcome.report.to_dict())
    assert LAB_PASSWORD not in blob and HVE_PASSWORD not in blob


def test_a_refused_method_is_explained_and_not_waited_for(lab: Lab) -> None:
    domain = "relay-reject-direct.test"
    mailbox = f"admin@{domain}"
    plan = RelayPlan(
        send_to=mailbox,
        methods=(RelayMethod.DIRECT, RelayMethod.SUBMISSION),
        roundtrip=MailboxLogin(mailbox, LAB_PASSWORD),
        roundtrip_wait=20,
    )
    outcome = Diagnosis(
        Target.parse_email(mailbox),
        lab.network_options(),
        ["relay"],
        credentials=PasswordCredential(mailbox, LAB_PASSWORD),
        relay=plan,
    ).run()
    steps = {s.id: s for s in outcome.steps}
    direct = steps[ids.DIRECT_SEND]
    assert direct.status is Status.FAIL
    text = json.dumps(direct.to_dict())
    assert "5.7.68" in text and "RejectDirectSend" in text
    roundtrip = steps[ids.ROUNDTRIP]
    # Only the accepted submission is looked for; the refused direct send is not waited on.
    assert set(timelines(roundtrip)) == {"submission"}
    assert roundtrip.status is Status.PASS, roundtrip.summary


def test_mail_that_lands_in_junk_is_found_there_and_the_advice_says_so(lab: Lab) -> None:
    domain = "relay-junk.test"  # SPF "-all" without this network: compauth=fail, Junk
    mailbox = f"admin@{domain}"
    plan = RelayPlan(
        send_to=mailbox,
        methods=(RelayMethod.DIRECT,),
        roundtrip=MailboxLogin(mailbox, LAB_PASSWORD),
        roundtrip_wait=20,
        device=DeviceProfile.parse("no-auth,tls12,internal-only,no-fixed-ip,no-cert"),
    )
    outcome = Diagnosis(
        Target.parse_email(mailbox),
        lab.network_options(),
        ["relay"],
        credentials=PasswordCredential(mailbox, LAB_PASSWORD),
        relay=plan,
    ).run()
    steps = {s.id: s for s in outcome.steps}
    assert steps[ids.DIRECT_SEND].status is Status.PASS  # EOP took it...
    assert steps[ids.SPF_ALIGNMENT].status is Status.FAIL
    roundtrip = steps[ids.ROUNDTRIP]
    assert roundtrip.status is Status.WARN  # ...and filed it in Junk
    assert timelines(roundtrip)["direct"]["folder"] != "INBOX"
    advice = steps[ids.ADVICE]
    assert advice.status is Status.WARN and "Junk" in advice.summary
    assert advice.remedy is not None and "SPF" in advice.remedy.text
