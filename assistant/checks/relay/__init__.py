"""relay.*: test sends for devices and applications, and proof of delivery (issue 14).

RELAY_CHECKS in run order: port 25, the sends (each needs ctx.relay.send_to to send
anything), SPF for this network's IP, the round trip, and the advice last (it reads
every other relay check's verdict)."""

from __future__ import annotations

from assistant.check import Check
from assistant.checks.relay.advice import ADVICE_CHECK
from assistant.checks.relay.mx_send import CONNECTOR_CHECK, DIRECT_SEND_CHECK
from assistant.checks.relay.port25 import PORT25_CHECK
from assistant.checks.relay.roundtrip import ROUNDTRIP_CHECK
from assistant.checks.relay.spf_alignment import SPF_ALIGNMENT_CHECK
from assistant.checks.relay.submission import CLIENT_SUBMISSION_CHECK, HVE_CHECK

RELAY_CHECKS: tuple[Check, ...] = (
    PORT25_CHECK,
    CLIENT_SUBMISSION_CHECK,
    HVE_CHECK,
    DIRECT_SEND_CHECK,
    CONNECTOR_CHECK,
    SPF_ALIGNMENT_CHECK,
    ROUNDTRIP_CHECK,
    ADVICE_CHECK,
)
