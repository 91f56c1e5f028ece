"""Align the tokens of two names and score how much of the listed name the applicant's covers.

Names are compared token by token, in any order. A run of up to three adjacent tokens on one
side may stand for one token on the other, so ``Kwang Jin``, ``Kwang-jin`` and ``Kwangjin``
align. Each candidate pair of runs is linked by the first rule that holds:

* the same text (exact);
* the same Metaphone key between tokens of 4 or more letters with a Jaro-Winkler similarity
  of at least 0.8 (phonetic; Metaphone drops vowels, which makes shorter syllables such as
  ``li``, ``liu`` and ``lu`` collide);
* a Damerau-Levenshtein distance of 1 between tokens of 4 or more letters, or 2 between
  tokens of 8 or more (fuzzy).

Pairs are chosen greedily, strongest and longest first, without reusing a token. The score
is the share of the listed name's letters that are covered, each pair weighted by its
similarity, reduced a little for the applicant's tokens that found no partner. A listed name
of two or more tokens must have at least two of them covered, and at least one link must be
exact: one shared token (a surname, typically) never counts, and neither do names that are
only alike by sound and spelling.
"""

from __future__ import annotations

import functools
import itertools

import attrs
import jellyfish

from screening import names
from screening.phonetics import metaphone_key
from screening.results import Method

#: Longest run of adjacent tokens that may stand for one token on the other side.
_MAX_RUN = 3
#: Similarity of a link between a run of several tokens and one token with the same letters.
_JOINED_SIMILARITY = 0.98
#: Factor applied when the pairs are not in the same order on both sides.
_ORDER_FACTOR = 0.99
#: Factor applied when the names are equal once normalized but differ as written.
_NORMALIZED_FACTOR = 0.995
#: How much unpartnered applicant tokens (as a share of letters) reduce the score.
_EXTRA_TOKEN_WEIGHT = 0.2
#: Minimum Jaro-Winkler similarity for a phonetic link.
_PHONETIC_MIN_JARO_WINKLER = 0.8

_STRONG_METHODS = frozenset({Method.EXACT, Method.JOINED_TOKENS})


@attrs.frozen
class Run:
    """Adjacent tokens ``start``..``end`` (exclusive) of a name, and their letters joined."""

    start: int
    end: int
    text: str
    shown: str


@attrs.frozen
class NameForm:
    """A name prepared for comparison: as given, its tokens and its runs."""

    original: str
    tokens: tuple[str, ...]
    runs: tuple[Run, ...]

    @property
    def normalized(self) -> str:
        """The tokens joined by spaces."""
        return " ".join(self.tokens)

    @property
    def letters(self) -> int:
        """How many characters the tokens have in all."""
        return sum(len(token) for token in self.tokens)


def name_form(name: str) -> NameForm:
    """Prepare a name for comparison.

    Raises:
        InvalidNameError: the name has nothing to compare.
    """
    parts = names.tokens(name)
    runs = tuple(
        Run(start, end, "".join(parts[start:end]), " ".join(parts[start:end]))
        for width in range(1, _MAX_RUN + 1)
        for start in range(len(parts) - width + 1)
        for end in (start + width,)
    )
    return NameForm(original=name, tokens=parts, runs=runs)


@attrs.frozen
class Link:
    """A chosen pair of runs and how they were linked."""

    applicant: Run
    listed: Run
    method: Method
    similarity: float
    sentence: str


@attrs.frozen
class Alignment:
    """The outcome of comparing two names."""

    links: tuple[Link, ...]
    score: float
    method: Method
    complete: bool
    strong: bool
    covered: int


