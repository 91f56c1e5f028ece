"""Tests of pausing the cyclic garbage collector while lists are read and indexed."""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import screening
from helpers import DATA
from screening._collector import collector_paused
from screening.matching import _prepare
from screening.ofac import import_ofac


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    gc.unfreeze()  # an in-process `screening batch` freezes what it has prepared
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


def _generation_after_block() -> int:
    """The collector generation that an object made in a block is in once the block ends."""
    with collector_paused():
        made = [[index] for index in range(5000)]
    return next(
        generation for generation in range(3) if any(o is made[0] for o in gc.get_objects(generation))
    )


def test_objects_a_block_leaves_alive_go_to_the_oldest_generation(collector_on: None) -> None:
    """The next young pass does not walk them (a pause of its own after a large build)."""
    gc.collect()
    assert _generation_after_block() == 2


def test_objects_the_application_froze_stay_frozen(collector_on: None) -> None:
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert _generation_after_block() < 2  # no move: it would have unfrozen them
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
