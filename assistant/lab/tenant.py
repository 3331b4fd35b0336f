"""A tenant in a box on 127.0.0.1: DNS, HTTP(S), an MX, Exchange Online's and an
on-premises Exchange's front ends, and every scenario domain at once.

    with Lab() as lab:
        options = lab.network_options()
        ...

Tests, the demo mode and the benchmarks all start the lab this way.

Every lab name resolves to 127.0.0.1; `connect_to()` then sends each (host, port) to
the server that plays it: one HTTPS server per certificate the scenarios need (a good
one for the customers' names, Microsoft's own, expired, wrong name, missing
intermediate, untrusted CA), a slow one, a closed port, one plain HTTP server for
port 80, and the MX. Every request and every credential any of them receives is
logged (`lab.requests_seen`, `lab.credentials_seen`).

`lab.identity` plays Microsoft Entra ID on login.microsoftonline.com (and the .us and
partner .cn hosts): MSAL signs in against it unchanged, and Dovecot, SMTP submission,
EWS, autodiscover and MAPI accept the tokens it issues (lab/identity/).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.config import ConnectTo, HostPort, NetworkOptions
from assistant.lab import leftovers
from assistant.lab.autodiscover_scenarios import AD_SCENARIOS, TRAP_HOST, AdScenario
from assistant.lab.dns_server import LabDnsServer
from assistant.lab.dns_zone import Fault, Record
from assistant.lab.dovecot import DovecotOAuth
from assistant.lab.ews_mailboxes import MAILBOXES, LabMailbox
from assistant.lab.ews_service import EWS_PATH, EwsService, EwsStyle
from assistant.lab.exchange import bait, faults, frontend
from assistant.lab.exchange.credentials import (
    CredentialLog,
    CredentialSighting,
    LabObserver,
    RequestLog,
    RequestRecord,
)
from assistant.lab.exchange.directory import (
    EVIL_DOMAIN,
    EXO_AUTODISCOVER_HOSTS,
    EXO_MAILBOX_HOST,
    ONPREM_MAIL_HOST,
)
from assistant.lab.exchange.faults import Listener
from assistant.lab.exchange.site import Site
from assistant.lab.https_server import (
    ClosedPort,
    Handler,
    LabHttpsServer,
    LabRequest,
    LabResponse,
    Routes,
)
from assistant.lab.identity import CONTOSO_TENANT, LOGIN_HOSTS, LabIdentityProvider
from assistant.lab.integration_lab import IntegrationLab
from assistant.lab.integration_scenarios import INTEGRATION_SCENARIOS
from assistant.lab.latency import Latency, LatencyFront
from assistant.lab.mail import MailLab
from assistant.lab.pki import CertVariant, LabPKI
from assistant.lab.relay_lab import RelayLab
from assistant.lab.relay_scenarios import HVE_HOST
from assistant.lab.tlsa import dane_ee_tlsa
from assistant.lab.topology import lab_directory, lab_topology
from assistant.lab.zones import (
    IDN_DOMAIN,
    MX_HOST_SUFFIX,
    SCENARIOS,
    Scenario,
    ad_domain_records,
    evil_records,
    healthy_domain,
    microsoft_records,
    mx_host,
)

MX_CERT_NAMES = (f"*.{MX_HOST_SUFFIX}", "*.mail.protection.outlook.com")
MICROSOFT_CERT_NAMES = (
    *EXO_AUTODISCOVER_HOSTS,
    EXO_MAILBOX_HOST,
    "*.outlook.com",
    "*.office365.com",
    *LOGIN_HOSTS,  # the identity provider, as Microsoft Entra ID of each cloud
)
EXO_HTTP_REDIRECT = "https://autodiscover-s.outlook.com/Autodiscover/Autodiscover.xml"
EXO_SOAP_REDIRECT = "https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc"
_TLS_VARIANTS = {
    Listener.GOOD: CertVariant.GOOD,
    Listener.MICROSOFT: CertVariant.GOOD,
    Listener.SLOW: CertVariant.GOOD,
    Listener.EXPIRED: CertVariant.EXPIRED,
    Listener.WRONG_NAME: CertVariant.WRONG_NAME,
    Listener.NO_INTERMEDIATE: CertVariant.NO_INTERMEDIATE,
    Listener.UNTRUSTED: CertVariant.UNTRUSTED,
}


@dataclass(frozen=True)
class LabDomain:
    domain: str
    scenario: Scenario


class Lab:
    def __init__(
        self, *, latency: Latency | None = None, extra_ad_scenarios: Sequence[AdScenario] = ()
    ) -> None:
        # Delays and black holes (latency.py): without them, nothing stands in the path.
        self.latency = latency if latency is not None and latency.active else None
        self._front: LatencyFront | None = None
        self.pki = LabPKI()
        self.domains = [LabDomain(s.domain(), s) for s in SCENARIOS.values()]
        self.domains.append(LabDomain(IDN_DOMAIN, SCENARIOS["healthy"]))
        # extra_ad_scenarios: more domains like the built-in ones (a bench's copies of one).
        self.ad_scenarios = (*AD_SCENARIOS.values(), *extra_ad_scenarios)
        self.directory = lab_directory(self.cloud_domains(), self.ad_scenarios)
        self.topology = lab_topology([d.domain for d in self.domains], self.ad_scenarios)
        variants = {
            listener.value: (variant.value if variant else None)
            for listener, variant in {**_TLS_VARIANTS, Listener.HTTP: None}.items()
        }
        self.observer = LabObserver(self.directory, variants)
        # The int-* organisations keep their mailboxes on premises but are hybrid: their
        # domain is verified in the contoso tenant (INT_TENANT_ID), so its OpenID
        # configuration names that tenant, as a real hybrid domain's does.
        self.identity = LabIdentityProvider(
            self.cloud_domains() + tuple(s.domain() for s in INTEGRATION_SCENARIOS.values())
        )
        exo = self.directory.org("exo")
        for address in self.directory.sign_ins():
            if exo.serves(address):
                self.identity.add_user(address, CONTOSO_TENANT)
        for box in MAILBOXES:
            if exo.serves(box.address):
                self.identity.add_user(box.address, CONTOSO_TENANT)
        self.observer.bearer = self.identity.validator()
        self.https_routes = Routes()  # shared by every TLS server but the slow one
        # SharePoint, Lync and Teams meet Exchange (issue 15): integration_lab.py.
        self.integration = IntegrationLab(self.pki, self.https_routes, self.observer.inspect)
        self.integration.adjust(self.directory)
        self.topology.update(self.integration.topology())
        # EWS (assistant/lab/ews_service.py) for Exchange Online and the on-premises org.
        self.ews = {
            EXO_MAILBOX_HOST: EwsService(
                EwsStyle.CLOUD,
                mailboxes=(
                    *MAILBOXES,
                    *(
                        LabMailbox(f"admin@{d}", f"Admin ({d})", inbox_total=1)
                        for d in self.cloud_domains()
                        if f"admin@{d}" not in {m.address for m in MAILBOXES}
                    ),
                ),
                bearer=self.identity.validator(),
            ),
            ONPREM_MAIL_HOST: EwsService(EwsStyle.ONPREM, host=ONPREM_MAIL_HOST),
            # The attacker's EWS that ad-bait-settings names: it must never see a password.
            f"mail.{EVIL_DOMAIN}": EwsService(EwsStyle.ONPREM, host=f"mail.{EVIL_DOMAIN}"),
            **{
                f"mail.{s.hybrid_domain}": EwsService(
                    EwsStyle.ONPREM,
                    host=f"mail.{s.hybrid_domain}",
                    mailboxes=(LabMailbox(f"admin@{s.domain()}", "Admin", inbox_total=1),),
                )
                for s in self.ad_scenarios
                if s.hybrid_domain
            },
            # The critical-path bench's organisation (bench/bench_critical_path.py): its
            # full diagnosis runs the whole EWS chain on the host the SRV record names.
            **{
                f"mail.{s.domain()}": EwsService(
                    EwsStyle.ONPREM,
                    host=f"mail.{s.domain()}",
                    mailboxes=(LabMailbox(f"admin@{s.domain()}", "Admin", inbox_total=1),),
                )
                for s in self.ad_scenarios
                if s.name == "ad-srv-hung"
            },
        }
        self.ews.update(self.integration.ews_services())
        self.http_routes = Routes()
        self._servers = self._make_servers()
        self._dead = ClosedPort()
        # IMAP/POP (Dovecot) and SMTP submission, for every account in the directory; the
        # on-premises organisations' autodiscover answers name mail.<domain> for them.
        self.mail = MailLab(
            self.pki,
            users=self.directory.sign_ins(),
            hosts=sorted({o.mail_host for o in self.directory.orgs.values() if not o.cloud}),
            oauth=DovecotOAuth(
                self.identity.key.public_pem,
                self.identity.key.kid,
                (self.identity.issuer(CONTOSO_TENANT),),
                self.identity.mailbox_grants(CONTOSO_TENANT),
            ),
            bearer=self.identity.validator(),
        )
        # The tenant's MX (Exchange Online Protection) for every domain, one listener per
        # relay scenario, and High Volume Email (eop.py, relay_scenarios.py).
        self.relay = RelayLab(
            self.pki,
            domains={d.domain: d.scenario.name for d in self.domains},
            mailboxes=self.mail.users,
            delivery=self.mail.delivery,
            faulty=self.mail.faulty,
            closed_port=self._dead.port,
            mx_cert_names=MX_CERT_NAMES,
            hve_cert_names=MICROSOFT_CERT_NAMES,
        )
        self.eop = self.relay.eop
        self.relay_client_cert = self.relay.client_cert  # "relay.contoso.test"
        self.relay_wrong_client_cert = self.relay.wrong_client_cert  # a name no connector knows
        self._dns: LabDnsServer | None = None
        self._started = False

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> Lab:
        try:
            return self._start()
        except BaseException:
            self.stop()  # a half-started lab must not leave servers and sockets behind
            raise

    def _start(self) -> Lab:
        for server in self._servers.values():
            server.start()
        self.mail.start()
        self.eop.start()
        self.integration.start()
        records, signed, faults_by_name = self._zone_data()
        delay = 0.0 if self.latency is None else self.latency.reply_ms / 1000
        self._dns = LabDnsServer(
            records, signed_zones=signed, faults=faults_by_name, reply_delay=delay
        )
        self._dns.start()
        if self.latency is not None:
            self._front = LatencyFront(self.latency)
            self._front.start(self._direct_rules(), direct_ports=(self._dead.port,))
        for item in self.domains:
            policy = item.scenario.policy(item.domain)
            self.route(f"mta-sts.{item.domain}", "/.well-known/mta-sts.txt", _static(policy))
        self._serve_exchange()
        for host, service in self.ews.items():
            self.route(host, EWS_PATH, service)
        for host in LOGIN_HOSTS:
            self.route(host, "/", self.identity.handler, prefix=True)
        self.integration.serve()
        self._started = True
        return self

    def stop(self) -> None:
        if self._front is not None:
            self._front.stop()
            self._front = None
        parts = [self.eop.stop, self.integration.stop, self.mail.stop]
        parts += [server.stop for server in self._servers.values()]
        if self._dns is not None:
            parts.append(self._dns.stop)
        leftovers.stop_together(parts)
        self._dead.close()
        self.identity.close()
        self.pki.cleanup()
        self._started = False

    def __enter__(self) -> Lab:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- how to reach it ---------------------------------------------------------------

    @property
    def dns(self) -> LabDnsServer:
        assert self._dns is not None, "start the lab first"
        return self._dns

    @property
    def nameserver(self) -> HostPort:
        host, port = self.dns.address
        return HostPort(host, port)

    def port_of(self, listener: Listener) -> int:
        if listener is Listener.DEAD:
            return self._dead.port
        return self._servers[listener].port

    def connect_to(self) -> tuple[ConnectTo, ...]:
        rules = self._direct_rules()
        return rules if self._front is None else self._front.route(rules)

    @property
    def mail_server_note(self) -> str:
        """Which server plays IMAP and POP (Dovecot, or the built-in demo responder where
        Dovecot is not installed: demo_mailserver.choose), for the demo to show."""
        return self.mail.mail_server_note

    @property
    def builtin_mail(self) -> bool:
        """True when the built-in demo responder plays IMAP and POP (no Dovecot here)."""
        return self.mail.builtin_mail

    @property
    def latency_front(self) -> LatencyFront | None:
        """The relay and black hole while a lab with latency runs (their counters)."""
        return self._front

    def _direct_rules(self) -> tuple[ConnectTo, ...]:
        rules = [
            ConnectTo(HostPort(host, port), HostPort("127.0.0.1", self.port_of(listener)))
            for (host, port), listener in self.topology.items()
        ]
        rules += [
            ConnectTo(
                HostPort(mx_host(d.domain), 25), HostPort("127.0.0.1", self.relay.mx_port(d.domain))
            )
            for d in self.domains
        ]
        rules.append(ConnectTo(HostPort(HVE_HOST, 587), HostPort("127.0.0.1", self.relay.hve.port)))
        rules += self.mail.connect_to()
        rules += self.integration.connect_to()
        return tuple(rules)

    def network_options(
        self, *, timeout: float = 2.0, check_deadline: float = 20.0
    ) -> NetworkOptions:
        return NetworkOptions(
            nameservers=(self.nameserver,),
            connect_to=self.connect_to(),
            ca_bundle=str(self.pki.ca_pem_path),
            timeout=timeout,
            check_deadline=check_deadline,
        )

    def cli_flags(self) -> list[str]:
        flags = ["--nameserver", str(self.nameserver), "--ca-bundle", str(self.pki.ca_pem_path)]
        for rule in self.connect_to():
            flags += ["--connect-to", str(rule)]
        return flags

    # -- what the servers saw ------------------------------------------------------------

    @property
    def credentials(self) -> CredentialLog:
        return self.observer.credentials

    @property
    def credentials_seen(self) -> tuple[CredentialSighting, ...]:
        """Every credential any lab HTTP(S) server received, oldest first (a snapshot)."""
        return self.observer.credentials.snapshot()

    @property
    def requests(self) -> RequestLog:
        return self.observer.requests

    @property
    def requests_seen(self) -> tuple[RequestRecord, ...]:
        return self.observer.requests.snapshot()

    # -- for other lab services (EWS, identity provider) -------------------------------

    def route(self, host: str, path: str, handler: Handler, *, prefix: bool = False) -> None:
        """Serve `path` on `host` over HTTPS, whichever certificate the host is given."""
        self.https_routes.add(host, path, handler, prefix=prefix)

    def site_for(self, host: str) -> Site | None:
        """The Exchange front end (headers, challenge, sign-in) that serves `host`."""
        host = host.lower()
        if host in (*EXO_AUTODISCOVER_HOSTS, EXO_MAILBOX_HOST):
            return Site(self.directory.org("exo"), self.directory)
        org = self.directory.org_of_domain(host.partition(".")[2]) or (
            self.directory.org_of_domain(host)
        )
        return None if org is None else Site(org, self.directory)

    # -- servers ---------------------------------------------------------------------

    def _make_servers(self) -> dict[Listener, LabHttpsServer]:
        names: dict[Listener, list[str]] = {}
        for (host, port), listener in self.topology.items():
            if port == 443 and host not in names.get(listener, []):
                names.setdefault(listener, []).append(host)
        names[Listener.MICROSOFT] = list(MICROSOFT_CERT_NAMES)
        servers: dict[Listener, LabHttpsServer] = {}
        inspect = self.observer.inspect
        for listener, variant in _TLS_VARIANTS.items():
            hosts = names.get(listener) or [f"unused-{listener.value}.test"]
            context = self.pki.server_context(hosts, variant)
            slow = listener is Listener.SLOW
            servers[listener] = LabHttpsServer(
                context,
                label=listener.value,
                routes=Routes() if slow else self.https_routes,
                default=faults.hang if slow else None,
                inspector=inspect,
            )
        servers[Listener.HTTP] = LabHttpsServer(
            None, label=Listener.HTTP.value, routes=self.http_routes, inspector=inspect
        )
        return servers

    def cloud_domains(self) -> tuple[str, ...]:
        return tuple(d.domain for d in self.domains)

    def _serve_exchange(self) -> None:
        directory = self.directory
        exo = Site(directory.org("exo"), directory)
        frontend.serve_autodiscover(
            self.https_routes, exo, (*EXO_AUTODISCOVER_HOSTS, EXO_MAILBOX_HOST)
        )
        frontend.serve_mapi(self.https_routes, exo, EXO_MAILBOX_HOST)
        # Exchange Online's front end answers whatever Host it is sent; a client that
        # ignores the name mismatch at autodiscover.<domain> reaches it (and is logged).
        frontend.serve_autodiscover(
            self.https_routes, exo, [f"autodiscover.{d}" for d in exo.org.domains]
        )
        for host in ("autodiscover.outlook.com", *(f"autodiscover.{d}" for d in exo.org.domains)):
            self.http_routes.add(host, frontend.POX_PATH, faults.redirect(EXO_HTTP_REDIRECT))
            self.http_routes.add(host, frontend.SOAP_PATH, faults.redirect(EXO_SOAP_REDIRECT))
        evil = Site(directory.org(EVIL_DOMAIN), directory)
        frontend.serve_autodiscover(
            self.https_routes, evil, (EVIL_DOMAIN, f"autodiscover.{EVIL_DOMAIN}")
        )
        self.https_routes.add(TRAP_HOST, frontend.POX_PATH, bait.redirect_addr_trap(evil))
        for scenario in self.ad_scenarios:
            if not scenario.cloud:
                self._serve_onprem(scenario)

    def _serve_onprem(self, scenario: AdScenario) -> None:
        domain = scenario.domain()
        site = Site(self.directory.org(scenario.name), self.directory)
        autodiscover, mail = f"autodiscover.{domain}", f"mail.{domain}"
        hosts = [mail] if scenario.mail else []
        if scenario.fault is None:
            hosts.append(autodiscover)
        else:
            target = scenario.fill(scenario.http_redirect or "")
            handler = faults.handler(scenario.fault, site, http_target=target)
            self.https_routes.add(autodiscover, "/", handler, prefix=True)
        frontend.serve_autodiscover(self.https_routes, site, hosts)
        if scenario.mail:
            frontend.serve_mapi(self.https_routes, site, mail)
        if scenario.hybrid_domain:
            frontend.serve_autodiscover(self.https_routes, site, [f"mail.{scenario.hybrid_domain}"])
        if scenario.root is Listener.GOOD:
            self.https_routes.add(domain, "/", faults.website(), prefix=True)
        if scenario.http_redirect:
            target = scenario.fill(scenario.http_redirect)
            self.http_routes.add(autodiscover, "/", faults.redirect(target), prefix=True)
            # The plain-HTTP target asks for credentials: whatever arrives is logged.
            frontend.serve_autodiscover(self.http_routes, site, [mail])

    # -- zone data ----------------------------------------------------------------------

    def _zone_data(self) -> tuple[list[Record], list[str], dict[str, Fault]]:
        good_tlsa = dane_ee_tlsa(self.pki.server_cert_pem(MX_CERT_NAMES))
        wrong_tlsa = "3 1 1 " + "ab" * 32
        records = microsoft_records()
        signed = ["mx.microsoft", "onmicrosoft.com", "outlook.com"]
        faults_by_name: dict[str, Fault] = {}
        for item in self.domains:
            scenario = item.scenario
            tlsa = wrong_tlsa if scenario.name == "dane-mismatch" else good_tlsa
            own, microsoft = healthy_domain(item.domain, tlsa)
            if scenario.edit is not None:
                scenario.edit(own)
            records += own.records + microsoft
            if scenario.signed:
                signed.append(item.domain)
            if scenario.fault is not None:
                faults_by_name[item.domain] = scenario.fault
            for label, fault in scenario.name_faults:
                faults_by_name[f"{label}.{item.domain}"] = fault
        for ad in self.ad_scenarios:
            records += ad_domain_records(ad)
        records += evil_records()
        records += self.integration.records()
        return records, signed, faults_by_name


def _static(text: str) -> Handler:
    body = text.encode("utf-8")

    def handler(_: LabRequest) -> LabResponse:
        return LabResponse(200, body)

    return handler
