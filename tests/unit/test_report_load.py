"""Loading saved reports: older files open, newer ones and hostile ones are refused with
one plain sentence (ReportFormatError), never a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.model import OLDEST_READABLE_VERSION, REPORT_VERSION, Report, ReportFormatError
from assistant.report.json_report import MAX_NESTING, MAX_REPORT_BYTES, load_json, loads

DATA = Path(__file__).resolve().parents[1] / "data"
LEGACY = DATA / "report-v1-before-environment.json"


def legacy_raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(LEGACY.read_text(encoding="utf-8"))
    return raw


def refused(path: Path) -> str:
    with pytest.raises(ReportFormatError) as info:
        load_json(path)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# -- versions -------------------------------------------------------------------------------


def test_a_report_written_before_the_environment_fields_still_opens() -> None:
    raw = legacy_raw()
    assert not {"environment", "run", "redaction"} & set(raw), "fixture must be the old shape"
    report = load_json(LEGACY)
    assert report.version == 1
    assert report.environment == {} and report.run == {} and report.redaction == {}
    assert [s.id for s in report.steps] == ["dns.resolver", "dns.mx", "autodiscover.result"]
    assert report.find("autodiscover.v2") is not None
    assert report.summary == raw["summary"]  # what the old writer computed, recomputed


def test_the_old_report_renders_with_facts_marked_as_not_recorded() -> None:
    from assistant.report.header import header_facts

    facts = dict(header_facts(load_json(LEGACY)))
    assert facts["Operating system"] == "not recorded"
    assert facts["Public IP"] == "not looked up"
    assert facts["DNS resolvers"].startswith("explicit: 127.0.0.1:")
    assert facts["Checks run"].startswith("3: dns.resolver, dns.mx")


@pytest.mark.parametrize("version", [0, -1, OLDEST_READABLE_VERSION - 1])
def test_a_version_older_than_any_readable_one_is_refused_clearly(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps(legacy_raw() | {"version": version}), encoding="utf-8")
    message = refused(path)
    assert f"report version {version} is older than this program reads" in message
    assert str(path) in message


def test_a_newer_version_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    path.write_text(json.dumps(legacy_raw() | {"version": REPORT_VERSION + 1}), encoding="utf-8")
    message = refused(path)
    assert f"report version {REPORT_VERSION + 1} is newer" in message
    assert f"({REPORT_VERSION})" in message and "newer Connectivity Assistant" in message


def test_unknown_fields_from_a_later_minor_addition_are_ignored() -> None:
    raw = legacy_raw() | {"something_added_later": {"x": 1}}
    raw["steps"][0]["also_new"] = [1, 2]
    assert loads(json.dumps(raw)).steps[0].id == "dns.resolver"


# -- hostile and damaged files -----------------------------------------------------------------


def test_a_file_over_the_size_cap_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    head = json.dumps(legacy_raw())[:-1] + ', "padding": "'
    with path.open("w", encoding="utf-8") as handle:  # a 100 MB string inside a report
        handle.write(head)
        chunk = "A" * (1024 * 1024)
        for _ in range(100):
            handle.write(chunk)
        handle.write('"}')
    assert path.stat().st_size > MAX_REPORT_BYTES
    assert "larger than 50 MB" in refused(path)


def test_deep_nesting_of_lists_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested" in refused(path)


def test_deep_nesting_inside_an_otherwise_valid_report_is_refused(tmp_path: Path) -> None:
    raw = legacy_raw()
    node: dict[str, Any] = {"id": "x", "title": "x", "status": "pass"}
    raw["steps"] = [node]
    for _ in range(400):  # parses fine (under json's own limit), but far past MAX_NESTING
        child: dict[str, Any] = {"id": "x", "title": "x", "status": "pass"}
        node["children"] = [child]
        node = child
    path = tmp_path / "deep-steps.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert f"more than {MAX_NESTING} levels" in refused(path)


def test_nesting_within_the_limit_loads() -> None:
    raw = legacy_raw()
    node: dict[str, Any] = {"id": "x", "title": "x", "status": "pass"}
    raw["steps"] = [node]
    for _ in range(20):
        child: dict[str, Any] = {"id": "x", "title": "x", "status": "pass"}
        node["children"] = [child]
        node = child
    assert loads(json.dumps(raw)).steps[0].walk()[-1].id == "x"


def step_with(**fields: Any) -> dict[str, Any]:
    return {"id": "dns.mx", "title": "MX", "status": "pass"} | fields


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"tool": "Connectivity Assistant"}, "tool: expected an object, found text"),
        ({"tool": {"name": 3}}, "tool: expected text values"),
        ({"created": 20261127}, "created: expected text, found a number"),
        ({"target": ["a"]}, "target: expected an object, found a list"),
        ({"options": None}, "options: expected an object, found null"),
        ({"environment": "linux"}, "environment: expected an object, found text"),
        ({"run": []}, "run: expected an object, found a list"),
        ({"steps": {"dns.mx": {}}}, "report.steps: expected a list, found an object"),
        ({"steps": ["dns.mx"]}, "steps[0]: expected an object, found text"),
        ({"steps": [step_with(id=7)]}, "steps[0].id: expected text, found a number"),
        ({"steps": [step_with(status="ok")]}, "steps[0].status: 'ok' is not one of pass"),
        ({"steps": [step_with(status=None)]}, "steps[0].status: None is not one of"),
        ({"steps": [step_with(title=None)]}, "steps[0].title: expected text, found null"),
        ({"steps": [step_with(duration_ms="12")]}, "steps[0].duration_ms: expected a whole"),
        ({"steps": [step_with(duration_ms=True)]}, "steps[0].duration_ms: expected a whole"),
        ({"steps": [step_with(duration_ms=1.5)]}, "steps[0].duration_ms: expected a whole"),
        ({"steps": [step_with(remedy="fix it")]}, "steps[0].remedy: expected an object"),
        ({"steps": [step_with(remedy={"link": "x"})]}, "steps[0].remedy.text: missing"),
        (
            {"steps": [step_with(remedy={"text": "t", "link": 5})]},
            "steps[0].remedy.link: expected text",
        ),
        ({"steps": [step_with(evidence={})]}, "steps[0].evidence: expected a list"),
        ({"steps": [step_with(evidence=[{"kind": "dns"}])]}, "steps[0].evidence[0].label: missing"),
        (
            {"steps": [step_with(children=[step_with(children=[{"id": "c"}])])]},
            "steps[0].children[0].children[0].title: missing",
        ),
    ],
)
def test_wrong_types_are_refused_with_where_and_what(
    tmp_path: Path, change: dict[str, Any], words: str
) -> None:
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(legacy_raw() | change), encoding="utf-8")
    message = refused(path)
    assert "is damaged" in message
    assert words in message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "not valid JSON"),
        (b'{"format": "connectivity-assistant-report", "version": 1, "tool": {', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"null", "not a Connectivity Assistant report"),
        (b'"connectivity-assistant-report"', "not a Connectivity Assistant report"),
        (b'{"format": "connectivity-assistant-report", "version": true}', "not a version number"),
        (b'{"format": "connectivity-assistant-report", "version": "1"}', "not a version number"),
    ],
)
def test_damaged_bytes_are_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert words in refused(path)


def test_a_truncated_real_report_is_refused(tmp_path: Path) -> None:
    text = LEGACY.read_text(encoding="utf-8")
    for cut in (1, len(text) // 3, len(text) - 2):
        path = tmp_path / f"cut{cut}.json"
        path.write_text(text[:cut], encoding="utf-8")
        assert "not valid JSON" in refused(path)


def test_a_missing_file_or_a_folder_is_refused_as_unreadable(tmp_path: Path) -> None:
    assert "cannot read" in refused(tmp_path / "nope.json")
    assert "cannot read" in refused(tmp_path)


def test_from_dict_alone_gives_report_format_error_for_wrong_types() -> None:
    with pytest.raises(ReportFormatError, match="steps"):
        Report.from_dict(legacy_raw() | {"steps": "none"})
