"""How a verdict looks in the HTML and PDF reports: a symbol and a word beside every
colour, so it reads for colour-blind readers, in greyscale print and as plain text.

Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies), darkened for text contrast on a light tint of the same hue. The symbols
are all in DejaVu Sans, the PDF's font.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.model import Status
from assistant.text import N_, Message, Text, join


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
    Status.PASS: Look("✔", N_("PASS"), "#00664a", "#e3f4ee"),
    Status.WARN: Look("⚠", N_("WARN"), "#8a4b00", "#fdf0d9"),
    Status.FAIL: Look("✖", N_("FAIL"), "#a33400", "#fbe5dc"),
    Status.ERROR: Look("‼", N_("ERROR"), "#8a2f6b", "#f6e3f0"),
    Status.SKIP: Look("⊘", N_("SKIP"), "#555555", "#eeeeee"),
    Status.INFO: Look("ℹ", N_("INFO"), "#005a8c", "#e1effa"),
    Status.CANCELLED: Look("■", N_("STOPPED"), "#555555", "#eeeeee"),
}


# The verdicts' names in running text ("3 pass, 1 fail"), as their JSON values read.
TALLY_WORDS: dict[Status, str] = {
    Status.PASS: N_("pass"),
    Status.WARN: N_("warn"),
    Status.FAIL: N_("fail"),
    Status.ERROR: N_("error"),
    Status.SKIP: N_("skip"),
    Status.INFO: N_("info"),
    Status.CANCELLED: N_("cancelled"),
}


def tally_word(status: Status) -> Text:
    return Message(TALLY_WORDS[status], {})


def look(status: Status) -> Look:
    return LOOKS[status]


def verdict_word(status: Status) -> Text:
    """The verdict's word ("PASS") as translatable text."""
    return Message(LOOKS[status].word, {})


def verdict_label(status: Status) -> Text:
    """Symbol and word ("✔ PASS"), the word translatable."""
    return join(" ", [LOOKS[status].symbol, verdict_word(status)])


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
