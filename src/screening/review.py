"""The review workflow: reviewers' decisions that clear hits, and the allow-list that holds them.

A reviewer who finds that a hit is not the listed party records a :class:`ReviewDecision`: who
the applicant is (:func:`applicant_key`), which entry, who decided, why and when, and the
evidence the reviewer saw. Screening with an :class:`AllowList` reports that hit as cleared by
the decision, with its reason, instead of as a live hit, so the same false positive does not
come back at every rescreening. It comes back live as soon as the hit carries evidence the
decision did not see: a new email on a listed domain, a new alias, a changed list entry.

What an auditor can rely on:

* a decision names its reviewer (two characters or more, no control characters), a reason,
  the date it is dated (a real calendar date, not after today: no decision is dated in the
  future) and, for decisions made with this version or later, ``decided_at``: the UTC time at
  which it was recorded;
* clearing a ``match`` pins the person: the applicant must have a date of birth or a
  nationality, which the applicant key includes, or the decision would clear everyone of that
  name. ``force=True`` (``--force``) records such a decision anyway, marked ``forced``;
* with a key (``key=`` here, ``$SCREENING_ALLOW_LIST_KEY`` on the command line) each
  allow-list line is signed (HMAC-SHA256 over the decision's canonical JSON), and loading
  refuses a line that is unsigned or whose signature does not match: an edit made outside
  the tool is detected.

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

import datetime
import hashlib
import hmac
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from screening import names
from screening._sinks import LineFile
from screening.exceptions import InputFileError, ReviewError, ScreeningError
from screening.models import Applicant, is_partial_date

if TYPE_CHECKING:
    from screening.results import Evidence, Hit, ScreeningResult

__all__ = ["KEY_VARIABLE", "AllowList", "ReviewDecision", "applicant_key", "evidence_key"]


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


#: How far ahead of UTC a reviewer's calendar may be: the earliest time zone is UTC+14.
_EARLIEST_ZONE = datetime.timedelta(hours=14)
#: The environment variable that holds the key signing allow-list lines on the command line.
KEY_VARIABLE = "SCREENING_ALLOW_LIST_KEY"


def _date(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not is_partial_date(value) or len(value) != 10:
        raise ReviewError(f"{attribute.name} {value!r} is not a date written YYYY-MM-DD.")
    day = datetime.date.fromisoformat(value)  # a calendar day: is_partial_date checked it
    latest = (datetime.datetime.now(datetime.timezone.utc) + _EARLIEST_ZONE).date()
    if day > latest:
        raise ReviewError(f"{attribute.name} {value} is in the future; a decision is dated when it is taken.")


def _decided_at(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value:
        return
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise ReviewError(f"decided_at {value!r} is not a UTC time written in ISO 8601.") from error
    if moment.tzinfo is None or moment > datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(
        minutes=5
    ):
        raise ReviewError(f"decided_at {value} is not a UTC time in the past.")


def _nonempty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ReviewError(f"A review decision needs a {attribute.name}.")


def _reviewer(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    _nonempty(instance, attribute, value)
    if len(value.strip()) < 2 or not value.isprintable():
        raise ReviewError(
            f"The reviewer {value!r} does not name a person: give a name or user id of two characters"
            " or more, without control characters."
        )


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
        decided_at: the UTC time the decision was recorded (ISO 8601); "" in decisions
            recorded before this field existed.
        decision: the hit's decision that was cleared (``match`` or ``review``); "" likewise.
        forced: the decision clears a match of an applicant with no date of birth or
            nationality (see :meth:`clearing`).
    """

    applicant_key: str = attrs.field(validator=_nonempty)
    entry_id: str = attrs.field(validator=_nonempty)
    reviewer: str = attrs.field(validator=_reviewer)
    reason: str = attrs.field(validator=_nonempty)
    date: str = attrs.field(validator=_date)
    evidence: frozenset[str] = attrs.field(converter=_key_set)
    watchlist: str = ""
    decided_at: str = attrs.field(default="", validator=_decided_at)
    decision: str = ""
    forced: bool = False

    @classmethod
    def clearing(
        cls,
        result: ScreeningResult,
        hit: Hit,
        *,
        reviewer: str,
        reason: str,
        date: str | None = None,
        force: bool = False,
    ) -> ReviewDecision:
        """Record a decision that clears ``hit`` of ``result``, with the evidence it shows.

        Args:
            result: the screening the reviewer looked at.
            hit: the hit found not to be the listed party.
            reviewer: who decided (a name or user id).
            reason: why, in a sentence.
            date: the day of the decision, ``YYYY-MM-DD`` (default: today, UTC).
            force: clear a match although the applicant has no date of birth or nationality.

        Raises:
            ReviewError: a field is missing or invalid, or the hit is a match, the applicant
                has neither date of birth nor nationality, and ``force`` is not given.
        """
        applicant = result.applicant
        is_match = hit.decision.value == "match"
        if is_match and not (applicant.date_of_birth or applicant.nationality) and not force:
            raise ReviewError(
                f"Clearing the match on {hit.entry.name} (id {hit.entry.id}) needs the applicant's date of"
                " birth or nationality: without them the decision would clear everyone of this name."
                " Screen the applicant with them, or record the decision with --force (force=True)."
            )
        now = datetime.datetime.now(datetime.timezone.utc)
        return cls(
            applicant_key=applicant_key(applicant),
            entry_id=hit.entry.id,
            reviewer=reviewer,
            reason=reason,
            date=date or now.date().isoformat(),
            evidence=frozenset(evidence_key(item) for item in hit.evidence),
            watchlist=result.watchlist_name,
            decided_at=now.isoformat(timespec="seconds"),
            decision=hit.decision.value,
            forced=is_match and force and not (applicant.date_of_birth or applicant.nationality),
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
            "decided_at": self.decided_at,
            "decision": self.decision,
            "forced": self.forced,
        }

    def signature(self, key: bytes, /) -> str:
        """The HMAC-SHA256 of the decision's canonical JSON under ``key``, in hexadecimal."""
        canonical = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=True, separators=(",", ":"))
        return hmac.new(key, canonical.encode("ascii"), hashlib.sha256).hexdigest()


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
    def load(cls, path: str | os.PathLike[str], /, *, key: bytes | None = None) -> AllowList:
        """Read an allow-list file: JSON Lines, one decision a line. A file that does not exist
        yet is an empty list (the first ``screening review clear`` creates it).

        Args:
            path: the file.
            key: the key the lines were signed with; every line must then carry a matching
                ``signature``.

        Raises:
            InputFileError: the file cannot be read, or a line is not a decision, is not
                signed or its signature does not match; the message gives the file and line.
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
                signature = fields.pop("signature", None) if isinstance(fields, dict) else None
                decision = ReviewDecision(**fields)
            except (json.JSONDecodeError, TypeError) as error:
                raise InputFileError(f"{file}:{number}: not a review decision: {error}.") from error
            except ScreeningError as error:
                raise InputFileError(f"{file}:{number}: {error}") from error
            if key is not None and not (
                isinstance(signature, str) and hmac.compare_digest(signature, decision.signature(key))
            ):
                problem = "is not signed" if signature is None else "has a signature that does not match"
                raise InputFileError(
                    f"{file}:{number}: the decision {problem}: it was written or edited outside screening"
                    " review, or with another key."
                )
            decisions.append(decision)
        return cls(decisions)

    def append_to(
        self, path: str | os.PathLike[str], decision: ReviewDecision, /, *, key: bytes | None = None
    ) -> AllowList:
        """Append a decision to an allow-list file, signed with ``key`` when one is given, and
        return the list with it.

        Raises:
            OutputFileError: the file cannot be written.
        """
        record: dict[str, object] = decision.to_dict()
        if key is not None:
            record["signature"] = decision.signature(key)
        lines = LineFile(os.fspath(path), append=True)
        try:
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            lines.close()
        return AllowList([*self.decisions, decision])
