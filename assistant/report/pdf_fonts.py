"""Finding a Unicode font for the PDF at run time.

The PDF needs a TrueType font that covers what reports contain: accented and IDN
names (müller.de), Cyrillic and Greek, the verdict symbols, and Chinese (21Vianet
tenants). DejaVu (Debian `fonts-dejavu-core`) covers all but Chinese; WenQuanYi Micro
Hei (`fonts-wqy-microhei`) is added as a fallback for CJK glyphs. When neither is
found the PDF is still written with a built-in Latin-1 font, characters it cannot
show become "?", and the caller is told (`FontSet.notes`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR_VARIABLE = "CONNECTIVITY_ASSISTANT_FONT_DIR"
_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype/wqy",
    "/usr/share/fonts/wenquanyi/wqy-microhei",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
)
_SANS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf")
_CJK = ("wqy-microhei.ttc", "wqy-zenhei.ttc", "NotoSansCJK-Regular.ttc")
NO_UNICODE_FONT = (
    "no Unicode font was found for the PDF (install fonts-dejavu-core, or put "
    f"DejaVuSans.ttf in ${FONT_DIR_VARIABLE}); characters outside Latin-1 show as '?'"
)
NO_CJK_FONT = (
    "no CJK font was found for the PDF (install fonts-wqy-microhei); "
    "Chinese, Japanese and Korean text may be missing from it"
)


@dataclass(frozen=True)
class FontSet:
    regular: Path | None = None
    bold: Path | None = None
    mono: Path | None = None
    cjk: Path | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def unicode(self) -> bool:
        return self.regular is not None


def search_dirs(env: dict[str, str] | None = None) -> list[Path]:
    environ = os.environ if env is None else env
    extra = [Path(p) for p in environ.get(FONT_DIR_VARIABLE, "").split(os.pathsep) if p]
    windows = Path(environ.get("WINDIR", "C:/Windows")) / "Fonts"
    return [*extra, *(Path(d).expanduser() for d in _DIRS), windows]


def find_fonts(dirs: Sequence[Path] | None = None) -> FontSet:
    where = list(dirs) if dirs is not None else search_dirs()
    regular, bold, mono = (_first(where, [name]) for name in _SANS)
    cjk = _first(where, _CJK)
    notes: list[str] = []
    if regular is None:
        notes.append(NO_UNICODE_FONT)
    elif cjk is None:
        notes.append(NO_CJK_FONT)
    return FontSet(regular, bold or regular, mono or regular, cjk, tuple(notes))


def _first(dirs: Iterable[Path], names: Sequence[str]) -> Path | None:
    for name in names:
        for folder in dirs:
            path = folder / name
            if path.is_file():
                return path
    return None
