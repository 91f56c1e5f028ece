"""How many of OFAC's own a.k.a. spellings find the right entry, beside logic-v2.

Usage::

    python benchmarks/ofac_aliases.py SDN_DIR ALT_CSV [--limit N] [--seed S] [--show N]

The list is ``SDN_DIR/sdn.csv`` imported with :func:`screening.ofac.import_ofac` *without*
its ``alt.csv`` (primary names and the weak aliases OFAC keeps in remarks). The queries are
the a.k.a. rows of ``ALT_CSV`` (a later file) for entries the list holds, kept when they are
spelling variants of the primary name: the two names differ once normalized and their
token-sorted forms are at least 70% alike by Damerau-Levenshtein (a criterion that does not
use screening's matcher). A query is found when screening flags it (review or match) with the
right entry on top; it is a match when the decision is match; a match on a wrong entry is
any hit of another entry decided match.

With ``nomenklatura`` installed, logic-v2 scores the same queries. It is given, per query,
the 100 entries that share the most name tokens or 4-letter token prefixes with it (what a
search index would hand it), and a query counts as found when the right entry scores at least
0.70 and highest.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from pathlib import Path

import jellyfish

import screening
from screening import names
from screening.ofac import import_ofac


def _sorted_tokens(name: str) -> str:
    return " ".join(sorted(names.tokens(name)))


def _is_spelling_variant(primary: str, alias: str) -> bool:
    left, right = _sorted_tokens(primary), _sorted_tokens(alias)
    if left == right:
        return False
    distance = jellyfish.damerau_levenshtein_distance(left, right)
    return 1 - distance / max(len(left), len(right)) >= 0.7


def _queries(watchlist: screening.Watchlist, alt_csv: Path) -> list[tuple[str, str]]:
    by_id = {entry.id: entry for entry in watchlist.entries}
    found = []
    with alt_csv.open(encoding="utf-8", errors="replace", newline="") as stream:
        for row in csv.reader(stream):
            if len(row) < 4 or row[2].strip().casefold() != "aka":
                continue
            entry = by_id.get(f"ofac-{row[0].strip()}")
            alias = row[3].strip()
            if entry and names.is_valid(alias) and _is_spelling_variant(entry.name, alias):
                found.append((alias, entry.id))
    return found


class _LogicV2:
    def __init__(self, watchlist: screening.Watchlist) -> None:
        from followthemoney import model
        from nomenklatura.matching.logic_v2.model import LogicV2

        self.model, self.matcher, self.config = model, LogicV2, LogicV2.default_config()
        self.proxies = {}
        self.tokens: dict[str, set[str]] = {}
        for entry in watchlist.entries:
            proxy = model.make_entity("Person" if entry.kind.value == "person" else "Organization")
            proxy.id = entry.id
            proxy.add("name", entry.name)
            proxy.add("weakAlias", list(entry.weak_aliases))
            self.proxies[entry.id] = proxy
            for token in names.tokens(entry.name):
                for key in {token, token[:4]}:
                    self.tokens.setdefault(key, set()).add(entry.id)
        self.count = 0

    def best(self, alias: str) -> tuple[float, str | None]:
        overlap: Counter[str] = Counter()
        for token in names.tokens(alias):
            for key in {token, token[:4]}:
                overlap.update(self.tokens.get(key, ()))
        self.count += 1
        query = self.model.make_entity("Person")
        query.id = f"query-{self.count}"
        query.add("name", alias)
        best_score, best_id = 0.0, None
        for entry_id, _ in overlap.most_common(100):
            proxy = self.proxies[entry_id]
            if proxy.schema.name != "Person":
                query.schema = proxy.schema  # compare like with like
            score = self.matcher.compare(query, proxy, self.config).score
            query.schema = self.model.get("Person")
            if score > best_score:
                best_score, best_id = score, entry_id
        return best_score, best_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdn_dir", type=Path)
    parser.add_argument("alt_csv", type=Path)
    parser.add_argument("--limit", type=int, default=1000, help="queries to run, sampled (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print N queries not found")
    args = parser.parse_args()

    start = time.perf_counter()
    watchlist, _report = import_ofac(args.sdn_dir, read_aliases=False)
    screener = screening.Screener(watchlist)
    took = time.perf_counter() - start
    print(f"list: {len(watchlist.entries)} entries from {args.sdn_dir / 'sdn.csv'} ({took:.1f} s)")
    queries = _queries(watchlist, args.alt_csv)
    print(f"spelling-variant a.k.a. queries: {len(queries)} in {args.alt_csv}")
    if args.limit and len(queries) > args.limit:
        queries = random.Random(args.seed).sample(queries, args.limit)
        print(f"sampled: {len(queries)} (seed {args.seed})")
    try:
        logic_v2: _LogicV2 | None = _LogicV2(watchlist)
    except ImportError:
        logic_v2 = None
        print("logic-v2: nomenklatura is not installed; running screening alone")
    counts: Counter[str] = Counter()
    by_id = {entry.id: entry for entry in watchlist.entries}
    missed: list[str] = []
    elapsed = 0.0
    for alias, entry_id in queries:
        began = time.perf_counter()
        result = screener.screen(screening.Applicant(name=alias))
        elapsed += time.perf_counter() - began
        top = result.hits[0].entry.id if result.hits else None
        found = result.decision is not screening.Decision.CLEAR and top == entry_id
        counts["found"] += found
        if not found and len(missed) < args.show:
            shown = result.hits[0].entry.name if result.hits else "-"
            missed.append(f"  {alias!r} for {by_id[entry_id].name!r} (top: {shown!r})")
        counts["matched"] += result.decision is screening.Decision.MATCH and top == entry_id
        counts["wrong match"] += any(
            hit.decision is screening.Decision.MATCH and hit.entry.id != entry_id for hit in result.hits
        )
        if logic_v2 is not None:
            score, best = logic_v2.best(alias)
            counts["logic-v2"] += score >= 0.7 and best == entry_id
    total = len(queries) or 1
    print(f"screening: found {counts['found']} ({100 * counts['found'] / total:.1f}%),", end=" ")
    print(f"as match {counts['matched']} ({100 * counts['matched'] / total:.1f}%),", end=" ")
    print(
        f"a match on a wrong entry {counts['wrong match']} ({100 * counts['wrong match'] / total:.1f}%);",
        end=" ",
    )
    print(f"{1000 * elapsed / total:.1f} ms per query on average")
    if logic_v2 is not None:
        print(f"logic-v2 at 0.70: found {counts['logic-v2']} ({100 * counts['logic-v2'] / total:.1f}%)")
    for line in missed:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
