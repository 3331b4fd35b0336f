"""The writers: atomic files, secret scrubbing, HTML, PDF and the support bundle."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from assistant.model import Evidence, Remedy, Report, Status, Step
from assistant.net.redact import MASK, Redactor
from assistant.report import atomic
from assistant.report.atomic import atomic_write_bytes, atomic_write_text
from assistant.report.bundle import MANIFEST, bundle_bytes, verify_bundle, write_bundle
from assistant.report.evidence_view import Table
from assistant.report.html import render_html
from assistant.report.json_report import loads, write_json
from assistant.report.pdf import column_weights, render_pdf
from assistant.report.pdf_fonts import NO_UNICODE_FONT, FontSet, find_fonts
from assistant.report.scrub import scrub_secrets

LONG_URL = (
    "https://autodiscover-s.outlook.com/autodiscover/autodiscover.json/v1.0/"
    "jörg.müller%40xn--mller-kva.de?Protocol=AutodiscoverV1&RedirectCount=0&extra=" + "x" * 80
)


def rich_report() -> Report:
    """Every evidence kind, an IDN target, Chinese text, a long URL, hostile markup."""
    tls = {
        "server_name": "autodiscover.müller.de",
        "verified": False,
        "verify_error": "certificate has expired",
        "protocol": "TLSv1.3",
        "cipher": "TLS_AES_256_GCM_SHA384",
        "chain": [
            {
                "subject": "CN=autodiscover.müller.de",
                "issuer": "CN=CA",
                "sans": ["DNS:a", "DNS:b"],
                "not_before": "2025",
                "not_after": "2026",
                "days_left": -3,
                "key": "EC",
                "signature_algorithm": "ecdsa",
                "sha256": "ab" * 32,
            }
        ],
    }
    http = {
        "method": "GET",
        "url": LONG_URL,
        "status": 401,
        "reason": "Unauthorized",
        "headers": ['WWW-Authenticate: Basic realm="x"', "request-id: 1234"],
        "correlation": {"request-id": "1234"},
        "body_preview": "<html>nope</html>",
        "elapsed_ms": 5,
        "connect": {"address": "127.0.0.1", "connect_to": "127.0.0.1:1"},
    }
    dns = [
        {
            "name": "müller.de",
            "type": "MX",
            "outcome": "ok",
            "values": ["0 mx.müller.de."],
            "cname_chain": [],
            "authenticated": True,
            "server": "127.0.0.1:53",
            "elapsed_ms": 2,
            "ttl": 300,
            "error": None,
        }
    ]
    steps = [
        Step(
            "dns.mx",
            "MX records 邮件路由",
            Status.FAIL,
            summary="没有 MX 记录 for müller.de",
            details="line one\nline two <script>alert(1)</script>",
            remedy=Remedy("Point the MX at Microsoft", LONG_URL),
            evidence=[Evidence("dns", "DNS answers", dns)],
            duration_ms=12,
            children=[
                Step(
                    "dns.mx.host.1",
                    "MX host",
                    Status.WARN,
                    summary="nested child",
                    evidence=[Evidence("tls", "TLS autodiscover.müller.de", tls)],
                )
            ],
        ),
        Step(
            "autodiscover.result",
            "Outlook autodiscover",
            Status.PASS,
            evidence=[
                Evidence("http", "GET " + LONG_URL, http),
                Evidence("transcript", "SMTP", ["< 220 ready", "> EHLO x"]),
                Evidence("table", "Candidates", [{"candidate": "v2", "status": "pass"}]),
                Evidence(
                    "settings",
                    "Settings",
                    {"ews_url": "https://x/EWS", "extra": {"a": [1, {"b": 2}]}},
                ),
                Evidence("weird", "Strange <b>kind</b>", {"deep": {"er": ["x", {"y": None}]}}),
            ],
        ),
        Step(
            "evil",
            '"><img src=x onerror=alert(1)>',
            Status.WARN,
            remedy=Remedy("click", "javascript:alert(1)"),
        ),
    ]
    return Report(
        tool={"name": "Connectivity Assistant", "version": "9"},
        created="2026-11-27T00:00:00+00:00",
        target={
            "email": "jörg@xn--mller-kva.de",
            "domain": "xn--mller-kva.de",
            "domain_unicode": "müller.de",
            "cloud": "china",
        },
        options={},
        steps=steps,
    )


# -- atomic writes ------------------------------------------------------------------------------


def test_atomic_write_replaces_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    atomic_write_text(path, "old")
    atomic_write_text(path, "new ünïcode")
    assert path.read_text(encoding="utf-8") == "new ünïcode"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_a_failed_write_keeps_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    path.write_text("the good old report", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(path, b"half")
    assert path.read_text(encoding="utf-8") == "the good old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_atomic_write_refuses_a_folder_and_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        atomic_write_text(tmp_path, "x")
    with pytest.raises(FileNotFoundError):
        atomic_write_text(tmp_path / "missing" / "r.json", "x")


def test_atomic_files_get_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "r.json", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "r.json").stat().st_mode & 0o777 == 0o644


def test_every_writer_goes_through_the_atomic_helper() -> None:
    source = Path(__file__).resolve().parents[2] / "assistant" / "report"
    for module in source.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        if module.name == "atomic.py":
            continue
        assert not re.search(r"\.write_(text|bytes)\(|open\([^)]*['\"]w", text), module.name


# -- secrets ---------------------------------------------------------------------------------------


def test_secret_keys_and_header_lines_are_masked_everywhere() -> None:
    report = rich_report()
    report.steps[0].evidence.append(
        Evidence(
            "http",
            "headers as data",
            {
                "Authorization": "Bearer abc.def",
                "Cookie": "s=1",
                "set-cookie": ["a=1", "b=2"],
                "cookies": {"session": "xyz"},
                "token": "t0k",
                "code": 250,
                "password": None,
            },
        )
    )
    report.steps[
        0
    ].details = "Cookie: s=1\nSet-Cookie: X-BackEndCookie=canary\nAUTH PLAIN AGFiYwBkZWY="
    scrubbed = scrub_secrets(report, Redactor())
    data = scrubbed.steps[0].evidence[-1].data
    assert data == {
        "Authorization": MASK,
        "Cookie": MASK,
        "set-cookie": [MASK, MASK],
        "cookies": {"session": MASK},
        "token": MASK,
        "code": 250,
        "password": None,
    }
    assert (
        "canary" not in scrubbed.steps[0].details
        and "AGFiYwBkZWY=" not in scrubbed.steps[0].details
    )
    assert scrubbed.steps[0].status is Status.FAIL


def test_a_password_that_is_also_a_verdict_word_keeps_the_report_loadable(tmp_path: Path) -> None:
    report = rich_report()
    path = tmp_path / "r.json"
    write_json(report, path, Redactor(secrets=["pass"]))
    loaded = loads(path.read_bytes())
    assert loaded.steps[1].status is Status.PASS


# -- HTML ------------------------------------------------------------------------------------------


def test_html_is_self_contained_escaped_and_locked_down() -> None:
    html = render_html(rich_report(), Redactor())
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html  # shown, not linked
    # The one image: the app's icon in the header, inline (the CSP allows img-src data:).
    icon = r'<img class="app-icon" src="data:image/png;base64,[A-Za-z0-9+/]+=*" [^<>]*>'
    assert len(re.findall(icon, html)) == 1
    rest = re.sub(icon, "", html)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", rest)
    assert not re.search(r"\b(src|href)=\"(?!https://)", rest)  # only the remedy's web links
    assert re.search(
        r'<a href="https://autodiscover-s\.outlook\.com/[^"]+" rel="noopener noreferrer"', html
    )
    assert "müller.de" in html and "邮件路由" in html


def test_html_has_a_verdict_word_beside_every_colour() -> None:
    html = render_html(rich_report(), Redactor())
    badges = re.findall(r'<span class="badge st-(\w+)[^"]*"[^>]*>([^<]+)</span>', html)
    assert badges
    for status, label in badges:
        assert label.split()[-1].lower() in (status, "stopped"), (status, label)


def test_html_opens_problem_checks_and_can_open_everything() -> None:
    html = render_html(rich_report(), Redactor())
    assert re.search(r'<details class="step st-fail" data-id="dns\.mx" open>', html)
    assert re.search(r'<details class="step st-pass" data-id="autodiscover\.result">', html)
    expanded = render_html(rich_report(), Redactor(), expand_all=True)
    assert "<details" in expanded and not re.search(r"<details[^>]*(?<!open)>", expanded)


def test_html_header_and_first_actions() -> None:
    html = render_html(rich_report(), Redactor())
    assert "What to do first" in html and "Point the MX at Microsoft" in html
    assert "<dt>Public IP</dt><dd>not looked up</dd>" in html
    assert "<dt>Target</dt><dd>jörg@müller.de (jörg@xn--mller-kva.de)</dd>" in html


def test_html_with_identities_redacted() -> None:
    html = render_html(rich_report(), Redactor(), redact_identities=True)
    assert "jörg@" not in html and "user1@müller.de" in html
    assert "mailbox names, people, internal hosts and IPs replaced" in html


# -- PDF -------------------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def test_pdf_renders_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    notes = render_pdf(rich_report(), Redactor(), path)
    assert notes == []
    text = pdf_text(path)
    for needle in (
        "Connectivity report: jörg@müller.de",
        "müller.de",
        "邮件路由",
        "没有 MX 记录",
        "✖ FAIL",
        "⚠ WARN",
        "✔ PASS",
        "What to do first",
        "Point the MX at Microsoft",
        "not looked up",
        "< 220 ready",
        "nested child",
    ):
        assert needle in text, needle
    assert "<img src=x onerror=alert(1)>" in text  # plain text in a PDF, harmless


def test_pdf_text_never_runs_off_the_page(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    render_pdf(rich_report(), Redactor(), path)
    result = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    page_width = float(re.search(r'<page width="([\d.]+)"', result.stdout)[1])  # type: ignore[index]
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', result.stdout)]
    assert right_edges and max(right_edges) <= page_width - 30  # inside the right margin


def test_pdf_without_a_unicode_font_still_writes_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    notes = render_pdf(rich_report(), Redactor(), path, fonts=find_fonts([tmp_path]))
    assert notes == [NO_UNICODE_FONT]
    text = pdf_text(path)
    assert "FAIL" in text and "müller.de" in text  # ü is in Latin-1
    assert "MX records ????" in text  # Chinese is not
    assert "no Unicode font was found" in text


def test_fonts_are_found_on_this_machine() -> None:
    fonts = find_fonts()
    assert fonts.unicode and fonts.cjk is not None, "install fonts-dejavu-core fonts-wqy-microhei"
    assert FontSet().notes == ()


def test_pdf_columns_are_sized_by_content() -> None:
    table = Table(("name", "type", "answer"), (("a.contoso.com", "MX", "0 " + "x" * 80),))
    name, kind, answer = column_weights(table)
    assert (name, kind, answer) == (13, 6, 48)


# -- bundle ----------------------------------------------------------------------------------------


def test_bundle_members_manifest_and_checksums(tmp_path: Path) -> None:
    path = tmp_path / "support.zip"
    write_bundle(rich_report(), Redactor(), path, log="t0 started dns.mx\n")
    data = path.read_bytes()
    assert verify_bundle(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["report.json", "report.html", "run.log", MANIFEST]
        manifest = json.loads(archive.read(MANIFEST))
        assert [f["name"] for f in manifest["files"]] == ["report.json", "report.html", "run.log"]
        assert manifest["redaction"] == {"secrets": "masked"}
        assert loads(archive.read("report.json")).steps[0].id == "dns.mx"
        assert archive.read("run.log") == b"t0 started dns.mx\n"


def test_a_tampered_bundle_fails_verification() -> None:
    data = bundle_bytes(rich_report(), Redactor(), log="x\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, content + b" " if name == "run.log" else content)
        target.writestr("extra.txt", "x")
    assert verify_bundle(buffer.getvalue()) == [
        "run.log: checksum does not match",
        "extra.txt: not in the manifest",
    ]


def test_bundle_redacts_log_and_report_with_one_identity_mapping() -> None:
    log = "12:00 fail: jörg@xn--mller-kva.de at 10.9.8.7\nCookie: sid=canary-cookie\n"
    data = bundle_bytes(
        rich_report(), Redactor(secrets=["canary-secret"]), log=log, redact_identities=True
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    for name, text in members.items():
        assert "jörg" not in text and "10.9.8.7" not in text and "canary-cookie" not in text, name
    assert "user1@xn--mller-kva.de at 10.x.x.1" in members["run.log"]
    assert json.loads(members["report.json"])["target"]["email"] == "user1@xn--mller-kva.de"
    assert json.loads(members[MANIFEST])["redaction"] == {
        "secrets": "masked",
        "identities": "replaced",
    }


def test_a_bundle_from_a_saved_report_says_it_has_no_log() -> None:
    with zipfile.ZipFile(io.BytesIO(bundle_bytes(rich_report(), Redactor()))) as archive:
        assert b"no run log" in archive.read("run.log")
