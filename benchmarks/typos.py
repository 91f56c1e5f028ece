"""Misspell one part of each listed person's name and count how many screening still finds.

Usage::

    python benchmarks/typos.py [--watchlist PATH] [--per-name N] [--seed S]

For every person on the list (the bundled one by default), N times: one part of the listed
name, as written, gets one typo (a letter changed, added or left out, or two adjacent letters
swapped; seeded). Each misspelled name is screened; the figures say how often the person is
the top hit at match, at review, how often another entry is on top, and how often nothing is
found, apart for short parts (under 4 letters) and longer ones. Then, for persons of three
parts or more, N times: two adjacent parts written as one word ("Kwangjin" for Kwang Jin),
with one typo in it.

A typo can make another real name ("Zhou" to "Zhu", "Liu" to "Lin"): screening treats such
short parts of a Chinese or Korean name as another name, by design, so not every typo can be
found. One that reads as no syllable ("Xnu", "Lviu") is a misspelling and reaches review.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from collections import Counter
from pathlib import Path

import screening

_KINDS = ("changed", "added", "left out", "swapped")


def _misspelled(word: str, kind: str, rng: random.Random) -> str | None:
    """``word`` with one typo of ``kind`` after its first letter; None when there is none to make."""
    letters = list(word)
    at = rng.randrange(1, len(letters)) if len(letters) > 1 else 0
    if kind == "changed":
        letters[at] = rng.choice([letter for letter in string.ascii_lowercase if letter != letters[at]])
    elif kind == "added":
        letters.insert(at, rng.choice(string.ascii_lowercase))
    elif kind == "left out":
        if len(letters) < 3:
            return None
        del letters[at]
    else:
        at = min(at, len(letters) - 2)
        if at < 0 or letters[at] == letters[at + 1]:
            return None
        letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watchlist", type=Path, help="watchlist file (default: the bundled list)")
    parser.add_argument("--per-name", type=int, default=20, help="misspellings of each listed name")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    watchlist = screening.load_watchlist(args.watchlist)
    screener = screening.Screener(watchlist, index_cache=False)
    rng = random.Random(args.seed)
    found: Counter[tuple[str, str]] = Counter()
    people = [entry for entry in watchlist.entries if entry.kind is screening.EntryKind.PERSON]
    for entry in people:
        words = entry.name.split()
        for _ in range(args.per_name):
            at = rng.randrange(len(words))
            typo = _misspelled(words[at].lower(), rng.choice(_KINDS), rng)
            if typo is None or not words[at].isascii():
                continue
            name = " ".join(typo.capitalize() if index == at else word for index, word in enumerate(words))
            found[("short" if len(words[at]) < 4 else "long", _outcome(screener, name, entry))] += 1
    for entry in people:
        words = entry.name.split()
        if len(words) < 3 or not entry.name.isascii():
            continue
        for _ in range(args.per_name):
            at = rng.randrange(len(words) - 1)
            typo = _misspelled((words[at] + words[at + 1]).lower(), rng.choice(_KINDS), rng)
            if typo is None:
                continue
            name = " ".join([*words[:at], typo.capitalize(), *words[at + 2 :]])
            found[("joined", _outcome(screener, name, entry))] += 1
    for size, label in (
        ("short", "parts under 4 letters"),
        ("long", "parts of 4 letters or more"),
        ("joined", "two parts written as one word"),
    ):
        total = sum(count for (group, _), count in found.items() if group == size)
        print(f"typos in {label}: {total}")
        for outcome in ("match", "review", "another entry on top", "not found"):
            count = found[(size, outcome)]
            print(f"  {outcome:22} {count:5}  ({count / (total or 1):.1%})")
    return 0


def _outcome(screener: screening.Screener, name: str, entry: screening.WatchlistEntry) -> str:
    """How screening ``name`` came out for the listed ``entry``: its decision when it is the
    top hit, "another entry on top", or "not found"."""
    result = screener.screen(screening.Applicant(name=name))
    top = result.hits[0] if result.hits else None
    if top is None:
        return "not found"
    return "another entry on top" if top.entry.id != entry.id else top.decision.value


if __name__ == "__main__":
    sys.exit(main())
