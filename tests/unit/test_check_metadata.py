"""What the front ends need to know about a check is said once, on the Check (issue 13):
whether it signs in, and which protocol's OAuth permission it needs."""

from __future__ import annotations

from assistant.checks.registry import ALL_CHECKS, area_needs_credentials, areas, oauth_protocols
from ui.texts import AREAS


def test_the_areas_that_sign_in_are_the_ones_the_wizard_asks_credentials_for() -> None:
    signing_in = {a for a in areas() if area_needs_credentials(a)}
    assert signing_in == {"auth", "ews", "imap", "pop", "relay", "smtp"}
    shown = {a.key: a.needs_credentials for a in AREAS}
    for area in areas():
        assert shown[area] == area_needs_credentials(area), area
    assert shown["relay"] and not shown["integration"]  # integration.* is anonymous


def test_every_check_that_signs_in_with_a_protocol_names_its_permission() -> None:
    for check in ALL_CHECKS:
        if check.needs_credentials and check.id != "auth.token":
            assert check.oauth_protocol in {"imap", "pop", "smtp", "ews"}, check.id
    assert oauth_protocols(["dns.mx"]) == ["imap", "pop", "smtp", "ews"]  # none named: all
