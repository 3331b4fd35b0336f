"""Shared fixtures: one lab for the session (every scenario domain is served at once)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.lab.tenant import Lab


@pytest.fixture(scope="session")
def lab() -> Iterator[Lab]:
    with Lab() as running:
        yield running
