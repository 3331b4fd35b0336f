"""Runs against the lab through the wizard: live tree, results, remedies, cancel, consent,
and a GUI thread that never waits on the engine."""

from __future__ import annotations

import itertools
import threading
import time

from gui_helpers import fill_target, run_to_results, ui_threads
from PySide6.QtCore import QTimer

from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.exchange.directory import EVIL_DOMAIN
from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.report.export import KINDS
from assistant.report.json_report import load_json
from assistant.runner import Runner
from ui.pages.ids import RESULTS, RUN, TARGET
from ui.texts import RUNNING

FULL = ["dns", "autodiscover", "ews", "mapi"]


def start(wizard) -> None:
    wizard.next()
    assert wizard.currentId() == TARGET


def test_a_full_lab_run_fills_the_tree_and_reaches_results(qtbot, demo, tmp_path) -> None:
    wizard = demo
    start(wizard)
    fill_target(qtbot, wizard, "admin@contoso.test")
    seen: list[str] = []
    wizard.run_page.tree.itemChanged.connect(lambda item, _col: seen.append(item.text(0)))
    run_to_results(qtbot, wizard, FULL)
    report = wizard.session.report
    ids = [s.id for s in report.steps]
    for wanted in ("dns.mx", "autodiscover.result", "ews.login", "mapi.endpoint"):
        assert wanted in ids
    assert report.find("ews.login").status is Status.PASS
    assert report.summary["overall"] in ("pass", "info")
    run_tree = wizard.run_page.tree
    assert run_tree.topLevelItemCount() == len(ids), "the live tree had every check"
    assert run_tree.item_for("autodiscover.result").childCount() > 0, "child steps shown"
    assert wizard.run_page.progress.value() == wizard.run_page.progress.maximum()
    results = wizard.results_page
    assert "No problems found." in results.banner.text.text()
    assert not results.problems_only.isChecked(), "nothing to filter on a healthy tenant"
    assert results.tree.topLevelItemCount() == len(ids)
    results.tree.setCurrentItem(results.tree.item_for("ews.login"))
    assert "signed in as admin@contoso.test" in results.details.browser.toPlainText()
    results.copy()
    from PySide6.QtGui import QGuiApplication

    assert "ews.login" in QGuiApplication.clipboard().text()
    wizard.next()
    saved: list[str] = []
    failed: list[str] = []
    wizard.export_page.saved.connect(saved.append)
    wizard.export_page.saveFailed.connect(failed.append)
    path = tmp_path / "report.json"
    wizard.export_page.save(str(path))
    qtbot.waitUntil(lambda: saved == [str(path)], timeout=5000)
    assert load_json(path).find("ews.login") is not None
    for kind in KINDS[1:]:  # HTML, PDF and the support bundle
        other, count = tmp_path / f"report.{kind}", len(saved)
        wizard.export_page.save(str(other), kind)
        qtbot.waitUntil(lambda n=count: len(saved) > n or bool(failed), timeout=20000)
        assert not failed and saved[-1] == str(other), failed
        assert other.stat().st_size > 1000
    assert LAB_PASSWORD not in path.read_text(encoding="utf-8")


FROZEN_S = 1.0  # a gap this long is a frozen window whatever the load; blocking work shows it


