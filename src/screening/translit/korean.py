"""Korean names: Hangul, Hanja, and their romanizations, read as Korean syllable keys.

Korean names reach employers in many spellings of the same syllables: Revised Romanization
(``Jeong``, ``Gwang``), McCune-Reischauer with or without its marks (``Chŏng``, ``Kwang``),
the DPRK's own system (``Thae``, ``Ri``, ``Pak``), and everyday spellings (``Jung``,
``Chung``, ``Lee``, ``Park``, ``Moon``). Rather than list every spelling, each syllable is
reduced to a *key* of sound classes that these systems keep apart and applicants do not
confuse, and every spelling maps to the same key:

* initial consonants: plain, tense and aspirated stops of one place are one class
  (``g/k/kk/kh``, ``d/t/tt/th``, ``b/p/pp/ph``, ``j/ch/jj/tch``), as romanizations disagree on
  exactly these; ``r`` and ``l`` are one class, and a word-initial ``r``/``l`` may be silent
  (``Ri`` and ``Lee`` are ``I``, 이);
* vowels: the back vowels ㅓ ㅗ ㅜ ㅡ are one class (``eo``, ``o``, ``ŏ``, ``u``, ``oo``,
  ``eu``, ``ŭ``: ``Jeong`` = ``Jong`` = ``Jung``), as are ㅕ ㅛ ㅠ (``yeo``, ``yo``, ``yu``) and
  ㅐ ㅔ (``ae``, ``e``); the others stay apart;
* final consonants by their sound (``ㄱ`` is ``k`` or ``g``, ``ㄹ`` is ``l`` or ``r``).

Hangul syllables give their key directly; Hanja give the keys of their Korean readings
(``data/hanja_hangul.tsv``, from Unicode's Unihan ``kHangul``), so 金正恩 reaches Kim Jong Un;
surname spellings come from ``data/korean_surnames.csv``. Russian texts write Korean names in
the Kontsevich or older Kholodovich systems (``Ким Чен Ын``); Cyrillic parts are read with the
same sound classes.

>>> [reading.shown for reading in hangul_readings("정봉주")]
['정봉주']
>>> hangul_readings("정")[0].keys == latin_readings("jung")[0].keys == latin_readings("chong")[0].keys
True
"""

from __future__ import annotations

import functools
import itertools

from screening._tuning import MAX_READINGS
from screening.translit._reading import MAX_SYLLABLE_TEXT, Reading, Trigrams
from screening.translit._tables import hanja_readings, korean_surnames

__all__ = [
    "cyrillic_readings",
    "hangul_readings",
    "hanja_readings_of",
    "latin_readings",
    "revised_romanization",
    "syllable_key",
]

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3

#: Sound class of each Hangul initial (19, in Unicode order).
_INITIAL_CLASSES = (
    "k",
    "k",
    "n",
    "t",
    "t",
    "r",
    "m",
    "p",
    "p",
    "s",
    "s",
    "",
    "j",
    "j",
    "j",
    "k",
    "t",
    "p",
    "h",
)
#: Sound class of each Hangul vowel (21, in Unicode order).
_VOWEL_CLASSES = (
    "a", "ae", "ya", "ye", "o", "ae", "yo", "ye", "o", "wa", "oe",
    "oe", "yo", "o", "wo", "oe", "wi", "yo", "o", "ui", "i",
)  # fmt: skip
#: Sound class of each Hangul final (28, in Unicode order; the first is "none").
_FINAL_CLASSES = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip

#: Latin spellings of initials, vowels and finals in RR, MR, DPRK and everyday use, by class.
_LATIN_INITIALS = {
    "": "", "g": "k", "k": "k", "kk": "k", "gg": "k", "kh": "k", "n": "n", "d": "t", "t": "t",
    "tt": "t", "th": "t", "dd": "t", "r": "r", "l": "r", "m": "m", "b": "p", "p": "p", "pp": "p",
    "ph": "p", "bb": "p", "s": "s", "ss": "s", "sh": "s", "j": "j", "jj": "j", "ch": "j",
    "tch": "j", "jh": "j", "h": "h",
}  # fmt: skip
_LATIN_VOWELS = {
    "a": "a", "ae": "ae", "ai": "ae", "e": "ae", "ya": "ya", "yae": "ye", "ye": "ye", "eo": "o",
    "o": "o", "u": "o", "oo": "o", "eu": "o", "yeo": "yo", "yo": "yo", "yu": "yo", "yoo": "yo",
    "wa": "wa", "wha": "wa", "ua": "wa", "wae": "oe", "oe": "oe", "oi": "oe", "we": "oe", "wi": "wi",
    "wee": "wi", "wo": "wo", "weo": "wo", "ui": "ui", "eui": "ui", "i": "i", "ee": "i", "yi": "i",
}  # fmt: skip
_LATIN_FINALS = {
    "": "", "k": "k", "g": "k", "kk": "k", "n": "n", "t": "t", "d": "t", "l": "l", "r": "l",
    "m": "m", "p": "p", "b": "p", "ng": "ng",
}  # fmt: skip

