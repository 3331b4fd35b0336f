"""ews.endpoint's verdict on the server's answer to the anonymous POST: a pure table.

endpoint.py makes the request; `endpoint_verdict` reads the answer (HTTP status, the
sign-in schemes it offers, where a redirect points) and, when the certificate has
problems, `with_tls_problems` lowers a pass to a warning. No socket here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.checks.ews.common import host_port, tls_remedy
from assistant.facts import EWS_LINKS, Environment
from assistant.model import Remedy, Status
from assistant.net.challenge import Challenge, offered_schemes, parse_challenges
from assistant.net.http import HttpResponse
from assistant.text import join, msg


@dataclass(frozen=True)
class EndpointAnswer:
    """What the verdict reads from the server's answer."""

    url: str
    status: int
    reason: str
    location: str | None  # the Location header
    challenges: Sequence[Challenge]  # from the WWW-Authenticate headers, in the order sent
    cloud: bool  # the target is Exchange Online

    @classmethod
    def of(cls, response: HttpResponse, env: Environment) -> EndpointAnswer:
        challenges = parse_challenges(
            v for k, v in response.headers if k.lower() == "www-authenticate"
        )
        return cls(
            response.url,
            response.status,
            response.reason,
            response.header("location"),
            challenges,
            env.is_cloud,
        )

    @property
    def schemes(self) -> list[str]:
        return offered_schemes(self.challenges)

    @property
    def host(self) -> str:
        return host_port(self.url)[0]


@dataclass(frozen=True)
class EndpointVerdict:
    status: Status
    summary: str
    details: str = ""
    remedy: Remedy | None = None


def _challenge_list(challenges: Sequence[Challenge]) -> str:
    """'Basic (realm=mail.example.com); Bearer (authorization_uri=...)': data, as sent."""
    lines = []
    for challenge in challenges:
        shown = ", ".join(
            f"{k}={v}" for k, v in challenge.params.items() if k in ("realm", "authorization_uri")
        )
        lines.append(f"{challenge.scheme} ({shown})" if shown else challenge.scheme)
    return "; ".join(lines)


def _challenges(answer: EndpointAnswer) -> str:
    shown = _challenge_list(answer.challenges)
    if answer.cloud and "Bearer" in answer.schemes:
        return msg(
            "Challenges: {challenges}. Exchange Online signs apps in with OAuth (Bearer).",
            challenges=shown,
        )
    return msg("Challenges: {challenges}", challenges=shown)


def _redirect(answer: EndpointAnswer) -> str:
    if answer.location:
        return msg(
            "redirects to {target} (HTTP {status}); EWS clients do not follow redirects",
            target=answer.location,
            status=answer.status,
        )
    return msg(
        "redirects to (no Location header) (HTTP {status}); EWS clients do not follow redirects",
        status=answer.status,
    )


def _nothing(answer: EndpointAnswer) -> str:
    return ""


def _no_remedy(answer: EndpointAnswer) -> Remedy | None:
    return None


@dataclass(frozen=True)
class _Case:
    when: Callable[[EndpointAnswer], bool]
    status: Status
    summary: Callable[[EndpointAnswer], str]
    details: Callable[[EndpointAnswer], str] = _nothing
    remedy: Callable[[EndpointAnswer], Remedy | None] = _no_remedy


# The answers an EWS URL can give an anonymous client, in the order they are tried.
_CASES: tuple[_Case, ...] = (
    _Case(
        lambda a: a.status == 401 and bool(a.schemes),
        Status.PASS,
        lambda a: msg("answers and asks for sign-in: {schemes}", schemes=", ".join(a.schemes)),
        _challenges,
    ),
    _Case(
        lambda a: a.status == 401,
        Status.WARN,
        lambda a: msg("answered 401 but named no sign-in method (no WWW-Authenticate header)"),
        remedy=lambda a: Remedy(
            msg(
                "Check the EWS virtual directory's authentication settings: "
                "Get-WebServicesVirtualDirectory | Format-List *Authentication*; a reverse "
                "proxy may be stripping WWW-Authenticate."
            ),
            EWS_LINKS["virtual_directory"],
        ),
    ),
    _Case(
        lambda a: a.status == 404,
        Status.FAIL,
        lambda a: msg("404 Not Found: there is no EWS at {url}", url=a.url),
        remedy=lambda a: Remedy(
            msg(
                "Check the EWS URL autodiscover hands out and where EWS is published: "
                "Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl; the "
                "path is /EWS/Exchange.asmx, and a reverse proxy must publish it."
            ),
            EWS_LINKS["virtual_directory"],
        ),
    ),
    _Case(
        lambda a: 300 <= a.status < 400,
        Status.FAIL,
        _redirect,
        remedy=lambda a: Remedy(
            msg(
                "Publish EWS at the URL autodiscover hands out, without a redirect: "
                "Get-WebServicesVirtualDirectory | Format-List InternalUrl,ExternalUrl."
            ),
            EWS_LINKS["virtual_directory"],
        ),
    ),
    _Case(
        lambda a: a.status >= 500,
        Status.FAIL,
        lambda a: msg(
            "server error: HTTP {status} {status_text}", status=a.status, status_text=a.reason
        ),
        remedy=lambda a: Remedy(
            msg(
                "{host} (or a load balancer in front of it) failed. On Exchange Server "
                "check the MSExchangeServicesAppPool application pool and the event log; "
                "give the request-id and X-FEServer/X-BEServer values from the evidence to "
                "support.",
                host=a.host,
            ),
            EWS_LINKS["virtual_directory"],
        ),
    ),
    _Case(
        lambda a: a.status == 403,
        Status.FAIL,
        lambda a: msg(
            "403 Forbidden before any sign-in: the server or a proxy refuses this client"
        ),
        remedy=lambda a: Remedy(
            msg(
                "Check IP restrictions, client-certificate requirements or a web "
                "application firewall in front of EWS."
            ),
            EWS_LINKS["virtual_directory"],
        ),
    ),
    _Case(
        lambda a: a.status == 200,
        Status.WARN,
        lambda a: msg("answered 200 without asking for sign-in (EWS normally answers 401)"),
        lambda a: msg(
            "Anonymous access to EWS, or something other than Exchange answers at this URL."
        ),
        lambda a: Remedy(
            msg("Check that this URL reaches Exchange and not a proxy or placeholder page.")
        ),
    ),
    _Case(
        lambda a: True,
        Status.WARN,
        lambda a: msg(
            "answered HTTP {status} {status_text} without credentials (expected 401)",
            status=a.status,
            status_text=a.reason,
        ),
    ),
)


def endpoint_verdict(answer: EndpointAnswer) -> EndpointVerdict:
    """The verdict on the answer: the first case that applies."""
    case = next(c for c in _CASES if c.when(answer))
    return EndpointVerdict(
        case.status, case.summary(answer), case.details(answer), case.remedy(answer)
    )


def with_tls_problems(
    verdict: EndpointVerdict, problems: Sequence[str], host: str
) -> EndpointVerdict:
    """A pass with certificate problems is a warning: EWS clients refuse that certificate."""
    if not problems or verdict.status is not Status.PASS:
        return verdict
    return replace(
        verdict,
        status=Status.WARN,
        summary=msg(
            "{summary}; but TLS: {problems}", summary=verdict.summary, problems=join("; ", problems)
        ),
        remedy=tls_remedy(host),
    )
