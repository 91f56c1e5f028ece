"""Names prepared for comparison: their parts, runs and readings, and the words that weigh little.

A name is prepared once (:func:`name_forms`): tokens (:mod:`screening.names`), look-alike
letters of other scripts read as Latin, Han and Hangul names split into family and given name,
titles and quoted nicknames set aside. Each part weighs its length in Latin letters, less for
common name parts (a surname borne by 5% of people or more weighs 40% of its length; see
:func:`screening.translit.population_share`) and little for legal forms and particles. A run of
up to three adjacent parts may stand for one part of another name (``Kwang Jin``,
``Kwang-jin`` and ``Kwangjin``). The vocabulary (titles, legal forms, East Slavic names, ...)
is read from the package's data tables (:mod:`screening._data`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import attrs

from screening import names, translit
from screening._data import pairs, table
from screening._tuning import (
    COMMON_NAME_FACTOR,
    COMMON_NAME_SHARE,
    FAMILY_NAME_SHARE,
    LEGAL_FORM_LETTERS,
    LOW_INFORMATION_FACTOR,
    MAX_JOINED_READINGS,
    MAX_RUN,
)
from screening.models import Method
from screening.phonetics import spelling_skeleton
from screening.translit import arabic
from screening.translit.chinese import one_system

#: Methods that link single parts only: a loose link between joined parts proves little (a
#: spelling may link joined parts, within limits: see _link).
_SINGLE_PART_METHODS = frozenset({Method.OCR, Method.PHONETIC, Method.FUZZY, Method.INITIAL})
#: The languages whose syllables a Chinese or Korean name is read in, together and each alone.
SYLLABLE_LANGUAGES = frozenset({"Mandarin", "Korean"})
#: Methods that can decide a match.
DECISIVE_METHODS = frozenset(
    {Method.EXACT, Method.JOINED_TOKENS, Method.TRANSLITERATION, Method.ABBREVIATION, Method.OCR}
)
#: Methods of links through strong keys (see run_keys): all the decisive ones but OCR.
_STRONG_METHODS = DECISIVE_METHODS - {Method.OCR}

#: Titles and generational suffixes set aside when a name has other parts (data/titles.tsv).
TITLES = frozenset(word for word, kind in table("titles.tsv") if kind != "honorific")
#: Honorifics set aside in an applicant's name ("Mullah Gul Agha", "Haji Faizullah Noor"):
#: a list writes them as part of the name it lists (HAJI KHAIRULLAH, IBRAHIM, Haji), and a
#: listed name without them would be shorter than the list's.
HONORIFICS = frozenset(word for word, kind in table("titles.tsv") if kind == "honorific")
_APPLICANT_ASIDE = TITLES | HONORIFICS
#: "Son of" in an Arabic chain of names written in Latin letters ("Othman bin Ahmed bin
#: Othman"): between two parts of an applicant's name that is not Chinese or Korean in shape
#: (Bin is a Chinese given name too, and Ben an English one at an end), it weighs nothing, as
#: an honorific does; "ibn" is a particle anywhere (low_information.tsv).
_CHAIN_LINKS = frozenset({"bin", "ben"})
#: Conjunctions that an applicant writes out where lists write "&", which no name keeps
#: ("Smile Property and Travel" for SMILE PROPERTY & TRAVEL): between two parts of an
#: applicant's name they weigh nothing.
_CONJUNCTIONS = frozenset({"and", "und", "et"})
#: Generational suffixes: a listed one that the applicant leaves out is no other name, but
#: a different one the applicant gives is another generation ("Sr" for the listed "Jr").
_GENERATIONS = frozenset(word for word, kind in table("titles.tsv") if kind == "generation")
#: Quoted or bracketed nicknames: "Danny", “Danny”, 'Danny', (Danny), «Danny», 「Danny」.
_NICKNAME = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|「[^」]*」|\([^)]*\)")
#: Single quotes are left alone: Arabic names romanize the ayn as an apostrophe ('Abd al-Muhsin).

#: Legal forms of organizations: each spelling to the canonical form that its abbreviations and
#: translations share (data/legal_forms.tsv).
LEGAL_FORMS = {spelling: form for spelling, form, _kind in table("legal_forms.tsv")}
#: Legal forms that tell one kind of company from another (limited, joint stock, incorporated,
#: partnership; not "company", which any may be called), each to its kind.
LEGAL_FORM_KINDS = {spelling: kind for spelling, _form, kind in table("legal_forms.tsv") if kind != "company"}
#: Written abbreviations of given names and of words of organizations' names ("Mohd", "SHPG"), by
#: the skeleton of the word written out (:func:`~screening.phonetics.spelling_skeleton`;
#: data/name_abbreviations.tsv).
NAME_ABBREVIATIONS = pairs("name_abbreviations.tsv")
#: Spellings of the words of Arabic names (Abu, Bin, Ould, Abd) to their usual spelling
#: (data/name_particles.tsv).
NAME_PARTICLES = pairs("name_particles.tsv")
#: Numbers written in words to their digits ("five": "5", "seventh": "7th"; data/numbers.tsv).
NUMBER_WORDS = pairs("numbers.tsv")
#: East Slavic given names in their Russian, Ukrainian and Belarusian forms, each in the usual
#: romanizations, the Russian spelling first (data/east_slavic_names.tsv).
_EAST_SLAVIC_NAMES = table("east_slavic_names.tsv")
#: Each spelling of :data:`_EAST_SLAVIC_NAMES` to the name's first (Russian) spelling.
NAME_FORMS = {spelling: forms[0] for forms in _EAST_SLAVIC_NAMES for spelling in forms}
#: Common Arabic and Persian given names: each Latin spelling to the name's usual one
#: ("mohammed" and "mohamad" to "muhammad"; data/arabic_given_names.tsv).
ARABIC_NAMES = {
    spelling: spellings[0] for spellings in table("arabic_given_names.tsv") for spelling in spellings
}
#: The same names as Arabic script writes them: each spelling, its letters read as Arabic ones
#: (:func:`~screening.translit.arabic.letters`), to the name's usual Latin spelling ("عیسی" and
#: "عيسى" to "isa"; data/arabic_script_names.tsv).
ARABIC_SCRIPT_NAMES = {
    arabic.letters(spelling): row[0] for row in table("arabic_script_names.tsv") for spelling in row[1:]
}
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
    #: What later stages derive from the form and keep with it, such as its runs' link keys
    #: (see screening._rules.listed_keys); not part of its value.
    memo: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @property
    def normalized(self) -> str:
        """The parts joined by spaces."""
        return " ".join(part.text for part in self.parts)

    @property
    def weight(self) -> float:
        """The parts' weights added up."""
        return sum(part.weight for part in self.parts)

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
        """Where the chain of names of an Arabic name begins (the nasab), in a name with an
        Arabic article or "ibn": written "SURNAME, Personal Father Grandfather", three given
        names or more after the comma, no particles or titles counted; written "Personal
        Father Grandfather AL-SURNAME", four names or more, the first of them no particle.
        None for other names (Burmese names have as many parts, and no chain)."""
        if not any(part.text in _ARABIC_PARTICLES for part in self.parts):
            return None
        start = _given_start(self.original)
        if start is None:
            if not self.parts[0].named or sum(1 for part in self.parts if part.named) < 4:
                return None
            return 0
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
    def family_names(self) -> tuple[int, ...]:
        """The parts (by index) of the family name of a name written "FAMILY, Given"
        (besides particles and titles); none for other names."""
        start = _given_start(self.original)
        return () if start is None else _family_parts(self.parts, start)


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
    family = _family_parts(parts, start)
    given = [index for index in range(start, len(parts)) if parts[index].named]
    if not family or len(given) < 2 or given[-1] >= MIDDLE_NAMES_TRACKED or _syllabic_name(parts):
        return None
    return MiddleNames(given[0], family, tuple(given[1:]))


