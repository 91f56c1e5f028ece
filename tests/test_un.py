"""The UN Security Council Consolidated List importer, on a slice of the real list."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import screening
from screening import Applicant, Decision, EntryKind
from screening.cli import main
from screening.exceptions import InputFileError
from screening.un import import_un

_SLICE = Path(__file__).parent / "data" / "un_slice.xml"


def test_the_slice_imports_with_every_field() -> None:
    watchlist, report = import_un(_SLICE)
    assert (watchlist.name, watchlist.version) == ("un-sc-consolidated", "2026-02-27")
    assert [source.id for source in watchlist.sources] == ["un-sc"]
    by_id = {entry.id: entry for entry in watchlist.entries}
    assert set(by_id) == {"un-CDi.002", "un-KPi.066", "un-CDi.009", "un-IQi.001", "un-CDe.006", "un-KPe.003"}
    assert report.rows == 7
    assert dict(report.kept) == {"person": 4, "organization": 2}
    assert dict(report.skipped) == {"no name": 1}
    kakolele = by_id["un-CDi.002"]
    assert kakolele.kind is EntryKind.PERSON
    assert kakolele.name == "FRANK KAKOLELE BWAMBALE"  # FIRST_NAME and SECOND_NAME, in order
    assert kakolele.aliases == ("FRANK KAKORERE", "FRANK KAKORERE BWAMBALE", "AIGLE BLANC")
    assert kakolele.nationalities == ("CD",)
    assert kakolele.notes == "UN reference CDi.002; regime DRC; listed on 2005-11-01"
    assert kakolele.sources == ("un-sc",)
    assert (kakolele.programs, kakolele.reference) == (("DRC",), "CDi.002")
    # Low-quality aliases are weak, their quotation marks taken off; an exact date of birth.
    kawa = by_id["un-CDi.009"]
    assert kawa.weak_aliases == ("Chief Kahwa", "Kawa")
    assert kawa.dates_of_birth == ("1973-08-20",)
    # A BETWEEN date of birth is each year it spans.
    assert by_id["un-KPi.066"].dates_of_birth == ("1967", "1968", "1969")
    assert by_id["un-KPi.066"].nationalities == ("KP",)
    # The name in its original script is an alias.
    assert "صدام حسين التكريتي" in by_id["un-IQi.001"].aliases
    assert {by_id["un-CDe.006"].kind, by_id["un-KPe.003"].kind} == {EntryKind.ORGANIZATION}
    # The bad record's country counts as a value dropped, with an example.
    assert report.values_skipped["nationalities"] == 0  # the record without a name is skipped whole
    assert "no name" in report.summary()


def test_unreadable_values_are_dropped_and_counted() -> None:
    document = b"""<CONSOLIDATED_LIST dateGenerated="2026-01-02T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>
    <FIRST_NAME>KORDEX</FIRST_NAME><SECOND_NAME>ABDULLAH</SECOND_NAME><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>
    <NATIONALITY><VALUE>Atlantis</VALUE><VALUE>Iran (Islamic Republic of)</VALUE></NATIONALITY>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-02-31</DATE></INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1950</FROM_YEAR>
    <TO_YEAR>1990</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>!!!</ALIAS_NAME></INDIVIDUAL_ALIAS>
    </INDIVIDUAL><INDIVIDUAL><FIRST_NAME>KORDEX</FIRST_NAME><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>
    </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"""
    watchlist, report = import_un(io.BytesIO(document))
    (entry,) = watchlist.entries
    assert entry.nationalities == ("IR",)
    assert entry.dates_of_birth == ("1950", "1990")  # too wide a span: its two ends
    assert entry.aliases == ()
    assert dict(report.values_skipped) == {"nationalities": 1, "dates of birth": 1, "aliases": 1}
    assert report.examples["nationalities"] == "Atlantis"
    assert dict(report.skipped) == {"repeated reference number": 1}


@pytest.mark.parametrize(
    ("document", "says"),
    [
        (b"<html><body/></html>", "no UN consolidated list"),
        (b"<CONSOLIDATED_LIST><INDIVIDUALS>", "not valid XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><CONSOLIDATED_LIST/>',
            "document type declaration",
        ),
    ],
)
def test_a_file_that_is_no_un_list_is_refused_clearly(document: bytes, says: str) -> None:
    with pytest.raises(InputFileError, match=says):
        import_un(io.BytesIO(document))


def test_a_missing_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="Cannot read"):
        import_un(tmp_path / "missing.xml")


def test_import_then_check_an_alias_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """End to end: import the slice, then check an alias of an imported entry: the entry comes
    back with its UN reference and source."""
    output = tmp_path / "un.json"
    assert main(["watchlist", "import", "un", str(_SLICE), "--output", str(output), "--no-index"]) == 0
    printed = capsys.readouterr().out
    assert "Kept: 2 organization, 4 person" in printed
    assert json.loads(output.read_text(encoding="utf-8"))["version"] == "2026-02-27"
    code = main(["check", "--name", "Frank Kakorere", "--watchlist", str(output), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code != 0
    assert result["decision"] == "match"
    hit = result["hits"][0]
    assert hit["entry"]["id"] == "un-CDi.002"
    assert hit["entry"]["sources"] == ["un-sc"]
    assert "UN reference CDi.002" in hit["entry"]["notes"]
    assert (hit["entry"]["programs"], hit["entry"]["reference"]) == (["DRC"], "CDi.002")
    watchlist = screening.load_watchlist(output)
    assert screening.screen(Applicant(name="Kawa Panga Mandro"), watchlist).decision is Decision.MATCH


def test_ofac_options_are_refused_for_the_un_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["watchlist", "import", "un", str(_SLICE), "--output", str(tmp_path / "un.json"), "--alt", "x"]
    )
    assert code != 0
    assert "--alt and --comments are for the OFAC files; the un list is one file." in capsys.readouterr().err


def test_a_party_on_two_lists_is_one_hit_naming_both() -> None:
    """Screened against the UN list and another list that has the same person (same name in
    another order, date of birth and nationality), the person is one hit that names both
    entries; a namesake with another date of birth stays a hit of its own."""
    un, _report = import_un(_SLICE)
    kawa = next(entry for entry in un.entries if entry.id == "un-CDi.009")
    same = screening.WatchlistEntry(
        id="other-1",
        kind=EntryKind.PERSON,
        name=" ".join(reversed(kawa.name.split())),
        dates_of_birth=kawa.dates_of_birth,
        nationalities=kawa.nationalities,
    )
    namesake = screening.WatchlistEntry(
        id="other-2", kind=EntryKind.PERSON, name=kawa.name, dates_of_birth=("1950",), nationalities=("CD",)
    )
    other = screening.Watchlist(name="other", version="1", entries=[same, namesake])
    result = screening.Screener((un, other)).screen(Applicant(name=kawa.name))
    assert len(result.hits) == 2
    assert "other-2" in {hit.entry.id for hit in result.hits}
    merged = next(hit for hit in result.hits if hit.entry.id != "other-2")
    (listing,) = merged.also_listed
    assert {merged.entry.id, listing.entry.id} == {"un-CDi.009", "other-1"}
    assert {merged.watchlist, listing.watchlist} == {"un-sc-consolidated", "other"}
    assert merged.to_dict()["also_listed"][0]["entry"]["id"] == listing.entry.id
    assert "Also listed:" in result.explain()
