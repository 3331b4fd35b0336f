"""auth.token: the OAuth sign-in, and what the access token says, without ever showing it.

Children:
auth.token.sign_in  the sign-in (device code, browser or app-only) against the cloud's
                    sign-in service; its refusals named (aadsts.py): a secret ID instead of
                    the secret value, an unknown app, no consent, another tenant or cloud
auth.token.tenant   the mailbox domain's tenant from its OpenID configuration (anonymous):
                    the tenant ID a token must come from, and the cloud the tenant is in
auth.token.claims   audience, scopes or roles, tenant, cloud, expiry, read from the token
                    (token_diagnosis.py): Graph instead of Exchange, a missing scope or
                    role, expired, another tenant or cloud

The check runs first in an OAuth run (the sign-in checks run `after` it) and may wait
for the user as long as a device code lives; cancel stops the wait at once.
"""

from __future__ import annotations

import datetime as dt

from assistant.auth.finding import Finding, overall
from assistant.auth.jwt_claims import NotAJwt, TokenFacts, read_token
from assistant.auth.oauth_credential import OAuthCredential, SignInFailed, TokenRequest
from assistant.auth.scopes import NoOAuthForCloud
from assistant.auth.tenant_metadata import fetch_tenant_metadata
from assistant.auth.token_diagnosis import Expectation, diagnose
from assistant.check import Check, Context
from assistant.checks.oauth_common import AUTH_TOKEN, oauth, token_request
from assistant.facts import DEVICE_CODE_LIFETIME, OAUTH_LINKS, Cloud
from assistant.model import Evidence, Remedy, Status, Step, worst
from assistant.settings_names import setting
from assistant.text import join, msg, verbatim

TITLE = msg("OAuth sign-in and access token")
SIGN_IN = f"{AUTH_TOKEN}.sign_in"
TENANT = f"{AUTH_TOKEN}.tenant"
CLAIMS = f"{AUTH_TOKEN}.claims"
DEADLINE = DEVICE_CODE_LIFETIME + 60.0  # a device code may take the user that long
MAX_EXCHANGES_SHOWN = 12


def _exchange_evidence(ctx: Context, request: TokenRequest) -> list[Evidence]:
    """The sign-in's requests (never their bodies); of a long device-code wait, the
    first ones and the last polls."""
    exchanges = list(request.exchanges)
    if len(exchanges) > MAX_EXCHANGES_SHOWN:
        exchanges = exchanges[:3] + exchanges[-(MAX_EXCHANGES_SHOWN - 3) :]
    return [
        Evidence("http", verbatim(f"{e.method} {e.url}"), e.to_dict(ctx.redactor))
        for e in exchanges
    ]


def _sign_in(ctx: Context, credential: OAuthCredential) -> tuple[Step, TokenFacts | NotAJwt | None]:
    """(step, the token's facts or why it has none to read); None when no token was obtained."""
    title = msg("Sign in")
    try:
        request = token_request(ctx, credential)
    except NoOAuthForCloud as exc:
        return Step(SIGN_IN, title, Status.SKIP, summary=exc.text), None
    try:
        token = credential.token_for(request)
    except SignInFailed as failed:
        return (
            Step(
                SIGN_IN,
                title,
                Status.FAIL,
                summary=msg("not signed in: {cause}", cause=failed.finding.cause),
                details=ctx.redactor(verbatim(failed.details)),
                remedy=failed.finding.remedy,
                evidence=[
                    Evidence("table", msg("Named cause"), {"key": failed.finding.key}),
                    *_exchange_evidence(ctx, request),
                ],
            ),
            None,
        )
    how = token.source or msg("an access token given for this run")
    try:
        facts: TokenFacts | NotAJwt = read_token(token.value)
    except NotAJwt as unreadable:
        facts = unreadable
    if isinstance(facts, NotAJwt):
        summary = msg("signed in ({how})", how=how)
    elif facts.user:
        summary = msg("signed in as {user} ({how})", user=facts.user, how=how)
    else:
        summary = msg("signed in as app {app_id} ({how})", app_id=str(facts.app_id), how=how)
    return (
        Step(
            SIGN_IN,
            title,
            Status.PASS,
            summary=summary,
            details=ctx.redactor(credential.describe()),
            evidence=_exchange_evidence(ctx, request),
        ),
        facts,
    )


