"""Align the parts of two names and score how much of the listed name the applicant's covers.

A name is prepared once (:func:`name_forms`): tokens (:mod:`screening.names`), look-alike
letters of other scripts read as Latin, Han and Hangul names split into family and given name,
titles and quoted nicknames set aside. Names are then compared part by part, in any order. A
run of up to three adjacent parts on one side may stand for one part on the other, so
``Kwang Jin``, ``Kwang-jin`` and ``Kwangjin`` align. Each candidate pair of runs is linked by
the first rule that holds (:func:`link_rules` lists them):

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

The last four link single parts only, never joined ones, but for that misspelling of two
syllables.

Pairs are chosen greedily, strongest and longest first, without reusing a part. Each listed
part weighs its length in Latin letters, less for common name parts (a surname borne by 5% of
people or more weighs 40% of its length; see :func:`screening.translit.population_share`).
The score is the covered share of the listed name's weight, each pair counted at its
similarity, reduced a little for the applicant's parts that found no partner. A listed name of
two or more parts needs at least two of them covered, at least one by exact, joined or
transliteration evidence: one shared part (a surname) never counts, and neither do a person's
listed parts that one part of a longer applicant's name holds joined ("Abdulaziz" for "AZIZ,
Abdul"). A partial correspondence (not every listed part covered) counts only when every link
in it is of those strong kinds and, when the listed name ends in a known Chinese or Korean
family name, covers it. Parts may come
in any order that moves the family name from one end to the other (of a Chinese or Korean
name, only its family name: ``Kwang Jin Kim``, not ``Jin Kim Kwang``); any other order
(``Bok Tae`` for ``Tae Bok``) is a different given name, so it can bring review but never a match.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import attrs
import jellyfish

from screening import names, translit
from screening._data import pairs, table
from screening._tuning import (
    COMMON_NAME_FACTOR,
    COMMON_NAME_SHARE,
    EXTRA_PART_WEIGHT,
    FAMILY_NAME_SHARE,
    FUZZY_LENGTH,
    JOINED_MISSPELLING_LENGTH,
    LONG_SKELETON,
    LONG_SKELETON_JARO_WINKLER,
    LOOSE_ANCHOR_LENGTH,
    LOW_INFORMATION_FACTOR,
    MAX_JOINED_READINGS,
    MAX_RUN,
    MIDDLE_NAME_FACTOR,
    MIN_LOOSE_SYLLABIC,
    MISSPELLING_SIMILARITY,
    NORMALIZED_FACTOR,
    OCR_LENGTH,
    ORDER_FACTOR,
    PATRONYMIC_FACTOR,
    PHONETIC_LENGTH,
    PHONETIC_MIN_JARO_WINKLER,
    SCRAMBLED_FACTOR,
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
from screening.reasons import Code, Reason, link_sentence
from screening.translit.chinese import SURNAME_SPELLING, one_system

#: Methods that link single parts only: a loose link between joined parts proves little (a
#: spelling may link joined parts, within limits: see _link).
_SINGLE_PART_METHODS = frozenset({Method.OCR, Method.PHONETIC, Method.FUZZY, Method.INITIAL})
#: The languages whose syllables a Chinese or Korean name is read in, together and each alone.
SYLLABLE_LANGUAGES = frozenset({"Mandarin", "Korean"})
_EACH_LANGUAGE = tuple(frozenset({language}) for language in sorted(SYLLABLE_LANGUAGES))
#: Methods that can decide a match.
DECISIVE_METHODS = frozenset(
    {Method.EXACT, Method.JOINED_TOKENS, Method.TRANSLITERATION, Method.ABBREVIATION, Method.OCR}
)
#: Methods of links through strong keys (see run_keys): all the decisive ones but OCR.
_STRONG_METHODS = DECISIVE_METHODS - {Method.OCR}
#: What a Jaro-Winkler similarity may fall short of its exact value by rounding.
_JARO_WINKLER_SLACK = 1e-9

#: Titles and generational suffixes set aside when a name has other parts (data/titles.tsv).
TITLES = frozenset(word for word, _kind in table("titles.tsv"))
#: Generational suffixes: a listed one that the applicant leaves out is no other name, but
#: a different one the applicant gives is another generation ("Sr" for the listed "Jr").
_GENERATIONS = frozenset(word for word, kind in table("titles.tsv") if kind == "generation")
#: Quoted or bracketed nicknames: "Danny", “Danny”, 'Danny', (Danny), «Danny», 「Danny」.
_NICKNAME = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|「[^」]*」|\([^)]*\)")
#: Single quotes are left alone: Arabic names romanize the ayn as an apostrophe ('Abd al-Muhsin).

#: Legal forms of organizations: each spelling to the canonical form that its abbreviations and
#: translations share (data/legal_forms.tsv).
LEGAL_FORMS = pairs("legal_forms.tsv")
#: Written abbreviations of given names, by the skeleton of the name written out
#: (:func:`~screening.phonetics.spelling_skeleton`; data/name_abbreviations.tsv).
NAME_ABBREVIATIONS = pairs("name_abbreviations.tsv")
#: East Slavic given names in their Russian, Ukrainian and Belarusian forms, each in the usual
#: romanizations, the Russian spelling first (data/east_slavic_names.tsv).
_EAST_SLAVIC_NAMES = table("east_slavic_names.tsv")
#: Each spelling of :data:`_EAST_SLAVIC_NAMES` to the name's first (Russian) spelling.
NAME_FORMS = {spelling: forms[0] for forms in _EAST_SLAVIC_NAMES for spelling in forms}
#: Patronymic endings after the father's name, longest first, and whether each is a daughter's:
#: Nikolaevich, Mykolayovych, Mikalaevich; Sergeyevna, Serhiivna, Siarheeuna.
_PATRONYMIC_SUFFIXES = (
    ("iyovych", False), ("iyivna", True), ("yovych", False), ("ovych", False), ("evych", False),
    ("ovich", False), ("evich", False), ("avich", False), ("ivna", True), ("ovna", True),
    ("evna", True), ("avna", True), ("auna", True), ("euna", True), ("ichna", True),
)  # fmt: skip
#: Parts that say little about who is named: legal forms, articles and particles
#: (data/legal_forms.tsv and data/low_information.tsv).
LOW_INFORMATION = frozenset(LEGAL_FORMS) | frozenset(word for word, _what in table("low_information.tsv"))


@attrs.frozen
class Part:
    """One part of a prepared name; parts joined by hyphens share a ``group``."""

    text: str
    latin: tuple[str, ...]
    weight: float
    notes: tuple[str, ...] = ()
    group: int = 0

    @property
    def named(self) -> bool:
        """Whether the part weighs and is no legal form or particle: a name of its own."""
        return self.weight > 0 and self.text not in LOW_INFORMATION


@attrs.frozen
class Run:
    """Adjacent parts ``start``..``end`` (exclusive) of a name, joined."""

    start: int
    end: int
    text: str
    latin: tuple[str, ...]
    notes: tuple[str, ...]
    #: How many parts the run joins.
    width: int = 1
    #: The texts of the parts joined, in the run's order; () for a single part. Joined parts
    #: are read part by part (:func:`run_readings`).
    pieces: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """The run for people: its parts apart ("kim jong un")."""
        return " ".join(self.pieces) if self.pieces else self.text


@attrs.frozen
class NameForm:
    """A name prepared for comparison."""

    original: str
    parts: tuple[Part, ...]
    runs: tuple[Run, ...]

    @property
    def normalized(self) -> str:
        """The parts joined by spaces."""
        return " ".join(part.text for part in self.parts)

    @property
    def weight(self) -> float:
        """The parts' weights added up."""
        return sum(part.weight for part in self.parts)

    @functools.cached_property
    def listed_keys(self) -> tuple[tuple[tuple[str, bool], ...], ...]:
        """Each run's link keys as a listed name's, ``(key, loose)`` pairs (see :func:`run_keys`)."""
        return tuple(run_keys(run.text, run.latin, run.width, run.pieces, listed=True) for run in self.runs)

    @functools.cached_property
    def patronymic(self) -> int | None:
        """The index of the name's patronymic, if it has one (see :func:`patronymic`)."""
        return patronymic([part.latin[0] for part in self.parts])

    @functools.cached_property
    def family(self) -> int | None:
        """The index of a known Chinese or Korean family name at an end (:func:`_family_index`)."""
        return _family_index(self.parts)

    @functools.cached_property
    def chain_start(self) -> int | None:
        """Where the chain of names of an Arabic name written "SURNAME, Personal Father
        Grandfather" begins (the nasab: three given names or more after the comma, no
        particles or titles counted, in a name with an Arabic article or "ibn"); None for
        other names (Burmese names have as many parts, and no chain)."""
        start = _given_start(self.original)
        if start is None or not any(part.text in _ARABIC_PARTICLES for part in self.parts):
            return None
        if sum(1 for part in self.parts[start:] if part.named) < 3:
            return None
        while not self.parts[start].named:
            start += 1
        return start

    @functools.cached_property
    def family_end(self) -> int | None:
        """The index of the family name, when the name is Chinese or Korean in shape: a known
        family name at an end (:func:`_family_index`), and every part one or two syllables
        in a language all of them read in ("Kim Kwang Jin", "Zhenxing Wang"). None when
        either end may hold the family name ("HAMIDI, Gula Khan")."""
        return self.family if _syllables_throughout(self.parts) else None

    @functools.cached_property
    def reading_languages(self) -> frozenset[str]:
        """The languages every weighty part reads in (see :func:`align`)."""
        return _reading_languages_of(self.parts)

    @functools.cached_property
    def middle_names(self) -> MiddleNames | None:
        """The middle names of a person's name so written (see :func:`middle_names`)."""
        return middle_names(self.original, self.parts)

    @functools.cached_property
    def applicant_keys(self) -> dict[str, tuple[int, ...]]:
        """The runs by link key, as an applicant's name: key to run indices."""
        found: dict[str, list[int]] = {}
        for index, run in enumerate(self.runs):
            for key, _loose in run_keys(run.text, run.latin, run.width, run.pieces, listed=False):
                found.setdefault(key, []).append(index)
        return {key: tuple(indices) for key, indices in found.items()}


