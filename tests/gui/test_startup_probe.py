"""ui/startup_probe.py, as bench/startup.py --frozen uses it, on the installed app: with
CA_STARTUP_PROBE=1 the real launcher prints `first-paint {json}` after the wizard's first
paint and exits 0; without it (or with 0), starting the GUI does not import the probe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MARK = "first-paint "


def test_the_probe_reports_the_first_paint_and_exits(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CA_STARTUP_PROBE": "1",
        "CONNECTIVITY_ASSISTANT_CONFIG_DIR": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("CA_SMOKE_QUIT_AFTER_MS", None)
    result = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--lang", "en"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith(MARK)]
    assert len(lines) == 1, result.stdout
    figures = json.loads(lines[0][len(MARK) :])
    assert figures["rss_mib"] > 10 and figures["cpu_s"] > 0


@pytest.mark.parametrize(("value", "loaded"), [(None, False), ("0", False), ("1", True)])
def test_the_probe_is_imported_only_when_asked_for(value: str | None, loaded: bool) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CA_STARTUP_PROBE", None)
    if value is not None:
        env["CA_STARTUP_PROBE"] = value
    script = (
        "import sys, tempfile\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui import smoke\n"
        "from ui.app import create_wizard\n"
        "from ui.settings import Settings\n"
        "app = QApplication([])\n"
        "settings = Settings(Path(tempfile.mkdtemp()) / 'settings.json')\n"
        "wizard = create_wizard(app, language='en', settings=settings)\n"
        "smoke.watch_first_paint(wizard)\n"
        "print('ui.startup_probe' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == str(loaded)
