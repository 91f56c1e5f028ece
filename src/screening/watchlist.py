"""Watchlists: the format, the loader, and the bundled DOJ list.

A watchlist is one JSON document (the format is documented in ``watchlists/README.md``)::

    {"name": "...", "title": "...", "version": "...",
     "sources": [{"id": "...", "title": "...", "url": "...", "published": "YYYY-MM-DD"}],
     "entries": [{"id": "...", "kind": "person", "name": "...", "aliases": [...], ...}]}

:func:`load_watchlist` reads one and checks all of it before anything is screened: malformed
JSON, unknown or duplicate keys, wrong types, empty names, duplicate entry ids, invalid
domains, emails, phone numbers or country codes, and source ids that the document does not
define are each a :class:`~screening.exceptions.WatchlistError` whose message names the file,
the entry (index and id), the field and the problem. Loading never executes code.

Every watchlist has a content checksum: the SHA-256 of its canonical JSON (keys sorted, no
insignificant white space, every optional field present), so re-indenting a file or omitting
an empty list does not change it, and any change to what is listed does.

>>> wl = load_watchlist()
>>> wl.name, len(wl.entries) > 30, wl.checksum.startswith("sha256:")
('doj-dprk-it-workers', True, True)
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path

import attrs

from screening import accounts, domains, emails, names, phones
from screening._collector import collector_paused
from screening._countries import COUNTRY_CODES
from screening.exceptions import (
    InvalidIdentifierError,
    WatchlistError,
)
from screening.models import EntryKind, Source, WatchlistEntry, is_partial_date

__all__ = [
    "BUNDLED_WATCHLIST",
    "Watchlist",
    "WatchlistChanges",
    "bundled_watchlist_path",
    "load_watchlist",
    "watchlist_changes",
    "watchlist_problems",
    "watchlist_schema",
]

#: File name of the bundled list, shipped inside the package and kept in ``watchlists/``.
BUNDLED_WATCHLIST = "doj-dprk-it-workers.json"

_TOP_LEVEL_KEYS = {"name": True, "title": False, "version": True, "sources": False, "entries": True}
_SOURCE_KEYS = {"id": True, "title": True, "url": False, "published": False}
_ENTRY_KEYS = {
    "id": True,
    "kind": True,
    "name": True,
    "aliases": False,
    "weak_aliases": False,
    "emails": False,
    "phones": False,
    "domains": False,
    "accounts": False,
    "nationalities": False,
    "dates_of_birth": False,
    "sources": False,
    "notes": False,
    "programs": False,
    "reference": False,
}
_LIST_FIELDS = (
    "aliases",
    "weak_aliases",
    "emails",
    "phones",
    "domains",
    "accounts",
    "nationalities",
    "dates_of_birth",
    "sources",
    "programs",
)


def _entry_problems(entry: WatchlistEntry, source_ids: frozenset[str]) -> list[str]:
    """List what is wrong with an entry, each as ``field: problem``."""
    problems: list[str] = []
    if not entry.id.strip():
        problems.append("id: the id is empty")
    listed_names = [("name", entry.name)]
    listed_names += [(f"aliases[{i}]", alias) for i, alias in enumerate(entry.aliases)]
    listed_names += [(f"weak_aliases[{i}]", alias) for i, alias in enumerate(entry.weak_aliases)]
    for where, value in listed_names:
        if names.is_valid(value):
            continue
        try:
            names.tokens(value)  # raises, saying why
        except InvalidIdentifierError as error:
            problems.append(f"{where}: {error}")
    checks = (
        ("emails", emails.normalize),
        ("phones", phones.normalize),
        ("domains", domains.normalize),
        ("accounts", accounts.normalize),
    )
    for field, check in checks:
        for index, value in enumerate(getattr(entry, field)):
            try:
                check(value)
            except InvalidIdentifierError as error:
                problems.append(f"{field}[{index}]: {error}")
    if entry.kind is EntryKind.DOMAIN:
        try:
            domains.normalize(entry.name)
        except InvalidIdentifierError as error:
            problems.append(f"name: a domain entry's name must be its domain; {error}")
    for index, code in enumerate(entry.nationalities):
        if code not in COUNTRY_CODES:
            problems.append(f"nationalities[{index}]: {code!r} is not an uppercase ISO 3166-1 alpha-2 code")
    for index, date in enumerate(entry.dates_of_birth):
        if not is_partial_date(date):
            problems.append(
                f"dates_of_birth[{index}]: {date!r} is not a real date written YYYY-MM-DD, YYYY-MM or YYYY"
            )
    for index, source in enumerate(entry.sources):
        if source not in source_ids:
            problems.append(f"sources[{index}]: {source!r} is not the id of a source in this watchlist")
    return problems


def _check_entries(watchlist: Watchlist, attribute: object, entries: tuple[WatchlistEntry, ...]) -> None:
    source_ids = frozenset(source.id for source in watchlist.sources)
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, WatchlistEntry):
            raise WatchlistError(f"entries[{index}] is a {type(entry).__name__}, not a WatchlistEntry.")
        problems = _entry_problems(entry, source_ids)
        if entry.id in seen:
            problems.insert(0, f"id: the id is already used by entries[{seen[entry.id]}]")
        seen.setdefault(entry.id, index)
        if problems:
            raise WatchlistError(f"entries[{index}] (id {entry.id!r}): {problems[0]}.")


def _entry_tuple(value: Iterable[WatchlistEntry]) -> tuple[WatchlistEntry, ...]:
    return tuple(value)


def _source_tuple(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, cache_hash=True)
class Watchlist:
    """A named, versioned list of parties to screen against.

    Attributes:
        name: short machine-friendly name.
        version: the list's version (often its publication date).
        entries: the listed parties, in file order.
        title: a human title.
        sources: the publications that entries cite.
        path: the file it was loaded from, if any (not part of its identity).
    """

    name: str
    version: str
    entries: tuple[WatchlistEntry, ...] = attrs.field(converter=_entry_tuple, validator=_check_entries)
    title: str = ""
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_source_tuple)
    path: str | None = attrs.field(default=None, eq=False)

    def to_dict(self) -> dict[str, object]:
        """Return the watchlist in its file format, every optional field present."""
        return {
            "name": self.name,
            "title": self.title,
            "version": self.version,
            "sources": [source.to_dict() for source in self.sources],
            "entries": [entry.to_dict() for entry in self.entries],
        }

    @functools.cached_property
    def checksum(self) -> str:
        """``sha256:`` and the hex SHA-256 of the canonical JSON of :meth:`to_dict`."""
        canonical = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        # "surrogatepass": a lone surrogate (a JSON escape the loader accepts) still hashes.
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()

    def __reduce__(self) -> tuple[Callable[..., Watchlist], tuple[object, ...]]:
        """Pickle the list's content, not the file it was loaded from: a process that unpickles
        it (a worker, another machine) finds its saved name index by checksum in its own cache
        folder (see :class:`~screening.Screener`), never at the pickling machine's path."""
        return (_unpickled, (self.name, self.version, self.entries, self.title, self.sources))

    def entry(self, entry_id: str, /) -> WatchlistEntry:
        """Return the entry with this id.

        Raises:
            KeyError: no entry has that id.
        """
        for candidate in self.entries:
            if candidate.id == entry_id:
                return candidate
        raise KeyError(entry_id)


