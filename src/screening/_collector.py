"""Pausing Python's cyclic garbage collector while a list is read or indexed."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then restore it as it was.

    Reading a list and building its name index allocate millions of objects that live on
    (names, parts, keys). The collector runs whenever allocations outnumber frees by a few
    hundred, and each of its full passes walks every object alive, so on an OFAC-size list it
    took about a fifth of the build and a third of reading a saved index. The code run inside
    leaves no reference cycles (a test checks), so nothing waits for the collector; what it
    frees, reference counting frees at once.

    When the block ends, the objects it left alive are moved to the collector's oldest
    generation (``gc.freeze()`` then ``gc.unfreeze()``), where they are looked at by the
    next full pass, as long-lived objects are. Left in the youngest generation, every one
    of them would be walked by the next young pass, right after the block (half a second
    after indexing an OFAC-size list), and again by the middle generation's. The move takes
    every object tracked at that moment, the application's too: objects are only moved
    between generations, and any of them that is garbage is still freed, by a full pass.
    An application that froze objects itself (``gc.get_freeze_count()``) keeps them frozen:
    the move is then skipped.

    The collector is process-wide: another thread allocating meanwhile is not collected
    either until the block ends. When the collector was already off (an application's own
    choice), it stays off and nothing is moved.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        gc.enable()
