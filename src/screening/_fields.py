"""Read an applicant from a record of an HR table: a CSV row, a JSON object, a DataFrame row.

A table names its columns as its system does (``full_name``, ``work_email``, ``employee_id``);
a :class:`ColumnMap` says which hold the library's fields (:data:`FIELDS`), and
:func:`split_record` turns one record into the :class:`~screening.Applicant`'s fields and the
columns it leaves alone, which the caller passes through to its output unchanged.

Decided here, for every table reader (the ``batch`` command, :mod:`screening.frames`,
:mod:`screening.spark`):

* a field not mapped is read from the column of its own name, when there is one;
* a list field (aliases, emails, phones, websites, accounts) may be mapped to several columns,
  and each cell may hold a list (a JSON array, an Arrow list, a Python sequence) or text, which
  is split at ``;`` as in the CSV format;
* an empty cell, ``None`` and a missing value (``NaN``, ``NaT``, ``pd.NA``) are no value;
* a date of birth given as a date or timestamp is its calendar date; as text, it is read with
  the ``date_format`` when one is given (``%d/%m/%Y``: a format without ``%d`` gives a year and
  month, without ``%m`` too a year), else as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``;
* numbers (a phone number in a numeric column) are written as digits.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence

import attrs

from screening.exceptions import InputFileError
from screening.models import Applicant

__all__ = ["FIELDS", "SEQUENCE_FIELDS", "ColumnMap", "applicant_of", "is_missing", "split_record"]

#: The applicant fields a table may give; ``id`` is the row's own identifier, kept in results.
FIELDS = (
    "id",
    "name",
    "aliases",
    "emails",
    "phones",
    "websites",
    "accounts",
    "country",
    "date_of_birth",
    "nationality",
)
#: The fields that hold several values.
SEQUENCE_FIELDS = frozenset({"aliases", "emails", "phones", "websites", "accounts"})


@attrs.frozen
class ColumnMap:
    """Which columns of a table hold each applicant field: field name to column names (several
    only for the list fields). Fields not named are read from the column of their own name."""

    columns: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def of(cls, mapping: Mapping[str, str | Sequence[str]] | ColumnMap | None) -> ColumnMap:
        """The map of a ``{"name": "full_name", "emails": ["work_email", "home_email"]}`` dict.

        Raises:
            InputFileError: a key is no field, a column is empty, or a single-value field is
                given several columns.
        """
        if mapping is None:
            return cls()
        if isinstance(mapping, ColumnMap):
            return mapping
        if not isinstance(mapping, Mapping):
            raise InputFileError(
                f"columns must map field names to column names, not be a {type(mapping).__name__}."
            )
        found: list[tuple[str, tuple[str, ...]]] = []
        for field, given in mapping.items():
            sources = (given,) if isinstance(given, str) else tuple(given)
            if field not in FIELDS:
                raise InputFileError(
                    f"columns names the field {field!r}, which an applicant does not have; the fields"
                    f" are {', '.join(FIELDS)}."
                )
            if not sources or not all(isinstance(source, str) and source for source in sources):
                raise InputFileError(f"columns gives no column name for the field {field!r}.")
            if len(sources) > 1 and field not in SEQUENCE_FIELDS:
                raise InputFileError(
                    f"columns gives the field {field!r} {len(sources)} columns; only the list fields"
                    f" ({', '.join(sorted(SEQUENCE_FIELDS))}) may have several."
                )
            found.append((field, sources))
        return cls(tuple(found))

    @classmethod
    def parse(cls, text: str) -> ColumnMap:
        """The map of the command line's ``name=full_name,emails=work_email,emails=home_email``.

        Raises:
            InputFileError: an item is not ``field=column``, or as for :meth:`of`.
        """
        mapping: dict[str, list[str]] = {}
        for item in text.split(","):
            field, equals, column = item.partition("=")
            if not equals or not field.strip() or not column.strip():
                raise InputFileError(
                    f"--columns takes field=column pairs separated by commas (name=full_name), not {item!r}."
                )
            mapping.setdefault(field.strip(), []).append(column.strip())
        return cls.of(mapping)

    def sources(self, field: str) -> tuple[str, ...]:
        """The columns that hold ``field``: the mapped ones, else the field's own name."""
        for mapped, columns in self.columns:
            if mapped == field:
                return columns
        return (field,)

    def used(self, available: Iterable[str]) -> frozenset[str]:
        """The columns among ``available`` that hold applicant fields; the rest pass through."""
        present = set(available)
        return frozenset(column for field in FIELDS for column in self.sources(field) if column in present)

    def passed(self, record: Mapping[str, object]) -> dict[str, object]:
        """The record's columns that hold no applicant field: they pass through unchanged."""
        used = self.used(record)
        return {column: value for column, value in record.items() if column not in used}

    def check_header(self, header: Sequence[str]) -> None:
        """Refuse a table that has no column for the name, or lacks a mapped column.

        Raises:
            InputFileError: a mapped column, or the name's, is not among ``header``.
        """
        present = set(header)
        missing = [column for _, columns in self.columns for column in columns if column not in present]
        if missing:
            raise InputFileError(
                f"The table has no column {', '.join(map(repr, missing))}, which columns names; its"
                f" columns are {', '.join(map(repr, header))}."
            )
        if not present & set(self.sources("name")):
            where = " or ".join(map(repr, self.sources("name")))
            raise InputFileError(
                f"The table has no {where} column for the applicant's name; name it, or map it"
                " (columns name=YOUR_COLUMN)."
            )


