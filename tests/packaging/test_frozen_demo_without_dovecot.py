"""The packaged app's demo on a machine without Dovecot (issue 18 item 3): /usr/sbin/dovecot
is hidden in a private mount namespace (a bind mount of /dev/null over it, which is not
executable), PATH holds no sbin folder, and neither CI nor CA_LAB_MAIL chooses for the lab:
it must find Dovecot missing on its own and let the built-in responder play IMAP and POP."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from frozen_support import FrozenApp

from assistant.model import Status
from assistant.report.json_report import load_json

DOVECOT = Path("/usr/sbin/dovecot")


def test_the_frozen_demo_works_where_dovecot_is_not_installed(
    frozen: FrozenApp, app_env: dict[str, str], tmp_path: Path
) -> None:
    unshare = shutil.which("unshare")
    assert unshare, "util-linux's unshare is needed to hide Dovecot"
    report_path = tmp_path / "demo.json"
    env = {k: v for k, v in app_env.items() if k not in ("CI", "CA_LAB_MAIL")}
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    hide = f"mount --bind /dev/null {DOVECOT}" if DOVECOT.exists() else "true"
    script = f'{hide} && test ! -x {DOVECOT} && exec "$0" demo --scenario healthy --json "$1"'
    result = subprocess.run(
        [
            unshare,
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            script,
            str(frozen.binary),
            str(report_path),
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if "unshare failed" in result.stderr or "Operation not permitted" in result.stderr:
        pytest.fail(f"cannot hide Dovecot here: {result.stderr[-500:]}", pytrace=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "built-in demo responder (Dovecot not installed)" in result.stderr, result.stderr
    report = load_json(report_path)
    verdicts = {step.id: step.status for step in report.steps}
    assert verdicts["imap.login"] is Status.PASS
    assert verdicts["pop.login"] is Status.PASS
    assert not [i for i, s in verdicts.items() if s in (Status.FAIL, Status.ERROR)]
