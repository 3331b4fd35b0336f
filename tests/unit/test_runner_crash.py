"""A check that raises: one short sentence in its step and in every report written from
it, the traceback (redacted) in the run log only.

A traceback names the install folder and the user's profile folder; it used to be the
step's details, and so went into the JSON, the HTML and the PDF.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.check import Check, Context
from assistant.config import NetworkOptions, Target
from assistant.events import CheckCrashed, Event
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.report.export_prep import prepare
from assistant.report.html import render_html
from assistant.report.json_report import build_report
from assistant.report.runlog import RunLog
from assistant.runner import Runner

TARGET = Target.parse("user@contoso.test")
CANARY = "canary-Cr4sh-S3cret"
PROFILE = "/home/alice.example/.local/share/connectivity-assistant"
WINDOWS_PROFILE = "C:\\Users\\Alice\\AppData\\Local\\Temp\\ca.pem"
INSTALL = str(Path(__file__).resolve().parents[2])  # where the code runs from


def raising(exc: Exception) -> Check:
    def run(ctx: Context) -> Step:
        raise exc

    return Check("broken", "Broken", run)


def run_and_log(check: Check) -> tuple[Step, list[Event], RunLog]:
    redactor = Redactor(secrets=[CANARY])
    runlog = RunLog(redactor=redactor)
    events: list[Event] = []

    def on_event(event: Event) -> None:
        events.append(event)
        runlog.record(event)

    (step,) = Runner(TARGET, NetworkOptions(), redactor=redactor).run([check], on_event)
    return step, events, runlog


def written(step: Step) -> str:
    """The step as the JSON and HTML reports write it."""
    report = build_report(TARGET, NetworkOptions(), [step])
    ready = prepare(report, Redactor(), redact_identities=False, identity_names=())
    return json.dumps(ready.to_dict(), ensure_ascii=False) + render_html(ready, Redactor())


@pytest.mark.parametrize(
    ("exc", "shown"),
    [
        (ValueError(f"bad value from {PROFILE}/settings.json using {CANARY}"), "bad value from"),
        (FileNotFoundError(2, "No such file or directory", f"{PROFILE}/x"), "No such file"),
        (RuntimeError(f"cannot load {WINDOWS_PROFILE}: broken"), "cannot load"),
        (KeyError("server_name"), "server_name"),
    ],
)
def test_the_step_says_in_one_line_that_the_check_itself_failed(exc: Exception, shown: str) -> None:
    step, _, _ = run_and_log(raising(exc))
    assert step.status is Status.ERROR
    assert step.summary.startswith(f"the check itself failed: {type(exc).__name__}: ")
    assert shown in step.summary
    text = written(step)
    assert "the check itself failed" in text
    for leak in ("Traceback", 'File "', INSTALL, PROFILE, "alice.example", "Users\\\\Alice"):
        assert leak not in text, leak
    assert "Alice" not in step.summary and "runner.py" not in text
    assert CANARY not in text


def test_the_run_log_holds_the_redacted_traceback() -> None:
    step, events, runlog = run_and_log(raising(ValueError(f"boom with {CANARY}")))
    (crash,) = [e for e in events if isinstance(e, CheckCrashed)]
    assert crash.check_id == "broken"
    log = runlog.text()
    assert "broken raised an exception" in log
    assert "Traceback (most recent call last)" in log
    assert "runner.py" in log and "in run" in log  # where it was raised, for the bug report
    assert CANARY not in log and "boom with" in log
    assert "Traceback" not in step.details


def test_a_long_message_is_cut_and_only_its_first_line_is_kept() -> None:
    step, _, _ = run_and_log(raising(RuntimeError("x" * 5000 + "\nsecond line")))
    assert len(step.summary) < 300
    assert step.summary.endswith("…")
    assert "second line" not in step.summary


def test_an_exception_without_a_message_still_says_what_was_raised() -> None:
    step, _, _ = run_and_log(raising(RuntimeError()))
    assert step.summary == "the check itself failed: RuntimeError"


def test_a_url_in_the_message_is_kept() -> None:
    url = "https://mail.contoso.test/EWS/Exchange.asmx"
    step, _, _ = run_and_log(raising(ValueError(f"unexpected answer from {url}")))
    assert url in step.summary
