"""Soak (issue 19 item 5): full demo diagnoses back to back in one wizard session against
the lab, through the wizard's own Run path; after each (and a full gc) the process's
threads, file descriptors, sockets and resident memory are sampled from /proc.

    .venv/bin/python bench/soak.py [runs]

Reports first/last/max of each, and the slope over the last half of the runs (by least
squares, per run: a leak grows steadily, a cache fills once and stays). Writes
build/reliability/soak.json, which bench/reliability.py reads for docs/RELIABILITY.md.
tests/gui/test_soak.py runs a few and asserts bounds (counts and MB, never times).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
OUT = ROOT / "build" / "reliability" / "soak.json"
MB = 1024 * 1024


def slope(values: list[float]) -> float:
    """Least-squares growth per run (0 for fewer than two values)."""
    count = len(values)
    if count < 2:
        return 0.0
    mean_x = (count - 1) / 2
    mean_y = sum(values) / count
    top = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values))
    bottom = sum((i - mean_x) ** 2 for i in range(count))
    return top / bottom


def summary(values: list[float], scale: float = 1.0) -> dict[str, float]:
    half = values[len(values) // 2 :]
    return {
        "first": round(values[0] / scale, 2) if values else 0.0,
        "last": round(values[-1] / scale, 2) if values else 0.0,
        "max": round(max(values, default=0) / scale, 2),
        "slope_last_half": round(slope(half) / scale, 4),
    }


def soak(wizard: Any, runs: int, timeout: float = 60.0) -> list[dict[str, Any]]:
    """`runs` full diagnoses in `wizard`, one sample after each."""
    import wizard_driver as drive

    samples = []
    for number in range(runs):
        started = time.monotonic()
        if not drive.run_to_results(wizard, timeout):
            raise RuntimeError(f"run {number + 1} did not finish in {timeout} s")
        report = wizard.session.report
        taken = drive.sample()
        taken["run_s"] = round(time.monotonic() - started, 3)
        taken["steps"] = len(report.steps)
        taken["overall"] = report.summary["overall"]
        samples.append(taken)
    return samples


def main(
    runs: int = 100, *, lab: Any = None, out: Path | None = OUT, scenario: str = "healthy"
) -> dict[str, Any]:
    """`runs` diagnoses in one wizard on `lab` (one is started when None)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import wizard_driver as drive

    from assistant.lab.tenant import Lab

    owned = Lab() if lab is None else None
    if owned is not None:
        owned.start()
    try:
        wizard = drive.make_wizard(lab or owned, scenario)
        try:
            samples = soak(wizard, runs)
        finally:
            drive.close(wizard)
    finally:
        if owned is not None:
            owned.stop()
    figures: dict[str, Any] = {
        "runs": runs,
        "scenario": scenario,
        "threads": summary([s["threads"] for s in samples]),
        "fds": summary([s["fds"] for s in samples]),
        "sockets": summary([s["sockets"] for s in samples]),
        "rss_mb": summary([s["rss"] for s in samples], MB),
        "run_s": summary([s["run_s"] for s in samples]),
        "outcomes": sorted({s["overall"] for s in samples}),
        "samples": [{k: v for k, v in s.items() if k != "run_threads"} for s in samples],
        "run_threads_left": sorted({n for s in samples for n in s["run_threads"]}),
    }
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in figures.items() if k != "samples"}))
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", type=int, nargs="?", default=100)
    main(parser.parse_args().runs)