def _reading_languages_of(parts: tuple[Part, ...]) -> frozenset[str]:
    found = [_reading_languages(part.text) for part in parts if part.weight > 0]
    return frozenset.intersection(*found) if found else frozenset()


class MiddleNames(NamedTuple):
    """Where a person's name written "FAMILY, Given Middle" has its names (part indices)."""

    #: The first given name.
    first: int
    #: The family name's parts (besides particles and titles).
    family: tuple[int, ...]
    #: The given names after the first.
    names: tuple[int, ...]


def middle_names(original: str, parts: tuple[Part, ...]) -> MiddleNames | None:
    """The middle names of a name written "FAMILY, Given Middle" (one comma, two given names
    or more besides particles and titles): the given names after the first; None for other
    names.

    People often leave their middle names out ("Joaquin Guzman Loera" for GUZMAN LOERA,
    Joaquin Archivaldo), so a listed person's middle name that the applicant's name leaves
    out weighs :data:`MIDDLE_NAME_FACTOR` of its length (see :func:`align`), as a patronymic
    does, when the applicant's name has the first given name and the family name (by a
    strong link: exactly, joined, transliterated or abbreviated). Not in a
    name that may be Chinese or Korean (every part one or two syllables in a language all of
    them read in, and a Chinese or Korean family name at an end, however rare: "WEI, Lin
    Na"), whose given name is one name in syllables: "Kim Kwang" is not Kim Kwang Jin. Not
    past the first :data:`MIDDLE_NAMES_TRACKED` parts (the name index tracks parts one by one
    only so far).
    """
    start = _given_start(original)
    if start is None or not names.is_valid(original.partition(",")[2]):
        return None
    family = tuple(index for index in range(min(start, len(parts))) if parts[index].named)
    given = [index for index in range(start, len(parts)) if parts[index].named]
    if not family or len(given) < 2 or given[-1] >= MIDDLE_NAMES_TRACKED or _syllabic_name(parts):
        return None
    return MiddleNames(given[0], family, tuple(given[1:]))


def _given_start(original: str) -> int | None:
    """Where the given names begin, as a count of tokens, in a name written "FAMILY, Given"
    (one comma, a family name before it); None for other names."""
    before, comma, after = original.partition(",")
    if not comma or "," in after or not names.is_valid(before):
        return None
    return len(names.tokens(before))


def _syllabic_name(parts: tuple[Part, ...]) -> bool:
    """Tell whether a name may be Chinese or Korean: every part one or two syllables in a
    language all of them read in, and a Chinese or Korean family name at an end."""
    return _syllables_throughout(parts) and any(
        translit.surname_share(parts[index].text) > 0 for index in (0, -1)
    )


def _syllables_throughout(parts: tuple[Part, ...]) -> bool:
    """Tell whether every part of a name reads as one or two syllables, in a language all of
    its parts read in: a Chinese or Korean name in shape."""
    return bool(_reading_languages_of(parts)) and all(_syllable_counts(part.text) for part in parts)


#: Parts of a name whose middle names are counted: the parts the name index tracks one by one.
MIDDLE_NAMES_TRACKED = 29


def _weight(part: str, latin: tuple[str, ...]) -> float:
    share = max(translit.population_share(part), translit.population_share(latin[0]) if latin else 0.0)
    factor = 1 - (1 - COMMON_NAME_FACTOR) * min(1.0, share / COMMON_NAME_SHARE)
    if part in LOW_INFORMATION:
        factor = LOW_INFORMATION_FACTOR
    return max(1, len(latin[0] if latin and latin[0] else part)) * factor


def _part(token: str, group: int) -> Part:
    text, latin, weight, notes = _token_part(token)
    return Part(text=text, latin=latin, weight=weight, notes=notes, group=group)


@functools.lru_cache(maxsize=65536)
def _token_part(token: str) -> tuple[str, tuple[str, ...], float, tuple[str, ...]]:
    """A token's text, Latin spellings, weight and notes as a part: worked out once a token,
    as a large list's names share most of theirs."""
    text, notes = translit.fold_confusables(token)
    latin = _with_article(translit.latin_spellings(text) or (text,))
    return text, latin, _weight(text, latin), notes


#: The Arabic "Abd al-" (servant of), spelled otherwise than "abdul": Abdel, Abdal, Abdol,
#: Abdoul, and "Abd al" joined from two parts; and with the article's "l" taken by a sun letter
#: after it, doubled or not ("Abdurrahman", "Abderrahmane", "Abdussalam", "Abdurahman":
#: Abd al-Rahman, Abd al-Salam). The match ends before the name that follows the article.
_ABD_AL = re.compile(
    r"abd(?:a|e|o|ou)l|abd(?:a|e|o|ou|u)(sh|th|dh|[tdrzsn])(?=\1)|abdu(?=(?:sh|th|dh|[tdrzsn])[aeiouy])"
)


