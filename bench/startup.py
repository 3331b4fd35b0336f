"""Start-up: process start → first painted wizard, ours against a bare three-page QWizard
started the same way.

    .venv/bin/python bench/startup.py [rounds]

Each round starts a fresh interpreter (`bench/startup.py --child ours|bare`), which runs the
real launcher (ui.launcher.main, the path `connectivity-assistant` takes) or a bare QWizard
with three pages. An application-wide event filter sees the wizard's first Paint event and,
once that paint has finished (a zero-delay timer), prints one line and leaves with
os._exit (no teardown in the number). The parent times from just before it starts the child
to that line, so interpreter start-up and every import count. The result is a ratio
(ours / bare, the best of each) so it does not depend on the machine, plus the resident set
size at the first paint and after IDLE_MS more of idling (when the wizard's pre-warming
has run), and the child's CPU seconds up to the paint (`*_cpu_s`: steadier than the wall
time when other work shares the machine).

Children run with bytecode caches (in a temporary folder), as an installed app does.
Without a display, Qt's offscreen platform paints too (QT_QPA_PLATFORM=offscreen is set
unless the environment already chose one).

    .venv/bin/python bench/startup.py [rounds] --frozen [DIST]

adds the frozen rows: our PyInstaller one-folder app (packaging/build.py) against the bare
wizard frozen the same way (bench/bare_wizard.py with bench/bare_wizard.spec: the same
PyInstaller, bootloader and Qt trimming), both in DIST (default build/bench-startup/dist),
each rebuilt only when a source is newer than its executable. The app reports its first
paint when CA_STARTUP_PROBE is set (ui/startup_probe.py, the protocol above); rounds
alternate between the two so that a burst of other work on the machine hits both.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = "first-paint "
IDLE_MS = 1500
FROZEN_DIST = ROOT / "build" / "bench-startup" / "dist"
APP = "connectivity-assistant"
BARE = "bare-wizard"
BARE_SPEC = ROOT / "bench" / "bare_wizard.spec"
# What each frozen executable is built from: newer than the executable means rebuild.
APP_SOURCES = ("assistant", "ui", "packaging", "resources", "pyproject.toml")
# (The bare spec takes its Qt trimming from the app's spec.)
BARE_SOURCES = (
    "bench/bare_wizard.py",
    "bench/bare_wizard.spec",
    "packaging/connectivity_assistant.spec",
)


def rss_mib() -> float:
    """This process's resident set size (Linux /proc; 0 where there is none)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _watch_first_paint(idle_ms: int) -> None:
    """Print MARK + {rss} after the first paint of a QWizard, then leave at once.

    The filter is installed on the wizard itself when it is shown (QWizard.show is wrapped,
    for both children alike), not application-wide: an application-wide filter written in
    Python makes PySide wrap every object that gets an event, initialising each Qt type's
    enums on the way, a cost that grows with the widgets on screen and that no real run pays
    (it was about 0.02 s of "ours" and much less of "bare").
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWizard

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            at_paint = rss_mib()
            if idle_ms:
                QTimer.singleShot(idle_ms, lambda: self.leave(at_paint))
            else:
                self.leave(at_paint)

        def leave(self, at_paint: float) -> None:
            cpu = time.process_time()
            line = json.dumps({"rss_mib": at_paint, "idle_rss_mib": rss_mib(), "cpu_s": cpu})
            sys.stdout.write(MARK + line + "\n")
            sys.stdout.flush()
            os._exit(0)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    watcher = FirstPaint(app)
    shown = QWizard.show

    def show_watched(wizard: QWizard) -> None:
        wizard.installEventFilter(watcher)
        shown(wizard)

    QWizard.show = show_watched  # type: ignore[method-assign]
    globals()["_watcher"] = watcher  # kept alive for the process's life


def child_ours(idle_ms: int) -> None:
    _watch_first_paint(idle_ms)
    from ui.launcher import main

    main(["--lang", "en"])


def child_bare(idle_ms: int) -> None:
    _watch_first_paint(idle_ms)
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

    app = QApplication.instance()
    wizard = QWizard()
    for title in ("Welcome", "Target", "Results"):
        page = QWizardPage()
        page.setTitle(title)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(f"The {title} page."))
        wizard.addPage(page)
    wizard.resize(900, 680)
    wizard.show()
    app.exec()


def time_to_paint(
    command: list[str], env: dict[str, str], cwd: Path, kind: str
) -> dict[str, float]:
    """Start `command` and time it to its `first-paint` line (seconds), with its figures."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith(MARK):
                elapsed = time.perf_counter() - started
                figures = json.loads(line[len(MARK) :])
                break
        else:
            raise RuntimeError(f"the {kind} child ended without painting (exit {child.wait()})")
        child.wait(timeout=30)
    return {"seconds": elapsed, **figures}


