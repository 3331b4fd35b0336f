"""integration.teams.exchange's verdicts, pure: autodiscover v2's answer, EWS published
with OAuth, and the Exchange build (exchange_builds.py). teams.py does the requests.

Which Teams features need each step ("How Exchange and Microsoft Teams interact",
facts.INTEGRATION_LINKS["teams_exchange"]): the Teams service finds an on-premises
mailbox through autodiscover v2, then reads and writes its calendar over EWS with OAuth
(create and view meetings, the calendar app, free/busy, delegates); Exchange Server 2016
CU3 or later is required for meetings. Voicemail no longer goes through Exchange Unified
Messaging: Cloud Voicemail delivers it to the mailbox.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from assistant.checks.integration.answers import (
    Answer,
    Shape,
    classify,
    json_object,
    refused_certificate,
)
from assistant.checks.integration.answers import schemes_text as _schemes
from assistant.checks.integration.lync_verdicts import Verdict, unreachable
from assistant.checks.policy.exchange_builds import (
    Support,
    identify,
    meets_teams_calendar,
    parse_build,
)
from assistant.facts import (
    EXCHANGE_SERVER_SUPPORTED,
    INTEGRATION_LINKS,
    TEAMS_CALENDAR_MIN_NAME,
)
from assistant.model import Remedy, Status
from assistant.text import msg

MAX_URL = 2048


def autodiscover_v2_url(body: bytes) -> str | None:
    """The EWS URL of an autodiscover v2 answer {"Protocol": "EWS", "Url": "https://..."}."""
    document = json_object(body)
    if document is None:
        return None
    url = document.get("Url")
    protocol = document.get("Protocol")
    if not isinstance(url, str) or len(url) > MAX_URL or urlsplit(url).scheme != "https":
        return None
    if isinstance(protocol, str) and protocol.lower() != "ews":
        return None
    return url


def autodiscover_v2_verdict(answer: Answer, email: str) -> Verdict:
    features = msg(
        "Teams finds the on-premises mailbox this way before it reads the calendar "
        "(meetings, the calendar app) and presence from out-of-office."
    )
    remedy = Remedy(
        msg(
            "Publish autodiscover.<domain> externally (reverse proxy, firewall, DNS) with a "
            "valid certificate, including /autodiscover/autodiscover.json, which answers "
            "without sign-in."
        ),
        INTEGRATION_LINKS["teams_exchange"],
    )
    shape = classify(answer)
    if shape is Shape.OPEN:
        url = autodiscover_v2_url(answer.body)
        if url is not None:
            return Verdict(
                Status.PASS,
                msg("autodiscover v2 finds {email}: EWS at {url}", email=email, url=url),
                features,
            )
        return Verdict(
            Status.FAIL,
            msg("{url} answers, but with no EWS URL", url=answer.url),
            features,
            remedy,
        )
    summary = {
        Shape.BEARER: msg("{url} asks for sign-in (HTTP 401)", url=answer.url),
        Shape.NO_BEARER: msg("{url} asks for sign-in (HTTP 401)", url=answer.url),
        Shape.NOT_FOUND: msg("{url} answers 404: autodiscover v2 is not published", url=answer.url),
        Shape.REDIRECT: msg(
            "{url} redirects (HTTP {status})", url=answer.url, status=answer.status or 0
        ),
        Shape.OTHER: msg("{url} answers HTTP {status}", url=answer.url, status=answer.status or 0),
        Shape.BAD_TLS: refused_certificate(answer),
        Shape.UNREACHABLE: unreachable(answer),
    }[shape]
    return Verdict(Status.FAIL, summary, features, remedy)


def ews_published_verdict(answer: Answer) -> Verdict:
    features = msg(
        "Teams creates and shows meetings, the calendar app and free/busy through EWS "
        "with OAuth (the Exchange service principal signs in with a Bearer token)."
    )
    shape = classify(answer)
    if shape is Shape.BEARER:
        return Verdict(
            Status.PASS,
            msg("EWS is published and takes OAuth (Bearer): {schemes}", schemes=_schemes(answer)),
            features,
        )
    oauth = Remedy(
        msg(
            "Configure OAuth between Exchange Server and Exchange Online: run the Hybrid "
            "Configuration Wizard (full hybrid), or follow the manual steps; then check that "
            "EWS answers with a Bearer challenge."
        ),
        INTEGRATION_LINKS["hybrid_modern_auth"],
    )
    publish = Remedy(
        msg(
            "Publish /EWS/ externally (reverse proxy, firewall) with a valid certificate: "
            "Microsoft 365 services reach it from the internet."
        ),
        INTEGRATION_LINKS["teams_exchange"],
    )
    if shape is Shape.NO_BEARER:
        return Verdict(
            Status.FAIL,
            msg(
                "EWS is published but offers no OAuth (Bearer): {schemes}", schemes=_schemes(answer)
            ),
            features,
            oauth,
        )
    summary = {
        Shape.OPEN: msg(
            "EWS answered an anonymous request (HTTP {status})", status=answer.status or 0
        ),
        Shape.NOT_FOUND: msg("{url} answers 404: EWS is not published externally", url=answer.url),
        Shape.REDIRECT: msg(
            "{url} redirects (HTTP {status}); EWS clients do not follow redirects",
            url=answer.url,
            status=answer.status or 0,
        ),
        Shape.OTHER: msg("{url} answers HTTP {status}", url=answer.url, status=answer.status or 0),
        Shape.BAD_TLS: refused_certificate(answer),
        Shape.UNREACHABLE: unreachable(answer),
    }[shape]
    return Verdict(Status.WARN if shape is Shape.OPEN else Status.FAIL, summary, features, publish)


def build_verdict(raw: str | None) -> Verdict:
    """The Exchange build (X-OWA-Version) against Teams' minimum and Microsoft's support."""
    features = msg(
        "Teams meetings in on-premises mailboxes need {minimum} or later; an Exchange out of "
        "support gets no security fixes.",
        minimum=TEAMS_CALENDAR_MIN_NAME,
    )
    build = parse_build(raw)
    if build is None:
        return Verdict(
            Status.INFO,
            msg("the Exchange build is not shown (no X-OWA-Version header)")
            if raw is None
            else msg("the Exchange build {raw} is not one this program reads", raw=raw[:40]),
            features,
        )
    info = identify(build)
    upgrade = Remedy(
        msg(
            "Upgrade to {supported} (in place from Exchange 2019 CU14 or CU15; side by side "
            "from Exchange 2016), or move the mailboxes to Exchange Online.",
            supported=EXCHANGE_SERVER_SUPPORTED,
        ),
        INTEGRATION_LINKS["exchange_se"],
    )
    if info.support is Support.CLOUD:
        return Verdict(Status.PASS, msg("Exchange Online ({build})", build=info.shown), features)
    if not meets_teams_calendar(build):
        return Verdict(
            Status.FAIL,
            msg(
                "{name} ({build}) is older than {minimum}: Teams cannot create or show meetings",
                name=info.name,
                build=info.shown,
                minimum=TEAMS_CALENDAR_MIN_NAME,
            ),
            features,
            upgrade,
        )
    if info.support is Support.ENDED:
        return Verdict(
            Status.WARN,
            msg(
                "{name} ({build}) is out of support since {date}",
                name=info.name,
                build=info.shown,
                date=info.end_of_support or "",
            ),
            features,
            upgrade,
        )
    if info.support is Support.SUPPORTED:
        return Verdict(
            Status.PASS,
            msg("{name} ({build}): supported", name=info.name, build=info.shown),
            features,
        )
    return Verdict(Status.INFO, msg("{name} ({build})", name=info.name, build=info.shown), features)
