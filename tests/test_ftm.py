"""The FollowTheMoney importer, on entities written for these tests (tests/data/entities.ftm.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screening import EntryKind
from screening.cli import main
from screening.exceptions import InputFileError
from screening.ftm import import_ftm

_FILE = Path(__file__).parent / "data" / "entities.ftm.json"


def test_every_field_and_the_joins() -> None:
    watchlist, report = import_ftm(_FILE)
    assert (watchlist.name, watchlist.version) == ("entities", "2026-03-01")  # the latest last_change
    page = next(source for source in watchlist.sources if source.url == "https://example.org/kordex")
    assert page.title == "example.org"
    assert {source.id for source in watchlist.sources} == {"ex_sanctions", "ex_peps", "t-sanction-1", page.id}
    sanction = next(source for source in watchlist.sources if source.id == "t-sanction-1")
    assert (sanction.title, sanction.url) == (
        "EX-CYBER; Example Office of Sanctions",
        "https://example.org/sanctions/ex-cyber",
    )
    by_id = {entry.id: entry for entry in watchlist.entries}
    assert set(by_id) == {"t-person-1", "t-company-1", "t-relative-1"}
    person = by_id["t-person-1"]
    assert person.kind is EntryKind.PERSON
    assert person.name == "Kordex Ivanovich Pelikanov"
    # Other names (each once whatever its case), aliases and previous names are aliases.
    assert person.aliases == ("PELIKANOV, Kordex Ivanovich", "Kordeks Pelikanov", "Kordex Ivanovich Lebedkin")
    assert person.weak_aliases == ("Kordo",)
    assert person.nationalities == ("RU", "KP")
    assert person.dates_of_birth == ("1962-05",)  # a partial date stays partial
    assert person.emails == ("kordex@pelikan.example",)
    assert person.phones == ("+74951234567", "+79127693311")
    assert person.domains == ("pelikan-systems.example",)
    # The wallet and the sanction, on lines of their own, are joined to their holder.
    assert person.accounts == ("1BoatSLRHtKNngkdXEeobR76b53LETtpyT",)
    assert person.programs == ("EX-CYBER",)
    assert person.sources == ("ex_sanctions", page.id, "t-sanction-1")  # dataset, page, sanction
    assert "Sanctioned by: Example Office of Sanctions" in person.notes
    assert by_id["t-company-1"].kind is EntryKind.ORGANIZATION
    # Bad lines and values are counted, never fatal.
    assert dict(report.skipped) == {
        "lines that are no JSON": 1,
        "no name": 1,
        "not a party": 1,
        "repeated ids": 1,
        "vessels": 1,
    }
    assert report.examples["lines that are no JSON"] == "line 8"
    assert dict(report.values_skipped) == {
        "birth dates": 1,
        "emails": 1,
        "nationalities": 1,
        "phones": 1,
        "wallet addresses": 1,
    }
    assert (report.wallets, report.sanctions) == (1, 1)


def test_filters_keep_targets_topics_and_datasets() -> None:
    targets, report = import_ftm(_FILE, targets_only=True)
    assert {entry.id for entry in targets.entries} == {"t-person-1", "t-company-1"}
    assert report.skipped["not a target"] == 1
    topical, _report = import_ftm(_FILE, topics=["role.rca"])
    assert [entry.id for entry in topical.entries] == ["t-relative-1"]
    of_dataset, _report = import_ftm(_FILE, datasets=["ex_sanctions"], name="ex", version="1")
    assert {entry.id for entry in of_dataset.entries} == {"t-person-1", "t-company-1"}
    assert (of_dataset.name, of_dataset.version) == ("ex", "1")


def test_a_file_of_no_entities_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('["a list"]\nnot json\n', encoding="utf-8")
    with pytest.raises(InputFileError, match="no FollowTheMoney entity"):
        import_ftm(path)
    with pytest.raises(InputFileError, match="Cannot read"):
        import_ftm(tmp_path / "missing.json")


def test_import_then_check_an_alias_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "ftm.json"
    command = ["watchlist", "import", "ftm", str(_FILE), "--output", str(output), "--no-index"]
    assert main([*command, "--targets-only", "--topics", "sanction"]) == 0
    assert "Kept: 1 organization, 1 person" in capsys.readouterr().out
    main(["check", "--name", "Kordeks Pelikanov", "--watchlist", str(output), "--json"])
    hit = json.loads(capsys.readouterr().out)["hits"][0]
    assert hit["entry"]["id"] == "t-person-1"
    assert hit["entry"]["sources"][0] == "ex_sanctions"
    assert hit["entry"]["sources"][-1] == "t-sanction-1"
    assert main(["watchlist", "import", "un", str(_FILE), "--output", str(output), "--targets-only"]) != 0
    assert "are for FollowTheMoney files" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("path", "read"),
    [
        ("entities.ftm.json", "Read 10 lines."),
        ("un_slice.xml", "Read 7 individuals and entities."),
        ("csl_slice.csv", "Read 10 rows."),
        ("ofac_consolidated", "Read 6 entries from cons_prim.csv."),
        ("ofac", "Read 7 entries from sdn.csv."),
    ],
)
def test_watchlist_import_tells_the_format_when_it_is_left_out(
    path: str, read: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(__file__).parent / "data" / path
    assert (
        main(["watchlist", "import", str(source), "--output", str(tmp_path / "out.json"), "--no-index"]) == 0
    )
    assert read in capsys.readouterr().out


def test_a_file_of_no_format_known_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello\n", encoding="utf-8")
    assert main(["watchlist", "import", str(other), "--output", str(tmp_path / "out.json")]) != 0
    assert "Cannot tell the format" in capsys.readouterr().err
    assert main(["watchlist", "import", "xml", str(other), "--output", str(tmp_path / "out.json")]) != 0
    assert "xml is no list format this command reads" in capsys.readouterr().err
