"""ews.login: an exchangelib session with the run's credentials.

Credentials go only over a TLS connection whose certificate validated for the host,
and only to a host within the user's domain, a Microsoft endpoint, or one the user
confirmed for this run (autodiscover.policy.credential_decision, the same rule the
autodiscover checks use). The session reads the root folder and the Inbox and names the
server version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from assistant.auth.credentials import Credentials, OAuthCredential
from assistant.check import Context
from assistant.checks.autodiscover.policy import Verdict, credential_decision
from assistant.checks.ews.common import (
    ENDPOINT,
    INFO_KIND,
    LOGIN,
    LOGIN_TITLE,
    certificate_problems,
    error_text,
    exchange_evidence,
    host_port,
    mailbox_address,
    number,
    session_failure,
    skipped_no_credentials,
    step_info,
    tls_label,
    tls_remedy,
)
from assistant.checks.ews.errors import session_errors
from assistant.checks.ews.exchangelib_credentials import BearerToken
from assistant.checks.ews.session import AUTH_BASIC, AUTH_NTLM, AUTH_OAUTH2, ews_session
from assistant.checks.oauth_common import get_token
from assistant.checks.web_remedies import silent_web_remedy
from assistant.facts import EWS_LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.connect import ConnectError
from assistant.net.tls import TlsHandshakeError
from assistant.net.tls_explain import tls_problems
from assistant.net.tls_inspection import TlsInspection
from assistant.settings_names import setting
from assistant.text import join, msg


def password_auth_type(schemes: Sequence[str]) -> str | None:
    """The exchangelib auth type for a password, from what the server offers.

    Basic first: the password travels over the validated TLS connection either way, and
    Basic is what an admin's test account most often has. None when the server offers
    neither Basic nor NTLM (only Negotiate/Bearer: Kerberos or OAuth)."""
    if not schemes or "Basic" in schemes:
        return AUTH_BASIC
    if "NTLM" in schemes:
        return AUTH_NTLM
    return None


_AUTH_NAMES = {AUTH_BASIC: "Basic", AUTH_NTLM: "NTLM", AUTH_OAUTH2: "OAuth"}


class _Refusal(Exception):
    """ews.login decided not to send credentials; carries the step to return."""

    def __init__(self, step: Step) -> None:
        super().__init__(step.summary)
        self.step = step


def _preflight(ctx: Context, url: str, title: str) -> TlsInspection:
    """Handshake with `url`'s host and refuse unless it validates; nothing is sent."""
    host, port = host_port(url)
    net = ctx.net
    try:
        sock, inspection, _ = net.tls(host, port, web=True)
    except TlsHandshakeError as exc:
        evidence, details = [], ""
        if exc.inspection is not None:
            evidence.append(exc.inspection.to_evidence(tls_label(host)))
            details = certificate_problems(tls_problems(exc.inspection))
        raise _Refusal(
            Step(
                LOGIN,
                title,
                Status.FAIL,
                summary=msg(
                    "not signed in: {error}; no credentials were sent", error=error_text(exc)
                ),
                details=details,
                remedy=silent_web_remedy(host, port) if exc.silent else tls_remedy(host),
                evidence=evidence,
            )
        ) from None
    except ConnectError as exc:
        raise _Refusal(
            Step(
                LOGIN,
                title,
                Status.FAIL,
                summary=msg(
                    "not signed in: {error}; no credentials were sent", error=error_text(exc)
                ),
                remedy=Remedy(
                    msg("Check the network path to {host} (DNS, firewall, proxy).", host=host)
                ),
            )
        ) from None
    net.close(sock)
    return inspection


