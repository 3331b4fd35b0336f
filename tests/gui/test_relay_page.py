"""The wizard's Relay page (issue 14): the recipient as typed and checked, the advice shown
before anything is sent, nothing sent without the explicit confirmation (against the real
lab: its MX, its submission server), one message per method with it, the delivery
timeline, and the page's texts in another language."""

from __future__ import annotations

import datetime as dt

from gui_helpers import fill_target
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from assistant.lab.tenant import Lab
from assistant.relay_plan import RelayMethod
from ui.pages.ids import CHECKS, RELAY, RESULTS, RUN, SIGNIN, TARGET
from ui.widgets.timeline import RelayTimeline, timeline_stops

MAILBOX = "admin@contoso.test"
BEFORE_THE_CUTOFF = dt.date(2026, 6, 1)


def to_relay_page(qtbot, wizard, email: str = MAILBOX) -> None:
    """From the start: the mailbox, only the Relay area, the demo's password sign-in."""
    wizard.next()
    assert wizard.currentId() == TARGET
    fill_target(qtbot, wizard, email)
    wizard.next()
    assert wizard.currentId() == CHECKS
    wizard.checks_page.set_selected(["relay"])
    assert wizard.checks_page.selected() == ["relay"], "the relay area is enabled"
    wizard.next()
    assert wizard.currentId() == SIGNIN
    assert not wizard.signin_page.isCommitPage(), "Relay comes after Sign-in"
    wizard.next()
    assert wizard.currentId() == RELAY


