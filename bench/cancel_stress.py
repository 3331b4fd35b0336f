"""Cancellation under stress (issue 19 item 4): runs cancelled at random moments, in the
command line (SIGINT) and in the wizard (Cancel), each timed from the cancel to control
coming back, and checked for anything left behind.

    .venv/bin/python bench/cancel_stress.py [runs] [--wizard-runs N] [--demo-runs N] [--seed S]

(defaults: 200 runs of `check`, 50 of `demo`, 200 in the wizard)

- CLI, twice: `connectivity-assistant check` of every area but relay and integration
  against a lab in this process ("cli"), and `connectivity-assistant demo` with its own
  lab (DNS, HTTPS, SMTP, Dovecot or the built-in responder; "cli_demo": its start and
  teardown fall inside the time); each in a session of its own with a private TMPDIR,
  SIGINT after a random moment in [0, an uncancelled run's time] (stratified: one in
  each equal slice, so a few runs still cover the whole run). Measured: SIGINT to exit.
  Exit 130 (cancelled), 0 or 1 (ended first), or death by SIGINT itself when it lands
  while the interpreter starts (before main(): Python's default handler); a traceback
  otherwise is a crash. Left behind: any process the run started (every descendant seen
  while it ran, by pid and start time, including Dovecot, which runs in a session of its
  own), any process whose command line names the private TMPDIR, any lab folder in it or
  one in /tmp whose marker names the run's process (Dovecot's and Postfix's,
  assistant/lab/leftovers.py).
- wizard: the real wizard (offscreen) in this process on one lab; Cancel pressed at a
  random moment in [0, a run's time] (stratified as above). Measured: the click to the
  Results page (control back) and to idle (the run's thread ended, no ca-check-*/ca-ui-*
  thread).
  Left behind: run threads, file descriptors and sockets over the level after a first
  run, child processes.

Writes build/reliability/cancel.json ({cli, cli_demo, wizard}: runs, max_s, p95_s,
leftovers, ...), which
bench/reliability.py reads for docs/RELIABILITY.md. Figures are recorded, not asserted:
tests/integration/test_cancel_stress.py asserts the structural facts on a few dozen runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from proc_watch import alive, child_processes, cmdline, descendants, naming  # noqa: E402

OUT = ROOT / "build" / "reliability" / "cancel.json"
GRACE_S = 3.0  # how long a stopped service may take to go before it counts as left behind
EXIT_FINISHED = (0, 1)  # a run that ended before the signal: its verdict
EXIT_CANCELLED = 130
# SIGINT before the interpreter installed its handler ends it by the signal itself;
# nothing of a lab exists yet then.
EXIT_KILLED_EARLY = -signal.SIGINT


# -- figures -------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def distribution(values: list[float]) -> dict[str, float]:
    return {
        "p50_s": round(percentile(values, 0.5), 4),
        "p95_s": round(percentile(values, 0.95), 4),
        "max_s": round(max(values, default=0.0), 4),
        "mean_s": round(statistics.fmean(values), 4) if values else 0.0,
        "over_1s": sum(1 for v in values if v > 1.0),
    }


# -- the command line ------------------------------------------------------------------------


PASSWORD_ENV = "CA_STRESS_PASSWORD"


def cli_command(lab: Any = None) -> list[str]:
    """`check` of every area but relay and integration (they ask their own questions)
    against `lab`, running in this process; `demo` (its own lab) when `lab` is None."""
    if lab is None:
        return [sys.executable, "-m", "assistant.cli", "demo"]
    return [
        sys.executable,
        "-m",
        "assistant.cli",
        "check",
        "--email",
        "admin@contoso.test",
        "--checks",
        "dns,autodiscover,ews,mapi,imap,pop,smtp",
        "--password-env",
        PASSWORD_ENV,
        "--timeout",
        "5",
        *lab.cli_flags(),
    ]


def cli_env(tmp: Path) -> dict[str, str]:
    from assistant.lab.exchange import LAB_PASSWORD

    return {
        **os.environ,
        "TMPDIR": str(tmp),
        "PYTHONUNBUFFERED": "1",
        PASSWORD_ENV: LAB_PASSWORD,
    }


def lab_folders_of(pid: int, tmp: Path) -> list[str]:
    """Lab folders (assistant/lab/leftovers.py) the process `pid` made: in its TMPDIR, and
    Dovecot's and Postfix's in /tmp (short socket paths), known by their marker."""
    from assistant.lab import leftovers

    found = [p.name for p in tmp.iterdir()] if tmp.is_dir() else []
    for entry in Path("/tmp").glob("cadv-*"):
        owner = leftovers.read_marker(entry)
        if owner is not None and owner.pid == pid:
            found.append(str(entry))
    return sorted(found)


def stratified(rng: random.Random, runs: int, span: float) -> list[float]:
    """`runs` random moments in [0, span], one in each of `runs` equal slices (shuffled):
    random, yet spread over the whole run even for a few runs."""
    moments = [span * (i + rng.random()) / runs for i in range(runs)]
    rng.shuffle(moments)
    return moments


def sigint_heard() -> None:
    """A program started in the background by a shell without job control (`cmd &` in a
    script, nohup) inherits SIGINT ignored, and so would every run started from here: no
    run would ever be cancelled. Ignored is the one disposition a child inherits across
    exec, so this process takes Python's own handler back (main thread only)."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def cli_run(delay: float, tmp: Path, lab: Any = None) -> dict[str, Any]:
    """One run, SIGINT after `delay` seconds; what it returned and what it left."""
    tmp.mkdir(parents=True, exist_ok=True)
    sigint_heard()
    process = subprocess.Popen(
        cli_command(lab),
        cwd=ROOT,
        env=cli_env(tmp),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: what it leaves is findable
    )
    seen: dict[int, str] = {}
    done = threading.Event()

    def watch() -> None:  # every process the run starts, while it runs
        while not done.is_set():
            descendants(process.pid, seen)
            done.wait(0.01)

    watcher = threading.Thread(target=watch, name="bench-watch", daemon=True)
    watcher.start()
    started = time.monotonic()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=delay)
    sent = time.monotonic()
    signalled = process.poll() is None
    if signalled:
        process.send_signal(signal.SIGINT)
    try:
        _out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    latency = time.monotonic() - sent
    wall = time.monotonic() - started
    done.set()
    watcher.join()
    # Whatever the run started must go; a stopped service is given GRACE_S to do so.
    deadline = time.monotonic() + GRACE_S
    while True:
        left = sorted(pid for pid, start in seen.items() if alive(pid, start))
        left += [pid for pid in naming(str(tmp)) if pid not in left]
        folders = lab_folders_of(process.pid, tmp)
        if (not left and not folders) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    said = err.decode(errors="replace")
    # main() turns Ctrl-C into exit 130 wherever it lands in it, so a KeyboardInterrupt
    # traceback means outside it: the interpreter starting (exit -2, or 1 while `site`
    # initialises) or importing the program. Any other traceback is a crash.
    early = process.returncode in (EXIT_KILLED_EARLY, 1) and said.rstrip().endswith(
        "KeyboardInterrupt"
    )
    crashed = "Traceback (most recent call last)" in said and not early
    for pid in left:  # never leave them to the next run
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    shutil.rmtree(tmp, ignore_errors=True)
    return {
        "delay_s": round(delay, 4),
        "wall_s": round(wall, 4),
        "signalled": signalled,
        "latency_s": round(latency, 4) if signalled else None,
        "exit": process.returncode,
        "children_seen": len(seen),
        "processes_left": [cmdline(pid)[:120] or str(pid) for pid in left],
        "folders_left": folders,
        # A traceback is a crash, whatever the exit code (an uncaught exception exits 1);
        # only SIGINT during start-up, before main() runs, may print one.
        "crashed": crashed,
        "interrupted_at_start": early,
        "stderr_tail": said[-600:] if crashed else "",
    }


