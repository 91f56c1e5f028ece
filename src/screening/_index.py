"""The name index: listed names filed under the keys of every link :func:`align` can make.

Comparing an applicant with every name of an OFAC-size list (35,000 names) costs tens of
milliseconds; the index finds the few listed names worth aligning. Every link that
:func:`screening._alignment.align` can make between two runs of parts leaves a key that both
runs share (:func:`_keyed_runs`):

* exact, joined, transliteration, legal-form and abbreviation links (*strong*): the run's
  text, its Latin spellings, its Mandarin and Korean readings, its legal form, the name it
  abbreviates or writes out ("Mohd", "Mohammad") and the East Slavic given name it is a form
  of ("Volodymyr", "Vladimir");
* the *loose* links of single parts: the OCR key (``o:``), the Metaphone key of parts of 4
  letters or more (``m:``), the spelling skeleton of parts of 5 or more (``s:``), the part and
  the part less any one letter for parts of 4 or more (``d:``, so any one-letter difference
  shares a key), the kana skeleton (``kk:`` for kana, ``kl:`` for other scripts), and a
  short part that reads as Chinese or Korean syllables (``y:``), which an applicant's part
  that reads as none looks up in each spelling one letter away (a misspelled syllable).

Two links share no key: an initial (``J`` for ``John``) and a two-letter difference between
parts of 8 letters or more. The bound (:meth:`NameIndex.candidates`) lets both in by rule.

From the keys an applicant's name shares with a listed name, the index bounds the score
``align`` can give: a listed part reached by a strong key counts fully, by a loose key at the
best loose similarity (0.9), by an initial at 0.5, by a two-letter difference (checked
directly) at 0.9. Listed legal forms and particles are not filed; one counts fully when a key
of the applicant's name is one of its keys as a listed part ("ltd" for "Ltd", "el" for "Al"),
and every one counts when a key is one of a run that joins them ("jointstock" for "Joint
Stock"): a link to them leaves such a key too. A listed name is aligned only
when its bound reaches the threshold, the parts it could cover are as many as ``align``
needs (two weighty ones), and one of the shared keys could carry an anchoring link (strong,
OCR, kana, or a loose key between parts of 6 letters or more): ``align`` returns nothing
otherwise, so this loses nothing (``tests/test_index.py`` checks it against comparing every
name).

Each key refers to the listed runs it is a key of, and each run to the names it is in: a
part such as "mohammed" is keyed once, however many names hold it. Each name refers to its
runs too, in its prepared form's order: the runs an applicant's keys reach then tell which
pairs of runs share a key (:meth:`Candidates.keyed_pairs`), so ``align`` does not work out a
candidate's keys again (that took a quarter of the screening time on OFAC's list). The index keeps per listed
name only its part weights and spellings; the prepared names
(:class:`~screening._alignment.NameForm`) are rebuilt when a name is a candidate, and the
last few thousand are kept. :mod:`screening._storage` saves the index to a file and reads it
back (:meth:`NameIndex.stored`, :meth:`NameIndex.restored`).
"""

from __future__ import annotations

import array
import functools
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import attrs

from screening import translit
from screening._forms import (
    LOW_INFORMATION,
    MIDDLE_NAMES_TRACKED,
    MiddleNames,
    NameForm,
    Part,
    Run,
    joined_spans,
    low_information,
    middle_names,
    name_forms,
    name_parts,
    partial_allowed,
    patronymic,
)
from screening._rules import (
    ARABIC_KEY_PREFIXES,
    INITIAL_BOUND,
    LOOSE_BOUND,
    joined_keys,
    keyless_comparable,
    run_keys,
    runs_with_keys,
)
from screening._tuning import (
    ARABIC_ANCHOR_CONSONANTS,
    EXTRA_PART_WEIGHT,
    LOOSE_ANCHOR_LENGTH,
    MIDDLE_NAME_FACTOR,
    PARTIAL_LEAST_SHARE,
    PARTIAL_LEFT_OUT_WEIGHT,
    PARTIAL_ORGANIZATION_LEFT_OUT_WEIGHT,
    PARTIAL_ORGANIZATION_SHARE,
    PARTIAL_UNLINKED,
    PARTIAL_UNLINKED_BESIDE,
    PATRONYMIC_FACTOR,
    SKELETON_LENGTH,
    TWO_LETTER_LENGTH,
)
from screening.models import EntryKind, WatchlistEntry
from screening.phonetics import spelling_skeleton

#: Added to the bound so that sums in another order cannot put it below the score.
_ROUNDING = 1e-9
#: Parts of a listed name tracked one by one (those whose middle names align counts); later
#: parts share the last bit.
_BITS = MIDDLE_NAMES_TRACKED + 1
_MASK = (1 << _BITS) - 1
#: Two anchor flags of a key of a listed run: the listed part is long enough for a loose link
#: to anchor; any link through the key anchors (strong, OCR and kana keys, and every key of a
#: kana part).
_LONG, _SURE = 1 << _BITS, 1 << (_BITS + 1)
#: A bit that the parts keys reach never hold (see _Shape.throughout).
_UNREACHED = 1 << (_BITS + 2)
#: An occurrence of a run packs the name's position (above _SHIFT) and the run's part mask.
_SHIFT = 32
#: A key's reference to a run packs the run's number (above _FLAGS) and the key's anchor flags.
_FLAGS = 2
#: A slot packs where a key's references start (above _SHIFT) and how many there are.
_COUNT = (1 << _SHIFT) - 1
#: Prepared listed names kept between screenings.
_FORMS_KEPT = 4096


@attrs.frozen
class ListedName:
    """A listed name or alias as screened: one of the forms of :func:`name_forms`."""

    entry: WatchlistEntry
    field: str
    value: str
    weak: bool
    variant: int = 0


def _keyed_runs(form: NameForm, *, listed: bool) -> Iterator[tuple[Run, Iterable[tuple[str, bool, int]]]]:
    """Each run of a prepared name that is filed or looked up, with its keys
    (:func:`~screening._alignment.run_keys`) as ``(key, loose, anchor)``: a listed name's
    legal forms and particles, alone or joined ("joint stock"), left out: the bound counts them apart (see
    :meth:`NameIndex.candidates`), and a link to them anchors nothing. An applicant's are
    given: they link to listed particles and legal forms, and to any other listed part only
    by the same text (``_alignment._link``); :meth:`NameIndex.candidates` looks up their
    strong keys only.

    ``anchor`` says when a link through the key can anchor a name (see
    :attr:`screening._alignment.Link.anchors`): :data:`_SURE` for strong, OCR and kana keys and
    for any key of a kana part and any key of a single part's :data:`ARABIC_ANCHOR_CONSONANTS`
    Arabic consonants or more; :data:`_LONG` for the other loose keys of parts of 6 letters or more,
    which anchor when both parts are that long; 0 otherwise (a joined run's spelling skeleton
    among them: a spelling of joined parts anchors nothing).
    """
    for run in form.runs:
        if listed and low_information(form, run):
            continue
        if listed:
            yield run, _anchored_keys(run.text, run.latin, run.width, run.pieces, listed)
        else:
            yield run, _applicant_keys(run.text, run.latin, run.width, run.pieces)


