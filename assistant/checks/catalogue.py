"""The check areas and which of them sign in, without importing the checks.

The wizard's Checks page lists the areas when the window is made, and importing every check
(assistant/checks/registry.py: the network stack, the TLS and DNS libraries) takes a
quarter of a second that the first page should not wait for. The registry stays the truth:
tests/unit/test_check_catalogue.py fails when this table and it disagree.
"""

from __future__ import annotations

# In the registry's order (registry.areas()).
AREAS = (
    "auth",
    "dns",
    "autodiscover",
    "ews",
    "mapi",
    "imap",
    "pop",
    "smtp",
    "relay",
    "integration",
)
# Areas with a check that signs in (registry.area_needs_credentials).
SIGNS_IN = frozenset({"auth", "ews", "imap", "pop", "smtp", "relay"})


def areas() -> list[str]:
    return list(AREAS)


def area_needs_credentials(area: str) -> bool:
    return area in SIGNS_IN