def cli_stress(runs: int, rng: random.Random, base: Path, lab: Any = None) -> dict[str, Any]:
    full = cli_run(120.0, base / "full", lab)  # not cancelled: how long a run takes
    typical = full["wall_s"]
    moments = stratified(rng, runs, typical)
    results = [cli_run(delay, base / f"run{i}", lab) for i, delay in enumerate(moments)]
    latencies = [r["latency_s"] for r in results if r["latency_s"] is not None]
    return {
        "runs": runs,
        "command": "demo" if lab is None else "check",
        "typical_run_s": round(typical, 3),
        "full_run": full,
        "cancelled": sum(1 for r in results if r["exit"] == EXIT_CANCELLED),
        "finished": sum(
            1 for r in results if r["exit"] in EXIT_FINISHED and not r["interrupted_at_start"]
        ),
        "killed_early": sum(1 for r in results if r["interrupted_at_start"]),
        "crashes": [r for r in results if r["crashed"]],
        "other_exits": [
            r
            for r in results
            if r["exit"] not in (*EXIT_FINISHED, EXIT_CANCELLED, EXIT_KILLED_EARLY)
        ],
        "latency": distribution(latencies),
        "max_s": round(max(latencies, default=0.0), 4),
        "p95_s": round(percentile(latencies, 0.95), 4),
        "leftovers": sum(1 for r in results if r["processes_left"] or r["folders_left"]),
        "leftover_runs": [r for r in results if r["processes_left"] or r["folders_left"]],
        "results": results,
    }


# -- the wizard --------------------------------------------------------------------------------


