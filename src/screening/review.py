"""The review workflow: reviewers' decisions that clear hits, and the allow-list that holds them.

A reviewer who finds that a hit is not the listed party records a :class:`ReviewDecision`: who
the applicant is (:func:`applicant_key`), which entry, who decided, why and when, and the
evidence the reviewer saw. Screening with an :class:`AllowList` reports that hit as cleared by
the decision, with its reason, instead of as a live hit, so the same false positive does not
come back at every rescreening. It comes back live as soon as the hit carries evidence the
decision did not see: a new email on a listed domain, a new alias, a changed list entry.

>>> import screening
>>> result = screening.screen(screening.Applicant(name="Danny Wang"))
>>> decision = ReviewDecision.clearing(
...     result, result.hits[0], reviewer="A. Reviewer", reason="Different person: met in person.",
...     date="2026-11-27")
>>> again = screening.screen(screening.Applicant(name="Danny Wang"), allow_list=AllowList([decision]))
>>> again.decision, again.cleared[0].cleared_by.reason
(<Decision.CLEAR: 'clear'>, 'Different person: met in person.')
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from screening import names
from screening.exceptions import InputFileError
from screening.models import Applicant, is_partial_date

if TYPE_CHECKING:
    from screening.results import Evidence, Hit, ScreeningResult

__all__ = ["AllowList", "ReviewDecision", "applicant_key", "evidence_key"]


def applicant_key(applicant: Applicant, /) -> str:
    """A stable key for who an applicant is: their name (any order), date of birth, nationality.

    Contact data is left out on purpose: a new email should bring a cleared hit back as new
    evidence, not make the applicant someone else.

    >>> applicant_key(Applicant(name="Wang Zhenxing")) == applicant_key(Applicant(name="ZHENXING wang"))
    True
    """
    identity = {
        "name": sorted(names.tokens(applicant.name)),
        "date_of_birth": applicant.date_of_birth or "",
        "nationality": applicant.nationality or "",
    }
    canonical = json.dumps(identity, sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def evidence_key(evidence: Evidence, /) -> str:
    """What a piece of evidence is, independent of the order of the applicant's values and,
    for names, of the order of their parts."""
    compared = evidence.compared
    if evidence.feature in _NAME_FEATURES:
        compared = " ".join(sorted(compared.split()))
    return f"{evidence.feature}|{compared}|{evidence.listed_field}|{evidence.listed_value}"


_NAME_FEATURES = frozenset({"name_listed", "email_local_part_names_listed"})


def _date(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not is_partial_date(value) or len(value) != 10:
        raise InputFileError(f"{attribute.name} {value!r} is not a date written YYYY-MM-DD.")


def _nonempty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputFileError(f"A review decision needs a {attribute.name}.")


def _key_set(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class ReviewDecision:
    """A reviewer's decision that a hit is not the listed party.

    Attributes:
        applicant_key: who the applicant is (:func:`applicant_key`).
        entry_id: the listed entry the decision clears.
        reviewer: who decided.
        reason: why, in the reviewer's words.
        date: when, ``YYYY-MM-DD``.
        evidence: the evidence the reviewer saw (:func:`evidence_key`); a hit with anything
            more comes back live.
        watchlist: the list the hit came from, for the record.
    """

    applicant_key: str = attrs.field(validator=_nonempty)
    entry_id: str = attrs.field(validator=_nonempty)
    reviewer: str = attrs.field(validator=_nonempty)
    reason: str = attrs.field(validator=_nonempty)
    date: str = attrs.field(validator=_date)
    evidence: frozenset[str] = attrs.field(converter=_key_set)
    watchlist: str = ""

    @classmethod
    def clearing(
        cls, result: ScreeningResult, hit: Hit, *, reviewer: str, reason: str, date: str
    ) -> ReviewDecision:
        """Record a decision that clears ``hit`` of ``result``, with the evidence it shows."""
        return cls(
            applicant_key=applicant_key(result.applicant),
            entry_id=hit.entry.id,
            reviewer=reviewer,
            reason=reason,
            date=date,
            evidence=frozenset(evidence_key(item) for item in hit.evidence),
            watchlist=result.watchlist_name,
        )

    def covers(self, hit: Hit) -> bool:
        """Tell whether the decision saw every piece of the hit's evidence."""
        return all(evidence_key(item) in self.evidence for item in hit.evidence)

    def to_dict(self) -> dict[str, object]:
        """Return the decision as a JSON-serializable mapping (one line of an allow-list file)."""
        return {
            "applicant_key": self.applicant_key,
            "entry_id": self.entry_id,
            "reviewer": self.reviewer,
            "reason": self.reason,
            "date": self.date,
            "evidence": sorted(self.evidence),
            "watchlist": self.watchlist,
        }


class AllowList:
    """Reviewers' decisions, looked up by applicant and entry.

    Args:
        decisions: the decisions; for one applicant and entry, the latest one counts.
    """

    def __init__(self, decisions: Iterable[ReviewDecision] = ()) -> None:
        self._decisions: dict[tuple[str, str], ReviewDecision] = {}
        for decision in sorted(decisions, key=lambda item: item.date):
            self._decisions[(decision.applicant_key, decision.entry_id)] = decision

    @property
    def decisions(self) -> tuple[ReviewDecision, ...]:
        """The decisions in force."""
        return tuple(self._decisions.values())

    def find(self, key: str, entry_id: str, /) -> ReviewDecision | None:
        """The decision for an applicant key and entry, if any."""
        return self._decisions.get((key, entry_id))

    @classmethod
    def load(cls, path: str | os.PathLike[str], /) -> AllowList:
        """Read an allow-list file: JSON Lines, one decision a line. A file that does not exist
        yet is an empty list (the first ``screening review clear`` creates it).

        Raises:
            InputFileError: the file cannot be read, or a line is not a decision; the message
                gives the file and line.
        """
        file = Path(path)
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError) as error:
            raise InputFileError(f"{file}: the allow-list cannot be read: {error}.") from error
        decisions = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                fields = json.loads(line)
                decisions.append(ReviewDecision(**fields))
            except (json.JSONDecodeError, TypeError) as error:
                raise InputFileError(f"{file}:{number}: not a review decision: {error}.") from error
            except InputFileError as error:
                raise InputFileError(f"{file}:{number}: {error}") from error
        return cls(decisions)

    def append_to(self, path: str | os.PathLike[str], decision: ReviewDecision, /) -> AllowList:
        """Append a decision to an allow-list file and return the list with it."""
        with Path(path).open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(decision.to_dict(), ensure_ascii=False) + "\n")
        return AllowList([*self.decisions, decision])
