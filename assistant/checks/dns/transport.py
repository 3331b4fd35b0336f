"""dns.mta_sts, dns.tlsrpt, dns.dnssec, dns.dane: how securely mail reaches the domain."""

from __future__ import annotations

import socket

from assistant.checks.dns.common import child, dns_evidence, lookup_failed, resolver_down
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
from assistant.net.tls import TlsHandshakeError, sent_chain_der
from assistant.net.transcript import Transcript
from assistant.runner import Context

MTA_STS_MAX_BYTES = 64 * 1024  # RFC 8461 §3.3 lets senders cap the policy size
SMTP_PORT = 25


def _mx_hosts(ctx: Context) -> tuple[list[str], DnsAnswer]:
    answer = ctx.resolver.query(ctx.target.domain, "MX", deadline=ctx.deadline)
    hosts = [v.split()[-1].rstrip(".").lower() for v in answer.values]
    return [h for h in hosts if h], answer


def check_mta_sts(ctx: Context) -> Step:
    check_id, title = "dns.mta_sts", "MTA-STS policy"
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    domain = ctx.target.domain
    txt = ctx.resolver.query(f"_mta-sts.{domain}", "TXT", deadline=ctx.deadline)
    if txt.outcome.is_failure:
        return lookup_failed(check_id, title, txt)
    records = mta_sts_records_in(txt.values)
    evidence: list[Evidence] = [dns_evidence([txt])]
    remedy_link = LINKS["mta_sts"]
    if not records:
        return Step(
            check_id,
            title,
            Status.INFO,
            summary="no MTA-STS record: senders may deliver without TLS if it is stripped",
            remedy=Remedy(
                f"Optional: publish _mta-sts.{domain} TXT and a policy at "
                f"https://mta-sts.{domain}/.well-known/mta-sts.txt",
                remedy_link,
            ),
            evidence=evidence,
        )
    problems: list[str] = []
    if len(records) > 1:
        problems.append(f"{len(records)} MTA-STS TXT records; senders ignore them all")
    parsed_txt = parse_mta_sts_txt(records[0])
    problems.extend(parsed_txt.errors)
    url = f"https://mta-sts.{domain}/.well-known/mta-sts.txt"
    policy_step: Step
    try:
        response = https_request(ctx.net, url, max_bytes=MTA_STS_MAX_BYTES)
    except HttpError as exc:
        problems.append(f"the policy could not be fetched: {exc.message}")
        if exc.tls is not None:
            evidence.append(exc.tls.to_evidence(f"TLS mta-sts.{domain}"))
        policy_step = Step("dns.mta_sts.policy", "Policy file", Status.FAIL, summary=exc.message)
    else:
        evidence.append(response.to_evidence(ctx.redactor))
        if response.tls is not None:
            evidence.append(response.tls.to_evidence(f"TLS mta-sts.{domain}"))
        policy_step = _policy_step(ctx, response.status, response.text(), response.truncated)
        problems.extend(
            policy_step.details.splitlines() if policy_step.status is Status.FAIL else []
        )
    if problems:
        return Step(
            check_id,
            title,
            Status.FAIL,
            summary="MTA-STS is published but inconsistent: " + "; ".join(problems),
            remedy=Remedy(
                "Fix the policy so senders can use it, or remove the _mta-sts TXT record: a "
                "broken policy in enforce mode makes senders defer mail to you.",
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


def _policy_step(ctx: Context, status: int, text: str, truncated: bool) -> Step:
    step_id, title = "dns.mta_sts.policy", "Policy file"
    if status != 200:
        return Step(step_id, title, Status.FAIL, summary=f"HTTP {status}", details=f"HTTP {status}")
    if truncated:
        message = f"the policy is larger than {MTA_STS_MAX_BYTES} bytes"
        return Step(step_id, title, Status.FAIL, summary=message, details=message)
    policy = parse_mta_sts_policy(text)
    if policy.errors:
        return Step(
            step_id,
            title,
            Status.FAIL,
            summary="; ".join(policy.errors),
            details="\n".join(policy.errors),
        )
    hosts, mx_answer = _mx_hosts(ctx)
    missing = uncovered_mx(policy, hosts)
    if missing and policy.mode != "none":
        message = f"the policy's mx: lines do not cover {', '.join(missing)}"
        return Step(step_id, title, Status.FAIL, summary=message, details=message)
    summary = f"mode {policy.mode}, mx {', '.join(policy.mx) or '-'}, max_age {policy.max_age}"
    status_out = Status.PASS if policy.mode == "enforce" else Status.INFO
    return Step(step_id, title, status_out, summary=summary, evidence=[dns_evidence([mx_answer])])


def check_tlsrpt(ctx: Context) -> Step:
    check_id, title = "dns.tlsrpt", "SMTP TLS reporting (TLS-RPT)"
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    answer = ctx.resolver.query(f"_smtp._tls.{ctx.target.domain}", "TXT", deadline=ctx.deadline)
    if answer.outcome.is_failure:
        return lookup_failed(check_id, title, answer)
    evidence = [dns_evidence([answer])]
    records = tlsrpt_records_in(answer.values)
    if not records:
        return Step(
            check_id,
            title,
            Status.INFO,
            summary="no TLS-RPT record: you get no reports of TLS failures delivering to you",
            remedy=Remedy(
                f"Optional: _smtp._tls.{ctx.target.domain} TXT "
                f'"v=TLSRPTv1; rua=mailto:tls-reports@{ctx.target.domain}"',
                LINKS["tlsrpt"],
            ),
            evidence=evidence,
        )
    parsed = parse_tlsrpt(records[0])
    if parsed.errors or len(records) > 1:
        errors = list(parsed.errors) + (["several TLS-RPT records"] if len(records) > 1 else [])
        return Step(
            check_id,
            title,
            Status.WARN,
            summary="TLS-RPT record is invalid: " + "; ".join(errors),
            remedy=Remedy("Correct the record; reporters ignore an invalid one.", LINKS["tlsrpt"]),
            evidence=evidence,
        )
    return Step(
        check_id,
        title,
        Status.INFO,
        summary="reports go to " + ", ".join(parsed.rua),
        evidence=evidence,
    )


def check_dnssec(ctx: Context) -> Step:
    check_id, title = "dns.dnssec", "DNSSEC"
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
            summary=f"{domain} is signed and your resolver validated it (AD bit set)",
            evidence=evidence,
        )
    if dnskey.ok:
        return Step(
            check_id,
            title,
            Status.WARN,
            summary=f"{domain} publishes DNSKEY records, but the resolver did not validate them",
            details="Either the resolver does not validate DNSSEC, or validation failed "
            "(then a validating resolver answers SERVFAIL).",
            remedy=Remedy(
                "Check the DS record at the registrar matches the zone's keys, and test "
                "with a validating resolver via --nameserver.",
                LINKS["dnssec"],
            ),
            evidence=evidence,
        )
    return Step(
        check_id,
        title,
        Status.INFO,
        summary=f"{domain} is not DNSSEC-signed (or the resolver does not validate)",
        remedy=Remedy(
            "Optional: sign the zone at your DNS host; Exchange Online supports inbound "
            "DNSSEC and DANE with the *.mx.microsoft MX form.",
            LINKS["dnssec"],
        ),
        evidence=evidence,
    )


def check_dane(ctx: Context) -> Step:
    check_id, title = "dns.dane", "DANE TLSA records for the MX hosts"
    if (skip := resolver_down(ctx, check_id, title)) is not None:
        return skip
    hosts, mx_answer = _mx_hosts(ctx)
    answers: list[DnsAnswer] = [mx_answer]
    children: list[Step] = []
    for index, host in enumerate(hosts, start=1):
        tlsa = ctx.resolver.query(f"_{SMTP_PORT}._tcp.{host}", "TLSA", deadline=ctx.deadline)
        answers.append(tlsa)
        if tlsa.outcome.is_failure:
            children.append(lookup_failed(f"dns.dane.host.{index}", host, tlsa))
        elif tlsa.ok:
            children.append(_verify_tlsa(ctx, index, host, tlsa))
        else:
            children.append(
                child(f"dns.dane.host.{index}", host, Status.INFO, "no TLSA record", tlsa)
            )
    published = [c for c in children if c.summary != "no TLSA record"]
    evidence = [dns_evidence(answers)]
    if not published:
        return Step(
            check_id,
            title,
            Status.INFO,
            summary="no TLSA records for the MX hosts (DANE not in use)",
            evidence=evidence,
            children=children,
        )
    status = worst([c.status for c in published])
    summary = "; ".join(f"{c.title}: {c.summary}" for c in published)
    remedy = None
    if status is Status.FAIL:
        remedy = Remedy(
            "Publish TLSA records that match the certificate the MX serves now (or remove "
            "them): senders that use DANE will not deliver while they mismatch.",
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
    try:
        records = [Tlsa.parse(v) for v in tlsa.values]
    except ValueError as exc:
        return child(step_id, host, Status.FAIL, str(exc), tlsa)
    transcript = Transcript(f"SMTP {host}:{SMTP_PORT}", ctx.redactor)
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
            host,
            Status.WARN,
            summary=f"TLSA published, but the certificate could not be fetched: {message}",
            details="Outbound port 25 is often blocked by ISPs and firewalls; run this from a "
            "network that may send SMTP.",
            evidence=evidence,
        )
    try:
        chain = sent_chain_der(ssock)
    finally:
        net.close(ssock)
    evidence.append(inspection.to_evidence(f"TLS {host}:{SMTP_PORT}"))
    evidence.append(transcript.to_evidence())
    matched = [r for r in records if tlsa_matches(r, chain)]
    if matched:
        summary = f"certificate matches TLSA ({matched[0].describe()})"
        if not tlsa.authenticated:
            return Step(
                step_id,
                host,
                Status.WARN,
                summary=summary + ", but the TLSA answer was not DNSSEC-validated, so "
                "senders ignore it",
                evidence=evidence,
            )
        return Step(step_id, host, Status.PASS, summary=summary, evidence=evidence)
    expected = tlsa_for(chain[0]) if chain else "(no certificate)"
    return Step(
        step_id,
        host,
        Status.FAIL,
        summary="no TLSA record matches the certificate the MX serves",
        details=f"Published: {', '.join(tlsa.values)}\nA record for the current certificate: "
        f"{expected}",
        evidence=evidence,
    )
