"""The value every transliteration module returns."""

from __future__ import annotations

import attrs


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
    """

    keys: tuple[str, ...]
    system: str
    shown: str
    language: str
