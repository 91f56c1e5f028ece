"""Undo the disguises that keep a name's look and change its characters.

An applicant who wants to pass screening can type a listed name so that it looks the same on
screen and to a reviewer, yet compares as another text. This module reads such a name as a
person would see it, and says what it undid:

* **terminal control sequences** (ECMA-48 CSI and OSC: ``ESC[2K``, ``ESC]0;title BEL``)
  show nothing, and are removed with their parameters, not only their ESC.
* **invisible format characters** (Unicode category Cf: zero-width spaces and joiners, bidi
  embeddings and isolates, the soft hyphen) show nothing and are removed; the evidence lists
  them by code point.
* **display order**: a right-to-left override (U+202E) shows the characters after it in
  reverse, so ``U+202E GNIXNEHZ GNAW`` is displayed ``WANG ZHENXING``. The text up to the
  next pop (U+202C) or isolate end (U+2069), or the end, is read reversed, as displayed
  (Unicode Bidirectional Algorithm, UAX #9, rule X6 with an override status). Bidi and
  other format controls are dropped by :mod:`screening.names` in any case.
* **look-alike letters of other scripts**, capitals included: a word whose every letter is
  Latin or looks like a Latin letter (UTS #39 confusables: Cyrillic ``В``, Greek ``Α``) is
  read as Latin, in a name that has Latin letters or whose every word can be read so. The
  look-alike is taken before case folding, because capitals look alike where their lowercase
  forms do not (``Н`` and ``H``, but ``н`` and ``h``). A capital read as ``l`` by the table
  (Greek ``Ι``, Cyrillic ``І``) is read as ``i``: in capitals it stands for an I.
* **letter-like symbols** that Unicode compatibility mapping (NFKC) leaves alone: Latin small
  capitals (``ᴡᴀɴɢ``), regional indicator letters and negative squared or circled capitals.
* **letters set apart**: three or more single letters separated by spaces, dots or other
  punctuation (``W a n g``, ``W.a.n.g``) are joined into one word, split where a capital
  follows a small letter (``W a n g Z h e n x i n g`` is ``Wang Zhenxing``). Two letters
  (``J. R.``) are initials and are left as they are.

A name shows a disguise when any of these change it; the screener then compares the name
read so as well as the name as written, and the evidence names what was undone.

>>> [reading.text for reading in undisguised("W a n g  Z.h.e.n.x.i.n.g")]
['Wang Zhenxing']
>>> [reading.text for reading in undisguised("ВRУАN СНО")]
['BRYAN CHO']
>>> undisguised("Kim Kwang Jin")
()
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from screening._tuning import (
    MIN_SPACED_LETTERS,
)
from screening.translit._tables import confusables

__all__ = ["RIGHT_TO_LEFT_OVERRIDE", "Undisguised", "undisguised"]

#: ECMA-48 control sequences: CSI (ESC [ parameters, intermediates, final byte) and OSC (ESC ]
#: text, ended by BEL or ST), and the two-character escapes (ESC and one byte).
_CONTROL_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
)
#: U+202E RIGHT-TO-LEFT OVERRIDE: shows what follows it in reverse.
RIGHT_TO_LEFT_OVERRIDE = "\u202e"
#: Where an override ends: U+202C POP DIRECTIONAL FORMATTING, U+2069 POP DIRECTIONAL ISOLATE,
#: and the end of a paragraph (U+2029 PARAGRAPH SEPARATOR, line breaks).
_OVERRIDE_ENDS = frozenset({"\u202c", "\u2069", "\u2029", "\n", "\r"})
#: Unicode names of letter-like symbols NFKC leaves alone, with the Latin letter they show.
_LETTER_LIKE = re.compile(
    r"(?:LATIN LETTER SMALL CAPITAL|REGIONAL INDICATOR SYMBOL LETTER"
    r"|NEGATIVE (?:SQUARED|CIRCLED) LATIN CAPITAL LETTER) ([A-Z])"
)


@attrs.frozen(kw_only=True)
class Undisguised:
    """A name as a person would read it, and what was undone to read it so.

    Attributes:
        text: the name as read.
        notes: one sentence fragment per kind of disguise undone, for the evidence.
    """

    text: str
    notes: tuple[str, ...]


@functools.lru_cache(maxsize=4096)
def undisguised(name: str, /) -> tuple[Undisguised, ...]:
    """The name as displayed and read, when that differs from the name as written.

    Args:
        name: a name as written.

    Returns:
        One :class:`Undisguised` when the name shows a disguise (see the module docstring),
        else an empty tuple.
    """
    text, notes = name, []
    shown = _CONTROL_SEQUENCE.sub("", text) if "\x1b" in text or "\x9b" in text else text
    if shown != text:
        notes.append("terminal control sequences removed")
        text = shown
    displayed = _as_displayed(text)
    if displayed != text:
        notes.append("a right-to-left override (U+202E) shows its letters in reverse; read as displayed")
        text = displayed
    invisible = sorted({char for char in text if unicodedata.category(char) == "Cf"})
    if invisible:
        codes = ", ".join(f"U+{ord(char):04X}" for char in invisible)
        notes.append(f"invisible format characters removed ({codes})")
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    read, folded = _latin_read(text)
    if folded:
        notes.append("look-alike letters read as Latin: " + ", ".join(folded))
        text = read
    joined = _rejoined(text)
    if joined != text:
        notes.append("letters set apart by spaces or punctuation read as words")
        text = joined
    return (Undisguised(text=text, notes=tuple(notes)),) if notes else ()


def _as_displayed(text: str) -> str:
    """The text in display order: each right-to-left override's span reversed."""
    if RIGHT_TO_LEFT_OVERRIDE not in text:
        return text
    shown: list[str] = []
    reversed_span: list[str] | None = None
    for char in text:
        if char == RIGHT_TO_LEFT_OVERRIDE:
            if reversed_span is not None:
                shown += reversed(reversed_span)
            reversed_span = []
        elif reversed_span is not None and char in _OVERRIDE_ENDS:
            shown += reversed(reversed_span)
            reversed_span = None
            shown.append(char)
        elif reversed_span is not None:
            reversed_span.append(char)
        else:
            shown.append(char)
    if reversed_span is not None:
        shown += reversed(reversed_span)
    return "".join(shown)


