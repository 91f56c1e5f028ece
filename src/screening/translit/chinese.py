"""Mandarin names: Han characters, pinyin, Wade-Giles, Tongyong, surname spellings, Palladius.

Everything is reduced to toneless pinyin syllables in plain letters (``ü`` is written ``u``,
as applicants write it), and a name part is read as a sequence of them:

* Han characters (simplified or traditional) through ``pypinyin``, every reading of each
  character (``曾`` is ``zeng`` or ``ceng``);
* pinyin, split into syllables (``zhenxing`` is ``zhen xing``);
* Wade-Giles, with or without apostrophes and umlauts (``hsiao ping`` is ``xiao ping``), from
  cjklib's table (``data/wadegiles_pinyin.csv``);
* Tongyong Pinyin, used in Taiwan (``jhou`` is ``zhou``), derived from pinyin by the rules of
  the 2002 standard (:func:`tongyong`);
* surname spellings from Hong Kong, Taiwan and the diaspora (``wong`` is ``wang``, ``chow``
  is ``zhou``) from sinonym's table (``data/chinese_surname_spellings.csv``), for a whole part;
* Cyrillic in the Palladius system (``Си Цзиньпин`` is ``xi jinping``), derived from pinyin by
  its initials and finals (:func:`palladius`).

>>> sorted({reading.shown for reading in latin_readings("chou")})
['chou', 'zhou']
>>> [reading.shown for reading in han_readings("习近平")][0]
'xi jin ping'
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import json
from collections.abc import Iterable
from pathlib import Path

from screening._tuning import MAX_READINGS
from screening.translit._reading import MAX_SYLLABLE_TEXT, Reading, Trigrams
from screening.translit._tables import cantonese_surnames, chinese_surname_spellings, plain, wade_giles

__all__ = ["cyrillic_readings", "han_readings", "latin_readings", "palladius", "pinyin_syllables", "tongyong"]


#: Syllables missing from the Wade-Giles table (cjklib lists them as unmapped).
_EXTRA_SYLLABLES = ("e", "o", "yo", "lo", "me", "ne", "dia", "fiao", "zhei", "yai")


@functools.lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """All toneless pinyin syllables, in plain letters."""
    syllables = {target for targets in wade_giles().values() for target in targets}
    return frozenset(syllables | set(_EXTRA_SYLLABLES))


_TONGYONG_INITIALS = (("zh", "jh"), ("x", "s"), ("q", "c"))


def tongyong(syllable: str) -> str:
    """Spell a pinyin syllable in Tongyong Pinyin (the 2002 Taiwanese standard).

    >>> tongyong("zhou"), tongyong("xiong"), tongyong("shi"), tongyong("feng")
    ('jhou', 'syong', 'shih', 'fong')
    """
    if syllable in {"zhi", "chi", "shi", "ri", "zi", "ci", "si"}:
        return ("jh" + syllable[2:] if syllable.startswith("zh") else syllable) + "h"
    result = syllable
    if syllable[:1] in {"j", "q", "x"} and syllable[1:2] == "u":  # ju, que, xun: the vowel is ü
        result = syllable[0] + "y" + syllable[1:]
    for finals, replacement in (("iong", "yong"), ("iu", "iou"), ("ui", "uei")):
        if result.endswith(finals) and not result.endswith("y" + finals):
            result = result[: -len(finals)] + replacement
            break
    if result in {"wen", "weng"}:
        result = {"wen": "wun", "weng": "wong"}[result]
    elif result.endswith("eng") and result[:1] in {"b", "p", "m", "f"}:
        result = result[:-3] + "ong"
    for initial, replacement in _TONGYONG_INITIALS:
        if result.startswith(initial):
            return replacement + result[len(initial) :]
    return result


_PALLADIUS_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
    "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
    "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
_PALLADIUS_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я",
    "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
    "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань",
    "un": "унь", "uang": "уан", "ue": "юэ",
}  # fmt: skip
_PALLADIUS_ZERO = {
    "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь",
    "yang": "ян", "ying": "ин", "yong": "юн", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай",
    "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн", "yu": "юй",
    "yue": "юэ", "yuan": "юань", "yun": "юнь",
}  # fmt: skip
_PALLADIUS_U_UMLAUT = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}


def palladius(syllable: str) -> str | None:
    """Spell a pinyin syllable in Palladius Cyrillic, the Russian standard for Chinese names.

    >>> palladius("jin"), palladius("ping"), palladius("zi"), palladius("xue")
    ('цзинь', 'пин', 'цзы', 'сюэ')
    """
    if syllable in _PALLADIUS_ZERO:
        return _PALLADIUS_ZERO[syllable]
    for length in (2, 1):
        initial, final = syllable[:length], syllable[length:]
        if initial in _PALLADIUS_INITIALS and final:
            break
    else:
        return _PALLADIUS_FINALS.get(syllable)
    if final == "i" and initial in {"z", "c", "s"}:
        return _PALLADIUS_INITIALS[initial] + "ы"
    if initial in {"j", "q", "x"} and final in _PALLADIUS_U_UMLAUT:
        return _PALLADIUS_INITIALS[initial] + _PALLADIUS_U_UMLAUT[final]
    if final not in _PALLADIUS_FINALS:
        return None
    return _PALLADIUS_INITIALS[initial] + _PALLADIUS_FINALS[final]


#: Ranking of systems when one spelling reads the same in several: the first is reported.
_SYSTEM_ORDER = ("pinyin", "Wade-Giles", "Tongyong Pinyin", "Palladius Cyrillic")
#: The system of readings from the table of family-name spellings (``wong``, ``chan``, ``tong``).
SURNAME_SPELLING = "surname spelling"
#: The system of a reading as another surname that a Cantonese spelling stands for too
#: (``wong`` read as ``huang``; data/cantonese_surnames.csv).
OTHER_SURNAME_SPELLING = "Cantonese surname spelling"


#: A spelling's reading in an inventory: the pinyin syllable, the systems that spell it so,
#: and the systems the spelling is a syllable of at all.
_Syllable = tuple[str, frozenset[str], frozenset[str]]


@functools.lru_cache(maxsize=1)
def _latin_inventory() -> dict[str, tuple[_Syllable, ...]]:
    """Plain-letter spelling to the (pinyin syllable, systems) pairs it may stand for: "yu"
    is yu in pinyin and Wade-Giles (yü, its umlaut left out) and you in Wade-Giles."""
    inventory: dict[str, dict[str, set[str]]] = {}

    def add(spelling: str, syllable: str, system: str) -> None:
        inventory.setdefault(spelling, {}).setdefault(syllable, set()).add(system)

    for syllable in sorted(pinyin_syllables()):
        add(syllable, syllable, "pinyin")
    for spelling, targets in wade_giles().items():
        for target in targets:
            add(spelling, target, "Wade-Giles")
    for syllable in sorted(pinyin_syllables()):
        add(tongyong(syllable), syllable, "Tongyong Pinyin")
        if syllable[:1] in {"l", "n"} and syllable[1:2] == "u":  # lü, nü written lv or lyu
            add(syllable[0] + "v" + syllable[2:], syllable, "pinyin")
            add(syllable[0] + "yu" + syllable[2:], syllable, "pinyin")
    return {
        spelling: tuple(
            (syllable, frozenset(systems), frozenset().union(*targets.values()))
            for syllable, systems in targets.items()
        )
        for spelling, targets in inventory.items()
    }


@functools.lru_cache(maxsize=1)
def _cyrillic_inventory() -> dict[str, tuple[_Syllable, ...]]:
    inventory: dict[str, list[_Syllable]] = {}
    palladius_only = frozenset({"Palladius Cyrillic"})
    for syllable in sorted(pinyin_syllables()):
        spelling = palladius(syllable)
        if spelling:
            inventory.setdefault(spelling, []).append((syllable, palladius_only, palladius_only))
            if "ь" in spelling:  # the soft sign is often dropped
                inventory.setdefault(spelling.replace("ь", ""), []).append(
                    (syllable, palladius_only, palladius_only)
                )
    return {spelling: tuple(targets) for spelling, targets in inventory.items()}


@functools.lru_cache(maxsize=1)
def _latin_trigrams() -> Trigrams:
    return Trigrams(_latin_inventory())


@functools.lru_cache(maxsize=1)
def _latin_longest() -> int:
    return max(map(len, _latin_inventory()))


@functools.lru_cache(maxsize=1)
def _cyrillic_longest() -> int:
    return max(map(len, _cyrillic_inventory()))


def _segmentations_of(
    text: str, inventory: dict[str, tuple[_Syllable, ...]], longest: int
) -> tuple[tuple[_Syllable, ...], ...]:
    """The readings of ``text`` as consecutive syllables, at most ``MAX_READINGS``.

    Worked out from the end of the text: the readings of ``text[start:]`` are each syllable
    spelled at ``start`` followed by a reading of the rest, so a loop, not a recursion, goes
    through a name however long it is.
    """
    size = len(text)
    from_here: list[tuple[tuple[_Syllable, ...], ...]] = [()] * size + [((),)]
    for start in range(size - 1, -1, -1):
        here: list[tuple[_Syllable, ...]] = []
        for end in range(min(size, start + longest), start, -1):
            for reading in inventory.get(text[start:end], ()):
                rests = from_here[end]
                here.extend((reading, *rest) for rest in rests[: MAX_READINGS - len(here)])
        from_here[start] = tuple(here)
    return from_here[0]


def _segmentations(
    text: str, inventory: dict[str, tuple[_Syllable, ...]], longest: int
) -> list[tuple[tuple[str, ...], frozenset[str]]]:
    """Every way to read ``text`` as consecutive syllables of the inventory, with the systems
    that read it so (:func:`one_system`).

    ``longest`` is the inventory's longest spelling.
    """
    found = _segmentations_of(text, inventory, longest) if 0 < len(text) <= MAX_SYLLABLE_TEXT else ()
    # Written without apostrophes, a name part is read with as few syllables as it allows
    # (pinyin's own rule: "xian" is one syllable, "xi'an" two).
    fewest = min((len(sequence) for sequence in found), default=0)
    result = []
    for sequence in found:
        read = [(systems, spelled) for _, systems, spelled in sequence]
        if len(sequence) == fewest and one_system(read):
            # A spelling forced to mix systems fits each of them.
            systems = frozenset.intersection(*(systems for systems, _ in read))
            systems = systems or frozenset().union(*(systems for systems, _ in read))
            result.append((tuple(syllable for syllable, _, _ in sequence), systems))
    return result


def one_system(read: list[tuple[frozenset[str], frozenset[str]]]) -> bool:
    """Tell whether syllables (or name parts) are read as one name writes them: each as
    ``(systems that read it so, systems it is spelled in at all)``. Two are read in systems
    with none in common only when their spellings share no system: "ziyu" is zi yu in
    pinyin, not zi in pinyin and then yu as Wade-Giles writes you; "zhenhsing" is pinyin
    zhen and Wade-Giles hsing, as each can only be. Empty systems fit any."""
    return all(
        not a_systems or not b_systems or a_systems & b_systems or not a_spelled & b_spelled
        for (a_systems, a_spelled), (b_systems, b_spelled) in itertools.combinations(read, 2)
    )


def _rank(system: str) -> int:
    return _SYSTEM_ORDER.index(system) if system in _SYSTEM_ORDER else len(_SYSTEM_ORDER)


def _readings(
    sequences: Iterable[tuple[tuple[str, ...], frozenset[str]]], surname: str | None = None
) -> tuple[Reading, ...]:
    best: dict[tuple[str, ...], Reading] = {}
    for syllables, systems in sequences:
        system = min(systems, key=_rank) if systems else "pinyin"
        keys = tuple(f"zh:{syllable}" for syllable in syllables)
        current = best.get(keys)
        if current is not None:  # the same syllables in other systems too
            systems |= current.systems
            system = min(system, current.system, key=_rank)
        best[keys] = Reading(
            keys=keys,
            system=surname or system,
            shown=" ".join(syllables),
            language="Mandarin",
            systems=systems,
        )
    return tuple(best.values())


@functools.lru_cache(maxsize=8192)
def latin_readings(text: str, /) -> tuple[Reading, ...]:
    """Read a plain-letter name part as Mandarin syllables (pinyin, Wade-Giles, Tongyong).

    A whole part that is a known surname spelling (``wong``, ``chow``) is also read as its
    pinyin surnames (``wang`` and ``huang``; ``zhou`` and ``zou``).
    """
    if not text.isascii() or not text.isalpha():
        return ()
    readable = _latin_trigrams().may_read(text)
    readings = list(_readings(_segmentations(text, _latin_inventory(), _latin_longest()))) if readable else []
    spelled = chinese_surname_spellings().get(text)
    surnames = [(spelled[0], SURNAME_SPELLING)] if spelled else []
    surnames += [(surname, OTHER_SURNAME_SPELLING) for surname in cantonese_surnames().get(text, ())]
    for surname, system in surnames:
        if all(reading.keys != (f"zh:{surname}",) for reading in readings):
            readings.append(
                Reading(keys=(f"zh:{surname}",), system=system, shown=surname, language="Mandarin")
            )
    return tuple(readings[:MAX_READINGS])


@functools.lru_cache(maxsize=8192)
def cyrillic_readings(text: str, /) -> tuple[Reading, ...]:
    """Read a Cyrillic name part as Mandarin syllables in the Palladius system."""
    return _readings(_segmentations(text.replace("ё", "е"), _cyrillic_inventory(), _cyrillic_longest()))


@functools.lru_cache(maxsize=1)
def _character_readings() -> dict[int, tuple[str, ...]]:
    """Every Mandarin reading of each Han character, plain letters, most usual first.

    The table is pypinyin's ``pinyin_dict.json``, read from the installed package without
    importing it: importing pypinyin loads its phrase table too (some 45 MB in memory), which
    reads words in context; names are read character by character, every reading kept.
    """
    spec = importlib.util.find_spec("pypinyin")
    folders = spec.submodule_search_locations if spec else None
    if not folders:
        raise ImportError("screening needs the pypinyin package to read Han characters.")
    path = Path(next(iter(folders))) / "pinyin_dict.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    return {
        int(code): tuple(dict.fromkeys(plain(reading) for reading in readings.split(",")))
        for code, readings in table.items()
    }


@functools.lru_cache(maxsize=8192)
def han_readings(text: str, /) -> tuple[Reading, ...]:
    """Read Han characters in Mandarin, every reading of each character (pypinyin's table)."""
    table = _character_readings()
    options = [table.get(ord(char), ()) for char in text]
    if any(not choices for choices in options):
        return ()  # a character the table cannot read
    result = []
    for combination in itertools.islice(itertools.product(*options), MAX_READINGS):
        result.append(
            Reading(
                keys=tuple(f"zh:{syllable}" for syllable in combination),
                system="Han characters read in pinyin",
                shown=" ".join(combination),
                language="Mandarin",
            )
        )
    return tuple(dict.fromkeys(result))
