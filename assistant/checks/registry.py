"""Every check the engine knows, and the selection rules the CLI and wizard share."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.auth.scopes import PROTOCOLS
from assistant.check import Check
from assistant.checks.auth_token import AUTH_CHECKS
from assistant.checks.autodiscover import AUTODISCOVER_CHECKS
from assistant.checks.dns import DNS_CHECKS
from assistant.checks.ews import EWS_CHECKS
from assistant.checks.imap import IMAP_CHECKS
from assistant.checks.integration import INTEGRATION_CHECKS
from assistant.checks.mapi import MAPI_CHECKS
from assistant.checks.oauth_common import AUTH_TOKEN
from assistant.checks.pop import POP_CHECKS
from assistant.checks.relay import RELAY_CHECKS
from assistant.checks.smtp import SMTP_CHECKS
from assistant.config import InputError
from assistant.text import msg

ALL_CHECKS: tuple[Check, ...] = (
    AUTH_CHECKS
    + DNS_CHECKS
    + AUTODISCOVER_CHECKS
    + EWS_CHECKS
    + MAPI_CHECKS
    + IMAP_CHECKS
    + POP_CHECKS
    + SMTP_CHECKS
    + RELAY_CHECKS
    + INTEGRATION_CHECKS
)


def areas() -> list[str]:
    return list(dict.fromkeys(c.area for c in ALL_CHECKS))


def select(names: Iterable[str] | None) -> list[Check]:
    """Checks by area ('dns'), by ID ('dns.mx') or by a group of IDs
    ('integration.sharepoint'); what they require comes along.

    None or empty selects everything but the checks that run only when asked for
    (auth.token: the CLI and the wizard add it when the run signs in with OAuth).
    """
    wanted = [n.strip().lower() for n in names or () if n.strip()]
    if not wanted:
        return [c for c in ALL_CHECKS if not c.explicit_only]
    by_id = {c.id: c for c in ALL_CHECKS}
    chosen: dict[str, Check] = {}
    for name in wanted:
        # An area, a check ID, or a group of IDs ("integration.sharepoint": its checks).
        matches = [c for c in ALL_CHECKS if name in (c.area, c.id) or c.id.startswith(f"{name}.")]
        if not matches:
            known = ", ".join(areas())
            raise InputError(
                msg(
                    "unknown check '{name}': use an area ({areas}) or a check ID",
                    name=name,
                    areas=known,
                )
            )
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


def oauth_protocols(check_ids: Iterable[str]) -> list[str]:
    """What an OAuth sign-in asks permissions for: the protocols the run's checks sign in
    to (Check.oauth_protocol), in PROTOCOLS order; all of them when the checks name none
    (auth.token alone)."""
    wanted = {c.oauth_protocol for c in ALL_CHECKS if c.id in set(check_ids)}
    return [p for p in PROTOCOLS if p in wanted] or list(PROTOCOLS)


def area_needs_credentials(area: str) -> bool:
    """Whether any check of the area signs in (Check.needs_credentials)."""
    return any(c.needs_credentials for c in ALL_CHECKS if c.area == area)


def with_sign_in(checks: list[Check]) -> list[Check]:
    """`checks` with auth.token first, for a run that signs in with OAuth: it signs in
    (the device code wait included) and diagnoses the token before the logins use it."""
    if any(c.id == AUTH_TOKEN for c in checks):
        return checks
    return [*select([AUTH_TOKEN]), *checks]
