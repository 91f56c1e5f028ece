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
