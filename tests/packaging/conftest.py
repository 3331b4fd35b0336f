"""One PyInstaller build per session (packaging/build.py, with its archives), shared by the
smoke test, the bundle's contents and budget, and the .deb."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from frozen_support import BUILD, BUILD_TIMEOUT, ROOT, FrozenApp


@pytest.fixture(scope="session")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> FrozenApp:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: pip install -e '.[test]'", pytrace=False)
    out = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, str(BUILD), "--dist", str(out / "dist"), "--work", str(out / "work")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the PyInstaller build took over {BUILD_TIMEOUT} s", pytrace=False)
    seconds = time.monotonic() - started
    binary = out / "dist" / "connectivity-assistant" / "connectivity-assistant"
    if result.returncode != 0 or not binary.is_file():
        pytest.fail(
            f"the PyInstaller build failed (exit {result.returncode}):\n"
            + (result.stdout + result.stderr)[-6000:],
            pytrace=False,
        )
    return FrozenApp(binary, seconds)


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    """A private settings and cache folder; the system's own library path."""
    env = dict(os.environ)
    env["CONNECTIVITY_ASSISTANT_CONFIG_DIR"] = str(tmp_path / "config")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env.pop("CA_SMOKE_QUIT_AFTER_MS", None)
    return env