def _tenant(ctx: Context, domain: str) -> tuple[Step, str | None, list[Finding]]:
    """The domain's tenant ID (None when unknown) from its OpenID configuration."""
    title = msg("Tenant of {domain}", domain=domain)
    host = ctx.target.environment.login_host
    if host is None:
        return Step(TENANT, title, Status.SKIP, summary=msg("no sign-in service")), None, []
    lookup = fetch_tenant_metadata(ctx.net, host, domain)
    if lookup.response is None:
        summary = msg("not looked up: {error}", error=lookup.answer.reason)
        return Step(TENANT, title, Status.INFO, summary=summary), None, []
    evidence = [lookup.response.to_evidence(ctx.redactor, verbatim(f"GET {lookup.url}"))]
    found = lookup.metadata
    if found is None:
        if lookup.answer.unknown_tenant:
            summary = msg("{domain} is not a tenant domain in this cloud", domain=domain)
        elif lookup.response.status != 200:
            summary = msg(
                "no OpenID configuration for {domain} (HTTP {status})",
                domain=domain,
                status=lookup.response.status,
            )
        else:
            summary = msg(
                "no tenant in the OpenID configuration for {domain}: {reason}",
                domain=domain,
                reason=lookup.answer.reason,
            )
        return Step(TENANT, title, Status.INFO, summary=summary, evidence=evidence), None, []
    tenant_id = found.tenant_id
    instance = found.cloud_instance_name or ""
    region = found.region_scope
    findings: list[Finding] = []
    cloud = found.cloud
    wanted = ctx.target.cloud
    us_gov = {Cloud.GCC_HIGH, Cloud.DOD}
    if cloud is not None and cloud is not wanted and not {cloud, wanted} <= us_gov:
        findings.append(
            Finding(
                "wrong_cloud",
                Status.FAIL,
                msg(
                    "{domain}'s tenant is in the {instance} cloud, not the one this run tests",
                    domain=domain,
                    instance=instance,
                ),
                msg(
                    "Set {cloud} to the tenant's cloud (GCC High or DoD for microsoftonline.us, "
                    "21Vianet for partner.microsoftonline.cn).",
                    cloud=setting("cloud"),
                ),
                OAUTH_LINKS["national_clouds"],
            )
        )
    tenant: str = tenant_id
    named: str = instance or msg("unknown")
    summary = msg("tenant {tenant}, cloud {cloud}", tenant=tenant, cloud=named)
    if region:
        summary = msg(
            "tenant {tenant}, cloud {cloud}, region {region}",
            tenant=tenant,
            cloud=named,
            region=str(region),
        )
    if findings:
        summary = msg("{summary}; {cause}", summary=summary, cause=findings[0].cause)
    step = Step(
        TENANT,
        title,
        overall(findings) if findings else Status.INFO,
        summary=summary,
        remedy=findings[0].remedy if findings else None,
        evidence=evidence,
    )
    return step, tenant_id, findings


def _unreadable(title: str, why: NotAJwt) -> Step:
    """No claims were read, so nothing vouches for the token: never a pass. A broken token
    (spaces, cut off) fails; an opaque or encrypted one is information for the servers."""
    if why.broken:
        return Step(
            CLAIMS,
            title,
            Status.FAIL,
            summary=why.reason,
            remedy=Remedy(
                msg(
                    "Copy the whole access token again, as one line with nothing before or "
                    "after it (no 'Bearer ', quotes or line breaks), or let this tool sign in "
                    "itself: choose OAuth as {sign_in} (device code, browser or app-only).",
                    sign_in=setting("sign_in"),
                ),
                OAUTH_LINKS["mail"],
            ),
        )
    return Step(
        CLAIMS,
        title,
        Status.INFO,
        summary=msg(
            "{reason}; its claims cannot be checked here: the sign-ins below are the judge",
            reason=why.reason,
        ),
    )


