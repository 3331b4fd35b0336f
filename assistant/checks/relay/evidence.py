"""What the relay checks hand each other, as evidence data in their Steps.

A send check (relay.client_submission, .direct_send, .connector, .hve) records one
`SendRecord` as Evidence(kind=SEND_KIND); relay.roundtrip reads them from ctx.results
to know which tags to look for and when each message left. relay.port25 records the
public IP the MX saw in its EHLO answer ("Hello [203.0.113.5]") as Evidence(kind=
PUBLIC_IP_KIND) for relay.spf_alignment and relay.advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from assistant.model import Evidence, Step
from assistant.text import msg

SEND_KIND = "relay-send"
PUBLIC_IP_KIND = "relay-public-ip"


@dataclass(frozen=True)
class SendRecord:
    method: str  # RelayMethod value
    tag: str  # the value of the X-header and the subject's tag: "<run tag>-<method>"
    sender: str
    recipient: str
    host: str  # the server the message went to (name, not the --connect-to address)
    port: int
    sent_at: float  # UTC epoch seconds when the server accepted the DATA (or refused)
    accepted: bool  # 250 after DATA
    reply: str  # the server's last reply, as received (redacted by the check)
    message_id: str = ""

    def to_evidence(self) -> Evidence:
        return Evidence(kind=SEND_KIND, label=msg("Test message sent"), data=asdict(self))

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> SendRecord | None:
        try:
            return cls(
                method=str(raw["method"]),
                tag=str(raw["tag"]),
                sender=str(raw["sender"]),
                recipient=str(raw["recipient"]),
                host=str(raw["host"]),
                port=int(raw["port"]),
                sent_at=float(raw["sent_at"]),
                accepted=bool(raw["accepted"]),
                reply=str(raw["reply"]),
                message_id=str(raw.get("message_id", "")),
            )
        except (KeyError, TypeError, ValueError):
            return None


def sends_in(results: Mapping[str, Step]) -> list[SendRecord]:
    """Every message the finished send checks in `results` sent (children included)."""
    found: list[SendRecord] = []

    def visit(step: Step) -> None:
        for item in step.evidence:
            if item.kind == SEND_KIND and isinstance(item.data, dict):
                record = SendRecord.from_dict(item.data)
                if record is not None:
                    found.append(record)
        for child in step.children:
            visit(child)

    for step in results.values():
        visit(step)
    return found


def public_ip_evidence(ip: str, seen_by: str) -> Evidence:
    return Evidence(
        kind=PUBLIC_IP_KIND,
        label=msg("This network's public IP address, as the MX saw it"),
        data={"ip": ip, "seen_by": seen_by},
    )


def public_ip_in(results: Mapping[str, Step]) -> str | None:
    for step in results.values():
        for item in step.evidence:
            if item.kind == PUBLIC_IP_KIND and isinstance(item.data, dict):
                ip = item.data.get("ip")
                if isinstance(ip, str) and ip:
                    return ip
    return None
