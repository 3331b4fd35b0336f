"""relay.roundtrip's verdict on one test message, as a pure function of what the mailbox
showed: `message_step(send, arrival, wait)`.

PASS it arrived in the Inbox; WARN it arrived in Junk (why, from compauth / SPF / DMARC
and the anti-spam report); FAIL it did not arrive within the wait (what to look at: the
message trace). Evidence: the latency, a "table" of hops, a "table" of the
authentication results, and the machine-readable timeline (kind TIMELINE_KIND):

    {
      "method": "direct", "tag": "CA-...-direct",
      "sent_at": 1704189600.2,      # when the server answered the DATA (this computer's clock)
      "accepted_at": 1704189600.2,  # the same moment when that answer was 250, else null
      "hops": [                     # the Received: chain, oldest first
        {"from": "printer.contoso.com [203.0.113.5]", "by": "...mail.protection.outlook.com",
         "with": "Microsoft SMTP Server (version=TLS1_2, ...)", "at": 1704189601.0,
         "delay_s": 0.8, "skew": false}
      ],                            # "at" null when the date was unreadable; "delay_s" null
                                    # then; "skew" true: that clock read earlier than the
                                    # previous one (delay shown as 0, never negative)
      "delivered_at": 1704189604.0, # INTERNALDATE, else the top Received date; null: not found
      "folder": "INBOX",            # or the Junk folder's name; null: not found
      "latency_s": 3.8,             # delivered_at - sent_at, never negative; null: not found
      "latency_skew": false,        # the server's clock read earlier than our send time
      "seen_after_s": 4.1           # when this computer found it, by its own clock only
    }

Times are UTC epoch seconds. The wizard's timeline view draws from this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from assistant.checks.relay.evidence import SendRecord
from assistant.model import Evidence, Remedy, Status, Step
from assistant.policy.auth_results import (
    AuthResults,
    SpamVerdict,
    compauth_reason,
    describe,
    merged,
    parse_antispam,
)
from assistant.policy.received_chain import (
    OWN_CLOCK_RESOLUTION,
    TimedHop,
    parse_chain,
    step_delay,
    timeline,
)
from assistant.settings_names import setting
from assistant.text import join, msg, verbatim

TIMELINE_KIND = "relay-timeline"
# Microsoft Learn: message trace in the Exchange admin center, and its cmdlet.
MESSAGE_TRACE_LINK = "https://learn.microsoft.com/exchange/monitoring/trace-an-email-message/message-trace-modern-eac"
MESSAGE_TRACE_CMDLET_LINK = (
    "https://learn.microsoft.com/powershell/module/exchange/get-messagetracev2"
)
# Microsoft Learn: "Anti-spam message headers in Microsoft 365".
ANTISPAM_HEADERS_LINK = "https://learn.microsoft.com/defender-office-365/message-headers-eop-mdo"


@dataclass(frozen=True)
class Arrival:
    """Where and when the message was found, and its header (lower-case names)."""

    folder: str
    junk: bool
    seen_at: float  # this computer's clock
    internal_date: float | None  # the mailbox server's clock
    headers: dict[str, list[str]]


@dataclass(frozen=True)
class Latency:
    delivered_at: float | None
    latency_s: float | None
    skew: bool
    seen_after_s: float


def latency(sent_at: float, arrival: Arrival, top_received: float | None) -> Latency:
    """From the send (our clock) to delivery (the server's INTERNALDATE, else its top
    Received date); negative only when the clocks disagree: then 0 and `skew`."""
    delivered = arrival.internal_date if arrival.internal_date is not None else top_received
    seen_after = max(0.0, round(arrival.seen_at - sent_at, 3))
    if delivered is None:
        return Latency(None, None, False, seen_after)
    delay, skew = step_delay(sent_at, delivered, OWN_CLOCK_RESOLUTION)
    return Latency(delivered, delay, skew, seen_after)


def step_id(send: SendRecord) -> str:
    return f"relay.roundtrip.{send.method}"


def step_title(send: SendRecord) -> str:
    return msg("Message {tag} ({method})", tag=send.tag, method=send.method)


def message_step(send: SendRecord, arrival: Arrival | None, wait: float) -> Step:
    if arrival is None:
        return _not_arrived(send, wait)
    chain = parse_chain(arrival.headers.get("received", []))
    hops = timeline(chain.hops, start=send.sent_at)
    top = chain.hops[-1].at if chain.hops else None
    late = latency(send.sent_at, arrival, top)
    auth = merged(arrival.headers.get("authentication-results", []))
    spam = parse_antispam(
        _first(arrival.headers, "x-forefront-antispam-report"),
        _first(arrival.headers, "x-ms-exchange-organization-authas"),
        _first(arrival.headers, "x-ms-exchange-organization-scl"),
    )
    evidence = [
        _timeline(send, arrival, hops, late),
        Evidence("table", msg("Received: hops, oldest first"), _hop_rows(hops)),
        Evidence("table", msg("Authentication results"), _auth_rows(auth, spam)),
    ]
    how_long = _how_long(late)
    details = _skew_details(late, hops, chain.dropped)
    if arrival.junk:
        return Step(
            step_id(send),
            step_title(send),
            Status.WARN,
            summary=msg(
                "delivered to the Junk folder ({folder}) {how_long}: {why}",
                folder=arrival.folder,
                how_long=how_long,
                why=junk_reason(auth, spam),
            ),
            details=details,
            remedy=_junk_remedy(send),
            evidence=evidence,
        )
    return Step(
        step_id(send),
        step_title(send),
        Status.PASS,
        summary=msg(
            "delivered to {folder} {how_long}, {hops} hops; {auth}",
            folder=arrival.folder,
            how_long=how_long,
            hops=len(chain.hops),
            auth=auth_summary(auth),
        ),
        details=details,
        evidence=evidence,
    )


def auth_summary(auth: AuthResults) -> str:
    parts = [f"{m}={r.result}" for m in ("spf", "dkim", "dmarc", "compauth") if (r := auth.get(m))]
    if not parts:
        return msg("no Authentication-Results header")
    return ", ".join(parts)


def junk_reason(auth: AuthResults, spam: SpamVerdict) -> str:
    """Why the message went to Junk, from what the receiving side wrote."""
    reasons: list[str] = []
    compauth = auth.get("compauth")
    if compauth is not None and compauth.result in {"fail", "softpass", "none"}:
        code = compauth.get("reason")
        meaning = compauth_reason(code)
        reasons.append(
            # The header's own words first, as written (the same in every language).
            join(": ", [verbatim(f"compauth={compauth.result} reason={code}"), meaning])
            if meaning
            else verbatim(f"compauth={compauth.result} reason={code}")
        )
    spf = auth.get("spf")
    if spf is not None and spf.failed:
        said = f" ({spf.comment})" if spf.comment else ""
        reasons.append(msg("SPF {result}{said}", result=spf.result, said=said))
    dmarc = auth.get("dmarc")
    if dmarc is not None and dmarc.failed:
        reasons.append(
            msg(
                "DMARC {result} (action={action})",
                result=dmarc.result,
                action=dmarc.get("action") or "?",
            )
        )
    if spam.sfv_meaning:
        reasons.append(
            msg("spam filter: SFV:{sfv} ({meaning})", sfv=spam.sfv, meaning=spam.sfv_meaning)
        )
    if spam.scl is not None and spam.scl >= 5:
        reasons.append(msg("spam confidence level {scl}", scl=spam.scl))
    if not reasons:
        return msg(
            "the headers give no authentication failure; a mail flow rule, the recipient's "
            "own junk settings or the spam filter's content verdict put it there"
        )
    return join("; ", reasons)


def _not_arrived(send: SendRecord, wait: float) -> Step:
    since = datetime.fromtimestamp(send.sent_at, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    by_id = (
        # A PowerShell command line: the same in every language.
        verbatim(f'Get-MessageTraceV2 -MessageId "{send.message_id}"')
        if send.message_id
        else verbatim(
            f'Get-MessageTraceV2 -RecipientAddress {send.recipient} -Subject "{send.tag}" '
            f'-SubjectFilterType Contains -StartDate "{since}"'
        )
    )
    return Step(
        step_id(send),
        step_title(send),
        Status.FAIL,
        summary=msg(
            "not in the mailbox (Inbox or Junk) {seconds} s after the test; the server had "
            "accepted it ({server_reply})",
            seconds=f"{wait:g}",
            server_reply=send.reply,
        ),
        details=msg(
            "Sent to {recipient} through {host}:{port} at {since}, tag {tag}.",
            recipient=send.recipient,
            host=send.host,
            port=send.port,
            since=since,
            tag=send.tag,
        ),
        remedy=Remedy(
            msg(
                "Follow the message in the message trace: Exchange admin center > Mail flow > "
                "Message trace, recipient {recipient}, subject containing {tag}; or in Exchange "
                "Online PowerShell: {cmdlet}. 'Delivered' there means look in other folders and "
                "at Inbox rules; 'Quarantined' or 'FilteredAsSpam' means a policy held it; "
                "'Failed' gives the reason; no entry at all means it never reached Exchange "
                "Online. Delivery can also just be slow: run again with more time for {wait}.",
                recipient=send.recipient,
                wait=setting("roundtrip_wait"),
                tag=send.tag,
                cmdlet=by_id,
            ),
            MESSAGE_TRACE_LINK,
        ),
        evidence=[
            Evidence(
                TIMELINE_KIND,
                msg("Delivery timeline"),
                {
                    "method": send.method,
                    "tag": send.tag,
                    "sent_at": send.sent_at,
                    "accepted_at": send.sent_at if send.accepted else None,
                    "hops": [],
                    "delivered_at": None,
                    "folder": None,
                    "latency_s": None,
                    "latency_skew": False,
                    "seen_after_s": None,
                },
            )
        ],
    )


def _junk_remedy(send: SendRecord) -> Remedy:
    return Remedy(
        msg(
            "Make the sender authenticate: publish this network's public IP in the SPF record "
            "of {domain} (or send through a connector or SMTP AUTH), sign with DKIM, and keep "
            "DMARC aligned. Do not add the sender to an allow list to hide a failing check.",
            domain=send.sender.rpartition("@")[2] or send.sender,
        ),
        ANTISPAM_HEADERS_LINK,
    )


def _how_long(late: Latency) -> str:
    if late.latency_s is None:
        return msg("(found {seconds} s after the send)", seconds=f"{late.seen_after_s:g}")
    if late.skew:
        return msg(
            "(the server's clock reads before the send: clocks differ; found {seconds} s after "
            "it by this computer's clock)",
            seconds=f"{late.seen_after_s:g}",
        )
    return msg("{seconds} s after the send", seconds=f"{late.latency_s:g}")


def _skew_details(late: Latency, hops: list[TimedHop], dropped: int) -> str:
    lines: list[str] = []
    skewed = [t for t in hops if t.skew]
    if skewed or late.skew:
        lines.append(
            msg(
                "Clock skew: {count} time stamps read earlier than the step before them (the "
                "servers' and this computer's clocks differ); those delays are shown as 0.",
                count=len(skewed) + int(late.skew),
            )
        )
    if dropped:
        lines.append(msg("{count} older Received: headers were not read.", count=dropped))
    lines.append(
        msg(
            "Latency: from the server's answer to the DATA (this computer's clock) to the "
            "mailbox's arrival time (the mailbox server's clock); found {seconds} s after the "
            "send by this computer's clock alone.",
            seconds=f"{late.seen_after_s:g}",
        )
    )
    return join("\n", lines)


def _timeline(send: SendRecord, arrival: Arrival, hops: list[TimedHop], late: Latency) -> Evidence:
    return Evidence(
        TIMELINE_KIND,
        msg("Delivery timeline"),
        {
            "method": send.method,
            "tag": send.tag,
            "sent_at": send.sent_at,
            "accepted_at": send.sent_at if send.accepted else None,
            "hops": [
                {
                    "from": t.hop.sender,
                    "by": t.hop.by_host,
                    "with": t.hop.with_protocol,
                    "at": t.hop.at,
                    "delay_s": t.delay_s,
                    "skew": t.skew,
                }
                for t in hops
            ],
            "delivered_at": late.delivered_at,
            "folder": arrival.folder,
            "latency_s": late.latency_s,
            "latency_skew": late.skew,
            "seen_after_s": late.seen_after_s,
        },
    )


def _hop_rows(hops: list[TimedHop]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for number, timed in enumerate(hops, 1):
        hop = timed.hop
        delay: str
        if timed.skew:
            delay = msg("0 s (clock skew)")
        elif timed.delay_s is None:
            delay = ""
        else:
            delay = f"{timed.delay_s:g} s"
        rows.append(
            {
                "hop": number,
                "from": hop.sender,
                "by": hop.by_host,
                "with": hop.with_protocol,
                "at": hop.date_text,
                "delay": delay,
            }
        )
    return rows


def _auth_rows(auth: AuthResults, spam: SpamVerdict) -> list[dict[str, str]]:
    rows = describe(auth)
    if spam.sfv or spam.scl is not None or spam.category:
        rows.append(
            {
                "method": "X-Forefront-Antispam-Report",
                "result": spam.sfv,
                "details": f"SCL:{'' if spam.scl is None else spam.scl} CAT:{spam.category}",
                "meaning": spam.sfv_meaning,
            }
        )
    if spam.auth_as:
        rows.append({"method": "AuthAs", "result": spam.auth_as, "details": "", "meaning": ""})
    return rows


def _first(headers: dict[str, list[str]], name: str) -> str:
    values = headers.get(name)
    return values[0] if values else ""
