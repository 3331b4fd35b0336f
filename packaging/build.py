"""Build the app with PyInstaller (packaging/connectivity_assistant.spec), one folder:

    .venv/bin/python packaging/build.py            # -> dist/connectivity-assistant/
    .venv/bin/python packaging/build.py --dist DIR --work DIR [--no-archives]

Needs the `test` extra (`pip install -e '.[test]'`), which brings PyInstaller, and on Linux
a C compiler (the spec compiles packaging/icu_stub.c). Then packs the folder as
<name>-<version>-<os>-<machine>.tar.gz and .tar.xz beside it and prints the figures the
budget below is about (folder MB, files, archive MB; MB = 10^6 bytes) and writes them to
<dist>/bundle-figures.json; exits non-zero when the build failed. Over budget is not a build
failure: the smoke test (tests/packaging/) fails on it.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "connectivity_assistant.spec"
APP = "connectivity-assistant"
# Issue 18's ceilings, in MB of 10^6 bytes (stricter than du's MiB); CHANGELOG.md records
# the figures of each release.
BUDGET_MB = {"folder": 140.0, "tar_gz": 60.0, "tar_xz": 45.0}


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return str(tomllib.loads(text)["project"]["version"])


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def archive_stem(folder: Path) -> Path:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(
        sys.platform, sys.platform
    )
    return folder.parent / f"{APP}-{version()}-{system}-{platform.machine().lower()}"


def make_archives(folder: Path) -> dict[str, Path]:
    """The folder as .tar.gz and .tar.xz (xz at its default preset 6), top folder kept."""
    stem = archive_stem(folder)
    made = {}
    for key, mode, suffix in (("tar_gz", "w:gz", ".tar.gz"), ("tar_xz", "w:xz", ".tar.xz")):
        target = stem.with_name(stem.name + suffix)
        with tarfile.open(target, mode) as archive:  # type: ignore[call-overload]
            archive.add(folder, arcname=folder.name)
        made[key] = target
    return made


def figures(folder: Path, archives: dict[str, Path]) -> dict[str, object]:
    files = [p for p in folder.rglob("*") if p.is_file() or p.is_symlink()]
    found: dict[str, object] = {
        "version": version(),
        "folder_mb": round(folder_size(folder) / 1e6, 1),
        "files": len(files),
    }
    for key, path in archives.items():
        found[f"{key}_mb"] = round(path.stat().st_size / 1e6, 1)
        found[f"{key}_path"] = str(path)
    found["budget_mb"] = BUDGET_MB
    found["over_budget"] = over_budget(found)
    return found


def over_budget(found: dict[str, object]) -> list[str]:
    """What exceeds BUDGET_MB, as sentences; a figure not measured is not over."""
    over = []
    for key, ceiling in BUDGET_MB.items():
        value = found.get(f"{key}_mb")
        if isinstance(value, float) and value > ceiling:
            over.append(f"{key} {value} MB > {ceiling} MB")
    return over


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
    parser.add_argument("--no-archives", action="store_true", help="skip .tar.gz/.tar.xz")
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
    archives = {} if args.no_archives else make_archives(app.parent)
    found = figures(app.parent, archives)
    (args.dist.resolve() / "bundle-figures.json").write_text(json.dumps(found, indent=1) + "\n")
    print(f"built {app} in {seconds:.0f} s")
    line = f"bundle {found['version']}: folder {found['folder_mb']} MB in {found['files']} files"
    for key, label in (("tar_gz", ".tar.gz"), ("tar_xz", ".tar.xz")):
        if f"{key}_mb" in found:
            line += f"; {label} {found[f'{key}_mb']} MB"
    print(line + f" (budget: {BUDGET_MB})")
    for sentence in found["over_budget"]:  # type: ignore[attr-defined]
        print(f"OVER BUDGET: {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
