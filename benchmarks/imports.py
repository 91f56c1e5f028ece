"""Import the lists employers screen against, and print what each importer read, kept and
skipped, its time and its peak memory; then stream a large synthetic FollowTheMoney file.

Usage::

    python benchmarks/imports.py --un ../shared/data/un/consolidated_2026-02-27_half.xml \\
        --csl ../shared/data/us_csl/csl.csv --ofac ../shared/data/ofac/2024-05-03 \\
        --ofac ../shared/data/ofac/consolidated --ftm ../shared/data/opensanctions/ftm/zala.ftm.json \\
        --synthetic-gb 2

Each import runs in a fresh process, so that its peak memory (the process's maximum resident
set) is its own; the baseline is the same process importing nothing. The synthetic file is
written to a temporary folder (and removed): FollowTheMoney entities one a line, about 1 KB
each, 1 in 100 a target person with names, aliases, a birth date and a nationality, the rest
addresses and non-target persons (as in OpenSanctions' files, where most entities are not
listed parties); it is imported with ``--targets-only``, which keeps the 1 in 100: memory
grows with what is kept, never with the file.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _child(kind: str, path: str, targets_only: bool) -> None:
    """Import in this process and print a JSON line: entries kept, seconds, peak MB."""
    start = time.perf_counter()
    kept = 0
    summary = ""
    if kind == "none":
        pass
    elif kind == "un":
        from screening.un import import_un

        watchlist, un_report = import_un(path)
        kept, summary = len(watchlist.entries), un_report.summary()
    elif kind == "csl":
        from screening.csl import import_csl

        watchlist, csl_report = import_csl(path)
        kept, summary = len(watchlist.entries), csl_report.summary()
    elif kind == "ofac":
        from screening.ofac import import_ofac

        watchlist, ofac_report = import_ofac(path)
        kept, summary = len(watchlist.entries), ofac_report.summary()
    else:
        from screening.ftm import import_ftm

        watchlist, ftm_report = import_ftm(path, targets_only=targets_only)
        kept, summary = len(watchlist.entries), ftm_report.summary()
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"kept": kept, "seconds": elapsed, "peak_mb": peak, "summary": summary}))


def _run(kind: str, path: str, *, targets_only: bool = False) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", kind, path]
    if targets_only:
        command.append("--targets-only")
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    return result


_GIVEN = ["Kordex", "Ivan", "Maria", "Ahmad", "Wei", "Jin", "Olga", "Pedro", "Amina", "Yusuf", "Sergei", "Li"]
_FAMILY = ["Pelikanov", "Hassan", "Zhou", "Kim", "Garcia", "Petrova", "Rahimi", "Osei", "Novak", "Tanaka"]


def _synthetic(path: Path, size: int, rng: random.Random) -> tuple[int, int]:
    """Write FollowTheMoney entities to ``path`` until it holds ``size`` bytes: lines, targets."""
    lines = targets = 0
    written = 0
    filler = "x" * 600  # notes that make a line about 1 KB, as real entities with their properties
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            number = lines
            if number % 100 == 0:
                given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
                entity = {
                    "id": f"syn-{number}",
                    "caption": f"{given} {family} {number}",
                    "schema": "Person",
                    "properties": {
                        "name": [f"{given} {family} {number}", f"{family.upper()}, {given} {number}"],
                        "alias": [f"{given[0]}. {family} {number}"],
                        "birthDate": [f"{1950 + number % 50}-{1 + number % 12:02d}"],
                        "nationality": [rng.choice(["ru", "kp", "ir", "cn", "sy"])],
                        "topics": ["sanction"],
                        "notes": [filler],
                    },
                    "datasets": ["synthetic"],
                    "target": True,
                    "last_change": "2026-12-01T00:00:00",
                }
                targets += 1
            elif number % 2:
                entity = {
                    "id": f"syn-{number}",
                    "caption": f"{number} Example Street",
                    "schema": "Address",
                    "properties": {"full": [f"{number} Example Street, Example City"], "notes": [filler]},
                    "datasets": ["synthetic"],
                }
            else:
                entity = {
                    "id": f"syn-{number}",
                    "caption": f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
                    "schema": "Person",
                    "properties": {
                        "name": [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"],
                        "notes": [filler],
                    },
                    "datasets": ["synthetic"],
                    "target": False,
                }
            line = json.dumps(entity) + "\n"
            out.write(line)
            written += len(line)
            lines += 1
    return lines, targets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--targets-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--un", action="append", default=[], help="a UN consolidated XML file")
    parser.add_argument("--csl", action="append", default=[], help="a Consolidated Screening List CSV")
    parser.add_argument("--ofac", action="append", default=[], help="a folder of OFAC SDN or non-SDN files")
    parser.add_argument("--ftm", action="append", default=[], help="a FollowTheMoney file")
    parser.add_argument(
        "--synthetic-gb", type=float, default=0.0, help="stream a synthetic FTM file this big"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], args.targets_only)
        return 0
    baseline = _run("none", "-")
    print(f"baseline: a process importing nothing peaks at {baseline['peak_mb']:.0f} MB")
    for kind in ("un", "csl", "ofac", "ftm"):
        for path in getattr(args, kind):
            result = _run(kind, path)
            seconds, peak = result["seconds"], result["peak_mb"]
            print(f"-- {kind} {path}: {result['kept']} entries in {seconds:.2f} s, peak {peak:.0f} MB")
            print("   " + str(result["summary"]).replace("\n", "\n   "))
    if args.synthetic_gb:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "synthetic.ftm.json"
            start = time.perf_counter()
            lines, targets = _synthetic(path, int(args.synthetic_gb * 1e9), random.Random(args.seed))
            size = path.stat().st_size / 1e9
            print(
                f"-- synthetic FollowTheMoney file: {size:.2f} GB, {lines} lines, {targets} targets"
                f" (written in {time.perf_counter() - start:.0f} s)"
            )
            result = _run("ftm", str(path), targets_only=True)
            rate = size * 1000 / float(str(result["seconds"]))
            print(
                f"   import --targets-only: {result['kept']} entries in {result['seconds']:.0f} s"
                f" ({rate:.0f} MB/s), peak {result['peak_mb']:.0f} MB (baseline {baseline['peak_mb']:.0f} MB)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
