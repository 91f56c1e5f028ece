"""Screen the rows of a table and give the columns added to it: the core of
:mod:`screening.frames` and :mod:`screening.spark`, free of pandas, Arrow and Spark.

A row becomes an applicant through :func:`screening._fields.split_record`; a row that cannot
(no name, a bad cell, an invalid value) gets its error in ``screening_error`` and nothing else,
so every row is accounted for and none ends the run. The added columns (:data:`COLUMNS`):

* ``screening_decision``: ``match``, ``review`` or ``clear``; empty for a row in error;
* ``screening_score``, ``screening_entry_id``, ``screening_entry_name``, ``screening_list``:
  the top hit's score, entry and list; empty when there is no hit;
* ``screening_evidence``: JSON, ``{"hits": [...], "problems": [...]}``, each hit with its
  entry's id and name, list, decision, score and evidence (as in
  :meth:`~screening.ScreeningResult.to_dict`), each problem an input value the library could
  not use;
* ``screening_error``: why the row could not be screened; empty otherwise.

Rescreening (:func:`rescreen_values`) adds the same columns prefixed ``rescreen_`` instead of
``screening_`` (so that a table's earlier results can stay beside them), and
``rescreen_withdrawn``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from screening import _parallel
from screening._fields import ColumnMap, applicant_of, is_missing, split_record
from screening.exceptions import InputFileError, ScreeningError
from screening.matching import Screener
from screening.policy import Policy
from screening.results import ScreeningResult
from screening.watchlist import Watchlist, load_watchlist

__all__ = [
    "COLUMNS",
    "RESCREEN_COLUMNS",
    "Columns",
    "Rescreening",
    "column_map",
    "rescreen_values",
    "screen_values",
    "screener_for",
]

#: The columns added to a screened table, in order, with the kind of their values.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("screening_decision", "string"),
    ("screening_score", "double"),
    ("screening_entry_id", "string"),
    ("screening_entry_name", "string"),
    ("screening_list", "string"),
    ("screening_evidence", "string"),
    ("screening_error", "string"),
)
#: The columns added by rescreening: the same, prefixed ``rescreen_``, and the entries that
#: no longer support a row's earlier hit.
RESCREEN_COLUMNS: tuple[tuple[str, str], ...] = (
    *((name.replace("screening_", "rescreen_", 1), kind) for name, kind in COLUMNS),
    ("rescreen_withdrawn", "string"),
)

Values = tuple[object, ...]
#: What a ``columns`` argument may be: the library's fields to a table's column names.
Columns = Mapping[str, str | Sequence[str]] | None


def screener_for(
    watchlist: Watchlist | Sequence[Watchlist] | str | Screener | None, policy: object = None
) -> Screener:
    """The screener of a ``watchlist`` argument: a list, several, a list file's path, the
    bundled list (None), or a screener already built (``policy`` must then be None).

    Raises:
        WatchlistError: a path that is no watchlist file.
        InputFileError: a screener given with a policy.
    """
    if isinstance(watchlist, Screener):
        if policy is not None:
            raise InputFileError("Give the policy to the Screener, not beside it.")
        return watchlist
    if policy is not None and not isinstance(policy, Policy):
        raise InputFileError(f"policy must be a screening.Policy, not a {type(policy).__name__}.")
    if isinstance(watchlist, str) or hasattr(watchlist, "__fspath__"):
        watchlist = load_watchlist(watchlist)
    return Screener(watchlist, policy=policy)


def column_map(
    header: Sequence[str], columns: Columns, added: Sequence[tuple[str, str]] = COLUMNS
) -> ColumnMap:
    """The map of a table's columns to the applicant's fields (``columns``, see
    :meth:`ColumnMap.of`), checked against its ``header``; a table that already has a column
    this would add (results of an earlier run, say) is refused rather than overwritten.

    Raises:
        InputFileError: a column of ``added`` is in ``header``, the header lacks the name's
            column or a mapped one, or ``columns`` is no map of fields to columns.
    """
    taken = sorted(set(header) & {name for name, _ in added})
    if taken:
        raise InputFileError(
            f"The table already has the column {', '.join(map(repr, taken))}; drop or rename it before"
            " screening, or its values would be overwritten."
        )
    mapped = ColumnMap.of(columns)
    mapped.check_header(header)
    return mapped


@attrs.frozen
class _Reading:
    columns: ColumnMap
    date_format: str | None


def _screened(
    screener: Screener, record: Mapping[str, object], reading: _Reading
) -> ScreeningResult | BaseException:
    """A record's result, or the exception that kept it from one: one row's problem is that
    row's error."""
    try:
        fields, _ = split_record(record, reading.columns, date_format=reading.date_format)
        return screener.screen(applicant_of(fields))
    except Exception as failed:  # noqa: BLE001 - given back in the row's place
        return failed


def _error_text(error: BaseException) -> str:
    if isinstance(error, ScreeningError):
        return str(error)
    if isinstance(error, TypeError):
        return f"A value has the wrong type: {error}"
    return f"{type(error).__name__}: {error} (a bug: please report it)"


