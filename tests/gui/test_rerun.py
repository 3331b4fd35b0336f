"""Re-test without starting over (issue 16 item 2): "Run again" for the selected check or
its area keeps every other result and merges the new steps into the report (which the
Export page saves); Back from Results goes to the settings with every value kept, and
Run from there runs again; a re-run cancels as a run does. Against the lab's demo."""

from __future__ import annotations

from gui_helpers import run_to_results
from PySide6.QtWidgets import QWizard

from assistant.diagnosis import RERUNS
from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.report.json_report import load_json
from ui.pages.ids import CHECKS, RESULTS, RUN, SIGNIN, TARGET
from ui.texts import RUNNING
from ui.widgets.rerun import RerunBar
from ui.wizard import Wizard


def demo_results(qtbot, wizard: Wizard, lab: Lab, scenario: str, areas: list[str]) -> None:
    wizard.use_lab(lab, scenario)
    wizard.next()
    assert wizard.currentId() == TARGET
    assert wizard.target_page.email.text() == f"admin@{scenario}.test"
    run_to_results(qtbot, wizard, areas)


def rerun_bar(wizard: Wizard) -> RerunBar:
    bar = wizard.results_page.findChild(RerunBar)
    assert bar is not None and bar.isVisible(), "the Results page shows the Run again buttons"
    return bar


def select(wizard: Wizard, step_id: str) -> None:
    tree = wizard.results_page.tree
    tree.setCurrentItem(tree.item_for(step_id))


def planned_by_the_run_page(wizard: Wizard) -> list[str]:
    return [check_id for check_id, _title in wizard.run_page.planned]


def running(wizard: Wizard, check_id: str) -> bool:
    item = wizard.run_page.tree.item_for(check_id)
    return item is not None and item.data(0, 0x0101) == RUNNING


def wait_for_results(qtbot, wizard: Wizard) -> None:
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=15000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=15000)


def test_one_failing_check_and_then_its_area_run_again_keeping_the_rest(
    qtbot, wizard, lab, tmp_path
) -> None:
    demo_results(qtbot, wizard, lab, "two-spf", ["dns", "autodiscover"])
    before = wizard.session.report
    assert before.find("dns.spf").status is Status.FAIL, "two SPF records"
    bar = rerun_bar(wizard)
    assert bar.check is not None and bar.check.id == "dns.spf", "the first failure is selected"
    assert bar.check_button.isEnabled() and bar.area_button.isEnabled()
    assert bar.note.text() == ""
    first_run = wizard.run

    bar.check_button.click()
    assert wizard.currentId() == RUN, "the Run page shows the re-run"
    wait_for_results(qtbot, wizard)
    assert wizard.run is not first_run
    assert planned_by_the_run_page(wizard) == ["dns.spf"], "only the selected check ran"
    merged = wizard.session.report
    assert merged.find("dns.spf") is not before.find("dns.spf"), "a new step"
    assert merged.find("dns.spf").status is Status.FAIL, "the lab still has two records"
    for step in before.steps:
        if step.id != "dns.spf":
            assert merged.find(step.id) is step, f"{step.id} kept as it was"
    assert [s.id for s in merged.steps] == [s.id for s in before.steps], "in the same order"
    (entry,) = merged.run[RERUNS]
    assert entry["checks"] == ["dns.spf"] and entry["requested"] == ["dns.spf"]
    assert entry["reused"] == ["dns.resolver"], "its prerequisite's result was reused"
    assert entry["cancelled"] is False and entry["at"]
    assert "dns.spf" in rerun_bar(wizard).note.text(), "the results say what ran again"
    assert "run again: dns.spf" in wizard.session.runlog.text(), "and so does the run log"

    select(wizard, "dns.mx")
    bar = rerun_bar(wizard)
    assert bar.check.id == "dns.mx"
    once = merged
    bar.area_button.click()
    wait_for_results(qtbot, wizard)
    dns = [s.id for s in before.steps if s.id.startswith("dns.")]
    assert sorted(planned_by_the_run_page(wizard)) == sorted(dns), "the DNS area ran again"
    merged = wizard.session.report
    for step in once.steps:
        if step.id.startswith("dns."):
            assert merged.find(step.id) is not step, f"{step.id} ran again"
        else:
            assert merged.find(step.id) is step, f"{step.id} (autodiscover) kept"
    assert [e["requested"] for e in merged.run[RERUNS]] == [["dns.spf"], ["dns"]]
    assert merged.summary == once.summary, "the same lab, the same verdicts"

    wizard.next()  # Export: the merged report is what it saves
    saved: list[str] = []
    wizard.export_page.saved.connect(saved.append)
    path = tmp_path / "merged.json"
    wizard.export_page.save(str(path))
    qtbot.waitUntil(lambda: saved == [str(path)], timeout=5000)
    written = load_json(path)
    assert [e["requested"] for e in written.run[RERUNS]] == [["dns.spf"], ["dns"]]
    assert [s.status for s in written.steps] == [s.status for s in merged.steps]


