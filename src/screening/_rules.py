"""The link rules: when two runs of parts name the same thing, and the keys that find them.

Each rule is one :class:`Rule` of :data:`RULES`: its test (a :class:`Pair` of runs to the link
it makes, or None), its keys (two runs it links share one: the name index files listed runs
under them and looks them up for an applicant's) and its bound (the most similarity its links
have, which the index bounds a listed part reached through its keys by). Adding a rule means
adding one unit to :data:`RULES`; the aligner (:func:`_token_link`) and the index
(:func:`run_keys`, :data:`LOOSE_BOUND`) iterate over them, and ``tests/test_rules.py`` checks
that every link is between runs that share one of its rule's keys.

Two runs are linked by the first rule that holds:

* **exact**: the same text; **joined tokens**: the same letters, joined or split;
* **legal form** and **abbreviation**: one legal form or one given name written two ways;
* **transliteration**: a shared reading in Mandarin or Korean syllables, one East Slavic name
  form, one Arabic name with its article, or the same Latin spelling of two scripts (``Chou``
  and ``Zhou``, ``김`` and ``Kim``, ``Jeong`` and ``Jong``);
* **particle spelling**: one word of Arabic names spelled two ways (``Abou`` and ``Abu``, ``Ben``
  and ``Bin``, ``Ould`` and ``Walad``; data/name_particles.tsv);
* **kana**, **doubled letters** and **spelling skeleton**: spellings of one name;
* **ocr**: equal once characters that scans and fonts confuse are folded (``II`` and ``Il``,
  ``K1m`` and ``Kim``): a disguise, so it counts like a transliteration;
* **phonetic**: the same Metaphone key, parts of 4 or more letters, Jaro-Winkler at least 0.8;
* **fuzzy**: a Damerau-Levenshtein distance of 1 (2 for 8 or more letters), 4 or more letters;
  in a Chinese or Korean name, 1 from a listed syllable of 2 or 3 letters for a part that reads
  as no syllable (:func:`misspelled_syllable`), while parts that read as other syllables are
  other names, however alike; and a part that reads as no syllable, one letter from two
  listed syllables of a Chinese or Korean name joined ("Kwangjn" for "Kwang Jin",
  :func:`joined_syllables`);
* **initial**: a single letter and a part it begins;
* **loose spelling**: parts of 5 or more letters whose spelling skeletons agree though the
  letters are far apart ("Obeida" and "Ubaydah"), or are one letter apart ("Mohmed" and
  "Mohammed"), not in a Chinese or Korean name: review at most.

Only an initial and a two-letter difference between long parts leave no key
(:attr:`Rule.keyless`): the index allows for them by rule.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Container, Iterable
from typing import cast

import attrs
import jellyfish

from screening import translit
from screening._forms import (
    LEGAL_FORMS,
    LOW_INFORMATION,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NUMBER_WORDS,
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
    given_name,
    run_readings,
)
from screening._tuning import (
    ARABIC_CONSONANT_SIMILARITY,
    FUZZY_LENGTH,
    INITIAL_H_LENGTH,
    JOINED_MISSPELLING_LENGTH,
    LONG_SKELETON,
    LONG_SKELETON_JARO_WINKLER,
    LOOSE_SKELETON_LENGTH,
    LOOSE_SPELLING_JARO_WINKLER,
    LOOSE_SPELLING_SIMILARITY,
    MIN_LOOSE_SYLLABIC,
    MISSPELLING_SIMILARITY,
    OCR_LENGTH,
    PHONETIC_LENGTH,
    PHONETIC_MIN_JARO_WINKLER,
    SHORT_UNDOUBLED,
    SIMILARITY,
    SKELETON_LENGTH,
    SYLLABLE_TYPO_LENGTH,
    TWO_LETTER_LENGTH,
    WORD_ROOT_LENGTH,
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
from screening.translit import arabic

_EACH_LANGUAGE = tuple(frozenset({language}) for language in sorted(SYLLABLE_LANGUAGES))
#: What a Jaro-Winkler similarity may fall short of its exact value by rounding.
_JARO_WINKLER_SLACK = 1e-9


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


def _abbreviated(text: str) -> str:
    """The written-out skeleton of a name that has a usual abbreviation, for the name
    abbreviated (:data:`NAME_ABBREVIATIONS`) or written out in any spelling; "" otherwise."""
    if text in NAME_ABBREVIATIONS:
        return NAME_ABBREVIATIONS[text]
    skeleton = spelling_skeleton(text)
    return skeleton if skeleton in _ABBREVIATED_SKELETONS else ""


_ABBREVIATED_SKELETONS = frozenset(NAME_ABBREVIATIONS.values())


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


class Pair:
    """Two runs a link rule compares, an applicant's (``left``) and a listed one (``right``),
    with what several rules look at worked out once.

    ``syllabic``: the listed name is a Chinese or Korean one (it ends in a known family name),
    whose short parts of as many syllables are other syllables, never misspellings of each
    other; ``languages``: the languages its syllables are read in (a Chinese name's in
    Mandarin: "Jig", a Korean syllable, is no Mandarin one).
    """

    def __init__(
        self,
        left: str,
        left_latin: tuple[str, ...],
        right: str,
        right_latin: tuple[str, ...],
        left_pieces: tuple[str, ...],
        right_pieces: tuple[str, ...],
        syllabic: bool,
        languages: frozenset[str],
    ) -> None:
        self.left, self.left_latin, self.left_pieces = left, left_latin, left_pieces
        self.right, self.right_latin, self.right_pieces = right, right_latin, right_pieces
        self.syllabic, self.languages = syllabic, languages
        #: The first Latin spellings, which the spelling rules compare.
        self.a, self.b = left_latin[0], right_latin[0]
        #: Whether either run joins parts.
        self.joined = bool(left_pieces or right_pieces)

    @functools.cached_property
    def spelled(self) -> bool:
        """Whether the spelling rules may compare the runs: neither is written in Han or Hangul
        characters (read exactly: another character is another name), and the applicant's
        spelling is letters and digits."""
        scripts = {translit.script(self.left), translit.script(self.right)}
        return not scripts & {"han", "hangul"} and self.a.isalnum() and bool(self.b)

    @functools.cached_property
    def shortest(self) -> int:
        """The letters of the shorter first spelling."""
        return min(len(self.a), len(self.b))

    @functools.cached_property
    def doubled(self) -> bool:
        """Whether two short spellings differ only in doubled letters ("Saad" and "Sad", "Hajj"
        and "Haj"), which the skeleton rule leaves to parts of 5 letters or more."""
        short = _short_undoubled(self.a) if self.shortest < SKELETON_LENGTH else ""
        return bool(short) and short == _short_undoubled(self.b)

    @functools.cached_property
    def other_syllable_names(self) -> bool:
        """Whether the runs are parts of a Chinese or Korean name that are other names however
        alike they are spelled or sound (:func:`_other_syllable_names`)."""
        return self.syllabic and _other_syllable_names(self.left, self.right, self.shortest, self.languages)

    @functools.cached_property
    def alike(self) -> bool:
        """Whether the rules of spellings alike (skeleton, sound, a letter or two) may compare
        the runs: spelled, 4 letters or more, not only doubled letters apart, no other
        syllables of a Chinese or Korean name, and no Arabic name and its nisba ("محمد" and
        "محمدی", Muhammad and Mohammadi)."""
        return (
            self.spelled
            and self.shortest >= FUZZY_LENGTH
            and not self.doubled
            and not self.other_syllable_names
            and not arabic.nisba_of(self.left, self.right)
        )

    @functools.cached_property
    def similarity(self) -> float:
        """The Jaro-Winkler similarity of the first spellings."""
        return float(jellyfish.jaro_winkler_similarity(self.a, self.b))

    @functools.cached_property
    def floored(self) -> float:
        """The similarity with the slack that floors are compared with: Jaro-Winkler is a sum
        of fractions, and "muhsin" and "mohsen" come to 0.7999999999999999, not the 0.8 they are."""
        return self.similarity + _JARO_WINKLER_SLACK

    @functools.cached_property
    def least(self) -> float:
        """The least Jaro-Winkler similarity of spellings alike: lower for long parts."""
        return PHONETIC_MIN_JARO_WINKLER if self.shortest < LONG_SKELETON else LONG_SKELETON_JARO_WINKLER


class Keyed:
    """A run whose keys the link rules give: its text, Latin spellings, width and pieces, as an
    applicant's run or a listed one. ``readings``: the key tuples of its readings, when they are
    worked out otherwise than from the run (:func:`joined_keys`); ``parts_latin``: the first
    spellings of the two parts it joins, when known (their joined skeleton is quicker)."""

    def __init__(
        self,
        text: str,
        latin: tuple[str, ...],
        width: int,
        pieces: tuple[str, ...],
        *,
        listed: bool,
        readings: Iterable[tuple[str, ...]] | None = None,
        parts_latin: tuple[str, str] | None = None,
    ) -> None:
        self.text, self.latin, self.width, self.pieces, self.listed = text, latin, width, pieces, listed
        self._readings, self.parts_latin = readings, parts_latin
        #: Whether the run is a single part.
        self.single = width == 1

    @property
    def readings(self) -> Iterable[tuple[str, ...]]:
        """The key tuples of the run's readings (:func:`run_readings`)."""
        if self._readings is not None:
            return self._readings
        return (reading.keys for reading in run_readings(self.text, self.pieces))

    @functools.cached_property
    def script(self) -> str:
        return translit.script(self.text)

    @functools.cached_property
    def spelled(self) -> bool:
        """Whether the spelling rules may link the run: a single part not written in Han or
        Hangul characters, and an applicant's spelled in letters and digits."""
        return (
            self.single and self.script not in {"han", "hangul"} and (self.listed or self.latin[0].isalnum())
        )


