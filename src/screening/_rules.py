"""The link rules: when two runs of parts name the same thing, and the keys that find them.

Each pair of runs is linked by the first rule that holds (:func:`_token_link`):

* **exact**: the same text; **joined tokens**: the same letters, joined or split;
* **transliteration**: a shared reading in Mandarin or Korean syllables, or the same Latin
  spelling of two scripts (``Chou`` and ``Zhou``, ``김`` and ``Kim``, ``Jeong`` and ``Jong``);
* **ocr**: equal once characters that scans and fonts confuse are folded (``II`` and ``Il``,
  ``K1m`` and ``Kim``): a disguise, so it counts like a transliteration;
* **phonetic**: the same Metaphone key, parts of 4 or more letters, Jaro-Winkler at least 0.8;
* **fuzzy**: a Damerau-Levenshtein distance of 1 (2 for 8 or more letters), 4 or more letters;
  in a Chinese or Korean name, 1 from a listed syllable of 2 or 3 letters for a part that reads
  as no syllable (:func:`misspelled_syllable`), while parts that read as other syllables are
  other names, however alike; and a part that reads as no syllable, one letter from two
  listed syllables of a Chinese or Korean name joined ("Kwangjn" for "Kwang Jin",
  :func:`joined_syllables`);
* **initial**: a single letter and a part it begins.

Every link leaves a key that both runs share (:func:`run_keys`), which the name index files
listed runs under; only an initial and a two-letter difference leave none.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable
from typing import cast

import jellyfish

from screening import translit
from screening._forms import (
    LEGAL_FORMS,
    LOW_INFORMATION,
    NAME_ABBREVIATIONS,
    SYLLABLE_LANGUAGES,
    TITLES,
    NameForm,
    Part,
    _article_form,
    _common_languages,
    _joined_combinations,
    _joined_latin,
    _language_set,
    _name_form_of,
    _syllable_counts,
    run_readings,
)
from screening._tuning import (
    FUZZY_LENGTH,
    JOINED_MISSPELLING_LENGTH,
    LONG_SKELETON,
    LONG_SKELETON_JARO_WINKLER,
    MIN_LOOSE_SYLLABIC,
    MISSPELLING_SIMILARITY,
    OCR_LENGTH,
    PHONETIC_LENGTH,
    PHONETIC_MIN_JARO_WINKLER,
    SHORT_UNDOUBLED,
    SIMILARITY,
    SKELETON_LENGTH,
    TWO_LETTER_LENGTH,
)
from screening.models import Method
from screening.phonetics import (
    consonant_spelling,
    east_slavic_form,
    joined_skeleton,
    kana_skeleton,
    metaphone_key,
    spelling_skeleton,
    undoubled,
)
from screening.reasons import Code, Reason

_EACH_LANGUAGE = tuple(frozenset({language}) for language in sorted(SYLLABLE_LANGUAGES))
#: What a Jaro-Winkler similarity may fall short of its exact value by rounding.
_JARO_WINKLER_SLACK = 1e-9


def joined_keys(chosen: tuple[Part, ...]) -> list[tuple[str, bool]]:
    """The keys of the run that joins ``chosen``, ``(key, loose)`` pairs as :func:`run_keys`
    gives them (strong keys, and the spelling skeleton), worked out without building the run,
    its readings or caching the keys: a large list's joined runs seldom repeat."""
    texts = tuple([part.text for part in chosen])
    text, latin = "".join(texts), _joined_latin(chosen)
    common = _common_languages(texts)
    readings = (
        tuple([key for reading in combination for key in reading.keys])
        for _language, combination in _joined_combinations(texts, common)
    )
    keys = [(key, False) for key in _strong_keys_of(text, latin, readings)]
    if _spelled_joined(texts, len(latin[0])):
        skeleton = joined_skeleton(chosen[0].latin[0], chosen[1].latin[0])
        if skeleton:
            keys.append(("s:" + skeleton, True))
    if common and joined_syllables(texts, latin[0]):  # which read in a language in common
        keys += [(key, True) for key in _one_letter_keys(latin[0])]
    return keys


