"""The test message every relay send check sends: clearly labelled, tagged, short.

The tag ("<run tag>-<method>") is in the subject and in the X-Connectivity-Assistant-Test
header, so relay.roundtrip can find exactly this message and a person who sees it knows
what it is. From is the sender the user chose (or the run's mailbox), To is exactly the
recipient typed (RelayPlan.parse_recipient checked it is one address). The message is
data for the recipient, not engine text: it is English, whatever the wizard's language.
"""

from __future__ import annotations

import email.policy
import email.utils
import secrets
import textwrap
import time
from dataclasses import dataclass
from email.message import EmailMessage

from assistant.check import Context
from assistant.relay_plan import RelayMethod, RelayPlan

TAG_HEADER = "X-Connectivity-Assistant-Test"
SUBJECT_PREFIX = "[Connectivity Assistant test"
# The method as a person reads it in the subject and the body.
METHOD_NAMES = {
    RelayMethod.SUBMISSION: "SMTP AUTH client submission",
    RelayMethod.DIRECT: "Direct Send",
    RelayMethod.CONNECTOR: "an inbound connector",
    RelayMethod.HVE: "High Volume Email",
}


@dataclass(frozen=True)
class RelayMessage:
    tag: str
    method: RelayMethod
    sender: str
    recipient: str
    subject: str
    message_id: str
    data: bytes  # the whole message, CRLF line ends, ready for DATA


def sender_of(ctx: Context) -> str | None:
    """Who the test message is from: the sender the user chose, else the run's mailbox."""
    if ctx.relay is not None and ctx.relay.sender:
        return ctx.relay.sender
    return ctx.target.email


def message_tag(plan: RelayPlan, method: RelayMethod) -> str:
    return f"{plan.tag}-{method.value}"


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower().rstrip(".")


def build_message(
    plan: RelayPlan, method: RelayMethod, sender: str, *, now: float | None = None
) -> RelayMessage:
    """The test message for `method`. `plan.send_to` must be set (callers check first:
    nothing is built, let alone sent, without it)."""
    recipient = plan.send_to
    if recipient is None:
        raise ValueError("no recipient: a test message is built only for --send-test-to")
    tag = message_tag(plan, method)
    how = METHOD_NAMES[method]
    subject = f"{SUBJECT_PREFIX} {tag}] Relay test via {how}"
    sent = email.utils.formatdate(time.time() if now is None else now, localtime=False)
    # Short enough never to be folded: "<tag.random@domain>".
    message_id = f"<{tag}.{secrets.token_hex(6)}@{domain_of(sender)}>"
    message = EmailMessage(policy=email.policy.SMTP)  # CRLF, and no CR/LF inside a header
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = sent
    message["Message-ID"] = message_id
    message[TAG_HEADER] = tag
    explanation = textwrap.fill(
        f"An administrator sent it to check that mail sent via {how} reaches this mailbox "
        "from their network. It changes nothing and needs no answer. You can delete it.",
        width=72,
    )
    body = (
        "This is a test message from Connectivity Assistant.\n\n"
        f"{explanation}\n\nTest tag: {tag}\nSent: {sent}\nFrom: {sender}\n"
    )
    # 7bit: plain ASCII lines under 78 characters, readable as they travel.
    message.set_content(body, cte="7bit" if body.isascii() else None)
    return RelayMessage(
        tag=tag,
        method=method,
        sender=sender,
        recipient=recipient,
        subject=subject,
        message_id=message_id,
        data=message.as_bytes(),
    )
