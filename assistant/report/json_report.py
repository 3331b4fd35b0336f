"""Build, write and load the JSON report (the contract in ARCHITECTURE.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path

from assistant import __version__
from assistant.config import NetworkOptions, Target
from assistant.model import JSONValue, Report, ReportFormatError, Step
from assistant.net.redact import MASK, Redactor, is_secret_field


def build_report(target: Target, options: NetworkOptions, steps: Sequence[Step]) -> Report:
    return Report(
        tool={"name": "Connectivity Assistant", "version": __version__},
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        target=dict(target.to_dict()),
        options=dict(options.to_dict()),
        steps=list(steps),
    )


def dumps(report: Report, redactor: Redactor) -> str:
    # Redact every string as a last line of defence: a secret that slipped into any
    # field (an exception message, a header) is masked before it reaches disk. This is
    # done before encoding, not on the JSON text: there a password with a quote or a
    # backslash no longer matches (it is escaped), line patterns never see a line start,
    # and masking a value such as `"code": 250` leaves a file that cannot be loaded.
    return json.dumps(_redacted(report.to_dict(), redactor), indent=2, ensure_ascii=False)


def _redacted(value: JSONValue, redactor: Redactor) -> JSONValue:
    if isinstance(value, str):
        return redactor(value)
    if isinstance(value, list):
        return [_redacted(item, redactor) for item in value]
    if isinstance(value, dict):
        return {
            redactor(str(key)): (
                MASK
                if isinstance(item, str) and is_secret_field(str(key))
                else _redacted(item, redactor)
            )
            for key, item in value.items()
        }
    return value


def write_json(report: Report, path: str | os.PathLike[str], redactor: Redactor) -> None:
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(dumps(report, redactor) + "\n", encoding="utf-8")
    tmp.replace(target)  # a half-written report never replaces a good one


def load_json(path: str | os.PathLike[str]) -> Report:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ReportFormatError(f"{path} is not a report (it is not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise ReportFormatError(f"{path} is not valid JSON ({exc})") from None
    try:
        return Report.from_dict(raw)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ReportFormatError):
            raise
        raise ReportFormatError(f"{path} is damaged: {exc}") from None
