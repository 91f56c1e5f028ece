"""Shared fixtures and the Hypothesis profiles.

The ``ci`` profile (used when the ``CI`` environment variable is set) derandomizes runs and
drops the deadline, so a cold cache or a slow machine cannot fail CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import screening

settings.register_profile(
    "ci", max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session", autouse=True)
def index_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Saved indexes of lists without a folder of their own go to a temporary folder, never
    to the user's cache."""
    folder = tmp_path_factory.mktemp("index-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCREENING_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def bundled() -> screening.Watchlist:
    """The bundled DOJ watchlist."""
    return screening.load_watchlist()


@pytest.fixture(scope="session")
def screener(bundled: screening.Watchlist) -> screening.Screener:
    """A Screener over the bundled list with the default policy."""
    return screening.Screener(bundled)


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    """The path of the bundled watchlist file."""
    return screening.watchlist.bundled_watchlist_path()
