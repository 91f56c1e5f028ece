"""Tests of phone number normalization."""

from __future__ import annotations

import pytest

from screening import phones
from screening.exceptions import InvalidPhoneError


@pytest.mark.parametrize(
    ("value", "region", "expected"),
    [
        ("+1 404 555 0100", None, "+14045550100"),
        ("+1.404.555.0100", None, "+14045550100"),
        ("(404) 555-0100", "US", "+14045550100"),
        ("0044 20 7946 0958", None, "+442079460958"),
        ("0044 20 7946 0958", "US", "+442079460958"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("+1 404 555 0100 ext. 12", None, "+14045550100"),
        ("+86 138 0013 8000", None, "+8613800138000"),
    ],
)
def test_normalize_to_e164(value: str, region: str | None, expected: str) -> None:
    """Numbers written in many ways reduce to E.164."""
    assert expected == phones.normalize(value, region=region)


def test_national_number_without_region_is_refused() -> None:
    """A number without a country code needs a region, and the message says so."""
    with pytest.raises(InvalidPhoneError) as caught:
        phones.normalize("404 555 0100")
    assert (
        "'404 555 0100' is not a usable phone number: it has no valid country code;"
        " write it with + and the country code, or give the applicant's country."
    ) == str(caught.value)


@pytest.mark.parametrize("value", ["12", "call me", "+1 2", "+999 123456"])
def test_impossible_numbers_are_refused(value: str) -> None:
    """Values that cannot be phone numbers raise InvalidPhoneError."""
    with pytest.raises(InvalidPhoneError, match="is not a usable phone number"):
        phones.normalize(value, region="US")


def test_describe_names_region_and_type() -> None:
    """describe gives the region and the kind of number."""
    assert "CN mobile number" == phones.describe("+86 138 0013 8000")
