"""The first-paint probe for start-up benchmarks of the built app (bench/startup.py
--frozen): loaded only when the environment sets CA_STARTUP_PROBE (ui/smoke.py), so a
normal start pays nothing for it.

The same protocol as bench/startup.py's children: an event filter on the wizard itself
(not application-wide: a Python filter on the application makes PySide wrap every object
that gets an event) sees its first Paint; once that paint has finished (a zero-delay
timer) one line goes to stdout, `first-paint {"rss_mib": …, "idle_rss_mib": …, "cpu_s":
…}` (resident set and this process's CPU seconds at the paint), and the process leaves
with os._exit(0) (no teardown in the number). The parent times from starting the process
to that line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWizard

MARK = "first-paint "


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


class FirstPaint(QObject):
    """Reports the watched widget's first paint, then ends the process."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        at_paint = rss_mib()
        cpu = time.process_time()  # this process's CPU time: steadier on a busy machine
        line = json.dumps({"rss_mib": at_paint, "idle_rss_mib": at_paint, "cpu_s": cpu})
        sys.stdout.write(MARK + line + "\n")
        sys.stdout.flush()
        os._exit(0)


def watch(wizard: QWizard) -> FirstPaint:
    """Install the probe on `wizard` (before or as it is shown); it belongs to the wizard."""
    probe = FirstPaint(wizard)
    wizard.installEventFilter(probe)
    return probe