def _family_parts(parts: tuple[Part, ...], start: int) -> tuple[int, ...]:
    """The family name's parts (by index, besides particles and titles) of a name written
    "FAMILY, Given" whose given names begin at part ``start``."""
    return tuple(index for index in range(min(start, len(parts))) if parts[index].named)


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


def partial_allowed(parts: tuple[Part, ...], *, person: bool) -> bool:
    """Tell whether part of a listed name with these parts may be scored by what the applicant
    gives (the aligner's partial name, which the name index bounds too): a name of three names
    or more (two linked, one left out), a person's or an organization's ("Ansar al-Sharia" for
    ANSAR AL-SHARI'A IN TUNISIA), and no Chinese or Korean person's, whose syllables are read,
    so that a part left out is another given name."""
    named = sum(1 for part in parts if part.named)
    return named >= 3 and not (person and (_family_index(parts) is not None or _syllabic_name(parts)))


def _syllables_throughout(parts: tuple[Part, ...]) -> bool:
    """Tell whether every part of a name reads as one or two syllables, in a language all of
    its parts read in: a Chinese or Korean name in shape."""
    return bool(_reading_languages_of(parts)) and all(_syllable_counts(part.text) for part in parts)


#: Parts of a name whose middle names are counted: the parts the name index tracks one by one.
MIDDLE_NAMES_TRACKED = 29


