"""Tests of contact and web identity: email variants, names in addresses, look-alike domains,
common domains, payment accounts."""

from __future__ import annotations

import pytest

import screening
from screening import (
    Applicant,
    Decision,
    EntryKind,
    InvalidAccountError,
    Method,
    Watchlist,
    WatchlistEntry,
    accounts,
    domains,
    emails,
)
from screening.reasons import Code, Reason


def _listed(**fields: object) -> Watchlist:
    entry = WatchlistEntry(id="e1", kind=EntryKind.PERSON, name="Zhenxing Wang", **fields)  # type: ignore[arg-type]
    return Watchlist(name="contacts", version="1", entries=[entry])


def test_gmail_variant_is_reported_as_a_variant() -> None:
    """Dots and + tags reach the same Gmail mailbox; the evidence says it is a variant."""
    listed = _listed(emails=("zhenxing.wang@gmail.com",))
    result = screening.screen(
        Applicant(name="Alex Morgan", emails=["ZhenXingWang+jobs@googlemail.com"]), listed
    )
    evidence = result.hits[0].evidence[0]
    assert (Decision.MATCH, Method.EMAIL_VARIANT, "zhenxingwang@gmail.com") == (
        result.decision,
        evidence.method,
        evidence.compared,
    )
    assert (
        Reason.of(Code.SAME_MAILBOX, provider="Gmail", mailbox="zhenxingwang@gmail.com")
        == evidence.reasons[0]
    )


def test_dots_matter_outside_gmail() -> None:
    """At a provider without dot folding, a dotted local part is another mailbox."""
    listed = _listed(emails=("zhenxing.wang@example.org",))
    assert (
        Decision.CLEAR
        == screening.screen(
            Applicant(name="Alex Morgan", emails=["zhenxingwang@example.org"]), listed
        ).decision
    )


def test_name_in_local_part_reaches_review_only(screener: screening.Screener) -> None:
    """A listed name spelled in an address's local part brings review, never a match."""
    hit = screener.screen(Applicant(name="Alex Morgan", emails=["zhenxing.wang88@gmail.com"])).hits[0]
    assert (Decision.REVIEW, Method.EMAIL_NAME) == (hit.decision, hit.evidence[0].method)
    assert Code.NAME_IN_EMAIL == hit.evidence[0].reasons[0].code


@pytest.mark.parametrize(
    "value", ["jobs@example.com", "wang@example.com", "wang.wei@qq.com", "a.b@example.com"]
)
def test_role_or_short_local_parts_are_no_name(value: str, screener: screening.Screener) -> None:
    """Role addresses, single words and common names in addresses bring nothing."""
    assert Decision.CLEAR == screener.screen(Applicant(name="Alex Morgan", emails=[value])).decision


@pytest.mark.parametrize(
    ("website", "transformation"),
    [
        ("cloudfoxhub.net", "with the top-level domain changed"),
        ("xinlu-soft.com", "with hyphens or digits added or removed"),
        ("silverstarchina2.com", "with hyphens or digits added or removed"),
        ("foxysunstudoi.com", "with one letter changed"),
        ("babyboxtechs.com", "in the singular or plural"),
        ("cloudfoxhub-jobs.com", "with a word added"),
        ("xn--cloudfhub-52h1f.com", "written with look-alike letters"),
        ("edenprograms.co", "in the singular or plural and the top-level domain changed"),
    ],
)
def test_lookalikes_reach_review_and_say_how(
    screener: screening.Screener, website: str, transformation: str
) -> None:
    """Each kind of look-alike of a listed domain is a review that names its transformation."""
    result = screener.screen(Applicant(name="Alex Morgan", websites=[website]))
    assert Decision.REVIEW == result.decision
    assert transformation in result.hits[0].evidence[0].sentence


def test_lookalike_email_domain(screener: screening.Screener) -> None:
    """An email on a look-alike of a listed domain is a review."""
    result = screener.screen(Applicant(name="Alex Morgan", emails=["hr@silverstarchina.net"]))
    assert (Decision.REVIEW, Method.LOOKALIKE) == (result.decision, result.hits[0].evidence[0].method)