#: A link rule's test: the link it makes of a pair, or None when it does not hold.
LinkTest = Callable[[Pair], "_TokenLink | None"]
#: A link rule's keys of a run: two runs it links share one.
KeyMaker = Callable[[Keyed], Iterable[str]]


@attrs.frozen
class Rule:
    """One link rule: its test, its keys and what it contributes to the name index's bound.

    Attributes:
        name: what it finds, for people.
        link: its test: the link of a pair, or None when it does not hold (the next rule is
            tried).
        keys: the keys of a run that any two runs it links share; none for a rule the index
            allows for by itself (:attr:`keyless`).
        strong: whether its keys are strong: the index counts a listed part reached through one
            fully; through a loose key, at :data:`LOOSE_BOUND`.
        most: the highest similarity its links have (the bound cannot be lower).
        keyless: links it makes between runs that share none of its keys (an initial, a
            two-letter difference between long parts): the index allows for them by rule.
        organizations: whether it links the words of organizations' names only (a person's
            "Williams" is no "William"): for other names it is passed over.
    """

    name: str
    link: LinkTest
    keys: KeyMaker
    strong: bool
    most: float
    keyless: str = ""
    organizations: bool = False


def _no_keys(run: Keyed) -> Iterable[str]:
    return ()


# -- The same name written otherwise (strong) ---------------------------------------------------


def _exact(pair: Pair) -> _TokenLink | None:
    if pair.left == pair.right:
        return Method.EXACT, 1.0, (Reason.of(Code.SAME_TEXT),)
    return None


def _text_keys(run: Keyed) -> Iterable[str]:
    # A Latin text is its own first spelling: "l:" stands for both.
    return ("l:" + run.text,) if run.text in run.latin else ("t:" + run.text,)


def _legal_form(pair: Pair) -> _TokenLink | None:
    form = LEGAL_FORMS.get(pair.left)
    if form is not None and form == LEGAL_FORMS.get(pair.right):
        reason = Reason.of(Code.SAME_LEGAL_FORM, form=form)
        return Method.ABBREVIATION, SIMILARITY[Method.ABBREVIATION], (reason,)
    return None


def _legal_form_keys(run: Keyed) -> Iterable[str]:
    return ("f:" + LEGAL_FORMS[run.text],) if run.text in LEGAL_FORMS else ()


def _number(pair: Pair) -> _TokenLink | None:
    number = NUMBER_WORDS.get(pair.left, pair.left)
    if number == NUMBER_WORDS.get(pair.right, pair.right) and (
        pair.left in NUMBER_WORDS or pair.right in NUMBER_WORDS
    ):
        reason = Reason.of(Code.SAME_NUMBER, number=number)
        return Method.ABBREVIATION, SIMILARITY[Method.ABBREVIATION], (reason,)
    return None


def _number_keys(run: Keyed) -> Iterable[str]:
    """A number in words has its digits (``n:5``), and so do digits that a word writes."""
    number = NUMBER_WORDS.get(run.text, run.text)
    return ("n:" + number,) if number in _NUMBERS_WRITTEN else ()


#: The numbers that :data:`NUMBER_WORDS` writes in words.
_NUMBERS_WRITTEN = frozenset(NUMBER_WORDS.values())


def _abbreviation(pair: Pair) -> _TokenLink | None:
    one_abbreviated = (pair.left in NAME_ABBREVIATIONS) != (pair.right in NAME_ABBREVIATIONS)
    if one_abbreviated and not pair.joined and _abbreviated(pair.left) == _abbreviated(pair.right):
        return Method.ABBREVIATION, SIMILARITY[Method.ABBREVIATION], (Reason.of(Code.ABBREVIATED),)
    return None


def _abbreviation_keys(run: Keyed) -> Iterable[str]:
    abbreviated = _abbreviated(run.text) if not run.pieces else ""
    return ("a:" + abbreviated,) if abbreviated else ()


def _reading(pair: Pair) -> _TokenLink | None:
    explained = _reading_link(pair.left, pair.right, pair.left_pieces, pair.right_pieces)
    if explained:
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], explained
    return None


def _reading_keys(run: Keyed) -> Iterable[str]:
    return ("r:" + " ".join(reading) for reading in run.readings)


def _east_slavic_form(pair: Pair) -> _TokenLink | None:
    form = _name_form_of(pair.left_latin)
    if form and form == _name_form_of(pair.right_latin) and not pair.joined:
        reason = Reason.of(Code.EAST_SLAVIC_FORM)
        if " of " in form:  # a patronymic
            reason = Reason.of(Code.EAST_SLAVIC_PATRONYMIC, form=form)
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], (reason,)
    return None


def _east_slavic_form_keys(run: Keyed) -> Iterable[str]:
    form = _name_form_of(run.latin) if not run.pieces else ""
    return ("n:" + form,) if form else ()