#: The given name that most men of Arabic, Persian, Pakistani and Afghan names bear, first or
#: beside others: Muhammad, in any spelling, in Latin letters or Arabic script, written out or
#: abbreviated (Mohd). It weighs as a common name does (COMMON_NAME_SHARE): given or left
#: out, it says little about who is named ("Ali Mohammed Kony" is ALI KONY more than ALI
#: MOHAMED RAGE).
_COMMONEST_GIVEN_NAME = "muhammad"
#: Its spelling skeleton, as the abbreviations table writes the names written out.
_COMMONEST_SKELETON = spelling_skeleton(_COMMONEST_GIVEN_NAME)


def given_name(text: str, latin: str) -> str | None:
    """The usual Latin spelling of the Arabic or Persian given name a part writes, in Latin
    letters (:data:`ARABIC_NAMES`; "p" read as "f" too, as Indonesian and Malay write ف:
    "Yusup" is Yusuf) or in Arabic script (:data:`ARABIC_SCRIPT_NAMES`); None for others."""
    if translit.script(text) == "arabic":
        return ARABIC_SCRIPT_NAMES.get(arabic.letters(text))
    return ARABIC_NAMES.get(latin) or ARABIC_NAMES.get(latin.replace("p", "f"))


def _commonest_given_name(part: str, latin: str) -> bool:
    """Tell whether a part is :data:`_COMMONEST_GIVEN_NAME` in one of its spellings (an
    abbreviation only in Latin letters)."""
    if given_name(part, latin) == _COMMONEST_GIVEN_NAME:
        return True
    return translit.script(part) != "arabic" and NAME_ABBREVIATIONS.get(latin) == _COMMONEST_SKELETON


def _weight(part: str, latin: tuple[str, ...]) -> float:
    share = max(translit.population_share(part), translit.population_share(latin[0]) if latin else 0.0)
    if _commonest_given_name(part, latin[0] if latin else part):
        share = max(share, COMMON_NAME_SHARE)
    factor = 1 - (1 - COMMON_NAME_FACTOR) * min(1.0, share / COMMON_NAME_SHARE)
    if part in LEGAL_FORMS:
        return LEGAL_FORM_LETTERS * LOW_INFORMATION_FACTOR
    if part in LOW_INFORMATION:
        factor = LOW_INFORMATION_FACTOR
    return max(1, len(latin[0] if latin and latin[0] else part)) * factor


def _part(token: str, group: int) -> Part:
    text, latin, weight, notes = _token_part(token)
    return Part(text=text, latin=latin, weight=weight, notes=notes, group=group)


@functools.lru_cache(maxsize=8192)
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


def _parts(groups: tuple[tuple[str, ...], ...], *, applicant: bool = False) -> tuple[Part, ...]:
    """The parts of a name's token groups: Han and Hangul names split into family and given
    name, titles (and in an ``applicant``'s name, :data:`HONORIFICS`, the "son of" of a
    chain of names, :data:`_CHAIN_LINKS`, and the conjunctions written for "&",
    :data:`_CONJUNCTIONS`) weighing nothing unless the name is all titles."""
    aside = _APPLICANT_ASIDE if applicant else TITLES
    split: list[tuple[str, int]] = []
    for number, group in enumerate(groups):
        for token in group:
            pieces = (token,) if token in TITLES else translit.split_family_name(token)
            # A Han or Hangul name split into family and given name: two groups.
            split += [(piece, number * 2 + (index > 0)) for index, piece in enumerate(pieces)]
    parts = tuple(_part(token, group) for token, group in split)
    # Titles and suffixes stay linkable ("II" may be a scanned "Il") but weigh nothing.
    weightless = (
        {index for index, part in enumerate(parts) if part.text in aside}
        if any(part.text not in aside for part in parts)
        else set()
    )
    if applicant:
        inside = {index for index in range(1, len(parts) - 1) if parts[index].text in _CHAIN_LINKS}
        if inside and not _syllabic_name(parts):
            weightless |= inside
        weightless |= {index for index in range(1, len(parts) - 1) if parts[index].text in _CONJUNCTIONS}
    return tuple(
        attrs.evolve(part, weight=0.0) if index in weightless else part for index, part in enumerate(parts)
    )


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


@functools.lru_cache(maxsize=8192)
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


@functools.lru_cache(maxsize=8192)
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


def name_forms(name: str, *, person: bool = True, applicant: bool = False) -> tuple[NameForm, ...]:
    """Prepare a name: the name without quoted nicknames first (unless only legal forms,
    particles and titles remain: then the quoted part is the name), for an applicant's name
    each quoted or bracketed name of two names or more alone (another writing of the name,
    :func:`_bracketed_names`), then the name as written.

    ``person``: the name is a person's (as an applicant's is), whose family name may be moved
    from one end to the other when the name is written as one word; an organization's is not,
    and its letters written with dots are one word (see :func:`name_parts`). ``applicant``:
    the name is an applicant's, whose honorifics weigh nothing (:data:`HONORIFICS`).

    Raises:
        InvalidNameError: the name has nothing to compare.
    """
    return tuple(
        [_form(name, parts, person) for parts in name_parts(name, person=person, applicant=applicant)]
    )


