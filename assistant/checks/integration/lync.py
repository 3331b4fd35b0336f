"""integration.lync.*: what Lync / Skype for Business Server needs from Exchange, seen
from the outside and without credentials.

autodiscover   the autodiscover SOAP service `Set-CsOAuthConfiguration
               -ExchangeAutodiscoverUrl` must name answers (401 with Bearer, or 200)
ews            EWS answers with the OAuth challenge Skype signs in with; when the run
               signed in (ews.mailbox ran), whether out-of-office and free/busy were read
dns            lyncdiscover, lyncdiscoverinternal, _sip._tls, _sipfederationtls._tcp: and
               whether they point to the organisation's own Edge or to Microsoft
lyncdiscover   https://lyncdiscover.<domain>/ (and the pool's external web name) over
               validated TLS, and the _links of its JSON answer

The verdicts are pure (lync_verdicts.py); this module does the requests around them.
"""

from __future__ import annotations

from functools import partial

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.dns.common import RESOLVER_CHECK, dns_evidence, resolver_down
from assistant.checks.ews.common import ENDPOINT as EWS_ENDPOINT
from assistant.checks.ews.common import MAILBOX as EWS_MAILBOX
from assistant.checks.integration.answers import sfb_support_note
from assistant.checks.integration.evidence import tenant_in
from assistant.checks.integration.exchange_side import (
    EWS_PROBE,
    anonymous_get,
    anonymous_post_soap,
    ews_url_source,
    exchange_side,
    get_user_settings_body,
    probe,
    skip_unwanted,
)
from assistant.checks.integration.ids import (
    LYNC_AUTODISCOVER,
    LYNC_DNS,
    LYNC_EWS,
    LYNC_LYNCDISCOVER,
    TENANT,
    TITLES,
)
from assistant.checks.integration.lync_dns_verdicts import (
    SipRecord,
    lyncdiscover_verdict,
    parse_srv,
    sip_dns_verdict,
    sip_record_verdict,
)
from assistant.checks.integration.lync_verdicts import (
    Verdict,
    autodiscover_svc_verdict,
    ews_for_skype_verdict,
    with_bearer_trust,
)
from assistant.model import Evidence, Step, worst
from assistant.net.resolver import DnsAnswer
from assistant.text import join, msg

_WHY = {
    LYNC_AUTODISCOVER: msg(
        "Needed by Lync / Skype for Business Server: it finds Exchange (EWS, the OAuth "
        "metadata) through this service for presence, out-of-office, calendar and "
        "conversation history. Ignore it if you do not run Skype for Business Server."
    ),
    LYNC_EWS: msg(
        "Needed by Lync / Skype for Business Server: it reads out-of-office and calendar "
        "(free/busy) data from Exchange over EWS with server-to-server OAuth. Ignore it if "
        "you do not run Skype for Business Server."
    ),
    LYNC_DNS: msg(
        "Needed by Lync / Skype for Business Server: clients sign in and partners federate "
        "through these records. Ignore it if you do not run Skype for Business Server."
    ),
    LYNC_LYNCDISCOVER: msg(
        "Needed by Lync / Skype for Business Server: mobile clients and Teams interop "
        "discover the pool through lyncdiscover over HTTPS. Ignore it if you do not run "
        "Skype for Business Server."
    ),
}


def _step(
    ctx: Context, check_id: str, verdict: Verdict, evidence: list[Evidence], *extra: str
) -> Step:
    details = join(
        "\n", [t for t in (_WHY[check_id], *extra, verdict.details, sfb_support_note()) if t]
    )
    return Step(
        check_id,
        TITLES[check_id],
        verdict.status,
        summary=ctx.redactor(verdict.summary),
        details=ctx.redactor(details),
        remedy=verdict.remedy,
        evidence=evidence,
    )


def _tenant_id(ctx: Context) -> str | None:
    """The tenant integration.tenant found (None: it did not run, or found none)."""
    found = tenant_in(ctx.results)
    return found.tenant_id if found is not None else None


