"""The Export page's support bundle and identities box: a bundle from a lab run carries
the run's log and checks out against its manifest; with the box checked every file
(JSON, HTML, PDF, the bundle) has placeholders instead of the mailbox, people and
internal host names; a report opened from a file still gets a bundle, without a log;
and no secret reaches any file."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from gui_helpers import fill_target, run_to_results
from PySide6.QtWidgets import QAbstractButton, QWizard

import assistant.report.html as html_module
import assistant.report.pdf as pdf_module
from assistant.config import NetworkOptions, Target
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.model import Report, Status, Step
from assistant.net.redact import Redactor
from assistant.report.bundle import NO_LOG, verify_bundle
from assistant.report.json_report import build_report, loads, write_json
from ui.pages.ids import EXPORT, RESULTS

FULL = ["dns", "autodiscover", "ews", "mapi"]
DOMAIN = "fabrikam.test"  # the lab's on-premises Exchange: internal servers ex01, ex02
MAILBOX = f"admin@{DOMAIN}"
INTERNAL_HOSTS = (f"ex01.{DOMAIN}", f"ex02.{DOMAIN}", f"hostmaster.{DOMAIN}")
PERSON = "Fabrikam Admin"  # the mailbox's display name
CANARY = "canary-Zq7-SECRET-0042"


def to_export(qtbot, wizard, email: str = MAILBOX) -> None:
    """Welcome -> a full run against the lab's on-premises tenant -> Export."""
    wizard.next()
    fill_target(qtbot, wizard, email, Cloud.ONPREM)
    run_to_results(qtbot, wizard, FULL)
    wizard.next()
    assert wizard.currentId() == EXPORT


def save(qtbot, page, path: Path, kind: str) -> Path:
    with qtbot.waitSignal(page.saved, timeout=30000) as blocker:
        page.save(str(path), kind)
    assert blocker.args == [str(path)]
    assert path.exists()
    return path


