"""A hostile saved report rendered by `connectivity-assistant report render` (issue 19
item 7): markup in every field, huge fields, wrong types, a future format version.

What must hold: a report that loads renders to HTML in which no element and no attribute
came from the data (the page's structure is that of the same report without markup), the
PDF is written, huge fields give output that grows no faster than the input, and a file
that is not a report this version reads ends with exit 2 and one clear line on stderr,
never a traceback. The files are in tests/data/hostile-reports/.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.cli import main as cli_main
from assistant.report.cli import EXIT_USAGE

DATA = Path(__file__).parent.parent / "data"
HOSTILE = DATA / "hostile-reports"
PLAIN = DATA / "report-v1-before-environment.json"
# What markup-everywhere.json appends to every text field (and puts in every remedy).
MARK = (
    '<script>alert("x")</script><img src=x onerror=alert(1)><b>bold</b>&amp;"\'>'
    '<a href="javascript:alert(2)">go</a>{{x}}%1${x}'
)


class _Structure(HTMLParser):
    """The elements and attributes of a page, and the values of attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: set[tuple[str, str]] = set()
        self.values: list[tuple[str, str]] = []  # (attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes.add((tag, name))
            self.values.append((name, value or ""))


def _structure(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser


def _render(tmp_path: Path, source: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    html, pdf = tmp_path / f"{source.stem}.html", tmp_path / f"{source.stem}.pdf"
    code = cli_main(["report", "render", str(source), "--html", str(html), "--pdf", str(pdf)])
    return code, capsys.readouterr().err


def test_markup_in_every_field_stays_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _render(tmp_path, HOSTILE / "markup-everywhere.json", capsys)
    assert code == 0, err
    hostile = (tmp_path / "markup-everywhere.html").read_text(encoding="utf-8")
    # The same report without the markup: the page structure the data may not change.
    twin = tmp_path / "twin.json"
    raw = (HOSTILE / "markup-everywhere.json").read_text(encoding="utf-8")
    assert raw.count(json.dumps(MARK)[1:-1]) > 100
    twin.write_text(raw.replace(json.dumps(MARK)[1:-1], ""), encoding="utf-8")
    assert cli_main(["report", "render", str(twin), "--html", str(tmp_path / "plain.html")]) == 0
    plain = (tmp_path / "plain.html").read_text(encoding="utf-8")
    page, reference = _structure(hostile), _structure(plain)
    # The markup is there, as text: the data was read and shown, not dropped.
    assert "&lt;script&gt;alert(" in hostile
    # No element or attribute kind the plain report's page lacks; no more scripts or images.
    assert set(page.tags) <= set(reference.tags), set(page.tags) - set(reference.tags)
    assert page.attributes <= reference.attributes, page.attributes - reference.attributes
    for tag in ("script", "img", "a", "b", "iframe", "object", "style", "link", "meta"):
        assert page.tags[tag] == reference.tags[tag], tag
    # Data may sit in inert attributes (data-id="...", escaped); never in one that loads,
    # links or runs something. A javascript: remedy link is shown as text, not linked.
    active = [v for name, v in page.values if name in ("href", "src", "action", "style")]
    assert not any(v.strip().lower().startswith("javascript:") for v in active)
    assert not any("alert(" in v or "<" in v for v in active if not v.startswith("data:"))
    assert not any(name.startswith("on") for _, name in page.attributes)
    assert (tmp_path / "markup-everywhere.pdf").stat().st_size > 1000


def test_the_markup_file_really_carries_markup_everywhere() -> None:
    """The test above proves nothing if the file lost its markup."""
    doc = json.loads((HOSTILE / "markup-everywhere.json").read_text(encoding="utf-8"))
    step = doc["steps"][0]
    for text in (doc["target"]["email"], step["title"], step["summary"], step["remedy"]["text"]):
        assert "<script>" in text
    assert step["remedy"]["link"].startswith("javascript:")


WRONG = sorted(HOSTILE.glob("wrong-type-*.json"))


@pytest.mark.parametrize("source", WRONG, ids=[p.stem for p in WRONG])
def test_wrong_types_end_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: Path
) -> None:
    code, err = _render(tmp_path, source, capsys)
    assert code == EXIT_USAGE
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("connectivity-assistant: "), err
    assert "Traceback" not in err and len(err) < 600
    assert not (tmp_path / f"{source.stem}.html").exists()


def test_a_future_version_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _render(tmp_path, HOSTILE / "future-version.json", capsys)
    assert code == EXIT_USAGE
    assert "newer than this program reads" in err and "version 2" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            b'{"format": "connectivity-assistant-report", "version": ' + b"9" * 5000 + b"}",
            "number too long",
        ),
        (
            b'{"format": "connectivity-assistant-report", "version": ' + b"9" * 4000 + b"}",
            "newer than this program reads",
        ),
        (
            b'{"format": "connectivity-assistant-report", "version": "' + b"<b>" * 50_000 + b'"}',
            "is not a version number",
        ),
    ],
    ids=["4300-digit-version", "4000-digit-version", "huge-text-version"],
)
def test_a_huge_version_is_refused_in_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    source = tmp_path / "version.json"
    source.write_bytes(content)
    code, err = _render(tmp_path, source, capsys)
    assert code == EXIT_USAGE
    assert words in err and len(err) < 400


def test_huge_fields_render_in_bounded_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(PLAIN.read_text(encoding="utf-8"))
    first = doc["steps"][0]
    first["summary"] = "S" * 100_000  # one word, no place to wrap
    first["details"] = "line <b>x</b>\n" * 10_000
    first["title"] = "T" * 50_000
    doc["target"]["email"] = "e" * 100_000 + "@contoso.test"  # in every PDF footer: cut
    doc["steps"] += [dict(copy.deepcopy(doc["steps"][1]), id=f"extra.{i}") for i in range(50)]
    source = tmp_path / "huge.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    code, err = _render(tmp_path, source, capsys)
    assert code == 0, err
    size_in = source.stat().st_size
    html = (tmp_path / "huge.html").read_text(encoding="utf-8")
    assert len(html) <= 3 * size_in
    assert "<b>x</b>" not in html
    assert (tmp_path / "huge.pdf").stat().st_size <= 3 * size_in
