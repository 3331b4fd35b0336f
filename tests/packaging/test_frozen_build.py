"""Packaging smoke test (TESTING.md): build the PyInstaller one-folder app once per session
with packaging/build.py, then run the frozen binary as a user would: --version, the demo
on a healthy and a broken lab scenario (the same verdicts as the installed command), the
wizard offscreen in both languages and on X11 (Xvfb), and the lab's Dovecot started
from it with the system's libraries. No skips: a build that cannot run fails here."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from frozen_support import BUILD_TIMEOUT, ROOT, VERSION, FrozenApp, run

from assistant.model import Report, Status
from assistant.report.json_report import load_json

# Pulled in by plugins the spec drops (or by the PySide6 meta-package's WebEngine).
UNUSED_LIBRARIES = ("Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6WebEngine", "Qt6Wayland", "gtk-3")
# Said by the offscreen plugin whenever a window's size limits change (pyproject.toml).
HARMLESS_QT = ("This plugin does not support propagateSizeHints",)

pytestmark = [
    pytest.mark.timeout(BUILD_TIMEOUT + 60),  # the first test waits for the build
    pytest.mark.skipif(
        not sys.platform.startswith("linux"),
        reason="Linux only (CI): ELF libraries, /proc, Xvfb, Debian's Dovecot",
    ),
]


def statuses(report: Report) -> dict[str, Status]:
    """Every step's, the candidates and attempts under a check included."""
    return {step.id: step.status for top in report.steps for step in top.walk()}


def verdicts(report: Report) -> dict[str, Status]:
    """The checks' own (a failed autodiscover candidate under a passing check is normal)."""
    return {step.id: step.status for step in report.steps}


def test_version_is_pyproject_s(frozen: FrozenApp, app_env, tmp_path: Path) -> None:
    result = run([str(frozen.binary), "--version"], app_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"connectivity-assistant {VERSION}"


def test_bundle_holds_the_translations_and_no_qt_tools(frozen: FrozenApp) -> None:
    names = {p.name for p in frozen.folder.rglob("*")}
    translations = frozen.folder / "_internal" / "translations"
    # engine_zh_CN.json: the CLI's --lang without Qt (assistant/report/language.py)
    for catalogue in ("connectivity_assistant_zh_CN.qm", "qtbase_zh_CN.qm", "engine_zh_CN.json"):
        assert (translations / catalogue).stat().st_size > 1000, catalogue
    assert not {"lrelease", "lupdate", "linguist", "lrelease.exe", "lupdate.exe"} & names
    assert not [n for n in names if n.endswith(".ts")], "the .ts sources are not shipped"
    unused = [n for n in names if any(w in n for w in UNUSED_LIBRARIES)]
    assert not unused, unused


def test_every_bundled_library_finds_what_it_needs(frozen: FrozenApp) -> None:
    """A library the spec filtered out that a kept plugin needs shows up here as "not found"
    (the xcb plugin, say, which the offscreen runs below never load)."""
    internal = frozen.folder / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing = {}
    for library in internal.rglob("*.so*"):
        if library.is_symlink() or not library.is_file():
            continue
        found = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, env=env, check=False
        )
        lost = [line.strip() for line in found.stdout.splitlines() if "not found" in line]
        if lost:
            missing[str(library.relative_to(internal))] = lost
    assert not missing, json.dumps(missing, indent=1)


def test_demo_healthy_matches_the_installed_command(
    frozen: FrozenApp, app_env, tmp_path: Path
) -> None:
    frozen_json, source_json = tmp_path / "frozen.json", tmp_path / "source.json"
    demo = ["demo", "--scenario", "healthy", "--json"]
    result = run([str(frozen.binary), *demo, str(frozen_json)], app_env, tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    source = run([sys.executable, "-m", "ui.launcher", *demo, str(source_json)], app_env, ROOT)
    assert source.returncode == 0, source.stderr[-3000:]

    report, reference = load_json(frozen_json), load_json(source_json)
    assert report.environment["frozen"] is True
    assert reference.environment["frozen"] is False
    problems = {i: s for i, s in verdicts(report).items() if s in (Status.FAIL, Status.ERROR)}
    assert not problems
    # "warn" while the lab's SMTP AUTH carries Microsoft's dated retirement notice.
    assert report.summary["overall"] in ("pass", "warn")
    assert statuses(report) == statuses(reference)
    assert {"dns.mx", "imap.login", "pop.login", "smtp.auth", "ews.login"} <= statuses(
        report
    ).keys()


def test_demo_broken_scenario_fails_on_its_check(
    frozen: FrozenApp, app_env, tmp_path: Path
) -> None:
    out = tmp_path / "spf-loop.json"
    result = run(
        [str(frozen.binary), "demo", "--scenario", "spf-loop", "--json", str(out)],
        app_env,
        tmp_path,
    )
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-3000:]
    report = load_json(out)
    assert report.summary["overall"] == "fail"
    found = verdicts(report)
    assert found["dns.spf"] is Status.FAIL
    assert [i for i, s in found.items() if s is Status.FAIL] == ["dns.spf"]
    # An error is the tool breaking (a data file left out of the bundle, say).
    assert not [i for i, s in found.items() if s is Status.ERROR]


