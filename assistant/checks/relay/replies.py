"""What Exchange Online Protection's refusals of a relay test send mean: a pure table.

The replies a device meets when it sends to the MX endpoint (Direct Send, connector
relay) or to HVE, tried in order; `explain_relay` falls back to mail/replies.py for
the ones client submission shares (421 4.7.66 TLS too old, 5.7.57 not authenticated,
5.7.60 SendAs, 5.7.139 SMTP AUTH off, 5.7.3 wrong password). The reply texts are those
Exchange Online sends and Microsoft's NDR articles quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.checks.mail.replies import ReplyMeaning, explain_reply
from assistant.facts import MAIL_LINKS, RELAY_LINKS
from assistant.model import Status
from assistant.text import N_

# A server's reply is data of any length; the patterns look at its start only (where
# the code and the reason are), so a hostile multi-megabyte line costs nothing.
_LOOK_AT = 512


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    meaning: ReplyMeaning


def _rule(pattern: str, meaning: ReplyMeaning) -> _Rule:
    return _Rule(re.compile(pattern, re.I), meaning)


_RULES: tuple[_Rule, ...] = (
    _rule(
        r"5\.7\.68\b|TenantInboundAttribution",
        ReplyMeaning(
            "relay_reject_direct_send",
            N_(
                "Reject Direct Send is on for this organisation: anonymous mail from one of "
                "its own domains that matches no inbound connector is refused"
            ),
            N_(
                "Send through SMTP AUTH (smtp.office365.com:587) or through an inbound "
                "connector that matches this device (its public IP address or a TLS "
                "certificate). Only if the organisation relies on Direct Send, turn the "
                "block off: Set-OrganizationConfig -RejectDirectSend $false."
            ),
            RELAY_LINKS["reject_direct_send"],
        ),
    ),
    _rule(
        r"5\.7\.64\b|TenantAttribution",
        ReplyMeaning(
            "relay_tenant_attribution",
            N_(
                "no inbound connector of the organisation matched this connection, so "
                "Exchange Online does not relay for it (TenantAttribution; Relay Access "
                "Denied)"
            ),
            N_(
                "Check the inbound connector (Exchange admin center > Mail flow > "
                "Connectors, from 'Your organization's email server'): its sender IP "
                "addresses must include this network's public IP address, or its "
                "certificate domain (TlsSenderCertificateName) must match the name in the "
                "certificate the device presents. Mail to the organisation's own mailboxes "
                "needs no connector (Direct Send)."
            ),
            MAIL_LINKS["connectors"],
        ),
    ),
    _rule(
        r"4\.4\.62\b",
        ReplyMeaning(
            "relay_wrong_region",
            N_(
                "the message went to the wrong Exchange Online region or tenant: the MX "
                "host is not this domain's, or the connector that matched belongs to "
                "another tenant"
            ),
            N_(
                "Send to the MX host of the sender's own domain (the MX record the admin "
                "center shows under Settings > Domains), not another tenant's; if the "
                "connector is in another tenant (a migration, a partner), remove it there "
                "or make its certificate or IP addresses unique to this tenant."
            ),
            MAIL_LINKS["smtp_errors"],
            status=Status.FAIL,
        ),
    ),
    _rule(
        r"5\.7\.6(0[6-9]|[1-4][0-9])\b",
        ReplyMeaning(
            "relay_banned_ip",
            N_(
                "Exchange Online has banned this network's sending IP address (it is on "
                "Microsoft's blocked senders list)"
            ),
            N_(
                "Request removal at https://sender.office.com (the delist portal), then "
                "find out why it was listed: an infected computer or an open relay on this "
                "network, or a shared address of your provider."
            ),
            MAIL_LINKS["delist"],
        ),
    ),
    _rule(
        r"5\.7\.708\b",
        ReplyMeaning(
            "relay_ip_not_accepted",
            N_(
                "Exchange Online does not accept traffic from this IP address (its "
                "reputation, or a new tenant's sending limits)"
            ),
            N_(
                "Send from an address with a good reputation (or through SMTP AUTH); if the "
                "IP address is yours and clean, open a support request with Microsoft with "
                "the full reply."
            ),
            MAIL_LINKS["smtp_errors"],
        ),
    ),
    _rule(
        r"4\.7\.[56][0-9][0-9]\b",
        ReplyMeaning(
            "relay_throttled",
            N_("Exchange Online is throttling this sender or network for now"),
            N_(
                "Slow down: send fewer messages and fewer connections at a time, and let "
                "the device retry later. High volumes to internal recipients belong on High "
                "Volume Email."
            ),
            MAIL_LINKS["smtp_errors"],
            status=Status.WARN,
        ),
    ),
    _rule(
        r"5\.7\.1\b.*(\bHVE\b|high volume|internal recipient)",
        ReplyMeaning(
            "relay_hve_external",
            N_("High Volume Email sends only to the organisation's own recipients"),
            N_(
                "Send to an internal recipient, or use another method for external mail "
                "(SMTP AUTH, a connector, or Azure Communication Services)."
            ),
            RELAY_LINKS["hve"],
        ),
    ),
    _rule(
        r"5\.4\.1\b",
        ReplyMeaning(
            "relay_recipient_rejected",
            N_(
                "the recipient address was refused: Exchange Online knows no such mailbox "
                "in the organisation (Directory-Based Edge Blocking)"
            ),
            N_(
                "Check the recipient's address for a typing mistake, and that the mailbox "
                "(or a mail contact, group or alias) exists in Exchange Online; a recipient "
                "that lives elsewhere needs the domain set to Internal Relay."
            ),
            MAIL_LINKS["dbeb"],
        ),
    ),
)


def explain_relay(reply: str, *, cloud: bool = True) -> ReplyMeaning | None:
    """The meaning of a refusal during a relay test send, or None when neither table
    knows it. `cloud`: the server is Exchange Online."""
    text = reply.strip()[:_LOOK_AT]
    for rule in _RULES:
        if rule.pattern.search(text):
            return rule.meaning
    return explain_reply("smtp", text, cloud=cloud)
