"""Ctrl-C in the headless commands: raised as usual, and remembered, so it is never lost.

Python turns SIGINT into a KeyboardInterrupt wherever the main thread happens to be. Where
that is a callback whose exceptions Python only prints ("Exception ignored in ...": a
weakref callback of importlib's module locks, a __del__, a garbage-collector callback),
the interrupt is gone: bench/cancel_stress.py saw `demo` ignore a Ctrl-C sent 0.27 s after
start, during its imports, and run to the end. `latch()` installs a handler that records
the signal before raising, and the CLI asks `heard()` at the points where it can stop
cleanly (before and after the demo lab starts, while a diagnosis runs, at the end).

Stdlib only: the CLI latches before it imports anything heavy.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

_heard = threading.Event()
_said = False  # "cancelled" was printed (say_cancelled)


def latch(*, raising: bool = True) -> None:
    """From now on, Ctrl-C is remembered, and raises KeyboardInterrupt unless `raising` is
    False: while the CLI imports its modules, where an exception is raised in importlib's
    machinery (a traceback on the user's screen, or lost), and nothing runs that needs
    stopping: main() looks first thing. Only the main thread may set signal handlers;
    elsewhere (a test's thread) this does nothing."""
    _install(_remember_and_raise if raising else remember)


@contextlib.contextmanager
def latched() -> Iterator[None]:
    """latch() for a while (a CLI command run in a test's process), then the handler and
    unraisable hook that were there before."""
    previous = _install(_remember_and_raise)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous[0])
            sys.unraisablehook = previous[1]


def _install(handler: Callable[[int, FrameType | None], None]) -> tuple[Any, Any] | None:
    """`handler` for SIGINT and the quiet unraisable hook; what was there before, or None
    off the main thread (where nothing can be installed)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.signal(signal.SIGINT, handler)
    return previous, _quiet_lost_interrupts()


def remember(signum: int = signal.SIGINT, frame: FrameType | None = None) -> None:
    """A SIGINT handler that only records (the CLI's, while a diagnosis runs on a thread
    and this one polls: an exception raised in the middle of its waiting could be lost)."""
    _heard.set()


def _remember_and_raise(signum: int, frame: FrameType | None) -> None:
    _heard.set()
    raise KeyboardInterrupt


def _quiet_lost_interrupts() -> Callable[[Any], object]:
    """A KeyboardInterrupt Python could not raise is not printed as "Exception ignored in
    ..." with a traceback: it was remembered, and the command stops with "cancelled".
    Returns the hook that was there before."""
    previous = sys.unraisablehook
    if getattr(previous, "_quiet_lost_interrupts", False):
        return previous

    def hook(unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            return None
        return previous(unraisable)

    hook._quiet_lost_interrupts = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook
    return previous


def heard() -> bool:
    """Whether Ctrl-C came since the latch (or the last forget()), raised or lost."""
    return _heard.is_set()


def raise_if_heard() -> None:
    """A checkpoint: raise the KeyboardInterrupt again if one was heard and possibly lost."""
    if _heard.is_set():
        raise KeyboardInterrupt


def say_cancelled() -> None:
    """'cancelled' on stderr, once, however many of the CLI's checkpoints notice the same
    Ctrl-C (a run cancelled before it starts is also seen by its polling loop)."""
    global _said  # noqa: PLW0603 - one flag for the process, as the signal is
    if not _said:
        _said = True
        print("cancelled", file=sys.stderr)


def forget() -> None:
    """The Ctrl-C was handled as the command's normal end (`lab`), or for tests that run the
    CLI in this process, one after another."""
    global _said  # noqa: PLW0603
    _heard.clear()
    _said = False
