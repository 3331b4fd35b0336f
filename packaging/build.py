"""Build the app with PyInstaller (packaging/connectivity_assistant.spec), one folder:

    .venv/bin/python packaging/build.py            # -> dist/connectivity-assistant/
    .venv/bin/python packaging/build.py --dist DIR --work DIR

Needs the `test` extra (`pip install -e '.[test]'`), which brings PyInstaller. Prints the
folder, its size and how long the build took; exits non-zero when the build failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "connectivity_assistant.spec"
APP = "connectivity-assistant"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(dist: Path) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / APP / f"{APP}{suffix}"


def build(dist: Path, work: Path, *, quiet: bool = False) -> Path:
    """Runs PyInstaller; returns the app's executable. Raises CalledProcessError."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--log-level",
        "WARN" if quiet else "INFO",
    ]
    subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603 - our own build
    return executable(dist)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--quiet", action="store_true", help="PyInstaller's warnings only")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[test]'", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        app = build(args.dist.resolve(), args.work.resolve(), quiet=args.quiet)
    except subprocess.CalledProcessError as exc:
        print(f"build failed (PyInstaller exit {exc.returncode})", file=sys.stderr)
        return 1
    seconds = time.monotonic() - started
    megabytes = folder_size(app.parent) / 1e6
    print(f"built {app} in {seconds:.0f} s; the folder holds {megabytes:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