@functools.lru_cache(maxsize=8192)
def _applicant_keys(
    text: str, latin: tuple[str, ...], width: int, pieces: tuple[str, ...]
) -> tuple[tuple[str, bool, int], ...]:
    """An applicant's run's keys with their anchor flags (:func:`_anchored_keys`), worked out
    once a run: applicants share most of their parts."""
    return tuple(_anchored_keys(text, latin, width, pieces, False))


def _anchored_keys(
    text: str, latin: tuple[str, ...], width: int, pieces: tuple[str, ...], listed: bool
) -> Iterator[tuple[str, bool, int]]:
    """A run's keys (:func:`~screening._alignment.run_keys`) with their anchor flags."""
    kana = width == 1 and translit.script(text) == "kana"
    long_part = width == 1 and len(latin[0]) >= LOOSE_ANCHOR_LENGTH
    # A single part's key of ARABIC_ANCHOR_CONSONANTS Arabic consonants or more anchors, as
    # Link.anchors counts it.
    sure = _SURE_PREFIXES + ARABIC_KEY_PREFIXES if width == 1 else _SURE_PREFIXES
    for key, loose in run_keys(text, latin, width, pieces, listed=listed):
        if (
            not loose
            or kana
            or (
                key.startswith(sure)
                and (key[:3] not in ARABIC_KEY_PREFIXES or len(key) >= _ARABIC_ANCHOR_KEY_LENGTH)
            )
        ):
            yield key, loose, _SURE
        else:
            yield key, loose, _LONG if long_part else 0


#: The loose keys that anchor whatever the parts' length: OCR's and kana's.
_SURE_PREFIXES = ("o:", "kk:", "kl:")
#: The length of the shortest Arabic-consonant key ("aa:" or "al:") that anchors.
_ARABIC_ANCHOR_KEY_LENGTH = len(ARABIC_KEY_PREFIXES[0]) + ARABIC_ANCHOR_CONSONANTS


def _part_keys(part: Part) -> Iterator[tuple[str, bool, int]]:
    """A listed part's keys with their anchor flags (:func:`_anchored_keys`)."""
    return _anchored_keys(part.text, part.latin, 1, (), True)


def _grouped(
    numbers: array.array[int], items: array.array[int], groups: int
) -> tuple[array.array[int], array.array[int]]:
    """Sort ``items`` by their group ``numbers`` (a counting sort, which keeps each group's
    items in order): where each group starts (one more entry: the end), and the items."""
    starts = array.array("Q", bytes(8 * (groups + 1)))
    for number in numbers:
        starts[number + 1] += 1
    for number in range(groups):
        starts[number + 1] += starts[number]
    ends = array.array("Q", starts[:-1])
    grouped = array.array("Q", bytes(8 * len(items)))
    for number, item in zip(numbers, items, strict=True):
        grouped[ends[number]] = item
        ends[number] += 1
    return starts, grouped


def _span(start: int, end: int) -> int:
    """The bit mask of parts ``start``..``end``, later parts folded into the last bit."""
    last = _BITS - 1
    if end <= last:
        return (1 << end) - (1 << start)
    return ((1 << last) - (1 << min(start, last))) | 1 << last


def _loose_spelling(part: Part) -> str:
    """The spelling an initial or a two-letter difference is judged on; "" for Han and Hangul
    parts, which are read exactly."""
    return "" if translit.script(part.text) in {"han", "hangul"} else part.latin[0]


class _Shape(NamedTuple):
    """What the bound needs of a listed name: part weights (folded into the tracked bits),
    the parts that always count, the parts' Latin spellings ("" for Han and Hangul).

    A tuple of plain values (a named tuple, which the garbage collector tracks, unlike a plain
    one of plain values).
    """

    weights: tuple[float, ...]
    always: int
    spellings: tuple[str, ...]
    #: The listed name's weight.
    total: float
    #: How many weighty parts align needs covered: two, or one for one-part names and names
    #: of one name besides legal forms and particles (or none for names so long that their
    #: parts share bits).
    needed: int
    #: The bits of the weighty parts.
    weighty: int
    #: (bit, weight, spelling) of the parts a two-letter difference may reach (8 letters or
    #: more), and of the parts an initial may reach (2 letters or more); not Han or Hangul.
    long: tuple[tuple[int, float, str], ...]
    initialed: tuple[tuple[int, float, str], ...]
    #: The most that two-letter differences (or initials) of the long parts, and initials of
    #: the others, could add to the covered weight; and the bits of those parts.
    long_potential: float
    initialed_potential: float
    long_bits: int
    initialed_bits: int
    #: The bit of the name's patronymic (0 for none), and what its weight comes off the total
    #: when the applicant leaves it out (see screening._alignment.patronymic).
    patronymic_bit: int
    patronymic_discount: float
    #: The bits that keys must reach for close links to every part to anchor the name (see
    #: ``close_throughout`` in :func:`~screening._alignment.align`): its weighty parts but
    #: particles and legal forms (titles weigh nothing), when two or more remain; else a bit
    #: no key reaches.
    throughout: int
    #: (bit, spelling) of each particle and legal form (the parts of ``always``), and their bits.
    low: tuple[tuple[int, str], ...]
    low_bits: int
    #: The bits of a person's middle names, of the first given name and of the family name
    #: (see screening._alignment.middle_names; saved with the index), and (bit, what its
    #: weight comes off the total) of each middle name the applicant leaves out, when strong
    #: keys reach the first given name and the family name.
    middle: tuple[int, int, int]
    middle_discounts: tuple[tuple[int, float], ...]
    #: The least share of the name's weight that part of it may be scored by, as what the
    #: applicant gives (a person's, an organization's; see screening._alignment._partial_name);
    #: 0.0 when no part may (a Chinese or Korean person's name, a name of two names).
    partial: float

    @classmethod
    def make(
        cls,
        weights: tuple[float, ...],
        always: int,
        spellings: tuple[str, ...],
        middle: tuple[int, int, int],
        partial: float,
    ) -> _Shape:
        """A shape, with its total and needed parts worked out."""
        weighty = 0
        for index, weight in enumerate(weights):
            if weight > 0:
                weighty |= 1 << index
        long: list[tuple[int, float, str]] = []
        initialed: list[tuple[int, float, str]] = []
        long_weight = initialed_weight = 0.0
        long_bits = initialed_bits = 0
        low: list[tuple[int, str]] = []
        for index, spelling in enumerate(spellings[: _BITS - 1]):  # folded parts count with the last bit
            bit, weight = 1 << index, weights[index]
            if always & bit:
                low.append((bit, spelling))
            size = len(spelling)
            if size < 2:
                continue  # an initial, or a Han or Hangul part ("")
            if size >= TWO_LETTER_LENGTH:
                long.append((bit, weight, spelling))
                long_weight += weight
                long_bits |= bit
            else:
                initialed.append((bit, weight, spelling))
                initialed_weight += weight
                initialed_bits |= bit
        father = patronymic(spellings)
        father_bit, father_discount = 0, 0.0
        if father is not None:
            father_bit = 1 << min(father, _BITS - 1)
            father_discount = (1 - PATRONYMIC_FACTOR) * weights[min(father, _BITS - 1)]
        middle_discounts = tuple(
            (1 << index, (1 - MIDDLE_NAME_FACTOR) * weights[index])
            for index in range(min(len(weights), _BITS - 1))
            if middle[0] >> index & 1 and index != father
        )
        informative = weighty & ~always
        throughout = informative if informative.bit_count() >= 2 else _UNREACHED
        return cls(
            weights,
            always,
            spellings,
            sum(weights),
            0 if len(weights) >= _BITS else min(2, weighty.bit_count(), informative.bit_count() or 2),
            weighty,
            tuple(long),
            tuple(initialed),
            LOOSE_BOUND * long_weight,
            INITIAL_BOUND * initialed_weight,
            long_bits,
            initialed_bits,
            father_bit,
            father_discount,
            throughout,
            tuple(low),
            sum(bit for bit, _spelling in low),
            middle,
            middle_discounts,
            partial,
        )

    @classmethod
    def of(
        cls, parts: tuple[Part, ...], middle: MiddleNames | None = None, *, person: bool = False
    ) -> _Shape:
        """The shape of a name with these parts, and these middle names; ``person``: the name
        is a person's."""
        weights = [0.0] * min(len(parts), _BITS)
        always = 0
        for index, part in enumerate(parts):
            weights[min(index, _BITS - 1)] += part.weight
            if part.text in LOW_INFORMATION:
                always |= _span(index, index + 1)
        spellings = tuple(sys.intern(_loose_spelling(part)) for part in parts)
        bits = (0, 0, 0)
        if middle is not None:
            bits = (
                sum(1 << index for index in middle.names),
                1 << middle.first,
                sum(1 << index for index in middle.family),
            )
        least = PARTIAL_LEAST_SHARE if person else PARTIAL_ORGANIZATION_SHARE
        partial = least if partial_allowed(parts, person=person) else 0.0
        return cls.make(tuple(weights), always, spellings, bits, partial)


