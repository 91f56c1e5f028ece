"""Screen people who are on no list against a watchlist and count the false positives.

Usage::

    python benchmarks/negatives.py NEGATIVES_CSV... [--watchlist PATH] [--show N]
    python benchmarks/negatives.py NEGATIVES_CSV... --ofac SDN_DIR [--alt ALT_CSV] [--show N]

NEGATIVES_CSV are files in the format of OpenSanctions yente's synthetic test people
(``../shared/data/opensanctions/negatives_{global,us}.csv``: ``full_name``, ``date_of_birth``,
``nationality`` and more), people made up to be on no list. Each is screened by name alone,
then again with their date of birth and nationality. Prints the decisions, the false-positive
rates at review and at match, the methods of the top hits, and the first N flagged people with
the listed name each was flagged for. The list is the bundled one, a watchlist file, or OFAC's
``sdn.csv`` in SDN_DIR (with the a.k.a. names of ALT_CSV) imported by
:func:`screening.ofac.import_ofac`.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import screening
from screening._countries import COUNTRY_NAMES

#: Names the test files give that the country table spells otherwise.
_COUNTRY_SPELLINGS = {"ivory coast": "CI", "democratic republic of the congo": "CD"}


def _country(name: str) -> str | None:
    folded = name.strip().casefold()
    return COUNTRY_NAMES.get(folded) or _COUNTRY_SPELLINGS.get(folded)


def _people(paths: list[Path]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as stream:
            rows += [row for row in csv.DictReader(stream) if row.get("full_name", "").strip()]
    return rows


def _screen(screener: screening.Screener, rows: list[dict[str, str]], *, details: bool, show: int) -> None:
    decisions: Counter[str] = Counter()
    methods: Counter[str] = Counter()
    flagged: list[str] = []
    for row in rows:
        applicant = screening.Applicant(name=row["full_name"])
        if details:
            applicant = screening.Applicant(
                name=row["full_name"],
                date_of_birth=row.get("date_of_birth") or None,
                nationality=_country(row.get("nationality", "")),
            )
        result = screener.screen(applicant)
        decisions[result.decision.value] += 1
        if result.hits:
            top = result.hits[0]
            named = next((item for item in top.evidence if item.feature == "name_listed"), top.evidence[0])
            methods[f"{result.decision.value}: {named.method.value}"] += 1
            flagged.append(
                f"  {result.decision.value:6} {top.score:.2f}  {row['full_name']!r} ~ {named.listed_value!r}"
                f" ({top.entry.name})"
            )
    total = len(rows)
    label = "name, date of birth and nationality" if details else "name alone"
    print(f"-- {total} people, screened by {label}")
    print(f"clear {decisions['clear']}, review {decisions['review']}, match {decisions['match']}")
    flagged_count = decisions["review"] + decisions["match"]
    print(f"false-positive rate at review: {flagged_count / total:.2%} ({flagged_count}/{total})")
    print(f"false-positive rate at match:  {decisions['match'] / total:.2%} ({decisions['match']}/{total})")
    for method, count in methods.most_common():
        print(f"  top hit {method}: {count}")
    print("\n".join(sorted(flagged, reverse=True)[:show]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("negatives", type=Path, nargs="+", help="CSV files of people on no list")
    parser.add_argument("--watchlist", help="watchlist file (default: the bundled list)")
    parser.add_argument("--ofac", type=Path, help="folder with OFAC's sdn.csv, imported as the list")
    parser.add_argument("--alt", type=Path, help="OFAC alt.csv with the a.k.a. names (with --ofac)")
    parser.add_argument("--show", type=int, default=15, help="flagged people to print (default 15)")
    args = parser.parse_args()
    if args.ofac:
        from screening.ofac import import_ofac

        watchlist, _report = import_ofac(args.ofac, alt=args.alt)
    else:
        watchlist = screening.load_watchlist(args.watchlist)
    print(f"list: {watchlist.name} {watchlist.version}, {len(watchlist.entries)} entries")
    screener = screening.Screener(watchlist)
    rows = _people(args.negatives)
    _screen(screener, rows, details=False, show=args.show)
    _screen(screener, rows, details=True, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
