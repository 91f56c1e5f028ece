"""Measure screening speed on the bundled list (and an OFAC-size list), beside a brute-force baseline.

Usage::

    python benchmarks/speed.py [--watchlist PATH] [--applicants N] [--repeat R]
    python benchmarks/speed.py --ofac SDN_DIR --alt ALT_CSV [--applicants N] [--parity N]

Prints the time to load the list and build the Screener, then the median, p95 and
throughput of ``Screener.screen`` over N generated applicants (listed names, their reordered
and hyphenated forms, and common names that must stay clear, with emails and websites on
ordinary and seized domains), and, on the same applicants in the same run, a brute-force
baseline that compares each applicant's name with every listed name by Jaro-Winkler
(jellyfish) and does nothing else. Run on one core: ``taskset -c 0 python benchmarks/speed.py``.

With ``--ofac``, the list is OFAC's ``sdn.csv`` in SDN_DIR with the a.k.a. names of ALT_CSV,
imported by :func:`screening.ofac.import_ofac` and written to a watchlist file in a temporary
folder. Two fresh processes then measure it: the first loads it with no saved index (so the
Screener builds the index and saves it beside the file) and prints the load time and peak
memory; the second loads it again (reading the saved index) and prints its load time and peak
memory, the latency of ``Screener.screen`` over OFAC a.k.a. names and generated names, the
brute-force baseline over every listed name, and a recall-parity check: for ``--parity``
a.k.a. queries, the hits found through the index against the hits of comparing the query with
every listed name (each listed name prepared once beforehand, untimed), and the time of each
(the brute-force baseline at equal recall).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jellyfish

import screening

SURNAMES = [
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Smith", "Garcia",
    "Nguyen", "Tran", "Johnson", "Brown", "Müller", "Rossi", "Silva", "Khan", "Singh", "Ivanov",
]  # fmt: skip
SYLLABLES = [
    "wei", "min", "jun", "jing", "xiao", "ming", "hua", "li", "na", "yu", "ze", "hao", "tian", "xin",
    "seo", "yeon", "ji", "hoon", "woo", "hyun", "su", "young", "eun", "kwang", "tae", "bok", "nam",
]  # fmt: skip
WESTERN = ["Emily", "Carlos", "Anh", "James", "Maria", "Olga", "Fatima", "Priya", "Lucas", "Sofia"]
NATIVE = [
    "王伟",
    "李娜",
    "张敏",
    "김민준",
    "이서연",
    "박지훈",
    "Иван Петров",
    "キム・ミンジュン",
    "周宝玉",
    "김광진",
]
DOMAINS = ["gmail.com", "outlook.com", "example.org", "cloudfoxhub.com", "jobs.silverstarchina.com"]


def applicants(watchlist: screening.Watchlist, count: int, seed: int = 7) -> list[screening.Applicant]:
    """Build a reproducible mix of listed-name variants and mostly distinct common names.

    Names repeat rarely, so per-name caches help about as much as they would in real traffic.
    """
    rng = random.Random(seed)
    listed = [e.name for e in watchlist.entries if e.kind is not screening.EntryKind.DOMAIN]
    names: list[str] = []
    for name in listed:
        parts = name.split()
        names += [name, " ".join(reversed(parts)), f"{parts[0]} {'-'.join(parts[1:])}"]
    given = ["".join(pair).capitalize() for pair in itertools.product(SYLLABLES, SYLLABLES)] + WESTERN
    pool = [f"{g} {s}" if rng.random() < 0.5 else f"{s} {g}" for s, g in itertools.product(SURNAMES, given)]
    rng.shuffle(pool)
    result = []
    for index in range(count):
        roll = rng.random()
        name = (
            rng.choice(names)
            if roll < 0.05
            else rng.choice(NATIVE)
            if roll < 0.1
            else pool[index % len(pool)]
        )
        domain = rng.choice(DOMAINS)
        result.append(
            screening.Applicant(
                name=name,
                emails=[f"user{index}@{domain}"],
                websites=[f"https://{rng.choice(DOMAINS)}/u{index}"],
                phones=["+1 404 555 0100"],
            )
        )
    return result


def listed_names(watchlist: screening.Watchlist) -> list[str]:
    """Every listed name and alias, casefolded: what the brute-force baseline compares."""
    return [name.casefold() for e in watchlist.entries for name in (e.name, *e.aliases, *e.weak_aliases)]


def brute_force(names: list[str], applicant: screening.Applicant) -> float:
    """Baseline: Jaro-Winkler of the casefolded name against every listed name."""
    query = applicant.name.casefold()
    return max(jellyfish.jaro_winkler_similarity(query, name) for name in names)


def timed(function: object, items: list[screening.Applicant], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        for item in items:
            start = time.perf_counter()
            function(item)  # type: ignore[operator]
            samples.append(time.perf_counter() - start)
    return samples


def report(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    median = statistics.median(samples)
    p95 = samples[int(0.95 * (len(samples) - 1))]
    print(
        f"{label:34} median {median * 1e3:7.3f} ms   p95 {p95 * 1e3:7.3f} ms"
        f"   {len(samples) / sum(samples):9.0f} applicants/s"
    )


class _EveryName:
    """Every listed name as a candidate (``NameIndex.search``'s answer), with no pairs of runs
    told: what the recall-parity check compares the index with."""

    def __init__(self, count: int) -> None:
        self.found = [(position, 1.0, False) for position in range(count)]

    def keyed_pairs(self, position: int, listed: object) -> None:
        return None


def _ofac(args: argparse.Namespace) -> int:
    """Import the OFAC files, write the list to a file, and measure it in fresh processes:
    once building the name index (and saving it beside the file), once reading it back."""
    from screening.ofac import import_ofac

    start = time.perf_counter()
    watchlist, _report = import_ofac(args.ofac, alt=args.alt)
    imported = time.perf_counter() - start
    names_listed = sum(1 + len(e.aliases) + len(e.weak_aliases) for e in watchlist.entries)
    print(f"OFAC list: {len(watchlist.entries)} entries, {names_listed} names; CSV import {imported:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ofac.json"
        path.write_text(json.dumps(watchlist.to_dict(), ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, __file__, "--list", str(path), "--alt", str(args.alt)]
        # An empty cache folder of its own: no index saved by another run can be read instead.
        environment = {**os.environ, "SCREENING_CACHE_DIR": str(Path(folder) / "cache")}
        print("-- first load: no saved index, so it is built and saved beside the list", flush=True)
        subprocess.run([*command, "--load-only"], check=True, env=environment)
        print("-- every later load: the saved index is read", flush=True)
        more = ["--applicants", str(args.applicants), "--parity", str(args.parity)]
        subprocess.run([*command, *more], check=True, env=environment)
    return 0


def _list(args: argparse.Namespace) -> int:
    """Measure a watchlist file in this (fresh) process: load, then screening and the baseline."""
    start = time.perf_counter()
    watchlist = screening.load_watchlist(args.list)
    loaded = time.perf_counter()
    screener = screening.Screener(watchlist)
    built = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"load: list {loaded - start:.2f} s + Screener {built - loaded:.2f} s = {built - start:.2f} s;"
        f" peak RSS {peak:.0f} MB"
    )
    if args.load_only:
        return 0
    aliases = []
    with Path(args.alt).open(encoding="utf-8", errors="replace", newline="") as stream:
        for row in csv.reader(stream):
            if len(row) > 3 and row[3].strip() not in {"", "-0-"}:
                aliases.append(row[3].strip())
    rng = random.Random(11)
    queries = [
        screening.Applicant(name=name)
        for name in rng.sample(aliases, min(len(aliases), args.applicants // 2))
    ]
    queries += applicants(watchlist, args.applicants - len(queries))
    rng.shuffle(queries)
    listed = listed_names(watchlist)
    for item in queries[:20]:
        screener.screen(item)
    report("Screener.screen, OFAC", timed(screener.screen, queries, 1))
    report(
        "baseline: Jaro-Winkler, every name", timed(lambda item: brute_force(listed, item), queries[:300], 1)
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS after screening {peak:.0f} MB")
    if args.parity:
        sample = [screening.Applicant(name=name) for name in rng.sample(aliases, args.parity)]
        indexed_times = timed(screener.screen, sample, 1)
        indexed = [{hit.entry.id for hit in screener.screen(item).hits} for item in sample]
        index = screener._prepared[0].names
        original, original_form = index.search, index.form
        # The full comparison: every listed name, each prepared once beforehand (not timed),
        # aligned with no help from the index (align works out the pairs of runs itself).
        forms = [original_form(position) for position in range(len(index.names))]
        every = _EveryName(len(index.names))
        index.search = lambda form, least: every  # type: ignore[method-assign,return-value]
        index.form = forms.__getitem__  # type: ignore[assignment]
        try:
            full_times = timed(screener.screen, sample, 1)
            full = [{hit.entry.id for hit in screener.screen(item).hits} for item in sample]
        finally:
            index.search, index.form = original, original_form  # type: ignore[method-assign]
        lost = sum(len(f - i) for f, i in zip(full, indexed, strict=True))
        print(
            f"recall parity on {len(sample)} a.k.a. queries: {sum(map(len, full))} hits comparing every name,"
        )
        print(f"  {sum(map(len, indexed))} through the index, {lost} lost")
        report("  the same queries, through the index", indexed_times)
        report("  the same queries, every name aligned", full_times)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watchlist", help="watchlist file (default: the bundled list)")
    parser.add_argument("--applicants", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--ofac", type=Path, help="folder with OFAC's sdn.csv: measure an OFAC-size list")
    parser.add_argument("--alt", type=Path, help="the alt.csv whose a.k.a. names join the OFAC list")
    parser.add_argument("--parity", type=int, default=0, metavar="N", help="check recall parity on N queries")
    parser.add_argument("--list", type=Path, help=argparse.SUPPRESS)  # a list file, measured by --ofac
    parser.add_argument("--load-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ofac:
        return _ofac(args)
    if args.list:
        return _list(args)

    start = time.perf_counter()
    watchlist = screening.load_watchlist(args.watchlist)
    loaded = time.perf_counter()
    screener = screening.Screener(watchlist)
    built = time.perf_counter()
    print(f"watchlist: {watchlist.name} {watchlist.version}, {len(watchlist.entries)} entries")
    print(f"load {1e3 * (loaded - start):.1f} ms, Screener build {1e3 * (built - loaded):.1f} ms")

    items = applicants(watchlist, args.applicants)
    listed = listed_names(watchlist)
    for item in items[:50]:  # warm caches the same way for both
        screener.screen(item)
        brute_force(listed, item)
    report("Screener.screen (all features)", timed(screener.screen, items, args.repeat))
    report(
        "baseline: Jaro-Winkler, every name",
        timed(lambda item: brute_force(listed, item), items, args.repeat),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
