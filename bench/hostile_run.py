"""Run the check that meets one catalogue behaviour, and measure what it cost.

`meet(behaviour, hostile, lab)` runs the behaviour's check through the engine (Runner)
against the hostile lab (or the tenant lab for `main_lab` behaviours) and returns an
Outcome: the verdict, CPU seconds (time.process_time: this process, lab threads
included), the growth of the process's peak RSS, the threads left behind, and where
the canary password arrived. `healthy(protocol, lab)` is the same run against a
healthy server of the tenant lab: the baseline the costs are compared with.

It lives here, not in assistant/lab/hostile/, because the lab never uses the checks or the
runner (pyproject.toml's import contracts); tests/integration/test_hostile_catalogue.py and
bench/reliability.py both use it.
"""

from __future__ import annotations

import resource
import threading
import time
from dataclasses import dataclass, field

from assistant.auth.credentials import PasswordCredential
from assistant.checks.registry import select
from assistant.config import NetworkOptions, Target
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.hostile.catalogue import Behaviour
from assistant.lab.hostile.lab import HostileLab
from assistant.lab.mail import PLANTED_USER
from assistant.lab.tenant import Lab
from assistant.model import Status, Step
from assistant.net.redact import secret_forms
from assistant.runner import Runner

# The password every hostile run carries: found in anything a hostile server received
# (plain, base64, SASL or Basic forms), it is a leak.
CANARY = "Canary-19-hostile-Pa55!"
TIMEOUT = 1.0  # seconds per network operation (the tests' shortened deadline)
CHECK_DEADLINE = 5.0  # seconds for one whole check
DEADLINE_WORDS = "did not finish within its"
_SETTLE = 3.0  # seconds a finished run's helper threads get to end
HEALTHY = {
    "https": ("admin@fabrikam.test", "", Cloud.ONPREM),
    "dns": ("admin@contoso.test", "", Cloud.WORLDWIDE),
    "mx": ("admin@contoso.test", "", Cloud.WORLDWIDE),
    "smtp": (PLANTED_USER, "smtp.office365.com:587", Cloud.WORLDWIDE),
    "imap": (PLANTED_USER, "outlook.office365.com:993", Cloud.WORLDWIDE),
    "pop": (PLANTED_USER, "outlook.office365.com:995", Cloud.WORLDWIDE),
}


@dataclass
class Outcome:
    name: str
    protocol: str
    check: str
    status: str
    summary: str  # every step of the run (prerequisites too): "id: status: summary | ..."
    cpu_seconds: float
    rss_growth_mb: float
    wall_seconds: float
    threads_left: list[str] = field(default_factory=list)
    leaked_to: list[str] = field(default_factory=list)  # hosts that received the password
    crashed: list[str] = field(default_factory=list)  # steps with Status.ERROR
    verdict: str = ""  # the check's own summary

    @property
    def stopped_at_deadline(self) -> bool:
        return DEADLINE_WORDS in self.summary

    def names_cause(self, words: tuple[str, ...], domain: str = "") -> bool:
        # Host names are not causes: 'cname-loop.hostile.test' must not match 'CNAME'.
        text = self.summary.lower()
        if domain:
            text = text.replace(domain.lower(), "<domain>")
        return any(word.lower() in text for word in words)

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _threads_left(before: set[int]) -> list[str]:
    """Threads started during the run that are still alive after a short settling time;
    the labs' own threads (lab-*) are theirs to manage."""
    give_up = time.monotonic() + _SETTLE
    while True:
        left = [
            t
            for t in threading.enumerate()
            if t.ident not in before and not t.name.startswith("lab-") and t.is_alive()
        ]
        if not left or time.monotonic() > give_up:
            return [t.name for t in left]
        time.sleep(0.05)


def _run(
    name: str,
    protocol: str,
    check: str,
    target: Target,
    options: NetworkOptions,
    credential: PasswordCredential,
) -> tuple[Outcome, list[Step]]:
    before = {t.ident for t in threading.enumerate() if t.ident is not None}
    rss = _peak_rss_mb()
    started, wall = time.process_time(), time.monotonic()
    runner = Runner(target, options, credentials=credential, consent=lambda host, why: False)
    steps = runner.run(select([check]))
    cpu, wall = time.process_time() - started, time.monotonic() - wall
    step = next(s for s in steps if s.id == check)
    # The check's verdict and its prerequisites' (dns.resolver names a silent server).
    text = " | ".join(f"{s.id}: {s.status.value}: {s.summary}" for top in steps for s in top.walk())
    return (
        Outcome(
            name,
            protocol,
            check,
            step.status.value,
            text,
            round(cpu, 3),
            round(_peak_rss_mb() - rss, 1),
            round(wall, 3),
            _threads_left(before),
            crashed=[s.id for s in step.walk() if s.status is Status.ERROR],
            verdict=step.summary,
        ),
        steps,
    )


def meet(
    behaviour: Behaviour,
    hostile: HostileLab,
    lab: Lab,
    *,
    timeout: float = TIMEOUT,
    check_deadline: float = CHECK_DEADLINE,
) -> Outcome:
    cloud = Cloud.ONPREM if behaviour.protocol == "https" else Cloud.WORLDWIDE
    if behaviour.protocol in ("smtp", "imap", "pop"):
        address = PLANTED_USER  # the mail host is not in this domain: no password goes to it
    else:
        address = f"admin@{behaviour.domain}"
    target = Target.parse(address, cloud)
    if behaviour.main_lab:
        password = LAB_PASSWORD
        options = lab.network_options(timeout=timeout, check_deadline=check_deadline)
        seen = len(lab.credentials_seen)
    else:
        password = CANARY
        options = hostile.network_options(behaviour, timeout=timeout, check_deadline=check_deadline)
    outcome, _ = _run(
        behaviour.name,
        behaviour.protocol,
        behaviour.check,
        target,
        options,
        PasswordCredential(address, password),
    )
    if behaviour.main_lab:
        outcome.leaked_to = sorted(
            {s.host for s in lab.credentials_seen[seen:] if s.host not in behaviour.may_receive}
        )
    else:
        forms = [f.encode() for f in secret_forms(CANARY, [address])]
        outcome.leaked_to = sorted(
            host
            for host, got in hostile.received(behaviour).items()
            if host not in behaviour.may_receive and any(form in got for form in forms)
        )
    return outcome


def healthy(protocol: str, lab: Lab, check: str, *, timeout: float = TIMEOUT) -> Outcome:
    """The same check against a healthy server of the tenant lab (the baseline)."""
    address, endpoint, cloud = HEALTHY[protocol]
    options = lab.network_options(timeout=timeout, check_deadline=CHECK_DEADLINE * 4)
    if endpoint:
        options = NetworkOptions(**{**options.__dict__, "endpoints": ((protocol, endpoint),)})
    password = LAB_PASSWORD
    outcome, _ = _run(
        f"healthy-{protocol}",
        protocol,
        check,
        Target.parse(address, cloud),
        options,
        PasswordCredential(address, password),
    )
    return outcome
