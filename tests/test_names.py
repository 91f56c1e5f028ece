"""Tests of name normalization."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import read_vectors
from screening import names
from screening.exceptions import InvalidNameError


@pytest.mark.parametrize("row", read_vectors("name_normalization.csv"), ids=lambda row: row["name"])
def test_normalize_vectors(row: dict[str, str]) -> None:
    """Each name normalizes to its expected form."""
    assert row["normalized"] == names.normalize(row["name"])


@pytest.mark.parametrize("row", read_vectors("name_normalization.csv"), ids=lambda row: row["name"])
def test_normalize_is_idempotent(row: dict[str, str]) -> None:
    """Normalizing a normalized name changes nothing."""
    once = names.normalize(row["name"])
    assert once == names.normalize(once)


def test_bidi_controls_are_dropped() -> None:
    """Right-to-left overrides and isolates do not survive normalization."""
    assert "zhenxing wang" == names.normalize("\u202ezhenxing\u202c \u2066wang\u2069")


def test_devanagari_vowel_signs_are_kept() -> None:
    """Marks that carry a letter's identity outside Latin, Greek and Cyrillic are kept."""
    assert "राहुल" == names.normalize("राहुल")


@pytest.mark.parametrize("junk", ["", "   ", "!!!", "\u200b\u200d", "-- ' --"])
def test_name_without_letters_is_refused(junk: str) -> None:
    """A name with no letters or digits raises InvalidNameError."""
    with pytest.raises(InvalidNameError, match="has no letters or digits to compare"):
        names.normalize(junk)


def test_overlong_name_is_refused() -> None:
    """A name over the limit is refused with its length in the message."""
    with pytest.raises(InvalidNameError) as caught:
        names.normalize("a" * (names.MAX_NAME_LENGTH + 1))
    assert "A name may be at most 1000 characters long; this one has 1001." == str(caught.value)


def test_non_string_name_is_refused() -> None:
    """A name that is not a string raises InvalidNameError, not TypeError."""
    with pytest.raises(InvalidNameError, match=r"A name must be a string, not int\."):
        names.normalize(42)  # type: ignore[arg-type]


def test_is_valid() -> None:
    """is_valid tells names with letters from names without."""
    assert names.is_valid("Kim")
    assert not names.is_valid("...")
    assert not names.is_valid("'\x01-")
    assert not names.is_valid("K" * (names.MAX_NAME_LENGTH + 1))


def _splits(name: str) -> bool:
    try:
        names.tokens(name)
    except InvalidNameError:
        return False
    return True


@settings(max_examples=1000)
@given(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=30) | st.sampled_from(["'", "-", "`", "\x7f"])
)
def test_is_valid_agrees_with_tokens_on_ascii(name: str) -> None:
    """The ASCII shortcut of is_valid says what splitting the name says."""
    assert names.is_valid(name) is _splits(name)


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_names_split_as_any_other(value: str) -> None:
    """Plain ASCII names take a shortcut; it splits them as the general path does."""
    assert names._groups(value) == names._unicode_groups(value)


def test_ascii_shortcut_keeps_the_rules() -> None:
    """Apostrophes and controls vanish, hyphens join, other punctuation separates."""
    assert names.token_groups("O'Brien\x00son Kwang--jin -Kim, Jr.") == (
        ("obrienson",),
        ("kwang", "jin"),
        ("kim",),
        ("jr",),
    )