def check_lync_autodiscover(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, LYNC_AUTODISCOVER)) is not None:
        return skip
    side = exchange_side(ctx)
    url = side.autodiscover_svc_url
    email = ctx.target.email or f"postmaster@{ctx.target.domain}"
    body = get_user_settings_body(url, email)
    answer, evidence = probe(ctx, url, lambda: anonymous_post_soap(ctx, url, body))
    verdict = autodiscover_svc_verdict(answer, onprem=side.onprem)
    if side.onprem:  # Exchange Online's challenge trusts any tenant: nothing to compare
        verdict = with_bearer_trust(verdict, answer, _tenant_id(ctx))
    return _step(ctx, LYNC_AUTODISCOVER, verdict, evidence)


# ews.mailbox's children that read what Skype reads, and the EWS operation behind each.
_OPERATIONS = {
    f"{EWS_MAILBOX}.oof": "GetUserOofSettings",
    f"{EWS_MAILBOX}.freebusy": "GetUserAvailability",
}


def _mailbox_reads(ctx: Context) -> list[Step]:
    """ews.mailbox's out-of-office and free/busy children, when the run signed in."""
    mailbox = ctx.results.get(EWS_MAILBOX)
    if mailbox is None:
        return []
    return [c for c in mailbox.children if c.id in _OPERATIONS]


def check_lync_ews(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, LYNC_EWS)) is not None:
        return skip
    side = exchange_side(ctx)
    url = side.ews_url
    answer, evidence = probe(ctx, url, lambda: anonymous_post_soap(ctx, url, EWS_PROBE))
    verdict = ews_for_skype_verdict(answer, onprem=side.onprem)
    if side.onprem:
        verdict = with_bearer_trust(verdict, answer, _tenant_id(ctx))
    reads = _mailbox_reads(ctx)
    lines = [ews_url_source(side)]
    if reads:
        lines += [
            msg("{operation}: {summary}", operation=_OPERATIONS[step.id], summary=step.summary)
            for step in reads
        ]
        failed = [s for s in reads if s.status.is_problem]
        read = (
            join(
                "; ",
                [
                    msg(
                        "{operation} failed: {summary}",
                        operation=_OPERATIONS[s.id],
                        summary=s.summary,
                    )
                    for s in failed
                ],
            )
            if failed
            else msg("out-of-office and free/busy read for the mailbox (signed in)")
        )
        status = worst([verdict.status, *(s.status for s in reads)])
        remedy = verdict.remedy or next((s.remedy for s in failed if s.remedy is not None), None)
        verdict = Verdict(status, join("; ", [verdict.summary, read]), verdict.details, remedy)
    elif ctx.results.get(EWS_MAILBOX) is None:
        lines.append(
            msg(
                "Whether out-of-office and free/busy can be read needs a sign-in: run the "
                "ews checks with credentials (ews.mailbox) to see it."
            )
        )
    return _step(ctx, LYNC_EWS, verdict, evidence, *lines)


_SIP_RECORDS = (
    # (label, record type, expected SRV port, internal only)
    ("lyncdiscover", "A", None, False),
    ("lyncdiscoverinternal", "A", None, True),
    ("_sip._tls", "SRV", 443, False),
    ("_sipfederationtls._tcp", "SRV", 5061, False),
)


def _sip_record(label: str, answer: DnsAnswer, expected: int | None, internal: bool) -> SipRecord:
    if not answer.ok and not answer.cname_chain:  # a CNAME to a name without address counts
        return SipRecord(label, answer.name, False, internal_only=internal, expected_port=expected)
    if answer.rdtype == "SRV":
        parsed = next((p for v in answer.values if (p := parse_srv(v)) is not None), None)
        port, target = parsed if parsed is not None else (None, None)
        return SipRecord(label, answer.name, True, target, port, internal, expected)
    return SipRecord(label, answer.name, True, answer.canonical_name, None, internal, expected)


