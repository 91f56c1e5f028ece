"""Run an accuracy case file against a watchlist and print the headline figures.

Usage::

    python benchmarks/accuracy.py CASES [--watchlist PATH] [--show-failures N]

CASES is JSON Lines, one case a line (the format of ``shared/eval/README.md``)::

    {"id": "...", "applicant": {...Applicant keyword arguments...},
     "expect": "match" | "flagged" | "clear" | "not-match",
     "entry": "primary name of the expected top hit" or null, "tags": [...]}

A case passes when: ``match``, the decision is match and the top hit's entry has that
primary name; ``flagged``, the decision is review or match and (if given) the top hit is
that entry; ``clear``, the decision is clear; ``not-match``, the decision is not match.

Figures: person recall at review and at match (over person cases expecting match or
flagged), domain recall, false-positive rate at review on the ``clear`` negatives, matches
on hard negatives, and pass rates per expectation and per tag.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import screening


def _passes(case: dict[str, object], result: screening.ScreeningResult) -> bool:
    expect = case["expect"]
    top = result.hits[0].entry.name if result.hits else None
    if expect == "match":
        return result.decision is screening.Decision.MATCH and top == case["entry"]
    if expect == "flagged":
        flagged = result.decision is not screening.Decision.CLEAR
        return flagged and (case["entry"] is None or top == case["entry"])
    if expect == "clear":
        return result.decision is screening.Decision.CLEAR
    if expect == "not-match":
        return result.decision is not screening.Decision.MATCH
    raise ValueError(f"unknown expectation {expect!r} in case {case['id']}")


def _share(numerator: int, denominator: int) -> str:
    if not denominator:
        return "n/a (no cases)"
    return f"{100 * numerator / denominator:.2f}% ({numerator}/{denominator})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--watchlist", help="watchlist file (default: the bundled list)")
    parser.add_argument("--show-failures", type=int, default=20, metavar="N", help="print up to N failures")
    args = parser.parse_args()

    screener = screening.Screener(screening.load_watchlist(args.watchlist))
    by_expect: Counter[str] = Counter()
    passed_expect: Counter[str] = Counter()
    by_tag: dict[str, list[bool]] = defaultdict(list)
    person_cases = person_review = person_match = person_match_expected = person_match_ok = 0
    domain_cases = domain_ok = 0
    clear_cases = clear_flagged = hard_cases = hard_matches = 0
    failures: list[str] = []
    for line in args.cases.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        result = screener.screen(screening.Applicant(**case["applicant"]))
        ok = _passes(case, result)
        expect, tags = case["expect"], case["tags"]
        by_expect[expect] += 1
        passed_expect[expect] += ok
        for tag in tags:
            by_tag[tag].append(ok)
        top = result.hits[0].entry.name if result.hits else None
        right_entry = case["entry"] is None or top == case["entry"]
        if "person" in tags and expect in {"match", "flagged"}:
            person_cases += 1
            person_review += result.decision is not screening.Decision.CLEAR and right_entry
            person_match += result.decision is screening.Decision.MATCH and right_entry
            if expect == "match":
                person_match_expected += 1
                person_match_ok += ok
        if "domain" in tags and expect in {"match", "flagged"}:
            domain_cases += 1
            domain_ok += ok
        if expect == "clear":
            clear_cases += 1
            clear_flagged += result.decision is not screening.Decision.CLEAR
        if "hard" in tags:
            hard_cases += 1
            hard_matches += result.decision is screening.Decision.MATCH
        if not ok:
            failures.append(
                f"  {case['id']} expect {expect} {case['entry'] or ''}: {case['applicant']} -> "
                f"{result.decision.value} {top or ''} "
                f"{result.hits[0].score:.3f}"
                if result.hits
                else f"  {case['id']} expect {expect} {case['entry'] or ''}: {case['applicant']} -> clear"
            )

    print(f"cases: {sum(by_expect.values())} from {args.cases}")
    print(f"watchlist: {screener.watchlist.name} {screener.watchlist.version} {screener.watchlist.checksum}")
    print(f"person recall at review:        {_share(person_review, person_cases)}")
    print(f"person recall at match:         {_share(person_match, person_cases)}")
    print(f"person 'match' cases matched:   {_share(person_match_ok, person_match_expected)}")
    print(f"domain recall:                  {_share(domain_ok, domain_cases)}")
    print(f"false-positive rate at review:  {_share(clear_flagged, clear_cases)} of 'clear' negatives")
    print(f"matches on hard negatives:      {hard_matches} of {hard_cases}")
    print("pass rate by expectation:")
    for expect in sorted(by_expect):
        print(f"  {expect:10} {_share(passed_expect[expect], by_expect[expect])}")
    print("pass rate by tag:")
    for tag in sorted(by_tag):
        print(f"  {tag:22} {_share(sum(by_tag[tag]), len(by_tag[tag]))}")
    if failures and args.show_failures:
        print(f"failures ({len(failures)}, first {min(len(failures), args.show_failures)}):")
        print("\n".join(failures[: args.show_failures]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
