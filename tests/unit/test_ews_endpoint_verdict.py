"""ews.endpoint's verdict on the anonymous POST's answer: table tests, no sockets."""

from __future__ import annotations

import pytest

from assistant.checks.ews.endpoint_verdict import (
    EndpointAnswer,
    endpoint_verdict,
    with_tls_problems,
)
from assistant.model import Status
from assistant.net.challenge import Challenge

URL = "https://mail.contoso.test/EWS/Exchange.asmx"


def answer(
    status: int, *schemes: str, location: str | None = None, cloud: bool = True
) -> EndpointAnswer:
    return EndpointAnswer(URL, status, "Reason", location, [Challenge(s) for s in schemes], cloud)


@pytest.mark.parametrize(
    ("given", "status", "words", "remedy"),
    [
        (answer(401, "Bearer", "Basic"), Status.PASS, "asks for sign-in: Bearer, Basic", False),
        (answer(401), Status.WARN, "named no sign-in method", True),
        (answer(404), Status.FAIL, f"no EWS at {URL}", True),
        (
            answer(302, location="https://x.test/"),
            Status.FAIL,
            "redirects to https://x.test/",
            True,
        ),
        (answer(302), Status.FAIL, "(no Location header)", True),
        (answer(503), Status.FAIL, "HTTP 503 Reason", True),
        (answer(403), Status.FAIL, "403 Forbidden before any sign-in", True),
        (answer(200), Status.WARN, "answered 200 without asking", True),
        (answer(418), Status.WARN, "HTTP 418 Reason without credentials", False),
    ],
)
def test_each_answer_has_its_verdict(
    given: EndpointAnswer, status: Status, words: str, remedy: bool
) -> None:
    verdict = endpoint_verdict(given)
    assert (verdict.status, verdict.remedy is not None) == (status, remedy)
    assert words in verdict.summary


def test_exchange_online_names_oauth_when_bearer_is_offered() -> None:
    assert "OAuth (Bearer)" in endpoint_verdict(answer(401, "Bearer")).details
    assert "OAuth" not in endpoint_verdict(answer(401, "Bearer", cloud=False)).details


def test_certificate_problems_turn_only_a_pass_into_a_warning() -> None:
    passed = with_tls_problems(endpoint_verdict(answer(401, "Basic")), ["expired"], "h.test")
    assert passed.status is Status.WARN and passed.summary.endswith("; but TLS: expired")
    assert passed.remedy is not None and "h.test" in passed.remedy.text
    failed = endpoint_verdict(answer(404))
    assert with_tls_problems(failed, ["expired"], "h.test") == failed
