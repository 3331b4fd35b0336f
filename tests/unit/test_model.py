"""Result objects and the JSON report: round trips, verdict roll-up, format errors, redaction."""

from __future__ import annotations

import base64
import contextlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.config import NetworkOptions, Target
from assistant.model import (
    REPORT_FORMAT,
    REPORT_VERSION,
    Evidence,
    Remedy,
    Report,
    ReportFormatError,
    Status,
    Step,
    worst,
)
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, dumps, load_json, write_json

# -- strategies ---------------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
texts = st.text(max_size=40)  # every Unicode category except surrogates, by default
evidence = st.builds(Evidence, kind=texts, label=texts, data=json_values)
remedies = st.builds(Remedy, text=texts, link=st.none() | texts)


def steps(depth: int = 2) -> st.SearchStrategy[Step]:
    children: st.SearchStrategy[list[Step]] = (
        st.lists(steps(depth - 1), max_size=2) if depth > 0 else st.builds(list)
    )
    return st.builds(
        Step,
        id=texts,
        title=texts,
        status=st.sampled_from(Status),
        summary=texts,
        details=texts,
        remedy=st.none() | remedies,
        evidence=st.lists(evidence, max_size=3),
        duration_ms=st.integers(min_value=0, max_value=10**9),
        children=children,
    )


reports = st.builds(
    Report,
    tool=st.dictionaries(texts, texts, max_size=3),
    created=texts,
    target=st.dictionaries(texts, json_values, max_size=4),
    options=st.dictionaries(texts, json_values, max_size=4),
    steps=st.lists(steps(), max_size=3),
    environment=st.dictionaries(texts, json_values, max_size=4),
    run=st.dictionaries(texts, json_values, max_size=3),
    redaction=st.dictionaries(texts, json_values, max_size=2),
)


def through_json(value: dict[str, Any]) -> Any:
    return json.loads(json.dumps(value))


# -- round trips --------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(reports)
def test_report_survives_a_json_round_trip(report: Report) -> None:
    assert Report.from_dict(through_json(report.to_dict())) == report


@settings(max_examples=50, deadline=None)
@given(steps(depth=3))
def test_step_tree_survives_a_json_round_trip(step: Step) -> None:
    back = Step.from_dict(through_json(step.to_dict()))
    assert back == step
    assert [s.status for s in back.walk()] == [s.status for s in step.walk()]


@given(evidence)
def test_evidence_survives_a_json_round_trip(item: Evidence) -> None:
    assert Evidence.from_dict(through_json(item.to_dict())) == item


@given(st.none() | remedies)
def test_remedy_survives_a_json_round_trip(remedy: Remedy | None) -> None:
    raw = None if remedy is None else through_json(remedy.to_dict())
    assert Remedy.from_dict(raw) == remedy


def test_json_keys_follow_the_documented_contract() -> None:
    step = Step("dns.mx", "MX records", Status.PASS, children=[Step("c", "child", Status.INFO)])
    report = Report(tool={"name": "t"}, created="2026-01-01T00:00:00+00:00", target={}, options={})
    report.steps.append(step)
    raw = report.to_dict()
    assert set(raw) == {
        "format",
        "version",
        "tool",
        "created",
        "target",
        "options",
        "summary",
        "steps",
        # optional, added within version 1 (docs/report-format.md)
        "environment",
        "run",
        "redaction",
    }
    assert raw["format"] == REPORT_FORMAT
    assert raw["version"] == REPORT_VERSION
    step_keys = {
        "id",
        "title",
        "status",
        "summary",
        "details",
        "remedy",
        "evidence",
        "duration_ms",
        "children",
    }
    assert set(raw["steps"][0]) == step_keys
    assert set(raw["steps"][0]["children"][0]) == step_keys
    assert raw["steps"][0]["status"] == "pass"


def test_step_from_dict_fills_defaults_for_optional_fields() -> None:
    step = Step.from_dict({"id": "a", "title": "A", "status": "warn"})
    assert step == Step("a", "A", Status.WARN)


