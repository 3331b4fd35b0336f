"""Writing the exports a user asked for (--json, --html, --pdf, --bundle), for the CLI's
`check` and `report render` alike. The GUI calls the writers directly."""

from __future__ import annotations

import argparse
import dataclasses
import json
from dataclasses import dataclass, field

from assistant.config import InputError
from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report.atomic import atomic_write_text
from assistant.report.bundle import write_bundle
from assistant.report.export_prep import prepare
from assistant.report.html import render_html
from assistant.report.output_path import output_path_problem
from assistant.report.pdf import render_pdf
from assistant.text import msg


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

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> ExportRequest:
        return cls(
            json=getattr(args, "json", None),
            html=getattr(args, "html", None),
            pdf=getattr(args, "pdf", None),
            bundle=getattr(args, "bundle", None),
            redact_identities=bool(getattr(args, "redact_identities", False)),
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
) -> list[str]:
    """Write every requested file; return notes for the user. Raises ExportError (one
    line) for the first file that cannot be written; files already written stay."""
    notes: list[str] = []
    if not request.paths():
        return notes
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
            if kind == "json":
                text = json.dumps(ready.to_dict(), indent=2, ensure_ascii=False) + "\n"
                atomic_write_text(path, text)
            elif kind == "html":
                atomic_write_text(path, render_html(ready, redactor, prepared=True))
            elif kind == "pdf":
                notes += render_pdf(ready, redactor, path, prepared=True)
            else:
                write_bundle(
                    report,
                    redactor,
                    path,
                    log=log,
                    redact_identities=identities,
                    identity_names=names,
                )
        except OSError as exc:
            raise ExportError(f"could not write {path}: {exc.strerror or exc}") from None
    return notes
