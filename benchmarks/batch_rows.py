"""Write a batch input of mixed applicants, or check that a batch output accounts for it.

Usage::

    python benchmarks/batch_rows.py write ROWS_JSONL [--watchlist PATH] [--rows N]
    python benchmarks/batch_rows.py check ROWS_JSONL OUT_JSONL

``write`` makes N rows (JSON Lines, ``id`` 0..N-1) of the applicants ``benchmarks/speed.py``
screens: listed names and their reordered and hyphenated forms, common names, native-script
names, with emails, websites and a phone; every 20,000th row is one the batch must refuse (a
name of 30 parts, over the 24-part limit), so error records are counted too. ``check`` reads
the batch's output and tells whether every input row has exactly one record, in input order,
and counts decisions and errors. Time the batch itself with the shell, e.g.::

    python benchmarks/batch_rows.py write rows.jsonl --watchlist ofac.json --rows 100000
    /usr/bin/time -v screening batch rows.jsonl --watchlist ofac.json --jobs 2 --output out.jsonl
    python benchmarks/batch_rows.py check rows.jsonl out.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import screening
from speed import applicants

#: Every this many rows, one the batch must turn into an error record.
_REFUSED_EVERY = 20_000


def write(path: Path, watchlist: screening.Watchlist, rows: int) -> None:
    """Write ``rows`` applicants as JSON Lines."""
    with path.open("w", encoding="utf-8") as stream:
        for index, applicant in enumerate(applicants(watchlist, rows)):
            row: dict[str, object] = {
                "id": str(index),
                "name": applicant.name,
                "emails": list(applicant.emails),
                "websites": list(applicant.websites),
                "phones": list(applicant.phones),
            }
            if index % _REFUSED_EVERY == _REFUSED_EVERY - 1:
                row["name"] = " ".join(f"Part{number}" for number in range(30))
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def check(rows_path: Path, out_path: Path) -> bool:
    """Print what the output holds; tell whether it has one record per row, in order."""
    with rows_path.open(encoding="utf-8") as stream:
        ids = [json.loads(line)["id"] for line in stream]
    decisions: Counter[str] = Counter()
    seen = []
    with out_path.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            seen.append(record.get("id"))
            decisions["error" if "error" in record else record["decision"]] += 1
    in_order = seen == ids
    print(f"input rows {len(ids)}, output records {len(seen)}, one per row in input order: {in_order}")
    print(", ".join(f"{name} {count}" for name, count in sorted(decisions.items())))
    return in_order


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write")
    writing.add_argument("rows", type=Path)
    writing.add_argument("--watchlist", help="the list whose names are mixed in (default: the bundled list)")
    writing.add_argument("--rows", type=int, default=100_000, dest="count")
    checking = commands.add_parser("check")
    checking.add_argument("rows", type=Path)
    checking.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.rows, screening.load_watchlist(args.watchlist), args.count)
        return 0
    return 0 if check(args.rows, args.out) else 1


if __name__ == "__main__":
    sys.exit(main())
