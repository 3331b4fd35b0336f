"""What one answer means for an autodiscover walk (answer.read_answer): table tests, no sockets."""

from __future__ import annotations

import pytest

from assistant.checks.autodiscover.answer import AskFor, Follow, Found, Move, Stop, read_answer
from assistant.checks.autodiscover.policy import MAX_HOPS
from assistant.checks.autodiscover.pox import OUTER_NS, RESPONSE_SCHEMA
from assistant.model import Status
from assistant.net.http import HttpResponse

URL = "https://autodiscover.contoso.test/autodiscover/autodiscover.xml"


def pox(inner: str) -> bytes:
    return (
        f'<Autodiscover xmlns="{OUTER_NS}"><Response xmlns="{RESPONSE_SCHEMA}">{inner}'
        "</Response></Autodiscover>"
    ).encode()


def action(name: str, value: str = "") -> bytes:
    tag = {"redirectAddr": "RedirectAddr", "redirectUrl": "RedirectUrl"}.get(name)
    extra = f"<{tag}>{value}</{tag}>" if tag else ""
    return pox(f"<Account><Action>{name}</Action>{extra}</Account>")


def response(
    status: int, body: bytes = b"", location: str | None = None, truncated: bool = False
) -> HttpResponse:
    headers = (("Location", location),) if location is not None else ()
    return HttpResponse("POST", URL, status, "Reason", headers, body, truncated, None, None, 1)  # type: ignore[arg-type]


def read(answer: HttpResponse, hops: int = 0) -> Move:
    return read_answer(URL, answer, hops=hops, email="adele@contoso.test")


@pytest.mark.parametrize(
    ("answer", "hops", "expected"),
    [
        (response(302, location="/next.xml"), 0, Follow),
        (response(302, location="http://contoso.test/a.xml"), 0, Stop),
        (response(302, location="/next.xml"), MAX_HOPS, Stop),
        (response(404), 0, Stop),
        (response(200, action("settings"), truncated=True), 0, Stop),
        (response(200, b"<html/>"), 0, Stop),
        (response(200, action("settings")), MAX_HOPS, Found),
        (response(200, action("redirectAddr", "b@contoso.test")), 0, AskFor),
        (response(200, action("redirectAddr", "nobody")), 0, Stop),
        (response(200, action("redirectAddr", "b@contoso.test")), MAX_HOPS, Stop),
        (response(200, action("redirectUrl", "https://x.contoso.test/a.xml")), 0, Follow),
        (response(200, action("redirectUrl", "http://x.contoso.test/a.xml")), 0, Stop),
    ],
)
def test_each_answer_has_one_next_move(answer: HttpResponse, hops: int, expected: type) -> None:
    assert type(read(answer, hops)) is expected


def test_an_http_redirect_is_resolved_against_the_url_and_counted() -> None:
    move = read(response(302, location="/next.xml"), hops=3)
    assert isinstance(move, Follow)
    assert (move.url, move.hops) == ("https://autodiscover.contoso.test/next.xml", 4)
    assert move.note == "HTTP 302 redirect to https://autodiscover.contoso.test/next.xml"


def test_the_redirect_past_the_limit_is_still_noted() -> None:
    move = read(response(302, location="/next.xml"), hops=MAX_HOPS)
    assert isinstance(move, Stop) and move.status is Status.FAIL
    assert move.summary == f"more than {MAX_HOPS} redirects; stopped"
    assert move.notes == ("HTTP 302 redirect to https://autodiscover.contoso.test/next.xml",)


def test_settings_name_the_address_that_answered_and_the_host() -> None:
    move = read(response(200, action("settings")))
    assert isinstance(move, Found)
    assert move.summary == "settings for adele@contoso.test from autodiscover.contoso.test"


def test_an_error_answer_is_reachable_and_has_a_remedy() -> None:
    error = pox('<Error Time="1" Id="2"><ErrorCode>500</ErrorCode><Message>x</Message></Error>')
    move = read(response(200, error))
    assert isinstance(move, Stop) and move.reachable and move.remedy is not None
