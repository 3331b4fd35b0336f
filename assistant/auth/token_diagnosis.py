"""The classic OAuth mistakes, named from an access token's claims (jwt_claims.py).

A pure function of TokenFacts and what the run expects (cloud, protocols, tenant,
mailbox, time): wrong audience (Microsoft Graph instead of Exchange Online), a scope or
application permission missing, an expired token, a token from another tenant or cloud.
Table-tested; no network, and never the token itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.auth.finding import Finding
from assistant.auth.jwt_claims import TokenFacts
from assistant.auth.scopes import exchange_audiences, needed_permission
from assistant.facts import ENVIRONMENTS, OAUTH_LINKS, US_GOVERNMENT_CLOUDS, Cloud
from assistant.model import Status
from assistant.settings_names import setting
from assistant.text import join, msg

EXPIRY_WARNING = dt.timedelta(minutes=5)
CLOCK_SKEW = dt.timedelta(minutes=5)
GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
_PROTOCOL_NAMES = {"imap": "IMAP", "pop": "POP", "smtp": "SMTP AUTH", "ews": "EWS"}


@dataclass(frozen=True)
class Expectation:
    cloud: Cloud
    protocols: Sequence[str]  # what the run signs in to: "imap", "pop", "smtp", "ews"
    app_only: bool
    now: dt.datetime
    tenant_id: str | None = None  # the mailbox domain's tenant, when it is known
    mailbox: str | None = None  # the mailbox the checks open


def _graph_audiences() -> set[str]:
    names = {GRAPH_APP_ID}
    for env in ENVIRONMENTS.values():
        if env.graph_resource:
            names |= {env.graph_resource, env.graph_resource + "/"}
    return names


def _cloud_name(cloud: Cloud) -> str:
    return ENVIRONMENTS[cloud].display_name


def _audience(facts: TokenFacts, want: Expectation) -> list[Finding]:
    env = ENVIRONMENTS[want.cloud]
    audience = facts.audience or ""
    if audience.lower() in exchange_audiences(env):
        return []
    if audience.lower() in {a.lower() for a in _graph_audiences()}:
        example = f"{env.oauth_resource}/IMAP.AccessAsUser.All"
        return [
            Finding(
                "graph_audience",
                Status.FAIL,
                msg(
                    "the token is for Microsoft Graph ({audience}), not Exchange Online: "
                    "IMAP, POP, SMTP and EWS refuse it",
                    audience=audience,
                ),
                msg(
                    "Ask for the scopes with the Exchange Online resource in front (e.g. "
                    "{example}); a bare 'IMAP.AccessAsUser.All' is read as a Graph permission. "
                    "The permissions themselves are listed under Microsoft Graph in the app "
                    "registration; only the requested scope needs the Outlook resource.",
                    example=example,
                ),
                OAUTH_LINKS["mail"],
            )
        ]
    other = facts.audience_cloud
    if other is not None and other is not want.cloud:
        what = msg("the token is for {cloud}'s Exchange", cloud=_cloud_name(other))
        return [_wrong_cloud(what, want)]
    return [
        Finding(
            "wrong_audience",
            Status.FAIL,
            msg(
                "the token is for another service ({audience}), not Exchange Online",
                audience=audience or msg("no audience"),
            ),
            msg(
                "Ask for a token for {resource} (delegated) or {app_resource}/.default (app-only).",
                resource=str(env.oauth_resource),
                app_resource=str(env.oauth_app_resource),
            ),
            OAUTH_LINKS["mail"],
        )
    ]


def _wrong_cloud(what: str, want: Expectation) -> Finding:
    return Finding(
        "wrong_cloud",
        Status.FAIL,
        msg("{what}, but this run tests {cloud}", what=what, cloud=_cloud_name(want.cloud)),
        msg(
            "Sign in to the mailbox's own cloud: set {cloud} to it (worldwide, GCC High, DoD "
            "or 21Vianet) so the sign-in service and the resource match the tenant.",
            cloud=setting("cloud"),
        ),
        OAUTH_LINKS["national_clouds"],
    )


def _issuer(facts: TokenFacts, want: Expectation) -> list[Finding]:
    issued_by = facts.issuer_cloud
    if issued_by is None or facts.audience_cloud not in (None, want.cloud):
        return []  # unknown issuer, or the audience already named the wrong cloud
    same_family = {issued_by, want.cloud} <= US_GOVERNMENT_CLOUDS
    if issued_by is want.cloud or same_family:
        return []
    what = msg("the token was issued by {cloud}", cloud=_cloud_name(issued_by))
    return [_wrong_cloud(what, want)]


def _times(facts: TokenFacts, want: Expectation) -> list[Finding]:
    found: list[Finding] = []
    if facts.expires is not None:
        left = facts.expires - want.now
        if left <= dt.timedelta(0):
            ago = _duration(-left)
            found.append(
                Finding(
                    "expired",
                    Status.FAIL,
                    msg(
                        "the token expired {ago} ago ({expires})",
                        ago=ago,
                        expires=facts.expires.isoformat(),
                    ),
                    msg(
                        "Get a new token: access tokens live about an hour. An app must "
                        "refresh them (MSAL does so from its cache); if this computer's clock "
                        "is wrong, correct it."
                    ),
                    OAUTH_LINKS["mail"],
                )
            )
        elif left < EXPIRY_WARNING:
            found.append(
                Finding(
                    "expiring",
                    Status.WARN,
                    msg("the token expires in {left}", left=_duration(left)),
                    msg("Checks that run later may be refused; sign in again if they are."),
                )
            )
    if facts.not_before is not None and facts.not_before - want.now > CLOCK_SKEW:
        found.append(
            Finding(
                "clock",
                Status.WARN,
                msg(
                    "the token is not valid before {not_before}: this computer's clock seems "
                    "to be behind",
                    not_before=facts.not_before.isoformat(),
                ),
                msg(
                    "Correct the clock (time synchronisation); servers refuse tokens that are "
                    "not yet valid."
                ),
            )
        )
    return found


def _permissions(facts: TokenFacts, want: Expectation) -> list[Finding]:
    held = set(facts.roles) if want.app_only else set(facts.scopes)
    missing = [
        p for p in want.protocols if needed_permission(p, app_only=want.app_only) not in held
    ]
    if not missing:
        return []
    names = ", ".join(needed_permission(p, app_only=want.app_only) for p in missing)
    protocols = ", ".join(_PROTOCOL_NAMES.get(p, p) for p in missing)
    if want.app_only:
        cause = msg(
            "{protocols} needs the application permission {names}, which the token does not carry",
            protocols=protocols,
            names=names,
        )
        if not held:
            cause = msg(
                "the token carries no application permissions at all; {protocols} needs the "
                "application permission {names}, which the token does not carry",
                protocols=protocols,
                names=names,
            )
        return [
            Finding(
                "missing_role",
                Status.FAIL,
                cause,
                _app_only_steps(missing, facts, want),
                OAUTH_LINKS["ews"] if missing == ["ews"] else OAUTH_LINKS["mail"],
            )
        ]
    return [
        Finding(
            "missing_scope",
            Status.FAIL,
            msg(
                "{protocols} needs the scope {names}, which the token does not carry",
                protocols=protocols,
                names=names,
            ),
            msg(
                "App registration, API permissions: add the delegated permission(s) and grant "
                "consent (the user's, or an admin's for the whole tenant), then sign in again."
            ),
            OAUTH_LINKS["consent"],
        )
    ]


def _app_only_steps(missing: list[str], facts: TokenFacts, want: Expectation) -> str:
    """What an admin does for each missing application permission: a delegated scope is the
    wrong fix for an app-only token, and the role alone is not enough for IMAP, POP and SMTP."""
    app = facts.app_id or msg("<application (client) ID>")
    mailbox = want.mailbox or msg("<mailbox>")
    steps = [
        msg(
            "In the app registration, API permissions: add {names} under Office 365 Exchange "
            "Online (APIs my organization uses), as Application permissions, and grant admin "
            "consent.",
            names=", ".join(needed_permission(p, app_only=True) for p in missing),
        )
    ]
    if any(p != "ews" for p in missing):
        steps.append(
            msg(
                "For IMAP, POP and SMTP, register the app's service principal in Exchange Online "
                "and give it the mailbox: New-ServicePrincipal -AppId {app} -ObjectId <object ID "
                "of its enterprise application>, then Add-MailboxPermission -Identity {mailbox} "
                "-User <that service principal> -AccessRights FullAccess.",
                app=app,
                mailbox=mailbox,
            )
        )
    if "ews" in missing:
        steps.append(
            msg(
                "For EWS, full_access_as_app opens every mailbox; limit it with an application "
                "access policy (New-ApplicationAccessPolicy) or RBAC for Applications."
            )
        )
    return join(" ", steps)


def _tenant(facts: TokenFacts, want: Expectation) -> list[Finding]:
    if want.tenant_id is None or facts.tenant is None:
        return []
    if facts.tenant.lower() == want.tenant_id.lower():
        return []
    return [
        Finding(
            "wrong_tenant",
            Status.FAIL,
            msg(
                "the token is from tenant {tenant}, but the mailbox's domain belongs to "
                "tenant {mailbox_tenant}",
                tenant=facts.tenant,
                mailbox_tenant=want.tenant_id,
            ),
            msg(
                "Sign in to the mailbox's tenant: set {tenant} to {mailbox_tenant} (or its "
                "domain), with an account of that tenant.",
                mailbox_tenant=want.tenant_id,
                tenant=setting("tenant"),
            ),
            OAUTH_LINKS["register"],
        )
    ]


def _identity(facts: TokenFacts, want: Expectation) -> list[Finding]:
    """Whose token it is: a personal account or a guest cannot open a work mailbox here, and
    XOAUTH2 and EWS open the mailbox of the token's user unless it is shared with them."""
    if want.app_only:
        return []
    who = facts.user or facts.tenant or msg("unknown")
    if facts.consumer:
        return [
            Finding(
                "consumer_account",
                Status.FAIL,
                msg(
                    "the token belongs to a personal Microsoft account ({user}), not a work "
                    "account: it cannot open a mailbox of this organisation",
                    user=who,
                ),
                msg(
                    "Sign in with the work account of the mailbox (its user principal name), "
                    "at the organisation's tenant rather than 'consumers' or 'common'."
                ),
                OAUTH_LINKS["mail"],
            )
        ]
    if facts.guest:
        return [
            Finding(
                "guest_account",
                Status.FAIL,
                msg(
                    "the token belongs to a guest account ({user}, signed in by "
                    "{provider}): a guest of this tenant has no mailbox here and cannot open "
                    "one over IMAP, POP, SMTP or EWS",
                    user=who,
                    provider=facts.identity_provider or msg("another organisation"),
                ),
                msg(
                    "Sign in as the mailbox's own member account of this tenant; a guest "
                    "(#EXT#) account is for SharePoint and Teams, not for Exchange mailboxes."
                ),
                OAUTH_LINKS["mail"],
            )
        ]
    if want.mailbox is None or facts.user is None:
        return []
    if facts.user.lower() == want.mailbox.lower():
        return []
    return [
        Finding(
            "other_user",
            Status.WARN,
            msg(
                "signed in as {user} to test {mailbox}: XOAUTH2 and EWS open the mailbox of "
                "the token's user, so this works only if {mailbox} is shared with {user}",
                user=facts.user,
                mailbox=want.mailbox,
            ),
            msg(
                "If {mailbox} is a shared mailbox, give {user} FullAccess to it "
                "(Add-MailboxPermission) and this is right; otherwise sign in as {mailbox}'s "
                "own user.",
                user=facts.user,
                mailbox=want.mailbox,
            ),
        )
    ]


def diagnose(facts: TokenFacts, want: Expectation) -> list[Finding]:
    """Every classic mistake this token shows, worst first; empty when it looks right."""
    found: list[Finding] = []
    audience = _audience(facts, want)
    found += audience
    found += _issuer(facts, want)
    found += _times(facts, want)
    if not audience:  # scopes of another resource say nothing about Exchange
        found += _permissions(facts, want)
    found += _identity(facts, want)  # before the tenant: "a personal account" says more
    found += _tenant(facts, want)
    return sorted(found, key=lambda f: -f.status.severity)


def _duration(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return msg("{seconds} s", seconds=seconds)
    if seconds < 7200:
        return msg("{minutes} min", minutes=seconds // 60)
    if seconds < 2 * 86400:
        return msg("{hours} h", hours=seconds // 3600)
    return msg("{days} days", days=seconds // 86400)