# -- verdicts -----------------------------------------------------------------------------

# Best to worst, as the contract orders them for rolling up a verdict.
SEVERITY_ORDER = [
    Status.SKIP,
    Status.INFO,
    Status.PASS,
    Status.CANCELLED,
    Status.WARN,
    Status.FAIL,
    Status.ERROR,
]


def test_severity_order_covers_every_status() -> None:
    assert set(SEVERITY_ORDER) == set(Status)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([Status.PASS], Status.PASS),
        ([Status.PASS, Status.FAIL, Status.PASS], Status.FAIL),
        ([Status.FAIL, Status.ERROR, Status.WARN], Status.ERROR),
        ([Status.SKIP, Status.INFO], Status.INFO),
        ([Status.INFO, Status.PASS, Status.SKIP], Status.PASS),
        ([Status.PASS, Status.CANCELLED], Status.CANCELLED),
        ([Status.CANCELLED, Status.WARN], Status.WARN),
        ([Status.SKIP], Status.SKIP),
    ],
)
def test_worst_picks_the_most_severe(statuses: list[Status], expected: Status) -> None:
    assert worst(statuses) is expected


def test_worst_of_nothing_is_the_default() -> None:
    assert worst([]) is Status.PASS
    assert worst([], default=Status.INFO) is Status.INFO


@given(st.lists(st.sampled_from(Status), min_size=1))
def test_worst_agrees_with_the_documented_order(statuses: list[Status]) -> None:
    assert worst(statuses) is max(statuses, key=SEVERITY_ORDER.index)


def test_only_warn_fail_and_error_are_problems() -> None:
    assert {s for s in Status if s.is_problem} == {Status.WARN, Status.FAIL, Status.ERROR}


def make_report(*statuses: Status) -> Report:
    return Report(
        tool={"name": "t"},
        created="2026-01-01T00:00:00+00:00",
        target={},
        options={},
        steps=[Step(f"s{i}", f"step {i}", s) for i, s in enumerate(statuses)],
    )


def test_summary_counts_top_level_checks_and_gives_the_overall_verdict() -> None:
    report = make_report(Status.PASS, Status.WARN, Status.PASS, Status.SKIP)
    # A failing child does not count as a top-level check; its parent's status does.
    report.steps[0].children.append(Step("child", "child", Status.ERROR))
    summary = report.summary
    assert summary["overall"] == "warn"
    assert summary["counts"] == {
        "pass": 2,
        "warn": 1,
        "fail": 0,
        "error": 0,
        "skip": 1,
        "info": 0,
        "cancelled": 0,
    }


def test_summary_of_an_empty_report_is_info_with_zero_counts() -> None:
    summary = make_report().summary
    assert summary["overall"] == "info"
    assert set(summary["counts"]) == {s.value for s in Status}
    assert not any(summary["counts"].values())


@given(st.lists(st.sampled_from(Status), max_size=12))
def test_summary_counts_match_the_steps(statuses: list[Status]) -> None:
    summary = make_report(*statuses).summary
    expected = Counter(s.value for s in statuses)
    assert summary["counts"] == {s.value: expected.get(s.value, 0) for s in Status}
    overall = max(statuses, key=SEVERITY_ORDER.index) if statuses else Status.INFO
    assert summary["overall"] == overall.value


def test_summary_is_written_into_the_json() -> None:
    raw = make_report(Status.FAIL, Status.PASS).to_dict()
    assert raw["summary"]["overall"] == "fail"
    assert raw["summary"]["counts"]["fail"] == 1


def test_find_searches_the_whole_tree() -> None:
    leaf = Step("imap.login", "login", Status.FAIL)
    report = make_report(Status.PASS, Status.WARN)
    report.steps[1].children.append(Step("imap.tls", "tls", Status.PASS, children=[leaf]))
    assert report.find("imap.login") is leaf
    assert report.find("s0") is report.steps[0]
    assert report.find("nope") is None


# -- format errors ------------------------------------------------------------------------


def good_raw() -> dict[str, Any]:
    return make_report(Status.PASS).to_dict()


