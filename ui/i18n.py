"""Translations: compile the `.ts` sources to `.qm` when stale, load them, switch language.

The `.ts` files in resources/translations/ are the sources (edit them with Qt Linguist;
refresh them from the code with `python -m ui.i18n update`). The compiled `.qm` files
are build output: the app compiles them at startup when they are missing or older
than their source (pyside6-lrelease ships with PySide6-Essentials), into build/ in a
source checkout or the user's cache folder otherwise. A frozen app (the PyInstaller
build, packaging/) carries them compiled, with Qt's own catalogue, in its bundle's
translations/ folder, and never looks for lrelease.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
CATALOG = "connectivity_assistant"
ENGLISH = "en"
LANGUAGES = {ENGLISH: "English", "zh_CN": "简体中文"}  # each in its own language


def fmt(text: str, *args: object) -> str:
    """Fill Qt-style %1, %2 ... placeholders (translators keep those in place)."""
    for number in range(len(args), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(args[number - 1]))
    return text


def _qt_tool(name: str) -> Path | None:
    import PySide6

    here = Path(PySide6.__file__).parent
    for candidate in (
        Path(sys.executable).parent / f"pyside6-{name}",
        here / name,
        here / f"{name}.exe",
    ):
        if candidate.exists():
            return candidate
    return None


BUNDLED_TRANSLATIONS = "translations"  # inside a frozen app's bundle (packaging/*.spec)
QT_CATALOG = "qtbase"  # Qt's own texts: standard buttons, dialogs, context menus


def frozen_bundle() -> Path | None:
    """The folder a PyInstaller build unpacked its files to; None when running from
    source or an installed package."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))


def qm_dir() -> Path:
    build = ROOT / "build" / "translations"
    try:
        build.mkdir(parents=True, exist_ok=True)
        if os.access(build, os.W_OK):
            return build
    except OSError:
        pass
    cache = Path(platformdirs.user_cache_dir("connectivity-assistant", appauthor=False))
    return cache / "translations"


