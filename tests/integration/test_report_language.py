"""Reports in the reader's language (assistant/report/language.py): a lab run's HTML and PDF
rendered in zh_CN carry the catalogue's Chinese for the engine's texts and for the
report's own labels; English is what it always was; the CLI's --lang writes Chinese."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from assistant.checks.registry import select
from assistant.cli import main as cli_main
from assistant.config import Target
from assistant.facts import Cloud
from assistant.lab.tenant import Lab
from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report import html_template
from assistant.report.html import render_html
from assistant.report.json_report import build_report, write_json
from assistant.report.language import (
    ENGLISH,
    InLanguage,
    catalogue,
    compile_engine_catalogues,
    engine_messages,
    english,
)
from assistant.report.pdf import render_pdf
from assistant.report.pdf_fonts import find_fonts
from assistant.runner import Runner
from assistant.text import Text, render

EMAIL = "admin@ad-expired.test"  # an expired autodiscover certificate: failures to explain
# The report's own headings and labels: none may stay English in a Chinese report.
SECTION_TITLES = ("About this run", "What to do first", "Checks", "What to change:")


@pytest.fixture(scope="module")
def report(lab: Lab) -> Report:
    target = Target.parse(EMAIL, Cloud.ONPREM)
    options = lab.network_options()
    steps = Runner(target, options).run(select(["dns", "autodiscover"]))
    return build_report(target, options, steps)


def chinese(template: str) -> str:
    translation = engine_messages("zh_CN").get(template)
    assert translation, f"{template!r} has no zh_CN translation (merge /work/tr/*.json)"
    return translation


def translated_texts(report: Report) -> list[tuple[str, str]]:
    """(English, Chinese) of every step title and summary the catalogue translates."""
    zh = catalogue("zh_CN")
    pairs = []
    for step in report.steps:
        for value in (step.title, step.summary):
            if isinstance(value, Text) and render(value, zh) != str(value):
                pairs.append((str(value), render(value, zh)))
    return pairs


def test_the_html_in_chinese_says_the_engine_and_its_own_labels_in_chinese(
    report: Report,
) -> None:
    page = render_html(report, Redactor(), translate=catalogue("zh_CN"))
    pairs = translated_texts(report)
    assert len(pairs) >= 5, pairs  # the catalogue knows the checks' texts
    for _english, chinese_text in pairs:
        assert escape(chinese_text) in page, chinese_text
    headings = re.findall(r"<h[12][^>]*>([^<]*)</h[12]>", page)
    for title in SECTION_TITLES[:3]:
        assert title not in headings, headings
        assert chinese(title) in headings, headings
    assert f'<span class="label">{chinese("What to change:")}</span>' in page
    assert chinese("FAIL") in page and '<html lang="zh-CN">' in page
    # The toolbar's buttons speak Chinese, and the page's script is still the one its CSP
    # allows (by hash): nothing else could run.
    assert json.dumps(chinese("Expand all")) in page  # a JavaScript string literal
    script = page.split("<script>", 1)[1].split("</script>", 1)[0]
    assert html_template.csp(script) in page


def test_english_is_the_report_as_it_always_was(report: Report) -> None:
    """The default is English, and English through the translating path changes no byte."""
    default = render_html(report, Redactor())
    assert render_html(report, Redactor(), translate=ENGLISH) == default
    assert render_html(report, Redactor(), translate=InLanguage(english, "en")) == default
    assert "<h2>What to do first</h2>" in default and "<h2>About this run</h2>" in default
    assert html_template.SCRIPT in default and html_template.CSP in default
    assert '<html lang="en">' in default


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) missing")
def test_the_pdf_in_chinese_has_chinese_text(report: Report, tmp_path: Path) -> None:
    fonts = find_fonts()
    assert fonts.unicode and fonts.cjk is not None, fonts.notes  # the CI image has them
    path = tmp_path / "zh.pdf"
    render_pdf(report, Redactor(), path, fonts=fonts, translate=catalogue("zh_CN"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    found = [zh for _en, zh in translated_texts(report) if " ".join(zh.split())[:12] in flat]
    assert len(found) >= 3, flat[:2000]
    for title in SECTION_TITLES[:3]:
        assert chinese(title) in flat
        assert not re.search(rf"^\s*{re.escape(title)}\s*$", text, re.M), title
    assert chinese("overall") in flat


def test_the_cli_writes_chinese_with_lang(report: Report, tmp_path: Path, capsys) -> None:
    saved = tmp_path / "run.json"
    write_json(report, saved, Redactor())
    out_zh, out_en = tmp_path / "zh.html", tmp_path / "en.html"
    assert cli_main(["report", "render", str(saved), "--html", str(out_zh), "--lang", "zh_CN"]) == 0
    assert cli_main(["report", "render", str(saved), "--html", str(out_en)]) == 0
    zh, en = out_zh.read_text("utf-8"), out_en.read_text("utf-8")
    assert f"<h2>{chinese('What to do first')}</h2>" in zh and '<html lang="zh-CN">' in zh
    assert "<h2>What to do first</h2>" in en and '<html lang="en">' in en
    with pytest.raises(SystemExit) as refused:
        cli_main(["report", "render", str(saved), "--html", str(out_en), "--lang", "xx"])
    assert refused.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_a_frozen_app_reads_the_catalogue_compiled_at_build_time(tmp_path: Path) -> None:
    """The spec ships engine_<language>.json (not the .ts): the same messages."""
    sources = Path(__file__).resolve().parents[2] / "resources" / "translations"
    (written,) = compile_engine_catalogues(sources, tmp_path)
    assert written.name == "engine_zh_CN.json"
    from assistant.report.language import _read_json

    assert _read_json(written) == engine_messages("zh_CN")
    assert len(engine_messages("zh_CN")) > 500
