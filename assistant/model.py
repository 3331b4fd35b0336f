"""Plain result objects shared by the engine, the CLI, the reports and the UI.

The JSON form is a contract (support staff and the GUI load saved reports), so
`to_dict`/`from_dict` are explicit rather than generic: a field added here must be
added to both, and REPORT_VERSION bumped when an old reader could misread it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

REPORT_FORMAT = "connectivity-assistant-report"
REPORT_VERSION = 1

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
        return {"kind": self.kind, "label": self.label, "data": self.data}

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue]) -> Evidence:
        return cls(kind=str(raw["kind"]), label=str(raw["label"]), data=raw.get("data"))


@dataclass
class Remedy:
    """What to change, where, and the vendor article that explains it."""

    text: str
    link: str | None = None

    def to_dict(self) -> dict[str, JSONValue]:
        return {"text": self.text, "link": self.link}

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue] | None) -> Remedy | None:
        if raw is None:
            return None
        link = raw.get("link")
        return cls(text=str(raw["text"]), link=None if link is None else str(link))


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

    def walk(self) -> list[Step]:
        """This step and every descendant, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def find(self, step_id: str) -> Step | None:
        return next((s for s in self.walk() if s.id == step_id), None)

    def to_dict(self) -> dict[str, JSONValue]:
        return {
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

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue]) -> Step:
        return cls(
            id=str(raw["id"]),
            title=str(raw["title"]),
            status=Status(raw["status"]),
            summary=str(raw.get("summary", "")),
            details=str(raw.get("details", "")),
            remedy=Remedy.from_dict(raw.get("remedy")),
            evidence=[Evidence.from_dict(e) for e in raw.get("evidence", [])],
            duration_ms=int(raw.get("duration_ms", 0)),
            children=[Step.from_dict(c) for c in raw.get("children", [])],
        )


class ReportFormatError(ValueError):
    """A file that is not a report this version can read."""


@dataclass
class Report:
    tool: dict[str, str]
    created: str  # ISO 8601, UTC
    target: dict[str, JSONValue]
    options: dict[str, JSONValue]
    steps: list[Step] = field(default_factory=list)
    format: str = REPORT_FORMAT
    version: int = REPORT_VERSION

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
            "steps": [s.to_dict() for s in self.steps],
        }

    @classmethod
    def from_dict(cls, raw: dict[str, JSONValue]) -> Report:
        if not isinstance(raw, dict) or raw.get("format") != REPORT_FORMAT:
            raise ReportFormatError("this file is not a Connectivity Assistant report")
        version = raw.get("version")
        if not isinstance(version, int) or version > REPORT_VERSION:
            raise ReportFormatError(
                f"report version {version!r} is newer than this program reads ({REPORT_VERSION})"
            )
        return cls(
            tool={str(k): str(v) for k, v in raw["tool"].items()},
            created=str(raw["created"]),
            target=raw["target"],
            options=raw["options"],
            steps=[Step.from_dict(s) for s in raw.get("steps", [])],
            format=REPORT_FORMAT,
            version=version,
        )