def _arabic_name(pair: Pair) -> _TokenLink | None:
    # "Mohammed" and "Muhammad" are one name, as close as a transliteration, where the
    # skeleton rule would call them a loose spelling variant (two names whose letters happen
    # to agree). Still a spelling, which decides no match: these names are the commonest on
    # the lists, and "Haji Mohamed Omar" is no OMAR, Mohammed. The same for the name written
    # in Arabic script ("عیسی" and "Issa"), which its consonants alone would leave to review
    # as one of many names, or not link at all ("علي", Ali, has one consonant).
    if pair.joined or pair.a == pair.b:
        return None
    left, right = given_name(pair.left, pair.a), given_name(pair.right, pair.b)
    if not left or left != right:
        return None
    scripts = {translit.script(pair.left), translit.script(pair.right)}
    code = Code.ARABIC_SCRIPT_NAME if "arabic" in scripts else Code.ARABIC_NAME
    return Method.SPELLING, SIMILARITY[Method.TRANSLITERATION], (Reason.of(code, name=left.capitalize()),)


def _arabic_name_keys(run: Keyed) -> Iterable[str]:
    name = given_name(run.text, run.latin[0]) if run.spelled and not run.pieces else None
    return ("g:" + name,) if name else ()


def _arabic_article(pair: Pair) -> _TokenLink | None:
    article = _article_form(pair.left_latin)
    if article and article == _article_form(pair.right_latin):
        reason = Reason.of(Code.ARABIC_ARTICLE, written=article)
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], (reason,)
    return None


def _arabic_article_keys(run: Keyed) -> Iterable[str]:
    article = _article_form(run.latin)
    return ("l:" + article,) if article else ()


def _same_latin(pair: Pair) -> _TokenLink | None:
    shared = set(pair.left_latin) & set(pair.right_latin)
    if shared and (pair.left not in pair.left_latin or pair.right not in pair.right_latin):
        reason = Reason.of(Code.SAME_LATIN, written=sorted(shared)[0])
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], (reason,)
    return None


def _latin_keys(run: Keyed) -> Iterable[str]:
    return ("l:" + spelling for spelling in run.latin)


def _particle(pair: Pair) -> _TokenLink | None:
    particle = NAME_PARTICLES.get(pair.a)
    if (
        particle is not None
        and pair.a != pair.b
        and particle == NAME_PARTICLES.get(pair.b)
        and not pair.joined
    ):
        reason = Reason.of(Code.PARTICLE_SPELLING, particle=particle)
        return Method.TRANSLITERATION, SIMILARITY[Method.TRANSLITERATION], (reason,)
    return None


def _particle_keys(run: Keyed) -> Iterable[str]:
    particle = NAME_PARTICLES.get(run.latin[0]) if run.single else None
    return ("p:" + particle,) if particle else ()


# -- Spellings of one name (loose) ------------------------------------------------------------


def _arabic_consonants(pair: Pair) -> _TokenLink | None:
    # Parts joined are compared as one word: "هدايت الله" and "Hidayatullah", "عبدالجبار"
    # and "Abdul Jabbar", "عبدالكريم" and "Abd al-Karim".
    if (
        not _arabic_joinable(pair.left_pieces)
        or not _arabic_joinable(pair.right_pieces)
        or {translit.script(pair.left), translit.script(pair.right)} != {"arabic", "latin"}
    ):
        return None
    shared = set(arabic.skeletons(pair.left)) & set(arabic.skeletons(pair.right))
    written, latin = (
        (pair.left, pair.right) if translit.script(pair.left) == "arabic" else (pair.right, pair.left)
    )
    if not shared or not arabic.vowels_agree(written, latin) or arabic.compound_end_alone(written, latin):
        return None
    reason = Reason.of(Code.ARABIC_CONSONANTS, skeleton=max(shared, key=len))
    return Method.SPELLING, ARABIC_CONSONANT_SIMILARITY, (reason,)


#: The most parts the Arabic consonants rule joins: a name, the article and a name.
_ARABIC_JOINED = 3


def _arabic_joinable(pieces: tuple[str, ...]) -> bool:
    """Tell whether a run's parts (none for a single part) may be compared by their Arabic
    consonants: one part, or up to :data:`_ARABIC_JOINED` that Arabic script may write as
    one word (:func:`arabic.joinable`)."""
    return not pieces or (len(pieces) <= _ARABIC_JOINED and arabic.joinable(pieces))


#: The prefixes of the Arabic consonants rule's keys: a listed part in Arabic script, in Latin
#: letters.
ARABIC_KEY_PREFIXES = ("aa:", "al:")


def _arabic_consonants_keys(run: Keyed) -> Iterable[str]:
    """A link needs Arabic script on one side and Latin letters on the other: a listed part is
    filed under its own script (``aa:`` Arabic, ``al:`` Latin) and an applicant's looks up the
    other, so that the Latin names of a Latin list never meet by their consonants. Parts
    joined have the keys of the word they make."""
    if not _arabic_joinable(run.pieces) or run.script not in {"arabic", "latin"}:
        return ()
    prefix = ARABIC_KEY_PREFIXES[0] if (run.script == "arabic") == run.listed else ARABIC_KEY_PREFIXES[1]
    return (prefix + skeleton for skeleton in arabic.skeletons(run.text))


def _kana(pair: Pair) -> _TokenLink | None:
    # Kana is compared by skeleton part by part: joined parts have no kana skeleton key.
    scripts = {translit.script(pair.left), translit.script(pair.right)}
    if pair.joined or "kana" not in scripts:
        return None
    left = {kana_skeleton(spelling) for spelling in pair.left_latin}
    if left & {kana_skeleton(spelling) for spelling in pair.right_latin} - {""}:
        return Method.SPELLING, SIMILARITY[Method.SPELLING], (Reason.of(Code.KANA),)
    return None


def _kana_keys(run: Keyed) -> Iterable[str]:
    """A kana link needs kana on one side: an applicant's kana part looks up both kinds of key
    (``kk:`` for kana, ``kl:`` for others) and any other part only ``kk:``; a listed part is
    filed under its own kind."""
    if not run.single:
        return
    for spelling in run.latin:
        skeleton = kana_skeleton(spelling)
        if not skeleton:
            continue
        if run.script == "kana":
            yield "kk:" + skeleton
            if not run.listed:
                yield "kl:" + skeleton
        else:
            yield ("kl:" if run.listed else "kk:") + skeleton


def _ocr(pair: Pair) -> _TokenLink | None:
    a, b = pair.a, pair.b
    if pair.spelled and pair.shortest >= 2 and a != b and translit.ocr_key(a) == translit.ocr_key(b):
        return Method.OCR, SIMILARITY[Method.OCR], (Reason.of(Code.SCANS_CONFUSE),)
    return None


def _ocr_keys(run: Keyed) -> Iterable[str]:
    spelling = run.latin[0]
    return ("o:" + translit.ocr_key(spelling),) if run.spelled and len(spelling) >= OCR_LENGTH else ()


def _initial(pair: Pair) -> _TokenLink | None:
    a, b = pair.a, pair.b
    if pair.spelled and len(a) == 1 and len(b) > 1 and b.startswith(a):
        return Method.INITIAL, SIMILARITY[Method.INITIAL], (Reason.of(Code.INITIAL),)
    return None


