"""Lint, types and the layer rule run as part of the test command, so CI cannot skip them."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_ruff_lint() -> None:
    result = run(str(BIN / "ruff"), "check", "assistant", "ui", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "assistant", "ui", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_engine() -> None:
    result = run(str(BIN / "mypy"), "assistant")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_ui() -> None:
    result = run(str(BIN / "mypy"), "ui")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts() -> None:
    """No Qt in the engine, the layers, nobody imports the lab, the lab imports no checks,
    no import circles (pyproject.toml, [tool.importlinter])."""
    result = run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_every_engine_module_has_a_layer() -> None:
    """A new module under assistant/ must be placed in the layers (and be kept from
    importing the lab), or the contracts would say nothing about it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}
    layers = next(c for c in contracts.values() if c["type"] == "layers")["layers"]
    layered = {name.strip("() ") for layer in layers for name in re.split("[|:]", layer)}
    no_lab = contracts["Nothing in the engine imports the lab but the CLI's demo"]
    engine = {
        f"assistant.{module.name}"
        for module in pkgutil.iter_modules([str(ROOT / "assistant")])
        if not module.name.startswith("_")
    }
    assert engine - layered == set()
    assert set(no_lab["source_modules"]) == engine - {"assistant.lab"}


def test_engine_runs_with_qt_unimportable() -> None:
    """Prove the rule, not just lint it: block PySide6 and ui, import every engine
    module, and run a real diagnosis against the lab."""
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {"PySide6", "shiboken6", "ui"}:
                    raise ImportError("blocked for this test: " + name)
                return None

        sys.meta_path.insert(0, Block())
        import assistant
        for mod in pkgutil.walk_packages(assistant.__path__, "assistant."):
            importlib.import_module(mod.name)
        from assistant.cli import run_demo
        code = run_demo("healthy")
        print("exit", code)
        """
    )
    result = run(sys.executable, "-c", script)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "exit 0" in result.stdout
    assert "dns.dane" in result.stdout