def _share(value: object) -> float:
    """A saved shape's least share for a partial name: a number from 0 to 1 (anything else, as
    a damaged file might hold, is no share: no part of the name may be scored)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0.0 <= value <= 1.0:
        return float(value)
    return 0.0


@functools.cache
def _low_information_keys() -> dict[str, frozenset[str]]:
    """The keys of each legal form and particle as a listed part, to the parts that have them:
    which listed legal forms and particles (not filed) an applicant's name may link to."""
    found: dict[str, set[str]] = {}
    for text in LOW_INFORMATION:
        for key, _loose in run_keys(text, (text,), 1, (), listed=True):
            found.setdefault(key, set()).add(text)
    return {key: frozenset(texts) for key, texts in found.items()}


class _LongParts:
    """An applicant's parts of 8 letters or more, and the listed spellings checked against
    them: whether a listed spelling is at most two letters from one of them."""

    def __init__(self, spellings: tuple[str, ...]) -> None:
        self.spellings = spellings
        self.checked: dict[str, bool] = {}

    def near(self, spelling: str) -> bool:
        """Tell whether ``spelling`` is at most two letters from one of the parts (a listed
        part they may link with no key: :func:`~screening._rules.keyless_comparable`)."""
        found = self.checked.get(spelling)
        if found is None:
            found = any(keyless_comparable(other, spelling) for other in self.spellings)
            self.checked[spelling] = found
        return found


#: What a listed part a partial name leaves out weighs, at least: a person's or an
#: organization's weight, whichever is less.
_LEAST_LEFT_OUT_WEIGHT = min(PARTIAL_LEFT_OUT_WEIGHT, PARTIAL_ORGANIZATION_LEFT_OUT_WEIGHT)


def _partial_unlinked(shape: _Shape, keyed: int, keyless: tuple[str, ...]) -> int:
    """How many of the applicant's names may link nothing in align's partial name of a listed
    name whose parts ``keyed`` share a key with the applicant's (see
    ``screening._alignment._partial_name``): :data:`PARTIAL_UNLINKED` when
    :data:`PARTIAL_UNLINKED_BESIDE` informative listed parts or more are keyed, or two of a
    person's name whose family name (of a name written "FAMILY, Given Middle") is linked; none
    otherwise. Informative parts are counted on the keyed weighty parts but particles and
    legal forms: as many as align links closely, or more (in a name so long that its last bit
    holds several parts, any number). The family name may be linked by any link, one with no
    key too ("C." for CORADO): a part no key reaches counts as linked when one of the
    applicant's initials and long parts (``keyless``) may link it (:func:`_comparable`)."""
    informative = keyed & shape.weighty & ~shape.always
    count = informative.bit_count()
    if count >= PARTIAL_UNLINKED_BESIDE or informative >> (_BITS - 1):
        return PARTIAL_UNLINKED
    if count < 2 or shape.partial >= PARTIAL_ORGANIZATION_SHARE:
        return 0  # beside two, only in a person's name (a least share below an organization's)
    left = shape.middle[2] & ~keyed
    while left:  # each part of the family name no key reaches
        bit = left & -left
        left ^= bit
        listed = shape.spellings[bit.bit_length() - 1]
        if not any(_comparable(spelling, listed) for spelling in keyless):
            return 0
    return PARTIAL_UNLINKED


def _partial_bound(
    shape: _Shape, keyed: int, near: int, covered: float, reached: float, total: float
) -> float:
    """The most align's partial name may score a listed name of ``shape``: what the keyed parts
    cover (``covered``, a part reached loosely at the best loose similarity) over their weight
    (``reached``) and :data:`_LEAST_LEFT_OUT_WEIGHT` of the rest (``total`` the name's weight).

    A part reached loosely (``near``) may be left out instead, which scores a partial name
    higher when its link brings less than it costs the name given (a middle name or patronymic
    left out weighs less): the bound leaves out each whose loose share of that cost is below
    the share reached so far, the most it can be."""
    little = _LEAST_LEFT_OUT_WEIGHT
    given = (1 - little) * reached + little * total
    discounts = dict(shape.middle_discounts) if keyed & shape.middle[1] and keyed & shape.middle[2] else {}
    if shape.patronymic_bit:
        discounts[shape.patronymic_bit] = discounts.get(shape.patronymic_bit, 0.0) + shape.patronymic_discount
    costs = []
    remaining = near & shape.weighty
    while remaining:
        bit = remaining & -remaining
        remaining ^= bit
        weight = shape.weights[bit.bit_length() - 1]
        cost = (1 - little) * weight + little * discounts.get(bit, 0.0)
        costs.append((LOOSE_BOUND * weight / cost, LOOSE_BOUND * weight, cost))
    for share, brought, cost in sorted(costs):
        if share * given >= covered:
            break
        covered -= brought
        given -= cost
    return min(1.0, covered / given + _ROUNDING)


