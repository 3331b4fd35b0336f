"""Work off the GUI thread: a function on a Python thread of its own, its result delivered
back as a Qt signal on the GUI thread; and a registry that keeps every such thread
referenced until it ends, so the window can close only when all of them are done.

Nothing here waits on the GUI thread: `join_all` is for after the event loop has ended.
"""

from __future__ import annotations

import itertools
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal, Slot

THREAD_PREFIX = "ca-ui"
_numbers = itertools.count(1)


class Task(QObject):
    """`fn()` on its own thread. `succeeded(result)` or `failed(message)`, then `finished()`,
    all emitted on the thread that owns this object (the GUI thread)."""

    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()
    _done = Signal(bool, object)

    def __init__(self, fn: Callable[[], Any], name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._done.connect(self._deliver, QtCore.Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(
            target=self._main, name=f"{THREAD_PREFIX}-{name}-{next(_numbers)}", daemon=True
        )

    def start(self) -> Task:
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def join(self, timeout: float) -> None:
        """Wait for the thread (not on the GUI thread while the event loop runs)."""
        self._thread.join(timeout)

    def _main(self) -> None:
        try:
            result = self._fn()
        except Exception:  # reported, never swallowed: the GUI shows it
            self._done.emit(False, traceback.format_exc())
            return
        self._done.emit(True, result)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(str(value))
        self.finished.emit()


class Workers(QObject):
    """Every Task the app started, kept referenced until it has finished."""

    idle = Signal()  # the last running task finished

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []

    def run(self, fn: Callable[[], Any], name: str) -> Task:
        task = Task(fn, name, self)
        self._tasks.append(task)
        task.finished.connect(lambda: self._forget(task))
        return task  # the caller connects its signals, then calls start()

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
            task.deleteLater()
        if not self._tasks:
            self.idle.emit()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def join_all(self, timeout: float) -> bool:
        """After the event loop ended: wait for stragglers; True when none is left."""
        until = time.monotonic() + timeout
        for task in list(self._tasks):
            task.join(max(0.0, until - time.monotonic()))
        return not any(t.running for t in self._tasks)
