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

A Latin letter that writes several Arabic ones gives a skeleton for each ("g" for ج, غ or گ
and ق; "ch" for چ, خ or ش), a final ى is read "i" and "a", and the article inside a word
with and without its "l":

>>> skeletons("Gul"), skeletons("گل"), skeletons("مصطفى"), skeletons("عبدالرحمن")
(('jl', 'kl', 'gl'), ('gl',), ('mstfi', 'mstf'), ('bdlrhmn', 'bdrhmn'))

>>> consonants("محمد"), consonants("Mohammed"), consonants("احمدی"), consonants("AHMADI")
('mhmd', 'mhmd', 'hmdi', 'hmdi')
>>> consonants("الريمي"), consonants("Rimi"), consonants("محمدی") == consonants("Muhammad")
('rmi', 'rmi', False)
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "compound",
    "compound_end_alone",
    "consonants",
    "joinable",
    "joins_next",
    "letters",
    "makes_name_with_next",
    "nisba_of",
    "skeletons",
    "vowels_agree",
]

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
    if _written_in_arabic(text):
        word = _without_article(text)
        letters = _ARABIC | _PERSIAN if persian else _ARABIC
        classes = [
            letters.get(character, _LONG if character in _MEDIAL_LONG_VOWELS else "") for character in word
        ]
        if word[-1:] in _FINAL_LONG_VOWELS:
            classes.append(_FINAL_LONG_VOWELS[word[-1]])
        return _collapsed(classes)
    word = text.casefold()
    if not word.isascii():
        return ""
    return _latin_skeletons(word)[1 if apart else 0]


#: A long vowel between consonants, which keeps a consonant on either side apart.
_LONG = "-"


def _written_in_arabic(text: str) -> bool:
    """Tell whether a text has letters of the Arabic script (Arabic, Persian, Urdu)."""
    return any("\u0600" <= character <= "\u06ff" for character in text)


