"""`connectivity-assistant report render|diff`, and the export options of `check`.

    report render IN.json [--html OUT] [--pdf OUT] [--json OUT] [--bundle OUT]
                          [--redact-identities] [--lang en|zh_CN]
    report diff OLD.json NEW.json

Exit codes: render 0 written, 2 bad input (unreadable or invalid report, unwritable
output); diff 0 no verdict changed, 1 something changed (as diff(1)), 2 bad input.
Problems are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from assistant.config import InputError
from assistant.model import ReportFormatError
from assistant.net.redact import Redactor
from assistant.report.diff import diff_reports, format_diff
from assistant.report.export import ExportError, ExportRequest, write_exports
from assistant.report.json_report import load_json
from assistant.report.language import LANGUAGES

EXIT_OK, EXIT_CHANGED, EXIT_USAGE = 0, 1, 2
PROG = "connectivity-assistant"


def add_export_arguments(parser: argparse.ArgumentParser, *, with_json: bool = False) -> None:
    """--html/--pdf/--bundle/--redact-identities/--lang (and --json where the parser lacks
    it)."""
    if with_json:
        parser.add_argument("--json", metavar="FILE", help="write the JSON report here")
    parser.add_argument("--html", metavar="FILE", help="write the HTML report here")
    parser.add_argument("--pdf", metavar="FILE", help="write the PDF report here")
    parser.add_argument(
        "--bundle", metavar="FILE", help="write a support bundle (.zip: JSON, HTML, log)"
    )
    parser.add_argument(
        "--redact-identities",
        action="store_true",
        help="replace mailbox names, people, internal host names and IPs in what is written",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="the language of the HTML and PDF reports (default: en)",
    )


def add_report_parser(sub: Any) -> None:
    """Register `report` on the main parser's subcommands (`sub` from add_subparsers)."""
    report = sub.add_parser("report", help="render or compare saved JSON reports")
    verbs = report.add_subparsers(dest="report_command", required=True, parser_class=type(report))
    render = verbs.add_parser("render", help="turn a saved JSON report into HTML, PDF, a bundle")
    render.add_argument("input", metavar="IN.json")
    add_export_arguments(render, with_json=True)
    diff = verbs.add_parser("diff", help="what changed between two saved reports")
    diff.add_argument("old", metavar="OLD.json")
    diff.add_argument("new", metavar="NEW.json")


def run_report(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        if args.report_command == "diff":
            old, new = load_json(args.old), load_json(args.new)
            result = diff_reports(old, new)
            for line in format_diff(result, old, new):
                print(line, file=out)
            return EXIT_CHANGED if result.has_changes else EXIT_OK
        request = ExportRequest.from_args(args)
        if not request.paths():
            raise InputError("report render: name at least one output (--html, --pdf, ...)")
        request.check_paths()
        report = load_json(args.input)
        # A saved report was redacted when it was written; the patterns run once more
        # (a hand-edited file may hold an Authorization header or a token).
        for note in write_exports(report, Redactor(), request):
            print(f"note: {note}", file=err)
        for flag, path in request.paths():
            print(f"wrote {path} ({flag.lstrip('-')})", file=out)
        return EXIT_OK
    except (InputError, ReportFormatError, ExportError) as exc:
        print(f"{PROG}: {' '.join(str(exc).split())}", file=err)
        return EXIT_USAGE
