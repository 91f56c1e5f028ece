"""The US Consolidated Screening List importer, on a slice of the real list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening import EntryKind
from screening.cli import main
from screening.csl import import_csl
from screening.exceptions import InputFileError

_SLICE = Path(__file__).parent / "data" / "csl_slice.csv"


def test_the_slice_imports_with_its_source_lists() -> None:
    watchlist, report = import_csl(_SLICE, version="2026-01")
    assert (watchlist.name, watchlist.version) == ("us-csl", "2026-01")
    assert report.rows == 10
    assert dict(report.skipped) == {"vessel rows": 1}
    assert report.examples["vessel rows"] == "7-28"
    assert {source.id for source in watchlist.sources} == {
        "csl-dpl",
        "csl-el",
        "csl-sdn",
        "csl-plc",
        "csl-dtc",
    }
    by_name = {entry.name: entry for entry in watchlist.entries}
    # Typed rows keep their type and their numbers; untyped ones are told by their names.
    ubaysi = by_name["AL-'UBAYSI, Mus'id"]
    assert (ubaysi.kind, ubaysi.nationalities, ubaysi.dates_of_birth) == (
        EntryKind.PERSON,
        ("SY",),
        ("1965-07-01",),
    )
    assert ubaysi.id.startswith("csl-")
    assert ubaysi.id[4:].isdigit()
    assert by_name["ADRIAN MANUEL HERNANDEZ"].kind is EntryKind.PERSON
    assert by_name["ADRIAN MANUEL HERNANDEZ"].sources == ("csl-dpl",)
    assert "Denied Persons List" in by_name["ADRIAN MANUEL HERNANDEZ"].notes
    assert by_name["32 Group China Ltd."].kind is EntryKind.ORGANIZATION
    assert by_name["3K Aviation Consulting and Logistics"].kind is EntryKind.ORGANIZATION
    assert by_name["2904977 CANADA, INC."].aliases == ("CARIBE SOL", "HAVANTUR CANADA INC.")
    assert (by_name["2904977 CANADA, INC."].programs, by_name["2904977 CANADA, INC."].reference) == (
        ("CUBA",),
        "8124",
    )
    # An untyped row's id is stable: the list's short name and a digest of the row.
    again, _report = import_csl(_SLICE)
    assert [entry.id for entry in again.entries] == [entry.id for entry in watchlist.entries]


def test_unreadable_values_are_dropped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "csl.csv"
    path.write_text(
        "source,entity_number,type,name,alt_names,nationalities,citizenships,dates_of_birth\n"
        "Entity List (EL) - Bureau of Industry and Security,,,Kordex Trading Ltd,!!!; Kordex,XX,Iran,1970-13-01; 1971\n"
        "Entity List (EL) - Bureau of Industry and Security,,,,,,,\n",
        encoding="utf-8",
    )
    watchlist, report = import_csl(path)
    (entry,) = watchlist.entries
    assert (entry.aliases, entry.nationalities, entry.dates_of_birth) == (("Kordex",), ("IR",), ("1971",))
    assert dict(report.values_skipped) == {"alternative names": 1, "nationalities": 1, "dates of birth": 1}
    assert dict(report.skipped) == {"no name": 1}


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("id,full_name\n1,Kordex\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="no source and no name column"):
        import_csl(path)
    with pytest.raises(InputFileError, match="Cannot read"):
        import_csl(tmp_path / "missing.csv")


def test_import_then_check_an_alias_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "csl.json"
    assert main(["watchlist", "import", "csl", str(_SLICE), "--output", str(output), "--no-index"]) == 0
    assert "Read 10 rows." in capsys.readouterr().out
    main(["check", "--name", "Havantur Canada Inc", "--watchlist", str(output), "--json"])
    hit = json.loads(capsys.readouterr().out)["hits"][0]
    assert hit["entry"]["name"] == "2904977 CANADA, INC."
    assert hit["entry"]["sources"] == ["csl-sdn"]


def test_the_same_party_on_ofac_and_the_csl_is_one_hit_by_its_reference() -> None:
    """The CSL's Treasury rows carry OFAC's entity number: screened against both lists, the
    party is one hit that names its other entry, even though the two write its name apart."""
    import screening
    from screening import Applicant

    csl, _report = import_csl(_SLICE)
    canada = next(entry for entry in csl.entries if entry.reference == "8124")
    ofac_entry = screening.WatchlistEntry(
        id="ofac-8124",
        kind=EntryKind.ORGANIZATION,
        name="2904977 CANADA INC",
        aliases=("HAVANTUR CANADA INCORPORATED",),
        reference="8124",
    )
    ofac = screening.Watchlist(name="ofac-sdn", version="1", entries=[ofac_entry])
    result = screening.Screener((csl, ofac)).screen(Applicant(name="Havantur Canada Inc"))
    (hit,) = [hit for hit in result.hits if hit.entry.id in {canada.id, "ofac-8124"}]
    assert {listing.entry.id for listing in hit.also_listed} | {hit.entry.id} == {canada.id, "ofac-8124"}
