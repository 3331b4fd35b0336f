"""The browser sign-in's way to the system browser.

The engine asks for a browser (`open_browser(url)`, assistant/auth/msal_flows.py) from
the run's worker thread, but Qt may only be asked on the GUI thread. `BrowserOpener`
is that `open_browser`: called on the worker, it only emits the address through a
queued signal, as the EngineBridge does with events, and returns at once; on the GUI
thread the injected `open_url` (QDesktopServices by default; tests follow the address
with an HTTP client) opens it, and `opened(url, ok)` tells the Run page whether a
browser started. The worker never waits for the GUI thread, so Cancel is never held up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices

UrlOpener = Callable[[str], bool]


def qt_open_url(url: str) -> bool:
    """The system's browser at `url`; on the GUI thread only."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


class BrowserOpener(QObject):
    opened = Signal(str, bool)  # on the GUI thread: the address, and whether a browser started
    _asked = Signal(str)

    def __init__(self, open_url: UrlOpener = qt_open_url, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self._asked.connect(self.open, QtCore.Qt.ConnectionType.QueuedConnection)

    def __call__(self, url: str) -> bool:
        """The engine's `open_browser`, on the run's worker thread: hands the address to
        the GUI thread and returns at once. True: a browser was asked for (the engine's
        prompt then says "if it did not open, visit ..."; the Run page shows the address
        either way, and says so when no browser started)."""
        self._asked.emit(url)
        return True

    @Slot(str)
    def open(self, url: str) -> bool:
        """On the GUI thread: the browser at `url` (also when the user clicks the link)."""
        ok = bool(self._open_url(url))
        self.opened.emit(url, ok)
        return ok
