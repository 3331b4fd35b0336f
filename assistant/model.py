"""Plain result objects shared by the engine, the CLI, the reports and the UI.

The JSON form is a contract (support staff and the GUI load saved reports), so
`to_dict`/`from_dict` are explicit rather than generic: a field added here must be
added to both, and REPORT_VERSION bumped when an old reader could misread it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant import text as i18n
from assistant.text import msg

REPORT_FORMAT = "connectivity-assistant-report"
REPORT_VERSION = 1
# Versions this program can load (older ones are upgraded on load; see docs/report-format.md).
OLDEST_READABLE_VERSION = 1

JSONValue = Any  # what json.dumps accepts: str, int, float, bool, None, lists and dicts of them


class Status(enum.StrEnum):
    PASS = "pass"  # noqa: S105 - a verdict, not a password
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"  # the tool itself broke, not the thing under test
    SKIP = "skip"
    INFO = "info"
    CANCELLED = "cancelled"

    @property
    def severity(self) -> int:
        """Higher is worse; used to roll child verdicts up into a parent."""
        return _SEVERITY[self]

    @property
    def is_problem(self) -> bool:
        return self in (Status.WARN, Status.FAIL, Status.ERROR)


_SEVERITY = {
    Status.SKIP: 0,
    Status.INFO: 1,
    Status.PASS: 2,
    Status.CANCELLED: 3,
    Status.WARN: 4,
    Status.FAIL: 5,
    Status.ERROR: 6,
}


def worst(statuses: list[Status], default: Status = Status.PASS) -> Status:
    return max(statuses, key=lambda s: s.severity, default=default)


@dataclass
class Evidence:
    """One piece of proof behind a verdict: DNS records, a certificate, a transcript."""

    kind: str  # "dns", "tls", "http", "transcript", "text", "table"
    label: str
    data: JSONValue

    def to_dict(self) -> dict[str, JSONValue]:
        out = {"kind": self.kind, "label": self.label, "data": self.data}
        return _with_i18n(out, label=self.label)

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue], where: str = "evidence") -> Evidence:
        raw = _object(raw, where)
        made = _i18n(raw)
        return cls(
            kind=_text(raw, "kind", where),
            label=i18n.from_json(_text(raw, "label", where), made.get("label")),
            data=raw.get("data"),
        )


@dataclass
class Remedy:
    """What to change, where, and the vendor article that explains it."""

    text: str
    link: str | None = None

    def to_dict(self) -> dict[str, JSONValue]:
        return _with_i18n({"text": self.text, "link": self.link}, text=self.text)

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue] | None, where: str = "remedy") -> Remedy | None:
        if raw is None:
            return None
        raw = _object(raw, where)
        link = raw.get("link")
        return cls(
            text=i18n.from_json(_text(raw, "text", where), _i18n(raw).get("text")),
            link=None if link is None else _text(raw, "link", where),
        )


@dataclass
class Step:
    id: str
    title: str
    status: Status
    summary: str = ""
    details: str = ""
    remedy: Remedy | None = None
    evidence: list[Evidence] = field(default_factory=list)
    duration_ms: int = 0
    children: list[Step] = field(default_factory=list)

    @classmethod
    def stopped(
        cls,
        step_id: str,
        title: str,
        *,
        finished: Sequence[Step] = (),
        waiting_on: Sequence[str] = (),
    ) -> Step:
        """A check the run stopped before it gave a verdict (the user cancelled the run).

        Checks never give Status.CANCELLED themselves, so that status is what tells these
        steps apart; the summary is for the reports, never compared. `finished`: the child
        steps it had finished, kept as its children (their verdicts stand); `waiting_on`:
        the titles of the child steps still running, which the summary names."""
        summary: str = CANCELLED_SUMMARY
        if waiting_on:
            summary = msg(
                "cancelled while waiting on {steps}", steps=i18n.join("; ", list(waiting_on))
            )
        return cls(step_id, title, Status.CANCELLED, summary=summary, children=list(finished))

    def walk(self) -> list[Step]:
        """This step and every descendant, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def find(self, step_id: str) -> Step | None:
        return next((s for s in self.walk() if s.id == step_id), None)

    def to_dict(self) -> dict[str, JSONValue]:
        out: dict[str, JSONValue] = {
            "id": self.id,
            "title": self.title,
            "status": self.status.value,
            "summary": self.summary,
            "details": self.details,
            "remedy": None if self.remedy is None else self.remedy.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
            "duration_ms": self.duration_ms,
            "children": [c.to_dict() for c in self.children],
        }
        return _with_i18n(out, title=self.title, summary=self.summary, details=self.details)

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue], where: str = "step") -> Step:
        raw = _object(raw, where)
        step_id, title = _text(raw, "id", where), _text(raw, "title", where)
        status = raw.get("status")
        if status not in _STATUS_VALUES:
            known = ", ".join(_STATUS_VALUES)
            shown = repr(status) if len(repr(status)) <= 24 else repr(status)[:23] + "…"  # hostile
            found = "missing" if "status" not in raw else f"{shown} is not one of {known}"
            raise ReportFormatError(f"{where}.status: {found}")
        duration = raw.get("duration_ms", 0)
        if not isinstance(duration, int) or isinstance(duration, bool):
            raise ReportFormatError(f"{where}.duration_ms: expected a whole number")
        evidence = _array(raw, "evidence", where)
        children = _array(raw, "children", where)
        made = _i18n(raw)
        return cls(
            id=step_id,
            title=i18n.from_json(title, made.get("title")),
            status=Status(status),
            summary=i18n.from_json(_text(raw, "summary", where, ""), made.get("summary")),
            details=i18n.from_json(_text(raw, "details", where, ""), made.get("details")),
            remedy=Remedy.from_dict(raw.get("remedy"), f"{where}.remedy"),
            evidence=[
                Evidence.from_dict(e, f"{where}.evidence[{i}]") for i, e in enumerate(evidence)
            ],
            duration_ms=duration,
            children=[Step.from_dict(c, f"{where}.children[{i}]") for i, c in enumerate(children)],
        )


