"""What processes exist, read from Linux's /proc (psutil is not a dependency): for
bench/cancel_stress.py, to find what a cancelled run left behind."""

from __future__ import annotations

import os
from pathlib import Path


def stat(pid: int) -> tuple[int, int, str] | None:
    """(ppid, pgid, start time) of `pid`, None when it is gone or a zombie."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = raw.rpartition(")")[2].split()
    if not fields or fields[0] in ("Z", "X"):
        return None
    return int(fields[1]), int(fields[2]), fields[19]


def pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


def descendants(root: int, known: dict[int, str]) -> None:
    """Add every living descendant of `root` (and of those already known) to `known`."""
    table = {pid: found for pid in pids() if (found := stat(pid)) is not None}
    parents = {root, *known}
    grew = True
    while grew:
        grew = False
        for pid, (ppid, _pgid, start) in table.items():
            if ppid in parents and pid not in parents:
                parents.add(pid)
                known[pid] = start
                grew = True


def alive(pid: int, start: str) -> bool:
    found = stat(pid)
    return found is not None and found[2] == start


def naming(text: str) -> list[int]:
    """Living processes whose command line mentions `text` (not this one)."""
    return [
        pid
        for pid in pids()
        if pid != os.getpid() and stat(pid) is not None and text in cmdline(pid)
    ]


def child_processes() -> list[int]:
    me = os.getpid()
    return [pid for pid in pids() if (found := stat(pid)) is not None and found[0] == me]
