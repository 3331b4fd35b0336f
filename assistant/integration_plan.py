"""What an integration run is asked to check (issue 15): which products the organisation
runs next to Exchange, and the one address each needs. Built by the CLI (--checks
integration[.sharepoint|.lync|.teams], --sharepoint-url, --sfb-pool) or the wizard's
Integration page, handed to every integration.* check through Context.integration.
Nothing here touches the network."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.config import InputError
from assistant.hostnames import HostNameError, ascii_host, ascii_url
from assistant.text import msg


class Product(enum.StrEnum):
    SHAREPOINT = "sharepoint"  # SharePoint Online or Server, next to Exchange
    LYNC = "lync"  # Lync / Skype for Business Server, next to Exchange Online or Server
    TEAMS = "teams"  # Teams, with Exchange Server (on-premises) mailboxes


ALL_PRODUCTS = frozenset(Product)


def parse_site_url(text: str) -> str:
    """A SharePoint site URL as typed: https only, host in its ASCII form."""
    raw = text.strip()
    try:
        url = ascii_url(raw)
    except HostNameError as exc:
        raise InputError(
            msg("'{url}' is not a usable site URL: {reason}", url=raw, reason=str(exc))
        ) from None
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise InputError(
            msg(
                "'{url}' is not a SharePoint site URL: give https://host/path "
                "(e.g. https://contoso.sharepoint.com/sites/team)",
                url=raw,
            )
        )
    return url


def parse_pool_host(text: str) -> str:
    """A Skype for Business pool's external web services name (a host name)."""
    raw = text.strip()
    try:
        return ascii_host(raw)
    except HostNameError as exc:
        raise InputError(
            msg("'{host}' is not a host name: {reason}", host=raw, reason=str(exc))
        ) from None


@dataclass(frozen=True)
class IntegrationPlan:
    # The products to check; the checks of a product not in here skip, saying so.
    products: frozenset[Product] = ALL_PRODUCTS
    sharepoint_url: str | None = None  # parse_site_url'd; None: the SharePoint site is not checked
    sfb_pool: str | None = None  # parse_pool_host'd; None: lyncdiscover.<domain> only

    def wants(self, product: Product) -> bool:
        return product in self.products

    def to_dict(self) -> dict[str, object]:
        return {
            "products": sorted(p.value for p in self.products),
            "sharepoint_url": self.sharepoint_url,
            "sfb_pool": self.sfb_pool,
        }
