"""The lab's autodiscover scenarios (AD_SCENARIOS): one domain per autodiscover fault, each
saying which listener plays autodiscover.<domain>, the bare domain and mail.<domain>, and
how the autodiscover service misbehaves.

A table of its own, apart from the DNS data: zones.py turns each scenario into the
domain's records (ad_domain_records) and offers the table beside its DNS scenarios, and
tenant.py wires the servers that answer each host.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.lab.exchange.faults import AdFault, Listener
from assistant.lab.integration_scenarios import INTEGRATION_SCENARIOS

# One domain per autodiscover fault, all served at once. The POX candidate at
# autodiscover.<domain> shows the fault; the bare domain refuses connections unless a
# scenario says otherwise. Tenant wiring (which server answers each host) is in tenant.py.


@dataclass(frozen=True)
class AdScenario:
    name: str
    description: str
    autodiscover: Listener | None = Listener.GOOD  # autodiscover.<domain>:443 (None: no A)
    http: Listener | None = Listener.HTTP  # autodiscover.<domain>:80
    root: Listener = Listener.DEAD  # <domain>:443 and :80
    mail: bool = False  # mail.<domain> serves Exchange (autodiscover, MAPI) with a good cert
    fault: AdFault | None = None  # how autodiscover.<domain> misbehaves, on every path
    srv: str | None = None  # _autodiscover._tcp target as "host:port" ({domain} filled in)
    redirect_chain: tuple[str, ...] = ()  # redirectAddr hops by local part, from admin
    redirect_url: str | None = None  # admin@'s redirectUrl ({domain} filled in)
    http_redirect: str | None = None  # Location for autodiscover.<domain>:80 and the fault
    cloud: bool = False  # Exchange Online; its DNS is SCENARIOS['healthy']'s
    # Hybrid: the organisation's second domain. admin@ gets redirectAddr admin@<it> after
    # sign-in, and that address a redirectUrl to mail.<it>, which has the settings.
    hybrid_domain: str | None = None

    def domain(self) -> str:
        return f"{self.name}.test"

    def fill(self, template: str) -> str:
        return template.replace("{domain}", self.domain())


EVIL_DOMAIN = "evil-lab.test"
_EVIL_POX = f"https://autodiscover.{EVIL_DOMAIN}/autodiscover/autodiscover.xml"
TRAP_HOST = f"adtrap.{EVIL_DOMAIN}"  # answers redirectAddr to its own domain (exchange/bait.py)
_TRAP_POX = f"https://{TRAP_HOST}/autodiscover/autodiscover.xml"

AD_SCENARIOS: dict[str, AdScenario] = {
    s.name: s
    for s in (
        AdScenario(
            "fabrikam",
            "on-premises Exchange, healthy: autodiscover.* and mail.*, website at the root",
            root=Listener.GOOD,
            mail=True,
        ),
        AdScenario(
            "contoso",
            "Exchange Online, healthy: v2 and the port-80 redirect to autodiscover-s",
            autodiscover=Listener.MICROSOFT,
            cloud=True,
        ),
        AdScenario(
            "ad-dead",
            "every autodiscover candidate refuses connections",
            Listener.DEAD,
            http=Listener.DEAD,
        ),
        AdScenario(
            "ad-slow",
            "autodiscover.* accepts TLS and the request, then never answers",
            Listener.SLOW,
            http=Listener.DEAD,
        ),
        AdScenario(
            "ad-401",
            "autodiscover rejects every sign-in, even a valid one",
            fault=AdFault.ALWAYS_401,
        ),
        AdScenario(
            "ad-403",
            "autodiscover answers 403 Forbidden after sign-in",
            fault=AdFault.FORBIDDEN_403,
        ),
        AdScenario(
            "ad-404",
            "no autodiscover virtual directory: 404 on every path",
            fault=AdFault.NOT_FOUND_404,
        ),
        AdScenario("ad-500", "autodiscover fails with 500 after sign-in", fault=AdFault.ERROR_500),
        AdScenario(
            "ad-wrongname",
            "autodiscover.* presents a certificate for another name",
            Listener.WRONG_NAME,
        ),
        AdScenario(
            "ad-expired", "autodiscover.* presents an expired certificate", Listener.EXPIRED
        ),
        AdScenario(
            "ad-nochain",
            "autodiscover.* does not send its intermediate certificate",
            Listener.NO_INTERMEDIATE,
        ),
        AdScenario(
            "ad-untrusted",
            "autodiscover.* has a certificate from an untrusted CA",
            Listener.UNTRUSTED,
        ),
        AdScenario(
            "ad-loop",
            "redirectAddr loop: admin@ -> loop-b@ -> admin@",
            redirect_chain=("admin", "loop-b", "admin"),
        ),
        AdScenario(
            "ad-chain",
            "three redirectAddr hops (admin@ -> hop1@ -> hop2@ -> hop3@), then settings",
            redirect_chain=("admin", "hop1", "hop2", "hop3"),
        ),
        AdScenario(
            "ad-redirect-foreign",
            f"redirectUrl to a foreign host ({_EVIL_POX})",
            redirect_url=_EVIL_POX,
        ),
        AdScenario(
            "ad-redirect-local",
            "redirectUrl to mail.<domain>, which has the settings",
            mail=True,
            redirect_url="https://mail.{domain}/autodiscover/autodiscover.xml",
        ),
        AdScenario(
            "ad-http-redirect",
            "302 to http://mail.<domain>/ (plain HTTP) from "
            "https:// and from port 80; mail.<domain>:80 asks for Basic",
            fault=AdFault.REDIRECT_TO_HTTP,
            http_redirect="http://mail.{domain}/autodiscover/autodiscover.xml",
        ),
        AdScenario(
            "ad-xmlbomb", "answers everyone with a billion-laughs XML bomb", fault=AdFault.XML_BOMB
        ),
        AdScenario("ad-huge", "answers everyone with a 50 MB body", fault=AdFault.HUGE_BODY),
        AdScenario(
            "ad-truncated", "settings cut off mid-XML after sign-in", fault=AdFault.TRUNCATED_XML
        ),
        AdScenario(
            "ad-wrongns",
            "well-formed settings in the wrong (mobilesync) namespace",
            fault=AdFault.WRONG_NAMESPACE,
        ),
        AdScenario(
            "ad-many-elements",
            "settings with 20,000 elements in one Protocol after sign-in (CPU trap)",
            fault=AdFault.MANY_ELEMENTS,
        ),
        AdScenario(
            "ad-odd-errorcode",
            "an <Error> answer whose <ErrorCode> has 5,000 digits, after sign-in",
            fault=AdFault.ODD_ERROR_CODE,
        ),
        AdScenario(
            "ad-bad-port",
            "settings naming IMAP port 99999, after sign-in",
            fault=AdFault.BAD_PORT,
        ),
        AdScenario(
            "ad-deep-json",
            "answers everyone, on every path, with JSON arrays nested 100,000 deep",
            fault=AdFault.DEEP_JSON,
        ),
        AdScenario(
            "ad-srv",
            "no autodiscover.* host; _autodiscover._tcp SRV -> mail.<domain>:443",
            autodiscover=None,
            http=None,
            mail=True,
            srv="mail.{domain}:443",
        ),
        AdScenario(
            # The performance bench black-holes the root and autodiscover.* entirely
            # (Lab(latency=Latency(black_holes=...)), bench/bench_autodiscover.py).
            "ad-srv-hung",
            "autodiscover.* accepts and never answers, the root refuses; "
            "_autodiscover._tcp SRV -> mail.<domain>:443, which has the settings",
            Listener.SLOW,
            http=Listener.DEAD,
            mail=True,
            srv="mail.{domain}:443",
        ),
        AdScenario(
            "ad-srv-foreign",
            f"_autodiscover._tcp SRV -> autodiscover.{EVIL_DOMAIN}:443",
            autodiscover=None,
            http=None,
            srv=f"autodiscover.{EVIL_DOMAIN}:443",
        ),
        AdScenario(
            "ad-bait-302",
            f"autodiscover.<domain> (HTTPS and port 80) sends a 302 to {TRAP_HOST}, which "
            f"answers without sign-in with redirectAddr to an {EVIL_DOMAIN} address, then "
            "asks for the password",
            fault=AdFault.REDIRECT_TO_HTTP,
            http_redirect=_TRAP_POX,
        ),
        AdScenario(
            "ad-bait-srv",
            f"_autodiscover._tcp SRV -> {TRAP_HOST}:443, which answers without sign-in with "
            f"redirectAddr to an {EVIL_DOMAIN} address, then asks for the password",
            autodiscover=None,
            http=None,
            srv=f"{TRAP_HOST}:443",
        ),
        AdScenario(
            "ad-bait-settings",
            "autodiscover.<domain> answers without sign-in with settings naming an "
            f"{EVIL_DOMAIN} address and EWS at mail.{EVIL_DOMAIN}",
            fault=AdFault.FOREIGN_SETTINGS,
        ),
        AdScenario(
            "ad-hybrid",
            "hybrid: after sign-in, redirectAddr admin@ -> admin@ad-hybrid-cloud.test, whose "
            "settings (and EWS) are at mail.ad-hybrid-cloud.test",
            hybrid_domain="ad-hybrid-cloud.test",
        ),
        # The integration organisations (issue 15): on-premises Exchange with mail.<domain>;
        # what else they serve is in integration_lab.py.
        *(AdScenario(s.name, s.description, mail=True) for s in INTEGRATION_SCENARIOS.values()),
    )
}
