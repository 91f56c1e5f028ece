"""Personal and organization names: normalization, tokens and comparison keys.

A name is compared as a sequence of tokens. :func:`normalize` chooses the normal forms on
purpose:

* NFKC first, so fullwidth and other compatibility forms become ordinary letters;
* ``str.casefold`` for caseless comparison (``ß`` becomes ``ss``);
* zero-width characters, bidi controls and other control or format characters are dropped
  without splitting the word they sit in (``Wa<U+200B>ng`` is ``wang``);
* NFKD, then combining marks on Latin and Greek letters and the optional vowel marks of
  Arabic and Hebrew are removed (``Zhōu`` is ``zhou``); marks that make letters of their own
  (Cyrillic ``й``, Devanagari vowel signs) are kept; NFC again, so Hangul syllables and
  Cyrillic ``й`` come back whole;
* a few Latin letters that have no decomposition are folded (``ø`` to ``o``, ``ł`` to ``l``);
* apostrophes vanish inside a word (``O'Brien`` is ``obrien``, ``Hsiao-p'ing`` is
  ``hsiao ping``); hyphens and every other punctuation or symbol separate tokens.

Text in scripts without spaces between words (Han characters, Hangul, kana) stays one token
per written word: this module does not transliterate.

>>> normalize("  ZHŌU,  Bao-yu ")
'zhou bao yu'
>>> tokens("Teng Hsiao-p'ing")
('teng', 'hsiao', 'ping')
>>> normalize("\uff37\uff41\uff4e\uff47\u200b Zhenxing")
'wang zhenxing'
"""

from __future__ import annotations

import functools
import re
import unicodedata

from screening.exceptions import InvalidNameError

__all__ = ["is_valid", "normalize", "token_groups", "tokens"]

#: Code points removed inside words: apostrophes and their look-alikes.
_APOSTROPHES = frozenset(
    {
        "'",  # U+0027 APOSTROPHE
        "`",  # U+0060 GRAVE ACCENT
        "\u00b4",  # U+00B4 ACUTE ACCENT
        "\u02bb",  # U+02BB MODIFIER LETTER TURNED COMMA (okina)
        "\u02bc",  # U+02BC MODIFIER LETTER APOSTROPHE
        "\u2018",  # U+2018 LEFT SINGLE QUOTATION MARK
        "\u2019",  # U+2019 RIGHT SINGLE QUOTATION MARK
    }
)

#: Latin letters with no Unicode decomposition, folded to their usual ASCII spelling.
_LETTER_FOLDS = {
    "\u00e6": "ae",  # U+00E6 LATIN SMALL LETTER AE
    "\u00f0": "d",  # U+00F0 LATIN SMALL LETTER ETH
    "\u00f8": "o",  # U+00F8 LATIN SMALL LETTER O WITH STROKE
    "\u00fe": "th",  # U+00FE LATIN SMALL LETTER THORN
    "\u0111": "d",  # U+0111 LATIN SMALL LETTER D WITH STROKE
    "\u0127": "h",  # U+0127 LATIN SMALL LETTER H WITH STROKE
    "\u0131": "i",  # U+0131 LATIN SMALL LETTER DOTLESS I
    "\u0142": "l",  # U+0142 LATIN SMALL LETTER L WITH STROKE
    "\u0153": "oe",  # U+0153 LATIN SMALL LIGATURE OE
}

#: General categories dropped outright: controls, format characters (zero-width joiners,
#: bidi overrides, soft hyphen), surrogates, private use and unassigned code points.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})

#: Upper bound on the length of a name that is normalized; longer input is refused.
MAX_NAME_LENGTH = 1000


def _strippable_mark(mark: str, base: str) -> bool:
    """Tell whether a combining mark after ``base`` is decoration rather than identity."""
    code = ord(mark)
    if 0x064B <= code <= 0x065F or code == 0x0670:  # Arabic harakat and superscript alef
        return True
    if 0x0591 <= code <= 0x05C7:  # Hebrew cantillation marks and points (niqqud)
        return True
    if not base:
        return True
    base_code = ord(base)
    # Latin and Greek, and the Latin/Greek extended blocks. Cyrillic keeps its marks: the
    # breve and diaeresis make letters of their own there (й is not и, ї is not і).
    return base_code < 0x0400 or 0x1E00 <= base_code < 0x2000


