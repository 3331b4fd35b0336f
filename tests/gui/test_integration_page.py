"""The wizard's Integration page (issue 15): SharePoint, Lync/Skype for Business and
Teams as three separate choices, the site URL checked as it is typed (a bad one said and
kept), the plan the run gets, the remembered answers, a lab run through the wizard that
shows the integration results, and the page's texts in another language."""

from __future__ import annotations

from gui_helpers import fill_target
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from assistant.facts import Cloud
from assistant.integration_plan import IntegrationPlan, Product
from assistant.lab.tenant import Lab
from ui.pages.ids import CHECKS, INTEGRATION, RELAY, RESULTS, RUN, SIGNIN, TARGET

SITE = "https://sharepoint.int-hybrid.test/"
MAILBOX = "admin@int-hybrid.test"


def to_integration_page(qtbot, wizard, email: str = MAILBOX, areas=("integration",)) -> None:
    """From the start: an on-premises mailbox, the areas given, no sign-in."""
    wizard.next()
    assert wizard.currentId() == TARGET
    fill_target(qtbot, wizard, email, Cloud.ONPREM)
    wizard.next()
    assert wizard.currentId() == CHECKS
    wizard.checks_page.set_selected(list(areas))
    assert wizard.checks_page.selected() == list(areas), "the integration area is enabled"
    wizard.next()
    assert wizard.currentId() == SIGNIN
    assert not wizard.signin_page.isCommitPage(), "Integration comes after Sign-in"
    wizard.next()
    assert wizard.currentId() == INTEGRATION


# -- the page alone ------------------------------------------------------------------------


def test_three_separate_choices_each_saying_what_it_checks(qtbot, wizard) -> None:
    page = wizard.integration_page
    assert set(page.boxes) == set(Product)
    for product, box in page.boxes.items():
        assert box.isChecked(), "every product by default"
        assert page.lines[product].text(), product
        assert box.accessibleDescription() == page.lines[product].text()
    assert "SharePoint" in page.boxes[Product.SHAREPOINT].text()
    assert "Skype for Business" in page.boxes[Product.LYNC].text()
    assert "Teams" in page.boxes[Product.TEAMS].text()
    assert "send no credentials" in page.anonymous.text()


def test_the_site_url_field_shows_for_sharepoint_only(qtbot, wizard) -> None:
    page = wizard.integration_page
    wizard.show()
    assert page.site_form.isRowVisible(page.site_url)
    assert page.pool_form.isRowVisible(page.pool)
    page.boxes[Product.SHAREPOINT].setChecked(False)
    assert not page.site_form.isRowVisible(page.site_url)
    page.boxes[Product.LYNC].setChecked(False)
    assert not page.pool_form.isRowVisible(page.pool)
    page.boxes[Product.SHAREPOINT].setChecked(True)
    assert page.site_form.isRowVisible(page.site_url)


def test_a_bad_site_url_is_said_by_the_field_and_kept(qtbot, wizard) -> None:
    page = wizard.integration_page
    page.site_url.clear()
    qtbot.keyClicks(page.site_url, "http://sharepoint.int-hybrid.test/")
    assert page.site_url.text() == "http://sharepoint.int-hybrid.test/", "nothing lost"
    assert "is not a SharePoint site URL" in page.site_url_error.message
    assert page.site_url_error.isVisibleTo(page)
    assert page.site_url.accessibleDescription() == page.site_url_error.message
    assert not page.isComplete()
    # Not SharePoint's business any more: the field's error no longer holds the page.
    page.boxes[Product.SHAREPOINT].setChecked(False)
    assert page.isComplete() and page.site_url_error.message == ""
    assert page.plan().sharepoint_url is None
    page.boxes[Product.SHAREPOINT].setChecked(True)
    page.site_url.setText(SITE)
    assert page.site_url_error.message == "" and not page.site_url_error.isVisibleTo(page)
    assert page.isComplete()


def test_a_bad_pool_name_is_said_and_no_product_holds_the_page(qtbot, wizard) -> None:
    page = wizard.integration_page
    page.pool.setText("web pool.contoso.com")
    assert "is not a host name" in page.pool_error.message
    assert not page.isComplete()
    page.pool.setText("webext.int-hybrid.test")
    assert page.isComplete()
    for box in page.boxes.values():
        box.setChecked(False)
    assert not page.isComplete()
    assert "Tick at least one product" in page.none_error.message