CANCELLED_SUMMARY = msg("cancelled")  # a stopped step's summary (Step.stopped)


class ReportFormatError(ValueError):
    """A file that is not a report this version can read."""


_STATUS_VALUES = tuple(s.value for s in Status)


def _with_i18n(out: dict[str, JSONValue], **fields: str) -> dict[str, JSONValue]:
    """Adds how translatable fields were made (assistant/text.py), so a saved report can be
    shown in another language; omitted when every field is plain text."""
    made = {name: i18n.to_json(value) for name, value in fields.items()}
    made = {name: value for name, value in made.items() if value is not None}
    if made:
        out["i18n"] = made
    return out


def _i18n(raw: dict[str, JSONValue]) -> dict[str, JSONValue]:
    made = raw.get("i18n")
    return made if isinstance(made, dict) else {}


def _object(raw: object, where: str) -> dict[str, JSONValue]:
    if not isinstance(raw, dict):
        raise ReportFormatError(f"{where}: expected an object, found {_kind(raw)}")
    return raw


def _text(raw: dict[str, JSONValue], key: str, where: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str):
        missing = key not in raw
        raise ReportFormatError(
            f"{where}.{key}: " + ("missing" if missing else f"expected text, found {_kind(value)}")
        )
    return value


def _array(raw: dict[str, JSONValue], key: str, where: str) -> list[JSONValue]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ReportFormatError(f"{where}.{key}: expected a list, found {_kind(value)}")
    return value