def received(lab: Lab) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Every message the lab's servers accepted so far, per server: (sender, recipients).
    Per server, so that what came since a moment is each list's tail: the session's lab
    is shared with the other test files on this worker, which may have sent before."""
    found = {
        name: [(mail_from, rcpts) for mail_from, rcpts, _data in listener.accepted]
        for name, listener in lab.eop.listeners.items()
    }
    found["submission"] = [(e.mail_from, tuple(e.rcpt_tos)) for e in lab.mail.submission.messages]
    return found


def received_since(
    lab: Lab, before: dict[str, list[tuple[str, tuple[str, ...]]]]
) -> list[tuple[str, tuple[str, ...]]]:
    """The messages accepted since `before` (a received() of earlier), on every server."""
    return [
        message
        for name, messages in received(lab).items()
        for message in messages[len(before.get(name, [])) :]
    ]


def run_relay(qtbot, wizard) -> None:
    page = wizard.relay_page
    assert page.isComplete()
    wizard.next()
    assert wizard.currentId() in (RUN, RESULTS)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=60000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=10000)


def pick_methods(page, lab: Lab) -> None:
    for method, box in page.method_fields.boxes.items():
        box.setChecked(method is not RelayMethod.HVE)
    page.method_fields.cert.setText(str(lab.relay_client_cert))
    page.wait.setValue(20)


# -- the page alone ------------------------------------------------------------------------


def test_a_bad_recipient_is_said_by_the_field_and_kept(qtbot, demo) -> None:
    wizard = demo
    to_relay_page(qtbot, wizard)
    page = wizard.relay_page
    page.recipient.clear()
    qtbot.keyClicks(page.recipient, "someone@contoso.com, other@contoso.com")
    assert page.recipient.text() == "someone@contoso.com, other@contoso.com", "nothing lost"
    assert "exactly one recipient" in page.recipient_error.message
    assert page.recipient_error.isVisible()
    assert not page.isComplete()
    assert not page.confirm.isEnabled(), "no confirmation for an address that is not one"
    assert page.plan().send_to is None
    page.recipient.setText("not-an-address")
    assert page.recipient_error.message and page.recipient.text() == "not-an-address"
    page.recipient.setText(MAILBOX)
    assert page.recipient_error.message == "" and not page.recipient_error.isVisible()
    assert page.isComplete() and page.confirm.isEnabled()


def test_the_advice_shows_before_sending_with_the_stop_date(qtbot, demo) -> None:
    wizard = demo
    to_relay_page(qtbot, wizard)
    page = wizard.relay_page
    page.today = lambda: BEFORE_THE_CUTOFF
    device = page.device
    device.answers["authenticates"].setCurrentIndex(device.answers["authenticates"].findData(True))
    device.answers["oauth"].setCurrentIndex(device.answers["oauth"].findData(False))
    text = page.advice_text()
    assert "This device will stop sending on 2026-12-31 unless" in text
    assert not page.confirm.isChecked(), "shown before any confirmation, so before any send"
    # An OAuth-capable device gets no such sentence: the advice follows the answers.
    device.answers["oauth"].setCurrentIndex(device.answers["oauth"].findData(True))
    assert "will stop sending" not in page.advice_text()
    assert "SMTP AUTH with OAuth" in page.advice_text()


def test_changing_the_recipient_clears_the_confirmation(qtbot, demo) -> None:
    wizard = demo
    to_relay_page(qtbot, wizard)
    page = wizard.relay_page
    page.recipient.setText(MAILBOX)
    page.confirm.setChecked(True)
    assert page.plan().send_to == MAILBOX
    page.recipient.setText("user@contoso.test")
    assert not page.confirm.isChecked()
    assert page.plan().send_to is None


# -- runs against the lab ------------------------------------------------------------------


def test_without_the_confirmation_nothing_is_sent(qtbot, demo, lab: Lab) -> None:
    wizard = demo
    to_relay_page(qtbot, wizard)
    page = wizard.relay_page
    pick_methods(page, lab)
    page.recipient.setText(MAILBOX)
    assert not page.confirm.isChecked()
    before = received(lab)
    run_relay(qtbot, wizard)
    assert wizard.run.relay is not None and wizard.run.relay.send_to is None
    assert received_since(lab, before) == [], "the lab received nothing"
    ids = [s.id for s in wizard.session.report.steps]
    assert "relay.port25" in ids and "relay.advice" in ids


def test_with_the_confirmation_one_message_per_method_to_the_typed_recipient(
    qtbot, demo, lab: Lab
) -> None:
    wizard = demo
    to_relay_page(qtbot, wizard)
    page = wizard.relay_page
    pick_methods(page, lab)
    page.recipient.clear()
    qtbot.keyClicks(page.recipient, MAILBOX)
    page.confirm.setChecked(True)
    plan = page.plan()
    assert plan.send_to == MAILBOX
    before = received(lab)
    run_relay(qtbot, wizard)
    assert wizard.run.relay.send_to == MAILBOX
    new = received_since(lab, before)
    assert len(new) == 3, new  # submission, direct send, connector: one each
    assert all(rcpts == (MAILBOX,) for _sender, rcpts in new), new
    roundtrip = wizard.session.report.find("relay.roundtrip")
    assert roundtrip is not None
    results = wizard.results_page
    results.tree.setCurrentItem(results.tree.item_for("relay.roundtrip"))
    assert results.timeline_scroll.isVisibleTo(results)
    drawn = results.timeline.text_alternative()
    for method in ("SMTP AUTH client submission", "Direct Send", "Connector relay"):
        assert f"{method}: The test message arrived in" in drawn, drawn


# -- the timeline --------------------------------------------------------------------------

EVIDENCE = {
    "sent_at": 1_790_000_000.0,
    "accepted_at": 1_790_000_000.4,
    "hops": [
        {
            "from": "printer.contoso.test ([127.0.0.1])",
            "by": "contoso-test.r-v1.mx.microsoft",
            "with": "Microsoft SMTP Server (version=TLS1_2)",
            "at": 1_790_000_001.0,
            "delay_s": 0.6,
            "skew": False,
        },
        {
            "from": "localhost",
            "by": "lab-postfix.contoso.test",
            "with": "ESMTP",
            "at": "2026-09-21T14:13:22+00:00",
            "delay_s": 1.5,
            "skew": True,
        },
    ],
    "delivered_at": 1_790_000_003.0,
    "folder": "INBOX",
    "latency_s": 3.0,
}


def test_the_timeline_draws_each_step_with_its_delay(qtbot) -> None:
    timeline = RelayTimeline()
    qtbot.addWidget(timeline)
    timeline.show_evidence(EVIDENCE)
    stops, latency, folder = timeline_stops(EVIDENCE)
    assert [s.kind for s in stops] == ["sent", "accepted", "hop", "hop", "delivered"]
    assert latency == 3.0 and folder == "INBOX"
    boxes = [b for b in timeline.boxes if b.objectName().startswith("timelineStep")]
    assert len(boxes) == 5
    assert boxes[2].accessibleName() == "Hop: contoso-test.r-v1.mx.microsoft"
    text = timeline.text_alternative()
    assert "arrived in 3.0 s" in text
    assert "after 0.6 s" in text and "after 1.5 s" in text
    assert "clock disagrees" in text, "the skewed hop is flagged"
    assert "INBOX" in text
    assert timeline.accessibleDescription() == text
    assert timeline.accessibleName() == "Delivery timeline"


def test_the_timeline_reads_hostile_evidence_without_trusting_it(qtbot) -> None:
    timeline = RelayTimeline()
    qtbot.addWidget(timeline)
    hostile = {
        "sent_at": "yesterday",
        "hops": [{"by": "<b>x</b>" * 100, "delay_s": float("nan")}, 7, None] * 40,
        "latency_s": True,
    }
    timeline.show_evidence(hostile)
    stops, latency, _folder = timeline_stops(hostile)
    assert latency is None
    assert len([s for s in stops if s.kind == "hop"]) <= 50
    assert all(len(s.where) <= 200 for s in stops)
    labels = timeline.findChildren(QLabel)
    assert all(label.textFormat().name == "PlainText" for label in labels)
    assert "not seen" in timeline.text_alternative()


def test_the_timeline_follows_a_dark_palette(qtbot) -> None:
    timeline = RelayTimeline()
    qtbot.addWidget(timeline)
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.AlternateBase, "#303134"),
        (QPalette.ColorRole.Text, "#e8eaed"),
    ):
        dark.setColor(role, QColor(colour))
    timeline.setPalette(dark)
    timeline.show_evidence(EVIDENCE)
    timeline.resize(360, 600)
    image = timeline.grab().toImage()
    assert not image.isNull()
    for label in timeline.findChildren(QLabel):
        assert label.palette().color(QPalette.ColorRole.WindowText) == QColor("#e8eaed")
    box = timeline.boxes[0]
    assert box.palette().color(box.backgroundRole()) == QColor("#303134")


def test_the_results_page_draws_the_round_trip(qtbot, wizard) -> None:
    """A report's relay.roundtrip step with its relay-timeline evidence, as results show it."""
    from assistant.config import NetworkOptions, Target
    from assistant.model import Evidence, Status, Step
    from assistant.report.json_report import build_report

    steps = [
        Step("relay.advice", "advice", Status.PASS, "fine"),
        Step(
            "relay.roundtrip",
            "round trip",
            Status.PASS,
            "arrived",
            children=[
                Step(
                    "relay.roundtrip.direct",
                    "direct",
                    Status.PASS,
                    evidence=[Evidence(kind="relay-timeline", label="timeline", data=EVIDENCE)],
                ),
            ],
        ),
    ]
    target = Target.parse(MAILBOX)
    wizard.session.report = build_report(target, NetworkOptions(), steps)
    wizard.session.opened_path = None
    results = wizard.results_page
    results.refresh()
    results.tree.setCurrentItem(results.tree.item_for("relay.advice"))
    assert not results.timeline_scroll.isVisibleTo(results), "only for a step with one"
    results.tree.setCurrentItem(results.tree.item_for("relay.roundtrip"))
    assert results.timeline_scroll.isVisibleTo(results)
    assert "arrived in 3.0 s" in results.timeline.text_alternative()
    [drawn] = results.timeline.timelines
    assert len([b for b in drawn.boxes if b.objectName().startswith("timelineStep")]) == 5


