"""Diagnosis tools for bench/bench_heartbeat.py (`--sample`, BENCH_TRACE): what the other
threads were doing while the GUI thread was late, and which GUI-thread calls took long.

The sampler looks at every thread's stack each millisecond while the last heartbeat is
older than the stall threshold, and counts the innermost frame worth naming per thread (and
the module being imported, if any). A frame is where a thread is, not proof that it holds
the GIL (C code such as a TLS handshake may have released it); the counts say where to
look, and the call timer's CPU-against-wall figures say whether the GUI thread was
computing or waiting.
"""

from __future__ import annotations

import collections
import sys
import threading
import time
from pathlib import Path
from typing import Any


class Sampler:
    """While the GUI thread is late, where every other thread is (what holds the GIL)."""

    def __init__(self, beats: list[float], stall_ms: float) -> None:
        self.beats = beats
        self.stall = stall_ms / 1000
        self.found: collections.Counter[str] = collections.Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bench-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)

    def _loop(self) -> None:
        me = threading.get_ident()
        main = threading.main_thread().ident
        while not self._stop.wait(0.001):
            if not self.beats or time.monotonic() - self.beats[-1] < self.stall:
                continue
            names = {t.ident: t.name for t in threading.enumerate()}
            self.samples += 1
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                name = "GUI" if ident == main else _thread_kind(names.get(ident, "?"))
                where = _where(frame)
                if where is not None:
                    self.found[f"{name}: {where}"] += 1


def time_gui_calls(into: list[tuple[float, str, int]], clock: Any) -> None:
    """Diagnosis only: GUI-thread calls that took over 8 ms (start ms, name, ms)."""
    import ui.bridge
    import ui.wizard

    def timed(owner: Any, name: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            begun, cpu = clock(), time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                took = clock() - begun
                if took > 0.008:
                    used = round((time.thread_time() - cpu) * 1000)
                    into.append((begun, f"{name} cpu {used}", round(took * 1000)))

        setattr(owner, name, wrapper)

    timed(ui.bridge.EngineBridge, "_drain")
    timed(ui.wizard.Wizard, "next")


def trace_calls(spec: str) -> None:
    """Diagnosis only: BENCH_TRACE=module:Class.method prints each caller's stack once."""
    import importlib
    import traceback

    module_name, _, path = spec.partition(":")
    owner_name, _, name = path.rpartition(".")
    owner: Any = importlib.import_module(module_name)
    for part in filter(None, owner_name.split(".")):
        owner = getattr(owner, part)
    original = getattr(owner, name)
    seen: set[str] = set()

    def traced(*args: Any, **kwargs: Any) -> Any:
        stack = "".join(traceback.format_stack(limit=12)[:-1])
        if stack not in seen:
            seen.add(stack)
            sys.stderr.write(f"--- {spec} from {threading.current_thread().name}\n{stack}")
        return original(*args, **kwargs)

    setattr(owner, name, traced)


def _thread_kind(name: str) -> str:
    """A thread's name without its number (ca-check-3 -> ca-check)."""
    return name.rstrip("0123456789_-") or name


def _where(frame: Any) -> str | None:
    """The innermost frame worth naming and the outermost module being imported; None
    for a thread that is idle (waiting in a lock, a selector or the event loop)."""
    importing = None
    innermost = None
    depth = 0
    while frame is not None and depth < 200:
        code = frame.f_code
        if code.co_name == "_find_and_load":
            importing = frame.f_locals.get("name", importing)
        elif innermost is None and "importlib" not in code.co_filename:
            innermost = f"{_short(code.co_filename)}:{code.co_name}"
        frame = frame.f_back
        depth += 1
    if importing is not None:
        return f"import {importing} ({innermost})"
    if innermost is None or innermost.split(":")[1] in IDLE:
        return None
    return innermost


IDLE = {"wait", "select", "_worker", "accept", "exec", "poll", "_loop", "sleep", "get"}


def _short(path: str) -> str:
    for marker in ("site-packages/", "/assistant/", "/ui/", "/bench/"):
        if marker in path:
            tail = path.split(marker, 1)[1]
            return tail if marker == "site-packages/" else marker.strip("/") + "/" + tail
    return Path(path).name
