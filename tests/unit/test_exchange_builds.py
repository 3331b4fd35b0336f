"""The Exchange build table (checks/policy/exchange_builds.py): parsing what servers send,
naming the product and update, support state, and Teams' calendar minimum."""

from __future__ import annotations

import itertools

import pytest

from assistant.checks.policy.exchange_builds import (
    MAX_BUILD_TEXT,
    Support,
    identify,
    meets_teams_calendar,
    parse_build,
)
from assistant.facts import EXCHANGE_2016_2019_END_OF_SUPPORT


@pytest.mark.parametrize(
    ("text", "build"),
    [
        ("15.2.2562.17", (15, 2, 2562, 17)),
        ("15.02.2562.017", (15, 2, 2562, 17)),  # the zero-padded form of Received headers
        (" 15.1.2507.6 ", (15, 1, 2507, 6)),
        ("15.1.2507", (15, 1, 2507, 0)),
        ("15.20.9298.6", (15, 20, 9298, 6)),
    ],
)
def test_parse_build(text: str, build: tuple[int, int, int, int]) -> None:
    assert parse_build(text) == build


@pytest.mark.parametrize(
    "text",
    [None, "", "15", "15.2", "a.b.c.d", "15.2.2562.17.1", "15.2.-1.0", "1" * (MAX_BUILD_TEXT + 1)],
)
def test_parse_build_refuses(text: str | None) -> None:
    assert parse_build(text) is None


@pytest.mark.parametrize(
    ("build", "product", "update", "support"),
    [
        ((15, 2, 2562, 17), "Exchange Server Subscription Edition (SE)", "RTM", Support.SUPPORTED),
        ((15, 2, 2562, 49), "Exchange Server Subscription Edition (SE)", "RTM", Support.SUPPORTED),
        # A later SE update than the table knows: still SE, still supported, name unknown.
        ((15, 2, 2800, 5), "Exchange Server Subscription Edition (SE)", "", Support.SUPPORTED),
        ((15, 2, 1748, 10), "Exchange Server 2019", "CU15", Support.ENDED),
        ((15, 2, 1544, 4), "Exchange Server 2019", "CU14", Support.ENDED),
        ((15, 2, 221, 12), "Exchange Server 2019", "RTM", Support.ENDED),
        ((15, 1, 2507, 6), "Exchange Server 2016", "CU23", Support.ENDED),
        ((15, 1, 2507, 73), "Exchange Server 2016", "CU23", Support.ENDED),  # a later SU
        ((15, 1, 544, 27), "Exchange Server 2016", "CU3", Support.ENDED),
        ((15, 0, 1497, 2), "Exchange Server 2013", "CU23", Support.ENDED),
        ((15, 0, 1365, 1), "Exchange Server 2013", "CU19", Support.ENDED),
        ((14, 3, 513, 0), "Exchange Server 2010", "SP3", Support.ENDED),
        ((15, 20, 9298, 6), "Exchange Online", "", Support.CLOUD),
        ((8, 0, 685, 0), "Exchange Server", "", Support.UNKNOWN),
    ],
)
def test_identify(
    build: tuple[int, int, int, int], product: str, update: str, support: Support
) -> None:
    info = identify(build)
    assert (info.product, info.update, info.support) == (product, update, support)


def test_end_of_support_dates_come_from_the_facts() -> None:
    assert identify((15, 1, 2507, 6)).end_of_support == EXCHANGE_2016_2019_END_OF_SUPPORT
    assert identify((15, 2, 1748, 10)).end_of_support == "2025-10-14"
    assert identify((15, 0, 1497, 2)).end_of_support == "2023-04-11"
    assert identify((15, 2, 2562, 17)).end_of_support is None


def test_names_and_shown_build() -> None:
    info = identify((15, 1, 2507, 6))
    assert info.name == "Exchange Server 2016 CU23"
    assert info.shown == "15.1.2507.6"


@pytest.mark.parametrize(
    ("build", "ok"),
    [
        ((15, 1, 544, 27), True),  # Exchange 2016 CU3: Teams' minimum for meetings
        ((15, 1, 466, 34), False),  # CU2
        ((15, 0, 1497, 2), False),  # Exchange 2013
        ((15, 2, 221, 12), True),
        ((15, 2, 2562, 17), True),
        ((15, 20, 9298, 6), True),
    ],
)
def test_teams_calendar_minimum(build: tuple[int, int, int, int], ok: bool) -> None:
    assert meets_teams_calendar(build) is ok


def test_table_rows_ascend_within_each_version() -> None:
    from assistant.checks.policy.exchange_builds import _UPDATES

    for earlier, later in itertools.pairwise(_UPDATES):
        if earlier[0][:2] == later[0][:2]:
            assert earlier[0] < later[0], (earlier, later)
