"""Tests of the OFAC legacy CSV importer, on a slice of the July 2021 files in tests/data/ofac."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import screening
from screening import EntryKind, InputFileError
from screening.ofac import import_ofac

OFAC = Path(__file__).parent / "data" / "ofac"


@pytest.fixture(scope="module")
def imported() -> tuple[screening.Watchlist, object]:
    return import_ofac(OFAC, version="2021-07-07")


def test_report_counts_what_was_read_kept_and_skipped(imported: tuple[screening.Watchlist, object]) -> None:
    """Vessels and aircraft are skipped and counted; an alias for a missing entry is counted."""
    watchlist, report = imported
    assert 7 == report.rows  # type: ignore[attr-defined]
    assert {"vessel": 1, "aircraft": 1} == dict(report.skipped)  # type: ignore[attr-defined]
    assert 1 == report.dangling_aliases  # type: ignore[attr-defined]
    assert 5 == len(watchlist.entries)


def test_person_fields_from_remarks(imported: tuple[screening.Watchlist, object]) -> None:
    """DOB, nationality and email come from the remarks; the name stays as OFAC writes it."""
    entry = imported[0].entry("ofac-28263")
    assert (EntryKind.PERSON, "TIAN, Yinyin", ("1986-07-12",), ("CN",), ("417136259@qq.com",)) == (
        entry.kind,
        entry.name,
        entry.dates_of_birth,
        entry.nationalities,
        entry.emails,
    )


def test_spilled_remarks_are_read(imported: tuple[screening.Watchlist, object]) -> None:
    """Phone numbers that spilled into sdn_comments.csv are imported in international form."""
    assert "+8613314257947" in imported[0].entry("ofac-28264").phones


def test_weak_aliases_and_websites(imported: tuple[screening.Watchlist, object]) -> None:
    """Weak a.k.a.s come from remarks; websites become domains; organizations are organizations."""
    watchlist = imported[0]
    assert ("TARIQ",) == watchlist.entry("ofac-6905").weak_aliases
    bank = watchlist.entry("ofac-906")
    assert (EntryKind.ORGANIZATION, ("www.havanaintbank.co.uk", "www.hib.uk.com")) == (
        bank.kind,
        bank.domains,
    )


def test_imported_list_screens(imported: tuple[screening.Watchlist, object]) -> None:
    """An imported list screens names, reordered, and websites."""
    watchlist = imported[0]
    assert (
        "ofac-28263" == screening.screen(screening.Applicant(name="Yinyin Tian"), watchlist).hits[0].entry.id
    )
    website = screening.screen(
        screening.Applicant(name="Alex Morgan", websites=["https://hib.uk.com/x"]), watchlist
    )
    assert screening.Decision.MATCH == website.decision


def test_missing_sdn_is_an_input_error(tmp_path: Path) -> None:
    """A folder without sdn.csv is refused with a sentence."""
    with pytest.raises(InputFileError, match=r"an OFAC import needs sdn\.csv"):
        import_ofac(tmp_path)


def test_screening_against_bundled_and_imported_lists(imported: tuple[screening.Watchlist, object]) -> None:
    """Several lists at once: each hit names the list and version it came from."""
    both = screening.Screener([screening.load_watchlist(), imported[0]])
    result = both.screen(screening.Applicant(name="Tian Yinyin", emails=["x@cloudfoxhub.com"]))
    assert {("ofac-sdn", "2021-07-07"), ("doj-dprk-it-workers", "2025-06-30")} == {
        (hit.watchlist, hit.watchlist_version) for hit in result.hits
    }
    record = result.to_dict()
    assert ["doj-dprk-it-workers", "ofac-sdn"] == [item["name"] for item in record["watchlists"]]  # type: ignore[index]
    assert "doj-dprk-it-workers + ofac-sdn" == record["watchlist"]["name"]  # type: ignore[index]


CONSOLIDATED = Path(__file__).parent / "data" / "ofac_consolidated"


def test_the_consolidated_non_sdn_files_import_with_their_own_source() -> None:
    """A folder with cons_prim.csv (and no sdn.csv) is OFAC's Consolidated (non-SDN) lists:
    same layout, its own list name and source."""
    watchlist, report = import_ofac(CONSOLIDATED, version="2025-12-24")
    assert watchlist.name == "ofac-consolidated"
    assert [source.id for source in watchlist.sources] == ["ofac-consolidated"]
    assert "non-SDN" in watchlist.title
    assert report.rows == 6
    assert "Read 6 entries from cons_prim.csv." in report.summary()
    by_id = {entry.id: entry for entry in watchlist.entries}
    haniya = by_id["ofac-9639"]
    assert haniya.aliases == ("HANIYA, Ismail", "HANIYYA, Ismaeel")
    assert haniya.dates_of_birth == ("1962",)
    assert haniya.sources == ("ofac-consolidated",)
    assert (haniya.programs, haniya.reference) == (("NS-PLC",), "9639")
    assert by_id["ofac-17013"].kind is EntryKind.ORGANIZATION
    assert by_id["ofac-17013"].programs == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    result = screening.screen(screening.Applicant(name="Ismaeel Haniyya"), watchlist)
    assert result.hits[0].entry.id == "ofac-9639"


def test_import_the_consolidated_files_then_check_an_alias_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from screening.cli import main

    output = tmp_path / "cons.json"
    assert (
        main(["watchlist", "import", "ofac", str(CONSOLIDATED), "--output", str(output), "--no-index"]) == 0
    )
    assert "Read 6 entries from cons_prim.csv." in capsys.readouterr().out
    main(["check", "--name", "Mohammed Mahmud Abu Tair", "--watchlist", str(output), "--json"])
    hit = json.loads(capsys.readouterr().out)["hits"][0]
    assert hit["entry"]["id"] == "ofac-9640"
    assert hit["entry"]["sources"] == ["ofac-consolidated"]
