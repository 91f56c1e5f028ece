"""Tests of screening DataFrames and Arrow tables (screening.frames)."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest

import screening
from screening.exceptions import InputFileError
from screening.frames import rescreen_frame, screen_frame

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

ADDED = [
    "screening_decision",
    "screening_score",
    "screening_entry_id",
    "screening_entry_name",
    "screening_list",
    "screening_evidence",
    "screening_error",
]


def _staff() -> object:
    return pd.DataFrame(
        {
            "employee_id": ["E1", "E2", "E3", "E4"],
            "full_name": ["Kim Kwang Jin", "Wang Wei", None, "Alex Morgan"],
            "work_email": ["kim@example.com", None, "x@example.com", "alex@corp.example"],
            "other_emails": [[], ["wang@example.org"], [], ["alex@cloudfoxhub.com"]],
            "born": [pd.Timestamp("1990-01-01"), pd.NaT, pd.NaT, pd.NaT],
            "nationality": ["Korea, North", "China", None, float("nan")],
        },
        index=[10, 11, 12, 13],
    )


COLUMNS = {
    "id": "employee_id",
    "name": "full_name",
    "emails": ["work_email", "other_emails"],
    "date_of_birth": "born",
}


def test_a_dataframe_keeps_its_columns_and_rows_and_gains_the_results() -> None:
    """Every row is screened or has its error; the table's own columns and index are kept."""
    staff = _staff()
    screened = screen_frame(staff, columns=COLUMNS)
    assert [*staff.columns, *ADDED] == list(screened.columns)
    assert list(staff.index) == list(screened.index)
    assert staff.equals(screened[list(staff.columns)])
    assert ["match", "clear", None, "match"] == list(
        screened["screening_decision"].replace({float("nan"): None})
    )
    kim = screened.loc[10]
    assert ("doj-2025-kim-kwang-jin", "doj-dprk-it-workers", 1.0) == (
        kim["screening_entry_id"],
        kim["screening_list"],
        kim["screening_score"],
    )
    evidence = json.loads(kim["screening_evidence"])
    assert "doj-2025-kim-kwang-jin" == evidence["hits"][0]["entry_id"]
    assert evidence["hits"][0]["evidence"][0]["method"] == "exact"
    assert "The row has no name" in screened.loc[12, "screening_error"]
    assert "cloudfoxhub.com" in screened.loc[13, "screening_evidence"]  # from the list-valued column
    assert pd.isna(screened.loc[11, "screening_score"])


def test_an_arrow_table_gives_the_dataframes_results() -> None:
    """A pyarrow Table (and a RecordBatch) is screened as the DataFrame it converts from."""
    staff = _staff()
    table = pa.Table.from_pandas(staff, preserve_index=False)
    from_arrow = screen_frame(table, columns=COLUMNS)
    from_pandas = screen_frame(staff, columns=COLUMNS)
    assert table.schema.names + ADDED == from_arrow.schema.names
    for name in ADDED:
        expected = [None if pd.isna(value) else value for value in from_pandas[name]]
        assert expected == from_arrow.column(name).to_pylist()
    batch = screen_frame(table.to_batches()[0], columns=COLUMNS)
    assert (
        from_arrow.column("screening_decision").to_pylist() == batch.column("screening_decision").to_pylist()
    )


def test_two_processes_give_one_processs_results() -> None:
    """jobs=2 screens in spawned processes and keeps the rows' order."""
    staff = pd.concat([_staff()] * 20, ignore_index=True)
    assert screen_frame(staff, columns=COLUMNS).equals(screen_frame(staff, columns=COLUMNS, jobs=2))


def test_tables_that_cannot_be_screened_are_refused() -> None:
    """A table with earlier results, without its name column, or of another kind is refused
    with a sentence."""
    staff = _staff()
    with pytest.raises(InputFileError, match="already has the column 'screening_decision'"):
        screen_frame(screen_frame(staff, columns=COLUMNS), columns=COLUMNS)
    with pytest.raises(InputFileError, match="no 'name' column"):
        screen_frame(staff)
    with pytest.raises(InputFileError, match="no column 'mail'"):
        screen_frame(staff, columns={"name": "full_name", "emails": "mail"})
    with pytest.raises(InputFileError, match="not a list"):
        screen_frame([{"name": "Wang Wei"}])
    with pytest.raises(InputFileError, match="the field 'nom'"):
        screen_frame(staff, columns={"nom": "full_name"})


