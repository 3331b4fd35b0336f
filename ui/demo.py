"""Demo mode: the built-in lab plays a tenant on 127.0.0.1, and the wizard is filled in
to diagnose one of its domains, healthy or broken, with the lab's (public) password."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from assistant.facts import Cloud
from ui.texts import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from assistant.lab.tenant import Lab

# The lab (its zones, its servers) is imported by the functions that use it, not by the
# window's first page: docs/PERFORMANCE.md.


def __getattr__(name: str) -> str:
    if name == "DEMO_PASSWORD":  # the lab's, printed in its docs; not a secret
        from assistant.lab.exchange import LAB_PASSWORD

        return LAB_PASSWORD
    raise AttributeError(name)


@dataclass(frozen=True)
class DemoScenario:
    name: str
    label: str  # translatable (context "Demo")

    @property
    def domain(self) -> str:
        from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

        if self.name in SCENARIOS:
            return SCENARIOS[self.name].domain()
        return AD_SCENARIOS[self.name].domain()

    @property
    def cloud(self) -> Cloud:
        from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

        ad = AD_SCENARIOS.get(self.name)
        if self.name not in SCENARIOS and ad is not None and not ad.cloud:
            return Cloud.ONPREM
        return Cloud.WORLDWIDE

    @property
    def email(self) -> str:
        return f"admin@{self.domain}"

    @property
    def relay(self) -> bool:
        """A relay scenario: the wizard ticks the Relay area and fills in its page."""
        return self.name in RELAY_DEMOS

    def display(self) -> str:
        return f"{QCoreApplication.translate('Demo', self.label)} — {self.domain}"


_CURATED = (
    ("healthy", QT_TRANSLATE_NOOP("Demo", "Healthy Exchange Online tenant")),
    ("fabrikam", QT_TRANSLATE_NOOP("Demo", "Healthy Exchange Server (on-premises)")),
    ("spf-loop", QT_TRANSLATE_NOOP("Demo", "Broken: SPF includes form a loop")),
    ("no-mx", QT_TRANSLATE_NOOP("Demo", "Broken: no MX record")),
    ("two-spf", QT_TRANSLATE_NOOP("Demo", "Broken: two SPF records")),
    ("dmarc-bad", QT_TRANSLATE_NOOP("Demo", "Broken: DMARC syntax errors")),
    ("msoid", QT_TRANSLATE_NOOP("Demo", "Broken: stray msoid record")),
    ("ad-expired", QT_TRANSLATE_NOOP("Demo", "Broken: expired autodiscover certificate")),
    ("ad-401", QT_TRANSLATE_NOOP("Demo", "Broken: autodiscover rejects every sign-in")),
    (
        "ad-redirect-foreign",
        QT_TRANSLATE_NOOP("Demo", "Suspicious: redirect to a foreign host (asks you)"),
    ),
    ("ad-slow", QT_TRANSLATE_NOOP("Demo", "Hangs: autodiscover never answers (try Cancel)")),
    # Relay test sends (issue 14; assistant/lab/relay_scenarios.py): the Relay page is
    # filled in for them, the confirmation to send is still the user's.
    ("relay-ip", QT_TRANSLATE_NOOP("Demo", "Relay: a connector for this IP address")),
    ("relay-reject-direct", QT_TRANSLATE_NOOP("Demo", "Relay: Reject Direct Send is on")),
    ("relay-denied", QT_TRANSLATE_NOOP("Demo", "Relay: no connector, external mail refused")),
    ("relay-tls-old", QT_TRANSLATE_NOOP("Demo", "Relay: the MX speaks only TLS 1.0")),
    ("relay-port25-silent", QT_TRANSLATE_NOOP("Demo", "Relay: port 25 is black-holed")),
    ("relay-junk", QT_TRANSLATE_NOOP("Demo", "Relay: SPF fails, the message lands in Junk")),
    ("relay-lost", QT_TRANSLATE_NOOP("Demo", "Relay: accepted but never delivered")),
    # SharePoint, Lync/Skype for Business and Teams next to Exchange Server (issue 15;
    # assistant/lab/integration_scenarios.py): the Integration page is filled in for them.
    ("int-hybrid", QT_TRANSLATE_NOOP("Demo", "Integration: healthy hybrid with SharePoint")),
    ("int-no-bearer", QT_TRANSLATE_NOOP("Demo", "Integration: no OAuth (Bearer) challenge")),
    ("int-wrong-tenant", QT_TRANSLATE_NOOP("Demo", "Integration: OAuth trusts another tenant")),
    ("int-no-metadata", QT_TRANSLATE_NOOP("Demo", "Integration: auth metadata missing")),
    (
        "int-expired-metadata",
        QT_TRANSLATE_NOOP("Demo", "Integration: auth certificate expired"),
    ),
    ("int-ews-unpublished", QT_TRANSLATE_NOOP("Demo", "Integration: EWS not published")),
    ("int-old-build", QT_TRANSLATE_NOOP("Demo", "Integration: Exchange 2016, out of support")),
    (
        "int-lync-badcert",
        QT_TRANSLATE_NOOP("Demo", "Integration: lyncdiscover has the wrong certificate"),
    ),
    ("int-no-svc", QT_TRANSLATE_NOOP("Demo", "Integration: autodiscover.svc does not answer")),
)
RELAY_DEMOS = frozenset(name for name, _label in _CURATED if name.startswith("relay-"))
INTEGRATION_DEMOS = frozenset(name for name, _label in _CURATED if name.startswith("int-"))


def scenarios(extra: str | None = None) -> list[DemoScenario]:
    """The curated list (those the lab still has), plus `extra` if it is another lab name."""
    from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

    known = {*SCENARIOS, *AD_SCENARIOS}
    found = [DemoScenario(name, label) for name, label in _CURATED if name in known]
    if extra and extra in known and extra not in {s.name for s in found}:
        found.append(DemoScenario(extra, extra))
    return found


def is_scenario(name: str) -> bool:
    from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

    return name in SCENARIOS or name in AD_SCENARIOS


def start_lab() -> Lab:
    """Blocking (about a second): call it on a worker thread."""
    from assistant.lab.tenant import Lab

    return Lab().start()


def is_relay_demo(name: str) -> bool:
    return name in RELAY_DEMOS


def is_integration_demo(name: str) -> bool:
    """An integration scenario: the wizard ticks its area and fills in its page."""
    return name in INTEGRATION_DEMOS


def demo_sharepoint_url(name: str) -> str:
    """The SharePoint site the integration demo `name` checks (as `demo` on the command
    line does: assistant/lab/cli.py demo_integration)."""
    from assistant.lab.cli import demo_integration

    plan = demo_integration(name)
    return plan.sharepoint_url if plan is not None and plan.sharepoint_url else ""
