"""Tests of the watchlist format, the loader and the bundled list."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

import screening
from screening import EntryKind, Watchlist, WatchlistEntry, WatchlistError, load_watchlist

MINIMAL = {
    "name": "test-list",
    "version": "1",
    "sources": [{"id": "s1", "title": "A source"}],
    "entries": [
        {"id": "p1", "kind": "person", "name": "Jane Roe", "sources": ["s1"]},
        {"id": "d1", "kind": "domain", "name": "example-listed.com", "domains": ["example-listed.com"]},
    ],
}


def write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "list.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_bundled_list_has_the_defendants_and_domains(bundled: Watchlist) -> None:
    """The bundled list holds the 13 named defendants and the 21 seized domains."""
    kinds = [entry.kind for entry in bundled.entries]
    assert (13, 21) == (kinds.count(EntryKind.PERSON), kinds.count(EntryKind.DOMAIN))


def test_every_bundled_entry_cites_a_source(bundled: Watchlist) -> None:
    """Every bundled entry cites at least one source the list defines."""
    source_ids = {source.id for source in bundled.sources}
    assert all(entry.sources and set(entry.sources) <= source_ids for entry in bundled.entries)


def test_bundled_list_never_names_victims(bundled: Watchlist) -> None:
    """The stolen identity named in the facts as 'P.S.' is not listed."""
    listed = {name for entry in bundled.entries for name in (entry.name, *entry.aliases, *entry.weak_aliases)}
    assert not any("P.S." in name for name in listed)


def test_minimal_list_loads(tmp_path: Path) -> None:
    """A list with only the required fields loads, with defaults for the rest."""
    watchlist = load_watchlist(write(tmp_path, MINIMAL))
    assert ("test-list", "1", 2, ()) == (
        watchlist.name,
        watchlist.version,
        len(watchlist.entries),
        watchlist.entries[0].aliases,
    )


def test_checksum_ignores_formatting_and_defaults(tmp_path: Path) -> None:
    """Indentation and omitted empty fields do not change the checksum; content does."""
    compact = load_watchlist(write(tmp_path, MINIMAL)).checksum
    spelled_out = copy.deepcopy(MINIMAL)
    spelled_out["entries"][0]["aliases"] = []  # type: ignore[index]
    path = tmp_path / "pretty.json"
    path.write_text(json.dumps(spelled_out, indent=4), encoding="utf-8")
    changed = copy.deepcopy(MINIMAL)
    changed["entries"][0]["name"] = "Jane Doe"  # type: ignore[index]
    assert compact == load_watchlist(path).checksum != load_watchlist(write(tmp_path, changed)).checksum


def _broken(change: str) -> dict[str, object]:
    document = copy.deepcopy(MINIMAL)
    entries = document["entries"]
    assert isinstance(entries, list)
    if change == "unknown key":
        entries[0]["nickname"] = "JR"
    elif change == "duplicate id":
        entries[1]["id"] = "p1"
    elif change == "wrong type":
        entries[0]["aliases"] = "Jane R"
    elif change == "empty name":
        entries[0]["name"] = " "
    elif change == "invalid domain":
        entries[1]["domains"] = ["not a domain"]
    elif change == "unknown source":
        entries[0]["sources"] = ["s2"]
    elif change == "bad kind":
        entries[0]["kind"] = "vessel"
    elif change == "bad nationality":
        entries[0]["nationalities"] = ["us"]
    elif change == "missing name":
        del entries[0]["name"]
    elif change == "invalid email":
        entries[0]["emails"] = ["jane.roe"]
    elif change == "lone surrogate":
        entries[0]["aliases"] = ["Jane \ud800Roe"]
    return document


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "unknown key",
            "entries[0] (id 'p1'): unknown field 'nickname'; the fields are id, kind, name, aliases,"
            " weak_aliases, emails, phones, domains, accounts, nationalities, dates_of_birth, sources, notes,"
            " programs, reference.",
        ),
        ("duplicate id", "entries[1] (id 'p1'): id: the id is already used by entries[0]."),
        ("wrong type", "entries[0] (id 'p1'): aliases must be a list of strings, not a string."),
        ("empty name", "entries[0] (id 'p1'): name is empty."),
        (
            "invalid domain",
            "entries[1] (id 'd1'): domains[0]: 'not a domain' is not a valid domain name under IDNA 2008: ",
        ),
        (
            "unknown source",
            "entries[0] (id 'p1'): sources[0]: 's2' is not the id of a source in this watchlist.",
        ),
        ("bad kind", "entries[0] (id 'p1'): kind 'vessel' is not one of 'person', 'organization', 'domain'."),
        (
            "bad nationality",
            "entries[0] (id 'p1'): nationalities[0]: 'us' is not an uppercase ISO 3166-1 alpha-2 code.",
        ),
        ("missing name", "entries[0] (id 'p1'): the required field 'name' is missing."),
        ("invalid email", "entries[0] (id 'p1'): emails[0]: 'jane.roe' is not a valid email address: "),
        (
            "lone surrogate",
            "entries[0] (id 'p1'): aliases[0] holds U+D800, half of a character (a lone surrogate escape),"
            " which is not text.",
        ),
    ],
)
def test_invalid_lists_name_file_entry_field_and_problem(tmp_path: Path, change: str, message: str) -> None:
    """Each kind of invalid entry is an error naming the file, the entry, the field and the problem."""
    path = write(tmp_path, _broken(change))
    with pytest.raises(WatchlistError) as caught:
        load_watchlist(path)
    prefix, _, rest = str(caught.value).partition(" ")
    assert re.fullmatch(rf"{re.escape(str(path))}:1:\d+:", prefix), prefix
    assert rest.startswith(message)


def test_entry_errors_give_the_line_and_column_of_the_entry(tmp_path: Path) -> None:
    """In an indented file, the error points at the line where the bad entry starts."""
    document = copy.deepcopy(MINIMAL)
    document["entries"][1]["domains"] = ["not a domain"]  # type: ignore[index]
    path = tmp_path / "indented.json"
    text = json.dumps(document, indent=2)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    {", text.splitlines().index('  "entries": [') + 2) + 1
    with pytest.raises(WatchlistError) as caught:
        load_watchlist(path)
    assert str(caught.value).startswith(f"{path}:{line}:5: entries[1] (id 'd1'): domains[0]:")


def test_malformed_json_gives_line_and_column(tmp_path: Path) -> None:
    """Malformed JSON is reported with the file, line and column."""
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x",\n "version": 1,,\n}', encoding="utf-8")
    with pytest.raises(WatchlistError) as caught:
        load_watchlist(path)
    assert f"{path}:2:15: not valid JSON: Expecting property name enclosed in double quotes." == str(
        caught.value
    )


def test_duplicate_json_key_is_refused(tmp_path: Path) -> None:
    """An object that repeats a key is refused rather than silently keeping the last value."""
    path = tmp_path / "dup.json"
    path.write_text('{"name": "a", "name": "b", "version": "1", "entries": []}', encoding="utf-8")
    with pytest.raises(WatchlistError, match="an object repeats the key 'name'"):
        load_watchlist(path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is a WatchlistError, not FileNotFoundError."""
    with pytest.raises(WatchlistError, match="no such watchlist file"):
        load_watchlist(tmp_path / "absent.json")


