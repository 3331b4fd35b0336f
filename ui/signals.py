"""SIGINT, SIGTERM and SIGHUP in the Qt event loop.

Python runs a signal handler only when the interpreter gets control, and Qt's loop can
wait in C for a long time. `signal.set_wakeup_fd` makes the C-level handler write the
signal's number to a socket; a QSocketNotifier on its other end wakes the loop, so the
signal is handled at once, on the GUI thread.

What a signal does (QuitOnSignals): the first closes the window the normal way (a run
is cancelled, the settings are saved, app.py stops the demo lab). SIGTERM and SIGHUP
first stop the demo lab's Dovecot and remove its keys (assistant/lab/leftovers.py): a
session that is ending may not wait for the window. A second signal ends the process
at once, after the same clean-up.
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Sequence
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot
from PySide6.QtWidgets import QWidget

from assistant.lab import leftovers

QUIT_SIGNALS = tuple(
    number
    for number in (
        signal.SIGINT,
        getattr(signal, "SIGTERM", None),
        getattr(signal, "SIGHUP", None),
    )
    if number is not None
)


def _noted(_number: int, _frame: FrameType | None) -> None:
    """A Python-level handler makes the C handler run and write to the wakeup socket;
    the work is done on the GUI thread (SignalWatch)."""


class SignalWatch(QObject):
    received = Signal(int)  # the signal's number, on the GUI thread

    def __init__(self, numbers: Sequence[int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _noted) for number in numbers}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    @Slot()
    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in data:
            if number in self._previous:
                self.received.emit(number)

    def close(self) -> None:
        """Back to the handlers and wakeup fd that were there before."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


class QuitOnSignals(QObject):
    """SIGINT, SIGTERM, SIGHUP close `window`; see the module's docstring."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._asked = False
        self.watch = SignalWatch(QUIT_SIGNALS, self)
        self.watch.received.connect(self._signalled)

    @Slot(int)
    def _signalled(self, number: int) -> None:
        if number != signal.SIGINT or self._asked:
            leftovers.release()
        if self._asked:
            os._exit(128 + number)  # asked twice: now, without waiting for anything
        self._asked = True
        self._window.close()

    def close(self) -> None:
        self.watch.close()
