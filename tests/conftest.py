"""Shared test set-up: Hypothesis profiles, a non-UTC local time zone, read-only files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, settings


settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _local_zone_is_not_utc() -> Iterator[None]:
    """Run every test with a local zone far from UTC, so reliance on it shows."""
    pendulum.set_local_timezone(pendulum.timezone("Pacific/Chatham"))
    try:
        yield
    finally:
        pendulum.set_local_timezone()


@pytest.fixture
def read_only_is_not_writable(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    ``os.access`` answers for a file without any write permission bit as for
    a user who may not write it, root included (who may write any file): a
    test of a read-only target runs the same as any user.
    """
    access = os.access

    def refusing(path: Any, how: int, **kwargs: Any) -> bool:
        if how == os.W_OK and not os.stat(path).st_mode & 0o222:
            return False
        return access(path, how, **kwargs)

    monkeypatch.setattr(os, "access", refusing)
