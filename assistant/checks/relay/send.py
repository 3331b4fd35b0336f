"""The SMTP dialogue every relay send check shares, on mail/'s Conversation.

relay.client_submission, .direct_send, .connector and .hve differ only in where they
connect, whether they sign in and with what, and who may receive; the conversation is
the one smtp.auth has (mail/session.py: TCP, greeting, EHLO, STARTTLS through the net
layer's TLS step, EHLO again), so no second SMTP state machine is written here. The MX
on port 25 offers no AUTH: those checks simply have no sign-in step. What is added:
MAIL FROM, RCPT TO and DATA of the test message (send_step), the SendRecord each send
leaves for relay.roundtrip, and the rules that keep a run from sending by accident
(gate: nothing without ctx.relay.send_to, nothing for a method not asked for).

Children of each check: <check>.connect, <check>.tls, [<check>.auth], <check>.send.
"""

from __future__ import annotations

import dataclasses
import smtplib
import time
from collections.abc import Callable

from assistant.check import Context
from assistant.checks.mail.common import (
    Endpoint,
    Failure,
    ReplyRefused,
    blocked_by,
    failure,
    roll_up,
    skipped,
    timed,
)
from assistant.checks.mail.session import PROTOCOL_ERRORS, Conversation
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import SendRecord
from assistant.checks.relay.message import RelayMessage, build_message
from assistant.checks.relay.replies import explain_relay
from assistant.checks.smtp import SMTP
from assistant.facts import MAIL_LINKS
from assistant.model import Remedy, Status, Step
from assistant.net.network import Network
from assistant.net.smtp_client import SmtpConnection
from assistant.relay_plan import RelayMethod
from assistant.settings_names import setting
from assistant.text import msg

SEND_TITLE = msg("Send the test message (MAIL FROM, RCPT TO, DATA)")
AUTH_TITLE = msg("Sign in (SMTP AUTH)")
NOT_ASKED = msg("not asked for in this run (see {methods})", methods=setting("relay_method"))
SignInStep = Callable[[Conversation[SmtpConnection]], Step]


def no_send_reason(ctx: Context, method: RelayMethod) -> str | None:
    """Why this run must not send with `method`, or None when it may. Nothing is sent
    unless the user typed a recipient (--send-test-to, or the wizard's confirmation)."""
    if ctx.relay is None or ctx.relay.send_to is None:
        return msg(
            "no test message sent: nothing is sent without {send_to}",
            send_to=setting("send_to"),
        )
    if not ctx.relay.wanted(method):
        return NOT_ASKED
    return None


def port25_blocked(ctx: Context) -> str | None:
    """'not tried: ...' when relay.port25 ran in this run and failed: the MX cannot be
    reached from here, so a send to it would only fail the same way."""
    port25 = ctx.results.get(ids.PORT25)
    if port25 is None or port25.status not in (Status.FAIL, Status.ERROR):
        return None
    return msg("not tried: {check} failed ({summary})", check=ids.PORT25, summary=port25.summary)


class RelayConversation(Conversation[SmtpConnection]):
    """smtp.auth's conversation with the relay check's step IDs, Exchange Online
    Protection's refusals explained first, and optionally its own network (a client
    certificate for connector relay)."""

    def __init__(
        self, ctx: Context, endpoint: Endpoint, check_id: str, *, net: Network | None = None
    ) -> None:
        super().__init__(ctx, endpoint, SMTP)
        self.connect_id = f"{check_id}.connect"
        self.tls_id = f"{check_id}.tls"
        if net is not None:
            self.net = net

    def open(self) -> list[Step]:
        steps = super().open()
        connect, tls = steps
        stripped = not self.protocol.offers_starttls(self.before_tls)
        on_mx = self.endpoint.port == 25 and connect.status is Status.PASS
        if on_mx and tls.status is Status.FAIL and stripped:
            # mail/session's remedy names an implicit-TLS port: the MX has none.
            tls.remedy = Remedy(
                msg(
                    "{host} offers STARTTLS on port 25 to every client: when it is missing, "
                    "something on the way rewrites the conversation (a firewall's SMTP "
                    "inspection or 'fixup' feature, or an antivirus mail shield). Turn that "
                    "off for traffic to Exchange Online; nothing was sent.",
                    host=self.endpoint.host,
                ),
                MAIL_LINKS["devices"],
            )
        return steps

    def explain(self, found: Failure) -> tuple[str, Remedy | None]:
        if found.reply is not None:
            meaning = explain_relay(found.reply, cloud=self.endpoint.microsoft)
            if meaning is not None:
                summary = msg("{error} ({cause})", error=found.text, cause=meaning.cause)
                return summary, Remedy(meaning.remedy, meaning.link)
        return super().explain(found)


