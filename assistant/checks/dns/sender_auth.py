"""dns.spf, dns.dkim, dns.dmarc: the records that let receivers trust the domain's mail."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from assistant.check import Context
from assistant.checks.dns.common import dns_evidence, first_lookup, lookup_failed, resolver_down
from assistant.checks.policy.dmarc import dmarc_records_in, parse_dmarc
from assistant.checks.policy.spf import Lookup, LookupOutcome, SpfError, SpfNode, expand_spf
from assistant.checks.policy.spf_record import parse_spf, spf_records_in
from assistant.facts import LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.resolver import DnsAnswer, Outcome
from assistant.text import N_, join, msg, verbatim

_TO_SPF_OUTCOME = {
    Outcome.OK: LookupOutcome.OK,
    Outcome.NXDOMAIN: LookupOutcome.NXDOMAIN,
    Outcome.NODATA: LookupOutcome.NODATA,
    Outcome.TIMEOUT: LookupOutcome.TIMEOUT,
}


def check_spf(ctx: Context) -> Step:
    check_id, title = "dns.spf", msg("SPF record authorises the right senders")
    env = ctx.target.environment
    domain = ctx.target.domain
    answer = first_lookup(ctx, check_id, title, domain, "TXT")
    if isinstance(answer, Step):
        return answer
    records = spf_records_in(answer.values)
    example = f"v=spf1 include:{env.spf_include} -all" if env.spf_include else "v=spf1 mx -all"
    if not records:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=msg(
                "{domain} has no SPF record: receivers cannot tell forged mail from yours",
                domain=domain,
            ),
            remedy=Remedy(
                msg("Publish one TXT record at {domain}: {record}", domain=domain, record=example),
                LINKS["spf"],
            ),
            evidence=[dns_evidence([answer])],
        )
    if len(records) > 1:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=msg(
                "{domain} has {count} SPF records; receivers treat that as a "
                "permanent error (RFC 7208 §4.5)",
                domain=domain,
                count=len(records),
            ),
            details=verbatim("\n".join(records)),
            remedy=Remedy(
                msg(
                    "Merge them into one TXT record that starts with v=spf1, with every include "
                    "in it, and delete the others."
                ),
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
        Evidence("table", msg("SPF include tree"), _tree(expansion.root)),
        dns_evidence(answers[1:], msg("Lookups made while expanding")),
    ]
    counts = (
        msg("1 DNS lookup, {void} void", void=expansion.void_lookups)
        if expansion.dns_lookups == 1
        else msg(
            "{lookups} DNS lookups, {void} void",
            lookups=expansion.dns_lookups,
            void=expansion.void_lookups,
        )
    )
    problems: list[str] = list(expansion.errors)
    missing = (
        env.spf_include
        if env.spf_include and not expansion.includes_domain(env.spf_include)
        else None
    )
    if missing:
        problems.append(
            msg(
                "it does not include {include}, so mail sent by Exchange Online fails SPF",
                include=missing,
            )
        )
    if problems:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=join("; ", problems),
            details=join("\n", [records[0], counts]),
            remedy=Remedy(spf_remedy(expansion.error_kinds, missing, example), LINKS["spf"]),
            evidence=evidence,
        )
    if expansion.temporary:
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=join("; ", expansion.temporary),
            details=join("\n", [records[0], counts]),
            remedy=Remedy(
                msg(
                    "Nothing to change in the record for this: make sure the DNS servers of the "
                    "name it points to answer (ask their owner), then run the check again. While "
                    "they do not, receivers defer or reject mail from you with an SPF temperror, "
                    "and the lookup count above leaves out what is behind the name."
                ),
                LINKS["spf"],
            ),
            evidence=evidence,
        )
    qualifier = record.all_qualifier
    if qualifier in ("+", "?") or (qualifier is None and record.redirect is None):
        key = qualifier or ""
        meaning = msg(_ALL_MEANING[key]) if key in _ALL_MEANING else msg(_NO_ALL)
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=msg("SPF is valid ({counts}) but {meaning}", counts=counts, meaning=meaning),
            details=verbatim(records[0]),
            remedy=Remedy(msg("End the record with -all (or ~all while testing)."), LINKS["spf"]),
            evidence=evidence,
        )
    return Step(
        check_id,
        title,
        Status.PASS,
        summary=msg("{record} ({counts})", record=records[0], counts=counts),
        details=join("; ", expansion.warnings),
        evidence=evidence,
    )


_ALL_MEANING = {
    "+": N_("+all lets anyone send as you"),
    "?": N_("?all says nothing about others"),
}
_NO_ALL = N_("with no 'all' term, other senders are neutral")


# A failing record's remedy by the kind of error, the most pressing first: an expansion over
# the lookup limits is a permanent error at every receiver whatever else is fixed.
_SPF_REMEDIES = (
    (
        SpfError.LOOKUP_LIMIT,
        N_(
            "Reduce the DNS lookups to 10 or fewer: remove includes for services you no "
            "longer use, replace 'a'/'mx'/'ptr' terms with ip4:/ip6: ranges, or move a "
            "sending service to a subdomain with its own SPF record."
        ),
    ),
    (SpfError.LOOP, N_("Remove the include that points back to a domain already in the chain.")),
)


def spf_remedy(errors: Collection[SpfError], missing_include: str | None, example: str) -> str:
    """What to change in a failing SPF record. `errors` are the kinds the expansion found;
    `missing_include` is the cloud's include when the record lacks it."""
    for kind, template in _SPF_REMEDIES:
        if kind in errors:
            return msg(template)
    if missing_include:
        return msg(
            "Add include:{include} to the record, e.g. {record}",
            include=missing_include,
            record=example,
        )
    return msg("Correct the record; a minimal valid one is: {record}", record=example)


