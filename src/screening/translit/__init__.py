"""Transliteration: read a name part written in any script as Latin letters and syllable keys.

Two name parts are the same name when they share a :class:`Reading` (a sequence of syllable
keys of one language) or when their Latin spellings are equal. Which scripts are read, and how:

============  ==================================================================
script        readings
============  ==================================================================
Latin         Mandarin (pinyin, Wade-Giles, Tongyong, surname spellings) and
              Korean (any romanization) syllables
Han           Mandarin (pypinyin) and Korean (Hanja readings from Unihan)
Hangul        Korean syllables; Latin spelling in Revised Romanization
Cyrillic      Mandarin (Palladius) and Korean syllables; Latin by BGN/PCGN
kana          Latin by Hepburn with foreign-name variants, then as Latin
other         Latin by ``anyascii`` (Arabic, Greek, Thai, Devanagari, ...), then
              compared by sound and spelling only
============  ==================================================================

A token that mixes Latin letters with look-alike letters of another script (``Wаng`` with a
Cyrillic ``а``) is first read as Latin through the UTS #39 confusables table, and the
substitution is reported (:func:`fold_confusables`). Han and Hangul names written without
spaces are split into family name and given name (:func:`split_family_name`).

>>> sorted(reading.shown for reading in readings("chou") if reading.language == "Mandarin")
['chou', 'zhou']
>>> latin("김정은"), latin("Владимир".casefold())
('gimjeongeun', 'vladimir')
"""

from __future__ import annotations

import functools
import unicodedata

from screening.translit import chinese, cyrillic, kana, korean
from screening.translit._reading import Reading
from screening.translit._tables import (
    chinese_family_name_shares,
    chinese_given_syllable_shares,
    chinese_surname_spellings,
    confusables,
    korean_surnames,
)

__all__ = [
    "Reading",
    "fold_confusables",
    "latin",
    "latin_spellings",
    "ocr_key",
    "population_share",
    "readings",
    "script",
    "split_family_name",
    "surname_share",
]

#: Chinese two-character (compound) family names, the usual ones.
_CHINESE_COMPOUND_SURNAMES = frozenset(
    {"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙"}
    | {"公孫", "慕容", "令狐", "司徒", "夏侯", "长孙", "長孫", "宇文", "轩辕", "軒轅", "端木", "独孤", "獨孤"}
    | {"南宫", "南宮", "西门", "西門", "申屠", "澹台", "澹臺", "百里", "呼延", "闻人", "聞人", "万俟", "萬俟"}
    | {"钟离", "鍾離"}
)

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


@functools.lru_cache(maxsize=8192)
def _char_script(char: str) -> str:
    code = ord(char)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if kana.is_kana(char):
        return "kana"
    if cyrillic.is_cyrillic(char):
        return "cyrillic"
    name = unicodedata.name(char, "")
    if name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")):
        return "han"
    if char.isascii() or name.startswith("LATIN"):
        return "latin"
    if char.isdigit():
        return "digit"
    return name.split(" ")[0].lower() or "other"


@functools.lru_cache(maxsize=8192)
def script(text: str, /) -> str:
    """The script of a name part: latin, han, hangul, kana, cyrillic, another script's name
    (``greek``, ``arabic``, ...), ``mixed`` when letters of several scripts meet, or ``digit``."""
    scripts = {_char_script(char) for char in text} - {"digit"}
    if not scripts:
        return "digit"
    if len(scripts) > 1:
        return "mixed"
    return scripts.pop()


@functools.lru_cache(maxsize=1)
def _korean_compound_surnames() -> frozenset[str]:
    return frozenset(hangul for hangul, _spellings, _share in korean_surnames() if len(hangul) == 2)


def split_family_name(token: str, /) -> tuple[str, ...]:
    """Split a Han or Hangul name written without spaces into family name and given name.

    The family name is the first character, or the first two when they are a known
    two-character surname (欧阳, 남궁). Parts of one character, of five or more, and in other
    scripts are returned whole.

    >>> split_family_name("王振兴"), split_family_name("남궁민수"), split_family_name("Wang")
    (('王', '振兴'), ('남궁', '민수'), ('Wang',))
    """
    kind = script(token)
    if kind not in {"han", "hangul"} or not 2 <= len(token) <= 4:
        return (token,)
    compounds = _CHINESE_COMPOUND_SURNAMES if kind == "han" else _korean_compound_surnames()
    cut = 2 if len(token) >= 3 and token[:2] in compounds else 1
    return (token[:cut], token[cut:])


@functools.lru_cache(maxsize=8192)
def fold_confusables(token: str, /) -> tuple[str, tuple[str, ...]]:
    """Read look-alike letters of other scripts as Latin in a token that mixes them with Latin.

    Returns:
        The token with each confusable replaced by its Latin letter, and one note per
        replacement (``"Cyrillic 'а' (U+0430) read as Latin 'a'"``). A token that does not mix
        Latin with other letters is returned unchanged, with no notes.
    """
    scripts = {_char_script(char) for char in token} - {"digit"}
    if "latin" not in scripts or len(scripts) == 1:
        return token, ()
    table = confusables()
    folded: list[str] = []
    notes: list[str] = []
    for char in token:
        kind = _char_script(char)
        if kind not in {"latin", "digit"} and char in table:
            folded.append(table[char])
            notes.append(f"{kind.capitalize()} '{char}' (U+{ord(char):04X}) read as Latin '{table[char]}'")
        else:
            folded.append(char)
    return "".join(folded), tuple(dict.fromkeys(notes))


