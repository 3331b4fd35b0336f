"""A hook for smoke tests of the packaged app (tests/packaging): nothing happens unless
the environment sets CA_SMOKE_QUIT_AFTER_MS.

With CA_SMOKE_QUIT_AFTER_MS=N the wizard closes itself the normal way N milliseconds
after it was shown (with --demo: N ms after the demo lab has started or failed, waiting
for it at most SMOKE_LAB_WAIT_MS), and first prints one line to stdout,
`smoke: {json}`, with what a user would have seen: the language, the Welcome page's
title (our catalogue), the Next button's text (Qt's own catalogue) and the demo lab's
state ("none", "starting", "ready" or "failed" with its message). A frozen build that
lost its translations or could not start the lab shows it here.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWizard

from ui.wizard import Wizard

ENV = "CA_SMOKE_QUIT_AFTER_MS"
# Start-up benchmark of the built app (bench/startup.py --frozen): ui/startup_probe.py.
PROBE_ENV = "CA_STARTUP_PROBE"
SMOKE_LAB_WAIT_MS = 60_000
POLL_MS = 100


def quit_after_ms() -> int | None:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    try:
        return max(0, int(value))
    except ValueError:
        print(f"connectivity-assistant: ignoring {ENV}={value!r} (not a number)", file=sys.stderr)
        return None


def watch_first_paint(wizard: Wizard) -> None:
    """With CA_STARTUP_PROBE set: print `first-paint {json}` after the wizard's first paint
    and leave (ui/startup_probe.py, imported only then: a normal start pays nothing)."""
    if os.environ.get(PROBE_ENV, "").strip() not in ("", "0"):
        from ui import startup_probe

        startup_probe.watch(wizard)


def demo_state(wizard: Wizard) -> tuple[str, str]:
    demo = wizard.session.demo
    if demo is None:
        return "none", ""
    if demo.error is not None:
        return "failed", demo.error
    return ("starting", "") if demo.lab is None else ("ready", "")


def observed(wizard: Wizard) -> dict[str, str]:
    state, detail = demo_state(wizard)
    return {
        "language": wizard.translations.language if wizard.translations else "",
        "welcome_title": wizard.welcome_page.title(),
        "next_button": wizard.buttonText(QWizard.WizardButton.NextButton),
        "demo": state,
        "demo_error": detail,
    }


def arm(wizard: Wizard, delay_ms: int) -> QTimer:
    """Close `wizard` as the module says (the timer belongs to the wizard)."""
    deadline = time.monotonic() + SMOKE_LAB_WAIT_MS / 1000
    timer = QTimer(wizard)
    timer.setInterval(POLL_MS)

    def lab_settled() -> None:
        if demo_state(wizard)[0] == "starting" and time.monotonic() < deadline:
            return
        timer.stop()
        QTimer.singleShot(delay_ms, close)

    def close() -> None:
        print("smoke: " + json.dumps(observed(wizard), ensure_ascii=False), flush=True)
        wizard.close()

    timer.timeout.connect(lab_settled)
    timer.start()
    return timer
