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
    def group(self) -> str:
        """Which part of the picker it is listed in (a key of GROUPS)."""
        return group_of(self.name)

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

# The picker's groups, in order (translatable, context "Demo"). Which scenario belongs where
# follows the lab's registries (group_of); the mail-routing faults are DNS scenarios about
# where mail goes rather than about a record's content.
GROUPS = (
    ("dns", QT_TRANSLATE_NOOP("Demo", "DNS records: SPF, DMARC, DKIM, resolvers")),
    ("mail", QT_TRANSLATE_NOOP("Demo", "Mail routing faults: MX, MTA-STS, DANE")),
    ("autodiscover", QT_TRANSLATE_NOOP("Demo", "Autodiscover and Exchange")),
    ("relay", QT_TRANSLATE_NOOP("Demo", "Relay test sends")),
    ("integration", QT_TRANSLATE_NOOP("Demo", "SharePoint, Skype for Business and Teams")),
)
_MAIL_ROUTING = frozenset(
    {"no-mx", "two-mx", "mx-cname", "cname-loop", "sts-mismatch", "dane-mismatch"}
)


def group_of(name: str) -> str:
    from assistant.lab.integration_scenarios import INTEGRATION_SCENARIOS
    from assistant.lab.relay_scenarios import RELAY_SCENARIOS
    from assistant.lab.zones import AD_SCENARIOS

    if name in INTEGRATION_SCENARIOS:
        return "integration"
    if name in RELAY_SCENARIOS and name != "healthy":  # healthy: the relay's baseline too
        return "relay"
    if name in AD_SCENARIOS:
        return "autodiscover"
    return "mail" if name in _MAIL_ROUTING else "dns"


def group_label(key: str) -> str:
    """The group's heading in the current language."""
    label = dict(GROUPS)[key]
    return QCoreApplication.translate("Demo", label)


def _description(name: str) -> str:
    """The lab's own one-line description (English: the lab's data, not the UI's)."""
    from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

    found = SCENARIOS.get(name) or AD_SCENARIOS.get(name)
    text = found.description.replace("{x}", "…") if found is not None else name
    return text[:1].upper() + text[1:]


def scenarios(extra: str | None = None) -> list[DemoScenario]:
    """Every scenario the lab has, by group (GROUPS' order): in each, the curated ones
    first with their translated labels, then the rest with the lab's description.
    `extra` (a name the caller wants listed) is always among them when the lab has it."""
    from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

    del extra  # every lab scenario is listed
    curated = dict(_CURATED)
    names = [n for n, _label in _CURATED if n in SCENARIOS or n in AD_SCENARIOS]
    names += [n for n in (*SCENARIOS, *AD_SCENARIOS) if n not in curated]
    order = {key: index for index, (key, _label) in enumerate(GROUPS)}
    found = [DemoScenario(n, curated.get(n) or _description(n)) for n in names]
    return sorted(found, key=lambda s: order[s.group])  # stable: curated first per group


def is_scenario(name: str) -> bool:
    from assistant.lab.zones import AD_SCENARIOS, SCENARIOS

    return name in SCENARIOS or name in AD_SCENARIOS


def start_lab() -> Lab:
    """Blocking (about a second): call it on a worker thread."""
    from assistant.lab.tenant import Lab

    return Lab().start()


def is_relay_demo(name: str) -> bool:
    """A relay scenario (every relay-* one the lab has, not only the curated)."""
    return name in RELAY_DEMOS or group_of(name) == "relay"


def is_integration_demo(name: str) -> bool:
    """An integration scenario: the wizard ticks its area and fills in its page."""
    return name in INTEGRATION_DEMOS or group_of(name) == "integration"


def demo_sharepoint_url(name: str) -> str:
    """The SharePoint site the integration demo `name` checks (as `demo` on the command
    line does: assistant/lab/cli.py demo_integration)."""
    from assistant.lab.cli import demo_integration

    plan = demo_integration(name)
    return plan.sharepoint_url if plan is not None and plan.sharepoint_url else ""
