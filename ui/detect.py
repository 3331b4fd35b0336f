"""Which cloud a domain's tenant lives in, asked of the engine off the GUI thread.

The Target page calls `detect_cloud(domain, options)` on a worker thread whenever the
domain settles, and offers the answer as the default environment unless the user
already picked one. The engine reads the tenant's public sign-in metadata; ui/ opens
no sockets itself.
"""

from __future__ import annotations

from assistant.config import NetworkOptions
from assistant.facts import Cloud


def detect_cloud(domain: str, options: NetworkOptions | None) -> Cloud | None:
    """Blocking; called off the GUI thread. None when the cloud cannot be told."""
    if options is None:  # the Advanced section holds something invalid: do not guess
        return None
    # The network stack loads here, on the worker, not with the window (docs/PERFORMANCE.md).
    from assistant.auth.tenant_discovery import detect_cloud as engine_detect

    return engine_detect(domain, options)
