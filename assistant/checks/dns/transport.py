"""dns.mta_sts, dns.tlsrpt, dns.dnssec, dns.dane: how securely mail reaches the domain."""

from __future__ import annotations

import socket

from assistant.check import Context
from assistant.checks.dns.common import (
    child,
    dns_evidence,
    first_lookup,
    lookup_failed,
    resolver_down,
)
from assistant.checks.policy.dane import Tlsa, tlsa_for, tlsa_matches
from assistant.checks.policy.mta_sts import (
    mta_sts_records_in,
    parse_mta_sts_policy,
    parse_mta_sts_txt,
    uncovered_mx,
)
from assistant.checks.policy.tlsrpt import parse_tlsrpt, tlsrpt_records_in
from assistant.facts import LINKS
from assistant.model import Evidence, Remedy, Status, Step, worst
from assistant.net.connect import ConnectError
from assistant.net.http import HttpError, https_request
from assistant.net.resolver import DnsAnswer
from assistant.net.starttls import ProtocolError, smtp_starttls
from assistant.net.tls import TlsHandshakeError
from assistant.net.tls_inspection import sent_chain_der
from assistant.net.transcript import Transcript
from assistant.settings_names import setting
from assistant.text import Text, join, msg, verbatim

MTA_STS_MAX_BYTES = 64 * 1024  # RFC 8461 §3.3 lets senders cap the policy size
SMTP_PORT = 25


def _mx_hosts(ctx: Context) -> tuple[list[str], DnsAnswer]:
    answer = ctx.resolver.query(ctx.target.domain, "MX", deadline=ctx.deadline)
    hosts = [v.split()[-1].rstrip(".").lower() for v in answer.values]
    return [h for h in hosts if h], answer


def check_mta_sts(ctx: Context) -> Step:
    check_id, title = "dns.mta_sts", msg("MTA-STS policy")
    domain = ctx.target.domain
    txt = first_lookup(ctx, check_id, title, f"_mta-sts.{domain}", "TXT")
    if isinstance(txt, Step):
        return txt
    records = mta_sts_records_in(txt.values)
    evidence: list[Evidence] = [dns_evidence([txt])]
    remedy_link = LINKS["mta_sts"]
    if not records:
        return Step(
            check_id,
            title,
            Status.INFO,
            summary=msg("no MTA-STS record: senders may deliver without TLS if it is stripped"),
            remedy=Remedy(
                msg(
                    "Optional: publish _mta-sts.{domain} TXT and a policy at {url}",
                    domain=domain,
                    url=f"https://mta-sts.{domain}/.well-known/mta-sts.txt",
                ),
                remedy_link,
            ),
            evidence=evidence,
        )
    problems: list[str] = []
    if len(records) > 1:
        problems.append(
            msg("{count} MTA-STS TXT records; senders ignore them all", count=len(records))
        )
    parsed_txt = parse_mta_sts_txt(records[0])
    problems.extend(parsed_txt.errors)
    url = f"https://mta-sts.{domain}/.well-known/mta-sts.txt"
    policy_step: Step
    try:
        response = https_request(ctx.net, url, max_bytes=MTA_STS_MAX_BYTES)
    except HttpError as exc:
        problems.append(msg("the policy could not be fetched: {error}", error=exc.message))
        if exc.tls is not None:
            evidence.append(exc.tls.to_evidence(_tls_label(f"mta-sts.{domain}")))
        policy_step = Step(
            "dns.mta_sts.policy", msg("Policy file"), Status.FAIL, summary=verbatim(exc.message)
        )
    else:
        evidence.append(response.to_evidence(ctx.redactor))
        if response.tls is not None:
            evidence.append(response.tls.to_evidence(_tls_label(f"mta-sts.{domain}")))
        policy_step, policy_problems = _policy_step(
            ctx, response.status, response.text(), response.truncated
        )
        problems.extend(policy_problems)
    if problems:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary=msg(
                "MTA-STS is published but inconsistent: {problems}",
                problems=join("; ", problems),
            ),
            remedy=Remedy(
                msg(
                    "Fix the policy so senders can use it, or remove the _mta-sts TXT record: a "
                    "broken policy in enforce mode makes senders defer mail to you."
                ),
                remedy_link,
            ),
            evidence=evidence,
            children=[policy_step],
        )
    return Step(
        check_id,
        title,
        policy_step.status,
        summary=policy_step.summary,
        evidence=evidence,
        children=[policy_step],
    )


def _tls_label(host: str) -> str:
    return msg("TLS {host}", host=host)