#: Hyphens that join the parts of one name (Kwang-jin): U+002D, U+2010, U+2011.
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


@functools.lru_cache(maxsize=8192)
def _tokens(value: str) -> tuple[str, ...]:
    return tuple(token for group in _groups(value) for token in group)


#: ASCII control characters and apostrophes, which vanish from ASCII text.
_ASCII_DROPPED = str.maketrans("", "", "".join(map(chr, range(32))) + "\x7f'`")
#: In ASCII text, a group: letters and digits, joined by nothing but hyphens.
_ASCII_GROUP = re.compile(r"[a-z0-9]+(?:-+[a-z0-9]+)*")
#: An ASCII letter or digit.
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


@functools.lru_cache(maxsize=8192)
def _groups(value: str) -> tuple[tuple[str, ...], ...]:
    if value.isascii():  # most listed names: the same groups, found by a regular expression
        return tuple(
            tuple(filter(None, group.split("-")))
            for group in _ASCII_GROUP.findall(value.lower().translate(_ASCII_DROPPED))
        )
    return _unicode_groups(value)


def _unicode_groups(value: str) -> tuple[tuple[str, ...], ...]:
    text = unicodedata.normalize("NFKC", value).casefold()
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(char)
        if category in _DROPPED_CATEGORIES:
            continue
        if category == "Mn":
            if _strippable_mark(char, base):
                continue
            kept.append(char)
            continue
        # A mark after anything but a letter or digit decorates nothing and is dropped.
        base = char if category[0] in "LN" else ""
        kept.append(_LETTER_FOLDS.get(char, char))
    folded = unicodedata.normalize("NFC", "".join(kept))
    groups: list[tuple[str, ...]] = []
    group: list[str] = []
    current: list[str] = []
    for char in folded:
        if char in _APOSTROPHES:
            continue
        if unicodedata.category(char)[0] in "LMN":
            current.append(char)
            continue
        if current:
            group.append("".join(current))
            current = []
        if char not in _HYPHENS and group:
            groups.append(tuple(group))
            group = []
    if current:
        group.append("".join(current))
    if group:
        groups.append(tuple(group))
    return tuple(groups)


def tokens(name: str, /) -> tuple[str, ...]:
    """Split a name into normalized tokens.

    Args:
        name: a name as written, in any script.

    Returns:
        The tokens in written order, casefolded and stripped as the module docstring says.

    Raises:
        InvalidNameError: the name is not a string, is longer than ``MAX_NAME_LENGTH``
            characters, or has no letters or digits.
    """
    if not isinstance(name, str):
        raise InvalidNameError(f"A name must be a string, not {type(name).__name__}.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidNameError(
            f"A name may be at most {MAX_NAME_LENGTH} characters long; this one has {len(name)}."
        )
    result = _tokens(name)
    if not result:
        raise InvalidNameError(f"The name {name!r} has no letters or digits to compare.")
    return result


def token_groups(name: str, /) -> tuple[tuple[str, ...], ...]:
    """Split a name into tokens, grouped by the hyphens that join them into one name.

    >>> token_groups("Kim Kwang-jin")
    (('kim',), ('kwang', 'jin'))

    Raises:
        InvalidNameError: as :func:`tokens`.
    """
    tokens(name)
    return _groups(name)


def normalize(name: str, /) -> str:
    """Return the normalized form of a name: its tokens joined by single spaces.

    Raises:
        InvalidNameError: as :func:`tokens`.
    """
    return " ".join(tokens(name))


def is_valid(name: object, /) -> bool:
    """Tell whether ``name`` normalizes to at least one token."""
    if isinstance(name, str) and name.isascii() and len(name) <= MAX_NAME_LENGTH:
        # An ASCII letter or digit always starts a token (the rest of ASCII separates or
        # vanishes): told without splitting the name, as a large list is checked.
        return _ASCII_ALNUM.search(name) is not None
    try:
        tokens(name)  # type: ignore[arg-type]
    except InvalidNameError:
        return False
    return True
