"""Helpers for the OAuth tests against the lab: credentials for the lab's apps, a run
that approves the device code through the lab identity provider's hook, and lookups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.auth.credentials import AccessToken, OAuthCredential
from assistant.auth.msal_provider import MsalTokenProvider
from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.checks.registry import select, with_sign_in
from assistant.config import Target
from assistant.events import Event, SignInPrompt
from assistant.facts import Cloud
from assistant.lab.identity import CONNECTIVITY_APP
from assistant.lab.tenant import Lab
from assistant.model import Step
from assistant.net.redact import Redactor
from assistant.relay_plan import RelayPlan
from assistant.report.runlog import RunLog
from assistant.runner import Runner

MAILBOX = "admin@contoso.test"
OUTLOOK = "https://outlook.office.com"


def provider(flow: Flow, **kw: Any) -> MsalTokenProvider:
    values: dict[str, Any] = {
        "client_id": CONNECTIVITY_APP,
        "cloud": Cloud.WORLDWIDE,
        "tenant": None,
        "domain": "contoso.test",
        "protocols": ("imap", "pop", "smtp", "ews"),
    }
    open_browser = kw.pop("open_browser", None)
    values.update(kw)
    return MsalTokenProvider(OAuthConfig.build(flow, **values), open_browser=open_browser)


def user_sign_in(mailbox: str = MAILBOX, **kw: Any) -> OAuthCredential:
    return OAuthCredential(mailbox, provider=provider(Flow.DEVICE, **kw))


def app_sign_in(mailbox: str = MAILBOX, **kw: Any) -> OAuthCredential:
    kw.setdefault("tenant", "contoso.test")
    kw.setdefault("protocols", ("ews",))
    return OAuthCredential(mailbox, provider=provider(Flow.APP, **kw))


def given_token(token: str, protocols: Sequence[str], mailbox: str = MAILBOX) -> OAuthCredential:
    return OAuthCredential(mailbox, tokens=[AccessToken(token, OUTLOOK)], protocols=protocols)


@dataclass
class OAuthRun:
    steps: list[Step]
    events: list[Event]
    redactor: Redactor
    log: RunLog
    prompts: list[SignInPrompt] = field(default_factory=list)

    def step(self, step_id: str) -> Step:
        for top in self.steps:
            found = top.find(step_id)
            if found is not None:
                return found
        raise KeyError(step_id)


def run(
    lab: Lab,
    credential: OAuthCredential,
    checks: Sequence[str],
    *,
    approve_as: str | None = None,
    email: str = MAILBOX,
    cloud: Cloud = Cloud.WORLDWIDE,
    relay: RelayPlan | None = None,
) -> OAuthRun:
    """Run `checks` signed in with `credential`; a device code is approved as
    `approve_as` through the lab identity provider the moment the run shows it."""
    redactor = Redactor()
    target = Target.parse(email, cloud)
    runner = Runner(
        target, lab.network_options(), redactor=redactor, credentials=credential, relay=relay
    )
    log = RunLog(redactor=redactor)
    events: list[Event] = []
    prompts: list[SignInPrompt] = []

    def on_event(event: Event) -> None:
        events.append(event)
        log.record(event)
        if isinstance(event, SignInPrompt):
            prompts.append(event)
            if approve_as is not None:
                lab.identity.approve(getattr(event.prompt, "user_code", None), approve_as)

    steps = runner.run(with_sign_in(select(list(checks))), on_event)
    return OAuthRun(steps, events, redactor, log, prompts)


def finding_keys(step: Step) -> list[str]:
    """The named causes a step's evidence carries (auth.token's children)."""
    keys: list[str] = []
    for evidence in step.evidence:
        if evidence.label == "Named cause":
            keys.append(evidence.data["key"])
        if evidence.label == "Findings":
            keys += [row["key"] for row in evidence.data]
    return keys
