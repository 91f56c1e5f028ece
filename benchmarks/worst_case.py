"""Time screening on the largest, most adversarial applicants the input limits allow.

Usage::

    python benchmarks/worst_case.py [--watchlist PATH] [--repeat N]

Builds applicants at every limit of ``screening.models`` (100 aliases of up to 24 parts and
1,000 characters, 100 emails, phones, websites and accounts), filled with what costs most:
names mixing scripts, combining-mark floods, bidi controls, look-alike letters, listed
syllables in every romanization, long URLs and junk that must be rejected value by value. Prints
the time each takes beside the time of an ordinary applicant, so a regression shows as a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import screening
from screening.models import MAX_NAME_PARTS, MAX_TEXT_LENGTH, MAX_VALUES


def _name(seed: int) -> str:
    parts = ["Kim", "Kwang", "Jin", "Wаng", "Zhenxing", "김광진", "王振兴", "Ким", "キム", "Chou", "Paoyu"]
    name = " ".join(parts[(seed + index) % len(parts)] for index in range(MAX_NAME_PARTS))
    return name[:MAX_TEXT_LENGTH]


def worst_applicants() -> dict[str, screening.Applicant]:
    """The adversarial applicants, by what makes each one hard."""
    flood = "a" + "\u0301" * (MAX_TEXT_LENGTH - 2) + "b"  # U+0301 COMBINING ACUTE ACCENT
    bidi = ("\u202e" + "Wang\u200bZhen\u2066xing" + "\u202c ") * 12  # U+202E RIGHT-TO-LEFT OVERRIDE
    return {
        "every limit, listed syllables in many scripts": screening.Applicant(
            name=_name(0),
            aliases=[_name(seed) for seed in range(MAX_VALUES)],
            emails=[f"zhenxing.wang{n}@cloudfoxhub{n}.com" for n in range(MAX_VALUES)],
            phones=[f"+1 404 555 {n:04d}" for n in range(MAX_VALUES)],
            websites=[f"https://jobs.cloudf0xhub{n}.net/" + "x" * 950 for n in range(MAX_VALUES)],
            accounts=["1BoatSLRHtKNngkdXEeobR76b53LETtpyT"] * MAX_VALUES,
        ),
        "combining-mark flood": screening.Applicant(name=flood, aliases=[flood] * MAX_VALUES),
        "bidi overrides": screening.Applicant(
            name=bidi[:MAX_TEXT_LENGTH], aliases=[bidi[:MAX_TEXT_LENGTH]] * 20
        ),
        "junk contact data": screening.Applicant(
            name="Alex Morgan",
            emails=["@" * 300] * MAX_VALUES,
            phones=["+" + "9" * 60] * MAX_VALUES,
            websites=["http://[" + ":" * 950 + "]/"] * MAX_VALUES,
            accounts=["0x" + "g" * 100] * MAX_VALUES,
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watchlist", help="watchlist file (default: the bundled list)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    screener = screening.Screener(screening.load_watchlist(args.watchlist))
    ordinary = screening.Applicant(
        name="Maria Gonzalez", emails=["maria@gmail.com"], phones=["+1 404 555 0143"]
    )

    def timed(applicant: screening.Applicant) -> float:
        samples = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            screener.screen(applicant)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    timed(ordinary)  # load the romanization tables first
    baseline = timed(ordinary)
    listed = screener.watchlist
    print(f"watchlist: {listed.name} {listed.version}, {len(listed.entries)} entries")
    print(f"ordinary applicant: {baseline * 1e3:.2f} ms")
    for label, applicant in worst_applicants().items():
        took = timed(applicant)
        print(f"{label:48} {took * 1e3:9.1f} ms  ({took / baseline:,.0f} x ordinary)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