def _tree(node: SpfNode) -> dict[str, Any]:
    return {
        "domain": node.domain,
        "record": node.record,
        "problem": node.problem,
        "children": [_tree(c) for c in node.children],
    }


_SELECTORS = ("selector1", "selector2")


def check_dkim(ctx: Context) -> Step:
    check_id, title = "dns.dkim", msg("DKIM selectors for Microsoft 365")
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
            summary=join("; ", found),
            details=msg("Exchange Server does not sign with DKIM itself; a gateway may."),
            evidence=evidence,
            children=children,
        )
    if not bad:
        return Step(
            check_id,
            title,
            Status.PASS,
            summary=msg("selector1 and selector2 point at Microsoft 365"),
            evidence=evidence,
            children=children,
        )
    return Step(
        check_id,
        title,
        Status.WARN,
        summary=join("; ", [c.summary for c in bad]),
        remedy=Remedy(
            msg(
                "In the Microsoft Defender portal (Email authentication settings > DKIM) select "
                "{domain}, copy the two CNAME values it shows, publish them as "
                "selector1._domainkey.{domain} and selector2._domainkey.{domain}, then enable "
                "signing. Until then Exchange Online signs with the onmicrosoft.com domain, "
                "which does not align for DMARC.",
                domain=domain,
            ),
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
    title = verbatim(selector)
    cname = ctx.resolver.query(name, "CNAME", deadline=ctx.deadline)
    if cname.outcome.is_failure:
        return lookup_failed(step_id, title, cname), [cname]
    if not cname.ok:
        txt = ctx.resolver.query(name, "TXT", deadline=ctx.deadline)
        if txt.ok:
            summary = msg(
                "{selector} is a TXT key, not the CNAME Exchange Online signs with",
                selector=selector,
            )
            return Step(step_id, title, Status.WARN, summary=summary), [cname, txt]
        summary = msg("{name} is missing", name=name)
        return Step(step_id, title, Status.WARN, summary=summary), [cname, txt]
    target = cname.values[0].rstrip(".").lower()
    if not any(target.endswith("." + s) for s in suffixes):
        summary = msg(
            "{selector} points at {target}, not Microsoft 365", selector=selector, target=target
        )
        return Step(step_id, title, Status.WARN, summary=summary), [cname]
    key = ctx.resolver.query(target, "TXT", deadline=ctx.deadline)
    if not key.ok:
        summary = msg(
            "{selector} → {target}, which has no key yet (DKIM not enabled in the tenant?)",
            selector=selector,
            target=target,
        )
        return Step(step_id, title, Status.WARN, summary=summary), [cname, key]
    found = verbatim(f"{selector} → {target}")
    return Step(step_id, title, Status.PASS, summary=found), [cname, key]


def check_dmarc(ctx: Context) -> Step:
    check_id, title = "dns.dmarc", msg("DMARC policy")
    name = f"_dmarc.{ctx.target.domain}"
    answer = first_lookup(ctx, check_id, title, name, "TXT")
    if isinstance(answer, Step):
        return answer
    evidence = [dns_evidence([answer])]
    records = dmarc_records_in(answer.values)
    example = f"v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@{ctx.target.domain}"
    if not records:
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=msg(
                "no DMARC record at {name}: receivers apply their own policy to forgeries",
                name=name,
            ),
            remedy=Remedy(
                msg("Publish a TXT record at {name}: {record}", name=name, record=example),
                LINKS["dmarc"],
            ),
            evidence=evidence,
        )
    if len(records) > 1:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=msg(
                "{count} DMARC records at {name}; receivers ignore them all",
                count=len(records),
                name=name,
            ),
            details=verbatim("\n".join(records)),
            remedy=Remedy(msg("Keep exactly one v=DMARC1 record."), LINKS["dmarc"]),
            evidence=evidence,
        )
    record = parse_dmarc(records[0])
    if record.errors:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=msg("DMARC record is invalid: {problems}", problems=join("; ", record.errors)),
            details=verbatim(records[0]),
            remedy=Remedy(msg("Correct the record, e.g. {record}", record=example), LINKS["dmarc"]),
            evidence=evidence,
        )
    if record.policy == "none":
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=msg("p=none: monitoring only, spoofed mail is still delivered"),
            details=join("\n", [records[0], *record.warnings]),
            remedy=Remedy(
                msg(
                    "Once the aggregate reports show your real senders pass, move to "
                    "p=quarantine and then p=reject."
                ),
                LINKS["dmarc"],
            ),
            evidence=evidence,
        )
    return Step(
        check_id,
        title,
        Status.PASS,
        summary=verbatim(
            f"p={record.policy}" + (f", pct={record.pct}" if record.pct != 100 else "")
        ),
        details=join("\n", [records[0], *record.warnings]),
        evidence=evidence,
    )
