"""relay.spf_alignment: does the sender domain's SPF authorise this network's public IP?

Direct Send and connector relay hand the message to the MX endpoint from this network's
own public address, so Exchange Online (and any receiver) evaluates the sender domain's
SPF for that address, RFC 7208 check_host() (checks/policy/spf_check_host.py, pyspf).
A fail there is why such mail lands in Junk or is refused (composite authentication,
compauth) even when the send itself was accepted. SMTP AUTH and HVE mail leaves from
Microsoft's servers, which the domain's include:spf.protection.outlook.com covers, so the
check is about Direct Send and connectors only.

The address: the one the user gave (--public-ip, RelayPlan.public_ip) wins; otherwise the
one relay.port25 read from the MX's EHLO reply ("Hello [203.0.113.5]"). The verdict is a
table on the SPF result (_VERDICTS); the I/O is the evaluation around it.
"""

from __future__ import annotations

import ipaddress

from assistant.check import Check, Context
from assistant.checks.dns.common import dns_evidence
from assistant.checks.policy.spf_check_host import SpfResult, check_host
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import public_ip_in
from assistant.facts import LINKS, RELAY_LINKS
from assistant.model import Evidence, Remedy, Status, Step
from assistant.relay_plan import RelayMethod
from assistant.settings_names import setting
from assistant.text import N_, join, msg

# Addresses no receiver on the internet sees a message come from: private (RFC 1918,
# RFC 4193), carrier-grade NAT (RFC 6598), loopback and link-local.
_NOT_PUBLIC = tuple(
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "fc00::/7",
        "fe80::/10",
        "::1/128",
    )
)
MAX_EXPLANATION_CHARS = 300  # a domain's exp= text is the domain owner's, of any length

# result -> (status, summary template). Placeholders: ip, domain, mechanism, explanation.
_VERDICTS: dict[str, tuple[Status, str]] = {
    "pass": (
        Status.PASS,
        N_("{ip} is authorised by {domain}'s SPF (mechanism {mechanism})"),
    ),
    "fail": (
        Status.FAIL,
        N_(
            "{ip} is not authorised by {domain}'s SPF: the record refuses it ({mechanism}), "
            "so receivers treat mail from this network as forged"
        ),
    ),
    "softfail": (
        Status.WARN,
        N_(
            "{ip} is not authorised by {domain}'s SPF: softfail ({mechanism}); receivers "
            "accept the mail but mark it suspicious, and Exchange Online often sends it to Junk"
        ),
    ),
    "neutral": (
        Status.WARN,
        N_(
            "{domain}'s SPF neither authorises nor refuses {ip} (neutral): receivers give "
            "the mail no SPF credit, and Exchange Online may send it to Junk"
        ),
    ),
    "none": (
        Status.WARN,
        N_(
            "{domain} publishes no SPF record, so nothing authorises {ip}: receivers cannot "
            "tell mail from this network from forgeries"
        ),
    ),
    "permerror": (
        Status.FAIL,
        N_(
            "{domain}'s SPF record is broken (permerror: {explanation}); receivers treat "
            "every message from it as failing SPF, whatever the IP"
        ),
    ),
    "temperror": (
        Status.WARN,
        N_(
            "{domain}'s SPF could not be evaluated for {ip}: a DNS lookup failed "
            "(temperror: {explanation}); receivers defer or refuse mail while that lasts"
        ),
    ),
}

_ADD_IP = N_(
    "If devices on this network should send as {domain}, add {term} to {domain}'s SPF "
    "record (before the final all), e.g. {example}. Otherwise send with SMTP AUTH client "
    "submission or through a connector instead: until then, Direct Send and connector mail "
    "from {ip} fails SPF, and Exchange Online's composite authentication (compauth) sends "
    "it to Junk or rejects it."
)
_EVERYONE = N_(
    "{ip} passes only because {domain}'s SPF ends in {mechanism}, which authorises every "
    "address on the internet: anyone can send as {domain}"
)


def public_ip(ctx: Context) -> str | None:
    """The address to evaluate: the user's (--public-ip) first, else relay.port25's."""
    if ctx.relay is not None and ctx.relay.public_ip:
        return ctx.relay.public_ip.strip()
    return public_ip_in(ctx.results)


def sender_of(ctx: Context) -> tuple[str, str]:
    """(MAIL FROM, its domain): the relay sender, else the run's mailbox or domain."""
    sender = (ctx.relay.sender if ctx.relay is not None else None) or ctx.target.email
    if sender and "@" in sender:
        return sender, sender.rpartition("@")[2].lower()
    return f"postmaster@{ctx.target.domain}", ctx.target.domain


def check_spf_alignment(ctx: Context) -> Step:
    check_id, title = ids.SPF_ALIGNMENT, ids.TITLES[ids.SPF_ALIGNMENT]
    plan = ctx.relay
    if plan is not None and not (
        plan.wanted(RelayMethod.DIRECT) or plan.wanted(RelayMethod.CONNECTOR)
    ):
        return Step(
            check_id,
            title,
            Status.SKIP,
            summary=msg(
                "skipped: this run tries neither Direct Send nor connector relay; SMTP AUTH "
                "and HVE mail leaves from Microsoft's servers, which the domain's "
                "include:spf.protection.outlook.com covers"
            ),
        )
    ip = public_ip(ctx)
    if not ip:
        return Step(
            check_id,
            title,
            Status.SKIP,
            summary=msg("skipped: this network's public IP address is not known"),
            remedy=Remedy(
                msg(
                    "Give {public_ip}, or let relay.port25 learn it: it reads the address the "
                    "MX endpoint saw, when outbound port 25 is open.",
                    public_ip=setting("public_ip"),
                )
            ),
        )
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return Step(
            check_id,
            title,
            Status.SKIP,
            summary=msg(
                "skipped: '{ip}' is not an IP address; give {public_ip} as 203.0.113.5 "
                "or 2001:db8::5",
                ip=ip,
                public_ip=setting("public_ip"),
            ),
        )
    sender, domain = sender_of(ctx)
    result = check_host(
        str(address),
        domain,
        sender,
        lookup=ctx.resolver.query,
        helo=domain,
        deadline=ctx.deadline,
        token=ctx.token,
    )
    return alignment_step(result, ctx.redactor(result.explanation))


