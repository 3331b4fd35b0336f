"""Driving the real wizard (offscreen) through demo runs without pytest-qt, for the
reliability benchmarks (bench/cancel_stress.py, bench/soak.py) and their tests.

What a process holds is read from Linux's /proc (psutil is not a dependency): threads by
name, open file descriptors, sockets among them, and the resident set size.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EMAIL = "admin@contoso.test"
# The names of the threads a run may start (ui/worker.py's tasks, the runner's pool).
RUN_THREAD_PREFIXES = ("ca-check", "ca-ui")


def run_threads() -> list[str]:
    return sorted(t.name for t in threading.enumerate() if t.name.startswith(RUN_THREAD_PREFIXES))


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def open_sockets() -> int:
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{name}").startswith("socket:"):
                count += 1
        except OSError:
            continue  # closed while we looked
    return count


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def sample() -> dict[str, Any]:
    """What this process holds now, after a full collection."""
    gc.collect()
    return {
        "threads": threading.active_count(),
        "run_threads": run_threads(),
        "fds": open_fds(),
        "sockets": open_sockets(),
        "rss": rss_bytes(),
    }


def pump_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Process Qt events until `condition()` holds (True) or `timeout` seconds pass.
    Deferred deletions too: outside a running event loop (app.exec(), as the app has)
    processEvents() never performs them, and every deleteLater'd object would stay."""
    from PySide6.QtCore import QCoreApplication, QEvent

    deadline = time.monotonic() + timeout
    while True:
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)


def pump(seconds: float) -> None:
    pump_until(lambda: False, seconds)


def make_wizard(lab: Any, scenario: str = "healthy") -> Any:
    """The real wizard in demo mode on `lab` (a running assistant.lab Lab), shown, English."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.app import create_wizard
    from ui.settings import ENV_DIR

    if ENV_DIR not in os.environ:  # never the user's own settings
        import tempfile

        os.environ[ENV_DIR] = tempfile.mkdtemp(prefix="ca-bench-settings-")
    app = QApplication.instance() or QApplication(["bench"])
    wizard = create_wizard(app, language="en")  # type: ignore[arg-type]
    wizard.use_lab(lab, scenario)
    wizard.show()
    return wizard


def start_run(wizard: Any, email: str = EMAIL) -> None:
    """From wherever the wizard stands (Welcome or Results): the demo's address, its areas
    and its sign-in as set, then Run, as a person clicks through."""
    from ui.pages.ids import CHECKS, RESULTS, RUN, SIGNIN, TARGET

    if wizard.currentId() == RESULTS:
        wizard.results_page.new_run.click()
    while wizard.currentId() not in (TARGET, RUN):
        wizard.next()
    if wizard.currentId() == TARGET:
        wizard.target_page.email.setText(email)
        wizard.next()
    if wizard.currentId() == CHECKS:
        wizard.next()
    if wizard.currentId() == SIGNIN:
        if not wizard.signin_page.isComplete():
            raise RuntimeError("the demo's sign-in page is not complete")
        wizard.next()
    if wizard.currentId() != RUN and wizard.run is None:
        raise RuntimeError(f"the run did not start (page {wizard.currentId()})")


def idle(wizard: Any) -> bool:
    """The run has ended: on Results, its thread finished, no run thread left."""
    from ui.pages.ids import RESULTS

    return (
        wizard.currentId() == RESULTS
        and wizard.run is not None
        and not wizard.run.running
        and not run_threads()
    )


def run_to_results(wizard: Any, timeout: float = 60.0) -> bool:
    start_run(wizard)
    return pump_until(lambda: idle(wizard), timeout)


def close(wizard: Any) -> None:
    wizard.close()
    pump_until(lambda: not wizard.workers.busy and not run_threads(), 10.0)
    wizard.deleteLater()
    pump(0.05)