def _unpickled(
    name: str, version: str, entries: tuple[WatchlistEntry, ...], title: str, sources: tuple[Source, ...]
) -> Watchlist:
    return Watchlist(name=name, version=version, entries=entries, title=title, sources=sources)


@attrs.frozen(kw_only=True)
class WatchlistChanges:
    """How a newer version of a list differs from an older one, entry by entry (by id).

    When a list changes, the people already screened need screening only against what it
    adds and changes: :meth:`watchlist` holds those entries. An entry that the new version
    removes cannot bring a hit; a reviewer may want to close the cases it brought.

    Attributes:
        old: the earlier version.
        new: the later version.
        added: the entries of ``new`` whose id ``old`` lacks, in ``new``'s order.
        changed: the entries of ``new`` whose id ``old`` has with other content (any field,
            notes and sources too), as ``new`` has them, in ``new``'s order.
        removed: the entries of ``old`` whose id ``new`` lacks, in ``old``'s order.
    """

    old: Watchlist
    new: Watchlist
    added: tuple[WatchlistEntry, ...]
    changed: tuple[WatchlistEntry, ...]
    removed: tuple[WatchlistEntry, ...]

    @property
    def version(self) -> str:
        """The version of :meth:`watchlist`: the new version, and the old one it is measured from."""
        return f"{self.new.version} (changes since {self.old.version})"

    @property
    def grown(self) -> tuple[WatchlistEntry, ...]:
        """The changed entries that can bring a hit their earlier version did not: they gained
        a name, alias, contact, account, date of birth or nationality, changed kind, or lost a
        date of birth or nationality (which may have held a hit back from a match). An entry
        that only lost names, aliases, contacts or notes brings no new hit; an earlier hit on
        it may no longer stand (see :func:`screening.frames.rescreen_frame`)."""
        earlier = {entry.id: entry for entry in self.old.entries}
        return tuple(entry for entry in self.changed if _grown(earlier[entry.id], entry))

    def watchlist(self, *, grown_only: bool = False) -> Watchlist:
        """The added and changed entries as a list to screen against: the new version's name
        and title, :attr:`version` as its version, the sources those entries cite. With
        ``grown_only``, of the changed entries only those that can bring a new hit
        (:attr:`grown`).

        A hit against it names the list and that version, and has the score the whole new
        version would give it. One rule counts names in the list screened: when an applicant's
        longer name holds a listed name made only of names the list is full of ("Ali Muhammad
        Salih" holding ALI, Muhammad on OFAC's list), the hit is a review, not a match. The
        changes count their own names, so a name common in one may not be in the other (on
        OFAC's changes from 2021 to 2024, 3 of 1,500 listed names screened got another decision
        on a hit: "Sberbank" is common among the changes, not in the whole list).
        """
        rescreened = {entry.id for entry in (*self.added, *(self.grown if grown_only else self.changed))}
        entries = [entry for entry in self.new.entries if entry.id in rescreened]
        cited = {source for entry in entries for source in entry.sources}
        return Watchlist(
            name=self.new.name,
            version=self.version,
            entries=entries,
            title=self.new.title,
            sources=[source for source in self.new.sources if source.id in cited],
        )


