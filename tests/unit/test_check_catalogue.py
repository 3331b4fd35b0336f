"""The wizard's table of areas (assistant/checks/catalogue.py) says what the registry says."""

from __future__ import annotations

from assistant.checks import catalogue, registry


def test_the_catalogue_lists_the_registry_s_areas_in_its_order() -> None:
    assert catalogue.areas() == registry.areas()


def test_the_catalogue_knows_which_areas_sign_in() -> None:
    for area in registry.areas():
        assert catalogue.area_needs_credentials(area) == registry.area_needs_credentials(area), area
    assert not catalogue.area_needs_credentials("no-such-area")
