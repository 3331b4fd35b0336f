"""integration.tenant, .oauth_trust, .auth_metadata and .sharepoint.* through the engine
(Diagnosis, with an IntegrationPlan) against the lab's int-* organisations and its
SharePoint Online hosts: the healthy organisation passes, each broken one fails on the
step that reads its fault with the remedy that fixes it, and nothing is ever sent but
anonymous requests."""

from __future__ import annotations

import pytest

from assistant.checks.integration.evidence import TENANT_KIND, tenant_in
from assistant.checks.integration.ids import (
    AUTH_METADATA,
    OAUTH_TRUST,
    SHAREPOINT_S2S,
    SHAREPOINT_SITE,
    SHAREPOINT_SITE_MAILBOXES,
    TENANT,
)
from assistant.config import Target
from assistant.diagnosis import Diagnosis
from assistant.facts import (
    SHAREPOINT_LINKS,
    SITE_MAILBOXES_RETIRED,
    SPO_PUBLIC_WEBSITES_ENDED,
    Cloud,
)
from assistant.integration_plan import IntegrationPlan, Product
from assistant.lab.integration_scenarios import INT_TENANT_ID, OTHER_TENANT_ID
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.report.json_report import dumps
from assistant.settings_names import cli_flags

pytestmark = pytest.mark.lab

REPORT = "saved report"
OURS = [
    TENANT,
    OAUTH_TRUST,
    AUTH_METADATA,
    SHAREPOINT_SITE,
    SHAREPOINT_S2S,
    SHAREPOINT_SITE_MAILBOXES,
]


def run(
    lab: Lab,
    domain: str,
    *,
    cloud: Cloud = Cloud.ONPREM,
    site: str | None = None,
    checks: list[str] = OURS,
    products: frozenset[Product] = frozenset(Product),
) -> dict[str, Step]:
    target = Target.parse(f"admin@{domain}", cloud)
    plan = IntegrationPlan(products=products, sharepoint_url=site)
    diagnosis = Diagnosis(
        target,
        lab.network_options(timeout=2.0, check_deadline=15.0),
        checks,
        integration=plan,
    )
    seen = len(lab.credentials_seen)
    outcome = diagnosis.run()
    # Anonymous only: no lab server received a credential of any kind during the run.
    assert lab.credentials_seen[seen:] == ()
    steps = {step.id: step for step in outcome.steps}
    steps[REPORT] = Step(
        REPORT, REPORT, Status.INFO, details=dumps(outcome.report, diagnosis.redactor)
    )
    return steps


def child(step: Step, suffix: str) -> Step:
    found = step.find(f"{step.id}.{suffix}")
    assert found is not None, [c.id for c in step.children]
    return found


def remedy(step: Step) -> str:
    assert step.remedy is not None, (step.id, step.summary)
    return step.remedy.text


# -- integration.tenant ----------------------------------------------------------------------


def test_a_hybrid_domain_names_its_tenant(lab: Lab) -> None:
    steps = run(lab, "int-hybrid.test", checks=[TENANT])
    step = steps[TENANT]
    assert step.status is Status.PASS
    assert INT_TENANT_ID in step.summary and "microsoftonline.com" in step.summary
    found = tenant_in(steps)
    assert found is not None and found.tenant_id == INT_TENANT_ID
    assert found.region_scope == "NA" and found.login_host == "login.microsoftonline.com"


def test_an_on_premises_only_domain_is_information_and_nothing_is_compared(lab: Lab) -> None:
    steps = run(lab, "fabrikam.test", checks=[TENANT, OAUTH_TRUST])
    tenant = steps[TENANT]
    assert tenant.status is Status.INFO
    assert "on-premises-only" in tenant.summary
    found = tenant_in(steps)
    assert found is not None and found.tenant_id is None  # "no tenant", recorded as such
    trust = steps[OAUTH_TRUST]
    # fabrikam's Exchange offers no Bearer: with no tenant, nothing is expected of it.
    assert trust.status is Status.INFO, trust.summary
    assert "no tenant ID" in child(trust, "ews").summary
    assert "no Microsoft 365 tenant" in child(trust, "ews").details


def test_a_cloud_target_whose_domain_is_no_tenants_fails(lab: Lab) -> None:
    steps = run(lab, "nowhere.test", cloud=Cloud.WORLDWIDE, checks=[TENANT])
    step = steps[TENANT]
    assert step.status is Status.FAIL
    assert "not a tenant domain" in step.summary
    assert "Microsoft 365 admin center" in remedy(step)


def test_a_tenant_in_another_cloud_warns(lab: Lab) -> None:
    step = run(lab, "contoso-gov.test", cloud=Cloud.WORLDWIDE, checks=[TENANT])[TENANT]
    assert step.status is Status.WARN
    assert "microsoftonline.us" in step.summary
    assert step.remedy is not None and "--cloud" in cli_flags(step.remedy.text)


