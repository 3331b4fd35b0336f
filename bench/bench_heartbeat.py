"""The wizard's heartbeat during a full demo run: how long the GUI thread's event loop is kept
waiting while the engine, its workers and the demo lab run.

    .venv/bin/python bench/bench_heartbeat.py [rounds] [workers ...] [--warm|--fresh]
        [--thread-only] [--sample]

Each round starts a fresh interpreter (`--child`) that opens the real wizard (offscreen),
starts the demo lab, waits until the lab is up and the warm-up has ended (as by the time a
person has clicked through to Run), ticks a precise QTimer every HEARTBEAT_MS for IDLE_MS
with nothing running (the machine's own noise, "idle"), then runs the demo's full diagnosis
with `ui.runs.GUI_MAX_WORKERS` set to N and keeps ticking until the Results page. The gaps
between ticks are the stalls a user would feel; each row pools every round's gaps (p50,
p99, max, how many over 16 and 50 ms), with the run's wall time, the GUI thread's own CPU
time and its wait for a CPU (other processes: the machine, not the GIL), and the peak RSS.

Configurations (CONFIGS): the engine on a thread of the wizard (today's runner) or in a
child process (ui/engine_process.py, the prototype behind ui.runs.ENGINE_PROCESS); the
demo lab in the wizard's process (as "Try the demo" runs it) or in a process of its own,
niced (`--lab`; as real servers are, elsewhere). Two kinds of wizard process:
- warm: the checkout, bytecode compiled beforehand into a private PYTHONPYCACHEPREFIX;
- fresh: a copy of the sources with no bytecode (PYTHONDONTWRITEBYTECODE), as a first run
  from a fresh clone; the venv's packages keep their bytecode (an installed venv has it).

`--sample` adds one more round per row with bench/heartbeat_probe.py's sampler: where every
other thread was while the GUI thread was late (what held the GIL), under "culprits".
BENCH_PROFILE=1 on a `--child` prints a cProfile of the GUI thread over the run;
BENCH_WATCHDOG=1 dumps every thread's stack (faulthandler) when a tick is 60 ms late.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MARK = "heartbeat "
HEARTBEAT_MS = 5
SPARE_WAIT_MS = 3000  # the engine-process prototype's spare loads the engine meanwhile
IDLE_MS = 300  # the heartbeat before the run, with nothing running: the baseline
STALL_MS = 16  # the target: a frame at 60 Hz
SOURCES = ("assistant", "ui", "resources", "pyproject.toml")
WORKERS = (2, 4, 8)
SHIPPED_WORKERS = 4  # ui.runs.GUI_MAX_WORKERS (not imported: this process stays Qt-free)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def peak_rss_mib() -> float:
    """This process's peak resident set size (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the child: one run in the wizard -------------------------------------------------------