#: The entry fields whose new values can bring a hit: the lists of values but the entry's
#: sources and programs.
_HIT_FIELDS = tuple(field for field in _LIST_FIELDS if field not in {"sources", "programs"})


def _grown(old: WatchlistEntry, new: WatchlistEntry) -> bool:
    """Tell whether ``new`` can bring a hit ``old`` could not (see :attr:`WatchlistChanges.grown`)."""
    if new.name != old.name or new.kind is not old.kind:
        return True
    if any(set(getattr(new, field)) - set(getattr(old, field)) for field in _HIT_FIELDS):
        return True
    return bool(
        set(old.dates_of_birth) - set(new.dates_of_birth) or set(old.nationalities) - set(new.nationalities)
    )


def watchlist_changes(old: Watchlist, new: Watchlist, /) -> WatchlistChanges:
    """Compare two versions of one list entry by entry, by id.

    >>> old = load_watchlist()
    >>> entries = [attrs.evolve(old.entries[0], aliases=("Wang Jan",)), *old.entries[2:]]
    >>> changes = watchlist_changes(old, attrs.evolve(old, version="next", entries=entries))
    >>> len(changes.added), [entry.id for entry in changes.changed] == [old.entries[0].id]
    (0, True)
    >>> [entry.id for entry in changes.removed] == [old.entries[1].id]
    True
    >>> changes.watchlist().version == f"next (changes since {old.version})"
    True

    Raises:
        WatchlistError: the two are different lists (their names differ).
    """
    if old.name != new.name:
        raise WatchlistError(
            f"The lists are {old.name!r} and {new.name!r}: changes are measured between two versions"
            " of one list."
        )
    before = {entry.id: entry for entry in old.entries}
    after = {entry.id for entry in new.entries}
    added = tuple(entry for entry in new.entries if entry.id not in before)
    changed = tuple(entry for entry in new.entries if entry.id in before and before[entry.id] != entry)
    removed = tuple(entry for entry in old.entries if entry.id not in after)
    return WatchlistChanges(old=old, new=new, added=added, changed=changed, removed=removed)


