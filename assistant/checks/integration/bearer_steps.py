"""One anonymous request to an Exchange or SharePoint endpoint, and the Step that says
whom its Bearer challenge trusts: shared by integration.oauth_trust and
integration.sharepoint.site. The verdicts are policy/bearer_trust.py's tables; what is
here is the part before them (did the endpoint answer with a challenge at all?) and the
evidence (the challenges as a table row, the HTTP exchange, the certificate).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.check import Context
from assistant.checks.integration.answers import Answer, Shape, classify
from assistant.checks.integration.evidence import TenantFacts, tenant_in
from assistant.checks.integration.exchange_side import (
    EWS_PROBE,
    anonymous_get,
    anonymous_post_soap,
    get_user_settings_body,
    probe,
)
from assistant.checks.policy.bearer_trust import (
    BearerReading,
    Trust,
    TrustVerdict,
    exchange_trust,
    read_bearer,
    sharepoint_trust,
)
from assistant.facts import ENVIRONMENTS, INTEGRATION_LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.text import join, msg


@dataclass(frozen=True)
class Probed:
    """An endpoint asked, what it answered, and what its Bearer challenge says."""

    name: str  # "EWS", "autodiscover", "SharePoint"
    answer: Answer
    reading: BearerReading
    evidence: list[Evidence]

    def row(self) -> dict[str, object]:
        """One row of the challenges table (evidence)."""
        return {
            "endpoint": self.name,
            "url": self.answer.url,
            "status": self.answer.status,
            "schemes": self.answer.schemes,
            **self.reading.to_dict(),
        }


def ask_ews(ctx: Context, url: str) -> Probed:
    answer, evidence = probe(ctx, url, lambda: anonymous_post_soap(ctx, url, EWS_PROBE))
    return Probed("EWS", answer, read_bearer(answer.challenges), evidence)


def ask_autodiscover(ctx: Context, url: str) -> Probed:
    email = ctx.target.email or f"postmaster@{ctx.target.domain}"
    body = get_user_settings_body(url, email)
    answer, evidence = probe(ctx, url, lambda: anonymous_post_soap(ctx, url, body))
    return Probed("autodiscover", answer, read_bearer(answer.challenges), evidence)


def ask_site(ctx: Context, url: str) -> Probed:
    answer, evidence = probe(ctx, url, lambda: anonymous_get(ctx, url, accept="*/*"))
    return Probed("SharePoint", answer, read_bearer(answer.challenges), evidence)


def challenges_evidence(probed: list[Probed]) -> Evidence:
    return Evidence("table", msg("Bearer challenges"), [p.row() for p in probed])


def tenant_note(ctx: Context) -> tuple[str | None, str]:
    """(the tenant ID to compare with, a line saying where it came from or why none)."""
    found: TenantFacts | None = tenant_in(ctx.results)
    if found is None:
        return None, msg(
            "No tenant ID to compare with: integration.tenant did not run or could not look "
            "the domain up."
        )
    if found.tenant_id is None:
        return None, msg(
            "No tenant ID to compare with: {domain} is no Microsoft 365 tenant's domain "
            "(integration.tenant).",
            domain=ctx.target.domain,
        )
    return found.tenant_id, msg(
        "Compared with tenant {tenant} (integration.tenant).", tenant=found.tenant_id
    )


def is_sharepoint_online(host: str) -> bool:
    """A host under a cloud's SharePoint Online suffix (sharepoint.com, sharepoint.us, ...)."""
    host = host.lower().rstrip(".")
    suffixes = {e.sharepoint_suffix for e in ENVIRONMENTS.values() if e.sharepoint_suffix}
    return any(host == s or host.endswith("." + s) for s in suffixes)


def _unanswered(answer: Answer, product: str) -> TrustVerdict | None:
    """The verdict when there is no 401 challenge to read; None when there is one."""
    shape = classify(answer)
    if shape in (Shape.BEARER, Shape.NO_BEARER):
        return None
    if shape in (Shape.UNREACHABLE, Shape.BAD_TLS):
        return TrustVerdict(
            Trust.NO_BEARER,
            Status.WARN,
            msg(
                "no answer from {url}, so its challenge could not be read: {error}",
                url=answer.url,
                error=answer.error or "",
            ),
            Remedy(
                msg(
                    "Publish {product} over HTTPS with a certificate for its name, reachable "
                    "from the internet (TCP 443), and check again.",
                    product=product,
                ),
                INTEGRATION_LINKS["hybrid_modern_auth"],
            ),
        )
    if shape is Shape.NOT_FOUND:
        return TrustVerdict(
            Trust.NO_BEARER,
            Status.WARN,
            msg(
                "{url} answers 404: {product} is not published there, so there is no "
                "challenge to read",
                url=answer.url,
                product=product,
            ),
            Remedy(
                msg(
                    "Publish {product} externally (the reverse proxy or firewall rule must "
                    "pass this path to the server).",
                    product=product,
                ),
                INTEGRATION_LINKS["hybrid_modern_auth"],
            ),
        )
    if shape is Shape.OPEN:
        return TrustVerdict(
            Trust.NO_BEARER,
            Status.INFO,
            msg(
                "{url} answered HTTP {status} without asking anyone to sign in: there is no "
                "challenge to read",
                url=answer.url,
                status=answer.status or 0,
            ),
        )
    return TrustVerdict(
        Trust.NO_BEARER,
        Status.WARN,
        msg(
            "{url} answered HTTP {status}, not 401: there is no challenge to read",
            url=answer.url,
            status=answer.status or 0,
        ),
        Remedy(
            msg(
                "Let anonymous requests to {product} reach the server and get its own 401 "
                "answer (a proxy that redirects to a sign-in page hides it).",
                product=product,
            ),
            INTEGRATION_LINKS["hybrid_modern_auth"],
        ),
    )


def _step(
    ctx: Context, step_id: str, title: str, probed: Probed, verdict: TrustVerdict, note: str
) -> Step:
    return Step(
        step_id,
        title,
        verdict.status,
        summary=ctx.redactor(verdict.summary),
        details=ctx.redactor(join("\n", [msg("Asked: {url}", url=probed.answer.url), note])),
        remedy=verdict.remedy,
        evidence=[challenges_evidence([probed]), *probed.evidence],
    )


def exchange_step(ctx: Context, step_id: str, title: str, probed: Probed, *, onprem: bool) -> Step:
    """Exchange's Bearer challenge at one endpoint, judged against the tenant. Exchange
    Online's endpoints are Microsoft's: what they say is reported, never a fault here."""
    tenant_id, note = tenant_note(ctx)
    verdict = _unanswered(probed.answer, probed.name) or exchange_trust(probed.reading, tenant_id)
    if not onprem and verdict.status.is_problem:
        verdict = TrustVerdict(
            verdict.key,
            Status.INFO,
            msg(
                "{summary} (Microsoft's own Exchange Online endpoint: nothing to change "
                "there; this check serves Exchange Server)",
                summary=verdict.summary,
            ),
        )
    return _step(ctx, step_id, title, probed, verdict, note)


def sharepoint_step(ctx: Context, step_id: str, title: str, probed: Probed) -> Step:
    """A SharePoint site's Bearer realm and client_id, judged against the tenant."""
    tenant_id, note = tenant_note(ctx)
    host = urlsplit(probed.answer.url).hostname or ""
    verdict = _unanswered(probed.answer, "SharePoint") or sharepoint_trust(
        probed.reading, tenant_id, online=is_sharepoint_online(host)
    )
    return _step(ctx, step_id, title, probed, verdict, note)
