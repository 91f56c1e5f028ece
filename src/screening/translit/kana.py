"""Japanese kana to Latin letters (modified Hepburn), with the variants foreign names need.

Hiragana is read as katakana. Japanese writes foreign names with a vowel after every
consonant and without a final "ng": キム is ``kimu`` for Kim, ジョンウン ``jon'un`` for Jong-un.
:func:`latin_spellings` therefore also gives each spelling with an epenthetic ``u``/``o``
dropped after a final consonant and with ``n`` (ン) read as ``ng``, a few variants at most.

>>> latin_spellings("キム")
('kimu', 'kim')
>>> "jongun" in latin_spellings("ジョンウン")
True
"""

from __future__ import annotations

import functools
import itertools

from screening._tuning import MAX_KANA_SPELLINGS

__all__ = ["is_kana", "latin_spellings"]

_BASE = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku",
    "ケ": "ke", "コ": "ko", "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to", "ナ": "na", "ニ": "ni",
    "ヌ": "nu", "ネ": "ne", "ノ": "no", "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he",
    "ホ": "ho", "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo", "ヤ": "ya",
    "ユ": "yu", "ヨ": "yo", "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n", "ガ": "ga", "ギ": "gi", "グ": "gu",
    "ゲ": "ge", "ゴ": "go", "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do", "バ": "ba", "ビ": "bi",
    "ブ": "bu", "ベ": "be", "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe",
    "ポ": "po", "ヴ": "vu", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
}  # fmt: skip
#: Small ya/yu/yo (and the small vowels of loan-word spellings) after an i-syllable.
_SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_SOKUON = "ッ"  # U+30C3 KATAKANA LETTER SMALL TU: doubles the next consonant
_CHOONPU = "ー"  # U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK: lengthens the vowel
#: Syllables whose vowel Japanese adds after a foreign final consonant (Kim is キム kimu).
_EPENTHETIC = frozenset({"ku", "gu", "su", "zu", "tsu", "to", "do", "mu", "ru", "pu", "bu", "fu"})


def is_kana(char: str) -> bool:
    """Tell whether a character is hiragana or katakana."""
    return 0x3041 <= ord(char) <= 0x30FF


def _katakana(text: str) -> str:
    return "".join(chr(ord(char) + 0x60) if 0x3041 <= ord(char) <= 0x3096 else char for char in text)


def _hepburn(text: str) -> list[str] | None:
    """Kana to a list of syllables (the unit the variants work on)."""
    syllables: list[str] = []
    double = False
    for char in _katakana(text):
        if char == _SOKUON:
            double = True
            continue
        if char == _CHOONPU:
            continue
        if char in _SMALL and syllables:
            previous, small = syllables[-1], _SMALL[char]
            if small.startswith("y") and previous.endswith("i") and len(previous) > 1:
                stem = previous[:-1]  # キャ: ki + ya is kya; シャ: shi + ya is sha
                syllables[-1] = stem + (small[1:] if stem in {"sh", "ch", "j"} else small)
                continue
            if not small.startswith("y"):  # ファ fa, ティ ti, ウィ wi, グァ gwa
                if previous in {"fu", "tsu", "vu"} or not previous.endswith("u"):
                    syllables[-1] = previous[:-1] + small
                else:
                    syllables[-1] = previous[:-1] + "w" + small
                continue
        latin = _BASE.get(char)
        if latin is None:
            return None
        if double and latin[0] not in "aeiou":
            latin = latin[0] + latin
        double = False
        syllables.append(latin)
    return syllables or None


@functools.lru_cache(maxsize=4096)
def latin_spellings(text: str, /) -> tuple[str, ...]:
    """Spell a kana name part in Latin letters: Hepburn first, then foreign-name variants."""
    syllables = _hepburn(text)
    if syllables is None:
        return ()
    options: list[list[str]] = []
    for index, syllable in enumerate(syllables):
        choices = [syllable]
        if syllable == "n":
            choices.append("ng")
        following = syllables[index + 1] if index + 1 < len(syllables) else ""
        at_end_or_before_consonant = not following or following[0] not in "aeiouy"
        if syllable in _EPENTHETIC and at_end_or_before_consonant:
            choices.append(syllable[:-1])
        options.append(choices)
    spellings = ("".join(combination) for combination in itertools.product(*options))
    return tuple(dict.fromkeys(itertools.islice(spellings, MAX_KANA_SPELLINGS)))
