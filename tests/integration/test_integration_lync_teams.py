"""integration.lync.* and integration.teams.exchange through the engine (Diagnosis, with
an IntegrationPlan) against the lab's int-* organisations: the healthy one passes, each
broken one fails on the step that reads its fault, with the remedy that fixes it, and the
dated facts (Skype for Business Server and Exchange support, Exchange UM) are in the
report."""

from __future__ import annotations

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.integration import INTEGRATION_CHECKS
from assistant.checks.integration.evidence import TenantFacts
from assistant.checks.integration.ids import (
    LYNC_AUTODISCOVER,
    LYNC_DNS,
    LYNC_EWS,
    LYNC_LYNCDISCOVER,
    TEAMS_EXCHANGE,
    TENANT,
)
from assistant.config import Target
from assistant.diagnosis import Diagnosis
from assistant.facts import (
    EXCHANGE_UM_ONLINE_RETIRED,
    SFB_EXCHANGE_AUTODISCOVER_URLS,
    SFB_SERVER_END_OF_SUPPORT,
    SFB_SERVER_SUPPORTED,
    Cloud,
)
from assistant.integration_plan import IntegrationPlan, Product
from assistant.lab.ews_service import LAB_PASSWORD
from assistant.lab.integration_scenarios import INT_TENANT_ID, OTHER_TENANT_ID
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.report.json_report import dumps
from assistant.runner import Runner

pytestmark = pytest.mark.lab

REPORT = "saved report"
LYNC_TEAMS = [LYNC_AUTODISCOVER, LYNC_EWS, LYNC_DNS, LYNC_LYNCDISCOVER, TEAMS_EXCHANGE]


def run(
    lab: Lab,
    scenario: str,
    checks: list[str] = LYNC_TEAMS,
    plan: IntegrationPlan | None = None,
) -> dict[str, Step]:
    target = Target.parse(f"admin@{scenario}.test", Cloud.ONPREM)
    diagnosis = Diagnosis(
        target,
        lab.network_options(timeout=2.0, check_deadline=15.0),
        checks,
        integration=plan or IntegrationPlan(),
    )
    outcome = diagnosis.run()
    steps = {step.id: step for step in outcome.steps}
    # The saved report (JSON), kept beside the steps for the tests that read it.
    steps[REPORT] = Step(
        REPORT, REPORT, Status.INFO, details=dumps(outcome.report, diagnosis.redactor)
    )
    return steps


def child(step: Step, suffix: str) -> Step:
    found = step.find(f"{step.id}.{suffix}")
    assert found is not None, [c.id for c in step.children]
    return found


def test_int_hybrid_is_healthy(lab: Lab) -> None:
    # The lab has no pool of its own: lyncdiscoverinternal serves the same JSON, so it
    # stands in for the pool's external web services name.
    steps = run(
        lab, "int-hybrid", plan=IntegrationPlan(sfb_pool="lyncdiscoverinternal.int-hybrid.test")
    )
    for check_id in LYNC_TEAMS:
        assert steps[check_id].status is Status.PASS, (check_id, steps[check_id].summary)
    assert "Bearer" in steps[LYNC_AUTODISCOVER].summary
    assert (
        "autodiscover.int-hybrid.test/autodiscover/autodiscover.svc"
        in steps[LYNC_AUTODISCOVER].summary
    )
    assert "your own servers" in steps[LYNC_DNS].summary
    assert child(steps[LYNC_LYNCDISCOVER], "domain").status is Status.PASS
    assert child(steps[LYNC_LYNCDISCOVER], "pool").status is Status.PASS
    teams = steps[TEAMS_EXCHANGE]
    assert "Exchange Server Subscription Edition (SE)" in child(teams, "build").summary
    assert "mail.int-hybrid.test/EWS/Exchange.asmx" in child(teams, "autodiscover").summary
    # The dated facts reach the report: the Skype for Business Server support note on
    # every Lync step, the voicemail note on the Teams step.
    for check_id in (LYNC_AUTODISCOVER, LYNC_EWS, LYNC_DNS, LYNC_LYNCDISCOVER):
        assert SFB_SERVER_END_OF_SUPPORT in steps[check_id].details
        assert SFB_SERVER_SUPPORTED in steps[check_id].details
    assert EXCHANGE_UM_ONLINE_RETIRED in teams.details
    report = steps[REPORT].details
    assert SFB_SERVER_END_OF_SUPPORT in report and EXCHANGE_UM_ONLINE_RETIRED in report