def watchlist_schema() -> dict[str, object]:
    """The watchlist file format as a JSON Schema (draft 2020-12), for other tools: the
    fields, their types and which are required. :func:`load_watchlist` checks more (names
    with something to compare, contacts that parse, unique ids, cited sources listed)."""
    text = resources.files("screening").joinpath("data").joinpath("watchlist.schema.json").read_text("utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


def bundled_watchlist_path() -> Path:
    """Return the path of the bundled watchlist file.

    Installed, the list sits inside the package; in a source checkout (an editable
    install), it is read from the project's ``watchlists/`` folder.
    """
    packaged = resources.files("screening").joinpath("watchlists").joinpath(BUNDLED_WATCHLIST)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "watchlists" / BUNDLED_WATCHLIST


def _reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


class _DuplicateKeyError(Exception):
    """A JSON object repeats a key (internal: turned into a WatchlistError)."""


def _check_keys(mapping: Mapping[str, object], allowed: Mapping[str, bool], where: str) -> None:
    for key in mapping:
        if key not in allowed:
            known = ", ".join(allowed)
            raise WatchlistError(f"{where}: unknown field {key!r}; the fields are {known}.")
    for key, required in allowed.items():
        if required and key not in mapping:
            raise WatchlistError(f"{where}: the required field {key!r} is missing.")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(value: str, label: str, where: str) -> None:
    """Refuse a lone surrogate: JSON can escape half of a character, which is no text."""
    found = _SURROGATE.search(value)
    if found:
        raise WatchlistError(
            f"{where}: {label} holds U+{ord(found.group()):04X}, half of a character (a lone"
            " surrogate escape), which is not text."
        )


def _string(mapping: Mapping[str, object], key: str, where: str, *, required: bool) -> str | None:
    value = mapping.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise WatchlistError(f"{where}: {key} must be a string, not {_json_type(value)}.")
    if required and not value.strip():
        raise WatchlistError(f"{where}: {key} is empty.")
    _check_text(value, key, where)
    return value


def _strings(mapping: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    value = mapping.get(key, [])
    if not isinstance(value, list):
        raise WatchlistError(f"{where}: {key} must be a list of strings, not {_json_type(value)}.")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise WatchlistError(f"{where}: {key}[{index}] must be a string, not {_json_type(item)}.")
        if not item.strip():
            raise WatchlistError(f"{where}: {key}[{index}] is empty.")
        _check_text(item, f"{key}[{index}]", where)
    return tuple(value)


def _json_type(value: object) -> str:
    names_of = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true or false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names_of.get(type(value), type(value).__name__)


def _parse_entry(raw: object, index: int) -> WatchlistEntry:
    if not isinstance(raw, dict):
        raise WatchlistError(f"entries[{index}]: an entry must be an object, not {_json_type(raw)}.")
    entry_id = raw.get("id")
    where = f"entries[{index}]" + (f" (id {entry_id!r})" if isinstance(entry_id, str) else "")
    _check_keys(raw, _ENTRY_KEYS, where)
    kind = _string(raw, "kind", where, required=True)
    if kind not in {member.value for member in EntryKind}:
        kinds = ", ".join(repr(member.value) for member in EntryKind)
        raise WatchlistError(f"{where}: kind {kind!r} is not one of {kinds}.")
    lists = {field: _strings(raw, field, where) for field in _LIST_FIELDS}
    return WatchlistEntry(
        id=_string(raw, "id", where, required=True) or "",
        kind=EntryKind(kind),
        name=_string(raw, "name", where, required=True) or "",
        notes=_string(raw, "notes", where, required=False) or "",
        reference=_string(raw, "reference", where, required=False) or "",
        **lists,
    )


def _parse_source(raw: object, index: int) -> Source:
    if not isinstance(raw, dict):
        raise WatchlistError(f"sources[{index}]: a source must be an object, not {_json_type(raw)}.")
    where = f"sources[{index}]"
    _check_keys(raw, _SOURCE_KEYS, where)
    return Source(
        id=_string(raw, "id", where, required=True) or "",
        title=_string(raw, "title", where, required=True) or "",
        url=_string(raw, "url", where, required=False),
        published=_string(raw, "published", where, required=False),
    )


def _top_level(document: object) -> tuple[dict[str, object], list[object], list[object]]:
    """A decoded watchlist document as an object, and its raw sources and entries, once its
    top level is checked (an object of the known fields, its lists lists).

    Raises:
        WatchlistError: the top level breaks the format.
    """
    if not isinstance(document, dict):
        raise WatchlistError(f"A watchlist must be a JSON object, not {_json_type(document)}.")
    _check_keys(document, _TOP_LEVEL_KEYS, "the watchlist")
    raw_sources, raw_entries = document.get("sources", []), document["entries"]
    if not isinstance(raw_sources, list):
        raise WatchlistError(f"sources must be a list, not {_json_type(raw_sources)}.")
    if not isinstance(raw_entries, list):
        raise WatchlistError(f"entries must be a list, not {_json_type(raw_entries)}.")
    return document, raw_sources, raw_entries


def parse_watchlist(document: object, *, path: str | None = None) -> Watchlist:
    """Build a :class:`Watchlist` from a decoded JSON document.

    Raises:
        WatchlistError: the document breaks the format; the message says where.
    """
    document, raw_sources, raw_entries = _top_level(document)
    sources = tuple(_parse_source(raw, index) for index, raw in enumerate(raw_sources))
    seen_sources: set[str] = set()
    for index, source in enumerate(sources):
        if source.id in seen_sources:
            raise WatchlistError(f"sources[{index}]: the id {source.id!r} is used twice.")
        seen_sources.add(source.id)
    return Watchlist(
        name=_string(document, "name", "the watchlist", required=True) or "",
        title=_string(document, "title", "the watchlist", required=False) or "",
        version=_string(document, "version", "the watchlist", required=True) or "",
        sources=sources,
        entries=tuple(_parse_entry(raw, index) for index, raw in enumerate(raw_entries)),
        path=path,
    )


def watchlist_problems(path: str | os.PathLike[str], /) -> list[str]:
    """Every problem of a watchlist file, not only the first that :func:`load_watchlist`
    raises: each as ``FILE:LINE:COLUMN: where: problem`` (the line and column of the entry or
    source at fault, else of the document); an empty list for a valid file.

    An entry or source is checked whole: each of its problems is listed. A file that is no
    JSON, or whose top level breaks the format, has that one problem.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [f"{file}: the watchlist cannot be read: {error}."]
    try:
        document = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as error:
        return [f"{file}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}."]
    except _DuplicateKeyError as error:
        return [f"{file}: an object repeats the key {error.args[0]!r}."]
    try:
        document, raw_sources, raw_entries = _top_level(document)
        for key in ("name", "version"):
            _string(document, key, "the watchlist", required=True)
        _string(document, "title", "the watchlist", required=False)
    except WatchlistError as error:
        return [f"{file}:1:1: {error}"]
    places = _element_places(text)
    problems: list[str] = []

    def at(key: str, index: int) -> str:
        line, column = places.get((key, index), (1, 1))
        return f"{file}:{line}:{column}"

    source_ids: set[str] = set()
    for index, raw in enumerate(raw_sources):
        try:
            source = _parse_source(raw, index)
        except WatchlistError as error:
            problems.append(f"{at('sources', index)}: {error}")
            continue
        if source.id in source_ids:
            problems.append(f"{at('sources', index)}: sources[{index}]: the id {source.id!r} is used twice.")
        source_ids.add(source.id)
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        try:
            entry = _parse_entry(raw, index)
        except WatchlistError as error:
            problems.append(f"{at('entries', index)}: {error}")
            continue
        found = _entry_problems(entry, frozenset(source_ids))
        if entry.id in seen:
            found.insert(0, f"id: the id is already used by entries[{seen[entry.id]}]")
        seen.setdefault(entry.id, index)
        where = f"{at('entries', index)}: entries[{index}] (id {entry.id!r})"
        problems += [f"{where}: {problem.rstrip('.')}." for problem in found]
    return problems


def _element_places(text: str) -> dict[tuple[str, int], tuple[int, int]]:
    """Where each element of the top-level ``sources`` and ``entries`` lists begins: (key,
    index) to (line, column), read from a document already known to be valid JSON."""
    decoder = json.JSONDecoder()
    places: dict[tuple[str, int], tuple[int, int]] = {}

    def skip(position: int) -> int:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        return position

    def place(position: int) -> tuple[int, int]:
        return text.count("\n", 0, position) + 1, position - text.rfind("\n", 0, position)

    position = skip(text.find("{") + 1)
    while position < len(text) and text[position] == '"':
        key, position = json.decoder.scanstring(text, position + 1)  # type: ignore[attr-defined]
        position = skip(skip(position) + 1)  # past the colon
        if key in {"sources", "entries"} and text[position] == "[":
            position = skip(position + 1)
            index = 0
            while text[position] != "]":
                places[(key, index)] = place(position)
                _value, position = decoder.raw_decode(text, position)
                position = skip(position)
                if text[position] == ",":
                    position = skip(position + 1)
                index += 1
            position += 1
        else:
            _value, position = decoder.raw_decode(text, position)
        position = skip(position)
        if position < len(text) and text[position] == ",":
            position = skip(position + 1)
    return places


def load_watchlist(path: str | os.PathLike[str] | None = None, /) -> Watchlist:
    """Load and check a watchlist file; without a path, the bundled DOJ list.

    Args:
        path: a JSON file in the watchlist format.

    Returns:
        The watchlist, every value checked.

    Raises:
        WatchlistError: the file cannot be read, is not JSON, or breaks the format; the
            message starts with the file's path and says where and what.
    """
    file = bundled_watchlist_path() if path is None else Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise WatchlistError(f"{file}: no such watchlist file.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise WatchlistError(f"{file}: the watchlist cannot be read: {error}.") from error
    with collector_paused():
        return _parse_file(file, text)


def _parse_file(file: Path, text: str) -> Watchlist:
    """Decode and check a watchlist file's text; errors name the file and, for an entry, its
    line and column."""
    try:
        document = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as error:
        raise WatchlistError(f"{file}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}.") from error
    except _DuplicateKeyError as error:
        raise WatchlistError(f"{file}: an object repeats the key {error.args[0]!r}.") from error
    try:
        return parse_watchlist(document, path=str(file))
    except WatchlistError as error:
        found = _ENTRY_REFERENCE.match(str(error))
        positions = _entry_positions(text) if found else []
        index = int(found.group(1)) if found else -1
        where = (
            f"{file}:{positions[index][0]}:{positions[index][1]}"
            if 0 <= index < len(positions)
            else f"{file}"
        )
        raise WatchlistError(f"{where}: {error}") from error


_ENTRY_REFERENCE = re.compile(r"entries\[(\d+)\]")


def _entry_positions(text: str) -> list[tuple[int, int]]:
    """Line and column where each element of the top-level ``entries`` array starts.

    Walks the top-level object with the JSON decoder, so that a key spelled "entries" inside a
    string elsewhere cannot mislead it. Returns [] when the text is not such an object.
    """
    decoder = json.JSONDecoder()

    def skip(position: int) -> int:
        while position < len(text) and text[position] in " \t\r\n,:":
            position += 1
        return position

    def line_and_column(position: int) -> tuple[int, int]:
        line = text.count("\n", 0, position) + 1
        return line, position - (text.rfind("\n", 0, position) + 1) + 1

    try:
        position = skip(text.index("{") + 1)
        while position < len(text) and text[position] != "}":
            key, position = decoder.raw_decode(text, position)
            position = skip(position)
            if key != "entries" or text[position] != "[":
                _value, position = decoder.raw_decode(text, position)
                position = skip(position)
                continue
            starts = []
            position = skip(position + 1)
            while position < len(text) and text[position] != "]":
                starts.append(line_and_column(position))
                _value, position = decoder.raw_decode(text, position)
                position = skip(position)
            return starts
    except (ValueError, IndexError):
        return []
    return []