def _spelled_joined(pieces: tuple[str, ...], letters: int) -> bool:
    """Tell whether joined parts (``pieces``, ``letters`` Latin letters in all) may link as a
    spelling of one name ("Mohammed Reza" and "Mohammadreza"), by their spelling skeleton:
    two parts, not Han or Hangul (read exactly) nor kana (which have their own skeleton),
    neither a lone letter (which the skeleton would swallow: "famosos s" for "famosos"), long
    enough for the skeleton rule."""
    return (
        len(pieces) == 2
        and letters >= SKELETON_LENGTH
        and len(pieces[0]) > 1
        and len(pieces[1]) > 1
        and translit.script(pieces[0]) not in {"han", "hangul", "kana"}
    )


def _strong_keys_of(text: str, latin: tuple[str, ...], readings: Iterable[tuple[str, ...]]) -> frozenset[str]:
    """Keys two runs share whenever an exact, joined, transliteration, legal-form or
    abbreviation link joins them: of the run with this text and these Latin spellings and
    readings (their keys)."""
    keys = {"l:" + spelling for spelling in latin}
    if text not in latin:
        keys.add("t:" + text)  # a Latin text is its own first spelling: "l:" stands for both
    keys.update("r:" + " ".join(reading) for reading in readings)
    if text in LEGAL_FORMS:
        keys.add("f:" + LEGAL_FORMS[text])
    return frozenset(keys)


def _abbreviated(text: str) -> str:
    """The written-out skeleton of a name that has a usual abbreviation, for the name
    abbreviated (:data:`NAME_ABBREVIATIONS`) or written out in any spelling; "" otherwise."""
    if text in NAME_ABBREVIATIONS:
        return NAME_ABBREVIATIONS[text]
    skeleton = spelling_skeleton(text)
    return skeleton if skeleton in _ABBREVIATED_SKELETONS else ""


_ABBREVIATED_SKELETONS = frozenset(NAME_ABBREVIATIONS.values())


@functools.lru_cache(maxsize=16384)
def _strong_keys(text: str, latin: tuple[str, ...], pieces: tuple[str, ...]) -> frozenset[str]:
    """The strong keys of a run (:func:`_strong_keys_of`), and of a single part the name it
    abbreviates or writes out (``a:``; joined parts never link so, so have no such key)."""
    keys = _strong_keys_of(text, latin, (reading.keys for reading in run_readings(text, pieces)))
    if pieces:
        return keys
    abbreviated, form = _abbreviated(text), _name_form_of(latin)
    if abbreviated:
        keys |= {"a:" + abbreviated}
    if form:
        keys |= {"n:" + form}
    return keys


def _reading_link(
    left: str, right: str, left_pieces: tuple[str, ...], right_pieces: tuple[str, ...]
) -> tuple[Reason, ...]:
    """Explain each language in which two runs share a reading: a reason for each."""
    right_readings = {reading.keys: reading for reading in run_readings(right, right_pieces)}
    found: dict[str, Reason] = {}
    for reading in run_readings(left, left_pieces):
        other = right_readings.get(reading.keys)
        if other is None or reading.language in found:
            continue
        common = " ".join(key.split(":", 1)[1] for key in reading.keys)
        if reading.language == "Korean":
            hangul = next(
                (r.shown for r in (reading, other) if r.system in {"Hangul", "Hanja read in Korean"}), ""
            )
            common = hangul or common
        if reading.system == other.system:
            found[reading.language] = Reason.of(
                Code.SAME_SYLLABLES, language=reading.language, system=reading.system, reading=common
            )
        else:
            found[reading.language] = Reason.of(
                Code.SAME_READING,
                language=reading.language,
                system=reading.system,
                listed_system=other.system,
                reading=common,
            )
    return tuple(found.values())


#: What a link rule gives: the method, the similarity, and the reasons: one per language whose
#: readings the runs share (a transliteration), else one.
_TokenLink = tuple[Method, float, tuple[Reason, ...]]


