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

_CODE = re.compile(r"AADSTS(\d{5,8})")
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_DESCRIPTION_CHARS = 300


@dataclass(frozen=True)
class _Entry:
    key: str
    cause: str
    fix: str
    link: str = OAUTH_LINKS["errors"]


_REGISTRATION = "In the Microsoft Entra admin center, App registrations, your app"
_TABLE: dict[int, _Entry] = {
    7000215: _Entry(
        "secret_invalid",
        "the client secret is not valid for this app",
        "Copy the secret's Value (shown only once, right after it is created) from "
        f"{_REGISTRATION}, Certificates & secrets; not the Secret ID. If the value is lost, "
        "create a new secret.",
        OAUTH_LINKS["credentials"],
    ),
    7000222: _Entry(
        "secret_expired",
        "the client secret has expired",
        f"Create a new client secret ({_REGISTRATION}, Certificates & secrets) and use its Value.",
        OAUTH_LINKS["credentials"],
    ),
    700016: _Entry(
        "app_not_found",
        "there is no app with this client ID in the tenant",
        "Use the Application (client) ID from the app's Overview page, and the tenant the "
        "app is registered in (--tenant). A multi-tenant app must first be consented to by "
        "an admin of the tenant you sign in to.",
        OAUTH_LINKS["register"],
    ),
    7000229: _Entry(
        "no_service_principal",
        "the app has no service principal (enterprise application) in this tenant",
        "Have an admin of the tenant grant consent to the app (which creates it), or create "
        "it with New-MgServicePrincipal -AppId <client ID>.",
        OAUTH_LINKS["consent"],
    ),
    65001: _Entry(
        "consent_missing",
        "nobody consented to the app's permissions (user or admin consent is missing)",
        f"{_REGISTRATION}, API permissions: add the permissions the checks need and select "
        "'Grant admin consent', or sign in interactively once and accept the consent prompt.",
        OAUTH_LINKS["consent"],
    ),
    90094: _Entry(
        "admin_consent_required",
        "the permissions need an administrator's consent",
        "Ask an admin to grant admin consent for the app (API permissions, 'Grant admin "
        "consent for <tenant>').",
        OAUTH_LINKS["consent"],
    ),
    50020: _Entry(
        "user_wrong_tenant",
        "the account you signed in with does not belong to this tenant",
        "Sign in with an account of the tenant that holds the mailbox, or name the tenant "
        "the account belongs to with --tenant.",
    ),
    90002: _Entry(
        "tenant_not_found",
        "the tenant does not exist in this cloud",
        "Check --tenant (a tenant ID or a verified domain such as contoso.com) and --cloud: "
        "a GCC High, DoD or 21Vianet tenant is only known to its own cloud's sign-in service.",
        OAUTH_LINKS["national_clouds"],
    ),
    90038: _Entry(
        "wrong_cloud",
        "the tenant belongs to another national cloud than the one signed in to",
        "Choose the tenant's cloud (--cloud gcc-high, dod or china) so the sign-in goes to "
        "its own service.",
        OAUTH_LINKS["national_clouds"],
    ),
    50194: _Entry(
        "tenant_needed",
        "the app is registered for one organisation only, so the sign-in must name it",
        "Give the tenant with --tenant (the tenant ID or a verified domain).",
    ),
    50059: _Entry(
        "tenant_needed",
        "the sign-in did not say which tenant it is for",
        "Give the tenant with --tenant (the tenant ID or a verified domain).",
    ),
    7000218: _Entry(
        "public_client_disabled",
        "the app does not allow public client flows (device code and browser sign-in)",
        f"{_REGISTRATION}, Authentication: set 'Allow public client flows' to Yes, or sign "
        "in app-only with a certificate or secret.",
        OAUTH_LINKS["public_client"],
    ),
    700027: _Entry(
        "certificate_not_registered",
        "the certificate that signed the request is not registered on the app",
        f"Upload the certificate's public part (.cer/.pem) in {_REGISTRATION}, Certificates "
        "& secrets, and sign with its private key.",
        OAUTH_LINKS["credentials"],
    ),
    700024: _Entry(
        "assertion_time",
        "the signed request is outside its valid time range",
        "Correct this computer's clock (time zone and time synchronisation).",
    ),
    500011: _Entry(
        "resource_not_in_tenant",
        "Exchange Online is not known in this tenant (its resource principal is missing)",
        "Check that the tenant has Exchange Online, and that --cloud matches the tenant: "
        "each national cloud has its own Exchange resource.",
        OAUTH_LINKS["national_clouds"],
    ),
    70011: _Entry(
        "invalid_scope",
        "a requested scope is not valid",
        "Ask for scopes of one resource only, with the resource in front "
        "(https://outlook.office.com/IMAP.AccessAsUser.All); app-only sign-ins ask for "
        "https://outlook.office365.com/.default.",
        OAUTH_LINKS["mail"],
    ),
    1002012: _Entry(
        "invalid_scope",
        "client credentials must ask for the resource's .default scope",
        "Ask for https://outlook.office365.com/.default (this tool does) and grant the "
        "application permissions as roles.",
        OAUTH_LINKS["mail"],
    ),
    50011: _Entry(
        "redirect_uri",
        "the app does not list the redirect URI the browser sign-in uses",
        f"{_REGISTRATION}, Authentication: add the platform 'Mobile and desktop "
        "applications' with the redirect URI http://localhost.",
        OAUTH_LINKS["redirect_uri"],
    ),
    500113: _Entry(
        "redirect_uri",
        "the app has no redirect URI for a browser sign-in",
        f"{_REGISTRATION}, Authentication: add the platform 'Mobile and desktop "
        "applications' with the redirect URI http://localhost.",
        OAUTH_LINKS["redirect_uri"],
    ),
    50076: _Entry(
        "mfa_required",
        "the sign-in needs multi-factor authentication",
        "Sign in with the device code or browser flow, which can complete MFA.",
    ),
    50079: _Entry(
        "mfa_required",
        "the account must register for multi-factor authentication first",
        "Sign in once at https://aka.ms/mfasetup, then try again.",
    ),
    53003: _Entry(
        "conditional_access",
        "a Conditional Access policy blocked the sign-in",
        "Look up the sign-in in the Entra sign-in logs (the correlation ID is in the "
        "details) to see which policy applied and why.",
    ),
    50126: _Entry(
        "bad_password",
        "the user name or password is wrong",
        "Check the account name (the UPN) and the password.",
    ),
    50034: _Entry(
        "user_not_found",
        "the account does not exist in this tenant",
        "Check the user name, and that you sign in to the tenant that holds it.",
    ),
    50057: _Entry(
        "user_disabled",
        "the account is disabled",
        "Enable the account (Entra admin center, Users) or use another one.",
    ),
    50053: _Entry(
        "account_locked",
        "the account is locked or the sign-in was blocked as suspicious",
        "Wait and try again, or have an admin check the account's sign-in logs.",
    ),
    50105: _Entry(
        "user_not_assigned",
        "the app requires assignment and this user is not assigned to it",
        "Assign the user (or a group) in Enterprise applications, your app, Users and "
        "groups, or turn off 'Assignment required'.",
    ),
    70019: _Entry(
        "code_expired",
        "the device code expired before the sign-in was finished",
        "Start again and finish the sign-in in the browser within 15 minutes.",
        OAUTH_LINKS["device_code"],
    ),
    700082: _Entry(
        "refresh_expired",
        "the saved sign-in expired (unused for too long)",
        "Sign in again.",
    ),
}
# OAuth error names that arrive without an AADSTS code worth reading.
_BY_ERROR: dict[str, _Entry] = {
    "authorization_declined": _Entry(
        "declined",
        "the sign-in was declined in the browser",
        "Start again and accept the sign-in (and the consent prompt, if one appears).",
        OAUTH_LINKS["device_code"],
    ),
    "expired_token": _TABLE[70019],
    "bad_verification_code": _Entry(
        "bad_code",
        "the sign-in service did not recognise the device code",
        "Start again; enter the code shown by this run, not an older one.",
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
    shown = ", ".join(f"AADSTS{c}" for c in codes) or error or "no error code"
    pasted_id = client_secret is not None and looks_like_secret_id(client_secret)
    if entry is not None and entry.key == "secret_invalid" and pasted_id:
        return Finding(
            "secret_id",
            Status.FAIL,
            f"a secret ID was given instead of the secret value ({shown})",
            "The client secret is the Value column of Certificates & secrets, not the "
            "Secret ID (a GUID). The value is only shown right after the secret is "
            "created; if it is lost, create a new secret.",
            OAUTH_LINKS["credentials"],
        )
    if entry is None:
        description = str(result.get("error_description") or error or "no description")
        first = description.strip().splitlines()[0] if description.strip() else description
        return Finding(
            "sign_in_failed",
            Status.FAIL,
            f"the sign-in service refused: {first[:_DESCRIPTION_CHARS]}",
            "Look the code up in Microsoft's AADSTS reference; the correlation ID in the "
            "details finds this attempt in the Entra sign-in logs.",
            OAUTH_LINKS["errors"],
        )
    return Finding(entry.key, Status.FAIL, f"{entry.cause} ({shown})", entry.fix, entry.link)
