"""How many of the UN list's own aliases and original-script names find their entry from the
primary name alone.

Usage::

    python benchmarks/un_aliases.py UN_XML [--show N]

The list is every individual and entity of ``UN_XML`` (the UN Security Council consolidated
list, XML) with its primary name only: an individual's ``FIRST_NAME`` to ``FOURTH_NAME`` as the
UN writes them, an entity's ``FIRST_NAME``. The queries are each entry's aliases (every
quality: Good, a.k.a., f.k.a., Low) and ``NAME_ORIGINAL_SCRIPT``, once each, left out when
they equal the primary name once normalized. A query is found when screening flags it
(review or match) with the right entry on top; it is a match when the decision is match; a
wrong top is a flag whose top entry is another. Arabic-script queries (Arabic, Persian, Urdu
letters) are counted apart too.

The file is the team's shared data, read with the standard library's parser: the benchmark
trusts it; the library's importer (``screening watchlist import un``) is the hardened path.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import screening
from screening import names

_NAME_FIELDS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def _arabic(text: str) -> bool:
    return any("\u0600" <= character <= "\u06ff" or "\u0750" <= character <= "\u077f" for character in text)


def _normalized(name: str) -> str:
    return " ".join(names.tokens(name))


def read(path: Path) -> tuple[screening.Watchlist, list[tuple[str, str, str]]]:
    """The list of primary names, and the queries: (query, entry id, kind of query)."""
    root = ET.parse(path).getroot()
    entries: list[screening.WatchlistEntry] = []
    queries: list[tuple[str, str, str]] = []
    for kind, group, alias_tag in (
        (screening.EntryKind.PERSON, "INDIVIDUALS", "INDIVIDUAL_ALIAS"),
        (screening.EntryKind.ORGANIZATION, "ENTITIES", "ENTITY_ALIAS"),
    ):
        for element in root.findall(f"{group}/*"):
            primary = " ".join(part for part in (_text(element, tag) for tag in _NAME_FIELDS) if part)
            if not primary:
                continue
            entry_id = _text(element, "REFERENCE_NUMBER") or _text(element, "DATAID")
            entries.append(screening.WatchlistEntry(id=entry_id, kind=kind, name=primary))
            seen = {_normalized(primary)}
            variants = [(_text(alias, "ALIAS_NAME"), "alias") for alias in element.findall(alias_tag)]
            variants.append((_text(element, "NAME_ORIGINAL_SCRIPT"), "original script"))
            for variant, source in variants:
                key = _normalized(variant) if variant else ""
                if key and key not in seen:
                    seen.add(key)
                    queries.append((variant, entry_id, "arabic script" if _arabic(variant) else source))
    watchlist = screening.Watchlist(name="UN (primary names)", version=path.stem, entries=entries)
    return watchlist, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("un_xml", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print N missed queries")
    args = parser.parse_args()
    watchlist, queries = read(args.un_xml)
    screener = screening.Screener(watchlist)
    counts: Counter[tuple[str, str]] = Counter()
    missed: list[str] = []
    start = time.perf_counter()
    for query, entry_id, kind in queries:
        try:
            result = screener.screen(screening.Applicant(name=query))
        except screening.ScreeningError:
            counts[kind, "refused"] += 1
            continue
        outcome = "clear"
        if result.hits:
            outcome = "wrong top" if result.hits[0].entry.id != entry_id else result.hits[0].decision.value
        for group in (kind, "all"):
            counts[group, outcome] += 1
            counts[group, "queries"] += 1
        if outcome in {"clear", "wrong top"} and len(missed) < args.show:
            top = result.hits[0].entry.name if result.hits else "-"
            missed.append(f"  {outcome:9} {query!r} for {entry_id} (top: {top!r})")
    elapsed = time.perf_counter() - start
    print(f"{len(watchlist.entries)} entries, {len(queries)} queries, {elapsed:.1f} s")
    for group in ("all", "alias", "original script", "arabic script"):
        total = counts[group, "queries"]
        if not total:
            continue
        share = {
            outcome: counts[group, outcome] / total for outcome in ("match", "review", "wrong top", "clear")
        }
        print(
            f"{group:16} {total:5} queries: found {share['match'] + share['review']:6.1%}"
            f" (match {share['match']:6.1%}, review {share['review']:6.1%}),"
            f" wrong top {share['wrong top']:6.1%}, clear {share['clear']:6.1%}"
        )
    for line in missed:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
