"""Screen a Spark DataFrame of applicants or employees on a cluster.

Install with ``pip install 'screening[spark]'`` (PySpark 4, pandas, pyarrow) on the driver and
on every executor (see ``docs/scale.md`` for spark-submit and Databricks).

:func:`screen` returns the DataFrame with the columns :func:`screening.frames.screen_frame`
adds (``screening_decision``, ``screening_score``, ``screening_entry_id``,
``screening_entry_name``, ``screening_list``, ``screening_evidence``, ``screening_error``),
computed with :meth:`~pyspark.sql.DataFrame.mapInArrow`: each Arrow batch of rows is screened
in the Python worker that holds it, and gains its columns, so rows are never dropped, added or
reordered within a partition.

The list goes to the executors once: the driver broadcasts the pickled
:class:`~screening.Screener` (the lists' content, see :meth:`Screener.__reduce__`) and ships
each large list's saved name index as a file (``SparkContext.addFile``; under Spark Connect,
as bytes with the function). Each Python worker copies the index into its cache folder (found
by the list's checksum) and unpickles the screener once, reading it: no executor builds an index,
unless its library build differs from the driver's, which it then logs with the reason
(logger ``screening``, WARNING).
"""

from __future__ import annotations

import contextlib
import functools
import io
import pickle
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

import attrs

from screening import _storage, _tables
from screening._fields import ColumnMap
from screening.frames import _added
from screening.matching import Screener
from screening.policy import Policy
from screening.watchlist import Watchlist

__all__ = ["rescreen", "screen"]


@attrs.frozen
class _Payload:
    """What the executors receive once: a screener (or a rescreening) pickled, and the saved
    name indexes it reads, by list checksum: each as a file shipped with
    ``SparkContext.addFile`` (``files``: checksum and file name), or, where the session has no
    SparkContext (Spark Connect), as bytes in the payload itself (``indexes``)."""

    token: str
    pickled: bytes
    files: tuple[tuple[str, str], ...] = ()
    indexes: tuple[tuple[str, bytes], ...] = ()


#: In each Python worker: what was unpickled from each payload (by token), kept for the
#: worker's life, so that every task after the first reuses it.
_prepared: dict[str, Any] = {}


def _context(df: Any) -> Any:
    """The DataFrame's SparkContext; None under Spark Connect, which has none."""
    try:
        return df.sparkSession.sparkContext
    except Exception:  # noqa: BLE001 - Spark Connect raises its own error here
        return None


def _payload(shipped: object, screeners: Sequence[Screener], context: Any = None) -> _Payload:
    """The payload of a job: the saved indexes shipped as files through ``context`` (the
    SparkContext), else carried as bytes."""
    files, indexes = [], []
    for screener in screeners:
        for watchlist in screener.watchlists:
            saved = _storage.share(watchlist) or _storage.saved_index_path(watchlist)
            if saved is None:
                continue
            if context is not None:
                context.addFile(str(saved))
                files.append((watchlist.checksum, saved.name))
            else:
                indexes.append((watchlist.checksum, saved.read_bytes()))
    pickled = pickle.dumps(shipped, protocol=pickle.HIGHEST_PROTOCOL)
    return _Payload(uuid.uuid4().hex, pickled, tuple(files), tuple(indexes))


def _install(checksum: str, opener: Callable[[], IO[bytes]]) -> None:
    """Put a shipped index in this worker's cache folder, unless it is there. Where it cannot
    be written (a read-only home), the worker builds the index, and logs why."""
    target = _storage.cache_path(checksum)
    if target is None or target.exists():
        return
    with contextlib.suppress(OSError), opener() as stream:
        _storage.install(checksum, stream)


def _file(path: str) -> Callable[[], IO[bytes]]:
    return lambda: open(path, "rb")  # opened by _install, in a with


def _unpacked(payload: _Payload) -> Any:
    """In a Python worker: the screener (or rescreening) of the payload, prepared once."""
    if payload.token not in _prepared:
        _storage.expect_saved = True
        if payload.files:
            from pyspark import SparkFiles

            for checksum, name in payload.files:
                _install(checksum, _file(SparkFiles.get(name)))
        for checksum, data in payload.indexes:
            _install(checksum, functools.partial(io.BytesIO, data))
        _prepared.clear()  # one payload at a time: a finished job's lists are let go
        _prepared[payload.token] = pickle.loads(payload.pickled)  # pickled by this job's driver
    return _prepared[payload.token]


