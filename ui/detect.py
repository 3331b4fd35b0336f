"""SEAM: which cloud a domain's tenant lives in, from its sign-in metadata.

The Target page calls `detect_cloud(domain)` on a worker thread (never the GUI thread)
whenever the domain settles, and offers the answer as the default environment unless
the user already picked one. The engine has no tenant-detection function yet (CHECKS.md
plans `integration.tenant`: the tenant's OpenID configuration names its cloud); until
it lands this stub answers None, which means "unknown, keep the user's choice".

Wire the engine in here, and only here: ui/ opens no sockets itself.
"""

from __future__ import annotations

from assistant.facts import Cloud


def detect_cloud(domain: str) -> Cloud | None:
    """Blocking; called off the GUI thread. None when the cloud cannot be told."""
    del domain
    return None
