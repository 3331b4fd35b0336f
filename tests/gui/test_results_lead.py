"""The Results page leads with the root cause (issue 16): "What to do first" is the engine's
ranking (assistant/report/priorities.py) and its first item is selected and opened on
arrival; the Check column fits its titles; every problem has "Tell me more" (the remedy's
page, else our docs) opened through the wizard's opener; PowerShell in a remedy sits in a
block whose Copy puts exactly the command on the clipboard; evidence keeps its shape
(tables, the SPF include tree) and reads as words (labels, yes/no, the environment's name),
in Chinese too."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from gui_helpers import run_to_results
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextTable
from PySide6.QtWidgets import QTextBrowser

from assistant.checks.registry import ALL_CHECKS
from assistant.config import Target
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, write_json
from assistant.report.priorities import first_actions
from assistant.text import msg, verbatim
from ui.i18n import ENGLISH
from ui.pages.ids import RESULTS, TARGET
from ui.texts import engine_text
from ui.widgets.powershell import commands, split_commands
from ui.widgets.step_tree import ID_ROLE

DEFAULT_SIZE = (1000, 720)  # packaging/screenshots.py's, the size people see first


class Opened(list[str]):
    """The wizard's `open_url` in a test: records the addresses, opens nothing."""

    def __call__(self, url: str) -> bool:
        self.append(url)
        return True


def click_anchor(qtbot, browser: QTextBrowser, href: str) -> None:
    """Click the link `href` in the details pane as a user would (scrolled into view)."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + min(1, fragment.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                point = browser.cursorRect(cursor).center()
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href!r} in the details")


def open_saved(qtbot, wizard, steps: list[Step], tmp_path: Path) -> None:
    report = build_report(Target.parse("admin@contoso.com"), _options(), steps)
    path = tmp_path / "saved.json"
    write_json(report, path, Redactor())
    wizard.resize(*DEFAULT_SIZE)
    assert wizard.welcome_page.open_path(str(path))
    assert wizard.currentId() == RESULTS
    qtbot.wait(50)  # the layout settles at the window's size


def _options():
    from assistant.config import NetworkOptions

    return NetworkOptions()


# -- what to do first ----------------------------------------------------------------------


def test_expired_autodiscover_certificate_comes_first(qtbot, demo, tmp_path) -> None:
    """The demo's expired-certificate scenario: DMARC's warning comes earlier in run order,
    but the autodiscover failure is what the page opens on, as the HTML report's list."""
    wizard = demo
    wizard.resize(*DEFAULT_SIZE)
    wizard.next()
    assert wizard.currentId() == TARGET
    page = wizard.target_page
    page.scenario.setCurrentIndex(page.scenario.findData("ad-expired"))
    opened = Opened()
    wizard.open_url = opened
    run_to_results(qtbot, wizard, ["dns", "autodiscover"], timeout=30000)
    results = wizard.results_page
    steps = wizard.session.report.steps
    ranked = first_actions(steps)
    assert [p.check_id for p in ranked[:2]] == ["autodiscover.result", "dns.dmarc"], ranked
    tree = results.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    shown = [r.data(0, ID_ROLE) for r in rows if not r.isHidden()]
    assert shown.index("dns.dmarc") < shown.index("autodiscover.result"), "run order differs"

    listed = results.first_actions.list
    assert listed.isVisible() and listed.count() == len(ranked)
    entry = listed.item(0)
    assert entry.data(Qt.ItemDataRole.UserRole) == (ranked[0].step_id, ranked[0].check_id)
    assert engine_text(ranked[0].title) in entry.text()
    current = tree.currentItem()
    assert current.data(0, ID_ROLE) == ranked[0].step_id == "autodiscover.result"
    assert current.isExpanded(), "the first failure is opened"
    details = results.details.browser.toPlainText()
    assert engine_text(ranked[0].remedy) in details

    # Choosing an entry selects its step.
    second = listed.item(1)
    qtbot.mouseClick(
        listed.viewport(), Qt.MouseButton.LeftButton, pos=listed.visualItemRect(second).center()
    )
    assert tree.currentItem().data(0, ID_ROLE) == "dns.dmarc"
    assert "_dmarc" in results.details.browser.toPlainText()

    # Tell me more: DMARC's remedy names its page; the certificate's does not, so our docs.
    click_anchor(qtbot, results.details.browser, results.details.more_link)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=3000)
    assert opened == [ranked[1].link] and ranked[1].link.startswith("https://learn.microsoft")
    qtbot.mouseClick(
        listed.viewport(), Qt.MouseButton.LeftButton, pos=listed.visualItemRect(entry).center()
    )
    assert tree.currentItem().data(0, ID_ROLE) == "autodiscover.result"
    click_anchor(qtbot, results.details.browser, results.details.more_link)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=3000)
    docs = urlsplit(opened[1])
    assert docs.scheme == "file" and docs.fragment == "autodiscover"
    page_text = Path(docs.path).read_text(encoding="utf-8")
    assert '<a id="autodiscover"></a>' in page_text and "certificate" in page_text