@functools.lru_cache(maxsize=131072)
def _token_link(
    left: str,
    left_latin: tuple[str, ...],
    right: str,
    right_latin: tuple[str, ...],
    left_pieces: tuple[str, ...] = (),
    right_pieces: tuple[str, ...] = (),
    syllabic: bool = True,
    languages: frozenset[str] = SYLLABLE_LANGUAGES,
) -> _TokenLink | None:
    """Link two runs by the first rule that holds; joined runs are read part by part
    (``pieces``, :func:`run_readings`). ``syllabic``: the listed name is a Chinese or Korean
    one (it ends in a known family name), whose short parts of as many syllables are other
    syllables, never misspellings of each other; ``languages``: the languages its syllables
    are read in (a Chinese name's in Mandarin: "Jig", a Korean syllable, is no Mandarin one).

    Returns:
        The method, the similarity, and the reasons: for a transliteration, one per language
        whose readings the texts share (its ``language`` detail); otherwise one; None when no
        rule holds.
    """
    found = _written_link(left, left_latin, right, right_latin, left_pieces, right_pieces)
    if found is not None:
        return found
    if {translit.script(left), translit.script(right)} & {"han", "hangul"}:
        return None  # characters are read exactly: another character is another name
    a, b = left_latin[0], right_latin[0]
    if not a.isalnum() or not b:
        return None
    return _spelled_link(left, right, a, b, syllabic, languages)


def _written_link(
    left: str,
    left_latin: tuple[str, ...],
    right: str,
    right_latin: tuple[str, ...],
    left_pieces: tuple[str, ...],
    right_pieces: tuple[str, ...],
) -> _TokenLink | None:
    """The rules that find one name written otherwise: the same text, legal form or
    abbreviation, a shared reading, one East Slavic or Arabic form, one Latin spelling, one
    kana skeleton (see :func:`_token_link`)."""
    if left == right:
        return Method.EXACT, 1.0, (Reason.of(Code.SAME_TEXT),)
    if left in LEGAL_FORMS and LEGAL_FORMS[left] == LEGAL_FORMS.get(right):
        reason = Reason.of(Code.SAME_LEGAL_FORM, form=LEGAL_FORMS[left])
        return Method.ABBREVIATION, SIMILARITY[Method.ABBREVIATION], (reason,)
    one_abbreviated = (left in NAME_ABBREVIATIONS) != (right in NAME_ABBREVIATIONS)
    if one_abbreviated and not left_pieces and not right_pieces and _abbreviated(left) == _abbreviated(right):
        return Method.ABBREVIATION, SIMILARITY[Method.ABBREVIATION], (Reason.of(Code.ABBREVIATED),)
    explained = _reading_link(left, right, left_pieces, right_pieces)
    if explained:
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], explained
    found = _latin_form_link(left, left_latin, right, right_latin, joined=bool(left_pieces or right_pieces))
    if found is not None:
        return found
    # Kana is compared by skeleton part by part: joined parts have no kana skeleton key.
    kana = not left_pieces and not right_pieces and "kana" in {translit.script(left), translit.script(right)}
    if kana and {kana_skeleton(spelling) for spelling in left_latin} & {
        kana_skeleton(spelling) for spelling in right_latin
    } - {""}:
        return Method.SPELLING, SIMILARITY[Method.SPELLING], (Reason.of(Code.KANA),)
    return None


def _latin_form_link(
    left: str, left_latin: tuple[str, ...], right: str, right_latin: tuple[str, ...], *, joined: bool
) -> _TokenLink | None:
    """Two runs whose Latin spellings give one name: one East Slavic name form (single
    parts), one Arabic name with its article, or a Latin spelling in common between scripts."""
    form = _name_form_of(left_latin)
    if form and form == _name_form_of(right_latin) and not joined:
        reason = Reason.of(Code.EAST_SLAVIC_FORM)
        if " of " in form:  # a patronymic
            reason = Reason.of(Code.EAST_SLAVIC_PATRONYMIC, form=form)
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], (reason,)
    article = _article_form(left_latin)
    if article and article == _article_form(right_latin):
        reason = Reason.of(Code.ARABIC_ARTICLE, written=article)
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], (reason,)
    shared = set(left_latin) & set(right_latin)
    if shared and (left not in left_latin or right not in right_latin):
        spelled = sorted(shared)[0]
        reason = Reason.of(Code.SAME_LATIN, written=spelled)
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], (reason,)
    return None


