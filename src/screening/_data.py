"""The package's data tables: tab-separated text files in ``screening/data``.

Each file begins with comment lines (``#``) that name its columns and its source; every other
non-empty line is one row, its columns separated by tabs. Tables compiled by hand are edited
in place; tables derived from a public source are written by a generator in ``tools/`` and say
so in their header.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["pairs", "table"]


def table(name: str, /) -> list[tuple[str, ...]]:
    """The rows of the data table ``name`` (a file in ``screening/data``), in file order."""
    text = resources.files("screening").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]


def pairs(name: str, /) -> dict[str, str]:
    """The data table ``name`` of two columns as a mapping of the first to the second."""
    found: dict[str, str] = {}
    for row in table(name):
        key, value = row
        found[key] = value
    return found
