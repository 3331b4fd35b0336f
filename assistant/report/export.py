"""Writing the exports a user asked for (--json, --html, --pdf, --bundle), for the CLI's
`check` and `report render` alike, and one file at a time for the wizard's Export page
(write_export). Every file goes through export_prep.prepare: secrets masked always,
identities replaced when asked; the bundle prepares its members itself.

HTML and PDF are written in the language of `translate` (assistant/report/language.py;
English by default); the support bundle, read by support, stays in English."""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.config import InputError
from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report import bundle, html
from assistant.report.atomic import atomic_write_text
from assistant.report.export_prep import prepare
from assistant.report.language import ENGLISH, catalogue
from assistant.report.output_path import output_path_problem
from assistant.text import Translate, msg

KINDS = ("json", "html", "pdf", "bundle")  # what a report can be written as


class ExportError(Exception):
    """An export could not be written; the message is one plain line."""


@dataclass(frozen=True)
class ExportRequest:
    json: str | None = None
    html: str | None = None
    pdf: str | None = None
    bundle: str | None = None
    redact_identities: bool = False
    identity_names: tuple[str, ...] = field(default=())
    language: str = "en"  # of the HTML and PDF (--lang)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> ExportRequest:
        return cls(
            json=getattr(args, "json", None),
            html=getattr(args, "html", None),
            pdf=getattr(args, "pdf", None),
            bundle=getattr(args, "bundle", None),
            redact_identities=bool(getattr(args, "redact_identities", False)),
            language=str(getattr(args, "lang", None) or "en"),
        )

    def signed_in_as(self, username: str | None) -> ExportRequest:
        """The same request, also treating the login name as an identity to replace."""
        if not username:
            return self
        return dataclasses.replace(self, identity_names=(*self.identity_names, username))

    def paths(self) -> list[tuple[str, str]]:
        pairs = (("--json", self.json), ("--html", self.html), ("--pdf", self.pdf))
        return [(flag, p) for flag, p in (*pairs, ("--bundle", self.bundle)) if p]

    def check_paths(self) -> None:
        """Refuse, before any network traffic, an output that cannot be written
        (output_path.py: a missing or read-only folder, a name too long, a destination
        that is a folder, a symbolic link or a device)."""
        for flag, path in self.paths():
            problem = output_path_problem(path)
            if problem is not None:
                raise InputError(
                    msg("{flag} {path}: {problem}", flag=flag, path=path, problem=problem)
                )


def write_exports(
    report: Report,
    redactor: Redactor,
    request: ExportRequest,
    *,
    log: str | None = None,
    translate: Translate | None = None,
) -> list[str]:
    """Write every requested file; return notes for the user. Raises ExportError (one
    line) for the first file that cannot be written; files already written stay.
    `translate` None: the request's language, from our catalogue."""
    notes: list[str] = []
    if not request.paths():
        return notes
    if translate is None:
        translate = catalogue(request.language)
    identities = request.redact_identities
    names = request.identity_names
    ready = prepare(report, redactor, redact_identities=identities, identity_names=names)
    for path, kind in (
        (request.json, "json"),
        (request.html, "html"),
        (request.pdf, "pdf"),
        (request.bundle, "bundle"),
    ):
        if path is None:
            continue
        try:
            notes += _write(report, ready, redactor, path, kind, log, identities, names, translate)
        except OSError as exc:
            raise ExportError(f"could not write {path}: {exc.strerror or exc}") from None
    return notes


def write_export(
    report: Report,
    redactor: Redactor,
    path: str,
    kind: str,
    *,
    log: str | None = None,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
    translate: Translate = ENGLISH,
) -> list[str]:
    """Write one file of `kind` (one of KINDS); return notes for the user. Raises
    OSError when it cannot be written. `log` (the run log) only goes into a bundle; None
    for a report opened from a file."""
    if kind not in KINDS:
        raise ValueError(f"no such kind of export: {kind!r}")
    names = tuple(n for n in identity_names if n)
    ready = (
        report
        if kind == "bundle"  # prepares its members itself
        else prepare(report, redactor, redact_identities=redact_identities, identity_names=names)
    )
    return _write(report, ready, redactor, path, kind, log, redact_identities, names, translate)


def _write(
    report: Report,
    ready: Report,
    redactor: Redactor,
    path: str,
    kind: str,
    log: str | None,
    redact_identities: bool,
    identity_names: tuple[str, ...],
    translate: Translate = ENGLISH,
) -> list[str]:
    """One file: `ready` is `report` through prepare (the bundle takes `report` itself).
    The writers are looked up on their modules at each call, so a test may wrap one."""
    if kind == "json":
        atomic_write_text(path, json.dumps(ready.to_dict(), indent=2, ensure_ascii=False) + "\n")
    elif kind == "html":
        page = html.render_html(ready, redactor, prepared=True, translate=translate)
        atomic_write_text(path, page)
    elif kind == "pdf":
        # fpdf2 and fontTools take a quarter of a second to import: only when a PDF is made.
        from assistant.report import pdf

        return pdf.render_pdf(ready, redactor, path, prepared=True, translate=translate)
    else:
        bundle.write_bundle(
            report,
            redactor,
            path,
            log=log,
            redact_identities=redact_identities,
            identity_names=identity_names,
        )
    return []