#: Persian and Urdu forms of Arabic letters, and the seats of hamza, as the Arabic letter
#: (:func:`letters`).
_ARABIC_FORMS = str.maketrans(
    {"ی": "ي", "ى": "ي", "ے": "ي", "ئ": "ي", "ک": "ك", "ہ": "ه", "ھ": "ه", "ة": "ه", "ۀ": "ه", "ؤ": "و",
     "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None}
)  # fmt: skip


def letters(text: str, /) -> str:
    """An Arabic-script word with its letters' Persian and Urdu forms and hamza seats read as the
    Arabic letters (ی and ى as ي, ک as ك, ة and ہ as ه, أ as ا) and no tatweel: the form
    tables of names written in Arabic script are looked up by.

    >>> letters("عیسی") == letters("عيسى"), letters("آغا") == letters("اغا")
    (True, True)
    """
    return text.translate(_ARABIC_FORMS)


def _collapsed(classes: list[str]) -> str:
    """A skeleton of consonant classes in order: a class written twice in a row once ("" for a
    letter of no class), unless a long vowel (:data:`_LONG`) stands between."""
    skeleton: list[str] = []
    previous = ""
    for consonant in classes:
        if consonant and consonant != _LONG and consonant != previous:
            skeleton.append(consonant)
        if consonant:
            previous = consonant
    return "".join(skeleton)


def _without_article(text: str) -> str:
    """An Arabic word without the article ال at its start (a word of its own left whole)."""
    return text[2:] if text.startswith("ال") and len(text) > 3 else text


_FRENCH_C = re.compile(r"c(?=[eiy])")


def _latin_letters(text: str) -> list[tuple[str, str]]:
    """Each letter of a Latin spelling, a digraph that writes one Arabic consonant as one, with
    its consonant class ("" for a vowel; any other character is its own class)."""
    word = text.casefold()
    if "h" in word or "dj" in word:  # every digraph but "dj" ends in "h"
        for digraph, consonant in _LATIN_DIGRAPHS:
            word = word.replace(digraph, consonant.upper())
    if "c" in word:
        # A "c" before e, i or y is the French "s" (Lounici for لونيسي).
        word = _FRENCH_C.sub("S", word)
    return [
        (character, _LATIN.get(character, "") if character.islower() else character.lower())
        for character in word
    ]


@functools.lru_cache(maxsize=8192)
def skeletons(text: str, /) -> tuple[str, ...]:
    """The consonant skeletons a name part may be compared by: its own and, ending in "h",
    without it (a Latin "-ah" for the ta marbuta, an Arabic final ه that a spelling leaves out).
    Skeletons of fewer than two consonants are left out: too many names share them. A part of
    fewer is compared by its glides too, the letters ي and و and "y" and "w" taken for
    consonants (:func:`_glides`: "یار" and "Yar", "اول" and "Awal", "اياد" and "Iyad")."""
    readings = _readings(text)
    if all(len(skeleton) < 2 for skeleton in readings):
        readings = _glides(text)
    found: list[str] = []
    for skeleton in readings:
        if len(skeleton) >= 2 and skeleton not in found:
            found.append(skeleton)
        if skeleton.endswith("h") and len(skeleton) >= 3 and skeleton[:-1] not in found:
            found.append(skeleton[:-1])
    return tuple(found)


def _readings(text: str) -> list[str]:
    """The consonant skeletons of a name part: its own; an Arabic word's with its letters read
    as Persian reads them, when it has some, and with its last letters read the other way they
    may be (:func:`_arabic_endings`); a Latin one's in each way its letters may write Arabic
    ones (:func:`_latin_variants`), and with a consonant repeated across a vowel written twice
    (:func:`consonants`); a Latin "Abdul" or "Abdur" as عبد writes it."""
    if _written_in_arabic(text):
        found = [consonants(text)]
        if any(character in _PERSIAN for character in text):
            found.append(consonants(text, persian=True))
        return found + [ending for skeleton in found for ending in _arabic_endings(text, skeleton)]
    word = text.casefold()
    if not word.isascii():
        return [""]
    found = []
    for variant in _latin_variants(word):
        found += _latin_skeletons(variant)
    if _ABD_WITH_ARTICLE.fullmatch(word):
        found.append("bd")
    return found


def _latin_skeletons(word: str) -> tuple[str, str]:
    """The consonant skeleton of a casefolded Latin spelling (:func:`consonants`), and the same
    with a consonant repeated across a vowel written twice (``apart``), its letters read once."""
    letters = [consonant for _letter, consonant in _latin_letters(word)]
    ending = next((vowel for endings, vowel in _LATIN_FINAL_VOWELS if word.endswith(endings)), "")
    tail = [ending] if ending else []
    return _collapsed(letters + tail), _collapsed([consonant or _LONG for consonant in letters] + tail)


#: The article between two words written as one, each of two letters or more ("عبدالله"; not
#: the letters of "جمال" or "خالد").
_ARTICLE_INSIDE = re.compile(r"(?<=..)ال(?=..)")
#: The glides: Arabic letters that write a long vowel or a consonant, with the consonant.
_ARABIC_GLIDES = {"ي": "y", "ی": "y", "ى": "y", "و": "w"}
_LATIN_GLIDES = {"y": "y", "w": "w"}


def _glides(text: str) -> list[str]:
    """The skeletons of a short part with its glides read as consonants: in Arabic script,
    ي and و each or both (a long vowel or a consonant: "ایوب", Ayyub, writes a "y" and a long
    u); in Latin letters, "y" and "w"."""
    if _written_in_arabic(text):
        word = _without_article(text)
        found = []
        for glides in ("yw", "y", "w"):
            letters = _ARABIC | {letter: glide for letter, glide in _ARABIC_GLIDES.items() if glide in glides}
            found.append(_collapsed([letters.get(character, "") for character in word]))
        return found
    return [
        _collapsed([consonant or _LATIN_GLIDES.get(letter, "") for letter, consonant in _latin_letters(text)])
    ]


#: The letters that end an Arabic word after a long vowel and that Latin spellings leave out,
#: so that the long vowel ends the spelling ("ربيع", Rabi; "شفيع", Shafi).
_SILENT_ENDINGS = frozenset("عءئ")


def _arabic_endings(text: str, skeleton: str) -> list[str]:
    """The other skeletons an Arabic word's article and ending give: the article inside it with
    its "l" left out; a final ى is the alif maqsura ("a", مصطفى, Mustafa) as often as the "i"
    Persian and Egyptian spelling write with it (حكيمى, Hakimi); a long vowel before a final
    ayn or hamza ends the Latin spelling (:data:`_SILENT_ENDINGS`)."""
    found = []
    inside = _ARTICLE_INSIDE.search(text)
    if inside:
        # The article inside a word, its "l" written as the next letter ("عبدالرحمن",
        # Abdurrahman; "نورالدین", Nooruddin) as often as not (Abdulrahman).
        found.append(consonants(text[: inside.start()] + "ا" + text[inside.end() :]))
    if text.endswith("ى") and skeleton.endswith("i"):
        found.append(skeleton[:-1])
    elif text[-1:] in _SILENT_ENDINGS and text[-2:-1] in _FINAL_LONG_VOWELS:
        found.append(skeleton + _FINAL_LONG_VOWELS[text[-2]])
    return found


#: Latin letters that write more than one Arabic consonant, with the other spellings that
#: stand for each: "g" is ج in Egyptian spellings (Gamal), غ or گ (Gul) and ق in the Gulf and the
#: Maghreb (Belgacem); "ch" is ج or چ (Chaudhry), خ in German spellings (Barich) and ش in
#: French ones (Charia). A word is read one way throughout.
_LATIN_AMBIGUOUS = ((re.compile(r"g(?!h)"), ("q", "gh")), (re.compile(r"ch"), ("kh", "sh")))
#: Two letters that write one consonant, or two: "Ishaq" is اسحاق, s and h (Is-haq), and
#: "Chaudhry" چوہدری, d and h.
_SPLIT_DIGRAPHS = re.compile(r"(?<=[sdtk])(?=h)")
#: What keeps two letters of a digraph apart: a vowel, which the skeleton leaves out.
_APART = "a"


def _latin_variants(word: str) -> list[str]:
    """A casefolded Latin spelling in each way its letters may write Arabic ones
    (:data:`_LATIN_AMBIGUOUS`), and with its digraphs read as two letters
    (:data:`_SPLIT_DIGRAPHS`)."""
    variants = [word]
    for pattern, others in _LATIN_AMBIGUOUS:
        if pattern.search(word):
            variants += [pattern.sub(other, variant) for variant in variants for other in others]
    split = _SPLIT_DIGRAPHS.sub(_APART, word)
    if split != word:
        variants.append(split)
    return variants


#: Latin words that Arabic script may write joined to the next word: عبد (Abd, "servant of")
#: with or without the article ("Abdul Jabbar" is عبدالجبار), ابو (Abu, "father of": "Abo
#: Ghaith", أبوغيث), بن (Bin, "son of": "Ben Hassine", بنحسين) and the article ("Al Itihaad").
_COMPOUND_START = re.compile(r"ab(?:d|du|do|dou|ed)|ab(?:u|ou|o|oo)|" + _ABD_WITH_ARTICLE.pattern)
_JOINED_BEFORE = re.compile(r"b[ei]n|ibn|[ae]l|" + _COMPOUND_START.pattern)
#: Latin words that Arabic script writes joined to the word before: the article, and the names
#: compounds end in ("Obaid Ullah" is عبيدالله, "Noor Uddin" نورالدین).
_JOINED_AFTER = frozenset(
    [
        "al",
        "el",
        "ul",
        "ol",
        "ud",
        "ur",
        "us",
        "uz",
        "ut",
        "un",
        "ad",
        "ed",
        "ar",
        "as",
        "az",
        "at",
        "an",
        "ash",
        "ath",
        "allah",
        "ullah",
        "ollah",
        "ulla",
        "illah",
        "din",
        "uddin",
        "eddin",
        "addin",
        "oddin",
        "udin",
        "deen",
        "uddeen",
    ]
)


#: The ends of compound names in Arabic script, written apart as often as joined ("نذیر الله",
#: Nazirullah; "شمس الدین", Shamsuddin), with their letters read as Arabic ones (:func:`letters`).
_ARABIC_COMPOUND_ENDS = frozenset({"الله", "الدين"})


def _compound_end(word: str) -> bool:
    """Tell whether an Arabic-script word is the end of a compound name (:data:`_ARABIC_COMPOUND_ENDS`)."""
    return letters(word) in _ARABIC_COMPOUND_ENDS


def compound_end_alone(arabic_text: str, latin_text: str, /) -> bool:
    """Tell whether an Arabic-script word is the end of a compound name (الله, الدين) and a Latin
    one is no spelling of such an end: a whole name ("Waliullah") shares the end's consonants,
    but is written with the part before it ("ولى الله"), which the end alone is not."""
    return _compound_end(arabic_text) and latin_text.casefold() not in _JOINED_AFTER


def compound(pieces: tuple[str, ...], /) -> bool:
    """Tell whether Arabic-script words are one compound name written apart: a name and the end
    of a compound ("هدايت الله", Hidayatullah; "شمس الدین", Shamsuddin)."""
    return len(pieces) == 2 and _written_in_arabic(pieces[0]) and _compound_end(pieces[1])


def nisba_of(left: str, right: str, /) -> bool:
    """Tell whether one Arabic-script word is the other with the nisba, a final ي or ی: another
    name ("محمدی", Mohammadi, is no "محمد", Muhammad), though a letter apart."""
    shorter, longer = sorted((left, right), key=len)
    return longer[-1:] in "يیى" and longer[:-1] == shorter and _written_in_arabic(shorter)


def joins_next(word: str, /) -> bool:
    """Tell whether a Latin word is one that Arabic names join to the next word: Abd, Abu, Bin
    or the article (:data:`_JOINED_BEFORE`)."""
    return bool(_JOINED_BEFORE.fullmatch(word.casefold()))


def makes_name_with_next(word: str, /) -> bool:
    """Tell whether a Latin word makes one name with the next: Abd ("Abdul Aziz" is Abd
    al-Aziz) and Abu ("Abu Ubaidah", a kunya), never a name alone."""
    return bool(_COMPOUND_START.fullmatch(word.casefold()))


def joinable(pieces: tuple[str, ...], /) -> bool:
    """Tell whether parts may be one Arabic word written apart, to be compared by their
    consonants joined: parts in Arabic script (an applicant's "هدايت الله" for Hidayatullah);
    Latin ones that Arabic script may write as one word, after Abd, Abu, Bin or the article or
    before the article or the end of a compound ("Abdul Jabbar", "Noor Uddin";
    :data:`_JOINED_BEFORE`, :data:`_JOINED_AFTER`).
    Other Latin names joined are two names, as Arabic script writes them."""
    if _written_in_arabic(pieces[0]):
        return True
    words = [piece.casefold() for piece in pieces]
    return joins_next(words[0]) or any(word in _JOINED_AFTER for word in words[1:])


#: The long vowels written inside an Arabic word, and the Latin vowels that may write each.
_MEDIAL_LONG_VOWELS = {"ا": "a", "آ": "a", "ی": "i", "ي": "i", "ى": "i", "و": "u"}
_COMPATIBLE = {"a": frozenset("ae"), "i": frozenset("iey"), "u": frozenset("uow")}


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
