"""dns.spf, dns.dkim, dns.dmarc: the records that let receivers trust the domain's mail."""

from __future__ import annotations

from typing import Any

from assistant.checks.dns.common import dns_evidence, lookup_failed, resolver_down
from assistant.checks.policy.dmarc import dmarc_records_in, parse_dmarc
from assistant.checks.policy.spf import (
    Lookup,
    LookupOutcome,
    SpfNode,
    expand_spf,
    parse_spf,
    spf_records_in,
)
from assistant.facts import LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.resolver import DnsAnswer, Outcome
from assistant.runner import Context

_TO_SPF_OUTCOME = {
    Outcome.OK: LookupOutcome.OK,
    Outcome.NXDOMAIN: LookupOutcome.NXDOMAIN,
    Outcome.NODATA: LookupOutcome.NODATA,
    Outcome.TIMEOUT: LookupOutcome.TIMEOUT,
}


def check_spf(ctx: Context) -> Step:
    check_id, title = "dns.spf", "SPF record authorises the right senders"
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    env = ctx.target.environment
    domain = ctx.target.domain
    answer = ctx.resolver.query(domain, "TXT", deadline=ctx.deadline)
    if answer.outcome.is_failure:
        return lookup_failed(check_id, title, answer)
    records = spf_records_in(answer.values)
    example = f"v=spf1 include:{env.spf_include} -all" if env.spf_include else "v=spf1 mx -all"
    if not records:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=f"{domain} has no SPF record: receivers cannot tell forged mail from yours",
            remedy=Remedy(f"Publish one TXT record at {domain}: {example}", LINKS["spf"]),
            evidence=[dns_evidence([answer])],
        )
    if len(records) > 1:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=f"{domain} has {len(records)} SPF records; receivers treat that as a "
            "permanent error (RFC 7208 §4.5)",
            details="\n".join(records),
            remedy=Remedy(
                "Merge them into one TXT record that starts with v=spf1, with every include "
                "in it, and delete the others.",
                LINKS["spf"],
            ),
            evidence=[dns_evidence([answer])],
        )
    answers: list[DnsAnswer] = [answer]

    def resolve(name: str, rdtype: str) -> Lookup:
        result = ctx.resolver.query(name, rdtype, deadline=ctx.deadline)
        answers.append(result)
        return Lookup(_TO_SPF_OUTCOME.get(result.outcome, LookupOutcome.SERVFAIL), result.values)

    expansion = expand_spf(domain, resolve)
    record = parse_spf(records[0])
    evidence = [
        dns_evidence(answers[:1]),
        Evidence("table", "SPF include tree", _tree(expansion.root)),
        dns_evidence(answers[1:], "Lookups made while expanding"),
    ]
    counts = f"{expansion.dns_lookups} DNS lookups, {expansion.void_lookups} void"
    problems = list(expansion.errors)
    if env.spf_include and not expansion.includes_domain(env.spf_include):
        problems.append(
            f"it does not include {env.spf_include}, so mail sent by Exchange Online fails SPF"
        )
    if problems:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary="; ".join(problems),
            details=f"{records[0]}\n{counts}",
            remedy=Remedy(_spf_remedy(problems, env.spf_include, example), LINKS["spf"]),
            evidence=evidence,
        )
    qualifier = record.all_qualifier
    if qualifier in ("+", "?") or (qualifier is None and record.redirect is None):
        meaning = {"+": "+all lets anyone send as you", "?": "?all says nothing about others"}
        said = meaning.get(qualifier or "", "with no 'all' term, other senders are neutral")
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=f"SPF is valid ({counts}) but {said}",
            details=records[0],
            remedy=Remedy("End the record with -all (or ~all while testing).", LINKS["spf"]),
            evidence=evidence,
        )
    warnings = "; ".join(expansion.warnings)
    return Step(
        check_id,
        title,
        Status.PASS,
        summary=f"{records[0]} ({counts})",
        details=warnings,
        evidence=evidence,
    )


def _spf_remedy(problems: list[str], include: str | None, example: str) -> str:
    text = " ".join(problems)
    if "lookups" in text:
        return (
            "Reduce the DNS lookups to 10 or fewer: remove includes for services you no "
            "longer use, replace 'a'/'mx'/'ptr' terms with ip4:/ip6: ranges, or move a "
            "sending service to a subdomain with its own SPF record."
        )
    if "loop" in text:
        return "Remove the include that points back to a domain already in the chain."
    if include and include in text:
        return f"Add include:{include} to the record, e.g. {example}"
    return f"Correct the record; a minimal valid one is: {example}"


def _tree(node: SpfNode) -> dict[str, Any]:
    return {
        "domain": node.domain,
        "record": node.record,
        "problem": node.problem,
        "children": [_tree(c) for c in node.children],
    }


_SELECTORS = ("selector1", "selector2")