def test_back_from_results_goes_to_the_settings_and_run_runs_again(qtbot, wizard, lab) -> None:
    demo_results(qtbot, wizard, lab, "two-spf", ["dns"])
    first = wizard.session.report
    assert first.find("dns.spf").status is Status.FAIL
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled(), "Results is no dead end"
    wizard.button(QWizard.WizardButton.BackButton).click()
    assert wizard.currentId() == SIGNIN, "past the finished Run page, to the last settings"
    wizard.button(QWizard.WizardButton.BackButton).click()
    assert wizard.currentId() == CHECKS
    assert wizard.checks_page.selected() == ["dns"], "what to test is kept"
    wizard.button(QWizard.WizardButton.BackButton).click()
    assert wizard.currentId() == TARGET
    page = wizard.target_page
    assert page.email.text() == "admin@two-spf.test", "the target is kept"
    assert page.scenario.currentData() == "two-spf"

    page.scenario.setCurrentIndex(page.scenario.findData("healthy"))  # a scenario setting
    page.advanced.timeout.setValue(page.advanced.timeout.value() + 3)
    timeout = page.advanced.timeout.value()
    wizard.next()
    wizard.checks_page.set_selected(["dns"])  # the scenario ticks its own areas
    run_to_results(qtbot, wizard)
    again = wizard.session.report
    assert again is not first
    assert again.target["email"] == "admin@contoso.test"
    assert again.options["timeout"] == timeout, "the changed timeout was used"
    assert again.find("dns.spf").status is Status.PASS, "new results: one SPF record"
    assert RERUNS not in again.run, "a run from the settings is a new report"


def test_cancel_during_a_rerun_keeps_every_earlier_result(qtbot, wizard, lab) -> None:
    wizard.use_lab(lab, "ad-slow")  # autodiscover never answers: the check waits
    wizard.next()
    wizard.target_page.advanced.timeout.setValue(60)
    wizard.target_page.advanced.deadline.setValue(120)
    wizard.next()
    wizard.checks_page.set_selected(["dns", "autodiscover"])
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: running(wizard, "autodiscover.result"), timeout=5000)
    qtbot.waitUntil(lambda: len(wizard.run_page.finished_steps) >= 3, timeout=10000)
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=5000)
    before = wizard.session.report
    assert before.find("autodiscover.result").status is Status.CANCELLED
    finished = [s for s in before.steps if s.status is not Status.CANCELLED]
    assert finished, "some DNS checks had finished"

    select(wizard, "autodiscover.result")
    bar = rerun_bar(wizard)
    assert bar.check_button.isEnabled(), "a cancelled check can run again"
    bar.check_button.click()
    assert wizard.currentId() == RUN
    rerun = wizard.run
    qtbot.waitUntil(lambda: running(wizard, "autodiscover.result"), timeout=5000)
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS, "cancel shows the results at once"
    assert rerun.cancelled
    qtbot.waitUntil(lambda: not rerun.running, timeout=5000)
    merged = wizard.session.report
    entry = merged.run[RERUNS][-1]
    assert entry["cancelled"] is True and entry["checks"] == ["autodiscover.result"]
    assert entry["kept"] == [], "nothing but a cancelled step to keep"
    assert merged.find("autodiscover.result") is not before.find("autodiscover.result")
    assert merged.find("autodiscover.result").status is Status.CANCELLED
    for step in finished:
        assert merged.find(step.id) is step, f"{step.id} kept as it was"
    assert "cancelled" in rerun_bar(wizard).note.text()
    assert rerun_bar(wizard).check_button.isEnabled(), "and it can run again once more"