def test_no_problems_no_list(qtbot, wizard, tmp_path) -> None:
    step = Step("dns.mx", msg("MX records route mail to the right place"), Status.PASS)
    open_saved(qtbot, wizard, [step], tmp_path)
    results = wizard.results_page
    assert not results.first_actions.isVisible()
    assert results.tree.currentItem().data(0, ID_ROLE) == "dns.mx"
    assert "Tell me more" not in results.details.browser.toPlainText(), "only for problems"


# -- columns -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", [ENGLISH, "zh_CN"])
def test_the_check_column_fits_every_title(qtbot, wizard, translations, tmp_path, language):
    """Every check the engine has, failed: at the default window size no title is cut."""
    translations.switch(language)
    steps = [Step(c.id, c.title, Status.FAIL, summary=msg("failed")) for c in ALL_CHECKS]
    open_saved(qtbot, wizard, steps, tmp_path)
    tree = wizard.results_page.tree
    metrics = tree.fontMetrics()
    section = tree.header().sectionSize(0)
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        needed = metrics.horizontalAdvance(item.text(0)) + tree.iconSize().width()
        needed += tree.indentation()
        assert section >= needed, f"{item.text(0)!r} needs {needed}, has {section}"
    assert tree.header().sectionSize(1) >= metrics.horizontalAdvance(tree.topLevelItem(0).text(1))


