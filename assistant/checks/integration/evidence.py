"""What integration.tenant hands the other integration checks: the tenant ID they compare
Bearer challenges and realms against, as Evidence(kind=TENANT_KIND) on its Step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from assistant.model import Evidence, Step
from assistant.text import msg

TENANT_KIND = "integration-tenant"


@dataclass(frozen=True)
class TenantFacts:
    tenant_id: str | None  # GUID, lower case; None when the domain is no tenant's
    cloud_instance_name: str | None  # "microsoftonline.com", "microsoftonline.us", ...
    region_scope: str | None  # "NA", "EU", "USGov", ...
    login_host: str | None  # the sign-in host asked

    def to_evidence(self) -> Evidence:
        return Evidence(kind=TENANT_KIND, label=msg("The tenant"), data=asdict(self))


def tenant_in(results: Mapping[str, Step]) -> TenantFacts | None:
    for step in results.values():
        for item in step.evidence:
            if item.kind == TENANT_KIND and isinstance(item.data, dict):
                data = item.data

                def text(key: str, data: dict[str, object] = data) -> str | None:
                    value = data.get(key)
                    return value if isinstance(value, str) and value else None

                return TenantFacts(
                    text("tenant_id"),
                    text("cloud_instance_name"),
                    text("region_scope"),
                    text("login_host"),
                )
    return None
