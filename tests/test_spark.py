"""Tests of screening on Apache Spark (screening.spark), in a local session of two cores.

They need the ``spark`` extra (PySpark 4) and Java 17 or newer; where either is missing they
are skipped, with the reason. ``.ci/run`` installs the extra, so CI runs them.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import screening
from screening import spark as screening_spark
from screening.cli import main
from screening.exceptions import InputFileError
from screening.frames import rescreen_frame, screen_frame

pyspark_sql = pytest.importorskip("pyspark.sql", reason="the spark extra is not installed")
pd = pytest.importorskip("pandas")

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java, which this machine lacks", allow_module_level=True)

SAMPLE = Path(__file__).parent / "data" / "ofac_sample"


@pytest.fixture(scope="module")
def worker_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cache folder of the Spark session's Python workers: not the driver's, so that an
    index found there was shipped."""
    return tmp_path_factory.mktemp("worker-cache")


@pytest.fixture(scope="module")
def session(index_cache_folder: Path, worker_cache: Path) -> Iterator[object]:
    """A local Spark session on two cores whose Python workers run this interpreter, with a
    cache folder of their own."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("screening-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .config("spark.executorEnv.SCREENING_CACHE_DIR", str(worker_cache))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


def _people() -> object:
    names = ["Kim Kwang Jin", "Wang Wei", "KIM, Jong Un", None, "Alex Morgan", "Mohammed Ali", "Li Na"] * 9
    return pd.DataFrame(
        {
            "employee_id": [f"E{number:03d}" for number in range(len(names))],
            "full_name": names,
            "work_email": [
                "alex@cloudfoxhub.com" if name == "Alex Morgan" else f"p{n}@example.com"
                for n, name in enumerate(names)
            ],
            "country": ["Korea, North" if n % 5 == 0 else "US" for n in range(len(names))],
        }
    )


COLUMNS = {"id": "employee_id", "name": "full_name", "emails": "work_email"}


def _rows(frame: object) -> list[dict[str, object]]:
    records = frame.sort_values("employee_id").to_dict("records")  # type: ignore[attr-defined]
    return [{key: (None if pd.isna(value) else value) for key, value in record.items()} for record in records]


def _large_list(folder: Path) -> Path:
    """The OFAC sample twice over (the copies' names with a number added): a list large
    enough (1,000 names or more) to have its name index saved and shipped."""
    assert 0 == main(["watchlist", "import", "ofac", str(SAMPLE), "--output", str(folder / "sample.json")])
    sample = screening.load_watchlist(folder / "sample.json")
    copies = [
        attrs.evolve(
            entry,
            id=f"{entry.id}-copy",
            name=f"{entry.name} 2",
            aliases=tuple(f"{alias} 2" for alias in entry.aliases),
            weak_aliases=(),
        )
        for entry in sample.entries
    ]
    listed = folder / "large.json"
    large = attrs.evolve(sample, entries=[*sample.entries, *copies], path=None)
    listed.write_text(json.dumps(large.to_dict(), ensure_ascii=False), encoding="utf-8")
    return listed


def test_spark_results_equal_the_in_process_results(
    session: object, tmp_path: Path, worker_cache: Path
) -> None:
    """Every row comes back, with the results screen_frame gives, against a list file whose
    saved index is shipped to the executors (found in their own cache folder afterwards)."""
    listed = _large_list(tmp_path)
    people = _people()
    df = session.createDataFrame(people).repartition(3)  # type: ignore[attr-defined]
    from_spark = screening_spark.screen(df, str(listed), columns=COLUMNS).toPandas()
    in_process = screen_frame(people, str(listed), columns=COLUMNS)
    assert len(people) == len(from_spark)
    assert _rows(in_process) == _rows(from_spark)
    decisions = set(from_spark["screening_decision"].dropna())
    assert {"match", "clear"} <= decisions
    assert from_spark["screening_error"].notna().sum() == 9  # the rows without a name
    checksum = screening.load_watchlist(listed).checksum.removeprefix("sha256:")
    assert (worker_cache / f"{checksum}.index").exists()


def test_spark_rescreen_equals_the_in_process_rescreen(session: object, bundled: screening.Watchlist) -> None:
    """rescreen screens against the changes and withdraws removed entries, as rescreen_frame does."""
    removed = next(entry for entry in bundled.entries if entry.id == "doj-2025-kim-kwang-jin")
    template = next(entry for entry in bundled.entries if entry.kind is screening.EntryKind.PERSON)
    added = attrs.evolve(template, id="test-new-person", name="Mohammed Ali Hassan", aliases=())
    new = attrs.evolve(
        bundled, version="next", entries=[e for e in bundled.entries if e is not removed] + [added], path=None
    )
    people = _people()
    people["screening_entry_id"] = [
        "doj-2025-kim-kwang-jin" if n == "Kim Kwang Jin" else None for n in people["full_name"]
    ]
    df = session.createDataFrame(people)  # type: ignore[attr-defined]
    from_spark = screening_spark.rescreen(df, bundled, new, columns=COLUMNS).toPandas()
    in_process = rescreen_frame(people, bundled, new, columns=COLUMNS)
    assert _rows(in_process) == _rows(from_spark)
    assert 9 == (from_spark["rescreen_withdrawn"] == "doj-2025-kim-kwang-jin").sum()


def test_spark_refuses_a_dataframe_it_cannot_screen(session: object) -> None:
    """A DataFrame without the name's column is refused on the driver, before any job."""
    df = session.createDataFrame(pd.DataFrame({"who": ["Wang Wei"]}))  # type: ignore[attr-defined]
    with pytest.raises(InputFileError, match="no 'name' column"):
        screening_spark.screen(df)
