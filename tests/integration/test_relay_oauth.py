"""Relay with OAuth (issue 14): the test message goes out over SMTP AUTH XOAUTH2 with the
run's token, relay.roundtrip reads the same mailbox with XOAUTH2 over IMAP, and the token
reaches no artifact (report JSON/HTML/PDF, run log, bundle, settings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from oauth_support import MAILBOX, OUTLOOK, run, user_sign_in
from test_oauth_canaries import artifacts, assert_nowhere, forms

from assistant.checks.relay import ids
from assistant.lab.tenant import Lab
from assistant.model import Status
from assistant.relay_plan import RelayMethod, RelayPlan

pytestmark = pytest.mark.lab


def test_an_oauth_run_sends_with_xoauth2_and_proves_delivery_without_leaking_the_token(
    lab: Lab, tmp_path: Path
) -> None:
    credential = user_sign_in()
    plan = RelayPlan(send_to=MAILBOX, methods=(RelayMethod.SUBMISSION,), roundtrip_wait=15)
    result = run(lab, credential, ["relay"], approve_as=MAILBOX, relay=plan)
    submission = result.step(ids.CLIENT_SUBMISSION)
    assert submission.status is Status.PASS, submission.summary
    auth = result.step(f"{ids.CLIENT_SUBMISSION}.auth")
    assert auth.status is Status.PASS and "(XOAUTH2)" in auth.summary  # with the token
    roundtrip = result.step(ids.ROUNDTRIP)
    assert roundtrip.status is Status.PASS, roundtrip.summary
    # No --roundtrip-user: the recipient is the run's own mailbox, read with the token.
    assert "(XOAUTH2)" in result.step(f"{ids.ROUNDTRIP}.sign_in").summary
    token = credential.cached(OUTLOOK)
    assert token is not None
    assert_nowhere(forms(token.value), artifacts(lab, result, tmp_path))
