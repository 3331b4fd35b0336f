"""Run every parser fuzz test (tests/unit/test_fuzz_*.py) with the "fuzz" hypothesis
profile and write build/reliability/fuzz.json: per parser, the examples it saw and the
tests that failed.

    HYPOTHESIS_PROFILE=fuzz .venv/bin/python bench/fuzz_all.py            # 10,000 each
    .venv/bin/python bench/fuzz_all.py --examples 500 -k spf               # a quick look
    HYPOTHESIS_PROFILE=fuzz .venv/bin/python bench/fuzz_all.py -k pop --merge  # one again

`--merge` keeps the figures of the parsers this run did not reach from the last file, so
one parser can be run again without the others' 40 minutes.

The tests run in a child pytest (this file is also its plugin: `-p fuzz_all`), so the
counts come from the tests themselves (tests/unit/fuzz_support.py `ran`), not from the
setting: hypothesis stops early when a strategy has no new inputs left. A failure's
minimal example is in the pytest output; keep it as an @example in the test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "reliability" / "fuzz.json"
TESTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "unit").glob("test_fuzz_*.py"))
RESULTS_ENV = "FUZZ_ALL_RESULTS"  # where the child writes its counts
# What fuzzing found, each fixed and kept in its test as an @example (docs/RELIABILITY.md).
FOUND_AND_FIXED = (
    "POX/SOAP autodiscover: XML declaring an unknown encoding raised LookupError",
    "IMAP: a literal announced at 2 GB was reserved whole by one buffered read",
    "report loader: an integer past 4,300 digits raised ValueError",
    "report loader: a huge version or step status was repeated whole in the refusal",
    "redaction: a second pass masked more (it was not idempotent)",
    "PDF: a huge target name in every page footer made rendering quadratic",
)

# -- the pytest plugin (in the child) -------------------------------------------------------

_parsers_of: dict[str, set[str]] = {}
_failed: set[str] = set()


def _counts() -> dict[str, int]:
    support = sys.modules.get("fuzz_support")
    return dict(support.COUNTS) if support is not None else {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    before = _counts()
    yield
    after = _counts()
    _parsers_of[item.nodeid] = {k for k, v in after.items() if v != before.get(k, 0)}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed:
        _failed.add(report.nodeid)
    if report.when == "teardown":
        _write()  # after every test: a run stopped early still leaves what it did


def pytest_sessionfinish(session: pytest.Session) -> None:
    _write()


def _write() -> None:
    target = os.environ.get(RESULTS_ENV)
    if not target:
        return
    parsers: dict[str, dict[str, Any]] = {
        name: {"examples": count, "failures": 0, "failed_tests": []}
        for name, count in _counts().items()
    }
    for nodeid in sorted(_failed):
        for name in _parsers_of.get(nodeid) or {"(unknown)"}:
            entry = parsers.setdefault(name, {"examples": 0, "failures": 0, "failed_tests": []})
            entry["failures"] += 1
            entry["failed_tests"].append(nodeid)
    Path(target).write_text(json.dumps(parsers, indent=1), encoding="utf-8")


# -- the runner ------------------------------------------------------------------------------


def main(
    examples: int | None = None,
    select: str | None = None,
    tests: list[str] | None = None,
    out: Path = OUT,
    merge: bool = False,
) -> dict[str, Any]:
    """Run the fuzz tests in a child pytest; returns (and writes to `out`) the figures."""
    out.parent.mkdir(parents=True, exist_ok=True)
    results = out.with_suffix(".partial.json")
    results.unlink(missing_ok=True)
    env = dict(os.environ, HYPOTHESIS_PROFILE="fuzz", QT_QPA_PLATFORM="offscreen")
    env[RESULTS_ENV] = str(results)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "bench"), env.get("PYTHONPATH")]))
    if examples is not None:
        env["FUZZ_EXAMPLES"] = str(examples)
    command = [sys.executable, "-m", "pytest", "-p", "fuzz_all", "-p", "no:cacheprovider", "-q"]
    command += ["-o", "timeout=0"]  # 10,000 examples take minutes, past the suite's 120 s
    if select:
        command += ["-k", select]
    started = time.monotonic()
    done = subprocess.run([*command, *(tests or TESTS)], cwd=ROOT, env=env, check=False)
    try:
        parsers = json.loads(results.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        parsers = {}
    results.unlink(missing_ok=True)
    earlier = _earlier_parsers(out) if merge else {}
    parsers = {**earlier, **parsers}
    figures: dict[str, Any] = {
        name: {"examples": v["examples"], "failures": v["failures"]}
        for name, v in sorted(parsers.items())
    }
    figures["examples_per_test_asked"] = examples or 10_000
    figures["total_examples"] = sum(v["examples"] for v in parsers.values())
    figures["total_failures"] = sum(v["failures"] for v in parsers.values())
    figures["pytest_exit"] = done.returncode
    figures["seconds"] = round(time.monotonic() - started, 1)
    figures["found_and_fixed"] = list(FOUND_AND_FIXED)
    if merge:
        figures["seconds"] += float(_earlier_figures(out).get("seconds", 0.0))
    out.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return figures


def _earlier_figures(out: Path) -> dict[str, Any]:
    try:
        data = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _earlier_parsers(out: Path) -> dict[str, dict[str, Any]]:
    """The per-parser entries of the last run's file (the totals are counted again)."""
    return {
        name: value
        for name, value in _earlier_figures(out).items()
        if isinstance(value, dict) and "examples" in value and "failures" in value
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=None, help="per test (default 10,000)")
    parser.add_argument("-k", dest="select", default=None, help="pytest -k expression")
    parser.add_argument("--out", type=Path, default=OUT, help=f"default {OUT.relative_to(ROOT)}")
    parser.add_argument("--merge", action="store_true", help="keep other parsers' figures")
    args = parser.parse_args()
    print(json.dumps(main(args.examples, args.select, out=args.out, merge=args.merge), indent=1))
