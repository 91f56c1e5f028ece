"""Arabic-script names (Arabic, Persian, Urdu letters) against their Latin spellings, by their
consonants.

Arabic script writes the consonants and the long vowels and leaves the short vowels out;
Latin spellings of one name differ mostly in the vowels ("Mohammad", "Muhammad",
"Mohamed"). Both sides are reduced to a *consonant skeleton*: each consonant to a class that
the usual romanizations share (ح and ه, "h"; ق, ك, "q", "k", "c", "kh", "k"; ث, ت, ط, "th", "t";
ش, س, ص, "sh", "s"; ...), the long vowels, glides and glottal letters (ا و ي ى ء ع ة, and a e i
o u y w ' in Latin) left out, doubled letters written once and the article ال at the start of
an Arabic word left out. "محمد" and "Mohammad" are both ``mhmd``. A final long vowel is kept
("احمدی" and "Ahmadi" are ``hmdi``): the nisba tells Mohammadi from Muhammad.
A Latin spelling may end in an "h" that writes the ta marbuta ("Osamah" for "اسامة"), which
:func:`skeletons` allows for.
Persian, Urdu and Pashto read some letters otherwise (ض ذ ظ as z, ث as s), French spellings
write ج "dj" and س "c" before e and i, and "Abdul" writes the article that follows عبد: each
is a skeleton of its own that a part may be compared by (:func:`skeletons`).
One skeleton stands for many names, so a link by it brings review, never a match.

>>> skeletons("فضل"), skeletons("Fazal"), skeletons("جمال"), skeletons("Djamel")
(('fdl', 'fzl'), ('fzl',), ('jml',), ('jml',))
>>> skeletons("Abdul"), skeletons("عبد")
(('bdl', 'bd'), ('bd',))
>>> skeletons("عزيز"), skeletons("Aziz")
(('zz',), ('zz',))

>>> consonants("محمد"), consonants("Mohammed"), consonants("احمدی"), consonants("AHMADI")
('mhmd', 'mhmd', 'hmdi', 'hmdi')
>>> consonants("الريمي"), consonants("Rimi"), consonants("محمدی") == consonants("Muhammad")
('rmi', 'rmi', False)
"""

from __future__ import annotations

import functools
import re

__all__ = ["consonants", "skeletons", "vowels_agree"]

#: Arabic-script letters to their consonant class; letters not here (long vowels, glides,
#: hamza forms, ayn, ta marbuta, diacritics, tatweel) are left out.
_ARABIC = {
    "ب": "b", "پ": "b",
    "ت": "t", "ط": "t", "ث": "t", "ٹ": "t",
    "ج": "j", "چ": "j",
    "ح": "h", "ه": "h", "ہ": "h", "ھ": "h",
    "خ": "k", "ق": "k", "ك": "k", "ک": "k",
    "د": "d", "ض": "d", "ذ": "d", "ڈ": "d",
    "ر": "r", "ڑ": "r",
    "ز": "z", "ظ": "z", "ژ": "z",
    "س": "s", "ص": "s", "ش": "s",
    "غ": "g", "گ": "g",
    "ف": "f",
    "ل": "l",
    "م": "m",
    "ن": "n", "ں": "n",
}  # fmt: skip
#: A final long vowel is written, and tells names apart that share their consonants: the
#: nisba "-i" (Mohammadi is no Muhammad), "-u" (Abu).
_FINAL_LONG_VOWELS = {"ي": "i", "ی": "i", "ى": "i", "و": "u"}
_LATIN_FINAL_VOWELS = ((("i", "y", "ee", "ie", "ey"), "i"), (("u", "ou", "oo"), "u"))
#: Latin digraphs that write one Arabic consonant, first; then single letters.
#: "dj" is the French spelling of ج (Djamel, Djermane).
_LATIN_DIGRAPHS = (
    ("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ch", "j"), ("ph", "f"), ("dj", "j"),
)  # fmt: skip
#: Letters that Persian, Urdu and Pashto read otherwise than Arabic: ض ذ ظ as z, ث as s
#: ("Fazal" for فضل, "Sanaullah" for ثناء الله). A word with one of them has that reading too.
_PERSIAN = {"ض": "z", "ذ": "z", "ث": "s"}
#: Latin spellings of عبد with the article of the next name joined to it ("Abdul", "Abdur",
#: "Abdel", "Abdoul", "Abdus"): their skeleton has the article's consonant, which عبد alone
#: does not write.
_ABD_WITH_ARTICLE = re.compile(r"abd(?:u|e|a|ou|o)[lrsnzt]")
_LATIN = {
    "b": "b", "p": "b", "t": "t", "j": "j", "g": "j", "h": "h", "k": "k", "q": "k", "c": "k",
    "d": "d", "r": "r", "z": "z", "s": "s", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n",
    "x": "k",
}  # fmt: skip