#: Cyrillic spellings (Kontsevich, Kholodovich, and press usage), by class.
_CYRILLIC_INITIALS = {
    "": "", "к": "k", "кк": "k", "г": "k", "кх": "k", "н": "n", "т": "t", "тт": "t", "д": "t",
    "тх": "t", "р": "r", "л": "r", "м": "m", "п": "p", "пп": "p", "б": "p", "пх": "p", "с": "s",
    "сс": "s", "ч": "j", "чч": "j", "чж": "j", "дж": "j", "чх": "j", "х": "h",
}  # fmt: skip
_CYRILLIC_VOWELS = {
    "а": ("a",), "э": ("ae",), "е": ("ae", "o", "ye"), "я": ("ya",), "йя": ("ya",), "о": ("o",),
    "у": ("o",), "ы": ("o",), "ё": ("yo",), "йо": ("yo",), "ю": ("yo",), "ва": ("wa",),
    "вэ": ("oe",), "ве": ("oe",), "ои": ("oe",), "ви": ("wi",), "во": ("wo",), "ый": ("ui",),
    "и": ("i",), "йе": ("ye",),
}  # fmt: skip
# Kholodovich and press usage write ㅓ after ч as е (Чен for 정), hence "е" is also "o".
_CYRILLIC_FINALS = {
    "": "", "к": "k", "н": "n", "т": "t", "ль": "l", "л": "l", "р": "l", "м": "m", "п": "p", "нъ": "ng",
}  # fmt: skip


#: The longest spelling of an initial, vowel or final in the tables above.
_LONGEST_PIECE = max(
    map(len, (*_LATIN_INITIALS, *_LATIN_VOWELS, *_LATIN_FINALS, *_CYRILLIC_INITIALS, *_CYRILLIC_VOWELS))
)


def syllable_key(initial: str, vowel: str, final: str) -> str:
    """The key of one syllable from its sound classes, e.g. ``ko:jong``."""
    return f"ko:{initial}{vowel}{final}"


def _jamo(char: str) -> tuple[int, int, int] | None:
    """The (initial, vowel, final) indexes of a Hangul syllable (Unicode's composition), or None."""
    code = ord(char) - _HANGUL_FIRST
    if not 0 <= code <= _HANGUL_LAST - _HANGUL_FIRST:
        return None
    initial, rest = divmod(code, 21 * 28)
    vowel, final = divmod(rest, 28)
    return initial, vowel, final


def _hangul_key(char: str) -> str | None:
    found = _jamo(char)
    if found is None:
        return None
    initial, vowel, final = found
    return syllable_key(_INITIAL_CLASSES[initial], _VOWEL_CLASSES[vowel], _FINAL_CLASSES[final])


_RR_INITIALS = (
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
)
_RR_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
#: Revised Romanization writes each final as its sound class (the 7 final sounds).
_RR_FINALS = _FINAL_CLASSES


def revised_romanization(text: str, /) -> str:
    """Hangul syllables in Revised Romanization, syllable by syllable (no sound changes).

    >>> revised_romanization("김정은")
    'gimjeongeun'
    """
    spelled = []
    for char in text:
        found = _jamo(char)
        if found is not None:
            initial, vowel, final = found
            spelled.append(_RR_INITIALS[initial] + _RR_VOWELS[vowel] + _RR_FINALS[final])
    return "".join(spelled)


