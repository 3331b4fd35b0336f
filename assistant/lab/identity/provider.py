"""The lab identity provider: Microsoft Entra ID as MSAL and Exchange see it, on loopback.

    idp = LabIdentityProvider(contoso_domains)
    lab.route("login.microsoftonline.com", "/", idp.handler, prefix=True)

It is served as login.microsoftonline.com, login.microsoftonline.us and
login.partner.microsoftonline.cn through the lab's connect-to routing, so MSAL's
authority URLs work unchanged (endpoints.py has the HTTP side, authorize.py the browser's
sign-in, state.py the directory and the rules of a sign-in). Test hooks stand in for
the person at the browser:

    idp.approve("ABCD12345", "admin@contoso.test")   # the device code a run showed
    idp.auto_approve = "admin@contoso.test"          # approve every new device code, and
                                                     # every browser that opens the sign-in
                                                     # page (it posts the code back)
    idp.approve_authorization(auth_uri, user)        # a browser sign-in -> (url, form)
    idp.mint_user_token(...) / idp.mint_app_token()  # tokens with chosen mistakes

`validator()` is how the lab's servers check the tokens it issues; `key` is what
Dovecot's local validation is given.
"""

from __future__ import annotations

from assistant.facts import ENVIRONMENTS
from assistant.lab.https_server import LabRequest, LabResponse
from assistant.lab.identity import authorize, endpoints
from assistant.lab.identity.registry import CONNECTIVITY_APP, CONTOSO_TENANT
from assistant.lab.identity.state import IdentityState


class LabIdentityProvider(IdentityState):
    # -- HTTP -------------------------------------------------------------------------------

    def handler(self, request: LabRequest) -> LabResponse:
        return endpoints.dispatch(self, request)

    # -- the person at the browser (approve and decline: IdentityState) ----------------------

    def approve_authorization(self, auth_uri: str, user: str) -> tuple[str, dict[str, str]]:
        """A browser sign-in at `auth_uri` as `user`: where the browser would post, and
        the form it would post (code and state, or error and state)."""
        return authorize.approve_authorization(self, auth_uri, user)

    # -- tokens with chosen mistakes (for the diagnostics' tests) ----------------------------

    def mint_user_token(
        self,
        user: str = "admin@contoso.test",
        *,
        resource: str | None = None,
        scopes: tuple[str, ...] = ("IMAP.AccessAsUser.All", "POP.AccessAsUser.All"),
        tenant_id: str = CONTOSO_TENANT,
        lifetime: int = 3600,
        issued_at: float | None = None,
    ) -> str:
        tenant = self.tenants[tenant_id]
        return self.mint.user_token(
            tenant,
            self.apps[CONNECTIVITY_APP],
            user,
            resource or str(ENVIRONMENTS[tenant.cloud].oauth_resource),
            scopes,
            lifetime=lifetime,
            issued_at=issued_at,
        )