def _misspelled_syllable(pair: Pair) -> _TokenLink | None:
    if not (pair.spelled and pair.syllabic and 2 <= pair.shortest < FUZZY_LENGTH and not pair.doubled):
        return None
    a, b = pair.a, pair.b
    if (
        misspelled_syllable(pair.left, a, pair.languages)
        and syllable_part(pair.right, b)
        and _misspelling_of(a, b)
    ):
        reason = Reason.of(Code.MISSPELLED_SYLLABLE, syllables=_syllables_of(pair.languages))
        return Method.FUZZY, MISSPELLING_SIMILARITY, (reason,)
    return None


def _misspelled_syllable_keys(run: Keyed) -> Iterable[str]:
    """A short listed part that reads as Chinese or Korean syllables has its spelling (``y:``),
    which an applicant's part that reads as none has in each spelling one letter away
    (:func:`misspelling_keys`)."""
    if not run.spelled:
        return ()
    spelling = run.latin[0]
    if run.listed:
        return ("y:" + spelling,) if syllable_part(run.text, spelling) else ()
    if any(misspelled_syllable(run.text, spelling, language) for language in _EACH_LANGUAGE):
        return misspelling_keys(spelling)
    return ()


def _joined_misspelled_syllables(pair: Pair) -> _TokenLink | None:
    if not (pair.syllabic and not pair.left_pieces and len(pair.right_pieces) == 2):
        return None
    reason = _joined_misspelling(pair.left, pair.a, pair.right_pieces, pair.b, pair.languages)
    return (Method.FUZZY, MISSPELLING_SIMILARITY, (reason,)) if reason is not None else None


def _joined_misspelled_syllables_keys(run: Keyed) -> Iterable[str]:
    """A listed run of two syllables (:func:`joined_syllables`) has the one-letter keys of its
    joined spelling, which an applicant's part one letter from it has too."""
    if run.listed and not run.single and joined_syllables(run.pieces, run.latin[0]):
        return _one_letter_keys(run.latin[0])
    return ()


def _doubled_letters(pair: Pair) -> _TokenLink | None:
    if pair.spelled and pair.shortest >= 2 and pair.doubled and not pair.other_syllable_names:
        return Method.SPELLING, SIMILARITY[Method.SPELLING], (Reason.of(Code.DOUBLED_LETTERS),)
    return None


def _doubled_letters_keys(run: Keyed) -> Iterable[str]:
    short = _short_undoubled(run.latin[0]) if run.spelled else ""
    return ("c:" + short,) if short else ()


def _spelling_skeleton(pair: Pair) -> _TokenLink | None:
    a, b = pair.a, pair.b
    if not pair.alike or pair.shortest < SKELETON_LENGTH:
        return None
    # Parts with digits have no skeleton (""), which links nothing.
    shared = set(_skeletons(a)) & set(_skeletons(b)) - {""}
    if shared and max(pair.floored, _consonant_similarity(a, b) + _JARO_WINKLER_SLACK) >= pair.least:
        reason = Reason.of(Code.SPELLING_SKELETON, skeleton=min(shared))
        return Method.SPELLING, SIMILARITY[Method.SPELLING], (reason,)
    return None


def _skeletons(spelling: str) -> tuple[str, ...]:
    """The spelling skeleton of a part and, when it writes "th", its skeleton with "th" read
    "dh": the Arabic ذ is written th, dh, d or dd ("Ghathafi", "Qadhafi", "Gaddafi")."""
    skeleton = spelling_skeleton(spelling)
    if "th" in spelling:
        read = spelling_skeleton(spelling.replace("th", "dh"))
        if read != skeleton:
            return skeleton, read
    return (skeleton,)


def _spelling_skeleton_keys(run: Keyed) -> Iterable[str]:
    """The spelling skeletons of a part of 5 letters or more (:func:`_skeletons`), and of two
    parts joined that may link as a spelling of one name (:func:`_spelled_joined`)."""
    spelling = run.latin[0]
    if not run.single:
        if not _spelled_joined(run.pieces, len(spelling)):
            return ()
        parts = run.parts_latin
        skeleton = joined_skeleton(*parts) if parts else spelling_skeleton(spelling)
        return ("s:" + skeleton,) if skeleton else ()
    if not run.spelled or len(spelling) < SKELETON_LENGTH:
        return ()
    return tuple("s:" + skeleton for skeleton in _skeletons(spelling) if skeleton)


def _east_slavic_skeleton(pair: Pair) -> _TokenLink | None:
    # East Slavic names compared in their Russian-like spelling: "Zaitsau" and "Zaitsev".
    if not pair.alike:
        return None
    slavic = east_slavic_form(pair.a)
    other = east_slavic_form(pair.b) if slavic and pair.shortest >= SKELETON_LENGTH else ""
    slavic_skeleton = spelling_skeleton(slavic) if other else ""
    if (
        slavic_skeleton
        and slavic_skeleton == spelling_skeleton(other)
        and jellyfish.jaro_winkler_similarity(slavic, other) + _JARO_WINKLER_SLACK >= pair.least
    ):
        reason = Reason.of(Code.EAST_SLAVIC_SKELETON, skeleton=slavic_skeleton)
        return Method.SPELLING, SIMILARITY[Method.SPELLING], (reason,)
    return None


def _east_slavic_skeleton_keys(run: Keyed) -> Iterable[str]:
    spelling = run.latin[0]
    slavic = east_slavic_form(spelling) if run.spelled and len(spelling) >= SKELETON_LENGTH else ""
    return ("s:" + spelling_skeleton(slavic),) if slavic else ()


def _phonetic(pair: Pair) -> _TokenLink | None:
    key = metaphone_key(pair.a) if pair.alike else ""
    if key and key == metaphone_key(pair.b) and pair.floored >= PHONETIC_MIN_JARO_WINKLER:
        return Method.PHONETIC, 0.8 + 0.1 * pair.similarity, (Reason.of(Code.SOUNDS_LIKE, key=key),)
    return None


def _phonetic_keys(run: Keyed) -> Iterable[str]:
    spelling = run.latin[0]
    key = metaphone_key(spelling) if run.spelled and len(spelling) >= PHONETIC_LENGTH else ""
    return ("m:" + key,) if key else ()


def _letters_away(pair: Pair) -> _TokenLink | None:
    if not pair.alike or (pair.syllabic and pair.joined):
        # Joined parts of a Chinese or Korean name a letter apart are left to the syllable-typo
        # rule; elsewhere :func:`~screening._alignment._link` sets joined parts' fuzzy links aside.
        return None
    distance = jellyfish.damerau_levenshtein_distance(pair.a, pair.b)
    if (
        pair.syllabic
        and distance == 2
        and _syllable_counts(pair.left, pair.languages) & _syllable_counts(pair.right, pair.languages)
    ):
        return None  # two letters apart and as many Chinese or Korean syllables: other syllables
    if distance == 1 or (distance == 2 and pair.shortest >= TWO_LETTER_LENGTH):
        return Method.FUZZY, 0.9 * pair.similarity, (Reason.of(Code.LETTERS_AWAY, distance=distance),)
    return None