def test_lyncdiscover_with_a_certificate_for_another_name(lab: Lab) -> None:
    steps = run(lab, "int-lync-badcert", [LYNC_LYNCDISCOVER])
    step = steps[LYNC_LYNCDISCOVER]
    assert step.status is Status.FAIL
    assert "lyncdiscover.int-lync-badcert.test" in step.summary
    assert "certificate" in step.summary
    assert step.remedy is not None
    assert "lyncdiscover.int-lync-badcert.test" in step.remedy.text
    assert "Teams interop" in child(step, "domain").details


def test_autodiscover_svc_not_answering(lab: Lab) -> None:
    steps = run(lab, "int-no-svc", [LYNC_AUTODISCOVER])
    step = steps[LYNC_AUTODISCOVER]
    assert step.status is Status.FAIL
    assert "404" in step.summary
    assert step.remedy is not None
    assert (
        "Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl "
        "https://autodiscover.int-no-svc.test/autodiscover/autodiscover.svc"
    ) in step.remedy.text


def test_ews_not_published(lab: Lab) -> None:
    steps = run(lab, "int-ews-unpublished", [LYNC_EWS, TEAMS_EXCHANGE])
    lync = steps[LYNC_EWS]
    assert lync.status is Status.FAIL
    assert "not published" in lync.summary
    assert lync.remedy is not None and "/EWS/" in lync.remedy.text
    teams = steps[TEAMS_EXCHANGE]
    assert teams.status is Status.FAIL
    ews = child(teams, "ews")
    assert ews.status is Status.FAIL
    assert "404" in ews.summary
    assert teams.remedy is not None and "Publish /EWS/" in teams.remedy.text
    # Autodiscover still finds the mailbox: only the EWS step is broken.
    assert child(teams, "autodiscover").status is Status.PASS


def test_old_exchange_build(lab: Lab) -> None:
    steps = run(lab, "int-old-build", [TEAMS_EXCHANGE])
    teams = steps[TEAMS_EXCHANGE]
    build = child(teams, "build")
    assert build.status is Status.WARN
    assert "Exchange Server 2016 CU23 (15.1.2507.6)" in build.summary
    assert "out of support since 2025-10-14" in build.summary
    assert teams.status is Status.WARN
    assert teams.remedy is not None
    assert "Exchange Server Subscription Edition (SE)" in teams.remedy.text


def test_no_bearer_challenge(lab: Lab) -> None:
    steps = run(lab, "int-no-bearer", [LYNC_AUTODISCOVER, LYNC_EWS, TEAMS_EXCHANGE])
    assert steps[LYNC_AUTODISCOVER].status is Status.WARN
    assert steps[LYNC_EWS].status is Status.FAIL
    assert "no OAuth (Bearer)" in steps[LYNC_EWS].summary
    ews = child(steps[TEAMS_EXCHANGE], "ews")
    assert ews.status is Status.FAIL
    assert ews.remedy is not None and "Hybrid" in ews.remedy.text


def test_signed_in_run_says_whether_out_of_office_and_free_busy_are_read(lab: Lab) -> None:
    """With a sign-in, integration.lync.ews reuses what ews.mailbox read (no call of its
    own): the EWS operations Skype for Business Server uses for OOF and calendar data."""
    address = "admin@int-hybrid.test"
    diagnosis = Diagnosis(
        Target.parse(address, Cloud.ONPREM),
        lab.network_options(timeout=2.0, check_deadline=30.0),
        ["autodiscover", "ews.mailbox", LYNC_EWS],
        credentials=PasswordCredential(address, LAB_PASSWORD),
        integration=IntegrationPlan(),
    )
    steps = {step.id: step for step in diagnosis.run().steps}
    assert steps["ews.mailbox"].status is Status.PASS
    step = steps[LYNC_EWS]
    assert step.status is Status.PASS
    assert "out-of-office and free/busy read" in step.summary
    assert "GetUserOofSettings: read: automatic replies are disabled" in step.details
    assert "GetUserAvailability: answered for today" in step.details
    assert "EWS URL from autodiscover" in step.details