#: OCR and typing confusions: characters that scans and fonts mix up, folded to one.
_OCR_FOLDS = str.maketrans({"0": "o", "1": "l", "|": "l", "i": "l", "5": "s", "8": "b"})


def ocr_key(text: str, /) -> str:
    """Fold characters that OCR and fonts confuse (I/l/1, O/0, rn/m, vv/w).

    >>> ocr_key("ii") == ocr_key("il") == ocr_key("1l")
    True
    """
    return text.translate(_OCR_FOLDS).replace("rn", "m").replace("vv", "w")


@functools.lru_cache(maxsize=8192)
def latin_spellings(text: str, /) -> tuple[str, ...]:
    """Latin spellings of a normalized name part, the usual one first."""
    kind = script(text)
    if kind in {"latin", "digit"}:
        return (text,)
    if kind == "cyrillic":
        return (cyrillic.to_latin(text),)
    if kind == "kana":
        return kana.latin_spellings(text)
    if kind == "hangul":
        return (korean.revised_romanization(text),)
    if kind == "han":
        found = chinese.han_readings(text)
        return (found[0].shown.replace(" ", ""),) if found else ()
    from anyascii import anyascii  # loaded only for the scripts seen rarely

    spelled = "".join(char for char in anyascii(text).casefold() if char.isalnum())
    return (spelled,) if spelled else ()


def latin(text: str, /) -> str:
    """The usual Latin spelling of a normalized name part ('' when there is none)."""
    spellings = latin_spellings(text)
    return spellings[0] if spellings else ""


@functools.lru_cache(maxsize=8192)
def readings(text: str, /) -> tuple[Reading, ...]:
    """Every Mandarin and Korean reading of a normalized name part (or joined parts)."""
    kind = script(text)
    found: list[Reading] = []
    if kind == "latin":
        found += chinese.latin_readings(text)
        found += korean.latin_readings(text)
    elif kind == "han":
        found += chinese.han_readings(text)
        found += korean.han_readings(text)
    elif kind == "hangul":
        found += korean.hangul_readings(text)
    elif kind == "cyrillic":
        found += chinese.cyrillic_readings(text)
        found += korean.cyrillic_readings(text)
    elif kind == "kana":
        for spelling in kana.latin_spellings(text):
            found += (
                Reading(keys=reading.keys, system="kana", shown=spelling, language=reading.language)
                for reading in (*chinese.latin_readings(spelling), *korean.latin_readings(spelling))
            )
    unique: dict[tuple[str, ...], Reading] = {}
    for reading in found:
        unique.setdefault(reading.keys, reading)
    return tuple(unique.values())


@functools.lru_cache(maxsize=1)
def _korean_surname_shares() -> tuple[dict[str, float], dict[str, float]]:
    by_spelling: dict[str, float] = {}
    by_hangul: dict[str, float] = {}
    for hangul, spellings, share in korean_surnames():
        by_hangul[hangul] = by_hangul.get(hangul, 0.0) + share
        for spelling in spellings:
            by_spelling[spelling] = max(by_spelling.get(spelling, 0.0), share)
    return by_spelling, by_hangul


@functools.lru_cache(maxsize=8192)
def surname_share(text: str, /) -> float:
    """The share of people who bear a normalized name part as a Chinese or Korean family name.

    >>> surname_share("kim") > 0.2 and surname_share("kwang") < 0.05
    True
    """
    korean_by_spelling, korean_by_hangul = _korean_surname_shares()
    spelled = chinese_surname_spellings().get(text)
    shares = [
        korean_by_spelling.get(text, 0.0),
        korean_by_hangul.get(text, 0.0),
        spelled[1] if spelled else 0.0,
        chinese_family_name_shares().get(text, 0.0),
    ]
    by_key = _surname_shares_by_key()
    shares += [by_key.get(reading.keys, 0.0) for reading in readings(text) if len(reading.keys) == 1]
    return max(shares)


@functools.lru_cache(maxsize=1)
def _surname_shares_by_key() -> dict[tuple[str, ...], float]:
    """Family-name shares by syllable key: Korean surnames by Hangul, Chinese by pinyin."""
    shares: dict[tuple[str, ...], float] = {}
    for hangul, _spellings, share in korean_surnames():
        for reading in korean.hangul_readings(hangul):
            shares[reading.keys] = max(shares.get(reading.keys, 0.0), share)
    for _spelling, (pinyin, share) in chinese_surname_spellings().items():
        key = (f"zh:{pinyin}",)
        shares[key] = max(shares.get(key, 0.0), share)
    return shares


@functools.lru_cache(maxsize=8192)
def population_share(text: str, /) -> float:
    """How common a normalized name part is: the largest share of people who bear it.

    Counts Chinese family names (by spelling or character; sinonym's tables), Korean family
    names (by spelling or Hangul; the surname table) and, for one pinyin syllable or one Han
    character, its share among characters of Chinese given names. Unknown parts give 0.

    >>> population_share("wang") > 0.05 > population_share("zhenxing")
    True
    """
    shares = [surname_share(text)]
    given = chinese_given_syllable_shares()
    if text in given:
        shares.append(given[text])
    elif script(text) == "han" and len(text) == 1:
        shares += [given.get(reading.shown, 0.0) for reading in chinese.han_readings(text)]
    return max(shares)
