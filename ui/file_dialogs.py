"""File dialogs that speak the wizard's language, and the names the Export page offers.

The desktop's own (native) file dialog speaks the system's language, whatever the wizard
was switched to; Qt's dialog speaks ours (Qt's catalogue, loaded by ui.i18n.Translations).
So when the two languages differ the dialog is Qt's. The dialog opens window-modal with
open(), not exec(): no nested event loop, and tests can find it and answer it."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QWidget

from assistant.model import Report

FALLBACK_STEM = "connectivity-report"
_UNSAFE = re.compile(r"[^\w.-]+")  # \w: letters of any script (an IDN domain), digits, _


def speaks_system_language() -> bool:
    """Whether the native dialog would match the wizard (QLocale's default is set to the
    wizard's language by ui.i18n.Translations.switch)."""
    return QLocale().language() == QLocale.system().language()


def save_dialog(
    parent: QWidget,
    title: str,
    suggested: str,
    name_filter: str,
    chosen: Callable[[str], object],
) -> QFileDialog:
    """A save dialog, shown window-modal at once; `chosen(path)` when the user saves."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("saveDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not speaks_system_language())
    dialog.selectFile(suggested)
    dialog.fileSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def default_file_name(report: Report | None, suffix: str) -> str:
    """`<domain>-<date>.<suffix>` (the date the report was made, e.g.
    contoso.com-2025-03-14.html). The domain comes from the report, which may have been
    opened from a file: anything but letters, digits, dots and dashes becomes a dash, so
    the name is one plain file name in the folder the user picks."""
    target = report.target if report is not None else {}
    domain = target.get("domain_unicode") or target.get("domain") if target else None
    stem = _UNSAFE.sub("-", domain).strip(".-")[:100] if isinstance(domain, str) else ""
    created = report.created[:10] if report is not None else ""
    date = created if re.fullmatch(r"\d{4}-\d\d-\d\d", created) else ""
    parts = [p for p in (stem or FALLBACK_STEM, date) if p]
    return f"{'-'.join(parts)}.{suffix}"
