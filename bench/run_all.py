"""Every benchmark in one command; writes the figures to docs/PERFORMANCE.md and a JSON file.

    .venv/bin/python bench/run_all.py            # the full sizes (about 10 minutes)
    .venv/bin/python bench/run_all.py --quick    # tiny sizes: that it all runs (the suite)
    .venv/bin/python bench/run_all.py --only startup,bench_dns

Each benchmark runs in a child interpreter of its own (a benchmark starts a lab, a Qt
application or a real DNS server; none shares a process with another), which prints its
figures as one JSON line. The table between the `bench:begin` and `bench:end` markers of
docs/PERFORMANCE.md is written anew from them, with the machine's facts beside it and each
figure's target (issue 17) marked met or missed; `docs/performance.json` holds the same
figures for tools. Every figure is a ratio against a baseline measured in the same run, or
a time read beside one: the machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
DOC = ROOT / "docs" / "PERFORMANCE.md"
JSON_OUT = ROOT / "docs" / "performance.json"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
MARK = "bench-result "


@dataclass(frozen=True)
class Bench:
    name: str  # bench/<name>.py
    what: str
    full: dict[str, Any]  # main()'s arguments for the published figures
    quick: dict[str, Any]  # tiny sizes: only that it runs


BENCHES = (
    Bench(
        "startup",
        "Start-up: launch to first painted wizard, installed and frozen",
        {"rounds": 9, "frozen": "build/bench-startup/dist"},
        {"rounds": 1},
    ),
    Bench(
        "bench_critical_path",
        "Full diagnosis, 150 ms per round trip, 2 black-holed autodiscover candidates",
        {"delay_ms": 150, "deadline": 10.0},
        {"delay_ms": 5, "deadline": 0.5},
    ),
    Bench(
        "bench_autodiscover",
        "Autodiscover against exchangelib, root and autodiscover.* black-holed",
        {"deadline": 10.0},
        {"deadline": 0.5},
    ),
    Bench("bench_batch", "DNS batch mode against checkdmarc, on Knot", {}, {"size": 10}),
    Bench(
        "bench_heartbeat",
        "The wizard's event loop during a full lab run (2, 4, 8 workers; warm and fresh)",
        {},
        {"quick": True},
    ),
    Bench(
        "bench_memory",
        "Peak memory of a full demo run in the wizard, against a bare QWizard",
        {"rounds": 3},
        {"rounds": 1},
    ),
    Bench("bench_dns", "Our resolver against plain dnspython", {"rounds": 200}, {"rounds": 3}),
    Bench(
        "bench_text",
        "Translatable engine text against f-strings",
        {"rounds": 20000},
        {"rounds": 200},
    ),
)

# (benchmark, figure, comparison, target): issue 17's and issue 16's targets.
TARGETS = (
    ("startup", "ratio", "<=", 1.5),
    ("startup", "frozen_ratio", "<=", 1.5),
    ("bench_critical_path", "wall_vs_bound", "<=", 1.25),
    ("bench_critical_path", "speedup_vs_one_worker", ">=", 3.0),
    ("bench_autodiscover", "ours_final_ratio", "<=", 1.05),
    ("bench_autodiscover", "first_usable_s", "<=", 0.2),
    ("bench_batch", "throughput_ratio", ">=", 5.0),
    ("bench_heartbeat", "p99_ms", "<=", 16.0),
    ("bench_heartbeat", "max_ms", "<=", 50.0),
    ("bench_memory", "demo_run_peak_mib", "<=", 250.0),
)


def load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def child(name: str, arguments: dict[str, Any]) -> None:
    """In the child: run one benchmark, print its figures as one JSON line."""
    sys.path.insert(0, str(BENCH))
    result = load(name).main(**arguments)
    print(MARK + json.dumps(result, default=str), flush=True)


def run_one(bench: Bench, quick: bool, timeout: float) -> dict[str, Any]:
    arguments = bench.quick if quick else bench.full
    command = [sys.executable, str(Path(__file__).resolve()), "--child", bench.name]
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        done = subprocess.run(
            command,
            input=json.dumps(arguments),
            check=False,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish within {timeout:g} s"}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(MARK):
            figures: dict[str, Any] = json.loads(line[len(MARK) :])
            return figures
    tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
    return {"error": f"exit {done.returncode}: " + " | ".join(tail)}


def machine() -> dict[str, str]:
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "-"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "system": f"{platform.system()} {platform.release()}",
        "machine": platform.machine(),
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "pyside6": pyside,
    }


def verdicts(results: dict[str, dict[str, Any]]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for name, figure, comparison, target in TARGETS:
        value = results.get(name, {}).get(figure)
        if not isinstance(value, int | float):
            rows.append((name, figure, "-", f"{comparison} {target:g}", "not measured"))
            continue
        met = value <= target if comparison == "<=" else value >= target
        rows.append(
            (name, figure, f"{value:g}", f"{comparison} {target:g}", "met" if met else "MISSED")
        )
    return rows


def table(results: dict[str, dict[str, Any]], facts: dict[str, str], quick: bool) -> str:
    lines = [
        BEGIN,
        "",
        "Written by `bench/run_all.py`"
        + (" (--quick: tiny sizes, not figures)" if quick else "")
        + f" on {facts['date']}: {facts['system']} {facts['machine']}, {facts['cpus']} CPUs, "
        f"Python {facts['python']}, PySide6 {facts['pyside6']}.",
        "",
        "| benchmark | figure | value | target | |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {n} | {f} | {v} | {t} | {m} |" for n, f, v, t, m in verdicts(results)]
    lines += ["", "All figures:", ""]
    for bench in BENCHES:
        figures = results.get(bench.name, {})
        shown = ", ".join(
            f"{key} {value}" for key, value in figures.items() if not isinstance(value, dict | list)
        )
        lines.append(f"- **{bench.name}** ({bench.what}): {shown or '-'}")
    lines += ["", END]
    return "\n".join(lines)


def earlier_results(path: Path) -> dict[str, dict[str, Any]]:
    """The figures of the last run that was not --quick, as run_all wrote them."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(payload, dict) or payload.get("quick"):
        return {}
    found = payload.get("results")
    return (
        {k: v for k, v in found.items() if isinstance(v, dict)} if isinstance(found, dict) else {}
    )


