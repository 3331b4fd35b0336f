"""Soak (issue 19 item 5), a few runs of bench/soak.py: full demo diagnoses back to back
in one wizard, through its own Run path; after the first run, threads and file
descriptors return to their level and memory stops growing (bounds, not times)."""

from __future__ import annotations

import gc
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from assistant.lab.tenant import Lab

pytestmark = pytest.mark.lab

BENCH = Path(__file__).resolve().parents[2] / "bench"
RUNS = 8
RSS_GROWTH_BOUND_MB = 30  # runs 3..8: a leak of a report per run would pass it soon


def load_bench(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_back_to_back_runs_leave_threads_fds_and_memory_at_their_level(
    qapp, lab: Lab, config_dir: Path
) -> None:
    soak = load_bench("soak")
    drive = load_bench("wizard_driver")
    from ui.consent import ConsentBroker
    from ui.runs import DiagnosisRun

    def runs_alive() -> int:  # in the whole process: earlier tests' wizards may hold some
        gc.collect()
        return sum(isinstance(o, DiagnosisRun) for o in gc.get_objects())

    before = runs_alive()
    wizard = drive.make_wizard(lab)
    try:
        samples = soak.soak(wizard, RUNS)
        # The wizard lets go of each run it has moved on from: it kept every one (its
        # diagnosis, log and report, about 1 MB a run) as a QObject child before.
        drive.pump(0.05)
        assert len(wizard.findChildren(DiagnosisRun)) == 1
        assert len(wizard.findChildren(ConsentBroker)) <= 1
        assert runs_alive() - before <= 1
    finally:
        drive.close(wizard)
    assert len(samples) == RUNS
    assert all(s["steps"] > 10 for s in samples), "every run was the full diagnosis"
    assert {s["overall"] for s in samples} <= {"pass", "info", "warn"}
    first = samples[0]
    for later in samples[1:]:
        assert later["run_threads"] == [], later
        assert abs(later["threads"] - first["threads"]) <= 2, (first, later)
        assert abs(later["fds"] - first["fds"]) <= 2, (first, later)
        assert abs(later["sockets"] - first["sockets"]) <= 2, (first, later)
    growth = (samples[-1]["rss"] - samples[2]["rss"]) / soak.MB
    assert growth < RSS_GROWTH_BOUND_MB, [round(s["rss"] / soak.MB, 1) for s in samples]


def test_the_soak_figures_are_written(tmp_path: Path, qapp, lab: Lab, config_dir: Path) -> None:
    soak = load_bench("soak")
    figures = soak.main(2, lab=lab, out=tmp_path / "soak.json")
    assert (tmp_path / "soak.json").is_file()
    assert figures["runs"] == 2 and figures["run_threads_left"] == []
    assert set(figures["rss_mb"]) == {"first", "last", "max", "slope_last_half"}
    assert soak.slope([1, 2, 3, 4]) == pytest.approx(1.0)
