"""Read a batch file's rows strictly: every good row kept, every bad one reported by its line.

A batch file is read line by line, in bounded memory, and a bad line never ends the run:

* bytes that are not UTF-8 (a file or standard input in Latin-1, say) make that line's row an
  error, with its line number; a UTF-8 byte order mark at the start is dropped;
* a line longer than :data:`MAX_LINE_BYTES` is an error row, and is skipped without being held
  in memory;
* **CSV** (RFC 4180): the header must name each column once (a repeated column would screen
  its last cell only, so the file is refused). The delimiter is a comma, semicolon, tab or
  bar, told from the header line unless given. A quoted cell may hold line breaks; a quote
  left open is an error row at the line it opens on once :data:`MAX_RECORD_CHARS` have been
  read or the file ends, and reading goes on at the next line, so it cannot swallow the rows
  after it. A row that the csv module cannot read (text after a closing quote, a cell over its
  131,072-character limit) or that has more cells than the header is an error row;
* **JSON Lines**: each line one object. A key given twice, an integer of more than
  :data:`MAX_INTEGER_DIGITS` digits and arrays or objects nested more than
  :data:`MAX_JSON_DEPTH` deep are error rows, as is anything but an object.

Blank lines are skipped and numbered, so that the line numbers are the file's.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import json
from collections import deque
from collections.abc import Iterator
from typing import IO

import attrs

from screening.exceptions import InputFileError, ScreeningError

__all__ = [
    "MAX_INTEGER_DIGITS",
    "MAX_JSON_DEPTH",
    "MAX_LINE_BYTES",
    "MAX_RECORD_CHARS",
    "CsvTable",
    "Row",
    "csv_table",
    "jsonl_rows",
    "numbered_lines",
]

#: Longest line read, in bytes (1 MiB); a longer line is an error row.
MAX_LINE_BYTES = 1 << 20
#: Most characters a CSV row may span over several lines before an open quote is an error.
MAX_RECORD_CHARS = 1 << 20
#: Most digits in a JSON integer (Python refuses to convert 4,300 or more).
MAX_INTEGER_DIGITS = 100
#: Deepest nesting of JSON arrays and objects in a row (a row needs 2: an object of lists).
MAX_JSON_DEPTH = 16

_UTF8_BOM = codecs.BOM_UTF8.decode("utf-8")


@attrs.frozen
class Row:
    """One input row: its number, the line it starts on, and its fields or its error."""

    number: int
    line: int
    fields: dict[str, object] | None
    error: ScreeningError | None


@attrs.frozen
class _Line:
    """A numbered line of the input, or why it could not be read."""

    number: int
    text: str
    error: InputFileError | None = None


def numbered_lines(stream: IO[bytes] | IO[str]) -> Iterator[_Line]:
    """The stream's lines, numbered from 1, line breaks kept; a binary stream is decoded as
    UTF-8 line by line, so that a bad byte costs one line, not the file."""
    number = 0
    while True:
        chunk = stream.readline(MAX_LINE_BYTES + 1)
        if not chunk:
            return
        number += 1
        newline = b"\n" if isinstance(chunk, bytes) else "\n"
        if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(newline):  # type: ignore[arg-type]
            while chunk and not chunk.endswith(newline):  # type: ignore[arg-type]
                chunk = stream.readline(MAX_LINE_BYTES)
            yield _Line(number, "", InputFileError(f"Line {number} is longer than {MAX_LINE_BYTES:,} bytes."))
            continue
        if isinstance(chunk, bytes):
            try:
                text = chunk.decode("utf-8")
            except UnicodeDecodeError as error:
                yield _Line(
                    number,
                    "",
                    InputFileError(
                        f"Line {number} is not UTF-8 text: byte 0x{chunk[error.start]:02x} at position"
                        f" {error.start + 1} cannot be read. Save the file as UTF-8."
                    ),
                )
                continue
        else:
            text = chunk
        if number == 1:
            text = text.removeprefix(_UTF8_BOM)
        yield _Line(number, text)


def _open_quote(text: str, quoted: bool, delimiter: str) -> bool:
    """Tell whether a CSV quote is still open at the end of ``text``, given whether one was
    open at its start: a quote opens a quoted cell only at the start of a cell (RFC 4180)."""
    if '"' not in text:
        return quoted
    at_start = not quoted
    index = 0
    while index < len(text):
        char = text[index]
        if quoted:
            if char == '"':
                if text.startswith('"', index + 1):
                    index += 1  # a doubled quote inside a quoted cell
                else:
                    quoted = False
        elif char == '"' and at_start:
            quoted = True
        at_start = char == delimiter if not quoted else False
        index += 1
    return quoted


_Records = Iterator[tuple[int, list[str], InputFileError | None]]


def _records(lines: Iterator[_Line], delimiter: str) -> _Records:
    """The CSV records of the lines: the line each starts on, its lines, or its error."""
    pushed_back: deque[_Line] = deque()
    record: list[_Line] = []
    quoted, size = False, 0
    while True:
        line = pushed_back.popleft() if pushed_back else next(lines, None)
        if line is not None and line.error is None:
            record.append(line)
            size += len(line.text)
            quoted = _open_quote(line.text, quoted, delimiter)
            if not quoted:
                yield record[0].number, [item.text for item in record], None
                record, size = [], 0
                continue
            if size <= MAX_RECORD_CHARS:
                continue
            rest = record[1:]
        elif not record:
            if line is None:
                return
            yield line.number, [], line.error
            continue
        else:
            rest = [*record[1:], *([line] if line is not None else [])]
        # A quote left open: its line is an error, and the lines after it are read again.
        yield (
            record[0].number,
            [],
            InputFileError(f"Line {record[0].number} opens a quote that is never closed."),
        )
        pushed_back.extendleft(reversed(rest))
        record, quoted, size = [], False, 0


#: The delimiters a CSV file is sniffed for, in the order a tie is settled.
DELIMITERS = (",", ";", "\t", "|")


def _sniffed(header: str) -> str:
    """The delimiter of a CSV file, told from its header line: the one of :data:`DELIMITERS`
    found most often outside quotes (a comma when none is)."""
    outside, quoted = [], False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(char)
    counts = [(sum(1 for char in outside if char == delimiter), delimiter) for delimiter in DELIMITERS]
    best = max(counts, key=lambda item: item[0])
    return best[1] if best[0] else ","


@attrs.frozen
class CsvTable:
    """A CSV file being read: its header, its delimiter, and its rows (read as iterated)."""

    header: tuple[str, ...]
    delimiter: str
    rows: Iterator[Row]


def csv_table(stream: IO[bytes] | IO[str], *, delimiter: str | None = None) -> CsvTable:
    """Read a CSV file's header now and its rows as they are asked for. Each row's fields are
    its cells by column, as written (a row with fewer cells than the header has empty ones).

    Args:
        delimiter: the cell separator; None sniffs it from the header line (see :func:`_sniffed`).

    Raises:
        InputFileError: the header is missing, unreadable or repeats a column.
    """
    lines = numbered_lines(stream)
    ahead: list[_Line] = []
    for line in lines:
        ahead.append(line)
        if line.error is not None or line.text.strip():
            break
    if delimiter is None:
        delimiter = _sniffed(ahead[-1].text) if ahead and ahead[-1].error is None else ","
    records = _records(itertools.chain(ahead, lines), delimiter)
    header = _header(records, delimiter)
    return CsvTable(tuple(header), delimiter, _csv_rows(records, header, delimiter))


def _csv_rows(records: _Records, header: list[str], delimiter: str) -> Iterator[Row]:
    number = 0
    for line, texts, error in records:
        if error is None and not "".join(texts).strip():
            continue  # a blank line
        number += 1
        if error is not None:
            yield Row(number, line, None, error)
            continue
        try:
            cells = next(csv.reader(texts, strict=True, delimiter=delimiter))
        except csv.Error as unreadable:
            yield Row(number, line, None, InputFileError(f"Line {line} cannot be read as CSV: {unreadable}."))
            continue
        if len(cells) > len(header):
            yield Row(
                number,
                line,
                None,
                InputFileError(f"Row {number} has more cells than the header has columns."),
            )
            continue
        cells += [""] * (len(header) - len(cells))
        yield Row(number, line, dict(zip(header, cells, strict=True)), None)


def _header(records: _Records, delimiter: str) -> list[str]:
    for line, texts, error in records:
        if error is not None:
            raise InputFileError(f"The CSV header cannot be read: {error}")
        if not "".join(texts).strip():
            continue
        try:
            header = next(csv.reader(texts, strict=True, delimiter=delimiter))
        except csv.Error as unreadable:
            raise InputFileError(
                f"The CSV header on line {line} cannot be read: {unreadable}."
            ) from unreadable
        header = [column.strip() for column in header]
        repeated = sorted({column for column in header if header.count(column) > 1})
        if repeated:
            raise InputFileError(
                f"The CSV header names {', '.join(map(repr, repeated))} more than once; each column may"
                " appear once, or all but its last cell would go unscreened."
            )
        return header
    raise InputFileError("The CSV file is empty; it needs a header row with at least a name column.")


class _RowProblemError(ValueError):
    """A JSON row that parses but may not be screened: the sentence says why."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _RowProblemError(f"has the key {key!r} twice; each field may appear once")
        found[key] = value
    return found


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _RowProblemError(f"has a number of {len(digits.lstrip('-')):,} digits")
    return int(digits)