def _values(outcome: ScreeningResult | BaseException) -> Values:
    if isinstance(outcome, BaseException):
        return (None, None, None, None, None, None, _error_text(outcome))
    top = outcome.hits[0] if outcome.hits else None
    evidence = {
        "hits": [
            {
                "entry_id": hit.entry.id,
                "entry_name": hit.entry.name,
                "watchlist": hit.watchlist,
                "decision": hit.decision.value,
                "score": round(hit.score, 4),
                "evidence": [item.to_dict() for item in hit.evidence],
            }
            for hit in outcome.hits
        ],
        "problems": [problem.to_dict() for problem in outcome.problems],
    }
    return (
        outcome.decision.value,
        round(top.score, 4) if top else None,
        top.entry.id if top else None,
        top.entry.name if top else None,
        top.watchlist if top else None,
        json.dumps(evidence, ensure_ascii=False, separators=(",", ":")),
        None,
    )


def _row_values(screener: Screener, record: Mapping[str, object], reading: _Reading) -> Values:
    return _values(_screened(screener, record, reading))


def screen_values(
    screener: Screener,
    records: Iterable[Mapping[str, object]],
    *,
    columns: ColumnMap,
    date_format: str | None = None,
    jobs: int = 1,
) -> Iterator[Values]:
    """The added columns' values (:data:`COLUMNS`) of each record, in input order, screened in
    ``jobs`` processes."""
    work = functools.partial(_row_values, reading=_Reading(columns, date_format))
    for outcome in _parallel.ordered(screener, work, records, jobs=_parallel.jobs_wanted(jobs)):
        yield outcome if not isinstance(outcome, BaseException) else _values(outcome)


@attrs.frozen
class Rescreening:
    """What rescreening against a list's new version needs: the screener of the entries that
    can bring a new hit (added, and changed with a new value: see
    :attr:`~screening.WatchlistChanges.grown`), the screener of every changed entry (for the
    rows whose earlier hit was on one), and the entries removed (by id)."""

    screener: Screener
    changed: Screener
    removed: frozenset[str]
    changed_ids: frozenset[str] = attrs.field(init=False)

    @changed_ids.default
    def _changed_ids(self) -> frozenset[str]:
        return frozenset(entry.id for entry in self.changed.watchlist.entries)

    @classmethod
    def of(cls, old: Watchlist | str, new: Watchlist | str, policy: object = None) -> Rescreening:
        """The rescreening from ``old`` to ``new`` (lists, or their files' paths).

        Raises:
            WatchlistError: a path that is no watchlist file, or two different lists.
        """
        from screening.watchlist import watchlist_changes

        old_list = old if isinstance(old, Watchlist) else load_watchlist(old)
        new_list = new if isinstance(new, Watchlist) else load_watchlist(new)
        changes = watchlist_changes(old_list, new_list)
        changed = attrs.evolve(changes.watchlist(), entries=changes.changed)
        return cls(
            screener_for(changes.watchlist(grown_only=True), policy),
            screener_for(changed, policy),
            frozenset(entry.id for entry in changes.removed),
        )


def _previous_ids(value: object) -> list[str]:
    if is_missing(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if isinstance(value, Iterable):
        return [str(item) for item in value if isinstance(item, str) and item]
    return []


def _rescreen_row(
    screener: Screener,
    record: Mapping[str, object],
    reading: _Reading,
    previous: str | None,
    rescreening: Rescreening,
) -> Values:
    """A row rescreened: against the entries that can bring a new hit; and, when its earlier
    hit was on a changed entry, against the changed entries, to tell whether it still stands."""
    outcome = _screened(screener, record, reading)
    values = _values(outcome)
    earlier = _previous_ids(record.get(previous)) if previous else []
    changed_ids = rescreening.changed_ids
    withdrawn = [entry for entry in earlier if entry in rescreening.removed]
    if isinstance(outcome, ScreeningResult) and changed_ids.intersection(earlier):
        standing = {hit.entry.id for hit in rescreening.changed.screen(outcome.applicant).hits}
        withdrawn += [entry for entry in earlier if entry in changed_ids and entry not in standing]
    return (*values, ";".join(withdrawn) or None)


def rescreen_values(
    rescreening: Rescreening,
    records: Iterable[Mapping[str, object]],
    *,
    columns: ColumnMap,
    previous: str | None,
    date_format: str | None = None,
    jobs: int = 1,
) -> Iterator[Values]:
    """The rescreening columns' values (:data:`RESCREEN_COLUMNS`) of each record, in input
    order: screened against the entries that can bring a new hit only; ``rescreen_withdrawn``
    names the entries of the ``previous`` column (ids, ``;``-joined or a list) that the new
    version removed, or changed so that they no longer bring a hit."""
    work = functools.partial(
        _rescreen_row, reading=_Reading(columns, date_format), previous=previous, rescreening=rescreening
    )
    for outcome in _parallel.ordered(rescreening.screener, work, records, jobs=_parallel.jobs_wanted(jobs)):
        yield outcome if not isinstance(outcome, BaseException) else (*_values(outcome), None)
