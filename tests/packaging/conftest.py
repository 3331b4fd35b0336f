"""One PyInstaller build per session (packaging/build.py, with its archives), shared by the
smoke test, the bundle's contents and budget, and the .deb."""

from __future__ import annotations

import fcntl
import json
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
    # With pytest-xdist each worker has its own session: the build goes to this run's
    # shared temporary folder, made by whichever worker comes first while the others wait
    # on the lock, then read its outcome (85 s of CPU once, not once per worker).
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # this run's folder, shared by its workers (never an older run's)
    out = root / "frozen-build"
    with open(root / "frozen-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        outcome = out / "outcome.json"
        if not outcome.exists():
            out.mkdir(exist_ok=True)
            outcome.write_text(json.dumps(_build(out)), encoding="utf-8")
    built = json.loads(outcome.read_text(encoding="utf-8"))
    if built["failure"]:
        pytest.fail(built["failure"], pytrace=False)
    return FrozenApp(Path(built["binary"]), built["seconds"])


def _build(out: Path) -> dict[str, object]:
    """One PyInstaller build into `out`: the binary, the seconds it took, or why it failed."""
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
        return {"failure": f"the PyInstaller build took over {BUILD_TIMEOUT} s"}
    seconds = time.monotonic() - started
    binary = out / "dist" / "connectivity-assistant" / "connectivity-assistant"
    if result.returncode != 0 or not binary.is_file():
        return {
            "failure": f"the PyInstaller build failed (exit {result.returncode}):\n"
            + (result.stdout + result.stderr)[-6000:]
        }
    return {"failure": "", "binary": str(binary), "seconds": seconds}


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    """A private settings and cache folder; the system's own library path."""
    env = dict(os.environ)
    env["CONNECTIVITY_ASSISTANT_CONFIG_DIR"] = str(tmp_path / "config")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env.pop("CA_SMOKE_QUIT_AFTER_MS", None)
    return env


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Whichever test first needs the build waits for it (with pytest-xdist, possibly on
    the other worker's lock): each such test may take the build's time on top of its own."""
    for item in items:
        if "frozen" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.timeout(BUILD_TIMEOUT + 240))
