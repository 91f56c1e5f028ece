"""Screen a pandas DataFrame or an Arrow table: every row, with the results as added columns.

Install with ``pip install 'screening[frames]'`` (pandas and pyarrow; either alone is enough
for its own tables).

>>> import pandas as pd
>>> from screening.frames import screen_frame
>>> staff = pd.DataFrame({"employee_id": [7, 8], "full_name": ["Kim Kwang Jin", "Wang Wei"]})
>>> screened = screen_frame(staff, columns={"name": "full_name"})
>>> screened[["employee_id", "screening_decision", "screening_entry_id"]].to_dict("records")
[{'employee_id': 7, 'screening_decision': 'match', 'screening_entry_id': 'doj-2025-kim-kwang-jin'},
 {'employee_id': 8, 'screening_decision': 'clear', 'screening_entry_id': None}]

The table's columns are kept as they are, in their order, with the same index (pandas); the
added columns follow them (see :mod:`screening._tables` for each): ``screening_decision``,
``screening_score``, ``screening_entry_id``, ``screening_entry_name``, ``screening_list``,
``screening_evidence`` (JSON) and ``screening_error``. ``columns`` maps the library's fields
to the table's columns (``{"name": "full_name", "emails": ["work_email", "home_email"]}``;
a list field may take several columns, or a column of lists); a field not mapped is read from
the column of its own name. How cells are read (missing values, dates, ``;``-joined text) is
described in :mod:`screening._fields`. A row that cannot be screened has its reason in
``screening_error``; no row is dropped or added.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from screening import _tables
from screening.exceptions import InputFileError
from screening.matching import Screener
from screening.policy import Policy
from screening.watchlist import Watchlist

__all__ = ["rescreen_frame", "screen_frame"]

#: Rows converted to Python records at a time: bounds the memory a large table costs beyond
#: itself and its results.
_SLICE = 4096


def _kind(table: object) -> str:
    module = type(table).__module__.split(".")[0]
    name = type(table).__name__
    if module == "pandas" and name == "DataFrame":
        return "pandas"
    if module == "pyarrow" and name in {"Table", "RecordBatch"}:
        return "arrow"
    raise InputFileError(
        f"screen_frame takes a pandas DataFrame or a pyarrow Table or RecordBatch, not a {name}."
    )


def _header(table: Any) -> list[str]:
    names = list(table.columns) if _kind(table) == "pandas" else list(table.schema.names)
    if not all(isinstance(name, str) for name in names):
        raise InputFileError("The table's column names must be text; rename the others before screening.")
    if len(set(names)) != len(names):
        raise InputFileError("The table names a column twice; each column may appear once.")
    return names


def _records(table: Any) -> Iterator[dict[str, object]]:
    """The table's rows as dicts of Python values, a slice at a time."""
    if _kind(table) == "pandas":
        names = list(table.columns)
        for start in range(0, len(table), _SLICE):
            piece = table.iloc[start : start + _SLICE]
            for values in piece.itertuples(index=False, name=None):
                yield dict(zip(names, values, strict=True))
        return
    for start in range(0, table.num_rows, _SLICE):
        yield from table.slice(start, _SLICE).to_pylist()


def _added(table: Any, values: list[tuple[object, ...]], added: Sequence[tuple[str, str]]) -> Any:
    """The table with the added columns after its own."""
    if _kind(table) == "pandas":
        import pandas as pd

        result = table.copy()
        for position, (name, kind) in enumerate(added):
            column = [row[position] for row in values]
            dtype = "float64" if kind == "double" else "object"
            result[name] = pd.Series(column, index=table.index, dtype=dtype)
        return result
    import pyarrow as pa

    types = {"string": pa.string(), "double": pa.float64()}
    result = table
    for position, (name, kind) in enumerate(added):
        column = pa.array([row[position] for row in values], type=types[kind])
        if type(table).__name__ == "RecordBatch":
            result = result.add_column(result.num_columns, name, column)
        else:
            result = result.append_column(name, column)
    return result


def screen_frame(
    table: Any,
    watchlist: Watchlist | Sequence[Watchlist] | str | Screener | None = None,
    *,
    columns: _tables.Columns = None,
    policy: Policy | None = None,
    date_format: str | None = None,
    jobs: int = 1,
) -> Any:
    """Screen every row of a pandas DataFrame or pyarrow Table; return a new table of the same
    kind with the results added as columns.

    Args:
        table: the rows to screen (not changed).
        watchlist: a list, several, a list file's path, a :class:`~screening.Screener` already
            built (to screen many tables against one prepared list), or None for the bundled list.
        columns: which of the table's columns hold the applicant's fields.
        policy: the thresholds (with a list, not with a Screener).
        date_format: how text dates of birth are written (strftime codes, ``%d/%m/%Y``).
        jobs: processes to screen in (0: one per core), as :meth:`Screener.screen_many`.

    Raises:
        InputFileError: the table is of another kind, lacks the name's column or a mapped one,
            or already has a column this adds.
        WatchlistError: a path that is no watchlist file.
    """
    column_map = _tables.column_map(_header(table), columns, _tables.COLUMNS)
    screener = _tables.screener_for(watchlist, policy)
    values = list(
        _tables.screen_values(
            screener, _records(table), columns=column_map, date_format=date_format, jobs=jobs
        )
    )
    return _added(table, values, _tables.COLUMNS)


def rescreen_frame(
    table: Any,
    old: Watchlist | str,
    new: Watchlist | str,
    *,
    columns: _tables.Columns = None,
    previous: str | None = "screening_entry_id",
    policy: Policy | None = None,
    date_format: str | None = None,
    jobs: int = 1,
) -> Any:
    """Rescreen the rows of a table screened against ``old`` after the list changed to
    ``new``: against the entries ``new`` adds and changes only, which costs a fraction of
    screening against all of ``new`` (see :func:`screening.watchlist_changes`).

    The added columns are those of :func:`screen_frame` prefixed ``rescreen_`` instead of
    ``screening_`` (so the earlier results may stay in the table), and ``rescreen_withdrawn``:
    the entries named in the ``previous`` column (the earlier run's ``screening_entry_id`` by
    default; ids, ``;``-joined, or a list) that ``new`` removed, or changed so that they no
    longer bring this row a hit: the earlier hit no longer stands on them. A ``previous`` of
    None, or a column the table lacks, withdraws nothing.

    Raises:
        InputFileError: as :func:`screen_frame`.
        WatchlistError: a path that is no watchlist file, or ``old`` and ``new`` are
            different lists.
    """
    column_map = _tables.column_map(_header(table), columns, _tables.RESCREEN_COLUMNS)
    rescreening = _tables.Rescreening.of(old, new, policy)
    if previous is not None and previous not in _header(table):
        previous = None
    values = list(
        _tables.rescreen_values(
            rescreening,
            _records(table),
            columns=column_map,
            previous=previous,
            date_format=date_format,
            jobs=jobs,
        )
    )
    return _added(table, values, _tables.RESCREEN_COLUMNS)
