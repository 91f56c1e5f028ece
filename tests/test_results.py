"""Tests of result rendering and serialization."""

from __future__ import annotations

import json

import screening
from screening import Applicant, Decision, Screener


def test_to_dict_is_json_and_complete(screener: Screener, bundled: screening.Watchlist) -> None:
    """to_dict is JSON-serializable and records list identity, thresholds and version."""
    record = screener.screen(Applicant(name="Wang Zhenxing", phones=["bad"])).to_dict()
    decoded = json.loads(json.dumps(record))
    assert {
        "name": bundled.name,
        "version": bundled.version,
        "checksum": bundled.checksum,
    } == decoded["watchlist"]
    assert {"match_threshold": 0.9, "review_threshold": 0.7} == decoded["policy"]
    assert screening.__version__ == decoded["library_version"]
    assert "match" == decoded["decision"]
    assert "Wang Zhenxing" == decoded["applicant"]["name"]
    assert "wang zhenxing" == decoded["hits"][0]["evidence"][0]["compared"]
    assert "phones[0]" == decoded["problems"][0]["field"]


def test_explain_shows_decision_hit_and_evidence(screener: Screener) -> None:
    """explain() names the decision, the listed entry and the evidence sentence."""
    text = screener.screen(
        Applicant(name="Alex Morgan", websites=["https://jobs.cloudfoxhub.com/x"])
    ).explain()
    assert "Decision: MATCH" in text
    assert "cloudfoxhub.com  (domain, id seized-cloudfoxhub-com)" in text
    assert "The website's host 'jobs.cloudfoxhub.com' is a subdomain of the listed 'cloudfoxhub.com'." in text


def test_explain_clear(screener: Screener) -> None:
    """A clear result says that nothing reached review."""
    text = screener.screen(Applicant(name="Wang Wei")).explain()
    assert "Decision: CLEAR" in text
    assert "No listed entry reaches review." in text


def test_decision_is_a_string_enum() -> None:
    """Decisions compare equal to their string values."""
    assert "match" == Decision.MATCH
    assert "clear" == str(Decision.CLEAR)