def _with_article(latin: tuple[str, ...]) -> tuple[str, ...]:
    """Latin spellings, with the one that writes "Abd al-" as "abdul" added ("abdelrahman":
    also "abdulrahman"), so that the spellings of the article share a key and link."""
    found = _ABD_AL.match(latin[0])
    if found is None:
        return latin
    return (*latin, "abdul" + latin[0][found.end() :])


def _article_form(latin: tuple[str, ...]) -> str:
    """The spelling with "Abd al-" written "abdul", for a run that begins so; "" otherwise."""
    return next((spelling for spelling in latin[1:] if spelling.startswith("abdul")), "") or (
        latin[0] if latin[0].startswith("abdul") else ""
    )


def _parts(groups: tuple[tuple[str, ...], ...]) -> tuple[Part, ...]:
    """The parts of a name's token groups: Han and Hangul names split into family and given
    name, titles weighing nothing unless the name is all titles."""
    split: list[tuple[str, int]] = []
    for number, group in enumerate(groups):
        for token in group:
            pieces = (token,) if token in TITLES else translit.split_family_name(token)
            # A Han or Hangul name split into family and given name: two groups.
            split += [(piece, number * 2 + (index > 0)) for index, piece in enumerate(pieces)]
    parts = tuple(_part(token, group) for token, group in split)
    if any(part.text not in TITLES for part in parts):
        # Titles and suffixes stay linkable ("II" may be a scanned "Il") but weigh nothing.
        parts = tuple(attrs.evolve(part, weight=0.0) if part.text in TITLES else part for part in parts)
    return parts


#: Endings of East Slavic patronymics in Latin letters (Russian, Ukrainian and Belarusian
#: romanizations, the French -vitch): Aleksandrovich, Sergeyevna, Mykolayovych, Ivanivna,
#: Uladzimiravich, Mihaulauna.
_PATRONYMIC_ENDINGS = (*(ending for ending, _daughter in _PATRONYMIC_SUFFIXES), "vitch")


def patronymic(spellings: Sequence[str]) -> int | None:
    """The index of a name's patronymic, from its parts' Latin spellings: in a name of three
    parts or more, the first part after the first with a patronymic ending. The first part is
    left out, being the family name as lists write it ("ABRAMOVICH, Roman Arkadyevich"), and
    the patronymic comes before a family name written last ("Roman Arkadyevich Abramovich").

    A listed patronymic that the applicant's name leaves out weighs :data:`PATRONYMIC_FACTOR`
    of its length (see :func:`align`): people seldom give it, and many share it. One that the
    applicant gives counts in full.
    """
    if len(spellings) < 3:
        return None
    return next(
        (index for index in range(1, len(spellings)) if spellings[index].endswith(_PATRONYMIC_ENDINGS)), None
    )


#: A run before it is built: where it starts and ends among the parts, and its parts in its
#: order (a rotated run's differ from the parts there).
Span = tuple[int, int, tuple[Part, ...]]


def run_spans(parts: tuple[Part, ...], *, person: bool = True) -> list[Span]:
    """The runs of a name, as spans: each part, then adjacent parts of one script joined (up
    to :data:`MAX_RUN`), then, for a person's name, the whole name with its family name
    moved to the other end (an organization's name has no family name to move)."""
    return [(start, start + 1, (part,)) for start, part in enumerate(parts)] + joined_spans(
        parts, person=person
    )


def joined_spans(parts: tuple[Part, ...], *, person: bool = True) -> list[Span]:
    """The runs of a name that join parts, as spans (see :func:`run_spans`)."""
    spans: list[Span] = []
    kinds = [translit.script(part.text) for part in parts]
    for width in range(2, MAX_RUN + 1):
        for start in range(len(parts) - width + 1):
            if len(set(kinds[start : start + width])) == 1:
                spans.append((start, start + width, parts[start : start + width]))
    if person and 2 <= len(parts) <= MAX_RUN + 1 and len(set(kinds)) == 1:
        # The whole name written as one word with the family name moved to the other end:
        # "WangZhenxing" for Zhenxing Wang, "KwangJinKim" for Kim Kwang Jin.
        family = _family_index(parts)
        rotations = []
        if family != len(parts) - 1:
            rotations.append((*parts[1:], parts[0]))  # a family name first, moved last
        if family != 0:
            rotations.append((parts[-1], *parts[:-1]))  # a family name last, moved first
        # A rotation may give a run already there ("Kim Kim"; both rotations of two parts).
        seen = {_joined_identity(parts)} if len(parts) <= MAX_RUN else set()
        for rotated in rotations:
            identity = _joined_identity(rotated)
            if identity not in seen:
                seen.add(identity)
                spans.append((0, len(parts), rotated))
    return spans


