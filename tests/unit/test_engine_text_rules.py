"""The engine's user-facing text is translatable (assistant/text.py): the rules, held
statically over the source so a path no lab scenario reaches is held to them too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant.text_extract import ENGINE, extract

# Where Steps, Remedies and Evidence are made for people to read. The lab, the reports'
# own headings and the CLI's messages are English by design.
USER_FACING = [
    *sorted(p for folder in ("checks", "net", "auth") for p in (ENGINE / folder).rglob("*.py")),
    ENGINE / "runner.py",
]

# Which arguments of which constructors are text a person reads: (position, keyword).
TEXT_ARGS = {
    "Step": ((1, "title"), (3, "summary"), (4, "details")),
    "Remedy": ((0, "text"),),
    "Evidence": ((1, "label"),),
    "Check": ((1, "title"),),  # the runner titles its cancelled and timed-out steps with it
}
TEXT_NAMES = {"title", "summary", "details"}  # variables and attributes holding such text


def english_literal(node: ast.expr) -> str | None:
    """Why `node` is finished English rather than translatable text, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
        return f"the literal {node.value[:40]!r}"
    if isinstance(node, ast.JoinedStr):
        return "an f-string"
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add | ast.Mod)
        and any(english_literal(s) or isinstance(s, ast.BinOp) for s in (node.left, node.right))
    ):
        return "text glued with + or %"
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("join", "format")
        and isinstance(node.func.value, ast.Constant)
    ):
        return f"str.{node.func.attr}() (use text.join or msg)"
    if isinstance(node, ast.IfExp):
        return english_literal(node.body) or english_literal(node.orelse)
    return None


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            for position, keyword in TEXT_ARGS.get(name or "", ()):
                args = [k.value for k in node.keywords if k.arg == keyword]
                if len(node.args) > position:
                    args.append(node.args[position])
                for arg in args:
                    if why := english_literal(arg):
                        found.append(f"{path.name}:{node.lineno}: {name} {keyword} is {why}")
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {
                t.id if isinstance(t, ast.Name) else t.attr
                for t in targets
                if isinstance(t, ast.Name | ast.Attribute)
            }
            if not (names & TEXT_NAMES) or node.value is None:
                continue
            if isinstance(node, ast.AugAssign):
                found.append(f"{path.name}:{node.lineno}: {sorted(names)[0]} is extended with +=")
            elif why := english_literal(node.value):
                found.append(f"{path.name}:{node.lineno}: {sorted(names)[0]} is {why}")
    return found


@pytest.mark.parametrize("path", USER_FACING, ids=lambda p: str(p.relative_to(ENGINE)))
def test_user_facing_text_is_made_with_msg(path: Path) -> None:
    assert violations(path) == []


def test_every_template_is_a_literal_with_named_placeholders_and_matching_arguments() -> None:
    found = extract()
    assert found.problems == []
    assert len(found.unique()) > 10  # the scan found the engine's calls at all


def test_the_rules_catch_what_they_are_for() -> None:
    bad = """
Step("x", f"Title {a}", Status.PASS, summary="done")
Remedy("Do this" + thing)
summary = ", ".join(items)
step.details += "more"
"""
    tree_file = Path(__file__).parent / "_rules_sample.py"
    tree_file.write_text(bad, encoding="utf-8")
    try:
        found = violations(tree_file)
    finally:
        tree_file.unlink()
    assert len(found) == 5, found
