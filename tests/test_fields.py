"""Tests of reading applicants from HR table records (screening._fields)."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening._fields import FIELDS, ColumnMap, split_record
from screening._rows import csv_table
from screening.exceptions import InputFileError

OTHER_COLUMN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_ ", min_size=1, max_size=12).filter(
    lambda name: name not in FIELDS and name.strip() == name
)
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)


@given(others=st.dictionaries(OTHER_COLUMN, CELL, max_size=5), name=st.text(min_size=1, max_size=20))
def test_columns_that_are_no_field_pass_through_unchanged(others: dict[str, str], name: str) -> None:
    """Every column that is no applicant field comes back as it was given, and no other."""
    record = {"full_name": name, **others}
    columns = ColumnMap.of({"name": "full_name"})
    if not name.strip():
        with pytest.raises(InputFileError, match="no name"):
            split_record(record, columns)
        return
    fields, passed = split_record(record, columns)
    assert (others, name.strip()) == (passed, fields["name"])


@given(
    others=st.dictionaries(OTHER_COLUMN, CELL, min_size=1, max_size=4),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
)
def test_a_csv_export_reads_back_its_cells_whatever_its_delimiter(
    others: dict[str, str], delimiter: str
) -> None:
    """A CSV file written with any of the usual delimiters is read back cell for cell, its
    delimiter told from the header."""
    header = ["name", *others]
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerow(["Wang Wei", *others.values()])
    table = csv_table(io.BytesIO(text.getvalue().encode("utf-8")))
    rows = list(table.rows)
    assert tuple(header) == table.header
    assert [{"name": "Wang Wei", **others}] == [row.fields for row in rows]


def test_cells_are_read_as_their_fields() -> None:
    """Lists, ;-joined text, several columns, missing values, numbers and dates."""
    record = {
        "full_name": " Wang Wei ",
        "work": "a@x.com; b@x.com",
        "home": ["c@x.com", None, float("nan")],
        "phone": 4155550100.0,
        "born": datetime.datetime(1990, 5, 17, 8, 30),
        "nationality": float("nan"),
    }
    columns = ColumnMap.of(
        {"name": "full_name", "emails": ["work", "home"], "phones": "phone", "date_of_birth": "born"}
    )
    fields, passed = split_record(record, columns)
    assert {
        "name": "Wang Wei",
        "emails": ["a@x.com", "b@x.com", "c@x.com"],
        "phones": ["4155550100"],
        "date_of_birth": "1990-05-17",
    } == fields
    assert {} == passed


@pytest.mark.parametrize(
    ("date_format", "text", "read"),
    [("%d/%m/%Y", "14/07/2002", "2002-07-14"), ("%m/%Y", "07/2002", "2002-07"), ("%Y", "2002", "2002")],
)
def test_a_date_format_reads_whole_and_partial_dates(date_format: str, text: str, read: str) -> None:
    """A format without a day gives a year and month; without a month, a year."""
    fields, _ = split_record({"name": "Li Na", "date_of_birth": text}, ColumnMap(), date_format=date_format)
    assert read == fields["date_of_birth"]


def test_column_maps_refuse_what_cannot_be() -> None:
    """Several columns for a single-value field, an empty column, a bad --columns item."""
    with pytest.raises(InputFileError, match="only the list fields"):
        ColumnMap.of({"name": ["a", "b"]})
    with pytest.raises(InputFileError, match="no column name"):
        ColumnMap.of({"name": ""})
    with pytest.raises(InputFileError, match="field=column pairs"):
        ColumnMap.parse("name")
    assert ("a", "b") == ColumnMap.parse("emails=a, emails=b").sources("emails")
    with pytest.raises(InputFileError, match="true/false"):
        split_record({"name": True}, ColumnMap())