def _mapping(raw: dict[str, JSONValue], key: str, *, required: bool) -> dict[str, JSONValue]:
    if key not in raw and not required:
        return {}
    value = raw.get(key)
    if not isinstance(value, dict):
        found = "nothing" if key not in raw else _kind(value)
        raise ReportFormatError(f"{key}: expected an object, found {found}")
    return value


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(
        type(value), "a number" if isinstance(value, int | float) else "something else"
    )


@dataclass
class Report:
    tool: dict[str, str]
    created: str  # ISO 8601, UTC
    target: dict[str, JSONValue]
    options: dict[str, JSONValue]
    steps: list[Step] = field(default_factory=list)
    format: str = REPORT_FORMAT
    version: int = REPORT_VERSION
    # Added within version 1 (optional; a report without them loads with empty ones):
    # facts about the computer and network the run came from (OS, time zone, resolvers,
    # proxy, public IP), about the run itself (checks asked for and run, cancelled,
    # duration), and which redaction the file went through. docs/report-format.md.
    environment: dict[str, JSONValue] = field(default_factory=dict)
    run: dict[str, JSONValue] = field(default_factory=dict)
    redaction: dict[str, JSONValue] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, JSONValue]:
        """Counts by status over top-level checks, and the overall verdict."""
        counts = {s.value: 0 for s in Status}
        for step in self.steps:
            counts[step.status.value] += 1
        overall = worst([s.status for s in self.steps], default=Status.INFO)
        return {"overall": overall.value, "counts": counts}

    def find(self, step_id: str) -> Step | None:
        for step in self.steps:
            hit = step.find(step_id)
            if hit is not None:
                return hit
        return None

    def to_dict(self) -> dict[str, JSONValue]:
        return {
            "format": self.format,
            "version": self.version,
            "tool": dict(self.tool),
            "created": self.created,
            "target": self.target,
            "options": self.options,
            "summary": self.summary,
            "environment": self.environment,
            "run": self.run,
            "redaction": self.redaction,
            "steps": [s.to_dict() for s in self.steps],
        }

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue]) -> Report:
        version = check_format(raw)
        tool = _mapping(raw, "tool", required=True)
        if not all(isinstance(v, str) for v in tool.values()):
            raise ReportFormatError("tool: expected text values")
        created = raw.get("created")
        if not isinstance(created, str):
            raise ReportFormatError(f"created: expected text, found {_kind(created)}")
        steps = _array(raw, "steps", "report")
        return cls(
            tool=dict(tool),
            created=created,
            target=_mapping(raw, "target", required=True),
            options=_mapping(raw, "options", required=True),
            steps=[Step.from_dict(s, f"steps[{i}]") for i, s in enumerate(steps)],
            format=REPORT_FORMAT,
            version=version,
            environment=_mapping(raw, "environment", required=False),
            run=_mapping(raw, "run", required=False),
            redaction=_mapping(raw, "redaction", required=False),
        )


def check_format(raw: object) -> int:
    """The report version of a parsed file, or ReportFormatError if it is not a report
    or not a version this program reads."""
    if not isinstance(raw, dict) or raw.get("format") != REPORT_FORMAT:
        raise ReportFormatError("this file is not a Connectivity Assistant report")
    version = raw.get("version")
    # Shown cut: a hostile file's version may be 4,000 digits or a megabyte of text, and
    # the message is one sentence (fuzzing found the whole of it repeated).
    shown = repr(version) if len(repr(version)) <= 24 else repr(version)[:23] + "…"
    if not isinstance(version, int) or isinstance(version, bool):
        raise ReportFormatError(f"report version {shown} is not a version number")
    if version > REPORT_VERSION:
        raise ReportFormatError(
            f"report version {shown} is newer than this program reads ({REPORT_VERSION});"
            " open it with a newer Connectivity Assistant"
        )
    if version < OLDEST_READABLE_VERSION:
        raise ReportFormatError(
            f"report version {shown} is older than this program reads "
            f"({OLDEST_READABLE_VERSION} to {REPORT_VERSION})"
        )
    return version
