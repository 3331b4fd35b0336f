"""Shared by tests/packaging: the built app, running it, and loading packaging/*.py by path
(the folder is not importable as `packaging`: that name is PyPI's library)."""

from __future__ import annotations

import runpy
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.py"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
BUILD_TIMEOUT = 540


@dataclass(frozen=True)
class FrozenApp:
    binary: Path
    seconds: float

    @property
    def folder(self) -> Path:
        return self.binary.parent

    @property
    def dist(self) -> Path:
        return self.folder.parent


def packaging_module(name: str) -> dict[str, Any]:
    """packaging/<name>.py's globals (run as a module, not as __main__)."""
    return runpy.run_path(str(ROOT / "packaging" / f"{name}.py"), run_name=f"packaging_{name}")


def run(
    command: list[str], env: dict[str, str], cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
