"""Early start against the lab (issue 17): with autodiscover.<domain> hung and the SRV
record leading to a working host, the checks that need autodiscover's settings start on the
SRV answer while the hung candidate runs to its timeout; the final verdict is unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from assistant.auth.credentials import PasswordCredential
from assistant.checks.autodiscover import AUTODISCOVER_CHECKS
from assistant.checks.ews import ENDPOINT, EWS_CHECKS
from assistant.config import Target
from assistant.events import CheckFinished, CheckStarted, Event, ProvisionalResult
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.runner import Runner

RESULT = "autodiscover.result"
DOMAIN = "ad-srv-hung.test"


def test_ews_starts_on_the_first_usable_answer_while_a_candidate_hangs(lab: Lab) -> None:
    email = f"admin@{DOMAIN}"
    runner = Runner(
        Target.parse(email, Cloud.ONPREM),
        lab.network_options(timeout=1.0),
        credentials=PasswordCredential(email, LAB_PASSWORD),
    )
    seen: list[str] = []  # "start <id>" and "end <id>", in order
    provisional: list[Step] = []

    def on_event(event: Event) -> None:
        if isinstance(event, CheckStarted):
            seen.append(f"start {event.check_id}")
        elif isinstance(event, CheckFinished):
            seen.append(f"end {event.step.id}")
        elif isinstance(event, ProvisionalResult):
            provisional.append(event.step)

    endpoint = next(c for c in EWS_CHECKS if c.id == ENDPOINT)
    mark = len(lab.credentials)
    steps = {s.id: s for s in runner.run([*AUTODISCOVER_CHECKS, endpoint], on_event=on_event)}
    # Starting early widened no trust: the password went only over HTTPS with a valid
    # certificate, to the organisation's own hosts (the lab's credential recorder says so).
    sent = lab.credentials.since(mark)
    assert sent, "the walk signed in somewhere"
    for sighting in sent:
        assert sighting.scheme == "https" and sighting.cert_variant == "good", sighting.describe()
        assert sighting.host.endswith(DOMAIN), sighting.describe()

    [early] = provisional
    assert early.id == RESULT and "SRV" in early.summary, early.summary
    # ews.endpoint began before autodiscover ended: it did not wait for the hung candidate
    # (which holds autodiscover for its whole 1 s timeout after the SRV answer).
    assert seen.index(f"start {ENDPOINT}") < seen.index(f"end {RESULT}"), seen
    # It probed the EWS address the SRV host's settings give, and found EWS there.
    endpoint_step = steps[ENDPOINT]
    assert endpoint_step.status is Status.PASS, endpoint_step.summary
    assert f"https://mail.{DOMAIN}/EWS/Exchange.asmx" in json.dumps(endpoint_step.to_dict())
    # The final verdict is what it was without early start: the SRV host wins, and the hung
    # autodiscover.<domain> is named.
    final = steps[RESULT]
    assert final.status in (Status.PASS, Status.WARN), final.summary
    assert "SRV" in final.summary, final.summary
    hung = final.find("autodiscover.candidate.autodiscover_https")
    assert hung is not None and hung.status in (Status.FAIL, Status.WARN, Status.ERROR)


def test_the_cli_prints_the_first_answer_before_the_verdict(lab: Lab) -> None:
    """The headless run shows the provisional answer as a `~` line, then the verdict."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "check",
            "--email",
            f"admin@{DOMAIN}",
            "--cloud",
            "onprem",
            "--checks",
            "autodiscover",
            "--timeout",
            "1",
            "--password-env",
            "CA_EARLY_START_PASSWORD",
            *lab.cli_flags(),
        ],
        env={**os.environ, "CA_EARLY_START_PASSWORD": LAB_PASSWORD},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    lines = result.stderr.splitlines()
    first = [i for i, line in enumerate(lines) if line.startswith(f"  ~    {RESULT}: first answer")]
    verdict = [i for i, line in enumerate(lines) if line.startswith(f"  ok   {RESULT}:")]
    assert first and verdict and first[0] < verdict[0], result.stderr
