"""PDF through Qt: the engine's HTML report (every section expanded) laid out by a
QTextDocument and printed with QPdfWriter, A4 with 15 mm margins.

An alternative to the engine's own PDF (fpdf2, assistant.report.pdf), which stays the
default: this one needs only Qt, and uses the system's fonts (so any script prints).
The PDF is built in memory and written whole or not at all (a temporary file in the
same folder, then os.replace), through assistant.report.atomic.

Safe on a worker thread: QTextDocument, QPdfWriter and QPainter on a PDF device are
usable outside the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report.atomic import atomic_write_bytes

MARGIN_MM = 15.0


def available() -> bool:
    try:
        from assistant.report.html import render_html  # noqa: F401
    except ImportError:
        return False
    return True


def pdf_bytes(report: Report, redactor: Redactor) -> bytes:
    from assistant.report.html import render_html

    html = render_html(report, redactor, expand_all=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("Connectivity report")
    writer.setCreator("Connectivity Assistant")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def export_pdf(report: Report, redactor: Redactor, path: str) -> str:
    """Write the PDF; returns the path. Raises OSError when it cannot be written."""
    atomic_write_bytes(path, pdf_bytes(report, redactor))
    return path
