"""dns.mx's verdict, a pure function of what the lookups found (records.py makes them).

`mx_answer_verdict` judges the MX answer itself (no such domain, no MX, a null MX);
`mx_verdict` judges the hosts behind the records: a table of cases, the first that applies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.facts import CLASSIC_MX_SUFFIX, LINKS, Cloud, Environment
from assistant.model import Evidence, Remedy, Status, Step, worst
from assistant.net.resolver import Outcome
from assistant.text import join, msg, verbatim


@dataclass(frozen=True)
class MxVerdict:
    status: Status
    summary: str
    remedy: Remedy | None = None
    details: str = ""

    def step(
        self,
        check_id: str,
        title: str,
        evidence: list[Evidence],
        children: list[Step] | None = None,
    ) -> Step:
        return Step(
            check_id,
            title,
            self.status,
            summary=self.summary,
            details=self.details,
            remedy=self.remedy,
            evidence=evidence,
            children=children or [],
        )


def mx_answer_verdict(
    domain: str, env: Environment, outcome: Outcome, records: Sequence[tuple[int, str]]
) -> MxVerdict | None:
    """The verdict when the MX answer itself says the domain takes no mail (no such domain,
    no MX, a null MX); None when its hosts are worth looking up."""
    if outcome is Outcome.NXDOMAIN:
        return MxVerdict(
            Status.FAIL,
            msg("{domain} does not exist in DNS (NXDOMAIN)", domain=domain),
            Remedy(
                msg(
                    "Check the spelling of the domain, and that it is registered and delegated "
                    "to your DNS host."
                )
            ),
        )
    if outcome is Outcome.NODATA:
        return MxVerdict(
            Status.FAIL,
            msg(
                "{domain} has no MX record: other servers cannot deliver mail to it", domain=domain
            ),
            _add_mx_remedy(domain, env),
        )
    if list(records) == [(0, "")]:
        return MxVerdict(
            Status.FAIL,
            msg(
                "{domain} publishes a null MX (RFC 7505): it declares it accepts no mail",
                domain=domain,
            ),
            _add_mx_remedy(domain, env),
        )
    return None


def _add_mx_remedy(domain: str, env: Environment) -> Remedy:
    return Remedy(
        msg(
            "At your DNS host, add one MX record for {domain} pointing at your tenant's host "
            "under {suffix} (shown in the Microsoft 365 admin center under Settings > Domains).",
            domain=domain,
            suffix=env.mx_suffixes[0],
        )
        if env.is_cloud
        else msg(
            "At your DNS host, add one MX record for {domain} pointing at your mail gateway "
            "or Exchange server.",
            domain=domain,
        ),
        LINKS["mx"],
    )


@dataclass(frozen=True)
class MxHosts:
    """What the lookups found behind a domain's MX records: the verdict's whole input."""

    env: Environment
    records: Sequence[tuple[int, str]]  # (preference, host), sorted
    hosts: Sequence[Step]  # dns.mx.host.<n>, one per record, judged on its own
    canonical: Mapping[str, str]  # host → the name its CNAMEs lead to (itself if none)

    @property
    def names(self) -> list[str]:
        return [host for _, host in self.records]

    @property
    def microsoft(self) -> list[str]:
        # A CNAME'd MX is judged by where it leads; the CNAME itself is flagged separately.
        return [h for h in self.names if _is_cloud_mx(self.canonical[h], self.env.mx_suffixes)]

    @property
    def others(self) -> list[str]:
        return [h for h in self.names if h not in self.microsoft]

    @property
    def host_status(self) -> Status:
        return worst([h.status for h in self.hosts])

    @property
    def listing(self) -> str:
        return ", ".join(f"{p} {h}" for p, h in self.records)


@dataclass(frozen=True)
class _MxCase:
    when: Callable[[MxHosts], bool]
    at_least: Callable[[MxHosts], Status]  # the verdict is this or the hosts' own, if worse
    summary: Callable[[MxHosts], str]
    remedy: Callable[[MxHosts], Remedy | None]


# The verdict on a domain's MX hosts: the first case that applies.
_MX_CASES: tuple[_MxCase, ...] = (
    _MxCase(
        lambda f: f.host_status is Status.FAIL,
        lambda f: Status.FAIL,
        lambda f: join("; ", [h.summary for h in f.hosts if h.status is Status.FAIL]),
        lambda f: Remedy(
            msg(
                "Correct the MX record to the exact host name shown for your domain in the "
                "admin center; every MX target must have an A or AAAA record."
            ),
            LINKS["mx"],
        ),
    ),
    _MxCase(
        lambda f: f.env.is_cloud and bool(f.microsoft) and bool(f.others),
        lambda f: Status.WARN,
        lambda f: msg(
            "MX records mix Microsoft 365 ({microsoft}) and other hosts ({others}): mail can "
            "bypass Exchange Online Protection",
            microsoft=", ".join(f.microsoft),
            others=", ".join(f.others),
        ),
        lambda f: Remedy(
            msg(
                "Keep only the Microsoft 365 MX record, or route all mail through one gateway "
                "and set up a connector with Enhanced Filtering for it."
            ),
            LINKS["mx"],
        ),
    ),
    _MxCase(
        lambda f: f.env.is_cloud and not f.microsoft,
        lambda f: Status.WARN,
        lambda f: msg(
            "MX points at {hosts}, not Exchange Online ({suffix})",
            hosts=", ".join(f.names),
            suffix=f.env.mx_suffixes[0],
        ),
        lambda f: Remedy(
            msg(
                "If a third-party filtering service is intended, set up an inbound connector "
                "and Enhanced Filtering for it; otherwise point the MX at your Microsoft 365 "
                "host."
            ),
            LINKS["mx"],
        ),
    ),
    _MxCase(
        lambda f: len(f.records) > 1,
        lambda f: Status.WARN if f.env.is_cloud else Status.PASS,
        lambda f: msg("{count} MX records: {records}", count=len(f.records), records=f.listing),
        lambda f: (
            Remedy(
                msg("Microsoft 365 expects exactly one MX record; remove the others."), LINKS["mx"]
            )
            if f.env.is_cloud
            else None
        ),
    ),
    _MxCase(
        lambda f: f.host_status is Status.WARN,
        lambda f: Status.WARN,
        lambda f: msg("MX host is a CNAME: {records}", records=f.listing),
        lambda f: Remedy(
            msg(
                "Point the MX record straight at a host with A/AAAA records; RFC 2181 §10.3 "
                "forbids an MX that names a CNAME, and some senders refuse it."
            ),
            LINKS["mx"],
        ),
    ),
    _MxCase(
        lambda f: True,
        lambda f: Status.PASS,
        lambda f: verbatim(f.listing),
        lambda f: None,
    ),
)


def mx_verdict(found: MxHosts) -> MxVerdict:
    """The verdict on a domain's MX hosts, from what their lookups found (no I/O)."""
    case = next(c for c in _MX_CASES if c.when(found))
    status = worst([found.host_status, case.at_least(found)])
    verdict = MxVerdict(status, case.summary(found), case.remedy(found))
    microsoft = found.microsoft
    classic = all(found.canonical[h].endswith(CLASSIC_MX_SUFFIX) for h in microsoft)
    if status is Status.PASS and found.env.cloud is Cloud.WORLDWIDE and microsoft and classic:
        return replace(
            verdict,
            details=msg(
                "This MX uses the mail.protection.outlook.com form. The newer "
                "*.mx.microsoft form supports inbound DNSSEC and DANE."
            ),
        )
    return verdict


def _is_cloud_mx(host: str, suffixes: tuple[str, ...]) -> bool:
    return any(host.endswith("." + s) for s in suffixes)
