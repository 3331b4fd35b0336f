"""The one place engine events cross from worker threads to the GUI thread.

The runner calls `post(event)` on its own threads. `post` only appends to a queue and,
when the queue was idle, emits a private signal connected *queued* to the GUI thread.
There a zero-interval timer drains the queue a few milliseconds at a time and re-emits
each event as a typed signal. So every slot connected to the public signals runs on the
GUI thread, in the order the engine produced the events, and a burst of events never
holds the event loop for long (input, painting and timers get their turn between
slices). No widget is ever touched from a worker.
"""

from __future__ import annotations

import collections
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from assistant.events import (
    CheckFinished,
    CheckStarted,
    Event,
    RunFinished,
    RunStarted,
    StepFinished,
    StepStarted,
)
from assistant.model import Report

SLICE_SECONDS = 0.008  # the longest one drain keeps the GUI thread


@dataclass(frozen=True)
class RunEnded:
    """Posted by the UI's run thread after the engine returned: the last event of a run."""

    report: Report | None
    error: str | None = None  # a traceback when the run itself broke


class EngineBridge(QObject):
    runStarted = Signal(object)  # RunStarted
    checkStarted = Signal(object)  # CheckStarted
    stepStarted = Signal(object)  # StepStarted
    stepFinished = Signal(object)  # StepFinished
    checkFinished = Signal(object)  # CheckFinished
    runFinished = Signal(object)  # RunFinished
    runEnded = Signal(object)  # RunEnded
    otherEvent = Signal(object)  # an event type this UI does not know yet (newer engine)
    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: collections.deque[Event | RunEnded] = collections.deque()
        self._lock = threading.Lock()
        self._scheduled = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._drain)
        self._wake.connect(self._timer.start, Qt.ConnectionType.QueuedConnection)
        self._routes = {
            RunStarted: self.runStarted,
            CheckStarted: self.checkStarted,
            StepStarted: self.stepStarted,
            StepFinished: self.stepFinished,
            CheckFinished: self.checkFinished,
            RunFinished: self.runFinished,
            RunEnded: self.runEnded,
        }

    def post(self, event: Event | RunEnded) -> None:
        """Called by the engine from any thread; returns at once."""
        self._queue.append(event)
        with self._lock:
            if self._scheduled:
                return
            self._scheduled = True
        self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        until = time.monotonic() + SLICE_SECONDS
        while self._queue and time.monotonic() < until:
            event = self._queue.popleft()
            self._routes.get(type(event), self.otherEvent).emit(event)
        with self._lock:
            if not self._queue:
                self._scheduled = False
                self._timer.stop()

    @property
    def pending(self) -> int:
        return len(self._queue)
