"""autodiscover.result: the Outlook discovery sequence, step by step (CHECKS.md).

Every candidate runs at once; the result is the one Outlook would pick (the earliest
in order that succeeded), and the report says how long Outlook would have spent on
the candidates before it, since Outlook tries them one after another.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, as_completed
from urllib.parse import urlsplit

from assistant.check import Context
from assistant.checks.autodiscover import candidates, soap
from assistant.checks.autodiscover.result import settings_from_pox
from assistant.checks.autodiscover.settings import (
    RESULT_CHECK,
    DiscoveredSettings,
    cloud_defaults,
)
from assistant.checks.autodiscover.walk import WalkResult
from assistant.facts import LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.settings_names import setting
from assistant.text import join, msg

V2 = "autodiscover.v2"  # the anonymous JSON candidate (candidates.ORDER's first)
SLOW_WAIT = 10.0  # seconds of Outlook waiting on earlier candidates worth a warning
TITLE = msg("Outlook autodiscover")


def check_autodiscover(ctx: Context) -> Step:
    email = ctx.target.email
    if email is None:
        return Step(
            RESULT_CHECK,
            TITLE,
            Status.SKIP,
            summary=msg(
                "autodiscover needs a mailbox address: give {email}", email=setting("email")
            ),
        )
    results, early = _run_candidates(ctx, email)
    winner = next((r for r in results if r.response is not None), None)
    v2 = results[0]
    before = results[: results.index(winner)] if winner else results
    waited = sum(r.elapsed for r in before)
    children = [r.step for r in results]
    soap_host = (
        _host(winner.url)
        if winner and winner.url
        else ctx.target.environment.autodiscover_v2_host or f"autodiscover.{ctx.target.domain}"
    )
    children.append(soap.probe(ctx, soap_host, email))
    defaults = cloud_defaults(ctx.target.environment)
    if winner is not None and winner.response is not None:
        settings = settings_from_pox(
            winner.response, winner.step.id, winner.email or email, winner.admitted_domains
        )
    elif v2.url:
        settings = DiscoveredSettings(source=v2.step.id, email=email, ews_url=v2.url)
    else:
        settings = defaults
    evidence = [settings.to_evidence(), _candidate_table(results, winner)]
    step = Step(RESULT_CHECK, TITLE, Status.PASS, evidence=evidence, children=children)
    source = winner.step.title if winner is not None else v2.step.title if v2.url else ""
    step.details = (
        _difference(settings, defaults)
        if ctx.target.environment.is_cloud
        else _on_premises_source(settings, defaults, source)
    )
    if winner is not None:
        step.summary = msg(
            "Outlook would use {candidate} → EWS {url}",
            candidate=winner.step.title,
            url=settings.ews_url or "-",
        )
        if before:
            step.details = join("\n", [step.details, _time_spent(waited, len(before))])
        if early is not None and early is not winner:
            step.details = join(
                "\n",
                [
                    step.details,
                    msg(
                        "The checks that needed these settings started with the first answer, "
                        "from {first}, while the others were still being waited for.",
                        first=early.step.title,
                    ),
                ],
            )
        if waited >= SLOW_WAIT:
            step.status = Status.WARN
            step.summary = msg(
                "{summary}, after waiting {seconds} s on earlier candidates",
                summary=step.summary,
                seconds=f"{waited:.0f}",
            )
            step.remedy = _slow_remedy(before)
        elif (bad := _certificate_prompts(before)) is not None:
            step.status = Status.WARN
            step.summary = msg(
                "{summary}; but {candidate} fails TLS first, so Outlook may show a warning",
                summary=step.summary,
                candidate=bad.title,
            )
            step.remedy = Remedy(
                msg(
                    "Fix or remove that candidate (often the domain's web site answering on "
                    "https://<domain>/autodiscover with its own certificate)."
                ),
                LINKS["autodiscover"],
            )
        return step
    reachable = [r for r in results if r.reachable]
    if v2.url and ctx.credentials is None:
        step.summary = msg(
            "v2 found EWS at {url}; sign in to read the full Outlook settings", url=v2.url
        )
        return step
    if reachable and ctx.credentials is None:
        step.summary = msg(
            "{candidate} answers; sign in to read the settings", candidate=reachable[0].step.title
        )
        return step
    failures = _most_telling_failures(results)
    step.status = Status.WARN if v2.url else Status.FAIL
    step.summary = (
        msg("no candidate returned Outlook settings; using {source}", source=settings.source)
        if step.status is Status.WARN
        else msg("no autodiscover candidate answered usefully")
    )
    first = failures[0] if failures else None
    step.remedy = (
        first.remedy
        if first and first.remedy
        else Remedy(
            msg(
                "Publish autodiscover: a CNAME autodiscover.{domain} to your cloud's "
                "autodiscover host, or an A record to your Exchange server with a valid "
                "certificate.",
                domain=ctx.target.domain,
            )
            if ctx.target.environment.is_cloud
            else msg(
                "Publish autodiscover: an A record (or a CNAME) autodiscover.{domain} for "
                "your Exchange server or its load balancer, with a valid certificate for "
                "that name.",
                domain=ctx.target.domain,
            ),
            LINKS["autodiscover"],
        )
    )
    if first is not None:
        step.summary = msg(
            "{summary} (first problem: {candidate}: {problem})",
            summary=step.summary,
            candidate=first.title,
            problem=first.summary,
        )
    return step


def _time_spent(waited: float, count: int) -> str:
    if count == 1:
        return msg(
            "Outlook tries candidates one at a time: it would have spent {seconds} s "
            "on 1 candidate before this one.",
            seconds=f"{waited:.1f}",
        )
    return msg(
        "Outlook tries candidates one at a time: it would have spent {seconds} s "
        "on {count} candidates before this one.",
        seconds=f"{waited:.1f}",
        count=count,
    )


def _run_candidates(ctx: Context, email: str) -> tuple[list[WalkResult], WalkResult | None]:
    """Every candidate at once; their results in Outlook's order, and the one whose answer
    was published early (Context.provide) for the checks that need the settings."""
    for step_id, _ in candidates.ORDER:
        ctx.step_started(step_id, candidates.title(ctx, step_id, email))
    early: WalkResult | None = None
    with ThreadPoolExecutor(
        max_workers=max(1, min(len(candidates.ORDER), ctx.parallel)),
        thread_name_prefix=f"ca-check-ad-{id(ctx):x}",
    ) as pool:
        futures = [pool.submit(run, ctx, email) for _, run in candidates.ORDER]
        for future in as_completed(futures):  # each candidate reported as it ends
            result = future.result()
            result.step.duration_ms = int(result.elapsed * 1000)
            ctx.step_finished(result.step)
            if early is None and _usable(result, ctx):
                early = result
                ctx.provide(_provisional_step(result, email))
        results = [future.result() for future in futures]
    return results, early


def _usable(result: WalkResult, ctx: Context) -> bool:
    """An answer the checks that need autodiscover can start on: Outlook settings, or (with
    no credentials to read those) the EWS address autodiscover v2 gives anonymously."""
    if result.response is not None:
        return True
    return ctx.credentials is None and result.step.id == V2 and bool(result.url)


def _provisional_step(result: WalkResult, email: str) -> Step:
    """autodiscover.result as the first usable answer has it: the settings only."""
    if result.response is not None:
        settings = settings_from_pox(
            result.response, result.step.id, result.email or email, result.admitted_domains
        )
    else:
        settings = DiscoveredSettings(source=result.step.id, email=email, ews_url=result.url)
    return Step(
        RESULT_CHECK,
        TITLE,
        Status.INFO,
        summary=msg(
            "first answer: {candidate} → EWS {url}; waiting for the other candidates",
            candidate=result.step.title,
            url=settings.ews_url or "-",
        ),
        evidence=[settings.to_evidence()],
    )


def _most_telling_failures(results: list[WalkResult]) -> list[Step]:
    """Failures ordered by what they tell an admin: a candidate that answered beats one
    that could not be reached; autodiscover.<domain> is the one most setups rely on."""
    preference = {
        "autodiscover.candidate.autodiscover_https": 0,
        "autodiscover.candidate.srv": 1,
        "autodiscover.candidate.http_redirect": 2,
        "autodiscover.v2": 3,
        "autodiscover.candidate.root_https": 4,
    }
    failed = [r for r in results if r.step.status in (Status.FAIL, Status.WARN)]
    failed.sort(key=lambda r: (not r.reachable, preference.get(r.step.id, 9)))
    return [r.step for r in failed]


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _candidate_table(results: list[WalkResult], winner: WalkResult | None) -> Evidence:
    rows = [
        {
            "candidate": r.step.id,
            "status": r.step.status.value,
            "seconds": round(r.elapsed, 3),
            "winner": r is winner,
            "credentials_sent_to": r.credentials_sent_to,
        }
        for r in results
    ]
    return Evidence("table", msg("Candidates in Outlook's order"), rows)


def _on_premises_source(
    found: DiscoveredSettings, defaults: DiscoveredSettings, source: str
) -> str:
    """Where an on-premises mailbox's endpoints came from: an on-premises Exchange has no
    default endpoints, so there is nothing to fall back on or compare with."""
    if found.source == defaults.source:
        return msg(
            "No endpoints were found: autodiscover supplied no settings, and an on-premises "
            "Exchange has no default endpoints to fall back on."
        )
    return msg("The endpoints come from autodiscover ({source}).", source=source)


def _difference(found: DiscoveredSettings, defaults: DiscoveredSettings) -> str:
    if found.source == defaults.source:
        return msg("Using the cloud's default endpoints; autodiscover did not supply settings.")
    lines = []
    for name in ("ews_url", "mapi_emsmdb_url", "mapi_nspi_url"):
        got, default = getattr(found, name), getattr(defaults, name)
        if default and got and got.lower() != default.lower():
            lines.append(
                msg(
                    "{setting}: autodiscover says {found}; the cloud default is {default}",
                    setting=name,
                    found=got,
                    default=default,
                )
            )
    if not lines:
        return msg("The discovered endpoints match the cloud defaults.")
    return join("\n", lines)


def _slow_remedy(before: list[WalkResult]) -> Remedy:
    slow = max(before, key=lambda r: r.elapsed)
    return Remedy(
        msg(
            "Make {candidate} fail fast (answer or refuse the connection instead of "
            "dropping it), or remove the DNS record that leads there: Outlook tries the "
            "candidates one at a time.",
            candidate=slow.step.title,
        ),
        LINKS["autodiscover"],
    )


def _certificate_prompts(before: list[WalkResult]) -> Step | None:
    for result in before:
        if any(e.kind == "tls" and not e.data.get("verified", True) for e in result.step.evidence):
            return result.step
    return None