def publish(text: str, doc: Path = DOC) -> None:
    current = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        doc.write_text(head + text + tail, encoding="utf-8")
    else:
        doc.write_text(
            current.rstrip("\n") + "\n\n## The figures\n\n" + text + "\n", encoding="utf-8"
        )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: only that it runs")
    parser.add_argument("--only", help="comma-separated benchmark names")
    parser.add_argument("--doc", type=Path, default=DOC, help="the Markdown file to update")
    parser.add_argument("--json", type=Path, default=JSON_OUT, help="the JSON file to write")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per benchmark")
    options = parser.parse_args(argv)
    wanted = set(options.only.split(",")) if options.only else None
    results: dict[str, dict[str, Any]] = {}
    facts = machine()
    for bench in BENCHES:
        if wanted is not None and bench.name not in wanted:
            continue
        print(f"==> {bench.name}: {bench.what}", file=sys.stderr, flush=True)
        results[bench.name] = {**run_one(bench, options.quick, options.timeout)}
        results[bench.name]["measured"] = facts["date"]
    # --only: the others keep their figures from the last full run (each says when).
    if wanted is not None and not options.quick:
        results = {**earlier_results(options.json), **results}
    text = table(results, facts, options.quick)
    publish(text, options.doc)
    payload = {"machine": facts, "quick": options.quick, "results": results}
    options.json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    print(text)
    return payload


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2], json.loads(sys.stdin.read() or "{}"))
    else:
        main()
