"""The catalogue's DNS behaviours: records and faults the hostile lab's DNS server
serves for <name>.hostile.test, or a resolver that misbehaves on the wire (dns.py)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.lab.dns_zone import Fault
from assistant.lab.hostile import dns as hd
from assistant.lab.hostile.behaviour import Behaviour
from assistant.lab.hostile.kit import Kit


def _dns(
    name: str,
    check: str,
    does: str,
    words: tuple[str, ...],
    serve: Callable[[Kit], object] | None = None,
    main_lab: str = "",
    **kw: object,
) -> Behaviour:
    return Behaviour(name, "dns", does, words, serve, 53, check, main_lab, **kw)  # type: ignore[arg-type]


DNS: tuple[Behaviour, ...] = (
    _dns(
        "cname-loop",
        "dns.mx",
        "the MX host is a CNAME loop",
        ("CNAME loop",),
        lambda kit: hd.cname_loop(kit.domain),
    ),
    _dns(
        "cname-chain-40",
        "dns.mx",
        "the MX host is 40 CNAMEs deep (the lab server stops at 16)",
        ("chain of 16 CNAMEs",),
        lambda kit: hd.cname_chain(kit.domain),
    ),
    _dns(
        "txt-1000-strings",
        "dns.spf",
        "an SPF record of 1,000 character-strings",
        ("SPF", "lookups", "terms"),
        lambda kit: hd.txt_1000_strings(kit.domain),
    ),
    _dns(
        "txt-1000-records",
        "dns.spf",
        "1,000 TXT records beside SPF",
        ("SPF", "include"),
        lambda kit: hd.txt_1000_records(kit.domain),
    ),
    _dns(
        "servfail",
        "dns.mx",
        "the domain's DNS answers SERVFAIL",
        ("SERVFAIL",),
        lambda kit: Fault.SERVFAIL,
    ),
    _dns(
        "silent",
        "dns.mx",
        "the domain's DNS never answers",
        ("no DNS server answered",),
        lambda kit: Fault.SILENT,
    ),
    _dns(
        "truncated-tcp-refused",
        "dns.mx",
        "every UDP answer truncated, TCP refused",
        ("TCP", "truncated", "refused", "did not answer", "resolver"),
        lambda kit: "truncate",
    ),
    _dns(
        "garbage-reply",
        "dns.mx",
        "answers with bytes that are not a DNS message",
        ("did not answer", "resolver", "malformed", "FORMERR", "garbage"),
        lambda kit: "garbage",
    ),
    _dns(
        "spf-include-50",
        "dns.spf",
        "an SPF include chain 50 deep",
        ("more than 10 DNS lookups",),
        lambda kit: hd.spf_include_chain(kit.domain),
    ),
    _dns(
        "spf-self-include",
        "dns.spf",
        "SPF that includes itself",
        ("loop",),
        lambda kit: hd.spf_self_include(kit.domain),
    ),
    _dns(
        "spf-huge",
        "dns.spf",
        "a 30 KB SPF record of 2,000 terms",
        ("SPF", "long", "terms", "lookups"),
        lambda kit: hd.spf_huge_record(kit.domain),
    ),
    _dns(
        "spf-invalid-utf8",
        "dns.spf",
        "SPF holding bytes that are not UTF-8",
        ("SPF",),
        lambda kit: hd.spf_invalid_utf8(kit.domain),
    ),
    _dns(
        "dmarc-1000-tags",
        "dns.dmarc",
        "a DMARC record with 1,000 tags",
        ("DMARC", "tag", "unknown"),
        lambda kit: hd.dmarc_tags(kit.domain),
    ),
    _dns(
        "dmarc-invalid-utf8",
        "dns.dmarc",
        "DMARC holding bytes that are not UTF-8",
        ("DMARC", "p="),
        lambda kit: hd.dmarc_invalid_utf8(kit.domain),
    ),
    # Found 2,000 lookups and 1.2 s of CPU: dns.mx now looks up the 10 most preferred.
    _dns(
        "mx-1000",
        "dns.mx",
        "1,000 MX records",
        ("990 more MX records not looked up",),
        lambda kit: hd.mx_1000(kit.domain),
    ),
    _dns(
        "lab-spf-loop",
        "dns.spf",
        "SPF includes form a loop (zones.py)",
        ("include loop",),
        main_lab="spf-loop.test",
    ),
)
