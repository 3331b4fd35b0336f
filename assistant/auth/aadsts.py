"""Microsoft Entra sign-in errors (AADSTS codes) in plain language, with their fix.

A pure table and a parser; no MSAL, no network. The codes and their meanings are from
Microsoft's "Microsoft Entra authentication and authorization error codes" reference
(OAUTH_LINKS["errors"]); the text is ours. Microsoft says the codes may change, so an
unknown code falls back to the service's own description.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assistant.auth.finding import Finding
from assistant.facts import OAUTH_LINKS
from assistant.model import Status
from assistant.settings_names import settings_in
from assistant.text import N_, msg

_CODE = re.compile(r"AADSTS(\d{5,8})")
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_DESCRIPTION_CHARS = 300


@dataclass(frozen=True)
class _Entry:
    key: str
    cause: str
    fix: str
    link: str = OAUTH_LINKS["errors"]


_TABLE: dict[int, _Entry] = {
    7000215: _Entry(
        "secret_invalid",
        N_("the client secret is not valid for this app"),
        N_(
            "Copy the secret's Value (shown only once, right after it is created) from "
            "In the Microsoft Entra admin center, App registrations, your app, Certificates & "
            "secrets; not the Secret ID. If the value is lost, "
            "create a new secret."
        ),
        OAUTH_LINKS["credentials"],
    ),
    7000222: _Entry(
        "secret_expired",
        N_("the client secret has expired"),
        N_(
            "Create a new client secret (Microsoft Entra admin center, App registrations, "
            "your app, Certificates & secrets) and use its Value."
        ),
        OAUTH_LINKS["credentials"],
    ),
    700016: _Entry(
        "app_not_found",
        N_("there is no app with this client ID in the tenant"),
        N_(
            "Use the Application (client) ID from the app's Overview page, and set {tenant} to "
            "the one the app is registered in. A multi-tenant app must first be consented to "
            "by an admin of the tenant you sign in to."
        ),
        OAUTH_LINKS["register"],
    ),
    7000229: _Entry(
        "no_service_principal",
        N_("the app has no service principal (enterprise application) in this tenant"),
        N_(
            "Have an admin of the tenant grant consent to the app (which creates it), or create "
            "it with New-MgServicePrincipal -AppId <client ID>."
        ),
        OAUTH_LINKS["consent"],
    ),
    65001: _Entry(
        "consent_missing",
        N_("nobody consented to the app's permissions (user or admin consent is missing)"),
        N_(
            "In the Microsoft Entra admin center, App registrations, your app, API permissions: "
            "add the permissions the checks need and select "
            "'Grant admin consent', or sign in interactively once and accept the consent prompt."
        ),
        OAUTH_LINKS["consent"],
    ),
    90094: _Entry(
        "admin_consent_required",
        N_("the permissions need an administrator's consent"),
        N_(
            "Ask an admin to grant admin consent for the app (API permissions, 'Grant admin "
            "consent for <tenant>')."
        ),
        OAUTH_LINKS["consent"],
    ),
    50020: _Entry(
        "user_wrong_tenant",
        N_("the account you signed in with does not belong to this tenant"),
        N_(
            "Sign in with an account of the tenant that holds the mailbox, or set {tenant} to "
            "the one the account belongs to."
        ),
    ),
    90002: _Entry(
        "tenant_not_found",
        N_("the tenant does not exist in this cloud"),
        N_(
            "Check {tenant} (a tenant ID or a verified domain such as contoso.com) and {cloud}: "
            "a GCC High, DoD or 21Vianet tenant is only known to its own cloud's sign-in service."
        ),
        OAUTH_LINKS["national_clouds"],
    ),
    90038: _Entry(
        "wrong_cloud",
        N_("the tenant belongs to another national cloud than the one signed in to"),
        N_(
            "Set {cloud} to the tenant's own (GCC High, DoD or 21Vianet) so the sign-in goes to "
            "its own service."
        ),
        OAUTH_LINKS["national_clouds"],
    ),
    50194: _Entry(
        "tenant_needed",
        N_("the app is registered for one organisation only, so the sign-in must name it"),
        N_("Give {tenant}: its ID or a verified domain."),
    ),
    50059: _Entry(
        "tenant_needed",
        N_("the sign-in did not say which tenant it is for"),
        N_("Give {tenant}: its ID or a verified domain."),
    ),
    7000218: _Entry(
        "public_client_disabled",
        N_("the app does not allow public client flows (device code and browser sign-in)"),
        N_(
            "In the Microsoft Entra admin center, App registrations, your app, Authentication: "
            "set 'Allow public client flows' to Yes, or sign "
            "in app-only with a certificate or secret."
        ),
        OAUTH_LINKS["public_client"],
    ),
    700027: _Entry(
        "certificate_not_registered",
        N_("the certificate that signed the request is not registered on the app"),
        N_(
            "Upload the certificate's public part (.cer/.pem) in the Microsoft Entra admin "
            "center, App registrations, your app, Certificates "
            "& secrets, and sign with its private key."
        ),
        OAUTH_LINKS["credentials"],
    ),
    700024: _Entry(
        "assertion_time",
        N_("the signed request is outside its valid time range"),
        N_("Correct this computer's clock (time zone and time synchronisation)."),
    ),
    500011: _Entry(
        "resource_not_in_tenant",
        N_("Exchange Online is not known in this tenant (its resource principal is missing)"),
        N_(
            "Check that the tenant has Exchange Online, and that {cloud} matches the tenant: "
            "each national cloud has its own Exchange resource."
        ),
        OAUTH_LINKS["national_clouds"],
    ),
    70011: _Entry(
        "invalid_scope",
        N_("a requested scope is not valid"),
        N_(
            "Ask for scopes of one resource only, with the resource in front "
            "(https://outlook.office.com/IMAP.AccessAsUser.All); app-only sign-ins ask for "
            "https://outlook.office365.com/.default."
        ),
        OAUTH_LINKS["mail"],
    ),
    1002012: _Entry(
        "invalid_scope",
        N_("client credentials must ask for the resource's .default scope"),
        N_(
            "Ask for https://outlook.office365.com/.default (this tool does) and grant the "
            "application permissions as roles."
        ),
        OAUTH_LINKS["mail"],
    ),
    50011: _Entry(
        "redirect_uri",
        N_("the app does not list the redirect URI the browser sign-in uses"),
        N_(
            "In the Microsoft Entra admin center, App registrations, your app, Authentication: "
            "add the platform 'Mobile and desktop "
            "applications' with the redirect URI http://localhost."
        ),
        OAUTH_LINKS["redirect_uri"],
    ),
    500113: _Entry(
        "redirect_uri",
        N_("the app has no redirect URI for a browser sign-in"),
        N_(
            "In the Microsoft Entra admin center, App registrations, your app, Authentication: "
            "add the platform 'Mobile and desktop "
            "applications' with the redirect URI http://localhost."
        ),
        OAUTH_LINKS["redirect_uri"],
    ),
    50076: _Entry(
        "mfa_required",
        N_("the sign-in needs multi-factor authentication"),
        N_("Sign in with the device code or browser flow, which can complete MFA."),
    ),
    50079: _Entry(
        "mfa_required",
        N_("the account must register for multi-factor authentication first"),
        N_("Sign in once at https://aka.ms/mfasetup, then try again."),
    ),
    53003: _Entry(
        "conditional_access",
        N_("a Conditional Access policy blocked the sign-in"),
        N_(
            "Look up the sign-in in the Entra sign-in logs (the correlation ID is in the "
            "details) to see which policy applied and why."
        ),
    ),
    50126: _Entry(
        "bad_password",
        N_("the user name or password is wrong"),
        N_("Check the account name (the UPN) and the password."),
    ),
    50034: _Entry(
        "user_not_found",
        N_("the account does not exist in this tenant"),
        N_("Check the user name, and that you sign in to the tenant that holds it."),
    ),
    50057: _Entry(
        "user_disabled",
        N_("the account is disabled"),
        N_("Enable the account (Entra admin center, Users) or use another one."),
    ),
    50053: _Entry(
        "account_locked",
        N_("the account is locked or the sign-in was blocked as suspicious"),
        N_("Wait and try again, or have an admin check the account's sign-in logs."),
    ),
    50105: _Entry(
        "user_not_assigned",
        N_("the app requires assignment and this user is not assigned to it"),
        N_(
            "Assign the user (or a group) in Enterprise applications, your app, Users and "
            "groups, or turn off 'Assignment required'."
        ),
    ),
    70019: _Entry(
        "code_expired",
        N_("the device code expired before the sign-in was finished"),
        N_("Start again and finish the sign-in in the browser within 15 minutes."),
        OAUTH_LINKS["device_code"],
    ),
    700082: _Entry(
        "refresh_expired",
        N_("the saved sign-in expired (unused for too long)"),
        N_("Sign in again."),
    ),
}
# OAuth error names that arrive without an AADSTS code worth reading.
_BY_ERROR: dict[str, _Entry] = {
    "authorization_declined": _Entry(
        "declined",
        N_("the sign-in was declined in the browser"),
        N_("Start again and accept the sign-in (and the consent prompt, if one appears)."),
        OAUTH_LINKS["device_code"],
    ),
    "expired_token": _TABLE[70019],
    "bad_verification_code": _Entry(
        "bad_code",
        N_("the sign-in service did not recognise the device code"),
        N_("Start again; enter the code shown by this run, not an older one."),
        OAUTH_LINKS["device_code"],
    ),
}


def error_codes(result: Mapping[str, object]) -> list[int]:
    """AADSTS codes in an OAuth error response, from `error_codes` or the description."""
    codes: list[int] = []
    raw = result.get("error_codes")
    if isinstance(raw, list):
        codes += [c for c in raw if isinstance(c, int) and not isinstance(c, bool)]
    description = result.get("error_description")
    if isinstance(description, str):
        codes += [int(c) for c in _CODE.findall(description)]
    return list(dict.fromkeys(codes))


def looks_like_secret_id(secret: str) -> bool:
    """A client secret's ID is a GUID; its value never is (e.g. 'abC8Q~...')."""
    return _GUID.match(secret.strip()) is not None