def _initial_variants(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A word-initial r/l may be silent (Ri, Lee, Rhee, Yi are all 이)."""
    result = [keys]
    if keys and keys[0].startswith("ko:r"):
        result.append(("ko:" + keys[0][4:], *keys[1:]))
    return result


@functools.lru_cache(maxsize=8192)
def hangul_readings(text: str, /) -> tuple[Reading, ...]:
    """Read Hangul syllables as keys (text with other characters has no reading)."""
    keys = tuple(_hangul_key(char) for char in text)
    if not keys or None in keys:
        return ()
    known = tuple(key for key in keys if key is not None)
    return tuple(
        Reading(keys=variant, system="Hangul", shown=text, language="Korean")
        for variant in _initial_variants(known)
    )


def hanja_readings_of(text: str, /) -> list[str]:
    """The Hangul readings of a Hanja text, every combination of each character's readings."""
    table = hanja_readings()
    options = [table.get(char, ()) for char in text]
    if not options or any(not choices for choices in options):
        return []
    return [
        "".join(combination) for combination in itertools.islice(itertools.product(*options), MAX_READINGS)
    ]


@functools.lru_cache(maxsize=8192)
def han_readings(text: str, /) -> tuple[Reading, ...]:
    """Read Han characters as Hanja: their Korean readings, as keys."""
    result: list[Reading] = []
    for hangul in hanja_readings_of(text):
        for reading in hangul_readings(hangul):
            result.append(
                Reading(keys=reading.keys, system="Hanja read in Korean", shown=hangul, language="Korean")
            )
    return tuple(dict.fromkeys(result))


def _syllables_of(
    text: str,
    initials: dict[str, str],
    vowels: dict[str, str] | dict[str, tuple[str, ...]],
    finals: dict[str, str],
) -> tuple[tuple[str, ...], ...]:
    """The readings of ``text`` as syllable keys, at most ``MAX_READINGS``.

    Worked out from the end of the text: the readings of ``text[start:]`` are each syllable
    spelled at ``start`` followed by a reading of the rest, so a loop, not a recursion, goes
    through a name however long it is.
    """
    longest, size = _LONGEST_PIECE, len(text)
    from_here: list[tuple[tuple[str, ...], ...]] = [()] * size + [((),)]
    for start in range(size - 1, -1, -1):
        here: list[tuple[str, ...]] = []
        for initial_end in range(start, min(size, start + longest) + 1):
            initial = initials.get(text[start:initial_end])
            if initial is None:
                continue
            for vowel_end in range(initial_end + 1, min(size, initial_end + longest) + 1):
                classes = vowels.get(text[initial_end:vowel_end])
                if classes is None:
                    continue
                for vowel in (classes,) if isinstance(classes, str) else classes:
                    for final_end in range(vowel_end, min(size, vowel_end + longest) + 1):
                        final = finals.get(text[vowel_end:final_end])
                        if final is None:
                            continue
                        rests = from_here[final_end]
                        if rests:
                            key = syllable_key(initial, vowel, final)
                            here.extend((key, *rest) for rest in rests[: MAX_READINGS - len(here)])
        from_here[start] = tuple(here)
    return from_here[0]


def _segment(
    text: str,
    initials: dict[str, str],
    vowels: dict[str, str] | dict[str, tuple[str, ...]],
    finals: dict[str, str],
) -> list[tuple[str, ...]]:
    """Every reading of ``text`` as consecutive (initial, vowel, final) syllables, fewest first."""
    found = _syllables_of(text, initials, vowels, finals) if 0 < len(text) <= MAX_SYLLABLE_TEXT else ()
    fewest = min((len(sequence) for sequence in found), default=0)
    return [sequence for sequence in found if len(sequence) == fewest]


@functools.lru_cache(maxsize=1)
def _surname_keys() -> dict[str, tuple[tuple[str, str], ...]]:
    """Romanized surname spelling to (Hangul, key) pairs, from the surname table.

    A spelling that the romanization rules already read as another syllable is left out:
    the table lists "Kwang" for 강, but Kwang is first of all 광, a common given-name syllable.
    """
    table: dict[str, list[tuple[str, str]]] = {}
    for hangul, spellings, _share in korean_surnames():
        if len(hangul) != 1:
            continue
        for reading in hangul_readings(hangul):
            for spelling in spellings:
                ruled = set(_segment(spelling, _LATIN_INITIALS, _LATIN_VOWELS, _LATIN_FINALS))
                if ruled and all(reading.keys[0] not in keys for keys in ruled):
                    continue
                table.setdefault(spelling, []).append((hangul, reading.keys[0]))
    return {spelling: tuple(pairs) for spelling, pairs in table.items()}


@functools.lru_cache(maxsize=1)
def _latin_trigrams() -> Trigrams:
    """Every Latin spelling of a syllable: initial, vowel and final spellings combined."""
    return Trigrams(
        initial + vowel + final
        for initial in _LATIN_INITIALS
        for vowel in _LATIN_VOWELS
        for final in _LATIN_FINALS
    )


@functools.lru_cache(maxsize=8192)
def latin_readings(text: str, /) -> tuple[Reading, ...]:
    """Read a plain-letter name part as Korean syllables in any romanization."""
    if not text.isascii() or not text.isalpha():
        return ()
    result: list[Reading] = []
    readable = _latin_trigrams().may_read(text)
    for keys in _segment(text, _LATIN_INITIALS, _LATIN_VOWELS, _LATIN_FINALS) if readable else ():
        for variant in _initial_variants(keys):
            result.append(Reading(keys=variant, system="Korean romanization", shown=text, language="Korean"))
    for hangul, key in _surname_keys().get(text, ()):
        result.append(
            Reading(
                keys=(key,),
                system=f"a spelling of the Korean surname {hangul}",
                shown=hangul,
                language="Korean",
            )
        )
    return tuple(dict.fromkeys(result))


@functools.lru_cache(maxsize=8192)
def cyrillic_readings(text: str, /) -> tuple[Reading, ...]:
    """Read a Cyrillic name part as Korean syllables (Kontsevich and Russian press usage)."""
    result: list[Reading] = []
    for keys in _segment(text, _CYRILLIC_INITIALS, _CYRILLIC_VOWELS, _CYRILLIC_FINALS):
        # Russian has no "ng": Kontsevich writes the final ㅇ as н.
        options = [[key, key[:-1] + "ng"] if key.endswith("n") else [key] for key in keys]
        for combination in itertools.islice(itertools.product(*options), MAX_READINGS):
            for variant in _initial_variants(tuple(combination)):
                result.append(
                    Reading(keys=variant, system="Korean in Cyrillic", shown=text, language="Korean")
                )
    return tuple(dict.fromkeys(result))
