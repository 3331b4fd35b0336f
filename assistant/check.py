"""The check contract: what a check is (`Check`), what it is given (`Context`), and what it
returns (a `Step`, assistant/model.py). Checks import this module only; how checks are
scheduled, cancelled and timed is the runner's business (runner.py)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from assistant.auth.credentials import Credentials
from assistant.cancel import CancelToken, Deadline
from assistant.config import NetworkOptions, Target
from assistant.events import Event, ProvisionalResult, StepFinished, StepStarted
from assistant.hostnames import HostNameError, ascii_host
from assistant.integration_plan import IntegrationPlan
from assistant.model import Step
from assistant.net.network import Network
from assistant.net.redact import Redactor
from assistant.net.resolver import Resolver
from assistant.relay_plan import RelayPlan

EventSink = Callable[[Event], None]
ConsentHook = Callable[[str, str], bool]  # (host, why) -> allowed; may be called from workers


@dataclass
class Context:
    """Everything one check may use. Built fresh for each check; no globals."""

    check_id: str
    target: Target
    options: NetworkOptions
    token: CancelToken
    deadline: Deadline
    resolver: Resolver
    redactor: Redactor
    results: Mapping[str, Step]  # finished checks this one requires or runs after
    emit: EventSink = field(repr=False)
    credentials: Credentials | None = field(default=None, repr=False)
    consent: ConsentHook = field(default=lambda host, why: False, repr=False)
    # The relay test run's plan (relay_plan.py); None when the run sends nothing.
    relay: RelayPlan | None = field(default=None, repr=False)
    # The integration run's products and addresses (integration_plan.py); None: every
    # product, no SharePoint site, no pool name.
    integration: IntegrationPlan | None = field(default=None, repr=False)
    # How many checks the run has under way at once (Runner's max_workers). A check that
    # fans out (autodiscover's candidates) keeps within it: one worker means one network
    # operation at a time, candidates in Outlook's order.
    parallel: int = 8

    def may_use_host(self, host: str, why: str) -> bool:
        """Whether the user allows sending credentials to a host outside the rules.

        --trust-host answers without asking; otherwise the consent hook (the wizard's
        dialog) decides. The CLI's hook says no.
        """
        try:
            host = ascii_host(host)  # the name the connection will use (hostnames.py)
        except HostNameError:
            return False  # a name with no single ASCII form is never allowed, not even asked
        if host in self.options.trusted_hosts:
            return True
        return self.consent(host, why)

    def step_started(self, step_id: str, title: str) -> None:
        self.emit(StepStarted(self.check_id, step_id, title))

    def step_finished(self, step: Step) -> None:
        self.emit(StepFinished(self.check_id, step))

    def provide(self, step: Step) -> None:
        """Publish this check's first usable answer before its final verdict: the checks
        that wait for it and start early begin on it now (events.ProvisionalResult)."""
        self.emit(ProvisionalResult(step))

    def op_timeout(self) -> float:
        """The time one network operation may take now: the lesser of timeout and deadline."""
        return self.deadline.budget(self.options.timeout)

    @property
    def net(self) -> Network:
        return Network(self.options, self.resolver, self.token, self.deadline)


CheckFunc = Callable[[Context], Step]


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    run: CheckFunc
    requires: tuple[str, ...] = ()
    deadline: float | None = None  # seconds; None: NetworkOptions.check_deadline
    # Ordering only: run after these when they are in the run (and see their results);
    # ignored when they are not. Never pulled in by the registry's selection.
    after: tuple[str, ...] = ()
    # Left out of "every check" (registry.select(None)); runs when named, or when the
    # front end adds it (auth.token, in a run that signs in with OAuth).
    explicit_only: bool = False
    # What the front ends need to know, said once here rather than in tables of their own:
    # whether the check signs in (the wizard asks for credentials), and which protocol's
    # OAuth permission its sign-in needs ("imap", "pop", "smtp", "ews"; auth/scopes.py).
    needs_credentials: bool = False
    oauth_protocol: str | None = None
    # Waits for mail to arrive (relay.roundtrip): its deadline grows by the run's
    # --roundtrip-wait (RelayPlan.check_deadline).
    waits_for_mail: bool = False
    # May start on a provisional result of what it waits for (Context.provide), instead of
    # waiting for the final one: the checks that only read autodiscover's settings start on
    # its first usable answer while slower candidates run to their deadline (issue 17).
    starts_early: bool = False

    def waits_for(self, present: Collection[str]) -> tuple[str, ...]:
        """What this check waits for in a run made of `present`: requires, and the
        `after` checks that are there."""
        return self.requires + tuple(
            d for d in self.after if d in present and d not in self.requires
        )

    @property
    def area(self) -> str:
        return self.id.split(".", 1)[0]