@functools.lru_cache(maxsize=65536)
def _token_link(applicant: str, listed: str) -> tuple[Method, float] | None:
    """Link two token texts by the first rule that holds, or return None."""
    if applicant == listed:
        return Method.EXACT, 1.0
    shortest = min(len(applicant), len(listed))
    if shortest < 4:
        return None
    similarity = jellyfish.jaro_winkler_similarity(applicant, listed)
    key = metaphone_key(applicant)
    if key and key == metaphone_key(listed) and similarity >= _PHONETIC_MIN_JARO_WINKLER:
        return Method.PHONETIC, 0.8 + 0.1 * similarity
    distance = jellyfish.damerau_levenshtein_distance(applicant, listed)
    if distance == 1 or (distance == 2 and shortest >= 8):
        return Method.FUZZY, 0.9 * similarity
    return None


def _sentence(applicant: Run, listed: Run, method: Method) -> str:
    if method is Method.JOINED_TOKENS:
        return f"'{applicant.shown}' is the listed '{listed.shown}' with its parts joined or split."
    if method is Method.EXACT:
        return f"'{applicant.shown}' is the listed '{listed.shown}'."
    if method is Method.PHONETIC:
        key = metaphone_key(applicant.text)
        return f"'{applicant.shown}' sounds like the listed '{listed.shown}' (Metaphone {key})."
    return f"'{applicant.shown}' is spelled close to the listed '{listed.shown}'."


def _candidates(applicant: NameForm, listed: NameForm) -> list[Link]:
    found = []
    for left in applicant.runs:
        for right in listed.runs:
            widths = (left.end - left.start, right.end - right.start)
            if widths[0] > 1 and widths[1] > 1:
                continue
            linked = _token_link(left.text, right.text)
            if linked is None:
                continue
            method, similarity = linked
            if method is Method.EXACT and widths != (1, 1):
                method, similarity = Method.JOINED_TOKENS, _JOINED_SIMILARITY
            found.append(Link(left, right, method, similarity, _sentence(left, right, method)))
    return found


def align(applicant: NameForm, listed: NameForm) -> Alignment | None:
    """Align two names; None when fewer than two listed tokens are covered or none exactly."""
    candidates = _candidates(applicant, listed)
    candidates.sort(
        key=lambda link: (
            -link.similarity * len(link.listed.text),
            link.listed.end - link.listed.start + link.applicant.end - link.applicant.start,
            link.listed.start,
            link.applicant.start,
        )
    )
    used_applicant: set[int] = set()
    used_listed: set[int] = set()
    chosen: list[Link] = []
    for link in candidates:
        left = range(link.applicant.start, link.applicant.end)
        right = range(link.listed.start, link.listed.end)
        if used_applicant.intersection(left) or used_listed.intersection(right):
            continue
        used_applicant.update(left)
        used_listed.update(right)
        chosen.append(link)
    covered = len(used_listed)
    if covered < min(2, len(listed.tokens)):
        return None
    methods = {link.method for link in chosen}
    if not methods & _STRONG_METHODS:
        return None
    matched = sum(link.similarity * len(link.listed.text) for link in chosen)
    coverage = matched / listed.letters
    extra = sum(len(token) for index, token in enumerate(applicant.tokens) if index not in used_applicant)
    score = coverage * (1 - _EXTRA_TOKEN_WEIGHT * extra / applicant.letters)
    chosen.sort(key=lambda link: link.applicant.start)
    in_order = all(earlier.listed.start < later.listed.start for earlier, later in itertools.pairwise(chosen))
    complete = covered == len(listed.tokens)
    if not complete:
        method = Method.PARTIAL
    elif Method.FUZZY in methods:
        method = Method.FUZZY
    elif Method.PHONETIC in methods:
        method = Method.PHONETIC
    elif Method.JOINED_TOKENS in methods:
        method = Method.JOINED_TOKENS
    elif not in_order:
        method = Method.TOKEN_ORDER
    elif applicant.original == listed.original:
        method = Method.EXACT
    else:
        method = Method.NORMALIZED
    if not in_order:
        score *= _ORDER_FACTOR
    if method is Method.NORMALIZED:
        score *= _NORMALIZED_FACTOR
    return Alignment(
        links=tuple(chosen),
        score=min(1.0, max(0.0, score)),
        method=method,
        complete=complete,
        strong=complete and methods <= _STRONG_METHODS,
        covered=covered,
    )