# -- the healthy organisation ------------------------------------------------------------------


def test_int_hybrid_is_healthy(lab: Lab) -> None:
    steps = run(lab, "int-hybrid.test", site="https://sharepoint.int-hybrid.test/")
    for check_id in (TENANT, OAUTH_TRUST, AUTH_METADATA, SHAREPOINT_SITE, SHAREPOINT_S2S):
        assert steps[check_id].status is Status.PASS, (check_id, steps[check_id].summary)
    trust = steps[OAUTH_TRUST]
    for part in ("ews", "autodiscover", "sharepoint"):
        assert child(trust, part).status is Status.PASS
        assert INT_TENANT_ID in child(trust, part).summary
    # The challenges as a table: one row per endpoint asked.
    (table,) = [e for e in trust.evidence if e.kind == "table"]
    assert [row["endpoint"] for row in table.data] == ["EWS", "autodiscover", "SharePoint"]
    assert table.data[0]["url"] == "https://mail.int-hybrid.test/EWS/Exchange.asmx"
    assert table.data[1]["url"].startswith("https://autodiscover.int-hybrid.test/")
    metadata = steps[AUTH_METADATA]
    assert "days left" in metadata.summary
    assert "New-SPTrustedSecurityTokenIssuer" in metadata.details
    assert "SharePoint" in steps[SHAREPOINT_SITE].details  # says who needs it
    mailboxes = steps[SHAREPOINT_SITE_MAILBOXES]
    assert mailboxes.status is Status.INFO
    assert SITE_MAILBOXES_RETIRED in mailboxes.details
    # integration.tenant's evidence reaches the saved report.
    assert TENANT_KIND in steps[REPORT].details


# -- the broken ones -----------------------------------------------------------------------------


def test_no_bearer_challenge_is_the_classic_failure(lab: Lab) -> None:
    step = run(lab, "int-no-bearer.test", checks=[TENANT, OAUTH_TRUST])[OAUTH_TRUST]
    assert step.status is Status.FAIL
    assert "no Bearer challenge" in step.summary
    assert "Teams calendar" in step.summary
    for part in ("ews", "autodiscover"):
        assert child(step, part).status is Status.FAIL
    for command in (
        "Hybrid Configuration Wizard",
        "New-AuthServer",
        "Set-AuthServer",
        "New-PartnerApplication",
    ):
        assert command in remedy(step)


def test_another_tenant_in_trusted_issuers(lab: Lab) -> None:
    steps = run(
        lab,
        "int-wrong-tenant.test",
        site="https://sharepoint.int-wrong-tenant.test/",
        checks=[TENANT, OAUTH_TRUST, SHAREPOINT_SITE],
    )
    trust = steps[OAUTH_TRUST]
    assert trust.status is Status.FAIL
    assert "another tenant" in trust.summary and OTHER_TENANT_ID in trust.summary
    assert INT_TENANT_ID in remedy(trust)
    # SharePoint Server's realm is the other tenant too.
    site = steps[SHAREPOINT_SITE]
    assert site.status is Status.FAIL
    assert OTHER_TENANT_ID in site.summary
    assert f"Set-SPAuthenticationRealm -Realm {INT_TENANT_ID}" in remedy(site)


def test_auth_metadata_missing(lab: Lab) -> None:
    steps = run(lab, "int-no-metadata.test", checks=[AUTH_METADATA, SHAREPOINT_S2S])
    for check_id in (AUTH_METADATA, SHAREPOINT_S2S):
        step = steps[check_id]
        assert step.status is Status.FAIL, (check_id, step.summary)
        assert "HTTP 404" in step.summary
        assert "/autodiscover/metadata/json/1" in remedy(step)
        assert "New-CsPartnerApplication" in step.details  # what reads it


def test_auth_certificate_expired(lab: Lab) -> None:
    step = run(lab, "int-expired-metadata.test", checks=[AUTH_METADATA])[AUTH_METADATA]
    assert step.status is Status.FAIL
    assert "auth certificate expired" in step.summary and "days ago" in step.summary
    for command in (
        "New-ExchangeCertificate",
        "Set-AuthConfig -NewCertificateThumbprint",
        "-NewCertificateEffectiveDate",
        "Set-AuthConfig -PublishCertificate",
        "Hybrid Configuration Wizard",
    ):
        assert command in remedy(step)
    (table,) = [e for e in step.evidence if e.kind == "table"]
    assert table.data["signing_certificates"][0]["days_left"] < 0


