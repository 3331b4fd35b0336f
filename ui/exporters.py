"""Which report formats this build can write, and writing one (called on a worker thread).

JSON comes from assistant.report.json_report. HTML, PDF and the support bundle are found
at run time: the wizard offers `html` once `assistant.report.html.render_html(report,
redactor) -> str` exists, `pdf` once `assistant.report.pdf.render_pdf(report, redactor,
path)` does (and its libraries import), and `bundle` once
`assistant.report.bundle.write_bundle(report, redactor, path)` does. No Qt here.

Every file goes through assistant.report.export_prep.prepare, as the command line's do
(assistant.report.export.write_exports): secrets masked always, identities (mailbox
names, people, internal host names and IPs) replaced by placeholders when asked, with
the signed-in name among them. The bundle prepares its members itself, with one mapping
for the report and the run log."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report.atomic import atomic_write_text
from assistant.report.export_prep import prepare


def _find(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def available() -> list[str]:
    kinds = ["json"]
    if _find("assistant.report.html", "render_html") is not None:
        kinds.append("html")
    if _find("assistant.report.pdf", "render_pdf") is not None:
        kinds.append("pdf")
    if _find("assistant.report.bundle", "write_bundle") is not None:
        kinds.append("bundle")
    return kinds


def export(
    report: Report,
    redactor: Redactor,
    path: str,
    kind: str,
    *,
    log: str | None = None,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
) -> str:
    """Write the report; returns the path. Raises OSError when the file cannot be written.
    `log` (the run log) only goes into a bundle; None for a report opened from a file."""
    names = tuple(n for n in identity_names if n)
    if kind == "bundle":
        write_bundle = _find("assistant.report.bundle", "write_bundle")
        if write_bundle is None:
            raise ValueError("Support bundles are not available in this build")
        write_bundle(
            report,
            redactor,
            path,
            log=log,
            redact_identities=redact_identities,
            identity_names=names,
        )
        return path
    ready = prepare(report, redactor, redact_identities=redact_identities, identity_names=names)
    if kind == "html":
        render = _find("assistant.report.html", "render_html")
        if render is None:
            raise ValueError("HTML export is not available in this build")
        atomic_write_text(path, render(ready, redactor, prepared=True))
    elif kind == "pdf":
        render_pdf = _find("assistant.report.pdf", "render_pdf")
        if render_pdf is None:
            raise ValueError("PDF export is not available in this build")
        render_pdf(ready, redactor, path, prepared=True)
    else:
        atomic_write_text(path, json.dumps(ready.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return path
