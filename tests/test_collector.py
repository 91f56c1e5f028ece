"""Tests of pausing the cyclic garbage collector while lists are read and indexed."""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import screening
from conftest import DATA
from screening._collector import collector_paused
from screening.matching import _prepare
from screening.ofac import import_ofac


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _clear_caches() -> None:
    """Empty every memo of the library's functions, so the next build works everything out."""
    for name, module in list(sys.modules.items()):
        if name == "screening" or name.startswith("screening."):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def test_the_collector_is_back_on_after_a_screener_is_built(collector_on: None) -> None:
    screening.Screener(index_cache=False)
    assert gc.isenabled()


def test_an_application_that_turned_the_collector_off_finds_it_off(collector_on: None) -> None:
    gc.disable()
    screening.Screener(index_cache=False)
    assert not gc.isenabled()


def test_the_collector_is_back_on_after_a_list_fails_to_load(collector_on: None, tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('{"name": "x", "version": "1", "sources": [], "entries": [{"id": 3}]}', encoding="utf-8")
    with pytest.raises(screening.WatchlistError):
        screening.load_watchlist(path)
    assert gc.isenabled()


def _divide_paused(by: int) -> float:
    with collector_paused():
        assert not gc.isenabled()
        return 1 / by


def test_the_collector_is_back_on_after_an_error_in_the_block(collector_on: None) -> None:
    with pytest.raises(ZeroDivisionError):
        _divide_paused(0)
    assert gc.isenabled()


def test_indexing_a_list_leaves_no_reference_cycles(collector_on: None) -> None:
    """With the collector paused, whatever a build leaves in cycles would pile up unfreed."""
    watchlist, _report = import_ofac(DATA / "ofac_sample")
    _clear_caches()
    gc.collect()
    with collector_paused():
        kept = [_prepare(watchlist), _prepare(screening.load_watchlist())]  # alive: not garbage
        assert gc.collect() == 0
        assert kept