def _schema(df: Any, added: Sequence[tuple[str, str]]) -> Any:
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    types = {"string": StringType(), "double": DoubleType()}
    return StructType([*df.schema.fields, *(StructField(name, types[kind], True) for name, kind in added)])


def _shipped(df: Any, shipped: object, screeners: Sequence[Screener]) -> Any:
    """The payload as the executors will read it: broadcast once per executor, its indexes
    shipped as files, where the session has a SparkContext; in the function's closure
    otherwise (Spark Connect)."""
    context = _context(df)
    payload = _payload(shipped, screeners, context)
    return payload if context is None else context.broadcast(payload)


def _value(shipped: Any) -> _Payload:
    return shipped if isinstance(shipped, _Payload) else shipped.value


def _screen_batches(
    batches: Iterator[Any], shipped: Any, columns: ColumnMap, date_format: str | None
) -> Iterator[Any]:
    screener = _unpacked(_value(shipped))
    for batch in batches:
        values = list(
            _tables.screen_values(screener, batch.to_pylist(), columns=columns, date_format=date_format)
        )
        yield _added(batch, values, _tables.COLUMNS)


def screen(
    df: Any,
    watchlist: str | Watchlist | Sequence[Watchlist] | Screener | None = None,
    *,
    columns: _tables.Columns = None,
    policy: Policy | None = None,
    date_format: str | None = None,
) -> Any:
    """Screen every row of a Spark DataFrame; return a DataFrame with the results added as
    columns (see :func:`screening.frames.screen_frame`, whose results it equals row for row).

    Args:
        df: the rows to screen.
        watchlist: a list file's path (read on the driver), a list, several, a Screener, or
            None for the bundled list.
        columns: which of the DataFrame's columns hold the applicant's fields.
        policy: the thresholds (with a list, not with a Screener).
        date_format: how text dates of birth are written (strftime codes).

    Raises:
        InputFileError: the DataFrame lacks the name's column or a mapped one, or already has
            a column this adds.
        WatchlistError: a path that is no watchlist file.
    """
    column_map = _tables.column_map(list(df.columns), columns, _tables.COLUMNS)
    screener = _tables.screener_for(watchlist, policy)
    shipped = _shipped(df, screener, [screener])

    def mapper(batches: Iterator[Any]) -> Iterator[Any]:
        return _screen_batches(batches, shipped, column_map, date_format)

    return df.mapInArrow(mapper, _schema(df, _tables.COLUMNS))


def _rescreen_batches(
    batches: Iterator[Any], shipped: Any, columns: ColumnMap, previous: str | None, date_format: str | None
) -> Iterator[Any]:
    rescreening = _unpacked(_value(shipped))
    for batch in batches:
        values = list(
            _tables.rescreen_values(
                rescreening, batch.to_pylist(), columns=columns, previous=previous, date_format=date_format
            )
        )
        yield _added(batch, values, _tables.RESCREEN_COLUMNS)


def rescreen(
    df: Any,
    old_list: str | Watchlist,
    new_list: str | Watchlist,
    *,
    columns: _tables.Columns = None,
    previous: str | None = "screening_entry_id",
    policy: Policy | None = None,
    date_format: str | None = None,
) -> Any:
    """Rescreen everyone after a list changed from ``old_list`` to ``new_list`` (files' paths
    or lists): against the entries the new version adds and changes only, with
    ``rescreen_withdrawn`` naming the entries of the ``previous`` column that the new version
    removed or changed so that they no longer bring a hit. The columns and their meaning are
    those of :func:`screening.frames.rescreen_frame`, whose results it equals row for row.

    Raises:
        InputFileError: as :func:`screen`.
        WatchlistError: a path that is no watchlist file, or two different lists.
    """
    column_map = _tables.column_map(list(df.columns), columns, _tables.RESCREEN_COLUMNS)
    rescreening = _tables.Rescreening.of(old_list, new_list, policy)
    if previous is not None and previous not in df.columns:
        previous = None
    shipped = _shipped(df, rescreening, [rescreening.screener, rescreening.changed])

    def mapper(batches: Iterator[Any]) -> Iterator[Any]:
        return _rescreen_batches(batches, shipped, column_map, previous, date_format)

    return df.mapInArrow(mapper, _schema(df, _tables.RESCREEN_COLUMNS))