def test_the_gui_thread_never_stalls_during_a_run(qtbot, demo, monkeypatch) -> None:
    """The engine's run is never on the GUI thread, and the event loop keeps beating (a
    heartbeat every 10 ms) from Run to Results: no freeze. How short the gaps are is a
    measurement, not an assertion (bench/bench_heartbeat.py, docs/PERFORMANCE.md): with the
    suite on every core, a 100 ms bound here failed on a loaded machine (233 ms at load 7)."""
    wizard = demo
    run_threads: list[str] = []
    original = Runner.run

    def spy(self, checks, on_event=None):
        run_threads.append(threading.current_thread().name)
        return original(self, checks, on_event)

    monkeypatch.setattr(Runner, "run", spy)
    # As by the time a person has typed an address: the start-up import of exchangelib
    # (Wizard.__init__) has ended; a run that overlaps it stalls (see ui/runs.py).
    qtbot.waitUntil(lambda: not wizard.warmup.running, timeout=10000)
    start(wizard)
    fill_target(qtbot, wizard, "admin@contoso.test")
    wizard.next()
    wizard.checks_page.set_selected(FULL)
    wizard.next()
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()
    try:
        beats.append(time.monotonic())
        wizard.next()  # Run
        qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=15000)
        qtbot.waitUntil(lambda: not wizard.run.running, timeout=5000)
        qtbot.wait(50)
    finally:
        heartbeat.stop()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    # The run against the in-process lab takes a few hundred ms: enough beats to see it.
    assert len(gaps) >= 5, "the heartbeat ran during the run"
    assert max(gaps) < FROZEN_S, f"the event loop froze for {max(gaps) * 1000:.0f} ms"
    assert run_threads and threading.main_thread().name not in run_threads
    assert wizard.session.report.find("ews.mailbox").status is Status.PASS


def test_cancel_returns_at_once_and_leaves_no_thread(qtbot, demo, lab: Lab) -> None:
    wizard = demo
    start(wizard)
    fill_target(qtbot, wizard, "admin@ad-slow.test", Cloud.ONPREM)
    advanced = wizard.target_page.advanced
    advanced.deadline.setValue(120)
    advanced.timeout.setValue(60)  # the slow server would hold a check for a minute
    wizard.next()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    wizard.next()
    assert wizard.currentId() == RUN
    tree = wizard.run_page.tree
    qtbot.waitUntil(
        lambda: (
            (item := tree.item_for("autodiscover.result")) is not None
            and item.data(0, 0x0101) == RUNNING
        ),
        timeout=5000,
    )
    qtbot.wait(300)  # let it block on the silent server
    assert wizard.run.running
    pressed = time.monotonic()
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS, "control comes back at once"
    assert time.monotonic() - pressed < 1.0
    results = wizard.results_page
    assert "cancelled" in results.banner.text.text()
    assert wizard.session.cancelled
    assert wizard.session.report.find("autodiscover.result").status is Status.CANCELLED
    qtbot.waitUntil(lambda: not any(n.startswith("ca-check") for n in ui_threads()), timeout=2000)
    qtbot.waitUntil(lambda: not ui_threads(), timeout=2000)


def test_a_failing_check_shows_its_remedy(qtbot, demo) -> None:
    wizard = demo
    start(wizard)
    fill_target(qtbot, wizard, "admin@spf-loop.test")
    run_to_results(qtbot, wizard, ["dns"])
    results = wizard.results_page
    spf = wizard.session.report.find("dns.spf")
    assert spf.status is Status.FAIL and spf.remedy is not None
    assert "Problems found." in results.banner.text.text()
    assert results.problems_only.isChecked(), "problems only, by default"
    shown = [
        results.tree.topLevelItem(i).data(0, 0x0102)
        for i in range(results.tree.topLevelItemCount())
        if not results.tree.topLevelItem(i).isHidden()
    ]
    assert shown == ["dns.spf"], shown
    assert results.tree.currentItem().data(0, 0x0102) == "dns.spf", "first problem selected"
    text = results.details.browser.toHtml()
    assert spf.remedy.text.split(" ")[0] in results.details.browser.toPlainText()
    assert f'href="{spf.remedy.link}"' in text
    results.problems_only.setChecked(False)
    assert not results.tree.item_for("dns.mx").isHidden()


