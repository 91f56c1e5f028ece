"""Tests of the public Hypothesis strategies, and properties of screening checked with them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import screening
from screening import Decision, EntryKind, accounts, domains, emails, phones, strategies

BUNDLED = screening.load_watchlist()
PEOPLE = [entry for entry in BUNDLED.entries if entry.kind is EntryKind.PERSON]
SCREENER = screening.Screener(BUNDLED)


@pytest.mark.parametrize("entry", PEOPLE, ids=lambda entry: entry.id)
@given(data=st.data())
def test_every_listed_name_variant_is_flagged(entry: screening.WatchlistEntry, data: st.DataObject) -> None:
    """Every spelling listed_name_variants draws for an entry flags that entry."""
    name = data.draw(strategies.listed_name_variants(entry))
    result = SCREENER.screen(screening.Applicant(name=name))
    assert result.decision is not Decision.CLEAR, name
    assert entry.id in {hit.entry.id for hit in result.hits}, name


def test_domain_entries_have_no_name_variants() -> None:
    """Asking for name variants of a domain entry is a clear error."""
    domain = next(entry for entry in BUNDLED.entries if entry.kind is EntryKind.DOMAIN)
    with pytest.raises(ValueError, match="is a domain entry"):
        strategies.listed_name_variants(domain)


@given(strategies.emails())
def test_emails_are_valid(value: str) -> None:
    """emails() draws valid addresses."""
    assert emails.is_valid(value)


@given(strategies.phone_numbers(region="GB"))
def test_phone_numbers_are_possible(value: str) -> None:
    """phone_numbers() draws numbers possible in their region."""
    assert phones.is_valid(value, region="GB")


@given(strategies.websites())
def test_websites_normalize(value: str) -> None:
    """websites() draws values with a domain host."""
    assert domains.is_valid(value)


@given(strategies.applicants())
def test_applicants_screen_without_problems(applicant: screening.Applicant) -> None:
    """Generated applicants screen, and none of their values is reported as a problem."""
    result = SCREENER.screen(applicant)
    assert () == result.problems
    assert all(0.0 <= hit.score <= 1.0 for hit in result.hits)


@given(strategies.watchlists())
def test_watchlists_are_valid_and_every_name_matches_its_entry(watchlist: screening.Watchlist) -> None:
    """Generated lists load, and every listed name of two parts or more flags its own entry."""
    screener = screening.Screener(watchlist)
    for entry in watchlist.entries:
        if entry.kind is EntryKind.PERSON and len(screening.names.tokens(entry.name)) >= 2:
            hits = screener.screen(screening.Applicant(name=entry.name)).hits
            assert entry.id in {hit.entry.id for hit in hits}


@given(strategies.watchlists(max_entries=5), st.sampled_from(["Kim Kwang Jin", "Wang Zhenxing", "정봉주"]))
def test_unrelated_entries_never_remove_a_hit(extra: screening.Watchlist, name: str) -> None:
    """Adding entries to a list never removes a hit the smaller list gave."""
    bigger = screening.Watchlist(
        name="bigger", version="1", sources=BUNDLED.sources, entries=[*BUNDLED.entries, *extra.entries]
    )
    applicant = screening.Applicant(name=name)
    before = {hit.entry.id for hit in SCREENER.screen(applicant).hits}
    after = {hit.entry.id for hit in screening.Screener(bigger).screen(applicant).hits}
    assert before <= after


def test_accounts_module_is_public() -> None:
    """The identifier modules are reachable from the package."""
    assert accounts.is_valid("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")
