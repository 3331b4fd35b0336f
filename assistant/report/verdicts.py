"""How a verdict looks in the HTML and PDF reports: a symbol and a word beside every
colour, so it reads for colour-blind readers, in greyscale print and as plain text.

Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies), darkened for text contrast on a light tint of the same hue. The symbols
are all in DejaVu Sans, the PDF's font.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.model import Status


@dataclass(frozen=True)
class Look:
    symbol: str
    word: str
    ink: str  # text and border colour, #rrggbb
    tint: str  # background colour, #rrggbb

    @property
    def label(self) -> str:
        return f"{self.symbol} {self.word}"


LOOKS: dict[Status, Look] = {
    Status.PASS: Look("✔", "PASS", "#00664a", "#e3f4ee"),
    Status.WARN: Look("⚠", "WARN", "#8a4b00", "#fdf0d9"),
    Status.FAIL: Look("✖", "FAIL", "#a33400", "#fbe5dc"),
    Status.ERROR: Look("‼", "ERROR", "#8a2f6b", "#f6e3f0"),
    Status.SKIP: Look("⊘", "SKIP", "#555555", "#eeeeee"),
    Status.INFO: Look("ℹ", "INFO", "#005a8c", "#e1effa"),
    Status.CANCELLED: Look("■", "STOPPED", "#555555", "#eeeeee"),
}


def look(status: Status) -> Look:
    return LOOKS[status]


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