def test_long_titles_widen_the_tree_and_leave_the_result_some_room(qtbot, wizard, tmp_path):
    """Integration's long titles: the tree's side of the splitter grows (up to two thirds),
    so the Result column is not squeezed to nothing."""
    steps = [
        Step(c.id, c.title, Status.FAIL, summary=msg("failed"))
        for c in ALL_CHECKS
        if c.id.startswith("integration.")
    ]
    open_saved(qtbot, wizard, steps, tmp_path)
    results = wizard.results_page
    tree = results.tree
    qtbot.waitUntil(
        lambda: (
            results.splitter.sizes()[0]
            >= min(tree.wanted_width(), sum(results.splitter.sizes()) * 2 // 3)
        )
    )
    result_column = tree.viewport().width() - sum(tree.header().sectionSize(i) for i in range(3))
    assert result_column >= 80, result_column


# -- PowerShell ----------------------------------------------------------------------------

COMMANDS = [
    (
        "Run Set-OrganizationConfig -RejectDirectSend $false in Exchange Online PowerShell.",
        ["Set-OrganizationConfig -RejectDirectSend $false"],
    ),
    (
        "Turn it on (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).",
        ["Set-CASMailbox -SmtpClientAuthenticationDisabled $false"],
    ),
    (
        "check Get-CASMailbox <user> | Format-List Ews*, then Set-CASMailbox <user> "
        "-EwsEnabled $true.",
        ["Get-CASMailbox <user> | Format-List Ews*", "Set-CASMailbox <user> -EwsEnabled $true"],
    ),
    (
        "Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl; the rest",
        ["Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl"],
    ),
    (
        "Set-AuthConfig -NewCertificateThumbprint <thumbprint> -NewCertificateEffectiveDate "
        "(Get-Date), then restart.",
        [
            "Set-AuthConfig -NewCertificateThumbprint <thumbprint> -NewCertificateEffectiveDate "
            "(Get-Date)"
        ],
    ),
    (
        "Set-SPAuthenticationRealm -Realm <tenant ID>.",
        ["Set-SPAuthenticationRealm -Realm <tenant ID>"],
    ),
    (
        "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true",
        ["New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true"],
    ),
    # Translated remedies: the prose may follow a value with no space between them.
    (
        "运行 Set-OrganizationConfig -RejectDirectSend $false，然后重试。",
        ["Set-OrganizationConfig -RejectDirectSend $false"],
    ),
    ("Get-AuthServer 会显示当前使用的服务器；登录租户", []),
    (
        "在场上运行 Set-SPAuthenticationRealm -Realm 5f1c6a0e。",
        ["Set-SPAuthenticationRealm -Realm 5f1c6a0e"],
    ),
    # A cmdlet named in prose, a hyphenated word, a non-verb: no command.
    ("check the certificate bound to SMTP (Get-ExchangeCertificate).", []),
    ("Give the user Send-As rights on the mailbox.", []),
    ("Fix the certificate on this host: certificate has expired.", []),
    ("Use Office-Online -Server x", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), COMMANDS)
def test_powershell_commands_in_a_remedy(text: str, expected: list[str]) -> None:
    assert commands(text) == expected
    prose = " ".join(s.text for s in split_commands(text) if not s.command)
    for command in expected:
        assert command not in prose


def test_command_detection_is_linear_on_hostile_text() -> None:
    text = "Set-Mailbox " + "-A " * 20000 + "<" * 20000
    assert commands(text)[0].startswith("Set-Mailbox -A -A")


def test_copy_puts_exactly_the_command_on_the_clipboard(qtbot, wizard, tmp_path) -> None:
    remedy = msg(
        "Turn Reject Direct Send off: Set-OrganizationConfig -RejectDirectSend $false. "
        "Then check Get-TransportConfig | Format-List RejectDirectSend, and send again."
    )
    step = Step(
        "relay.direct_send",
        msg("Test send: Direct Send to the MX endpoint"),
        Status.FAIL,
        summary=msg("refused"),
        remedy=Remedy(remedy, "https://learn.microsoft.com/exchange/direct-send"),
    )
    open_saved(qtbot, wizard, [step], tmp_path)
    details = wizard.results_page.details
    assert details.commands == [
        "Set-OrganizationConfig -RejectDirectSend $false",
        "Get-TransportConfig | Format-List RejectDirectSend",
    ]
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    click_anchor(qtbot, details.browser, "copy:1")
    assert clipboard.text() == "Get-TransportConfig | Format-List RejectDirectSend"
    click_anchor(qtbot, details.browser, "copy:0")
    assert clipboard.text() == "Set-OrganizationConfig -RejectDirectSend $false"
    shown = details.browser.toPlainText()
    assert "Turn Reject Direct Send off:" in shown and "and send again" in shown
    opened = Opened()
    wizard.open_url = opened
    click_anchor(qtbot, details.browser, details.more_link)
    qtbot.waitUntil(lambda: opened == ["https://learn.microsoft.com/exchange/direct-send"])


# -- evidence ------------------------------------------------------------------------------


def evidence_step() -> Step:
    tree = {
        "domain": "contoso.com",
        "record": "v=spf1 include:spf.protection.outlook.com include:a.contoso.com -all",
        "problem": None,
        "children": [
            {
                "domain": "spf.protection.outlook.com",
                "record": "v=spf1 ip4:40.92.0.0/15 -all",
                "problem": None,
                "children": [],
            },
            {
                "domain": "a.contoso.com",
                "record": "v=spf1 include:contoso.com -all",
                "problem": "loop",
                "children": [],
            },
        ],
    }
    return Step(
        "dns.spf",
        msg("SPF record authorises the right senders"),
        Status.FAIL,
        summary=msg("include loop"),
        details=verbatim("v=spf1 include:a.contoso.com -all"),
        evidence=[
            Evidence("table", msg("SPF include tree"), tree),
            Evidence(
                "table",
                msg("Candidates in Outlook's order"),
                [
                    {"candidate": "https://contoso.com/x", "status": "fail", "winner": False},
                    {
                        "candidate": "https://autodiscover.contoso.com/x",
                        "status": "pass",
                        "winner": True,
                    },
                ],
            ),
            Evidence(
                "settings",
                msg("Discovered settings"),
                {"server_name": "mail.contoso.com", "verified": True, "cloud": "onprem"},
            ),
        ],
    )


def tables(browser: QTextBrowser) -> list[QTextTable]:
    return [f for f in browser.document().rootFrame().childFrames() if isinstance(f, QTextTable)]


def margin_of(browser: QTextBrowser, node: str) -> float:
    """The indent of the tree's line for `node` (its name, after the branch glyph)."""
    block = browser.document().begin()
    while block.isValid():
        if block.text().removeprefix("└ ").split(" — ")[0] == node:
            return block.blockFormat().leftMargin()
        block = block.next()
    raise AssertionError(f"no tree line for {node}")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (ENGLISH, ("Server name", "yes", "no", "Exchange Server (on-premises)", "Candidate")),
        ("zh_CN", ("服务器名称", "是", "否", "Exchange Server（本地部署）", "候选项")),
    ],
)
def test_evidence_keeps_its_shape_and_reads_as_words(
    qtbot, wizard, translations, tmp_path, language, words
) -> None:
    translations.switch(language)
    open_saved(qtbot, wizard, [evidence_step()], tmp_path)
    browser = wizard.results_page.details.browser
    text = browser.toPlainText()
    for word in words:
        assert word in text, (word, text)
    for raw in ("server_name", "True", "False", "onprem"):
        assert raw not in text, raw
    # The tree: each include one step further in than the domain that includes it.
    root = margin_of(browser, "contoso.com")
    assert margin_of(browser, "spf.protection.outlook.com") > root
    assert margin_of(browser, "a.contoso.com") == margin_of(browser, "spf.protection.outlook.com")
    # The rows as a table: a header and one row each, three columns.
    grid = [t for t in tables(browser) if t.columns() == 3 and t.rows() == 3]
    assert grid, [(t.rows(), t.columns()) for t in tables(browser)]
    # Records fixed-width, words not.
    record = browser.document().find("v=spf1 ip4:40.92.0.0/15 -all")
    assert record.charFormat().fontFixedPitch() or "monospace" in record.charFormat().fontFamilies()
    word = browser.document().find(words[0])
    assert "monospace" not in (word.charFormat().fontFamilies() or [])


# -- mnemonics -----------------------------------------------------------------------------


def mnemonics(wizard) -> list[str]:
    """The Alt+letter of every visible control on the Results page and the wizard's own
    buttons (Back, Next, Quit), lower-cased."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        text = widget.text().replace("&&", "")
        at = text.find("&")
        if 0 <= at < len(text) - 1:
            found.append(text[at + 1].lower())
    return found


@pytest.mark.parametrize("language", [ENGLISH, "zh_CN"])
def test_one_mnemonic_per_letter_on_the_results_page(
    qtbot, wizard, translations, tmp_path, language
):
    """Alt+N was both "New diagnosis" and QWizard's Next; Alt+C "Copy details" and Close."""
    translations.switch(language)
    open_saved(qtbot, wizard, [evidence_step()], tmp_path)
    letters = mnemonics(wizard)
    assert len(letters) >= 8, letters  # the page's own and the wizard's Back, Next, Quit
    assert sorted(letters) == sorted(set(letters)), letters
