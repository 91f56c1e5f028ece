"""Time the name index build of an OFAC-size list, and the least it could take as designed.

Usage::

    python benchmarks/build_floor.py --ofac SDN_DIR [--alt ALT_CSV]
    python benchmarks/build_floor.py --watchlist PATH

Prints, on one list, in one process (run it on one core: ``taskset -c 0``):

* the time to read the list file (written to a temporary folder first, for ``--ofac``);
* the index build as the ``Screener`` runs it the first time (``NameIndex.build``, the
  cyclic garbage collector paused as the Screener pauses it), with its caches cold;
* the build again with every key of every part and of every joined run worked out
  beforehand (untimed) and handed to it, and the caches of name preparation warm: what
  remains is preparing the names from their cached parts, their shapes and runs, and filing
  each reference under its key. That is a floor: no way of working out keys, however fast,
  makes this design build faster than it.

The first load of a list without a saved index is the list read plus the build; the issue's
target for it is 2 s. Comparing the floor with it tells whether faster key code could reach
the target, or only another design.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import screening
from screening._forms import Part, joined_spans, name_parts
from screening._index import NameIndex, _part_keys
from screening._rules import joined_keys
from screening._storage import listed_values as _listed_values
from screening.models import EntryKind


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    """Run ``action`` with the garbage collector paused; seconds taken and its result."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        result = action()
        return time.perf_counter() - start, result
    finally:
        gc.enable()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ofac", type=Path, help="folder of OFAC's sdn.csv (and sdn_comments.csv)")
    parser.add_argument("--alt", type=Path, help="OFAC alt.csv with the a.k.a. names")
    parser.add_argument("--watchlist", type=Path, help="a watchlist file instead of --ofac")
    args = parser.parse_args()
    if (args.ofac is None) == (args.watchlist is None):
        parser.error("give --ofac or --watchlist")
    with tempfile.TemporaryDirectory() as folder:
        path = args.watchlist
        if args.ofac is not None:
            from screening.ofac import import_ofac

            imported, _report = import_ofac(args.ofac, alt=args.alt)
            path = Path(folder) / "ofac.json"
            path.write_text(json.dumps(imported.to_dict(), ensure_ascii=False), encoding="utf-8")
        read, watchlist = _timed(lambda: screening.load_watchlist(path))
    assert isinstance(watchlist, screening.Watchlist)
    values = _listed_values(watchlist)
    print(f"list: {len(watchlist.entries)} entries, {len(values)} names; read in {read:.2f} s")
    cold, _index = _timed(lambda: NameIndex.build(values))
    print(f"index build, caches cold:  {cold:.2f} s; first load {read + cold:.2f} s (target 2 s)")

    part_keys: dict[tuple[str, tuple[str, ...]], list[tuple[str, bool, int]]] = {}
    run_keys: dict[tuple[str, ...], list[tuple[str, bool]]] = {}
    for entry, _field, value, _weak in values:
        for parts in name_parts(value):
            for part in parts:
                part_keys.setdefault((part.text, part.latin), list(_part_keys(part)))
            for _start, _end, chosen in joined_spans(parts, person=entry.kind is EntryKind.PERSON):
                texts = tuple(part.text for part in chosen)
                if texts not in run_keys:
                    run_keys[texts] = joined_keys(chosen)

    def known_part(part: Part) -> list[tuple[str, bool, int]]:
        return part_keys[part.text, part.latin]

    def known_run(chosen: tuple[Part, ...]) -> list[tuple[str, bool]]:
        return run_keys[tuple(part.text for part in chosen)]

    floor, _index = _timed(lambda: NameIndex.build(values, part_keys=known_part, joined=known_run))
    print(
        f"index build, keys given:   {floor:.2f} s; first load {read + floor:.2f} s"
        f" ({len(part_keys)} parts and {len(run_keys)} joined runs keyed beforehand)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
