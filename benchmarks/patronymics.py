"""Screen OFAC's people who have a patronymic by their given and family names alone.

Usage::

    python benchmarks/patronymics.py SDN_DIR

Applicants seldom write their patronymic ("Olga Beglova"), while lists do ("BEGLOVA, Olga
Aleksandrovna"). For every person in SDN_DIR's ``sdn.csv`` whose name, as OFAC writes it
("SURNAME, Given Patronymic"), has three parts and a patronymic
(:func:`screening._alignment.patronymic`), this screens "Given Surname" against the list
(a.k.a. names left out, so only the name itself can be found) and counts how many find the
person, and at which decision.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import screening
from screening._forms import name_form, patronymic
from screening.ofac import import_ofac


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdn_dir", type=Path)
    args = parser.parse_args()
    watchlist, _report = import_ofac(args.sdn_dir, read_aliases=False)
    screener = screening.Screener(watchlist, index_cache=False)
    found: Counter[str] = Counter()
    for entry in watchlist.entries:
        if entry.kind is not screening.EntryKind.PERSON or entry.name.count(",") != 1:
            continue
        family, given = (text.strip() for text in entry.name.split(","))
        if len(family.split()) != 1 or len(given.split()) != 2:
            continue
        parts = name_form(entry.name).parts
        if patronymic([part.latin[0] for part in parts]) != 2:
            continue
        first = given.split()[0]
        result = screener.screen(screening.Applicant(name=f"{first} {family}"))
        hit = next((hit for hit in result.hits if hit.entry.id == entry.id), None)
        found["people"] += 1
        found[hit.decision.value if hit else "not found"] += 1
    people = found.pop("people", 0)
    print(f"people with a patronymic, screened as 'Given Surname': {people}")
    for decision in ("match", "review", "clear", "not found"):
        if found[decision]:
            print(f"  {decision:10} {found[decision]:5}  ({found[decision] / people:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
