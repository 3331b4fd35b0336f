"""The PDF report from the engine (the CLI's --pdf), drawn with fpdf2: the same content
as the HTML report, with every fold open.

    render_pdf(report, redactor, path) -> notes

Notes are plain sentences for the user (no Unicode font found, ...); the PDF is
written all the same. The GUI prints render_html(..., expand_all=True) through Qt
instead; both start from `prepare`, so both carry the same redaction.

`translate` (assistant/report/language.py) says the engine's texts and the report's own
labels in the reader's language: every text goes through `_Doc.t`, which renders it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, TableCellFillMode, WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from assistant.model import Report, Status, Step
from assistant.net.redact import Redactor
from assistant.report.atomic import atomic_write_bytes
from assistant.report.evidence_view import KeyValues, Table, Text, evidence_blocks
from assistant.report.export_prep import prepare
from assistant.report.header import display_name, header_facts
from assistant.report.html import is_web_link
from assistant.report.language import ENGLISH
from assistant.report.pdf_fonts import FontSet, find_fonts
from assistant.report.priorities import first_actions
from assistant.report.verdicts import look, rgb, tally_word, verdict_label, verdict_word
from assistant.text import Translate, join, msg, render

MARGIN = 14.0  # mm
INDENT = 5.0  # mm per level of the step tree
MAX_INDENT_LEVELS = 4
MAX_TEXT_LINES = 60  # per evidence text block; the JSON report has the rest
MAX_CELL_CHARS = 1500
MAX_NAME_CHARS = 300  # of the target's name in the title and footers
BADGE_WIDTH = 20.0
_MUTED = (77, 85, 98)
_INK = (27, 31, 36)
_LINK = (10, 79, 168)
_CODE_FILL = (245, 246, 248)


def render_pdf(
    report: Report,
    redactor: Redactor,
    path: str | os.PathLike[str],
    *,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
    prepared: bool = False,
    fonts: FontSet | None = None,
    translate: Translate = ENGLISH,
) -> list[str]:
    """Write the PDF atomically; return notes for the user (empty when all is well)."""
    if not prepared:
        report = prepare(
            report, redactor, redact_identities=redact_identities, identity_names=identity_names
        )
    fonts = find_fonts() if fonts is None else fonts
    atomic_write_bytes(path, pdf_bytes(report, fonts, translate))
    return list(fonts.notes)


def pdf_bytes(report: Report, fonts: FontSet, translate: Translate = ENGLISH) -> bytes:
    """The PDF of an already prepared (redacted) report."""
    doc = _Doc(report, fonts, translate)
    doc.render()
    return bytes(doc.output())


class _Doc(FPDF):
    def __init__(self, report: Report, fonts: FontSet, translate: Translate = ENGLISH) -> None:
        super().__init__(format="A4")
        self.report = report
        self.font_set = fonts
        self.translate = translate
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 4)
        self.set_title(self.t(msg("Connectivity report")))
        self.set_creator(f"Connectivity Assistant {report.tool.get('version', '')}")
        self.sans, self.mono = "helvetica", "courier"
        if fonts.regular is not None:
            self.add_font("sans", "", fonts.regular)
            self.add_font("sans", "B", fonts.bold or fonts.regular)
            self.add_font("mono", "", fonts.mono or fonts.regular)
            self.sans, self.mono = "sans", "mono"
            if fonts.cjk is not None:
                self.add_font("cjk", "", fonts.cjk)
                self.add_font("cjk", "B", fonts.cjk)
                self.set_fallback_fonts(["cjk"], exact_match=False)
        # Every page's footer draws the name: a hostile report's 500,000-character "email"
        # made the time grow with its square (pages x length). Real names are < 255.
        name = display_name(report.target)
        self.target_name = name if len(name) <= MAX_NAME_CHARS else name[: MAX_NAME_CHARS - 1] + "…"

    # -- text helpers ------------------------------------------------------------------

    def t(self, text: str) -> str:
        """Engine text in the report's language, as the current fonts can show it (Latin-1
        only without a Unicode font)."""
        text = render(text, self.translate)
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
        if self.font_set.unicode:
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, *, bold: bool = False, mono: bool = False) -> None:
        family = self.mono if mono else self.sans
        self.set_font(family, "B" if bold and not mono else "", size)

    def para(
        self,
        text: str,
        size: float = 9,
        *,
        bold: bool = False,
        mono: bool = False,
        colour: tuple[int, int, int] = _INK,
        fill: bool = False,
        height: float = 4.4,
    ) -> None:
        self.font(size, bold=bold, mono=mono)
        self.set_text_color(*colour)
        self.set_x(self.l_margin)
        # WORD wraps at spaces and still breaks a word longer than the line (a URL).
        self.multi_cell(
            0,
            height,
            self.t(text),
            align=Align.L,
            fill=fill,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=WrapMode.WORD,
        )
        self.set_text_color(*_INK)

    def link_line(self, url: str, size: float = 8.5) -> None:
        if not is_web_link(url):
            self.para(url, size, mono=True)
            return
        self.font(size)
        self.set_text_color(*_LINK)
        self.set_x(self.l_margin)
        self.multi_cell(
            0,
            4.2,
            self.t(url),
            align=Align.L,
            link=url,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_text_color(*_INK)

    def badge(self, status: Status, width: float = BADGE_WIDTH, size: float = 7.5) -> None:
        style = look(status)
        label = verdict_label(status) if self.font_set.unicode else verdict_word(status)
        self.set_fill_color(*rgb(style.tint))
        self.set_draw_color(*rgb(style.ink))
        self.set_text_color(*rgb(style.ink))
        self.set_line_width(0.35)
        self.font(size, bold=True)
        self.cell(width, 5, self.t(label), border=1, fill=True, align=Align.L)
        self.set_text_color(*_INK)
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.2)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 50:
            self.add_page()
        self.ln(3)
        self.para(text, 12.5, bold=True, height=6)
        self.set_draw_color(201, 206, 214)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_draw_color(0, 0, 0)
        self.ln(1.5)

    # -- page furniture ----------------------------------------------------------------

    def footer(self) -> None:
        self.set_y(-12)
        self.font(7.5)
        self.set_text_color(*_MUTED)
        where = msg(
            "Connectivity report {name} · {created} · page {page}/{pages}",
            name=self.target_name,
            created=self.report.created,
            page=self.page_no(),
            pages="{nb}",  # fpdf2 puts the page count here
        )
        self.cell(0, 5, self.t(where), align=Align.C)
        self.set_text_color(*_INK)

    # -- content -----------------------------------------------------------------------

    def render(self) -> None:
        self.add_page()
        report = self.report
        overall = Status(str(report.summary["overall"]))
        name = self.target_name
        title = (
            msg("Connectivity report: {name}", name=name) if name else msg("Connectivity report")
        )
        self.para(title, 17, bold=True, height=8)
        self.badge(overall, width=BADGE_WIDTH + 4, size=9)
        self.font(9.5)
        self.set_text_color(*_MUTED)
        counts = report.summary["counts"]
        tally = join(", ", [join(" ", [str(n), _tally(s)]) for s, n in counts.items() if n])
        line = msg("overall · {count} checks ({tally})", count=len(report.steps), tally=tally)
        self.cell(
            0,
            5,
            "  " + self.t(line),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.set_text_color(*_INK)
        for note in self.font_set.notes:
            self.para(f"Note: {note}", 8, colour=_MUTED)
        self.heading(msg("About this run"))
        self.key_values(header_facts(report), label_width=36, size=8.5)
        self.heading(msg("What to do first"))
        items = first_actions(report.steps)
        if not items:
            self.para(msg("Nothing failed or needs a change."))
        for number, item in enumerate(items, 1):
            self.font(9.5, bold=True)
            self.cell(6, 5, f"{number}.")
            self.badge(item.status)
            self.font(9.5, bold=True)
            self.cell(2, 5, "")
            self.multi_cell(
                0,
                5,
                f"{self.t(item.title)}  ({self.t(item.step_id)})",
                align=Align.L,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            self.set_left_margin(MARGIN + 6)
            self.para(item.remedy, 9)
            if item.link:
                self.link_line(item.link)
            self.set_left_margin(MARGIN)
            self.ln(1.5)
        self.heading(msg("Checks"))
        for step in report.steps:
            self.step(step, 0)

    def step(self, step: Step, depth: int) -> None:
        left = MARGIN + INDENT * min(depth, MAX_INDENT_LEVELS)
        self.set_left_margin(left)
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(1.2 if depth else 2.2)
        self.set_x(left)
        self.badge(step.status)
        self.font(10 if depth == 0 else 9, bold=True)
        self.cell(2, 5, "")
        self.multi_cell(
            0, 5, self.t(step.title), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        duration = f" · {step.duration_ms} ms" if step.duration_ms else ""
        self.para(step.id + duration, 7.5, mono=True, colour=_MUTED, height=3.8)
        if step.summary:
            self.para(step.summary, 9)
        if step.details:
            self.para(step.details, 8.5, colour=(55, 60, 68))
        if step.remedy is not None:
            self.remedy(step)
        for item in step.evidence:
            self.para(
                f"{self.t(item.kind.upper())} · {self.t(item.label)}",
                8,
                bold=True,
                colour=_MUTED,
                height=4.2,
            )
            for block in evidence_blocks(item):
                if isinstance(block, KeyValues):
                    self.key_values(list(block.rows), label_width=32, size=7.5)
                elif isinstance(block, Table):
                    self.table_block(block)
                elif isinstance(block, Text):
                    self.text_block(block)
        for child in step.children:
            self.step(child, depth + 1)
        self.set_left_margin(MARGIN + INDENT * min(max(depth - 1, 0), MAX_INDENT_LEVELS))

    def remedy(self, step: Step) -> None:
        assert step.remedy is not None
        style = look(step.status)
        self.set_fill_color(*rgb(style.tint))
        label = self.t(msg("What to change:"))
        self.para(f"{label} {self.t(step.remedy.text)}", 8.5, fill=True)
        if step.remedy.link:
            self.link_line(step.remedy.link)

    def key_values(self, rows: list[tuple[str, str]], *, label_width: float, size: float) -> None:
        width = self.w - self.r_margin - self.l_margin
        self.font(size)
        self.set_fill_color(255, 255, 255)
        with self.table(
            col_widths=(label_width, width - label_width),
            width=width,
            align=Align.L,
            first_row_as_headings=False,
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            line_height=size * 0.5,
            text_align=Align.L,
            padding=(0.6, 1.2),
            cell_fill_mode=TableCellFillMode.NONE,
        ) as table:
            for label, value in rows:
                row = table.row()
                row.cell(self.t(label), style=FontFace(emphasis="BOLD", color=_MUTED))
                row.cell(self.t(value[:MAX_CELL_CHARS]))
        self.ln(1)

    def table_block(self, block: Table) -> None:
        width = self.w - self.r_margin - self.l_margin
        self.font(7)
        self.set_fill_color(255, 255, 255)
        with self.table(
            width=width,
            col_widths=column_weights(block),
            align=Align.L,
            line_height=3.4,
            text_align=Align.L,
            padding=(0.5, 1),
            cell_fill_mode=TableCellFillMode.NONE,
            headings_style=FontFace(emphasis="BOLD", fill_color=(240, 242, 245)),
        ) as table:
            head = table.row()
            for title in block.headers:
                head.cell(self.t(title))
            for values in block.rows:
                row = table.row()
                for value in values:
                    row.cell(self.t(value[:MAX_CELL_CHARS]))
        self.ln(1)

    def text_block(self, block: Text) -> None:
        if block.caption:
            self.para(block.caption, 7.5, bold=True, colour=_MUTED, height=3.8)
        if not block.text:
            return
        lines = block.text.splitlines()
        if len(lines) > MAX_TEXT_LINES:
            hidden = len(lines) - MAX_TEXT_LINES
            more = msg("… {count} more lines in the JSON report", count=hidden)
            lines = [*lines[:MAX_TEXT_LINES], self.t(more)]
        self.set_fill_color(*_CODE_FILL)
        self.para("\n".join(lines), 7, mono=True, fill=True, height=3.3)
        self.ln(0.8)


def _tally(value: str) -> str:
    """A verdict's name in running text; a value this version does not know, as it is."""
    known = {status.value: status for status in Status}
    return tally_word(known[value]) if value in known else value


def column_weights(block: Table) -> tuple[float, ...]:
    """Column widths in proportion to their longest word-run, within limits, so a short
    'TTL' column does not take a sixth of the page from the answers."""
    weights = []
    for index, header in enumerate(block.headers):
        cells = [row[index] for row in block.rows if index < len(row)]
        longest = max((len(line) for c in [header, *cells] for line in c.splitlines()), default=1)
        # At least the heading's length, so "type" or "outcome" never breaks mid-word.
        weights.append(float(min(max(longest, len(header) + 2, 5), 48)))
    return tuple(weights)
