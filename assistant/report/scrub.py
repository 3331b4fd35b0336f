"""Walk every string in a report and rewrite it: the basis of both redaction levels.

`map_strings` copies a Report with a function applied to every free-text field and to
every key and value inside JSON data (evidence, target, options, environment, ...).
Verdicts, the format name and the version are vocabulary, not text, and are left alone,
so a redacted report always loads back.

`scrub_secrets` is the secrets level, applied to everything that leaves the program:
the run's known secrets and secret-bearing patterns (net/redact.py), and any string
stored under a key that names a secret (`password`, `access_token`, `cookie`, ...).
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.model import Evidence, JSONValue, Remedy, Report, Step
from assistant.net.redact import MASK, Redactor, is_secret_field
from assistant.text import map_text

TextFn = Callable[[str], str]
DataFn = Callable[[JSONValue], JSONValue]


def map_strings(report: Report, text: TextFn, data: DataFn | None = None) -> Report:
    """A copy of `report` with `text` applied to its text fields and `data` (by default:
    `text` on every key and string value) to its JSON data."""
    on_data = data or (lambda value: map_json(value, text))

    def prose(value: str) -> str:  # keeps engine text translatable (assistant/text.py)
        return map_text(value, text)

    def remedy(r: Remedy) -> Remedy:
        return Remedy(prose(r.text), None if r.link is None else text(r.link))

    def step(s: Step) -> Step:
        return Step(
            id=text(s.id),
            title=prose(s.title),
            status=s.status,
            summary=prose(s.summary),
            details=prose(s.details),
            remedy=None if s.remedy is None else remedy(s.remedy),
            evidence=[Evidence(text(e.kind), prose(e.label), on_data(e.data)) for e in s.evidence],
            duration_ms=s.duration_ms,
            children=[step(c) for c in s.children],
        )

    def mapping(value: dict[str, JSONValue]) -> dict[str, JSONValue]:
        out = on_data(value)
        return out if isinstance(out, dict) else {}

    return Report(
        tool={text(k): text(v) for k, v in report.tool.items()},
        created=text(report.created),
        target=mapping(report.target),
        options=mapping(report.options),
        steps=[step(s) for s in report.steps],
        format=report.format,
        version=report.version,
        environment=mapping(report.environment),
        run=mapping(report.run),
        redaction=dict(report.redaction),
    )


def map_json(value: JSONValue, text: TextFn) -> JSONValue:
    """`text` applied to every string and every object key, at any depth."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, list):
        return [map_json(item, text) for item in value]
    if isinstance(value, dict):
        return {text(str(key)): map_json(item, text) for key, item in value.items()}
    return value


def secret_json(value: JSONValue, redactor: Redactor) -> JSONValue:
    """Redact known secrets and patterns everywhere, and mask every string stored under a
    key that names a secret (numbers and nulls stay, so `"code": 250` is kept)."""
    if isinstance(value, str):
        return redactor(value)
    if isinstance(value, list):
        return [secret_json(item, redactor) for item in value]
    if isinstance(value, dict):
        return {
            redactor(str(key)): (
                _mask_strings(item, redactor)
                if is_secret_field(str(key))
                else secret_json(item, redactor)
            )
            for key, item in value.items()
        }
    return value


def _mask_strings(value: JSONValue, redactor: Redactor) -> JSONValue:
    """Everything under a secret's key: strings masked; numbers, nulls and keys kept."""
    if isinstance(value, str):
        return MASK
    if isinstance(value, list):
        return [_mask_strings(item, redactor) for item in value]
    if isinstance(value, dict):
        return {redactor(str(k)): _mask_strings(item, redactor) for k, item in value.items()}
    return value


def scrub_secrets(report: Report, redactor: Redactor) -> Report:
    """The secrets level of redaction; always applied before a report is written."""
    return map_strings(report, redactor, lambda value: secret_json(value, redactor))