def alignment_step(result: SpfResult, explanation: str) -> Step:
    """The verdict on one evaluation (pure: the table above and the remedies)."""
    check_id, title = ids.SPF_ALIGNMENT, ids.TITLES[ids.SPF_ALIGNMENT]
    address = ipaddress.ip_address(result.ip)
    term = f"ip4:{address}" if address.version == 4 else f"ip6:{address}"
    mechanism = result.mechanism or msg("the record's default")
    if len(explanation) > MAX_EXPLANATION_CHARS:
        explanation = explanation[:MAX_EXPLANATION_CHARS] + "…"
    status, template = _VERDICTS[result.result]
    args = {"ip": result.ip, "domain": result.domain, "mechanism": mechanism}
    summary = msg(template, **args, explanation=explanation)
    if result.result == "pass" and result.mechanism in ("all", "+all"):
        status, summary = Status.WARN, msg(_EVERYONE, **args)
    return Step(
        check_id,
        title,
        status,
        summary=summary,
        details=_details(result, address),
        remedy=_remedy(result, term),
        evidence=_evidence(result, explanation),
    )


def _remedy(result: SpfResult, term: str) -> Remedy | None:
    domain = result.domain
    if result.result == "pass" and result.mechanism not in ("all", "+all"):
        return None
    if result.result == "pass":
        return Remedy(
            msg(
                "End {domain}'s SPF record with -all (or ~all) and list the senders instead: "
                "{term} for this network, include:spf.protection.outlook.com for Exchange "
                "Online.",
                domain=domain,
                term=term,
            ),
            LINKS["spf"],
        )
    if result.result == "permerror":
        return Remedy(
            msg(
                "Fix {domain}'s SPF record first (the dns.spf check says what is wrong), then "
                "add {term} to it if devices on this network send as {domain}.",
                domain=domain,
                term=term,
            ),
            LINKS["spf"],
        )
    if result.result == "temperror":
        return Remedy(
            msg(
                "Nothing to change for this: run the check again; if it keeps failing, make "
                "sure the DNS servers of the names in {domain}'s SPF record answer (dns.spf "
                "shows the lookups).",
                domain=domain,
            ),
            LINKS["spf"],
        )
    if result.result == "none" or not result.record:
        return Remedy(
            msg(
                "Publish one TXT record at {domain}: {example} (with the include only if "
                "{domain} also sends through Exchange Online). Until then, Direct Send and "
                "connector mail from {ip} gets no SPF pass, and Exchange Online's composite "
                "authentication (compauth) may send it to Junk.",
                domain=domain,
                example=f"v=spf1 {term} include:spf.protection.outlook.com -all",
                ip=result.ip,
            ),
            LINKS["spf"],
        )
    example = _with_term(result.record, term)
    return Remedy(
        msg(_ADD_IP, domain=domain, term=term, example=example, ip=result.ip),
        RELAY_LINKS["devices"],
    )


def _with_term(record: str, term: str) -> str:
    """The record with `term` right after v=spf1, where it is evaluated first."""
    version, _, rest = record.partition(" ")
    return f"{version} {term} {rest}".rstrip()


def _details(result: SpfResult, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    lines = [
        msg("SPF record of {domain}: {record}", domain=result.domain, record=result.record)
        if result.record
        else msg("{domain} has no SPF record", domain=result.domain),
        msg(
            "{lookups} of 10 DNS-querying terms used, {void} of 2 void lookups; DNS "
            "questions asked: {queries}",
            lookups=result.dns_lookups,
            void=result.void_lookups,
            queries=result.queries,
        ),
    ]
    if any(address in network for network in _NOT_PUBLIC):
        lines.append(
            msg(
                "{ip} is not a public address: receivers on the internet see the address "
                "your firewall or NAT sends from, so give that one as {public_ip}",
                ip=result.ip,
                public_ip=setting("public_ip"),
            )
        )
    return join("\n", lines)


def _evidence(result: SpfResult, explanation: str) -> list[Evidence]:
    table = {
        "ip": result.ip,
        "domain": result.domain,
        "result": result.result,
        "mechanism": result.mechanism,
        "record": result.record,
        "explanation": explanation,
        "dns_lookups": result.dns_lookups,
        "void_lookups": result.void_lookups,
    }
    return [
        Evidence("table", msg("SPF evaluation (RFC 7208 check_host)"), table),
        dns_evidence(result.answers, msg("DNS answers used by the evaluation")),
    ]


SPF_ALIGNMENT_CHECK = Check(
    id=ids.SPF_ALIGNMENT,
    title=ids.TITLES[ids.SPF_ALIGNMENT],
    run=check_spf_alignment,
    after=(ids.PORT25,),
    explicit_only=True,
)
