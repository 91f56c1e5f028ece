"""Import the UN Security Council Consolidated List (XML) into a :class:`~screening.Watchlist`.

The file (``CONSOLIDATED_LIST``, https://scsanctions.un.org/resources/xml/en/consolidated.xml)
holds ``INDIVIDUALS`` and ``ENTITIES``. This importer reads, for each:

* the name: ``FIRST_NAME`` to ``FOURTH_NAME`` joined in that order, as the UN writes them
  (an entity's name is its ``FIRST_NAME``);
* aliases (``INDIVIDUAL_ALIAS``, ``ENTITY_ALIAS``) by quality: ``Good``, ``a.k.a.`` and
  ``f.k.a.`` as aliases, ``Low`` as weak aliases (they bring review, never a match); and
  ``NAME_ORIGINAL_SCRIPT`` as an alias;
* nationalities (``NATIONALITY/VALUE``, country names, to ISO codes);
* dates of birth: ``EXACT`` (a ``DATE`` or a ``YEAR``), ``APPROXIMATELY`` (its ``YEAR``),
  ``BETWEEN`` (each year from ``FROM_YEAR`` to ``TO_YEAR`` when they span 10 years or
  fewer, else the two years);
* the reference number (the entry's ``reference``, and its id is ``un-`` and it), the regime
  (``UN_LIST_TYPE``, its ``programs``), and the date of listing (``LISTED_ON``), all three in
  its notes too.

Values that do not read (a country name the library does not know, a date that is no date)
are dropped and counted, never guessed; a record without a name is skipped and counted. The
file is read element by element (each entry freed once read), with the standard library's
parser, refusing a document type declaration before the root element: the UN file has none,
and entity declarations are how XML bombs expand.

>>> import io
>>> document = b'''<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09Z"><INDIVIDUALS><INDIVIDUAL>
... <FIRST_NAME>ERIC</FIRST_NAME><SECOND_NAME>BADEGE</SECOND_NAME><REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>
... </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>'''
>>> watchlist, report = import_un(io.BytesIO(document))
>>> [(entry.id, entry.name) for entry in watchlist.entries], watchlist.version
([('un-CDi.001', 'ERIC BADEGE')], '2026-02-27')
"""

from __future__ import annotations

import datetime
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

import attrs

from screening import names
from screening._countries import COUNTRY_NAMES
from screening._importing import ImportCounts
from screening.exceptions import InputFileError
from screening.models import EntryKind, Source, WatchlistEntry
from screening.watchlist import Watchlist

__all__ = ["UnImportReport", "import_un"]

_SOURCE = Source(
    id="un-sc",
    title="United Nations Security Council Consolidated List",
    url="https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list",
)
_NAME_FIELDS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
#: Alias qualities kept as aliases; "Low" ones are weak aliases; any other is skipped.
_STRONG_QUALITIES = frozenset({"good", "a.k.a.", "f.k.a.", ""})
_WEAK_QUALITIES = frozenset({"low"})
#: Years a BETWEEN date of birth may span and still be listed year by year.
_YEARS_SPANNED = 10
_YEAR = re.compile(r"\d{4}")


@attrs.define
class UnImportReport(ImportCounts):
    """What an import of the UN list read, kept and skipped (see
    :class:`~screening._importing.ImportCounts`).

    Attributes:
        rows: individuals and entities read.
        aliases: aliases kept (original-script names among them).
        weak_aliases: low-quality aliases kept as weak aliases.
    """

    rows: int = 0
    aliases: int = 0
    weak_aliases: int = 0

    def summary(self) -> str:
        """The report in a few lines for a person."""
        return "\n".join(
            [
                f"Read {self.rows} individuals and entities.",
                f"Kept: {self.kept_line()}; {self.aliases} aliases and {self.weak_aliases} weak aliases.",
                *self.skipped_lines("records"),
            ]
        )


def import_un(
    source: str | os.PathLike[str] | IO[bytes], *, version: str | None = None
) -> tuple[Watchlist, UnImportReport]:
    """Read the UN Security Council Consolidated List from its XML file.

    Args:
        source: the XML file, or a binary stream of it.
        version: the list's version (default: the date the file was generated, else the
            file's name).

    Raises:
        InputFileError: the file cannot be read, is no XML, declares a document type, or is
            no UN consolidated list.
    """
    report = UnImportReport()
    entries: dict[str, WatchlistEntry] = {}
    generated = ""
    try:
        for event, element in _elements(source):
            if event == "start":
                if element.tag != "CONSOLIDATED_LIST":
                    raise InputFileError(
                        f"{_label(source)} is no UN consolidated list (it begins <{element.tag}>)."
                    )
                generated = element.get("dateGenerated", "")[:10]
                continue
            if element.tag not in {"INDIVIDUAL", "ENTITY"}:
                continue
            report.rows += 1
            entry = _entry(element, report)
            element.clear()
            if entry is None:
                continue
            report.keep(entry, entries, "repeated reference number", entry.id)
    except ET.ParseError as error:
        raise InputFileError(f"{_label(source)} is not valid XML: {error}.") from error
    except OSError as error:
        raise InputFileError(f"Cannot read {_label(source)}: {error.strerror or error}.") from error
    if not generated and not entries and report.rows == 0:
        raise InputFileError(f"{_label(source)} is no UN consolidated list: it has no <CONSOLIDATED_LIST>.")
    if version is None:
        version = generated or (Path(source).stem if isinstance(source, (str, os.PathLike)) else "unknown")
    watchlist = Watchlist(
        name="un-sc-consolidated",
        version=version,
        title=_SOURCE.title,
        sources=(_SOURCE,),
        entries=entries.values(),
    )
    return watchlist, report


