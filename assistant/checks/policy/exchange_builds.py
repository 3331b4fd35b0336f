"""Exchange Server build numbers: which product and update a build is, and whether it is
still supported. A pure table, read by integration.teams.exchange from the EWS answer's
X-OWA-Version header (or a ServerVersionInfo element).

Source: Microsoft Learn, "Exchange Server build numbers and release dates"
(facts.INTEGRATION_LINKS["exchange_builds"]); each row is the first build of a cumulative
update (its security updates keep the same major build number and only raise the last
part). Support dates: facts.py (Exchange 2016/2019 left support on 2025-10-14; Exchange
Server Subscription Edition is the supported one). Checked December 2026.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from assistant.facts import (
    EXCHANGE_2010_END_OF_SUPPORT,
    EXCHANGE_2013_END_OF_SUPPORT,
    EXCHANGE_2016_2019_END_OF_SUPPORT,
    TEAMS_CALENDAR_MIN_BUILD,
)

Build = tuple[int, int, int, int]

# "15.2.2562.17" or the zero-padded "15.02.2562.017" some headers carry; at most 4 parts.
_BUILD = re.compile(r"^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,5})(?:\.(\d{1,5}))?\s*$")
MAX_BUILD_TEXT = 40


class Support(enum.StrEnum):
    SUPPORTED = "supported"
    ENDED = "ended"  # the product left support (end_of_support says when)
    CLOUD = "cloud"  # Exchange Online's own build (15.20.x): Microsoft keeps it current
    UNKNOWN = "unknown"  # older than the table knows


@dataclass(frozen=True)
class BuildInfo:
    build: Build
    product: str  # "Exchange Server 2019", "Exchange Server Subscription Edition (SE)"
    update: str  # "CU15", "RTM", "" when unknown
    support: Support
    end_of_support: str | None  # ISO date the product left support

    @property
    def shown(self) -> str:
        return ".".join(str(p) for p in self.build)

    @property
    def name(self) -> str:
        return f"{self.product} {self.update}".strip()


def parse_build(text: str | None) -> Build | None:
    """A build number as Exchange sends it; None for anything else (bounded input)."""
    if text is None or len(text) > MAX_BUILD_TEXT:
        return None
    m = _BUILD.match(text)
    if m is None:
        return None
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4) or 0))


_EX2010 = "Exchange Server 2010"
_EX2013 = "Exchange Server 2013"
_EX2016 = "Exchange Server 2016"
_EX2019 = "Exchange Server 2019"
_EXSE = "Exchange Server Subscription Edition (SE)"

# (first build of the update, product, update), by product; each product's rows ascending.
# Source: Microsoft Learn, "Exchange Server build numbers and release dates"
# (https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates);
# 2016 CU1-CU23 and 2019 CU1-CU14 checked against the table Microsoft's CSS-Exchange
# HealthChecker keeps (Shared/Get-ExchangeBuildVersionInformation.ps1), 2026-12-07.
_UPDATES: tuple[tuple[Build, str, str], ...] = (
    ((14, 0, 639, 21), _EX2010, "RTM"),
    ((14, 1, 218, 15), _EX2010, "SP1"),
    ((14, 2, 247, 5), _EX2010, "SP2"),
    ((14, 3, 123, 4), _EX2010, "SP3"),
    ((15, 0, 516, 32), _EX2013, "RTM"),
    ((15, 0, 620, 29), _EX2013, "CU1"),
    ((15, 0, 712, 24), _EX2013, "CU2"),
    ((15, 0, 775, 38), _EX2013, "CU3"),
    ((15, 0, 847, 32), _EX2013, "SP1"),
    ((15, 0, 913, 22), _EX2013, "CU5"),
    ((15, 0, 995, 29), _EX2013, "CU6"),
    ((15, 0, 1044, 25), _EX2013, "CU7"),
    ((15, 0, 1076, 9), _EX2013, "CU8"),
    ((15, 0, 1104, 5), _EX2013, "CU9"),
    ((15, 0, 1130, 7), _EX2013, "CU10"),
    ((15, 0, 1156, 6), _EX2013, "CU11"),
    ((15, 0, 1178, 4), _EX2013, "CU12"),
    ((15, 0, 1210, 3), _EX2013, "CU13"),
    ((15, 0, 1236, 3), _EX2013, "CU14"),
    ((15, 0, 1263, 5), _EX2013, "CU15"),
    ((15, 0, 1293, 2), _EX2013, "CU16"),
    ((15, 0, 1320, 4), _EX2013, "CU17"),
    ((15, 0, 1347, 2), _EX2013, "CU18"),
    ((15, 0, 1365, 1), _EX2013, "CU19"),
    ((15, 0, 1367, 3), _EX2013, "CU20"),
    ((15, 0, 1395, 4), _EX2013, "CU21"),
    ((15, 0, 1473, 3), _EX2013, "CU22"),
    ((15, 0, 1497, 2), _EX2013, "CU23"),
    ((15, 1, 225, 42), _EX2016, "RTM"),
    ((15, 1, 396, 30), _EX2016, "CU1"),
    ((15, 1, 466, 34), _EX2016, "CU2"),
    ((15, 1, 544, 27), _EX2016, "CU3"),
    ((15, 1, 669, 32), _EX2016, "CU4"),
    ((15, 1, 845, 34), _EX2016, "CU5"),
    ((15, 1, 1034, 26), _EX2016, "CU6"),
    ((15, 1, 1261, 35), _EX2016, "CU7"),
    ((15, 1, 1415, 2), _EX2016, "CU8"),
    ((15, 1, 1466, 3), _EX2016, "CU9"),
    ((15, 1, 1531, 3), _EX2016, "CU10"),
    ((15, 1, 1591, 10), _EX2016, "CU11"),
    ((15, 1, 1713, 5), _EX2016, "CU12"),
    ((15, 1, 1779, 2), _EX2016, "CU13"),
    ((15, 1, 1847, 3), _EX2016, "CU14"),
    ((15, 1, 1913, 5), _EX2016, "CU15"),
    ((15, 1, 1979, 3), _EX2016, "CU16"),
    ((15, 1, 2044, 4), _EX2016, "CU17"),
    ((15, 1, 2106, 2), _EX2016, "CU18"),
    ((15, 1, 2176, 2), _EX2016, "CU19"),
    ((15, 1, 2242, 4), _EX2016, "CU20"),
    ((15, 1, 2308, 8), _EX2016, "CU21"),
    ((15, 1, 2375, 7), _EX2016, "CU22"),
    ((15, 1, 2507, 6), _EX2016, "CU23"),
    ((15, 2, 221, 12), _EX2019, "RTM"),
    ((15, 2, 330, 5), _EX2019, "CU1"),
    ((15, 2, 397, 3), _EX2019, "CU2"),
    ((15, 2, 464, 5), _EX2019, "CU3"),
    ((15, 2, 529, 5), _EX2019, "CU4"),
    ((15, 2, 595, 3), _EX2019, "CU5"),
    ((15, 2, 659, 4), _EX2019, "CU6"),
    ((15, 2, 721, 2), _EX2019, "CU7"),
    ((15, 2, 792, 3), _EX2019, "CU8"),
    ((15, 2, 858, 5), _EX2019, "CU9"),
    ((15, 2, 922, 7), _EX2019, "CU10"),
    ((15, 2, 986, 5), _EX2019, "CU11"),
    ((15, 2, 1118, 7), _EX2019, "CU12"),
    ((15, 2, 1258, 12), _EX2019, "CU13"),
    ((15, 2, 1544, 4), _EX2019, "CU14"),
    ((15, 2, 1748, 10), _EX2019, "CU15"),
    ((15, 2, 2562, 17), _EXSE, "RTM"),
)

_END_OF_SUPPORT = {
    _EX2010: EXCHANGE_2010_END_OF_SUPPORT,
    _EX2013: EXCHANGE_2013_END_OF_SUPPORT,
    _EX2016: EXCHANGE_2016_2019_END_OF_SUPPORT,
    _EX2019: EXCHANGE_2016_2019_END_OF_SUPPORT,
}
# Exchange Online runs 15.20.x (and later minor numbers); no on-premises build has a
# minor version above 2.
_CLOUD_MINOR = 20


def identify(build: Build) -> BuildInfo:
    """Which Exchange a build is, and its support state."""
    major, minor = build[0], build[1]
    if major == 15 and minor >= _CLOUD_MINOR:
        return BuildInfo(build, "Exchange Online", "", Support.CLOUD, None)
    found: tuple[Build, str, str] | None = None
    for row in _UPDATES:
        if row[0][:2] == build[:2] and row[0] <= build:
            found = row  # rows ascend: the last one not above the build is its update
    if found is None:
        same_version = next((row for row in _UPDATES if row[0][:2] == build[:2]), None)
        product = same_version[1] if same_version else "Exchange Server"
        return BuildInfo(build, product, "", Support.UNKNOWN, _END_OF_SUPPORT.get(product))
    product, update = found[1], found[2]
    if product == _EXSE:  # SE's later updates are newer builds of 15.2: supported too
        later = build[2] > found[0][2]  # a CU newer than this table: its name is not known
        return BuildInfo(build, _EXSE, "" if later else update, Support.SUPPORTED, None)
    end = _END_OF_SUPPORT.get(product)
    return BuildInfo(build, product, update, Support.ENDED if end else Support.UNKNOWN, end)


def meets_teams_calendar(build: Build) -> bool:
    """Teams creates and shows meetings in on-premises mailboxes from Exchange 2016 CU3 on
    (facts.TEAMS_CALENDAR_MIN_BUILD); Exchange Online's own builds always qualify."""
    return build >= TEAMS_CALENDAR_MIN_BUILD