def one_round(kind: str, *, idle_ms: int = 0, home: str | None = None) -> dict[str, float]:
    """Start a child and time it to its first paint (seconds), with its RSS figures."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Compiled bytecode, as an installed or frozen app has it: without it every one of our
    # modules is compiled from source at each start, which the bare wizard does not pay.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if home is not None:  # a fresh settings directory: no saved window or language
        env["XDG_CONFIG_HOME"] = home
        env["HOME"] = home
        env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")  # not in the checkout
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(idle_ms)]
    return time_to_paint(command, env, ROOT, kind)


# -- the frozen rows ---------------------------------------------------------------------


def newest_mtime(paths: tuple[str, ...]) -> float:
    newest = 0.0
    for name in paths:
        path = ROOT / name
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                newest = max(newest, file.stat().st_mtime)
    return newest


def up_to_date(binary: Path, sources: tuple[str, ...]) -> bool:
    return binary.is_file() and binary.stat().st_mtime >= newest_mtime(sources)


def frozen_binaries(dist: Path) -> tuple[Path, Path]:
    """(ours, bare) executables in `dist`, each built first unless up to date."""
    dist = dist.resolve()
    work = dist.parent / "work"
    ours = dist / APP / APP
    bare = dist / BARE / BARE
    if not up_to_date(ours, APP_SOURCES):
        print(f"building the app into {dist} (packaging/build.py) ...", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "packaging" / "build.py"),
                *("--dist", str(dist), "--work", str(work / "app")),
                *("--no-archives", "--quiet"),
            ],
            cwd=ROOT,
            check=True,
        )
    if not up_to_date(bare, BARE_SOURCES):
        print(f"building the bare wizard into {dist} ...", file=sys.stderr)
        subprocess.run(
            [
                *(sys.executable, "-m", "PyInstaller", str(BARE_SPEC), "--noconfirm"),
                *("--distpath", str(dist), "--workpath", str(work / "bare")),
                *("--log-level", "WARN"),
            ],
            cwd=ROOT,
            check=True,
        )
    return ours, bare


def frozen_env(home: str) -> dict[str, str]:
    """The same environment for both frozen programs: a fresh settings folder, no display
    needed, the app's probe on (the bare wizard always reports)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("PYTHONPATH", "PYTHONPYCACHEPREFIX", "CA_SMOKE_QUIT_AFTER_MS"):
        env.pop(name, None)
    env["HOME"] = env["XDG_CONFIG_HOME"] = home
    env["XDG_CACHE_HOME"] = os.path.join(home, "cache")
    env["CONNECTIVITY_ASSISTANT_CONFIG_DIR"] = os.path.join(home, "config")
    env["CA_STARTUP_PROBE"] = "1"
    return env


def frozen_rows(rounds: int, dist: Path) -> dict[str, float]:
    ours_binary, bare_binary = frozen_binaries(dist)
    commands = {"ours": [str(ours_binary), "--lang", "en"], "bare": [str(bare_binary)]}
    times: dict[str, list[dict[str, float]]] = {"ours": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="bench-startup-frozen-") as home:
        env, cwd = frozen_env(home), Path(home)
        for kind in ("bare", "ours"):  # warm the file cache for both
            time_to_paint(commands[kind], env, cwd, f"frozen {kind}")
        for _ in range(rounds):  # alternate: a burst of other work hits both
            for kind in ("bare", "ours"):
                times[kind].append(time_to_paint(commands[kind], env, cwd, f"frozen {kind}"))
    best = {kind: min(r["seconds"] for r in runs) for kind, runs in times.items()}
    cpu = {kind: min(r["cpu_s"] for r in runs) for kind, runs in times.items()}
    median = {kind: sorted(r["seconds"] for r in runs)[rounds // 2] for kind, runs in times.items()}
    return {
        "frozen_bare_s": best["bare"],
        "frozen_ours_s": best["ours"],
        "frozen_ratio": best["ours"] / best["bare"],
        "frozen_bare_median_s": median["bare"],
        "frozen_ours_median_s": median["ours"],
        "frozen_ours_rss_at_paint_mib": min(r["rss_mib"] for r in times["ours"]),
        "frozen_bare_rss_at_paint_mib": min(r["rss_mib"] for r in times["bare"]),
        "frozen_bare_cpu_s": cpu["bare"],
        "frozen_ours_cpu_s": cpu["ours"],
        "frozen_cpu_ratio": cpu["ours"] / cpu["bare"],
    }


def main(rounds: int = 7, frozen: Path | str | None = None) -> dict[str, float]:
    """The installed rows; with `frozen` (a dist folder, built into or reused) the frozen
    rows too."""
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as home:
        one_round("bare", home=home)  # warm the file cache for both
        one_round("ours", home=home)
        bare = [one_round("bare", home=home) for _ in range(rounds)]
        ours = [one_round("ours", home=home) for _ in range(rounds)]
        idle = one_round("ours", idle_ms=IDLE_MS, home=home)
        bare_idle = one_round("bare", idle_ms=IDLE_MS, home=home)
    best_bare = min(r["seconds"] for r in bare)
    best_ours = min(r["seconds"] for r in ours)
    result = {
        "rounds": float(rounds),
        "bare_s": best_bare,
        "ours_s": best_ours,
        "ratio": best_ours / best_bare,
        "ours_median_s": sorted(r["seconds"] for r in ours)[rounds // 2],
        "bare_median_s": sorted(r["seconds"] for r in bare)[rounds // 2],
        "ours_rss_at_paint_mib": idle["rss_mib"],
        "ours_idle_rss_mib": idle["idle_rss_mib"],
        "bare_idle_rss_mib": bare_idle["idle_rss_mib"],
        # CPU seconds of the child up to its first paint (best of each): steadier than the
        # wall time when other work shares the machine.
        "bare_cpu_s": min(r["cpu_s"] for r in bare),
        "ours_cpu_s": min(r["cpu_s"] for r in ours),
    }
    if frozen is not None:
        result |= frozen_rows(rounds, Path(frozen))
    for key, value in result.items():
        print(f"{key:>28}: {value:.3f}")
    return result


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        idle = int(sys.argv[3]) if len(sys.argv) > 3 else 0
        (child_ours if sys.argv[2] == "ours" else child_bare)(idle)
        raise SystemExit("the wizard closed before it painted")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=7)
    parser.add_argument(
        "--frozen",
        nargs="?",
        const=FROZEN_DIST,
        type=Path,
        metavar="DIST",
        help=f"also the PyInstaller builds, in DIST (default {FROZEN_DIST.relative_to(ROOT)})",
    )
    options = parser.parse_args()
    main(options.rounds, frozen=options.frozen)