@functools.lru_cache(maxsize=8192)
def consonants(text: str, /, *, persian: bool = False, apart: bool = False) -> str:
    """The consonant skeleton of one name part in Arabic script or Latin letters; "" for other
    scripts. A consonant written twice in a row is written once; in Arabic script, not when a
    long vowel stands between ("عزيز", Aziz, is ``zz``).

    Args:
        persian: the letters Persian reads otherwise read so (:data:`_PERSIAN`).
        apart: a Latin consonant repeated with vowels between is written twice ("aziz" is
            ``zz``), as Arabic script writes it when the vowel is long.
    """
    if any("\u0600" <= character <= "\u06ff" for character in text):
        word = _without_article(text)
        letters = _ARABIC | _PERSIAN if persian else _ARABIC
        classes = [
            letters.get(character, _LONG if character in _MEDIAL_LONG_VOWELS else "") for character in word
        ]
        if word[-1:] in _FINAL_LONG_VOWELS:
            classes.append(_FINAL_LONG_VOWELS[word[-1]])
    else:
        word = text.casefold()
        if not word.isascii():
            return ""
        classes = [consonant or (_LONG if apart else "") for _letter, consonant in _latin_letters(text)]
        ending = next((vowel for endings, vowel in _LATIN_FINAL_VOWELS if word.endswith(endings)), "")
        if ending:
            classes.append(ending)
    skeleton: list[str] = []
    previous = ""
    for consonant in classes:
        if consonant and consonant != _LONG and consonant != previous:
            skeleton.append(consonant)
        if consonant:
            previous = consonant
    return "".join(skeleton)


#: A long vowel between consonants, which keeps a consonant on either side apart.
_LONG = "-"


def _without_article(text: str) -> str:
    """An Arabic word without the article ال at its start (a word of its own left whole)."""
    return text[2:] if text.startswith("ال") and len(text) > 3 else text


def _latin_letters(text: str) -> list[tuple[str, str]]:
    """Each letter of a Latin spelling, a digraph that writes one Arabic consonant as one, with
    its consonant class ("" for a vowel; any other character is its own class)."""
    word = text.casefold()
    for digraph, consonant in _LATIN_DIGRAPHS:
        word = word.replace(digraph, consonant.upper())
    # A "c" before e, i or y is the French "s" (Lounici for لونيسي).
    word = re.sub(r"c(?=[eiy])", "S", word)
    return [
        (character, _LATIN.get(character, "") if character.islower() else character.lower())
        for character in word
    ]


def skeletons(text: str, /) -> tuple[str, ...]:
    """The consonant skeletons a name part may be compared by: its own and, ending in "h",
    without it (a Latin "-ah" for the ta marbuta, an Arabic final ه that a spelling leaves out).
    Skeletons of fewer than two consonants are left out: too many names share them."""
    found: list[str] = []
    for skeleton in _readings(text):
        if len(skeleton) >= 2 and skeleton not in found:
            found.append(skeleton)
        if skeleton.endswith("h") and len(skeleton) >= 3 and skeleton[:-1] not in found:
            found.append(skeleton[:-1])
    return tuple(found)


def _readings(text: str) -> list[str]:
    """The consonant skeletons of a name part: its own; an Arabic word's with its letters read
    as Persian reads them, when it has some; a Latin one's with a consonant repeated across a
    vowel written twice (:func:`consonants`); a Latin "Abdul" or "Abdur" as عبد writes it."""
    found = [consonants(text)]
    if text.isascii():
        found.append(consonants(text, apart=True))
    if any(character in _PERSIAN for character in text):
        found.append(consonants(text, persian=True))
    if _ABD_WITH_ARTICLE.fullmatch(text.casefold()):
        found.append("bd")
    return found


#: The long vowels written inside an Arabic word, and the Latin vowels that may write each.
_MEDIAL_LONG_VOWELS = {"ا": "a", "آ": "a", "ی": "i", "ي": "i", "ى": "i", "و": "u"}
_COMPATIBLE = {"a": frozenset("ae"), "i": frozenset("iey"), "u": frozenset("uo")}


def _arabic_vowels(text: str) -> list[str]:
    """After each consonant of an Arabic word (article left out), the long vowel written
    before the next consonant ("" for none)."""
    word = _without_article(text)
    found: list[str] = []
    previous = ""
    for index, character in enumerate(word):
        consonant = _ARABIC.get(character, "")
        if consonant:
            if consonant != previous:
                found.append("")
            previous = consonant
        elif found and character in _MEDIAL_LONG_VOWELS and not found[-1]:
            if character == "ا" and word[index + 1 : index + 2] == "ل":
                continue  # the article inside a compound ("عبدالله"), no long vowel
            found[-1] = _MEDIAL_LONG_VOWELS[character]
    return found


def _latin_vowels(text: str) -> list[str]:
    """After each consonant of a Latin spelling, the vowels written before the next consonant."""
    found: list[str] = []
    previous = ""
    for character, consonant in _latin_letters(text):
        if consonant:
            if consonant != previous:
                found.append("")
            previous = consonant
        elif found and character in "aeiouyw":
            found[-1] += character
    return found


def vowels_agree(arabic_text: str, latin_text: str, /) -> bool:
    """Tell whether the long vowels an Arabic word writes between its consonants are written
    in a Latin spelling with the same consonants: حسین (Husayn) has a long i before its n,
    which "Hussein" and "Husayn" write and "Ehsan" (احسان) does not."""
    arabic, latin = _arabic_vowels(arabic_text), _latin_vowels(latin_text)
    if len(arabic) != len(latin):
        return True  # the consonants were not grouped alike: nothing to tell by
    return all(
        not vowel or bool(_COMPATIBLE[vowel] & set(written))
        for vowel, written in zip(arabic[:-1], latin[:-1], strict=True)
    )
