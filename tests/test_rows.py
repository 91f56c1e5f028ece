"""Tests of reading batch rows strictly (screening._rows)."""

from __future__ import annotations

import io

import pytest

from screening._rows import MAX_JSON_DEPTH, MAX_LINE_BYTES, csv_table, jsonl_rows
from screening.exceptions import InputFileError


def _csv(data: bytes) -> list[tuple[int, str, str]]:
    """Each row as (line, name or '', error or '')."""
    return [
        (row.line, str((row.fields or {}).get("name", "")), str(row.error or ""))
        for row in csv_table(io.BytesIO(data)).rows
    ]


def _jsonl(data: bytes) -> list[tuple[int, str, str]]:
    return [
        (row.line, str((row.fields or {}).get("name", "")), str(row.error or ""))
        for row in jsonl_rows(io.BytesIO(data))
    ]


def test_repeated_csv_column_refuses_the_file() -> None:
    """A column named twice would screen its last cell only: the file is refused."""
    with pytest.raises(InputFileError, match="names 'name' more than once"):
        _csv(b"id,name,name\n1,Kim Kwang Jin,Alex Morgan\n")


def test_unterminated_quote_is_one_bad_row() -> None:
    """A quote left open is an error on its line; the rows after it are still read."""
    rows = _csv(b'id,name\n1,"Alex Morgan\n2,Kim Kwang Jin\n3,Wang Zhenxing\n')
    assert [
        (2, "", "Line 2 opens a quote that is never closed."),
        (3, "Kim Kwang Jin", ""),
        (4, "Wang Zhenxing", ""),
    ] == rows


def test_quoted_cell_may_span_lines_and_hold_quotes() -> None:
    """RFC 4180: a quoted cell holds line breaks and doubled quotes; a quote inside an
    unquoted cell is a letter."""
    rows = _csv(b'id,name\n1,"Kim\nKwang ""KJ"" Jin"\n2,O"Brien Smith\n3,Wang Zhenxing\n')
    assert [(2, 'Kim\nKwang "KJ" Jin', ""), (4, 'O"Brien Smith', ""), (5, "Wang Zhenxing", "")] == rows


def test_undecodable_line_is_one_bad_row() -> None:
    """A line that is not UTF-8 is an error with its number; the other lines are read."""
    rows = _csv("id,name\n1,José Pérez\n2,Kim Kwang Jin\n".encode("latin-1"))
    assert [2, 3] == [line for line, _name, _error in rows]
    assert ("Line 2 is not UTF-8 text", "Kim Kwang Jin") == (rows[0][2][:24], rows[1][1])


def test_byte_order_mark_is_dropped() -> None:
    """A UTF-8 byte order mark before the header is no part of the first column's name."""
    assert [(2, "Kim Kwang Jin", "")] == _csv(b"\xef\xbb\xbfname\nKim Kwang Jin\n")


def test_csv_cell_over_the_csv_limit_is_one_bad_row() -> None:
    """A cell of more than 131,072 characters is an error row, not the end of the batch."""
    rows = _csv(b"id,name\n1," + b"a" * 200_000 + b"\n2,Kim Kwang Jin\n")
    assert ("field larger than field limit" in rows[0][2], rows[1][1]) == (True, "Kim Kwang Jin")


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b'{"name": "Alex Morgan", "name": "Kim Kwang Jin"}', "has the key 'name' twice"),
        (b'{"name": "Kim", "id": ' + b"9" * 4300 + b"}", "has a number of 4,300 digits"),
        (b'{"name": ' + b"[" * 5000 + b"]" * 5000 + b"}", f"more than {MAX_JSON_DEPTH} deep"),
        (b"[1, 2]", "is not a JSON object"),
        (b'{"name": ', "is not valid JSON"),
        (b'{"name": "' + b"a" * (MAX_LINE_BYTES + 10) + b'"}', "is longer than"),
    ],
)
def test_bad_json_line_is_one_bad_row(line: bytes, error: str) -> None:
    """Repeated keys, huge integers, deep nesting, non-objects, broken or overlong lines are
    error rows; the next line is still read."""
    rows = _jsonl(line + b'\n{"name": "Kim Kwang Jin"}\n')
    assert (True, (2, "Kim Kwang Jin", "")) == (error in rows[0][2], rows[1])


def test_brackets_inside_strings_are_no_nesting() -> None:
    """Brackets inside a JSON string do not count as nesting."""
    assert [(1, "[" * 40, "")] == _jsonl(b'{"name": "' + b"[" * 40 + b'"}\n')