def test_text_dates_are_read_with_the_date_format() -> None:
    """date_format reads an export's dates; a date in another form is the row's error."""
    table = pd.DataFrame({"name": ["Wang Wei", "Li Na"], "date_of_birth": ["14/07/2002", "2002-07-14"]})
    screened = screen_frame(table, date_format="%d/%m/%Y")
    assert "clear" == screened.loc[0, "screening_decision"]
    assert "does not have the date format" in screened.loc[1, "screening_error"]
    dates = pd.DataFrame({"name": ["Wang Wei"], "date_of_birth": [datetime.date(2002, 7, 14)]})
    assert "clear" == screen_frame(dates).loc[0, "screening_decision"]


def test_rescreen_screens_against_the_changes_and_withdraws_removed_entries(
    bundled: screening.Watchlist,
) -> None:
    """Rescreening finds a newly listed person, and names the entry an earlier hit stood on
    when the new version removes it."""
    removed = next(entry for entry in bundled.entries if entry.id == "doj-2025-kim-kwang-jin")
    template = next(entry for entry in bundled.entries if entry.kind is screening.EntryKind.PERSON)
    added = attrs.evolve(template, id="test-new-person", name="Vladimir Petrovich Sidorov", aliases=())
    new = attrs.evolve(
        bundled,
        version="next",
        entries=[entry for entry in bundled.entries if entry is not removed] + [added],
        path=None,
    )
    table = pd.DataFrame(
        {
            "name": ["Vladimir Petrovich Sidorov", "Kim Kwang Jin", "Wang Wei"],
            "screening_entry_id": [None, "doj-2025-kim-kwang-jin", None],
        }
    )
    rescreened = rescreen_frame(table, bundled, new)
    assert ["match", "clear", "clear"] == list(rescreened["rescreen_decision"])
    assert "test-new-person" == rescreened.loc[0, "rescreen_entry_id"]
    assert [None, "doj-2025-kim-kwang-jin", None] == [
        None if pd.isna(value) else value for value in rescreened["rescreen_withdrawn"]
    ]
    assert list(table.columns) == list(rescreened.columns)[:2]


def test_an_entry_that_lost_an_alias_is_not_rescreened_but_its_hits_are_withdrawn(
    bundled: screening.Watchlist,
) -> None:
    """An entry that only lost a value brings no new hit, so nobody is screened against it;
    a row whose earlier hit stood on the lost alias has it withdrawn, one whose hit still
    stands on the name does not."""
    entry = next(entry for entry in bundled.entries if entry.id == "doj-2025-jong-pong-ju")
    trimmed = attrs.evolve(entry, aliases=tuple(alias for alias in entry.aliases if alias != "Bryan Cho"))
    new = attrs.evolve(
        bundled,
        version="next",
        entries=[trimmed if item is entry else item for item in bundled.entries],
        path=None,
    )
    changes = screening.watchlist_changes(bundled, new)
    assert ([entry.id], ()) == ([item.id for item in changes.changed], changes.grown)
    grown = attrs.evolve(entry, dates_of_birth=("1990",))
    other = attrs.evolve(new, entries=[grown if item is trimmed else item for item in new.entries])
    assert [entry.id] == [item.id for item in screening.watchlist_changes(new, other).grown]
    table = pd.DataFrame({"name": ["Bryan Cho", "Jong Pong Ju"], "screening_entry_id": [entry.id, entry.id]})
    rescreened = rescreen_frame(table, bundled, new)
    assert ["clear", "clear"] == list(rescreened["rescreen_decision"])
    assert [entry.id, None] == [
        None if pd.isna(value) else value for value in rescreened["rescreen_withdrawn"]
    ]
