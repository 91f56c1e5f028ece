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
on hard negatives, native-script recall, and pass rates per expectation and per tag.

When ``nomenklatura`` is importable (``pip install nomenklatura``; never a dependency of
screening), the same cases also run through OpenSanctions' ``logic-v2`` matcher: each
applicant, as a followthemoney Person, is compared with every entry of the list, and a case
counts as flagged when the best score reaches ``--logic-v2-threshold`` (0.70) with the
expected entry on top. ``logic-v2`` has one threshold, so its recall at match is its recall
at that threshold.
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


NATIVE_TAGS = {"hanzi", "hangul", "katakana", "cyrillic", "kana"}


class _LogicV2:
    """OpenSanctions' logic-v2 over every entry of a watchlist, when nomenklatura is installed."""

    def __init__(self, watchlist: screening.Watchlist, threshold: float) -> None:
        from followthemoney import model
        from nomenklatura.matching.logic_v2.model import LogicV2

        self.model, self.matcher, self.threshold = model, LogicV2, threshold
        self.config = LogicV2.default_config()
        self.entries = []
        self.queries = 0
        for entry in watchlist.entries:
            schema = {"person": "Person", "organization": "Organization"}.get(entry.kind.value, "LegalEntity")
            proxy = model.make_entity(schema)
            proxy.id = entry.id
            proxy.add("name", entry.name)
            proxy.add("alias", list(entry.aliases))
            proxy.add("weakAlias", list(entry.weak_aliases))
            proxy.add("email", list(entry.emails))
            proxy.add("phone", list(entry.phones), quiet=True)
            proxy.add("website", list(entry.domains))
            proxy.add("nationality", [code.lower() for code in entry.nationalities], quiet=True)
            self.entries.append((entry, proxy))

    def best(self, applicant: dict[str, object]) -> tuple[float, str | None]:
        query = self.model.make_entity("Person")
        self.queries += 1
        query.id = f"applicant-{self.queries}"  # a fresh id: logic-v2 caches by entity id
        query.add("name", applicant["name"])
        for key, prop in (
            ("aliases", "alias"),
            ("emails", "email"),
            ("phones", "phone"),
            ("websites", "website"),
        ):
            query.add(prop, list(applicant.get(key, [])))  # type: ignore[call-overload]
        best_score, best_name = 0.0, None
        for entry, proxy in self.entries:
            score = self.matcher.compare(query, proxy, self.config).score
            if score > best_score:
                best_score, best_name = score, entry.name
        return best_score, best_name


def _share(numerator: int, denominator: int) -> str:
    if not denominator:
        return "n/a (no cases)"
    return f"{100 * numerator / denominator:.2f}% ({numerator}/{denominator})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--watchlist", help="watchlist file (default: the bundled list)")
    parser.add_argument("--show-failures", type=int, default=20, metavar="N", help="print up to N failures")
    parser.add_argument("--logic-v2-threshold", type=float, default=0.70, metavar="X")
    parser.add_argument("--no-logic-v2", action="store_true", help="skip logic-v2 even if installed")
    args = parser.parse_args()

    screener = screening.Screener(screening.load_watchlist(args.watchlist))
    logic_v2 = None
    if not args.no_logic_v2:
        try:
            logic_v2 = _LogicV2(screener.watchlist, args.logic_v2_threshold)
        except ImportError:
            print("logic-v2: nomenklatura is not installed; running screening alone")
    lv2: Counter[str] = Counter()
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
        native = bool(NATIVE_TAGS & set(tags))
        if "person" in tags and expect in {"match", "flagged"} and native:
            lv2["native cases"] += 1
            lv2["native ours"] += result.decision is not screening.Decision.CLEAR and right_entry
        if logic_v2 is not None:
            score, name = logic_v2.best(case["applicant"])
            flagged = score >= logic_v2.threshold
            right = case["entry"] is None or name == case["entry"]
            if "person" in tags and expect in {"match", "flagged"}:
                lv2["person"] += flagged and right
                lv2["native"] += flagged and right and native
            if "domain" in tags and expect in {"match", "flagged"}:
                lv2["domain"] += flagged and right
            if expect == "clear":
                lv2["clear flagged"] += flagged
            if "hard" in tags:
                lv2["hard flagged"] += flagged
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
    print(f"native-script recall at review: {_share(lv2['native ours'], lv2['native cases'])}")
    if logic_v2 is not None:
        print(f"logic-v2 at {logic_v2.threshold:.2f} on the same cases (one threshold: flagged = match):")
        print(f"  person recall:                {_share(lv2['person'], person_cases)}")
        print(f"  native-script recall:         {_share(lv2['native'], lv2['native cases'])}")
        print(f"  domain recall:                {_share(lv2['domain'], domain_cases)}")
        print(f"  false-positive rate:          {_share(lv2['clear flagged'], clear_cases)} of the negatives")
        print(f"  hard negatives flagged:       {lv2['hard flagged']} of {hard_cases}")
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
