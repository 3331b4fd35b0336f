"""Peak memory of a full GUI run: the wizard's process from start to the Results page of the
demo's full diagnosis, against a bare three-page QWizard process's peak as the baseline.

    .venv/bin/python bench/bench_memory.py [rounds]

Each figure is a fresh interpreter's peak resident set size (VmHWM, else ru_maxrss). The
run is bench/bench_heartbeat.py's child (the real wizard, the demo lab started as "Try the
demo" does, in the same process, four checks at a time); the bare wizard is shown and left
to idle for a moment. The target (issue 17) is a run's peak at most TARGET_MIB.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_MIB = 250
MARK = "bare-peak "


def _heartbeat() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_heartbeat", HERE / "bench_heartbeat.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bare_child() -> None:
    """A bare QWizard with three pages, shown; its peak RSS once it has painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    for title in ("Welcome", "Target", "Results"):
        page = QWizardPage()
        page.setTitle(title)
        QVBoxLayout(page).addWidget(QLabel(f"The {title} page."))
        wizard.addPage(page)
    wizard.resize(900, 680)
    wizard.show()

    def leave() -> None:
        sys.stdout.write(MARK + json.dumps({"peak_rss_mib": _heartbeat().peak_rss_mib()}) + "\n")
        sys.stdout.flush()
        os._exit(0)

    QTimer.singleShot(500, leave)
    app.exec()


def bare_round() -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--bare"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout
    for line in out.splitlines():
        if line.startswith(MARK):
            return float(json.loads(line[len(MARK) :])["peak_rss_mib"])
    raise RuntimeError("the bare wizard ended without figures")


def main(rounds: int = 3, workers: int = 4) -> dict[str, Any]:
    """Peaks in MiB (the largest over `rounds`), the ratio ours / bare, and the target."""
    heartbeat = _heartbeat()
    bare = max(bare_round() for _ in range(rounds))
    ours: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        home = Path(scratch)
        for label, lab_out in (("demo_run", False), ("run_lab_elsewhere", True)):
            peaks = [
                heartbeat.one_round(workers, tree=ROOT, home=home, fresh=False, lab_out=lab_out)[
                    "peak_rss_mib"
                ]
                for _ in range(rounds)
            ]
            ours[label] = round(max(peaks), 1)
    return {
        "rounds": rounds,
        "workers": workers,
        "bare_peak_mib": round(bare, 1),
        "demo_run_peak_mib": ours["demo_run"],
        "lab_elsewhere_peak_mib": ours["run_lab_elsewhere"],
        "ratio": round(ours["demo_run"] / bare, 2),
        "target_mib": TARGET_MIB,
        "within_target": ours["demo_run"] <= TARGET_MIB,
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--bare"]:
        bare_child()
    else:
        figures = main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
        print(
            f"peak RSS: bare QWizard {figures['bare_peak_mib']} MiB; full demo run "
            f"{figures['demo_run_peak_mib']} MiB ({figures['ratio']}x; target "
            f"<= {TARGET_MIB} MiB); the lab in another process: "
            f"{figures['lab_elsewhere_peak_mib']} MiB"
        )
        print(json.dumps(figures))
