"""integration.tenant: the tenant behind the domain, from its public OpenID configuration.

The same reader as the wizard's cloud detection and auth.token.tenant
(auth/tenant_metadata.py). Its finding goes on the step as TenantFacts evidence
(evidence.py): the tenant ID that integration.oauth_trust, .sharepoint.* and the Lync
checks compare Bearer challenges and realms with. Nothing is recorded when the sign-in
service could not be asked: "could not look it up" is not "no tenant".

An on-premises target may still be a hybrid tenant's domain (its mailboxes on Exchange
Server, its Teams and SharePoint Online in Microsoft 365), so it is asked as the
wizard asks: the worldwide sign-in service (which also answers for US Government
tenants), then 21Vianet's. A domain no sign-in service knows is an on-premises-only
organisation: information, not a fault, for an on-premises target.
"""

from __future__ import annotations

from assistant.auth.tenant_metadata import TenantLookup, TenantMetadata, fetch_tenant_metadata
from assistant.check import Check, Context
from assistant.checks.integration.evidence import TenantFacts
from assistant.checks.integration.exchange_side import skip_unwanted
from assistant.checks.integration.ids import TENANT, TITLES
from assistant.facts import ENVIRONMENTS, LINKS, OAUTH_LINKS, US_GOVERNMENT_CLOUDS, Cloud
from assistant.model import Evidence, Remedy, Status, Step
from assistant.settings_names import setting
from assistant.text import join, msg, verbatim

# Where an on-premises target's domain is looked up, in order (tenant_discovery.py asks
# the same two).
_ONPREM_ASK = (Cloud.WORLDWIDE, Cloud.CHINA)

_WHY = msg(
    "Needed by every product here: SharePoint's realm, the trusted issuers in Exchange's "
    "Bearer challenge and the OAuth setup of Skype for Business and Teams must all name "
    "this tenant ID; the later checks compare with it."
)


def _login_hosts(ctx: Context) -> list[str]:
    env = ctx.target.environment
    if env.login_host is not None:
        return [env.login_host]
    return [h for c in _ONPREM_ASK if (h := ENVIRONMENTS[c].login_host) is not None]


def _lookup(ctx: Context) -> list[TenantLookup]:
    """Ask each sign-in service in turn until one names a tenant (21Vianet tenants are
    known only to their own service, so "unknown" from the first is not final)."""
    done: list[TenantLookup] = []
    for host in _login_hosts(ctx):
        lookup = fetch_tenant_metadata(ctx.net, host, ctx.target.domain)
        done.append(lookup)
        if lookup.metadata is not None:
            break
    return done


def _evidence(ctx: Context, lookups: list[TenantLookup]) -> list[Evidence]:
    return [
        lookup.response.to_evidence(ctx.redactor, verbatim(f"GET {lookup.url}"))
        for lookup in lookups
        if lookup.response is not None
    ]


def _described(found: TenantMetadata) -> str:
    cloud: str = found.cloud_instance_name or msg("unknown")
    if found.region_scope:
        return msg(
            "tenant {tenant}, cloud {cloud}, region {region}",
            tenant=found.tenant_id,
            cloud=cloud,
            region=found.region_scope,
        )
    return msg("tenant {tenant}, cloud {cloud}", tenant=found.tenant_id, cloud=cloud)


def _other_cloud(ctx: Context, found: TenantMetadata) -> bool:
    wanted = ctx.target.cloud
    if wanted is Cloud.ONPREM or found.cloud is None or found.cloud is wanted:
        return False
    return not {found.cloud, wanted} <= US_GOVERNMENT_CLOUDS


def _found(
    ctx: Context, lookup: TenantLookup, found: TenantMetadata, evidence: list[Evidence]
) -> Step:
    facts = TenantFacts(
        found.tenant_id,
        found.cloud_instance_name,
        found.region_scope,
        lookup.url.split("/")[2],
    )
    summary = _described(found)
    status, remedy = Status.PASS, None
    if _other_cloud(ctx, found):
        status = Status.WARN
        summary = msg(
            "{summary}; the tenant is in the {instance} cloud, not the one this run tests",
            summary=summary,
            instance=found.cloud_instance_name or "",
        )
        remedy = Remedy(
            msg(
                "Set {cloud} to the tenant's cloud (GCC High or DoD for microsoftonline.us, "
                "21Vianet for partner.microsoftonline.cn).",
                cloud=setting("cloud"),
            ),
            OAUTH_LINKS["national_clouds"],
        )
    return Step(
        TENANT,
        TITLES[TENANT],
        status,
        summary=summary,
        details=join("\n", [_WHY, msg("Issuer: {issuer}", issuer=found.issuer)]),
        remedy=remedy,
        evidence=[facts.to_evidence(), *evidence],
    )


def _no_tenant(ctx: Context, lookups: list[TenantLookup], evidence: list[Evidence]) -> Step:
    domain = ctx.target.domain
    facts = TenantFacts(None, None, None, lookups[-1].url.split("/")[2])
    if ctx.target.cloud is Cloud.ONPREM:
        return Step(
            TENANT,
            TITLES[TENANT],
            Status.INFO,
            summary=msg(
                "{domain} is no Microsoft 365 tenant's domain: an on-premises-only "
                "organisation; the OAuth trust checks have no tenant to compare with",
                domain=domain,
            ),
            details=join(
                "\n",
                [
                    _WHY,
                    msg(
                        "SharePoint Server and Skype for Business Server next to Exchange "
                        "Server need no tenant; SharePoint Online, Teams and hybrid modern "
                        "authentication do (add and verify the domain in the Microsoft 365 "
                        "admin center)."
                    ),
                ],
            ),
            evidence=[facts.to_evidence(), *evidence],
        )
    return Step(
        TENANT,
        TITLES[TENANT],
        Status.FAIL,
        summary=msg(
            "{domain} is not a tenant domain in this cloud: Exchange Online, SharePoint "
            "Online and Teams cannot belong to it",
            domain=domain,
        ),
        details=_WHY,
        remedy=Remedy(
            msg(
                "Add and verify {domain} in the Microsoft 365 admin center (Settings > "
                "Domains), or set {cloud} to the cloud the tenant is in.",
                domain=domain,
                cloud=setting("cloud"),
            ),
            LINKS["verification"],
        ),
        evidence=[facts.to_evidence(), *evidence],
    )


def check_tenant(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, TENANT)) is not None:
        return skip
    lookups = _lookup(ctx)
    evidence = _evidence(ctx, lookups)
    last = lookups[-1]
    if last.metadata is not None:
        return _found(ctx, last, last.metadata, evidence)
    if any(lookup.answer.unknown_tenant for lookup in lookups):
        return _no_tenant(ctx, lookups, evidence)
    # No answer that says either way: nothing recorded, so later checks say "unknown".
    reasons = join("; ", [lookup.answer.reason for lookup in lookups])
    hosts = join(", ", [lookup.url.split("/")[2] for lookup in lookups])
    return Step(
        TENANT,
        TITLES[TENANT],
        Status.WARN,
        summary=msg("the tenant could not be looked up: {reasons}", reasons=reasons),
        details=_WHY,
        remedy=Remedy(
            msg(
                "Allow HTTPS from this computer to the sign-in service ({hosts}), through "
                "the proxy if there is one, and run the check again.",
                hosts=hosts,
            ),
            LINKS["m365_endpoints"],
        ),
        evidence=evidence,
    )


TENANT_CHECK = Check(TENANT, TITLES[TENANT], check_tenant, explicit_only=True)
