"""The one way every report writer puts a file on disk: whole or not at all.

The bytes go to a temporary file in the destination's own folder (so the final rename
stays on one file system and is atomic), are flushed to disk, and only then replace
the destination. A crash, a full disk or an exception mid-write leaves the old file
as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(target))
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    # O_EXCL: never follow or reuse something already there; 0o666 lets the umask decide
    # the final permissions, as for any file the user creates.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
