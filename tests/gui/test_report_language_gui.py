"""The Export page writes HTML and PDF in the wizard's language, or in English when the
"English" box is ticked (support often reads English); JSON stays language-neutral."""

from __future__ import annotations

from pathlib import Path

from assistant.config import NetworkOptions, Target
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, write_json
from assistant.report.language import engine_messages
from assistant.text import msg
from ui.pages.ids import EXPORT


def saved_report(path: Path) -> Path:
    steps = [Step("dns.mx", msg("MX records"), Status.FAIL, summary="no answer")]
    report = build_report(Target.parse("admin@contoso.com"), NetworkOptions(), steps)
    write_json(report, path, Redactor())
    return path


def to_export(qtbot, wizard, tmp_path: Path) -> None:
    assert wizard.welcome_page.open_path(str(saved_report(tmp_path / "saved.json")))
    wizard.next()
    assert wizard.currentId() == EXPORT


def save_html(qtbot, page, path: Path) -> str:
    with qtbot.waitSignal(page.saved, timeout=30000):
        page.save(str(path), "html")
    return path.read_text("utf-8")


def test_reports_follow_the_wizard_s_language_unless_english_is_asked_for(
    qtbot, wizard, translations, tmp_path: Path
) -> None:
    to_export(qtbot, wizard, tmp_path)
    page = wizard.export_page
    assert not page.english.isVisible()  # English already: nothing to choose
    translations.switch("zh_CN")
    qtbot.waitUntil(page.english.isVisible, timeout=2000)
    chinese = save_html(qtbot, page, tmp_path / "zh.html")
    assert '<html lang="zh-CN">' in chinese
    assert engine_messages("zh_CN")["MX records"] in chinese  # the engine's text, translated
    page.english.setChecked(True)
    english = save_html(qtbot, page, tmp_path / "en.html")
    assert '<html lang="en">' in english and "MX records" in english
    assert "<h2>What to do first</h2>" in english
