"""relay.roundtrip's verdict on one message, a pure function of what the mailbox showed."""

from __future__ import annotations

from assistant.checks.relay.evidence import SendRecord
from assistant.checks.relay.roundtrip_report import (
    TIMELINE_KIND,
    Arrival,
    junk_reason,
    latency,
    message_step,
)
from assistant.model import Status
from assistant.policy.auth_results import parse_antispam, parse_results

SENT = 1704189600.4  # Tue, 2 Jan 2024 10:00:00.4 UTC
SEND = SendRecord(
    "direct", "CA-1-direct", "a@contoso.com", "b@contoso.com", "mx", 25, SENT, True, "250 ok"
)


def arrival(
    folder: str = "INBOX", internal: float | None = SENT + 5, **headers: list[str]
) -> Arrival:
    return Arrival(
        folder,
        folder != "INBOX",
        SENT + 6,
        internal,
        {k.replace("_", "-"): v for k, v in headers.items()},
    )


def test_latency_uses_the_mailbox_clock_and_never_goes_negative() -> None:
    assert latency(SENT, arrival(), None).latency_s == 5.0
    behind = latency(SENT, arrival(internal=SENT - 30), None)
    assert (behind.latency_s, behind.skew, behind.seen_after_s) == (0.0, True, 6.0)
    whole_seconds = latency(SENT, arrival(internal=SENT - 0.4), None)  # INTERNALDATE 10:00:00
    assert (whole_seconds.latency_s, whole_seconds.skew) == (0.0, False)
    assert latency(SENT, arrival(internal=None), SENT + 2).latency_s == 2.0  # top Received
    assert latency(SENT, arrival(internal=None), None).latency_s is None


def test_inbox_passes_with_hops_and_timeline() -> None:
    step = message_step(
        SEND,
        arrival(
            received=[
                "from b by c with LMTP; Tue, 2 Jan 2024 10:00:03 +0000",
                "from a by b with ESMTP; Tue, 2 Jan 2024 10:00:01 +0000",
            ],
            authentication_results=[
                "spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=contoso.com;compauth=pass reason=100"
            ],
        ),
        60,
    )
    assert step.status is Status.PASS
    assert "2 hops" in step.summary and "spf=pass, compauth=pass" in step.summary
    data = next(e.data for e in step.evidence if e.kind == TIMELINE_KIND)
    assert [h["delay_s"] for h in data["hops"]] == [0.6, 2.0]
    assert data["folder"] == "INBOX" and data["latency_s"] == 5.0


def test_junk_warns_and_says_why() -> None:
    auth = parse_results(
        "spf=softfail (sender IP is 1.2.3.4) smtp.mailfrom=x;dmarc=fail action=quarantine;"
        "compauth=fail reason=601"
    )
    reason = junk_reason(auth, parse_antispam("SFV:SPM;SCL:6"))
    assert "compauth=fail reason=601" in reason and "intra-organisation" in reason
    assert (
        "SPF softfail (sender IP is 1.2.3.4)" in reason
        and "DMARC fail (action=quarantine)" in reason
    )
    assert "SFV:SPM" in reason and "spam confidence level 6" in reason
    assert "mail flow rule" in junk_reason(parse_results(""), parse_antispam(""))
    assert message_step(SEND, arrival("Junk"), 60).status is Status.WARN


def test_not_arrived_fails_with_the_message_trace() -> None:
    step = message_step(SEND, None, 45)
    assert step.status is Status.FAIL and "45 s" in step.summary
    assert step.remedy is not None
    assert (
        'Get-MessageTraceV2 -RecipientAddress b@contoso.com -Subject "CA-1-direct"'
        in step.remedy.text
    )
    assert "2024-01-02 10:00:00 UTC" in step.remedy.text
