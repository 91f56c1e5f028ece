"""The published watchlist format (a JSON Schema) agrees with the loader and the importers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from screening import watchlist as watchlist_module
from screening.cli import main
from screening.csl import import_csl
from screening.ftm import import_ftm
from screening.ofac import import_ofac
from screening.un import import_un
from screening.watchlist import bundled_watchlist_path, watchlist_schema

_DATA = Path(__file__).parent / "data"


def _required_and_fields(schema: dict[str, Any]) -> dict[str, bool]:
    required = set(schema.get("required", ()))
    return {field: field in required for field in schema["properties"]}


def test_the_schema_has_the_loaders_fields() -> None:
    schema = watchlist_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    definitions: dict[str, Any] = schema["$defs"]  # type: ignore[assignment]
    assert _required_and_fields(schema) == watchlist_module._TOP_LEVEL_KEYS
    assert _required_and_fields(definitions["source"]) == watchlist_module._SOURCE_KEYS
    assert _required_and_fields(definitions["entry"]) == watchlist_module._ENTRY_KEYS


@pytest.mark.parametrize(
    "made",
    [
        lambda: json.loads(bundled_watchlist_path().read_text(encoding="utf-8")),
        lambda: import_un(_DATA / "un_slice.xml")[0].to_dict(),
        lambda: import_csl(_DATA / "csl_slice.csv")[0].to_dict(),
        lambda: import_ftm(_DATA / "entities.ftm.json")[0].to_dict(),
        lambda: import_ofac(_DATA / "ofac")[0].to_dict(),
    ],
    ids=["bundled", "un", "csl", "ftm", "ofac"],
)
def test_every_list_the_library_writes_follows_the_schema(made: Any) -> None:
    jsonschema.validate(made(), watchlist_schema())


def test_a_file_against_the_format_fails_the_schema() -> None:
    document = {"name": "x", "version": "1", "entries": [{"id": "a", "kind": "ship", "name": "A"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, watchlist_schema())


def test_the_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["watchlist", "schema"]) == 0
    assert json.loads(capsys.readouterr().out) == watchlist_schema()


def test_validate_reports_every_problem_with_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        "{\n"
        '  "name": "t",\n'
        '  "version": "1",\n'
        '  "sources": [{"id": "s", "title": "S"}, {"id": "s", "title": "again"}],\n'
        '  "entries": [\n'
        '    {"id": "a", "kind": "person", "name": "Kordex Pelikanov", "sources": ["nope"]},\n'
        '    {"id": "a", "kind": "ship", "name": "X"},\n'
        '    {"id": "b", "kind": "person", "name": "!!!", "dates_of_birth": ["1962-13-01"]},\n'
        '    {"id": "a", "kind": "person", "name": "Valid Person"}\n'
        "  ]\n"
        "}\n",
        encoding="utf-8",
    )
    assert main(["watchlist", "validate", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"screening: error: {path}:4:42: sources[1]: the id 's' is used twice.",
        f"screening: error: {path}:6:5: entries[0] (id 'a'): sources[0]: 'nope' is not the id of a source"
        " in this watchlist.",
        f"screening: error: {path}:7:5: entries[1] (id 'a'): kind 'ship' is not one of 'person',"
        " 'organization', 'domain'.",
        f"screening: error: {path}:8:5: entries[2] (id 'b'): name: The name '!!!' has no letters or digits"
        " to compare.",
        f"screening: error: {path}:8:5: entries[2] (id 'b'): dates_of_birth[0]: '1962-13-01' is not a real"
        " date written YYYY-MM-DD, YYYY-MM or YYYY.",
        f"screening: error: {path}:9:5: entries[3] (id 'a'): id: the id is already used by entries[0].",
        f"screening: error: {path} is not a valid watchlist: 6 problems.",
    ]


def test_validate_shows_fifty_problems_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = ", ".join(f'{{"id": "e{n}", "kind": "person", "name": "!!!"}}' for n in range(60))
    path = tmp_path / "bad.json"
    path.write_text(f'{{"name": "t", "version": "1", "entries": [{entries}]}}', encoding="utf-8")
    assert main(["watchlist", "validate", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 51
    assert lines[-1].endswith("60 problems, 10 of them not shown.")


def test_the_documentation_publishes_the_same_schema() -> None:
    published = Path(__file__).parents[1] / "docs" / "watchlist.schema.json"
    assert json.loads(published.read_text(encoding="utf-8")) == watchlist_schema()