def explain(result: Mapping[str, object], *, client_secret: str | None = None) -> Finding:
    """The named cause of a failed sign-in, from the sign-in service's error response."""
    codes = error_codes(result)
    error = str(result.get("error") or "")
    entry = next((_TABLE[c] for c in codes if c in _TABLE), None) or _BY_ERROR.get(error)
    shown: str = ", ".join(f"AADSTS{c}" for c in codes) or error or msg("no error code")
    pasted_id = client_secret is not None and looks_like_secret_id(client_secret)
    if entry is not None and entry.key == "secret_invalid" and pasted_id:
        return Finding(
            "secret_id",
            Status.FAIL,
            msg("a secret ID was given instead of the secret value ({codes})", codes=shown),
            msg(
                "The client secret is the Value column of Certificates & secrets, not the "
                "Secret ID (a GUID). The value is only shown right after the secret is "
                "created; if it is lost, create a new secret."
            ),
            OAUTH_LINKS["credentials"],
        )
    if entry is None:
        description = str(result.get("error_description") or error or "")
        said: str = msg("no description")
        if description:
            first = description.strip().splitlines()[0] if description.strip() else description
            said = first[:_DESCRIPTION_CHARS]
        return Finding(
            "sign_in_failed",
            Status.FAIL,
            msg("the sign-in service refused: {service_said}", service_said=said),
            msg(
                "Look the code up in Microsoft's AADSTS reference; the correlation ID in the "
                "details finds this attempt in the Entra sign-in logs."
            ),
            OAUTH_LINKS["errors"],
        )
    return Finding(
        entry.key,
        Status.FAIL,
        msg("{cause} ({codes})", cause=msg(entry.cause), codes=shown),
        msg(entry.fix, **settings_in(entry.fix)),
        entry.link,
    )