def _claims(
    ctx: Context,
    credential: OAuthCredential,
    facts: TokenFacts | NotAJwt,
    tenant_id: str | None,
) -> Step:
    title = msg("Access token (audience, permissions, tenant, expiry)")
    if isinstance(facts, NotAJwt):
        return _unreadable(title, facts)
    # The token says what it is: an app's own token carries roles, a user's scopes. A
    # token given with --access-token-env is judged by its own kind, not the run's.
    app_only = facts.app_only
    want = Expectation(
        cloud=ctx.target.cloud,
        protocols=credential.protocols,
        app_only=app_only,
        now=dt.datetime.now(dt.UTC),
        tenant_id=tenant_id,
        mailbox=credential.username,
    )
    findings = diagnose(facts, want)
    permissions = facts.roles if app_only else facts.scopes
    left = facts.lifetime_left(want.now)
    expiry = msg("no expiry")
    if left is not None:
        minutes = int(left.total_seconds() // 60)
        expiry = (
            msg("expires in {minutes} min", minutes=minutes) if minutes >= 0 else msg("expired")
        )
    audience: str = facts.audience or msg("no audience")
    held: str = " ".join(permissions) or msg("none")
    tenant: str = facts.tenant or msg("unknown")
    if app_only:
        described = msg(
            "for {audience}; roles: {roles}; tenant {tenant}; {expiry}",
            audience=audience,
            roles=held,
            tenant=tenant,
            expiry=expiry,
        )
    else:
        described = msg(
            "for {audience}; scopes: {scopes}; tenant {tenant}; {expiry}",
            audience=audience,
            scopes=held,
            tenant=tenant,
            expiry=expiry,
        )
    problems = [f for f in findings if f.status.is_problem]
    status = overall(findings) if problems else Status.PASS
    return Step(
        CLAIMS,
        title,
        status,
        summary=problems[0].cause if problems else described,
        details=join(
            "\n",
            [
                msg("The token: {described}.", described=described),
                *(msg("- {key}: {cause}", key=f.key, cause=f.cause) for f in findings),
            ],
        ),
        remedy=problems[0].remedy if problems else None,
        evidence=[
            Evidence("table", msg("Access token claims (never the token itself)"), facts.to_dict()),
            Evidence(
                "table",
                msg("Findings"),
                [{"key": f.key, "status": f.status.value, "cause": f.cause} for f in findings],
            ),
        ],
    )


def check_auth_token(ctx: Context) -> Step:
    credential = oauth(ctx)
    if credential is None:
        return Step(
            AUTH_TOKEN,
            TITLE,
            Status.SKIP,
            summary=msg("no OAuth sign-in in this run (a password, or no credentials)"),
        )
    sign_in, facts = _sign_in(ctx, credential)
    signed_in = facts is not None
    children = [sign_in]
    domain = credential.username.rpartition("@")[2] or ctx.target.domain
    tenant_step, tenant_id, _ = _tenant(ctx, domain)
    children.append(tenant_step)
    if facts is not None:
        children.append(_claims(ctx, credential, facts, tenant_id))
    status = worst([c.status for c in children])
    if status is Status.PASS and signed_in and children[-1].status is Status.INFO:
        status = Status.INFO  # nobody read the token's claims: nothing vouched for it
    problem = next((c for c in children if c.status.is_problem and c.status is status), None)
    if problem is not None:
        part = problem.id.rsplit(".", 1)[1]
        summary: str = msg("{part}: {summary}", part=part, summary=problem.summary)
        remedy = problem.remedy
    elif signed_in:
        summary = msg(
            "{sign_in}; token {claims}", sign_in=sign_in.summary, claims=children[-1].summary
        )
        remedy = None
    else:
        summary, remedy = sign_in.summary, sign_in.remedy
    return Step(
        AUTH_TOKEN,
        TITLE,
        status,
        summary=ctx.redactor(summary),
        details=ctx.redactor(credential.describe()),
        remedy=remedy,
        children=children,
    )


AUTH_CHECKS: tuple[Check, ...] = (
    Check(
        AUTH_TOKEN,
        TITLE,
        check_auth_token,
        deadline=DEADLINE,
        explicit_only=True,
        needs_credentials=True,
    ),
)
