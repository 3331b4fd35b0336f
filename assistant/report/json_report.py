"""Build, write and load the JSON report (the contract in ARCHITECTURE.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path

from assistant import __version__
from assistant.config import NetworkOptions, Target
from assistant.model import Report, ReportFormatError, Step
from assistant.net.redact import Redactor


def build_report(target: Target, options: NetworkOptions, steps: Sequence[Step]) -> Report:
    return Report(
        tool={"name": "Connectivity Assistant", "version": __version__},
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        target=dict(target.to_dict()),
        options=dict(options.to_dict()),
        steps=list(steps),
    )


def dumps(report: Report, redactor: Redactor) -> str:
    # Redact the finished text as a last line of defence: a secret that slipped into
    # any field (an exception message, a header) is masked before it reaches disk.
    return redactor(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))


def write_json(report: Report, path: str | os.PathLike[str], redactor: Redactor) -> None:
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(dumps(report, redactor) + "\n", encoding="utf-8")
    tmp.replace(target)  # a half-written report never replaces a good one


def load_json(path: str | os.PathLike[str]) -> Report:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReportFormatError(f"{path} is not valid JSON ({exc})") from None
    try:
        return Report.from_dict(raw)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ReportFormatError):
            raise
        raise ReportFormatError(f"{path} is damaged: {exc}") from None
