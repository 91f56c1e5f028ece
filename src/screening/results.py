"""What screening returns: a decision, ranked hits, and the evidence behind each hit.

Explanations are data. Each rule that fires produces one :class:`Evidence`, which records
what was compared (the applicant's field and value, as given and as compared; the listed
field and value), how (:class:`Method`), how strongly (a score in [0, 1]) and why
(:class:`~screening.reasons.Reason`, which :mod:`screening.reasons` words in a sentence a
reviewer can read). :meth:`ScreeningResult.explain` only renders that data as text and
:meth:`ScreeningResult.to_dict` only serializes it.

A reviewer's :class:`ReviewDecision` that clears a hit is part of the result it clears, so it
is defined here; :mod:`screening.review` keeps the allow-list that stores and signs them.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import hmac
import json
from collections.abc import Iterable

import attrs

from screening import names
from screening._features import FEATURE_TABLE
from screening._printable import printable
from screening.exceptions import ReviewError
from screening.models import Applicant, Method, WatchlistEntry, is_partial_date
from screening.policy import Policy
from screening.reasons import Reason, link_sentence, sentence

__all__ = [
    "Decision",
    "Evidence",
    "Hit",
    "InputProblem",
    "Listing",
    "Method",
    "ReviewDecision",
    "ScreeningResult",
    "TokenLink",
    "applicant_key",
    "evidence_key",
]


class Decision(str, enum.Enum):
    """The outcome of a screening or of one hit."""

    CLEAR = "clear"
    REVIEW = "review"
    MATCH = "match"

    def __str__(self) -> str:
        return self.value

    @property
    def severity(self) -> int:
        """0 for clear, 1 for review, 2 for match: for taking the most severe of several."""
        return _SEVERITY[self]


_SEVERITY = {Decision.CLEAR: 0, Decision.REVIEW: 1, Decision.MATCH: 2}


def _unit_score(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be in [0, 1], not {value}")


@attrs.frozen(kw_only=True)
class TokenLink:
    """How one part of an applicant's name was linked to one part of a listed name.

    Attributes:
        applicant: the applicant's token(s), normalized; joined tokens are shown with spaces.
        listed: the listed token(s), normalized.
        method: the rule that linked them.
        similarity: in [0, 1].
        reasons: why they were linked, and what qualifies the link (see :mod:`screening.reasons`).
    """

    applicant: str
    listed: str
    method: Method
    similarity: float = attrs.field(validator=_unit_score)
    reasons: tuple[Reason, ...]

    @property
    def sentence(self) -> str:
        """The link in words, rendered from its reasons."""
        return link_sentence(self.reasons, self.applicant, self.listed)

    def to_dict(self) -> dict[str, object]:
        """Return the link as a JSON-serializable mapping."""
        return {
            "applicant": self.applicant,
            "listed": self.listed,
            "method": self.method.value,
            "similarity": round(self.similarity, 4),
            "reasons": [reason.to_dict() for reason in self.reasons],
            "sentence": self.sentence,
        }


@attrs.frozen(kw_only=True)
class Evidence:
    """One reason an applicant resembles a listed entry.

    Attributes:
        feature: the rule of the feature table that produced it (see ``screening.matching``).
        method: how the values were linked.
        field: the applicant's field, e.g. ``name``, ``aliases[0]``, ``emails[1]``.
        value: the applicant's value as given.
        compared: the applicant's value as compared (normalized form or key).
        listed_field: the entry's field, e.g. ``name``, ``aliases[1]``, ``domains[0]``.
        listed_value: the listed value as the watchlist gives it.
        score: strength in [0, 1].
        decisive: whether this evidence alone may make a match (if its score is high enough).
        reasons: why the values were linked, and what qualifies it (see :mod:`screening.reasons`);
            :attr:`sentence` words them for a reviewer.
        links: for names, how each part was linked.
        unexplained: for names, the share of the applicant's name (by weight) that links to no
            part of the listed name: 0.0 when the listed name accounts for every part given.
            Hits are ranked with it (see :class:`Hit`).
    """

    feature: str
    method: Method
    field: str
    value: str
    compared: str
    listed_field: str
    listed_value: str
    score: float = attrs.field(validator=_unit_score)
    decisive: bool
    reasons: tuple[Reason, ...]
    links: tuple[TokenLink, ...] = ()
    unexplained: float = attrs.field(default=0.0, validator=_unit_score)

    @property
    def sentence(self) -> str:
        """The evidence in words, rendered from its reasons."""
        return sentence(self.reasons)

    def to_dict(self) -> dict[str, object]:
        """Return the evidence as a JSON-serializable mapping."""
        return {
            "feature": self.feature,
            "method": self.method.value,
            "field": self.field,
            "value": self.value,
            "compared": self.compared,
            "listed_field": self.listed_field,
            "listed_value": self.listed_value,
            "score": round(self.score, 4),
            "decisive": self.decisive,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "sentence": self.sentence,
            "links": [link.to_dict() for link in self.links],
            "unexplained": round(self.unexplained, 4),
        }


@attrs.frozen(kw_only=True)
class Hit:
    """A listed entry that the applicant resembles enough to report.

    Attributes:
        entry: the listed entry.
        score: in [0, 1]; ranks hits, stronger evidence higher (with the parts of the applicant's
            name that the strongest evidence leaves unexplained weighing more than in the
            score: :attr:`Evidence.unexplained`).
        decision: match or review.
        evidence: the reasons, strongest first.
        cleared_by: the reviewer's decision that cleared this hit, when one did.
        watchlist: the name of the list the entry is on.
        watchlist_version: that list's version.
        also_listed: the same party's entries on the other lists screened: an entry of the
            same kind and reference in its list, or of the same kind and name (its parts in any
            order, case aside) and, for a person, the same dates of birth and nationalities, at
            least one of them given.
    """

    entry: WatchlistEntry
    score: float = attrs.field(validator=_unit_score)
    decision: Decision
    evidence: tuple[Evidence, ...]
    cleared_by: ReviewDecision | None = None
    watchlist: str = ""
    watchlist_version: str = ""
    #: The same party on the other lists screened (see :meth:`Screener.screen`), shown once.
    also_listed: tuple[Listing, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Return the hit as a JSON-serializable mapping."""
        return {
            "entry": {
                "id": self.entry.id,
                "kind": self.entry.kind.value,
                "name": self.entry.name,
                "aliases": list(self.entry.aliases),
                "weak_aliases": list(self.entry.weak_aliases),
                "nationalities": list(self.entry.nationalities),
                "sources": list(self.entry.sources),
                "programs": list(self.entry.programs),
                "reference": self.entry.reference,
                "notes": self.entry.notes,
            },
            "watchlist": {"name": self.watchlist, "version": self.watchlist_version},
            "score": round(self.score, 4),
            "decision": self.decision.value,
            "evidence": [evidence.to_dict() for evidence in self.evidence],
            "cleared_by": self.cleared_by.to_dict() if self.cleared_by else None,
            "also_listed": [listing.to_dict() for listing in self.also_listed],
        }


