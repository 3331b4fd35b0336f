"""What a lab leaves on the machine, and how it goes away even when the process does not
end normally.

A lab writes private keys into temporary folders (its CA's and servers' keys, the
identity provider's client certificate, Dovecot's configuration and users) and starts
Dovecot in a session of its own. `Lab.stop()` removes all of it; a process ended by
SIGTERM or SIGHUP (logout, `kill`) or by an uncaught exception never gets there, and
Dovecot, in its own session, outlives it. So:

- every such folder is made by `lab_folder()`, which writes a marker naming the owning
  process (its pid and start time, so that a reused pid is not taken for the owner);
  a child service is added to its folder's marker by `record_service()`;
- `release()` stops this process's services and removes its folders at once, without
  waiting for any thread. It runs at interpreter exit (atexit) and from the signal
  handlers of the CLI (`released_on_signals`) and the wizard (ui/app.py);
- `sweep()` runs whenever a lab folder is made: folders whose owner is gone (SIGKILL, a
  crash, a power cut) are removed, and their service is stopped if it still runs.

The registry is process-wide because signal handlers and atexit are.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from types import FrameType

MARKER = "lab-owner.json"
# Every folder a lab makes starts with one of these (dovecot.py, pki.py, identity/).
PREFIXES = ("cadv-", "ca-lab-pki-", "ca-idp-")
FATAL_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None
)


@dataclass(frozen=True)
class Owner:
    """What a folder's marker says."""

    pid: int
    started: str | None  # the process's start time (Linux: /proc/PID/stat), None if unknown
    service: int | None = None  # a child service's pid, also its process group (Dovecot)


def process_start(pid: int) -> str | None:
    """When `pid` started, in clock ticks since boot (Linux); None where there is no /proc."""
    try:
        stat = pathlib.Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: count after the last ")".
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None  # field 22


def _state(pid: int) -> str | None:
    try:
        stat = pathlib.Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    return fields[0] if fields else None


def is_alive(owner: Owner) -> bool:
    """Whether the process that wrote the marker still runs (not merely its pid)."""
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: alive, and not ours to judge further
    if _state(owner.pid) == "Z":
        return False
    now = process_start(owner.pid)
    return owner.started is None or now is None or now == owner.started


