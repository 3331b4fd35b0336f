"""A Debian package from the one-folder bundle packaging/build.py made, with dpkg-deb:

    .venv/bin/python packaging/deb.py [--bundle dist/connectivity-assistant] [--out dist]

Layout: the bundle under /opt/connectivity-assistant; /usr/bin/connectivity-assistant, a
relative link to its executable (the bootloader finds its files through /proc/self/exe, and
a relative link also works in a `dpkg --root` tree); the .desktop entry, the AppStream
metainfo and the icon at every size in the hicolor theme, all named after
packaging/identity.py's APP_ID; /usr/share/doc/<package>/copyright. No maintainer scripts:
Debian's icon-cache and desktop-database updates run from dpkg triggers on those folders.

Depends: the system libraries the bundle loads but does not carry (GL, libxcb, glibc), found
with ldd and mapped to their packages with dpkg -S, so it must be built on the Debian (or
derivative) release it is for. Prints the .deb's path; tests/packaging/test_deb.py
validates, installs into a scratch root, runs and removes it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import runpy
import shutil
import subprocess
import tempfile
import textwrap
import time
import tomllib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
IDENTITY = runpy.run_path(str(Path(__file__).with_name("identity.py")))
APP_ID: str = IDENTITY["APP_ID"]
COMMAND: str = IDENTITY["COMMAND"]
PREFIX = f"opt/{COMMAND}"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is missing: build the .deb on Debian or Ubuntu")
    return found


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return str(tomllib.loads(text)["project"]["version"])


def debian_version(version: str) -> str:
    """PEP 440 to Debian ordering: pre-releases and dev builds sort before the release
    (0.1.0.dev0 -> 0.1.0~dev0, 1.0rc1 -> 1.0~rc1); a post-release after it (1.0.post1 ->
    1.0+post1); a local part (+abc) as +abc."""
    found = re.fullmatch(
        r"(?P<release>\d+(?:\.\d+)*)(?P<pre>(?:a|b|rc)\d+)?(?:\.(?P<post>post\d+))?"
        r"(?:\.(?P<dev>dev\d+))?(?:\+(?P<local>[a-z0-9.]+))?",
        version.lower(),
    )
    if found is None:
        raise ValueError(f"not a PEP 440 version this script understands: {version!r}")
    text = found["release"]
    text += f"~{found['pre']}" if found["pre"] else ""
    text += f"+{found['post']}" if found["post"] else ""
    text += f"~{found['dev']}" if found["dev"] else ""
    text += f"+{found['local']}" if found["local"] else ""
    return text


def release_date() -> str:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


def desktop_entry() -> str:
    keywords = "".join(f"{k};" for k in IDENTITY["KEYWORDS"])
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={IDENTITY['NAME']}",
            f"Name[zh_CN]={IDENTITY['NAME_ZH_CN']}",
            f"Comment={IDENTITY['SUMMARY']}",
            f"Comment[zh_CN]={IDENTITY['SUMMARY_ZH_CN']}",
            f"Exec={COMMAND}",
            f"TryExec={COMMAND}",
            f"Icon={APP_ID}",
            "Terminal=false",
            f"Categories={''.join(f'{c};' for c in IDENTITY['CATEGORIES'])}",
            f"Keywords={keywords}",
            f"StartupWMClass={COMMAND}",
            "",
        ]
    )


def metainfo(version: str, date: str) -> str:
    """AppStream metadata; its release list is this build's version (pyproject.toml)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>{IDENTITY["LICENSE"]}</project_license>
  <name>{escape(IDENTITY["NAME"])}</name>
  <name xml:lang="zh-CN">{escape(IDENTITY["NAME_ZH_CN"])}</name>
  <summary>{escape(IDENTITY["SUMMARY"])}</summary>
  <summary xml:lang="zh-CN">{escape(IDENTITY["SUMMARY_ZH_CN"])}</summary>
  <description>
    <p>{escape(IDENTITY["DESCRIPTION"])}</p>
  </description>
  <developer_name>{escape(IDENTITY["NAME"])} maintainers</developer_name>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <icon type="stock">{APP_ID}</icon>
  <provides>
    <binary>{COMMAND}</binary>
  </provides>
  <categories>
{"".join(f"    <category>{c}</category>{chr(10)}" for c in IDENTITY["CATEGORIES"])}  </categories>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{escape(version)}" date="{date}"/>
  </releases>