def _policy_step(ctx: Context, status: int, text: str, truncated: bool) -> tuple[Step, list[str]]:
    """The policy file's step, and the problems that make it unusable (empty when none)."""
    step_id, title = "dns.mta_sts.policy", msg("Policy file")
    problems: list[str]
    if status != 200:
        message = msg("HTTP {status}", status=status)
        problems = [message]
    elif truncated:
        message = msg("the policy is larger than {limit} bytes", limit=MTA_STS_MAX_BYTES)
        problems = [message]
    else:
        policy = parse_mta_sts_policy(text)
        if policy.errors:
            problems = list(policy.errors)
            step = Step(
                step_id,
                title,
                Status.FAIL,
                summary=join("; ", problems),
                details=join("\n", problems),
            )
            return step, problems
        hosts, mx_answer = _mx_hosts(ctx)
        missing = uncovered_mx(policy, hosts)
        if not missing or policy.mode == "none":
            summary = msg(
                "mode {mode}, mx {mx}, max_age {max_age}",
                mode=str(policy.mode),
                mx=", ".join(policy.mx) or "-",
                max_age=str(policy.max_age),
            )
            status_out = Status.PASS if policy.mode == "enforce" else Status.INFO
            step = Step(
                step_id, title, status_out, summary=summary, evidence=[dns_evidence([mx_answer])]
            )
            return step, []
        message = msg("the policy's mx: lines do not cover {hosts}", hosts=", ".join(missing))
        problems = [message]
    return Step(step_id, title, Status.FAIL, summary=message, details=message), problems


def check_tlsrpt(ctx: Context) -> Step:
    check_id, title = "dns.tlsrpt", msg("SMTP TLS reporting (TLS-RPT)")
    answer = first_lookup(ctx, check_id, title, f"_smtp._tls.{ctx.target.domain}", "TXT")
    if isinstance(answer, Step):
        return answer
    evidence = [dns_evidence([answer])]
    records = tlsrpt_records_in(answer.values)
    if not records:
        return Step(
            check_id,
            title,
            Status.INFO,
            summary=msg("no TLS-RPT record: you get no reports of TLS failures delivering to you"),
            remedy=Remedy(
                msg(
                    "Optional: _smtp._tls.{domain} TXT {record}",
                    domain=ctx.target.domain,
                    record=f'"v=TLSRPTv1; rua=mailto:tls-reports@{ctx.target.domain}"',
                ),
                LINKS["tlsrpt"],
            ),
            evidence=evidence,
        )
    parsed = parse_tlsrpt(records[0])
    if parsed.errors or len(records) > 1:
        errors: list[str] = list(parsed.errors)
        if len(records) > 1:
            errors.append(msg("several TLS-RPT records"))
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=msg("TLS-RPT record is invalid: {problems}", problems=join("; ", errors)),
            remedy=Remedy(
                msg("Correct the record; reporters ignore an invalid one."), LINKS["tlsrpt"]
            ),
            evidence=evidence,
        )
    return Step(
        check_id,
        title,
        Status.INFO,
        summary=msg("reports go to {addresses}", addresses=", ".join(parsed.rua)),
        evidence=evidence,
    )


def check_dnssec(ctx: Context) -> Step:
    check_id, title = "dns.dnssec", msg("DNSSEC")
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    domain = ctx.target.domain
    soa = ctx.resolver.query(domain, "SOA", deadline=ctx.deadline, want_dnssec=True)
    dnskey = ctx.resolver.query(domain, "DNSKEY", deadline=ctx.deadline, want_dnssec=True)
    evidence = [dns_evidence([soa, dnskey])]
    if soa.authenticated:
        return Step(
            check_id,
            title,
            Status.PASS,
            summary=msg(
                "{domain} is signed and your resolver validated it (AD bit set)", domain=domain
            ),
            evidence=evidence,
        )
    if dnskey.ok:
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=msg(
                "{domain} publishes DNSKEY records, but the resolver did not validate them",
                domain=domain,
            ),
            details=msg(
                "Either the resolver does not validate DNSSEC, or validation failed "
                "(then a validating resolver answers SERVFAIL)."
            ),
            remedy=Remedy(
                msg(
                    "Check the DS record at the registrar matches the zone's keys, and test "
                    "with a validating resolver as {nameserver}.",
                    nameserver=setting("nameserver"),
                ),
                LINKS["dnssec"],
            ),
            evidence=evidence,
        )
    return Step(
        check_id,
        title,
        Status.INFO,
        summary=msg(
            "{domain} is not DNSSEC-signed (or the resolver does not validate)", domain=domain
        ),
        remedy=Remedy(
            msg(
                "Optional: sign the zone at your DNS host; Exchange Online supports inbound "
                "DNSSEC and DANE with the *.mx.microsoft MX form."
            ),
            LINKS["dnssec"],
        ),
        evidence=evidence,
    )