def test_a_relay_demo_fills_the_page_but_still_asks(qtbot, wizard, lab: Lab) -> None:
    wizard.use_lab(lab, "relay-ip")
    assert "relay" in wizard.checks_page.selected()
    page = wizard.relay_page
    assert page.recipient.text() == "admin@relay-ip.test"
    assert page.method_fields.cert.text() == str(lab.relay_client_cert)
    to_relay_page(qtbot, wizard, "admin@relay-ip.test")
    assert page.recipient_is_mailbox(), "the round trip reads it with the demo's sign-in"
    assert not page.confirm.isChecked()
    assert page.plan().send_to is None
    # The other demos leave the Relay area (and its page) out.
    wizard.scenario_changed("healthy")
    assert "relay" not in wizard.checks_page.selected()


# -- another language ----------------------------------------------------------------------


class Marking(QTranslator):
    """Every text of the Relay page's classes, marked: proves each one is retranslated."""

    CONTEXTS = ("RelayPage", "RelayMethods", "DeviceQuestions", "RelayTimeline")

    def translate(self, context, source, disambiguation=None, n=-1):
        if context in self.CONTEXTS and source:
            return f"[zh]{source}"
        return ""  # not translated here

    def isEmpty(self) -> bool:
        return False


def test_a_language_switch_retranslates_the_page(qtbot, demo, translations) -> None:
    wizard = demo
    to_relay_page(qtbot, wizard)
    page = wizard.relay_page
    page.recipient.setText(MAILBOX)
    marking = Marking()
    app = QApplication.instance()
    app.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: page.title().startswith("[zh]"), timeout=3000)
        assert page.confirm.text().startswith("[zh]Send a test message to")
        assert MAILBOX in page.confirm.text()
        assert page.device.labels["oauth"].text().startswith("[zh]")
        assert page.device.answers["oauth"].itemText(0).startswith("[zh]")
        assert page.method_fields.boxes[RelayMethod.DIRECT].text().startswith("[zh]")
        assert page.roundtrip_box.title().startswith("[zh]")
    finally:
        app.removeTranslator(marking)
    qtbot.waitUntil(lambda: page.title() == "Relay test send", timeout=3000)
    # The real catalogue (zh_CN) has every text of the page.
    translations.switch("zh_CN")
    wanted = QCoreApplication.translate("RelayPage", "Relay test send")
    assert wanted != "Relay test send", "the zh_CN catalogue has the Relay page's texts"
    qtbot.waitUntil(lambda: page.title() == wanted, timeout=3000)


def test_a_refused_direct_send_shows_its_cause_in_the_results(qtbot, demo, lab: Lab) -> None:
    # Reject Direct Send is on in this lab domain: EOP answers 550 5.7.68 at RCPT TO.
    mailbox = "admin@relay-reject-direct.test"
    wizard = demo
    to_relay_page(qtbot, wizard, mailbox)
    page = wizard.relay_page
    for method, box in page.method_fields.boxes.items():
        box.setChecked(method is RelayMethod.DIRECT)
    page.wait.setValue(5)
    page.recipient.clear()
    qtbot.keyClicks(page.recipient, mailbox)
    page.confirm.setChecked(True)
    before = received(lab)
    run_relay(qtbot, wizard)
    assert received_since(lab, before) == []  # refused: nothing was accepted anywhere
    direct = wizard.session.report.find("relay.direct_send")
    assert direct is not None and direct.status.value == "fail"
    assert "5.7.68" in direct.summary
    results = wizard.results_page
    results.tree.setCurrentItem(results.tree.item_for("relay.direct_send"))
    shown = results.details.browser.toPlainText()
    assert "5.7.68" in shown and "RejectDirectSend" in shown, shown
