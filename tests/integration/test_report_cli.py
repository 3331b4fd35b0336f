"""The report options of `check` and the `report render|diff` commands, as a user runs
them: real processes, the lab, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.lab.tenant import Lab
from assistant.model import REPORT_VERSION
from assistant.report.bundle import verify_bundle
from assistant.report.json_report import load_json

pytestmark = pytest.mark.lab


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def one_line_usage_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0], lines[0]
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def runs(lab: Lab, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two real runs: a healthy domain and one with a DMARC warning, every export."""
    folder = tmp_path_factory.mktemp("runs")
    for name, email in (("healthy", "admin@contoso.test"), ("dmarc", "admin@dmarc-none.test")):
        result = cli(
            "check",
            "--email",
            email,
            "--checks",
            "dns",
            "--no-password",
            "--json",
            str(folder / f"{name}.json"),
            "--html",
            str(folder / f"{name}.html"),
            "--pdf",
            str(folder / f"{name}.pdf"),
            "--bundle",
            str(folder / f"{name}.zip"),
            *lab.cli_flags(),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stderr.count("... dns.") >= 10  # the progress the log keeps
    return folder


def test_check_writes_json_html_pdf_and_bundle(runs: Path) -> None:
    report = load_json(runs / "healthy.json")
    assert report.find("dns.mx") is not None
    assert report.environment["public_ip"]["note"] == "not looked up"
    assert report.run["requested"] == ["dns"] and "dns.resolver" in report.run["checks"]
    assert report.run["cancelled"] is False
    html = (runs / "healthy.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "dns.mx" in html
    assert (runs / "healthy.pdf").read_bytes().startswith(b"%PDF-")
    data = (runs / "healthy.zip").read_bytes()
    assert verify_bundle(data) == []
    with zipfile.ZipFile(runs / "healthy.zip") as archive:
        log = archive.read("run.log").decode("utf-8").splitlines()
        assert json.loads(archive.read("report.json")) == json.loads(
            (runs / "healthy.json").read_text(encoding="utf-8")
        )
    assert log[0].split(" ", 1)[1].startswith("run started: dns.resolver")
    assert any(" started  dns.mx" in line for line in log)
    assert any(" finished dns.mx: pass in " in line for line in log)
    assert log[-1].split(" ", 1)[1].startswith("run finished after")


def test_check_with_redacted_identities(lab: Lab, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    result = cli(
        "check",
        "--email",
        "admin@contoso.test",
        "--checks",
        "dns.mx",
        "--no-password",
        "--json",
        str(path),
        "--bundle",
        str(tmp_path / "b.zip"),
        "--redact-identities",
        *lab.cli_flags(),
    )
    assert result.returncode == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert "admin@" not in text and "user1@contoso.test" in text
    assert load_json(path).redaction == {"identities": "replaced"}


@pytest.mark.parametrize("flag", ["--json", "--html", "--pdf", "--bundle"])
def test_check_refuses_an_output_in_a_missing_folder_before_any_traffic(
    tmp_path: Path, flag: str
) -> None:
    result = cli(
        "check",
        "--domain",
        "contoso.test",
        "--nameserver",
        "192.0.2.1",
        flag,
        str(tmp_path / "missing" / "out"),
    )
    one_line_usage_error(result, f"{flag} {tmp_path / 'missing' / 'out'}: the folder")
    assert result.stdout == ""


def test_check_refuses_a_folder_as_output(tmp_path: Path) -> None:
    result = cli("check", "--domain", "contoso.test", "--html", str(tmp_path))
    one_line_usage_error(result, "that is a folder, not a file name")


def test_report_render_writes_every_format(runs: Path, tmp_path: Path) -> None:
    out = {k: tmp_path / f"out.{k}" for k in ("html", "pdf", "json", "zip")}
    result = cli(
        "report",
        "render",
        str(runs / "dmarc.json"),
        "--html",
        str(out["html"]),
        "--pdf",
        str(out["pdf"]),
        "--json",
        str(out["json"]),
        "--bundle",
        str(out["zip"]),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"wrote {out['json']} (json)",
        f"wrote {out['html']} (html)",
        f"wrote {out['pdf']} (pdf)",
        f"wrote {out['zip']} (bundle)",
    ]
    assert "dns.dmarc" in out["html"].read_text(encoding="utf-8")
    assert out["pdf"].read_bytes().startswith(b"%PDF-")
    assert load_json(out["json"]) == load_json(runs / "dmarc.json")
    with zipfile.ZipFile(out["zip"]) as archive:
        assert b"no run log" in archive.read("run.log")


def test_report_render_with_identities_redacted(runs: Path, tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    result = cli(
        "report", "render", str(runs / "healthy.json"), "--html", str(html), "--redact-identities"
    )
    assert result.returncode == 0, result.stderr
    text = html.read_text(encoding="utf-8")
    assert "admin@contoso.test" not in text and "user1@contoso.test" in text


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "cannot read"),
        ("{", "is not valid JSON"),
        ("[" * 100_000, "nested too deeply"),
        (
            json.dumps({"format": "connectivity-assistant-report", "version": REPORT_VERSION + 1}),
            "is newer than this program reads",
        ),
        (
            json.dumps(
                {
                    "format": "connectivity-assistant-report",
                    "version": 1,
                    "tool": {},
                    "created": "x",
                    "target": {},
                    "options": {},
                    "steps": [{"id": 1}],
                }
            ),
            "steps[0].id: expected text",
        ),
    ],
)
def test_report_render_refuses_a_bad_input_in_one_line(
    tmp_path: Path, content: str | None, words: str
) -> None:
    source = tmp_path / "in.json"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    result = cli("report", "render", str(source), "--html", str(tmp_path / "out.html"))
    one_line_usage_error(result, words)
    assert not (tmp_path / "out.html").exists()


def test_report_render_needs_an_output_and_a_real_folder(runs: Path, tmp_path: Path) -> None:
    one_line_usage_error(cli("report", "render", str(runs / "healthy.json")), "name at least one")
    one_line_usage_error(
        cli(
            "report", "render", str(runs / "healthy.json"), "--pdf", str(tmp_path / "no" / "r.pdf")
        ),
        "the folder",
    )
    one_line_usage_error(cli("report"), "the following arguments are required")


def test_report_diff_exit_codes_and_output(runs: Path, tmp_path: Path) -> None:
    same = cli("report", "diff", str(runs / "healthy.json"), str(runs / "healthy.json"))
    assert same.returncode == 0, same.stderr
    assert same.stdout.splitlines()[-1] == "no verdict changed"
    changed = cli("report", "diff", str(runs / "healthy.json"), str(runs / "dmarc.json"))
    assert changed.returncode == 1, changed.stderr
    assert "note: the two reports are for different targets or clouds" in changed.stdout
    assert any(
        "✔ PASS" in line and "⚠ WARN" in line and "dns.dmarc" in line
        for line in changed.stdout.splitlines()
    )
    (tmp_path / "bad.json").write_text("nope", encoding="utf-8")
    one_line_usage_error(
        cli("report", "diff", str(runs / "healthy.json"), str(tmp_path / "bad.json")),
        "not valid JSON",
    )
    one_line_usage_error(
        cli("report", "diff", str(tmp_path / "missing.json"), str(tmp_path / "bad.json")),
        "cannot read",
    )
