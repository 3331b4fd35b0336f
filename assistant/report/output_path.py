"""Whether a report can be written at a path, asked before a run rather than after it.

The atomic writer (atomic.py) puts a temporary file beside the destination and renames
it over; that needs a folder that exists and can be written to, a name short enough to
leave room for the temporary suffix, and a destination that is absent or a regular
file. Checked up front, a bad path is one sentence before any traffic instead of an
error (or a replaced /dev/full, or a symbolic link swapped for a file) after the run.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from assistant.report.atomic import TEMPORARY_NAME_EXTRA
from assistant.text import Text, msg

# Where the system cannot say (no pathconf on Windows): the common limits.
_DEFAULT_NAME_MAX = 255
_DEFAULT_PATH_MAX = 4096


def _limit(folder: Path, name: str, default: int) -> int:
    try:
        return os.pathconf(folder, name)
    except (AttributeError, OSError, ValueError):  # no pathconf, or no answer for this FS
        return default


def output_path_problem(path: str) -> Text | None:
    """Why a report cannot be written at `path` (one sentence), or None when it can."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder_mode = os.stat(folder).st_mode
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return msg("the folder {folder} does not exist", folder=str(folder))
        return msg("the folder {folder}: {reason}", folder=str(folder), reason=_reason(exc))
    if not stat.S_ISDIR(folder_mode):
        return msg("the folder {folder} does not exist", folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        return msg("the folder {folder} cannot be written to", folder=str(folder))
    name_max = _limit(folder, "PC_NAME_MAX", _DEFAULT_NAME_MAX) - TEMPORARY_NAME_EXTRA
    if len(os.fsencode(target.name)) > name_max:
        return msg("the file name is too long (at most {limit} bytes here)", limit=max(name_max, 1))
    path_max = _limit(folder, "PC_PATH_MAX", _DEFAULT_PATH_MAX) - TEMPORARY_NAME_EXTRA
    if len(os.fsencode(os.path.abspath(target))) >= path_max:
        return msg("the path is too long (at most {limit} bytes here)", limit=max(path_max, 1))
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return msg("{reason}", reason=_reason(exc))
    if stat.S_ISDIR(mode):
        return msg("that is a folder, not a file name")
    if stat.S_ISLNK(mode):
        return msg("that is a symbolic link; name the file itself or a new file")
    if not stat.S_ISREG(mode):
        return msg("that is not a regular file (a device, pipe or socket); name a new file")
    return None


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
