"""relay.*: test sends for devices and applications, and proof of delivery (issue 14).

RELAY_CHECKS in run order: port 25, the sends (each needs ctx.relay.send_to to send
anything), SPF for this network's IP, the round trip, and the advice last (it reads
every other relay check's verdict)."""

from __future__ import annotations

from assistant.check import Check
from assistant.checks.relay.advice import ADVICE_CHECK
from assistant.checks.relay.spf_alignment import SPF_ALIGNMENT_CHECK

RELAY_CHECKS: tuple[Check, ...] = (SPF_ALIGNMENT_CHECK, ADVICE_CHECK)
