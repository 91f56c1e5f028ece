"""Import the OFAC SDN list from its legacy CSV files into a :class:`~screening.Watchlist`.

OFAC publishes the Specially Designated Nationals list as four CSV files without headers:

* ``sdn.csv``: ``ent_num, name, type, program, title, call_sign, vess_type, tonnage, grt,
  vess_flag, vess_owner, remarks``; ``type`` is ``individual``, ``vessel``, ``aircraft`` or
  ``-0-`` (an organization); persons are named ``"SURNAME, Given Names"``;
* ``alt.csv``: ``ent_num, alt_num, alt_type, alt_name, alt_remarks``, the a.k.a. names;
* ``sdn_comments.csv``: ``ent_num, remarks`` where a long remarks field spilled over;
* ``add.csv``: addresses (not imported: an address is not screened).

``-0-`` marks an empty field. Remarks are ``;``-separated facts; this importer reads
``DOB``, ``nationality``, ``Citizen``, ``Website``, ``Email Address``, ``Phone Number``,
``Digital Currency Address`` (when its format has a checksum screening verifies) and weak
aliases (``a.k.a. 'NAME'``: OFAC lists weak aliases only in remarks). Values that do not
validate (an email without a domain, a phone number that is not possible, a Monero address)
are skipped and counted, never guessed. Vessels and aircraft are skipped and counted: the watchlist format has
persons, organizations and domains. Alias rows whose entry the ``sdn.csv`` lacks (a newer
``alt.csv`` beside an older ``sdn.csv``) are counted and reported, not fatal.

>>> report = ImportReport()
>>> _dates_of_birth("DOB 15 Jun 1970", report), _dates_of_birth("DOB circa 1960", report)
(['1970-06-15'], ['1960'])
"""

from __future__ import annotations

import csv
import datetime
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from screening import accounts, domains, emails, names, phones
from screening._countries import COUNTRY_NAMES
from screening._importing import ImportCounts
from screening.exceptions import InputFileError, InvalidIdentifierError
from screening.models import EntryKind, Source, WatchlistEntry
from screening.watchlist import Watchlist

__all__ = ["ImportReport", "import_ofac"]

