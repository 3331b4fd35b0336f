"""The window's size: never larger than the screen it opens on, never smaller than its pages
can be used at.

900×680 is a good first size on a desktop, but at 150 % scaling a 1280×900 screen is
853×600 logical pixels: the window then hung off the bottom with Next out of reach. A size
remembered on a larger monitor has the same problem. So the first size, and a remembered
one, are bounded by the screen's available area (without the task bar), less room for the
window frame, which is unknown until the window is shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

FIRST_SIZE = QSize(900, 680)
MINIMUM_SIZE = QSize(640, 480)  # every page usable (the long ones scroll)
FRAME_ROOM = QSize(16, 48)  # a title bar and borders, as most window managers draw them


def room_on(screen: QScreen) -> QRect:
    """The part of `screen` a window's contents may use, frame left aside."""
    area = screen.availableGeometry()
    return QRect(
        area.topLeft(),
        QSize(
            max(1, area.width() - FRAME_ROOM.width()), max(1, area.height() - FRAME_ROOM.height())
        ),
    )


def fit_to_screen(window: QWidget, screen: QScreen | None = None) -> None:
    """Bound `window`'s minimum and current size by the screen's room, and move it back
    onto the screen when a remembered position left it partly off."""
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    room = room_on(screen)
    window.setMinimumSize(MINIMUM_SIZE.boundedTo(room.size()))
    size = window.size().boundedTo(room.size()).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    left = min(max(window.x(), room.left()), room.left() + room.width() - size.width())
    top = min(max(window.y(), room.top()), room.top() + room.height() - size.height())
    if QPoint(left, top) != window.pos():
        window.move(left, top)
