"""Time screening on the largest, most adversarial applicants the input limits allow.

Usage::

    python benchmarks/worst_case.py [--watchlist PATH] [--repeat N] [--bound-ms MS]

Builds applicants at every limit of ``screening.models`` (100 aliases of up to 24 parts and
1,000 characters, 100 emails, phones, websites and accounts), filled with what costs most:
names mixing scripts, combining-mark floods, bidi controls, look-alike letters, listed
syllables in every romanization, long URLs and junk that must be rejected value by value. Long kana and Han
runs, and an entry added to the list with thousands of aliases like the applicant's name, are
among them. Prints the time each takes beside the time of an ordinary applicant, so a
regression shows as a ratio, and whether the slowest stays within the bound (``--bound-ms``:
by default 500 ms for the bundled list, 2,000 ms for any other, as issue 18 set them).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import attrs

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
    kana = ("キムジョンウン" * 150)[:MAX_TEXT_LENGTH]
    han = ("王振兴金光镇" * 170)[:MAX_TEXT_LENGTH]
    return {
        "a kana run of 1,000 characters": screening.Applicant(name=kana),
        "a kana run as the name and 19 aliases": screening.Applicant(name=kana, aliases=[kana] * 19),
        "a Han run as the name and 100 aliases": screening.Applicant(name=han, aliases=[han] * MAX_VALUES),
        "disguises: capitals, small capitals, letters apart": screening.Applicant(
            name="WΑΝG ΖΗΕΝΧΙΝG",
            aliases=["ᴡᴀɴɢ ᴢʜᴇɴxɪɴɢ", "W a n g Z h e n x i n g", "\u202eGNIXNEHZ GNAW"] * 25,
        ),
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
    parser.add_argument("--aliases", type=int, default=10_000, help="aliases of the added crowded entry")
    parser.add_argument("--bound-ms", type=float, help="the bound per applicant (default: see above)")
    args = parser.parse_args()
    bound = args.bound_ms or (500.0 if args.watchlist is None else 2000.0)
    listed = screening.load_watchlist(args.watchlist)
    # An entry with thousands of aliases that all resemble one name: every one is a candidate.
    crowded = screening.WatchlistEntry(
        id="worst-case-crowded-entry",
        kind=screening.EntryKind.PERSON,
        name="Kim Kwang Jin",
        aliases=tuple(f"Kim Kwang Jin {_letters(number)}" for number in range(args.aliases)),
    )
    crowded_list = attrs.evolve(listed, entries=(*listed.entries, crowded), path=None)
    screener = screening.Screener(listed)
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
    print(f"watchlist: {listed.name} {listed.version}, {len(listed.entries)} entries")
    print(f"ordinary applicant: {baseline * 1e3:.2f} ms")
    slowest = 0.0
    for label, applicant in worst_applicants().items():
        took = timed(applicant)
        slowest = max(slowest, took)
        print(f"{label:52} {took * 1e3:9.1f} ms  ({took / baseline:,.0f} x ordinary)")
    screener = screening.Screener(crowded_list, index_cache=False)
    for name in ("Kim Kwang Jin", f"Kim Kwang Jin {_letters(args.aliases // 2)}", "Kim Kwang Jin Zzz Qqq"):
        took = timed(screening.Applicant(name=name))
        slowest = max(slowest, took)
        label = f"{name!r} against an entry with {args.aliases:,} aliases"
        print(f"{label:52} {took * 1e3:9.1f} ms  ({took / baseline:,.0f} x ordinary)")
    verdict = "within" if slowest * 1e3 <= bound else "OVER"
    print(f"slowest: {slowest * 1e3:.1f} ms, {verdict} the bound of {bound:,.0f} ms")
    return 0


def _letters(number: int) -> str:
    """Three letters that count in base 26: aaa, baa, ..., an alias of its own for each number."""
    return "".join(chr(97 + (number // 26**place) % 26) for place in range(3))


if __name__ == "__main__":
    sys.exit(main())
