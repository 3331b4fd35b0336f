"""One Alt+letter per letter on every page, in English and in Chinese: the wizard is walked
page by page (the Advanced options open, every sign-in method, the Relay and Integration
pages, a run in progress, the results, the export page, the consent dialog), and at each
stop the mnemonics a user can press (visible buttons, labels with a buddy, QWizard's own
Back/Next/Commit/Finish/Quit) are gathered; a letter that two of them share fails."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget, QWizard

from ui.consent import ConsentDialog
from ui.pages.ids import CHECKS, EXPORT, INTEGRATION, RELAY, RESULTS, RUN, SIGNIN, TARGET
from ui.wizard import Wizard

WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
    QWizard.WizardButton.CustomButton1,
    QWizard.WizardButton.CustomButton2,
    QWizard.WizardButton.CustomButton3,
)
_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter Alt+ presses for `text` ("&&" is a literal ampersand)."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _usable(widget: QWidget) -> bool:
    """Shown and enabled: Qt ignores the shortcut of a disabled widget (the sign-in page
    disables the fields of the methods not chosen)."""
    return widget.isVisible() and widget.isEnabled() and widget.window().isVisible()


def mnemonics_in(root: QWidget) -> list[tuple[str, str]]:
    """(letter, what) for every mnemonic a user can press in `root`'s window as it is."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _usable(widget):
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text() if _usable(widget.buddy()) else ""
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        letter = mnemonic(text)
        if letter:
            found.append((letter, f"{type(widget).__name__} {text!r}"))
    return found


def wizard_stop(wizard: Wizard) -> list[tuple[str, str]]:
    """The current page's mnemonics plus the wizard's own buttons that show on it."""
    page = wizard.currentPage()
    found = mnemonics_in(page)
    for which in WIZARD_BUTTONS:
        button = wizard.button(which)
        letter = mnemonic(button.text())
        if button.isVisible() and letter:  # enabled or not: Next enables as one types
            found.append((letter, f"wizard button {button.text()!r}"))
    return found


def duplicates(where: str, found: list[tuple[str, str]]) -> list[str]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for letter, what in found:
        by_letter[letter].append(what)
    return [
        f"{where}: Alt+{letter.upper()} is {' and '.join(whats)}"
        for letter, whats in sorted(by_letter.items())
        if len(whats) > 1
    ]


def test_the_pattern_reads_qt_mnemonics() -> None:
    assert mnemonic("&Next >") == "n"
    assert mnemonic("Connect-&to overrides:") == "t"
    assert mnemonic("下一步(&N) >") == "n"
    assert mnemonic("Fish && chips") is None
    assert mnemonic("R&&D &plan") == "p"
    found = [("n", "a"), ("t", "b"), ("n", "c")]
    assert duplicates("page", found) == ["page: Alt+N is a and c"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_has_one_mnemonic_per_letter(qtbot, demo, language: str) -> None:
    wizard = demo
    wizard.switch_language(language)
    problems: list[str] = []

    def stop(where: str) -> None:
        qtbot.wait(1)  # layouts and visibility settle
        found = wizard_stop(wizard)
        assert found, f"{where}: no mnemonics found at all (the walk is broken)"
        problems.extend(duplicates(f"{language} {where}", found))

    stop("welcome")
    wizard.next()
    assert wizard.currentId() == TARGET
    target = wizard.target_page
    target.scenario.setCurrentIndex(target.scenario.findData("ad-slow"))
    target.show_advanced(True)
    stop("target, demo, advanced options open")
    target.show_advanced(False)
    stop("target, advanced options closed")
    wizard.next()
    assert wizard.currentId() == CHECKS
    wizard.checks_page.set_selected(["dns", "autodiscover", "relay", "integration"])
    stop("checks")
    wizard.next()
    assert wizard.currentId() == SIGNIN
    signin = wizard.signin_page
    for button in signin.methods.buttons():
        button.click()
        stop(f"sign-in, {button.objectName()}")
    signin.none.click()
    wizard.next()
    assert wizard.currentId() == INTEGRATION
    stop("integration")
    wizard.integration_page.fill_demo("https://sharepoint.contoso.test/sites/team")
    assert wizard.integration_page.isComplete()
    wizard.next()
    assert wizard.currentId() == RELAY
    relay = wizard.relay_page
    relay.fill_demo("admin@contoso.test", None)
    stop("relay")
    for box in relay.method_fields.boxes.values():
        box.setChecked(True)
    stop("relay, every method ticked")
    relay.confirm.setChecked(True)
    stop("relay, sending confirmed")
    relay.confirm.setChecked(False)
    while wizard.currentId() != CHECKS:
        wizard.back()
    wizard.checks_page.set_selected(["autodiscover"])
    wizard.next()
    wizard.next()
    assert wizard.currentId() == RUN  # ad-slow: autodiscover never answers
    stop("run, in progress")
    wizard.run_page.device_box.show()
    stop("run, device code shown")
    wizard.run_page.device_box.hide()
    wizard.cancel_run()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=10000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=10000)
    stop("results")
    wizard.next()
    assert wizard.currentId() == EXPORT
    stop("export")

    dialog = ConsentDialog(wizard, "mail.fabrikam.test", "a redirect", "contoso.test")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = mnemonics_in(dialog)
    assert len(found) >= 2
    problems.extend(duplicates(f"{language} consent dialog", found))
    dialog.close()
    assert not problems, "\n".join(problems)