def test_ews_not_published_leaves_no_challenge_to_read(lab: Lab) -> None:
    step = run(lab, "int-ews-unpublished.test", checks=[TENANT, OAUTH_TRUST])[OAUTH_TRUST]
    assert step.status is Status.WARN
    ews = child(step, "ews")
    assert ews.status is Status.WARN and "404" in ews.summary
    assert "Publish EWS externally" in remedy(ews)
    assert child(step, "autodiscover").status is Status.PASS  # autodiscover still trusts


# -- SharePoint Online ---------------------------------------------------------------------------


def test_sharepoint_online_site_of_this_tenant(lab: Lab) -> None:
    steps = run(
        lab,
        "contoso.test",
        cloud=Cloud.WORLDWIDE,
        site="https://contoso.sharepoint.com/sites/team",
        checks=[TENANT, OAUTH_TRUST, SHAREPOINT_SITE, SHAREPOINT_S2S, SHAREPOINT_SITE_MAILBOXES],
    )
    site = steps[SHAREPOINT_SITE]
    assert site.status is Status.PASS
    assert INT_TENANT_ID in site.summary
    assert steps[SHAREPOINT_S2S].status is Status.INFO
    assert "nothing to set up" in steps[SHAREPOINT_S2S].summary
    assert "retired" in steps[SHAREPOINT_SITE_MAILBOXES].summary
    # Exchange Online's endpoints are Microsoft's: said, never a fault of the tenant's.
    trust = steps[OAUTH_TRUST]
    assert not trust.status.is_problem, trust.summary
    assert child(trust, "ews").status is Status.INFO
    assert "any tenant" in child(trust, "ews").summary


def test_sharepoint_online_site_of_another_tenant(lab: Lab) -> None:
    step = run(
        lab,
        "contoso.test",
        cloud=Cloud.WORLDWIDE,
        site="https://fabrikamint.sharepoint.com/",
        checks=[TENANT, SHAREPOINT_SITE],
    )[SHAREPOINT_SITE]
    assert step.status is Status.FAIL
    assert "another tenant" in step.summary and OTHER_TENANT_ID in step.summary
    assert child(step, "tls").status is Status.PASS
    assert "sharepoint.com" in remedy(step)


def test_a_custom_domain_in_front_of_sharepoint_online_is_explained(lab: Lab) -> None:
    step = run(
        lab,
        "contoso.test",
        cloud=Cloud.WORLDWIDE,
        site="https://intranet.contoso.test/",
        checks=[TENANT, SHAREPOINT_SITE],
    )[SHAREPOINT_SITE]
    assert step.status is Status.FAIL
    assert "custom domain in front of SharePoint Online" in step.summary
    assert "*.sharepoint.com" in step.summary
    tls = child(step, "tls")
    assert SPO_PUBLIC_WEBSITES_ENDED in tls.details
    assert step.remedy is not None and step.remedy.link == SHAREPOINT_LINKS["public_websites"]
    assert ".sharepoint.com" in remedy(step)


# -- who needs it ----------------------------------------------------------------------------------


def test_no_site_url_skips_the_site_saying_how_to_give_one(lab: Lab) -> None:
    step = run(lab, "int-hybrid.test", checks=[TENANT, SHAREPOINT_SITE])[SHAREPOINT_SITE]
    assert step.status is Status.SKIP
    assert "the SharePoint site's address" in step.summary
    assert "--sharepoint-url" in cli_flags(step.summary)


def test_a_product_not_chosen_is_skipped(lab: Lab) -> None:
    steps = run(
        lab,
        "int-hybrid.test",
        site=None,
        products=frozenset({Product.TEAMS}),
        checks=[TENANT, OAUTH_TRUST, AUTH_METADATA, SHAREPOINT_S2S, SHAREPOINT_SITE_MAILBOXES],
    )
    for check_id in (AUTH_METADATA, SHAREPOINT_S2S, SHAREPOINT_SITE_MAILBOXES):
        assert steps[check_id].status is Status.SKIP, check_id
        assert "not chosen" in steps[check_id].summary
    # The tenant and the OAuth trust serve every product, Teams too.
    assert steps[TENANT].status is Status.PASS
    assert steps[OAUTH_TRUST].status is Status.PASS
    assert child(steps[OAUTH_TRUST], "ews").status is Status.PASS
    assert steps[OAUTH_TRUST].find(f"{OAUTH_TRUST}.sharepoint") is None


def test_one_products_checks_bring_the_tenant_along(lab: Lab) -> None:
    steps = run(
        lab,
        "int-hybrid.test",
        site="https://sharepoint.int-hybrid.test/",
        checks=["integration.sharepoint"],
        products=frozenset({Product.SHAREPOINT}),
    )
    assert steps[TENANT].status is Status.PASS
    assert steps[SHAREPOINT_SITE].status is Status.PASS
