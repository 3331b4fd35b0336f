"""The relay.* check IDs (a contract: CHECKS.md, scripts drive them) and their titles."""

from __future__ import annotations

from assistant.relay_plan import RelayMethod
from assistant.text import msg

PORT25 = "relay.port25"
CLIENT_SUBMISSION = "relay.client_submission"
DIRECT_SEND = "relay.direct_send"
CONNECTOR = "relay.connector"
HVE = "relay.hve"
SPF_ALIGNMENT = "relay.spf_alignment"
ADVICE = "relay.advice"
ROUNDTRIP = "relay.roundtrip"

# The check that sends with each method.
SEND_CHECKS: dict[RelayMethod, str] = {
    RelayMethod.SUBMISSION: CLIENT_SUBMISSION,
    RelayMethod.DIRECT: DIRECT_SEND,
    RelayMethod.CONNECTOR: CONNECTOR,
    RelayMethod.HVE: HVE,
}

TITLES = {
    PORT25: msg("Outbound port 25 to the MX endpoint"),
    CLIENT_SUBMISSION: msg("Test send: SMTP AUTH client submission"),
    DIRECT_SEND: msg("Test send: Direct Send to the MX endpoint"),
    CONNECTOR: msg("Test send: SMTP relay through an inbound connector"),
    HVE: msg("Test send: High Volume Email"),
    SPF_ALIGNMENT: msg("SPF for this network's public IP address"),
    ADVICE: msg("Which sending method fits this device"),
    ROUNDTRIP: msg("Proof of delivery: the test message in the mailbox"),
}
