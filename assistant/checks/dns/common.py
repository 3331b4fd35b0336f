"""Small helpers shared by the dns.* checks: evidence, lookup-failure verdicts, skips."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.check import Context
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.resolver import DnsAnswer, Outcome, outcome_text
from assistant.text import msg

RESOLVER_CHECK = "dns.resolver"


def dns_evidence(answers: Sequence[DnsAnswer], label: str | None = None) -> Evidence:
    return Evidence(
        kind="dns", label=label or msg("DNS answers"), data=[a.to_dict() for a in answers]
    )


def resolver_down(ctx: Context, check_id: str, title: str) -> Step | None:
    """A skip step when dns.resolver found no working resolver, else None."""
    resolver_step = ctx.results.get(RESOLVER_CHECK)
    if resolver_step is not None and resolver_step.status is Status.FAIL:
        return Step(
            check_id,
            title,
            Status.SKIP,
            summary=msg("skipped: no DNS server answered (see dns.resolver)"),
        )
    return None


def first_lookup(
    ctx: Context, check_id: str, title: str, name: str, rdtype: str
) -> DnsAnswer | Step:
    """A check's opening question, or the Step that ends the check before it starts.

    The skip when dns.resolver found no working resolver (nothing is asked then), the
    failure when the question got no usable answer; otherwise the answer to judge.
    """
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    answer = ctx.resolver.query(name, rdtype, deadline=ctx.deadline)
    if answer.outcome.is_failure:
        return lookup_failed(check_id, title, answer)
    return answer


def cname_chain(start: str, chain: Sequence[str]) -> str:
    """`start → next → …`: host names, shown as they are."""
    return " → ".join((start, *chain))


def lookup_failed(check_id: str, title: str, answer: DnsAnswer) -> Step:
    """The verdict when a question got no usable answer at all (SERVFAIL, timeout, loop)."""
    if answer.outcome is Outcome.CNAME_LOOP:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=msg(
                "{name} is a CNAME loop: {chain}",
                name=answer.name,
                chain=cname_chain(answer.name, answer.cname_chain),
            ),
            remedy=Remedy(
                msg(
                    "Fix the CNAME records at your DNS host so the chain ends at a real "
                    "record; a loop makes the name unusable for every mail server."
                )
            ),
            evidence=[dns_evidence([answer])],
        )
    tried = "; ".join(answer.tried)
    return Step(
        check_id,
        title,
        Status.FAIL,
        summary=msg(
            "could not look up {name} {rdtype}: {reason}",
            name=answer.name,
            rdtype=answer.rdtype,
            reason=_reason(answer),
        ),
        details=msg("Tried: {servers}", servers=tried) if tried else msg("Tried: no server"),
        remedy=Remedy(
            msg(
                "Check the domain's authoritative DNS servers with your DNS host: other mail "
                "servers will fail the same lookup. A SERVFAIL often means a broken DNSSEC "
                "signature or a lame delegation; a timeout, a server that is down or filtered."
            )
        ),
        evidence=[dns_evidence([answer])],
    )


def _reason(answer: DnsAnswer) -> str:
    text = outcome_text(answer.outcome)
    if answer.error:
        return msg("{outcome} ({error})", outcome=text, error=answer.error)
    return text


def child(step_id: str, title: str, status: Status, summary: str, *answers: DnsAnswer) -> Step:
    evidence = [dns_evidence(answers)] if answers else []
    return Step(step_id, title, status, summary=summary, evidence=evidence)