#: Letters each followed by a dot ("T.M.G.", "S.A", "O.O.O."): in an organization's name, an
#: acronym or a legal form written with dots, one word ("TMG", "SA").
_DOTTED_LETTERS = re.compile(r"(?<!\w)[^\W\d_](?:\.[^\W\d_])+\.?(?!\w)")


def _undotted(name: str) -> str:
    """The name with its letters written with dots written as one word ("T.M.G." as "TMG")."""
    return _DOTTED_LETTERS.sub(lambda found: found.group().replace(".", ""), name)


#: Letters an acronym has: fewer are too many organizations' initials.
ACRONYM_LETTERS = range(3, 11)
#: An applicant's name that may be an acronym: capital Latin letters, with dots or without
#: ("IRGC", "I.R.G.C.").
_ACRONYM = re.compile(r"(?:[A-Z]\.?){3,10}")


def organization_acronyms(name: str) -> frozenset[str]:
    """The acronyms an organization's name may be written as, in lowercase: the initials of
    all its words ("PDVSA", Petroleos de Venezuela S.A., its dotted letters each a word or
    not), of its words but articles, particles and conjunctions ("PFLP", Popular Front for the
    Liberation of Palestine; "NIOC", National Iranian Oil Company), and of its names alone,
    legal forms left out too. Only those of :data:`ACRONYM_LETTERS` letters."""
    words = names.tokens(_undotted(name))
    found = {
        "".join(word[0] for word in names.tokens(name)),  # each dotted letter too: S.A. is "sa"
        "".join(word[0] for word in words),
        "".join(word[0] for word in words if word not in LOW_INFORMATION or word in LEGAL_FORMS),
        "".join(word[0] for word in words if word not in LOW_INFORMATION),
    }
    return frozenset(acronym for acronym in found if len(acronym) in ACRONYM_LETTERS)


def applicant_acronym(name: str) -> str:
    """The acronym an applicant's name is, in lowercase ("IRGC", "I.R.G.C." are "irgc"):
    capital Latin letters alone, and no Chinese or Korean name ("KIM", a surname, is never
    taken for initials); "" for any other name."""
    written = name.strip()
    if not _ACRONYM.fullmatch(written):
        return ""
    acronym = written.replace(".", "").lower()
    return "" if translit.population_share(acronym) > 0 or acronym in TITLES else acronym


def name_parts(name: str, *, person: bool = True, applicant: bool = False) -> tuple[tuple[Part, ...], ...]:
    """The parts of each of a name's forms (:func:`name_forms`), without their runs. In an
    organization's name (``person`` false), letters written with dots are one part ("T.M.G.
    ENGINEERING LIMITED" is "tmg engineering limited", "S.A. DE C.V." is "sa de cv"); in a
    person's they are initials.

    Raises:
        InvalidNameError: the name has nothing to compare.
    """
    if not person:
        name = _undotted(name)
    whole = names.token_groups(name)
    without = _NICKNAME.sub(" ", name)
    found = []
    if without != name and names.is_valid(without):
        parts = _parts(names.token_groups(without), applicant=applicant)
        # What is quoted is the name when only legal forms, particles and titles remain
        # without it (OOO "BAIKAL"): no form leaves it out.
        if any(part.named and part.latin[0] not in LOW_INFORMATION for part in parts):
            found.append(parts)
        if applicant:
            found += _bracketed_names(name)
    found.append(_parts(whole, applicant=applicant))
    return tuple(found)


def _bracketed_names(name: str) -> list[tuple[Part, ...]]:
    """The parts of each name an applicant's name gives in brackets or quotes that is a name of
    its own, of two names or more: another writing of the name ("أنصار الشريعة (Ansar al
    Charia)", "Wang Zhenxing (王振兴)"), compared alone as well. A one-word nickname ("Danny")
    alone is one shared part at most, so it makes no form of its own."""
    found = []
    for quoted in _NICKNAME.finditer(name):
        inner = quoted.group()[1:-1]
        if names.is_valid(inner):
            parts = _parts(names.token_groups(inner), applicant=True)
            if sum(part.named for part in parts) >= 2:
                found.append(parts)
    return found


def name_form(name: str, *, person: bool = True, applicant: bool = False) -> NameForm:
    """Prepare a name as written (see :func:`name_forms`)."""
    return name_forms(name, person=person, applicant=applicant)[-1]


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


#: Parts that mark a name as Arabic: the article, and "son of", "daughter of".
_ARABIC_PARTICLES = frozenset({"al", "el", "ibn", "bin", "bint"})


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
