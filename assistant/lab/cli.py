"""`connectivity-assistant lab` and `demo`: the built-in lab for newcomers and support.

The lab's side only: which domain, mailbox and sign-in a scenario is diagnosed with,
and the lab running meanwhile. Running the checks is the command line's (cli.py,
through assistant/diagnosis.py); nothing here imports it."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from assistant import interrupts
from assistant.auth.credentials import Credentials, OAuthCredential, PasswordCredential
from assistant.auth.msal_provider import MsalTokenProvider
from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.config import InputError, NetworkOptions, Target
from assistant.facts import Cloud
from assistant.integration_plan import IntegrationPlan
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.identity import CONNECTIVITY_APP
from assistant.lab.integration_scenarios import (
    CUSTOM_SPO_HOST,
    INTEGRATION_SCENARIOS,
    OTHER_SPO_HOST,
    SPO_HOST,
    integration_demo,
)
from assistant.lab.latency import Latency
from assistant.lab.leftovers import released_on_signals
from assistant.lab.relay_scenarios import HVE_ACCOUNT, HVE_HOST, HVE_PASSWORD, RELAY_SCENARIOS
from assistant.lab.tenant import Lab
from assistant.lab.zones import AD_SCENARIOS, SCENARIOS
from assistant.relay_plan import DeviceProfile, HveAccount, MailboxLogin, RelayPlan

# The demo's round trip waits this long at most: the lab delivers in well under a second,
# and the relay-lost scenario should end soon with its verdict.
DEMO_ROUNDTRIP_WAIT = 10.0


def _domain_for(scenario: str) -> str:
    if scenario in SCENARIOS:
        return SCENARIOS[scenario].domain()
    if scenario in AD_SCENARIOS:
        return AD_SCENARIOS[scenario].domain()
    names = ", ".join([*SCENARIOS, *AD_SCENARIOS])
    raise InputError(f"unknown lab scenario '{scenario}': choose one of {names}")


def lab_latency(
    delay_ms: int = 0, connect_delay_ms: int = 0, black_holes: Sequence[str] = ()
) -> Latency | None:
    """`lab --delay-ms N --connect-delay-ms N --black-hole HOST[:PORT]...`, checked."""
    if delay_ms < 0 or connect_delay_ms < 0:
        raise InputError("lab delays are milliseconds, 0 or more")
    latency = Latency(connect_delay_ms, delay_ms, frozenset(black_holes))
    return latency if latency.active else None


def run_lab(
    scenario: str,
    *,
    list_only: bool = False,
    delay_ms: int = 0,
    connect_delay_ms: int = 0,
    black_holes: Sequence[str] = (),
) -> int:
    if list_only:
        for item in SCENARIOS.values():
            print(f"{item.name:<20} {item.domain():<25} {item.description}")
        print(
            "\nrelay scenarios (relay-*): the MX of <name>.test plays Exchange Online "
            f"Protection; High Volume Email is {HVE_HOST}:587 ({HVE_ACCOUNT})."
        )
        print("\nautodiscover scenarios (sign in as admin@<domain>, password in LAB_PASSWORD):")
        for ad in AD_SCENARIOS.values():
            if ad.name not in INTEGRATION_SCENARIOS:
                print(f"{ad.name:<20} {ad.domain():<25} {ad.description}")
        print(
            "\nintegration scenarios (int-*: on-premises Exchange for SharePoint, Skype for "
            f"Business and Teams; SharePoint Online at {SPO_HOST}, {OTHER_SPO_HOST}, "
            f"{CUSTOM_SPO_HOST}):"
        )
        for org in INTEGRATION_SCENARIOS.values():
            print(f"{org.name:<20} {org.domain():<25} {org.description}")
        return 0
    domain = _domain_for(scenario)
    latency = lab_latency(delay_ms, connect_delay_ms, black_holes)
    # SIGTERM or SIGHUP (a closed terminal, logout, kill) stops Dovecot and removes the keys.
    with released_on_signals(), Lab(latency=latency) as lab:
        flags = " ".join(lab.cli_flags())
        print(f"The lab is running. Every scenario domain is served; '{scenario}' is {domain}.")
        print(f"{lab.mail_server_note}.")
        if latency is not None:
            holes = ", ".join(sorted(latency.black_holes)) or "none"
            print(
                f"Every reply waits {latency.reply_ms} ms, every connection "
                f"{latency.connect_ms} ms; black-holed: {holes}."
            )
        print("Point a check at it with:\n")
        print(f"  connectivity-assistant check --domain {domain} {flags}\n")
        print("Press Ctrl-C to stop.", flush=True)
        try:
            # Polled, not one endless wait: a Ctrl-C lost while the lab started (a
            # KeyboardInterrupt raised inside a callback, assistant/interrupts.py) still stops it.
            while not interrupts.heard():
                threading.Event().wait(0.2)
        except KeyboardInterrupt:
            pass
        interrupts.forget()  # Ctrl-C is how the lab is meant to stop: exit 0, not "cancelled"
        print("stopped", file=sys.stderr)
    return 0


def _demo_sign_in(email: str, domain: str, cloud: Cloud, *, oauth: bool) -> Credentials:
    if not oauth:
        return PasswordCredential(email, LAB_PASSWORD)
    if cloud is Cloud.ONPREM:
        raise InputError("the OAuth demo is for the Exchange Online scenarios")
    config = OAuthConfig.build(
        Flow.DEVICE,
        client_id=CONNECTIVITY_APP,
        cloud=cloud,
        tenant=None,
        domain=domain,
        protocols=(),
    )
    return OAuthCredential(email, provider=MsalTokenProvider(config))


@dataclass(frozen=True)
class DemoSetup:
    """What the demo diagnoses: a lab domain's mailbox, the lab's network, a sign-in."""

    target: Target
    options: NetworkOptions
    credentials: Credentials
    # A relay scenario's test sends: to the demo mailbox itself, in the lab (harmless).
    relay: RelayPlan | None = None
    # An int-* scenario's products and its SharePoint site (issue 15).
    integration: IntegrationPlan | None = None

    @property
    def check_names(self) -> list[str] | None:
        """What the demo runs: a relay scenario the relay checks (they send, to the lab
        only); an integration scenario the integration checks and autodiscover (where
        they find the Exchange server); the others every check."""
        if self.relay is not None:
            return ["relay"]
        if self.integration is not None:
            return ["autodiscover", "integration"]
        return None


# The device each relay demo plays, so the advice fits the story the scenario tells; the
# others play the commonest case this month: a scanner that signs in with a password.
_DEMO_DEVICES = {
    "relay-ip": "no-auth,tls12,no-internal-only,fixed-ip,no-cert",
    "relay-reject-direct": "no-auth,tls12,internal-only,no-fixed-ip,no-cert",
    "relay-denied": "no-auth,tls12,no-internal-only,fixed-ip,no-cert",
    "relay-junk": "no-auth,tls12,internal-only,fixed-ip,no-cert",
}


def _demo_relay(scenario: str, email: str, client_cert: str) -> RelayPlan | None:
    """For the relay-* scenarios: send to the demo mailbox, read it back with the demo's
    own password, try every method (HVE with the lab's HVE account)."""
    if scenario == "healthy" or scenario not in RELAY_SCENARIOS:
        return None
    device = DeviceProfile.parse(_DEMO_DEVICES.get(scenario, "auth,no-oauth,tls12,internal-only"))
    return RelayPlan(
        device=device,
        send_to=email,
        client_cert=client_cert,
        hve=HveAccount(HVE_ACCOUNT, HVE_PASSWORD),
        roundtrip=MailboxLogin(email, LAB_PASSWORD),
        roundtrip_wait=DEMO_ROUNDTRIP_WAIT,
    )


def demo_integration(scenario: str) -> IntegrationPlan | None:
    """For the int-* scenarios: every product, with the scenario's SharePoint Server site
    (sharepoint.<domain>, integration_lab.py)."""
    if not integration_demo(scenario):
        return None
    return IntegrationPlan(sharepoint_url=f"https://sharepoint.{_domain_for(scenario)}/")


@contextmanager
def demo_lab(scenario: str = "healthy", *, oauth: bool = False) -> Iterator[DemoSetup]:
    """The lab, running while the block runs, and one of its domains to diagnose as a
    newcomer would a real one: with a mailbox and its password (the lab's demo password,
    which is no secret), or with `oauth` a device code sign-in at the lab's identity
    provider, which approves the code as soon as it is shown (as if it had been typed
    in). The command line's `demo` runs the diagnosis (run_demo, in the CLI module)."""
    domain = _domain_for(scenario)
    on_premises = scenario in AD_SCENARIOS and not AD_SCENARIOS[scenario].cloud
    cloud = Cloud.ONPREM if on_premises else Cloud.WORLDWIDE
    email = f"admin@{domain}"
    credentials = _demo_sign_in(email, domain, cloud, oauth=oauth)
    print(f"Demo: checking {email} against the built-in lab (no tenant needed).", file=sys.stderr)
    with released_on_signals(), Lab() as lab:
        print(f"Demo: {lab.mail_server_note}.", file=sys.stderr)
        if oauth:
            lab.identity.auto_approve = email
        relay = _demo_relay(scenario, email, lab.relay_client_cert)
        yield DemoSetup(
            Target.parse(email, cloud),
            lab.network_options(),
            credentials,
            relay,
            demo_integration(scenario),
        )
