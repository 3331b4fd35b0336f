"""What every check that signs in with OAuth shares: the run's OAuth credential, getting
its token (the first caller may start the sign-in; the device code reaches the user as
a SignInPrompt event), and what a server's refusal of a token means.

The token goes only where a password would: over TLS that validated for the host, to a
host the credential rules allow (the checks call this after those tests pass).
"""

from __future__ import annotations

import base64
import re

from assistant.auth.finding import Finding
from assistant.auth.oauth_credential import AccessToken, OAuthCredential, SignInFailed, TokenRequest
from assistant.auth.scopes import NoOAuthForCloud, resource_for
from assistant.check import Context
from assistant.events import SignInPrompt
from assistant.facts import OAUTH_LINKS
from assistant.model import Remedy, Status, Step
from assistant.settings_names import setting
from assistant.text import msg

AUTH_TOKEN = "auth.token"  # noqa: S105 - a check ID
SEE_AUTH_TOKEN = msg("see auth.token for the sign-in and the token's claims")


def oauth(ctx: Context) -> OAuthCredential | None:
    return ctx.credentials if isinstance(ctx.credentials, OAuthCredential) else None


def token_request(ctx: Context, credential: OAuthCredential) -> TokenRequest:
    resource = resource_for(ctx.target.environment, app_only=credential.app_only)
    return TokenRequest(
        resource, ctx.net, notify=lambda prompt: ctx.emit(SignInPrompt(ctx.check_id, prompt))
    )


def get_token(
    ctx: Context, credential: OAuthCredential, step_id: str, title: str
) -> AccessToken | Step:
    """The run's token, or the step that says why there is none."""
    try:
        request = token_request(ctx, credential)
    except NoOAuthForCloud as exc:
        return Step(step_id, title, Status.SKIP, summary=exc.text)
    try:
        return credential.token_for(request)
    except SignInFailed as failed:
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary=msg("no token, so no sign-in: {cause}", cause=failed.finding.cause),
            details=SEE_AUTH_TOKEN,
            remedy=failed.finding.remedy,
        )


def xoauth2_blob(user: str, token: str) -> bytes:
    """The SASL XOAUTH2 initial response, before base64."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


_REASON = re.compile(r'reason="([^"]*)"')
_CATEGORY = re.compile(r'error_category="([^"]*)"')


def _with_reason(cause: str, reason: str) -> str:
    """The cause, with the server's own reason after it when it gave one."""
    return msg("{cause} ({server_said})", cause=cause, server_said=reason) if reason else cause


def bearer_refusal(diagnostics: str | None, *, app_only: bool, host: str) -> Finding:
    """What a server's refusal of a bearer token means, from Exchange's x-ms-diagnostics
    header (2000003;reason="The audience claim value is invalid ...";error_category=...)."""
    reason_match = _REASON.search(diagnostics or "")
    reason = reason_match.group(1) if reason_match else ""
    category_match = _CATEGORY.search(diagnostics or "")
    category = category_match.group(1) if category_match else ""
    lowered = reason.lower()
    if "audience" in lowered or category == "invalid_resource":
        return Finding(
            "graph_audience" if "graph" in lowered else "wrong_audience",
            Status.FAIL,
            _with_reason(
                msg("{host} refused the token: it is not for Exchange Online", host=host), reason
            ),
            msg(
                "Ask for the Exchange Online scopes (https://outlook.office.com/...), not "
                "Microsoft Graph's; auth.token shows the audience the token has."
            ),
            OAUTH_LINKS["mail"],
        )
    if "expired" in lowered or category == "invalid_lifetime":
        return Finding(
            "expired",
            Status.FAIL,
            _with_reason(msg("{host} refused the token: it has expired", host=host), reason),
            msg("Sign in again (tokens live about an hour); check this computer's clock."),
            OAUTH_LINKS["mail"],
        )
    if app_only and "mailbox" not in lowered and ("role" in lowered or "permission" in lowered):
        return _missing_role(host, reason)  # the app lacks the role, not the mailbox
    if "mailbox" in lowered or (app_only and category == "insufficient_privileges"):
        return _mailbox_permission(host, reason) if app_only else _missing_scope(host, reason)
    if "scope" in lowered or "role" in lowered or category == "insufficient_privileges":
        return _missing_scope(host, reason)
    if "issuer" in lowered or category == "invalid_issuer":
        return Finding(
            "wrong_tenant",
            Status.FAIL,
            _with_reason(
                msg("{host} refused the token: it comes from another tenant", host=host), reason
            ),
            msg(
                "Sign in to the tenant that holds the mailbox, and set {tenant} to it.",
                tenant=setting("tenant"),
            ),
            OAUTH_LINKS["register"],
        )
    return Finding(
        "token_refused",
        Status.FAIL,
        _with_reason(msg("{host} refused the token", host=host), reason),
        msg(
            "Compare the token's audience, scopes, tenant and expiry in auth.token with what "
            "the protocol needs."
        ),
        OAUTH_LINKS["mail"],
    )


