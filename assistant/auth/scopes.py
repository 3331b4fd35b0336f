"""Which OAuth scopes a sign-in asks for, per protocol and cloud (facts.py's table).

Pure functions: no MSAL, no network. Delegated scopes are the permission names with
the cloud's Exchange Online resource in front; a bare "IMAP.AccessAsUser.All" would be
read by Microsoft Entra as a Microsoft Graph permission, and Exchange refuses Graph
tokens (the classic wrong audience, see token_diagnosis.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.facts import (
    ENVIRONMENTS,
    EXCHANGE_ONLINE_APP_ID,
    EXCHANGE_RESOURCES,
    OAUTH_APP_ROLES,
    OAUTH_DELEGATED_SCOPES,
    US_GOVERNMENT_CLOUDS,
    Cloud,
    Environment,
)
from assistant.text import msg

# The protocols a token can be for; "ews" covers EWS, autodiscover and MAPI over HTTP.
PROTOCOLS = tuple(OAUTH_DELEGATED_SCOPES)


class NoOAuthForCloud(ValueError):
    """The environment has no Exchange Online resource (on-premises). `text` says so in
    translatable words (str(exc) is the plain English)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _resource(env: Environment, *, app_only: bool) -> str:
    resource = env.oauth_app_resource if app_only else env.oauth_resource
    if resource is None:
        raise NoOAuthForCloud(
            msg(
                "{cloud} has no Exchange Online sign-in; OAuth needs a Microsoft 365 cloud",
                cloud=env.display_name,
            )
        )
    return resource


def resource_for(env: Environment, *, app_only: bool = False) -> str:
    """The resource (audience) a token for Exchange Online in this cloud is asked for."""
    return _resource(env, app_only=app_only)


def delegated_scopes(env: Environment, protocols: Iterable[str] = PROTOCOLS) -> list[str]:
    """Full scope strings for a user's sign-in, e.g.
    ['https://outlook.office.com/IMAP.AccessAsUser.All', ...], in PROTOCOLS order."""
    resource = _resource(env, app_only=False)
    wanted = set(protocols)
    unknown = wanted - set(PROTOCOLS)
    if unknown:
        raise ValueError(f"unknown protocol(s) for OAuth: {', '.join(sorted(unknown))}")
    return [f"{resource}/{OAUTH_DELEGATED_SCOPES[p]}" for p in PROTOCOLS if p in wanted]


def app_scopes(env: Environment) -> list[str]:
    """What client credentials ask for: the resource's '.default' (every granted role)."""
    return [f"{_resource(env, app_only=True)}/.default"]


def _resources_of(cloud: Cloud) -> set[str]:
    env = ENVIRONMENTS[cloud]
    found = set(EXCHANGE_RESOURCES.get(cloud, ()))
    found |= {r for r in (env.oauth_resource, env.oauth_app_resource) if r}
    return found


def exchange_audiences(env: Environment) -> frozenset[str]:
    """Audience values Exchange Online in this cloud accepts (with and without a slash,
    any case); GCC High and DoD accept each other's (one US Government sign-in service)."""
    family = US_GOVERNMENT_CLOUDS if env.cloud in US_GOVERNMENT_CLOUDS else {env.cloud}
    names = {EXCHANGE_ONLINE_APP_ID}
    for cloud in family:
        for resource in _resources_of(cloud):
            names |= {resource.lower(), resource.lower() + "/"}
    return frozenset(names)


def cloud_of_audience(audience: str) -> Cloud | None:
    """The cloud whose Exchange Online an audience names; None when it names none."""
    wanted = audience.rstrip("/").lower()
    for cloud in EXCHANGE_RESOURCES:
        if any(r.lower() == wanted for r in _resources_of(cloud)):
            return cloud
    return None


def needed_permission(protocol: str, *, app_only: bool) -> str:
    """The scope (delegated) or role (app-only) a protocol's sign-in needs."""
    table = OAUTH_APP_ROLES if app_only else OAUTH_DELEGATED_SCOPES
    return table[protocol]