class _Query(NamedTuple):
    """An applicant's name's keys, as :meth:`NameIndex._query_keys` finds them."""

    #: Each key to look up, with whether it is loose, its anchor flags and its runs (a bit mask
    #: of their indices).
    keys: dict[str, tuple[bool, int, int]]
    #: The listed legal forms and particles its runs may link to.
    linkable: set[str]
    #: Whether it may link legal forms or particles joined.
    low_joined: bool
    #: The runs with a key of a listed legal form or particle, alone or joined (a bit mask).
    low_runs: int


class _Sources:
    """What an applicant's name tells about the parts that may link a listed name's (see
    :meth:`NameIndex._linkable`), as bit masks of the parts' indices."""

    def __init__(self, form: NameForm, low_runs: int) -> None:
        #: The parts of each run.
        self.run_parts = [(1 << run.end) - (1 << run.start) for run in form.runs]
        #: The parts that are names of their own, and of those the ones an initial does not
        #: give (the names a partial name must link); less the parts with a key of a listed
        #: legal form or particle, which count as reaching every listed name.
        self.named = self.given = 0
        for index, part in enumerate(form.parts):
            if part.named:
                self.named |= 1 << index
                if len(part.latin[0]) > 1:
                    self.given |= 1 << index
        low = self.parts(low_runs)
        self.named &= ~low
        self.given &= ~low
        #: The parts' weights.
        self.weights = [part.weight for part in form.parts]
        #: The initials and long parts (bit, spelling), which link with no key.
        self.unkeyed = [
            (1 << index, part.latin[0])
            for index, part in enumerate(form.parts)
            if len(part.latin[0]) == 1 or len(part.latin[0]) >= TWO_LETTER_LENGTH
        ]

    def parts(self, runs: int) -> int:
        """The parts of the runs ``runs`` (a bit mask of their indices)."""
        found = 0
        run_parts = self.run_parts
        while runs:
            bit = runs & -runs
            runs ^= bit
            found |= run_parts[bit.bit_length() - 1]
        return found

    def comparable(self, keyed: int, spellings: tuple[str, ...]) -> int:
        """The initials and long parts but ``keyed`` that may link a listed part of
        ``spellings`` with no key (:func:`_comparable`)."""
        found = 0
        for bit, spelling in self.unkeyed:
            if not keyed & bit and any(_comparable(spelling, listed) for listed in spellings):
                found |= bit
        return found

    def weight(self, parts: int) -> float:
        """The weight of the parts ``parts``."""
        weights = self.weights
        total = 0.0
        while parts:
            bit = parts & -parts
            parts ^= bit
            total += weights[bit.bit_length() - 1]
        return total


def _comparable(spelling: str, listed: str) -> bool:
    """Tell whether an applicant's initial or long part may link a listed part spelled
    ``listed`` with no key (:func:`~screening._rules.keyless_comparable`; see
    :meth:`_Sources.comparable`): a Han or Hangul part, whose spelling the shape leaves out
    (""), may be any initial's."""
    return (not listed and len(spelling) == 1) or keyless_comparable(spelling, listed)


