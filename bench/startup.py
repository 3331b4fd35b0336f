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
has run).

Children run with bytecode caches (in a temporary folder), as an installed app does.
Without a display, Qt's offscreen platform paints too (QT_QPA_PLATFORM=offscreen is set
unless the environment already chose one).
"""

from __future__ import annotations

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
            line = json.dumps({"rss_mib": at_paint, "idle_rss_mib": rss_mib()})
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
    started = time.perf_counter()
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
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


def main(rounds: int = 7) -> dict[str, float]:
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
    }
    for key, value in result.items():
        print(f"{key:>22}: {value:.3f}")
    return result


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        idle = int(sys.argv[3]) if len(sys.argv) > 3 else 0
        (child_ours if sys.argv[2] == "ours" else child_bare)(idle)
        raise SystemExit("the wizard closed before it painted")
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
