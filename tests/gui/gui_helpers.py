"""Helpers the GUI tests share (driving the wizard as a user would)."""

from __future__ import annotations

import threading
import time

from ui.pages.ids import RESULTS, RUN
from ui.wizard import Wizard

LEAKY_PREFIXES = ("ca-check", "ca-ui")


def ui_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(LEAKY_PREFIXES)]


def close_wizard(qtbot, wizard: Wizard) -> None:
    if wizard.isVisible():
        wizard.close()
    qtbot.waitUntil(lambda: not wizard.isVisible() and not wizard.workers.busy, timeout=5000)
    deadline = time.monotonic() + 3
    while ui_threads() and time.monotonic() < deadline:
        qtbot.wait(20)
    assert not ui_threads(), f"threads left running: {ui_threads()}"


def fill_target(qtbot, wizard: Wizard, email: str, cloud=None) -> None:
    """Type the address as a user would (the domain follows it)."""
    page = wizard.target_page
    page.email.clear()
    qtbot.keyClicks(page.email, email)
    if cloud is not None:
        page.set_cloud(cloud)


def run_to_results(
    qtbot, wizard: Wizard, areas: list[str] | None = None, *, timeout: int = 15000
) -> None:
    """From wherever the wizard is before the run: pick the areas (when given), keep the
    sign-in as set, run, and wait for the Results page and the run's thread to end."""
    from ui.pages.ids import CHECKS, SIGNIN, TARGET

    if wizard.currentId() == TARGET:
        assert wizard.target_page.isComplete(), wizard.target_page.email_error.message
        wizard.next()
    if wizard.currentId() == CHECKS:
        if areas is not None:
            wizard.checks_page.set_selected(areas)
        wizard.next()
    assert wizard.currentId() == SIGNIN
    assert wizard.signin_page.isComplete()
    wizard.next()
    assert wizard.currentId() in (RUN, RESULTS)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=timeout)
    qtbot.waitUntil(lambda: wizard.run is not None and not wizard.run.running, timeout=timeout)
