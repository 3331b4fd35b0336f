"""dns.resolver, dns.mx, dns.autodiscover, dns.verification, dns.msoid, dns.teams."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.check import Context
from assistant.checks.dns.common import (
    child,
    cname_chain,
    dns_evidence,
    first_lookup,
    lookup_failed,
    resolver_down,
)
from assistant.checks.dns.mx_verdict import MxHosts, mx_answer_verdict, mx_verdict
from assistant.facts import LINKS, SKYPE_ONLINE_RETIRED, is_microsoft_host, is_within
from assistant.model import Remedy, Status, Step
from assistant.net.resolver import DnsAnswer, Outcome
from assistant.settings_names import setting
from assistant.text import join, msg, verbatim

MAX_MX_LOOKUPS = 10  # MX hosts whose addresses are looked up, most preferred first


def check_resolver(ctx: Context) -> Step:
    title = msg("DNS resolvers answer")
    answer = ctx.resolver.query(ctx.target.domain, "SOA", deadline=ctx.deadline)
    evidence = [dns_evidence([answer])]
    tried = "; ".join(answer.tried)
    details = (
        msg("{resolvers}. Tried: {tried}", resolvers=ctx.resolver.describe(), tried=tried)
        if tried
        else msg("{resolvers}. Tried: none", resolvers=ctx.resolver.describe())
    )
    if answer.outcome in (Outcome.TIMEOUT, Outcome.ERROR, Outcome.REFUSED):
        return Step(
            "dns.resolver",
            title,
            Status.FAIL,
            summary=msg("no DNS server answered ({resolvers})", resolvers=ctx.resolver.describe()),
            details=details,
            remedy=Remedy(
                msg(
                    "Check this computer's network and DNS settings, or give a reachable one "
                    "as {nameserver}. A firewall that blocks UDP and TCP port 53 to the DNS "
                    "server gives the same result.",
                    nameserver=setting("nameserver"),
                )
            ),
            evidence=evidence,
        )
    summary = msg("{server} answered in {ms} ms", server=answer.server, ms=answer.elapsed_ms)
    status = Status.PASS
    if answer.outcome is Outcome.SERVFAIL:
        status = Status.WARN
        summary = msg(
            "{server} answered SERVFAIL for {domain}",
            server=answer.server,
            domain=ctx.target.domain,
        )
    return Step("dns.resolver", title, status, summary=summary, details=details, evidence=evidence)


def check_mx(ctx: Context) -> Step:
    check_id, title = "dns.mx", msg("MX records route mail to the right place")
    env = ctx.target.environment
    domain = ctx.target.domain
    answer = first_lookup(ctx, check_id, title, domain, "MX")
    if isinstance(answer, Step):
        return answer
    records = sorted(_parse_mx(v) for v in answer.values)
    if (no_mail := mx_answer_verdict(domain, env, answer.outcome, records)) is not None:
        return no_mail.step(check_id, title, [dns_evidence([answer])])
    children: list[Step] = []
    answers = [answer]
    # Hosts beyond MAX_MX_LOOKUPS are judged by name only (issue 19: 1,000 MX records made
    # 2,000 lookups, 1.2 s of CPU and one child step each).
    canonical: dict[str, str] = {host: host for _, host in records}
    for index, (preference, host) in enumerate(records[:MAX_MX_LOOKUPS], start=1):
        step, host_answers = _mx_host(ctx, index, preference, host)
        children.append(step)
        answers.extend(host_answers)
        canonical[host] = host_answers[0].canonical_name
    verdict = mx_verdict(MxHosts(env, records, children, canonical))
    if len(records) > MAX_MX_LOOKUPS:
        more = msg(
            "{count} more MX records not looked up: only the {limit} most preferred are",
            count=len(records) - MAX_MX_LOOKUPS,
            limit=MAX_MX_LOOKUPS,
        )
        children.append(child("dns.mx.more", msg("More MX records"), Status.INFO, more))
    return verdict.step(check_id, title, [dns_evidence(answers)], children)


def _short_chain(start: str, hops: Sequence[str]) -> str:
    """A long chain as its first and last names (the evidence has every one)."""
    if len(hops) <= 4:
        return cname_chain(start, hops)
    return cname_chain(start, [hops[0], hops[1], "…", hops[-1]])


def _parse_mx(value: str) -> tuple[int, str]:
    preference, _, host = value.partition(" ")
    host = host.strip().rstrip(".").lower()
    return int(preference), host


def _mx_host(ctx: Context, index: int, preference: int, host: str) -> tuple[Step, list[DnsAnswer]]:
    step_id = f"dns.mx.host.{index}"
    title = msg("MX {preference} {host}", preference=preference, host=host)
    answers = [ctx.resolver.query(host, t, deadline=ctx.deadline) for t in ("A", "AAAA")]
    addresses = [v for a in answers for v in a.values]
    chains = [a for a in answers if a.cname_chain]
    loop = next((a for a in answers if a.outcome is Outcome.CNAME_LOOP), None)
    if loop is not None:
        summary = msg(
            "{host} is a CNAME loop: {chain}", host=host, chain=cname_chain(host, loop.cname_chain)
        )
        return child(step_id, title, Status.FAIL, summary, *answers), answers
    if not addresses:
        reasons = join("; ", [a.describe() for a in answers])
        summary = msg("{host} has no address: {reasons}", host=host, reasons=reasons)
        if chains:  # the NODATA is about the chain's end, not the name the MX gave
            hops = chains[0].cname_chain
            summary = msg(
                "{host} has no address: it is a chain of {count} CNAMEs ({chain}) that ends "
                "without one",
                host=host,
                count=len(hops),
                chain=_short_chain(host, hops),
            )
        return child(step_id, title, Status.FAIL, summary, *answers), answers
    if chains:
        via = cname_chain(host, chains[0].cname_chain)
        summary = msg("{host} is a CNAME ({chain})", host=host, chain=via)
        return child(step_id, title, Status.WARN, summary, *answers), answers
    listing = verbatim(f"{host} → {', '.join(addresses)}")
    return child(step_id, title, Status.PASS, listing, *answers), answers


def check_autodiscover_dns(ctx: Context) -> Step:
    check_id, title = "dns.autodiscover", msg("Autodiscover DNS records")
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    env = ctx.target.environment
    domain = ctx.target.domain
    name = f"autodiscover.{domain}"
    cname = ctx.resolver.query(name, "CNAME", deadline=ctx.deadline)
    srv = ctx.resolver.query(f"_autodiscover._tcp.{domain}", "SRV", deadline=ctx.deadline)
    srv_child = child(
        "dns.autodiscover.srv",
        msg("_autodiscover._tcp SRV record"),
        Status.INFO,
        msg("SRV: {records}", records=", ".join(srv.values))
        if srv.ok
        else msg("no SRV record ({outcome})", outcome=srv.outcome.value),
        srv,
    )
    answers = [cname, srv]
    if cname.outcome.is_failure:
        failed = lookup_failed(check_id, title, cname)
        failed.children.append(srv_child)
        return failed
    expected = env.autodiscover_cname
    remedy_cname = Remedy(
        msg(
            "At your DNS host, create a CNAME record autodiscover.{domain} → {expected}.",
            domain=domain,
            expected=expected,
        )
        if expected
        else msg(
            "Publish autodiscover.{domain} (A or CNAME) pointing at your Exchange server "
            "or load balancer.",
            domain=domain,
        ),
        LINKS["autodiscover"],
    )
    summary: str
    if cname.ok:
        target = cname.values[0].rstrip(".").lower()
        resolved = ctx.resolver.query(target, "A", deadline=ctx.deadline)
        answers.append(resolved)
        if expected and target == expected:
            status, remedy = Status.PASS, None
            summary = msg("{name} is a CNAME to {target}", name=name, target=target)
        elif is_within(target, domain) or (not env.is_cloud and resolved.ok):
            status = Status.PASS if not env.is_cloud else Status.WARN
            summary = msg(
                "{name} is a CNAME to {target}, inside your own domain", name=name, target=target
            )
            remedy = None if not env.is_cloud else _hybrid_remedy(domain, expected)
        elif is_microsoft_host(target):
            status = Status.WARN
            summary = msg(
                "{name} points at {target}, a Microsoft host but not {expected}",
                name=name,
                target=target,
                expected=str(expected),
            )
            remedy = remedy_cname
        else:
            status = Status.FAIL
            summary = msg(
                "{name} points at {target}, a third party: Outlook would send credentials there",
                name=name,
                target=target,
            )
            remedy = Remedy(
                msg(
                    "Remove that record. {remedy} A third-party autodiscover host "
                    "receives your users' passwords when Outlook signs in.",
                    remedy=remedy_cname.text,
                ),
                LINKS["autodiscover"],
            )
        if status is not Status.FAIL and not resolved.ok:
            status = Status.FAIL
            summary = msg(
                "{name} → {target}, which does not resolve ({outcome})",
                name=name,
                target=target,
                outcome=resolved.outcome.value,
            )
            remedy = remedy_cname
    else:
        address = ctx.resolver.query(name, "A", deadline=ctx.deadline)
        answers.append(address)
        if address.ok:
            status = Status.PASS if not env.is_cloud else Status.WARN
            summary = msg(
                "{name} has an A record ({addresses}), not a CNAME",
                name=name,
                addresses=", ".join(address.values),
            )
            remedy = None if not env.is_cloud else _hybrid_remedy(domain, expected)
        else:
            status = Status.WARN
            summary = msg(
                "{name} does not exist: Outlook falls back to slower discovery methods", name=name
            )
            remedy = remedy_cname
    return Step(
        check_id,
        title,
        status,
        summary=summary,
        remedy=remedy,
        evidence=[dns_evidence(answers)],
        children=[srv_child],
    )


def _hybrid_remedy(domain: str, expected: str | None) -> Remedy:
    return Remedy(
        msg(
            "Correct for hybrid, where autodiscover.{domain} must reach your on-premises "
            "Exchange servers. For a cloud-only organisation use a CNAME to {expected}.",
            domain=domain,
            expected=str(expected),
        ),
        LINKS["autodiscover"],
    )


def check_verification(ctx: Context) -> Step:
    check_id, title = "dns.verification", msg("Microsoft 365 domain verification record")
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    answer = ctx.resolver.query(ctx.target.domain, "TXT", deadline=ctx.deadline)
    found = [v for v in answer.values if v.startswith("MS=")]
    summary = (
        msg("verification TXT present: {records}", records=", ".join(found))
        if found
        else msg("no MS= verification TXT (only needed while a domain is being added)")
    )
    return Step(check_id, title, Status.INFO, summary=summary, evidence=[dns_evidence([answer])])


def check_msoid(ctx: Context) -> Step:
    check_id, title = "dns.msoid", msg("No msoid CNAME outside 21Vianet")
    env = ctx.target.environment
    answer = first_lookup(ctx, check_id, title, f"msoid.{ctx.target.domain}", "CNAME")
    if isinstance(answer, Step):
        return answer
    if not answer.ok:
        return Step(
            check_id,
            title,
            Status.PASS,
            summary=msg("no msoid record"),
            evidence=[dns_evidence([answer])],
        )
    target = answer.values[0].rstrip(".")
    if env.msoid_allowed:
        return Step(
            check_id,
            title,
            Status.INFO,
            summary=msg(
                "msoid → {target} (expected for {cloud})", target=target, cloud=env.display_name
            ),
            evidence=[dns_evidence([answer])],
        )
    return Step(
        check_id,
        title,
        Status.FAIL,
        summary=msg(
            "msoid.{domain} → {target}: this record breaks Microsoft 365 sign-in",
            domain=ctx.target.domain,
            target=target,
        ),
        details=msg(
            "The msoid CNAME sends Office clients to the 21Vianet sign-in service. "
            "Outside 21Vianet ({cloud} here) it makes activation and sign-in fail.",
            cloud=env.display_name,
        ),
        remedy=Remedy(
            msg(
                "Delete the CNAME record msoid.{domain} at your DNS host.",
                domain=ctx.target.domain,
            ),
            LINKS["msoid"],
        ),
        evidence=[dns_evidence([answer])],
    )


_TEAMS_RECORDS = (
    ("dns.teams.sipfederationtls", "_sipfederationtls._tcp", "SRV"),
    ("dns.teams.sip_tls", "_sip._tls", "SRV"),
    ("dns.teams.sip", "sip", "CNAME"),
    ("dns.teams.lyncdiscover", "lyncdiscover", "CNAME"),
)


def check_teams(ctx: Context) -> Step:
    check_id, title = "dns.teams", msg("Skype for Business / Teams DNS records")
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    children: list[Step] = []
    answers: list[DnsAnswer] = []
    for step_id, prefix, rdtype in _TEAMS_RECORDS:
        answer = ctx.resolver.query(f"{prefix}.{ctx.target.domain}", rdtype, deadline=ctx.deadline)
        answers.append(answer)
        text = (
            verbatim(", ".join(answer.values))
            if answer.ok
            else msg("not published ({outcome})", outcome=answer.outcome.value)
        )
        children.append(child(step_id, verbatim(f"{prefix} {rdtype}"), Status.INFO, text, answer))
    present = [c.title for c, a in zip(children, answers, strict=True) if a.ok]
    summary = (
        msg(
            "published: {records} (Skype for Business Online retired {retired})",
            records=", ".join(present),
            retired=SKYPE_ONLINE_RETIRED,
        )
        if present
        else msg(
            "no Skype for Business records (Skype for Business Online retired {retired})",
            retired=SKYPE_ONLINE_RETIRED,
        )
    )
    return Step(
        check_id,
        title,
        Status.INFO,
        summary=summary,
        details=msg(
            "Teams-only tenants do not need these records. On-premises Lync/Skype pools "
            "and hybrid federation still use them."
        ),
        remedy=Remedy(msg("Nothing to change for Teams-only organisations."), LINKS["teams"]),
        evidence=[dns_evidence(answers)],
        children=children,
    )
