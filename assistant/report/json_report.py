"""Build, write and load the JSON report (the contract in ARCHITECTURE.md and
docs/report-format.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence

from assistant import __version__
from assistant.config import NetworkOptions, Target
from assistant.model import JSONValue, Report, ReportFormatError, Step, check_format
from assistant.net.redact import Redactor
from assistant.report.atomic import atomic_write_text
from assistant.report.environment import collect_environment
from assistant.report.scrub import scrub_secrets

# A real report is well under a few MB (the demo's is ~120 kB); anything past this is
# refused before it is read, so a hostile file cannot exhaust memory.
MAX_REPORT_BYTES = 50 * 1024 * 1024
# Steps nest a few levels and evidence a few more; 100 is far beyond any real report and
# far below what would exhaust the interpreter's stack while walking the tree.
MAX_NESTING = 100


def build_report(
    target: Target,
    options: NetworkOptions,
    steps: Sequence[Step],
    *,
    environment: dict[str, JSONValue] | None = None,
    run: dict[str, JSONValue] | None = None,
) -> Report:
    return Report(
        tool={"name": "Connectivity Assistant", "version": __version__},
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        target=dict(target.to_dict()),
        options=dict(options.to_dict()),
        steps=list(steps),
        environment=collect_environment(options) if environment is None else environment,
        run={} if run is None else run,
    )


def dumps(report: Report, redactor: Redactor) -> str:
    # Redact every string as a last line of defence: a secret that slipped into any
    # field (an exception message, a header) is masked before it reaches disk. This is
    # done before encoding, not on the JSON text: there a password with a quote or a
    # backslash no longer matches (it is escaped), line patterns never see a line start,
    # and masking a value such as `"code": 250` leaves a file that cannot be loaded.
    return json.dumps(scrub_secrets(report, redactor).to_dict(), indent=2, ensure_ascii=False)


def write_json(report: Report, path: str | os.PathLike[str], redactor: Redactor) -> None:
    atomic_write_text(path, dumps(report, redactor) + "\n")


def load_json(path: str | os.PathLike[str]) -> Report:
    """Load a saved report, or raise ReportFormatError with one plain sentence.

    Whatever the file holds (truncated, binary, huge, hostile nesting, wrong types), the
    only exception that leaves is ReportFormatError.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_REPORT_BYTES + 1)
    except OSError as exc:
        raise ReportFormatError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_REPORT_BYTES:
        raise ReportFormatError(
            f"{path} is not a report this program opens: it is larger than "
            f"{MAX_REPORT_BYTES // (1024 * 1024)} MB"
        )
    return loads(data, str(path))


def loads(data: bytes | str, name: str = "the report") -> Report:
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise ReportFormatError(f"{name} is not a report (it is not UTF-8 text)") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFormatError(f"{name} is not valid JSON ({exc})") from None
    except ValueError:  # an integer of more than 4,300 digits (found by fuzzing)
        raise ReportFormatError(
            f"{name} is not a report (it holds a number too long to read)"
        ) from None
    except RecursionError:
        raise ReportFormatError(f"{name} is nested too deeply to be a report") from None
    if _depth_exceeds(raw, MAX_NESTING):
        raise ReportFormatError(f"{name} is nested more than {MAX_NESTING} levels deep")
    try:
        check_format(raw)
    except ReportFormatError as exc:
        raise ReportFormatError(f"{name}: {exc}") from None
    try:
        return Report.from_dict(raw)
    except ReportFormatError as exc:
        raise ReportFormatError(f"{name} is damaged: {exc}") from None
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError) as exc:
        raise ReportFormatError(f"{name} is damaged: {exc}") from None


def _depth_exceeds(value: JSONValue, limit: int) -> bool:
    """Whether lists/objects nest deeper than `limit` (iterative: no recursion to blow)."""
    stack: list[tuple[JSONValue, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
