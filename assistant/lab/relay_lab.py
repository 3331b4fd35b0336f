"""The relay part of the lab (issue 14): the EOP listeners each relay scenario needs,
High Volume Email, and where each lab domain's MX port 25 goes.

The Lab (tenant.py) builds one RelayLab after its mail lab; `mx_port(domain)` then
names the lab port for that domain's `<mx host>:25`.
"""

from __future__ import annotations

import ssl
from collections.abc import Collection, Mapping, Sequence

from assistant.lab.delivery import Delivery
from assistant.lab.eop import HVE_BANNER, EopListener, LabEop
from assistant.lab.faulty_tcp import Behaviour, FaultSpec, FaultyTcpServer, tls10_context
from assistant.lab.pki import CertVariant, LabPKI
from assistant.lab.relay_scenarios import (
    DEFAULT_RELAY,
    HVE_ACCOUNT,
    HVE_PASSWORD,
    RELAY_CERT_NAME,
    RELAY_SCENARIOS,
    WRONG_RELAY_CERT_NAME,
    Port25,
    RelayScenario,
    Tls,
)
from assistant.lab.zones import MICROSOFT_SPF, mx_host


class RelayLab:
    def __init__(
        self,
        pki: LabPKI,
        *,
        domains: Mapping[str, str],
        mailboxes: Collection[str],
        delivery: Delivery,
        faulty: FaultyTcpServer,
        closed_port: int,
        mx_cert_names: Sequence[str],
        hve_cert_names: Sequence[str],
    ) -> None:
        """`domains`: each lab cloud domain and its DNS scenario's name; `faulty` (not
        started yet) gets the black-holed port 25; `closed_port` refuses connections."""
        self.pki = pki
        self._scenario_of = {d.lower(): name for d, name in domains.items()}
        self.eop = LabEop(
            accepted_domains=tuple(domains),
            mailboxes=mailboxes,
            spf_records={
                "spf.protection.outlook.com": MICROSOFT_SPF,
                **{d: self.relay_of(d).spf for d in domains},
            },
            dmarc_domains=tuple(domains),
            ca_path=str(pki.ca_pem_path),
            delivery=delivery,
            hve_users={HVE_ACCOUNT: HVE_PASSWORD},
        )
        for relay in RELAY_SCENARIOS.values():
            if relay.port25 is Port25.OPEN:
                tls = self._mx_tls(relay.tls, mx_cert_names)
                self.eop.add(EopListener(relay.name, relay, mx_host(relay.domain()), tls))
        hve_tls = pki.server_context(hve_cert_names)
        self.hve = self.eop.add(EopListener("hve", DEFAULT_RELAY, HVE_BANNER, hve_tls, hve=True))
        # A firewall that completes the TCP handshake on 25 and drops everything after.
        self._silent_port = faulty.add(FaultSpec(Behaviour.SILENT))
        self._closed_port = closed_port
        # The client certificates of a device: one a connector trusts, one it does not.
        self.client_cert = str(pki.client_cert_file(RELAY_CERT_NAME))
        self.wrong_client_cert = str(pki.client_cert_file(WRONG_RELAY_CERT_NAME))

    def relay_of(self, domain: str) -> RelayScenario:
        """What the MX of this lab domain does (every non-relay domain: the healthy MX)."""
        name = self._scenario_of.get(domain.lower().rstrip("."), "")
        return RELAY_SCENARIOS.get(name, DEFAULT_RELAY)

    def mx_port(self, domain: str) -> int:
        relay = self.relay_of(domain)
        if relay.port25 is Port25.CLOSED:
            return self._closed_port
        if relay.port25 is Port25.SILENT:
            return self._silent_port
        return self.eop.listeners[relay.name].port

    def _mx_tls(self, tls: Tls, names: Sequence[str]) -> ssl.SSLContext | None:
        if tls is Tls.NONE:
            return None
        if tls is Tls.TLS10:
            return tls10_context(self.pki, names)
        variant = CertVariant.WRONG_NAME if tls is Tls.WRONG_CERT else CertVariant.GOOD
        return self.pki.server_context(names, variant)