def test_the_plan_follows_the_choices(qtbot, wizard) -> None:
    page = wizard.integration_page
    page.site_url.setText("  https://Contoso.SharePoint.com/sites/team ")
    page.pool.setText("WebExt.int-hybrid.test")
    assert page.plan() == IntegrationPlan(
        products=frozenset(Product),
        sharepoint_url="https://contoso.sharepoint.com/sites/team",
        sfb_pool="webext.int-hybrid.test",
    )
    page.boxes[Product.LYNC].setChecked(False)
    page.boxes[Product.TEAMS].setChecked(False)
    assert page.plan() == IntegrationPlan(
        products=frozenset({Product.SHAREPOINT}),
        sharepoint_url="https://contoso.sharepoint.com/sites/team",
        sfb_pool=None,  # Skype for Business is not checked: its pool is not either
    )
    page.site_url.clear()
    assert page.plan().sharepoint_url is None, "empty: the site itself is not checked"


def test_the_choices_and_addresses_are_remembered(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    page = wizard.integration_page
    page.boxes[Product.TEAMS].setChecked(False)
    page.site_url.setText(SITE)
    page.pool.setText("webext.int-hybrid.test")
    wizard.close()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    second = make_wizard()
    again = second.integration_page
    assert again.products() == {Product.SHAREPOINT, Product.LYNC}
    assert again.site_url.text() == SITE
    assert again.pool.text() == "webext.int-hybrid.test"


# -- in the wizard ----------------------------------------------------------------------


def test_with_relay_too_the_integration_page_comes_first_and_relay_starts_the_run(
    qtbot, wizard
) -> None:
    to_integration_page(qtbot, wizard, areas=("relay", "integration"))
    assert not wizard.integration_page.isCommitPage(), "Relay, after it, starts the run"
    wizard.next()
    assert wizard.currentId() == RELAY
    wizard.back()
    assert wizard.currentId() == INTEGRATION


def test_an_integration_demo_fills_the_page_and_runs_in_the_wizard(qtbot, wizard, lab: Lab) -> None:
    scenario = "int-no-svc"  # autodiscover.svc answers 404: integration.lync.autodiscover fails
    wizard.use_lab(lab, scenario)
    assert wizard.checks_page.selected() == ["autodiscover", "integration"]
    page = wizard.integration_page
    assert page.site_url.text() == f"https://sharepoint.{scenario}.test/"
    to_integration_page(
        qtbot, wizard, f"admin@{scenario}.test", areas=("autodiscover", "integration")
    )
    assert page.isCommitPage(), "without Relay, this page starts the run"
    assert page.isComplete()
    page.boxes[Product.SHAREPOINT].setChecked(False)  # one product left out: its checks skip
    wizard.next()
    assert wizard.currentId() in (RUN, RESULTS)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=60000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=10000)
    assert wizard.run.integration == IntegrationPlan(
        products=frozenset({Product.LYNC, Product.TEAMS}), sharepoint_url=None, sfb_pool=None
    )
    report = wizard.session.report
    ids = [s.id for s in report.steps]
    assert "autodiscover.result" in ids
    assert "integration.lync.autodiscover" in ids and "integration.teams.exchange" in ids
    skipped = report.find("integration.sharepoint.site")
    assert skipped is not None and skipped.status.value == "skip", "SharePoint was left out"
    assert "SharePoint" in skipped.summary
    failed = report.find("integration.lync.autodiscover")
    assert failed is not None and failed.status.value == "fail"
    results = wizard.results_page
    results.tree.setCurrentItem(results.tree.item_for("integration.lync.autodiscover"))
    shown = results.details.browser.toPlainText()
    assert "Set-CsOAuthConfiguration -ExchangeAutodiscoverUrl" in shown, shown
    # The demos that are not about integration leave its area (and its page) out.
    wizard.scenario_changed("healthy")
    assert "integration" not in wizard.checks_page.selected()


# -- another language ----------------------------------------------------------------------


class Marking(QTranslator):
    """Every text of the Integration page, marked: proves each one is retranslated."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context == "IntegrationPage" and source:
            return f"[zh]{source}"
        return ""  # not translated here

    def isEmpty(self) -> bool:
        return False


def test_a_language_switch_retranslates_the_page(qtbot, wizard) -> None:
    page = wizard.integration_page
    page.site_url.setText("http://x.test/")  # an error shown: it follows the language too
    marking = Marking()
    app = QApplication.instance()
    app.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: page.title().startswith("[zh]"), timeout=3000)
        for product, box in page.boxes.items():
            assert box.text().startswith("[zh]"), product
            assert page.lines[product].text().startswith("[zh]"), product
        assert page.site_url_label.text().startswith("[zh]")
        assert page.pool_label.text().startswith("[zh]")
        assert page.anonymous.text().startswith("[zh]")
        assert page.site_url.text() == "http://x.test/", "what was typed stays"
    finally:
        app.removeTranslator(marking)
    qtbot.waitUntil(
        lambda: page.title() == "SharePoint, Lync/Skype for Business and Teams", timeout=3000
    )