def _probe() -> Any:
    """bench/heartbeat_probe.py (the diagnosis tools: sampler, call timer, tracer)."""
    import importlib.util

    here = Path(__file__).resolve().parent / "heartbeat_probe.py"
    spec = importlib.util.spec_from_file_location("heartbeat_probe", here)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def child(  # noqa: PLR0915 - one scripted session, its steps in order
    workers: int, *, sample: bool, lab_out: bool, engine_process: bool, scenario: str = "healthy"
) -> None:
    """Run the demo in the wizard with `workers` checks at a time; print MARK + figures.

    `lab_out`: the demo lab runs in a process of its own (`--lab`) instead of this one,
    to tell the lab's share of the GIL from the engine's."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    import ui.runs
    from ui.app import create_wizard
    from ui.pages.ids import RESULTS, SIGNIN

    ui.runs.GUI_MAX_WORKERS = workers
    ui.runs.ENGINE_PROCESS = engine_process
    if os.environ.get("BENCH_SWITCH"):  # diagnosis: another GIL switch interval
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH"]))
    slow_calls: list[tuple[float, str, int]] = []
    probe = _probe() if sample else None
    if probe is not None:
        probe.time_gui_calls(slow_calls, time.monotonic)
        if os.environ.get("BENCH_TRACE"):
            probe.trace_calls(os.environ["BENCH_TRACE"])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    wizard = create_wizard(app, language="en")  # type: ignore[arg-type]
    started = time.monotonic()
    remote = RemoteLab.start() if lab_out else None
    if remote is not None:
        wizard.use_lab(remote, scenario)  # type: ignore[arg-type]
    else:
        wizard.start_demo(scenario)
    wizard.show()
    beats: list[float] = []
    idle: list[float] = []
    sampler = probe.Sampler(beats, STALL_MS) if probe is not None else None
    profiler = None
    if os.environ.get("BENCH_PROFILE"):  # diagnosis: where the GUI thread's CPU goes
        import cProfile

        profiler = cProfile.Profile()
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    if os.environ.get("BENCH_WATCHDOG"):  # diagnosis: every thread's stack on a long gap
        import faulthandler  # (it dumps even while a thread holds the GIL in C code)

        heartbeat.timeout.connect(
            lambda: faulthandler.dump_traceback_later(0.06, repeat=False, file=sys.stderr)
        )
    figures: dict[str, Any] = {"ui_file": ui.runs.__file__}

    def ready() -> bool:
        demo = wizard.session.demo
        return demo is not None and demo.lab is not None and not wizard.warmup.running

    def go() -> None:
        if not ready():
            QTimer.singleShot(20, go)
            return
        figures["ready_s"] = time.monotonic() - started
        while wizard.currentId() != SIGNIN:
            wizard.next()
        if engine_process and not figures.get("spare_waited"):
            # as a person would take a few seconds: the spare process loads the engine
            figures["spare_waited"] = True
            QTimer.singleShot(SPARE_WAIT_MS, go)
            return
        # The same heartbeat with nothing running first: the machine's own noise.
        beats.append(time.monotonic())
        heartbeat.start()
        QTimer.singleShot(IDLE_MS, run)

    def run() -> None:
        idle.extend(gaps_ms(beats))
        beats.clear()
        figures["modules_before"] = set(sys.modules)
        beats.append(time.monotonic())
        if sampler is not None:
            sampler.start()
        figures["run_started"] = time.monotonic()
        figures["gui_cpu_started"] = time.thread_time()
        figures["gui_queued_started"] = runqueue_wait_ms()
        if profiler is not None:
            profiler.enable()
        wizard.next()  # Run
        QTimer.singleShot(20, wait_end)

    def wait_end() -> None:
        if wizard.currentId() != RESULTS or wizard.run is None or wizard.run.running:
            QTimer.singleShot(20, wait_end)
            return
        heartbeat.stop()
        if sampler is not None:
            sampler.stop()
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats(
                os.environ.get("BENCH_PROFILE_SORT", "tottime")
            ).print_stats(30)
        beats.append(time.monotonic())
        origin = figures.pop("run_started")
        # CPU time of the GUI thread itself over the run: what the wizard's own handling
        # of the events costs, whatever else the machine is doing.
        figures["gui_cpu_ms"] = (time.thread_time() - figures.pop("gui_cpu_started")) * 1000
        # ...and how long it was ready to run but waited for a CPU (other processes).
        figures["gui_queued_ms"] = runqueue_wait_ms() - figures.pop("gui_queued_started")
        figures["run_s"] = beats[-1] - origin
        figures["imported_during_run"] = sorted(set(sys.modules) - figures.pop("modules_before"))
        gaps = gaps_ms(beats)
        report = wizard.session.report
        figures.update(
            gaps_ms=[round(g, 2) for g in gaps],
            idle_gaps_ms=[round(g, 2) for g in idle],
            steps=len(report.steps) if report is not None else 0,
            overall=report.summary["overall"] if report is not None else None,
            peak_rss_mib=peak_rss_mib(),
        )
        if sampler is not None:
            figures["late_gaps"] = [
                (round((a - origin) * 1000), round((b - a) * 1000))
                for a, b in itertools.pairwise(beats)
                if b - a > STALL_MS / 1000
            ]
            figures["slow_gui_calls"] = [
                (round((at - origin) * 1000), name, took) for at, name, took in slow_calls
            ]
            figures["late_samples"] = sampler.samples
            figures["culprits"] = sampler.found.most_common(25)
        sys.stdout.write(MARK + json.dumps(figures) + "\n")
        sys.stdout.flush()
        if wizard.owned_lab is not None:
            wizard.owned_lab.stop()
        if remote is not None:
            remote.stop()
        os._exit(0)

    QTimer.singleShot(0, go)
    app.exec()


def runqueue_wait_ms() -> float:
    """How long the calling thread has waited for a CPU while runnable (Linux schedstat;
    0 elsewhere): a stall with this growing is the machine's, not the GIL's."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0


