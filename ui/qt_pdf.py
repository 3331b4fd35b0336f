"""PDF through Qt: the engine's HTML report (every section expanded) laid out by a
QTextDocument and printed with QPdfWriter, A4 with 15 mm margins.

An alternative to the engine's own PDF (fpdf2, assistant.report.pdf), which stays the
default: this one needs only Qt, and uses the system's fonts (so any script prints).
The PDF is built in memory and written whole or not at all (a temporary file in the
same folder, then os.replace), through assistant.report.atomic.

Safe on a worker thread: QTextDocument, QPdfWriter and QPainter on a PDF device are
usable outside the GUI thread. A plain Python thread has no Qt event dispatcher, and the
document's layout starts timers on a long report ("QBasicTimer::start: current thread's
event dispatcher has already been destroyed"); a QEventLoop gives the thread one first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QMarginsF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from assistant.model import Report
from assistant.net.redact import Redactor
from assistant.report.atomic import atomic_write_bytes
from assistant.report.export_prep import prepare

MARGIN_MM = 15.0


def available() -> bool:
    try:
        from assistant.report.html import render_html  # noqa: F401
    except ImportError:
        return False
    return True


def pdf_bytes(
    report: Report,
    redactor: Redactor,
    *,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
) -> bytes:
    """The PDF of the report as it may leave the program (assistant.report.export_prep:
    secrets masked always, identities replaced by placeholders when asked)."""
    from assistant.report.html import render_html

    ready = prepare(
        report, redactor, redact_identities=redact_identities, identity_names=identity_names
    )
    html = render_html(ready, redactor, expand_all=True, prepared=True)
    # Constructing an event loop creates the thread's dispatcher when it has none.
    loop = QEventLoop() if QAbstractEventDispatcher.instance() is None else None
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
    del document, loop  # the layout's timers stop with the document
    return bytes(data.data())


def export_pdf(
    report: Report,
    redactor: Redactor,
    path: str,
    *,
    redact_identities: bool = False,
    identity_names: Iterable[str] = (),
) -> str:
    """Write the PDF; returns the path. Raises OSError when it cannot be written."""
    data = pdf_bytes(
        report, redactor, redact_identities=redact_identities, identity_names=identity_names
    )
    atomic_write_bytes(path, data)
    return path