def wizard_run(wizard: Any, delay: float, baseline: dict[str, Any]) -> dict[str, Any]:
    """One run in the wizard, Cancel pressed after `delay` seconds (unless it ended)."""
    import wizard_driver as drive

    from ui.pages.ids import RESULTS

    drive.start_run(wizard)
    drive.pump(delay)
    run = wizard.run
    pressed = time.monotonic()
    clicked = wizard.currentId() != RESULTS and run is not None and run.running
    if clicked:
        wizard.run_page.cancel_button.click()
    back = time.monotonic() - pressed if wizard.currentId() == RESULTS else None
    ended = drive.pump_until(lambda: drive.idle(wizard), 30.0)
    to_idle = time.monotonic() - pressed
    now = drive.sample()
    return {
        "delay_s": round(delay, 4),
        "cancelled": clicked,
        "control_s": round(back, 4) if clicked and back is not None else None,
        "idle_s": round(to_idle, 4) if clicked else None,
        "ended": ended,
        "threads_left": now["run_threads"],
        "fds_over": now["fds"] - baseline["fds"],
        "sockets_over": now["sockets"] - baseline["sockets"],
        "children_over": len(child_processes()) - baseline["children"],
    }


def wizard_stress(runs: int, rng: random.Random, lab: Any) -> dict[str, Any]:
    """`runs` cancelled runs in one wizard on `lab`."""
    import wizard_driver as drive

    wizard = drive.make_wizard(lab)
    try:
        # A first full run: imports, caches and the lab's pools are at their level.
        first = time.monotonic()
        if not drive.run_to_results(wizard):
            raise RuntimeError("the first wizard run did not finish")
        typical = time.monotonic() - first
        second = time.monotonic()
        drive.run_to_results(wizard)
        typical = min(typical, time.monotonic() - second)
        baseline = drive.sample()
        baseline["children"] = len(child_processes())
        moments = stratified(rng, runs, typical)
        results = [wizard_run(wizard, delay, baseline) for delay in moments]
    finally:
        drive.close(wizard)
    control = [r["control_s"] for r in results if r["control_s"] is not None]
    to_idle = [r["idle_s"] for r in results if r["idle_s"] is not None]
    left = [r for r in results if r["threads_left"] or not r["ended"] or r["children_over"] > 0]
    return {
        "runs": runs,
        "typical_run_s": round(typical, 3),
        "cancelled": sum(1 for r in results if r["cancelled"]),
        "finished": sum(1 for r in results if not r["cancelled"]),
        "control": distribution(control),
        "idle": distribution(to_idle),
        "max_s": round(max(to_idle, default=0.0), 4),
        "p95_s": round(percentile(to_idle, 0.95), 4),
        "fds_over_max": max((r["fds_over"] for r in results), default=0),
        "sockets_over_max": max((r["sockets_over"] for r in results), default=0),
        "fds_over_last": results[-1]["fds_over"] if results else 0,
        "leftovers": len(left),
        "leftover_runs": left,
        "results": results,
    }


def main(
    runs: int = 200,
    wizard_runs: int | None = None,
    demo_runs: int | None = None,
    *,
    seed: int = 19,
    out: Path | None = OUT,
    lab: Any = None,
) -> dict[str, Any]:
    """Each cancelled at a random moment: `runs` CLI `check` runs against a lab in this
    process ("cli"), `demo_runs` (default runs // 4) `demo` runs with their own lab
    ("cli_demo": the lab's start and teardown are in the time), `wizard_runs` (default
    `runs`) wizard runs ("wizard"). `lab`: a running Lab to use (else one is started).
    Writes `out` (None: nowhere) and returns the figures."""
    from assistant.lab.tenant import Lab

    rng = random.Random(seed)
    figures: dict[str, Any] = {"seed": seed}
    base = Path(tempfile.mkdtemp(prefix="cancel-stress-"))
    owned = Lab() if lab is None else None
    if owned is not None:
        owned.start()
    try:
        if runs:
            figures["cli"] = cli_stress(runs, rng, base / "check", lab or owned)
        demo = runs // 4 if demo_runs is None else demo_runs
        if demo:
            figures["cli_demo"] = cli_stress(demo, rng, base / "demo")
        count = runs if wizard_runs is None else wizard_runs
        if count:
            figures["wizard"] = wizard_stress(count, rng, lab or owned)
    finally:
        if owned is not None:
            owned.stop()
        shutil.rmtree(base, ignore_errors=True)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for part in ("cli", "cli_demo", "wizard"):
        if part in figures:
            shown = {k: v for k, v in figures[part].items() if k != "results"}
            print(part, json.dumps(shown))
    return figures


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", type=int, nargs="?", default=200)
    parser.add_argument("--wizard-runs", type=int, default=None)
    parser.add_argument("--demo-runs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    main(args.runs, args.wizard_runs, args.demo_runs, seed=args.seed)