def test_a_product_not_chosen_is_skipped_saying_why(lab: Lab) -> None:
    steps = run(lab, "int-hybrid", plan=IntegrationPlan(products=frozenset({Product.SHAREPOINT})))
    for check_id in LYNC_TEAMS:
        assert steps[check_id].status is Status.SKIP
        assert "not chosen" in steps[check_id].summary


def stand_in_tenant(tenant_id: str) -> Check:
    """An integration.tenant that found `tenant_id` (what the real one reads from the
    tenant's OpenID configuration), so the trust comparison runs on its own here."""

    def found(ctx: Context) -> Step:
        facts = TenantFacts(tenant_id, "microsoftonline.com", "NA", "login.microsoftonline.com")
        return Step(TENANT, "tenant (stand-in)", Status.PASS, evidence=[facts.to_evidence()])

    return Check(TENANT, "tenant (stand-in)", found)


def run_with_tenant(lab: Lab, scenario: str, tenant_id: str) -> dict[str, Step]:
    checks = [
        c for c in INTEGRATION_CHECKS if c.id in (LYNC_AUTODISCOVER, LYNC_EWS, TEAMS_EXCHANGE)
    ]
    runner = Runner(
        Target.parse(f"admin@{scenario}.test", Cloud.ONPREM),
        lab.network_options(timeout=2.0, check_deadline=15.0),
        integration=IntegrationPlan(),
    )
    return {step.id: step for step in runner.run([stand_in_tenant(tenant_id), *checks])}


def test_a_bearer_challenge_that_trusts_another_tenant_fails(lab: Lab) -> None:
    """int-wrong-tenant's Exchange offers OAuth, but trusts another tenant: Skype for
    Business Server and Teams are refused all the same (bearer_trust's verdict)."""
    steps = run_with_tenant(lab, "int-wrong-tenant", INT_TENANT_ID)
    for check_id in (LYNC_AUTODISCOVER, LYNC_EWS):
        assert steps[check_id].status is Status.FAIL, steps[check_id].summary
        assert OTHER_TENANT_ID in steps[check_id].summary
        remedy = steps[check_id].remedy
        assert remedy is not None and INT_TENANT_ID in remedy.text
    ews = child(steps[TEAMS_EXCHANGE], "ews")
    assert ews.status is Status.FAIL
    assert OTHER_TENANT_ID in ews.summary
    # The same organisation, with the tenant it does trust: all pass.
    trusted = run_with_tenant(lab, "int-wrong-tenant", OTHER_TENANT_ID)
    for check_id in (LYNC_AUTODISCOVER, LYNC_EWS, TEAMS_EXCHANGE):
        assert trusted[check_id].status is Status.PASS, trusted[check_id].summary


def test_exchange_online_side_is_microsofts(lab: Lab) -> None:
    """For an Exchange Online target the autodiscover service Skype must name is the
    cloud's (facts.SFB_EXCHANGE_AUTODISCOVER_URLS), and Teams needs nothing published."""
    target = Target.parse("admin@contoso.test", Cloud.WORLDWIDE)
    checks = [LYNC_AUTODISCOVER, TEAMS_EXCHANGE]
    options = lab.network_options(timeout=2.0, check_deadline=15.0)
    diagnosis = Diagnosis(target, options, checks, integration=IntegrationPlan())
    steps = {step.id: step for step in diagnosis.run().steps}
    lync = steps[LYNC_AUTODISCOVER]
    assert lync.status is Status.PASS
    assert SFB_EXCHANGE_AUTODISCOVER_URLS[Cloud.WORLDWIDE] in lync.summary
    assert steps[TEAMS_EXCHANGE].status is Status.INFO
    assert "Exchange Online" in steps[TEAMS_EXCHANGE].summary
