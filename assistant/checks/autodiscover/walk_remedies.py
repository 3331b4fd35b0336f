"""What an autodiscover answer that is not settings means, and what to change: the
plain-words side of walk.py, kept apart so the walk reads as the protocol."""

from __future__ import annotations

from assistant.checks.autodiscover.policy import MAX_HOPS
from assistant.checks.web_remedies import endpoint_of, silent_remedy_for
from assistant.facts import LINKS
from assistant.model import Remedy
from assistant.net.http import HttpError, HttpResponse
from assistant.net.tls_explain import tls_problems
from assistant.text import N_, join, msg

HTTP_STATUS_MEANING = {
    403: N_(
        "403 Forbidden: the server refuses autodiscover here (an access rule, or the "
        "virtual directory requires client certificates)"
    ),
    404: N_("404 Not Found: there is no autodiscover service at this URL"),
    405: N_("405 Method Not Allowed: this URL does not accept autodiscover requests"),
    500: N_("500 Internal Server Error: the autodiscover service failed"),
    502: N_("502 Bad Gateway: a proxy or load balancer could not reach the Exchange server"),
    503: N_("503 Service Unavailable: the service or the server behind the balancer is down"),
}


def status_meaning(response: HttpResponse) -> str:
    known = HTTP_STATUS_MEANING.get(response.status)
    if known is not None:
        return msg(known)
    return msg("HTTP {status} {status_text}", status=response.status, status_text=response.reason)


def too_many_hops() -> str:
    return msg("more than {hops} redirects; stopped", hops=MAX_HOPS)


def connect_remedy(exc: HttpError, url: str) -> Remedy:
    """What to do about `url` that gave no HTTP answer: a proxy that stopped it, a
    certificate (naming the host), a server that took the connection and said nothing,
    or a host that could not be reached."""
    if exc.at_proxy:
        return Remedy(
            msg(
                "The web proxy stopped this request before it reached the server: ask for "
                "the autodiscover, Exchange and Microsoft 365 endpoints to be allowed through "
                "it without sign-in, or compare from a network without the proxy."
            ),
            LINKS["m365_endpoints"],
        )
    if exc.tls is not None:
        problems = tls_problems(exc.tls) or [msg("it did not validate")]
        return Remedy(
            msg(
                "Fix the certificate on {host}: {problems}. Outlook shows a certificate "
                "warning or fails here.",
                host=endpoint_of(url)[0],
                problems=join("; ", problems),
            )
        )
    if (silent := silent_remedy_for(exc, url)) is not None:
        return silent
    return Remedy(
        msg(
            "If this candidate should work, check that the host name resolves to your "
            "Exchange server or load balancer and that TCP 443 is open to it. If it is not "
            "used, nothing needs to change: Outlook moves on to the next candidate."
        )
    )


def status_remedy(status: int) -> Remedy:
    if status == 403:
        return Remedy(
            msg(
                "Check the Autodiscover virtual directory's authentication and SSL settings "
                "(Get-AutodiscoverVirtualDirectory) and any reverse proxy rules."
            )
        )
    if status == 404:
        return Remedy(
            msg(
                "This host has no autodiscover service; if it is a web site, that is expected. "
                "Publish autodiscover on autodiscover.<domain> instead."
            )
        )
    return Remedy(
        msg(
            "Check the Exchange server's event log and the MSExchangeAutodiscoverAppPool, and "
            "the load balancer's health checks."
        )
    )


def pox_remedy() -> Remedy:
    return Remedy(
        msg(
            "Check that the mailbox exists with this primary address and that autodiscover "
            "for this domain is served by the organisation that hosts it (hybrid: the "
            "on-premises server must know the remote mailbox)."
        )
    )
