"""Simplified Chinese: the catalogue compiles and loads, and on every page no visible
label, button, check box, radio button, group box or window title keeps its English."""

from __future__ import annotations

import re
import sys

import pytest
from gui_helpers import fill_target, run_to_results
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from assistant.config import InputError, Target
from assistant.facts import Cloud
from assistant.lab.tenant import Lab
from assistant.text import Joined, Message, Text, Verbatim
from ui.i18n import ENGLISH, ensure_compiled
from ui.pages.ids import CHECKS, EXPORT, RESULTS, RUN, SIGNIN, TARGET, WELCOME
from ui.texts import RUNNING, engine_text

# Proper nouns and identifiers that read the same in both languages, listed explicitly.
SAME_IN_BOTH = {
    "English",
    "简体中文",
}


def shown_texts(wizard) -> list[tuple[QWidget | None, str]]:
    found: list[tuple[QWidget | None, str]] = [(None, wizard.windowTitle())]
    for widget in wizard.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        if text.strip():
            found.append((widget, text))
    return found


def text_of(wizard, widget: QWidget | None) -> str:
    if widget is None:
        return wizard.windowTitle()
    return widget.title() if isinstance(widget, QGroupBox) else widget.text()


def assert_translated(qtbot, wizard, translations, page: str) -> int:
    english = shown_texts(wizard)
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: wizard.windowTitle() == "连接助手", timeout=2000)
    qtbot.wait(20)
    untranslated = [
        text
        for widget, text in english
        if text_of(wizard, widget) == text and text not in SAME_IN_BOTH
    ]
    translations.switch(ENGLISH)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Connectivity Assistant", timeout=2000)
    qtbot.wait(20)
    assert not untranslated, f"{page}: still English in zh_CN: {untranslated}"
    return len(english)


def test_the_catalogue_compiles_and_loads(qtbot, wizard, translations) -> None:
    assert (ensure_compiled() / "connectivity_assistant_zh_CN.qm").exists()
    assert translations.switch("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("Status", "Passed") == "通过"
    qtbot.waitUntil(lambda: wizard.windowTitle() == "连接助手", timeout=2000)
    assert wizard.welcome_page.diagnose.text().startswith("立即诊断")
    translations.switch(ENGLISH)
    assert QCoreApplication.translate("Status", "Passed") == "Passed"


def test_a_frozen_app_loads_its_bundled_catalogues(monkeypatch, tmp_path) -> None:
    """In a PyInstaller build the .qm files come with the app: no lrelease, no cache."""
    from ui import i18n

    def no_tool(name: str) -> None:
        raise AssertionError(f"a frozen app looked for {name}")

    monkeypatch.setattr(i18n, "_qt_tool", no_tool)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.ensure_compiled() == tmp_path / "translations"
    assert i18n.qt_translations_dir() == str(tmp_path / "translations")
    monkeypatch.delattr(sys, "frozen")
    assert i18n.frozen_bundle() is None


def test_no_page_shows_english_in_chinese(qtbot, wizard, translations, lab: Lab) -> None:
    wizard.use_lab(lab, "ad-slow")
    counted = {}
    assert wizard.currentId() == WELCOME
    counted["welcome"] = assert_translated(qtbot, wizard, translations, "welcome")
    wizard.next()
    assert wizard.currentId() == TARGET
    fill_target(qtbot, wizard, "admin@ad-slow.test", Cloud.ONPREM)
    wizard.target_page.show_advanced(True)
    wizard.target_page.advanced.timeout.setValue(60)
    wizard.target_page.advanced.deadline.setValue(120)
    counted["target"] = assert_translated(qtbot, wizard, translations, "target")
    wizard.next()
    assert wizard.currentId() == CHECKS
    wizard.checks_page.set_selected(["dns", "autodiscover"])
    counted["checks"] = assert_translated(qtbot, wizard, translations, "checks")
    wizard.next()
    assert wizard.currentId() == SIGNIN
    counted["signin"] = assert_translated(qtbot, wizard, translations, "signin")
    wizard.next()
    assert wizard.currentId() == RUN
    wizard.run_page.show_log(True)
    tree = wizard.run_page.tree
    qtbot.waitUntil(
        lambda: (
            (item := tree.item_for("autodiscover.result")) is not None
            and item.data(0, 0x0101) == RUNNING
        ),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: tree.item_for("dns.mx").data(0, 0x0101) == "pass", timeout=5000)
    counted["run"] = assert_translated(qtbot, wizard, translations, "run")
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=3000)
    counted["results"] = assert_translated(qtbot, wizard, translations, "results")
    wizard.next()
    assert wizard.currentId() == EXPORT
    counted["export"] = assert_translated(qtbot, wizard, translations, "export")
    assert all(n >= 5 for n in counted.values()), counted


