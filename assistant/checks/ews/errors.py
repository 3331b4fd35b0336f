"""What an exchangelib failure means, in words an admin can act on.

exchangelib reports the same server answer in several shapes (a 401 is UnauthorizedError
under FailFast; a 403 is MalformedResponseError "Unknown failure in response. Code: 403";
ErrorServerBusy during version guessing arrives wrapped in TransportError), so the
verdict looks at the whole exception chain and at the HTTP answers the session saw.
No socket here: `explain()` is a pure function of those, with table tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
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


def explain(
    exc: BaseException, exchanges: Sequence[HttpExchange], *, host: str, cloud: bool
) -> EwsFailure:
    """The verdict for an exchangelib exception raised while talking to `host`."""
    status = _last_status(exchanges)
    if _named(exc, "UnauthorizedError") is not None or status == 401:
        return EwsFailure(
            "unauthorized",
            Status.FAIL,
            msg("{host} refused the user name or password (HTTP 401)", host=host),
            unauthorized_remedy(cloud=cloud),
        )
    if status == 403:
        return EwsFailure(
            "blocked",
            Status.FAIL,
            msg(
                "EWS is blocked for this mailbox or app: {host} accepted the sign-in but "
                "answered 403 Forbidden",
                host=host,
            ),
            blocked_remedy(cloud=cloud),
        )
    if (denied := _named(exc, "ErrorAccessDenied")) is not None:
        return EwsFailure(
            "blocked",
            Status.FAIL,
            msg(
                "EWS is blocked for this mailbox or app: {host} answered ErrorAccessDenied "
                "({error})",
                host=host,
                error=str(denied),
            ),
            blocked_remedy(cloud=cloud),
        )
    if (busy := _named(exc, "ErrorServerBusy")) is not None:
        wait = _back_off_seconds(busy, exchanges)
        summary = (
            msg(
                "{host} is throttling EWS: ErrorServerBusy; it asked the client to wait "
                "{seconds} s",
                host=host,
                seconds=f"{wait:g}",
            )
            if wait
            else msg("{host} is throttling EWS: ErrorServerBusy", host=host)
        )
        return EwsFailure(
            "busy",
            Status.FAIL,
            summary,
            Remedy(
                msg(
                    "The server's EWS throttling policy holds this user back (too many "
                    "concurrent connections or requests, often from another application "
                    "using the same account). Try again after the back-off time; on Exchange "
                    "Server check Get-ThrottlingPolicy (EwsMaxConcurrency, EwsMaxBurst)."
                ),
                EWS_LINKS["throttling"],
            ),
        )
    if (redirect := _named(exc, "RedirectError")) is not None:
        target = getattr(redirect, "url", None) or str(redirect)
        return EwsFailure(
            "redirect",
            Status.FAIL,
            msg(
                "{host} redirected the EWS request to {target}; EWS clients do not follow "
                "redirects, so it was not followed",
                host=host,
                target=str(target),
            ),
            Remedy(
                msg(
                    "Publish EWS at the URL autodiscover hands out (or fix the EwsUrl that "
                    "autodiscover returns): Get-WebServicesVirtualDirectory | Format-List "
                    "InternalUrl,ExternalUrl; a reverse proxy must not redirect /EWS/."
                ),
                EWS_LINKS["virtual_directory"],
            ),
        )
    if (cas := _named(exc, "CASError")) is not None:
        return EwsFailure(
            "error",
            Status.FAIL,
            msg(
                "{host}'s front end could not reach the mailbox: {cas_error}",
                host=host,
                cas_error=str(getattr(cas, "cas_error", cas)),
            ),
            Remedy(
                msg(
                    "Give the request-id and X-FEServer/X-BEServer values from the evidence "
                    "to the Exchange administrator or Microsoft support."
                )
            ),
        )
    if (
        mailbox := _named(exc, "ErrorNonExistentMailbox", "ErrorMailRecipientNotFound")
    ) is not None:
        return EwsFailure(
            "mailbox",
            Status.FAIL,
            msg("{host} has no mailbox for this address: {error}", host=host, error=str(mailbox)),
            Remedy(
                msg(
                    "Check the address; in Exchange Online check that the user has a licence "
                    "with Exchange and that the mailbox has been provisioned."
                )
            ),
        )
    if _named(exc, "SSLError") is not None or "CERTIFICATE_VERIFY_FAILED" in str(exc):
        return EwsFailure(
            "tls",
            Status.FAIL,
            msg(
                "the TLS connection to {host} failed during the session: {error}",
                host=host,
                error=str(exc),
            ),
        )
    if _named(exc, "ErrorTimeoutExpired", "ConnectionError", "Timeout") is not None:
        return EwsFailure(
            "connect",
            Status.FAIL,
            msg(
                "the connection to {host} failed or timed out during the session: {error}",
                host=host,
                error=str(exc),
            ),
            Remedy(msg("Check the network path to the server (DNS, firewall, proxy).")),
        )
    if status is not None and status >= 500:
        return EwsFailure(
            "error",
            Status.FAIL,
            msg(
                "{host} answered HTTP {status}: {exception}: {error}",
                host=host,
                status=status,
                exception=type(exc).__name__,
                error=str(exc),
            ),
            Remedy(
                msg(
                    "A server-side error: give the request-id and X-FEServer/X-BEServer "
                    "values from the evidence to the Exchange administrator or Microsoft "
                    "support."
                )
            ),
        )
    return EwsFailure(
        "error",
        Status.FAIL,
        msg("EWS answered {exception}: {error}", exception=type(exc).__name__, error=str(exc)),
    )
