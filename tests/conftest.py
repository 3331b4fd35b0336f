"""Shared fixtures: one lab for the session (every scenario domain is served at once)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.lab.tenant import Lab


@pytest.fixture(scope="session")
def lab() -> Iterator[Lab]:
    with Lab() as running:
        yield running


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With `-n 2 --dist loadgroup` (packaging/dev.sh test): each test file runs whole on one
    worker, so its module fixtures (a lab, a hostile lab) start once; the packaging tests
    share one group, since they share one PyInstaller build (85 s)."""
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        group = "packaging" if path.startswith("tests/packaging/") else path
        item.add_marker(pytest.mark.xdist_group(group))