def _joined_identity(chosen: tuple[Part, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What tells two runs of the same span apart: their parts' texts and notes in order."""
    return tuple([part.text for part in chosen]), tuple([note for part in chosen for note in part.notes])


def _form(original: str, parts: tuple[Part, ...], person: bool) -> NameForm:
    runs = tuple([_run(start, end, chosen) for start, end, chosen in run_spans(parts, person=person)])
    return NameForm(original=original, parts=parts, runs=runs)


def low_information(form: NameForm, run: Run) -> bool:
    """Tell whether a run of ``form`` joins only legal forms and particles ("joint stock")."""
    return all(part.text in LOW_INFORMATION for part in form.parts[run.start : run.end])


def _run(start: int, end: int, chosen: tuple[Part, ...]) -> Run:
    """A run of the parts ``chosen``, which stand at ``start``..``end`` (in that or rotated order)."""
    if len(chosen) == 1:
        part = chosen[0]
        return Run(start, end, part.text, part.latin, part.notes, 1)
    texts = tuple([part.text for part in chosen])
    notes = (
        tuple([note for part in chosen for note in part.notes]) if any(part.notes for part in chosen) else ()
    )
    return Run(start, end, "".join(texts), _joined_latin(chosen), notes, end - start, texts)


def _joined_latin(chosen: tuple[Part, ...]) -> tuple[str, ...]:
    """The Latin spellings of joined parts: their first spellings joined (and that with
    "Abd al-" written "abdul": "abd al rahman" is also "abdulrahman")."""
    return _with_article(("".join([part.latin[0] for part in chosen]),))


@functools.lru_cache(maxsize=65536)
def _reading_languages(text: str) -> frozenset[str]:
    return _language_set(reading.language for reading in translit.readings(text))


def _language_set(languages: Iterable[str]) -> frozenset[str]:
    """The set of ``languages``, one object for each set: the caches of languages by part
    hold tens of thousands of them, and a frozenset takes 216 bytes."""
    found = frozenset(languages)
    return _LANGUAGE_SETS.setdefault(found, found)


_LANGUAGE_SETS: dict[frozenset[str], frozenset[str]] = {}


def run_readings(text: str, pieces: tuple[str, ...] = ()) -> tuple[translit.Reading, ...]:
    """The Mandarin and Korean readings of a run: of its text when it is one part; of each
    joined part in turn (``pieces``) otherwise (:func:`_joined_readings`)."""
    if not pieces:
        return translit.readings(text)
    # Most joined parts have no language in common: told before the cache of joined
    # readings, which they would only fill.
    return _joined_readings(pieces) if _common_languages(pieces) else ()


@functools.lru_cache(maxsize=16384)
def _joined_readings(pieces: tuple[str, ...]) -> tuple[translit.Reading, ...]:
    """Read joined parts as the syllables of each part in turn, in a language all of them read in.

    "Kim Jong Un" reads (kim, jong, un) as "Kimjongun" does, and "Xi An" reads (xi, an) as
    "Hsi An" and "Hsian" do, not the one syllable xian of "Xian" and the Wade-Giles "Hsien"
    (pinyin writes the two syllables "Xi'an"): a name split in parts is split between
    syllables, never inside one ("Ki Mjong" is no name). Reading the joined text instead
    would find such splits, and cost a segmentation of every joined run of a large list.
    Parts that do not all read in one language give no reading. Each
    language's readings combine the parts' readings in order, up to
    :data:`MAX_JOINED_READINGS`.
    """
    found: dict[tuple[str, ...], translit.Reading] = {}
    for language, combination in _joined_combinations(pieces, _common_languages(pieces)):
        keys = tuple(key for reading in combination for key in reading.keys)
        systems = list(dict.fromkeys(reading.system for reading in combination))
        hangul = all(reading.system in {"Hangul", "Hanja read in Korean"} for reading in combination)
        shown = ("" if hangul else " ").join(reading.shown for reading in combination)
        system = systems[0] if len(systems) == 1 else " and ".join(systems)
        found.setdefault(keys, translit.Reading(keys=keys, system=system, shown=shown, language=language))
    return tuple(found.values())


def _common_languages(pieces: tuple[str, ...]) -> frozenset[str]:
    """The languages every one of ``pieces`` reads in; none for most joined parts ("Abdul
    Rahman", "Ivan Petrov", "General Trading")."""
    return frozenset.intersection(*map(_reading_languages, pieces))


def _joined_combinations(
    pieces: tuple[str, ...], common: frozenset[str]
) -> Iterator[tuple[str, tuple[translit.Reading, ...]]]:
    """Each language of ``common`` (the languages all ``pieces`` read in), with each
    combination of the pieces' readings in it (up to :data:`MAX_JOINED_READINGS`): the joined
    readings before they are built."""
    if not common:
        return
    per_part = [translit.readings(piece) for piece in pieces]
    languages = [
        language for language in dict.fromkeys(r.language for r in per_part[0]) if language in common
    ]
    for language in languages:
        options = [[reading for reading in readings if reading.language == language] for readings in per_part]
        # Parts of one name are written as one system writes them: "Zi-yu" is zi yu, not zi in
        # pinyin and yu as Wade-Giles writes you.
        spelled = [frozenset().union(*(reading.systems for reading in readings)) for readings in options]
        consistent = (
            combination
            for combination in itertools.product(*options)
            if one_system(
                [(reading.systems, spelling) for reading, spelling in zip(combination, spelled, strict=True)]
            )
        )
        for combination in itertools.islice(consistent, MAX_JOINED_READINGS):
            yield language, combination


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


def _name_form_of(latin: tuple[str, ...]) -> str:
    """The Russian spelling of an East Slavic given name spelled so (:data:`NAME_FORMS`), or
    of the father's name in a patronymic made from one, marked "son of" or "daughter of"
    ("Mykolayovych" and "Nikolaevich": son of nikolai), or ""."""
    return next((NAME_FORMS[spelling] for spelling in latin if spelling in NAME_FORMS), "") or (
        _patronymic_form(latin[0])
    )


@functools.lru_cache(maxsize=4096)
def _patronymic_form(spelling: str) -> str:
    """ "son of X" or "daughter of X" for a patronymic made from the name X of
    :data:`NAME_FORMS`: the spelling less its ending begins a form of X, or the reverse, within
    two letters ("nikola" of Nikolaevich, "mykolay" of Mykolayovych); "" otherwise."""
    stems = [
        (spelling[: -len(ending)], daughter)
        for ending, daughter in _PATRONYMIC_SUFFIXES
        if spelling.endswith(ending) and len(spelling) - len(ending) >= 4
    ]
    for stem, daughter in stems:  # the longest ending first ("yuriy-ovych", not "yur-iyovych")
        for form, name in NAME_FORMS.items():
            if abs(len(form) - len(stem)) <= 2 and (form.startswith(stem) or stem.startswith(form)):
                return ("daughter of " if daughter else "son of ") + name
    return ""


def name_forms(name: str, *, person: bool = True) -> tuple[NameForm, ...]:
    """Prepare a name: the name without quoted nicknames first, then the name as written.

    ``person``: the name is a person's (as an applicant's is), whose family name may be moved
    from one end to the other when the name is written as one word; an organization's is not.

    Raises:
        InvalidNameError: the name has nothing to compare.
    """
    return tuple([_form(name, parts, person) for parts in name_parts(name)])


def name_parts(name: str) -> tuple[tuple[Part, ...], ...]:
    """The parts of each of a name's forms (:func:`name_forms`), without their runs.

    Raises:
        InvalidNameError: the name has nothing to compare.
    """
    whole = names.token_groups(name)
    without = _NICKNAME.sub(" ", name)
    found = []
    if without != name and names.is_valid(without):
        found.append(_parts(names.token_groups(without)))
    found.append(_parts(whole))
    return tuple(found)


def name_form(name: str, *, person: bool = True) -> NameForm:
    """Prepare a name as written (see :func:`name_forms`)."""
    return name_forms(name, person=person)[-1]


@attrs.frozen
class Link:
    """A chosen pair of runs and how they were linked."""

    applicant: Run
    listed: Run
    method: Method
    similarity: float
    #: Why the runs are linked: one choice of reasons per language whose readings they share
    #: (a transliteration), else one; each choice is its main reason (with a ``language``
    #: detail when it needs one) and what qualifies it.
    choices: tuple[tuple[Reason, ...], ...]
    #: A reading in a language the listed name is not written in (see :func:`align`): the link
    #: holds, but cannot decide a match.
    outside: bool = False

    @property
    def anchors(self) -> bool:
        """Whether the link can anchor a name: a strong method, or a close one on a long part."""
        if self.method in DECISIVE_METHODS:
            return True
        if self.joined:
            # A spelling of joined parts only adds to other links: one part spelled like two
            # is too little alone ("Hlaing" for HLA, Aung).
            return False
        long_enough = min(len(self.applicant.latin[0]), len(self.listed.latin[0])) >= LOOSE_ANCHOR_LENGTH
        kana = "kana" in {translit.script(self.applicant.text), translit.script(self.listed.text)}
        return (long_enough or kana) and self.close

    @property
    def close(self) -> bool:
        """Whether the link is a strong one, a spelling variant, a sound-alike or one letter away."""
        first = self.choices[0][0]
        one_letter = (
            self.method is Method.FUZZY and first.code is Code.LETTERS_AWAY and first.get("distance") == 1
        )
        return self.method in DECISIVE_METHODS | {Method.PHONETIC, Method.SPELLING} or one_letter

    @property
    def joined(self) -> bool:
        """Whether the link joins parts on either side."""
        return self.applicant.width > 1 or self.listed.width > 1

    def weighty(self, weights: Sequence[float]) -> bool:
        """Whether the listed parts linked weigh anything, by the listed parts' ``weights``."""
        return sum(weights[self.listed.start : self.listed.end]) > 0

    @property
    def languages(self) -> frozenset[str]:
        """The languages in which the link holds (empty when it needs none)."""
        return frozenset(_language(choice) for choice in self.choices) - {""}

    def reasons(self, languages: frozenset[str] = frozenset()) -> tuple[Reason, ...]:
        """Why the runs are linked, in one of ``languages`` when it is a transliteration."""
        for choice in self.choices:
            language = _language(choice)
            if not languages or language in languages or not language:
                return choice
        return self.choices[0]

    def sentence(self, languages: frozenset[str] = frozenset()) -> str:
        """The link in words, in one of ``languages`` when it is a transliteration."""
        return link_sentence(self.reasons(languages), self.applicant.shown, self.listed.shown)


def _language(choice: tuple[Reason, ...]) -> str:
    """The language a choice of reasons holds in; "" when it needs none."""
    return str(choice[0].get("language"))


@attrs.frozen
class Alignment:
    """The outcome of comparing two names."""

    links: tuple[Link, ...]
    score: float
    method: Method
    complete: bool
    decisive: bool
    covered: int
    scrambled: bool = False
    languages: frozenset[str] = frozenset()
    #: Han or Hangul parts of the applicant's beyond a listed Chinese or Korean person's name
    #: (see :func:`_another_syllable`): the alignment cannot decide a match.
    added_syllables: tuple[str, ...] = ()
    #: The applicant's other weighty parts that link to no listed part (middle names).
    unmatched: tuple[str, ...] = ()
    #: The names agree only as Han characters read in Korean, against a listed name that
    #: reads in Mandarin too, where they differ: the alignment cannot decide a match.
    hanja_in_korean: bool = False
    #: The listed particles and legal forms a complete alignment leaves out ("al" of AL-ASSAD
    #: for "Bashar Assad"): they weigh little, and the name is complete without them.
    left_out: tuple[str, ...] = ()
    #: The applicant's given name before a listed Arabic chain of names that begins at the
    #: applicant's second (see :func:`_chain_shifted`), or "": the alignment cannot decide a match.
    chain_shifted: str = ""
    #: The listed middle names the applicant's name leaves out (see :func:`middle_names`).
    middle_left_out: tuple[str, ...] = ()


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


def _loosely_comparable(left: Run, right: Run) -> bool:
    """Tell whether a pair of single parts may link by a rule that leaves no key: an initial,
    or two letters apart in parts of :data:`TWO_LETTER_LENGTH` letters or more."""
    a, b = left.latin[0], right.latin[0]
    if len(a) == 1:
        return len(b) > 1 and b.startswith(a)
    return min(len(a), len(b)) >= TWO_LETTER_LENGTH and abs(len(a) - len(b)) <= 2


def _pairs(applicant: NameForm, listed: NameForm) -> list[tuple[Run, Run]]:
    """The pairs of runs that may link, in the order of the applicant's runs, then the listed.

    Two runs that share a key (:func:`run_keys`), and single parts an initial or a two-letter
    difference may link. A pair with a joined run shares a strong key, the only kind a joined
    run has, so it can link only exactly or by reading.
    """
    by_key = applicant.applicant_keys
    found: set[tuple[int, int]] = set()
    for right, keys in enumerate(listed.listed_keys):
        for key, _loose in keys:
            for left in by_key.get(key, ()):
                found.add((left, right))
    # Only an applicant's initials and long parts may link so (see _loosely_comparable).
    loose_left = [
        index
        for index, run in enumerate(applicant.runs)
        if run.width == 1 and (len(run.latin[0]) == 1 or len(run.latin[0]) >= TWO_LETTER_LENGTH)
    ]
    loose_right = [index for index, run in enumerate(listed.runs) if run.width == 1] if loose_left else []
    for left in loose_left:
        for right in loose_right:
            if _loosely_comparable(applicant.runs[left], listed.runs[right]):
                found.add((left, right))
    return [(applicant.runs[left], listed.runs[right]) for left, right in sorted(found)]


def _readable_in(run: Run, languages: frozenset[str]) -> bool:
    return any(reading.language in languages for reading in run_readings(run.text, run.pieces))


def _syllable_counts(text: str, languages: frozenset[str] = SYLLABLE_LANGUAGES) -> set[int]:
    """How many syllables a part reads as in ``languages`` (Mandarin or Korean), counting
    readings of one or two: a Chinese or Korean name part has one or two syllables, so a longer
    reading ("di-a-na" for Diana) is a segmentation of some other name, not a syllable to keep
    apart."""
    return {
        len(reading.keys)
        for reading in translit.readings(text)
        if len(reading.keys) <= 2 and reading.language in languages
    }


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


def _spellable(run: Run) -> bool:
    """Tell whether a run may link by spelling: a single part, or joined parts that may
    (:func:`_spelled_joined`)."""
    return run.width == 1 or _spelled_joined(run.pieces, len(run.latin[0]))


def _link(
    left: Run, right: Run, syllabic: bool = True, languages: frozenset[str] = SYLLABLE_LANGUAGES
) -> Link | None:
    misspelled = None
    if syllabic and left.width == 1 and right.width == 2:
        misspelled = _joined_misspelling(left.text, left.latin[0], right.pieces, right.latin[0], languages)
    linked = (
        (Method.FUZZY, MISSPELLING_SIMILARITY, (misspelled,))
        if misspelled
        else _token_link(
            left.text, left.latin, right.text, right.latin, left.pieces, right.pieces, syllabic, languages
        )
    )
    if linked is None:
        return None
    method, similarity, reasons = linked
    if (
        (left.width, right.width) != (1, 1)
        and misspelled is None
        and (
            method in _SINGLE_PART_METHODS
            or (method is Method.SPELLING and (syllabic or not (_spellable(left) and _spellable(right))))
        )
    ):
        # Joined parts are compared exactly, by reading or by spelling only, and by spelling
        # not in a Chinese or Korean name, whose syllables are read ("Min Shi" is no "Mansha").
        return None
    if left.text in LOW_INFORMATION and right.text not in LOW_INFORMATION and method is not Method.EXACT:
        # An applicant's particle or legal form stands only for itself: "The" is no listed "De"
        # (a Korean reading), "van" no "Pan". The other way round, a listed particle may be
        # spelled otherwise ("Ai-Harzi" for "Al-Harzi", "Ar-Rahmah" for "Al-Rahmah").
        return None
    if method is Method.EXACT and (left.width, right.width) != (1, 1):
        method, similarity = Method.JOINED_TOKENS, SIMILARITY[Method.JOINED_TOKENS]
        reasons = (Reason.of(Code.JOINED_OR_SPLIT),)
    note = _look_alike_note(left)
    return Link(left, right, method, similarity, tuple((reason, *note) for reason in reasons))


def _look_alike_note(run: Run) -> tuple[Reason, ...]:
    """What a link adds for an applicant's run read through look-alike letters."""
    return (Reason.of(Code.LOOK_ALIKE_LETTERS, notes=run.notes),) if run.notes else ()


def align(
    applicant: NameForm, listed: NameForm, *, languages: frozenset[str] | None = None, person: bool = False
) -> Alignment | None:
    """Align two names; None when fewer than two listed parts are covered or none strongly.

    Args:
        applicant: the applicant's name, prepared.
        listed: the listed name, prepared.
        languages: the listed name's languages (``Mandarin``, ``Korean``); None for any. Two
            spellings that both read in those languages must agree there: ``Dong`` and ``Tong``
            are one Korean syllable class but two Mandarin syllables, so for a Chinese name
            they differ; ``Hwang``, which is no Mandarin spelling, may still be read as Korean.
        person: the listed name is a person's. Han or Hangul parts of the applicant's beyond a
            listed Chinese or Korean name then keep the alignment from deciding a match
            (:attr:`Alignment.added_syllables`).
    """
    weights = [part.weight for part in listed.parts]
    candidates = _candidate_links(applicant, listed, languages, weights)
    chosen, used_applicant, used_listed = _greedy(candidates)
    complete = _complete(applicant, listed, used_listed)
    used = (used_applicant, used_listed)
    if _unanchored(applicant, listed, chosen, used, weights, complete=complete, person=person):
        return None
    nationality = languages
    languages = _shared_languages(chosen, nationality)
    hanja = _hanja_in_korean(listed, chosen, languages, nationality)
    methods = {link.method for link in chosen}
    family = listed.family
    # Han characters read in Korean: most names written so are Chinese ones, and many
    # characters share a Korean reading ("程凤", Cheng Feng, is 정봉 in Korean). They count
    # for the whole listed name only, in its order (see scrambled below).
    read_in_korean = any(
        link.languages == {"Korean"} and translit.script(link.applicant.text) == "han" for link in chosen
    )
    if not complete and _weak_partial(listed, chosen, methods, used_listed, languages, read_in_korean):
        return None
    matched = sum(link.similarity * sum(weights[link.listed.start : link.listed.end]) for link in chosen)
    father = listed.patronymic
    if father is not None and father not in used_listed:
        weights[father] *= PATRONYMIC_FACTOR  # "Olga Beglova" for BEGLOVA, Olga Aleksandrovna
    # A complete name leaves no middle name out.
    middle_left_out = _middle_left_out(listed, chosen, used_listed) if person and not complete else []
    for index in middle_left_out:
        weights[index] *= MIDDLE_NAME_FACTOR  # "Joaquin Guzman Loera" for GUZMAN LOERA, Joaquin Archivaldo
    coverage = matched / (sum(weights) or 1.0)
    unused = [index for index in range(len(applicant.parts)) if index not in used_applicant]
    # A part that links to a listed part, though another part took that one, is no added
    # syllable: the name written twice ("Wang Zhenxing 王振兴") or a name repeated ("Muhammad
    # Sharif Muhammad"), which costs what a middle name costs.
    linked = {index for link in candidates for index in range(link.applicant.start, link.applicant.end)}
    added = (
        _added_syllables(
            applicant, chosen, [index for index in unused if index not in linked], complete, nationality
        )
        if person and family is not None
        else []
    )
    # A middle name lowers the score a little; an added Chinese or Korean syllable makes
    # another name, so it counts in full: the score is then the listed name's share of the
    # applicant's.
    extra = sum(applicant.parts[index].weight for index in unused if index not in added)
    extra *= EXTRA_PART_WEIGHT
    extra += sum(applicant.parts[index].weight for index in added)
    score = coverage * (1 - extra / (applicant.weight or 1.0))
    chosen.sort(key=lambda link: link.applicant.start)
    in_order = _ascending([link.listed.start for link in chosen])
    scrambled = _scrambled(applicant, listed, chosen, in_order=in_order)
    if scrambled and read_in_korean:
        return None  # "朱菁凤" is 주청봉 in Korean: Jong Pong Ju's syllables, with another family name
    method = _summary_method(
        methods, complete=complete, in_order=in_order, same=applicant.original == listed.original
    )
    decisive = (
        complete
        and methods <= DECISIVE_METHODS
        and not scrambled
        and bool(languages)
        and not added
        and not hanja
        and not any(link.outside for link in chosen)
    )
    # The Arabic chain of names is looked at last, when nothing else keeps a match.
    chain_shifted = (
        _chain_shifted(applicant, listed, chosen, used_applicant | linked) if person and decisive else ""
    )
    if not in_order:
        score *= SCRAMBLED_FACTOR if scrambled else ORDER_FACTOR
    if method is Method.NORMALIZED:
        score *= NORMALIZED_FACTOR
    return Alignment(
        links=tuple(chosen),
        score=min(1.0, max(0.0, score)),
        method=method,
        complete=complete,
        decisive=decisive and not chain_shifted,
        covered=len(used_listed),
        scrambled=scrambled,
        languages=languages,
        added_syllables=tuple(applicant.parts[index].text for index in added),
        hanja_in_korean=hanja,
        left_out=_left_out(listed, used_listed) if complete else (),
        unmatched=tuple(
            applicant.parts[index].text
            for index in unused
            if index not in linked and index not in added and applicant.parts[index].weight > 0
        ),
        chain_shifted=chain_shifted,
        middle_left_out=tuple(listed.parts[index].text for index in middle_left_out),
    )


def _candidate_links(
    applicant: NameForm, listed: NameForm, languages: frozenset[str] | None, weights: list[float]
) -> list[Link]:
    """Every pair of runs a rule links (:func:`_pairs`, :func:`_link`), as :func:`align` may
    use them, strongest and longest first."""
    candidates = []
    # A name is read as Chinese or Korean syllables when all its parts read so, and its
    # Chinese or Korean family name in any case ("Bryan Cho" is "Bryan Jo"). Otherwise two
    # parts that read alike ("Abdul" and "Abdur", both the Korean "ap tol") are two spellings
    # of one name, as likely as not: the link holds, but cannot decide a match.
    readable = listed.reading_languages
    # Short parts that read as as many Chinese or Korean syllables are other syllables, not
    # misspellings ("Dong" and "Pong"), in a Chinese or Korean name: one that ends in a known
    # family name. Elsewhere they are names that happen to segment so ("Hatim" and "Hattem").
    family = listed.family
    syllabic = family is not None
    # Its syllables are read in the languages all its parts read in, and of those in the
    # entry's (its nationality's), when it has some: "Jig" is a misspelling in a Chinese name,
    # another syllable in a Korean one.
    syllable_languages = readable & SYLLABLE_LANGUAGES
    if languages is not None and syllable_languages & languages:
        syllable_languages &= languages
    syllable_languages = syllable_languages or SYLLABLE_LANGUAGES
    korean_unlikely = family is None and not (languages and "Korean" in languages)
    for left, right in _pairs(applicant, listed):
        if left.width > 1 and right.width > 1:
            continue
        link = _link(left, right, syllabic, syllable_languages)
        if link is None:
            continue
        if korean_unlikely and link.languages == {"Korean"} and translit.script(left.text) == "han":
            # Han characters read in Korean stand for a Korean name: one with a known family
            # name, or of an entry whose nationality reads Korean ("莉谢", 리사, is no "Issa").
            continue
        outside = bool(link.languages and not link.languages & readable and not _surname(right))
        sound_alike = korean_unlikely and link.languages == {"Korean"} and _latin_parts(left, right)
        if sound_alike and not _by_surname_spelling_only(left, right):
            link = _sound_alike(link, outside=outside)  # "Osama" and "Usama": no Korean name
        elif outside:
            link = _outside(link)
        elif link.method is Method.TRANSLITERATION and _by_surname_spelling_only(left, right):
            link = _undecisive(link, Code.SYLLABLE_SPELLING)
        foreign = languages is not None and link.languages and not link.languages & languages
        if foreign and _readable_in(left, languages) and _readable_in(right, languages):  # type: ignore[arg-type]
            continue  # both read in the listed name's language, and differently there
        candidates.append(link)
    # Spellings of joined parts come last: they only link what single parts leave ("Mohammadreza"
    # for "Mohammed Reza"), never a part that links on its own ("アカカ" is "アカカ", not a
    # spelling of "アア アカカ", though that covers more).
    candidates.sort(
        key=lambda link: (
            link.joined and link.method is Method.SPELLING,
            -link.similarity * sum(weights[link.listed.start : link.listed.end]),
            link.listed.width + link.applicant.width,
            link.listed.start,
            link.applicant.start,
        )
    )
    return candidates


def _greedy(candidates: list[Link]) -> tuple[list[Link], set[int], set[int]]:
    """The links chosen in order, none reusing a part; and the applicant's and listed parts
    they use."""
    used_applicant: set[int] = set()
    used_listed: set[int] = set()
    chosen: list[Link] = []
    for link in candidates:
        applicant_parts = range(link.applicant.start, link.applicant.end)
        listed_parts = range(link.listed.start, link.listed.end)
        if used_applicant.intersection(applicant_parts) or used_listed.intersection(listed_parts):
            continue
        used_applicant.update(applicant_parts)
        used_listed.update(listed_parts)
        chosen.append(link)
    return chosen, used_applicant, used_listed


def _complete(applicant: NameForm, listed: NameForm, used_listed: set[int]) -> bool:
    """Tell whether every listed part is covered, but for particles and legal forms left out
    ("Fawaz Akhras" for AL-AKHRAS, Fawaz): they still weigh, so the score shows it; and
    titles, which weigh nothing ("Ayman al-Zawahiri" for AL ZAWAHIRI, Dr. Ayman), unless the
    applicant gives another generation ("Sr" for the listed "Jr")."""
    generations = {part.text for part in applicant.parts if part.text in _GENERATIONS}
    return all(
        index in used_listed
        or part.text in LOW_INFORMATION
        or (part.weight == 0 and not (part.text in _GENERATIONS and generations - {part.text}))
        for index, part in enumerate(listed.parts)
    )


def _unanchored(
    applicant: NameForm,
    listed: NameForm,
    chosen: list[Link],
    used: tuple[set[int], set[int]],
    weights: list[float],
    *,
    complete: bool,
    person: bool,
) -> bool:
    """Tell whether the chosen links amount to one shared part, or to legal forms and
    particles only: never a correspondence of names. ``weights``: the listed parts'."""
    used_applicant, used_listed = used
    weighty = sum(1 for index in used_listed if weights[index] > 0)
    listed_weighty = sum(1 for weight in weights if weight > 0)
    informative = [link for link in chosen if not low_information(listed, link.listed)]
    informative_links = sum(1 for link in informative if link.weighty(weights))
    # A name of two informative parts or more, each linked closely (short parts by spelling
    # or sound: "Nasoof, Tahar" for NASUF, Tahir), is anchored by all of them together.
    close_throughout = complete and informative_links >= 2 and all(link.close for link in informative)
    # A listed name of one name besides legal forms and particles ("LLC KOKSOKHIMTRANS",
    # "AL-SHABAAB") is covered by that name, and is one part against an applicant's longer name.
    named = [index for index, part in enumerate(listed.parts) if part.named]
    one_name = len(named) == 1
    if (weighty < min(2, listed_weighty) and not (one_name and named[0] in used_listed)) or not (
        close_throughout or any(link.anchors for link in informative)
    ):
        return True  # one shared part, or shared legal forms and particles only
    more = any(part.named and index not in used_applicant for index, part in enumerate(applicant.parts))
    if (listed_weighty == 1 or one_name) and more:
        return True  # a one-part listed name is one shared part when the applicant has more
    # Listed parts that one part of a person's name holds, joined ("Abdulaziz" for "AZIZ,
    # Abdul"), are one name: one shared part, when the applicant has more.
    return (
        person
        and len({(link.applicant.start, link.applicant.end) for link in informative}) == 1
        and informative[0].applicant.width == 1
        and more
    )


def _shared_languages(chosen: list[Link], nationality: frozenset[str] | None) -> frozenset[str]:
    """The languages every transliterated link reads in (of the entry's, when it has some);
    ``{""}`` when no link is a transliteration."""
    language_sets = [
        link.languages & nationality if nationality else link.languages for link in chosen if link.languages
    ]
    return frozenset.intersection(*language_sets) if language_sets else frozenset({""})


def _hanja_in_korean(
    listed: NameForm, chosen: list[Link], languages: frozenset[str], nationality: frozenset[str] | None
) -> bool:
    """Han characters read in Korean against a listed Latin name that reads as Mandarin too:
    they agree in Korean only ("瑞" and "Ssu", both 서), and in Mandarin, the usual reading of
    Han characters, they differ (rui and si). The listed name may be either, unless the
    entry's nationality says it is Korean."""
    return (
        languages == {"Korean"}
        and (nationality is None or "Mandarin" in nationality)
        and "Mandarin" in listed.reading_languages
        and any(
            translit.script(link.applicant.text) == "han" and translit.script(link.listed.text) != "han"
            for link in chosen
            if link.languages
        )
    )


def _weak_partial(
    listed: NameForm,
    chosen: list[Link],
    methods: set[Method],
    used_listed: set[int],
    languages: frozenset[str],
    read_in_korean: bool,
) -> bool:
    """Tell whether a partial correspondence is too weak to report."""
    listed_weighty = sum(1 for part in listed.parts if part.weight > 0)
    loose_partial = listed_weighty >= 3 and sum(link.anchors for link in chosen) >= 2
    if (not methods <= DECISIVE_METHODS and not loose_partial) or not languages:
        return True  # part of a short name, and that only by sound or spelling: too weak to report
    if listed.family is not None and listed.family not in used_listed:
        return True  # given names without the family name: a different family
    return read_in_korean  # two thirds of Jong Pong Ju, say


def _middle_left_out(listed: NameForm, chosen: list[Link], used_listed: set[int]) -> list[int]:
    """The listed middle names a partial correspondence leaves out, when it has the first
    given name and the family name by a strong key (exactly, joined, transliterated,
    abbreviated): the name index can tell those."""
    middle = listed.middle_names
    if middle is None:
        return []
    strong = {
        index
        for link in chosen
        if link.method in _STRONG_METHODS
        for index in range(link.listed.start, link.listed.end)
    }
    if middle.first not in strong or not strong.intersection(middle.family):
        return []
    return [index for index in middle.names if index not in used_listed and index != listed.patronymic]


def _added_syllables(
    applicant: NameForm,
    chosen: list[Link],
    candidates: list[int],
    complete: bool,
    nationality: frozenset[str] | None,
) -> list[int]:
    """The applicant's parts, of those linked to nothing (``candidates``), that are another
    Chinese or Korean syllable beside a listed Chinese or Korean name (see
    :func:`_another_syllable`). Beside a listed name it covers whole, a Latin part is one
    when it is hyphenated to a linked part, or reads as a syllable of the entry's language;
    beside a listed part left uncovered, it is rather that part spelled otherwise ("Wan-Ken"
    for "Wang Ken")."""
    hyphenated: set[int] = set()
    of_nationality: frozenset[str] = frozenset()
    if complete:
        hyphenated = {
            applicant.parts[index].group
            for link in chosen
            for index in range(link.applicant.start, link.applicant.end)
        }
        if nationality and nationality <= SYLLABLE_LANGUAGES:
            of_nationality = nationality
    return [
        index for index in candidates if _another_syllable(applicant.parts[index], hyphenated, of_nationality)
    ]


def _scrambled(applicant: NameForm, listed: NameForm, chosen: list[Link], *, in_order: bool) -> bool:
    """Tell whether the parts come in an order that changes the given name: any order but
    the family name moved to the other end; in a Chinese or Korean name, also a family name
    in one hyphenated group with a given name ("Jeong-bong" cannot hold it)."""
    scrambled = not in_order and not _family_moved(
        [(link.listed.start, link.listed.end) for link in chosen], listed.family_end
    )
    family = listed.family
    if family is None or scrambled:
        return scrambled
    groups_of_family = {
        applicant.parts[index].group
        for link in chosen
        if link.listed.start <= family < link.listed.end
        for index in range(link.applicant.start, link.applicant.end)
    }
    return any(
        applicant.parts[index].group in groups_of_family
        for link in chosen
        if not link.listed.start <= family < link.listed.end
        for index in range(link.applicant.start, link.applicant.end)
    )


def _left_out(listed: NameForm, used_listed: set[int]) -> tuple[str, ...]:
    """The listed parts a complete correspondence leaves out (titles, particles, legal forms)."""
    return tuple(part.text for index, part in enumerate(listed.parts) if index not in used_listed)


#: Parts that mark a name as Arabic: the article, and "son of", "daughter of".
_ARABIC_PARTICLES = frozenset({"al", "el", "ibn", "bin", "bint"})


def _chain_shifted(applicant: NameForm, listed: NameForm, chosen: list[Link], linked: set[int]) -> str:
    """The applicant's given name before a listed chain of names (:attr:`NameForm.chain_start`)
    that begins at the applicant's second given name, when it links to nothing; "" otherwise.
    "Yasser Sabawi Ibrahim Hasan" is the son of the listed Sabawi Ibrahim Hassan, by the
    Arabic chain of names. Such an alignment is for review, never a match."""
    start = listed.chain_start
    link = next(
        (link for link in chosen if start is not None and link.listed.start <= start < link.listed.end), None
    )
    if link is None:
        return ""
    before = [index for index in range(link.applicant.start) if applicant.parts[index].named]
    return applicant.parts[before[-1]].text if before and before[-1] not in linked else ""


def _another_syllable(part: Part, hyphenated: set[int], languages: frozenset[str]) -> bool:
    """Tell whether an applicant's part beyond a listed Chinese or Korean name changes that name.

    Chinese and Korean names have no middle names: a Han or Hangul part beside a listed
    "Xu Bin" or "Ryu Jin" is another syllable of the given name or another family name
    ("斌 莉 徐" is Xu Binli; "유진 박" is Park Yu-jin). In Latin letters the same test would
    also catch middle names and titles of other names that look alike ("Nguyen Van Minh", the
    Burmese "U Khin Maung", "John Top Lam Tut"), which do not hide a listed name, so a Latin
    part counts as a middle name, unless it is hyphenated to a linked part (its group is
    among ``hyphenated``: "Young-Chol" is no "Chol") or reads as a syllable of ``languages``,
    the entry's when its nationality is Chinese or Korean only ("KIM, Hak Song" is no "KIM,
    Song"). Titles (先生, 동지), which weigh nothing, do not count.
    """
    return part.weight > 0 and (
        translit.script(part.text) in {"han", "hangul"}
        or part.group in hyphenated
        or bool(languages and _syllable_counts(part.text, languages))
    )


def _latin_parts(left: Run, right: Run) -> bool:
    """Tell whether two runs are single parts in Latin letters."""
    return (
        left.width == right.width == 1
        and translit.script(left.text) == "latin"
        and translit.script(right.text) == "latin"
    )


def _sound_alike(link: Link, *, outside: bool) -> Link:
    """A link of two Latin parts through their Korean reading, in a name that is no Korean one,
    said for what it is: spellings that sound alike ("Osama" and "Usama", "Rasheed" and
    "Rashid", "Abboud" and "Aboud"), which the sound classes that romanized Korean is read
    with merge (see screening.translit.korean). ``outside``: the listed name does not read in
    Korean throughout, so the link cannot decide a match."""
    reasons = (Reason.of(Code.SOUND_ALIKE_SPELLINGS, language="Korean"), *_look_alike_note(link.applicant))
    if outside:
        reasons += (Reason.of(Code.SOUND_ALONE),)
    return attrs.evolve(link, choices=(reasons,), outside=link.outside or outside)


def _outside(link: Link) -> Link:
    """The link, marked as a reading in a language the listed name is not written in."""
    return _undecisive(link, Code.NOT_THROUGHOUT)


def _undecisive(link: Link, code: Code) -> Link:
    """The link, marked as one that holds but cannot decide a match, a reason of ``code``
    (with the language of each choice, when it needs one) saying why."""
    choices = tuple(
        (
            *choice,
            Reason.of(code, language=_language(choice)) if code is Code.NOT_THROUGHOUT else Reason.of(code),
        )
        for choice in link.choices
    )
    return attrs.evolve(link, choices=choices, outside=True)


def _by_surname_spelling_only(left: Run, right: Run) -> bool:
    """Tell whether two single parts read alike only as a family name spelled otherwise, by
    one that is a pinyin syllable too ("Tong", the Cantonese spelling of Tang but the pinyin
    tong; "Hui", of Xu but the pinyin hui): a match needs more than that."""
    if left.width != 1 or right.width != 1:
        return False
    found = []
    for text in (left.text, right.text):
        readings = translit.readings(text)
        # It is a pinyin syllable at face value too ("wong", none, is Wang as surely as "hsu"
        # is Xu; "yuen" is pinyin only as two syllables, never a family name).
        ambiguous = any("pinyin" in r.systems and len(r.keys) == 1 for r in readings)
        found.append(
            (
                {r.keys for r in readings},
                {r.keys for r in readings if r.system != SURNAME_SPELLING},
                ambiguous,
            )
        )
    (left_all, left_plain, left_ambiguous), (right_all, right_plain, right_ambiguous) = found
    if left_plain & right_plain or not left_all & right_all:
        return False
    # Shared through a table reading: of the left part (against the right's plain readings) or the reverse.
    return (left_ambiguous and bool((left_all - left_plain) & right_all)) or (
        right_ambiguous and bool((right_all - right_plain) & left_all)
    )


def _surname(run: Run) -> bool:
    """Tell whether a run is one part that is a known Chinese or Korean family name."""
    return run.width == 1 and translit.surname_share(run.text) >= FAMILY_NAME_SHARE


def _family_index(parts: tuple[Part, ...]) -> int | None:
    """The index of a name's family name, when an end part is a known Chinese or Korean one."""
    if len(parts) < 2:
        return None
    ends = (0, len(parts) - 1)
    shares = [
        max(translit.surname_share(parts[i].text), translit.surname_share(parts[i].latin[0])) for i in ends
    ]
    best = max(range(2), key=lambda i: shares[i])
    return ends[best] if shares[best] >= FAMILY_NAME_SHARE else None


def _family_moved(spans: list[tuple[int, int]], family: int | None) -> bool:
    """Tell whether the listed parts linked (``spans``, in the applicant's order) are in the
    listed order once the family name moves to the other end: the listed family name
    (``family``) alone, when the listed name has a known one ("Kwang Jin Kim" for Kim Kwang
    Jin, not "Jin Kim Kwang"); else any first or last parts, as a family name of two parts
    or more ("Joaquin Archivaldo Guzman Loera" for GUZMAN LOERA, Joaquin Archivaldo): the
    listed order, rotated."""
    starts = [start for start, _end in spans]
    if family is None:
        descents = sum(1 for a, b in itertools.pairwise(starts) if a > b)
        return descents == 0 or (descents == 1 and starts[-1] < starts[0])
    if family == 0:  # written last
        return spans[-1] == (0, 1) and _ascending(starts[:-1])
    return spans[0] == (family, family + 1) and _ascending(starts[1:])  # the last part, written first


def _ascending(numbers: list[int]) -> bool:
    return all(a < b for a, b in itertools.pairwise(numbers))


_WEAKEST_FIRST = (
    Method.INITIAL,
    Method.FUZZY,
    Method.PHONETIC,
    Method.OCR,
    Method.SPELLING,
    Method.TRANSLITERATION,
    Method.ABBREVIATION,
    Method.JOINED_TOKENS,
)


def _summary_method(methods: set[Method], *, complete: bool, in_order: bool, same: bool) -> Method:
    if not complete:
        return Method.PARTIAL
    for method in _WEAKEST_FIRST:
        if method in methods:
            return method
    if not in_order:
        return Method.TOKEN_ORDER
    return Method.EXACT if same else Method.NORMALIZED
