"""The language of the reports the wizard writes: the wizard's own, or English on request
(support often reads English). The engine renders every text of the HTML and PDF through
the `Translate` made here (assistant/report/language.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assistant.report.language import ENGLISH, InLanguage
from assistant.text import Translate
from ui.i18n import ENGINE_CONTEXT


def _engine(template: str) -> str:
    # QCoreApplication.translate is thread-safe: the export writes on a worker thread.
    return QCoreApplication.translate(ENGINE_CONTEXT, template)


def report_translate(language: str | None, *, english: bool = False) -> Translate:
    """Our catalogue in `language` (the wizard's: Translations.language), or English when
    asked for or when that is the wizard's language anyway."""
    if english or not language or language == "en":
        return ENGLISH
    return InLanguage(_engine, language)
