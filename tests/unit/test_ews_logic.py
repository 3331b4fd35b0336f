"""The socket-free decisions behind ews.*: challenges, verdicts, dates, sign-in method."""

from __future__ import annotations

import datetime as dt

import pytest
from exchangelib.errors import (
    ErrorAccessDenied,
    ErrorServerBusy,
    ErrorTimeoutExpired,
    EWSError,
    MalformedResponseError,
    RedirectError,
    TransportError,
    UnauthorizedError,
)
from exchangelib.version import Build

from assistant.checks.ews import describe_build, password_auth_type, retirement_notice
from assistant.checks.ews.errors import explain
from assistant.facts import ENVIRONMENTS, Cloud
from assistant.model import Status
from assistant.net.challenge import offered_schemes, parse_challenges
from assistant.net.http_exchange import HttpExchange


@pytest.mark.parametrize(
    ("headers", "schemes"),
    [
        (
            ['Basic realm="outlook.office365.com"', 'Bearer client_id="x", trusted_issuers="y"'],
            ["Basic", "Bearer"],
        ),
        (["Negotiate", "NTLM", 'Basic realm="mail.fabrikam.test"'], ["Negotiate", "NTLM", "Basic"]),
        (['Negotiate abc==, Basic realm="a, b", NTLM'], ["Negotiate", "Basic", "NTLM"]),
        (["negotiate", "ntlm"], ["Negotiate", "NTLM"]),
        (['Basic Realm=""'], ["Basic"]),
        ([], []),
    ],
)
def test_schemes_offered(headers: list[str], schemes: list[str]) -> None:
    assert offered_schemes(parse_challenges(headers)) == schemes


def test_challenge_parameters_survive_commas_inside_quotes() -> None:
    (basic, bearer) = parse_challenges(
        ['Basic realm="a, b", Bearer authorization_uri="https://login.example/x", error="e"']
    )
    assert basic.params == {"realm": "a, b"}
    assert bearer.params == {"authorization_uri": "https://login.example/x", "error": "e"}
    (negotiate,) = parse_challenges(["Negotiate YIIGhgYGKwYBBQUC=="])
    assert negotiate.token68 == "YIIGhgYGKwYBBQUC=="


@pytest.mark.parametrize(
    ("schemes", "expected"),
    [
        (["Basic", "Bearer"], "basic"),
        (["Negotiate", "NTLM", "Basic"], "basic"),
        (["Negotiate", "NTLM"], "NTLM"),
        (["Negotiate"], None),
        (["Bearer"], None),
        ([], "basic"),  # nothing known: try Basic over the validated connection
    ],
)
def test_password_sign_in_method(schemes: list[str], expected: str | None) -> None:
    assert password_auth_type(schemes) == expected


@pytest.mark.parametrize(
    ("build", "text"),
    [
        (Build(15, 20, 8398, 13), "Exchange Online (15.20.8398.13)"),
        (Build(15, 2, 1544, 4), "Exchange Server 2019 / Subscription Edition (15.2.1544.4)"),
        (Build(15, 1, 2507, 6), "Exchange Server 2016 (15.1.2507.6)"),
        (Build(9, 9, 9, 9), "9.9.9.9"),
        (None, "unknown build"),
    ],
)
def test_server_names(build: Build | None, text: str) -> None:
    assert describe_build(build) == text


@pytest.mark.parametrize(
    ("today", "status", "words"),
    [
        (dt.date(2026, 6, 1), Status.INFO, "starts turning EWS off tenant by tenant on 2026-10-01"),
        (
            dt.date(2026, 11, 27),
            Status.INFO,
            "since 2026-10-01 and shuts it down for good on 2027-04-01",
        ),
        (dt.date(2027, 5, 1), Status.INFO, "was shut down for good on 2027-04-01"),
    ],
)
def test_retirement_notice_follows_the_calendar(today: dt.date, status: Status, words: str) -> None:
    got, summary = retirement_notice(ENVIRONMENTS[Cloud.WORLDWIDE], today)
    assert got is status
    assert words in summary and "Microsoft Graph" in summary


def test_retirement_is_not_for_exchange_server() -> None:
    status, summary = retirement_notice(ENVIRONMENTS[Cloud.ONPREM], dt.date(2026, 11, 27))
    assert status is Status.SKIP and "on-premises" in summary


def exchange(status: int, body: str = "") -> HttpExchange:
    return HttpExchange("POST", "https://h/EWS/Exchange.asmx", status, "", (), body, 1)


def _busy_in_version_guess() -> TransportError:
    """What exchangelib's Version.guess raises when the server is busy: the busy error
    survives only as the TransportError's context."""
    try:
        try:
            raise ErrorServerBusy("busy", back_off=2.5)
        except ErrorServerBusy as inner:
            raise TransportError(f"No valid version headers found ({inner!r})")  # noqa: B904
    except TransportError as outer:
        return outer


@pytest.mark.parametrize(
    ("exc", "exchanges", "kind", "words"),
    [
        (UnauthorizedError("Invalid credentials"), [exchange(401)], "unauthorized", "HTTP 401"),
        (
            MalformedResponseError("Unknown failure in response. Code: 403"),
            [exchange(403)],
            "blocked",
            "403 Forbidden",
        ),
        (ErrorAccessDenied("Access is denied."), [exchange(200)], "blocked", "ErrorAccessDenied"),
        (ErrorServerBusy("busy", back_off=297.749), [exchange(500)], "busy", "wait 297.749 s"),
        (_busy_in_version_guess(), [exchange(500)], "busy", "wait 2.5 s"),
        (
            TransportError("No valid version headers found in response"),
            [exchange(500, '<t:Value Name="BackOffMilliseconds">1500</t:Value>')],
            "error",
            "HTTP 500",
        ),
        (
            RedirectError("https://evil.example/EWS/Exchange.asmx"),
            [exchange(302)],
            "redirect",
            "not followed",
        ),
        (ErrorTimeoutExpired("Reraised from ConnectionError(...)"), [], "connect", "timed out"),
        (EWSError("something new"), [exchange(200)], "error", "EWSError"),
    ],
)
def test_exchangelib_failures_become_plain_verdicts(
    exc: BaseException, exchanges: list[HttpExchange], kind: str, words: str
) -> None:
    failure = explain(exc, exchanges, host="h", cloud=True)
    assert failure.kind == kind
    assert failure.status is Status.FAIL
    assert words in failure.summary


def test_remedies_differ_for_cloud_and_on_premises() -> None:
    cloud = explain(UnauthorizedError("x"), [exchange(401)], host="h", cloud=True)
    onprem = explain(UnauthorizedError("x"), [exchange(401)], host="h", cloud=False)
    assert cloud.remedy is not None and "2022-10-01" in cloud.remedy.text
    assert onprem.remedy is not None and "Get-WebServicesVirtualDirectory" in onprem.remedy.text
    blocked_onprem = explain(ErrorAccessDenied("x"), [], host="h", cloud=False)
    assert blocked_onprem.remedy is not None
    assert "EWSAllowedAppIDs" not in blocked_onprem.remedy.text
