"""One version and one identity everywhere (issue 18 item 4), without building: the
engine's __version__ is pyproject.toml's (the CLI's --version, the reports' tool.version),
the About box says it, the Windows version resource and the .deb's version derive from it,
and the .desktop/AppStream texts come from packaging/identity.py."""

from __future__ import annotations

import ast

import pytest
from frozen_support import ROOT, VERSION, packaging_module

import assistant
from assistant.cli import main as cli_main


def test_the_engine_s_version_is_pyproject_s(capsys) -> None:
    assert assistant.__version__ == VERSION
    with pytest.raises(SystemExit) as exited:
        cli_main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"connectivity-assistant {VERSION}"


def test_the_about_box_names_the_app_and_its_version(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.about import AboutButton

    parent = QWidget()
    qtbot.addWidget(parent)
    button = AboutButton(parent)
    assert button.text() == "&About…"
    button.click()
    assert button.dialog is not None and button.dialog.isVisible()
    text = button.dialog.text()
    assert "Connectivity Assistant" in text and f"Version {VERSION}" in text
    assert not button.dialog.iconPixmap().isNull()
    button.dialog.accept()


def test_the_windows_version_resource_comes_from_pyproject() -> None:
    windows = packaging_module("windows_version")
    text = windows["version_file"](windows["project"](), "connectivity-assistant.exe", "x")
    tree = ast.parse(text, mode="eval")  # what PyInstaller evaluates on Windows
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    numbers = windows["file_numbers"](VERSION)
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{VERSION}')" in text
    assert "StringStruct('OriginalFilename', 'connectivity-assistant.exe')" in text
    assert windows["file_numbers"]("1.2.3rc1") == (1, 2, 3, 0)
    assert windows["file_numbers"]("2.0") == (2, 0, 0, 0)


@pytest.mark.parametrize(
    ("pep440", "debian"),
    [
        ("0.1.0.dev0", "0.1.0~dev0"),
        ("1.0rc1", "1.0~rc1"),
        ("1.0", "1.0"),
        ("1.0.post2", "1.0+post2"),
        ("1.0rc1.dev3", "1.0~rc1~dev3"),
    ],
)
def test_debian_versions_sort_like_the_python_ones(pep440: str, debian: str) -> None:
    assert packaging_module("deb")["debian_version"](pep440) == debian


def test_the_spec_builds_both_windows_executables_and_the_macos_bundle() -> None:
    """The spec is only executed by PyInstaller; this reads it for what Windows and macOS
    need (CI builds on Linux only: docs/packaging.md)."""
    spec = (ROOT / "packaging" / "connectivity_assistant.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    assert "executable(CLI_NAME, console=True)" in spec
    assert "executable(NAME, console=not (WINDOWS or MACOS))" in spec
    assert 'bundle_identifier=IDENTITY["APP_ID"]' in spec
    identity = packaging_module("identity")
    assert identity["APP_ID"].count(".") >= 2 and "-" not in identity["APP_ID"]


def test_the_window_names_the_desktop_entry_the_package_installs() -> None:
    from ui.app import DESKTOP_ID

    assert packaging_module("identity")["APP_ID"] == DESKTOP_ID
