"""The frozen app's first-paint probe (bench/startup.py --frozen times it; issue 17 item 7):
with CA_STARTUP_PROBE=1 the built wizard prints `first-paint {json}` once it has painted
and leaves with exit 0, and without it the probe is not even loaded. No timing here: the
benchmark measures, this keeps the probe from rotting in the bundle."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from frozen_support import BUILD_TIMEOUT, FrozenApp, run

MARK = "first-paint "

pytestmark = [
    pytest.mark.timeout(BUILD_TIMEOUT + 60),  # the first test may wait for the build
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only (CI): /proc"),
]


def test_the_frozen_wizard_reports_its_first_paint_and_exits(
    frozen: FrozenApp, app_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**app_env, "QT_QPA_PLATFORM": "offscreen", "CA_STARTUP_PROBE": "1"}
    result = run([str(frozen.binary), "--lang", "en"], env, tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith(MARK)]
    assert len(lines) == 1, result.stdout
    figures = json.loads(lines[0][len(MARK) :])
    # /proc/self/status was read inside the bundle: a wizard holds tens of MiB.
    assert figures["rss_mib"] > 10
    assert figures["cpu_s"] > 0


def test_without_the_variable_the_probe_stays_out(
    frozen: FrozenApp, app_env: dict[str, str], tmp_path: Path
) -> None:
    """The smoke hook closes the wizard instead: no first-paint line, a normal exit."""
    env = {**app_env, "QT_QPA_PLATFORM": "offscreen", "CA_SMOKE_QUIT_AFTER_MS": "0"}
    env.pop("CA_STARTUP_PROBE", None)
    result = run([str(frozen.binary), "--lang", "en"], env, tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert MARK not in result.stdout
    assert "smoke: " in result.stdout
