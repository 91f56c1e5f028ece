"""Load the data tables of this package (``data/``), once, on first use.

Every table is data with its source (see ``data/README.md``); nothing here is hand-written
linguistic knowledge beyond parsing (the one table compiled by hand, of Cantonese surname
spellings, is a data file too).
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from importlib import resources

__all__ = [
    "cantonese_surnames",
    "chinese_family_name_shares",
    "chinese_given_syllable_shares",
    "chinese_surname_spellings",
    "confusables",
    "hanja_readings",
    "korean_surnames",
    "plain",
    "wade_giles",
]


def _text(name: str) -> str:
    return resources.files("screening.translit").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in _text(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def plain(text: str) -> str:
    """Lowercase ASCII letters of a romanization: marks and apostrophes removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isascii() and char.isalpha())


@functools.lru_cache(maxsize=1)
def wade_giles() -> dict[str, tuple[str, ...]]:
    """Wade-Giles syllable (plain letters) to pinyin syllables (plain letters).

    Source: cjklib's WadeGilesPinyinMapping (LGPL), after Legeza 1968; ``data/wadegiles_pinyin.csv``.
    Without apostrophes and umlauts an aspirated and an unaspirated syllable (``ch'ang``,
    ``chang``) are spelled alike, so one spelling may stand for several pinyin syllables.
    """
    lines = [line for line in _text("wadegiles_pinyin.csv").splitlines() if line and not line.startswith("#")]
    mapping: dict[str, list[str]] = {}
    for row in csv.reader(lines):
        if len(row) != 3:
            continue
        spelling, pinyin = plain(row[0]), plain(row[1])
        if spelling and pinyin and pinyin not in mapping.setdefault(spelling, []):
            mapping[spelling].append(pinyin)
    return {spelling: tuple(targets) for spelling, targets in mapping.items()}


@functools.lru_cache(maxsize=1)
def chinese_surname_spellings() -> dict[str, tuple[str, float]]:
    """Surname as written (Cantonese, Wade-Giles, Taiwanese...) to (pinyin surname, population share).

    Source: sinonym (Apache-2.0); ``data/chinese_surname_spellings.csv``.
    """
    result = {}
    for row in _rows("chinese_surname_spellings.csv"):
        result[plain(row["spelling"])] = (
            plain(row["mandarin_target"]),
            float(row["surname_ppm_as_written"]) / 1e6,
        )
    return result


@functools.lru_cache(maxsize=1)
def cantonese_surnames() -> dict[str, tuple[str, ...]]:
    """Cantonese surname spelling to the Mandarin surnames it stands for besides the one of
    :func:`chinese_surname_spellings` (``wong`` is ``huang`` too). Compiled by hand;
    ``data/cantonese_surnames.csv``."""
    result: dict[str, tuple[str, ...]] = {}
    for row in _rows("cantonese_surnames.csv"):
        spelling = plain(row["spelling"])
        result[spelling] = (*result.get(spelling, ()), plain(row["mandarin_target"]))
    return result


@functools.lru_cache(maxsize=1)
def chinese_given_syllable_shares() -> dict[str, float]:
    """Pinyin syllable to its share of characters in Chinese given names.

    Source: sinonym, from ORCID (Apache-2.0); ``data/chinese_given_names.csv``.
    """
    shares: dict[str, float] = {}
    for row in _rows("chinese_given_names.csv"):
        syllable = plain(row["pinyin"])
        shares[syllable] = shares.get(syllable, 0.0) + float(row["ppm"]) / 1e6
    return shares


@functools.lru_cache(maxsize=1)
def chinese_family_name_shares() -> dict[str, float]:
    """Han family-name character to its population share.

    Source: sinonym, from ORCID (Apache-2.0); ``data/chinese_family_names.csv``.
    """
    return {row["surname"]: float(row["ppm"]) / 1e6 for row in _rows("chinese_family_names.csv")}


@functools.lru_cache(maxsize=1)
def korean_surnames() -> tuple[tuple[str, tuple[str, ...], float], ...]:
    """Korean surnames: (Hangul, romanized spellings, population share).

    Source: Wikipedia, "List of Korean surnames" (CC BY-SA); ``data/korean_surnames.csv``.
    """
    result = []
    for row in _rows("korean_surnames.csv"):
        spellings = [row["rr"], row["mr"], *row["other_romanizations"].split(",")]
        plains = tuple(dict.fromkeys(plain(spelling) for spelling in spellings if plain(spelling)))
        share = float(row["percentage"].rstrip("%") or 0) / 100
        result.append((row["hangul"].strip(), plains, share))
    return tuple(result)


@functools.lru_cache(maxsize=1)
def hanja_readings() -> dict[str, tuple[str, ...]]:
    """Han character to its Sino-Korean readings in Hangul, the usual one first.

    Source: Unicode Unihan database 15.0, ``kHangul`` (simplified forms through
    ``kTraditionalVariant``); ``data/hanja_hangul.tsv``.
    """
    result = {}
    for line in _text("hanja_hangul.tsv").splitlines():
        if line and not line.startswith("#"):
            char, readings = line.split("\t")
            result[char] = tuple(readings.split())
    return result


@functools.lru_cache(maxsize=1)
def confusables() -> dict[str, str]:
    """Character to the Latin letter it can be mistaken for (UTS #39); ``data/confusables.tsv``."""
    result = {}
    for line in _text("confusables.tsv").splitlines():
        if line and not line.startswith("#"):
            char, letter, _name = line.split("\t")
            result[char] = letter
    return result