def _label(source: str | os.PathLike[str] | IO[bytes]) -> str:
    return os.fspath(source) if isinstance(source, (str, os.PathLike)) else "the UN list"


#: A document type declaration, which the UN file never has: entity declarations inside one
#: are how XML bombs expand (the bundled expat limits expansion too).
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _elements(source: str | os.PathLike[str] | IO[bytes]) -> Iterator[tuple[str, ET.Element]]:
    """The file's root as it starts, and each element as it ends, read piece by piece,
    refusing a document type declaration."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    stream = open(source, "rb") if isinstance(source, (str, os.PathLike)) else source  # noqa: SIM115
    root_seen = False
    tail = b""  # the end of the chunk before, for a declaration across two chunks
    try:
        while chunk := stream.read(1 << 16):
            if not root_seen and _DOCTYPE.search(tail + chunk):
                raise ET.ParseError("a document type declaration is not allowed (the UN list has none)")
            tail = chunk[-16:]
            parser.feed(chunk)
            for item in parser.read_events():
                event, element = cast("tuple[str, ET.Element]", item)  # start and end give elements
                if event == "start":
                    if not root_seen:
                        root_seen = True
                        yield "start", element
                    continue
                yield "end", element
        parser.close()
    finally:
        if stream is not source:
            stream.close()


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def _entry(element: ET.Element, report: UnImportReport) -> WatchlistEntry | None:
    kind = EntryKind.PERSON if element.tag == "INDIVIDUAL" else EntryKind.ORGANIZATION
    name = " ".join(part for part in (_text(element, tag) for tag in _NAME_FIELDS) if part)
    reference = _text(element, "REFERENCE_NUMBER") or _text(element, "DATAID")
    if not name or not names.is_valid(name):
        report.skip("no name", reference or "(no reference)")
        return None
    if not reference:
        report.skip("no reference number", name)
        return None
    aliases: list[str] = []
    weak: list[str] = []
    seen = {name.casefold()}
    alias_tag = "INDIVIDUAL_ALIAS" if kind is EntryKind.PERSON else "ENTITY_ALIAS"
    found = [
        (_text(alias, "ALIAS_NAME"), _text(alias, "QUALITY").casefold()) for alias in element.iter(alias_tag)
    ]
    found.append((_text(element, "NAME_ORIGINAL_SCRIPT"), "good"))
    for written, quality in found:
        alias = _unquoted(written)
        if not alias or alias.casefold() in seen:
            continue
        if not names.is_valid(alias):
            report.skip_value("aliases", alias)
            continue
        if quality in _WEAK_QUALITIES:
            weak.append(alias)
        elif quality in _STRONG_QUALITIES:
            aliases.append(alias)
        else:
            report.skip_value("aliases of unknown quality", quality)
            continue
        seen.add(alias.casefold())
    report.aliases += len(aliases)
    report.weak_aliases += len(weak)
    nationalities: list[str] = []
    for value in element.iterfind("NATIONALITY/VALUE"):
        country = " ".join((value.text or "").split())
        if not country:
            continue
        code = COUNTRY_NAMES.get(country.casefold())
        if code is None:
            report.skip_value("nationalities", country)
        elif code not in nationalities:
            nationalities.append(code)
    dates: list[str] = []
    for birth in element.iter("INDIVIDUAL_DATE_OF_BIRTH"):
        for date in _dates_of_birth(birth, report):
            if date not in dates:
                dates.append(date)
    regime, listed_on = _text(element, "UN_LIST_TYPE"), _text(element, "LISTED_ON")
    notes = f"UN reference {reference}" + (f"; regime {regime}" if regime else "")
    notes += f"; listed on {listed_on}" if listed_on else ""
    return WatchlistEntry(
        id=f"un-{reference}",
        kind=kind,
        name=name,
        aliases=tuple(aliases),
        weak_aliases=tuple(weak),
        nationalities=tuple(nationalities),
        dates_of_birth=tuple(dates),
        sources=(_SOURCE.id,),
        notes=notes,
        programs=(regime,) if regime else (),
        reference=reference,
    )


#: Quotation marks the UN writes around a nickname (“Kawa”): the alias is the name inside.
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _unquoted(alias: str) -> str:
    """An alias without the quotation marks around it, when it is wholly quoted."""
    inner = alias.strip(_QUOTES).strip()
    return inner if alias[:1] in _QUOTES and alias[-1:] in _QUOTES and inner else alias


def _dates_of_birth(birth: ET.Element, report: UnImportReport) -> list[str]:
    """The dates of birth one ``INDIVIDUAL_DATE_OF_BIRTH`` gives, as ISO dates or years."""
    kind = _text(birth, "TYPE_OF_DATE").upper()
    date, year = _text(birth, "DATE"), _text(birth, "YEAR")
    if kind == "BETWEEN":
        first, last = _text(birth, "FROM_YEAR"), _text(birth, "TO_YEAR")
        if not (_YEAR.fullmatch(first) and _YEAR.fullmatch(last)) or int(last) < int(first):
            if first or last:
                report.skip_value("dates of birth", f"{first} to {last}")
            return []
        if int(last) - int(first) <= _YEARS_SPANNED:
            return [str(value) for value in range(int(first), int(last) + 1)]
        return [first, last]
    if date:
        day = date[:10]
        try:
            datetime.date.fromisoformat(day)
        except ValueError:
            report.skip_value("dates of birth", date)
            return []
        return [day]
    if year:
        if _YEAR.fullmatch(year):
            return [year]
        report.skip_value("dates of birth", year)
    return []
