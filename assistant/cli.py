"""Headless entry point: the same checks and report as the wizard, with exit codes.

Exit codes: 0 nothing failed, 1 a check failed (or the tool broke on one), 2 bad
usage, 130 cancelled with Ctrl-C. Input errors become one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn, TextIO

from assistant import interrupts

if __name__ == "__main__":
    # `python -m assistant.cli`: Ctrl-C during the half second of imports below is only
    # remembered, and main() stops first thing; raised, it printed a traceback of importlib
    # frames, or landed in an importlib callback and was lost (interrupts.py).
    interrupts.latch(raising=False)

from assistant import __version__
from assistant.auth.credentials import Credentials, PasswordCredential
from assistant.batch_output import add_batch_arguments, run_batch
from assistant.checks.registry import areas, select
from assistant.cli_auth import add_oauth_arguments, oauth_credential_from
from assistant.cli_integration import add_integration_arguments, integration_plan_from
from assistant.cli_relay import add_relay_arguments, relay_plan_from
from assistant.config import (
    DEADLINE_RANGE,
    TIMEOUT_RANGE,
    ConnectTo,
    InputError,
    NetworkOptions,
    Target,
    check_sign_in_name,
    parse_cloud,
    parse_nameserver,
)
from assistant.diagnosis import Diagnosis, Outcome
from assistant.events import CheckFinished, CheckStarted, Event, ProvisionalResult, SignInPrompt
from assistant.integration_plan import IntegrationPlan
from assistant.mail_endpoints import MAIL_PROTOCOLS
from assistant.model import Status, Step
from assistant.net.ca_bundle import check_ca_bundle
from assistant.network_addresses import parse_trusted_host
from assistant.relay_plan import RelayPlan
from assistant.report.cli import add_export_arguments, add_report_parser, run_report
from assistant.report.export import ExportError, ExportRequest, write_exports
from assistant.settings_names import cli_flags
from assistant.text import msg

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130

_MARK = {
    Status.PASS: "ok  ",
    Status.WARN: "WARN",
    Status.FAIL: "FAIL",
    Status.ERROR: "ERR ",
    Status.SKIP: "skip",
    Status.INFO: "info",
    Status.CANCELLED: "stop",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="connectivity-assistant",
        description="Find out why mail clients, apps and servers cannot reach Exchange.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="run checks against a mailbox or domain")
    who = check.add_mutually_exclusive_group(required=True)
    who.add_argument("--email", help="the mailbox address to test")
    who.add_argument("--domain", help="a domain to test (when there is no mailbox)")
    add_batch_arguments(check, who)
    check.add_argument(
        "--cloud", default="worldwide", help="worldwide, gcc-high, dod, china, onprem"
    )
    check.add_argument("--checks", help=f"comma-separated areas or IDs ({', '.join(areas())})")
    check.add_argument("--nameserver", action="append", default=[], metavar="IP[:PORT]")
    check.add_argument("--ca-bundle", metavar="FILE", help="trust only these CA certificates")
    check.add_argument("--connect-to", action="append", default=[], metavar="H:P:H2:P2")
    check.add_argument(
        "--proxy",
        metavar="http://HOST:PORT",
        help="web proxy for HTTPS (autodiscover, EWS, MAPI, sign-in); DNS and mail go direct",
    )
    check.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="S",
        help=f"seconds per network operation, {TIMEOUT_RANGE[0]:g} to {TIMEOUT_RANGE[1]:g} "
        "(default 10)",
    )
    check.add_argument(
        "--check-deadline",
        type=float,
        default=60.0,
        metavar="S",
        help=f"seconds per check, at least --timeout and at most {DEADLINE_RANGE[1]:g} "
        "(default 60)",
    )
    check.add_argument("--json", metavar="FILE", help="write the JSON report here")
    add_export_arguments(check)
    check.add_argument("--user", metavar="LOGIN", help="sign-in name (default: the email address)")
    secret = check.add_mutually_exclusive_group()
    secret.add_argument("--password-env", metavar="NAME", help="read the password from $NAME")
    secret.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    secret.add_argument(
        "--no-password", action="store_true", help="do not ask; run only anonymous checks"
    )
    check.add_argument(
        "--trust-host",
        action="append",
        default=[],
        metavar="HOST",
        help="allow credentials to this host outside your domain for this run",
    )
    check.add_argument("--quiet", action="store_true", help="no live progress on stderr")
    add_oauth_arguments(check)
    for protocol, example in (
        ("imap", "outlook.office365.com:993:ssl"),
        ("pop", "outlook.office365.com:995:ssl"),
        ("smtp", "smtp.office365.com:587:starttls"),
    ):
        check.add_argument(
            f"--{protocol}",
            metavar="HOST[:PORT][:ssl|starttls|none]",
            help=f"the {protocol.upper()} server to test instead of the one autodiscover or "
            f"the cloud names (e.g. {example})",
        )
    add_relay_arguments(check)
    add_integration_arguments(check)

    lab = sub.add_parser("lab", help="start the built-in demo lab and print how to point at it")
    lab.add_argument("--scenario", default="healthy", help="which lab domain fault to serve")
    lab.add_argument("--list", action="store_true", help="list the scenarios")
    lab.add_argument("--delay-ms", type=int, default=0, help="delay every lab reply (ms)")
    lab.add_argument(
        "--connect-delay-ms", type=int, default=0, help="delay every lab connection (ms)"
    )
    lab.add_argument(
        "--black-hole",
        action="append",
        default=[],
        metavar="HOST[:PORT]",
        help="drop every packet to this lab host (or port), as a firewall would",
    )

    demo = sub.add_parser("demo", help="run every check against the built-in lab")
    demo.add_argument("--scenario", default="healthy")
    demo.add_argument("--json", metavar="FILE")
    demo.add_argument(
        "--oauth", action="store_true", help="sign in with a device code at the lab's Entra ID"
    )
    add_export_arguments(demo)
    add_report_parser(sub)
    return parser


def options_from(args: argparse.Namespace) -> NetworkOptions:
    if args.ca_bundle is not None:
        check_ca_bundle(args.ca_bundle)  # builds the run's TLS context now, not mid-run
    return NetworkOptions(
        trusted_hosts=frozenset(parse_trusted_host(h) for h in args.trust_host),
        nameservers=tuple(parse_nameserver(n) for n in args.nameserver),
        connect_to=tuple(ConnectTo.parse(c) for c in args.connect_to),
        ca_bundle=args.ca_bundle,
        http_proxy=args.proxy,
        timeout=args.timeout,
        check_deadline=args.check_deadline,
        endpoints=tuple(
            (protocol, text)
            for protocol in MAIL_PROTOCOLS
            if (text := getattr(args, protocol, None)) is not None
        ),
    )


def check_names_from(text: str | None) -> list[str] | None:
    """--checks as a list of names; None (every check) only when the option is absent.
    A value with no name in it (`--checks ,`) is refused rather than read as "all": that
    would run the checks that send credentials when the user meant to run fewer."""
    if text is None:
        return None
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise InputError("--checks names no check: give areas or check IDs, e.g. --checks dns")
    return names


def credentials_from(
    args: argparse.Namespace, target: Target, check_ids: Sequence[str] = ()
) -> Credentials | None:
    """The password comes from the environment, stdin or a prompt; never from argv. With
    --auth oauth-*, an OAuth credential (cli_auth.py) that signs in during the run."""
    oauth = oauth_credential_from(args, target, check_ids)
    if oauth is not None:
        return oauth
    username = (check_sign_in_name(args.user) if args.user else None) or target.email
    if args.no_password or username is None:
        return None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if password is None:
            raise InputError(f"--password-env {args.password_env}: that variable is not set")
    elif args.password_stdin:
        password = _stdin_line()
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password for {username} (Enter for none): ")
    else:
        return None
    if not password:
        return None
    if not _is_text(password):
        # Bytes that are not UTF-8 arrive as lone surrogates (os.environ, getpass): no wire
        # can carry them, and an encoder's complaint would quote a password character.
        raise InputError(
            msg(
                "the password is not valid UTF-8 text: check the encoding of the terminal "
                "or of the variable that holds it"
            )
        )
    return PasswordCredential(username, password)


def _stdin_line() -> str:
    raw = sys.stdin.buffer.readline().rstrip(b"\r\n")
    return raw.decode("utf-8", errors="surrogateescape")


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run_checks(
    target: Target,
    options: NetworkOptions,
    check_names: Sequence[str] | None,
    *,
    json_path: str | None,
    out: TextIO,
    err: TextIO | None,
    credentials: Credentials | None = None,
    exports: ExportRequest | None = None,
    relay: RelayPlan | None = None,
    integration: IntegrationPlan | None = None,
) -> int:
    """Run a diagnosis with live progress on `err`, the summary on `out`, the files
    asked for written; returns the exit code."""

    def on_event(event: Event) -> None:
        if isinstance(event, SignInPrompt):  # shown even with --quiet: the user must act
            print(f"\n{event.prompt.text()}\n(Ctrl-C cancels.)\n", file=sys.stderr, flush=True)
            return
        if err is None:
            return
        if isinstance(event, CheckStarted):
            print(f"  ... {event.check_id}", file=err, flush=True)
        elif isinstance(event, CheckFinished):
            step = event.step
            summary = cli_flags(step.summary)
            print(f"  {_MARK[step.status]} {step.id}: {summary}", file=err, flush=True)
        elif isinstance(event, ProvisionalResult):  # autodiscover's first usable answer
            print(f"  ~    {event.step.id}: {cli_flags(event.step.summary)}", file=err, flush=True)

    if relay is not None and not relay.sends and err is not None:
        print("note: no test message is sent without --send-test-to", file=err, flush=True)
    diagnosis = Diagnosis(
        target,
        options,
        check_names,
        credentials=credentials,
        on_event=on_event,
        relay=relay,
        integration=integration,
    )
    outcome = _run_until_done(diagnosis)
    print_summary(outcome.steps, out)
    request = (exports or ExportRequest(json=json_path)).signed_in_as(
        credentials.username if credentials else None
    )
    try:
        log = diagnosis.runlog.text()
        for note in write_exports(outcome.report, diagnosis.redactor, request, log=log):
            print(f"note: {note}", file=sys.stderr)
    except ExportError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    if outcome.cancelled:
        return EXIT_CANCELLED
    failed = any(s.status in (Status.FAIL, Status.ERROR) for s in outcome.steps)
    return EXIT_FAILED if failed else EXIT_OK


def _run_until_done(diagnosis: Diagnosis) -> Outcome:
    """The diagnosis on a thread of its own, so Ctrl-C on this one cancels it."""
    ended: list[Outcome] = []
    broke: list[BaseException] = []
    # Waited on with an Event, not Thread.join: Python 3.11's join, interrupted by Ctrl-C,
    # can mark the thread stopped while it still runs, so a later join returned at once and
    # the outcome was not there yet (IndexError; bench/cancel_stress.py found it).
    done = threading.Event()

    def work() -> None:
        try:
            ended.append(diagnosis.run())
        except BaseException as exc:  # raised again on this thread, below
            broke.append(exc)
        finally:
            done.set()

    # While it runs, Ctrl-C is a flag, not an exception: a KeyboardInterrupt raised wherever
    # this thread happens to be (once inside importlib's module-lock callback, "Exception
    # ignored") can leave the import lock held, and every check thread that imports hangs
    # for good (1 run in 200 in bench/cancel_stress.py).
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, interrupts.remember)
    if interrupts.heard():  # lost earlier (interrupts.py): the run starts cancelled
        diagnosis.cancel()
        interrupts.say_cancelled()
    worker = threading.Thread(target=work, name="ca-cli-run")
    try:
        worker.start()
        while not done.wait(0.1):
            interrupts.raise_if_heard()
    except KeyboardInterrupt:
        diagnosis.cancel()
        done.wait()
        interrupts.say_cancelled()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if broke:
        raise broke[0]
    return ended[0]


def run_demo(
    scenario: str = "healthy",
    *,
    json_path: str | None = None,
    exports: ExportRequest | None = None,
    oauth: bool = False,
    check_names: Sequence[str] | None = None,
) -> int:
    """`demo`: diagnose one lab domain (assistant/lab/cli.py demo_lab) as `check` would a
    real one; every check unless `check_names` says otherwise."""
    from assistant.lab.cli import demo_lab  # the lab's servers load only for the demo

    interrupts.raise_if_heard()  # a Ctrl-C lost in the imports: no lab to start and stop
    with demo_lab(scenario, oauth=oauth) as demo:
        interrupts.raise_if_heard()  # ... or lost while the lab started
        return run_checks(
            demo.target,
            demo.options,
            check_names if check_names is not None else demo.check_names,
            json_path=json_path,
            exports=exports,
            out=sys.stdout,
            err=sys.stderr,
            credentials=demo.credentials,
            relay=demo.relay,
            integration=demo.integration,
        )


def print_summary(steps: Sequence[Step], out: TextIO) -> None:
    for step in steps:
        print(f"{_MARK[step.status]}  {step.id:<18} {cli_flags(step.summary)}", file=out)
        for sub in step.children if step.status.is_problem else ():
            if sub.status.is_problem:
                said = cli_flags(sub.summary)
                print(f"{'':6}{_MARK[sub.status]} {sub.title}: {said}", file=out)
        if step.status.is_problem and step.remedy is not None:
            print(f"{'':6}fix: {cli_flags(step.remedy.text)}", file=out)
            if step.remedy.link:
                print(f"{'':11}{step.remedy.link}", file=out)
    counts: dict[str, int] = {}
    for step in steps:
        counts[step.status.value] = counts.get(step.status.value, 0) + 1
    print("summary: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())), file=out)


def main(argv: Sequence[str] | None = None) -> int:
    with interrupts.latched():
        if interrupts.heard():  # during the imports (see the top of this module)
            interrupts.say_cancelled()
            return EXIT_CANCELLED
        code = _main(argv)
    if interrupts.heard() and code != EXIT_CANCELLED:
        # Ctrl-C came and was lost somewhere no checkpoint saw it (interrupts.py), or came
        # as the run ended: what ran was reported, but the command was still interrupted.
        # (Exit 130: the command said how it stopped, as batch mode's summary does.)
        interrupts.say_cancelled()
        return EXIT_CANCELLED
    return code


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            cloud = parse_cloud(args.cloud)
            if args.domains_file is not None:  # batch mode (batch.py): DNS checks only
                names = check_names_from(args.checks)
                return run_batch(args, options_from(args), names, cloud)
            if args.email is not None:
                target = Target.parse_email(args.email, cloud)
            else:
                target = Target.parse(args.domain, cloud)
            options = options_from(args)
            names = check_names_from(args.checks)
            planned = select(names)  # validate before any network traffic
            relay = relay_plan_from(args, target, [c.id for c in planned])
            integration = integration_plan_from(args, [c.id for c in planned])
            exports = ExportRequest.from_args(args)
            exports.check_paths()
            return run_checks(
                target,
                options,
                names,
                json_path=args.json,
                out=sys.stdout,
                err=None if args.quiet else sys.stderr,
                credentials=credentials_from(args, target, [c.id for c in planned]),
                exports=exports,
                relay=relay,
                integration=integration,
            )
        if args.command == "report":
            return run_report(args)
        if args.command == "lab":
            from assistant.lab.cli import run_lab

            return run_lab(
                args.scenario,
                list_only=args.list,
                delay_ms=args.delay_ms,
                connect_delay_ms=args.connect_delay_ms,
                black_holes=args.black_hole,
            )
        exports = ExportRequest.from_args(args)
        exports.check_paths()
        return run_demo(args.scenario, exports=exports, oauth=args.oauth)
    except KeyboardInterrupt:
        # Ctrl-C outside a diagnosis (the demo's lab starting or stopping, a report being
        # written): the lab's leftovers go at exit (assistant/lab/leftovers.py); no traceback.
        interrupts.say_cancelled()
        return EXIT_CANCELLED
    except InputError as exc:
        # One line whatever the input held (a path or name with a line break in it).
        said = str(cli_flags(exc.message))
        print(f"connectivity-assistant: {' '.join(said.split())}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
