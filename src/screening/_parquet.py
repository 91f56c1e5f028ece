"""Parquet in and out of the ``batch`` command, when pyarrow is installed (the ``frames``
extra).

Input: the file's rows in order, a row group at a time; each row's cells are its columns'
Python values, and a row's "line" is its number (a Parquet file has no lines). Output: the
columns of the CSV output, typed (``row``, ``line`` and ``hits`` integers, ``score`` a
double, the rest text), then the columns passed through: with their own types from Parquet
input, as text from CSV input; from JSON Lines input, the other keys as one JSON text
``input`` column. Rows are written a row group of :data:`GROUP_ROWS` at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from screening._rows import Row
from screening.exceptions import InputFileError, OutputFileError

__all__ = ["GROUP_ROWS", "ParquetSink", "parquet_rows"]

#: Rows read and written at a time.
GROUP_ROWS = 4096
#: The typed columns of the results; every other column is text unless its input says.
_RESULT_TYPES = {"row": "int64", "line": "int64", "score": "float64", "hits": "int64"}


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InputFileError(
            "Parquet needs pyarrow, which is not installed: pip install 'screening[frames]'."
        ) from None
    return pyarrow


def parquet_rows(path: str) -> tuple[tuple[str, ...], dict[str, Any], Iterator[Row]]:
    """A Parquet file's column names, their Arrow types, and its rows (read as iterated).

    Raises:
        InputFileError: pyarrow is missing, or the file cannot be opened as Parquet.
    """
    pa = _pyarrow()
    try:
        reader = pa.parquet.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        raise InputFileError(f"{path}: the input cannot be read as Parquet: {error}.") from None
    schema = reader.schema_arrow
    names = tuple(schema.names)
    if len(set(names)) != len(names):
        raise InputFileError(f"{path} names a column twice; each column may appear once.")

    def rows() -> Iterator[Row]:
        number = 0
        for batch in reader.iter_batches(batch_size=GROUP_ROWS):
            for record in batch.to_pylist():
                number += 1
                yield Row(number, number, record, None)

    return names, {field.name: field.type for field in schema}, rows()


class ParquetSink:
    """Writes result rows to a Parquet file, a row group at a time."""

    def __init__(self, path: str, columns: Sequence[str], types: dict[str, Any]) -> None:
        pa = _pyarrow()
        self._pa = pa
        fields = []
        for name in columns:
            kind = _RESULT_TYPES.get(name)
            fields.append(
                pa.field(name, types.get(name) or (pa.type_for_alias(kind) if kind else pa.string()))
            )
        self._schema = pa.schema(fields)
        self._columns = list(columns)
        self._pending: list[dict[str, object]] = []
        try:
            self._writer = pa.parquet.ParquetWriter(path, self._schema)
        except OSError as error:
            raise OutputFileError(f"{path}: the results cannot be written: {error}.") from None

    def write(self, cells: dict[str, object]) -> None:
        self._pending.append(cells)
        if len(self._pending) >= GROUP_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        rows = [{name: cells.get(name) for name in self._columns} for cells in self._pending]
        self._pending = []
        try:
            self._writer.write_batch(self._pa.RecordBatch.from_pylist(rows, schema=self._schema))
        except OSError as error:
            raise OutputFileError(f"the results cannot be written: {error}.") from None

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._writer.close()
