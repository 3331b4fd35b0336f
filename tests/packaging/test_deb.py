"""The .deb (packaging/deb.py) from the session's bundle: its files and validators
(desktop-file-validate, appstreamcli validate --no-net), then a real dpkg install into a
scratch root, the app started from the /usr/bin launcher there (--version, the demo), a
purge, and nothing of it left behind.

Why a scratch root (`dpkg --root`) and not this machine: the tests share the machine with
whoever runs them, and a root is as real to dpkg as `/`: the same unpacking, the same
database, the same removal. Its database holds this machine's entries for the packages the
.deb depends on, so dpkg itself checks the Depends line (versions too) against what is
installed here, where the launcher then runs against those very libraries."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from frozen_support import BUILD_TIMEOUT, ROOT, VERSION, FrozenApp, packaging_module, run

from assistant.model import Status
from assistant.report.json_report import load_json

pytestmark = [
    pytest.mark.timeout(BUILD_TIMEOUT + 240),  # the build, then xz of the package
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Debian packages (CI)"),
]
DEB_SCRIPT = ROOT / "packaging" / "deb.py"
DEB = packaging_module("deb")
APP_ID, COMMAND = DEB["APP_ID"], DEB["COMMAND"]
ICON_SIZES = DEB["IDENTITY"]["ICON_SIZES"]


def tool(name: str, package: str) -> str:
    found = shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    if found is None:
        pytest.fail(f"{name} is missing: apt-get install {package} (packaging/dev.sh does)")
    return found


@pytest.fixture(scope="module")
def deb(frozen: FrozenApp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deb")
    result = subprocess.run(
        # gzip -1: the test is about what is in the package, not xz (30 s of the suite).
        [
            sys.executable,
            str(DEB_SCRIPT),
            "--bundle",
            str(frozen.folder),
            "--out",
            str(out),
            "--compression",
            "fast",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (package,) = out.glob("*.deb")
    return package


def field(deb: Path, name: str) -> str:
    return subprocess.run(
        [tool("dpkg-deb", "dpkg"), "--field", str(deb), name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_the_package_s_metadata_and_desktop_files_are_valid(deb: Path, tmp_path: Path) -> None:
    assert field(deb, "Package") == COMMAND
    assert field(deb, "Version") == DEB["debian_version"](VERSION)
    assert deb.name == f"{COMMAND}_{field(deb, 'Version')}_{field(deb, 'Architecture')}.deb"
    tree = tmp_path / "tree"
    subprocess.run([tool("dpkg-deb", "dpkg"), "-x", str(deb), str(tree)], check=True)
    desktop = tree / f"usr/share/applications/{APP_ID}.desktop"
    checked = run([tool("desktop-file-validate", "desktop-file-utils"), str(desktop)], {}, tmp_path)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    entry = desktop.read_text(encoding="utf-8")
    assert f"Exec={COMMAND}\n" in entry and f"Icon={APP_ID}\n" in entry
    metainfo = tree / f"usr/share/metainfo/{APP_ID}.metainfo.xml"
    validator = [tool("appstreamcli", "appstream"), "validate", "--no-net", str(metainfo)]
    checked = run(validator, dict(os.environ), tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    problems = [line for line in checked.stdout.splitlines() if line[:2] in ("W:", "E:")]
    assert not problems, checked.stdout
    assert f'<release version="{VERSION}"' in metainfo.read_text(encoding="utf-8")
    for size in ICON_SIZES:
        icon = tree / f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert icon.read_bytes()[16:24] == size.to_bytes(4, "big") * 2, icon  # PNG IHDR
    launcher = tree / "usr/bin" / COMMAND
    assert os.readlink(launcher) == f"../../opt/{COMMAND}/{COMMAND}"
    assert (tree / f"opt/{COMMAND}/{COMMAND}").is_file()
    assert not list((tree / "usr/share").rglob("*.pyc")) and not (tree / "etc").exists()


def scratch_root(root: Path, depends: str) -> None:
    """An empty dpkg database, plus this machine's records of the packages the .deb
    depends on (with empty file lists: their files are this machine's)."""
    admin = root / "var/lib/dpkg"
    (admin / "info").mkdir(parents=True)
    (admin / "updates").mkdir()
    (admin / "available").touch()
    names = [part.split("(")[0].strip() for part in depends.split(",")]
    query = tool("dpkg-query", "dpkg")
    stanzas = []
    for name in names:
        found = subprocess.run([query, "-s", name], capture_output=True, text=True, check=False)
        assert found.returncode == 0, f"{name}, which the .deb depends on, is not installed here"
        stanzas.append(found.stdout.strip() + "\n")
        listed = subprocess.run(
            [query, "-W", "-f=${binary:Package}", name], capture_output=True, text=True, check=True
        ).stdout.strip()
        (admin / "info" / f"{listed}.list").touch()
    (admin / "status").write_text("\n".join(stanzas), encoding="utf-8")


def tree_listing(root: Path) -> set[str]:
    """Everything under the root but dpkg's own database and its lock files."""
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if not p.relative_to(root).as_posix().startswith("var/lib/dpkg")
    }


def test_install_run_from_the_launcher_and_purge_leaves_nothing(
    deb: Path, app_env: dict[str, str], tmp_path: Path
) -> None:
    root = tmp_path / "root"
    scratch_root(root, field(deb, "Depends"))
    before = tree_listing(root)
    dpkg = [tool("dpkg", "dpkg"), f"--root={root}"]
    if os.geteuid() != 0:  # dpkg wants root even for a scratch root unless told
        dpkg.append("--force-not-root")
    env = {**app_env, "PATH": app_env.get("PATH", "") + ":/usr/sbin:/sbin"}
    installed = run([*dpkg, "--install", str(deb)], env, tmp_path, timeout=300)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "warning" not in installed.stderr.lower(), installed.stderr

    launcher = root / "usr/bin" / COMMAND
    version = run([str(launcher), "--version"], app_env, tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"{COMMAND} {VERSION}"
    report = tmp_path / "demo.json"
    demo = run(
        [str(launcher), "demo", "--scenario", "healthy", "--json", str(report)], app_env, tmp_path
    )
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    loaded = load_json(report)
    assert loaded.environment["frozen"] is True and loaded.tool["version"] == VERSION
    assert not [s.id for s in loaded.steps if s.status in (Status.FAIL, Status.ERROR)]

    listed = run([*dpkg, "--listfiles", COMMAND], env, tmp_path)
    assert f"/opt/{COMMAND}/{COMMAND}" in listed.stdout.splitlines()
    purged = run([*dpkg, "--purge", COMMAND], env, tmp_path, timeout=300)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    left = sorted(tree_listing(root) - before)
    assert not left, f"left behind after the purge: {left[:20]}"
    status = run(
        [tool("dpkg-query", "dpkg"), f"--admindir={root}/var/lib/dpkg", "-W", COMMAND],
        env,
        tmp_path,
    )
    assert status.returncode != 0, "dpkg still knows the package"
