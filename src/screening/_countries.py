"""ISO 3166-1 alpha-2 country codes and country names, read from ``data/countries.tsv``.

Source: the ISO 3166-1 table of Debian's ``iso-codes`` package 4.15.0
(https://salsa.debian.org/iso-codes-team/iso-codes, LGPL-2.1; the codes are facts), plus
``XK``, the user-assigned code for Kosovo that OFAC, the EU and most registries use.
``COUNTRY_NAMES`` holds the table's names, official names and common names, casefolded, and
the names OFAC's lists use where they differ ("Korea, North", "Burma", "Palestinian").
``tools/make_countries.py`` writes the table.
"""

from __future__ import annotations

from screening._data import pairs

__all__ = ["COUNTRY_CODES", "COUNTRY_NAMES"]

#: Country names (casefolded) to their alpha-2 codes.
COUNTRY_NAMES = pairs("countries.tsv")
#: Every alpha-2 code a name maps to.
COUNTRY_CODES = frozenset(COUNTRY_NAMES.values())
