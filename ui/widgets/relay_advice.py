"""The advice the Relay page shows before anything is sent: relay-cli's pure decision
table (assistant/checks/policy/relay_advice.py) on the questionnaire's answers alone,
and its rendering as rich text (every piece escaped; engine text in the current
language)."""

from __future__ import annotations

import datetime as dt
from html import escape

from assistant.checks.policy.relay_advice import NAMES, Advice, RelayFacts, advise
from assistant.facts import Cloud
from assistant.relay_plan import DeviceProfile
from ui.icons import colour
from ui.texts import engine_text


def advice_before_sending(device: DeviceProfile, cloud: Cloud, today: dt.date) -> Advice:
    """The adapter to relay-cli's pure advice (assistant/checks/policy/relay_advice.py):
    the questionnaire alone, nothing tried yet (no network)."""
    return advise(device, RelayFacts(cloud=cloud), today)


def advice_html(advice: Advice) -> str:
    """The advice as rich text: the stop date first, then the verdict, the methods that
    fit (best first) with their caveats, and what was assumed. Everything escaped."""

    def e(text: str) -> str:
        return escape(engine_text(text))

    parts = []
    if advice.deadline_note:
        warn = colour("warn").name()
        parts.append(f'<p style="color:{warn}"><b>⚠ {e(advice.deadline_note)}</b></p>')
    parts.append(f"<p>{e(advice.summary)}</p>")
    fitting = [row for row in advice.rows if row.fits]
    if fitting:
        items = []
        for row in fitting:
            notes = "; ".join(engine_text(c) for c in row.caveats)
            line = f"<b>{e(NAMES[row.key])}</b>: {e(row.reason)}"
            items.append(f"<li>{line}{'<br>' + escape(notes) if notes else ''}</li>")
        parts.append(f"<ul>{''.join(items)}</ul>")
    if advice.assumed:
        said = "; ".join(engine_text(a) for a in advice.assumed)
        parts.append(f"<p><i>{escape(said)}</i></p>")
    return "\n".join(parts)
