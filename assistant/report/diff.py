"""What changed between two runs: `connectivity-assistant report diff OLD NEW`.

A pure function over two reports, and a printer. Steps are matched by ID across the
whole tree (IDs are the stable contract); a step ID that appears twice in one report
is matched in order of appearance ("id#2").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.model import Report, Status, Step
from assistant.report.verdicts import look


@dataclass(frozen=True)
class StepChange:
    step_id: str
    title: str
    old: Status | None  # None: the step is new
    new: Status | None  # None: the step is gone
    summary: str  # the newer summary (the older one for a removed step)
    depth: int


@dataclass(frozen=True)
class ReportDiff:
    old_overall: Status
    new_overall: Status
    counts: dict[str, tuple[int, int]]  # status -> (old, new), only where they differ
    changed: list[StepChange] = field(default_factory=list)
    added: list[StepChange] = field(default_factory=list)
    removed: list[StepChange] = field(default_factory=list)
    same_target: bool = True

    @property
    def has_changes(self) -> bool:
        return bool(
            self.changed
            or self.added
            or self.removed
            or self.counts
            or self.old_overall is not self.new_overall
        )


def diff_reports(old: Report, new: Report) -> ReportDiff:
    old_steps, new_steps = _index(old), _index(new)
    changed, added, removed = [], [], []
    for key, (step, depth) in new_steps.items():
        before = old_steps.get(key)
        if before is None:
            added.append(StepChange(key, step.title, None, step.status, step.summary, depth))
        elif before[0].status is not step.status:
            changed.append(
                StepChange(key, step.title, before[0].status, step.status, step.summary, depth)
            )
    for key, (step, depth) in old_steps.items():
        if key not in new_steps:
            removed.append(StepChange(key, step.title, step.status, None, step.summary, depth))
    old_counts, new_counts = old.summary["counts"], new.summary["counts"]
    counts = {
        s.value: (int(old_counts.get(s.value, 0)), int(new_counts.get(s.value, 0)))
        for s in Status
        if old_counts.get(s.value, 0) != new_counts.get(s.value, 0)
    }
    same = _who(old) == _who(new)
    return ReportDiff(
        Status(str(old.summary["overall"])),
        Status(str(new.summary["overall"])),
        counts,
        changed,
        added,
        removed,
        same,
    )


def _who(report: Report) -> tuple[str, str, str]:
    target = report.target
    return (
        str(target.get("email") or ""),
        str(target.get("domain") or ""),
        str(target.get("cloud") or ""),
    )


def _index(report: Report) -> dict[str, tuple[Step, int]]:
    index: dict[str, tuple[Step, int]] = {}
    seen: dict[str, int] = {}
    for step, depth in _walk(report.steps, 0):
        seen[step.id] = seen.get(step.id, 0) + 1
        key = step.id if seen[step.id] == 1 else f"{step.id}#{seen[step.id]}"
        index[key] = (step, depth)
    return index


def _walk(steps: list[Step], depth: int) -> Iterator[tuple[Step, int]]:
    # Recursion is safe: a report from load_json nests at most MAX_NESTING levels.
    for step in steps:
        yield step, depth
        yield from _walk(step.children, depth + 1)


def format_diff(diff: ReportDiff, old: Report, new: Report) -> list[str]:
    lines = [
        f"old: {old.created}  {_describe(old)}",
        f"new: {new.created}  {_describe(new)}",
    ]
    if not diff.same_target:
        lines.append("note: the two reports are for different targets or clouds")
    if diff.old_overall is not diff.new_overall:
        lines.append(f"overall: {look(diff.old_overall).label} → {look(diff.new_overall).label}")
    else:
        lines.append(f"overall: {look(diff.new_overall).label} (unchanged)")
    if diff.counts:
        lines.append("counts: " + ", ".join(f"{s} {a} → {b}" for s, (a, b) in diff.counts.items()))
    sections = (("changed", diff.changed), ("new", diff.added), ("gone", diff.removed))
    for name, items in sections:
        if not items:
            continue
        lines.append(f"{name}:")
        for item in items:
            lines.append(f"  {'  ' * min(item.depth, 4)}{_arrow(item)}  {item.step_id}")
            if item.summary:
                lines.append(f"  {'  ' * min(item.depth, 4)}    {item.summary}")
    if not diff.has_changes:
        lines.append("no verdict changed")
    return lines


def _describe(report: Report) -> str:
    who = report.target.get("email") or report.target.get("domain") or "?"
    return f"{who} ({report.target.get('cloud', '?')}), {len(report.steps)} checks"


def _arrow(item: StepChange) -> str:
    if item.old is None and item.new is not None:
        return f"{'':>10}   {look(item.new).label:<10}"
    if item.new is None and item.old is not None:
        return f"{look(item.old).label:<10} → {'gone':<10}"
    assert item.old is not None and item.new is not None
    return f"{look(item.old).label:<10} → {look(item.new).label:<10}"
