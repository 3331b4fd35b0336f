"""relay.advice as a check: the facts it reads off the other relay checks' steps, and a
run through the engine (Diagnosis) that gives the advice and its table."""

from __future__ import annotations

import time
from collections.abc import Mapping

from assistant.cancel import CancelToken, Deadline
from assistant.check import Context
from assistant.checks.policy import relay_advice as ra
from assistant.checks.relay import ids
from assistant.checks.relay.advice import check_advice, facts_from
from assistant.checks.relay.evidence import SendRecord, public_ip_evidence
from assistant.config import NetworkOptions, Target
from assistant.diagnosis import Diagnosis
from assistant.facts import Cloud
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.net.resolver import Resolver
from assistant.relay_plan import DeviceProfile, RelayMethod, RelayPlan

MAILBOX = "admin@contoso.test"


def _send(method: RelayMethod, *, accepted: bool, reply: str) -> SendRecord:
    return SendRecord(
        method=method.value,
        tag=f"CA-0123456789AB-{method.value}",
        sender=MAILBOX,
        recipient=MAILBOX,
        host="contoso-test.r-v1.mx.microsoft",
        port=25,
        sent_at=time.time(),
        accepted=accepted,
        reply=reply,
    )


def _context(results: Mapping[str, Step], relay: RelayPlan | None) -> Context:
    token = CancelToken()
    return Context(
        check_id=ids.ADVICE,
        target=Target.parse_email(MAILBOX),
        options=NetworkOptions(),
        token=token,
        deadline=Deadline.after(10),
        resolver=Resolver((), timeout=1, token=token),
        redactor=Redactor(),
        results=results,
        emit=lambda event: None,
        relay=relay,
    )


def _results() -> dict[str, Step]:
    port25 = Step(ids.PORT25, "port 25", Status.PASS)
    port25.evidence.append(public_ip_evidence("203.0.113.5", "contoso-test.r-v1.mx.microsoft"))
    direct = Step(ids.DIRECT_SEND, "direct", Status.FAIL)
    refused = "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization"
    direct.children.append(
        Step(
            "relay.direct_send.send",
            "send",
            Status.FAIL,
            evidence=[_send(RelayMethod.DIRECT, accepted=False, reply=refused).to_evidence()],
        )
    )
    connector = Step(
        ids.CONNECTOR,
        "connector",
        Status.PASS,
        evidence=[
            _send(RelayMethod.CONNECTOR, accepted=True, reply="250 2.6.0 queued").to_evidence()
        ],
    )
    spf = Step(ids.SPF_ALIGNMENT, "spf", Status.FAIL)
    return {
        ids.PORT25: port25,
        ids.DIRECT_SEND: direct,
        ids.CONNECTOR: connector,
        ids.SPF_ALIGNMENT: spf,
    }


def test_the_facts_come_from_the_other_relay_checks_steps() -> None:
    facts = facts_from(_context(_results(), RelayPlan(send_to=MAILBOX)))
    assert facts.port25_open is True
    assert facts.public_ip == "203.0.113.5"
    assert facts.spf_aligned is False
    assert facts.sent == {RelayMethod.DIRECT: False, RelayMethod.CONNECTOR: True}
    assert facts.reject_direct_send is True
    assert facts.cloud is Cloud.WORLDWIDE and facts.submission_oauth is False
    # Nothing ran: nothing known, the IP the user typed.
    empty = facts_from(_context({}, RelayPlan(public_ip="198.51.100.7")))
    assert empty.port25_open is None and empty.spf_aligned is None and empty.sent == {}
    assert empty.public_ip == "198.51.100.7"


def test_the_check_ranks_the_working_connector_first_and_names_the_junk_risk() -> None:
    device = DeviceProfile.parse("no-auth,tls12,internal-only,fixed-ip")
    step = check_advice(_context(_results(), RelayPlan(send_to=MAILBOX, device=device)))
    assert step.status is Status.PASS
    table = step.evidence[0].data
    assert [row["method"] for row in table["methods"]][:2] == [ra.CONNECTOR, ra.DIRECT]
    connector, direct = table["methods"][0], table["methods"][1]
    assert connector["works"] is True and "does not authorise 203.0.113.5" in connector["caveat"]
    assert direct["works"] is False and "550 5.7.68" in direct["caveat"]
    assert table["stops_sending"] is None
    assert "No test message was sent" not in step.details


def test_through_the_engine_without_a_recipient_the_advice_says_nothing_was_sent() -> None:
    plan = RelayPlan(device=DeviceProfile.parse("auth,no-oauth,tls12"))
    diagnosis = Diagnosis(Target.parse_email(MAILBOX), NetworkOptions(), [ids.ADVICE], relay=plan)
    outcome = diagnosis.run()
    (step,) = [s for s in outcome.steps if s.id == ids.ADVICE]
    assert step.status is Status.WARN
    assert "No test message was sent" in step.details
    assert step.remedy is not None and step.remedy.text.startswith(
        "This device will stop sending on"
    )
    report = outcome.report.to_dict()
    (saved,) = [s for s in report["steps"] if s["id"] == ids.ADVICE]
    assert saved["evidence"][0]["kind"] == "table"
    assert saved["evidence"][0]["data"]["device"]["authenticates"] is True


def test_spf_is_read_from_the_rfc_7208_result_not_only_the_status() -> None:
    from assistant.model import Evidence

    def spf(status: Status, result: str | None) -> dict[str, Step]:
        step = Step(ids.SPF_ALIGNMENT, "spf", status)
        if result is not None:
            step.evidence.append(Evidence("table", "SPF", {"result": result}))
        return {ids.SPF_ALIGNMENT: step}

    def aligned(results: dict[str, Step]) -> bool | None:
        return facts_from(_context(results, None)).spf_aligned

    assert aligned(spf(Status.WARN, "pass")) is True  # "+all": authorised, too widely
    assert aligned(spf(Status.WARN, "softfail")) is False
    assert aligned(spf(Status.WARN, "temperror")) is None
    assert aligned(spf(Status.SKIP, None)) is None
    assert aligned(spf(Status.FAIL, None)) is False