def check_lync_dns(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, LYNC_DNS)) is not None:
        return skip
    if (down := resolver_down(ctx, LYNC_DNS, TITLES[LYNC_DNS])) is not None:
        return down
    answers: list[DnsAnswer] = []
    children: list[Step] = []
    records: list[SipRecord] = []
    for label, rdtype, port, internal in _SIP_RECORDS:
        answer = ctx.resolver.query(f"{label}.{ctx.target.domain}", rdtype, deadline=ctx.deadline)
        answers.append(answer)
        record = _sip_record(label, answer, port, internal)
        records.append(record)
        found = sip_record_verdict(record)
        children.append(
            Step(
                f"{LYNC_DNS}.{label.strip('_').replace('._', '_')}",
                msg("{label} {rdtype}", label=label, rdtype=rdtype),
                found.status,
                summary=found.summary,
                evidence=[dns_evidence([answer])],
            )
        )
    pool = ctx.integration.sfb_pool if ctx.integration is not None else None
    verdict = sip_dns_verdict(records, pool_given=pool is not None)
    step = _step(ctx, LYNC_DNS, verdict, [dns_evidence(answers)])
    step.children = children
    return step


def _lyncdiscover_hosts(ctx: Context) -> list[str]:
    hosts = [f"lyncdiscover.{ctx.target.domain}"]
    pool = ctx.integration.sfb_pool if ctx.integration is not None else None
    if pool and pool not in hosts:
        hosts.append(pool)
    return hosts


def check_lync_lyncdiscover(ctx: Context) -> Step:
    if (skip := skip_unwanted(ctx, LYNC_LYNCDISCOVER)) is not None:
        return skip
    children: list[Step] = []
    evidence: list[Evidence] = []
    for index, host in enumerate(_lyncdiscover_hosts(ctx)):
        url = f"https://{host}/"
        answer, found = probe(ctx, url, partial(anonymous_get, ctx, url))
        evidence += found
        verdict = lyncdiscover_verdict(answer, host)
        children.append(
            Step(
                f"{LYNC_LYNCDISCOVER}.{'domain' if index == 0 else 'pool'}",
                msg("lyncdiscover at {host}", host=host),
                verdict.status,
                summary=ctx.redactor(verdict.summary),
                details=ctx.redactor(verdict.details),
                remedy=verdict.remedy,
                evidence=found,
            )
        )
    status = worst([c.status for c in children])
    problem = next((c for c in children if c.status is status), children[0])
    overall = Verdict(status, problem.summary, "", problem.remedy)
    step = _step(ctx, LYNC_LYNCDISCOVER, overall, [])
    step.children = children
    return step


# The tenant is required (--checks integration.lync brings it along): the Bearer challenge
# is compared with it.
_AFTER_TENANT = (RESOLVER_CHECK, RESULT_CHECK)

LYNC_AUTODISCOVER_CHECK = Check(
    LYNC_AUTODISCOVER,
    TITLES[LYNC_AUTODISCOVER],
    check_lync_autodiscover,
    requires=(TENANT,),
    after=_AFTER_TENANT,
    explicit_only=True,
)
LYNC_EWS_CHECK = Check(
    LYNC_EWS,
    TITLES[LYNC_EWS],
    check_lync_ews,
    requires=(TENANT,),
    after=(*_AFTER_TENANT, EWS_ENDPOINT, EWS_MAILBOX),
    explicit_only=True,
)
LYNC_DNS_CHECK = Check(
    LYNC_DNS, TITLES[LYNC_DNS], check_lync_dns, after=(RESOLVER_CHECK,), explicit_only=True
)
LYNC_LYNCDISCOVER_CHECK = Check(
    LYNC_LYNCDISCOVER,
    TITLES[LYNC_LYNCDISCOVER],
    check_lync_lyncdiscover,
    after=(RESOLVER_CHECK,),
    explicit_only=True,
)
