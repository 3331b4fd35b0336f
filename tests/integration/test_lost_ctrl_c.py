"""A Ctrl-C whose KeyboardInterrupt Python swallows still stops the command (issue 19 item 4).

Python raises KeyboardInterrupt wherever the main thread is; inside a __del__, a weakref
callback or importlib's module-lock callback it is only printed ("Exception ignored in")
and the command goes on: bench/cancel_stress.py saw `demo` ignore a Ctrl-C sent during its
imports and run to the end. Each child here loses one the same way, in a __del__, after
the latch that `python -m assistant.cli` installs before its imports, then runs the CLI
as `-m` would. Without assistant/interrupts.py each would run to completion.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from assistant.lab.tenant import Lab

pytestmark = pytest.mark.lab

LOSE_ONE_THEN_RUN = textwrap.dedent(
    """
    import os, runpy, signal, sys
    from assistant import interrupts

    interrupts.latch()  # as assistant/cli.py does first under `python -m`


    class LostInCallback:
        def __del__(self):  # the KeyboardInterrupt raised in here is printed, not raised
            os.kill(os.getpid(), signal.SIGINT)


    LostInCallback()
    print("lost:", interrupts.heard(), file=sys.stderr, flush=True)
    sys.argv = ["assistant.cli", *sys.argv[1:]]
    runpy.run_module("assistant.cli", run_name="__main__")
    """
)


def run_after_a_lost_ctrl_c(*args: str) -> subprocess.CompletedProcess[str]:
    return run_child(LOSE_ONE_THEN_RUN, *args)


def run_child(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`script` in a Python of its own, the CLI's arguments after it."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def the_interrupt_was_lost(result: subprocess.CompletedProcess[str]) -> bool:
    # The child went on past the __del__ with the interrupt heard: Python swallowed it.
    # The latch keeps Python's "Exception ignored in ..." traceback off the user's screen.
    return "lost: True" in result.stderr and "Traceback" not in result.stderr


def test_demo_does_not_start_its_lab_after_a_lost_ctrl_c() -> None:
    result = run_after_a_lost_ctrl_c("demo")
    assert the_interrupt_was_lost(result), result.stderr
    assert result.returncode == 130, result.stdout + result.stderr
    assert result.stderr.rstrip().endswith("cancelled")
    assert "Demo:" not in result.stderr  # the lab was never started
    assert "summary:" not in result.stdout


def test_check_is_cancelled_at_once_after_a_lost_ctrl_c(lab: Lab) -> None:
    domain = "contoso.test"
    result = run_after_a_lost_ctrl_c("check", "--domain", domain, *lab.cli_flags())
    assert the_interrupt_was_lost(result), result.stderr
    assert result.returncode == 130, result.stdout + result.stderr
    assert result.stderr.count("cancelled") == 1, result.stderr  # said once, not per checkpoint
    assert "  ok   dns.mx" not in result.stderr  # no check got as far as a verdict


LOSE_ONE_WHILE_THE_LAB_STARTS = textwrap.dedent(
    """
    import os, runpy, signal, sys
    from assistant import interrupts
    from assistant.lab.tenant import Lab

    interrupts.latch()


    class LostInCallback:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)


    started = Lab.start


    def start_and_lose_one(self):
        running = started(self)
        LostInCallback()  # swallowed here, once the lab's servers are up
        print("lost:", interrupts.heard(), file=sys.stderr, flush=True)
        return running


    Lab.start = start_and_lose_one
    sys.argv = ["assistant.cli", *sys.argv[1:]]
    runpy.run_module("assistant.cli", run_name="__main__")
    """
)


def test_lab_stops_after_a_ctrl_c_lost_while_it_started() -> None:
    result = run_child(LOSE_ONE_WHILE_THE_LAB_STARTS, "lab")
    assert the_interrupt_was_lost(result), result.stderr
    # Ctrl-C is how the lab is stopped: exit 0 and "stopped", as when it is not lost.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The lab is running" in result.stdout
    assert result.stderr.rstrip().endswith("stopped")


def test_demo_runs_no_check_after_a_ctrl_c_lost_while_its_lab_started() -> None:
    result = run_child(LOSE_ONE_WHILE_THE_LAB_STARTS, "demo")
    assert the_interrupt_was_lost(result), result.stderr
    assert result.returncode == 130, result.stdout + result.stderr
    assert "Demo: IMAP/POP" in result.stderr  # the lab had started
    assert result.stderr.rstrip().endswith("cancelled")
    assert "summary:" not in result.stdout


CTRL_C_DURING_THE_IMPORTS = textwrap.dedent(
    """
    import os, runpy, signal, sys
    from assistant import interrupts

    interrupts.latch(raising=False)  # as assistant/cli.py and ui/launcher.py do first
    os.kill(os.getpid(), signal.SIGINT)  # arrives while the CLI's modules load
    sys.argv = ["assistant.cli", *sys.argv[1:]]
    runpy.run_module("assistant.cli", run_name="__main__")
    """
)


def test_ctrl_c_while_the_cli_loads_is_cancelled_not_a_traceback() -> None:
    result = run_child(CTRL_C_DURING_THE_IMPORTS, "demo")
    assert result.returncode == 130, result.stdout + result.stderr
    assert result.stderr == "cancelled\n"  # no traceback, no lab started, nothing else
    assert result.stdout == ""