def test_demo_writes_the_chinese_pdf_and_the_html_with_version_and_icon(
    frozen: FrozenApp, app_env, tmp_path: Path
) -> None:
    """The PDF path in the bundle: fpdf2 and fontTools embedding a CJK font, without Pillow
    (left out: rthook_no_pillow.py), and no warning about it on stderr; the HTML report's
    header carries the app icon and the footer the version."""
    pdf, html = tmp_path / "demo.pdf", tmp_path / "demo.html"
    demo = ["demo", "--scenario", "healthy", "--lang", "zh_CN", "--pdf", str(pdf)]
    result = run([str(frozen.binary), *demo, "--html", str(html)], app_env, tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Pillow" not in result.stderr and "Warning" not in result.stderr, result.stderr
    text = run(["pdftotext", str(pdf), "-"], app_env, tmp_path)
    assert text.returncode == 0, text.stderr  # poppler-utils (packaging/dev.sh)
    assert "连接性报告" in text.stdout, text.stdout[:500]
    page = html.read_text(encoding="utf-8")
    assert f"Connectivity Assistant {VERSION}" in page
    assert '<img class="app-icon" src="data:image/png;base64,' in page


EXPECTED = {
    "zh_CN": {"welcome_title": "欢迎", "next_button": "下一步(&N) >"},
    "en": {"welcome_title": "Welcome", "next_button": "&Next >"},
}


def smoke_run(frozen: FrozenApp, env: dict[str, str], cwd: Path, *prefix: str, lang: str):
    env = {**env, "CA_SMOKE_QUIT_AFTER_MS": "300"}
    command = [*prefix, str(frozen.binary), "--demo", "--lang", lang]
    result = run(command, env, cwd, timeout=90)
    lines = [line for line in result.stdout.splitlines() if line.startswith("smoke: ")]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines) == 1, result.stdout
    noise = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and not any(h in line for h in HARMLESS_QT)
    ]
    assert not noise, result.stderr  # missing plugins, fonts or catalogues would show here
    # The bundled catalogues were used: nothing compiled into a cache or the bundle.
    assert not list(Path(env["XDG_CACHE_HOME"]).glob("**/*.qm"))
    assert not (frozen.folder / "_internal" / "build").exists()
    return json.loads(lines[0].removeprefix("smoke: "))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_wizard_starts_offscreen_and_quits(
    frozen: FrozenApp, app_env, tmp_path: Path, lang: str
) -> None:
    seen = smoke_run(frozen, {**app_env, "QT_QPA_PLATFORM": "offscreen"}, tmp_path, lang=lang)
    assert seen == {"language": lang, **EXPECTED[lang], "demo": "ready", "demo_error": ""}


def test_wizard_starts_on_x11(frozen: FrozenApp, app_env, tmp_path: Path) -> None:
    """The xcb plugin, its input methods and desktop theme from the bundle (under Xvfb)."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.fail("xvfb-run is missing: apt-get install xvfb (packaging/dev.sh does)")
    env = {k: v for k, v in app_env.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    seen = smoke_run(frozen, env, tmp_path, xvfb_run, "-a", lang="zh_CN")
    assert seen == {"language": "zh_CN", **EXPECTED["zh_CN"], "demo": "ready", "demo_error": ""}


@pytest.fixture
def frozen_lab(frozen: FrozenApp, app_env, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    with subprocess.Popen(
        [str(frozen.binary), "lab"],
        cwd=tmp_path,
        env=app_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as lab:
        try:
            assert lab.stdout is not None
            for line in lab.stdout:
                if "Press Ctrl-C to stop" in line:
                    break
            else:
                pytest.fail("the frozen lab did not start:\n" + lab.stderr.read()[-3000:])
            yield lab
        finally:
            lab.send_signal(signal.SIGINT)
            try:
                lab.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                lab.kill()
                lab.communicate()


def test_lab_dovecot_runs_on_the_system_s_libraries(
    frozen: FrozenApp, frozen_lab: subprocess.Popen[str]
) -> None:
    """The bootloader points LD_LIBRARY_PATH at the bundle; the runtime hook gives system
    programs the system's path back, so Dovecot loads none of the bundle's libraries."""
    children = Path(f"/proc/{frozen_lab.pid}/task/{frozen_lab.pid}/children").read_text().split()
    dovecot = [pid for pid in children if Path(f"/proc/{pid}/exe").resolve().name == "dovecot"]
    assert dovecot, f"no Dovecot under the frozen lab (children: {children})"
    maps = Path(f"/proc/{dovecot[0]}/maps").read_text()
    borrowed = sorted(
        {line.split()[-1] for line in maps.splitlines() if str(frozen.folder) in line}
    )
    assert not borrowed, borrowed