def _missing_scope(host: str, reason: str) -> Finding:
    return Finding(
        "missing_scope",
        Status.FAIL,
        _with_reason(
            msg(
                "{host} refused the token: it lacks the permission this protocol needs",
                host=host,
            ),
            reason,
        ),
        msg("Add the permission to the app registration, grant consent, and sign in again."),
        OAUTH_LINKS["consent"],
    )


def _missing_role(host: str, reason: str) -> Finding:
    return Finding(
        "missing_role",
        Status.FAIL,
        _with_reason(
            msg(
                "{host} refused the app's token: it lacks the application permission (role) "
                "this protocol needs",
                host=host,
            ),
            reason,
        ),
        msg(
            "Add the application permission under Office 365 Exchange Online and grant admin "
            "consent; auth.token names the role that is missing."
        ),
        OAUTH_LINKS["consent"],
    )


def _mailbox_permission(host: str, reason: str) -> Finding:
    return Finding(
        "mailbox_permission",
        Status.FAIL,
        _with_reason(
            msg("{host} accepted the app's token but not for this mailbox", host=host), reason
        ),
        msg(
            "Give the app's service principal access to the mailbox: Exchange Online "
            "PowerShell New-ServicePrincipal, then Add-MailboxPermission (IMAP/POP), or an "
            "application RBAC role assignment scoped to the mailbox (EWS)."
        ),
        OAUTH_LINKS["app_rbac"],
    )


def mailbox_permission(host: str, detail: str = "") -> Finding:
    return _mailbox_permission(host, detail)


def xoauth2_refused(host: str, protocol: str, *, app_only: bool) -> Remedy:
    """Exchange answers a refused XOAUTH2 with no reason ('AUTHENTICATE failed'): the
    causes, most likely first, and where auth.token shows the evidence."""
    if app_only:
        return Remedy(
            msg(
                "{host} refused the app's token for {protocol}. Usual causes: the application "
                "permission (IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp) is missing or "
                "without admin consent; the service principal is not registered in Exchange "
                "(New-ServicePrincipal) or has no permission on this mailbox "
                "(Add-MailboxPermission); the protocol is turned off for the mailbox. "
                "See auth.token for the sign-in and the token's claims.",
                host=host,
                protocol=protocol,
            ),
            OAUTH_LINKS["mail"],
        )
    return Remedy(
        msg(
            "{host} refused the token for {protocol}. Usual causes: the token is for another "
            "audience (Microsoft Graph) or lacks the protocol's scope; it expired; the user is "
            "not the mailbox's owner and has no FullAccess; the protocol is turned off for the "
            "mailbox (Set-CASMailbox). See auth.token for the sign-in and the token's claims.",
            host=host,
            protocol=protocol,
        ),
        OAUTH_LINKS["mail"],
    )


def http_authorization(
    ctx: Context, schemes: list[str], step_id: str, title: str
) -> tuple[str, str] | Step | None:
    """(Authorization header, how) for the run's credential, when the server offers its
    scheme (Basic for a password, Bearer for OAuth); None when it does not; the Step
    that says why when a token cannot be had. Call only once the host may get it."""
    offered = {s.lower() for s in schemes}
    credential = ctx.credentials
    if isinstance(credential, OAuthCredential):
        if "bearer" not in offered:
            return None
        token = get_token(ctx, credential, step_id, title)
        if isinstance(token, Step):
            return token
        return f"Bearer {token.value}", "OAuth"
    if credential is None or "basic" not in offered:
        return None
    pair = base64.b64encode(f"{credential.username}:{credential.password}".encode())
    return f"Basic {pair.decode('ascii')}", "Basic"
