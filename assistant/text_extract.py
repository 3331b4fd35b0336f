"""Finds every translatable engine template in the source: the first argument of each
`msg(...)` call and of each `N_(...)` marker (assistant/text.py).

Used by `python -m ui.i18n update` to refresh the translation sources, and by the tests
that hold the engine to the rules (literal templates, named placeholders, arguments that
match them).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from assistant.text import placeholders

ENGINE = Path(__file__).resolve().parent
MARKERS = ("msg", "N_")


@dataclass(frozen=True)
class Found:
    template: str
    where: str  # path:line


@dataclass
class Extraction:
    templates: list[Found] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def unique(self) -> list[str]:
        """Each template once, in the order first found (a stable .ts order)."""
        return list(dict.fromkeys(f.template for f in self.templates))


def extract(root: Path = ENGINE) -> Extraction:
    out = Extraction()
    for path in sorted(root.rglob("*.py")):
        if path.name in ("text.py", "text_extract.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _marker(node.func) is not None:
                _one(node, f"{path.relative_to(root.parent)}:{node.lineno}", out)
    return out


def _marker(func: ast.expr) -> str | None:
    name = func.id if isinstance(func, ast.Name) else None
    return name if name in MARKERS else None


def _one(call: ast.Call, where: str, out: Extraction) -> None:
    marker = _marker(call.func)
    if not call.args:
        out.problems.append(f"{where}: {marker}() without a template")
        return
    first = call.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        if marker == "msg" and isinstance(first, ast.Name | ast.Attribute | ast.Subscript):
            return  # a template from a table, marked with N_ where it is defined
        out.problems.append(f"{where}: {marker}() needs a string literal, not an expression")
        return
    template = first.value
    try:
        names = placeholders(template)
    except ValueError as error:
        out.problems.append(f"{where}: {error}")
        return
    if marker == "msg":
        keywords = [k.arg for k in call.keywords]
        given = {k for k in keywords if k is not None}
        if None not in keywords:  # no **kwargs: the names can be checked here
            if missing := names - given:
                out.problems.append(f"{where}: no argument for {sorted(missing)}")
            if extra := given - names:
                out.problems.append(f"{where}: {sorted(extra)} not in the template")
        if len(call.args) > 1:
            out.problems.append(f"{where}: msg() takes its arguments by name")
    out.templates.append(Found(template, where))
