"""Tests of the Applicant and WatchlistEntry value objects."""

from __future__ import annotations

import datetime

import pytest

from screening import Applicant, EntryKind, InvalidApplicantError, WatchlistEntry


def test_sequences_become_tuples() -> None:
    """Lists given for sequence fields are stored as tuples."""
    applicant = Applicant(name="Kim", aliases=["A B"], emails=["a@b.co"], phones=["+1 1"], websites=["x.co"])
    assert (("A B",), ("a@b.co",), ("+1 1",), ("x.co",)) == (
        applicant.aliases,
        applicant.emails,
        applicant.phones,
        applicant.websites,
    )


def test_single_string_for_a_sequence_is_refused() -> None:
    """A bare string where a list is expected is refused with the fix in the message."""
    with pytest.raises(InvalidApplicantError) as caught:
        Applicant(name="Kim", aliases="Bryan Cho")  # type: ignore[arg-type]
    assert (
        "aliases must be a list or tuple of strings, not a single string; write aliases=['Bryan Cho']."
        == str(caught.value)
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"name": ""}, "name: The name '' has no letters or digits to compare."),
        ({"name": None}, "name must be a string, not NoneType."),
        ({"name": "Kim", "emails": [""]}, "emails[0] is empty."),
        ({"name": "Kim", "phones": [5]}, "phones[0] must be a string, not int."),
        ({"name": "Kim", "aliases": ["?"]}, "aliases[0]: The name '?' has no letters or digits to compare."),
        (
            {"name": "Kim", "country": "USA"},
            "country 'USA' is neither an ISO 3166-1 alpha-2 country code such as 'US' nor a country name"
            " the library knows (such as 'Ethiopia' or 'Korea, North').",
        ),
        (
            {"name": "Kim", "nationality": "ZZ"},
            "nationality 'ZZ' is neither an ISO 3166-1 alpha-2 country code such as 'US' nor a country name"
            " the library knows (such as 'Ethiopia' or 'Korea, North').",
        ),
        ({"name": "Kim", "date_of_birth": "1990-02-30"}, "date_of_birth '1990-02-30' is not a real date."),
        (
            {"name": "Kim", "date_of_birth": "30/02/1990"},
            "date_of_birth '30/02/1990' is not a date written as YYYY-MM-DD, YYYY-MM or YYYY.",
        ),
        ({"name": "Kim", "websites": ["x.co"] * 101}, "websites may hold at most 100 values; it has 101."),
        ({"name": "Kim", "aliases": ["A B"] * 5000}, "aliases may hold at most 100 values; it has 5000."),
        ({"name": "a " * 30}, "name may have at most 24 parts; it has 30."),
        ({"name": "x" * 1001}, "name: A name may be at most 1000 characters long; this one has 1001."),
    ],
)
def test_invalid_fields_are_refused(options: dict[str, object], message: str) -> None:
    """Each invalid field raises InvalidApplicantError with a sentence naming it."""
    with pytest.raises(InvalidApplicantError) as caught:
        Applicant(**options)  # type: ignore[arg-type]
    assert message == str(caught.value)


def test_country_is_uppercased() -> None:
    """Country codes are accepted in any case and stored uppercased."""
    assert "KP" == Applicant(name="Kim", country=" kp ").country


def test_date_of_birth_accepts_date_objects() -> None:
    """A datetime.date is stored in ISO form."""
    assert "1990-02-01" == Applicant(name="Kim", date_of_birth=datetime.date(1990, 2, 1)).date_of_birth


def test_applicant_is_frozen() -> None:
    """Applicants cannot be changed after construction."""
    applicant = Applicant(name="Kim")
    with pytest.raises(AttributeError):
        applicant.name = "Lee"  # type: ignore[misc]


def test_entry_kind_from_string() -> None:
    """A WatchlistEntry takes its kind as a string."""
    assert EntryKind.DOMAIN is WatchlistEntry(id="d", kind="domain", name="example.com").kind  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "code"),
    [("Ethiopia", "ET"), ("Korea, North", "KP"), ("burma", "MM"), ("  Iran  ", "IR"), ("kp", "KP")],
)
def test_a_country_may_be_given_by_name(written: str, code: str) -> None:
    """HR systems hold countries by name: a name the library knows is read as its code."""
    applicant = Applicant(name="Kim", nationality=written, country=written)
    assert (applicant.nationality, applicant.country) == (code, code)
