"""Our autodiscover walk against exchangelib's, where the first candidates are black holes.

    .venv/bin/python bench/bench_autodiscover.py [deadline_seconds]   (default 10)

The topology (issue 17 item 4), for both: the domain's root and autodiscover.<domain>
black-holed (every packet dropped: lab latency.py's BlackHole, so a connect waits for
its timeout), and _autodiscover._tcp SRV naming mail.<domain>:443, which answers. The
lab scenario is `ad-srv-hung`; the bench adds two copies of it (ad-srv-hung-2, -3) for
the three-domains-at-once run. Every network wait has the same per-operation timeout,
the "deadline" below; the check's own deadline is generous so that exchangelib's
sequential walk is not cut short.

Figures, as ratios of the deadline or of the one-domain run measured here:
- ours_final_ratio: our check's final verdict (wall time / deadline); target <= 1.05.
- exchangelib_ratio: exchangelib's Autodiscovery.discover() (wall time / deadline); ~3,
  since it tries root, autodiscover.* and port 80 one after another before SRV. (The
  product's adapter refuses plain http:// at once; the bench's route lets exchangelib's
  step 3 try it, so it waits on the black hole as stock exchangelib would.)
- first_usable_s: when our run first held a usable EWS answer: the engine's provisional
  result event when it has one (first_usable_source "provisional"), else the first
  autodiscover candidate's StepFinished that passed ("step_finished"); target <= 0.2 s.
  provisional_s: the ProvisionalResult event alone (-1 while the engine has none).
- same_ews_url: both found the same EWS URL.
- ours_3_vs_1 / exchangelib_3_vs_1: three domains at once (three runs in threads) against
  one; exchangelib serialises discover() behind its cache lock, so ~3. The *_3_spread_s
  figures: last finish minus first (ours ~0: they finish together).

Users say yes to the SRV redirect (consent), as exchangelib does without asking.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from assistant import events
from assistant.auth.credentials import PasswordCredential
from assistant.check import Check, Context
from assistant.checks.autodiscover import AUTODISCOVER_CHECKS
from assistant.checks.autodiscover.settings import discovered_settings
from assistant.config import NetworkOptions, Target
from assistant.facts import ENVIRONMENTS, Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.latency import Latency
from assistant.lab.tenant import Lab
from assistant.lab.zones import AD_SCENARIOS
from assistant.model import Status, Step
from assistant.net.network import Network
from assistant.runner import Runner

SCENARIO = "ad-srv-hung"
DOMAINS = tuple(f"{SCENARIO}{suffix}.test" for suffix in ("", "-2", "-3"))
CANDIDATE_PREFIX = "autodiscover."


def bench_lab() -> Lab:
    """The lab with three ad-srv-hung domains whose root and autodiscover.* drop packets."""
    base = AD_SCENARIOS[SCENARIO]
    copies = [replace(base, name=domain.removesuffix(".test")) for domain in DOMAINS[1:]]
    holes = frozenset(host for d in DOMAINS for host in (d, f"autodiscover.{d}"))
    return Lab(latency=Latency(black_holes=holes), extra_ad_scenarios=copies)


def options(lab: Lab, deadline: float) -> NetworkOptions:
    # Generous: exchangelib walks three timeouts per domain, one domain after another.
    return lab.network_options(timeout=deadline, check_deadline=5 * len(DOMAINS) * deadline + 5)


@dataclass
class Run:
    """One diagnosis' times (seconds from its start) and the EWS URL it found."""

    finished: float = 0.0
    first_usable: float | None = None
    first_usable_source: str = ""
    provisional: float | None = None  # the engine's ProvisionalResult event, when it came
    ews_url: str | None = None
    status: str = ""


def ours(lab: Lab, domain: str, deadline: float) -> Run:
    email = f"admin@{domain}"
    run = Run()
    provisional = getattr(events, "ProvisionalResult", None)  # the engine's, once it has one
    lock = threading.Lock()
    started = time.monotonic()

    def on_event(event: object) -> None:
        at = time.monotonic() - started
        source = ""
        if provisional is not None and isinstance(event, provisional):
            source = "provisional"
        elif (
            isinstance(event, events.StepFinished)
            and event.step.id.startswith(CANDIDATE_PREFIX)
            and event.step.status is Status.PASS
            and event.step.id != "autodiscover.soap"
        ):
            source = "step_finished"
        with lock:
            if source == "provisional" and run.provisional is None:
                run.provisional = at
            if source and run.first_usable is None:
                run.first_usable, run.first_usable_source = at, source

    runner = Runner(
        Target.parse(email, Cloud.ONPREM),
        options(lab, deadline),
        credentials=PasswordCredential(email, LAB_PASSWORD),
        consent=lambda host, why: True,
    )
    [step] = runner.run(AUTODISCOVER_CHECKS, on_event=on_event)
    run.finished = time.monotonic() - started
    run.status = step.status.value
    settings = discovered_settings({"autodiscover.result": step}, ENVIRONMENTS[Cloud.ONPREM])
    run.ews_url = settings.ews_url
    return run


