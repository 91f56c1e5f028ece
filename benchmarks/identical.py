"""Dump every decision, score and evidence sentence of a fixed set of screenings, to check
that a change meant to keep behaviour keeps it byte for byte.

Usage::

    python benchmarks/identical.py CASES [--ofac SDN_DIR --alt ALT_CSV] --output DUMP

The screenings: every case of ``CASES`` (the accuracy cases, ``dev_cases.jsonl``) against the
bundled list and, with ``--ofac``, every spelling-variant a.k.a. query of
``benchmarks/ofac_aliases.py`` against the OFAC list, as written and with the name turned
around ("SURNAME, Given" as "Given SURNAME"; otherwise the last part moved to the front).
Each screening is one line of ``DUMP``: the query, the decision, and each hit's entry, score
(every digit), decision and evidence (feature, method, score, sentence, and each name link's
parts, method, similarity and sentence). The last line printed is the SHA-256 of the dump: run
before and after a change and compare, then ``cmp`` the dumps to find the first difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import screening
from ofac_aliases import _queries
from screening.ofac import import_ofac


def _turned(name: str) -> str:
    """The name in the other usual order."""
    if "," in name:
        family, _, given = name.partition(",")
        return f"{given.strip()} {family.strip()}"
    parts = name.split()
    return " ".join([parts[-1], *parts[:-1]]) if len(parts) > 1 else name


def _line(label: str, result: screening.ScreeningResult) -> str:
    hits = [
        [
            hit.entry.id,
            repr(hit.score),
            hit.decision.value,
            [
                [
                    item.feature,
                    item.method.value,
                    repr(item.score),
                    item.sentence,
                    [
                        [link.applicant, link.listed, link.method.value, repr(link.similarity), link.sentence]
                        for link in item.links
                    ],
                ]
                for item in hit.evidence
            ],
        ]
        for hit in result.hits
    ]
    return json.dumps([label, result.decision.value, hits], ensure_ascii=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--ofac", type=Path, metavar="SDN_DIR")
    parser.add_argument("--alt", type=Path, metavar="ALT_CSV")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    lines = []
    bundled = screening.Screener(screening.load_watchlist())
    with args.cases.open(encoding="utf-8") as stream:
        for row in stream:
            case = json.loads(row)
            applicant = screening.Applicant(**case["applicant"])
            lines.append(_line(case["id"], bundled.screen(applicant)))
    if args.ofac:
        if args.alt is None:
            parser.error("--ofac needs --alt")
        watchlist, _report = import_ofac(args.ofac, read_aliases=False)  # as ofac_aliases.py
        screener = screening.Screener(watchlist, index_cache=False)
        for alias, entry_id in _queries(watchlist, args.alt):
            for label, name in (("as written", alias), ("turned", _turned(alias))):
                result = screener.screen(screening.Applicant(name=name))
                lines.append(_line(f"{entry_id} {label}: {name}", result))
    text = "\n".join(lines) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(f"{len(lines)} screenings written to {args.output}")
    print(f"sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