def _allowed(ctx: Context, url: str, info: dict[str, Any], tls: TlsInspection, title: str) -> None:
    """Raise _Refusal unless the rules (or the user, for this run) allow this host."""
    host, _ = host_port(url)
    admitted = info.get("trusted_domains") or []
    domains = (ctx.target.domain, *(d for d in admitted if isinstance(d, str)))
    decision = credential_decision(url, tls_verified=tls.verified, domains=domains)
    if decision.verdict is Verdict.ALLOW:
        return
    if decision.verdict is Verdict.ASK and ctx.may_use_host(
        host,
        msg(
            "EWS sign-in for {account}: {reason}",
            account=ctx.target.email or ctx.target.domain,
            reason=decision.reason,
        ),
    ):
        return
    raise _Refusal(
        Step(
            LOGIN,
            title,
            Status.SKIP if decision.verdict is Verdict.ASK else Status.FAIL,
            summary=msg(
                "not signed in: {reason}; no credentials were sent", reason=decision.reason
            ),
            remedy=Remedy(
                msg(
                    "If {host} is your organisation's Exchange server, add it to {trusted}; "
                    "otherwise fix the EWS URL autodiscover hands out.",
                    host=host,
                    trusted=setting("trust_host"),
                )
            ),
            evidence=[tls.to_evidence(tls_label(host))],
        )
    )


def describe_build(build: Any) -> str:
    """'Exchange Online (15.20.8398.13)' from an exchangelib Build."""
    major, minor = getattr(build, "major_version", 0), getattr(build, "minor_version", 0)
    numbers = f"{build}" if build is not None else msg("unknown build")
    names = {
        (15, 20): "Exchange Online",
        (15, 2): "Exchange Server 2019 / Subscription Edition",
        (15, 1): "Exchange Server 2016",
        (15, 0): "Exchange Server 2013",
        (14, 3): "Exchange Server 2010 SP3",
    }
    name = names.get((major, minor)) or ("Exchange Online" if (major, minor) > (15, 20) else None)
    return msg("{name} ({build})", name=name, build=numbers) if name else numbers


def _sign_in_method(
    ctx: Context, credential: object, schemes: list[str], title: str
) -> tuple[str, BearerToken | None] | Step:
    """(exchangelib auth type, token) for this credential and server, or the step that
    says why there is no sign-in. Called only once the host passed the rules."""
    if isinstance(credential, OAuthCredential):
        if schemes and "Bearer" not in schemes:
            return Step(
                LOGIN,
                title,
                Status.SKIP,
                summary=msg(
                    "skipped: the server offers only {schemes}; an OAuth sign-in needs Bearer",
                    schemes=", ".join(schemes),
                ),
                remedy=Remedy(
                    msg(
                        "Exchange Server accepts OAuth from Microsoft Entra only with Hybrid "
                        "Modern Authentication configured; otherwise sign in with a password."
                    ),
                    EWS_LINKS["basic_auth"],
                ),
            )
        got = get_token(ctx, credential, LOGIN, title)
        if isinstance(got, Step):
            return got
        login_host = ctx.target.environment.login_host or "login.microsoftonline.com"
        return AUTH_OAUTH2, BearerToken(got.value, login_host, credential.app_only)
    auth_type = password_auth_type(schemes)
    if auth_type is None:
        return Step(
            LOGIN,
            title,
            Status.SKIP,
            summary=msg(
                "skipped: the server offers only {schemes}; a password sign-in needs Basic or NTLM",
                schemes=", ".join(schemes),
            ),
            remedy=Remedy(
                msg(
                    "Sign in with OAuth (modern authentication), or enable Basic/NTLM on the "
                    "EWS virtual directory for this test."
                ),
                EWS_LINKS["basic_auth"],
            ),
        )
    return auth_type, None


@dataclass(frozen=True)
class _Target:
    """What ews.login signs in to, and with what."""

    credential: Credentials
    info: dict[str, Any]  # what ews.endpoint found (step_info)
    url: str
    email: str


def _target(ctx: Context, title: str) -> _Target | Step:
    """What to sign in to, or the step that says why there is nothing to try (no network)."""
    credential = ctx.credentials
    if credential is None:
        return Step(LOGIN, title, Status.SKIP, summary=skipped_no_credentials())
    info = step_info(ctx.results.get(ENDPOINT))
    if info is None or not isinstance(info.get("url"), str):
        return Step(
            LOGIN, title, Status.SKIP, summary=msg("skipped: no EWS URL (see ews.endpoint)")
        )
    url = str(info["url"])
    email = mailbox_address(ctx, credential)
    if email is None:
        return Step(
            LOGIN, title, Status.SKIP, summary=msg("skipped: needs {email}", email=setting("email"))
        )
    if urlsplit(url).scheme != "https":
        return Step(
            LOGIN,
            title,
            Status.FAIL,
            summary=msg(
                "not signed in: {url} is not HTTPS; credentials never go over plain HTTP",
                url=url,
            ),
            remedy=Remedy(msg("Publish EWS over HTTPS only."), EWS_LINKS["virtual_directory"]),
        )
    return _Target(credential, info, url, email)


