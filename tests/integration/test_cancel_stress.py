"""Cancellation under stress (issue 19 item 4), a few dozen runs of bench/cancel_stress.py:
runs cancelled at random moments in the command line (SIGINT) and in the wizard (Cancel)
all end, and leave no process, lab folder, run thread, file descriptor or socket behind.
How long each took is recorded by the benchmark (200 runs), never asserted here."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from assistant.lab.tenant import Lab

pytestmark = pytest.mark.lab

BENCH = Path(__file__).resolve().parents[2] / "bench"
ENDINGS = {0, 1, 130, -2}  # finished (pass or problems), cancelled, or SIGINT at start-up


def load_bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def stress() -> ModuleType:
    return load_bench("cancel_stress")


def test_cli_runs_cancelled_at_random_moments_end_and_leave_nothing(
    stress: ModuleType, lab: Lab
) -> None:
    figures = stress.main(6, wizard_runs=0, demo_runs=3, seed=7, out=None, lab=lab)
    for part in ("cli", "cli_demo"):
        results = figures[part]["results"]
        assert len(results) == figures[part]["runs"]
        for run in results:
            assert run["exit"] in ENDINGS and not run["crashed"], run
            assert run["processes_left"] == [], run
            assert run["folders_left"] == [], run
        assert figures[part]["leftovers"] == 0
        full = figures[part]["full_run"]  # the same checks on a run not cancelled
        assert full["exit"] in (0, 1) and not full["processes_left"] and not full["folders_left"]
    # The signal landed in runs; the demo's own services (Dovecot, Postfix) were seen
    # by the watcher, so "nothing left" was looked for where it would be.
    assert figures["cli"]["cancelled"] + figures["cli_demo"]["cancelled"] >= 1
    assert figures["cli_demo"]["full_run"]["children_seen"] > 0


def test_wizard_runs_cancelled_at_random_moments_end_and_leave_nothing(
    stress: ModuleType, lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.settings import ENV_DIR

    monkeypatch.setenv(ENV_DIR, str(tmp_path / "config"))
    figures = stress.main(0, wizard_runs=12, demo_runs=0, seed=11, out=None, lab=lab)
    wizard = figures["wizard"]
    assert wizard["runs"] == 12 and wizard["cancelled"] >= 6
    for run in wizard["results"]:
        assert run["ended"], run
        assert run["threads_left"] == [], run
        assert run["children_over"] <= 0, run
        if run["cancelled"]:
            assert run["control_s"] is not None, "Cancel went straight to the Results page"
    # A small bound: a pooled connection of the lab's or Qt's may come and go.
    assert wizard["fds_over_max"] <= 4 and wizard["sockets_over_max"] <= 4
    assert wizard["leftovers"] == 0


def test_ctrl_c_while_the_lab_reads_its_zones_stays_a_ctrl_c(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """dnspython wraps any exception in its SyntaxError, Ctrl-C too: a demo interrupted
    while its lab started printed "bad lab DNS record" and a traceback (the stress found
    it); the lab hands the KeyboardInterrupt on, and the CLI says "cancelled"."""
    import dns.rdtypes.IN.A

    from assistant.lab.dns_zone import Record, _parse_rrset

    def interrupted(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(dns.rdtypes.IN.A.A, "from_text", classmethod(interrupted))
    with pytest.raises(KeyboardInterrupt):
        _parse_rrset(Record("host.contoso.test", "A", "127.0.0.1", 300))