def _spelled_link(
    left: str, right: str, a: str, b: str, syllabic: bool, languages: frozenset[str]
) -> _TokenLink | None:
    """The rules that compare the Latin letters ``a`` and ``b`` of two runs: characters that
    scans confuse, an initial, a misspelled syllable, doubled letters, a spelling skeleton,
    a sound, a letter or two (see :func:`_token_link`)."""
    if min(len(a), len(b)) >= 2 and a != b and translit.ocr_key(a) == translit.ocr_key(b):
        return Method.OCR, SIMILARITY[Method.OCR], (Reason.of(Code.SCANS_CONFUSE),)
    if min(len(a), len(b)) == 1:
        if len(a) == 1 and len(b) > 1 and b.startswith(a):
            return Method.INITIAL, SIMILARITY[Method.INITIAL], (Reason.of(Code.INITIAL),)
        return None
    shortest = min(len(a), len(b))
    # Short parts that differ only in doubled letters ("Saad" and "Sad", "Hajj" and "Haj"),
    # which the skeleton rule leaves to parts of 5 letters or more.
    short = _short_undoubled(a) if shortest < SKELETON_LENGTH else ""
    doubled = bool(short) and short == _short_undoubled(b)
    if shortest < FUZZY_LENGTH and not doubled:
        misspelled = syllabic and misspelled_syllable(left, a, languages)
        if misspelled and syllable_part(right, b) and _misspelling_of(a, b):
            reason = Reason.of(Code.MISSPELLED_SYLLABLE, syllables=_syllables_of(languages))
            return Method.FUZZY, MISSPELLING_SIMILARITY, (reason,)
        return None
    if syllabic and _other_syllable_names(left, right, shortest, languages):
        return None
    if doubled:
        return Method.SPELLING, SIMILARITY[Method.SPELLING], (Reason.of(Code.DOUBLED_LETTERS),)
    return _alike_link(left, right, a, b, shortest, syllabic, languages)


def _other_syllable_names(left: str, right: str, shortest: int, languages: frozenset[str]) -> bool:
    """Tell whether two parts of a Chinese or Korean name are other names however alike they
    are spelled or sound: short parts of as many syllables, parts of other syllables, or
    syllables against a listed part that reads as none."""
    if shortest < MIN_LOOSE_SYLLABIC and _syllable_counts(left, languages) & _syllable_counts(
        right, languages
    ):
        return True  # as many Chinese or Korean syllables, but other ones: a different name
    if _other_syllables(left, right, languages):
        return True  # longer parts too: "Jingxiang" and "Zhenxing" share a spelling skeleton
    # Chinese or Korean syllables against a listed part that reads as none (a name such as
    # "Danny" beside a Chinese family name): another kind of name, however alike they are
    # spelled or sound ("Dianyu", "Duan").
    return bool(_syllable_counts(left)) and not _syllable_counts(right)


def _alike_link(
    left: str, right: str, a: str, b: str, shortest: int, syllabic: bool, languages: frozenset[str]
) -> _TokenLink | None:
    """Spellings of one name by their skeleton (also in East Slavic form), by sound, or a
    letter or two apart."""
    similarity = jellyfish.jaro_winkler_similarity(a, b)
    # Jaro-Winkler is a sum of fractions: "muhsin" and "mohsen" come to 0.7999999999999999,
    # not the 0.8 they are. Floors are compared with that much slack.
    floored = similarity + _JARO_WINKLER_SLACK
    least = PHONETIC_MIN_JARO_WINKLER if shortest < LONG_SKELETON else LONG_SKELETON_JARO_WINKLER
    found = _skeleton_link(a, b, shortest, floored, least)
    if found is not None:
        return found
    key = metaphone_key(a)
    if key and key == metaphone_key(b) and floored >= PHONETIC_MIN_JARO_WINKLER:
        return Method.PHONETIC, 0.8 + 0.1 * similarity, (Reason.of(Code.SOUNDS_LIKE, key=key),)
    distance = jellyfish.damerau_levenshtein_distance(a, b)
    if syllabic and distance == 2 and _syllable_counts(left, languages) & _syllable_counts(right, languages):
        return None  # two letters apart and as many Chinese or Korean syllables: other syllables
    if distance == 1 or (distance == 2 and shortest >= TWO_LETTER_LENGTH):
        return Method.FUZZY, 0.9 * similarity, (Reason.of(Code.LETTERS_AWAY, distance=distance),)
    return None