def _too_deep(text: str) -> bool:
    """Tell whether JSON text nests arrays or objects more than MAX_JSON_DEPTH deep."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return False
    depth, inside, escaped = 0, False, False
    for char in text:
        if inside:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                inside = False
        elif char == '"':
            inside = True
        elif char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def jsonl_rows(stream: IO[bytes] | IO[str]) -> Iterator[Row]:
    """The rows of a JSON Lines file: one object a line."""
    number = 0
    for line in numbered_lines(stream):
        if line.error is None and not line.text.strip():
            continue
        number += 1
        yield Row(number, line.number, *_json_fields(line))


def _json_fields(line: _Line) -> tuple[dict[str, object] | None, InputFileError | None]:
    if line.error is not None:
        return None, line.error
    where = f"Line {line.number}"
    if _too_deep(line.text):
        return None, InputFileError(f"{where} nests arrays or objects more than {MAX_JSON_DEPTH} deep.")
    try:
        fields = json.loads(line.text, object_pairs_hook=_unique_keys, parse_int=_integer)
    except _RowProblemError as problem:
        return None, InputFileError(f"{where} {problem}.")
    except json.JSONDecodeError as error:
        return None, InputFileError(f"{where} is not valid JSON: {error.msg}.")
    if not isinstance(fields, dict):
        return None, InputFileError(f"{where} is not a JSON object.")
    return fields, None