def test_common_domains_are_never_flagged(screener: screening.Screener) -> None:
    """None of the 200+ widely used domains, as website or email domain, is flagged."""
    common = sorted(domains.common_domains())
    assert len(common) >= 200
    flagged = [
        domain
        for domain in common
        if screener.screen(
            Applicant(name="Alex Morgan", websites=[domain], emails=[f"someone@{domain}"])
        ).hits
    ]
    assert [] == flagged


def test_registrable_domain_honours_private_suffixes() -> None:
    """someone.github.io is its own registrable domain; jobs.example.co.uk belongs to example.co.uk."""
    assert ("someone.github.io", "example.co.uk") == (
        domains.registrable("someone.github.io"),
        domains.registrable("jobs.example.co.uk"),
    )


def test_listed_account_matches() -> None:
    """A listed Bitcoin address is a match, compared case-sensitively; an Ethereum one caselessly."""
    listed = _listed(
        accounts=("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    )
    bitcoin = screening.screen(
        Applicant(name="Alex Morgan", accounts=["1BoatSLRHtKNngkdXEeobR76b53LETtpyT"]), listed
    )
    ether = screening.screen(
        Applicant(name="Alex Morgan", accounts=["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"]), listed
    )
    assert (Decision.MATCH, Decision.MATCH) == (bitcoin.decision, ether.decision)
    assert "Bitcoin address (P2PKH, Base58Check)" == bitcoin.hits[0].evidence[0].reasons[0].get("description")


def test_invalid_account_is_a_problem_not_an_error() -> None:
    """An account with a wrong checksum is reported in the result."""
    result = screening.screen(Applicant(name="Alex Morgan", accounts=["1BoatSLRHtKNngkdXEeobR76b53LETtpyU"]))
    assert ["accounts[0]"] == [problem.field for problem in result.problems]


@pytest.mark.parametrize(
    ("value", "normalized"),
    [
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
        ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
        ("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
        ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
    ],
)
def test_account_normalization(value: str, normalized: str) -> None:
    """Each account format reduces to its comparison form."""
    assert normalized == accounts.normalize(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "EIP-55 checksum is wrong"),
        ("GB83 WEST 1234 5698 7654 32", "check digits are wrong"),
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "is not a recognized account"),
        ("0x123", "needs 0x and 40 hex digits"),
    ],
)
def test_invalid_accounts(value: str, message: str) -> None:
    """Wrong checksums and shapes are refused with a sentence."""
    with pytest.raises(InvalidAccountError, match=message):
        accounts.normalize(value)


def test_keccak_256_vector() -> None:
    """Keccak-256 of the empty string is the published value."""
    assert (
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" == accounts.keccak_256(b"").hex()
    )


def test_mailbox_key_only_for_known_providers() -> None:
    """Addresses at providers without folding rules have no mailbox key."""
    assert (None, "zhenxingwang@gmail.com") == (
        emails.mailbox_key("z.w@example.com"),
        emails.mailbox_key("Zhen.Xing.Wang@gmail.com"),
    )


def test_every_seized_domain_matches_in_every_form(screener: screening.Screener, bundled: Watchlist) -> None:
    """Each seized domain matches as a bare domain, a subdomain, a URL and an email domain."""
    misses = []
    for entry in bundled.entries:
        if entry.kind is not EntryKind.DOMAIN:
            continue
        for website, email in (
            (entry.name, None),
            (f"careers.{entry.name}", None),
            (f"HTTPS://www.{entry.name.upper()}:443/apply?x=1", None),
            (None, f"Recruiter@{entry.name}"),
        ):
            applicant = Applicant(
                name="Alex Morgan", websites=[website] if website else [], emails=[email] if email else []
            )
            result = screener.screen(applicant)
            if result.decision is not Decision.MATCH or result.hits[0].entry.id != entry.id:
                misses.append(website or email)
    assert [] == misses
