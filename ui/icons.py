"""Status icons drawn with QPainter at whatever size and pixel ratio is asked for.

Each status has its own colour *and* its own shape, so the icons read without colour:
pass a circle with a tick, warn a triangle with "!", fail a circle with a cross, error
an octagon with "!", skip a circle with a dash, info a rounded square with "i",
cancelled a square "stop", waiting a hollow circle, running a spinning arc.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)

from ui.i18n import frozen_bundle
from ui.texts import PENDING, RUNNING

COLOURS = {
    "pass": "#1e8e3e",
    "warn": "#e37400",
    "fail": "#d93025",
    "error": "#8e24aa",
    "skip": "#80868b",
    "info": "#1a73e8",
    "cancelled": "#5f6368",
    PENDING: "#9aa0a6",
    RUNNING: "#1a73e8",
}
SPINNER_FRAMES = 12


def colour(status: str) -> QColor:
    return QColor(COLOURS.get(status, "#80868b"))


ICON_SIZES = (16, 24, 32, 48)


def _render(paint: Callable[[QPainter, QRectF], None]) -> QIcon:
    """An icon whose pixmaps are drawn now, with QPainter, at every size and at each
    screen's pixel ratio (and 2x): crisp on high-DPI screens, and painting it later is
    plain C++ (no Python call back into the GUI thread while worker threads hold the GIL)."""
    ratios = {1.0, 2.0} | {screen.devicePixelRatio() for screen in QGuiApplication.screens()}
    icon = QIcon()
    for size in ICON_SIZES:
        for ratio in sorted(ratios):
            side = round(size * ratio)
            pixmap = QPixmap(side, side)
            pixmap.fill(QtCore.Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            paint(painter, QRectF(0, 0, side, side))
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            icon.addPixmap(pixmap)
    return icon


def _status_painter(status: str, frame: int = 0) -> Callable[[QPainter, QRectF], None]:
    def paint(painter: QPainter, rect: QRectF) -> None:
        inset = rect.width() * 0.06
        paint_status(painter, rect.adjusted(inset, inset, -inset, -inset), status, frame)

    return paint


@dataclass
class _Canvas:
    painter: QPainter
    box: QRectF
    fill: QColor
    frame: int

    @property
    def s(self) -> float:
        return self.box.width()

    def at(self, x: float, y: float) -> QPointF:  # fractions of the box
        return QPointF(self.box.x() + x * self.s, self.box.y() + y * self.s)

    def inset(self, fraction: float) -> QRectF:
        d = self.s * fraction
        return self.box.adjusted(d, d, -d, -d)

    def ink(self, width: float = 0.13, colour: QColor | None = None) -> None:
        pen = QPen(colour or QColor("white"), max(1.2, self.s * width))
        pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
        self.painter.setPen(pen)
        self.painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)


def _pass(c: _Canvas) -> None:
    c.painter.drawEllipse(c.box)
    c.ink()
    path = QPainterPath(c.at(0.27, 0.52))
    path.lineTo(c.at(0.44, 0.69))
    path.lineTo(c.at(0.74, 0.35))
    c.painter.drawPath(path)


def _fail(c: _Canvas) -> None:
    c.painter.drawEllipse(c.box)
    c.ink()
    c.painter.drawLine(c.at(0.33, 0.33), c.at(0.67, 0.67))
    c.painter.drawLine(c.at(0.67, 0.33), c.at(0.33, 0.67))


def _warn(c: _Canvas) -> None:
    c.ink(0.08, c.fill)
    c.painter.setBrush(c.fill)
    c.painter.drawPolygon(QPolygonF([c.at(0.5, 0.06), c.at(0.97, 0.9), c.at(0.03, 0.9)]))
    _mark(c.painter, c.box, "!", QColor("black"), 0.1)


def _error(c: _Canvas) -> None:
    centre, r = c.box.center(), c.s / 2
    points = [
        QPointF(
            centre.x() + r * math.cos(math.radians(22.5 + 45 * i)),
            centre.y() + r * math.sin(math.radians(22.5 + 45 * i)),
        )
        for i in range(8)
    ]
    c.painter.drawPolygon(QPolygonF(points))
    _mark(c.painter, c.box, "!", QColor("white"))


def _skip(c: _Canvas) -> None:
    c.painter.drawEllipse(c.box)
    c.ink()
    c.painter.drawLine(c.at(0.3, 0.5), c.at(0.7, 0.5))


def _info(c: _Canvas) -> None:
    c.painter.drawRoundedRect(c.box, c.s * 0.22, c.s * 0.22)
    _mark(c.painter, c.box, "i", QColor("white"))


def _cancelled(c: _Canvas) -> None:
    c.painter.drawRect(c.inset(0.08))
    c.painter.setBrush(QColor("white"))
    c.painter.drawRect(QRectF(c.at(0.36, 0.36), c.at(0.64, 0.64)))


def _running(c: _Canvas) -> None:
    c.ink(0.14, c.fill)
    start = -int(c.frame * 360 / SPINNER_FRAMES * 16)
    c.painter.drawArc(c.inset(0.12), start, 270 * 16)


def _waiting(c: _Canvas) -> None:
    c.ink(0.1, c.fill)
    c.painter.drawEllipse(c.inset(0.12))


_SHAPES = {
    "pass": _pass,
    "fail": _fail,
    "warn": _warn,
    "error": _error,
    "skip": _skip,
    "info": _info,
    "cancelled": _cancelled,
    RUNNING: _running,
}


def paint_status(
    painter: QPainter, box: QRectF, status: str, frame: int = 0, *, disabled: bool = False
) -> None:
    fill = QColor("#bdc1c6") if disabled else colour(status)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    _SHAPES.get(status, _waiting)(_Canvas(painter, box, fill, frame))


def _mark(painter: QPainter, box: QRectF, text: str, ink: QColor, drop: float = 0.0) -> None:
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(box.height() * 0.62)))
    painter.setFont(font)
    painter.setPen(ink)
    area = box.adjusted(0, box.height() * drop, 0, box.height() * drop)
    painter.drawText(area, QtCore.Qt.AlignmentFlag.AlignCenter, text)


@cache
def status_icon(status: str) -> QIcon:
    return _render(_status_painter(status))


@cache
def spinner_icon(frame: int) -> QIcon:
    return _render(_status_painter(RUNNING, frame % SPINNER_FRAMES))


def warm_up() -> None:
    """Draw every status icon and spinner frame now (at startup), so a run never waits
    for a first drawing (or the first use of a font) on the GUI thread."""
    for status in COLOURS:
        status_icon(status)
    for frame in range(SPINNER_FRAMES):
        spinner_icon(frame)


# The app icon as files, one per size: the window, the .desktop entry's hicolor theme and the
# report's header use the same pictures. `python -m ui.icons` draws them again (after a change
# to _paint_app); tests/gui/test_app_icon.py holds the files to the drawing.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
APP_ICON_NAME = "connectivity-assistant"


def app_icon_dir() -> Path:
    return (frozen_bundle() or Path(__file__).resolve().parent.parent) / "resources" / "icons"


def app_icon_file(size: int) -> Path:
    return app_icon_dir() / f"{APP_ICON_NAME}-{size}.png"


@cache
def app_icon() -> QIcon:
    """The window icon, read from its files: drawing it takes the Qt namespace's enums, about
    0.01 s before the first paint (docs/PERFORMANCE.md). Drawn when a file is missing."""
    files = [app_icon_file(size) for size in APP_ICON_SIZES]
    if not all(path.is_file() for path in files):
        return _render(_paint_app)
    icon = QIcon()
    for path in files:
        icon.addFile(str(path))
    return icon


def draw_app_icon(side: int) -> QImage:
    """The app icon drawn at `side` pixels (what the files hold)."""
    pixmap = QPixmap(side, side)
    pixmap.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint_app(painter, QRectF(0, 0, side, side))
    painter.end()
    return pixmap.toImage()


def write_app_icon_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for size in APP_ICON_SIZES:
        path = folder / f"{APP_ICON_NAME}-{size}.png"
        if not draw_app_icon(size).save(str(path)):  # the format from the ".png"
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


def _paint_app(painter: QPainter, rect: QRectF) -> None:
    """The window icon: an envelope with a tick badge."""
    s, x, y = rect.width(), rect.x(), rect.y()
    painter.setPen(QPen(QColor("#0b57d0"), max(1.0, s * 0.05)))
    painter.setBrush(QColor("#d3e3fd"))
    body = QRectF(x + s * 0.06, y + s * 0.2, s * 0.78, s * 0.56)
    painter.drawRoundedRect(body, s * 0.06, s * 0.06)
    flap = QPainterPath(QPointF(body.left(), body.top()))
    flap.lineTo(QPointF(body.center().x(), body.top() + body.height() * 0.55))
    flap.lineTo(QPointF(body.right(), body.top()))
    painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    # Inside the envelope only: the flap's lines would poke out past the rounded corners.
    outline = QPainterPath()
    outline.addRoundedRect(body, s * 0.06, s * 0.06)
    painter.setClipPath(outline)
    painter.drawPath(flap)
    painter.setClipping(False)
    paint_status(painter, QRectF(x + s * 0.5, y + s * 0.5, s * 0.48, s * 0.48), "pass")


if __name__ == "__main__":  # python -m ui.icons: draw the app icon's files again
    from PySide6.QtGui import QGuiApplication as _App

    _app = _App([])
    for _path in write_app_icon_files(app_icon_dir()):
        print(_path)
