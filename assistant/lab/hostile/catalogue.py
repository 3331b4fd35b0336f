"""The hostile-server catalogue (issue 19): named behaviours across DNS, HTTPS, SMTP
(submission and MX), IMAP and POP3, each with what it does, how the lab serves it,
which check meets it, and words the check's verdict must contain to name the cause.

`serve(kit)` builds the behaviour: a ScriptServer script for network protocols (a dict
{(host, port): script} when more than one host takes part), Records or a DNS Fault for
DNS, or an OddResolver mode. `main_lab` entries reuse what the tenant lab (tenant.py)
already serves for a scenario domain: nothing new is built for them.
"""

from assistant.lab.hostile.behaviour import EVIL, PROTOCOLS, SUFFIX, Behaviour
from assistant.lab.hostile.entries_dns import DNS
from assistant.lab.hostile.entries_https import HTTPS
from assistant.lab.hostile.entries_mail import IMAP, MX, POP, SMTP

__all__ = ["BY_NAME", "CATALOGUE", "EVIL", "PROTOCOLS", "SUFFIX", "Behaviour", "counts"]

CATALOGUE: tuple[Behaviour, ...] = (*DNS, *HTTPS, *SMTP, *MX, *IMAP, *POP)
BY_NAME = {b.name: b for b in CATALOGUE}
assert len(BY_NAME) == len(CATALOGUE), "behaviour names are unique"


def counts() -> dict[str, int]:
    return {p: sum(b.protocol == p for b in CATALOGUE) for p in PROTOCOLS}
