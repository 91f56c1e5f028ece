"""Helpers the tests share: the test-data folder and its CSV vectors.

Fixtures stay in ``conftest.py``; plain functions and constants live here, so a test module
imports them by name instead of from ``conftest``.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).parent / "data"


def read_vectors(name: str) -> list[dict[str, str]]:
    """Read a CSV file of test vectors from tests/data."""
    with (DATA / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))
