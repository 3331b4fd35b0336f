"""Facts about where a run came from, for the report header support reads first.

Nothing here opens a socket: the OS and time zone come from the standard library, the
resolvers from the configuration the engine's resolver reads (or the --nameserver
list), the proxy from the options and the usual environment variables (with any
user:password in them dropped). The public IP needs a lookup the user has to allow;
there is none yet, so it says so.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit, urlunsplit

from assistant.config import NetworkOptions
from assistant.model import JSONValue

PUBLIC_IP_NOT_LOOKED_UP: dict[str, JSONValue] = {
    "looked_up": False,
    "address": None,
    "note": "not looked up",
}
_PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")


def collect_environment(
    options: NetworkOptions,
    *,
    now: dt.datetime | None = None,
    env: Mapping[str, str] | None = None,
) -> dict[str, JSONValue]:
    local = (now or dt.datetime.now(dt.UTC)).astimezone()
    offset = local.strftime("%z")
    return {
        "os": {
            "system": platform.system(),
            "release": platform.release(),
            "platform": platform.platform(terse=True),
            "machine": platform.machine(),
        },
        "python": platform.python_version(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "time_zone": {
            "name": local.tzname() or "",
            "utc_offset": f"{offset[:3]}:{offset[3:]}" if offset else "",
        },
        "local_time": local.isoformat(timespec="seconds"),
        "resolvers": resolver_view(options),
        "proxy": proxy_view(options, os.environ if env is None else env),
        "public_ip": dict(PUBLIC_IP_NOT_LOOKED_UP),
    }


def resolver_view(options: NetworkOptions) -> dict[str, JSONValue]:
    # dnspython loads here, not with every reader of a saved report (the wizard's first page).
    from assistant.net.resolver import Resolver

    resolver = Resolver(options.nameservers)  # reads the configuration only; no query
    return {
        "mode": "explicit" if resolver.explicit else "system",
        "servers": [str(ns) for ns in resolver.nameservers],
    }


def proxy_view(options: NetworkOptions, env: Mapping[str, str]) -> dict[str, JSONValue]:
    variables: dict[str, JSONValue] = {}
    for name in _PROXY_VARIABLES:
        value = env.get(name) or env.get(name.lower())
        if value:
            variables[name] = without_userinfo(value)
    return {
        "configured": None if options.http_proxy is None else without_userinfo(options.http_proxy),
        "environment": variables,
    }


def without_userinfo(url: str) -> str:
    """'http://user:pw@proxy:8080' -> 'http://proxy:8080' (a proxy password is a secret)."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url if "://" in url else f"//{url}")
    except ValueError:
        return "«unparseable proxy setting»"
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=host)).removeprefix("//")


def run_facts(
    requested: Sequence[str] | None,
    planned: Sequence[str],
    *,
    cancelled: bool,
    duration_ms: int | None,
) -> dict[str, JSONValue]:
    return {
        "requested": list(requested) if requested else ["all"],
        "checks": list(planned),
        "cancelled": cancelled,
        "duration_ms": duration_ms,
    }
