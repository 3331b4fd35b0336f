"""The settings autodiscover found, as later checks (EWS, MAPI, IMAP, POP, SMTP) use them.

`autodiscover.result` carries one Evidence of kind "settings" whose data is
`DiscoveredSettings.to_dict()`; `discovered_settings(results)` reads it back, and
falls back to the cloud's defaults when autodiscover did not run or found nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.facts import Environment
from assistant.model import Evidence, Step
from assistant.text import msg

RESULT_CHECK = "autodiscover.result"
SETTINGS_KIND = "settings"
# DiscoveredSettings.source when the cloud's defaults apply (no step supplied them). Reports
# show it ("URL from cloud defaults") and later checks compare with it: this one constant.
CLOUD_DEFAULTS = "cloud defaults"


@dataclass(frozen=True)
class ProtocolEndpoint:
    host: str
    port: int
    encryption: str  # "ssl" (implicit TLS), "tls" (STARTTLS), "none"

    def to_dict(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "encryption": self.encryption}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> ProtocolEndpoint:
        return cls(str(raw["host"]), int(raw["port"]), str(raw["encryption"]))


@dataclass(frozen=True)
class DiscoveredSettings:
    source: str  # the step that supplied them, or CLOUD_DEFAULTS
    email: str | None = None  # after redirectAddr hops, the address that answered
    ews_url: str | None = None
    mapi_emsmdb_url: str | None = None
    mapi_nspi_url: str | None = None
    oab_url: str | None = None
    imap: ProtocolEndpoint | None = None
    pop: ProtocolEndpoint | None = None
    smtp: ProtocolEndpoint | None = None
    extra: dict[str, str] = field(default_factory=dict)  # server, version, display name...
    # Domains besides the target's that an authenticated answer from a host allowed
    # credentials vouched for (walk.py); the only domains later checks add to the rules.
    trusted_domains: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "email": self.email,
            "ews_url": self.ews_url,
            "mapi_emsmdb_url": self.mapi_emsmdb_url,
            "mapi_nspi_url": self.mapi_nspi_url,
            "oab_url": self.oab_url,
            "imap": None if self.imap is None else self.imap.to_dict(),
            "pop": None if self.pop is None else self.pop.to_dict(),
            "smtp": None if self.smtp is None else self.smtp.to_dict(),
            "extra": dict(self.extra),
            "trusted_domains": list(self.trusted_domains),
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> DiscoveredSettings:
        def endpoint(key: str) -> ProtocolEndpoint | None:
            value = raw.get(key)
            return None if value is None else ProtocolEndpoint.from_dict(value)

        return cls(
            source=str(raw["source"]),
            email=raw.get("email"),
            ews_url=raw.get("ews_url"),
            mapi_emsmdb_url=raw.get("mapi_emsmdb_url"),
            mapi_nspi_url=raw.get("mapi_nspi_url"),
            oab_url=raw.get("oab_url"),
            imap=endpoint("imap"),
            pop=endpoint("pop"),
            smtp=endpoint("smtp"),
            extra={str(k): str(v) for k, v in (raw.get("extra") or {}).items()},
            trusted_domains=tuple(str(d) for d in raw.get("trusted_domains") or ()),
        )

    def source_of(self, name: str) -> str:
        """Which step supplied one field (a field filled from the cloud's defaults says so)."""
        filled = self.extra.get("defaults_for", "").split(",")
        return CLOUD_DEFAULTS if name in filled else self.source

    def to_evidence(self) -> Evidence:
        return Evidence(kind=SETTINGS_KIND, label=msg("Discovered settings"), data=self.to_dict())


def cloud_defaults(env: Environment) -> DiscoveredSettings:
    """What a cloud mailbox uses when autodiscover says nothing (CHECKS.md's table)."""
    if not env.is_cloud or env.mailbox_host is None:
        return DiscoveredSettings(source=CLOUD_DEFAULTS)
    host = env.mailbox_host
    smtp = None
    if env.smtp_submission is not None:
        smtp = ProtocolEndpoint(env.smtp_submission[0], env.smtp_submission[1], "tls")
    return DiscoveredSettings(
        source=CLOUD_DEFAULTS,
        ews_url=f"https://{host}/EWS/Exchange.asmx",
        mapi_emsmdb_url=f"https://{host}/mapi/emsmdb/",
        mapi_nspi_url=f"https://{host}/mapi/nspi/",
        imap=ProtocolEndpoint(host, 993, "ssl"),
        pop=ProtocolEndpoint(host, 995, "ssl"),
        smtp=smtp,
    )


_ENDPOINT_FIELDS = ("ews_url", "mapi_emsmdb_url", "mapi_nspi_url", "imap", "pop", "smtp")


def discovered_settings(results: Mapping[str, Step], env: Environment) -> DiscoveredSettings:
    """The settings from autodiscover.result, each missing endpoint filled from the cloud's
    defaults (Exchange Online's autodiscover, for one, names no IMAP, POP or SMTP host)."""
    defaults = cloud_defaults(env)
    step = results.get(RESULT_CHECK)
    found = None
    if step is not None:
        found = next(
            (
                DiscoveredSettings.from_dict(e.data)
                for e in step.evidence
                if e.kind == SETTINGS_KIND and isinstance(e.data, dict)
            ),
            None,
        )
    if found is None or found.source == defaults.source:
        return defaults
    filled = [
        name
        for name in _ENDPOINT_FIELDS
        if getattr(found, name) is None and getattr(defaults, name) is not None
    ]
    if not filled:
        return found
    return replace(
        found,
        **{name: getattr(defaults, name) for name in filled},
        extra={**found.extra, "defaults_for": ",".join(filled)},
    )
