"""The command line's integration options (issue 15) and the IntegrationPlan they make.

    connectivity-assistant check --domain contoso.com --checks integration \\
        --sharepoint-url https://contoso.sharepoint.com/sites/team --sfb-pool web.contoso.com

`--checks integration` checks what all three products need; `--checks
integration.sharepoint` (or `.lync`, `.teams`) only what that product needs, and the
plan's products follow what was selected. The two addresses are checked before any
network traffic: one given while no check that reads it runs ends the run with one
clear line, as a wrong one does.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from assistant.checks.integration.ids import PRODUCTS
from assistant.config import InputError
from assistant.integration_plan import (
    ALL_PRODUCTS,
    IntegrationPlan,
    Product,
    parse_pool_host,
    parse_site_url,
)
from assistant.text import msg

INTEGRATION_AREA = "integration"


def add_integration_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "SharePoint, Lync/Skype for Business and Teams (--checks integration)",
        "Anonymous checks: no credentials are sent. --checks integration.sharepoint, "
        "integration.lync or integration.teams checks one product only.",
    )
    group.add_argument(
        "--sharepoint-url",
        metavar="URL",
        help="a SharePoint site (Online or Server), e.g. https://contoso.sharepoint.com/sites/team",
    )
    group.add_argument(
        "--sfb-pool",
        metavar="HOST",
        help="the external web services name of a Skype for Business Server pool "
        "(default: lyncdiscover.<domain> only)",
    )


def products_of(check_ids: Sequence[str]) -> frozenset[Product]:
    """The products a run's integration checks serve: those of the product-specific
    checks selected (integration.sharepoint.* and so on); every product when only the
    shared ones run (integration.tenant, integration.oauth_trust)."""
    chosen = {
        product
        for cid in check_ids
        if len(serves := PRODUCTS.get(cid, ALL_PRODUCTS)) == 1
        for product in serves
    }
    return frozenset(chosen) or ALL_PRODUCTS


def integration_plan_from(
    args: argparse.Namespace, check_ids: Sequence[str]
) -> IntegrationPlan | None:
    """The run's IntegrationPlan when integration checks run (None otherwise); an
    InputError for an address given wrong, or given without a check that reads it."""
    runs = [cid for cid in check_ids if cid.split(".", 1)[0] == INTEGRATION_AREA]
    url, pool = args.sharepoint_url, args.sfb_pool
    if not runs:
        options = (("--sharepoint-url", url), ("--sfb-pool", pool))
        given = [flag for flag, value in options if value is not None]
        if given:
            raise InputError(
                msg(
                    "{options}: no integration check runs; add --checks integration "
                    "(or integration.sharepoint, integration.lync, integration.teams)",
                    options=", ".join(given),
                )
            )
        return None
    products = products_of(runs)
    if url is not None and Product.SHAREPOINT not in products:
        raise InputError(
            msg(
                "--sharepoint-url: no SharePoint check runs; add --checks "
                "integration.sharepoint (or integration)"
            )
        )
    if pool is not None and Product.LYNC not in products:
        raise InputError(
            msg(
                "--sfb-pool: no Skype for Business check runs; add --checks "
                "integration.lync (or integration)"
            )
        )
    return IntegrationPlan(
        products=products,
        sharepoint_url=None if url is None else parse_site_url(url),
        sfb_pool=None if pool is None else parse_pool_host(pool),
    )