def _letters_away_keys(run: Keyed) -> Iterable[str]:
    spelling = run.latin[0]
    return _one_letter_keys(spelling) if run.spelled and len(spelling) >= FUZZY_LENGTH else ()


def _initial_h(pair: Pair) -> _TokenLink | None:
    # Tried after the letters-away rule: an "h" alone apart ("Hamadou", "Amadou") is a letter away.
    if not pair.alike or pair.syllabic or pair.joined:
        return None
    a, b = _without_initial_h(pair.a), _without_initial_h(pair.b)
    if (
        (a == pair.a and b == pair.b)
        or min(len(a), len(b)) < INITIAL_H_LENGTH
        or jellyfish.damerau_levenshtein_distance(a, b) > 1
    ):
        return None
    similarity = 0.9 * float(jellyfish.jaro_winkler_similarity(a, b))
    return Method.FUZZY, similarity, (Reason.of(Code.INITIAL_H, without=a if a != pair.a else b),)


def _without_initial_h(spelling: str) -> str:
    """A spelling less the "h" it begins with before a vowel, which many transliterations of
    Arabic and West African names leave out ("Hamadoun" and "Amadou", "Hussein" and "Ussein")."""
    return spelling[1:] if len(spelling) > 1 and spelling[0] == "h" and spelling[1] in "aeiou" else spelling


def _initial_h_keys(run: Keyed) -> Iterable[str]:
    """A part of 6 letters or more without the "h" it may begin with before a vowel has the
    one-letter keys (``d:``, as the letters-away rule's) of its spelling without it: the two
    spellings a letter apart share one. (For a part with no such "h", they are the
    letters-away rule's own.)"""
    without = _without_initial_h(run.latin[0])
    return _one_letter_keys(without) if run.spelled and len(without) >= INITIAL_H_LENGTH else ()


def _loose_spelling(pair: Pair) -> _TokenLink | None:
    # Tried last: the spelling skeleton rule and the letters-away rule have not held.
    if not pair.alike or pair.syllabic or pair.joined or pair.shortest < SKELETON_LENGTH:
        return None
    skeleton, listed_skeleton = spelling_skeleton(pair.a), spelling_skeleton(pair.b)
    # Skeletons alike may have letters far apart ("Obeida" and "Ubaydah"); a letter inserted
    # needs the spellings alike as a sound-alike does ("Emilie" is no "Rumuli").
    least = LOOSE_SPELLING_JARO_WINKLER if skeleton == listed_skeleton else PHONETIC_MIN_JARO_WINKLER
    if (
        not skeleton
        or not listed_skeleton
        or pair.floored < least
        or not (skeleton == listed_skeleton or _one_letter_inserted(skeleton, listed_skeleton))
    ):
        return None
    reason = Reason.of(Code.LOOSE_SPELLING, skeleton=skeleton, listed_skeleton=listed_skeleton)
    return Method.FUZZY, LOOSE_SPELLING_SIMILARITY, (reason,)


def _syllable_typo(pair: Pair) -> _TokenLink | None:
    # Tried last: every rule that links a misspelling reading as no syllable has not held.
    if not (
        pair.syllabic
        and not pair.left_pieces  # an applicant's part, against a listed part or two joined
        and _typo_spelling(pair.left, pair.a)
        and _typo_spelling(pair.right, pair.b)
        and pair.shortest >= SYLLABLE_TYPO_LENGTH
        and (
            (_syllable_typo_of(pair.a, pair.b) and _syllable_counts(pair.left, pair.languages))
            or _hangul_syllable_typo(pair.left, pair.right, pair.right_pieces, pair.b, pair.languages)
        )
        and _syllable_counts(pair.right, pair.languages)
    ):
        return None
    reason = Reason.of(Code.SYLLABLE_TYPO, syllables=_syllables_of(pair.languages))
    return Method.FUZZY, MISSPELLING_SIMILARITY, (reason,)


def _hangul_syllable_typo(
    left: str, right: str, right_pieces: tuple[str, ...], spelling: str, languages: frozenset[str]
) -> bool:
    """Tell whether an applicant's part written in Hangul reads as the listed run in Korean
    but for one syllable, which a syllable typo of its Korean reading makes (:func:`_syllable_typo_of`):
    "관진" (kwan jin) for "Kwang Jin". Hangul writes the syllable's sounds, so its Latin
    spelling ("gwanjin") is not what a typo is told from: its reading is. The listed run is
    read as it is spelled (``spelling``), not in its other Korean readings ("Ryong" is no
    typo of 윤, yon, though it reads "yong" too): the keys of its spelling are those the
    name index files (:func:`_syllable_typo_keys`)."""
    if "Korean" not in languages or translit.script(left) != "hangul":
        return False
    listed = [keys for keys in _korean_readings(right, right_pieces) if _reading_spelling(keys) == spelling]
    return any(
        len(given) == len(keys)
        and sum(a != b for a, b in zip(given, keys, strict=True)) == 1
        and all(a == b or _syllable_typo_of(a, b) for a, b in zip(given, keys, strict=True))
        for given in _korean_readings(left)
        for keys in listed
    )


