"""Tests of the reasons: every code is worded, and the wording is checked against golden text.

``tests/data/reason_sentences.jsonl`` holds, for reasons of every code, the sentence a reviewer
reads: a link's reasons with the applicant's and the listed part, or an evidence's reasons.
"""

from __future__ import annotations

import json

import pytest

import screening
from helpers import DATA
from screening.reasons import Code, Reason, link_sentence, sentence

_GOLDEN = [
    json.loads(line) for line in (DATA / "reason_sentences.jsonl").read_text(encoding="utf-8").splitlines()
]


@pytest.mark.parametrize("case", _GOLDEN, ids=lambda case: case["sentence"][:60])
def test_reasons_are_worded_as_the_golden_text(case: dict[str, object]) -> None:
    reasons = [Reason.from_dict(item) for item in case["reasons"]]  # type: ignore[attr-defined]
    if "applicant" in case:
        actual = link_sentence(reasons, str(case["applicant"]), str(case["listed"]))
    else:
        actual = sentence(reasons)
    assert case["sentence"] == actual


def test_every_code_has_golden_text() -> None:
    worded = {Code(item["code"]) for case in _GOLDEN for item in case["reasons"]}
    assert set() == set(Code) - worded


def test_a_reason_reads_back_from_its_dict() -> None:
    reason = Reason.of(Code.PARTS_LEFT_OUT, parts=("dr", "al"), titles=1)
    assert {"code": "parts left out", "parts": ["dr", "al"], "titles": 1} == reason.to_dict()
    assert reason == Reason.from_dict(reason.to_dict())


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(ValueError, match="no such reason"):
        Reason.from_dict({"code": "no such reason"})
    with pytest.raises(ValueError, match="not text, a number or texts"):
        Reason.from_dict({"code": "letters away", "distance": [1]})


def test_the_evidence_of_a_screening_carries_its_reasons() -> None:
    """A link of Wade-Giles to pinyin says so as data, and the result's JSON holds it."""
    result = screening.screen(screening.Applicant(name="Chen-hsing Wang"))
    evidence = result.hits[0].evidence[0]
    assert Code.NAME == evidence.reasons[0].code
    link_codes = {reason.code for link in evidence.links for reason in link.reasons}
    assert Code.SAME_SYLLABLES in link_codes or Code.SAME_READING in link_codes
    serialized = result.to_dict()["hits"][0]["evidence"][0]  # type: ignore[index]
    assert evidence.reasons[0].to_dict() == serialized["reasons"][0]


def test_every_code_is_documented() -> None:
    reference = (DATA.parent.parent / "docs" / "reasons.md").read_text(encoding="utf-8")
    assert [] == [code.value for code in Code if f"| `{code.value}` |" not in reference]