@dataclass(frozen=True)
class _Session:
    """What the signed-in session read."""

    version: Any  # exchangelib's Version
    root: Any
    inbox: Any
    total: object  # the Inbox's item count


def check_login(ctx: Context) -> Step:
    title = LOGIN_TITLE
    target = _target(ctx, title)
    if isinstance(target, Step):
        return target
    url = target.url
    try:
        tls = _preflight(ctx, url, title)
        _allowed(ctx, url, target.info, tls, title)
    except _Refusal as refusal:
        return refusal.step
    endpoint_step = ctx.results.get(ENDPOINT)
    if endpoint_step is not None and endpoint_step.status is Status.FAIL:
        return Step(
            LOGIN,
            title,
            Status.SKIP,
            summary=msg(
                "skipped: the EWS endpoint did not answer as EWS (see ews.endpoint); "
                "no credentials were sent"
            ),
        )
    schemes = [str(s) for s in target.info.get("schemes") or []]
    chosen = _sign_in_method(ctx, target.credential, schemes, title)
    if isinstance(chosen, Step):
        return chosen
    auth_type, token = chosen
    host, _ = host_port(url)
    tls_evidence = tls.to_evidence(tls_label(host))
    with ews_session(
        ctx.net,
        endpoint=url,
        email=target.email,
        credential=target.credential,
        auth_type=auth_type,
        token=token,
    ) as session:
        try:
            account = session.account
            version = account.version  # the version guess: exchangelib's first request
            root = account.root
            inbox = account.inbox
            read = _Session(version, root, inbox, inbox.total_count)
        except session_errors() as exc:
            step = session_failure(ctx, exc, session, url, title, LOGIN)
            step.evidence.insert(0, tls_evidence)
            return step
        exchanges = session.route.exchanges
    evidence = [tls_evidence, *exchange_evidence(ctx, exchanges)]
    return _signed_in(target, auth_type, read, title, evidence, ctx.redactor)


def _signed_in(
    target: _Target,
    auth_type: str,
    read: _Session,
    title: str,
    evidence: list[Evidence],
    redact: Callable[[str], str],
) -> Step:
    """ews.login's step once the session read the root folder and the Inbox."""
    host, _ = host_port(target.url)
    server = describe_build(getattr(read.version, "build", None))
    api = getattr(read.version, "api_version", "unknown")
    login_info = {
        "url": target.url,
        "email": target.email,
        "auth_type": auth_type,
        "server": str(server),
        "api": api,
    }
    children = [
        Step(
            f"{LOGIN}.tls",
            msg("TLS"),
            Status.PASS,
            summary=msg("{host}: certificate valid", host=host),
        ),
        Step(
            f"{LOGIN}.version",
            msg("Server version"),
            Status.PASS,
            summary=msg("{server}, EWS schema {api}", server=server, api=str(api)),
        ),
        Step(
            f"{LOGIN}.folders",
            msg("Root and Inbox"),
            Status.PASS,
            summary=msg(
                "read the root folder and the Inbox ({count} items)", count=number(read.total)
            ),
            details=msg(
                "Root: {root_folder}; Inbox: {inbox_folder}",
                root_folder=str(getattr(read.root, "name", "")),
                inbox_folder=str(getattr(read.inbox, "name", "")),
            ),
        ),
    ]
    return Step(
        LOGIN,
        title,
        Status.PASS,
        summary=redact(
            msg(
                "signed in as {user} ({method}); {server}",
                user=target.credential.username,
                method=_AUTH_NAMES[auth_type],
                server=server,
            )
        ),
        details=redact(
            join(
                "\n",
                [
                    msg("EWS URL: {url}", url=target.url),
                    msg("Mailbox: {email}", email=target.email),
                ],
            )
        ),
        evidence=[Evidence(INFO_KIND, msg("EWS session"), login_info), *evidence],
        children=children,
    )