@attrs.frozen(kw_only=True)
class Listing:
    """An entry of a list, as a hit names another list's entry for the same party.

    Attributes:
        entry: the entry.
        watchlist: the name of its list.
        watchlist_version: that list's version.
    """

    entry: WatchlistEntry
    watchlist: str
    watchlist_version: str

    def to_dict(self) -> dict[str, object]:
        """Return the listing as a JSON-serializable mapping."""
        return {
            "entry": {"id": self.entry.id, "name": self.entry.name, "sources": list(self.entry.sources)},
            "watchlist": {"name": self.watchlist, "version": self.watchlist_version},
        }


@attrs.frozen(kw_only=True)
class InputProblem:
    """An applicant value that could not be screened, and why.

    Attributes:
        field: the applicant's field, e.g. ``phones[0]``.
        value: the value as given.
        reason: a sentence saying what is wrong.
    """

    field: str
    value: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """Return the problem as a JSON-serializable mapping."""
        return {"field": self.field, "value": self.value, "reason": self.reason}


@attrs.frozen(kw_only=True)
class ScreeningResult:
    """The outcome of screening one applicant against one watchlist.

    Attributes:
        applicant: the applicant as given.
        decision: match if any hit is a match, else review if any hit, else clear.
        hits: reported hits, best first.
        problems: applicant values that could not be screened (invalid emails, phones,
            websites), each with its reason; the rest of the applicant was screened.
        watchlist_name: the list screened against.
        watchlist_version: its version.
        watchlist_checksum: its content checksum.
        policy: the thresholds used.
        library_version: the version of screening that produced the result.
        cleared: hits that a reviewer's decision cleared (see :mod:`screening.review`); they
            do not count toward the decision.
        compared: each applicant value as compared, by field (normalized name, email key,
            E.164 phone, host, account), for the audit record.
        applicant_key: who the applicant is, as review decisions key it.
        watchlists: (name, version, checksum) of every list screened against; with several,
            ``watchlist_name`` and ``watchlist_version`` join theirs with " + " and
            ``watchlist_checksum`` is the SHA-256 of their checksums.
    """

    applicant: Applicant
    decision: Decision
    hits: tuple[Hit, ...]
    problems: tuple[InputProblem, ...]
    watchlist_name: str
    watchlist_version: str
    watchlist_checksum: str
    policy: Policy
    library_version: str
    cleared: tuple[Hit, ...] = ()
    compared: tuple[tuple[str, str], ...] = ()
    applicant_key: str = ""
    watchlists: tuple[tuple[str, str, str], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Return the whole result as a JSON-serializable mapping: a complete audit record."""
        return {
            "decision": self.decision.value,
            "applicant": self.applicant.to_dict(),
            "applicant_key": self.applicant_key,
            "compared": dict(self.compared),
            "hits": [hit.to_dict() for hit in self.hits],
            "cleared": [hit.to_dict() for hit in self.cleared],
            "problems": [problem.to_dict() for problem in self.problems],
            "watchlist": {
                "name": self.watchlist_name,
                "version": self.watchlist_version,
                "checksum": self.watchlist_checksum,
            },
            "watchlists": [
                {"name": name, "version": version, "checksum": checksum}
                for name, version, checksum in self.watchlists
            ],
            "policy": self.policy.to_dict(),
            "library_version": self.library_version,
        }

    def explain(self) -> str:
        """Return a report a reviewer can read: the decision, each hit and its evidence.

        Values from the applicant, the list file or the allow-list are printed with their
        control and format characters escaped (see :func:`screening._printable.printable`),
        so that none can move the cursor or reverse the text on a terminal.
        """
        lines = [
            f"Decision: {self.decision.value.upper()}",
            f"Applicant: {self.applicant.name}",
            f"Watchlist: {self.watchlist_name} version {self.watchlist_version} ({self.watchlist_checksum})",
            f"Thresholds: match {self.policy.match_threshold}, review {self.policy.review_threshold}",
        ]
        if not self.hits:
            lines.append("No listed entry reaches review.")
        for rank, hit in enumerate(self.hits, start=1):
            entry = hit.entry
            listed_on = f", {hit.watchlist} {hit.watchlist_version}" if len(self.watchlists) > 1 else ""
            lines.append(
                f"{rank}. {hit.decision.value.upper()} {hit.score:.2f}  {entry.name}"
                f"  ({entry.kind.value}, id {entry.id}{listed_on})"
            )
            for evidence in hit.evidence:
                lines.append(
                    f"   - {evidence.field} {evidence.value!r} ~ {evidence.listed_field}"
                    f" {evidence.listed_value!r}: {evidence.method.value}, {evidence.score:.2f}."
                    f" {evidence.sentence}"
                )
                lines.extend(f"       {link.sentence}" for link in evidence.links)
            if entry.programs or entry.reference:
                listed_as = "; ".join(
                    part
                    for part in (
                        f"programs {', '.join(entry.programs)}" if entry.programs else "",
                        f"reference {entry.reference}" if entry.reference else "",
                    )
                    if part
                )
                lines.append(f"   Listed as: {listed_as}")
            if entry.notes:
                lines.append(f"   Notes: {entry.notes}")
            for listing in hit.also_listed:
                lines.append(
                    f"   Also listed: {listing.entry.name} (id {listing.entry.id},"
                    f" {listing.watchlist} {listing.watchlist_version})"
                )
        for hit in self.cleared:
            decision = hit.cleared_by
            assert decision is not None
            lines.append(
                f"Cleared: {hit.entry.name} (id {hit.entry.id}), {hit.decision.value} {hit.score:.2f},"
                f" by {decision.reviewer} on {decision.date}: {decision.reason}"
            )
        if self.problems:
            lines.append("Not screened:")
            lines.extend(
                f"   - {problem.field} {problem.value!r}: {problem.reason}" for problem in self.problems
            )
        # Each line is escaped whole: the report's own words have no control characters.
        return "\n".join(printable(line) for line in lines)


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
    if evidence.feature in _NAMES:
        compared = " ".join(sorted(compared.split()))
    return f"{evidence.feature}|{compared}|{evidence.listed_field}|{evidence.listed_value}"


#: The features whose evidence compares names (the feature table's ``names``).
_NAMES = frozenset(feature.name for feature in FEATURE_TABLE if feature.names)


#: How far ahead of UTC a reviewer's calendar may be: the earliest time zone is UTC+14.
_EARLIEST_ZONE = datetime.timedelta(hours=14)


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
