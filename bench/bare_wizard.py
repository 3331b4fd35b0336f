"""The baseline of bench/startup.py --frozen: a bare PySide6 QWizard with three pages,
frozen the same way as the app (bench/bare_wizard.spec: PyInstaller one-folder, the same
bootloader and Qt trimming). It reports its first paint as the app does under
CA_STARTUP_PROBE (ui/startup_probe.py): an event filter on the wizard sees the first
Paint, and once that paint has finished one line goes to stdout,
`first-paint {"rss_mib": …, "cpu_s": …}`, and the process leaves with os._exit(0).

Everything is inline (no import from the project), so the frozen bare wizard carries
nothing of ours.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

MARK = "first-paint "


def rss_mib() -> float:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class FirstPaint(QObject):
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


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    for title in ("Welcome", "Target", "Results"):
        page = QWizardPage()
        page.setTitle(title)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(f"The {title} page."))
        wizard.addPage(page)
    wizard.resize(900, 680)
    wizard.installEventFilter(FirstPaint(wizard))
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
