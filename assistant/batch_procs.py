"""Batch mode over several processes, for a file of thousands of domains on a many-core PC.

One process runs the checks of one domain at a time on one core (the GIL): the DNS work
is parsing answers in Python, so with fast answers a batch is bound by CPU, not by the
network. `ProcessBatch` spreads the domains over `processes` child processes, each the
CLI itself in batch mode reading its domains from stdin (`--domains-file -`) and writing
its JSON lines to stdout; this process reads the file, hands each child a domain when it
has room, and passes on every complete line the children write.

Ctrl-C here kills the children at once (their own sessions: the terminal's Ctrl-C does not
reach them, this process decides); a line a child had not finished writing is dropped, so
what was passed on stays complete, one line per finished domain.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from assistant.batch import BadLine, DomainLine

MAX_PROCESSES = 64
_AHEAD = 2  # domains a child holds beyond those it runs, so it never waits for the next


def child_command(argv: Sequence[str]) -> list[str]:
    """How to start a child: the CLI of this same Python."""
    return [sys.executable, "-m", "assistant.cli", *argv]


def can_fork_children() -> bool:
    """Not in the packaged app (PyInstaller): its executable runs the app, not `-m`."""
    return not getattr(sys, "frozen", False)


@dataclass
class _Child:
    process: subprocess.Popen[bytes]
    lines: dict[str, int] = field(default_factory=dict)  # domain -> its line in the file
    reader: threading.Thread | None = None


class ProcessBatch:
    """`Batch`'s contract (run, cancel, cancelled) over child processes."""

    def __init__(self, argv: Sequence[str], processes: int, per_child: int) -> None:
        self.argv = list(argv)
        self.processes = max(1, min(processes, MAX_PROCESSES))
        self.room = per_child + _AHEAD
        self.lost = 0  # domains handed to a child that ended without answering them
        self._cancel = threading.Event()
        self._changed = threading.Condition()
        self._children: list[_Child] = []

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()
        for child in list(self._children):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if sys.platform == "win32":  # no process groups: the child has no children
                    child.process.kill()
                else:
                    os.killpg(child.process.pid, signal.SIGKILL)
        with self._changed:
            self._changed.notify_all()

    def run(
        self,
        lines: Iterator[DomainLine | BadLine],
        on_line: Callable[[dict[str, Any]], None],
        on_bad_line: Callable[[BadLine], None],
    ) -> None:
        report = threading.Lock()
        for _ in range(self.processes):
            process = subprocess.Popen(  # noqa: S603 - our own CLI, argv built by us
                child_command(self.argv),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # stopped by this process, not by the terminal
            )
            child = _Child(process)
            child.reader = threading.Thread(
                target=self._read, args=(child, on_line, report), daemon=True
            )
            self._children.append(child)
            child.reader.start()
        if self._cancel.is_set():  # a Ctrl-C while they started
            self.cancel()
        try:
            self._feed(lines, on_bad_line)
        finally:
            for child in self._children:
                with contextlib.suppress(OSError):
                    if child.process.stdin is not None:
                        child.process.stdin.close()  # no more domains: the child finishes
            for child in self._children:
                while child.reader is not None and child.reader.is_alive():
                    child.reader.join(0.1)
                    if self._cancel.is_set():
                        self.cancel()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.process.wait(timeout=5)
            with report:  # a line being passed on when the cancel came is finished first
                pass

    def _feed(self, lines: Iterator[DomainLine | BadLine], on_bad_line: Any) -> None:
        for line in lines:
            if self._cancel.is_set():
                return
            if isinstance(line, BadLine):
                on_bad_line(line)
                continue
            with self._changed:
                while not self._cancel.is_set():
                    open_children = [c for c in self._children if c.process.poll() is None]
                    if not open_children:
                        return  # every child has ended: nothing more can be checked
                    child = min(open_children, key=lambda c: len(c.lines))
                    if len(child.lines) < self.room:
                        break
                    self._changed.wait(0.1)
                else:
                    return
                child.lines[line.domain] = line.number
            try:
                assert child.process.stdin is not None
                child.process.stdin.write(f"{line.domain}\n".encode("ascii"))
                child.process.stdin.flush()
            except OSError:  # it ended; _read counts the domain as lost
                continue

    def _read(self, child: _Child, on_line: Any, report: threading.Lock) -> None:
        stdout: IO[bytes] | None = child.process.stdout
        assert stdout is not None
        with stdout:
            for raw in stdout:
                if not raw.endswith(b"\n"):
                    break  # cut off by a kill: dropped, never passed on half-written
                try:
                    found = json.loads(raw)
                except ValueError:
                    continue
                with self._changed:
                    number = child.lines.pop(str(found.get("domain")), None)
                    self._changed.notify_all()
                if number is None:
                    continue
                found["line"] = number  # the child counts its stdin's lines, not the file's
                with report:
                    if not self._cancel.is_set():
                        on_line(found)
        with self._changed:
            if not self._cancel.is_set():
                self.lost += len(child.lines)
            child.lines.clear()
            self._changed.notify_all()
