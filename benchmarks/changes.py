"""Rescreening against a list's changes: the same hits as the whole list, and how much faster.

Usage::

    python benchmarks/changes.py OLD_LIST NEW_LIST [--sample N] [--seed S]

OLD_LIST and NEW_LIST are two versions of one watchlist file (for OFAC, each written by
``screening watchlist import ofac``). Prints what :func:`screening.watchlist_changes` finds,
then screens N listed names of the added and changed entries (names and a.k.a. names, a
random sample) against the whole new version and against the changes alone, and counts the
names whose hits on those entries (entry, score and decision) agree; it shows the first that
do not. Then it times the same screenings both ways, and the Screener of each list (the
whole list's index is read when saved beside its file; the changes' is built, not saved).
"""

from __future__ import annotations

import argparse
import random
import time

import screening


def _hits(result: screening.ScreeningResult, ids: set[str]) -> list[tuple[str, float, str]]:
    return sorted(
        (hit.entry.id, round(hit.score, 6), hit.decision.value) for hit in result.hits if hit.entry.id in ids
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--sample", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    old, new = screening.load_watchlist(args.old), screening.load_watchlist(args.new)
    changes = screening.watchlist_changes(old, new)
    rescreen = changes.watchlist()
    print(
        f"{new.name} {old.version} -> {new.version}: {len(changes.added)} added, {len(changes.changed)}"
        f" changed, {len(changes.removed)} removed; {len(rescreen.entries)} of {len(new.entries)} entries"
        " to rescreen against"
    )
    start = time.perf_counter()
    whole = screening.Screener(new)
    loaded = time.perf_counter()
    partial = screening.Screener(rescreen, index_cache=False)  # built here, saved nowhere
    built = time.perf_counter()
    print(f"Screener: whole list {loaded - start:.2f} s, changes {built - loaded:.2f} s")
    ids = {entry.id for entry in rescreen.entries}
    listed = [
        name
        for entry in rescreen.entries
        if entry.kind is not screening.EntryKind.DOMAIN
        for name in (entry.name, *entry.aliases)
    ]
    names = random.Random(args.seed).sample(listed, min(args.sample, len(listed)))
    applicants = [screening.Applicant(name=name) for name in names]
    differ = []
    for name, applicant in zip(names, applicants, strict=True):
        both = _hits(whole.screen(applicant), ids), _hits(partial.screen(applicant), ids)
        if both[0] != both[1]:
            differ.append((name, *both))
    print(f"{len(names) - len(differ)} of {len(names)} names: the same hits on the changed entries both ways")
    for name, on_whole, on_changes in differ[:5]:
        print(f"  {name!r}: whole list {on_whole}; changes {on_changes}")
    for label, screener in (("whole list", whole), ("changes", partial)):
        start = time.perf_counter()
        for applicant in applicants:
            screener.screen(applicant)
        elapsed = time.perf_counter() - start
        rate = len(applicants) / elapsed
        print(f"screening {len(applicants)} names against the {label}: {elapsed:.2f} s ({rate:.0f}/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