def check_dane(ctx: Context) -> Step:
    check_id, title = "dns.dane", msg("DANE TLSA records for the MX hosts")
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    hosts, mx_answer = _mx_hosts(ctx)
    answers: list[DnsAnswer] = [mx_answer]
    children: list[Step] = []
    for index, host in enumerate(hosts, start=1):
        tlsa = ctx.resolver.query(f"_{SMTP_PORT}._tcp.{host}", "TLSA", deadline=ctx.deadline)
        answers.append(tlsa)
        if tlsa.outcome.is_failure:
            children.append(lookup_failed(f"dns.dane.host.{index}", verbatim(host), tlsa))
        elif tlsa.ok:
            children.append(_verify_tlsa(ctx, index, host, tlsa))
        else:
            none = msg("no TLSA record")
            children.append(
                child(f"dns.dane.host.{index}", verbatim(host), Status.INFO, none, tlsa)
            )
    published = [c for c in children if c.summary != "no TLSA record"]
    evidence = [dns_evidence(answers)]
    if not published:
        return Step(
            check_id,
            title,
            Status.INFO,
            summary=msg("no TLSA records for the MX hosts (DANE not in use)"),
            evidence=evidence,
            children=children,
        )
    status = worst([c.status for c in published])
    summary = join(
        "; ", [msg("{host}: {summary}", host=c.title, summary=c.summary) for c in published]
    )
    remedy = None
    if status is Status.FAIL:
        remedy = Remedy(
            msg(
                "Publish TLSA records that match the certificate the MX serves now (or remove "
                "them): senders that use DANE will not deliver while they mismatch."
            ),
            LINKS["dnssec"],
        )
    return Step(
        check_id,
        title,
        status,
        summary=summary,
        remedy=remedy,
        evidence=evidence,
        children=children,
    )


def _verify_tlsa(ctx: Context, index: int, host: str, tlsa: DnsAnswer) -> Step:
    step_id = f"dns.dane.host.{index}"
    title = verbatim(host)
    try:
        records = [Tlsa.parse(v) for v in tlsa.values]
    except ValueError as exc:
        return child(step_id, title, Status.FAIL, _exception_text(exc), tlsa)
    transcript = Transcript(msg("SMTP {host}:{port}", host=host, port=SMTP_PORT), ctx.redactor)
    evidence: list[Evidence] = [dns_evidence([tlsa])]
    net = ctx.net

    def preamble(sock: socket.socket) -> None:
        smtp_starttls(sock, "connectivity-assistant.invalid", transcript)

    try:
        # DANE replaces the public CA check: validate against TLSA, not the trust store.
        ssock, inspection, _ = net.tls(host, SMTP_PORT, preamble=preamble, verify=False)
    except (ConnectError, TlsHandshakeError, ProtocolError, OSError) as exc:
        evidence.append(transcript.to_evidence())
        message = getattr(exc, "message", None) or str(exc)
        return Step(
            step_id,
            title,
            Status.WARN,
            summary=msg(
                "TLSA published, but the certificate could not be fetched: {error}", error=message
            ),
            details=msg(
                "Outbound port 25 is often blocked by ISPs and firewalls; run this from a "
                "network that may send SMTP."
            ),
            evidence=evidence,
        )
    try:
        chain = sent_chain_der(ssock)
    finally:
        net.close(ssock)
    evidence.append(inspection.to_evidence(msg("TLS {host}:{port}", host=host, port=SMTP_PORT)))
    evidence.append(transcript.to_evidence())
    matched = [r for r in records if tlsa_matches(r, chain)]
    if matched:
        usage = matched[0].describe()
        if not tlsa.authenticated:
            return Step(
                step_id,
                title,
                Status.WARN,
                summary=msg(
                    "certificate matches TLSA ({usage}), but the TLSA answer was not "
                    "DNSSEC-validated, so senders ignore it",
                    usage=usage,
                ),
                evidence=evidence,
            )
        summary = msg("certificate matches TLSA ({usage})", usage=usage)
        return Step(step_id, title, Status.PASS, summary=summary, evidence=evidence)
    published = ", ".join(tlsa.values)
    return Step(
        step_id,
        title,
        Status.FAIL,
        summary=msg("no TLSA record matches the certificate the MX serves"),
        details=msg(
            "Published: {records}\nA record for the current certificate: {record}",
            records=published,
            record=tlsa_for(chain[0]),
        )
        if chain
        else msg(
            "Published: {records}\nA record for the current certificate: (no certificate)",
            records=published,
        ),
        evidence=evidence,
    )


def _exception_text(exc: Exception) -> str:
    """The exception's message, kept translatable when we wrote it with msg()."""
    said = exc.args[0] if len(exc.args) == 1 else None
    return said if isinstance(said, Text) else verbatim(str(exc))
