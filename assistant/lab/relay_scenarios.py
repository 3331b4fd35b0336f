"""The relay scenarios (issue 14): what the tenant's MX, an Exchange Online Protection
look-alike (eop.py), does with a device's mail, one scenario domain each.

Each scenario is also a DNS scenario `<name>.test` (zones.py registers them, with the
SPF record given here), so `lab --list` shows it and `demo --scenario` diagnoses
admin@<name>.test. The Lab routes each scenario's MX host, port 25, to an EOP listener
with the behaviour below; every other domain's MX goes to the "healthy" one.

High Volume Email (smtp-hve.office365.com:587) is served by the same EOP (eop.py) for
the account HVE_ACCOUNT / HVE_PASSWORD.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

# Not imported from zones.py: it registers these scenarios, so it imports this module.
HEALTHY = "contoso.test"
LOOPBACK = "127.0.0.1"
HVE_HOST = "smtp-hve.office365.com"
HVE_ACCOUNT = "hve-scanner@contoso.test"
# A canary: tests search every report and transcript for it and must never find it.
HVE_PASSWORD = "Canary-HVE-5b8e2a41-Lab-Pa55!"  # noqa: S105 - planted on purpose
# The name in the client certificate a connector trusts (lab.relay_client_cert), and
# the name in the certificate of a device that the connector does not know.
RELAY_CERT_NAME = "relay.contoso.test"
WRONG_RELAY_CERT_NAME = "printer.fabrikam.test"

# Microsoft's include, and the lab's sending address (the devices all send from
# loopback) authorised before it: the SPF a tenant publishes for a fixed-IP device.
SPF_MICROSOFT_ONLY = "v=spf1 include:spf.protection.outlook.com -all"
SPF_WITH_LAB_IP = f"v=spf1 ip4:{LOOPBACK} include:spf.protection.outlook.com -all"


class Port25(enum.Enum):
    OPEN = "open"  # an EOP listener answers
    CLOSED = "closed"  # connection refused
    SILENT = "silent"  # TCP accepted, never a greeting (a firewall black hole)


class Tls(enum.Enum):
    GOOD = "good"  # STARTTLS with the certificate for *.<MX suffix>, TLS 1.2+
    TLS10 = "tls10"  # STARTTLS that speaks TLS 1.0 only
    NONE = "none"  # no STARTTLS in the EHLO reply
    WRONG_CERT = "wrong-cert"  # STARTTLS with a certificate for another name


class Stage(enum.Enum):
    MAIL = "MAIL"
    RCPT = "RCPT"


@dataclass(frozen=True)
class Refusal:
    """A reply the MX gives every message at `stage`; {ip} is the client's address."""

    stage: Stage
    reply: str


@dataclass(frozen=True)
class RelayScenario:
    name: str
    description: str
    connector_ips: tuple[str, ...] = ()  # an inbound connector identified by source IP
    connector_cert: str | None = None  # ... or by the client certificate's name
    reject_direct_send: bool = False
    refusal: Refusal | None = None
    tls: Tls = Tls.GOOD
    port25: Port25 = Port25.OPEN
    spf: str = SPF_MICROSOFT_ONLY  # the domain's SPF record, as published in the lab DNS
    deliver: bool = True  # False: accepted (250) and then lost

    def domain(self) -> str:
        return HEALTHY if self.name == "healthy" else f"{self.name}.test"


_TRACE = "[BN1PEPF00004681.namprd03.prod.outlook.com 2026-11-27T09:00:00.000Z 08DD0E4C1A2B3C4E]"

RELAY_SCENARIOS: dict[str, RelayScenario] = {
    s.name: s
    for s in (
        # contoso.test: its SPF authorises the lab's address (a device with a fixed
        # public IP, as Microsoft advises for direct send), so its mail passes compauth.
        RelayScenario(
            "healthy",
            "Exchange Online worldwide, everything right",
            connector_cert=RELAY_CERT_NAME,
            spf=SPF_WITH_LAB_IP,
        ),
        RelayScenario(
            "relay-ip",
            "relay: an inbound connector for this IP, SPF authorises it",
            connector_ips=(LOOPBACK,),
            spf=SPF_WITH_LAB_IP,
        ),
        RelayScenario(
            "relay-reject-direct",
            "relay: Reject Direct Send is on (5.7.68)",
            reject_direct_send=True,
            spf=SPF_WITH_LAB_IP,
        ),
        RelayScenario(
            "relay-denied",
            "relay: no inbound connector, external recipients refused (5.7.64)",
            spf=SPF_WITH_LAB_IP,
        ),
        RelayScenario(
            "relay-wrong-region",
            "relay: mail sent to the wrong Office 365 region (4.4.62)",
            refusal=Refusal(
                Stage.RCPT,
                "451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35. For more "
                "information please go to https://go.microsoft.com/fwlink/?linkid=865268 " + _TRACE,
            ),
        ),
        RelayScenario(
            "relay-banned",
            "relay: the sending IP is banned (5.7.606)",
            refusal=Refusal(
                Stage.MAIL,
                "550 5.7.606 Access denied, banned sending IP [{ip}]. To request removal "
                "from this list please visit https://sender.office.com/ and follow the "
                "directions. For more information please go to "
                "http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) " + _TRACE,
            ),
        ),
        RelayScenario(
            "relay-blocked-sender",
            "relay: traffic not accepted from this IP (5.7.708)",
            refusal=Refusal(
                Stage.MAIL,
                "550 5.7.708 Service unavailable. Access denied, traffic not accepted from "
                "this IP. For more information please go to "
                "http://go.microsoft.com/fwlink/?LinkID=526655 AS(7171) " + _TRACE,
            ),
        ),
        RelayScenario(
            "relay-throttled",
            "relay: the MX is throttling this IP (4.7.500)",
            refusal=Refusal(
                Stage.MAIL,
                "451 4.7.500 Server busy. Please try again later from [{ip}]. (AS761) " + _TRACE,
            ),
        ),
        RelayScenario("relay-tls-old", "relay: the MX speaks only TLS 1.0", tls=Tls.TLS10),
        RelayScenario("relay-no-starttls", "relay: the MX offers no STARTTLS", tls=Tls.NONE),
        RelayScenario(
            "relay-wrong-cert",
            "relay: the MX's certificate is for another name",
            tls=Tls.WRONG_CERT,
        ),
        RelayScenario(
            "relay-port25-closed",
            "relay: port 25 to the MX is refused",
            port25=Port25.CLOSED,
        ),
        RelayScenario(
            "relay-port25-silent",
            "relay: port 25 to the MX is black-holed (no greeting)",
            port25=Port25.SILENT,
        ),
        RelayScenario(
            "relay-junk",
            "relay: accepted, but SPF fails for this IP and the message goes to Junk",
            spf=SPF_MICROSOFT_ONLY,
        ),
        RelayScenario(
            "relay-lost",
            "relay: accepted (250), then never delivered",
            spf=SPF_WITH_LAB_IP,
            deliver=False,
        ),
    )
}
# What the MX of every other lab domain does: the healthy tenant's behaviour.
DEFAULT_RELAY = RELAY_SCENARIOS["healthy"]


def relay_scenario_of(domain: str) -> RelayScenario | None:
    """The relay scenario whose domain this is (None: not a relay scenario domain)."""
    domain = domain.lower().rstrip(".")
    for scenario in RELAY_SCENARIOS.values():
        if scenario.domain() == domain:
            return scenario
    return None