def owes_translation(text: str) -> bool:
    """Whether engine text has English prose of ours in it (not only data like "p=reject")."""
    if isinstance(text, Message):
        own = re.sub(r"\{\w+\}", "", text.template)
        words = re.findall(r"[A-Za-z]{3,}", own)
        return any(not w.isupper() for w in words) or any(
            owes_translation(v) for v in text.args.values() if isinstance(v, str)
        )
    if isinstance(text, Joined) and not isinstance(text, Verbatim):
        return any(owes_translation(p) for p in text.parts)
    return False


def test_results_show_the_engine_text_in_chinese(qtbot, demo, translations) -> None:
    """The engine's titles, summaries and remedies, not only the wizard's own words: every
    row of the results tree and the selected step's details switch to Chinese."""
    wizard = demo
    wizard.next()
    fill_target(qtbot, wizard, "admin@spf-loop.test")
    run_to_results(qtbot, wizard, ["dns", "autodiscover", "ews", "mapi"], timeout=30000)
    results = wizard.results_page
    results.problems_only.setChecked(False)
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: wizard.windowTitle() == "连接助手", timeout=2000)
    tree = results.tree
    english = []
    rows = 0
    for item in tree._all_items():
        step = item.data(0, 0x0100)
        if step is None:
            continue
        rows += 1
        for column, text in ((0, step.title), (3, step.summary)):
            shown = item.text(column)
            if column == 3 and step.status.value == "cancelled":
                continue
            assert isinstance(text, Text), f"{step.id}: plain {text!r}"
            if column == 3 or item.parent() is not None:  # top rows: titles by check ID
                assert shown == engine_text(text)
            if shown == text and owes_translation(text):
                english.append(f"{step.id}: {shown}")
    assert rows > 30
    assert english == [], english[:20]
    spf = tree.item_for("dns.spf")
    tree.setCurrentItem(spf)
    page = results.details.browser.toPlainText()
    remedy = spf.data(0, 0x0100).remedy.text
    chinese = engine_text(remedy)
    assert chinese != remedy and chinese in page and remedy not in page, page
    translations.switch(ENGLISH)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Connectivity Assistant", timeout=2000)
    assert remedy in results.details.browser.toPlainText(), "back in English"


def test_input_errors_follow_the_language(qtbot, wizard, translations) -> None:
    """The engine's InputError beside a field (here the email address) is shown in the
    wizard's language, and changes with it without retyping."""
    wizard.next()
    assert wizard.currentId() == TARGET
    fill_target(qtbot, wizard, "admin@")
    label = wizard.target_page.email_error
    with pytest.raises(InputError) as raised:
        Target.parse_email("admin@")
    error = raised.value.message
    assert isinstance(error, Text)
    assert label.isVisible() and label.message == error
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: wizard.windowTitle() == "连接助手", timeout=2000)
    chinese = engine_text(error)
    assert chinese != error
    assert label.message == chinese
    assert wizard.target_page.email.accessibleDescription() == chinese
    translations.switch(ENGLISH)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Connectivity Assistant", timeout=2000)
    assert label.message == error
