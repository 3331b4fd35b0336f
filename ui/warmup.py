"""Load the engine after the window is on screen, so that start-up pays only for the first
page and a run later does not pay for imports.

The wizard's modules import the engine where they first use it (the checks, the report
writers, the lab, the sign-in libraries). Once the wizard has painted, `Warmup` draws the
status icons and imports those modules on the GUI thread one at a time, each from its own
zero-delay timer, so that a click or a key press waits for at most one module; then
exchangelib, the slowest, on a worker thread as before (an import holds the import lock
and the GIL in long stretches, so the run, not the first paint, is what it must not
overlap).

Importing on first use stays correct without this: a user who is quicker than the warm-up
pays for one import, once. docs/PERFORMANCE.md has the numbers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ui.icons import warm_up as draw_icons
from ui.worker import Task, Workers

Step = str | Callable[[], object]  # a module to import, or something to call

# In dependency order, small steps first: each is one module and what it pulls in. The
# status icons first: the Run page must not wait for their first drawing (ui/icons.py).
STEPS: tuple[Step, ...] = (
    draw_icons,
    "assistant.net.network",
    "assistant.check",
    "assistant.checks.dns",
    "assistant.checks.autodiscover",
    "assistant.checks.ews",
    "assistant.checks.relay",
    "assistant.checks.registry",
    "assistant.diagnosis",
    "assistant.report.json_report",
    "assistant.auth.oauth_sign_in",
    "assistant.auth.msal_flows",
    "assistant.report.html",
    "assistant.report.export",
    "assistant.report.pdf",  # fpdf2 and fontTools
)
FALLBACK_MS = 3000  # a window that is never painted (tests, offscreen) warms up anyway


def preload_exchangelib() -> None:
    """Off the GUI thread: exchangelib, the engine's caches, and (with the engine-process
    prototype) the next run's process, started to wait for its job."""
    from assistant.net.exchangelib_adapter import preload

    preload()
    from ui.engine_process import fill_engine_caches
    from ui.runs import ENGINE_PROCESS, prestart_engine

    fill_engine_caches()
    if ENGINE_PROCESS:
        prestart_engine()


class Warmup(QObject):
    """Starts at the first paint of `window` (or FALLBACK_MS after it was made)."""

    def __init__(self, window: QWidget, workers: Workers, steps: Sequence[Step] = STEPS) -> None:
        super().__init__(window)
        self._window = window
        self._workers = workers
        self._pending = list(steps)
        self._started = False
        self._task: Task | None = None
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self.start)

    @property
    def running(self) -> bool:
        """Until every module is loaded, exchangelib included."""
        return not self._done and (self._task is None or self._task.running)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self, self.start)  # after this paint has finished
        return False

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._window.removeEventFilter(self)
        self._step()

    def _step(self) -> None:
        if self._pending:
            step = self._pending.pop(0)
            if isinstance(step, str):
                importlib.import_module(step)
            else:
                step()
            QTimer.singleShot(0, self, self._step)
            return
        if not self._window.isVisible():  # closed meanwhile: no thread to outlive it
            self._done = True
            return
        self._task = self._workers.run(preload_exchangelib, "warmup")
        self._task.finished.connect(self._finished)
        self._task.start()

    def _finished(self) -> None:
        self._done = True
