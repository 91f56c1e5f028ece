"""Import the US Consolidated Screening List (CSV) into a :class:`~screening.Watchlist`.

The Consolidated Screening List (https://www.trade.gov/consolidated-screening-list) gathers
the export-control and sanctions lists of the Departments of Commerce (the Entity List, the
Denied Persons List, the Unverified List), State (ITAR debarred parties, nonproliferation
sanctions) and the Treasury (SDN and the non-SDN lists) in one CSV file with a header row:
``source``, ``entity_number``, ``type``, ``programs``, ``name``, ``alt_names``,
``nationalities``, ``citizenships``, ``dates_of_birth``, ``source_list_url``, and more.

Each row is an entry that cites its source list (a source of its own per list: ``csl-dpl``
for the Denied Persons List, ``csl-el`` for the Entity List...). ``alt_names`` (``;``-separated)
are aliases; nationalities and citizenships (codes or country names) are nationalities;
dates of birth are kept as ISO dates, year-months or years. Rows of type ``Vessel`` are
skipped and counted. Rows without a type (the Commerce and State lists give none) are
organizations when their name has a legal form, a digit, an acronym in capitals or a word of
organizations' names (``data/organization_words.tsv``), persons otherwise. An entry's id is ``csl-`` and the
list's entity number, or, for the lists without numbers, the list's short name and a
digest of the name and addresses (the same row keeps its id from one version to the next).
Values that do not read are dropped and counted with an example, never guessed.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections import Counter
from pathlib import Path

import attrs

from screening import names
from screening._countries import COUNTRY_CODES, COUNTRY_NAMES
from screening._data import table
from screening._forms import LEGAL_FORMS
from screening._importing import ImportCounts
from screening.exceptions import InputFileError
from screening.models import EntryKind, Source, WatchlistEntry, is_partial_date
from screening.watchlist import Watchlist

__all__ = ["CslImportReport", "import_csl"]

#: Words of organizations' names: an untyped row named with one is an organization.
_ORGANIZATION_WORDS = frozenset(word for (word,) in table("organization_words.tsv"))
_REQUIRED = ("source", "name")
_SHORT_NAME = re.compile(r"\(([A-Z0-9]{2,6})\)")
#: An acronym in capitals, alone or in brackets ("GBNTT", "Gulf Eagle Contracting (GEC)").
_ACRONYM = re.compile(r"^[A-Z]{3,8}$|\([A-Z]{2,8}\)")


@attrs.define
class CslImportReport(ImportCounts):
    """What an import of the Consolidated Screening List read, kept and skipped (see
    :class:`~screening._importing.ImportCounts`).

    Attributes:
        rows: rows read.
        by_list: counts of kept entries by source list.
        aliases: alternative names kept.
    """

    rows: int = 0
    by_list: Counter[str] = attrs.field(factory=Counter)
    aliases: int = 0

    def summary(self) -> str:
        """The report in a few lines for a person."""
        lists = ", ".join(f"{count} {name}" for name, count in sorted(self.by_list.items())) or "none"
        return "\n".join(
            [
                f"Read {self.rows} rows.",
                f"Kept: {self.kept_line()}; {self.aliases} alternative names. By list: {lists}.",
                *self.skipped_lines("rows"),
            ]
        )


def import_csl(
    path: str | os.PathLike[str], *, version: str | None = None
) -> tuple[Watchlist, CslImportReport]:
    """Read the US Consolidated Screening List from its CSV file.

    Args:
        path: the CSV file (with its header row).
        version: the list's version (default: the file's name).

    Raises:
        InputFileError: the file cannot be read or has no ``source`` and ``name`` columns.
    """
    file = Path(path)
    report = CslImportReport()
    entries: dict[str, WatchlistEntry] = {}
    sources: dict[str, Source] = {}
    try:
        with file.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
            reader = csv.DictReader(stream)
            missing = [column for column in _REQUIRED if column not in (reader.fieldnames or ())]
            if missing:
                raise InputFileError(
                    f"{file}: no {' and no '.join(missing)} column:"
                    " is it the Consolidated Screening List's CSV?"
                )
            for row in reader:
                report.rows += 1
                entry = _entry(row, report, sources)
                if entry is None:
                    continue
                if report.keep(entry, entries, "repeated row", entry.name):
                    report.by_list[entry.sources[0]] += 1
    except OSError as error:
        raise InputFileError(f"Cannot read {file}: {error.strerror or error}.") from error
    except csv.Error as error:
        raise InputFileError(f"{file}: not a readable CSV file: {error}.") from error
    watchlist = Watchlist(
        name="us-csl",
        version=version or file.stem,
        title="US Consolidated Screening List",
        sources=tuple(sources.values()),
        entries=entries.values(),
    )
    return watchlist, report


def _cell(row: dict[str, str | None], column: str) -> str:
    return " ".join((row.get(column) or "").split())


def _source(row: dict[str, str | None], sources: dict[str, Source]) -> Source:
    title = _cell(row, "source")
    short = _SHORT_NAME.search(title)
    key = "csl-" + (short.group(1).lower() if short else hashlib.sha256(title.encode()).hexdigest()[:8])
    if key not in sources:
        sources[key] = Source(id=key, title=title, url=_cell(row, "source_list_url") or None)
    return sources[key]


def _kind(name: str, written: str) -> EntryKind | None:
    if written in {"individual"}:
        return EntryKind.PERSON
    if written in {"entity"}:
        return EntryKind.ORGANIZATION
    if written:
        return None
    words = names.tokens(name)
    organization = (
        any(character.isdigit() for character in name)
        or any(word in LEGAL_FORMS or word in _ORGANIZATION_WORDS for word in words)
        or bool(_ACRONYM.search(name))
    )
    return EntryKind.ORGANIZATION if organization else EntryKind.PERSON


def _entry(
    row: dict[str, str | None], report: CslImportReport, sources: dict[str, Source]
) -> WatchlistEntry | None:
    name = _cell(row, "name")
    if not _cell(row, "source"):
        report.skip("no source list", name or "(no name)")
        return None
    if not name or not names.is_valid(name):
        report.skip("no name", _cell(row, "source"))
        return None
    written = _cell(row, "type").casefold()
    kind = _kind(name, written)
    if kind is None:
        report.skip(f"{written} rows", name)
        return None
    source = _source(row, sources)
    number = _cell(row, "entity_number")
    if number:
        entry_id = f"csl-{number}"
    else:
        digest = hashlib.sha256(f"{name}\n{_cell(row, 'addresses')}".encode()).hexdigest()[:12]
        entry_id = f"{source.id}-{digest}"
    aliases = []
    for alias in (part.strip() for part in _cell(row, "alt_names").split(";")):
        if not alias or alias == name or alias in aliases:
            continue
        if names.is_valid(alias):
            aliases.append(alias)
        else:
            report.skip_value("alternative names", alias)
    report.aliases += len(aliases)
    nationalities: list[str] = []
    for column in ("nationalities", "citizenships"):
        for value in (part.strip() for part in re.split(r"[;,]", _cell(row, column))):
            if not value:
                continue
            code = value.upper() if value.upper() in COUNTRY_CODES else COUNTRY_NAMES.get(value.casefold())
            if code is None:
                report.skip_value(column, value)
            elif code not in nationalities:
                nationalities.append(code)
    dates: list[str] = []
    for value in (part.strip() for part in _cell(row, "dates_of_birth").split(";")):
        if not value:
            continue
        if is_partial_date(value):
            if value not in dates:
                dates.append(value)
        else:
            report.skip_value("dates of birth", value)
    notes = "; ".join(
        part
        for part in (
            source.title,
            f"Programs: {_cell(row, 'programs')}" if _cell(row, "programs") else "",
            f"Federal Register: {_cell(row, 'federal_register_notice')}"
            if _cell(row, "federal_register_notice")
            else "",
            f"Listed on {_cell(row, 'start_date')}" if _cell(row, "start_date") else "",
        )
        if part
    )
    return WatchlistEntry(
        id=entry_id,
        kind=kind,
        name=name,
        aliases=tuple(aliases),
        nationalities=tuple(nationalities),
        dates_of_birth=tuple(dates),
        sources=(source.id,),
        notes=notes,
        programs=tuple(part.strip() for part in re.split(r"[;,]", _cell(row, "programs")) if part.strip()),
        reference=number,
    )
