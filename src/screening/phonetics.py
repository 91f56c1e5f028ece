"""Phonetic keys for name tokens (jellyfish).

A phonetic key groups spellings that sound alike in English: Metaphone maps ``wang`` and
``wong`` to ``WNK``. Keys are computed for tokens written in ASCII letters only; tokens in
other scripts, or with digits, have no key (the empty string), so they are never linked by
sound. Keys are cached per token.

>>> metaphone_key("wong") == metaphone_key("wang")
True
>>> metaphone_key("김광진")
''
"""

from __future__ import annotations

import functools
import re

import jellyfish

__all__ = [
    "consonant_spelling",
    "east_slavic_form",
    "joined_skeleton",
    "kana_skeleton",
    "metaphone_key",
    "spelling_skeleton",
    "undoubled",
]

#: Letter groups that romanizations of one sound disagree on, rewritten to one spelling, in order.
_SKELETON_REWRITES = (
    ("ph", "f"), ("dh", "d"), ("gh", "k"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("w", "v"),
    ("kh", "h"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("g", "k"),
)  # fmt: skip
_SKELETON_VOWELS = str.maketrans("eiouy", "aaaaa")
#: A final "h" after these letters is left out of the skeleton: Arabic names end in a vowel
#: written with or without it (the ta marbuta: "Hamieh", "Hamiye"; "Fatimah", "Fatima").
_FINAL_H_AFTER = frozenset("aeiouy")


@functools.lru_cache(maxsize=8192)
def metaphone_key(token: str, /) -> str:
    """Return the Metaphone key of an ASCII-letter token, or ``''`` for any other token."""
    if not token.isascii() or not token.isalpha():
        return ""
    return str(jellyfish.metaphone(token))


def undoubled(token: str, /) -> str:
    """A name part with each run of a repeated letter written once: "saad" is "sad".

    >>> undoubled("hajj"), undoubled("alaa")
    ('haj', 'ala')
    """
    return "".join(char for index, char in enumerate(token) if index == 0 or char != token[index - 1])


@functools.lru_cache(maxsize=4096)
def consonant_spelling(token: str, /) -> str:
    """A Latin name part with the consonants its romanizations disagree on written one way
    (the rewrites of :func:`spelling_skeleton`, vowels and doubled letters kept): "walid" and
    "valid", "qasim" and "kasim".

    >>> consonant_spelling("walid") == consonant_spelling("valid")
    True
    """
    text = token
    for old, new in _SKELETON_REWRITES:
        text = text.replace(old, new)
    return text.replace("c", "k").replace("kh", "ch")


@functools.lru_cache(maxsize=8192)
def spelling_skeleton(token: str, /) -> str:
    """Reduce a Latin name part to the letters its romanizations agree on.

    Transliterations of one name from Cyrillic or Arabic differ mostly in vowels, in ``x`` for
    ``ks``, ``q``/``gh``/``g`` for ``k``, ``dh`` for ``d``, ``dzh``/``dj`` for ``j``, ``w`` for
    ``v``, in doubled letters and in a final ``h`` after a vowel: ``Oleksandrovych`` and
    ``Alexandrovich``, ``Saeed`` and ``Said``, ``Qadhafi`` and ``Gaddafi``, ``Hamieh`` and
    ``Hamiye``. The skeleton keeps consonants, writes every vowel (and ``y``, ``j`` between
    vowels) as ``a``, and collapses repeats. Tokens in other scripts or with digits have no
    skeleton (``''``).

    >>> spelling_skeleton("oleksandrovych") == spelling_skeleton("alexandrovich")
    True
    >>> spelling_skeleton("vitalij") == spelling_skeleton("vitaly")
    True
    """
    if not token.isascii() or not token.isalpha():
        return ""
    text = token[:-1] + "i" if token.endswith("j") else token  # Vitalij: a final j is a vowel
    if text[-2:-1] in _FINAL_H_AFTER and text[-1] == "h":
        text = text[:-1]
    return undoubled(consonant_spelling(text).translate(_SKELETON_VOWELS))


#: Endings of East Slavic family names and patronymics in Latin letters, Russian, Ukrainian and
#: Belarusian: Ivanov, Ivanova, Zaitsau (Belarusian ў), Lukashenko, Lukashenka, Petrovich,
#: Petrovych, Nikolaevna, Radzivonawna.
_EAST_SLAVIC_ENDING = re.compile(
    r"(?:[aeo]v|[aeo]va|[aeo]w|[ao]u|enk[ao]|vi[cč]h?|vy[cč]h?|vitch|ovna|evna|avna|[ao]una|awna)$"
)
#: A "u" or "w" after a vowel, before a consonant or at the end: the Belarusian ў, a Russian
#: or Ukrainian "v" ("Paulichenka" for Pavlichenko, "Zaitsau" for Zaitsev).
_SHORT_U = re.compile(r"(?<=[aeiouy])[uw](?=[^aeiouy]|$)")
#: An "h" that is a letter of its own (not of kh, zh, ch, sh, gh): the Ukrainian and Belarusian
#: "h" of the Russian "g" ("Halavanau" for Golovanov, "Dolhopolov" for Dolgopolov).
_LONE_H = re.compile(r"(?<![kzcsg])h")


@functools.lru_cache(maxsize=8192)
def east_slavic_form(token: str, /) -> str:
    """The Russian-like spelling of an East Slavic family name or patronymic in Latin letters,
    to compare its Russian, Ukrainian and Belarusian forms; "" for a token that has no East
    Slavic ending (:data:`_EAST_SLAVIC_ENDING`).

    Belarusian and Ukrainian write "h" where Russian writes "g", and Belarusian "ў" (u, w)
    where Russian writes "v"; "yo" is the Russian ё, often written "e". Vowels differ too
    (Belarusian akanne: Halavanau), which the spelling skeleton already sets aside.

    >>> east_slavic_form("halavanau"), east_slavic_form("golovanov")
    ('galavanav', 'golovanov')
    >>> east_slavic_form("zaitsau") == east_slavic_form("zaitsav")
    True
    >>> east_slavic_form("moreno")
    ''
    """
    if not token.isascii() or not token.isalpha() or not _EAST_SLAVIC_ENDING.search(token):
        return ""
    return _LONE_H.sub("g", _SHORT_U.sub("v", token)).replace("yo", "e")


#: Last letters of a part that a rewrite of :func:`spelling_skeleton` may join to the next
#: part's first letters (after that part's own rewrites: "khan" begins with "h"): "p" and "h"
#: are "f", "d" and "h" "d", "c" and "k" one "k", "k" and "h" "ch", "d" and "zh" or "z" and
#: "h" "j"; a final "gh" is a "k". A final "j" too: it is a vowel only at the very end.
_JOINING_ENDS = frozenset("cdghjkpqz")


def joined_skeleton(first: str, second: str, /) -> str:
    """The spelling skeleton of two name parts written as one, ``spelling_skeleton(first +
    second)``, from the parts' own (cached) skeletons when no rewrite spans the join.

    >>> joined_skeleton("mohammed", "reza") == spelling_skeleton("mohammadreza")
    True
    """
    if first[-1:] in _JOINING_ENDS or second == "h":
        return spelling_skeleton(first + second)  # a rewrite (or a final "h") may span the join
    left, right = spelling_skeleton(first), spelling_skeleton(second)
    if not left or not right:
        return ""
    return left + right[1:] if left[-1] == right[0] else left + right


#: Sounds Japanese kana cannot tell apart in foreign names, rewritten to one spelling, in order.
_KANA_REWRITES = (
    ("tsu", "ch"), ("ts", "ch"), ("dzh", "j"), ("zh", "j"), ("dz", "j"), ("z", "j"), ("x", "sh"),
    ("q", "ch"), ("c", "ch"), ("chh", "ch"), ("sh", "s"), ("l", "r"), ("ng", "n"), ("v", "b"),
    ("w", ""), ("h", ""),
)  # fmt: skip


@functools.lru_cache(maxsize=8192)
def kana_skeleton(token: str, /) -> str:
    """Reduce a Latin spelling to what Japanese kana can write of it.

    Kana spell foreign names with the sounds Japanese has: no l (``r``), no final ng (``n``),
    one sound for zh, j and z (``ji``), for x, s and sh (``shi``), for q, ch, c and ts (``chi``),
    and long vowels. Comparing skeletons lets ``ジョウ`` (``jou``) meet ``Zhou`` and ``ワン``
    (``wan``) meet ``Wang``.

    >>> kana_skeleton("jenshin") == kana_skeleton("zhenxing")
    True
    """
    if not token.isascii() or not token.isalpha():
        return ""
    text = token
    for old, new in _KANA_REWRITES:
        text = text.replace(old, new)
    return undoubled(text.translate(_SKELETON_VOWELS))