@contextmanager
def exchangelib_pointed_at(lab: Lab) -> Iterator[None]:
    """exchangelib resolves candidate hosts itself: its resolver asks the lab's DNS."""
    from exchangelib.autodiscover import Autodiscovery

    host, port = lab.dns.address
    saved = Autodiscovery.DNS_RESOLVER_KWARGS, Autodiscovery.DNS_RESOLVER_ATTRS
    Autodiscovery.DNS_RESOLVER_KWARGS = {"configure": False}
    Autodiscovery.DNS_RESOLVER_ATTRS = {"nameservers": [host], "port": port, "timeout": 2}
    try:
        yield
    finally:
        Autodiscovery.DNS_RESOLVER_KWARGS, Autodiscovery.DNS_RESOLVER_ATTRS = saved


@contextmanager
def stock_route(net: Network, hosts: frozenset[str]) -> Iterator[None]:
    """exchangelib_adapter.bound_route, but step 3's plain http:// is let through: it
    then waits on the black-holed port as stock exchangelib would, where the product's
    route refuses it at once (a connect that is never answered is the same over TLS)."""
    from assistant.net import exchangelib_adapter as adapter

    class PlainHttpToo(adapter.EwsRoute):
        def admit(self, url: str) -> tuple[str, int]:
            parts = urlsplit(url)
            if parts.scheme == "http":
                return super().admit(parts._replace(scheme="https").geturl())[0], (parts.port or 80)
            return super().admit(url)

    adapter.install()
    route = PlainHttpToo(net, hosts)
    bound = adapter._ACTIVE.set(route)  # as bound_route does, with this route
    try:
        yield
    finally:
        route.close()
        adapter._ACTIVE.reset(bound)


def theirs(lab: Lab, domain: str, deadline: float) -> Run:
    """exchangelib's own discover(), sent through the product's adapter (connect-to, the
    lab's CA, the per-operation timeout), as tests/integration/test_autodiscover.py does."""
    import exchangelib
    from exchangelib.autodiscover import Autodiscovery

    email = f"admin@{domain}"
    run = Run()

    def discovery(ctx: Context) -> Step:
        hosts = frozenset({domain, f"autodiscover.{domain}", f"mail.{domain}"})
        with stock_route(ctx.net, hosts):
            credentials = exchangelib.Credentials(email, LAB_PASSWORD)
            discovered, protocol = Autodiscovery(email, credentials).discover()
            run.ews_url = discovered.ews_url
            protocol.close()
        return Step("bench.exchangelib", "exchangelib autodiscover", Status.PASS)

    check = Check("bench.exchangelib", "exchangelib autodiscover", discovery)
    started = time.monotonic()
    [step] = Runner(Target.parse(email, Cloud.ONPREM), options(lab, deadline)).run([check])
    run.finished = time.monotonic() - started
    run.status = step.status.value
    return run


def at_once(
    job: Callable[[Lab, str, float], Run], lab: Lab, deadline: float
) -> tuple[float, float]:
    """Wall time of `job` for every domain, each in its own thread, all started together,
    and the spread of their finishing times (0: they finished together)."""
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(DOMAINS)) as pool:
        runs = list(pool.map(lambda d: job(lab, d, deadline), DOMAINS))
    elapsed = time.monotonic() - started
    if any(r.ews_url is None for r in runs):
        raise RuntimeError(f"a concurrent run found no EWS URL: {runs}")
    finished = [r.finished for r in runs]
    return elapsed, max(finished) - min(finished)


def _clear_exchangelib_cache() -> None:
    from exchangelib.autodiscover import clear_cache

    from assistant.net.exchangelib_adapter import install

    install()  # first: it moves exchangelib's persistent cache to the product's folder
    clear_cache()  # each discover() must walk, not answer from the previous run's cache


def main(deadline: float = 10.0) -> dict[str, Any]:
    with bench_lab() as lab, exchangelib_pointed_at(lab):
        ours(lab, DOMAINS[0], deadline)  # warm up: imports, TLS contexts
        one = ours(lab, DOMAINS[0], deadline)
        _clear_exchangelib_cache()
        other = theirs(lab, DOMAINS[0], deadline)
        ours_three, ours_spread = at_once(ours, lab, deadline)
        _clear_exchangelib_cache()
        their_three, their_spread = at_once(theirs, lab, deadline)
        _clear_exchangelib_cache()
    result: dict[str, Any] = {
        "deadline_s": deadline,
        "ours_final_s": one.finished,
        "ours_final_ratio": one.finished / deadline,
        "ours_status": one.status,
        "first_usable_s": one.first_usable if one.first_usable is not None else -1.0,
        "first_usable_source": one.first_usable_source or "none",
        "provisional_s": one.provisional if one.provisional is not None else -1.0,
        "exchangelib_s": other.finished,
        "exchangelib_ratio": other.finished / deadline,
        "exchangelib_status": other.status,
        "exchangelib_vs_ours": other.finished / one.finished,
        "ours_ews_url": one.ews_url or "",
        "exchangelib_ews_url": other.ews_url or "",
        "same_ews_url": one.ews_url is not None and one.ews_url == other.ews_url,
        "ours_3_domains_s": ours_three,
        "ours_3_vs_1": ours_three / one.finished,
        "ours_3_spread_s": ours_spread,
        "exchangelib_3_domains_s": their_three,
        "exchangelib_3_vs_1": their_three / other.finished,
        "exchangelib_3_spread_s": their_spread,
    }
    for key, value in result.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:>24}: {shown}")
    return result


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
