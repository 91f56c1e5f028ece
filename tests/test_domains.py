"""Tests of website and domain normalization."""

from __future__ import annotations

import pytest

from conftest import read_vectors
from screening import domains
from screening.exceptions import InvalidDomainError

VECTORS = read_vectors("domains.csv")


@pytest.mark.parametrize("row", [row for row in VECTORS if row["normalized"]], ids=lambda row: row["value"])
def test_normalize_vectors(row: dict[str, str]) -> None:
    """Each domain or URL reduces to its expected ASCII host."""
    assert row["normalized"] == domains.normalize(row["value"])


@pytest.mark.parametrize(
    "row", [row for row in VECTORS if not row["normalized"]], ids=lambda row: row["value"]
)
def test_refused_values(row: dict[str, str]) -> None:
    """Values that name no domain are refused with InvalidDomainError."""
    with pytest.raises(InvalidDomainError):
        domains.normalize(row["value"])


def test_ip_address_message() -> None:
    """An IP address is refused with a sentence that says so."""
    with pytest.raises(InvalidDomainError) as caught:
        domains.normalize("http://192.0.2.10/x")
    assert "'http://192.0.2.10/x' names an IP address, not a domain name." == str(caught.value)


def test_parents() -> None:
    """parents lists the host and every name above it."""
    assert ("a.example.com", "example.com", "com") == domains.parents("a.example.com")


def test_to_unicode_round_trip() -> None:
    """Punycode hosts display in Unicode."""
    assert "bücher.de" == domains.to_unicode(domains.normalize("bücher.de"))