def _korean_readings(text: str, pieces: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The Korean readings of a run (:func:`run_readings`), as syllable keys ("ko:kwan", "ko:jin")."""
    return [reading.keys for reading in run_readings(text, pieces) if reading.language == "Korean"]


def _reading_spelling(keys: tuple[str, ...]) -> str:
    """The spelling a reading's syllable keys write joined ("ko:kwang", "ko:jin": "kwangjin")."""
    return "".join(key.partition(":")[2] for key in keys)


def _syllable_typo_of(a: str, b: str) -> bool:
    """Tell whether two spellings differ by a typo that romanized Chinese and Korean names
    are written with: two letters swapped ("Zhuo" for "Zhou", "Lui" for "Liu"), a "g" after
    "n" written or left out (the front and back nasals: "Jin" and "Jing", "Kwan" and
    "Kwang"), or an "h" after "z", "c" or "s" (the flat and curled sibilants: "Yuze" and
    "Yuzhe"). Another letter changed is another syllable ("Yize" for "Yuze", "Haoyu" for
    "Baoyu"): as often another person's name as a typo."""
    if len(a) == len(b):
        apart = [index for index in range(len(a)) if a[index] != b[index]]
        return (
            len(apart) == 2
            and apart[1] == apart[0] + 1
            and (a[apart[0]], a[apart[1]]) == (b[apart[1]], b[apart[0]])
        )
    shorter, longer = sorted((a, b), key=len)
    if len(longer) != len(shorter) + 1:
        return False
    at = next((index for index in range(len(shorter)) if shorter[index] != longer[index]), len(shorter))
    if longer[at + 1 :] != shorter[at:] or at == 0:
        return False
    return (longer[at], longer[at - 1]) in _TYPO_LETTERS


#: A letter a syllable typo writes or leaves out, after the letter before it (see
#: :func:`_syllable_typo_of`).
_TYPO_LETTERS = frozenset({("g", "n"), ("h", "z"), ("h", "c"), ("h", "s")})


def _typo_spelling(text: str, spelling: str) -> bool:
    """Tell whether a run's first spelling may be compared letter by letter with another
    syllable's: Latin letters, or Hangul romanized (Han characters are read exactly)."""
    return translit.script(text) != "han" and spelling.isascii() and spelling.isalpha()


def _syllable_typo_keys(run: Keyed) -> Iterable[str]:
    """A run of 3 letters or more that reads as Chinese or Korean syllables, or a listed run of
    two syllables, has the one-letter keys of its spelling (``d:``, as the letters-away rule's):
    two spellings one letter apart share one."""
    spelling = run.latin[0]
    if (
        len(spelling) < SYLLABLE_TYPO_LENGTH
        or run.width > 2
        or (run.width == 2 and not run.listed)
        or not _typo_spelling(run.text, spelling)
        or not _syllable_counts(run.text)
    ):
        return ()
    if run.listed or run.script != "hangul":
        return _one_letter_keys(spelling)
    # An applicant's Hangul part, by its Korean readings too (a typo is told from them): the
    # listed spelling of the syllables as the reading keys write them ("kwangjin") is one
    # letter from the reading's.
    readings = {_reading_spelling(keys) for keys in _korean_readings(run.text)}
    return list(
        dict.fromkeys(key for found in (spelling, *sorted(readings)) for key in _one_letter_keys(found))
    )


def _joined_article(pair: Pair) -> _TokenLink | None:
    # Tried after the skeleton rules: "Elkaddafi" for "Gaddafi", the article written joined.
    found = _shortened(pair, _without_article)
    if found is None:
        return None
    whole, rest = found
    reason = Reason.of(Code.JOINED_ARTICLE, article=whole[: -len(rest)], skeleton=spelling_skeleton(rest))
    return Method.SPELLING, SIMILARITY[Method.SPELLING], (reason,)


def _shortened(pair: Pair, shorten: Callable[[str], str]) -> tuple[str, str] | None:
    """The spelling of one side of a pair and what ``shorten`` leaves of it ("" when it leaves
    nothing), when only that side shortens and what is left has the other side's spelling
    skeleton: single Latin parts, of no Chinese or Korean name, what is left and the other
    side of :data:`SKELETON_LENGTH` letters or more (as :func:`_shortened_keys` files them:
    "Alaiyong" is no "Yong"); None otherwise."""
    if not (pair.spelled and not pair.joined and not pair.syllabic):
        return None
    left, right = shorten(pair.a), shorten(pair.b)
    if bool(left) == bool(right):
        return None  # shortened on one side only
    rest, other = (left, pair.b) if left else (right, pair.a)
    if min(len(rest), len(other)) < SKELETON_LENGTH:
        return None
    skeleton = spelling_skeleton(rest)
    if not skeleton or skeleton != spelling_skeleton(other):
        return None
    return (pair.a if left else pair.b), rest


def _shortened_keys(run: Keyed, shorten: Callable[[str], str]) -> Iterable[str]:
    """The spelling skeleton (``s:``, as the skeleton rule's) of a part of 5 letters or more,
    and of what ``shorten`` leaves of it (see :func:`_shortened`)."""
    spelling = run.latin[0] if run.spelled else ""
    found = [
        spelling_skeleton(text) for text in (spelling, shorten(spelling)) if len(text) >= SKELETON_LENGTH
    ]
    return tuple("s:" + skeleton for skeleton in found if skeleton)


def _ending_left_out(pair: Pair, shorten: Callable[[str], str], code: Code) -> _TokenLink | None:
    """A spelling link of a pair whose one side is the other less the ending ``shorten``
    takes off (:func:`_shortened`), with a reason of ``code`` that names the ending."""
    found = _shortened(pair, shorten)
    if found is None:
        return None
    whole, stem = found
    return Method.SPELLING, SIMILARITY[Method.SPELLING], (Reason.of(code, ending=whole[len(stem) :]),)


def _stem(spelling: str, endings: re.Pattern[str], kept: Container[str] = ()) -> str:
    """A spelling less the ending of ``endings`` it ends in, when 5 letters or more remain and
    they are none of ``kept``; "" for any other."""
    found = endings.search(spelling) if spelling.isalpha() else None
    if found is None or found.start() < SKELETON_LENGTH or spelling[: found.start()] in kept:
        return ""
    return spelling[: found.start()]


def _compound_shortened(pair: Pair) -> _TokenLink | None:
    # Tried after the skeleton rules: "Ghodrat" for "Ghodratollah", "Salah" for "Salahuddin".
    return _ending_left_out(pair, _compound_stem, Code.COMPOUND_SHORTENED)


#: The endings of compound given names that people leave out ("Ghodrat" for Ghodratollah,
#: "Rahmat" for Rahmatullah, "Salah" for Salahuddin): "of God" and "of the faith", in their
#: usual spellings, longest first.
_COMPOUND_ENDINGS = re.compile(
    r"(?:ullah|ollah|allah|illah|olah|ulah|ulla|uddin|eddin|addin|oddin|udin|edin|din)$"
)


def _compound_stem(spelling: str) -> str:
    """A compound given name's spelling without its ending (:data:`_COMPOUND_ENDINGS`), when 5
    letters or more remain and they are no particle ("Abdullah" is no Abd); "" for any other."""
    return _stem(spelling, _COMPOUND_ENDINGS, NAME_PARTICLES)


def _compound_shortened_keys(run: Keyed) -> Iterable[str]:
    return _shortened_keys(run, _compound_stem)


#: Endings that make Persian family names of a name or a place ("son of", "born of", "of
#: the place", "lineage"): Kashanimehr, Abedzadeh, Purebrahimabadi, Mostafanejad, Rezapour.
#: ("-nia" is left out: written apart as often, "Mozafari-Niya", it links as joined parts.)
_SURNAME_ENDINGS = re.compile(r"(?:zadeh|zadah|zade|zada|mehr|abadi|nejad|nezhad|nejhad|pour|poor|fard)$")


def _surname_stem(spelling: str) -> str:
    """A Persian family name's spelling without its ending (:data:`_SURNAME_ENDINGS`), when 5
    letters or more remain; "" for any other."""
    return _stem(spelling, _SURNAME_ENDINGS)


def _surname_shortened(pair: Pair) -> _TokenLink | None:
    # "Kashani" for "Kashanimehr", "Purebrahimabadi" for "Purebrahim": a family name written
    # with or without the ending that made it of another name.
    return _ending_left_out(pair, _surname_stem, Code.SURNAME_ENDING)


def _surname_shortened_keys(run: Keyed) -> Iterable[str]:
    return _shortened_keys(run, _surname_stem)


#: Letters that romanizations of one word write otherwise, each with the one it is read as:
#: English spellings and romanized Russian ones of the same word ("Technologies" and
#: "Tekhnologii", "Electronics" and "Elektronika", "Capital" and "Kapital", "Centre" and
#: "Tsentr"), in the order they are replaced.
_WORD_LETTERS = (
    *(("sch", "sh"), ("kh", "k"), ("ch", "k"), ("ck", "k"), ("qu", "kv"), ("ts", "k")),
    *(("c", "k"), ("q", "k"), ("x", "ks"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i")),
)
#: Endings of words of organizations' names, as :data:`_WORD_LETTERS` writes them: English
#: plurals and derivations ("Managing" and "Management", "Combat" and "Combatant", "Metallurgy"
#: and "Metallurgical") and the romanized Russian endings of the same words ("Tekhnologii",
#: "Elektronika").
_WORD_ENDINGS = (
    *("ations", "ation", "ments", "ment", "ings", "ing", "ants", "ant", "ents", "ent", "ikal"),
    *("ials", "ial", "ions", "ion", "ities", "iti", "able", "ible", "eries", "eri", "ries", "ri"),
    *("iks", "ik", "ives", "ive", "als", "al", "ies", "es", "s", "iia", "ii", "ika", "iki"),
)


#: The endings of :data:`_WORD_ENDINGS` that leave the word itself, or its plural or gerund:
#: two forms of one word are that, and another form ("Combat" and "Combatant", "Managing" and
#: "Management"), not two derivations of a third ("General" and "Generation").
_BASE_ENDINGS = frozenset({"s", "es", "ies", "ii", "ing", "iks", "ika"})


@functools.lru_cache(maxsize=4096)
def _word_roots(spelling: str) -> tuple[frozenset[str], frozenset[str]]:
    """What forms of one word share, written as :data:`_WORD_LETTERS` reads them, doubled
    letters once: the word, and the word without each ending it ends in
    (:data:`_WORD_ENDINGS`), each less a final "e" or "i", of :data:`WORD_ROOT_LENGTH` letters
    or more ("manag" of Managing and Management, "metallurg" of Metallurgy and Metallurgical,
    "teknolog" of Technologies and Tekhnologii); and of those, the ones the word is with a base
    ending (:data:`_BASE_ENDINGS`) or none. None for a word of other characters than Latin
    letters."""
    if not (spelling.isascii() and spelling.isalpha()):
        return frozenset(), frozenset()
    for letters, read in _WORD_LETTERS:
        spelling = spelling.replace(letters, read)
    spelling = undoubled(spelling)
    words = [(spelling, True)]
    words += [
        (spelling[: -len(end)], end in _BASE_ENDINGS) for end in _WORD_ENDINGS if spelling.endswith(end)
    ]
    roots = [(word[:-1] if word[-1:] in {"e", "i"} else word, base) for word, base in words]
    kept = [(root, base) for root, base in roots if len(root) >= WORD_ROOT_LENGTH]
    return frozenset(root for root, _base in kept), frozenset(root for root, base in kept if base)


def _word_form(pair: Pair) -> _TokenLink | None:
    if not pair.spelled or pair.joined or pair.syllabic or pair.a == pair.b:
        return None
    (left, left_base), (right, right_base) = _word_roots(pair.a), _word_roots(pair.b)
    shared = (left & right) & (left_base | right_base)
    if not shared:
        return None  # no forms of one word, or two derivations of a third
    reason = Reason.of(Code.WORD_FORM, root=max(shared, key=len))
    return Method.SPELLING, SIMILARITY[Method.SPELLING], (reason,)


def _word_form_keys(run: Keyed) -> Iterable[str]:
    return tuple("w:" + root for root in _word_roots(run.latin[0])[0]) if run.spelled else ()


def _without_article(spelling: str) -> str:
    """A spelling that begins with the Arabic article joined ("alkaddafi", "elhassan"), 5
    letters or more after it, without the article; "" for any other."""
    if spelling[:2] in {"al", "el"} and len(spelling) - 2 >= SKELETON_LENGTH and spelling.isalpha():
        return spelling[2:]
    return ""


def _joined_article_keys(run: Keyed) -> Iterable[str]:
    return _shortened_keys(run, _without_article)


def _one_letter_inserted(left: str, right: str) -> bool:
    """Tell whether one skeleton is the other, of :data:`LOOSE_SKELETON_LENGTH` letters or more,
    with one letter inserted ("mahmad" and "mahamad", "takanda" and "ntakanda")."""
    shorter, longer = sorted((left, right), key=len)
    if len(longer) != len(shorter) + 1 or len(shorter) < LOOSE_SKELETON_LENGTH:
        return False
    start = len(shorter)
    for index, letter in enumerate(shorter):
        if letter != longer[index]:
            start = index
            break
    return longer[start + 1 :] == shorter[start:]


def _loose_spelling_keys(run: Keyed) -> Iterable[str]:
    """The spelling skeleton (``s:``, as the skeleton rule's) of a part of 5 letters or more,
    and for skeletons one letter apart, the longer's skeleton less any one letter: a listed
    part's as ``e:`` keys, which an applicant's skeleton looks up, and an applicant's as ``s:``
    keys, which look up a listed skeleton. Two skeletons with one letter each left out (another
    letter, not one inserted) share no key."""
    spelling = run.latin[0]
    skeleton = spelling_skeleton(spelling) if run.spelled and len(spelling) >= SKELETON_LENGTH else ""
    if not skeleton:
        return ()
    keys = ["s:" + skeleton]
    if not run.listed and len(skeleton) >= LOOSE_SKELETON_LENGTH:
        keys.append("e:" + skeleton)
    if len(skeleton) > LOOSE_SKELETON_LENGTH:
        prefix = "e:" if run.listed else "s:"
        keys += (prefix + skeleton[:index] + skeleton[index + 1 :] for index in range(len(skeleton)))
    return keys


#: The link rules, in the order they are tried: the first that holds links two runs. Each owns
#: its test, its keys and its bound; the name index files and looks up every rule's keys
#: (:func:`run_keys`) and bounds a listed part by the rules that could reach it
#: (:data:`LOOSE_BOUND`, :data:`INITIAL_BOUND`).
RULES = (
    Rule(
        "misspelled joined syllables",
        _joined_misspelled_syllables,
        _joined_misspelled_syllables_keys,
        strong=False,
        most=MISSPELLING_SIMILARITY,
    ),
    Rule("exact", _exact, _text_keys, strong=True, most=1.0),
    Rule("legal form", _legal_form, _legal_form_keys, strong=True, most=SIMILARITY[Method.ABBREVIATION]),
    Rule("number", _number, _number_keys, strong=True, most=SIMILARITY[Method.ABBREVIATION]),
    Rule(
        "abbreviation", _abbreviation, _abbreviation_keys, strong=True, most=SIMILARITY[Method.ABBREVIATION]
    ),
    Rule("reading", _reading, _reading_keys, strong=True, most=SIMILARITY[Method.TRANSLITERATION]),
    Rule(
        "East Slavic form",
        _east_slavic_form,
        _east_slavic_form_keys,
        strong=True,
        most=SIMILARITY[Method.TRANSLITERATION],
    ),
    Rule(
        "Arabic article",
        _arabic_article,
        _arabic_article_keys,
        strong=True,
        most=SIMILARITY[Method.TRANSLITERATION],
    ),
    Rule("Latin spelling", _same_latin, _latin_keys, strong=True, most=SIMILARITY[Method.TRANSLITERATION]),
    Rule(
        "particle spelling", _particle, _particle_keys, strong=True, most=SIMILARITY[Method.TRANSLITERATION]
    ),
    # After the transliterations, which keep theirs ("Hasan" and "Hassan" read alike).
    Rule(
        "Arabic given name",
        _arabic_name,
        _arabic_name_keys,
        strong=True,
        most=SIMILARITY[Method.TRANSLITERATION],
    ),
    Rule(
        "Arabic consonants",
        _arabic_consonants,
        _arabic_consonants_keys,
        strong=False,
        most=ARABIC_CONSONANT_SIMILARITY,
    ),
    Rule("kana", _kana, _kana_keys, strong=False, most=SIMILARITY[Method.SPELLING]),
    Rule("scans confuse", _ocr, _ocr_keys, strong=False, most=SIMILARITY[Method.OCR]),
    Rule(
        "initial",
        _initial,
        _no_keys,
        strong=False,
        most=SIMILARITY[Method.INITIAL],
        keyless="a single letter and a part it begins",
    ),
    Rule(
        "misspelled syllable",
        _misspelled_syllable,
        _misspelled_syllable_keys,
        strong=False,
        most=MISSPELLING_SIMILARITY,
    ),
    Rule(
        "doubled letters",
        _doubled_letters,
        _doubled_letters_keys,
        strong=False,
        most=SIMILARITY[Method.SPELLING],
    ),
    Rule(
        "spelling skeleton",
        _spelling_skeleton,
        _spelling_skeleton_keys,
        strong=False,
        most=SIMILARITY[Method.SPELLING],
    ),
    Rule(
        "East Slavic skeleton",
        _east_slavic_skeleton,
        _east_slavic_skeleton_keys,
        strong=False,
        most=SIMILARITY[Method.SPELLING],
    ),
    Rule(
        "article joined",
        _joined_article,
        _joined_article_keys,
        strong=False,
        most=SIMILARITY[Method.SPELLING],
    ),
    Rule(
        "compound shortened",
        _compound_shortened,
        _compound_shortened_keys,
        strong=False,
        most=SIMILARITY[Method.SPELLING],
    ),
    Rule(
        "surname ending",
        _surname_shortened,
        _surname_shortened_keys,
        strong=False,
        most=SIMILARITY[Method.SPELLING],
    ),
    # Before the loose comparisons of letters: "Stereotek" and "Stereotech", "Tekhkrim" and
    # "Techcrim" are one word, not two letters apart.
    Rule(
        "word form",
        _word_form,
        _word_form_keys,
        strong=False,
        most=SIMILARITY[Method.SPELLING],
        organizations=True,
    ),
    Rule("sound", _phonetic, _phonetic_keys, strong=False, most=0.9),
    Rule(
        "letters away",
        _letters_away,
        _letters_away_keys,
        strong=False,
        most=0.9,
        keyless=f"two letters apart, parts of {TWO_LETTER_LENGTH} letters or more",
    ),
    Rule("initial h", _initial_h, _initial_h_keys, strong=False, most=0.9),
    Rule(
        "loose spelling",
        _loose_spelling,
        _loose_spelling_keys,
        strong=False,
        most=LOOSE_SPELLING_SIMILARITY,
    ),
    Rule("syllable typo", _syllable_typo, _syllable_typo_keys, strong=False, most=MISSPELLING_SIMILARITY),
)
#: How the name index counts a listed part reached through a loose key: the most any loose
#: rule's link has.
LOOSE_BOUND = max(rule.most for rule in RULES if not rule.strong)
#: How it counts a listed part that an applicant's initial may reach (which leaves no key).
INITIAL_BOUND = next(rule.most for rule in RULES if rule.name == "initial")


@functools.lru_cache(maxsize=8192)
def _token_link(
    left: str,
    left_latin: tuple[str, ...],
    right: str,
    right_latin: tuple[str, ...],
    left_pieces: tuple[str, ...] = (),
    right_pieces: tuple[str, ...] = (),
    syllabic: bool = True,
    languages: frozenset[str] = SYLLABLE_LANGUAGES,
    organization: bool = False,
) -> _TokenLink | None:
    """Link two runs by the first rule of :data:`RULES` that holds; joined runs are read part
    by part (``pieces``, :func:`run_readings`). See :class:`Pair` for ``syllabic`` and
    ``languages``; ``organization``: the listed name is an organization's (the rules for
    organizations' words are tried, :attr:`Rule.organizations`).

    Returns:
        The method, the similarity, and the reasons: for a transliteration, one per language
        whose readings the texts share (its ``language`` detail); otherwise one; None when no
        rule holds.
    """
    pair = Pair(left, left_latin, right, right_latin, left_pieces, right_pieces, syllabic, languages)
    for rule in RULES:
        if rule.organizations and not organization:
            continue
        found = rule.link(pair)
        if found is not None:
            return found
    return None


def _rule_keys(run: Keyed) -> tuple[tuple[str, bool], ...]:
    """Every rule's keys of a run, ``(key, loose)`` pairs, strong ones first."""
    strong: list[str] = []
    loose: list[str] = []
    for rule in RULES:
        (strong if rule.strong else loose).extend(rule.keys(run))
    found = dict.fromkeys(strong, False)
    found.update(dict.fromkeys(loose, True))
    return tuple(found.items())


def joined_keys(chosen: tuple[Part, ...]) -> list[tuple[str, bool]]:
    """The keys of the listed run that joins ``chosen``, ``(key, loose)`` pairs as
    :func:`run_keys` gives them, worked out without building the run, its readings or caching
    the keys: a large list's joined runs seldom repeat."""
    texts = tuple([part.text for part in chosen])
    common = _common_languages(texts)
    readings = [
        tuple([key for reading in combination for key in reading.keys])
        for _language, combination in _joined_combinations(texts, common)
    ]
    parts_latin = (chosen[0].latin[0], chosen[1].latin[0]) if len(chosen) == 2 else None
    run = Keyed(
        "".join(texts),
        _joined_latin(chosen),
        len(chosen),
        texts,
        listed=True,
        readings=readings,
        parts_latin=parts_latin,
    )
    return list(_rule_keys(run))


@functools.lru_cache(maxsize=8192)
def run_keys(
    text: str, latin: tuple[str, ...], width: int, pieces: tuple[str, ...], *, listed: bool
) -> tuple[tuple[str, bool], ...]:
    """The keys of a run, ``(key, loose)`` pairs: two runs that :func:`align` can link share one
    (every rule's keys: strong ones, of the rules that find one name written otherwise; loose
    ones, of the rules of spellings alike). Two links leave no key (:attr:`Rule.keyless`): an
    initial and a two-letter difference between parts of :data:`TWO_LETTER_LENGTH` letters or
    more."""
    return _rule_keys(Keyed(text, latin, width, pieces, listed=listed))


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


def keyless_comparable(spelling: str, listed: str) -> bool:
    """Tell whether two single parts, an applicant's spelled ``spelling`` and a listed one
    spelled ``listed``, may link by a rule that leaves no key (:attr:`Rule.keyless`): an
    initial, or two letters apart or less in parts of :data:`TWO_LETTER_LENGTH` letters or
    more (the letters-away rule's distance)."""
    if len(spelling) == 1:
        return len(listed) > 1 and listed.startswith(spelling)
    return (
        min(len(spelling), len(listed)) >= TWO_LETTER_LENGTH
        and abs(len(spelling) - len(listed)) <= 2
        and jellyfish.damerau_levenshtein_distance(spelling, listed) <= 2
    )


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


@functools.lru_cache(maxsize=8192)
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


def runs_with_keys(applicant: NameForm, keys: Iterable[tuple[str, bool]]) -> set[int]:
    """The indices of the applicant's runs that have one of ``keys`` (``(key, loose)`` pairs, as
    :func:`run_keys` gives a listed run's): the runs that share a key with that listed run."""
    by_key = applicant_keys(applicant)
    return {left for key, _loose in keys for left in by_key.get(key, ())}


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
