"""Shared test set-up: Hypothesis profiles and a non-UTC local time zone."""

from __future__ import annotations

import os
from collections.abc import Iterator

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
