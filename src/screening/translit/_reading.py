"""The value every transliteration module returns."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

#: Longest text read as syllables. A Chinese or Korean name written as one word has five or
#: six syllables at most ("ouyangzhenxing", "namgungminsu"), of up to six letters each;
#: longer text is no such name, and the readings of a text cost time and memory that grow
#: with the square of its length (a 1,000-letter part took seconds).
MAX_SYLLABLE_TEXT = 40


@attrs.frozen
class Reading:
    """One way to read a name part: a sequence of syllable keys, and where it came from.

    Two name parts are the same name when they share a reading's keys.

    Attributes:
        keys: syllable keys, e.g. ``("zh:zhen", "zh:xing")`` or ``("ko:kim",)``; the prefix
            names the language, so Mandarin and Korean readings never meet by accident.
        system: the writing system or romanization read, e.g. ``"Wade-Giles"``.
        shown: the reading for people, e.g. ``"zhen xing"`` or ``"김"``.
        language: ``"Mandarin"`` or ``"Korean"``.
        systems: the romanizations that read the part so, when that matters (a Latin part
            read as Mandarin: pinyin, Wade-Giles, Tongyong Pinyin); parts of one name read
            in systems with none in common are not read together. Empty: no constraint.
    """

    keys: tuple[str, ...]
    system: str
    shown: str
    language: str
    systems: frozenset[str] = frozenset()


class Trigrams:
    """A quick test that a text cannot be read as consecutive syllables of an inventory.

    Reading a text as syllables tries every split; most name parts that are no Chinese or
    Korean name (``mohammed``, ``petrovich``) fail only after many tries. Any text made of
    syllables has each of its three-letter windows inside one syllable or across a
    boundary: the end of one syllable and the start of the next (or of the two next, around a
    one-letter syllable). A text with a window that fits none of these cannot be read, which
    :meth:`may_read` tells from one set lookup per letter.

    >>> trigrams = Trigrams(["zhen", "xing", "a"])
    >>> trigrams.may_read("zhenxing"), trigrams.may_read("mohammed")
    (True, False)
    """

    def __init__(self, spellings: Iterable[str]) -> None:
        unique = {spelling for spelling in spellings if spelling}
        firsts = {spelling[0] for spelling in unique}
        lasts = {spelling[-1] for spelling in unique}
        singles = {spelling for spelling in unique if len(spelling) == 1}
        starts = {spelling[:2] for spelling in unique if len(spelling) > 1}
        ends = {spelling[-2:] for spelling in unique if len(spelling) > 1}
        within = {spelling[i : i + 3] for spelling in unique for i in range(len(spelling) - 2)}
        self._firsts, self._lasts = frozenset(firsts), frozenset(lasts)
        self._windows = frozenset(
            within
            | {end + first for end in ends for first in firsts}
            | {last + start for last in lasts for start in starts}
            | {last + single + first for last in lasts for single in singles for first in firsts}
        )

    def may_read(self, text: str) -> bool:
        """False when ``text`` cannot be read as syllables; True when it may be."""
        if not text:
            return True
        if text[0] not in self._firsts or text[-1] not in self._lasts:
            return False
        windows = self._windows
        return all(text[i : i + 3] in windows for i in range(len(text) - 2))
