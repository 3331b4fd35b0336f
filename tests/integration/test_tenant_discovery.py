"""Cloud detection from the tenant's public sign-in metadata, against the lab's IdP."""

from __future__ import annotations

import pytest

from assistant.auth.tenant_discovery import detect_cloud
from assistant.config import HostPort, NetworkOptions
from assistant.facts import Cloud
from assistant.lab.tenant import Lab


@pytest.mark.parametrize(
    ("domain", "cloud"),
    [
        ("contoso.test", Cloud.WORLDWIDE),
        ("spf-loop.test", Cloud.WORLDWIDE),
        ("contoso-gov.test", Cloud.GCC_HIGH),
        ("fabrikam.test", None),  # on-premises: no tenant
        ("nowhere.test", None),
    ],
)
def test_detect_cloud(lab: Lab, domain: str, cloud: Cloud | None) -> None:
    assert detect_cloud(domain, lab.network_options(timeout=1.0)) is cloud


def test_no_network_means_unknown_not_an_error() -> None:
    options = NetworkOptions(nameservers=(HostPort("127.0.0.1", 9),), timeout=0.3, check_deadline=1)
    assert detect_cloud("contoso.com", options) is None
