"""Import FollowTheMoney entities (one JSON object a line) into a :class:`~screening.Watchlist`.

OpenSanctions publishes every list it collects (the UN, EU, UK, US lists and hundreds more)
as FollowTheMoney entities, one JSON object a line (``id``, ``schema``, ``properties``,
``datasets``, ``target``, ...); its consolidated file is over 2 GB. This importer reads the
file line by line, so memory grows with the entries kept, never with the file:

* ``Person`` entities are persons; ``Organization``, ``Company``, ``LegalEntity`` and
  ``PublicBody`` organizations; ``Vessel`` and ``Airplane`` are skipped and counted (the
  watchlist format has persons, organizations and domains), and so is any other schema that
  names no party (``Address``, ``Ownership``, ...), as "not a party";
* the primary name is the entity's ``caption`` (else its first ``name``); its other
  ``name``, ``alias`` and ``previousName`` values are aliases, ``weakAlias`` weak aliases
  (review at most);
* ``email``, ``phone``, ``website``, ``nationality`` and ``citizenship`` (ISO codes),
  ``birthDate`` (partial dates such as ``1962`` or ``1962-05`` kept as partial) are the
  entry's, each value checked and dropped with a count when it does not validate;
* ``CryptoWallet`` entities add their ``publicKey`` to their ``holder``'s accounts, and
  ``Sanction`` entities their ``program`` to their ``entity``'s programs and their
  ``authority`` to its notes, wherever in the file they come;
* each of the entity's ``datasets`` is a source of the list that the entry cites, and so are
  its ``sourceUrl`` pages (titled by their host) and each ``Sanction`` that names it (titled
  by its program and authority, linked to its ``sourceUrl``).

Options keep only targets (``target: true``: the listed parties, not their relatives or
companies), entities with some ``topics`` (``sanction``, ``debarment``, ``crime``...), or of
some ``datasets``. A line that is no JSON object is skipped and counted with its line number,
never fatal.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs

from screening import accounts, domains, emails, names, phones
from screening._countries import COUNTRY_CODES
from screening._importing import ImportCounts
from screening.exceptions import InputFileError, InvalidIdentifierError
from screening.models import EntryKind, Source, WatchlistEntry, is_partial_date
from screening.watchlist import Watchlist

__all__ = ["FtmImportReport", "import_ftm"]

_PERSONS = frozenset({"Person"})
_ORGANIZATIONS = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})
_CRAFT = frozenset({"Vessel", "Airplane"})


@attrs.define
class FtmImportReport(ImportCounts):
    """What an import of FollowTheMoney entities read, kept and skipped (see
    :class:`~screening._importing.ImportCounts`).

    Attributes:
        lines: lines read (blank lines aside).
        aliases: aliases kept; weak_aliases: weak aliases kept.
        wallets: wallet addresses joined to their holders; sanctions: sanctions joined.
    """

    lines: int = 0
    aliases: int = 0
    weak_aliases: int = 0
    wallets: int = 0
    sanctions: int = 0

    def summary(self) -> str:
        """The report in a few lines for a person."""
        return "\n".join(
            [
                f"Read {self.lines} lines.",
                f"Kept: {self.kept_line()}; {self.aliases} aliases and {self.weak_aliases} weak aliases;"
                f" {self.wallets} wallet addresses and {self.sanctions} sanctions joined to their entries.",
                *self.skipped_lines("lines"),
            ]
        )


@attrs.frozen
class _Filters:
    targets_only: bool
    topics: frozenset[str]
    datasets: frozenset[str]

    def why_not(self, entity: dict[str, object], properties: dict[str, list[str]]) -> str:
        """Why the filters leave the entity out; "" when they keep it."""
        if self.targets_only and entity.get("target") is not True:
            return "not a target"
        if self.topics and not self.topics.intersection(properties.get("topics", ())):
            return "none of the topics"
        found = entity.get("datasets")
        if self.datasets and not (isinstance(found, list) and self.datasets.intersection(map(str, found))):
            return "none of the datasets"
        return ""


def import_ftm(
    path: str | os.PathLike[str],
    *,
    targets_only: bool = False,
    topics: Iterable[str] = (),
    datasets: Iterable[str] = (),
    name: str | None = None,
    version: str | None = None,
) -> tuple[Watchlist, FtmImportReport]:
    """Read FollowTheMoney entities, one JSON object a line, into a watchlist.

    Args:
        path: the file.
        targets_only: keep only entities marked ``"target": true``.
        topics: keep only entities with one of these ``topics`` (none: any).
        datasets: keep only entities of one of these ``datasets`` (none: any).
        name: the list's name (default: the file's name, without ``.json`` or ``.ftm``).
        version: the list's version (default: the latest ``last_change`` of its entries,
            else ``unknown``).

    Raises:
        InputFileError: the file cannot be read, or holds no entity.
    """
    file = Path(path)
    report = FtmImportReport()
    filters = _Filters(targets_only, frozenset(topics), frozenset(datasets))
    entries: dict[str, WatchlistEntry] = {}
    wallets: dict[str, list[str]] = {}
    sanctions: dict[str, list[_Sanction]] = {}
    sources: dict[str, Source] = {}
    latest = ""
    entities = 0
    try:
        with file.open(encoding="utf-8", errors="replace") as stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                report.lines += 1
                try:
                    entity = json.loads(line)
                except json.JSONDecodeError:
                    report.skip("lines that are no JSON", f"line {number}")
                    continue
                properties = entity.get("properties") if isinstance(entity, dict) else None
                schema = entity.get("schema") if isinstance(entity, dict) else None
                if not isinstance(properties, dict) or not isinstance(schema, str) or "id" not in entity:
                    report.skip("lines that are no entity", f"line {number}")
                    continue
                entities += 1
                values = {
                    key: [str(value) for value in found]
                    for key, found in properties.items()
                    if isinstance(found, list)
                }
                if schema == "CryptoWallet":
                    for holder in values.get("holder", ()):
                        wallets.setdefault(holder, []).extend(values.get("publicKey", ()))
                    continue
                if schema == "Sanction":
                    sanction = _Sanction.of(str(entity["id"]), values)
                    for holder in values.get("entity", ()):
                        sanctions.setdefault(holder, []).append(sanction)
                    continue
                if schema in _CRAFT:
                    report.skip(f"{schema.lower()}s", str(entity.get("caption") or entity["id"]))
                    continue
                if schema not in _PERSONS | _ORGANIZATIONS:
                    report.skip("not a party", schema)
                    continue
                why = filters.why_not(entity, values)
                if why:
                    report.skip(why, str(entity.get("caption") or entity["id"]))
                    continue
                entry = _entry(entity, schema, values, report, sources)
                if entry is None:
                    continue
                if not report.keep(entry, entries, "repeated ids", entry.id):
                    continue
                changed = entity.get("last_change")
                if isinstance(changed, str) and changed > latest:
                    latest = changed
    except OSError as error:
        raise InputFileError(f"Cannot read {file}: {error.strerror or error}.") from error
    if not entities:
        raise InputFileError(f"{file}: no FollowTheMoney entity (one JSON object a line) could be read.")
    final = []
    for entry in entries.values():
        joined = sanctions.get(entry.id, [])
        for sanction in joined:
            sources.setdefault(sanction.source.id, sanction.source)
        final.append(_joined(entry, wallets.get(entry.id, ()), joined, report))
    stem = file.name.split(".")[0] or "ftm"
    watchlist = Watchlist(
        name=name or stem,
        version=version or (latest[:10] if latest else "unknown"),
        title=f"FollowTheMoney entities from {file.name}",
        sources=tuple(sources.values()),
        entries=final,
    )
    return watchlist, report


def _entry(
    entity: dict[str, object],
    schema: str,
    values: dict[str, list[str]],
    report: FtmImportReport,
    sources: dict[str, Source],
) -> WatchlistEntry | None:
    entity_id = str(entity["id"])
    caption = entity.get("caption")
    every = [value for key in ("name", "alias", "previousName") for value in values.get(key, ())]
    valid = _distinct(value for value in every if names.is_valid(value))
    primary = caption if isinstance(caption, str) and names.is_valid(caption) else (valid[0] if valid else "")
    if not primary:
        report.skip("no name", entity_id)
        return None
    aliases = _distinct(valid, besides=[primary])
    weak = _distinct(
        (value for value in values.get("weakAlias", ()) if names.is_valid(value)), besides=[primary, *aliases]
    )
    report.aliases += len(aliases)
    report.weak_aliases += len(weak)
    found_datasets = entity.get("datasets")
    cited = [str(dataset) for dataset in found_datasets] if isinstance(found_datasets, list) else []
    for dataset in cited:
        sources.setdefault(dataset, Source(id=dataset, title=f"OpenSanctions dataset {dataset}"))
    for url in dict.fromkeys(values.get("sourceUrl", ())):
        source = _url_source(url)
        sources.setdefault(source.id, source)
        cited.append(source.id)
    return WatchlistEntry(
        id=entity_id,
        kind=EntryKind.PERSON if schema in _PERSONS else EntryKind.ORGANIZATION,
        name=primary,
        aliases=tuple(aliases),
        weak_aliases=tuple(weak),
        emails=tuple(_checked(values.get("email", ()), emails.is_valid, "emails", report)),
        phones=tuple(_phones(values.get("phone", ()), report)),
        domains=tuple(_checked(values.get("website", ()), domains.is_valid, "websites", report)),
        nationalities=tuple(
            _countries(values.get("nationality", []) + values.get("citizenship", []), report)
        ),
        dates_of_birth=tuple(_checked(values.get("birthDate", ()), is_partial_date, "birth dates", report)),
        sources=tuple(dict.fromkeys(cited)),
    )


def _url_source(url: str) -> Source:
    """A source of a web page an entity cites (its ``sourceUrl``): titled by the page's host,
    its id a digest of the address (one source for every entity that cites the page)."""
    host = url.split("//", 1)[-1].split("/", 1)[0] or url
    return Source(id="url-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:12], title=host, url=url)


def _distinct(found: Iterable[str], besides: Iterable[str] = ()) -> list[str]:
    """The names, spaces tidied, each once whatever its case, and none of ``besides``."""
    seen = {" ".join(value.split()).casefold() for value in besides}
    kept: list[str] = []
    for value in found:
        tidy = " ".join(value.split())
        if tidy.casefold() not in seen:
            seen.add(tidy.casefold())
            kept.append(tidy)
    return kept


def _checked(
    found: Iterable[str], valid: Callable[[str], bool], field: str, report: FtmImportReport
) -> list[str]:
    kept: list[str] = []
    for value in found:
        if valid(value):
            if value not in kept:
                kept.append(value)
        else:
            report.skip_value(field, value)
    return kept


def _phones(found: Iterable[str], report: FtmImportReport) -> list[str]:
    kept: list[str] = []
    for value in (part.strip() for written in found for part in written.split(";") if part.strip()):
        try:
            phone = phones.normalize(value)
        except InvalidIdentifierError:
            report.skip_value("phones", value)
            continue
        if phone not in kept:
            kept.append(phone)
    return kept


def _countries(found: Iterable[str], report: FtmImportReport) -> list[str]:
    kept: list[str] = []
    for value in found:
        code = value.upper()
        if code not in COUNTRY_CODES:
            report.skip_value("nationalities", value)
        elif code not in kept:
            kept.append(code)
    return kept


@attrs.frozen
class _Sanction:
    """What a ``Sanction`` entity adds to the entry it names: its programs, its authorities,
    and itself as a source (its program and authority the title, its first URL the link)."""

    programs: tuple[str, ...]
    authorities: tuple[str, ...]
    source: Source

    @classmethod
    def of(cls, sanction_id: str, values: dict[str, list[str]]) -> _Sanction:
        programs, authorities = tuple(values.get("program", ())), tuple(values.get("authority", ()))
        title = "; ".join((*programs, *authorities)) or "a sanction"
        urls = values.get("sourceUrl", []) + values.get("programUrl", [])
        return cls(programs, authorities, Source(id=sanction_id, title=title, url=urls[0] if urls else None))


def _joined(
    entry: WatchlistEntry, keys: Iterable[str], sanctions: Iterable[_Sanction], report: FtmImportReport
) -> WatchlistEntry:
    """The entry with its holder's wallet addresses, and its sanctions' programs, sources and
    (in its notes) authorities."""
    wallets = [key for key in dict.fromkeys(keys) if key not in entry.accounts]
    valid = [key for key in wallets if accounts.is_valid(key)]
    for key in wallets:
        if key not in valid:
            report.skip_value("wallet addresses", key)
    found = list(sanctions)
    report.wallets += len(valid)
    report.sanctions += len(found)
    if not valid and not found:
        return entry
    programs = tuple(dict.fromkeys(program for sanction in found for program in sanction.programs))
    authorities = list(dict.fromkeys(authority for sanction in found for authority in sanction.authorities))
    by = f"Sanctioned by: {', '.join(authorities)}" if authorities else ""
    notes = "; ".join(part for part in (by, entry.notes) if part)
    cited = tuple(dict.fromkeys((*entry.sources, *(sanction.source.id for sanction in found))))
    return attrs.evolve(
        entry, accounts=entry.accounts + tuple(valid), programs=programs, notes=notes, sources=cited
    )
