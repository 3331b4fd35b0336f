"""The round trip as a timeline: sent → accepted → each Received: hop → delivered, with
the delay before each step and the total latency (relay.roundtrip's evidence of kind
"relay-timeline", shaped as assistant/checks/relay/roundtrip.py documents it:
{"sent_at", "accepted_at", "hops": [{"from", "by", "with", "at", "delay_s", "skew"}],
"delivered_at", "folder", "latency_s"}).

Drawn with framed labels, not painted by hand: they follow the palette (a dark one too),
wrap long host names, and a screen reader reads each box; `text_alternative()` is the
same timeline as plain lines (the widget's accessible description, and the copy).

The evidence comes from a report, so from a server's headers: every value is read
defensively (wrong types are skipped, never trusted) and shown as plain text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.i18n import fmt

TIMELINE_KIND = "relay-timeline"
MAX_HOPS = 50  # a Received: chain longer than this is shown cut (hostile input is normal)
MAX_TEXT = 200  # characters of one host name or protocol shown


@dataclass(frozen=True)
class Stop:
    """One box of the timeline: what happened, where, when, and the delay before it."""

    kind: str  # "sent", "accepted", "hop", "delivered"
    where: str  # a host ("by" of a hop), a folder; "" when unknown
    via: str  # a hop's "with" (ESMTPS, LMTP...), or its "from"
    at: str  # the time as shown (UTC, HH:MM:SS), "" when unknown
    delay: float | None  # seconds since the stop before it
    skew: bool = False  # the hop's clock disagrees with its neighbours


def _text(value: object) -> str:
    if not isinstance(value, str):
        return ""
    flat = " ".join(value.split())
    return flat if len(flat) <= MAX_TEXT else flat[: MAX_TEXT - 1] + "…"


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _time(value: object) -> tuple[str, float | None]:
    """A time as shown and as epoch seconds: the evidence gives epoch seconds or ISO 8601."""
    seconds = _number(value)
    if seconds is None and isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value[:40])
        except ValueError:
            return _text(value), None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        seconds = parsed.timestamp()
    if seconds is None:
        return "", None
    try:
        when = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return "", None
    return when.strftime("%H:%M:%S UTC"), seconds


def timeline_stops(
    data: Mapping[str, Any], redact: Callable[[str], str] = str
) -> tuple[list[Stop], float | None, str]:
    """The stops of the timeline, the total latency and the folder, from the evidence
    (host names and folders through the run's redactor, like the details pane)."""
    stops: list[Stop] = []
    sent_at, sent = _time(data.get("sent_at"))
    stops.append(Stop("sent", "", "", sent_at, None))
    accepted_at, accepted = _time(data.get("accepted_at"))
    previous = accepted if accepted is not None else sent
    if accepted_at:
        gap = accepted - sent if accepted is not None and sent is not None else None
        stops.append(Stop("accepted", "", "", accepted_at, gap))
    hops = data.get("hops")
    for hop in (hops if isinstance(hops, list) else [])[:MAX_HOPS]:
        if not isinstance(hop, Mapping):
            continue
        at, seconds = _time(hop.get("at"))
        delay = _number(hop.get("delay_s"))
        stops.append(
            Stop(
                "hop",
                redact(_text(hop.get("by"))),
                redact(_text(hop.get("with")) or _text(hop.get("from"))),
                at,
                delay,
                bool(hop.get("skew")),
            )
        )
        previous = seconds if seconds is not None else previous
    delivered_at, delivered = _time(data.get("delivered_at"))
    folder = redact(_text(data.get("folder")))
    if delivered_at or folder:
        gap = delivered - previous if delivered is not None and previous is not None else None
        stops.append(Stop("delivered", folder, "", delivered_at, gap))
    return stops, _number(data.get("latency_s")), folder


class RelayTimeline(QWidget):
    """The timeline of one round trip; `show_evidence(data)` (None hides it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayTimeline")
        self.data: Mapping[str, Any] | None = None
        self.redact: Callable[[str], str] = str
        self.heading = QLabel(self)
        self.heading.setObjectName("timelineHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.boxes: list[QFrame] = []
        self.retranslate()

    def show_evidence(self, data: Mapping[str, Any] | None) -> None:
        self.data = data if isinstance(data, Mapping) else None
        self._rebuild()

    # -- texts -------------------------------------------------------------------------

    def _title(self, stop: Stop) -> str:
        if stop.kind == "sent":
            return self.tr("Sent")
        if stop.kind == "accepted":
            return self.tr("Accepted by the server")
        if stop.kind == "delivered":
            return self.tr("Delivered")
        return fmt(self.tr("Hop: %1"), stop.where or self.tr("unknown host"))

    def _detail(self, stop: Stop) -> str:
        parts = []
        if stop.kind == "delivered" and stop.where:
            parts.append(fmt(self.tr("in the folder %1"), stop.where))
        if stop.kind == "hop" and stop.via:
            parts.append(stop.via)
        if stop.at:
            parts.append(stop.at)
        if stop.skew:
            parts.append(self.tr("this server's clock disagrees; its delay is a guess"))
        return " · ".join(parts)

    def _delay(self, stop: Stop) -> str:
        if stop.delay is None:
            return ""
        return fmt(self.tr("↓ after %1 s"), f"{max(stop.delay, 0.0):.1f}")

    def _summary(self, latency: float | None, delivered: bool) -> str:
        if not delivered:
            said = self.tr("The test message was not seen in the mailbox.")
        elif latency is None:
            said = self.tr("The test message arrived.")
        else:
            said = fmt(self.tr("The test message arrived in %1 s."), f"{max(latency, 0.0):.1f}")
        method = self._method()
        return fmt(self.tr("%1: %2"), method, said) if method else said

    def _method(self) -> str:
        """The sending method the message went by (the evidence's "method"), by name."""
        names = {
            "submission": self.tr("SMTP AUTH client submission"),
            "direct": self.tr("Direct Send"),
            "connector": self.tr("Connector relay"),
            "hve": self.tr("High Volume Email"),
        }
        value = self.data.get("method") if self.data is not None else None
        return names.get(value, _text(value)) if isinstance(value, str) else ""

    def text_alternative(self) -> str:
        """The timeline as plain lines: for screen readers and the clipboard."""
        if self.data is None:
            return ""
        stops, latency, _folder = timeline_stops(self.data, self.redact)
        delivered = any(s.kind == "delivered" for s in stops)
        lines = [self._summary(latency, delivered)]
        for number, stop in enumerate(stops, 1):
            delay = self._delay(stop).removeprefix("↓ ")
            line = f"{number}. {self._title(stop)}"
            detail = self._detail(stop)
            lines.append(
                line + (f" ({detail})" if detail else "") + (f", {delay}" if delay else "")
            )
        return "\n".join(lines)

    def _rebuild(self) -> None:
        for box in self.boxes:
            self.rows.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        self.setVisible(self.data is not None)
        if self.data is None:
            return
        stops, latency, _folder = timeline_stops(self.data, self.redact)
        self.heading.setText(self._summary(latency, any(s.kind == "delivered" for s in stops)))
        for index, stop in enumerate(stops):
            if stop.delay is not None:
                arrow = QLabel(self._delay(stop), self)
                arrow.setObjectName(f"timelineDelay{index}")
                arrow.setIndent(12)
                arrow.setTextFormat(Qt.TextFormat.PlainText)
                self.rows.addWidget(arrow)
                self.boxes.append(arrow)  # a QLabel is a QFrame: removed the same way
            box = QFrame(self)
            box.setObjectName(f"timelineStep{index}")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            box.setAutoFillBackground(True)
            box.setBackgroundRole(QPalette.ColorRole.AlternateBase)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(8, 4, 8, 4)
            inner.setSpacing(0)
            title = QLabel(self._title(stop), box)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            inner.addWidget(title)
            detail = self._detail(stop)
            if detail:
                line = QLabel(detail, box)
                line.setTextFormat(Qt.TextFormat.PlainText)
                line.setWordWrap(True)
                inner.addWidget(line)
            box.setAccessibleName(self._title(stop))
            box.setAccessibleDescription(detail)
            self.rows.addWidget(box)
            self.boxes.append(box)
        self.setAccessibleDescription(self.text_alternative())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Delivery timeline"))
        self._rebuild()


class RelayTimelines(QWidget):
    """Every round trip of a step, one timeline each: relay.roundtrip has a child step per
    test message (one per method), each with its own timeline evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayTimelines")
        self.redact: Callable[[str], str] = str
        self.timelines: list[RelayTimeline] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 4, 4, 4)
        self.column.setSpacing(12)
        self.column.addStretch(1)

    def show_all(self, items: Sequence[Mapping[str, Any]]) -> None:
        for old in self.timelines:
            self.column.removeWidget(old)
            old.deleteLater()
        self.timelines = []
        for index, data in enumerate(items[:MAX_HOPS]):
            timeline = RelayTimeline(self)
            timeline.redact = self.redact
            timeline.show_evidence(data)
            self.column.insertWidget(index, timeline)
            self.timelines.append(timeline)
        self.setVisible(bool(self.timelines))

    def text_alternative(self) -> str:
        return "\n\n".join(t.text_alternative() for t in self.timelines)
