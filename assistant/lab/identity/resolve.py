"""What a request to the lab identity provider names: its cloud (by host), its tenant
(AADSTS90002 when unknown, 90038 when of another cloud), its app (AADSTS700016) and the
resource and permissions in its scope parameter (AADSTS70011, 500011)."""

from __future__ import annotations

from assistant.facts import ENVIRONMENTS, Cloud
from assistant.lab.identity.errors import refuse
from assistant.lab.identity.registry import LabApp, LabTenant
from assistant.lab.identity.state import IdentityState

LOGIN_HOSTS = {
    "login.microsoftonline.com": Cloud.WORLDWIDE,
    "login.microsoftonline.us": Cloud.GCC_HIGH,
    "login.partner.microsoftonline.cn": Cloud.CHINA,
}
OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
CLOUD_INSTANCE = {
    Cloud.WORLDWIDE: "microsoftonline.com",
    Cloud.GCC_HIGH: "microsoftonline.us",
    Cloud.DOD: "microsoftonline.us",
    Cloud.CHINA: "partner.microsoftonline.cn",
}


def cloud_of_host(host: str) -> Cloud:
    return LOGIN_HOSTS.get(host, Cloud.WORLDWIDE)


def tenant_of(idp: IdentityState, host: str, name: str, *, issuing: bool) -> LabTenant | None:
    """The tenant named in the path; None for organizations/common. Unknown: 90002;
    another cloud's tenant when tokens are asked for: 90038."""
    if name in ("organizations", "common"):
        return None
    found = idp.tenant(name)
    if found is None:
        raise refuse(90002, tenant=name)
    here = cloud_of_host(host)
    same = found.cloud is here or {found.cloud, here} <= {Cloud.GCC_HIGH, Cloud.DOD}
    if issuing and not same:
        raise refuse(
            90038, tenant=name, cloud=CLOUD_INSTANCE[found.cloud], here=CLOUD_INSTANCE[here]
        )
    return found


def parse_scopes(
    cloud: Cloud, text: str, tenant: str
) -> tuple[str, frozenset[str], frozenset[str]]:
    """(resource, permission names, OIDC scopes) of a scope parameter. A bare name is a
    Microsoft Graph permission, as in Entra; scopes of two resources are refused."""
    env = ENVIRONMENTS[cloud]
    resources: set[str] = set()
    names: set[str] = set()
    oidc: set[str] = set()
    for scope in text.split():
        if scope.lower() in OIDC_SCOPES:
            oidc.add(scope.lower())
            continue
        if "://" in scope:
            resource, _, name = scope.rpartition("/")
        else:
            resource, name = str(env.graph_resource), scope
        resources.add(resource.rstrip("/"))
        names.add(name)
    if len(resources) != 1:
        raise refuse(70011)
    resource = resources.pop()
    known = {r for r in (env.oauth_resource, env.oauth_app_resource, env.graph_resource) if r}
    if resource not in known:
        raise refuse(500011, resource=resource, tenant=tenant)
    return resource, frozenset(names), frozenset(oidc)


def app_of(idp: IdentityState, client_id: str, tenant: str) -> LabApp:
    app = idp.apps.get(client_id.lower())
    if app is None:
        raise refuse(700016, client_id=client_id, tenant=tenant)
    return app
