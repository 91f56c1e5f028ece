"""Align the parts of two names and score how much of the listed name the applicant's covers.

The names come prepared (:mod:`screening._forms`), and the pairs of runs that may link are those
that share a key of the link rules (:mod:`screening._rules`), which link each pair by the first
rule that holds. The stages of :func:`align`: the candidate links, the greedy choice of pairs,
the checks that a correspondence is one (coverage, anchoring, order), and the score.

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
from collections.abc import Iterable, Sequence

import attrs

from screening import translit
from screening._forms import (
    _GENERATIONS,
    _SINGLE_PART_METHODS,
    _STRONG_METHODS,
    DECISIVE_METHODS,
    HONORIFICS,
    LEGAL_FORM_KINDS,
    LOW_INFORMATION,
    SYLLABLE_LANGUAGES,
    NameForm,
    Part,
    Run,
    _syllable_counts,
    low_information,
    partial_allowed,
    run_readings,
)
from screening._rules import (
    _spelled_joined,
    _token_link,
    keyless_comparable,
    listed_keys,
    runs_with_keys,
)
from screening._tuning import (
    ARABIC_ANCHOR_CONSONANTS,
    EXTRA_PART_WEIGHT,
    FAMILY_NAME_SHARE,
    LOOSE_ANCHOR_LENGTH,
    MIDDLE_NAME_FACTOR,
    NORMALIZED_FACTOR,
    ORDER_FACTOR,
    PARTIAL_COMPOUND_SHARE,
    PARTIAL_LEAST_SHARE,
    PARTIAL_LEFT_OUT_WEIGHT,
    PARTIAL_ORGANIZATION_LEFT_OUT_WEIGHT,
    PARTIAL_ORGANIZATION_SHARE,
    PARTIAL_UNLINKED,
    PARTIAL_UNLINKED_BESIDE,
    PATRONYMIC_FACTOR,
    SCRAMBLED_FACTOR,
    SIMILARITY,
    SKELETON_LENGTH,
    SYLLABLE_TYPO_EXACT_WEIGHT,
    SYLLABLE_TYPO_SYLLABLES,
    TWO_LETTER_LENGTH,
)
from screening.models import Method
from screening.reasons import Code, Reason, link_sentence
from screening.translit import arabic
from screening.translit.chinese import OTHER_SURNAME_SPELLING, SURNAME_SPELLING


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
        first = self.choices[0][0]
        # A compound name in Arabic script written apart ("هدايت الله", Hidayatullah) is one name.
        compound = first.code is Code.ARABIC_CONSONANTS and (
            arabic.compound(self.applicant.pieces) or arabic.compound(self.listed.pieces)
        )
        if self.joined and not compound:
            # A spelling of joined parts only adds to other links: one part spelled like two
            # is too little alone ("Hlaing" for HLA, Aung).
            return False
        if first.code is Code.ARABIC_CONSONANTS:
            # An Arabic-script part's Latin letters leave the vowels out ("خليل" is "khlyl"):
            # its consonants tell how much of a name it is.
            return len(str(first.get("skeleton"))) >= ARABIC_ANCHOR_CONSONANTS
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
    def sounds_alike(self) -> bool:
        """Whether the link is of two Latin spellings that sound alike (:func:`_sound_alike`)."""
        return self.choices[0][0].code is Code.SOUND_ALIKE_SPELLINGS

    @property
    def joined(self) -> bool:
        """Whether the link joins parts on either side."""
        return self.applicant.width > 1 or self.listed.width > 1

    def weighty(self, weights: Sequence[float]) -> bool:
        """Whether the listed parts linked weigh anything, by the listed parts' ``weights``."""
        return sum(weights[self.listed.start : self.listed.end]) > 0

    @functools.cached_property
    def languages(self) -> frozenset[str]:
        """The languages in which the link holds (empty when it needs none); worked out once."""
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
    #: The score is that of part of a longer listed name (see :func:`_partial_name`): the
    #: listed parts the applicant leaves out weigh little. Review at most.
    partial: bool = False
    #: The score as a share of the whole listed name, when :attr:`partial`.
    whole_score: float = 0.0
    #: The share of the applicant's name, by weight, that links to no listed part (a part
    #: that links to a listed part another took, a name written twice, counts as linked).
    unexplained: float = 0.0
    #: The names of an applicant's organization name beyond the listed organization's whole
    #: name: another organization as often as the listed one, so it cannot decide a match.
    longer_organization: tuple[str, ...] = ()
    #: An organization's legal forms the applicant gives and the listed ones left out, when
    #: they differ (Inc and SA): another company of the name as often as the listed one.
    other_legal_form: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def _loosely_comparable(left: Run, right: Run) -> bool:
    """Tell whether a pair of single parts may link by a rule that leaves no key
    (:func:`~screening._rules.keyless_comparable`)."""
    return keyless_comparable(left.latin[0], right.latin[0])


