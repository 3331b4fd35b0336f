"""A tenant in a box on 127.0.0.1: DNS, HTTPS and an MX, with every scenario domain.

    with Lab() as lab:
        options = lab.network_options()
        ...

Tests, the demo mode and the benchmarks all start the lab this way.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from assistant.checks.policy.dane import tlsa_for
from assistant.config import ConnectTo, HostPort, NetworkOptions
from assistant.lab.dns_server import Fault, LabDnsServer, Record
from assistant.lab.https_server import Handler, LabHttpsServer, LabRequest, LabResponse
from assistant.lab.pki import LabPKI
from assistant.lab.smtp_server import LabMxServer
from assistant.lab.zones import (
    IDN_DOMAIN,
    MX_HOST_SUFFIX,
    SCENARIOS,
    Scenario,
    healthy_domain,
    microsoft_records,
    mx_host,
)

MX_CERT_NAMES = (f"*.{MX_HOST_SUFFIX}", "*.mail.protection.outlook.com")


@dataclass(frozen=True)
class LabDomain:
    domain: str
    scenario: Scenario


class Lab:
    def __init__(self) -> None:
        self.pki = LabPKI()
        self.domains = [LabDomain(s.domain(), s) for s in SCENARIOS.values()]
        self.domains.append(LabDomain(IDN_DOMAIN, SCENARIOS["healthy"]))
        names = [f"mta-sts.{d.domain}" for d in self.domains]
        self._https = LabHttpsServer(self.pki.server_context(names))
        self._mx = LabMxServer(self.pki.server_context(MX_CERT_NAMES))
        self._dns: LabDnsServer | None = None
        self._started = False

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> Lab:
        self._https.start()
        self._mx.start()
        records, signed, faults = self._zone_data()
        self._dns = LabDnsServer(records, signed_zones=signed, faults=faults)
        self._dns.start()
        for item in self.domains:
            policy = item.scenario.policy(item.domain)
            self._https.route(f"mta-sts.{item.domain}", "/.well-known/mta-sts.txt", _static(policy))
        self._started = True
        return self

    def stop(self) -> None:
        if self._dns is not None:
            self._dns.stop()
        self._mx.stop()
        self._https.stop()
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

    def connect_to(self) -> tuple[ConnectTo, ...]:
        rules = [
            ConnectTo(HostPort(f"mta-sts.{d.domain}", 443), HostPort("127.0.0.1", self._https.port))
            for d in self.domains
        ]
        rules += [
            ConnectTo(HostPort(mx_host(d.domain), 25), HostPort("127.0.0.1", self._mx.port))
            for d in self.domains
        ]
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

    # -- zone data ----------------------------------------------------------------------

    def _zone_data(self) -> tuple[list[Record], list[str], dict[str, Fault]]:
        good_tlsa = tlsa_for(_der(self.pki.server_cert_pem(MX_CERT_NAMES)))
        wrong_tlsa = "3 1 1 " + "ab" * 32
        records = microsoft_records()
        signed = ["mx.microsoft", "onmicrosoft.com", "outlook.com"]
        faults: dict[str, Fault] = {}
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
                faults[item.domain] = scenario.fault
        return records, signed, faults


def _der(pem: bytes) -> bytes:
    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


def _static(text: str) -> Handler:
    body = text.encode("utf-8")

    def handler(_: LabRequest) -> LabResponse:
        return LabResponse(200, body)

    return handler
