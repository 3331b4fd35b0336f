"""Every check the engine knows, and the selection rules the CLI and wizard share."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.checks.autodiscover import AUTODISCOVER_CHECKS
from assistant.checks.dns import DNS_CHECKS
from assistant.checks.ews import EWS_CHECKS
from assistant.checks.imap import IMAP_CHECKS
from assistant.checks.mapi import MAPI_CHECKS
from assistant.checks.pop import POP_CHECKS
from assistant.checks.smtp import SMTP_CHECKS
from assistant.config import InputError
from assistant.runner import Check

ALL_CHECKS: tuple[Check, ...] = (
    DNS_CHECKS
    + AUTODISCOVER_CHECKS
    + EWS_CHECKS
    + MAPI_CHECKS
    + IMAP_CHECKS
    + POP_CHECKS
    + SMTP_CHECKS
)


def areas() -> list[str]:
    return list(dict.fromkeys(c.area for c in ALL_CHECKS))


def select(names: Iterable[str] | None) -> list[Check]:
    """Checks by area ('dns') or by ID ('dns.mx'); what they require comes along.

    None or empty selects everything.
    """
    wanted = [n.strip().lower() for n in names or () if n.strip()]
    if not wanted:
        return list(ALL_CHECKS)
    by_id = {c.id: c for c in ALL_CHECKS}
    chosen: dict[str, Check] = {}
    for name in wanted:
        matches = [c for c in ALL_CHECKS if name in (c.area, c.id)]
        if not matches:
            known = ", ".join(areas())
            raise InputError(f"unknown check '{name}': use an area ({known}) or a check ID")
        for check in matches:
            chosen[check.id] = check
    # Pull in prerequisites so a lone 'dns.mx' still knows whether the resolver works.
    queue = list(chosen.values())
    while queue:
        for dep in queue.pop().requires:
            if dep not in chosen:
                chosen[dep] = by_id[dep]
                queue.append(by_id[dep])
    return [c for c in ALL_CHECKS if c.id in chosen]
