"""Cyrillic to Latin letters, for comparing Cyrillic names with Latin ones.

Russian, Ukrainian and Belarusian letters are spelled as English-language passports and
the BGN/PCGN system spell them (``Владимир`` is ``vladimir``, ``Щ`` is ``shch``); the
adjective ending ``-ий`` is ``y`` as in Dmitry. Chinese and Korean names written in Cyrillic
are also read as such (:mod:`screening.translit.chinese`, :mod:`screening.translit.korean`).

>>> to_latin("дмитрий"), to_latin("жанна"), to_latin("щукин")
('dmitry', 'zhanna', 'shchukin')
"""

from __future__ import annotations

import functools

__all__ = ["is_cyrillic", "to_latin"]

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip


def is_cyrillic(char: str) -> bool:
    """Tell whether a character is in the Cyrillic blocks."""
    return 0x0400 <= ord(char) <= 0x052F


@functools.lru_cache(maxsize=8192)
def to_latin(text: str, /) -> str:
    """Spell a lowercase Cyrillic name part in Latin letters; other characters pass through."""
    if text.endswith(("ий", "ый")):
        text = text[:-2] + "ы"
    return "".join(_LETTERS.get(char, char) for char in text)
