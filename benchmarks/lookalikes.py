"""Generate look-alikes of every listed domain and count how many screening flags.

Usage::

    python benchmarks/lookalikes.py [--watchlist PATH] [--cases CASES]

For each listed domain, one look-alike per transformation: a look-alike letter from another
script (UTS #39), another top-level domain, a hyphen inserted, a digit added, the plural (or
singular), one letter changed (adjacent letters swapped), two letters changed (labels of nine
or more), and combo-squats (``name-jobs``, ``careers-name``). Each is screened as a website and
as an email domain. Prints, per transformation, how many reach review with the source domain
among the hits, and how many reach match (must be none); then the flags on the bundled list of
widely used domains and, with ``--cases``, on the contact data of the accuracy cases' negatives.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import screening
from screening import domains

_LOOKALIKE_LETTERS = {"a": "а", "o": "о", "e": "е", "c": "с", "p": "р", "x": "х", "y": "у", "i": "і"}


def _variants(domain: str) -> dict[str, str]:
    registrable = domains.registrable(domain)
    suffix = domains.public_suffix(registrable)
    label = registrable[: -len(suffix) - 1]
    found: dict[str, str] = {}
    for index, char in enumerate(label):
        if char in _LOOKALIKE_LETTERS:
            found["look-alike letter"] = (
                label[:index] + _LOOKALIKE_LETTERS[char] + label[index + 1 :] + "." + suffix
            )
            break
    found["other top-level domain"] = f"{label}.{'net' if suffix == 'com' else 'com'}"
    middle = len(label) // 2
    found["hyphen inserted"] = f"{label[:middle]}-{label[middle:]}.{suffix}"
    found["digit added"] = f"{label}1.{suffix}"
    found["plural or singular"] = f"{label[:-1] if label.endswith('s') else label + 's'}.{suffix}"
    if len(label) >= 6:
        swapped = label[: middle - 1] + label[middle] + label[middle - 1] + label[middle + 1 :]
        found["one letter changed"] = f"{swapped}.{suffix}"
        found["combo-squat (name-jobs)"] = f"{label}-jobs.{suffix}"
        found["combo-squat (careers-name)"] = f"careers-{label}.com"
    if len(label) >= 9:
        found["two letters changed"] = f"{label[:2]}{label[3]}{label[2]}{label[4:-1]}x.{suffix}"
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watchlist", help="watchlist file (default: the bundled list)")
    parser.add_argument(
        "--cases", type=Path, help="accuracy cases whose negatives' contact data must stay clear"
    )
    args = parser.parse_args()

    screener = screening.Screener(screening.load_watchlist(args.watchlist))
    listed = sorted({domains.normalize(d) for entry in screener.watchlist.entries for d in entry.domains})
    totals: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    misses = []
    for domain in listed:
        for transformation, variant in _variants(domain).items():
            if domains.registrable(domains.normalize(variant)) in listed:
                continue  # the variant is itself listed (foxysunstudio and foxysunstudios are)
            for form in ("website", "email"):
                applicant = (
                    screening.Applicant(name="Alex Morgan", websites=[variant])
                    if form == "website"
                    else screening.Applicant(name="Alex Morgan", emails=[f"hr@{variant}"])
                )
                result = screener.screen(applicant)
                hit_domains = {d for hit in result.hits for d in hit.entry.domains}
                totals[transformation] += 1
                matched[transformation] += result.decision is screening.Decision.MATCH
                if result.decision is screening.Decision.REVIEW and domain in hit_domains:
                    flagged[transformation] += 1
                else:
                    misses.append(f"  {form} {variant} (from {domain}): {result.decision.value}")
    print(f"listed domains: {len(listed)} in {screener.watchlist.name} {screener.watchlist.version}")
    for transformation in sorted(totals):
        share = 100 * flagged[transformation] / totals[transformation]
        print(
            f"  {transformation:28} review {flagged[transformation]:3}/{totals[transformation]:3}"
            f" ({share:5.1f}%)   match {matched[transformation]}"
        )
    all_total, all_flagged = sum(totals.values()), sum(flagged.values())
    print(f"look-alikes reaching review: {all_flagged}/{all_total} ({100 * all_flagged / all_total:.1f}%),")
    print(f"reaching match: {sum(matched.values())}")
    common_flags = [
        domain
        for domain in sorted(domains.common_domains())
        if screener.screen(
            screening.Applicant(name="Alex Morgan", websites=[domain], emails=[f"a.b@{domain}"])
        ).hits
    ]
    print(
        f"widely used domains flagged: {len(common_flags)} of {len(domains.common_domains())} {common_flags}"
    )
    if args.cases:
        negatives = flagged_negatives = 0
        for line in args.cases.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            applicant = case["applicant"]
            if case["expect"] != "clear" or not (applicant.get("emails") or applicant.get("websites")):
                continue
            negatives += 1
            contact = screening.Applicant(
                name="Alex Morgan", emails=applicant.get("emails", []), websites=applicant.get("websites", [])
            )
            flagged_negatives += bool(screener.screen(contact).hits)
        print(f"negatives' contact data flagged: {flagged_negatives} of {negatives}")
    if misses:
        print("not flagged:")
        print("\n".join(misses[:40]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
