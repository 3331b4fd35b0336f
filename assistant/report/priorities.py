"""'What to do first': the short list at the top of a report, ranked by impact.

A pure function over the step tree. Rules, in order:

1. Only problems count (fail, error, warn), and only where the problem reaches the
   top: a failed child under a check that passed overall (an autodiscover candidate
   Outlook does not need when another one worked) is not something to fix.
2. fail and error come before warn.
3. Checks that others depend on come first (FOUNDATIONS: no resolver, no DNS answers;
   no OAuth sign-in, no logins; no MX, no mail; no autodiscover result, no
   EWS/MAPI/IMAP/POP/SMTP endpoints; no port 25, no relay), then checks in run order,
   which is dependency order.
4. Within a check, every step on such a problem path that carries a remedy is an
   item, the check's own first, then its children's in order. A problem check with
   no remedy anywhere is listed with its summary, so it is not lost.
5. The same remedy text is listed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.model import Status, Step

# Most fundamental first. Checks not named here rank after these, in run order.
FOUNDATIONS: tuple[str, ...] = (
    "dns.resolver",
    "auth.token",  # no OAuth sign-in, no login anywhere
    "dns.mx",
    "autodiscover.result",
    "dns.autodiscover",
    "ews.endpoint",
    "ews.login",
    "ews.mailbox",  # integration.lync.ews reads whether out-of-office and free/busy were read
    "imap.login",
    "pop.login",
    "smtp.auth",
    # Relay: no port 25, no Direct Send or connector; no accepted send, no round trip;
    # relay.advice waits for all of them and comes last.
    "relay.port25",
    "relay.client_submission",
    "relay.direct_send",
    "relay.connector",
    "relay.hve",
    "relay.spf_alignment",
    "relay.roundtrip",
    # Integration: every later check compares what it reads with the tenant found here.
    "integration.tenant",
)
_URGENT = (Status.FAIL, Status.ERROR)


@dataclass(frozen=True)
class Priority:
    check_id: str  # the top-level check the item belongs to
    step_id: str
    title: str
    status: Status
    summary: str
    remedy: str
    link: str | None


def first_actions(
    steps: Sequence[Step], *, foundations: Sequence[str] = FOUNDATIONS, limit: int = 5
) -> list[Priority]:
    ranked: list[tuple[tuple[int, int, int, int], Priority]] = []
    order = 0
    for position, check in enumerate(steps):
        if not check.status.is_problem:
            continue
        items = _items(check, check.id)
        if not items:
            items = [
                Priority(
                    check.id,
                    check.id,
                    check.title,
                    check.status,
                    check.summary,
                    check.summary,
                    None,
                )
            ]
        weight = foundations.index(check.id) if check.id in foundations else len(foundations)
        for item in items:
            urgency = 0 if item.status in _URGENT or check.status in _URGENT else 1
            ranked.append(((urgency, weight, position, order), item))
            order += 1
    ranked.sort(key=lambda pair: pair[0])
    seen: set[str] = set()
    out: list[Priority] = []
    for _, item in ranked:
        key = " ".join(item.remedy.split()).casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out[:limit]


def _items(step: Step, check_id: str) -> list[Priority]:
    """The remedy of `step`; only when it has none, those of its problem descendants.

    A check's own remedy already speaks for its children (autodiscover names the
    candidate that matters), and listing each failed candidate as well buries the fix
    under noise such as an unused root-domain candidate.
    """
    if step.remedy is not None and step.remedy.text.strip():
        return [
            Priority(
                check_id,
                step.id,
                step.title,
                step.status,
                step.summary,
                step.remedy.text,
                step.remedy.link,
            )
        ]
    found: list[Priority] = []
    for child in step.children:
        if child.status.is_problem:
            found.extend(_items(child, check_id))
    return found
