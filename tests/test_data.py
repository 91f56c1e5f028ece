"""Tests of the package's data tables (screening/data): each row has its table's columns, and the
values are of the kind the code expects."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from screening import _forms, emails, translit
from screening._countries import COUNTRY_CODES, COUNTRY_NAMES
from screening._data import pairs, table
from screening.translit import arabic

#: Each table and its number of columns (None: one or more).
_COLUMNS = {
    "countries.tsv": 2,
    "titles.tsv": 2,
    "legal_forms.tsv": 3,
    "low_information.tsv": 2,
    "name_abbreviations.tsv": 2,
    "name_particles.tsv": 2,
    "numbers.tsv": 2,
    "organization_words.tsv": 1,
    "east_slavic_names.tsv": None,
    "arabic_given_names.tsv": None,
    "arabic_script_names.tsv": None,
    "email_providers.tsv": 5,
}


def test_every_table_is_checked_here() -> None:
    folder = resources.files("screening").joinpath("data")
    assert set(_COLUMNS) == {item.name for item in folder.iterdir() if item.name.endswith(".tsv")}


@pytest.mark.parametrize("name", sorted(_COLUMNS))
def test_rows_have_their_tables_columns(name: str) -> None:
    rows = table(name)
    assert rows
    expected = _COLUMNS[name]
    assert [] == [row for row in rows if (len(row) != expected if expected else len(row) < 2)]
    assert [] == [row for row in rows if any(not cell or cell != cell.strip() for cell in row)]


def test_countries_are_alpha_2_codes_of_casefolded_names() -> None:
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in COUNTRY_CODES)
    assert all(name == name.casefold() for name in COUNTRY_NAMES)
    assert {"KP", "CN", "XK"} <= COUNTRY_CODES
    assert ("KP", "MM") == (COUNTRY_NAMES["korea, north"], COUNTRY_NAMES["burma"])


def test_a_table_of_two_columns_reads_as_a_mapping() -> None:
    assert "abu" == pairs("name_particles.tsv")["abou"]


def test_the_vocabulary_reads_as_the_matcher_uses_it() -> None:
    assert {"jr", "sr"} <= _forms._GENERATIONS < _forms.TITLES
    assert "vladimir" == _forms.NAME_FORMS["volodymyr"] == _forms.NAME_FORMS["uladzimir"]
    assert "muhammad" == _forms.ARABIC_NAMES["mohammed"] == _forms.ARABIC_NAMES["muhammad"]
    assert "isa" == _forms.ARABIC_SCRIPT_NAMES[arabic.letters("عیسی")] == _forms.ARABIC_SCRIPT_NAMES["عيسي"]


def test_every_arabic_script_name_has_its_latin_spellings() -> None:
    # Each name's usual Latin spelling is one the Latin table knows, so that the Arabic-script
    # spelling links to all of them; its spellings are Arabic script, written once as read.
    assert set(_forms.ARABIC_SCRIPT_NAMES.values()) <= set(_forms.ARABIC_NAMES.values())
    for row in table("arabic_script_names.tsv"):
        assert all(translit.script(spelling) == "arabic" for spelling in row[1:])
        assert len({arabic.letters(spelling) for spelling in row[1:]}) == len(row) - 1
    assert {"al", "ooo", "gmbh", "the"} <= _forms.LOW_INFORMATION
    assert _forms.LEGAL_FORMS["gmbh"] == _forms.LEGAL_FORMS["ooo"] == "limited liability company"
    assert _forms.LEGAL_FORM_KINDS["inc"] != _forms.LEGAL_FORM_KINDS["sa"]
    assert "co" not in _forms.LEGAL_FORM_KINDS
    gmail = emails.PROVIDER_RULES["googlemail.com"]
    assert ("Gmail", "gmail.com", True, "+") == (
        gmail.name,
        gmail.domain,
        gmail.ignores_dots,
        gmail.tag_separator,
    )
    assert all(rule.tag_separator in {"+", "-"} for rule in emails.PROVIDER_RULES.values())
