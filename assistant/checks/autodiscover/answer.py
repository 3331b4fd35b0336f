"""What one answer means for a POX autodiscover walk (walk.py): a pure function, no socket.

The walk posts to a URL (signing in when the server asks), then `read_answer` says what
to do next: stop with a verdict, take the settings, follow a redirect to another URL, or
ask again for another address. Hops are counted here, so the limit is a table test too.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from assistant.checks.autodiscover.policy import MAX_HOPS, redirect_url_problem
from assistant.checks.autodiscover.pox import PoxKind, PoxParseError, PoxResponse, parse_response
from assistant.checks.autodiscover.walk_remedies import (
    pox_remedy,
    status_meaning,
    status_remedy,
    too_many_hops,
)
from assistant.model import Remedy, Status
from assistant.net.http import HttpResponse
from assistant.text import msg

MAX_BODY = 1024 * 1024  # an autodiscover answer is a few KB; anything huge is refused
HTTP_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Stop:
    """The walk ends with this verdict (`notes` go to its log first)."""

    status: Status
    summary: str
    remedy: Remedy | None = None
    reachable: bool = False
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Found:
    """Settings: the walk ends here."""

    settings: PoxResponse
    summary: str


@dataclass(frozen=True)
class Follow:
    """Ask `url` next (an HTTP redirect or a POX redirectUrl), after logging `note`."""

    url: str
    note: str
    hops: int


@dataclass(frozen=True)
class AskFor:
    """Ask the same URL again for another address (a POX redirectAddr)."""

    email: str
    hops: int


Move = Stop | Found | Follow | AskFor


def read_answer(url: str, response: HttpResponse, *, hops: int, email: str) -> Move:
    """What `response` (to the request for `email` at `url`, after `hops` redirects) means."""
    if response.status in HTTP_REDIRECTS:
        location = resolve_location(url, response.header("Location") or "")
        if problem := redirect_url_problem(location):
            return Stop(Status.FAIL, problem)
        note = msg(
            "HTTP {status} redirect to {location}", status=response.status, location=location
        )
        if hops + 1 > MAX_HOPS:
            return Stop(Status.FAIL, too_many_hops(), notes=(note,))
        return Follow(location, note, hops + 1)
    if response.status != 200:
        return Stop(Status.FAIL, status_meaning(response), status_remedy(response.status))
    if response.truncated:
        return Stop(
            Status.FAIL,
            msg(
                "the response is larger than {kb} KB; refused (an autodiscover answer is a few KB)",
                kb=MAX_BODY // 1024,
            ),
        )
    try:
        parsed = parse_response(response.body)
    except PoxParseError as exc:
        return Stop(Status.FAIL, exc.message)
    if parsed.kind is PoxKind.SETTINGS:
        host = (urlsplit(url).hostname or "").lower()
        summary = msg(
            "settings for {email} from {host}", email=parsed.smtp_address or email, host=host
        )
        return Found(parsed, summary)
    if parsed.kind is PoxKind.ERROR:
        return Stop(Status.FAIL, parsed.describe_error(), pox_remedy(), reachable=True)
    if hops + 1 > MAX_HOPS:
        return Stop(Status.FAIL, too_many_hops())
    target = (parsed.redirect or "").strip()
    if parsed.kind is PoxKind.REDIRECT_ADDR:
        if "@" not in target:
            return Stop(
                Status.FAIL,
                msg("redirectAddr '{address_value}' is not an address", address_value=target),
            )
        return AskFor(target, hops + 1)
    if problem := redirect_url_problem(target):
        return Stop(Status.FAIL, problem)
    return Follow(target, msg("redirectUrl: {url} → {target}", url=url, target=target), hops + 1)


def resolve_location(url: str, location: str) -> str:
    """The absolute redirect target; one that cannot be joined (an unbalanced "[") is kept
    as sent, and redirect_url_problem then refuses it."""
    try:
        return urljoin(url, location)
    except ValueError:
        return location
