"""Screen common Chinese and Korean names drawn by frequency, and count the false positives.

Usage::

    python benchmarks/common_names.py NAMES_DIR ROMANIZATION_DIR [--count N] [--seed S] [--watchlist PATH]

``NAMES_DIR`` holds ``chinese_family_names.csv`` and ``chinese_given_names.csv`` (characters
with their frequency in parts per million), ``ROMANIZATION_DIR`` holds ``korean_surnames.csv``
(Hangul, Revised Romanization, McCune-Reischauer, other spellings, population): the shared
data's ``names`` and ``romanization`` folders (with ``wadegiles_pinyin.csv`` and
``chinese_surname_spellings.csv``). Chinese names are a family name and one or two
given-name characters, written in Han characters or romanized (given name first or last,
joined or hyphenated; in pinyin, in Wade-Giles, or with the family name spelled as people
do: Wong, Chan); one in ten has a family name drawn from the whole table, rare ones
included. Korean names are a family name and two common given-name syllables, in Hangul or
romanized (the family name in any of its usual spellings).

Then listed Chinese names with one syllable (the family name's or a given one) swapped for a
drawn one that reads otherwise in every system, in pinyin, however the listed part is read
("Mengting" may be meng ding in Wade-Giles, so ding is not drawn for it): other people who
share the rest, none of whom may be a match.

Each name is compared, in its own language's syllables (pinyin for Chinese, Korean syllables
for Korean), with every listed person: one that shares at most one syllable with each of them
must be clear (a family name alone is never a hit); one that shares two or more may come to
review but must not be a match unless it is the same name. Prints the decisions of both
groups and the names that break the rule.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
from collections import Counter
from pathlib import Path

from pypinyin import lazy_pinyin

import screening
from screening import translit
from screening._forms import _family_index, name_form
from screening.translit import korean

#: Common syllables of Korean given names.
_KOREAN_GIVEN = "민지서현준우영수진호은혜성경재동훈연예윤하유도시태희상정주광철남일봉복명선미혁석"


def _weighted(path: Path, text: str, weight: str) -> tuple[list[str], list[float]]:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.DictReader(stream) if row[text].strip()]
    return [row[text].strip() for row in rows], [float(row[weight].replace(",", "") or 0) + 1 for row in rows]


class _Listed:
    """A listed person's syllables in one language: all of them (reading keys of every part of
    the name and aliases, in every reading), and, for each name or alias that reads in the
    language throughout, its family name's syllables and its given names' in each reading."""

    def __init__(self, entry: screening.WatchlistEntry, language: str) -> None:
        self.keys: set[str] = set()
        self.names: list[tuple[set[str], set[tuple[str, ...]]]] = []
        #: Each name's syllables in its first reading: the family name's, and the given names' in order.
        self.spelled: list[tuple[str, list[str]]] = []
        #: Of each name in ``spelled``, every syllable each of those may be in another reading
        #: of its part ("ting" is ting in pinyin, ding in Wade-Giles).
        self.choices: list[list[set[str]]] = []
        for value in (entry.name, *entry.aliases):
            parts = name_form(value).parts
            readings = []
            for part in parts:
                found = [
                    reading.keys for reading in translit.readings(part.text) if reading.language == language
                ]
                self.keys.update(key for keys in found for key in keys)
                readings.append(found)
            family = _family_index(parts)
            if all(readings) and family is not None:
                given = readings[:family] + readings[family + 1 :]
                self.spelled.append((readings[family][0][0], [key for found in given for key in found[0]]))
                self.choices.append(
                    [
                        {keys[at] for keys in found if len(keys) == len(found[0])}
                        for found in (readings[family], *given)
                        for at in range(len(found[0]))
                    ]
                )
                self.names.append(
                    (
                        {keys[0] for keys in readings[family]},
                        {tuple(sorted(sum(combination, ()))) for combination in itertools.product(*given)},
                    )
                )

    def same(self, syllables: list[str]) -> bool:
        """Tell whether ``syllables`` (the family name's first) are one of the listed names':
        the same family name, and the same given-name syllables in any order."""
        family, given = syllables[0], tuple(sorted(syllables[1:]))
        return any(family in families and given in givens for families, givens in self.names)


class _Spellings:
    """Other romanizations of pinyin syllables: Wade-Giles (cjklib's table, read from
    ``wadegiles_pinyin.csv``) and the family-name spellings people use
    (``chinese_surname_spellings.csv``: Wong, Chan, Cheung)."""

    def __init__(self, folder: Path) -> None:
        self.wade_giles: dict[str, list[str]] = {}
        with (folder / "wadegiles_pinyin.csv").open(encoding="utf-8", newline="") as stream:
            for row in csv.reader(line for line in stream if not line.startswith("#")):
                if len(row) >= 2 and row[0] and row[1]:
                    self.wade_giles.setdefault(row[1], []).append(row[0])
        self.family: dict[str, list[str]] = {}
        with (folder / "chinese_surname_spellings.csv").open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                if float(row["target_share"]) >= 0.5:
                    self.family.setdefault(row["mandarin_target"], []).append(row["spelling"])

    def syllable(self, pinyin: str, rng: random.Random) -> str:
        """The syllable in Wade-Giles, with or without its marks (``ê``, ``ü``, apostrophes)."""
        spelling = rng.choice(self.wade_giles.get(pinyin, [pinyin]))
        if rng.random() < 0.5:
            spelling = spelling.replace("ê", "e").replace("ü", "u").replace("'", "").replace("\u2019", "")
        return spelling


def _chinese(
    rng: random.Random,
    families: tuple[list[str], list[float]],
    given: tuple[list[str], list[float]],
    spellings: _Spellings,
) -> tuple[str, list[str]]:
    family = rng.choice(families[0]) if rng.random() < 0.1 else rng.choices(*families)[0]
    characters = "".join(rng.choices(*given, k=rng.choice([1, 2, 2, 2])))
    syllables = lazy_pinyin(family + characters)
    family_pinyin = "".join(lazy_pinyin(family))
    given_pinyin = lazy_pinyin(characters)
    style = rng.choice(["pinyin", "pinyin", "Wade-Giles", "family spelled otherwise"])
    if style == "Wade-Giles":
        family_pinyin = "".join(spellings.syllable(syllable, rng) for syllable in lazy_pinyin(family))
        given_pinyin = [spellings.syllable(syllable, rng) for syllable in given_pinyin]
    elif style == "family spelled otherwise":
        family_pinyin = rng.choice(spellings.family.get(family_pinyin, [family_pinyin]))
    family_written = family_pinyin.capitalize()
    joined = "".join(given_pinyin).capitalize()
    hyphenated = "-".join(given_pinyin).capitalize()
    name = rng.choice(
        [
            family + characters,
            f"{joined} {family_written}",
            f"{family_written} {joined}",
            f"{family_written} {hyphenated}",
            f"{hyphenated} {family_written}",
        ]
    )
    return name, ["zh:" + syllable for syllable in syllables]


def _korean(
    rng: random.Random, surnames: list[dict[str, str]], weights: list[float]
) -> tuple[str, list[str]]:
    row = rng.choices(surnames, weights)[0]
    given = rng.sample(_KOREAN_GIVEN, 2)
    hangul = row["hangul"] + "".join(given)
    keys = [key for char in hangul for key in translit.readings(char)[0].keys]
    spellings = [
        row["rr"],
        row["mr"],
        *(s.strip() for s in row["other_romanizations"].split(",") if s.strip()),
    ]
    family = rng.choice(spellings)
    romanized = [korean.revised_romanization(syllable) for syllable in given]
    joined = "".join(romanized).capitalize()
    name = rng.choice(
        [
            hangul,
            f"{family} {joined}",
            f"{joined} {family}",
            f"{family} {romanized[0].capitalize()}-{romanized[1]}",
            f"{family} {romanized[0].capitalize()} {romanized[1].capitalize()}",
        ]
    )
    return name, keys


def _near_chinese(
    rng: random.Random,
    people: list[_Listed],
    families: tuple[list[str], list[float]],
    given: tuple[list[str], list[float]],
) -> tuple[str, list[str]]:
    """A listed Chinese name with one syllable (the family name's or a given one) swapped for
    a drawn one, in pinyin: another person who shares the rest."""
    (family, syllables), choices = rng.choice(
        [pair for person in people for pair in zip(person.spelled, person.choices, strict=True)]
    )
    keys = [family, *syllables]
    at = rng.randrange(len(keys))
    table = families if at == 0 else given
    while True:  # another syllable, however either reads ("chou" may be Zhou, "ting" ding)
        drawn = lazy_pinyin(rng.choices(*table)[0])[0]
        if not any(key in choices[at] for reading in translit.readings(drawn) for key in reading.keys):
            break
    keys[at] = "zh:" + drawn
    family_written = keys[0][3:].capitalize()
    parts = [key[3:] for key in keys[1:]]
    joined, hyphenated = "".join(parts).capitalize(), "-".join(parts).capitalize()
    name = rng.choice(
        [f"{joined} {family_written}", f"{family_written} {joined}", f"{family_written} {hyphenated}"]
    )
    return name, keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names_dir", type=Path)
    parser.add_argument("romanization_dir", type=Path)
    parser.add_argument("--count", type=int, default=20000, help="names of each language")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--watchlist", type=Path, help="watchlist file (default: the bundled list)")
    args = parser.parse_args()
    watchlist = screening.load_watchlist(args.watchlist)
    screener = screening.Screener(watchlist, index_cache=False)
    rng = random.Random(args.seed)
    families = _weighted(args.names_dir / "chinese_family_names.csv", "surname", "ppm")
    given = _weighted(args.names_dir / "chinese_given_names.csv", "character", "ppm")
    spellings = _Spellings(args.romanization_dir)
    with (args.romanization_dir / "korean_surnames.csv").open(encoding="utf-8", newline="") as stream:
        surnames = list(csv.DictReader(stream))
    weights = [float(row["population_2015"].replace(",", "") or 0) + 1 for row in surnames]
    people = {
        language: {
            entry.id: _Listed(entry, language)
            for entry in watchlist.entries
            if entry.kind is screening.EntryKind.PERSON
        }
        for language in ("Mandarin", "Korean")
    }
    chinese_people = [person for person in people["Mandarin"].values() if person.spelled]
    # The names drawn, and whether each is known to be another person's (a listed name with a
    # syllable swapped) or may be a listed person's (told by its syllables, _Listed.same).
    for label, language, draw, other in (
        ("common Chinese names", "Mandarin", lambda: _chinese(rng, families, given, spellings), False),
        ("common Korean names", "Korean", lambda: _korean(rng, surnames, weights), False),
        (
            "listed Chinese names with one syllable swapped",
            "Mandarin",
            lambda: _near_chinese(rng, chinese_people, families, given),
            True,
        ),
    ):
        listed = people[language]
        decisions: Counter[tuple[str, str]] = Counter()
        broken = []
        for _ in range(args.count):
            name, syllables = draw()
            shared = max((len(set(syllables) & person.keys) for person in listed.values()), default=0)
            group = "two or more" if shared >= 2 else "at most one"
            result = screener.screen(screening.Applicant(name=name))
            decision = result.decision.value
            decisions[(group, decision)] += 1
            top = result.hits[0] if result.hits else None
            same = (
                not other
                and top is not None
                and top.entry.id in listed
                and listed[top.entry.id].same(syllables)
            )
            if (group == "at most one" and decision != "clear") or (decision == "match" and not same):
                broken.append(
                    f"  {decision:6} {name!r} -> {top.entry.name if top else ''} ({top.score:.2f})"
                    if top
                    else ""
                )
        print(f"-- {args.count} {label}")
        for group in ("at most one", "two or more"):
            counts = ", ".join(f"{d} {decisions[(group, d)]}" for d in ("clear", "review", "match"))
            plural = "" if group == "at most one" else "s"
            print(f"sharing {group} syllable{plural} with a listed person: {counts}")
        print(f"against the rule: {len(broken)}")
        for line in broken[:30]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