def test_top_level_must_be_an_object(tmp_path: Path) -> None:
    """A JSON list at the top level is refused."""
    with pytest.raises(WatchlistError, match=r"A watchlist must be a JSON object, not a list\."):
        load_watchlist(write(tmp_path, []))


def test_watchlist_built_in_code_is_checked() -> None:
    """Entries built in code are checked like loaded ones."""
    entry = WatchlistEntry(id="x", kind=EntryKind.DOMAIN, name="not a domain")
    with pytest.raises(
        WatchlistError, match=r"entries\[0\] \(id 'x'\): name: a domain entry's name must be its domain"
    ):
        Watchlist(name="n", version="1", entries=[entry])


def test_round_trip_through_to_dict(tmp_path: Path, bundled: Watchlist) -> None:
    """A list written with to_dict loads back with the same checksum."""
    path = write(tmp_path, bundled.to_dict())
    assert bundled.checksum == load_watchlist(path).checksum


def test_entry_lookup(bundled: Watchlist) -> None:
    """Watchlist.entry finds an entry by id."""
    assert "Kim Kwang Jin" == bundled.entry("doj-2025-kim-kwang-jin").name


def test_bundled_path_is_inside_package_or_checkout() -> None:
    """The bundled list's path ends with its file name."""
    assert screening.watchlist.bundled_watchlist_path().name == "doj-dprk-it-workers.json"


def _versions() -> tuple[Watchlist, Watchlist]:
    """Two versions of a list: the second drops d1, changes p1 (an alias more, its source
    less), adds p2 (with a source of its own) and keeps p3 as it was."""
    first = copy.deepcopy(MINIMAL)
    first["entries"].append({"id": "p3", "kind": "person", "name": "Richard Doe"})  # type: ignore[attr-defined]
    second = copy.deepcopy(first)
    second["version"] = "2"
    second["sources"].append({"id": "s2", "title": "Another source"})  # type: ignore[attr-defined]
    second["entries"] = [
        {"id": "p2", "kind": "person", "name": "Ivan Petrov", "sources": ["s2"]},
        {"id": "p1", "kind": "person", "name": "Jane Roe", "aliases": ["Janet Roe"]},
        {"id": "p3", "kind": "person", "name": "Richard Doe"},
    ]
    return screening.watchlist.parse_watchlist(first), screening.watchlist.parse_watchlist(second)


def test_changes_between_versions_by_entry_id() -> None:
    """Entries are added, changed (any field) or removed by id, each in its version's order."""
    old, new = _versions()
    changes = screening.watchlist_changes(old, new)
    assert (["p2"], ["p1"], ["d1"]) == (
        [entry.id for entry in changes.added],
        [entry.id for entry in changes.changed],
        [entry.id for entry in changes.removed],
    )
    assert ("Janet Roe",) == changes.changed[0].aliases  # as the new version has it


def test_changes_list_holds_what_to_rescreen() -> None:
    """The list of changes: added and changed entries in the new order, the sources they cite,
    the new version measured from the old one."""
    old, new = _versions()
    rescreen = screening.watchlist_changes(old, new).watchlist()
    assert ("test-list", "2 (changes since 1)", ["p2", "p1"], ["s2"]) == (
        rescreen.name,
        rescreen.version,
        [entry.id for entry in rescreen.entries],
        [source.id for source in rescreen.sources],
    )


def test_changes_of_a_list_against_itself_are_none(bundled: Watchlist) -> None:
    """A version compared with itself adds, changes and removes nothing."""
    changes = screening.watchlist_changes(bundled, bundled)
    assert ((), (), (), ()) == (changes.added, changes.changed, changes.removed, changes.watchlist().entries)


def test_changes_between_two_lists_are_refused(bundled: Watchlist) -> None:
    """Two different lists (by name) have no changes to measure: a sentence says so."""
    other = screening.watchlist.parse_watchlist(MINIMAL)
    with pytest.raises(WatchlistError, match="two versions of one list"):
        screening.watchlist_changes(other, bundled)