def _pairs(
    applicant: NameForm, listed: NameForm, keyed: Iterable[tuple[int, int]] | None = None
) -> list[tuple[Run, Run]]:
    """The pairs of runs that may link, in the order of the applicant's runs, then the listed.

    Two runs that share a key (:func:`run_keys`), and single parts an initial or a two-letter
    difference may link. A pair with a joined run shares a strong key, the only kind a joined
    run has, so it can link only exactly or by reading. ``keyed``: the pairs of run indices
    that share a key, when the name index found them (see :func:`align`).
    """
    found: set[tuple[int, int]] = set()
    if keyed is not None:
        found.update(keyed)
    else:
        for right, keys in enumerate(listed_keys(listed)):
            found.update((left, right) for left in runs_with_keys(applicant, keys))
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


def _spellable(run: Run) -> bool:
    """Tell whether a run may link by spelling: a single part, or joined parts that may
    (:func:`_spelled_joined`)."""
    return run.width == 1 or _spelled_joined(run.pieces, len(run.latin[0]))


def _link(
    left: Run,
    right: Run,
    syllabic: bool = True,
    languages: frozenset[str] = SYLLABLE_LANGUAGES,
    organization: bool = False,
) -> Link | None:
    linked = _token_link(
        left.text,
        left.latin,
        right.text,
        right.latin,
        left.pieces,
        right.pieces,
        syllabic,
        languages,
        organization,
    )
    if linked is None:
        return None
    method, similarity, reasons = linked
    # A part misspelling two syllables written as one word links joined parts loosely, and so
    # does one two syllables a letter from them ("Jinbin" for "Jing Bin").
    misspelled = reasons[0].code in {Code.MISSPELLED_JOINED_SYLLABLES, Code.SYLLABLE_TYPO}
    # Arabic consonants link parts that Arabic script writes as one word ("عبدالكريم" and "Abd
    # al-Karim"), which their rule tells.
    if (
        (left.width, right.width) != (1, 1)
        and not misspelled
        and reasons[0].code is not Code.ARABIC_CONSONANTS
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
    applicant: NameForm,
    listed: NameForm,
    *,
    languages: frozenset[str] | None = None,
    person: bool = False,
    organization: bool = False,
    keyed: Iterable[tuple[int, int]] | None = None,
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
        organization: the listed name is an organization's: its words may link as forms of
            one English word ("Managing" and "Management"), which a person's never do ("Williams"
            is no "William").
        keyed: the pairs of runs, ``(applicant's index, listed index)``, that share a link key,
            as the name index tells them (:meth:`screening._index.Candidates.keyed_pairs`);
            None to compare the runs' keys.
    """
    weights = [part.weight for part in listed.parts]
    candidates = _candidate_links(applicant, listed, languages, weights, keyed, organization=organization)
    chosen, used_applicant, used_listed = _greedy(candidates)
    complete = _complete(applicant, listed, used_listed)
    used = (used_applicant, used_listed)
    if _unanchored(applicant, listed, chosen, used, weights, complete=complete, person=person):
        return None
    if _consonants_only(applicant, chosen, used_applicant):
        return None
    if _syllable_typo_alone(applicant, listed, chosen, used_applicant, complete=complete):
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
    partial = not complete and _partial_name(applicant, listed, chosen, used, weights, person=person)
    if partial:
        # Part of a longer listed name ("Abdul Basir" for ABDUL BASIR NOORZAI): scored by what
        # the applicant gives, the listed parts left out weighing little. Review at most.
        left_out = sum(weight for index, weight in enumerate(weights) if index not in used_listed)
        little = PARTIAL_LEFT_OUT_WEIGHT if person else PARTIAL_ORGANIZATION_LEFT_OUT_WEIGHT
        given = sum(weights) - left_out + little * left_out
        # A listed part only an initial gives counts as left out for the least share given,
        # as the name index counts it (initials leave no key).
        initials = [
            (link.similarity, sum(weights[link.listed.start : link.listed.end]))
            for link in chosen
            if link.method is Method.INITIAL
        ]
        initialed = sum(weight for _similarity, weight in initials)
        least = PARTIAL_LEAST_SHARE if person else PARTIAL_ORGANIZATION_SHARE
        # An initial gives its listed part no less than leaving it out would ("Raed M. Hijazi"
        # for RAED MUHAMMAD HASAN MUHAMMAD HIJAZI): the part counts as left out when that
        # scores more (an initial links half a part's weight, a part left out a fifth or less).
        by_initial = sum(similarity * weight for similarity, weight in initials)
        share = max(
            matched / (given or 1.0),
            (matched - by_initial) / ((given - (1 - little) * initialed) or 1.0),
        )
        partial = share > coverage and left_out + initialed <= (1 - least) * sum(weights)
        whole = coverage
        if partial:
            coverage = share
    else:
        whole = coverage
    unused = [index for index in range(len(applicant.parts)) if index not in used_applicant]
    # A part that links to a listed part, though another part took that one, is no added
    # syllable: the name written twice ("Wang Zhenxing 王振兴") or a name repeated ("Muhammad
    # Sharif Muhammad"), which costs what a middle name costs. A syllable one letter from the
    # other is another name as often as the same one mistyped ("윤", yun, beside "영", yong).
    linked = {
        index
        for link in candidates
        if link.choices[0][0].code is not Code.SYLLABLE_TYPO
        for index in range(link.applicant.start, link.applicant.end)
    }
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
    # A listed organization's name inside a longer one ("Deutsche Bank Trust Company" for
    # DEUTSCHE BANK) is another organization as often as the listed one: review at most.
    unlinked = [index for index in unused if index not in linked]
    longer = (
        ()
        if person
        else tuple(applicant.parts[index].text for index in unlinked if applicant.parts[index].named)
    )
    other_form = _other_legal_form(applicant, listed, unlinked, used_listed) if not person else ((), ())
    decisive = (
        not all(other_form)
        and complete
        and methods <= DECISIVE_METHODS
        and not scrambled
        and bool(languages)
        and not added
        and not hanja
        and not longer
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
    elif method is not Method.EXACT:
        # No name linked otherwise scores above one equal once normalized: an abbreviated
        # light part ("Co" for the listed "Company") costs less than the factor.
        score = min(score, NORMALIZED_FACTOR)
    score = min(1.0, max(0.0, score))
    return Alignment(
        links=tuple(chosen),
        score=score,
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
        partial=partial,
        longer_organization=longer if complete else (),
        other_legal_form=other_form if all(other_form) else ((), ()),
        whole_score=score * whole / coverage if partial else score,
        unexplained=sum(applicant.parts[index].weight for index in unlinked) / (applicant.weight or 1.0),
    )


def _candidate_links(
    applicant: NameForm,
    listed: NameForm,
    languages: frozenset[str] | None,
    weights: list[float],
    keyed: Iterable[tuple[int, int]] | None,
    *,
    organization: bool,
) -> list[Link]:
    """Every pair of runs a rule links (:func:`_pairs`, :func:`_link`), as :func:`align` may
    use them, strongest and longest first; ``keyed`` and ``organization`` as :func:`align`
    takes them."""
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
    for left, right in _pairs(applicant, listed, keyed):
        if left.width > 1 and right.width > 1:
            continue
        link = _link(left, right, syllabic, syllable_languages, organization)
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
        elif link.method is Method.TRANSLITERATION and _by_other_surname_only(left, right):
            link = _undecisive(link, Code.SEVERAL_SURNAMES)
        elif languages is None and link.languages == {"Korean"} and _two_pinyin_syllables(left, right):
            # "Li" and "Yi" spell one Korean syllable but are two Mandarin ones: for a name
            # whose entry says no nationality, "Li Li" may be "LI, Yi" (review), not surely.
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
    they use. Then, while a part of the applicant's is left out because a chosen link took
    the listed part it links to, and that link's applicant run, or a longer one of free parts
    around it, links another listed part left free, the chosen link moves there and both are
    linked ("ولد الوليد" for OULD AL-WALID: ولد took "Walid", which الوليد needs, and may take
    "Ould"; "امین الله امین" for AMINULLAH AMIN: the first امین took "Amin", which the second
    needs, and with الله may take "Aminullah")."""
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
    while (moved := _moved(candidates, chosen, used_applicant, used_listed)) is not None:
        taken, moved_to, added = moved
        chosen[chosen.index(taken)] = moved_to
        chosen.append(added)
        used_listed.difference_update(_listed_parts(taken))
        used_listed.update(_listed_parts(moved_to) | _listed_parts(added))
        used_applicant.update(_applicant_parts(moved_to) | _applicant_parts(added))
    return chosen, used_applicant, used_listed


def _applicant_parts(link: Link) -> set[int]:
    return set(range(link.applicant.start, link.applicant.end))


def _listed_parts(link: Link) -> set[int]:
    return set(range(link.listed.start, link.listed.end))


def _moved(
    candidates: list[Link], chosen: list[Link], used_applicant: set[int], used_listed: set[int]
) -> tuple[Link, Link, Link] | None:
    """A chosen link, the link of its applicant run that may replace it, and the link of a part
    left out that then fits (see :func:`_greedy`); None when there is none."""
    for added in candidates:
        if _applicant_parts(added) & used_applicant:
            continue
        wanted = _listed_parts(added)
        taken = [link for link in chosen if _listed_parts(link) & wanted]
        if len(taken) != 1:
            continue  # no listed part taken (then the greedy pass took it), or several
        free = used_listed - _listed_parts(taken[0])
        own = _applicant_parts(taken[0])
        for moved_to in candidates:
            widened = _applicant_parts(moved_to) - own
            if (
                own <= _applicant_parts(moved_to)
                and not widened & (used_applicant | _applicant_parts(added))
                and moved_to is not taken[0]
                and not _listed_parts(moved_to) & (free | wanted)
            ):
                return taken[0], moved_to, added
    return None


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
    spelled_name = not person and one_name and _spells_one_name(applicant, listed, named[0], informative)
    if (weighty < min(2, listed_weighty) and not (one_name and named[0] in used_listed)) or not (
        close_throughout or spelled_name or any(link.anchors for link in informative)
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


def _spells_one_name(applicant: NameForm, listed: NameForm, name: int, links: list[Link]) -> bool:
    """Tell whether one of ``links`` spells the listed part ``name``, an organization's one name,
    so as to anchor it: a Latin spelling skeleton of 5 letters or more ("Al Qaeda" for
    AL-QA'IDA), where other names need 6 (its name is all there is to compare), from an
    applicant run that holds every name the applicant gives (the name index looks for such
    runs only). The name itself is of 5 letters or more, as the name index files it: a name
    shorter is mostly the legal form joined to it ("Rplimited" for RPP LIMITED). An
    Arabic-script part's consonants, which leave the vowels out, do not."""
    if len(listed.parts[name].latin[0]) < SKELETON_LENGTH:
        return False
    given = [index for index, part in enumerate(applicant.parts) if part.named]
    return any(
        link.choices[0][0].code is Code.SPELLING_SKELETON
        and link.listed.start <= name < link.listed.end
        and all(link.applicant.start <= index < link.applicant.end for index in given)
        and min(len(link.applicant.latin[0]), len(link.listed.latin[0])) >= SKELETON_LENGTH
        for link in links
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
    anchors = sum(link.anchors for link in chosen)
    # Part of a longer name, linked by two anchors, or by one and spellings of other names
    # ("Omar Younous" for OUMAR YOUNOUS ABDOULAY), but for a Chinese or Korean name, whose
    # syllables sound alike ("Jaung Hui Bong" is no Jong Pong Ju).
    spelled = listed.family is None and len(chosen) >= 2 and all(link.close for link in chosen)
    loose_partial = listed_weighty >= 3 and (anchors >= 2 or (anchors >= 1 and spelled))
    if (not methods <= DECISIVE_METHODS and not loose_partial) or not languages:
        return True  # part of a short name, and that only by sound or spelling: too weak to report
    if listed.family is not None and listed.family not in used_listed:
        return True  # given names without the family name: a different family
    return read_in_korean  # two thirds of Jong Pong Ju, say


def _consonants_only(applicant: NameForm, chosen: list[Link], used_applicant: set[int]) -> bool:
    """Tell whether parts linked loosely (Arabic-script parts by their consonants alone, Latin
    spellings a vowel or a letter apart: one skeleton stands for many names) come with names
    of the applicant's that link to nothing: then the name is as likely another person's
    ("Amir Ali Mohammad Shobeiri" is no UMAR, Muhammad; "Gabriel Martin Becker" no BECERRA,
    Martin)."""
    loose = any(link.choices[0][0].code in _LOOSE_CODES for link in chosen)
    return loose and any(
        part.named and index not in used_applicant and _comparable(part)
        for index, part in enumerate(applicant.parts)
    )


def _syllable_typo_alone(
    applicant: NameForm, listed: NameForm, chosen: list[Link], used_applicant: set[int], *, complete: bool
) -> bool:
    """Tell whether a syllable one letter from another ("Zhuo" for "Zhou") is linked without
    what makes it a typo rather than another name: the listed name whole, of
    :data:`SYLLABLE_TYPO_SYLLABLES` syllables or more, every other part of both names linked
    exactly or by reading and weighing :data:`SYLLABLE_TYPO_EXACT_WEIGHT` or more, and no
    other such syllable. "Baoyu Zhuo" is then Baoyu Zhou misspelled; "Wang Wen" is another
    name than "Wang Wei", and so is "Kim Minbo" than KIM, Minho (Kim says too little), and
    "Baoyu Zhu" than Baoyu Zhou: for the family name, two common family names are two names."""
    typos = [link for link in chosen if link.choices[0][0].code is Code.SYLLABLE_TYPO]
    if not typos:
        return False
    if any(
        link.listed.start == listed.family and _surname(link.applicant) and _surname(link.listed)
        for link in typos
    ):
        return True  # another common family name: "Baoyu Zhu" is no Baoyu Zhou
    others = [link for link in chosen if link not in typos]
    syllables = sum(min(_syllable_counts(part.text) or {1}) for part in listed.parts if part.weight > 0)
    exact = sum(
        listed.parts[index].weight for link in others for index in range(link.listed.start, link.listed.end)
    )
    # A typo of one syllable of joined ones ("관진", kwan jin, for "Kwang Jin") reads the others
    # exactly: at least all but the heaviest of its listed parts.
    for link in typos:
        joined = [listed.parts[index].weight for index in range(link.listed.start, link.listed.end)]
        exact += sum(joined) - max(joined)
    return (
        len(typos) > 1
        or not complete
        or syllables < SYLLABLE_TYPO_SYLLABLES
        or exact < SYLLABLE_TYPO_EXACT_WEIGHT
        or any(link.method not in _STRONG_METHODS for link in others)
        or any(part.weight > 0 and index not in used_applicant for index, part in enumerate(applicant.parts))
    )


def _comparable(part: Part) -> bool:
    """Tell whether a part could have been linked by its consonants: an Arabic-script part of
    one consonant ("إياد", Iyad) has no skeleton, and says nothing by linking to nothing."""
    return translit.script(part.text) != "arabic" or bool(arabic.skeletons(part.text))


#: Links that stand for many names: with a name of the applicant's left over, no name at all.
_LOOSE_CODES = frozenset({Code.ARABIC_CONSONANTS, Code.ARABIC_SCRIPT_NAME, Code.LOOSE_SPELLING})


#: The loose spellings that link a person's name closely enough for a partial name.
_PARTIAL_LOOSE_SPELLINGS = frozenset({Code.LOOSE_SPELLING, Code.INITIAL_H})


def _partial_name(
    applicant: NameForm,
    listed: NameForm,
    chosen: list[Link],
    used: tuple[set[int], set[int]],
    weights: list[float],
    *,
    person: bool,
) -> bool:
    """Tell whether a correspondence with part of a listed person's name may be scored by what
    the applicant gives (:data:`PARTIAL_LEFT_OUT_WEIGHT`): the listed name allows it
    (:func:`~screening._forms.partial_allowed`); every name the applicant gives is linked
    closely (:attr:`Link.close`; a name of the applicant's beside a listed one left out makes
    another person: "Roman Arkadyevich Petrov" is no ABRAMOVICH, Roman Arkadyevich); and two
    informative listed parts or more are linked closely, one of them by a strong link (the
    first given name, when the name is written "FAMILY, Given Middle") unless every name of a
    person's the applicant gives is linked, in Latin letters."""
    if not partial_allowed(listed.parts, person=person):
        return False
    # Latin spellings that sound alike ("Mohammad" and "Muhammad", "Jhan" and "Jan") are close
    # here: they cannot decide a match, and neither can a partial name. So are a person's names
    # spelled with a letter inserted or an initial "h" left out ("Zayniyah" and "Zeiniye").
    loose = _PARTIAL_LOOSE_SPELLINGS if person else frozenset()
    close = [
        link
        for link in chosen
        if (link.close or link.choices[0][0].code in loose) and (not link.outside or link.sounds_alike)
    ]
    given = {
        index
        for link in chosen
        if link in close or link.method is Method.INITIAL
        for index in range(link.applicant.start, link.applicant.end)
    }
    used_applicant, _used_listed = used
    if any(part.named and index in used_applicant - given for index, part in enumerate(applicant.parts)):
        return False  # a name linked, but not closely
    unlinked = sum(1 for index, part in enumerate(applicant.parts) if part.named and index not in given)
    # Abd and Abu make one name with the next ("Abdul Aziz" is Abd al-Aziz): a name of their
    # own only when every link is strong and the applicant gives much of the listed name
    # ("Abdul Basir" for ABDUL BASIR NOORZAI), not beside a spelling ("Abdul Aziz" is no ABD
    # AL-BASET AZZOUZ) nor in a short part of a long name ("Abdul Karim" of MUHAMMAD ABD
    # AL-KARIM AL-GHAMARI).
    share = sum(weights[index] for index in used[1]) / (sum(weights) or 1.0)
    strong_only = share >= PARTIAL_COMPOUND_SHARE and all(link.method in DECISIVE_METHODS for link in close)
    informative = {
        index
        for link in close
        for index in range(link.listed.start, link.listed.end)
        if listed.parts[index].named
        and weights[index] > 0
        and not (person and listed.parts[index].text in HONORIFICS)
        and (strong_only or not arabic.makes_name_with_next(listed.parts[index].text))
    }
    # A name written "FAMILY, Given Middle" says which given name is the person's own: part of
    # it is the first given name with the family name (of VASQUEZ VALENCIA, Natalia Andrea,
    # "Andrea Vasquez" is someone else).
    middle = listed.middle_names
    strong = {
        index
        for link in close
        if link.method in DECISIVE_METHODS
        for index in range(link.listed.start, link.listed.end)
    }
    if middle is not None and middle.first not in strong:
        return False
    # One name of the applicant's that links to nothing is allowed beside three linked: a name
    # of the chain the list leaves out ("Ibrahim Ali Muhammad Abu Bakr" for IBRAHIM ALI ABU
    # BAKR TANTOUSH). Beside two, only in a person's name, the two linked exactly or spelled
    # in Latin letters (Arabic consonants say too little), and no family name left out that
    # the list tells ("Dawood Ibrahim Memon" for DAWOOD IBRAHIM KASKAR; "Fernando David
    # Gonzalez" is another person than TORRES GONZALEZ, Fernando; an organization's name
    # beside two of its words, "Haji Alim Hawala", is another organization's).
    in_latin = person and all(map(_latin_or_strong, close))
    allowed = PARTIAL_UNLINKED if len(informative) >= PARTIAL_UNLINKED_BESIDE else 0
    if in_latin and len(informative) == 2 and set(listed.family_names) <= used[1]:
        allowed = PARTIAL_UNLINKED
    # One link strong, or a person's every name given spelled in Latin letters ("Hany Elsayed
    # Youssef" for HANI AL-SAYYID AL-SEBAI YUSIF: three spellings of three listed names).
    anchored = bool(strong) or (in_latin and not unlinked)
    return len(informative) >= 2 and unlinked <= allowed and anchored


def _latin_or_strong(link: Link) -> bool:
    """Tell whether a link is strong (exact, by reading...) or between parts neither of which is
    in Arabic script (whose consonants say less than a spelling)."""
    return link.method in DECISIVE_METHODS or "arabic" not in {
        translit.script(link.applicant.text),
        translit.script(link.listed.text),
    }


def _other_legal_form(
    applicant: NameForm, listed: NameForm, unlinked: list[int], used_listed: set[int]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An organization's legal forms of another kind than the listed name's (Inc for SA, Ltd
    for AG): the applicant's that link to nothing, and the listed ones left out, or nothing
    when their kinds agree."""
    given = [applicant.parts[index].text for index in unlinked]
    left_out = [part.text for index, part in enumerate(listed.parts) if index not in used_listed]
    given_kinds = {LEGAL_FORM_KINDS[text] for text in given if text in LEGAL_FORM_KINDS}
    listed_kinds = {LEGAL_FORM_KINDS[text] for text in left_out if text in LEGAL_FORM_KINDS}
    if not given_kinds or not listed_kinds or given_kinds & listed_kinds:
        return (), ()
    return (
        tuple(text for text in given if text in LEGAL_FORM_KINDS),
        tuple(text for text in left_out if text in LEGAL_FORM_KINDS),
    )


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


#: The systems of readings as a surname spelled otherwise.
_SURNAME_SYSTEMS = frozenset({SURNAME_SPELLING, OTHER_SURNAME_SPELLING})


def _by_other_surname_only(left: Run, right: Run) -> bool:
    """Tell whether two parts read alike only as another of the surnames a Cantonese spelling
    stands for ("Wong", Wang's spelling, is Huang's too): a match needs more than that."""
    left_readings, right_readings = (
        run_readings(left.text, left.pieces),
        run_readings(right.text, right.pieces),
    )
    shared = {r.keys for r in left_readings} & {r.keys for r in right_readings}
    if not shared:
        return False
    other = {r.keys for r in (*left_readings, *right_readings) if r.system == OTHER_SURNAME_SPELLING}
    return shared <= other


def _two_pinyin_syllables(left: Run, right: Run) -> bool:
    """Tell whether two single parts are each one pinyin syllable as written, and not the same
    one ("li" and "yi"): what links them is another language's reading."""
    if left.width != 1 or right.width != 1:
        return False
    syllables = []
    for text in (left.text, right.text):
        found = {r.keys for r in translit.readings(text) if "pinyin" in r.systems and len(r.keys) == 1}
        if not found:
            return False
        syllables.append(found)
    return not syllables[0] & syllables[1]


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
                {r.keys for r in readings if r.system not in _SURNAME_SYSTEMS},
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
