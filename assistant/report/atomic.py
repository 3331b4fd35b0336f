"""The one way every report writer puts a file on disk: whole or not at all.

The bytes go to a temporary file in the destination's own folder (so the final rename
stays on one file system and is atomic), are flushed to disk, and only then replace
the destination. A crash, a full disk or an exception mid-write leaves the old file
as it was and no temporary file behind.

Only a regular file is ever replaced: the rename would otherwise put a report in place
of a symbolic link the user keeps, or of a device node such as /dev/full (as root).
The front ends check this before a run (output_path.py); this is the last line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

# What the temporary file's name adds to the destination's: "." + name + ".1a2b3c4d.part".
TEMPORARY_NAME_EXTRA = len(".") + len(".") + 8 + len(".part")


class NotARegularFile(OSError):
    """The destination exists and is a symbolic link, a device, a pipe or a socket."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EEXIST, "it exists and is not a regular file; not replaced", path)


def temporary_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")


def refuse_unless_replaceable(target: Path) -> None:
    """Raise OSError unless `target` is absent or a regular file (a symlink is not)."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
    if not stat.S_ISREG(mode):
        raise NotARegularFile(str(target))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    refuse_unless_replaceable(target)
    tmp = temporary_path(target)
    # O_EXCL: never follow or reuse something already there; 0o666 lets the umask decide
    # the final permissions, as for any file the user creates.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        refuse_unless_replaceable(target)  # again: something may have appeared meanwhile
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
