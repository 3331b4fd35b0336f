"""The language a report is written in, without Qt.

Every text the engine writes is a `Text` that remembers its template (assistant/text.py);
the HTML and PDF writers render each one, and their own labels ("What to do first"),
through a `Translate`: a function from an English template to the same template in the
reader's language. `ENGLISH` leaves everything as it is, so an English report is what it
always was.

The wizard builds its `Translate` on Qt's catalogue (QCoreApplication.translate, context
"Engine"). The CLI has no Qt: `catalogue(language)` reads the Engine context of the same
catalogue, resources/translations/connectivity_assistant_<language>.ts; a frozen app has
it as engine_<language>.json next to the compiled .qm, written at build time by
`compile_engine_catalogues` (packaging/connectivity_assistant.spec).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import defusedxml.ElementTree

from assistant.report.atomic import atomic_write_text
from assistant.text import Translate, render

CATALOG = "connectivity_assistant"
ENGINE_CONTEXT = "Engine"
LANGUAGES = ("en", "zh_CN")  # what --lang accepts; "en" is the source language
BUNDLED = "translations"  # the folder inside a frozen app's bundle (the spec's datas)
MAX_CATALOG_BYTES = 16 * 1024 * 1024  # ours is a few hundred kB; refuse anything absurd


def english(template: str) -> str:
    return template


ENGLISH: Translate = english


class InLanguage:
    """A Translate that also says which language it speaks (`language`: "zh_CN"), for
    what a document declares about itself (<html lang>)."""

    def __init__(self, fn: Translate, language: str) -> None:
        self.fn = fn
        self.language = language

    def __call__(self, template: str) -> str:
        return self.fn(template)


def language_of(translate: Translate) -> str:
    return str(getattr(translate, "language", "en"))


def html_lang(translate: Translate) -> str:
    """The BCP 47 tag for <html lang>: "en", "zh-CN"."""
    return language_of(translate).replace("_", "-")


class Wording:
    """Say engine text and report labels in one language: `say(text)`."""

    def __init__(self, translate: Translate = ENGLISH) -> None:
        self.translate = translate

    def __call__(self, value: str) -> str:
        return render(value, self.translate)


SOURCES = Path(__file__).resolve().parents[2] / "resources" / "translations"


def frozen_bundle() -> Path | None:
    if not getattr(sys, "frozen", False):
        return None
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / BUNDLED


@cache
def engine_messages(language: str) -> dict[str, str]:
    """The finished translations of the Engine context for `language` (empty for English
    or when there is no catalogue). Read once per process."""
    if language == "en" or language not in LANGUAGES:
        return {}
    bundle = frozen_bundle()
    if bundle is not None:
        return _read_json(bundle / f"engine_{language}.json")
    path = SOURCES / f"{CATALOG}_{language}.ts"
    if path.is_file() and path.stat().st_size <= MAX_CATALOG_BYTES:
        return _read_engine_context(path)
    return {}


def compile_engine_catalogues(ts_dir: Path, out: Path) -> list[Path]:
    """engine_<language>.json from each catalogue's Engine context, for a frozen app."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        ts = ts_dir / f"{CATALOG}_{language}.ts"
        if language == "en" or not ts.is_file():
            continue
        path = out / f"engine_{language}.json"
        messages = _read_engine_context(ts)
        atomic_write_text(path, json.dumps(messages, ensure_ascii=False, sort_keys=True))
        written.append(path)
    return written


def _read_json(path: Path) -> dict[str, str]:
    try:
        if path.stat().st_size > MAX_CATALOG_BYTES:
            return {}
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def _read_engine_context(path: Path) -> dict[str, str]:
    root = defusedxml.ElementTree.parse(path).getroot()
    found: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != ENGINE_CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            target = message.find("translation")
            if source is None or target is None or not target.text:
                continue
            if target.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            found[source] = target.text
    return found


def catalogue(language: str) -> Translate:
    """A Translate for `language` from our catalogue; templates it lacks stay English."""
    messages = engine_messages(language)
    if not messages:
        return ENGLISH

    def translate(template: str) -> str:
        return messages.get(template, template)

    return InLanguage(translate, language)