@functools.lru_cache(maxsize=4096)
def _look_alike(char: str) -> str:
    """The Latin letter a non-ASCII character shows, or "" when it shows none."""
    if char.isascii():
        return ""
    shown = _LETTER_LIKE.fullmatch(unicodedata.name(char, ""))
    if shown is not None:
        return shown.group(1).lower()
    letter = confusables().get(char, "")
    if not letter.isascii() or not letter.isalpha():
        return ""
    if letter == "l" and char.isupper():
        return "i"  # a capital iota or Byelorussian-Ukrainian I stands for I, not l
    return letter


@functools.lru_cache(maxsize=1)
def _look_alikes() -> frozenset[str]:
    """Every character that may show a Latin letter: the confusables and the letter-like
    symbols (small capitals, regional indicators, negative squared and circled capitals)."""
    symbols = {
        char
        for code in (
            *range(0x0250, 0x02B0),
            *range(0x1D00, 0x1D80),
            *range(0xA700, 0xA800),
            *range(0x1F130, 0x1F200),
        )
        if _LETTER_LIKE.fullmatch(unicodedata.name(char := chr(code), ""))
    }
    return frozenset(confusables()) | frozenset(symbols)


def _latin_letter(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _readable_as_latin(word: str) -> bool:
    """Tell whether every letter of a word is Latin or shows a Latin letter."""
    return all(_latin_letter(char) or _look_alike(char) for char in word if char.isalpha())


def _latin_read(text: str) -> tuple[str, list[str]]:
    """The text with the look-alike letters of its readable words read as Latin, and a note
    for each letter read. Words that cannot all be read as Latin keep their letters: "Иван
    Smith" is written in two scripts, not disguised."""
    if text.isascii() or set(text).isdisjoint(_look_alikes()):
        return text, []
    words = re.split(r"(\s+)", text)
    readable = [_readable_as_latin(word) for word in words]
    if not any(_latin_letter(char) for char in text if char.isalpha()) and not all(readable):
        return text, []
    folded: dict[str, str] = {}
    read: list[str] = []
    for word, can_read in zip(words, readable, strict=True):
        for char in word:
            letter = _look_alike(char) if can_read and char.isalpha() else ""
            if letter:
                letter = letter.upper() if char.isupper() else letter
                folded[char] = letter
            read.append(letter or char)
    notes = [f"'{char}' (U+{ord(char):04X}) as '{letter}'" for char, letter in folded.items()]
    return "".join(read), notes


def _rejoined(text: str) -> str:
    """The text with letters set apart joined into words (see the module docstring)."""
    chunks = text.split()
    runs: list[list[str]] = []  # chunks in order; single letters in a row share a list
    for chunk in chunks:
        if _single(chunk) and runs and _single(runs[-1][-1]):
            runs[-1].append(chunk)
        else:
            runs.append([chunk])
    letters = [[char for chunk in run for char in chunk if char.isalpha()] for run in runs]
    spaced = [len(run) > 1 or _letters_apart(run[0]) for run in runs]
    # Two letters set apart are initials ("J. R. Smith"), unless the name sets apart three
    # or more elsewhere: then they are a short name set apart too ("L.i Z.h.e.n").
    disguised = any(
        apart and len(found) >= MIN_SPACED_LETTERS for apart, found in zip(spaced, letters, strict=True)
    )
    if not disguised:
        return text
    words: list[str] = []
    for run, apart, found in zip(runs, spaced, letters, strict=True):
        words += _case_split("".join(found)) if apart and len(found) >= 2 else run
    return " ".join(words)


#: Two letters side by side, and a digit: a chunk with either has no letters set apart.
_TWO_LETTERS, _DIGIT = re.compile(r"[^\W\d_]{2}"), re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def _letters_apart(chunk: str) -> bool:
    """Tell whether a chunk is single letters joined by punctuation ("W.a.n.g", "Z-h-e-n"):
    two letters or more, no two side by side, no digits."""
    if _TWO_LETTERS.search(chunk) or _DIGIT.search(chunk):
        return False
    return len(_LETTER.findall(chunk)) >= 2


def _single(chunk: str) -> bool:
    """Tell whether a chunk is one letter, with or without a dot after it."""
    letter = chunk.rstrip(".")
    return len(letter) == 1 and letter.isalpha()


def _case_split(word: str) -> list[str]:
    """A word of letters set apart, split where a capital follows a small letter, when every
    piece has two letters or more ("WangZhenxing"; not "McD")."""
    pieces: list[str] = []
    for char in word:
        if pieces and char.isupper() and pieces[-1][-1].islower():
            pieces.append(char)
        elif pieces:
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces if all(len(piece) >= 2 for piece in pieces) else [word]