def compile_catalogs(out: Path) -> list[Path]:
    """Compile every .ts that is stale in `out` into a .qm there; returns the .qm files
    that exist afterwards (packaging/ checks that none is missing)."""
    out.mkdir(parents=True, exist_ok=True)
    compiled = []
    for ts in sorted(TS_DIR.glob(f"{CATALOG}_*.ts")):
        qm = out / (ts.stem + ".qm")
        compiled.append(qm)
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = _qt_tool("lrelease")
        if tool is None:
            print(
                f"connectivity-assistant: lrelease not found; {ts.name} not compiled",
                file=sys.stderr,
            )
            continue
        import subprocess  # only when a catalogue is stale: not on a normal start

        subprocess.run(  # noqa: S603 - our own tool on our own file
            [str(tool), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60
        )
    return [qm for qm in compiled if qm.exists()]


def ensure_compiled() -> Path:
    """The folder holding the .qm files: compiled now when stale (from source), or the
    ones built into a frozen app."""
    bundle = frozen_bundle()
    if bundle is not None:
        return bundle / BUNDLED_TRANSLATIONS
    out = qm_dir()
    compile_catalogs(out)
    return out


def qt_translations_dir() -> str:
    """Where Qt's own catalogues are: PySide6's folder, or the frozen app's bundle (which
    keeps only the ones loaded here)."""
    bundle = frozen_bundle()
    if bundle is not None:
        return str(bundle / BUNDLED_TRANSLATIONS)
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def system_language() -> str:
    name = QLocale.system().name()  # "zh_CN", "en_US", ...
    if name.startswith("zh"):
        return "zh_CN"
    return ENGLISH


_MNEMONIC = re.compile(r"&([^&\s])")
_TRAILER = re.compile(r"([:：…]|\.\.\.)$")


def with_mnemonic(translated: str, letter: str) -> str:
    """`translated` with the Chinese-style mnemonic "(&L)" before its trailing colon or
    ellipsis: "查找范围：" and "L" give "查找范围(&L)："."""
    mark = f"(&{letter.upper()})"
    trailer = _TRAILER.search(translated)
    if trailer is None:
        return translated + mark
    return translated[: trailer.start()] + mark + trailer.group(1)


class QtMnemonicFallback(QTranslator):
    """Qt's own texts that Qt 6 gave a mnemonic its Chinese catalogue does not have yet
    (QFileDialog's "&Look in:" and "Files of &type:"; the catalogue has "Look in:"): the
    translation of the text without the "&", with the mnemonic added the Chinese way.
    Asked only after our catalogue and Qt's have no answer, and only for Qt's classes."""

    def __init__(self, qt_catalogue: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._qt = qt_catalogue

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": Qt takes an empty (but not null) string as a translation, and this
        # translator is asked for every text the catalogues lack (ours too).
        if not context or not context.startswith("Q") or "&" not in (source or ""):
            return None
        found = _MNEMONIC.search(source.replace("&&", ""))
        if found is None:
            return None
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&")
        translated = self._qt.translate(context, plain, disambiguation, n)
        return with_mnemonic(translated, found.group(1)) if translated else None


class Translations:
    """Installs our catalogue and Qt's own for one language; `switch` changes it live
    (Qt then sends every widget a LanguageChange event and the pages retranslate)."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ENGLISH
        self._qm = ensure_compiled()

    def switch(self, language: str) -> str:
        if language not in LANGUAGES:
            language = ENGLISH
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        if language != ENGLISH:
            ours = QTranslator(self._app)
            if ours.load(f"{CATALOG}_{language}", str(self._qm)):
                self._installed.append(ours)
            qt_own = QTranslator(self._app)
            if qt_own.load(f"{QT_CATALOG}_{language}", qt_translations_dir()):
                # Installed first, so asked last: only for what neither catalogue has.
                self._installed.insert(0, QtMnemonicFallback(qt_own, self._app))
                self._installed.append(qt_own)
            for translator in self._installed:
                self._app.installTranslator(translator)
        QLocale.setDefault(QLocale(language if language != ENGLISH else "en_US"))
        self.language = language
        return language


ENGINE_CONTEXT = "Engine"


def engine_sources(folder: Path) -> Path:
    """The engine's templates (assistant/text.py) as a file lupdate reads: the engine has no
    Qt, so its `msg(...)` calls are not something lupdate recognises by itself."""
    from assistant.text_extract import extract  # a maintainer's tool, not start-up

    found = extract()
    if found.problems:
        raise SystemExit("engine templates need fixing:\n" + "\n".join(found.problems))
    lines = [f"QT_TRANSLATE_NOOP({ENGINE_CONTEXT!r}, {_py_literal(t)})" for t in found.unique()]
    path = folder / "engine_templates.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _py_literal(text: str) -> str:
    # Double quotes and \n escapes: the form lupdate's Python reader parses reliably.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def update_sources() -> None:
    """Refresh the .ts sources from the code (keeps existing translations)."""
    tool = _qt_tool("lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found")
    import subprocess

    scratch = ROOT / "build"
    scratch.mkdir(exist_ok=True)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    sources.append(str(engine_sources(scratch)))
    for language in LANGUAGES:
        if language == ENGLISH:
            continue
        ts = TS_DIR / f"{CATALOG}_{language}.ts"
        subprocess.run(  # noqa: S603
            [str(tool), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
            check=True,
        )


def fill_translations(language: str, translations: dict[str, str], context: str) -> int:
    """Writes translations (source text -> translated text) into the .ts of `language` for
    messages of `context` it already lists (run `update` first); returns how many. For
    translators who work in a spreadsheet or a JSON file rather than Qt Linguist."""
    from xml.etree import ElementTree

    import defusedxml.ElementTree

    ts = TS_DIR / f"{CATALOG}_{language}.ts"
    tree = defusedxml.ElementTree.parse(ts)
    filled = 0
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            source = message.findtext("source")
            target = message.find("translation")
            if source in translations and target is not None:
                target.text = translations[source]
                target.attrib.pop("type", None)
                filled += 1
    ElementTree.indent(tree, space="    ")
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    ts.write_text(header + body + "\n", encoding="utf-8")
    return filled


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        update_sources()
    elif sys.argv[1:2] == ["fill"] and len(sys.argv) >= 4:
        # python -m ui.i18n fill zh_CN FILE.json [FILE.json ...]  (engine templates)
        merged: dict[str, str] = {}
        for name in sys.argv[3:]:
            merged.update(json.loads(Path(name).read_text(encoding="utf-8")))
        print(fill_translations(sys.argv[2], merged, ENGINE_CONTEXT), "translations written")
    else:
        print(ensure_compiled())
