"""Screen in several processes, in input order: for :meth:`screening.Screener.screen_many`
and the ``batch`` command.

The workers are *spawned* (not forked: safe where the parent has threads, and the same on
Linux, macOS and Windows). Each receives the pickled :class:`~screening.Screener` once, when
it starts: the lists' content, not their paths (see :meth:`Screener.__reduce__`), and
prepares it, reading each list's name index from the cache folder, where the parent has put it
(:func:`screening._storage.share`) so that no worker builds one. Items go to the workers in
chunks, a few chunks per worker in flight, and come back in input order; an item whose work
raises yields its exception in its place, so no item is lost or repeated.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from screening import _storage
from screening.watchlist import Watchlist


class _Screener(Protocol):
    """What is screened with: a :class:`~screening.Screener` (named here by what is used of it,
    as the module that defines it uses this one)."""

    @property
    def watchlists(self) -> tuple[Watchlist, ...]: ...


__all__ = ["CHUNK", "jobs_wanted", "ordered"]

Screener = TypeVar("Screener", bound=_Screener)
Item = TypeVar("Item")
Out = TypeVar("Out")

#: Items handed to a worker at a time.
CHUNK = 64
#: Chunks in flight per worker: enough to keep each busy while the parent reads results.
_AHEAD = 4

#: The screener of a worker process, unpickled once when the worker starts.
_screener: Any = None


def jobs_wanted(jobs: int) -> int:
    """The number of processes ``jobs`` asks for: 0 is one per core.

    Raises:
        ValueError: ``jobs`` is negative.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a whole number of processes, 0 for one per core, not {jobs!r}.")
    return jobs or os.cpu_count() or 1


def _start(pickled: bytes) -> None:
    """Start a worker: leave Ctrl-C (which a terminal sends to every process of the group) to
    the parent, which stops cleanly, and prepare the screener."""
    global _screener
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _storage.expect_saved = True
    _screener = pickle.loads(pickled)


def _run(work: Callable[[Screener, Item], Out], chunk: list[Item]) -> list[Out | BaseException]:
    assert _screener is not None
    return [_attempt(work, _screener, item) for item in chunk]


def _attempt(work: Callable[[Screener, Item], Out], screener: Screener, item: Item) -> Out | BaseException:
    try:
        return work(screener, item)
    except Exception as failed:  # noqa: BLE001 - given back in the item's place
        return failed


def ordered(
    screener: Screener, work: Callable[[Screener, Item], Out], items: Iterable[Item], *, jobs: int
) -> Iterator[Out | BaseException]:
    """``work(screener, item)`` for each item, in input order, in ``jobs`` processes (in this
    one when ``jobs`` is 1); an item whose work raises yields the exception. ``work`` must be
    picklable: a module-level function, or a :func:`functools.partial` of one.

    Raises:
        concurrent.futures.process.BrokenProcessPool: a worker died (killed, out of memory).
    """
    if jobs <= 1:
        for item in items:
            yield _attempt(work, screener, item)
        return
    for watchlist in screener.watchlists:
        _storage.share(watchlist)
    pickled = pickle.dumps(screener, protocol=pickle.HIGHEST_PROTOCOL)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(pickled,))
    try:
        pending: deque[Future[list[Out | BaseException]]] = deque()
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, CHUNK)):
            pending.append(pool.submit(_run, work, chunk))
            if len(pending) >= _AHEAD * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
