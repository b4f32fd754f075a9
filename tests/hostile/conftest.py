"""Fixtures the hostile tests share: a hostile news site on 127.0.0.1, and a second one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hostile.server import HostileServer


@pytest.fixture
def site() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture
def other() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server
