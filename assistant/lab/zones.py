"""DNS data for the lab: Microsoft's side of the world, a healthy tenant domain, and
one domain per fault, all served at once so a single lab covers every scenario.

Every lab host resolves to 127.0.0.1; the lab's --connect-to rules then send each
(host, port) to the server that plays it. The autodiscover scenarios are described in
autodiscover_scenarios.py; their domains' records are made here (ad_domain_records).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.lab.autodiscover_scenarios import AD_SCENARIOS, EVIL_DOMAIN, TRAP_HOST, AdScenario
from assistant.lab.dns_zone import Fault, Record
from assistant.lab.relay_scenarios import RELAY_SCENARIOS

# AD_SCENARIOS is offered here beside SCENARIOS (the table itself is in
# autodiscover_scenarios.py): the launcher, the demo and the lab's CLI list both.
__all__ = [
    "AD_SCENARIOS",
    "CLASSIC_MX_SUFFIX",
    "DKIM_KEY",
    "HEALTHY",
    "IDN_DOMAIN",
    "LOOPBACK",
    "MICROSOFT_SPF",
    "MX_HOST_SUFFIX",
    "NXDOMAIN_DOMAIN",
    "SCENARIOS",
    "DomainRecords",
    "Edit",
    "Scenario",
    "ad_domain_records",
    "evil_records",
    "healthy_domain",
    "label_of",
    "microsoft_records",
    "mta_sts_policy",
    "mx_host",
    "txt",
]

LOOPBACK = "127.0.0.1"
HEALTHY = "contoso.test"
MX_HOST_SUFFIX = "r-v1.mx.microsoft"
CLASSIC_MX_SUFFIX = "mail.protection.outlook.com"

# The shape of spf.protection.outlook.com as Microsoft publishes it (ranges abridged).
MICROSOFT_SPF = (
    "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:52.102.0.0/16 "
    "ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 -all"
)
DKIM_KEY = (
    '"v=DKIM1; k=rsa; " "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAlab0nly0key0for0the0'
    'connectivity0assistant0demo0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB"'
)


def txt(text: str) -> str:
    """TXT presentation form: one record's text in quoted strings of at most 255 bytes.
    Control characters, quotes and backslashes are written as escapes (\\DDD), so a record
    can carry the CR a Windows editor leaves in it."""
    chunks = [text[i : i + 255] for i in range(0, len(text), 255)] or [""]
    return " ".join(f'"{_escaped(c)}"' for c in chunks)


def _escaped(text: str) -> str:
    return "".join(f"\\{ord(ch):03d}" if ord(ch) < 0x20 or ch in '"\\\x7f' else ch for ch in text)


def label_of(domain: str) -> str:
    """contoso.test -> contoso-test, as Microsoft derives MX and DKIM host labels."""
    return domain.replace(".", "-")


def mx_host(domain: str) -> str:
    return f"{label_of(domain)}.{MX_HOST_SUFFIX}"


def microsoft_records() -> list[Record]:
    """The Microsoft names a healthy tenant points at."""
    return [
        Record(
            "outlook.com", "SOA", "ns1.outlook.com. hostmaster.outlook.com. 1 3600 600 86400 300"
        ),
        Record("autodiscover.outlook.com", "A", LOOPBACK),
        Record("autodiscover-s.outlook.com", "A", LOOPBACK),
        Record("outlook.office365.com", "A", LOOPBACK),
        Record("smtp.office365.com", "A", LOOPBACK),
        Record("spf.protection.outlook.com", "TXT", txt(MICROSOFT_SPF)),
        Record(
            "mail.protection.outlook.com",
            "SOA",
            "ns1.outlook.com. h.outlook.com. 1 3600 600 86400 300",
        ),
        Record(
            "mx.microsoft", "SOA", "ns1.mx.microsoft. hostmaster.mx.microsoft. 1 3600 600 86400 300"
        ),
        Record(
            "onmicrosoft.com", "SOA", "ns1.onmicrosoft.com. h.onmicrosoft.com. 1 3600 600 86400 300"
        ),
        Record("test", "SOA", "ns1.test. hostmaster.test. 1 3600 600 86400 300"),
        # A third party some fault domains point at.
        Record(
            "thirdparty-filter.test",
            "SOA",
            "ns1.thirdparty-filter.test. h.thirdparty-filter.test. 1 3600 600 86400 300",
        ),
        Record("mx1.thirdparty-filter.test", "A", LOOPBACK),
        Record("autodiscover.thirdparty-filter.test", "A", LOOPBACK),
    ]


@dataclass
class DomainRecords:
    """The records of one lab domain, editable by a fault before they are served."""

    domain: str
    records: list[Record] = field(default_factory=list)

    def add(self, name: str, rtype: str, value: str) -> None:
        full = self.domain if name == "@" else f"{name}.{self.domain}"
        self.records.append(Record(full, rtype, value))

    def drop(self, name: str, rtype: str) -> None:
        full = self.domain if name == "@" else f"{name}.{self.domain}"
        self.records = [r for r in self.records if not (r.name == full and r.rtype == rtype)]

    def replace(self, name: str, rtype: str, value: str) -> None:
        self.drop(name, rtype)
        self.add(name, rtype, value)


def healthy_domain(domain: str, mx_tlsa: str) -> tuple[DomainRecords, list[Record]]:
    """Everything right for Exchange Online worldwide; returns the domain's records and
    the Microsoft-side records that belong to this tenant (MX host, DKIM keys)."""
    label = label_of(domain)
    tenant = label.split("-")[0]
    d = DomainRecords(domain)
    d.add("@", "SOA", f"ns1.{domain}. hostmaster.{domain}. 1 3600 600 86400 300")
    d.add("@", "NS", f"ns1.{domain}.")
    d.add("ns1", "A", LOOPBACK)
    d.add(
        "@",
        "DNSKEY",
        "257 3 13 "
        "mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXc"
        "kHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==",
    )
    d.add("@", "MX", f"0 {mx_host(domain)}.")
    d.add("@", "TXT", txt("v=spf1 include:spf.protection.outlook.com -all"))
    d.add("@", "TXT", txt("MS=ms12345678"))
    d.add("_dmarc", "TXT", txt(f"v=DMARC1; p=reject; rua=mailto:dmarc@{domain}"))
    d.add(
        "selector1._domainkey", "CNAME", f"selector1-{label}._domainkey.{tenant}.onmicrosoft.com."
    )
    d.add(
        "selector2._domainkey", "CNAME", f"selector2-{label}._domainkey.{tenant}.onmicrosoft.com."
    )
    d.add("autodiscover", "CNAME", "autodiscover.outlook.com.")
    d.add("_mta-sts", "TXT", txt("v=STSv1; id=20261101T000000"))
    d.add("mta-sts", "A", LOOPBACK)
    d.add("_smtp._tls", "TXT", txt(f"v=TLSRPTv1; rua=mailto:tls-reports@{domain}"))
    microsoft = [
        Record(mx_host(domain), "A", LOOPBACK),
        Record(f"_25._tcp.{mx_host(domain)}", "TLSA", mx_tlsa),
        Record(f"selector1-{label}._domainkey.{tenant}.onmicrosoft.com", "TXT", DKIM_KEY),
        Record(f"selector2-{label}._domainkey.{tenant}.onmicrosoft.com", "TXT", DKIM_KEY),
    ]
    return d, microsoft


def mta_sts_policy(domain: str) -> str:
    return f"version: STSv1\r\nmode: enforce\r\nmx: *.{MX_HOST_SUFFIX}\r\nmax_age: 86400\r\n"


# -- faults ----------------------------------------------------------------------------

Edit = Callable[[DomainRecords], None]


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    edit: Edit | None = None
    fault: Fault | None = None  # applied to the domain name itself
    # Faults on names below the domain, by label ("slow" -> slow.<domain>): an include or
    # exists: target whose DNS does not answer.
    name_faults: tuple[tuple[str, Fault], ...] = ()
    signed: bool = True
    policy: Callable[[str], str] = mta_sts_policy

    def domain(self) -> str:
        return HEALTHY if self.name == "healthy" else f"{self.name}.test"


def _no_mx(d: DomainRecords) -> None:
    d.drop("@", "MX")


def _two_mx(d: DomainRecords) -> None:
    d.add("@", "MX", "10 mx1.thirdparty-filter.test.")


def _mx_cname(d: DomainRecords) -> None:
    d.replace("@", "MX", f"0 mail.{d.domain}.")
    d.add("mail", "CNAME", f"{mx_host(d.domain)}.")


def _cname_loop(d: DomainRecords) -> None:
    d.replace("@", "MX", f"0 mail.{d.domain}.")
    d.add("mail", "CNAME", f"loop-a.{d.domain}.")
    d.add("loop-a", "CNAME", f"loop-b.{d.domain}.")
    d.add("loop-b", "CNAME", f"loop-a.{d.domain}.")


def _two_spf(d: DomainRecords) -> None:
    d.add("@", "TXT", txt("v=spf1 include:_spf.thirdparty-filter.test ~all"))


def _spf_many(d: DomainRecords) -> None:
    includes = " ".join(f"include:s{i}.{d.domain}" for i in range(11))
    d.drop("@", "TXT")
    d.add("@", "TXT", txt(f"v=spf1 include:spf.protection.outlook.com {includes} -all"))
    for i in range(11):
        d.add(f"s{i}", "TXT", txt(f"v=spf1 ip4:192.0.2.{i} -all"))


_FAULT_WORDS = {Fault.SILENT: ("timeout", "never answers"), Fault.SERVFAIL: ("servfail", "fails")}


def _spf_with(rest: str) -> Edit:
    """The tenant's SPF with `rest` after Microsoft's include ({d}: the domain)."""

    def edit(d: DomainRecords) -> None:
        d.drop("@", "TXT")
        tail = rest.replace("{d}", d.domain)
        d.add("@", "TXT", txt(f"v=spf1 include:spf.protection.outlook.com {tail}"))

    return edit


def _spf_loop(d: DomainRecords) -> None:
    d.drop("@", "TXT")
    d.add("@", "TXT", txt(f"v=spf1 include:spf.protection.outlook.com include:a.{d.domain} -all"))
    d.add("a", "TXT", txt(f"v=spf1 include:b.{d.domain} -all"))
    d.add("b", "TXT", txt(f"v=spf1 include:a.{d.domain} -all"))


def _dmarc_bad(d: DomainRecords) -> None:
    d.replace("_dmarc", "TXT", txt("v=DMARC1; p=rejetc; pct=abc"))


def _dmarc_none(d: DomainRecords) -> None:
    d.replace("_dmarc", "TXT", txt(f"v=DMARC1; p=none; rua=mailto:dmarc@{d.domain}"))


def _no_dkim(d: DomainRecords) -> None:
    d.drop("selector1._domainkey", "CNAME")
    d.drop("selector2._domainkey", "CNAME")


def _autodiscover_thirdparty(d: DomainRecords) -> None:
    d.replace("autodiscover", "CNAME", "autodiscover.thirdparty-filter.test.")


def _msoid(d: DomainRecords) -> None:
    d.add("msoid", "CNAME", "clientconfig.microsoftonline-p.net.")


def _big_txt(d: DomainRecords) -> None:
    chunk = "x" * 250
    filler = " ".join(f'"{chunk}"' for _ in range(16))  # ~4 KB in one TXT record
    d.add("@", "TXT", f'"google-site-verification=lab" {filler}')


def _sts_mismatch(_: DomainRecords) -> None:
    pass  # the policy below is what is wrong


def _sts_mismatch_policy(domain: str) -> str:
    return "version: STSv1\r\nmode: enforce\r\nmx: mail.example.net\r\nmax_age: 86400\r\n"


def _dane_mismatch(d: DomainRecords) -> None:
    pass  # handled in tenant: the TLSA names a different certificate


def _teams(d: DomainRecords) -> None:
    d.add("_sipfederationtls._tcp", "SRV", "100 1 5061 sipfed.online.lync.com.")
    d.add("_sip._tls", "SRV", "100 1 443 sipdir.online.lync.com.")
    d.add("sip", "CNAME", "sipdir.online.lync.com.")
    d.add("lyncdiscover", "CNAME", "webdir.online.lync.com.")


def _spf_is(record: str) -> Edit:
    """The domain's SPF record is `record` (the relay scenarios', relay_scenarios.py)."""

    def edit(d: DomainRecords) -> None:
        d.records = [
            r
            for r in d.records
            if not (r.name == d.domain and r.rtype == "TXT" and "v=spf1" in r.value)
        ]
        d.add("@", "TXT", txt(record))

    return edit


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario(
            "healthy",
            "Exchange Online worldwide, everything right",
            _spf_is(RELAY_SCENARIOS["healthy"].spf),
        ),
        Scenario("no-mx", "the domain exists but has no MX record (NODATA)", _no_mx),
        Scenario("two-mx", "MX to Microsoft 365 and to a third-party filter", _two_mx),
        Scenario("mx-cname", "the MX host is a CNAME", _mx_cname),
        Scenario("cname-loop", "the MX host is a CNAME loop", _cname_loop),
        Scenario("two-spf", "two SPF records", _two_spf),
        Scenario("spf-many", "SPF needs more than 10 DNS lookups", _spf_many),
        Scenario("spf-loop", "SPF includes form a loop", _spf_loop),
        Scenario(
            "spf-ctrl",
            "a carriage return between two SPF terms (a record pasted from a Windows editor)",
            _spf_with("a:mail.{d}\rptr -all"),
        ),
        *(
            Scenario(
                f"spf-{where}-{_FAULT_WORDS[fault][0]}",
                f"the DNS of the SPF {term} target {_FAULT_WORDS[fault][1]}",
                _spf_with(term.replace("{x}", "down.{d}")),
                name_faults=(("down", fault),),
            )
            for where, term in (
                ("include", "include:{x} -all"),
                ("exists", "exists:{x} -all"),
                ("redirect", "redirect={x}"),
            )
            for fault in (Fault.SILENT, Fault.SERVFAIL)
        ),
        Scenario("dmarc-bad", "DMARC record with syntax errors", _dmarc_bad),
        Scenario("dmarc-none", "DMARC p=none", _dmarc_none),
        Scenario("no-dkim", "no DKIM selector CNAMEs", _no_dkim),
        Scenario("ad-thirdparty", "autodiscover CNAME to a third party", _autodiscover_thirdparty),
        Scenario("msoid", "an msoid CNAME in a worldwide tenant", _msoid),
        Scenario("big-txt", "a 4 KB TXT record beside SPF (needs DNS over TCP)", _big_txt),
        Scenario("servfail", "the domain's DNS answers SERVFAIL", fault=Fault.SERVFAIL),
        Scenario("silent", "the domain's DNS never answers", fault=Fault.SILENT),
        Scenario("unsigned", "a zone with DNSKEY that does not validate", signed=False),
        Scenario(
            "sts-mismatch",
            "MTA-STS policy that does not cover the MX",
            _sts_mismatch,
            policy=_sts_mismatch_policy,
        ),
        Scenario("dane-mismatch", "TLSA that does not match the MX certificate", _dane_mismatch),
        Scenario("teams", "legacy Skype for Business Online records", _teams),
        *(
            Scenario(r.name, r.description, _spf_is(r.spf))
            for r in RELAY_SCENARIOS.values()
            if r.name != "healthy"
        ),
    )
}
# A non-ASCII domain (müller.test), healthy, to prove IDNA handling end to end.
IDN_DOMAIN = "xn--mller-kva.test"
NXDOMAIN_DOMAIN = "does-not-exist.test"


def ad_domain_records(scenario: AdScenario) -> list[Record]:
    """An on-premises style domain: MX to mail.<domain>, the bare name and mail.<domain>
    resolving, autodiscover.<domain> and the SRV record as the scenario says."""
    if scenario.cloud:
        return []  # healthy_domain() already serves it, CNAME to autodiscover.outlook.com
    domain = scenario.domain()
    d = DomainRecords(domain)
    d.add("@", "SOA", f"ns1.{domain}. hostmaster.{domain}. 1 3600 600 86400 300")
    d.add("@", "NS", f"ns1.{domain}.")
    d.add("ns1", "A", LOOPBACK)
    d.add("@", "A", LOOPBACK)
    d.add("@", "MX", f"10 mail.{domain}.")
    d.add("@", "TXT", txt("v=spf1 mx -all"))
    d.add("mail", "A", LOOPBACK)
    if scenario.autodiscover is not None:
        d.add("autodiscover", "A", LOOPBACK)
    if scenario.srv:
        host, _, port = scenario.fill(scenario.srv).rpartition(":")
        d.add("_autodiscover._tcp", "SRV", f"0 0 {port} {host}.")
    if scenario.hybrid_domain:
        h = scenario.hybrid_domain
        d.records += [
            Record(h, "SOA", f"ns1.{domain}. hostmaster.{domain}. 1 3600 600 86400 300"),
            Record(h, "A", LOOPBACK),
            Record(f"mail.{h}", "A", LOOPBACK),
        ]
    return d.records


def evil_records() -> list[Record]:
    """A third party's domain that autodiscover redirects and SRV records point at."""
    return [
        Record(EVIL_DOMAIN, "SOA", f"ns1.{EVIL_DOMAIN}. h.{EVIL_DOMAIN}. 1 3600 600 86400 300"),
        Record(EVIL_DOMAIN, "A", LOOPBACK),
        Record(f"autodiscover.{EVIL_DOMAIN}", "A", LOOPBACK),
        Record(TRAP_HOST, "A", LOOPBACK),
        Record(f"mail.{EVIL_DOMAIN}", "A", LOOPBACK),
    ]