def _skeleton_link(a: str, b: str, shortest: int, floored: float, least: float) -> _TokenLink | None:
    """Romanized spellings of one name: one spelling skeleton, as written or in East Slavic
    form, and Jaro-Winkler (``floored``, with its slack) at least ``least``."""
    skeleton = spelling_skeleton(a)
    # Parts with digits have no skeleton (""), which links nothing.
    if (
        shortest >= SKELETON_LENGTH
        and skeleton
        and skeleton == spelling_skeleton(b)
        and max(floored, _consonant_similarity(a, b) + _JARO_WINKLER_SLACK) >= least
    ):
        return (
            Method.SPELLING,
            SIMILARITY[Method.SPELLING],
            (Reason.of(Code.SPELLING_SKELETON, skeleton=skeleton),),
        )
    # East Slavic names compared in their Russian-like spelling: "Zaitsau" and "Zaitsev".
    slavic = east_slavic_form(a)
    other = east_slavic_form(b) if slavic and shortest >= SKELETON_LENGTH else ""
    slavic_skeleton = spelling_skeleton(slavic) if other else ""
    if (
        slavic_skeleton
        and slavic_skeleton == spelling_skeleton(other)
        and jellyfish.jaro_winkler_similarity(slavic, other) + _JARO_WINKLER_SLACK >= least
    ):
        reason = Reason.of(Code.EAST_SLAVIC_SKELETON, skeleton=slavic_skeleton)
        return Method.SPELLING, SIMILARITY[Method.SPELLING], (reason,)
    return None


def misspelled_syllable(text: str, spelling: str, languages: frozenset[str] = SYLLABLE_LANGUAGES) -> bool:
    """Tell whether an applicant's part may be a misspelled syllable of a Chinese or Korean
    name whose syllables are read in ``languages``: 2 to 4 Latin letters that read as no
    syllable there ("Xnu", "Kmi", "Lviu"; "Jig", a Korean syllable, in a Chinese name), no
    title, particle or legal form.

    Short parts of those names are syllables, and a short part one letter from another that
    reads as a syllable is another name ("Zhu" and "Zhou", "Li" and "Liu"); one that reads
    as none is a misspelling, which :func:`_token_link` links to the listed part one letter
    away (:func:`_misspelling_of`) when the shorter has 2 or 3 letters (longer parts link by
    one-letter difference anyway). Such a link never decides a match.
    """
    return (
        _short_latin(spelling)
        and text not in TITLES
        and text not in LOW_INFORMATION
        and not _syllable_counts(text, languages)
    )


def _syllables_of(languages: frozenset[str]) -> str:
    """How the evidence names the syllables of ``languages``: "Chinese", "Korean", "Chinese or Korean"."""
    return " or ".join(name for language, name in _SYLLABLE_NAMES if language in languages)


#: Each language of SYLLABLE_LANGUAGES, as the evidence names its syllables.
_SYLLABLE_NAMES = (("Mandarin", "Chinese"), ("Korean", "Korean"))


def syllable_part(text: str, spelling: str) -> bool:
    """Tell whether a listed part may be misspelled as a syllable (:func:`misspelled_syllable`):
    2 to 4 Latin letters that read as one or two Chinese or Korean syllables. It has a key
    of its own, ``y:`` and its spelling, which the spellings one letter from a misspelled
    syllable look up (:func:`misspelling_keys`)."""
    return _short_latin(spelling) and bool(_syllable_counts(text))


def _short_latin(spelling: str) -> bool:
    """Tell whether a spelling has 2 to 4 Latin letters and nothing else."""
    return 2 <= len(spelling) <= FUZZY_LENGTH and spelling.isascii() and spelling.isalpha()


def _misspelling_of(a: str, b: str) -> bool:
    """Tell whether ``a`` is ``b`` with one letter wrong (one letter changed, added, left
    out, or two swapped), the shorter of them 2 or 3 letters long."""
    return 2 <= min(len(a), len(b)) < FUZZY_LENGTH and jellyfish.damerau_levenshtein_distance(a, b) == 1


def _one_letter_keys(spelling: str) -> list[str]:
    """The spelling and the spelling less any one letter, as ``d:`` keys: two spellings one
    letter apart share one."""
    return [
        "d:" + spelling,
        *("d:" + spelling[:index] + spelling[index + 1 :] for index in range(len(spelling))),
    ]


