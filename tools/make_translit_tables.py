"""Regenerate the derived data tables in src/screening/translit/data/.

Usage::

    python tools/make_translit_tables.py UNIHAN_DIR CONFUSABLES_JSON

UNIHAN_DIR holds ``Unihan_Readings.txt.bz2`` and ``Unihan_Variants.txt.bz2`` (Debian's
``unicode-data`` package installs them in /usr/share/unicode). CONFUSABLES_JSON is the
``confusables.json`` that the ``confusable-homoglyphs`` package ships, derived from Unicode's
UTS #39 ``confusables.txt``. Writes ``hanja_hangul.tsv`` and ``confusables.tsv``.
"""

from __future__ import annotations

import bz2
import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "screening" / "translit" / "data"


def unihan(path: Path, field: str) -> dict[str, str]:
    values = {}
    with bz2.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("#") or not line.strip():
                continue
            code, name, value = line.rstrip("\n").split("\t")
            if name == field:
                values[chr(int(code[2:], 16))] = value
    return values


def main() -> int:
    unihan_dir, confusables_json = Path(sys.argv[1]), Path(sys.argv[2])
    hangul = unihan(unihan_dir / "Unihan_Readings.txt.bz2", "kHangul")
    traditional = unihan(unihan_dir / "Unihan_Variants.txt.bz2", "kTraditionalVariant")
    readings: dict[str, list[str]] = {}
    for char, value in hangul.items():
        readings[char] = [item.split(":")[0] for item in value.split()]
    # Simplified characters lack kHangul; read them through their traditional variants.
    for char, value in traditional.items():
        if char in readings:
            continue
        found: list[str] = []
        for variant in value.split():
            for reading in readings.get(chr(int(variant[2:].split("<")[0], 16)), []):
                if reading not in found:
                    found.append(reading)
        if found:
            readings[char] = found
    with (OUT / "hanja_hangul.tsv").open("w", encoding="utf-8") as out:
        out.write("# character\tKorean readings (Hangul), most usual first\n")
        out.write(
            "# Source: Unicode Unihan database 15.0, kHangul, simplified forms through kTraditionalVariant.\n"
        )
        for char in sorted(readings):
            out.write(f"{char}\t{' '.join(readings[char])}\n")

    data = json.loads(confusables_json.read_text(encoding="utf-8"))
    rows = []
    for char, targets in data.items():
        if len(char) != 1 or char.isascii():
            continue
        latin = [t["c"] for t in targets if len(t["c"]) == 1 and t["c"].isascii() and t["c"].isalpha()]
        if latin:
            rows.append((char, latin[0].lower(), unicodedata.name(char, "?")))
    with (OUT / "confusables.tsv").open("w", encoding="utf-8") as out:
        out.write("# character\tLatin letter it is confusable with\tcharacter name\n")
        out.write("# Source: Unicode UTS #39 confusables.txt, as shipped by confusable-homoglyphs 3.3.1.\n")
        for char, letter, name in sorted(rows):
            out.write(f"{char}\t{letter}\t{name}\n")
    print(f"{len(readings)} Hanja readings, {len(rows)} confusables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
