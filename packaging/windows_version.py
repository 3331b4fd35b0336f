"""The Windows version resource (Explorer's Properties > Details) from pyproject.toml.

packaging/connectivity_assistant.spec writes one version file per .exe on Windows
(`write_version_file`) and passes it as EXE's `version=`; `python
packaging/windows_version.py` prints it on any system (tests/packaging/test_identity.py
checks it on Linux). Read by path: the folder is not importable as `packaging`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def file_numbers(version: str) -> tuple[int, int, int, int]:
    """The four 16-bit numbers Windows keeps: the release's, padded (0.1.0.dev0 ->
    0.1.0.0; the full version stays in the ProductVersion string)."""
    from packaging.version import Version  # PyPI's `packaging`, which PyInstaller needs

    release = (*Version(version).release, 0, 0, 0)[:4]
    return (release[0], release[1], release[2], release[3])


def version_file(project: dict[str, Any], executable: str, description: str) -> str:
    """The text of a PyInstaller version file (what `pyi-grab_version` writes and EXE's
    `version=` reads); plain text, so it is made and checked without Windows' pefile."""
    version = str(project["version"])
    numbers = file_numbers(version)
    strings = {
        "CompanyName": "Connectivity Assistant",
        "ProductName": "Connectivity Assistant",
        "FileDescription": description[:200],
        "ProductVersion": version,
        "FileVersion": version,
        "InternalName": executable.removesuffix(".exe"),
        "OriginalFilename": executable,
        "LegalCopyright": f"{project.get('license', '')} licence".strip(),
    }
    structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8: made by packaging/windows_version.py from pyproject.toml
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo(
      [
        StringTable(
          '040904B0',
          [
{structs}
          ]
        )
      ]
    ),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(folder: Path, executable: str, description: str) -> Path:
    path = folder / f"{executable}.version.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_file(project(), executable, description), encoding="utf-8")
    return path


def project() -> dict[str, Any]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text)["project"])


if __name__ == "__main__":
    print(version_file(project(), "connectivity-assistant.exe", "Connectivity Assistant"))