def _reply(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", errors="replace") if isinstance(message, bytes) else message
    return f"{code} {' '.join(text.split())}"


@dataclasses.dataclass
class _Sent:
    """What one send got as far as: the record for relay.roundtrip, once MAIL FROM went."""

    record: SendRecord | None = None


def send_step(
    conv: RelayConversation, message: RelayMessage, step_id: str, method: RelayMethod, sent: _Sent
) -> Step:
    ctx, ep, session = conv.ctx, conv.endpoint, conv.live
    stage = "MAIL FROM"
    try:
        code, answer = session.mail(message.sender)
        if code != 250:
            raise ReplyRefused(stage, _reply(code, answer))
        stage = "RCPT TO"
        code, answer = session.rcpt(message.recipient)
        if code not in (250, 251):
            raise ReplyRefused(stage, _reply(code, answer))
        stage = "DATA"
        try:
            code, answer = session.data(message.data)
        except smtplib.SMTPDataError as exc:  # DATA itself refused: no 354
            raise ReplyRefused(stage, _reply(exc.smtp_code, exc.smtp_error)) from None
        if code != 250:
            raise ReplyRefused(stage, _reply(code, answer))
    except PROTOCOL_ERRORS as exc:
        found = failure(ctx, exc, conv.wire)
        sent.record = _record(message, ep, method, accepted=False, reply=found.reply or found.text)
        summary, remedy = conv.explain(found)
        return Step(
            step_id,
            SEND_TITLE,
            Status.FAIL,
            # A refusal names its command ("RCPT TO was answered: 550 ..."); anything
            # else (a timeout, a hang-up) gets the stage it happened in.
            summary=msg(
                "not sent to {recipient}: {error}", recipient=message.recipient, error=summary
            )
            if isinstance(exc, ReplyRefused)
            else msg(
                "not sent to {recipient} ({stage}): {error}",
                recipient=message.recipient,
                stage=stage,
                error=summary,
            ),
            details=_what_was_sent(message),
            remedy=remedy,
        )
    reply = ctx.redactor(_reply(code, answer))
    sent.record = _record(message, ep, method, accepted=True, reply=reply)
    return Step(
        step_id,
        SEND_TITLE,
        Status.PASS,
        summary=msg(
            "accepted for {recipient}: {server_reply}",
            recipient=message.recipient,
            server_reply=reply,
        ),
        details=_what_was_sent(message),
    )


def _what_was_sent(message: RelayMessage) -> str:
    return msg(
        "From {sender} to {recipient}, subject '{subject}', tag {tag} (header "
        "X-Connectivity-Assistant-Test), Message-ID {message_id}.",
        sender=message.sender,
        recipient=message.recipient,
        subject=message.subject,
        tag=message.tag,
        message_id=message.message_id,
    )


def _record(
    message: RelayMessage, ep: Endpoint, method: RelayMethod, *, accepted: bool, reply: str
) -> SendRecord:
    return SendRecord(
        method=method.value,
        tag=message.tag,
        sender=message.sender,
        recipient=message.recipient,
        host=ep.host,
        port=ep.port,
        sent_at=time.time(),  # when the last reply came: the DATA reply, or the refusal
        accepted=accepted,
        reply=reply,
        message_id=message.message_id,
    )


def run_send(
    ctx: Context,
    check_id: str,
    title: str,
    method: RelayMethod,
    endpoint: Endpoint,
    sender: str,
    *,
    sign_in: SignInStep | None = None,
    net: Network | None = None,
) -> Step:
    """One whole send: connect, TLS, the sign-in when the method has one, the test
    message. The caller has checked that this run may send (no_send_reason)."""
    assert ctx.relay is not None
    message = build_message(ctx.relay, method, sender)
    conv = RelayConversation(ctx, endpoint, check_id, net=net)
    auth_id, send_id = f"{check_id}.auth", f"{check_id}.send"
    sent = _Sent()
    try:
        children = conv.open()
        if conv.session is None:
            reason = blocked_by(children) or msg("not tried")
            if sign_in is not None:
                children.append(skipped(auth_id, AUTH_TITLE, reason))
            children.append(skipped(send_id, SEND_TITLE, reason))
        else:
            ready = True
            if sign_in is not None:
                signed_in = timed(lambda: sign_in(conv))
                children.append(dataclasses.replace(signed_in, id=auth_id))
                ready = signed_in.status is Status.PASS
                if not ready:
                    why = (
                        signed_in.summary
                        if signed_in.status is Status.SKIP
                        else msg("not signed in")
                    )
                    children.append(
                        skipped(send_id, SEND_TITLE, msg("not sent: {reason}", reason=why))
                    )
            if ready:
                children.append(timed(lambda: send_step(conv, message, send_id, method, sent)))
    finally:
        conv.close()
    step = roll_up(
        check_id,
        title,
        endpoint,
        children,
        conv.wires,
        success=msg(
            "{server}: the test message to {recipient} was accepted (tag {tag})",
            server=endpoint.describe(),
            recipient=message.recipient,
            tag=message.tag,
        ),
        login_id=auth_id if sign_in is not None else send_id,
    )
    if sent.record is not None:
        step.evidence.append(sent.record.to_evidence())
    return step