def consent_run(qtbot, wizard, lab: Lab, allow: bool):
    start(wizard)
    fill_target(qtbot, wizard, "admin@ad-redirect-foreign.test", Cloud.ONPREM)
    wizard.next()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    assert wizard.signin_page.method() == "password"  # the demo fills the lab password
    mark = len(lab.credentials)
    dialogs = []
    wizard.next()
    wizard.run.consent.dialogShown.connect(dialogs.append)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    dialog = dialogs[0]
    assert dialog.isVisible()
    assert f"autodiscover.{EVIL_DOMAIN}" in dialog.text()
    assert wizard.currentId() == RUN and wizard.run.running, "the run waits for the answer"
    (dialog.allow_button if allow else dialog.refuse_button).click()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=10000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=5000)
    assert len(dialogs) == 1, "one question per host and run"
    return [s for s in lab.credentials.since(mark) if s.host == f"autodiscover.{EVIL_DOMAIN}"]


def test_refusing_consent_sends_nothing_to_the_foreign_host(qtbot, demo, lab: Lab) -> None:
    sent = consent_run(qtbot, demo, lab, allow=False)
    assert sent == []
    step = demo.session.report.find("autodiscover.result")
    assert step.status is Status.FAIL


def test_allowing_consent_sends_for_this_run(qtbot, demo, lab: Lab) -> None:
    sent = consent_run(qtbot, demo, lab, allow=True)
    assert sent, "with consent the credentials went there"


def test_closing_during_a_run_waits_for_the_workers_without_blocking(qtbot, demo) -> None:
    wizard = demo
    start(wizard)
    fill_target(qtbot, wizard, "admin@ad-slow.test", Cloud.ONPREM)
    wizard.target_page.advanced.deadline.setValue(120)
    wizard.target_page.advanced.timeout.setValue(60)
    wizard.next()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run is not None and wizard.run.running, timeout=3000)
    qtbot.wait(300)
    pressed = time.monotonic()
    wizard.close()
    assert time.monotonic() - pressed < 0.2, "close returns at once"
    assert wizard.isVisible(), "the window stays until its workers have finished"
    assert wizard.run.cancelled
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=3000)
    assert not ui_threads()


def test_demo_mode_starts_its_own_lab_off_the_gui_thread(qtbot, wizard) -> None:
    wizard.start_demo("spf-loop")
    assert wizard.workers.busy, "the lab starts on a worker"
    assert not wizard.target_page.isComplete()
    try:
        qtbot.waitUntil(lambda: wizard.owned_lab is not None, timeout=10000)
        page = wizard.target_page
        assert page.scenario.isVisibleTo(page)
        assert page.scenario.currentData() == "spf-loop"
        assert page.email.text() == "admin@spf-loop.test"
        nameserver = str(wizard.owned_lab.nameserver)
        assert page.advanced.nameservers.text() == nameserver
        assert page.isComplete()
        page.scenario.setCurrentIndex(page.scenario.findData("fabrikam"))
        assert page.current_cloud() is Cloud.ONPREM
        assert page.email.text() == "admin@fabrikam.test"
    finally:
        qtbot.waitUntil(lambda: not wizard.workers.busy, timeout=10000)
        if wizard.owned_lab is not None:
            wizard.owned_lab.stop()


def test_a_new_run_right_after_cancel_gets_no_events_from_the_old_one(qtbot, demo) -> None:
    wizard = demo
    start(wizard)
    fill_target(qtbot, wizard, "admin@ad-slow.test", Cloud.ONPREM)
    wizard.target_page.advanced.timeout.setValue(60)
    wizard.target_page.advanced.deadline.setValue(120)
    wizard.next()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run.running, timeout=3000)
    qtbot.wait(200)
    old = wizard.run
    wizard.run_page.cancel_button.click()
    wizard.results_page.new_run.click()
    assert wizard.currentId() == TARGET
    fill_target(qtbot, wizard, "admin@contoso.test", Cloud.WORLDWIDE)
    run_to_results(qtbot, wizard, ["dns"])
    assert wizard.run is not old
    qtbot.waitUntil(lambda: not old.running, timeout=3000)
    qtbot.wait(50)
    tree = wizard.run_page.tree
    ids = {tree.topLevelItem(i).data(0, 0x0102) for i in range(tree.topLevelItemCount())}
    assert "autodiscover.result" not in ids
    assert all(s.id.startswith("dns.") for s in wizard.session.report.steps)