def joined_syllables(
    pieces: tuple[str, ...], spelling: str, languages: frozenset[str] = SYLLABLE_LANGUAGES
) -> bool:
    """Tell whether a listed run joins two parts of one syllable each in a language of
    ``languages`` (a Chinese or Korean given name written in two parts: "Kwang Jin"), 5 Latin
    letters or more in all. A misspelling of it written as one word ("Kwangjn") links to it
    (:func:`_joined_misspelling`); such runs have the one-letter keys of single parts (``d:``)."""
    return (
        len(pieces) == 2
        and len(spelling) >= JOINED_MISSPELLING_LENGTH
        and spelling.isascii()
        and spelling.isalpha()
        and bool(_one_syllable_languages(pieces[0]) & _one_syllable_languages(pieces[1]) & languages)
    )


@functools.lru_cache(maxsize=65536)
def _one_syllable_languages(text: str) -> frozenset[str]:
    """The languages a part reads as one syllable in."""
    return _language_set(reading.language for reading in translit.readings(text) if len(reading.keys) == 1)


@functools.lru_cache(maxsize=4096)
def _joined_misspelling(
    text: str, spelling: str, pieces: tuple[str, ...], joined: str, languages: frozenset[str]
) -> Reason | None:
    """The reason when an applicant's part is a misspelling
    of a listed given name of two syllables written as one word ("Kwangjn" for "Kwang Jin"):
    no title, particle or legal form, reading as no syllables in ``languages`` (the listed
    name's), one letter from the joined spelling (:func:`joined_syllables`); None otherwise.
    Written so in two syllables ("Kwangjun"), it would be another name."""
    if (
        text in TITLES
        or text in LOW_INFORMATION
        or not joined_syllables(pieces, joined, languages)
        or any(reading.language in languages for reading in translit.readings(text))
        or jellyfish.damerau_levenshtein_distance(spelling, joined) != 1
    ):
        return None
    return Reason.of(Code.MISSPELLED_JOINED_SYLLABLES, syllables=_syllables_of(languages))


def misspelling_keys(spelling: str) -> list[str]:
    """The spellings a misspelled syllable (:func:`misspelled_syllable`) may be a misspelling
    of (:func:`_misspelling_of`), as ``y:`` keys: the listed syllables spelled so
    (:func:`syllable_part`) share them. A part of 4 letters may have one letter too many only."""
    size, letters = len(spelling), string.ascii_lowercase
    found = {spelling[:index] + spelling[index + 1 :] for index in range(size)}  # one letter added
    if size < FUZZY_LENGTH:
        for index in range(size + 1):
            found.update(spelling[:index] + letter + spelling[index:] for letter in letters)  # left out
        for index in range(size):
            found.update(spelling[:index] + letter + spelling[index + 1 :] for letter in letters)  # changed
            if index < size - 1:  # two swapped
                found.add(spelling[:index] + spelling[index + 1] + spelling[index] + spelling[index + 2 :])
    found.discard(spelling)
    return ["y:" + other for other in found if len(other) >= 2]


