"""The zh_CN catalogue is complete: every engine template the source uses is in it,
translated, with the same placeholders; and nothing anywhere is left unfinished."""

from __future__ import annotations

import re
from pathlib import Path

import defusedxml.ElementTree
import pytest

from assistant.text import placeholders
from assistant.text_extract import extract

TS = Path(__file__).resolve().parents[2] / "resources/translations/connectivity_assistant_zh_CN.ts"
QT_ARG = re.compile(r"%\d+")


def has_words(template: str) -> bool:
    """Whether there is English to translate outside the placeholders: "HTTP {status}" or
    "{host}:{port}" may read the same in both languages."""
    words = re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", template))
    return any(len(w) >= 3 and not w.isupper() for w in words)


def catalogue() -> dict[str, dict[str, tuple[str, bool]]]:
    """context -> source -> (translation, finished)."""
    root = defusedxml.ElementTree.parse(TS).getroot()
    out: dict[str, dict[str, tuple[str, bool]]] = {}
    for context in root.iter("context"):
        messages = out.setdefault(context.findtext("name") or "", {})
        for message in context.iter("message"):
            target = message.find("translation")
            assert target is not None
            finished = target.get("type") not in ("unfinished", "vanished", "obsolete")
            messages[message.findtext("source") or ""] = (target.text or "", finished)
    return out


@pytest.fixture(scope="module")
def engine() -> dict[str, tuple[str, bool]]:
    return catalogue().get("Engine", {})


def test_every_engine_template_is_in_the_catalogue(engine: dict[str, tuple[str, bool]]) -> None:
    missing = [t for t in extract().unique() if t not in engine]
    assert missing == [], "run: python -m ui.i18n update, then translate"


def test_every_engine_template_is_translated_with_its_placeholders(
    engine: dict[str, tuple[str, bool]],
) -> None:
    wrong = []
    for source, (translation, finished) in engine.items():
        if not finished or not translation.strip():
            wrong.append(f"untranslated: {source!r}")
        elif placeholders(translation) != placeholders(source):
            wrong.append(f"placeholders differ: {source!r} -> {translation!r}")
        elif translation == source and has_words(source):
            wrong.append(f"still English: {source!r}")
    assert wrong == []


def test_nothing_in_the_catalogue_is_left_unfinished_or_loses_an_argument() -> None:
    wrong = []
    for context, messages in catalogue().items():
        for source, (translation, finished) in messages.items():
            if not finished or not translation.strip():
                wrong.append(f"{context}: {source!r}")
            elif sorted(QT_ARG.findall(source)) != sorted(QT_ARG.findall(translation)):
                wrong.append(f"{context}: %-arguments differ in {source!r}")
    assert wrong == []
