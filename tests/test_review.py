"""Tests of the review workflow (allow-list decisions) and the audit record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import screening
from screening import AllowList, Applicant, Decision, InputFileError, ReviewDecision, ReviewError, Watchlist


def _decision(result: screening.ScreeningResult) -> ReviewDecision:
    return ReviewDecision.clearing(
        result,
        result.hits[0],
        reviewer="A. Reviewer",
        reason="Different person: verified ID.",
        date="2026-11-27",
    )


def test_cleared_hit_is_reported_with_its_reason() -> None:
    """A decision moves its hit to 'cleared' with the reviewer's reason; the decision becomes clear."""
    first = screening.screen(Applicant(name="Danny Wang"))
    again = screening.screen(Applicant(name="Danny Wang"), allow_list=AllowList([_decision(first)]))
    assert (Decision.CLEAR, (), "Different person: verified ID.") == (
        again.decision,
        again.hits,
        again.cleared[0].cleared_by.reason,  # type: ignore[union-attr]
    )


def test_decision_follows_the_applicant_not_the_spelling_order() -> None:
    """The applicant key ignores name order and case."""
    first = screening.screen(Applicant(name="Danny Wang"))
    again = screening.screen(Applicant(name="WANG Danny"), allow_list=AllowList([_decision(first)]))
    assert Decision.CLEAR == again.decision


def test_new_evidence_brings_the_hit_back() -> None:
    """A hit with evidence the decision did not see is live again."""
    entry = screening.WatchlistEntry(
        id="p1", kind=screening.EntryKind.PERSON, name="Zhenxing Wang", emails=("zw@example.org",)
    )
    listed = Watchlist(name="l", version="1", entries=[entry])
    first = screening.screen(Applicant(name="Zhenxing Wang", nationality="US"), listed)
    allow = AllowList([_decision(first)])
    same = screening.screen(Applicant(name="Zhenxing Wang", nationality="US"), listed, allow_list=allow)
    more = screening.screen(
        Applicant(name="Zhenxing Wang", nationality="US", emails=["zw@example.org"]), listed, allow_list=allow
    )
    assert (Decision.CLEAR, Decision.MATCH) == (same.decision, more.decision)


def test_other_applicants_are_not_cleared() -> None:
    """A decision about one applicant leaves others with the same hit alone."""
    first = screening.screen(Applicant(name="Danny Wang"))
    other = screening.screen(
        Applicant(name="Danny Wang", date_of_birth="1990-01-01"), allow_list=AllowList([_decision(first)])
    )
    assert Decision.REVIEW == other.decision


def test_allow_list_file_round_trip(tmp_path: Path) -> None:
    """Decisions append to a JSON Lines file and load back."""
    path = tmp_path / "allow.jsonl"
    decision = _decision(screening.screen(Applicant(name="Danny Wang")))
    AllowList().append_to(path, decision)
    assert (decision,) == AllowList.load(path).decisions


def test_bad_allow_list_line_names_file_and_line(tmp_path: Path) -> None:
    """A malformed allow-list line is reported with file and line."""
    path = tmp_path / "allow.jsonl"
    path.write_text('{"applicant_key": "k"}\n', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"allow\.jsonl:1: not a review decision"):
        AllowList.load(path)


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("27/11/2026", "date '27/11/2026' is not a date written YYYY-MM-DD"),
        ("2026-02-30", "date '2026-02-30' is not a date written YYYY-MM-DD"),
        ("2099-01-01", "date 2099-01-01 is in the future"),
    ],
)
def test_decision_needs_a_real_date(date: str, message: str) -> None:
    """A decision's date is a real calendar day, not in the future."""
    with pytest.raises(ReviewError, match=message):
        ReviewDecision(
            applicant_key="k", entry_id="e", reviewer="A. Reviewer", reason="x", date=date, evidence=[]
        )


@pytest.mark.parametrize("reviewer", ["", " ", "x", "A.\x1b[2KReviewer"])
def test_decision_needs_a_reviewer_who_is_a_person(reviewer: str) -> None:
    """A reviewer of fewer than two characters, or with control characters, is refused."""
    with pytest.raises(ReviewError, match=r"review decision needs a reviewer|does not name a person"):
        ReviewDecision(
            applicant_key="k", entry_id="e", reviewer=reviewer, reason="x", date="2026-11-27", evidence=[]
        )


def test_decision_records_when_it_was_taken() -> None:
    """clearing() records the UTC time of the decision and the decision it cleared."""
    decision = _decision(screening.screen(Applicant(name="Danny Wang")))
    assert ("review", True) == (decision.decision, decision.decided_at.endswith("+00:00"))


def test_clearing_a_match_needs_the_person_pinned() -> None:
    """A match of a bare name cannot be cleared (it would clear everyone of that name) unless
    forced, and the forced decision says so; with a nationality it can."""
    bare = screening.screen(Applicant(name="Wang Zhenxing"))
    with pytest.raises(ReviewError, match="needs the applicant's date of birth or nationality"):
        _decision(bare)
    forced = ReviewDecision.clearing(
        bare, bare.hits[0], reviewer="A. Reviewer", reason="Checked.", force=True
    )
    pinned = screening.screen(Applicant(name="Wang Zhenxing", nationality="US"))
    assert (True, False) == (forced.forced, _decision(pinned).forced)


def test_signed_allow_list_detects_edits(tmp_path: Path) -> None:
    """With a key, lines are signed; a line edited outside the tool, or unsigned, is refused."""
    path = tmp_path / "allow.jsonl"
    decision = _decision(screening.screen(Applicant(name="Danny Wang")))
    AllowList().append_to(path, decision, key=b"secret")
    assert (decision,) == AllowList.load(path, key=b"secret").decisions
    path.write_text(path.read_text(encoding="utf-8").replace("A. Reviewer", "B. Reviewer"), encoding="utf-8")
    with pytest.raises(
        InputFileError, match=r"allow\.jsonl:1: the decision has a signature that does not match"
    ):
        AllowList.load(path, key=b"secret")
    AllowList().append_to(tmp_path / "plain.jsonl", decision)
    with pytest.raises(InputFileError, match="is not signed"):
        AllowList.load(tmp_path / "plain.jsonl", key=b"secret")


def test_audit_record_is_complete() -> None:
    """to_dict holds the input as given and as compared, list identity, policy, version, decisions applied."""
    first = screening.screen(
        Applicant(name="Danny Wang", emails=["Danny@Example.org"], phones=["+1 404 555 0100"])
    )
    record = json.loads(
        json.dumps(screening.screen(first.applicant, allow_list=AllowList([_decision(first)])).to_dict())
    )
    assert {"name": "danny wang", "emails[0]": "danny@example.org", "phones[0]": "+14045550100"} == record[
        "compared"
    ]
    assert record["applicant_key"].startswith("sha256:")
    assert "Different person: verified ID." == record["cleared"][0]["cleared_by"]["reason"]
    assert {"name", "version", "checksum"} == set(record["watchlist"])
    assert {"policy", "library_version", "applicant", "hits", "problems"} <= set(record)
