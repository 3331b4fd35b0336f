"""What an exchangelib failure means, in words an admin can act on.

exchangelib reports the same server answer in several shapes (a 401 is UnauthorizedError
under FailFast; a 403 is MalformedResponseError "Unknown failure in response. Code: 403";
ErrorServerBusy during version guessing arrives wrapped in TransportError), so the
verdict looks at the whole exception chain and at the HTTP answers the session saw.
No socket here: `explain()` is a pure function of those, with table tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from assistant.facts import (
    EWS_BASIC_AUTH_RETIRED,
    EWS_LINKS,
    EWS_PHASED_DISABLEMENT,
    EWS_SHUTDOWN,
    EWS_SUCCESSOR,
)
from assistant.model import Remedy, Status
from assistant.net.http_exchange import HttpExchange
from assistant.net.server_numbers import ServerNumberError, parse_server_int
from assistant.text import join, msg


@dataclass(frozen=True)
class EwsFailure:
    kind: str  # "unauthorized", "blocked", "busy", "redirect", "connect", "tls", "mailbox", "error"
    status: Status
    summary: str
    remedy: Remedy | None = None


def session_errors() -> tuple[type[BaseException], ...]:
    """What an exchangelib call raises for a server's answer (as opposed to a bug):
    exchangelib's own errors, and requests' (our adapter refusing, a dropped link)."""
    import requests
    from exchangelib.errors import EWSError

    return (EWSError, requests.exceptions.RequestException)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _named(exc: BaseException, *names: str) -> BaseException | None:
    """The first exception in the chain whose class (or a base) has one of these names."""
    for item in _chain(exc):
        if any(cls.__name__ in names for cls in type(item).__mro__):
            return item
    return None


def unauthorized_remedy(*, cloud: bool) -> Remedy:
    if cloud:
        return Remedy(
            msg(
                "Check the user name (usually the email address / UPN) and the password, and "
                "whether the account is blocked from signing in. Note that Exchange Online "
                "turned off Basic authentication for EWS from {date}: a password sign-in "
                "fails there even with the right password, and applications must use OAuth "
                "2.0 (modern authentication) instead.",
                date=EWS_BASIC_AUTH_RETIRED,
            ),
            EWS_LINKS["basic_auth"],
        )
    return Remedy(
        msg(
            "Check the user name (DOMAIN\\user, UPN or email address) and the password, and "
            "whether the account is locked out or its password has expired. If the password "
            "is right, check which sign-in methods the EWS virtual directory allows: "
            "Get-WebServicesVirtualDirectory | Format-List *Authentication*."
        ),
        EWS_LINKS["virtual_directory"],
    )


def blocked_remedy(*, cloud: bool) -> Remedy:
    parts = [
        msg(
            "EWS is turned off for this mailbox or this application. For the mailbox: "
            "Get-CASMailbox <user> | Format-List Ews*, then Set-CASMailbox <user> -EwsEnabled "
            "$true. For the whole organisation: Get-OrganizationConfig | Format-List Ews*, "
            "then Set-OrganizationConfig -EwsEnabled $true. An EwsApplicationAccessPolicy "
            "with EwsAllowList / EwsBlockList (which match the client's User-Agent) or an "
            "application access policy can also block one app."
        )
    ]
    if cloud:
        parts.append(
            msg(
                "In Exchange Online, from {disable_date} only applications listed in "
                "EWSAllowedAppIDs may use EWS even when it is enabled, and on {shutdown_date} "
                "EWS is switched off for good: move the application to {successor}.",
                disable_date=EWS_PHASED_DISABLEMENT,
                shutdown_date=EWS_SHUTDOWN,
                successor=EWS_SUCCESSOR,
            )
        )
    return Remedy(join(" ", parts), EWS_LINKS["access"])


_BACK_OFF_MS = re.compile(r'Name="BackOffMilliseconds">\s*([0-9]+)')
_MAX_BACK_OFF_MS = 24 * 3600 * 1000  # a longer "try again in" is not advice we repeat


def _back_off_seconds(busy: BaseException, exchanges: Sequence[HttpExchange]) -> float | None:
    value = getattr(busy, "back_off", None)
    if isinstance(value, int | float) and value > 0:
        return float(value)
    for exchange in reversed(exchanges):
        if (m := _BACK_OFF_MS.search(exchange.body_preview)) is not None:
            try:
                return parse_server_int(m.group(1), 1, _MAX_BACK_OFF_MS) / 1000.0
            except ServerNumberError:
                return None
    return None


def _last_status(exchanges: Sequence[HttpExchange]) -> int | None:
    return exchanges[-1].status if exchanges else None


@dataclass(frozen=True)
class _Seen:
    """What a case's summary may name: the host, the exception, the one in its chain the case
    matched (`found`), and the HTTP answers of the session."""

    host: str
    exc: BaseException
    found: BaseException
    status: int | None  # of the last HTTP answer
    exchanges: Sequence[HttpExchange]


# A case's test: the exception (or one in its chain) that means it, given the last HTTP status.
_Match = Callable[[BaseException, int | None], BaseException | None]


def _by_name(*names: str) -> _Match:
    return lambda exc, status: _named(exc, *names)


def _by_status(test: Callable[[int], bool]) -> _Match:
    return lambda exc, status: exc if status is not None and test(status) else None


def _either(first: _Match, second: _Match) -> _Match:
    def either(exc: BaseException, status: int | None) -> BaseException | None:
        found = first(exc, status)
        return found if found is not None else second(exc, status)

    return either


def _certificate(exc: BaseException, status: int | None) -> BaseException | None:
    failed = _named(exc, "SSLError") is not None or "CERTIFICATE_VERIFY_FAILED" in str(exc)
    return exc if failed else None


@dataclass(frozen=True)
class _Case:
    kind: str  # EwsFailure.kind
    match: _Match
    summary: Callable[[_Seen], str]
    remedy: Callable[[bool], Remedy | None]  # given whether the server is Exchange Online


def _busy(seen: _Seen) -> str:
    wait = _back_off_seconds(seen.found, seen.exchanges)
    if wait:
        return msg(
            "{host} is throttling EWS: ErrorServerBusy; it asked the client to wait {seconds} s",
            host=seen.host,
            seconds=f"{wait:g}",
        )
    return msg("{host} is throttling EWS: ErrorServerBusy", host=seen.host)


# The verdicts, in the order they are tried; the first case that matches is the answer.
_CASES: tuple[_Case, ...] = (
    _Case(
        "unauthorized",
        _either(_by_name("UnauthorizedError"), _by_status(lambda status: status == 401)),
        lambda seen: msg("{host} refused the user name or password (HTTP 401)", host=seen.host),
        lambda cloud: unauthorized_remedy(cloud=cloud),
    ),
    _Case(
        "blocked",
        _by_status(lambda status: status == 403),
        lambda seen: msg(
            "EWS is blocked for this mailbox or app: {host} accepted the sign-in but "
            "answered 403 Forbidden",
            host=seen.host,
        ),
        lambda cloud: blocked_remedy(cloud=cloud),
    ),
    _Case(
        "blocked",
        _by_name("ErrorAccessDenied"),
        lambda seen: msg(
            "EWS is blocked for this mailbox or app: {host} answered ErrorAccessDenied ({error})",
            host=seen.host,
            error=str(seen.found),
        ),
        lambda cloud: blocked_remedy(cloud=cloud),
    ),
    _Case(
        "busy",
        _by_name("ErrorServerBusy"),
        _busy,
        lambda cloud: Remedy(
            msg(
                "The server's EWS throttling policy holds this user back (too many "
                "concurrent connections or requests, often from another application "
                "using the same account). Try again after the back-off time; on Exchange "
                "Server check Get-ThrottlingPolicy (EwsMaxConcurrency, EwsMaxBurst)."
            ),
            EWS_LINKS["throttling"],
        ),
    ),
    _Case(
        "redirect",
        _by_name("RedirectError"),
        lambda seen: msg(
            "{host} redirected the EWS request to {target}; EWS clients do not follow "
            "redirects, so it was not followed",
            host=seen.host,
            target=str(getattr(seen.found, "url", None) or str(seen.found)),
        ),
        lambda cloud: Remedy(
            msg(
                "Publish EWS at the URL autodiscover hands out (or fix the EwsUrl that "
                "autodiscover returns): Get-WebServicesVirtualDirectory | Format-List "
                "InternalUrl,ExternalUrl; a reverse proxy must not redirect /EWS/."
            ),
            EWS_LINKS["virtual_directory"],
        ),
    ),
    _Case(
        "error",
        _by_name("CASError"),
        lambda seen: msg(
            "{host}'s front end could not reach the mailbox: {cas_error}",
            host=seen.host,
            cas_error=str(getattr(seen.found, "cas_error", seen.found)),
        ),
        lambda cloud: Remedy(
            msg(
                "Give the request-id and X-FEServer/X-BEServer values from the evidence "
                "to the Exchange administrator or Microsoft support."
            )
        ),
    ),
    _Case(
        "mailbox",
        _by_name("ErrorNonExistentMailbox", "ErrorMailRecipientNotFound"),
        lambda seen: msg(
            "{host} has no mailbox for this address: {error}", host=seen.host, error=str(seen.found)
        ),
        lambda cloud: Remedy(
            msg(
                "Check the address; in Exchange Online check that the user has a licence "
                "with Exchange and that the mailbox has been provisioned."
            )
        ),
    ),
    _Case(
        "tls",
        _certificate,
        lambda seen: msg(
            "the TLS connection to {host} failed during the session: {error}",
            host=seen.host,
            error=str(seen.exc),
        ),
        lambda cloud: None,
    ),
    _Case(
        "connect",
        _by_name("ErrorTimeoutExpired", "ConnectionError", "Timeout"),
        lambda seen: msg(
            "the connection to {host} failed or timed out during the session: {error}",
            host=seen.host,
            error=str(seen.exc),
        ),
        lambda cloud: Remedy(msg("Check the network path to the server (DNS, firewall, proxy).")),
    ),
    _Case(
        "error",
        _by_status(lambda status: status >= 500),
        lambda seen: msg(
            "{host} answered HTTP {status}: {exception}: {error}",
            host=seen.host,
            status=seen.status or 0,  # never None: the case matched on it
            exception=type(seen.exc).__name__,
            error=str(seen.exc),
        ),
        lambda cloud: Remedy(
            msg(
                "A server-side error: give the request-id and X-FEServer/X-BEServer "
                "values from the evidence to the Exchange administrator or Microsoft "
                "support."
            )
        ),
    ),
)


def explain(
    exc: BaseException, exchanges: Sequence[HttpExchange], *, host: str, cloud: bool
) -> EwsFailure:
    """The verdict for an exchangelib exception raised while talking to `host`."""
    status = _last_status(exchanges)
    for case in _CASES:
        if (found := case.match(exc, status)) is not None:
            seen = _Seen(host, exc, found, status, exchanges)
            return EwsFailure(case.kind, Status.FAIL, case.summary(seen), case.remedy(cloud))
    return EwsFailure(
        "error",
        Status.FAIL,
        msg("EWS answered {exception}: {error}", exception=type(exc).__name__, error=str(exc)),
    )