@pytest.mark.parametrize(
    "change",
    [
        {"format": "some-other-tool-report"},
        {"format": None},
        {"format": REPORT_FORMAT.upper()},
    ],
)
def test_wrong_format_is_refused(change: dict[str, Any]) -> None:
    raw = good_raw() | change
    with pytest.raises(ReportFormatError, match="not a Connectivity Assistant report"):
        Report.from_dict(raw)


def test_missing_format_is_refused() -> None:
    raw = good_raw()
    del raw["format"]
    with pytest.raises(ReportFormatError):
        Report.from_dict(raw)


def test_newer_version_is_refused_with_both_versions_named() -> None:
    raw = good_raw() | {"version": REPORT_VERSION + 1}
    with pytest.raises(ReportFormatError, match="newer") as info:
        Report.from_dict(raw)
    assert str(REPORT_VERSION + 1) in str(info.value)
    assert f"({REPORT_VERSION})" in str(info.value)


@pytest.mark.parametrize("version", [None, "1", 1.0, [1]])
def test_version_that_is_not_an_integer_is_refused(version: object) -> None:
    with pytest.raises(ReportFormatError):
        Report.from_dict(good_raw() | {"version": version})


def test_current_version_loads() -> None:
    assert Report.from_dict(good_raw()).version == REPORT_VERSION


@pytest.mark.parametrize("garbage", [None, [], [good_raw()], "report", 42, 1.5, True])
def test_garbage_that_is_not_an_object_is_refused(garbage: Any) -> None:
    with pytest.raises(ReportFormatError):
        Report.from_dict(garbage)


# -- json_report: write, load, redact ------------------------------------------------------

CANARY = "canary-S3cr3t!"


def sample_report(**step_fields: Any) -> Report:
    step = Step(
        "dns.mx",
        "MX records for müller.de",
        Status.WARN,
        summary="one MX is not Microsoft's",
        remedy=Remedy("Point MX at contoso-com.mail.protection.outlook.com", "https://x.test/a"),
        evidence=[Evidence("dns", "MX", {"values": ["10 mx.müller.de."], "ttl": 300})],
        duration_ms=12,
        children=[Step("dns.mx.1", "first", Status.FAIL, details="line 1\nline 2")],
    )
    for name, value in step_fields.items():
        setattr(step, name, value)
    return build_report(
        Target.parse("user@müller.de"),
        NetworkOptions(timeout=5.0, check_deadline=30.0),
        [step, Step("dns.spf", "SPF", Status.PASS)],
    )


def test_write_and_load_round_trip(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "report.json"
    write_json(report, path, Redactor())
    assert load_json(path) == report
    assert not list(tmp_path.glob("*.part")), "the temporary file was left behind"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["target"]["domain"] == "xn--mller-kva.de"
    assert raw["target"]["domain_unicode"] == "müller.de"
    assert raw["summary"]["overall"] == "warn"


def test_write_replaces_an_existing_report(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text("old", encoding="utf-8")
    write_json(sample_report(), path, Redactor())
    assert load_json(path).steps[0].id == "dns.mx"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "not valid JSON"),
        ('{"format": "connectivity-assistant-report", "version": 1,', "not valid JSON"),
        ("[1, 2, 3]", "not a Connectivity Assistant report"),
        ('{"format": "connectivity-assistant-report", "version": 1}', "is damaged"),
    ],
)
def test_damaged_file_gives_a_plain_report_format_error(
    tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / "damaged.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReportFormatError, match=words) as info:
        load_json(path)
    message = str(info.value)
    assert "\n" not in message
    assert "Traceback" not in message


def test_truncated_report_gives_report_format_error(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    write_json(sample_report(), path, Redactor())
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ReportFormatError, match="not valid JSON") as info:
        load_json(path)
    assert str(path) in str(info.value)


def test_file_that_is_not_text_gives_report_format_error(tmp_path: Path) -> None:
    path = tmp_path / "picture.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00binary")
    with pytest.raises(ReportFormatError, match=str(path.name)):
        load_json(path)


