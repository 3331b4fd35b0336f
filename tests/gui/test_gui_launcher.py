"""`connectivity-assistant`: subcommands go to the headless CLI without importing Qt; with
no display, --demo falls back to the terminal demo."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ui import launcher


def run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_cli_subcommands_never_import_qt() -> None:
    code = (
        "import sys\n"
        "from ui.launcher import main\n"
        "code = main(['lab', '--list'])\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "print('exit', code)\n"
    )
    result = run(code)
    assert result.returncode == 0, result.stderr
    assert "exit 0" in result.stdout and "spf-loop" in result.stdout


def test_version_and_help_are_the_cli_s(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        launcher.main(["--version"])
    assert done.value.code == 0
    assert "connectivity-assistant" in capsys.readouterr().out


def test_an_unknown_scenario_is_bad_usage(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        launcher.main(["--demo", "--scenario", "no-such-thing"])
    assert done.value.code == 2
    assert "unknown lab scenario" in capsys.readouterr().err


def test_without_a_display_the_demo_runs_in_the_terminal() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    code = (
        "from ui.launcher import main; raise SystemExit(main(['--demo', '--scenario', 'spf-loop']))"
    )
    result = run(code, env)
    assert "no display" in result.stderr
    assert result.returncode == 1, result.stderr  # spf-loop has a failing check
    assert "dns.spf" in result.stdout
