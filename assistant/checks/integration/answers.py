"""An anonymous HTTPS answer, reduced to what the Lync/Skype and Teams verdicts read, and
the shape of an EWS or autodiscover answer (`classify`). Pure: no socket here.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass

from assistant.facts import SFB_SERVER_END_OF_SUPPORT, SFB_SERVER_SUPPORTED, SKYPE_ONLINE_RETIRED
from assistant.net.challenge import Challenge, offered_schemes, parse_challenges
from assistant.net.http import HttpError, HttpResponse
from assistant.net.tls_explain import tls_problems
from assistant.text import msg

MAX_JSON = 64 * 1024  # a larger body is not the small JSON these services answer


@dataclass(frozen=True)
class Answer:
    url: str
    status: int | None  # None: no HTTP answer at all (error says why)
    challenges: tuple[Challenge, ...] = ()
    location: str | None = None
    owa_version: str | None = None  # X-OWA-Version, Exchange's build
    body: bytes = b""
    error: str | None = None
    tls_failed: bool = False  # the error was the certificate (validated TLS refused it)
    tls_problems: tuple[str, ...] = ()  # the certificate's problems, in plain words

    @classmethod
    def of(cls, response: HttpResponse) -> Answer:
        challenges = parse_challenges(
            v for k, v in response.headers if k.lower() == "www-authenticate"
        )
        return cls(
            response.url,
            response.status,
            tuple(challenges),
            response.header("location"),
            response.header("x-owa-version"),
            response.body,
        )

    @classmethod
    def failed(cls, url: str, exc: HttpError) -> Answer:
        problems = tuple(tls_problems(exc.tls)) if exc.tls is not None else ()
        return cls(
            url, None, error=exc.message, tls_failed=exc.tls is not None, tls_problems=problems
        )

    @property
    def schemes(self) -> list[str]:
        return offered_schemes(self.challenges)

    @property
    def bearer(self) -> Challenge | None:
        return next((c for c in self.challenges if c.scheme.lower() == "bearer"), None)


class Shape(enum.StrEnum):
    """What an anonymous request to an Exchange service found."""

    BEARER = "bearer"  # 401 with a Bearer challenge: there, and takes OAuth
    NO_BEARER = "no-bearer"  # 401 without Bearer: there, but no OAuth offered
    OPEN = "open"  # 200 to an anonymous request
    NOT_FOUND = "not-found"  # 404: not published (or the wrong path)
    REDIRECT = "redirect"  # 3xx
    OTHER = "other"  # any other status (403, 5xx, ...)
    BAD_TLS = "bad-tls"  # the certificate was refused
    UNREACHABLE = "unreachable"  # no HTTP answer (DNS, connect, timeout)


def classify(answer: Answer) -> Shape:
    if answer.status is None:
        return Shape.BAD_TLS if answer.tls_failed else Shape.UNREACHABLE
    if answer.status == 401:
        return Shape.BEARER if answer.bearer is not None else Shape.NO_BEARER
    if 200 <= answer.status < 300:
        return Shape.OPEN
    if answer.status == 404:
        return Shape.NOT_FOUND
    if 300 <= answer.status < 400:
        return Shape.REDIRECT
    return Shape.OTHER


def schemes_text(answer: Answer) -> str:
    return ", ".join(answer.schemes) or msg("none")


def json_object(body: bytes) -> dict[str, object] | None:
    """A JSON object from a small body; None for anything else (too big, not JSON)."""
    if not body or len(body) > MAX_JSON:
        return None
    try:
        value = json.loads(body.decode("utf-8", errors="strict"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def sfb_support_note() -> str:
    """The dated support fact every Lync/Skype step carries (facts.py)."""
    return msg(
        "Skype for Business Server 2015 and 2019 are out of support since {date}; "
        "{supported} is the supported version (Skype for Business Online was retired on "
        "{retired}).",
        date=SFB_SERVER_END_OF_SUPPORT,
        supported=SFB_SERVER_SUPPORTED,
        retired=SKYPE_ONLINE_RETIRED,
    )


def refused_certificate(answer: Answer) -> str:
    """The summary of a refused certificate: the connection's own sentence names the host."""
    return answer.error or msg("the certificate of {url} was refused", url=answer.url)
