"""Which report formats this build can write, and writing one (called on a worker thread).

JSON comes from assistant.report.json_report. HTML and PDF are found at run time: the
wizard offers `html` once `assistant.report.html.render_html(report, redactor) -> str`
exists, and `pdf` once `assistant.report.pdf.render_pdf(report, redactor, path)` does
(and its libraries import). No Qt here."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report.json_report import write_json


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
    return kinds


def export(report: Report, redactor: Redactor, path: str, kind: str) -> str:
    """Write the report; returns the path. Raises OSError when the file cannot be written."""
    if kind == "html":
        render = _find("assistant.report.html", "render_html")
        if render is None:
            raise ValueError("HTML export is not available in this build")
        text = render(report, redactor)
        tmp = Path(path + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    elif kind == "pdf":
        render_pdf = _find("assistant.report.pdf", "render_pdf")
        if render_pdf is None:
            raise ValueError("PDF export is not available in this build")
        render_pdf(report, redactor, path)
    else:
        write_json(report, path, redactor)
    return path