_EMPTY = "-0-"
_MONTHS = {
    month: number
    for number, month in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_WEAK_ALIAS = re.compile(r"a\.k\.a\.,?\s*'([^']+)'", re.IGNORECASE)
_DATE = re.compile(r"\b(?:(\d{1,2}) )?(?:\b([A-Za-z]{3}) )?(\d{4})\b")
_SOURCE = Source(
    id="ofac-sdn",
    title="U.S. Treasury OFAC Specially Designated Nationals and Blocked Persons List (legacy CSV)",
    url="https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists",
)

_CONSOLIDATED_SOURCE = Source(
    id="ofac-consolidated",
    title="U.S. Treasury OFAC Consolidated Sanctions List (non-SDN lists, legacy CSV)",
    url="https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists",
)
#: The files of each OFAC list: primary names, a.k.a. names, remarks spilled over.
_FILES = {
    "sdn": ("sdn.csv", "alt.csv", "sdn_comments.csv"),
    "consolidated": ("cons_prim.csv", "cons_alt.csv", "cons_comments.csv"),
}


@attrs.define
class ImportReport(ImportCounts):
    """What an import of OFAC's files read, kept and skipped (see
    :class:`~screening._importing.ImportCounts`: entries skipped by reason, vessel, aircraft or
    no usable name; remark values dropped by field).

    Attributes:
        rows: entries read from ``sdn.csv`` (``cons_prim.csv`` for the non-SDN lists).
        aliases: a.k.a. names kept from ``alt.csv``; weak_aliases: weak aliases from remarks.
        dangling_aliases: alias rows whose entry ``sdn.csv`` lacks.
        primary: the primary file read.
    """

    rows: int = 0
    aliases: int = 0
    weak_aliases: int = 0
    dangling_aliases: int = 0
    primary: str = "sdn.csv"

    def summary(self) -> str:
        """The report in a few lines for a person."""
        return "\n".join(
            [
                f"Read {self.rows} entries from {self.primary}.",
                f"Kept: {self.kept_line()}; {self.aliases} a.k.a. names and"
                f" {self.weak_aliases} weak aliases.",
                f"Alias rows for entries {self.primary} lacks: {self.dangling_aliases}.",
                *self.skipped_lines("entries"),
            ]
        )


def _cell(value: str) -> str:
    value = value.strip()
    return "" if value == _EMPTY else value


def _rows(path: Path) -> Iterator[list[str]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8", errors="replace", newline="") as stream:
        for row in csv.reader(stream):
            if len(row) >= 2 and row[0].strip().isdigit():
                yield row


def _dates_of_birth(remark: str, report: ImportReport) -> list[str]:
    """``DOB 15 Jun 1970``, ``DOB Jun 1970``, ``DOB 1970``, ``circa``, ranges: ISO partial dates."""
    found = []
    for day, month, year in _DATE.findall(remark):
        text = year
        if month:
            number = _MONTHS.get(month.casefold())
            if number is None:
                report.skip_value("dates of birth", remark)
                continue
            text += f"-{number:02d}"
            if day:
                try:
                    datetime.date(int(year), number, int(day))
                except ValueError:
                    report.skip_value("dates of birth", remark)
                    continue
                text += f"-{int(day):02d}"
        found.append(text)
    if " to " in remark and len(found) == 2 and found[0][:4] != found[1][:4]:
        # A range of years: list each year it spans.
        first, last = int(found[0][:4]), int(found[1][:4])
        found = [str(year) for year in range(first, last + 1)] if last - first <= 10 else found
    return found


def _country(text: str) -> str | None:
    text = text.strip().rstrip(".").casefold()
    text = text.removeprefix("possibly ")
    return COUNTRY_NAMES.get(text)


def _phone(value: str) -> str | None:
    digits = value.strip().rstrip(".")
    candidate = digits if digits.startswith("+") else "+" + re.sub(r"\D", "", digits)
    try:
        phones.normalize(candidate)
    except InvalidIdentifierError:
        return None
    return candidate


def _entry_from(
    row: list[str], remarks: str, report: ImportReport, source: Source = _SOURCE
) -> WatchlistEntry | None:
    ent_num, name = row[0].strip(), _cell(row[1])
    kind_cell = _cell(row[2]).casefold() if len(row) > 2 else ""
    if kind_cell in {"vessel", "aircraft"}:
        report.skip(kind_cell, name)
        return None
    if not names.is_valid(name):
        report.skip("no usable name", f"entry {ent_num}")
        return None
    kind = EntryKind.PERSON if kind_cell == "individual" else EntryKind.ORGANIZATION
    fields: dict[str, list[str]] = {
        "weak_aliases": [],
        "emails": [],
        "phones": [],
        "domains": [],
        "accounts": [],
        "nationalities": [],
        "dates_of_birth": [],
    }
    for remark in (part.strip() for part in remarks.split(";")):
        remark = remark.removeprefix("alt. ")  # "alt. Website ...": a further value of the field
        lowered = remark.casefold()
        for weak in _WEAK_ALIAS.findall(remark):
            if names.is_valid(weak):
                fields["weak_aliases"].append(weak.strip())
        if lowered.startswith("dob "):
            fields["dates_of_birth"] += _dates_of_birth(remark[4:], report)
        elif lowered.startswith(("nationality ", "citizen ")):
            code = _country(remark.split(" ", 1)[1])
            if code:
                fields["nationalities"].append(code)
            else:
                report.skip_value("nationalities", remark)
        elif lowered.startswith("website "):
            value = remark[8:].strip().rstrip(".")
            if domains.is_valid(value):
                fields["domains"].append(value)
            else:
                report.skip_value("websites", value)
        elif lowered.startswith("email address "):
            value = remark[14:].strip().rstrip(".")
            if emails.is_valid(value):
                fields["emails"].append(value)
            else:
                report.skip_value("email addresses", value)
        elif lowered.startswith("phone number "):
            phone = _phone(remark[13:])
            if phone:
                fields["phones"].append(phone)
            else:
                report.skip_value("phone numbers", remark)
        elif lowered.startswith("digital currency address"):
            address = remark.rsplit(" ", 1)[-1].rstrip(".")
            if accounts.is_valid(address):
                fields["accounts"].append(address)
            else:
                report.skip_value("digital currency addresses (no checksum format screening knows)", address)
    report.weak_aliases += len(fields["weak_aliases"])
    report.kept[kind.value] += 1
    title = _cell(row[4]) if len(row) > 4 else ""
    programs = tuple(part.strip("[] ") for part in (_cell(row[3]) if len(row) > 3 else "").split("] ["))
    listed: dict[str, Any] = {key: tuple(dict.fromkeys(values)) for key, values in fields.items()}
    return WatchlistEntry(
        id=f"ofac-{ent_num}",
        kind=kind,
        name=name,
        notes=title,
        sources=(source.id,),
        programs=tuple(program for program in programs if program),
        reference=ent_num,
        **listed,
    )


def import_ofac(
    directory: str | os.PathLike[str],
    /,
    *,
    sdn: str | os.PathLike[str] | None = None,
    alt: str | os.PathLike[str] | None = None,
    comments: str | os.PathLike[str] | None = None,
    version: str | None = None,
    read_aliases: bool = True,
) -> tuple[Watchlist, ImportReport]:
    """Read OFAC's legacy CSV files into a watchlist.

    Args:
        directory: the folder with ``sdn.csv`` and, when present, ``alt.csv`` and
            ``sdn_comments.csv``; or, for OFAC's Consolidated (non-SDN) lists, the folder with
            ``cons_prim.csv``, ``cons_alt.csv`` and ``cons_comments.csv`` in the same layout
            (read when there is no ``sdn.csv``).
        sdn: another ``sdn.csv`` path (default: in ``directory``).
        alt: another ``alt.csv`` path (default: in ``directory``, if there).
        comments: another ``sdn_comments.csv`` path (default: in ``directory``, if there).
        version: the list's version (default: the directory's name).
        read_aliases: read ``alt.csv`` (default); False keeps primary names and weak aliases.

    Returns:
        The watchlist, named ``ofac-sdn`` (``ofac-consolidated`` for the non-SDN files, whose
        entries cite that list), and the report of what was read, kept and skipped.

    Raises:
        InputFileError: there is no ``sdn.csv``, or it has no entry.
    """
    folder = Path(directory)
    files = _FILES["sdn"]
    if not sdn and not (folder / "sdn.csv").is_file() and (folder / _FILES["consolidated"][0]).is_file():
        files = _FILES["consolidated"]
    primary, alias_file, comment_file = files
    source = _CONSOLIDATED_SOURCE if files is _FILES["consolidated"] else _SOURCE
    sdn_path = Path(sdn) if sdn else folder / primary
    if not sdn_path.is_file():
        raise InputFileError(
            f"{sdn_path}: no such file; an OFAC import needs sdn.csv"
            " (or cons_prim.csv, for the non-SDN lists)."
        )
    report = ImportReport(primary=sdn_path.name)
    spill: dict[str, str] = {}
    for row in _rows(Path(comments) if comments else folder / comment_file):
        spill[row[0].strip()] = spill.get(row[0].strip(), "") + _cell(row[1])
    entries: dict[str, WatchlistEntry] = {}
    skipped: set[str] = set()
    for row in _rows(sdn_path):
        report.rows += 1
        remarks = (_cell(row[11]) if len(row) > 11 else "") + spill.get(row[0].strip(), "")
        entry = _entry_from(row, remarks, report, source)
        if entry is None:
            skipped.add(row[0].strip())
        else:
            entries[row[0].strip()] = entry
    if not report.rows:
        raise InputFileError(f"{sdn_path}: no OFAC entry could be read.")
    aliases: dict[str, list[str]] = {}
    alias_rows = _rows(Path(alt) if alt else folder / alias_file) if read_aliases else iter(())
    for row in alias_rows:
        ent_num = row[0].strip()
        alias = _cell(row[3]) if len(row) > 3 else ""
        if ent_num in skipped:
            continue
        if ent_num not in entries:
            report.dangling_aliases += 1
            continue
        if names.is_valid(alias) and alias != entries[ent_num].name:
            aliases.setdefault(ent_num, []).append(alias)
    final = []
    for ent_num, entry in entries.items():
        extra = tuple(dict.fromkeys(aliases.get(ent_num, ())))
        report.aliases += len(extra)
        final.append(attrs.evolve(entry, aliases=extra) if extra else entry)
    consolidated = source is _CONSOLIDATED_SOURCE
    watchlist = Watchlist(
        name="ofac-consolidated" if consolidated else "ofac-sdn",
        title=(
            "OFAC Consolidated Sanctions List (non-SDN lists)"
            if consolidated
            else "OFAC Specially Designated Nationals and Blocked Persons List"
        ),
        version=version or folder.resolve().name,
        sources=(source,),
        entries=final,
    )
    return watchlist, report