</component>
"""


def copyright_file() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {COMMAND}\n\n"
        f"Files: *\nLicense: {IDENTITY['LICENSE']}\n"
        f" Connectivity Assistant is released under the {IDENTITY['LICENSE']} licence; the "
        "bundle under\n /opt carries Qt (LGPLv3), Python (PSF) and the Python packages "
        "listed in\n pyproject.toml under their own licences.\n"
    )


def system_dependencies(bundle: Path) -> list[str]:
    """Debian packages of the libraries the bundle's binaries load from the system."""
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    outside: set[str] = set()
    for binary in [bundle / COMMAND, *internal.rglob("*.so*")]:
        if binary.is_symlink() or not binary.is_file():
            continue
        found = subprocess.run(  # noqa: S603
            [tool("ldd"), str(binary)], capture_output=True, text=True, env=env, check=False
        )
        for line in found.stdout.splitlines():
            parts = line.split("=>")
            if len(parts) == 2 and parts[1].strip().startswith("/"):
                path = parts[1].split("(")[0].strip()
                if not Path(path).resolve().is_relative_to(bundle.resolve()):
                    outside.add(path)
    packages = {"libc6"}
    for path in sorted(outside):
        packages.add(owning_package(path))
    glibc = platform.libc_ver()[1]
    return [f"libc6 (>= {glibc})" if p == "libc6" and glibc else p for p in sorted(packages)]


def owning_package(path: str) -> str:
    candidates = [path, str(Path(path).resolve())]
    candidates += [c.removeprefix("/usr") for c in candidates if c.startswith("/usr/")]
    candidates += ["/usr" + c for c in candidates if not c.startswith("/usr/")]
    for candidate in dict.fromkeys(candidates):
        found = subprocess.run(  # noqa: S603
            [tool("dpkg"), "-S", candidate], capture_output=True, text=True, check=False
        )
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0].strip()
    raise SystemExit(f"{path}: no Debian package owns it (dpkg -S); build on Debian")


def installed_kib(folder: Path) -> int:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return (total + 1023) // 1024


def control(version: str, depends: list[str], size_kib: int) -> str:
    architecture = subprocess.run(  # noqa: S603
        [tool("dpkg"), "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    description = textwrap.fill(IDENTITY["DESCRIPTION"], 79, subsequent_indent=" ")
    return (
        f"Package: {COMMAND}\n"
        f"Version: {debian_version(version)}\n"
        f"Architecture: {architecture}\n"
        f"Maintainer: {IDENTITY['MAINTAINER']}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: net\n"
        "Priority: optional\n"
        f"Description: {IDENTITY['SUMMARY']}\n"
        f" {description}\n"
    )


def stage(bundle: Path, tree: Path, version: str) -> None:
    shutil.copytree(bundle, tree / PREFIX, symlinks=True)
    (tree / "usr/bin").mkdir(parents=True)
    (tree / "usr/bin" / COMMAND).symlink_to(f"../../{PREFIX}/{COMMAND}")
    share = tree / "usr/share"
    for folder, name, text in (
        ("applications", f"{APP_ID}.desktop", desktop_entry()),
        ("metainfo", f"{APP_ID}.metainfo.xml", metainfo(version, release_date())),
        (f"doc/{COMMAND}", "copyright", copyright_file()),
    ):
        (share / folder).mkdir(parents=True, exist_ok=True)
        (share / folder / name).write_text(text, encoding="utf-8")
    icons = bundle / "_internal" / "resources" / "icons"
    for size in IDENTITY["ICON_SIZES"]:
        target = share / f"icons/hicolor/{size}x{size}/apps"
        target.mkdir(parents=True)
        shutil.copyfile(icons / f"{COMMAND}-{size}.png", target / f"{APP_ID}.png")
    for path in [tree, *tree.rglob("*")]:  # dpkg-deb keeps modes as they are
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK)
        path.chmod(0o755 if executable else 0o644)


# How dpkg-deb compresses: xz for a package people download (41 MB, about 30 s on one
# core); gzip -1 where only the contents matter (the suite's install test, a few seconds).
COMPRESSION = {"xz": ["-Zxz"], "fast": ["-Zgzip", "-z1"]}


def build_deb(bundle: Path, out: Path, compression: str = "xz") -> Path:
    if not (bundle / COMMAND).is_file():
        raise SystemExit(f"no bundle at {bundle}: run packaging/build.py first")
    version = project_version()
    depends = system_dependencies(bundle)
    with tempfile.TemporaryDirectory(prefix="deb-") as scratch:
        tree = Path(scratch) / "root"
        stage(bundle, tree, version)
        (tree / "DEBIAN").mkdir(mode=0o755)
        text = control(version, depends, installed_kib(tree))
        (tree / "DEBIAN/control").write_text(text, encoding="utf-8")
        arch = text.split("Architecture: ", 1)[1].split("\n", 1)[0]
        out.mkdir(parents=True, exist_ok=True)
        deb = out / f"{COMMAND}_{debian_version(version)}_{arch}.deb"
        subprocess.run(  # noqa: S603
            [
                tool("dpkg-deb"),
                "--root-owner-group",
                *COMPRESSION[compression],
                "--build",
                str(tree),
                str(deb),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / COMMAND)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument(
        "--compression", choices=sorted(COMPRESSION), default="xz", help="default xz"
    )
    args = parser.parse_args(argv)
    deb = build_deb(args.bundle.resolve(), args.out.resolve(), args.compression)
    print(f"built {deb}: {deb.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
