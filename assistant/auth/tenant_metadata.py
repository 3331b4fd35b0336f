"""A domain's tenant, from the public OpenID configuration of its cloud's sign-in service.

`https://<login host>/<domain>/v2.0/.well-known/openid-configuration` answers anonymously
with the tenant ID (in `issuer`), `cloud_instance_name` and `tenant_region_scope`; an
unknown domain gets HTTP 400 with AADSTS90002. One reader for everything that asks: the
wizard's cloud detection (tenant_discovery.py), auth.token.tenant and integration.tenant.

`parse_openid_configuration` is pure and bounded: the answer is a stranger's JSON, so
anything that is not the documented shape is "no tenant, and why", never an exception.
`fetch_tenant_metadata` is the one request, over a Network (deadline, cancel, TLS policy).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from assistant.facts import CLOUD_INSTANCE_NAMES, Cloud
from assistant.net.http import HttpError, HttpResponse, https_request
from assistant.net.network import Network
from assistant.text import msg

MAX_BYTES = 64 * 1024  # a real configuration is about 1.7 KiB
MAX_VALUE_CHARS = 200  # one field's text; anything longer is not a value Entra sends
AADSTS_UNKNOWN_TENANT = "AADSTS90002"
_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SCOPE = re.compile(r"[A-Za-z0-9_-]{1,32}")  # "NA", "EU", "WW", "USGov", "DODCON"


@dataclass(frozen=True)
class TenantMetadata:
    tenant_id: str  # GUID, lower case, from the issuer
    issuer: str
    cloud_instance_name: str | None  # "microsoftonline.com", "microsoftonline.us", ...
    cloud: Cloud | None  # the cloud that instance name names (facts.CLOUD_INSTANCE_NAMES)
    region_scope: str | None  # tenant_region_scope: "NA", "EU", "USGov", ...
    region_sub_scope: str | None  # tenant_region_sub_scope: "GCC", "DODCON", "DOD"


@dataclass(frozen=True)
class MetadataAnswer:
    """What one answer says: the metadata, or None and the reason in plain words."""

    metadata: TenantMetadata | None
    reason: str = ""  # why there is no metadata; "" when there is
    # The sign-in service itself said the domain is no tenant's (AADSTS90002), as opposed
    # to an answer that could not be read.
    unknown_tenant: bool = False


@dataclass(frozen=True)
class TenantLookup:
    """One request and what it said; `response` is None when no answer came."""

    url: str
    answer: MetadataAnswer
    response: HttpResponse | None = None
    error: HttpError | None = None

    @property
    def metadata(self) -> TenantMetadata | None:
        return self.answer.metadata


def openid_configuration_url(login_host: str, domain: str) -> str:
    return f"https://{login_host}/{quote(domain, safe='')}/v2.0/.well-known/openid-configuration"


def _text(config: dict[str, object], key: str) -> str | None:
    value = config.get(key)
    if isinstance(value, str) and 0 < len(value) <= MAX_VALUE_CHARS:
        return value
    return None


def tenant_id_of(issuer: str) -> str | None:
    """The GUID in `https://<host>/<tenant id>/v2.0` (or the v1 `https://sts.windows.net/
    <tenant id>/`); None for the `{tenantid}` placeholder or anything else."""
    parts = [p for p in issuer.split("/") if p]
    if len(parts) < 3 or parts[0] != "https:":
        return None
    candidate = parts[2].lower()
    return candidate if _GUID.fullmatch(candidate) else None


def _scope(config: dict[str, object], key: str) -> str | None:
    value = _text(config, key)
    return value if value is not None and _SCOPE.fullmatch(value) else None


def _refusal(body: bytes) -> MetadataAnswer:
    """An HTTP 400: Entra's error JSON, AADSTS90002 when the domain is no tenant's."""
    try:
        error = json.loads(body)
    except (ValueError, RecursionError):
        error = None
    described = _text(error, "error_description") if isinstance(error, dict) else None
    if described is None and isinstance(error, dict):
        long_text = error.get("error_description")
        if isinstance(long_text, str):  # the code is at the front; the rest may be long
            described = long_text[:MAX_VALUE_CHARS]
    if described is not None and described.startswith(AADSTS_UNKNOWN_TENANT):
        return MetadataAnswer(
            None, msg("the sign-in service knows no tenant with this domain"), unknown_tenant=True
        )
    return MetadataAnswer(None, msg("the sign-in service refused the request (HTTP 400)"))


def parse_openid_configuration(
    status: int, body: bytes, *, truncated: bool = False
) -> MetadataAnswer:
    """The tenant an OpenID configuration answer names. Linear in the body, which is
    refused above MAX_BYTES (json's own recursion limit stops deep nesting)."""
    if truncated or len(body) > MAX_BYTES:
        return MetadataAnswer(
            None,
            msg(
                "the answer is larger than {kib} KiB: not an OpenID configuration",
                kib=MAX_BYTES // 1024,
            ),
        )
    if status == 400:
        return _refusal(body)
    if status != 200:
        return MetadataAnswer(None, msg("no OpenID configuration (HTTP {status})", status=status))
    try:
        config = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return MetadataAnswer(None, msg("the OpenID configuration is not JSON"))
    if not isinstance(config, dict):
        return MetadataAnswer(None, msg("the OpenID configuration is not a JSON object"))
    issuer = _text(config, "issuer")
    if issuer is None:
        return MetadataAnswer(None, msg("the OpenID configuration names no issuer"))
    tenant_id = tenant_id_of(issuer)
    if tenant_id is None:
        return MetadataAnswer(None, msg("the issuer {issuer} names no tenant ID", issuer=issuer))
    instance = _text(config, "cloud_instance_name")
    return MetadataAnswer(
        TenantMetadata(
            tenant_id=tenant_id,
            issuer=issuer,
            cloud_instance_name=instance,
            cloud=CLOUD_INSTANCE_NAMES.get(instance or ""),
            region_scope=_scope(config, "tenant_region_scope"),
            region_sub_scope=_scope(config, "tenant_region_sub_scope"),
        )
    )


def fetch_tenant_metadata(net: Network, login_host: str, domain: str) -> TenantLookup:
    """Ask `login_host` for `domain`'s OpenID configuration. Never raises for the network
    or the answer (they are findings); cancellation propagates."""
    url = openid_configuration_url(login_host, domain)
    try:
        response = https_request(net, url, max_bytes=MAX_BYTES)
    except HttpError as exc:
        net.token.raise_if_cancelled()
        return TenantLookup(url, MetadataAnswer(None, exc.message), error=exc)
    answer = parse_openid_configuration(
        response.status, response.body, truncated=response.truncated
    )
    return TenantLookup(url, answer, response)