def is_missing(value: object) -> bool:
    """Tell whether a cell holds no value: None, NaN, or pandas' NA or NaT."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pandas' NA and NaT, without importing pandas: they are not equal to themselves.
    kind = type(value).__name__
    return kind in {"NAType", "NaTType"}


def _text(value: object, column: str) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        raise InputFileError(f"The column {column!r} holds a true/false value, not text.")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number read as a number: 4155550100.0
    if isinstance(value, (float, datetime.date)):
        return str(value)
    raise InputFileError(f"The column {column!r} holds a {type(value).__name__}, not text.")


def _values(value: object, column: str) -> list[str]:
    if is_missing(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        return [text for item in value if not is_missing(item) and (text := _text(item, column))]
    text = _text(value, column)
    return [text] if text else []


def _date(value: object, column: str, date_format: str | None) -> str | None:
    if is_missing(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return str(value.to_pydatetime().date().isoformat())
    text = _text(value, column)
    if not text or date_format is None:
        return text or None
    try:
        parsed = datetime.datetime.strptime(text, date_format)
    except ValueError:
        raise InputFileError(
            f"The date of birth {text!r} (column {column!r}) does not have the date format {date_format!r}."
        ) from None
    if "%d" in date_format or "%j" in date_format:
        return parsed.date().isoformat()
    if any(month in date_format for month in ("%m", "%b", "%B")):
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return f"{parsed.year:04d}"


def split_record(
    record: Mapping[str, object], columns: ColumnMap, *, date_format: str | None = None
) -> tuple[dict[str, object], dict[str, object]]:
    """One record's applicant fields (``id`` among them, as text), and the columns it leaves
    alone (for the output, unchanged).

    Raises:
        InputFileError: the record has no name, or a cell cannot be read as its field.
    """
    fields: dict[str, object] = {}
    for field in FIELDS:
        sources = [column for column in columns.sources(field) if column in record]
        if field in SEQUENCE_FIELDS:
            values = [value for column in sources for value in _values(record[column], column)]
            if values:
                fields[field] = values
            continue
        for column in sources:
            value = (
                _date(record[column], column, date_format)
                if field == "date_of_birth"
                else (None if is_missing(record[column]) else _text(record[column], column) or None)
            )
            if value is not None:
                fields[field] = value
    if "name" not in fields:
        where = " or ".join(map(repr, columns.sources("name")))
        raise InputFileError(f"The row has no name (column {where}).")
    return fields, columns.passed(record)


def applicant_of(fields: Mapping[str, object]) -> Applicant:
    """The applicant of a record's fields (:func:`split_record`): all but ``id``, the row's own.

    Raises:
        ScreeningError: a value the applicant does not accept.
        TypeError: a value of the wrong type.
    """
    options = {key: value for key, value in fields.items() if key != "id"}
    return Applicant(**options)  # type: ignore[arg-type]
