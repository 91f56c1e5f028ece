"""Tests of website and domain normalization."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import read_vectors
from screening import domains, load_watchlist
from screening.exceptions import InvalidDomainError
from screening.models import EntryKind

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


_LISTED = [
    domain
    for entry in load_watchlist().entries
    for domain in ((entry.name,) if entry.kind is EntryKind.DOMAIN else entry.domains)
]
_INDEX = domains.ResemblanceIndex(domains.normalize(host) for host in _LISTED)
_EDITS = st.sampled_from(["", "s", "es", "-", "1", "0", "a", "jobs", "-hr", "x"])


@given(
    listed=st.sampled_from(_LISTED),
    cut=st.integers(min_value=0, max_value=12),
    insert=_EDITS,
    drop=st.integers(min_value=0, max_value=2),
    suffix=st.sampled_from(["com", "net", "org", "co.uk", "io"]),
)
def test_resemblance_index_finds_every_resembled_domain(
    listed: str, cut: int, insert: str, drop: int, suffix: str
) -> None:
    """Every listed domain that a host resembles is among the index's candidates for it."""
    label = domains.normalize(listed).split(".")[0]
    label = label[:cut] + insert + label[cut + drop :]
    try:
        host = domains.normalize(f"{label}.{suffix}")
    except InvalidDomainError:
        return
    candidates = set(_INDEX.candidates(host))
    for other in _LISTED:
        normalized = domains.normalize(other)
        if domains.resemblance(host, normalized) is not None:
            assert normalized in candidates, (host, normalized)
