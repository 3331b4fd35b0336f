"""relay.port25: can this network reach the tenant's MX endpoint on TCP 25 at all, and
what TLS is offered there. Many ISPs and corporate firewalls block outbound 25; Direct
Send and connector relay cannot work from such a network.

The same conversation as the send checks (mail/session.py through send.RelayConversation):
connect, banner, EHLO, STARTTLS with the certificate, version and cipher. It never sends
MAIL FROM. The MX's EHLO answer names the address it sees ("250-host Hello
[203.0.113.5]"): that is this network's public IP, recorded for relay.spf_alignment and
relay.advice (evidence.public_ip_evidence).
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re

from assistant.check import Check, Context
from assistant.checks.mail.common import Endpoint, roll_up
from assistant.checks.mail.session import MailProtocol
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import public_ip_evidence
from assistant.checks.relay.mx import MxProblem, is_exchange_online_mx, mx_endpoint
from assistant.checks.relay.send import RelayConversation
from assistant.checks.smtp import SMTP
from assistant.facts import MAIL_LINKS
from assistant.model import Remedy, Status, Step
from assistant.net.smtp_client import SmtpConnection
from assistant.text import join, msg

TITLE = ids.TITLES[ids.PORT25]
_HELLO = re.compile(r"\bHello\s*\[([0-9A-Fa-f:.]{2,45})\]", re.I)
_LOOK_AT = 512  # the EHLO line is data: only its start is read


def public_ip_from_ehlo(line: str) -> str | None:
    """The address in an EHLO answer's first line ("host Hello [203.0.113.5]"), when
    it is an IP address; None otherwise."""
    found = _HELLO.search(line[:_LOOK_AT])
    if found is None:
        return None
    try:
        return str(ipaddress.ip_address(found.group(1)))
    except ValueError:
        return None


def _capturing(seen: list[str]) -> MailProtocol[SmtpConnection]:
    """SMTP, remembering the first line of each EHLO answer (the library's hello keeps
    only the extensions)."""

    def hello(session: SmtpConnection) -> list[str]:
        extensions = SMTP.hello(session)
        first = (session.ehlo_resp or b"").split(b"\n", 1)[0]
        seen.append(first.decode("utf-8", errors="replace").strip())
        return extensions

    return dataclasses.replace(SMTP, hello=hello)


def _blocked_remedy(ep: Endpoint) -> Remedy:
    return Remedy(
        msg(
            "Outbound TCP port 25 to {host} is blocked on this network: internet providers "
            "block it for home and many business lines, and firewalls often allow port 25 "
            "only from the mail server. Either send with SMTP AUTH on port 587 "
            "(smtp.office365.com), which needs no port 25, or ask the provider or firewall "
            "administrator to open outbound port 25 to Exchange Online for this device.",
            host=ep.host,
        ),
        MAIL_LINKS["devices"],
    )


def _intercepted_remedy(ep: Endpoint) -> Remedy:
    return Remedy(
        msg(
            "{host} answered on port 25, but not as a mail server does. When the MX is "
            "Exchange Online, that is almost always something on the way answering for it: "
            "a firewall's SMTP inspection or 'fixup' feature, an antivirus mail shield, or a "
            "provider's transparent proxy. Turn that off for traffic to Exchange Online, or "
            "run this check from another network to compare; nothing was sent.",
            host=ep.host,
        ),
        MAIL_LINKS["devices"],
    )


def check_port25(ctx: Context) -> Step:
    found = mx_endpoint(ctx)
    if isinstance(found, MxProblem):
        return Step(ids.PORT25, TITLE, Status.FAIL, summary=found.summary, remedy=found.remedy)
    ep = found
    seen: list[str] = []
    conv = RelayConversation(ctx, ep, ids.PORT25)
    conv.protocol = _capturing(seen)
    try:
        children = conv.open()
    finally:
        conv.close()
    step = roll_up(
        ids.PORT25,
        TITLE,
        ep,
        children,
        conv.wires,
        success=msg(
            "{host}:25 answers, with STARTTLS: {tls}", host=ep.host, tls=children[-1].summary
        ),
        login_id=conv.tls_id,
    )
    connect = children[0]
    answered = conv.wire is not None and bool(conv.wire.last_reply)
    if connect.status is Status.FAIL and answered:
        # The connection opened and something spoke, but not as a mail server does: not a
        # block, and not fixed by opening a port.
        step.summary = msg(
            "port 25 to {host} opens, but what answers there breaks the SMTP conversation: {error}",
            host=ep.host,
            error=connect.summary,
        )
        step.remedy = _intercepted_remedy(ep)
    elif connect.status is Status.FAIL:  # refused, filtered, or held without a greeting
        step.summary = msg(
            "port 25 to {host} is blocked or black-holed from here: {error}",
            host=ep.host,
            error=connect.summary,
        )
        step.remedy = _blocked_remedy(ep)
    ip = next((a for a in map(public_ip_from_ehlo, seen) if a is not None), None)
    if ip is not None:
        step.evidence.append(public_ip_evidence(ip, ep.host))
    notes = [step.details]
    if ip is not None:
        notes.append(msg("{host} sees this network as {ip}.", host=ep.host, ip=ip))
    if not is_exchange_online_mx(ep.host, ctx.target.cloud):
        notes.append(
            msg(
                "{host} is not an Exchange Online MX host: Direct Send and connector relay "
                "go to Exchange Online only when the MX points there.",
                host=ep.host,
            )
        )
    step.details = join("\n", notes)
    return step


PORT25_CHECK = Check(ids.PORT25, TITLE, check_port25, explicit_only=True)