garbled_steps = st.lists(
    st.one_of(
        json_values,
        st.fixed_dictionaries(
            {"id": json_values, "title": json_values, "status": st.sampled_from(["pass", "x"])},
            optional={
                "remedy": json_values,
                "evidence": json_values,
                "children": json_values,
                "duration_ms": json_values,
            },
        ),
    ),
    max_size=3,
)


@settings(max_examples=60, deadline=None)
@given(
    tool=json_values,
    target=json_values,
    steps_value=garbled_steps | json_values,
)
def test_structurally_damaged_report_only_ever_gives_report_format_error(
    tmp_path_factory: pytest.TempPathFactory, tool: Any, target: Any, steps_value: Any
) -> None:
    path = tmp_path_factory.mktemp("garbled") / "r.json"
    raw = good_raw() | {"tool": tool, "target": target, "steps": steps_value}
    path.write_text(json.dumps(raw), encoding="utf-8")
    with contextlib.suppress(ReportFormatError):  # anything else fails the test
        load_json(path)


def test_write_json_redacts_a_secret_planted_in_the_report(tmp_path: Path) -> None:
    b64 = base64.b64encode(CANARY.encode()).decode()
    report = sample_report(
        summary=f"login failed with {CANARY}",
        details=f"server said: bad password {CANARY}\nAUTH PLAIN {b64}",
        evidence=[Evidence("text", "nested", {"a": [{"b": f"x{CANARY}y"}], b64: 1})],
    )
    report.steps[0].children[0].details = f"child saw {b64}"
    path = tmp_path / "report.json"
    write_json(report, path, Redactor(secrets=[CANARY]))
    text = path.read_text(encoding="utf-8")
    assert CANARY not in text
    assert b64 not in text
    assert "«redacted»" in text
    loaded = load_json(path)  # still a valid report after redaction
    assert loaded.steps[0].id == "dns.mx"
    assert CANARY not in loaded.steps[0].summary


def test_write_json_redacts_a_secret_that_json_must_escape(tmp_path: Path) -> None:
    secret = 'pa"ss\\wörd\t!'
    report = sample_report(details=f"the password {secret} was refused")
    path = tmp_path / "report.json"
    write_json(report, path, Redactor(secrets=[secret]))
    text = path.read_text(encoding="utf-8")
    assert secret not in load_json(path).steps[0].details
    assert json.dumps(secret, ensure_ascii=False)[1:-1] not in text
    assert "wörd" not in text


def test_write_json_masks_credential_headers_inside_multiline_details(tmp_path: Path) -> None:
    report = sample_report(
        details="GET /EWS/Exchange.asmx\nAuthorization: Basic dXNlcjpodW50ZXIy\nCookie: s=abc123"
    )
    path = tmp_path / "report.json"
    write_json(report, path, Redactor())
    text = path.read_text(encoding="utf-8")
    assert "dXNlcjpodW50ZXIy" not in text
    assert "abc123" not in text
    assert "GET /EWS/Exchange.asmx" in text


def test_redaction_keeps_the_report_loadable_whatever_the_evidence(tmp_path: Path) -> None:
    # Numbers and nulls under keys that name secrets must stay valid JSON.
    data = {"code": 250, "status_code": 401, "password": None, "access_token": "eyJ-abc"}
    report = sample_report(evidence=[Evidence("table", "reply", data)])
    path = tmp_path / "report.json"
    write_json(report, path, Redactor(secrets=[CANARY]))
    loaded = load_json(path)
    kept = loaded.steps[0].evidence[0].data
    assert kept["code"] == 250
    assert kept["status_code"] == 401
    assert kept["password"] is None
    assert kept["access_token"] == "«redacted»"


def test_dumps_is_the_text_write_json_writes(tmp_path: Path) -> None:
    report = sample_report(summary=CANARY)
    redactor = Redactor(secrets=[CANARY])
    path = tmp_path / "r.json"
    write_json(report, path, redactor)
    assert path.read_text(encoding="utf-8") == dumps(report, redactor) + "\n"