def members(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def mnemonics(wizard) -> list[str]:
    found = []
    for button in wizard.findChildren(QAbstractButton):
        if button.isVisible() and (m := re.search(r"&([^&])", button.text())):
            found.append(m.group(1).lower())
    return found


def test_a_run_saves_a_support_bundle_with_its_log(qtbot, demo, tmp_path: Path) -> None:
    wizard = demo
    to_export(qtbot, wizard)
    page = wizard.export_page
    button = page.buttons["bundle"]
    assert button.isVisible() and button.isEnabled()
    assert button.text() == "Save &support bundle (.zip)…"
    assert button.accessibleName()
    kinds = page.kinds.text()
    assert "the run log" in kinds and "Support bundle (.zip)" in kinds
    assert len(kinds.splitlines()) == 4  # JSON, web page, PDF, bundle: one line each
    assert sorted(mnemonics(wizard)) == sorted(set(mnemonics(wizard))), mnemonics(wizard)
    runlog = wizard.session.runlog
    assert runlog is wizard.run.runlog, "the session keeps the run's log"

    path = save(qtbot, page, tmp_path / "support.zip", "bundle")
    data = path.read_bytes()
    assert verify_bundle(data) == []
    files = members(path)
    assert sorted(files) == ["manifest.json", "report.html", "report.json", "run.log"]
    log = files["run.log"]
    assert log.startswith(runlog.lines[0])
    assert "run started: " in log and re.search(r"run finished after \d+ ms", log)
    for check_id in runlog.planned:
        assert f"finished {check_id}: " in log, check_id
    assert re.search(r"finished ews\.login: pass in \d+ ms", log)
    report = loads(files["report.json"])
    assert report.find("ews.login").status is Status.PASS
    assert MAILBOX in files["report.json"], "identities stay when the box is off"
    assert f"ex01.{DOMAIN}" in files["report.json"]
    assert page.status.text() == f"Saved to {path}"
    for name, text in files.items():
        assert LAB_PASSWORD not in text, name
    assert LAB_PASSWORD.encode() not in data


def test_the_identities_box_puts_placeholders_in_every_file(
    qtbot, demo, tmp_path: Path, monkeypatch
) -> None:
    wizard = demo
    to_export(qtbot, wizard)
    page = wizard.export_page
    assert not page.identities.isChecked(), "off by default"
    assert "same placeholder" in page.identities.toolTip()
    assert "same placeholder" in page.identities_hint.text()
    plain = save(qtbot, page, tmp_path / "plain.json", "json").read_text(encoding="utf-8")
    for identity in (MAILBOX, PERSON, *INTERNAL_HOSTS):
        assert identity in plain, identity

    # What reaches the PDF writers: the engine's (fpdf2) and Qt's (the engine's HTML).
    rendered: list[str] = []
    real_html, real_pdf = html_module.render_html, pdf_module.render_pdf

    def spy_html(report: Report, redactor: Redactor, **kwargs) -> str:
        rendered.append(out := real_html(report, redactor, **kwargs))
        return out

    def spy_pdf(report: Report, redactor: Redactor, path, **kwargs) -> list[str]:
        rendered.append(json.dumps(report.to_dict(), ensure_ascii=False))
        return real_pdf(report, redactor, path, **kwargs)

    monkeypatch.setattr(html_module, "render_html", spy_html)
    monkeypatch.setattr(pdf_module, "render_pdf", spy_pdf)

    page.identities.setChecked(True)
    written = {
        kind: save(qtbot, page, tmp_path / f"hidden-{kind}.{suffix}", kind)
        for kind, suffix in (
            ("json", "json"),
            ("html", "html"),
            ("pdf", "pdf"),
            ("bundle", "zip"),
        )
    }
    assert "placeholders" in page.status.text()
    texts = {
        "json": written["json"].read_text(encoding="utf-8"),
        "html": written["html"].read_text(encoding="utf-8"),
        **{f"bundle/{name}": text for name, text in members(written["bundle"]).items()},
        **{f"rendered {n}": text for n, text in enumerate(rendered)},
    }
    assert len(rendered) >= 2, "the HTML and the PDF went through the spies"
    for name, text in texts.items():
        for identity in (MAILBOX, "admin%40" + DOMAIN, PERSON, *INTERNAL_HOSTS):
            assert identity not in text, f"{identity} in {name}"
        assert LAB_PASSWORD not in text, name
    for name in ("json", "html", "bundle/report.json", "bundle/run.log"):
        assert f"user1@{DOMAIN}" in texts[name], name
    assert f"host1.{DOMAIN}" in texts["json"] and "Person 1" in texts["json"]
    assert verify_bundle(written["bundle"].read_bytes()) == []
    assert json.loads(texts["bundle/manifest.json"])["redaction"]["identities"] == "replaced"
    for path in written.values():
        assert LAB_PASSWORD.encode() not in path.read_bytes()


def saved_report(path: Path) -> Path:
    steps = [
        Step("dns.mx", "MX records", Status.PASS, summary="mail goes to Exchange Online"),
        Step(
            "ews.login",
            "EWS sign-in",
            Status.FAIL,
            summary="CONTOSO\\jdoe was refused",
            details=f"sent the password {CANARY}",
        ),
    ]
    report = build_report(Target.parse("admin@contoso.com"), NetworkOptions(), steps)
    write_json(report, path, Redactor([CANARY]))
    return path


def test_a_report_opened_from_a_file_gets_a_bundle_without_a_log(
    qtbot, wizard, tmp_path: Path
) -> None:
    source = saved_report(tmp_path / "saved.json")
    assert wizard.welcome_page.open_path(str(source))
    assert wizard.currentId() == RESULTS
    wizard.next()
    assert wizard.currentId() == EXPORT
    page = wizard.export_page
    assert wizard.session.runlog is None
    assert page.buttons["bundle"].isVisible()
    assert "no run log" in page.kinds.text()
    path = save(qtbot, page, tmp_path / "support.zip", "bundle")
    assert verify_bundle(path.read_bytes()) == []
    files = members(path)
    assert files["run.log"] == NO_LOG
    assert "CONTOSO\\\\jdoe" in files["report.json"]
    assert CANARY not in path.read_bytes().decode("latin-1")


def test_the_signed_in_name_is_an_identity_too(qtbot, wizard, tmp_path: Path) -> None:
    """The CLI adds the login name to the identities (ExportRequest.signed_in_as); so does
    the wizard, with the name the run signed in with."""
    report = loads(saved_report(tmp_path / "saved.json").read_bytes())
    session = wizard.session
    session.report, session.redactor = report, Redactor([CANARY])
    session.opened_path, session.username = "memory", "CONTOSO\\jdoe"
    wizard.next()
    wizard.next()
    assert wizard.currentId() == EXPORT
    page = wizard.export_page
    page.identities.setChecked(True)
    for kind, suffix in (("json", "json"), ("bundle", "zip")):
        data = save(qtbot, page, tmp_path / f"out.{suffix}", kind).read_bytes()
        text = (
            data.decode("utf-8")
            if kind == "json"
            else "".join(members(tmp_path / "out.zip").values())
        )
        assert "jdoe" not in text and "admin@contoso.com" not in text, kind
        assert "user1@contoso.com" in text, kind
        assert CANARY not in text, kind


def test_export_mnemonics_stay_distinct_in_chinese(qtbot, wizard, translations, tmp_path) -> None:
    assert wizard.welcome_page.open_path(str(saved_report(tmp_path / "saved.json")))
    wizard.next()
    assert wizard.currentId() == EXPORT
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: wizard.windowTitle() == "连接助手", timeout=2000)
    page = wizard.export_page
    assert page.buttons["bundle"].text() == "保存支持包 (.zip)(&S)…"
    assert page.identities.text().endswith("(&R)")
    back = wizard.button(QWizard.WizardButton.BackButton).text()
    found = mnemonics(wizard)
    assert len(found) >= 6, (found, back)
    assert sorted(found) == sorted(set(found)), found
