"""How one run signs in with OAuth 2.0: the flow, the user's own app registration, the
tenant and cloud, and (for app-only) the app's secret or certificate.

`OAuthConfig.build()` checks the input and raises InputError with one sentence, as the
other parsers in config.py do, so the CLI exits 2 and the wizard shows it by the field.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.auth.scopes import PROTOCOLS, app_scopes, delegated_scopes
from assistant.config import InputError, normalize_domain
from assistant.facts import ENVIRONMENTS, Cloud, Environment
from assistant.settings_names import setting
from assistant.text import msg

if TYPE_CHECKING:  # cryptography loads with a certificate, not with every sign-in form
    from assistant.auth.client_cert import ClientCertificate

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_MULTI_TENANT = ("organizations", "common")


class Flow(enum.StrEnum):
    DEVICE = "oauth-device"  # a code shown here, entered in any browser
    BROWSER = "oauth-browser"  # this computer's browser, redirect to http://localhost
    APP = "oauth-app"  # client credentials: the app itself, no user

    @property
    def app_only(self) -> bool:
        return self is Flow.APP

    def describe(self) -> str:
        return {
            Flow.DEVICE: msg("device code sign-in"),
            Flow.BROWSER: msg("browser sign-in"),
            Flow.APP: msg("app-only (client credentials)"),
        }[self]


@dataclass(frozen=True)
class OAuthConfig:
    flow: Flow
    client_id: str
    cloud: Cloud
    tenant: str  # a tenant ID, a verified domain, or "organizations"
    scopes: tuple[str, ...]
    protocols: tuple[str, ...] = ("imap", "pop", "smtp", "ews")  # what the run signs in to
    client_secret: str | None = field(default=None, repr=False)
    certificate: ClientCertificate | None = field(default=None, repr=False)
    login_hint: str | None = None
    persist_cache: bool = False  # only ever in the OS's protected storage (token_cache.py)

    @property
    def environment(self) -> Environment:
        return ENVIRONMENTS[self.cloud]

    @property
    def login_host(self) -> str:
        host = self.environment.login_host
        assert host is not None  # build() refuses clouds without one
        return host

    @property
    def authority(self) -> str:
        return f"https://{self.login_host}/{self.tenant}"

    @property
    def app_only(self) -> bool:
        return self.flow.app_only

    def secrets(self) -> list[str]:
        found = [self.client_secret] if self.client_secret else []
        if self.certificate is not None:
            found.append(self.certificate.private_key_pem)
        return found

    def describe(self) -> str:
        flow, app, tenant = self.flow.describe(), self.client_id, self.tenant
        if self.certificate is not None:
            return msg(
                "{flow} with {certificate}, app {app}, tenant {tenant}",
                flow=flow,
                certificate=self.certificate.describe(),
                app=app,
                tenant=tenant,
            )
        if self.client_secret is not None:
            return msg(
                "{flow} with a client secret, app {app}, tenant {tenant}",
                flow=flow,
                app=app,
                tenant=tenant,
            )
        return msg("{flow}, app {app}, tenant {tenant}", flow=flow, app=app, tenant=tenant)

    @classmethod
    def build(
        cls,
        flow: Flow | str,
        *,
        client_id: str,
        cloud: Cloud,
        tenant: str | None,
        domain: str | None,
        protocols: Sequence[str],
        client_secret: str | None = None,
        certificate: ClientCertificate | None = None,
        login_hint: str | None = None,
        persist_cache: bool = False,
    ) -> OAuthConfig:
        """Validate the user's input. `domain` (the mailbox's) is the default tenant."""
        try:
            flow = Flow(flow)
        except ValueError:
            names = ", ".join(f.value for f in Flow)
            raise InputError(
                msg("unknown sign-in '{flow}': choose one of {names}", flow=flow, names=names)
            ) from None
        env = ENVIRONMENTS[cloud]
        if env.login_host is None or env.oauth_resource is None:
            raise InputError(
                msg(
                    "OAuth sign-in is for Microsoft 365 clouds; on-premises Exchange signs in "
                    "with a password (or its own AD FS, which this tool does not drive)"
                )
            )
        client_id = client_id.strip()
        if not _GUID.match(client_id):
            raise InputError(
                msg(
                    "'{client_id}' is not an Application (client) ID: {setting} is the GUID on "
                    "your app registration's Overview page, like "
                    "11111111-2222-3333-4444-555555555555",
                    client_id=client_id,
                    setting=setting("client_id"),
                ),
                about="client_id",
            )
        chosen = _tenant(tenant, domain)
        wanted = tuple(p for p in PROTOCOLS if p in set(protocols or PROTOCOLS))
        if flow.app_only:
            if chosen in _MULTI_TENANT:
                raise InputError(
                    msg(
                        "app-only sign-in needs a tenant: give {tenant} (its ID or a domain)",
                        tenant=setting("tenant"),
                    ),
                    about="tenant",
                )
            if (client_secret is None) == (certificate is None):
                raise InputError(
                    msg(
                        "app-only sign-in needs either {secret} or {certificate}, not both",
                        secret=setting("client_secret"),
                        certificate=setting("client_cert"),
                    ),
                    about="client_secret" if client_secret is None else "certificate",
                )
            scopes = tuple(app_scopes(env))
        else:
            if client_secret is not None or certificate is not None:
                raise InputError(
                    msg(
                        "{flow} signs in as a user; a client secret or certificate is only "
                        "for app-only sign-in: choose it as {sign_in}",
                        flow=flow.value,
                        sign_in=setting("sign_in"),
                    )
                )
            scopes = tuple(delegated_scopes(env, wanted))
        return cls(
            flow=flow,
            client_id=client_id.lower(),
            cloud=cloud,
            tenant=chosen,
            scopes=scopes,
            protocols=wanted,
            client_secret=client_secret,
            certificate=certificate,
            login_hint=login_hint,
            persist_cache=persist_cache,
        )


def _tenant(tenant: str | None, domain: str | None) -> str:
    if tenant is not None and tenant.strip():
        text = tenant.strip().lower()
        if _GUID.match(text) or text in _MULTI_TENANT:
            return text
        try:
            return normalize_domain(text)
        except InputError:
            raise InputError(
                msg(
                    "'{tenant}' is not a tenant: give {setting} as a tenant ID (GUID) or a "
                    "verified domain",
                    tenant=tenant,
                    setting=setting("tenant"),
                ),
                about="tenant",
            ) from None
    return domain.lower() if domain else "organizations"