def gaps_ms(beats: list[float]) -> list[float]:
    return [(b - a) * 1000 for a, b in itertools.pairwise(beats)]


class RemoteLab:
    """The demo lab in a process of its own (this script with `--lab`): what the wizard
    needs of a Lab (network_options), the lab's options handed over as a pickle."""

    def __init__(self, process: subprocess.Popen[bytes], options: Any) -> None:
        self._process = process
        self._options = options

    @classmethod
    def start(cls) -> RemoteLab:
        import base64
        import pickle

        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--lab"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        return cls(process, pickle.loads(base64.b64decode(line)))

    builtin_mail = False  # what the wizard shows of a Lab (Dovecot or the built-in mail)

    def network_options(self) -> Any:
        return self._options

    def stop(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()  # the lab stops when its stdin closes
        self._process.wait(10)


def lab_process() -> None:
    """`--lab`: start the lab, print its options (base64 pickle), serve until stdin ends."""
    import base64
    import pickle

    from assistant.lab.tenant import Lab

    # As far as can be on one machine, servers elsewhere: the wizard goes first.
    os.nice(int(os.environ.get("BENCH_LAB_NICE", "10")))
    with Lab() as lab:
        sys.stdout.write(base64.b64encode(pickle.dumps(lab.network_options())).decode() + "\n")
        sys.stdout.flush()
        sys.stdin.read()


# -- the parent ---------------------------------------------------------------------------


def fresh_copy(into: Path) -> Path:
    """The project's sources with no bytecode (as a fresh clone has them)."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, into / name)
    return into


def one_round(
    workers: int,
    *,
    tree: Path,
    home: Path,
    fresh: bool,
    lab_out: bool = False,
    engine_process: bool = False,
    sample: bool = False,
) -> dict[str, Any]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    env["XDG_CONFIG_HOME"] = env["HOME"] = str(home)
    env["CONNECTIVITY_ASSISTANT_CONFIG_DIR"] = str(home / "config")
    if fresh:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)  # the copy has no __pycache__: all from source
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(workers)]
    command += ["--sample"] if sample else []
    command += ["--lab-out"] if lab_out else []
    command += ["--engine-process"] if engine_process else []
    with subprocess.Popen(
        command, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            out, err = process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    for line in out.splitlines():
        if line.startswith(MARK):
            found: dict[str, Any] = json.loads(line[len(MARK) :])
            return found
    raise RuntimeError(f"the child ended without figures (exit {process.returncode}): {err}")


def summarise(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The rounds' gaps pooled into one distribution (p99 needs more beats than one short
    run has), beside the idle heartbeat's (the same process before the run: the
    machine's own noise), with the median run time and the largest peak RSS."""
    gaps = [g for r in rounds for g in r["gaps_ms"]]
    idle = [g for r in rounds for g in r["idle_gaps_ms"]]
    return {
        "rounds": len(rounds),
        "beats": len(gaps),
        "p50_ms": round(percentile(gaps, 0.5), 1),
        "p99_ms": round(percentile(gaps, 0.99), 1),
        "max_ms": round(max(gaps, default=0.0), 1),
        "over_16ms": sum(g > STALL_MS for g in gaps),
        "over_50ms": sum(g > 50 for g in gaps),
        "idle_p99_ms": round(percentile(idle, 0.99), 1),
        "idle_max_ms": round(max(idle, default=0.0), 1),
        "run_s": round(statistics.median(r["run_s"] for r in rounds), 2),
        "gui_cpu_ms": round(statistics.median(r["gui_cpu_ms"] for r in rounds), 1),
        "gui_queued_ms": round(statistics.median(r["gui_queued_ms"] for r in rounds), 1),
        "peak_rss_mib": round(max(r["peak_rss_mib"] for r in rounds), 1),
        "steps": rounds[-1]["steps"],
    }


MODES = ("warm", "fresh")
# (label, lab in its own process, engine in its own process). "thread": today's runner on
# a thread of the wizard's process; "process": ui/engine_process.py. "lab-in": the demo
# lab in the wizard's process (as "Try the demo" runs it); "lab-out": in another process,
# as real servers are.
CONFIGS = (
    ("thread/lab-in", False, False),
    ("thread/lab-out", True, False),
    ("process/lab-in", False, True),
    ("process/lab-out", True, True),
)


def main(
    rounds: int = 3,
    workers: tuple[int, ...] = WORKERS,
    *,
    modes: tuple[str, ...] = MODES,
    configs: tuple[tuple[str, bool, bool], ...] = CONFIGS,
    sample: bool = False,
    quick: bool = False,
) -> dict[str, Any]:
    """{"<mode> <config>": {N: summary}} over `rounds` each (modes: warm, fresh; configs:
    CONFIGS). `sample`: one more round each, sampled, its culprits under "culprits"."""
    if quick:  # that it runs (bench/run_all.py --quick): one warm round of the shipped setup
        rounds, workers, modes, configs = 1, (SHIPPED_WORKERS,), ("warm",), CONFIGS[:1]
    result: dict[str, Any] = {"heartbeat_ms": HEARTBEAT_MS, "rows": {}}
    culprits: dict[str, list[tuple[str, int]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-heartbeat-") as scratch:
        base = Path(scratch)
        copy = fresh_copy(base / "clone")
        home = base / "home"
        home.mkdir()
        one_round(workers[0], tree=ROOT, home=home, fresh=False)  # fills the warm caches
        for mode in modes:
            tree = copy if mode == "fresh" else ROOT
            for label, lab_out, engine_process in configs:
                key = f"{mode} {label}"
                result["rows"][key] = {}
                for count in workers:
                    setup: dict[str, Any] = {
                        "tree": tree,
                        "home": home,
                        "fresh": mode == "fresh",
                        "lab_out": lab_out,
                        "engine_process": engine_process,
                    }
                    found = [one_round(count, **setup) for _ in range(rounds)]
                    result["rows"][key][count] = summarise(found)
                    if sample:
                        sampled = one_round(count, sample=True, **setup)
                        culprits[f"{key} {count}"] = sampled.get("culprits", [])[:12]
    if sample:
        result["culprits"] = culprits
    result.update(headline(result["rows"]))
    return result


def headline(rows: dict[str, dict[int, dict[str, Any]]]) -> dict[str, Any]:
    """The figures issue 17 sets targets for, from the setup the wizard ships (the engine
    on a thread, the demo lab in its process, SHIPPED_WORKERS at a time): warm, and on a
    fresh clone where measured."""
    out: dict[str, Any] = {"workers": SHIPPED_WORKERS}
    for mode, prefix in (("warm", ""), ("fresh", "fresh_")):
        row = rows.get(f"{mode} {CONFIGS[0][0]}", {}).get(SHIPPED_WORKERS)
        if row is not None:
            for name in ("p50_ms", "p99_ms", "max_ms", "peak_rss_mib"):
                out[prefix + name] = row[name]
    return out


def _print(result: dict[str, Any]) -> None:
    print(f"heartbeat every {result['heartbeat_ms']} ms; gaps in ms, all rounds pooled")
    print(
        f"{'mode':22} {'N':>2} {'p50':>5} {'p99':>6} {'max':>6} {'>16':>4} {'>50':>4}"
        f" {'idle p99':>8} {'idle max':>8} {'run s':>6} {'RSS MiB':>8}"
    )
    for mode, rows in result["rows"].items():
        for count, row in rows.items():
            print(
                f"{mode:22} {count:>2} {row['p50_ms']:5.1f} {row['p99_ms']:6.1f} "
                f"{row['max_ms']:6.1f} {row['over_16ms']:4} {row['over_50ms']:4} "
                f"{row['idle_p99_ms']:8.1f} {row['idle_max_ms']:8.1f} {row['run_s']:6.2f} "
                f"{row['peak_rss_mib']:8.1f}"
            )
    for key, found in result.get("culprits", {}).items():
        print(f"\nwhile the GUI thread was late ({key}):")
        for where, count in found:
            print(f"  {count:5}  {where}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--child"]:
        child(
            int(arguments[1]),
            sample="--sample" in arguments,
            lab_out="--lab-out" in arguments,
            engine_process="--engine-process" in arguments,
        )
    elif arguments[:1] == ["--lab"]:
        lab_process()
    else:
        numbers = [int(a) for a in arguments if a.isdigit()]
        figures = main(
            numbers[0] if numbers else 3,
            tuple(numbers[1:]) or WORKERS,
            modes=tuple(m for m in MODES if f"--{m}" in arguments) or MODES,
            configs=tuple(
                c for c in CONFIGS if "--thread-only" not in arguments or c[0].startswith("thread")
            ),
            sample="--sample" in arguments,
        )
        _print(figures)
        print(json.dumps(figures))