@functools.lru_cache(maxsize=8192)
def run_keys(
    text: str, latin: tuple[str, ...], width: int, pieces: tuple[str, ...], *, listed: bool
) -> tuple[tuple[str, bool], ...]:
    """The keys of a run, ``(key, loose)`` pairs: two runs that :func:`align` can link share one.

    Strong keys (exact, joined, transliteration, legal-form and abbreviation links): the run's
    text, Latin spellings, readings, legal form and abbreviated name (:func:`_strong_keys`).
    Loose keys, for single parts (two joined parts have only the spelling skeleton,
    :func:`_spelled_joined`): the OCR key (``o:``), the Metaphone key from 4 letters
    (``m:``), the spelling skeleton from 5
    (``s:``), the spelling and the spelling less any one letter from 4 (``d:``, so a one-letter
    difference shares a key), and the kana skeleton (``kk:`` for kana parts, ``kl:`` for
    others: a kana link needs kana on one side, so an applicant's kana part looks up both and
    any other part only ``kk:``; a listed part is filed under its own kind), and for a short
    listed part that reads as Chinese or Korean syllables its spelling (``y:``), which an
    applicant's part that reads as none has in each spelling one letter away
    (:func:`misspelling_keys`). Two links leave no key: an initial and a two-letter difference
    between parts of :data:`TWO_LETTER_LENGTH` letters or more.
    """
    found = dict.fromkeys(_strong_keys(text, latin, pieces), False)
    if width != 1:
        skeleton = spelling_skeleton(latin[0]) if _spelled_joined(pieces, len(latin[0])) else ""
        if skeleton:
            found["s:" + skeleton] = True
        if listed and joined_syllables(pieces, latin[0]):
            found.update(dict.fromkeys(_one_letter_keys(latin[0]), True))
        return tuple(found.items())  # joined parts link exactly, by reading or by spelling
    kind = translit.script(text)
    for spelling in latin:
        skeleton = kana_skeleton(spelling)
        if not skeleton:
            continue
        if kind == "kana":
            found["kk:" + skeleton] = True
            if not listed:
                found["kl:" + skeleton] = True
        else:
            found[("kl:" if listed else "kk:") + skeleton] = True
    spelling = latin[0]
    size = len(spelling)
    if kind in {"han", "hangul"} or (not listed and not spelling.isalnum()):
        return tuple(found.items())  # characters are read exactly; symbols link no further
    short = _short_undoubled(spelling)
    if short:
        found["c:" + short] = True  # short parts that differ only in doubled letters
    if size >= OCR_LENGTH:
        found["o:" + translit.ocr_key(spelling)] = True
    if size >= PHONETIC_LENGTH and metaphone_key(spelling):
        found["m:" + metaphone_key(spelling)] = True
    if size >= SKELETON_LENGTH:
        found["s:" + spelling_skeleton(spelling)] = True
        slavic = east_slavic_form(spelling)
        if slavic:  # East Slavic names in their Russian-like spelling (see _token_link)
            found["s:" + spelling_skeleton(slavic)] = True
    if size >= FUZZY_LENGTH:
        found.update(dict.fromkeys(_one_letter_keys(spelling), True))
    if listed and syllable_part(text, spelling):
        found["y:" + spelling] = True
    elif not listed and any(misspelled_syllable(text, spelling, language) for language in _EACH_LANGUAGE):
        found.update(dict.fromkeys(misspelling_keys(spelling), True))
    return tuple(found.items())


def listed_keys(form: NameForm) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """Each run's link keys as a listed name's, ``(key, loose)`` pairs (see :func:`run_keys`);
    kept with the form."""
    found = form.memo.get("listed_keys")
    if found is None:
        found = form.memo["listed_keys"] = tuple(
            run_keys(run.text, run.latin, run.width, run.pieces, listed=True) for run in form.runs
        )
    return cast("tuple[tuple[tuple[str, bool], ...], ...]", found)


def applicant_keys(form: NameForm) -> dict[str, tuple[int, ...]]:
    """The runs of an applicant's name by link key: key to run indices; kept with the form."""
    found = form.memo.get("applicant_keys")
    if found is None:
        runs: dict[str, list[int]] = {}
        for index, run in enumerate(form.runs):
            for key, _loose in run_keys(run.text, run.latin, run.width, run.pieces, listed=False):
                runs.setdefault(key, []).append(index)
        found = form.memo["applicant_keys"] = {key: tuple(indices) for key, indices in runs.items()}
    return cast("dict[str, tuple[int, ...]]", found)


def _other_syllables(left: str, right: str, languages: frozenset[str] = SYLLABLE_LANGUAGES) -> bool:
    """Tell whether two parts read as as many Chinese or Korean syllables, in one language of
    ``languages``, with no syllable in common however they are read there ("Jingxiang" and
    "Zhenxing")."""
    pairs = [
        (set(a.keys), set(b.keys))
        for a in translit.readings(left)
        for b in translit.readings(right)
        if a.language == b.language and len(a.keys) <= 2 and a.language in languages
    ]
    counted = [(a, b) for a, b in pairs if len(a) == len(b)]
    return bool(counted) and not any(a & b for a, b in pairs)


def _short_undoubled(spelling: str) -> str:
    """A Latin part's spelling with its doubled letters written once, when that is 3 or 4
    letters long: short parts that differ only in doubled letters link ("Saad" and "Sad") and
    share this key; "" for other parts (longer ones have the spelling skeleton)."""
    short = undoubled(spelling)
    return short if SHORT_UNDOUBLED <= len(short) < SKELETON_LENGTH and spelling.isalpha() else ""


def _consonant_similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two spellings with their consonants written one way
    (:func:`~screening.phonetics.consonant_spelling`): "Valed" is as near "Walid" as "Valed"
    is "Valid"."""
    return float(jellyfish.jaro_winkler_similarity(consonant_spelling(a), consonant_spelling(b)))
