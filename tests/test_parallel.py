"""Tests of pickling screeners and lists, and of screening in several processes."""

from __future__ import annotations

import io
import logging
import pickle
from collections.abc import Sequence
from pathlib import Path

import pytest

import screening
from screening import _storage
from screening._index import ListedValue, NameIndex
from screening.cli import main

SAMPLE = Path(__file__).parent / "data" / "ofac_sample"


def _imported(folder: Path) -> screening.Watchlist:
    """The OFAC sample imported to a file (its name index saved beside it)."""
    listed = folder / "ofac.json"
    assert 0 == main(["watchlist", "import", "ofac", str(SAMPLE), "--output", str(listed)])
    return screening.load_watchlist(listed)


def test_a_watchlist_pickles_its_content_not_its_path(bundled: screening.Watchlist) -> None:
    """An unpickled list equals the original and has its checksum, but no file path."""
    copy = pickle.loads(pickle.dumps(bundled))
    assert (bundled, bundled.checksum, None) == (copy, copy.checksum, copy.path)
    assert bundled.path is not None


def test_a_screener_unpickled_reads_the_index_shared_in_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """share() puts a list's saved index in the cache folder under its checksum; a screener
    unpickled there (its list without a path) reads it and builds nothing, and screens as the
    original does. The pickle holds the list, not the index."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    monkeypatch.setenv(_storage.CACHE_FOLDER_VARIABLE, str(tmp_path / "cache"))
    watchlist = _imported(tmp_path)
    screener = screening.Screener(watchlist)
    shared = _storage.share(watchlist)
    assert shared is not None
    assert shared.parent == tmp_path / "cache"
    assert shared.name == watchlist.checksum.removeprefix("sha256:") + ".index"

    def refused(cls: type[NameIndex], values: Sequence[ListedValue]) -> NameIndex:
        raise AssertionError("built an index")

    monkeypatch.setattr(NameIndex, "build", classmethod(refused))
    pickled = pickle.dumps(screener)
    assert len(pickled) < 2 * Path(str(watchlist.path)).stat().st_size
    copy = pickle.loads(pickled)
    applicant = screening.Applicant(name="Kim Jong Un")
    assert screener.screen(applicant).to_dict() == copy.screen(applicant).to_dict()
    assert (copy.policy, copy.watchlist.path) == (screener.policy, None)


def test_a_build_is_logged_once_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A saved index that another build of the library wrote is rebuilt, and the log says so,
    once per list in a process; a first build is logged at INFO."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    watchlist = _imported(tmp_path)
    monkeypatch.setattr(_storage, "_logged", set())
    saved = Path(str(watchlist.path) + ".index")
    monkeypatch.setattr(_storage, "code_fingerprint", lambda: "0.0.0+other")
    with caplog.at_level(logging.INFO, logger="screening"):
        screening.Screener(watchlist)
        screening.Screener(watchlist)
    records = [record for record in caplog.records if record.name == "screening._storage"]
    assert 1 == len(records)
    assert logging.WARNING == records[0].levelno
    assert f"the index at {saved} was saved by another build of screening" in records[0].getMessage()
    assert "Kim" not in records[0].getMessage()


def test_screen_many_gives_results_in_input_order(bundled: screening.Watchlist) -> None:
    """Two spawned processes give the results one does, in input order."""
    names = ["Wang Wei", "Kim Kwang Jin", "Danny Wang", "Alex Morgan", "Zhenxing Wang"] * 30
    applicants = [screening.Applicant(name=name) for name in names]
    screener = screening.Screener(bundled)
    serial = [result.to_dict() for result in screener.screen_many(applicants)]
    parallel = [result.to_dict() for result in screener.screen_many(iter(applicants), jobs=2)]
    assert serial == parallel
    assert [result["applicant"]["name"] for result in parallel] == names  # type: ignore[index]


def test_screen_many_raises_in_the_place_of_a_bad_item(bundled: screening.Watchlist) -> None:
    """An item that is no Applicant raises where it stands, after the results before it."""
    screener = screening.Screener(bundled)
    items: list[object] = [screening.Applicant(name="Wang Wei"), "Wang Wei"]
    results = screener.screen_many(items, jobs=2)  # type: ignore[arg-type]
    assert "clear" == next(results).decision.value
    with pytest.raises(TypeError, match="takes an Applicant"):
        next(results)
    with pytest.raises(ValueError, match="jobs must be"):
        list(screener.screen_many([], jobs=-1))


def test_watchlist_index_saves_a_lists_name_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`watchlist index LIST` builds and saves the index of a list made elsewhere; run again,
    it says the index was already saved; a small list needs none."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    listed = tmp_path / "ofac.json"
    assert 0 == main(["watchlist", "import", "ofac", str(SAMPLE), "--output", str(listed), "--no-index"])

    out = io.StringIO()
    assert 0 == main(["watchlist", "index", str(listed)], stdout=out)
    assert "built in" in out.getvalue()
    assert Path(str(listed) + ".index").exists()
    out = io.StringIO()
    assert 0 == main(["watchlist", "index", str(listed)], stdout=out)
    assert f"was already saved: {listed}.index" in out.getvalue()
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 10**6)
    out = io.StringIO()
    assert 0 == main(["watchlist", "index", str(listed)], stdout=out)
    assert "Nothing to do" in out.getvalue()


def test_a_spark_payload_carries_the_index_to_a_worker_without_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the Spark driver ships holds the list's saved index: a worker whose cache folder
    is empty installs it there and prepares the screener without building an index."""
    from screening import spark as screening_spark

    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    monkeypatch.setenv(_storage.CACHE_FOLDER_VARIABLE, str(tmp_path / "driver-cache"))
    screener = screening.Screener(_imported(tmp_path))
    payload = screening_spark._payload(screener, [screener])
    assert [screener.watchlist.checksum] == [checksum for checksum, _ in payload.indexes]
    monkeypatch.setenv(_storage.CACHE_FOLDER_VARIABLE, str(tmp_path / "worker-cache"))

    def refused(cls: type[NameIndex], values: Sequence[ListedValue]) -> NameIndex:
        raise AssertionError("built an index")

    monkeypatch.setattr(NameIndex, "build", classmethod(refused))
    monkeypatch.setattr(screening_spark, "_prepared", {})
    monkeypatch.setattr(_storage, "expect_saved", False)  # the worker sets it
    worker = screening_spark._unpacked(payload)
    assert worker is screening_spark._unpacked(payload)  # prepared once per worker
    assert (tmp_path / "worker-cache" / (screener.watchlist.checksum[7:] + ".index")).exists()
    applicant = screening.Applicant(name="Kim Jong Un")
    assert screener.screen(applicant).to_dict() == worker.screen(applicant).to_dict()
