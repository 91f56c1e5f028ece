"""HR data at scale: screen synthetic employees against the OFAC list in one process, in two
(``screen_many``), on Spark ``local[2]``, and rescreen them when the list changes.

Usage::

    python benchmarks/rescreen.py ../shared/data/ofac/2021-07-07 ../shared/data/ofac/2024-05-03 \\
        --names ../shared/data/names --romanization ../shared/data/romanization \\
        [--rows 1000000] [--single 20000] [--no-spark]

OLD and NEW are two OFAC SDN folders; each is imported with ``screening watchlist import ofac``
(timed: the import and the cold build of the name index that it saves). ROWS synthetic
employees are written to a Parquet file: Chinese names from the family and given name tables
(by frequency; pinyin, family name first or last, 1 in 10 in Hanzi), Korean names from the
surname table (by population), Western names from a short list, each with a work email and a
phone; 1 in 2,000 is a name of the new list (so hits are found). Then, in this run:

1. one process: ``screen_frame(jobs=1)`` over the first SINGLE rows (the rate does not depend
   on the count; a million rows would take as long as the three runs below together);
2. ``screen_frame(jobs=2)`` (``Screener.screen_many`` in two spawned processes) over all rows,
   and the peak resident memory of its workers;
3. Spark ``local[2]``: ``screening.spark.screen`` over the Parquet file, written to Spark's
   ``noop`` sink, and the peak resident memory of Spark's Python workers;
4. the SINGLE rows screened against the whole new list and rescreened from the old version
   (``rescreen_frame``), in one process, and the ratio of their rates.

Every path's row count is checked against the input's. Needs the ``frames`` extra, and the
``spark`` extra with Java for step 3.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import screening
import screening._storage
import screening._tables
from screening._fields import ColumnMap
from screening.frames import screen_frame

WESTERN_GIVEN = ["James", "Maria", "Olga", "Fatima", "Priya", "Lucas", "Sofia", "Emily", "Carlos", "Anna"]
WESTERN_FAMILY = [
    "Smith",
    "Garcia",
    "Johnson",
    "Brown",
    "Müller",
    "Rossi",
    "Silva",
    "Khan",
    "Ivanov",
    "Novak",
]
KOREAN_GIVEN = ["min", "jun", "seo", "yeon", "ji", "hoon", "woo", "hyun", "su", "young", "eun", "tae"]


def _weighted(path: Path, name: str, weight: str) -> tuple[list[str], list[float]]:
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(line for line in stream if not line.startswith("#")))
    values, weights = [], []
    for row in rows:
        try:
            values.append(row[name])
            weights.append(float(row[weight].rstrip("%").replace(",", "") or 0))
        except (KeyError, ValueError):
            continue
    return values, weights


def employees(rows: int, names: Path, romanization: Path, listed: list[str], seed: int = 7) -> object:
    """A DataFrame of synthetic employees (see the module's description)."""
    import pandas as pd
    from pypinyin import Style, lazy_pinyin

    rng = random.Random(seed)
    families, family_weights = _weighted(names / "chinese_family_names.csv", "surname", "ppm")
    given, given_weights = _weighted(names / "chinese_given_names.csv", "character", "ppm")
    korean, korean_weights = _weighted(romanization / "korean_surnames.csv", "rr", "population_2015")
    records = []
    for number in range(rows):
        draw = rng.random()
        if number % 2000 == 1999 and listed:
            name = rng.choice(listed)
        elif draw < 0.6:
            family = rng.choices(families, family_weights)[0]
            chars = "".join(rng.choices(given, given_weights, k=rng.choice((1, 2))))
            if rng.random() < 0.1:
                name = family + chars
            else:
                family_latin = "".join(lazy_pinyin(family, style=Style.NORMAL)).title()
                given_latin = "".join(lazy_pinyin(chars, style=Style.NORMAL)).title()
                name = (
                    f"{family_latin} {given_latin}" if rng.random() < 0.5 else f"{given_latin} {family_latin}"
                )
        elif draw < 0.8:
            family = rng.choices(korean, korean_weights)[0]
            name = f"{family} {rng.choice(KOREAN_GIVEN).title()}{rng.choice(KOREAN_GIVEN)}"
        else:
            name = f"{rng.choice(WESTERN_GIVEN)} {rng.choice(WESTERN_FAMILY)}"
        records.append(
            {
                "employee_id": f"E{number:07d}",
                "full_name": name,
                "work_email": f"employee{number}@corp.example",
                "phone": f"+1 415 555 {rng.randrange(10000):04d}",
                "department": rng.choice(("HR", "Sales", "Engineering", "Finance")),
            }
        )
    return pd.DataFrame.from_records(records)


COLUMNS = {"id": "employee_id", "name": "full_name", "emails": "work_email", "phones": "phone"}


def _import(folder: str, output: Path, version: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "screening", "watchlist", "import", "ofac", folder, "--output", str(output),
         "--list-version", version],
        check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - start


def _rate(rows: int, seconds: float) -> str:
    return f"{rows:,} rows in {seconds:.1f} s: {rows / seconds:,.0f} rows/s"


class _PeakMemory:
    """Watches the peak resident memory (VmHWM) of worker processes while a run goes on, every
    half second: this process's children that are Python (``screen_many``'s spawned workers),
    or Spark's Python workers (``python -m pyspark.daemon`` and the workers it forks; the
    JVM's command line names pyspark too, but it is not a Python worker)."""

    def __init__(self, spark: bool) -> None:
        self.spark, self.peak_mb = spark, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> _PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watched(self, pid: str) -> bool:
        status = Path(f"/proc/{pid}/status").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if self.spark:
            return b"pyspark.daemon" in command or b"pyspark.worker" in command
        parent = next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
        return parent == str(os.getpid()) and b"multiprocessing" in b" ".join(command)

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    if not self._watched(pid):
                        continue
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_mb = max(self.peak_mb, int(line.split()[1]) / 1024)
                except (OSError, StopIteration):
                    continue


def _spark(parquet: Path, listed: Path, rows: int) -> tuple[float, float]:
    from pyspark.sql import SparkSession

    from screening import spark as screening_spark

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        # A small Parquet file is one partition: spread it over the two cores (and more tasks
        # than cores, as a cluster would have).
        df = session.read.parquet(str(parquet)).repartition(8)
        with _PeakMemory(spark=True) as memory:
            start = time.perf_counter()
            screened = screening_spark.screen(df, str(listed), columns=COLUMNS)
            counted = screened.count()  # every row comes back (mapInArrow screens them all)
            seconds = time.perf_counter() - start
        assert counted == rows, (counted, rows)
        return seconds, memory.peak_mb
    finally:
        session.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", help="the earlier OFAC SDN folder (2021-07-07)")
    parser.add_argument("new", help="the later OFAC SDN folder (2024-05-03)")
    parser.add_argument("--names", type=Path, required=True, help="../shared/data/names")
    parser.add_argument("--romanization", type=Path, required=True, help="../shared/data/romanization")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--single", type=int, default=20_000, help="rows for the one-process runs")
    parser.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rescreen-"))
    os.environ.setdefault(screening._storage.CACHE_FOLDER_VARIABLE, str(folder / "cache"))
    old_list, new_list = folder / "old.json", folder / "new.json"
    print(f"import {args.old}: {_import(args.old, old_list, 'old'):.1f} s (with the cold index build)")
    print(f"import {args.new}: {_import(args.new, new_list, 'new'):.1f} s (with the cold index build)")
    new = screening.load_watchlist(new_list)
    listed = [entry.name for entry in new.entries if entry.kind is screening.EntryKind.PERSON]
    start = time.perf_counter()
    table = employees(args.rows, args.names, args.romanization, listed)
    parquet = folder / "employees.parquet"
    table.to_parquet(parquet)  # type: ignore[attr-defined]
    print(f"{args.rows:,} synthetic employees written in {time.perf_counter() - start:.1f} s")

    screener = screening.Screener(new)
    single = table.iloc[: args.single]  # type: ignore[attr-defined]
    screen_frame(table.iloc[-200:], screener, columns=COLUMNS)  # type: ignore[attr-defined] # warm-up
    start = time.perf_counter()
    one = screen_frame(single, screener, columns=COLUMNS)
    one_seconds = time.perf_counter() - start
    assert len(one) == len(single)
    print(f"one process:           {_rate(len(single), one_seconds)}")

    with _PeakMemory(spark=False) as memory:
        start = time.perf_counter()
        two = screen_frame(table, screener, columns=COLUMNS, jobs=2)
        two_seconds = time.perf_counter() - start
    assert len(two) == args.rows
    worker_mb = memory.peak_mb
    print(f"screen_many(jobs=2):   {_rate(args.rows, two_seconds)}; peak worker memory {worker_mb:.0f} MB")
    print(f"  decisions: {two['screening_decision'].value_counts(dropna=False).to_dict()}")
    if not args.no_spark:
        spark_seconds, spark_mb = _spark(parquet, new_list, args.rows)
        ratio = (args.rows / spark_seconds) / (args.rows / two_seconds)
        print(
            f"Spark local[2]:        {_rate(args.rows, spark_seconds)}; {ratio:.0%} of screen_many(jobs=2);"
            f" peak Python worker memory {spark_mb:.0f} MB"
        )

    start = time.perf_counter()
    full = screen_frame(single, screener, columns=COLUMNS)
    full_seconds = time.perf_counter() - start
    prepared = time.perf_counter()
    rescreening = screening._tables.Rescreening.of(str(old_list), str(new_list))  # as rescreen_frame
    setup = time.perf_counter() - prepared
    records = single.assign(screening_entry_id=one["screening_entry_id"]).to_dict("records")
    start = time.perf_counter()
    again = list(
        screening._tables.rescreen_values(
            rescreening, records, columns=ColumnMap.of(COLUMNS), previous="screening_entry_id"
        )
    )
    rescreen_seconds = time.perf_counter() - start
    assert len(again) == len(single)
    changes = rescreening.screener.watchlist
    print(
        f"whole new list ({len(new.entries):,} entries): {_rate(len(single), full_seconds)};"
        f" hits {int(full['screening_entry_id'].notna().sum())}"
    )
    print(
        f"rescreen ({len(changes.entries):,} entries that can bring a new hit, set up in {setup:.1f} s):"
        f" {_rate(len(single), rescreen_seconds)}; hits {sum(1 for row in again if row[2])},"
        f" withdrawn {sum(1 for row in again if row[7])}"
    )
    print(f"rescreen / whole list: {full_seconds / rescreen_seconds:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
