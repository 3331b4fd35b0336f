"""Where autodiscover may send credentials: the security rules of ARCHITECTURE.md as
pure functions, so every rule has a table test.

The 2021 "autodiscover leak": clients that could not find a domain's autodiscover
host stripped labels until they reached `autodiscover.<public suffix>` (for example
autodiscover.com) and sent passwords to whoever owns that name. We refuse such hosts
by name, before any connection.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

from publicsuffixlist import PublicSuffixList

from assistant.facts import is_microsoft_host, is_within
from assistant.hostnames import HostNameError, ascii_host, ip_literal, url_host
from assistant.text import msg

MAX_HOPS = 10


@functools.cache
def _psl() -> PublicSuffixList:
    # Loaded once per process: the list ships inside the package and never changes at run time.
    return PublicSuffixList()


def is_public_suffix_bait(host: str) -> bool:
    """True for autodiscover.<public suffix>, e.g. autodiscover.com, autodiscover.co.uk,
    however the name is spelled (AUTODIſCOVER.com is autodiscover.com on the wire); a name
    that does not normalise counts as bait, since nothing may be sent to it."""
    try:
        host = ascii_host(host)
    except HostNameError:
        return True
    first, _, rest = host.partition(".")
    return first == "autodiscover" and bool(rest) and is_public_suffix(rest)


def is_public_suffix(domain: str) -> bool:
    """True for com, co.uk, github.io...: names anyone can register below. Such a domain is
    never trusted as the user's own (a redirectAddr to x@com must not admit all of .com)."""
    try:
        domain = ascii_host(domain)
    except HostNameError:
        return True
    return "." not in domain or bool(_psl().is_public(domain))


def trustable_domain(domain: str) -> str | None:
    """The ASCII form of a domain an authenticated answer may admit, or None when it may
    not be admitted at all (a public suffix, an IP address, a name that does not normalise)."""
    try:
        ascii_name = ascii_host(domain)
    except HostNameError:
        return None
    if ip_literal(ascii_name) is not None or is_public_suffix(ascii_name):
        return None
    return ascii_name


class Verdict(enum.StrEnum):
    ALLOW = "allow"
    ASK = "ask"  # outside the rules: only with the user's consent for this run
    NEVER = "never"


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reason: str


def credential_decision(url: str, *, tls_verified: bool, domains: tuple[str, ...]) -> Decision:
    """May credentials go to `url`? `domains` are the user's domain and any domain an
    authenticated answer redirected the address to (redirectAddr)."""
    if not url.lower().startswith("https://"):
        return Decision(
            Verdict.NEVER,
            msg("{url} is not HTTPS: credentials never go over plain HTTP", url=url),
        )
    host = url_host(url)
    if host is None:
        return Decision(
            Verdict.NEVER,
            msg(
                "the host name in {url} does not normalise to one ASCII name: credentials "
                "are not sent",
                url=url,
            ),
        )
    if is_public_suffix_bait(host):
        return Decision(
            Verdict.NEVER,
            msg(
                "{host} is autodiscover.<public suffix>: anyone can own it (the 2021 "
                "autodiscover leak); credentials are never sent there",
                host=host,
            ),
        )
    if not tls_verified:
        return Decision(
            Verdict.NEVER,
            msg("the certificate of {host} did not validate: credentials are not sent", host=host),
        )
    if any(is_within(host, d) for d in domains if not is_public_suffix(d)):
        return Decision(
            Verdict.ALLOW, msg("{host} is within {domain}", host=host, domain=_owner(host, domains))
        )
    if is_microsoft_host(host):
        return Decision(Verdict.ALLOW, msg("{host} is a Microsoft 365 endpoint", host=host))
    return Decision(
        Verdict.ASK,
        msg(
            "{host} is outside {domains} and not a Microsoft endpoint",
            host=host,
            domains=", ".join(domains),
        ),
    )


def _owner(host: str, domains: tuple[str, ...]) -> str:
    return next(d for d in domains if is_within(host, d) and not is_public_suffix(d))


def redirect_url_problem(url: str) -> str | None:
    """Why a redirectUrl / HTTP redirect target must not be followed at all, or None."""
    if not url.lower().startswith("https://"):
        return msg("the redirect goes to {url}, which is not HTTPS; not followed", url=url)
    if not url[len("https://") :].split("/", 1)[0]:
        return msg("the redirect target '{url}' has no host name; not followed", url=url)
    host = url_host(url)
    if host is None:
        return msg(
            "the redirect target '{url}' has a host name that does not normalise to one "
            "ASCII name; not followed",
            url=url,
        )
    if is_public_suffix_bait(host):
        return msg(
            "the redirect goes to {host}, an autodiscover.<public suffix> host; not followed",
            host=host,
        )
    return None