def read_marker(folder: pathlib.Path) -> Owner | None:
    """The folder's owner, or None when there is no readable marker (never touch those)."""
    try:
        raw = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        owner = Owner(pid=raw["pid"], started=raw.get("started"), service=raw.get("service"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(owner.pid, int) or owner.pid <= 0:
        return None
    if owner.service is not None and (not isinstance(owner.service, int) or owner.service <= 0):
        return None
    return owner


def _write_marker(folder: pathlib.Path, owner: Owner) -> None:
    part = folder / (MARKER + ".part")
    part.write_text(json.dumps(asdict(owner)), encoding="utf-8")
    part.chmod(0o644)
    part.replace(folder / MARKER)  # whole or absent: a reader never sees half of it


class _Registry:
    """This process's lab folders and services, for release()."""

    def __init__(self) -> None:
        self._lock = threading.RLock()  # a signal handler may run while the main thread holds it
        self._pid = os.getpid()
        self._folders: dict[pathlib.Path, None] = {}  # ordered: removed oldest first
        self._services: dict[pathlib.Path, int] = {}

    def add_folder(self, folder: pathlib.Path) -> None:
        with self._lock:
            self._folders[folder] = None

    def drop_folder(self, folder: pathlib.Path) -> None:
        with self._lock:
            self._folders.pop(folder, None)
            self._services.pop(folder, None)

    def add_service(self, folder: pathlib.Path, pid: int) -> None:
        with self._lock:
            self._services[folder] = pid

    def drop_service(self, folder: pathlib.Path) -> None:
        with self._lock:
            self._services.pop(folder, None)

    def release(self) -> None:
        if os.getpid() != self._pid:
            return  # a forked child: the folders and services are its parent's
        with self._lock:
            services = list(self._services.values())
            folders = list(self._folders)
            self._services.clear()
            self._folders.clear()
        for pid in services:
            _kill_group(pid)
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


_REGISTRY = _Registry()
atexit.register(_REGISTRY.release)


def _kill_group(pid: int) -> None:
    # SIGKILL: the lab keeps no state worth a clean shutdown, and SIGTERM takes Dovecot seconds.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


# -- for the lab's servers ---------------------------------------------------------------


def lab_folder(prefix: str, parent: str | os.PathLike[str] | None = None) -> pathlib.Path:
    """A fresh temporary folder (as tempfile.mkdtemp) that names its owner, removed by
    release() if the lab never removes it; an earlier process's leftovers go first."""
    if not prefix.startswith(PREFIXES):
        raise ValueError(f"lab folders start with one of {PREFIXES}, not {prefix!r}")
    sweep()
    folder = pathlib.Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    _REGISTRY.add_folder(folder)
    _write_marker(folder, Owner(os.getpid(), process_start(os.getpid())))
    return folder


def record_service(folder: pathlib.Path, pid: int) -> None:
    """`pid` (the leader of its own process group) serves from `folder`: stop it with the
    folder, now or after a crash. A later sweep only kills it if its command line still
    names the folder."""
    _REGISTRY.add_service(folder, pid)
    _write_marker(folder, Owner(os.getpid(), process_start(os.getpid()), service=pid))


def forget_service(folder: pathlib.Path) -> None:
    """The service was stopped the normal way."""
    _REGISTRY.drop_service(folder)


def remove_folder(folder: pathlib.Path) -> None:
    # Forgotten only once removed: Ctrl-C during the removal (Dovecot's folder takes a
    # second) left the rest on disk, no longer registered for release() at exit
    # (bench/cancel_stress.py found it).
    shutil.rmtree(folder, ignore_errors=True)
    _REGISTRY.drop_folder(folder)


def stop_service(process: subprocess.Popen[bytes] | None, folder: pathlib.Path | None) -> None:
    """Stop a service started with record_service (Dovecot, Postfix): its whole process
    group at once (SIGTERM takes seconds; the lab keeps no state worth a clean shutdown),
    then its folder."""
    if process is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
        if folder is not None:  # forgotten once gone, as the folder (remove_folder)
            forget_service(folder)
    if folder is not None:
        remove_folder(folder)


def stop_together(stops: list[Callable[[], None]]) -> None:
    """Each part's stop on a thread of its own, all at once: every server waits up to a
    poll interval for its loop to notice, and one after another that was 0.45 s of the
    demo's Ctrl-C (bench/cancel_stress.py). The first failure is raised once all ended."""
    failures: list[BaseException] = []

    def stop(part: Callable[[], None]) -> None:
        try:
            part()
        except BaseException as exc:  # raised again on the caller's thread, below
            failures.append(exc)

    threads = [
        threading.Thread(target=stop, args=(part,), name="lab-stop", daemon=True) for part in stops
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def service_logs(folder: pathlib.Path | None, names: tuple[str, ...]) -> str:
    """A service's log files in `folder`, joined (for a test that wants to know what the
    server saw); "" when it is not running."""
    if folder is None:
        return ""
    parts = []
    for name in names:
        path = folder / name
        if path.exists():
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "".join(parts)


def release() -> None:
    """Stop this process's lab services and remove its lab folders, now (signal-safe
    enough: no thread is waited for, no lock another thread may hold is needed)."""
    _REGISTRY.release()


# -- what an earlier process left ---------------------------------------------------------


def _parents() -> list[pathlib.Path]:
    found = [pathlib.Path(tempfile.gettempdir()), pathlib.Path("/tmp")]  # noqa: S108 - Dovecot's
    return list(dict.fromkeys(p for p in found if p.is_dir()))


def _serves_from(pid: int, folder: pathlib.Path) -> bool:
    """Whether `pid` is still the service started from `folder` (its command line names
    the folder), not an unrelated process that got the pid since."""
    try:
        command = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return str(folder).encode() + b"/" in command


def sweep(parents: Iterable[pathlib.Path] | None = None) -> list[pathlib.Path]:
    """Remove the lab folders (ours by uid, with a marker) whose owner is gone, stopping
    their service first; returns what was removed. Folders without a marker, of another
    user, or of a live owner are never touched."""
    removed: list[pathlib.Path] = []
    for parent in _parents() if parents is None else parents:
        try:
            entries = list(os.scandir(parent))
        except OSError:
            continue
        for entry in entries:
            try:
                if not entry.name.startswith(PREFIXES) or not entry.is_dir(follow_symlinks=False):
                    continue
                if entry.stat(follow_symlinks=False).st_uid != os.geteuid():
                    continue
            except OSError:
                continue
            folder = pathlib.Path(entry.path)
            owner = read_marker(folder)
            if owner is None or is_alive(owner):
                continue
            if owner.service is not None and _serves_from(owner.service, folder):
                _kill_group(owner.service)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


# -- the command line's lab and demo ------------------------------------------------------


@contextlib.contextmanager
def released_on_signals() -> Iterator[None]:
    """While the CLI's lab or demo runs: SIGTERM and SIGHUP release the lab (services
    stopped, keys removed) and then end the process as the signal would have. Ctrl-C
    stays a KeyboardInterrupt, which stops the lab the normal way."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; atexit still releases
        return
    previous = {number: signal.signal(number, _release_and_end) for number in FATAL_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _release_and_end(number: int, _frame: FrameType | None) -> None:
    release()
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)