@attrs.frozen
class Candidates:
    """The listed names worth aligning with an applicant's name (:meth:`NameIndex.search`), and
    what tells which of their runs share a key with the applicant's runs."""

    #: ``(position, bound, partial)`` as :meth:`NameIndex.candidates` gives them.
    found: list[tuple[int, float, bool]]
    index: NameIndex
    #: The applicant's name, prepared.
    applicant: NameForm
    #: Each filed listed run the applicant's keys reach, by number, to the applicant's runs
    #: that share a key with it (a bit mask of their indices).
    linked: dict[int, int]
    #: The applicant's runs that share a key with each listed legal form and particle (and
    #: run of them joined) met so far, by the run's text, spellings and pieces.
    _low_lefts: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[int, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    def keyed_pairs(self, position: int, listed: NameForm) -> list[tuple[int, int]]:
        """The pairs of runs, ``(applicant's index, listed index)`` in order, that share a link
        key (:func:`~screening._rules.run_keys`): what :func:`screening._alignment.align` finds
        by comparing the runs' keys, found instead from the keys the index filed for the
        listed name at ``position`` (prepared as ``listed``) and the runs the applicant's
        reached, so the listed name's keys are not worked out again.

        A listed legal form or particle, which is not filed, is compared by its keys. An
        applicant's particle's loose keys are not looked up (see :meth:`NameIndex._query_keys`):
        a particle links a listed part that is none only by its text, which shares a strong key.
        """
        numbers = iter(self.index._runs_of(position))
        linked_get = self.linked.get
        found: list[tuple[int, int]] = []
        low = listed.memo.get("low_runs")
        if low is None:
            low = listed.memo["low_runs"] = tuple([low_information(listed, run) for run in listed.runs])
        for right, run in enumerate(listed.runs):
            if low[right]:
                found.extend((left, right) for left in self._lefts_of_low(run))
                continue
            runs = linked_get(next(numbers), 0)
            while runs:
                bit = runs & -runs
                runs ^= bit
                found.append((bit.bit_length() - 1, right))
        found.sort()
        return found

    def _lefts_of_low(self, run: Run) -> tuple[int, ...]:
        """The applicant's runs that share a key with a listed run of legal forms and
        particles, by comparing their keys (once a run: "al" and "ltd" recur)."""
        signature = (run.text, run.latin, run.pieces)
        lefts = self._low_lefts.get(signature)
        if lefts is None:
            keys = run_keys(run.text, run.latin, run.width, run.pieces, listed=True)
            lefts = self._low_lefts[signature] = tuple(runs_with_keys(self.applicant, keys))
        return lefts


#: A listed value to index: the entry, the field, the name as listed, whether a weak alias.
ListedValue = tuple[WatchlistEntry, str, str, bool]


class NameIndex:
    """Listed names by their link keys, with the bound that picks the ones worth aligning.

    Build it with :meth:`build` or read a saved one with :meth:`load`; ``names`` holds the
    listed names in a fixed order, and positions refer to it.
    """

    def __init__(self, names: Sequence[ListedName] = ()) -> None:
        self.names = tuple(names)
        self._slots: dict[str, int] = {}  # key to its references (_COUNT)
        self._refs = array.array("Q")  # runs by key (_FLAGS)
        self._starts = array.array("Q", [0])  # where each run's occurrences start
        self._occurrences = array.array("Q")  # names by run (_SHIFT)
        #: Each name's filed runs by number, in the order of its prepared form's runs (those
        #: :func:`_keyed_runs` gives), and where each name's start (one more entry: the end).
        self._name_runs = array.array("Q")
        self._name_starts = array.array("Q", [0])
        self._shapes: list[_Shape] = []
        #: The keys of the runs that join only legal forms and particles ("joint stock"), which
        #: are not filed (see candidates).
        self._low_joined: frozenset[str] = frozenset()
        self.form = functools.lru_cache(maxsize=_FORMS_KEPT)(self._form)

    def _skeletons_reached(self, form: NameForm, keys: dict[str, tuple[bool, int, int]]) -> dict[int, int]:
        """The part masks of the listed names that the spelling skeletons (``s:`` keys) of the
        applicant's runs that hold every name it gives reach, by position: what may anchor an
        organization of one name (:meth:`_one_names`; with a name more the applicant's is
        another, as align has it). :meth:`_reached` tells no key from another."""
        if not self._one_names:
            return {}
        named = sum(1 << index for index, part in enumerate(form.parts) if part.named)
        # The applicant's runs, by number as _query_keys gives them, that hold every name.
        whole = sum(
            1 << number
            for number, run in enumerate(form.runs)
            if not named & ~((1 << run.end) - (1 << run.start))
        )
        reached: dict[int, int] = {}
        slots, refs, starts, occurrences = self._slots, self._refs, self._starts, self._occurrences
        for key, (_loose, _anchor, runs) in keys.items():
            slot = slots.get(key) if runs & whole and key.startswith("s:") else None
            if slot is None:
                continue
            offset = slot >> _SHIFT
            for ref in refs[offset : offset + (slot & _COUNT)]:
                run = ref >> _FLAGS
                for occurrence in occurrences[starts[run] : starts[run + 1]]:
                    position = occurrence >> _SHIFT
                    reached[position] = reached.get(position, 0) | (occurrence & _MASK)
        return reached

    @functools.cached_property
    def _throughouts(self) -> list[int]:
        """Each name's :attr:`_Shape.throughout`, by position: the bound looks it up for every
        name a loose key reaches, most of which it leaves."""
        return [shape.throughout for shape in self._shapes]

    @functools.cached_property
    def _one_names(self) -> dict[int, int]:
        """The organizations' names of one informative part of 5 letters or more, by position,
        each with that part's bit: a spelling of the part may anchor them (as
        :func:`~screening._alignment.align` lets it), so a loose key reaching it makes them
        candidates. Worked out from the names and shapes, at the first search."""
        found: dict[int, int] = {}
        for position, (listed, shape) in enumerate(zip(self.names, self._shapes, strict=True)):
            informative = shape.weighty & ~shape.always
            if listed.entry.kind is EntryKind.PERSON or informative.bit_count() != 1:
                continue
            if len(shape.spellings[informative.bit_length() - 1]) >= SKELETON_LENGTH:
                found[position] = informative
        return found

    def _form(self, position: int) -> NameForm:
        """The prepared form of the listed name at ``position``."""
        listed = self.names[position]
        return name_forms(listed.value, person=listed.entry.kind is EntryKind.PERSON)[listed.variant]

    @classmethod
    def build(
        cls,
        values: Sequence[ListedValue],
        *,
        part_keys: Callable[[Part], Iterable[tuple[str, bool, int]]] = _part_keys,
        joined: Callable[[tuple[Part, ...]], Iterable[tuple[str, bool]]] = joined_keys,
    ) -> NameIndex:
        """Prepare every listed name and file it under its keys.

        Names share most of their parts ("kim", "mohammed"), so a part's keys are worked out
        once, and each name is filed under its runs. The runs are not built: their keys come
        from the name's parts and spans (:func:`~screening._alignment.run_spans`), as
        :func:`_keyed_runs` gives them for the prepared name. ``part_keys`` and ``joined``
        work out the keys of a part and of joined parts; ``benchmarks/build_floor.py`` gives
        them keys worked out beforehand, to time the rest of the build.
        """
        names: list[ListedName] = []
        shapes: list[_Shape] = []
        single: dict[tuple[str, tuple[str, ...]], int] = {}  # distinct single parts to their run number
        joined_runs: dict[tuple[str, ...], int] = {}  # distinct joined runs (their parts' texts) likewise
        count = 0  # runs numbered
        low_joined: dict[tuple[str, ...], frozenset[str]] = {}  # legal forms joined, to their keys
        slots: dict[str, int] = {}  # key to its number while building
        slot = slots.setdefault
        key_numbers, refs = array.array("I"), array.array("Q")
        run_numbers, occurrences = array.array("I"), array.array("Q")
        name_starts = array.array("Q", [0])
        sure = _SURE >> _BITS
        for entry, field, value, weak in values:
            person = entry.kind is EntryKind.PERSON
            for variant, parts in enumerate(name_parts(value, person=person)):
                position = len(names)
                names.append(ListedName(entry, field, value, weak, variant))
                shapes.append(_Shape.of(parts, middle_names(value, parts) if person else None, person=person))
                low = [part.text in LOW_INFORMATION for part in parts]
                for start, part in enumerate(parts):
                    if low[start]:
                        continue  # legal forms and particles alone (see _keyed_runs)
                    signature = (part.text, part.latin)
                    number = single.get(signature)
                    if number is None:
                        number = single[signature] = count
                        count += 1
                        for key, _loose, anchor in part_keys(part):
                            key_numbers.append(slot(key, len(slots)))
                            refs.append(number << _FLAGS | anchor >> _BITS)
                    run_numbers.append(number)
                    occurrences.append(position << _SHIFT | _span(start, start + 1))
                for start, end, chosen in joined_spans(parts, person=person):
                    texts = tuple([part.text for part in chosen])
                    if all(low[start:end]):
                        if texts not in low_joined:
                            low_joined[texts] = frozenset(key for key, _loose in joined_keys(chosen))
                        continue
                    # A joined run's keys depend on its parts' texts alone: a third of OFAC's
                    # joined runs repeat ("abdul rahman"), and are keyed once.
                    number = joined_runs.get(texts)
                    if number is None:
                        number = joined_runs[texts] = count
                        count += 1
                        # A strong key anchors; their spelling skeleton does not.
                        for key, loose in joined(chosen):
                            key_numbers.append(slot(key, len(slots)))
                            refs.append(number << _FLAGS | (0 if loose else sure))
                    run_numbers.append(number)
                    occurrences.append(position << _SHIFT | _span(start, end))
                name_starts.append(len(run_numbers))
        del single, joined_runs
        index = cls(names)
        index._shapes = shapes
        index._low_joined = frozenset().union(*low_joined.values())
        key_starts, index._refs = _grouped(key_numbers, refs, len(slots))
        index._name_runs, index._name_starts = array.array("Q", run_numbers), name_starts
        index._starts, index._occurrences = _grouped(run_numbers, occurrences, count)
        del key_numbers, refs, run_numbers, occurrences
        for key, number in slots.items():  # in place: a second dict of every key would double it
            slots[key] = key_starts[number] << _SHIFT | (key_starts[number + 1] - key_starts[number])
        index._slots = slots
        return index

    def spelling_count(self, spelling: str) -> int:
        """How many listed names have a part spelled ``spelling`` in Latin letters (a part
        joined from others that reads the same counts too; twice in one name counts twice)."""
        return self.key_count("l:" + spelling)

    def name_count(self, spelling: str) -> int:
        """How many listed names have a part that is a spelling of the name spelled
        ``spelling``: spelled so, or, from 5 letters, with the same spelling skeleton
        ("abdallah", "abdullah"; "husayn", "hussein")."""
        if len(spelling) < SKELETON_LENGTH:
            return self.spelling_count(spelling)
        return max(self.spelling_count(spelling), self.key_count("s:" + spelling_skeleton(spelling)))

    def key_count(self, key: str) -> int:
        """How many listed names are filed under ``key`` (a name twice as often as it has a
        run with the key)."""
        slot = self._slots.get(key)
        if slot is None:
            return 0
        offset, starts = slot >> _SHIFT, self._starts
        return sum(
            starts[(ref >> _FLAGS) + 1] - starts[ref >> _FLAGS]
            for ref in self._refs[offset : offset + (slot & _COUNT)]
        )

    def candidates(self, form: NameForm, least: float) -> list[tuple[int, float, bool]]:
        """The listed names whose bound reaches ``least``: ``(position, bound, partial)`` in
        order, ``partial`` when only part of the name (align's partial name) could reach it
        (and every name the applicant gives but one has a key of it: see
        :meth:`_linkable`).
        """
        return self.search(form, least).found

    def search(self, form: NameForm, least: float) -> Candidates:
        """The candidates (:meth:`candidates`), with the listed runs the name's keys reach, which
        tell the pairs of runs that share a key (:meth:`Candidates.keyed_pairs`)."""
        query = self._query_keys(form)
        found, linked, unlinked = self._bounded(form, query, least)
        if found:
            found = self._linkable(form, query, found, linked, unlinked, least)
        return Candidates(found, self, form, linked)

    def _runs_of(self, position: int) -> array.array[int]:
        """The numbers of the filed runs of the name at ``position``, in its form's order."""
        return self._name_runs[self._name_starts[position] : self._name_starts[position + 1]]

    def _bounded(
        self, form: NameForm, query: _Query, least: float
    ) -> tuple[list[tuple[int, float, bool]], dict[int, int], dict[int, int]]:
        """The listed names whose bound reaches ``least``, as :meth:`candidates` gives them,
        before :meth:`_linkable` looks at the applicant's parts their keys reach; the listed
        runs the keys reach (:meth:`_reached`); and for each partial one, how many of the
        applicant's names may link nothing (:func:`_partial_unlinked`).

        The bound is at least the score :func:`align` gives the pair (before any factor for
        weak aliases), so no name left out could reach ``least``.

        A listed legal form or particle counts as covered when a key of the applicant's name is
        one of its keys (:func:`_low_information_keys`), or when one is a key of a run of the
        list that joins legal forms and particles (then every one counts). An applicant's
        particle or legal form links a listed part that is none only by its text ("Al" is no
        listed "A1" though it shares the OCR key), and listed legal forms and particles alone
        are not filed: the filed parts it may link are those, and joined parts that read as a
        legal form ("L.L.C." for "OOO"), which it links exactly, by reading or as the same
        legal form. So it looks up its strong keys only.
        """
        keys, linkable, low_joined = query.keys, query.linkable, query.low_joined
        strong, loose, linked = self._reached(keys)
        latin = [spelling for spelling in map(_loose_spelling, form.parts) if spelling]
        initials = {spelling for spelling in latin if len(spelling) == 1}
        long_parts = _LongParts(tuple(spelling for spelling in latin if len(spelling) >= TWO_LETTER_LENGTH))
        # Whether two-letter differences or initials (which leave no key) may reach long parts,
        # and whether initials may reach the others.
        long_reachable = bool(initials or long_parts.spellings)
        keyless = (*initials, *long_parts.spellings)
        result: list[tuple[int, float, bool]] = []
        unlinked: dict[int, int] = {}
        shapes, strong_mask, loose_mask, mask = self._shapes, strong.get, loose.get, _MASK
        # A name can only be aligned through an anchoring link (align() requires one).
        # Or, for a name of two informative parts or more, through close links to every part
        # (a name also reached strongly is a candidate anyway).
        throughouts = self._throughouts
        anchored = [
            position
            for position, found in loose.items()
            if found & _SURE or found & (throughout := throughouts[position]) == throughout
        ]
        # Or, for an organization of one name, through a spelling skeleton of it (_one_names).
        one_names = self._one_names.get
        anchored += [
            position
            for position, parts in self._skeletons_reached(form, keys).items()
            if parts & one_names(position, 0)
        ]
        for position in sorted(strong.keys() | anchored):
            shape = shapes[position]
            total = shape.total
            if not total:
                result.append((position, 1.0, False))
                continue
            always = shape.always
            # First with every legal form and particle counted (as many parts or more than
            # below): most names reached share one part with the applicant's.
            strong_bits, loose_bits = strong_mask(position, 0), loose_mask(position, 0)
            possible = strong_bits | loose_bits & mask | always
            if long_reachable:
                possible |= shape.long_bits | (shape.initialed_bits if initials else 0)
            if (possible & shape.weighty).bit_count() < shape.needed:
                continue  # align needs two weighty listed parts covered (one for one-part names)
            if always and not low_joined:
                if linkable:
                    always &= ~sum(bit for bit, spelling in shape.low if spelling not in linkable)
                else:
                    always &= ~shape.low_bits
            full = strong_bits | always
            near = loose_bits & mask & ~full
            keyed = full | near
            if shape.patronymic_bit and not keyed & shape.patronymic_bit:
                total -= shape.patronymic_discount  # align weighs a patronymic left out less
            potential = 0.0
            possible = keyed
            if long_reachable:  # what parts no key reaches could add
                if shape.long_bits & ~keyed:
                    potential = shape.long_potential
                    possible |= shape.long_bits
                if initials and shape.initialed_bits & ~keyed:
                    potential += shape.initialed_potential
                    possible |= shape.initialed_bits
            if shape.middle_discounts and full & shape.middle[1] and full & shape.middle[2]:
                # And middle names left out, beside the first given and family names.
                total -= sum(discount for bit, discount in shape.middle_discounts if not keyed & bit)
            if (possible & shape.weighty).bit_count() < shape.needed:
                continue  # align needs two weighty listed parts covered (one for one-part names)
            covered = reached = 0.0
            count = 0
            weights = shape.weights
            remaining = keyed
            while remaining:  # each part a key reaches
                bit = remaining & -remaining
                remaining ^= bit
                weight = weights[bit.bit_length() - 1]
                covered += weight if full & bit else LOOSE_BOUND * weight
                reached += weight
                count += weight > 0
            keyed_covered = covered
            potential = min(potential, LOOSE_BOUND * (total - reached))
            if potential and (covered + potential) / total + _ROUNDING >= least:
                added, more = self._unkeyed(shape, keyed, initials, long_parts, least * total - covered)
                covered += added
                count += more
            if count < shape.needed:
                continue  # align needs two weighty listed parts covered (one for one-part names)
            bound = min(1.0, covered / total + _ROUNDING)
            # Part of a longer listed name, the parts left out weighing little (align's partial
            # name): at most what the keyed parts cover (a part reached loosely at the best loose
            # similarity) over their weight and that little, giving at least a person's least
            # share (an organization's is larger: the bound holds). Parts no key reaches add
            # nothing: a two-letter difference is no close link, which a partial name needs, and
            # an initial (half its part's weight over its part's weight) lowers a score that
            # could reach review. Two names of it keyed (align links two informative parts
            # closely, by keys). A name written "FAMILY, Given Middle" only with its first given
            # name linked strongly: reached by a strong key, or by any key when a sure loose one
            # reaches the name (OCR's link is strong to align). And with a strong link but in a
            # person's name (a least share below an organization's), which spellings of every
            # name given may make. How many of the applicant's names may link nothing is told
            # too (:func:`_partial_unlinked`; :meth:`_linkable` counts them).
            if (
                shape.partial
                and reached >= shape.partial * total - _ROUNDING
                and (shape.needed == 0 or (keyed & shape.weighty & ~shape.always).bit_count() >= 2)
                and (keyed if loose_bits & _SURE else full) & shape.middle[1] == shape.middle[1]
                and (
                    full & shape.weighty & ~shape.always
                    or loose_bits & _SURE
                    or shape.partial < PARTIAL_ORGANIZATION_SHARE  # a person's: spellings may do
                )
            ):
                partial_bound = _partial_bound(shape, keyed, near, keyed_covered, reached, total)
                if partial_bound > bound:
                    if bound < least <= partial_bound:
                        result.append((position, partial_bound, True))
                        unlinked[position] = _partial_unlinked(shape, keyed, keyless)
                        continue
                    bound = partial_bound
            if bound >= least:
                result.append((position, bound, False))
        return result, linked, unlinked

    def _linkable(
        self,
        form: NameForm,
        query: _Query,
        found: list[tuple[int, float, bool]],
        linked: dict[int, int],
        unlinked: dict[int, int],
        least: float,
    ) -> list[tuple[int, float, bool]]:
        """The candidates less those whose links align is sure to refuse, told from the
        applicant's parts that share a key with a listed name's runs (``linked``: the
        applicant's runs that share a key with each listed run, :meth:`_reached`):

        - a partial one that more of the applicant's names reach with no key than
          ``unlinked`` allows it (:func:`_partial_unlinked`): a partial name needs every name
          the applicant gives linked, but for :data:`PARTIAL_UNLINKED` beside enough linked
          (align's partial name; matching checks it on the names themselves, which costs
          their preparation);
        - one that a single part of the applicant's name alone may link, when the applicant
          gives another name that links none of it: one shared part, never a correspondence
          of names, for a person's name (align's ``_unanchored``). Keys reached through a
          link of one part ("hassan") to two listed ones ("HUSSEIN, Hussein") are most
          candidates align leaves;
        - a name of one name or one part, when the applicant gives a name that links none of
          it, however many of the applicant's parts reach it ("Nusrat al-Aqsa al-Sharif" for
          AL-AQSA, whose "al" and "aqsa" both do): align takes it for one shared part when the
          applicant has more ("Hameedul" beside "Hassan" for HASSAN).

        And the bound of the others comes down by the applicant's names that link none of the
        listed name's: align counts each as a part added to the listed name
        (:data:`EXTRA_PART_WEIGHT`); those whose bound then falls below ``least`` are left.

        A name with a key that a listed legal form or particle has (which are not filed)
        counts as reaching every name; an initial or a long part, which may link a listed part
        with no key (``_alignment._pairs``), as reaching any it may be compared with.
        """
        sources = _Sources(form, query.low_runs)
        extra = EXTRA_PART_WEIGHT / (form.weight or 1.0)
        runs_of, linked_get, shapes, names = self._runs_of, linked.get, self._shapes, self.names
        kept = []
        for position, bound, is_partial in found:
            reaching = 0
            for number in runs_of(position):
                reaching |= linked_get(number, 0)
            keyed = sources.parts(reaching)
            if is_partial and (sources.given & ~keyed).bit_count() > unlinked[position]:
                continue
            left = sources.named & ~keyed
            if left:
                shape = shapes[position]
                keyed |= sources.comparable(keyed, shape.spellings)
                left &= ~keyed
                if left and (
                    shape.needed == 1
                    or (keyed.bit_count() <= 1 and names[position].entry.kind is EntryKind.PERSON)
                ):
                    continue  # one shared part
                bound *= 1 - extra * sources.weight(left)
                if bound + _ROUNDING < least:
                    continue
            kept.append((position, bound, is_partial))
        return kept

    def _query_keys(self, form: NameForm) -> _Query:
        """An applicant's name's keys to look up, and what they tell of the listed legal forms
        and particles it may link (see :meth:`candidates`)."""
        keys: dict[str, tuple[bool, int, int]] = {}
        low_keys, joined_low = _low_information_keys(), self._low_joined
        linkable: set[str] = set()
        low_joined = False
        low_runs = 0
        for number, (part_run, found) in enumerate(_keyed_runs(form, listed=False)):
            low = part_run.text in LOW_INFORMATION
            bit = 1 << number
            for key, is_loose, anchor in found:
                texts = low_keys.get(key)
                if texts:
                    linkable.update(texts)
                    low_runs |= bit
                if key in joined_low:
                    low_joined = True
                    low_runs |= bit
                if not (low and is_loose):  # a particle links filed parts by strong keys only
                    _loose, anchors, runs = keys.get(key, (is_loose, 0, 0))
                    keys[key] = (is_loose, anchors | anchor, runs | bit)
        return _Query(keys, linkable, low_joined, low_runs)

    def _reached(
        self, keys: dict[str, tuple[bool, int, int]]
    ) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
        """The listed names the keys reach, by position: the part masks reached strongly, and
        those reached loosely (with _SURE for names a loose link may anchor); and the listed
        runs reached, by number, with the applicant's runs that reach each (a bit mask)."""
        strong: dict[int, int] = {}
        loose: dict[int, int] = {}
        linked: dict[int, int] = {}
        slots, shift, mask = self._slots, _SHIFT, _MASK  # locals: these loops are the hot path
        refs, starts, occurrences = self._refs, self._starts, self._occurrences
        strong_get, loose_get, linked_get = strong.get, loose.get, linked.get
        # How each listed run was reached: 2 strongly, 1 loosely and anchoring, 0 loosely. A
        # part the applicant has too shares a dozen keys with it; its names are visited once.
        visited: dict[int, int] = {}
        visited_get = visited.get
        for key, (is_loose, anchor, runs) in keys.items():
            slot = slots.get(key)
            if slot is None:
                continue
            offset = slot >> shift
            # A loose link anchors when either side is sure to, or both parts are long.
            sure = anchor & _SURE
            anchors = (_SURE | _LONG if anchor & _LONG else _SURE) >> _BITS
            for ref in refs[offset : offset + (slot & _COUNT)]:
                run = ref >> _FLAGS
                linked[run] = linked_get(run, 0) | runs
                if not is_loose:
                    if visited_get(run, -1) == 2:
                        continue
                    visited[run] = 2
                    for occurrence in occurrences[starts[run] : starts[run + 1]]:
                        position = occurrence >> shift
                        strong[position] = strong_get(position, 0) | (occurrence & mask)
                    continue
                flag = _SURE if sure or ref & anchors else 0  # the name may be anchored
                how = 1 if flag else 0
                if visited_get(run, -1) >= how:
                    continue  # a strong link covers what a loose one would
                visited[run] = how
                for occurrence in occurrences[starts[run] : starts[run + 1]]:
                    position = occurrence >> shift
                    loose[position] = loose_get(position, 0) | (occurrence & mask) | flag
        return strong, loose, linked

    @staticmethod
    def _unkeyed(
        shape: _Shape,
        reached: int,
        initials: set[str],
        long_parts: _LongParts,
        needed: float,
    ) -> tuple[float, int]:
        """What initials and two-letter differences (which leave no key) could add to the
        covered weight, and to the count of covered weighty parts; two-letter differences
        are checked only when the weight they could add reaches ``needed``. Called only when
        the applicant has initials or long parts."""
        added = 0.0
        count = 0
        if initials:
            for bit, weight, spelling in shape.initialed:
                if not reached & bit and spelling[0] in initials:
                    added += INITIAL_BOUND * weight
                    count += weight > 0
        maybe_long = []
        potential = 0.0
        checked = long_parts.checked
        for bit, weight, spelling in shape.long:
            if not reached & bit and (checked.get(spelling, True) or spelling[0] in initials):
                maybe_long.append((weight, spelling))
                potential += LOOSE_BOUND * weight
        if added + potential + _ROUNDING < needed:
            return added + potential, count + len(maybe_long)  # too little anyway
        for weight, spelling in maybe_long:
            if long_parts.near(spelling):
                added += LOOSE_BOUND * weight
                count += weight > 0
            elif spelling[0] in initials:
                added += INITIAL_BOUND * weight
                count += weight > 0
        return added, count

    def stored(self) -> tuple[list[tuple[str, Sequence[object]]], tuple[array.array[int], ...]]:
        """What a saved index holds (see :mod:`screening._storage`): the JSON fields (keys, name
        variants, shapes, the low-information joined keys) and the arrays of numbers."""
        fields: list[tuple[str, Sequence[object]]] = [
            ("keys", list(self._slots)),
            ("variants", [name.variant for name in self.names]),
            (
                "shapes",
                [
                    [shape.weights, shape.always, shape.spellings, shape.middle, shape.partial]
                    for shape in self._shapes
                ],
            ),
            ("low_joined", sorted(self._low_joined)),
        ]
        arrays = (
            array.array("Q", self._slots.values()),
            self._refs,
            self._starts,
            self._occurrences,
            self._name_runs,
            self._name_starts,
        )
        return fields, arrays

    @classmethod
    def restored(
        cls, values: Sequence[ListedValue], body: dict[str, Any], arrays: Sequence[array.array[int]]
    ) -> NameIndex | None:
        """The index from what :meth:`stored` gave, for the list's ``values``; None when the
        parts do not fit together (a damaged file is rebuilt, not read).

        Raises:
            ValueError, KeyError, TypeError, IndexError: a part has the wrong shape.
        """
        slots, refs, starts, occurrences, name_runs, name_starts = arrays
        keys, variants, shapes = body["keys"], body["variants"], body["shapes"]
        if not all(type(key) is str for key in body["low_joined"]):
            return None
        names: list[ListedName] = []
        value_index, previous = -1, 1
        for variant in variants:
            # Each value's forms in order: 0, then 1 for a name with a nickname set aside.
            if type(variant) is not int or variant not in (0, previous + 1) or variant > 1:
                return None
            value_index += variant == 0
            entry, field, value, weak = values[value_index]
            if variant and len(name_parts(value, person=entry.kind is EntryKind.PERSON)) < 2:
                return None
            names.append(ListedName(entry, field, value, weak, variant))
            previous = variant
        if len(keys) != len(slots) or len(shapes) != len(names) or value_index != len(values) - 1:
            return None
        if max(occurrences, default=0) >> _SHIFT >= max(len(names), 1):
            return None
        if max(refs, default=0) >> _FLAGS >= max(len(starts) - 1, 1) or starts[-1] != len(occurrences):
            return None
        if (
            len(name_starts) != len(names) + 1
            or name_starts[0] != 0
            or name_starts[-1] != len(name_runs)
            or any(later < earlier for earlier, later in itertools.pairwise(name_starts))
            or max(name_runs, default=0) >= max(len(starts) - 1, 1)
        ):
            return None
        index = cls(names)
        index._refs, index._starts, index._occurrences = refs, starts, occurrences
        index._name_runs, index._name_starts = name_runs, name_starts
        index._slots = dict(zip(keys, slots, strict=True))
        index._low_joined = frozenset(body["low_joined"])
        index._shapes = [
            _Shape.make(
                tuple(map(float, weights)),
                int(always),
                tuple(map(sys.intern, spellings)),
                (int(middle), int(first), int(family)),
                _share(partial),
            )
            for weights, always, spellings, (middle, first, family), partial in shapes
        ]
        # Every part mask must name parts the name has.
        widths = [(1 << len(shape.weights)) - 1 for shape in index._shapes]
        if any(
            (shape.always | shape.middle[0] | shape.middle[1] | shape.middle[2]) & ~width
            for shape, width in zip(index._shapes, widths, strict=True)
        ):
            return None
        if any(occurrence & _MASK & ~widths[occurrence >> _SHIFT] for occurrence in occurrences):
            return None
        return index
