"""Follow one POX autodiscover candidate to settings, through redirects, under the
credential rules in policy.py. One PoxWalk per candidate; candidates run in parallel.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from assistant.auth.credentials import OAuthCredential
from assistant.check import Context
from assistant.checks.autodiscover.answer import MAX_BODY, AskFor, Found, Stop, read_answer
from assistant.checks.autodiscover.policy import (
    Verdict,
    credential_decision,
    is_public_suffix_bait,
    trustable_domain,
)
from assistant.checks.autodiscover.pox import PoxResponse, build_request
from assistant.checks.autodiscover.walk_remedies import connect_remedy
from assistant.checks.oauth_common import http_authorization
from assistant.hostnames import HostNameError, ascii_url
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.http import HttpError, HttpResponse, http_request
from assistant.settings_names import setting
from assistant.text import join, msg

STRONGER_THAN_BASIC = ("negotiate", "ntlm", "bearer", "kerberos")


def auth_schemes(response: HttpResponse) -> list[str]:
    """The schemes a 401 offers, e.g. ['Negotiate', 'NTLM', 'Basic']."""
    found: list[str] = []
    for name, value in response.headers:
        if name.lower() == "www-authenticate":
            scheme = value.strip().split(" ", 1)[0].rstrip(",")
            if scheme and scheme not in found:
                found.append(scheme)
    return found


@dataclass
class WalkResult:
    step: Step
    response: PoxResponse | None = None  # settings, when found
    url: str | None = None
    email: str | None = None
    reachable: bool = False  # answered like an autodiscover endpoint (challenge or settings)
    elapsed: float = 0.0
    credentials_sent_to: list[str] = field(default_factory=list)
    # Domains beyond the target's that an authenticated answer from a host allowed
    # credentials vouched for (hybrid: contoso.mail.onmicrosoft.com); later checks may
    # send credentials there. Never filled from an anonymous answer.
    admitted_domains: tuple[str, ...] = ()


class PoxWalk:
    def __init__(self, ctx: Context, step_id: str, title: str, email: str) -> None:
        self.ctx = ctx
        self.step_id = step_id
        self.title = title
        self.email = email
        self.domains: tuple[str, ...] = (ctx.target.domain,)
        self.evidence: list[Evidence] = []
        self.log: list[str] = []  # our prose (msg), shown as the step's details
        self.started = time.monotonic()
        self.sent_to: list[str] = []
        self._authorization: tuple[str, str] | None = None  # (header, "Basic"/"OAuth")

    # -- outcome helpers -------------------------------------------------------------

    def _done(
        self,
        status: Status,
        summary: str,
        *,
        remedy: Remedy | None = None,
        response: PoxResponse | None = None,
        url: str | None = None,
        reachable: bool = False,
    ) -> WalkResult:
        step = Step(
            self.step_id,
            self.title,
            status,
            summary=summary,
            details=join("\n", self.log),
            remedy=remedy,
            evidence=self.evidence,
        )
        return WalkResult(
            step,
            response=response,
            url=url,
            email=self.email,
            reachable=reachable,
            elapsed=time.monotonic() - self.started,
            credentials_sent_to=self.sent_to,
            admitted_domains=self.domains[1:],
        )

    def _post(self, url: str, *, with_credentials: bool) -> HttpResponse:
        # X-MapiHttpCapability: as Outlook sends it; without it the server leaves the
        # mapiHttp section out of the answer ([MS-OXDSCLI] 2.2.4.1.1.2.6).
        headers = {"Content-Type": "text/xml; charset=utf-8", "X-MapiHttpCapability": "1"}
        label = msg("POST {url}", url=url)
        credentials = self.ctx.credentials
        if with_credentials and credentials is not None and self._authorization is not None:
            header, how = self._authorization
            headers["Authorization"] = header
            if isinstance(credentials, OAuthCredential) and credentials.app_only:
                headers["X-AnchorMailbox"] = self.email  # which mailbox an app token opens
            label = msg(
                "POST {url} ({how}, as {user})", url=url, how=how, user=credentials.username
            )
            self.sent_to.append(url)
        response = http_request(
            self.ctx.net,
            url,
            method="POST",
            body=build_request(self.email),
            headers=headers,
            max_bytes=MAX_BODY,
        )
        self.evidence.append(response.to_evidence(self.ctx.redactor, label))
        if response.tls is not None and not any(e.kind == "tls" for e in self.evidence):
            host = urlsplit(url).hostname or ""
            self.evidence.append(response.tls.to_evidence(msg("TLS {host}", host=host)))
        return response

    # -- the walk --------------------------------------------------------------------

    def run(self, url: str) -> WalkResult:
        visited: set[tuple[str, str]] = set()
        hops = 0
        while True:
            self.ctx.token.raise_if_cancelled()
            checked = self._next_request(url, visited)
            if isinstance(checked, WalkResult):
                return checked
            url = checked
            asked = self._ask(url)
            if isinstance(asked, WalkResult):
                return asked
            response, authenticated = asked
            move = read_answer(url, response, hops=hops, email=self.email)
            if isinstance(move, Stop):
                self.log.extend(move.notes)
                return self._done(
                    move.status, move.summary, remedy=move.remedy, reachable=move.reachable
                )
            if isinstance(move, Found):
                if authenticated and move.settings.smtp_address:
                    self._admit(move.settings.smtp_address, url)
                return self._done(
                    Status.PASS, move.summary, response=move.settings, url=url, reachable=True
                )
            hops = move.hops
            if isinstance(move, AskFor):
                self._redirect_address(move.email, url, authenticated=authenticated)
            else:
                self.log.append(move.note)
                url = move.url

    def _ask(self, url: str) -> tuple[HttpResponse, bool] | WalkResult:
        """POST to `url`, and again signed in when it asks for that (a 401): the answer,
        and whether it came after we signed in; or the verdict when there is none."""
        host = (urlsplit(url).hostname or "").lower()
        try:
            response = self._post(url, with_credentials=False)
        except HttpError as exc:
            if exc.tls is not None:
                self.evidence.append(exc.tls.to_evidence(msg("TLS {host}", host=host)))
            return self._done(Status.FAIL, exc.message, remedy=connect_remedy(exc, url))
        if response.status != 401:
            return response, False
        outcome = self._authenticate(url, response)
        if isinstance(outcome, WalkResult):
            return outcome
        return outcome, True

    def _next_request(self, url: str, visited: set[tuple[str, str]]) -> str | WalkResult:
        """`url` with the one ASCII host name that both the policy and the connection use
        (hostnames.py), or the refusal when it has none, is autodiscover bait, or was
        already asked for this address (a loop)."""
        try:
            url = ascii_url(url)
        except HostNameError as exc:
            return self._done(
                Status.FAIL, msg("refused {url}: {reason}", url=url, reason=exc.message)
            )
        host = (urlsplit(url).hostname or "").lower()
        if is_public_suffix_bait(host):
            return self._done(
                Status.FAIL,
                msg(
                    "refused {host}: an autodiscover.<public suffix> host anyone can own; "
                    "nothing was sent",
                    host=host,
                ),
            )
        key = (url.lower(), self.email.lower())
        if key in visited:
            return self._done(
                Status.FAIL,
                msg(
                    "redirect loop: {url} for {email} was already asked", url=url, email=self.email
                ),
                remedy=Remedy(
                    msg(
                        "Correct the targetAddress / redirect settings so the chain ends at "
                        "the mailbox's real address (check Get-MailUser/Get-RemoteMailbox)."
                    )
                ),
            )
        visited.add(key)
        self.log.append(msg("ask {url} for {email}", url=url, email=self.email))
        return url

    def _redirect_address(self, new_email: str, url: str, *, authenticated: bool) -> None:
        """Follow a redirectAddr: ask again for the new address. Its domain is admitted to
        the credential rules only when this answer came after we signed in (_admit)."""
        self.log.append(
            msg("redirectAddr: {email} → {new_email}", email=self.email, new_email=new_email)
        )
        if authenticated:
            self._admit(new_email, url)
        else:
            self.log.append(
                msg(
                    "the answer came without sign-in: the domain of {new_email} is "
                    "data, not permission; credentials go there only if it is your "
                    "domain, Microsoft's, or you allow it",
                    new_email=new_email,
                )
            )
        self.email = new_email

    def _admit(self, address: str, url: str) -> None:
        """Trust the domain of `address` for the rest of this run: only for an answer we
        authenticated to, from a host that was allowed credentials (ARCHITECTURE.md)."""
        domain = trustable_domain(address.rpartition("@")[2])
        if domain is None:
            self.log.append(
                msg(
                    "the domain of {address} is a public suffix or not a valid name: "
                    "it is never trusted with credentials",
                    address=address,
                )
            )
            return
        if domain in self.domains:
            return
        self.domains = (*self.domains, domain)
        self.log.append(
            msg(
                "{domain} may receive credentials in this run: the signed-in answer from "
                "{url} vouches for it",
                domain=domain,
                url=url,
            )
        )

    def _authenticate(self, url: str, challenge: HttpResponse) -> HttpResponse | WalkResult:
        host = (urlsplit(url).hostname or "").lower()
        schemes = auth_schemes(challenge)
        offered = ", ".join(schemes)
        if self.ctx.credentials is None:
            return self._done(
                Status.PASS,
                msg(
                    "answers and asks for sign-in ({schemes}); no credentials in this run",
                    schemes=offered or msg("no scheme named"),
                ),
                reachable=True,
            )
        verified = challenge.tls is not None and challenge.tls.verified
        decision = credential_decision(url, tls_verified=verified, domains=self.domains)
        not_sent = msg("credentials not sent: {reason}", reason=decision.reason)
        if decision.verdict is Verdict.NEVER:
            return self._done(Status.FAIL, not_sent)
        if decision.verdict is Verdict.ASK and not self.ctx.may_use_host(host, decision.reason):
            return self._done(
                Status.FAIL,
                not_sent,
                remedy=Remedy(
                    msg(
                        "If {host} really serves your mailboxes, add it to {trusted}; otherwise "
                        "find out who publishes that redirect.",
                        host=host,
                        trusted=setting("trust_host"),
                    )
                ),
                reachable=True,
            )
        oauth_run = isinstance(self.ctx.credentials, OAuthCredential)
        authorization = http_authorization(self.ctx, schemes, self.step_id, self.title)
        if isinstance(authorization, Step):
            return self._done(
                authorization.status,
                authorization.summary,
                remedy=authorization.remedy,
                reachable=True,
            )
        if authorization is None and oauth_run:
            return self._done(
                Status.WARN,
                msg(
                    "the server offers {schemes}, not Bearer: an OAuth sign-in cannot be tested "
                    "here (on-premises Exchange needs Hybrid Modern Authentication for it)",
                    schemes=offered or msg("no scheme named"),
                ),
                reachable=True,
            )
        if authorization is None:
            return self._done(
                Status.WARN,
                msg(
                    "the server offers {schemes}, not Basic: a password sign-in cannot be tested "
                    "here (use OAuth, or test from a domain-joined machine)",
                    schemes=offered or msg("no scheme named"),
                ),
                reachable=True,
            )
        self._authorization = authorization
        stronger = [s for s in schemes if s.lower() in STRONGER_THAN_BASIC]
        if stronger and not oauth_run:
            self.log.append(
                msg(
                    "the server also offers {schemes}; Outlook would prefer "
                    "those. This test signed in with Basic.",
                    schemes=", ".join(stronger),
                )
            )
        self.log.append(
            msg("sending credentials to {host}: {reason}", host=host, reason=decision.reason)
        )
        try:
            response = self._post(url, with_credentials=True)
        except HttpError as exc:
            return self._done(Status.FAIL, exc.message)
        if response.status == 401 and oauth_run:
            return self._done(
                Status.FAIL,
                msg("{host} rejected the OAuth token", host=host),
                remedy=Remedy(
                    msg(
                        "Compare the token's audience and scopes (auth.token) with what Exchange "
                        "needs: https://outlook.office.com/EWS.AccessAsUser.All for autodiscover."
                    )
                ),
                reachable=True,
            )
        if response.status == 401:
            return self._done(
                Status.FAIL,
                msg("{host} rejected the user name or password", host=host),
                remedy=Remedy(
                    msg(
                        "Check the password and that the login name is the user's UPN; for "
                        "Exchange Online, Basic authentication for autodiscover may be disabled "
                        "(use OAuth)."
                    )
                ),
                reachable=True,
            )
        return response
