"""Tests of reading disguised names as a person sees them (screening._disguises)."""

from __future__ import annotations

import pytest

from helpers import read_vectors
from screening import Applicant, Decision, Screener
from screening._disguises import undisguised
from screening.reasons import Code, Reason


def _unescaped(text: str) -> str:
    """The vectors write invisible characters as \\uXXXX escapes."""
    return text.encode("ascii", "backslashreplace").decode("unicode_escape")


@pytest.mark.parametrize("row", read_vectors("disguised_names.csv"), ids=lambda row: row["name"])
def test_disguised_listed_name_flags_its_entry(screener: Screener, row: dict[str, str]) -> None:
    """A listed name disguised so that it looks the same gets its decision, and the evidence
    names what was undone."""
    result = screener.screen(Applicant(name=_unescaped(row["name"])))
    assert (row["decision"], row["entry_id"]) == (result.decision.value, result.hits[0].entry.id)
    changes = [
        change
        for evidence in result.hits[0].evidence
        for reason in evidence.reasons
        if reason.code is Code.READ_AS_DISPLAYED
        for change in reason.get("changes")  # type: ignore[union-attr]
    ]
    assert any(row["undone"] in change for change in changes)


@pytest.mark.parametrize(
    "name",
    [
        "Kim Kwang Jin",
        "J. R. Smith",
        "O. J. Simpson",
        "Иван Smith",
        "Иван Петров",
        "Kim Kwang-jin",
        "A B Wang",
    ],
)
def test_names_without_disguise_are_read_as_written(name: str) -> None:
    """Initials, hyphens and names in two scripts are no disguise."""
    assert () == undisguised(name)


def test_two_letters_set_apart_join_beside_a_longer_run() -> None:
    """Two letters set apart are initials, unless the name sets apart three or more elsewhere."""
    assert ["Li Zhen"] == [reading.text for reading in undisguised("L.i Z.h.e.n")]


def test_capital_read_as_l_is_an_i() -> None:
    """A capital iota among capitals is the letter I (the confusables table reads it as l)."""
    assert ["WANG ZHENXING"] == [reading.text for reading in undisguised("WANG ZHENXΙNG")]


def test_surname_disguised_alone_is_still_clear(screener: Screener) -> None:
    """Undoing a disguise does not make a surname a hit."""
    assert Decision.CLEAR == screener.screen(Applicant(name="W a n g Xiaoming")).decision


def test_invisible_characters_are_named_in_the_evidence(screener: Screener) -> None:
    """Zero-width and bidi isolate characters inside a listed name are removed, and the
    evidence names them by code point."""
    result = screener.screen(Applicant(name="Wa\u200bng Zhen\u2066xing"))
    assert ("match", True) == (
        result.decision.value,
        Reason.of(Code.READ_AS_DISPLAYED, changes=("invisible format characters removed (U+200B, U+2066)",))
        in result.hits[0].evidence[0].reasons,
    )
