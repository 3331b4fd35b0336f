"""The built bundle against issue 18's budget (packaging/build.py's BUDGET_MB: the folder,
its .tar.gz and .tar.xz) and against packaging/bundle_allowlist.py: every file in it is
explained, every explanation still matches a file. The figures are measured here, not read
from the build's own report."""

from __future__ import annotations

import json
import sys
from fnmatch import fnmatchcase

import pytest
from frozen_support import BUILD_TIMEOUT, FrozenApp, packaging_module

pytestmark = [
    pytest.mark.timeout(BUILD_TIMEOUT + 60),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle (CI)"),
]


def bundle_files(frozen: FrozenApp) -> list[str]:
    found = [p for p in frozen.folder.rglob("*") if p.is_file() or p.is_symlink()]
    return sorted(p.relative_to(frozen.folder).as_posix() for p in found)


def test_the_bundle_is_within_budget(frozen: FrozenApp, capsys) -> None:
    build = packaging_module("build")
    budget = build["BUDGET_MB"]
    archives = build["archive_stem"](frozen.folder)
    measured = {"folder": build["folder_size"](frozen.folder) / 1e6}
    for key, suffix in (("tar_gz", ".tar.gz"), ("tar_xz", ".tar.xz")):
        archive = archives.with_name(archives.name + suffix)
        assert archive.is_file(), f"packaging/build.py made no {archive.name}"
        measured[key] = archive.stat().st_size / 1e6
    files = len(bundle_files(frozen))
    with capsys.disabled():
        shown = ", ".join(f"{k} {v:.1f} MB" for k, v in measured.items())
        print(f"\n[packaging] bundle: {shown}, {files} files (budget {budget})")
    printed = json.loads((frozen.dist / "bundle-figures.json").read_text())
    assert printed["files"] == files and abs(printed["folder_mb"] - measured["folder"]) < 0.1
    over = {k: round(v, 1) for k, v in measured.items() if v > budget[k]}
    assert not over, f"over budget (MB): {over}; budget {budget}"


def test_every_file_in_the_bundle_is_explained(frozen: FrozenApp) -> None:
    allowed = packaging_module("bundle_allowlist")["ALLOWED"]
    assert all(reason.strip() for _, reason in allowed), "every pattern says why"
    files = bundle_files(frozen)
    unexplained = [f for f in files if not any(fnmatchcase(f, p) for p, _ in allowed)]
    assert not unexplained, "add a reason to packaging/bundle_allowlist.py or leave it out:\n" + (
        "\n".join(unexplained)
    )
    stale = [p for p, _ in allowed if not any(fnmatchcase(f, p) for f in files)]
    assert not stale, f"patterns that match nothing any more: {stale}"


def test_icu_data_is_the_stub_and_pillow_is_left_out(frozen: FrozenApp) -> None:
    """The two big removals (packaging/icu_stub.c, rthook_no_pillow.py) are in place; the
    smoke test's wizard, demo and PDF runs prove the app works without them."""
    lib = frozen.folder / "_internal" / "PySide6" / "Qt" / "lib"
    data = list(lib.glob("libicudata.so.*"))
    assert data and all(p.stat().st_size < 100_000 for p in data), data
    assert not list((frozen.folder / "_internal").glob("PIL*")), "Pillow is in the bundle"
    assert not list((frozen.folder / "_internal").glob("pillow.libs"))
