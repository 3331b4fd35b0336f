"""`connectivity-assistant`: the GUI with no arguments (or --demo), the headless CLI for
any subcommand. Qt is imported only on the GUI path, so the CLI runs without it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

HELP_WORDS = {"-h", "--help"}
CLI_WORDS = {"check", "lab", "demo", "report", "--version", *HELP_WORDS}
DEFAULT_SCENARIO = "healthy"  # a lab scenario (assistant/lab/zones.py)


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="connectivity-assistant",
        usage="%(prog)s [--demo] [--scenario NAME] [--lang LANG]\n"
        "       %(prog)s {check,lab,demo,report} ...",
        description="Without a subcommand: open the wizard. The subcommands (check, lab, "
        "demo, report) run headless; they are listed below.",
        add_help=False,
    )
    wizard = parser.add_argument_group("the wizard")
    wizard.add_argument(
        "--demo", action="store_true", help="diagnose the built-in lab (no network needed)"
    )
    wizard.add_argument(
        "--scenario",
        metavar="NAME",
        default=DEFAULT_SCENARIO,
        help=f"with --demo: the lab scenario to preselect (default {DEFAULT_SCENARIO}; "
        "`connectivity-assistant lab --list` lists them)",
    )
    wizard.add_argument(
        "--lang", metavar="LANG", help="en or zh_CN (default: the system's language)"
    )
    return parser


def print_help() -> None:
    """`--help`: the wizard's options first, then the subcommands' (the CLI's own help)."""
    print(_gui_parser().format_help())
    print("subcommands:")


def _has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # The engine (0.5 s of imports) loads only on the path that needs it: the wizard shows
    # its first page before it (docs/PERFORMANCE.md).
    if args and args[0] in CLI_WORDS - HELP_WORDS:
        from assistant import interrupts

        # Ctrl-C during the engine's imports: remembered, and cli.main stops first thing
        # with "cancelled" (exit 130), not a traceback (assistant/interrupts.py).
        interrupts.latch(raising=False)
        from assistant import cli

        return cli.main(args)
    if HELP_WORDS & set(args):  # `--help`, `--demo -h`: the wizard's options, then the CLI's
        from assistant import cli

        print_help()
        return cli.main(["--help"])
    parser = _gui_parser()
    options = parser.parse_args(args)
    if options.scenario != DEFAULT_SCENARIO:  # the lab's tables only when asked for one
        from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

        if options.scenario not in SCENARIOS and options.scenario not in AD_SCENARIOS:
            parser.error(
                f"unknown lab scenario {options.scenario!r} "
                "(see `connectivity-assistant lab --list`)"
            )
    if not _has_display():
        from assistant import cli

        if options.demo:
            print(
                "connectivity-assistant: no display, so the demo runs in the terminal "
                "(the same checks the wizard runs).",
                file=sys.stderr,
            )
            return cli.main(["demo", "--scenario", options.scenario])
        print(
            "connectivity-assistant: no display to open the wizard on. Use "
            "`connectivity-assistant check --email ADDR` or `connectivity-assistant demo`.",
            file=sys.stderr,
        )
        return cli.EXIT_USAGE
    from ui.app import run_gui

    return run_gui(demo=options.demo, scenario=options.scenario, language=options.lang)


if __name__ == "__main__":
    raise SystemExit(main())
