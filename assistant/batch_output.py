"""Batch mode's command line: its options, what each finished domain writes, the summary.

Per finished domain (batch.py calls `on_result` one at a time): one compact JSON line on
stdout, flushed, and one CSV row, flushed, so a batch stopped half-way leaves files that
are complete for every domain they name. Bad lines of the file and the closing summary
go to stderr.

The figures an admin sorts a spreadsheet by (SPF lookup count, DMARC policy, MX hosts)
are read from the steps' own evidence and texts, not looked up again.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from assistant import interrupts
from assistant.batch import (
    DEFAULT_PARALLEL,
    MAX_PARALLEL,
    BadLine,
    Batch,
    DomainResult,
    batch_checks,
    open_domains_file,
    read_domains,
)
from assistant.batch_procs import MAX_PROCESSES, ProcessBatch, can_fork_children
from assistant.checks.policy.dmarc import dmarc_records_in, parse_dmarc
from assistant.config import InputError, NetworkOptions
from assistant.facts import Cloud
from assistant.model import Status, Step, worst
from assistant.text import Joined, Message, msg

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130
SPF_COUNT_TEMPLATES = ("{lookups} DNS lookups, {void} void", "1 DNS lookup, {void} void")
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads these as a formula


def add_batch_arguments(check: argparse.ArgumentParser, who: Any) -> None:
    """--domains-file (beside --email/--domain in `who`), --parallel, --csv."""
    who.add_argument(
        "--domains-file",
        metavar="FILE",
        help="batch mode: run the DNS checks for every domain in FILE (one per line, "
        "# comments); only dns and dns.* checks (default: all of them); a JSON line per "
        "domain on stdout as each finishes",
    )
    check.add_argument(
        "--parallel",
        type=int,
        default=DEFAULT_PARALLEL,
        metavar="N",
        help=f"batch mode: domains checked at once, 1 to {MAX_PARALLEL} "
        f"(default {DEFAULT_PARALLEL})",
    )
    check.add_argument(
        "--processes",
        type=int,
        default=1,
        metavar="N",
        help=f"batch mode: spread the domains over N processes (1 to {MAX_PROCESSES}; "
        "default 1), for big files on a PC with many cores; not in the packaged app",
    )
    check.add_argument(
        "--csv",
        metavar="PATH",
        help="batch mode: write the table here (default: FILE's name with .dns.csv, beside it)",
    )


def default_csv_path(domains_file: str) -> str:
    path = Path("domains" if domains_file == "-" else domains_file)
    return str(path.with_name(f"{path.stem}.dns.csv"))


def run_batch(
    args: argparse.Namespace,
    options: NetworkOptions,
    check_names: Sequence[str] | None,
    cloud: Cloud,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """`check --domains-file`: the batch, with Ctrl-C stopping it; the exit code. `out`
    and `err` default to sys.stdout and sys.stderr as they are when called."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    if any(getattr(args, option, None) for option in ("json", "html", "pdf", "bundle")):
        raise InputError(
            msg("batch mode writes JSON lines and a CSV; the report files are for one domain")
        )
    if not 1 <= args.processes <= MAX_PROCESSES:
        raise InputError(
            msg(
                "the number of processes must be 1 to {most}, not {value}",
                most=MAX_PROCESSES,
                value=args.processes,
            )
        )
    if not 1 <= args.parallel <= MAX_PARALLEL:
        raise InputError(
            msg(
                "the number of domains checked at once must be 1 to {most}, not {value}",
                most=MAX_PARALLEL,
                value=args.parallel,
            )
        )
    checks = batch_checks(check_names)
    csv_path = args.csv or default_csv_path(args.domains_file)
    if Path(csv_path).resolve() == Path(args.domains_file).resolve():
        raise InputError(msg("the CSV would overwrite the domains file {path}", path=csv_path))
    stream = open_domains_file(args.domains_file)
    try:
        table = _open_csv(csv_path)
    except InputError:
        stream.close()
        raise
    writer = ResultWriter(out, table, [c.id for c in checks])
    batch: Batch | ProcessBatch
    if args.processes > 1 and can_fork_children():
        per_child = -(-args.parallel // args.processes)
        batch = ProcessBatch(child_argv(args, per_child), args.processes, per_child)
        on_result: Any = writer.write_line
    else:
        batch = Batch(checks, options, cloud=cloud, parallel=args.parallel)
        on_result = writer.write
    started = time.monotonic()
    with stream, table:

        def bad_line(line: BadLine) -> None:
            writer.bad_lines += 1
            said = msg("line {line}: {reason}; skipped", line=line.number, reason=line.reason)
            print(f"{args.domains_file}:{said}", file=err, flush=True)

        _run_until_done(batch, read_domains(stream), on_result, bad_line)
    elapsed = time.monotonic() - started
    print(writer.summary(elapsed, stopped=batch.cancelled), file=err, flush=True)
    if batch.cancelled:
        return EXIT_CANCELLED
    if isinstance(batch, ProcessBatch) and batch.lost:
        print(
            msg("{count} domains were not checked: a worker process ended early", count=batch.lost),
            file=err,
        )
        return EXIT_FAILED
    if not writer.verdicts:
        print(msg("the domains file names no domain"), file=err)
        return EXIT_USAGE
    failed = writer.verdicts[Status.FAIL] + writer.verdicts[Status.ERROR]
    return EXIT_FAILED if failed else EXIT_OK


def _open_csv(path: str) -> TextIO:
    try:
        # utf-8-sig: Excel reads the file as UTF-8 only with the byte-order mark.
        return open(path, "w", encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(
            msg("cannot write the CSV {path}: {error}", path=path, error=exc.strerror or str(exc))
        ) from None


def child_argv(args: argparse.Namespace, parallel: int) -> list[str]:
    """A child process's command line: this run's checks and network options, its share
    of --parallel, domains from stdin, no CSV (this process writes the one CSV)."""
    argv = ["check", "--domains-file", "-", "--csv", os.devnull, "--processes", "1"]
    argv += ["--parallel", str(parallel), "--cloud", args.cloud, "--timeout", str(args.timeout)]
    argv += ["--check-deadline", str(args.check_deadline)]
    if args.checks is not None:
        argv += ["--checks", args.checks]
    for option, values in (("--nameserver", args.nameserver), ("--connect-to", args.connect_to)):
        for value in values:
            argv += [option, value]
    for option, value in (("--proxy", args.proxy), ("--ca-bundle", args.ca_bundle)):
        if value is not None:
            argv += [option, value]
    return argv


def _run_until_done(
    batch: Batch | ProcessBatch, lines: Iterator[Any], on_result: Any, bad_line: Any
) -> None:
    """The batch on a thread of its own, so Ctrl-C on this one cancels it."""
    broke: list[BaseException] = []

    def work() -> None:
        try:
            batch.run(lines, on_result, bad_line)
        except BaseException as exc:  # raised again on this thread, below
            broke.append(exc)

    worker = threading.Thread(target=work, name="ca-batch-main", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
            interrupts.raise_if_heard()  # one lost in a callback still stops the batch
    except KeyboardInterrupt:
        batch.cancel()
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C: already stopping
            worker.join(2.0)  # run() returns at once after a cancel; this only bounds a bug
    if broke:
        raise broke[0]


class ResultWriter:
    """Writes each finished domain as a JSON line and a CSV row, and counts verdicts."""

    def __init__(self, out: TextIO, table: TextIO, check_ids: Sequence[str]) -> None:
        self._out = out
        self._table = table
        self._check_ids = list(check_ids)
        self._csv = csv.writer(table)
        figures = ("spf_lookups", "spf_void_lookups", "dmarc_policy", "mx_hosts", "elapsed_ms")
        self._csv.writerow(["domain", "verdict", *self._check_ids, *figures])
        table.flush()
        self.verdicts: Counter[Status] = Counter()
        self.bad_lines = 0

    def write(self, result: DomainResult) -> None:
        self.write_line(result_line(result))

    def write_line(self, line: dict[str, Any]) -> None:
        """One domain's line (result_line's form, from here or a child process)."""
        self.verdicts[Status(line["verdict"])] += 1
        print(json.dumps(line, ensure_ascii=False, separators=(",", ":")), file=self._out)
        self._out.flush()
        checks = line["checks"]
        statuses = [checks[i]["status"] if i in checks else "" for i in self._check_ids]
        spf = line["spf_lookups"], line["spf_void_lookups"]
        row = [line["domain"], line["verdict"], *statuses, *("" if n is None else n for n in spf)]
        row += [line["dmarc_policy"] or "", " ".join(line["mx"]), line["elapsed_ms"]]
        self._csv.writerow([_cell(v) for v in row])
        self._table.flush()

    def summary(self, elapsed: float, *, stopped: bool) -> str:
        done = sum(self.verdicts.values())
        counts = ", ".join(f"{self.verdicts[s]} {s.value}" for s in Status if self.verdicts[s])
        said = msg(
            "{done} domains in {seconds} s ({rate} domains/s): {counts}; {bad} bad lines skipped",
            done=done,
            seconds=f"{elapsed:.1f}",
            rate=f"{done / elapsed if elapsed > 0 else 0.0:.1f}",
            counts=counts or "-",
            bad=self.bad_lines,
        )
        return str(msg("stopped: {summary}", summary=said) if stopped else said)


def result_line(result: DomainResult) -> dict[str, Any]:
    """One domain's JSON line: the overall verdict, each check's status and summary, and
    the figures (SPF lookups, DMARC policy, MX hosts)."""
    by_id = {step.id: step for step in result.steps}
    lookups, void = spf_counts(by_id.get("dns.spf"))
    return {
        "domain": result.domain,
        "line": result.line,
        "verdict": worst([s.status for s in result.steps]).value,
        "checks": {
            s.id: {"status": s.status.value, "summary": str(s.summary)} for s in result.steps
        },
        "spf_lookups": lookups,
        "spf_void_lookups": void,
        "dmarc_policy": dmarc_policy(by_id.get("dns.dmarc")),
        "mx": mx_hosts(by_id.get("dns.mx")),
        "elapsed_ms": result.elapsed_ms,
    }


def spf_counts(step: Step | None) -> tuple[int | None, int | None]:
    """The DNS-lookup and void-lookup counts dns.spf said (RFC 7208 §4.6.4), or Nones when
    it did not expand a record."""
    if step is None:
        return None, None
    for text in (step.summary, step.details):
        for part in _messages(text):
            if part.template in SPF_COUNT_TEMPLATES:
                lookups = part.args.get("lookups", 1)
                void = part.args.get("void")
                return int(lookups), None if void is None else int(void)
    return None, None


def _messages(text: str) -> Iterator[Message]:
    if isinstance(text, Message):
        yield text
        for arg in text.args.values():
            if isinstance(arg, str):
                yield from _messages(arg)
    elif isinstance(text, Joined):
        for part in text.parts:
            yield from _messages(part)


def _answers(step: Step | None, rdtype: str) -> list[dict[str, Any]]:
    if step is None:
        return []
    return [
        answer
        for evidence in step.evidence
        if evidence.kind == "dns" and isinstance(evidence.data, list)
        for answer in evidence.data
        if isinstance(answer, dict) and answer.get("type") == rdtype
    ]


def dmarc_policy(step: Step | None) -> str | None:
    """p= of the domain's one DMARC record, or None (no record, several, or invalid)."""
    answers = _answers(step, "TXT")
    records = dmarc_records_in(answers[0].get("values", [])) if answers else []
    return parse_dmarc(records[0]).policy if len(records) == 1 else None


def mx_hosts(step: Step | None) -> list[str]:
    """The MX hosts, most preferred first."""
    answers = _answers(step, "MX")
    found: list[tuple[int, str]] = []
    for value in answers[0].get("values", []) if answers else []:
        preference, _, host = str(value).partition(" ")
        if preference.isdigit():
            found.append((int(preference), host.strip().rstrip(".").lower()))
    return [host for _pref, host in sorted(found)]


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_CSV_RISKY):
        return "'" + value
    return value