def check_dkim(ctx: Context) -> Step:
    check_id, title = "dns.dkim", "DKIM selectors for Microsoft 365"
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    env = ctx.target.environment
    domain = ctx.target.domain
    children: list[Step] = []
    answers: list[DnsAnswer] = []
    for selector in _SELECTORS:
        step, used = _dkim_selector(ctx, selector, env.dkim_suffixes)
        children.append(step)
        answers.extend(used)
    bad = [c for c in children if c.status is not Status.PASS]
    evidence = [dns_evidence(answers)]
    if not env.is_cloud:
        found = [c.summary for c in children]
        return Step(
            check_id,
            title,
            Status.INFO,
            summary="; ".join(found),
            details="Exchange Server does not sign with DKIM itself; a gateway may.",
            evidence=evidence,
            children=children,
        )
    if not bad:
        return Step(
            check_id,
            title,
            Status.PASS,
            summary="selector1 and selector2 point at Microsoft 365",
            evidence=evidence,
            children=children,
        )
    return Step(
        check_id,
        title,
        Status.WARN,
        summary="; ".join(c.summary for c in bad),
        remedy=Remedy(
            f"In the Microsoft Defender portal (Email authentication settings > DKIM) select "
            f"{domain}, copy the two CNAME values it shows, publish them as "
            f"selector1._domainkey.{domain} and selector2._domainkey.{domain}, then enable "
            "signing. Until then Exchange Online signs with the onmicrosoft.com domain, "
            "which does not align for DMARC.",
            LINKS["dkim"],
        ),
        evidence=evidence,
        children=children,
    )


def _dkim_selector(
    ctx: Context, selector: str, suffixes: tuple[str, ...]
) -> tuple[Step, list[DnsAnswer]]:
    name = f"{selector}._domainkey.{ctx.target.domain}"
    step_id = f"dns.dkim.{selector}"
    cname = ctx.resolver.query(name, "CNAME", deadline=ctx.deadline)
    if cname.outcome.is_failure:
        return lookup_failed(step_id, selector, cname), [cname]
    if not cname.ok:
        txt = ctx.resolver.query(name, "TXT", deadline=ctx.deadline)
        if txt.ok:
            summary = f"{selector} is a TXT key, not the CNAME Exchange Online signs with"
            return Step(step_id, selector, Status.WARN, summary=summary), [cname, txt]
        return Step(step_id, selector, Status.WARN, summary=f"{name} is missing"), [cname, txt]
    target = cname.values[0].rstrip(".").lower()
    if not any(target.endswith("." + s) for s in suffixes):
        summary = f"{selector} points at {target}, not Microsoft 365"
        return Step(step_id, selector, Status.WARN, summary=summary), [cname]
    key = ctx.resolver.query(target, "TXT", deadline=ctx.deadline)
    if not key.ok:
        summary = f"{selector} → {target}, which has no key yet (DKIM not enabled in the tenant?)"
        return Step(step_id, selector, Status.WARN, summary=summary), [cname, key]
    return Step(step_id, selector, Status.PASS, summary=f"{selector} → {target}"), [cname, key]


def check_dmarc(ctx: Context) -> Step:
    check_id, title = "dns.dmarc", "DMARC policy"
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    name = f"_dmarc.{ctx.target.domain}"
    answer = ctx.resolver.query(name, "TXT", deadline=ctx.deadline)
    if answer.outcome.is_failure:
        return lookup_failed(check_id, title, answer)
    evidence = [dns_evidence([answer])]
    records = dmarc_records_in(answer.values)
    example = f"v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@{ctx.target.domain}"
    if not records:
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=f"no DMARC record at {name}: receivers apply their own policy to forgeries",
            remedy=Remedy(f"Publish a TXT record at {name}: {example}", LINKS["dmarc"]),
            evidence=evidence,
        )
    if len(records) > 1:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=f"{len(records)} DMARC records at {name}; receivers ignore them all",
            details="\n".join(records),
            remedy=Remedy("Keep exactly one v=DMARC1 record.", LINKS["dmarc"]),
            evidence=evidence,
        )
    record = parse_dmarc(records[0])
    if record.errors:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary="DMARC record is invalid: " + "; ".join(record.errors),
            details=records[0],
            remedy=Remedy(f"Correct the record, e.g. {example}", LINKS["dmarc"]),
            evidence=evidence,
        )
    if record.policy == "none":
        return Step(
            check_id,
            title,
            Status.WARN,
            summary="p=none: monitoring only, spoofed mail is still delivered",
            details="\n".join((records[0], *record.warnings)),
            remedy=Remedy(
                "Once the aggregate reports show your real senders pass, move to "
                "p=quarantine and then p=reject.",
                LINKS["dmarc"],
            ),
            evidence=evidence,
        )
    return Step(
        check_id,
        title,
        Status.PASS,
        summary=f"p={record.policy}" + (f", pct={record.pct}" if record.pct != 100 else ""),
        details="\n".join((records[0], *record.warnings)),
        evidence=evidence,
    )
