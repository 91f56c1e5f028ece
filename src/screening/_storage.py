"""Where a list's name index is kept, and how it is written and read.

Building the name index of an OFAC-size list takes seconds; reading a saved one, a fraction of
that. A list loaded from a file keeps its index beside the file (``LIST.json.index``); a list
built in code, or one whose folder cannot be written, keeps it in the cache folder
(:func:`cache_folder`), named by the list's checksum, where the :data:`CACHE_FOLDER_KEPT` most
recently used are kept. Lists of fewer than :data:`CACHE_MIN_NAMES` names are indexed afresh.

A saved index is read only for the list it was saved for (checksum and number of names), by
the code that wrote it (:func:`code_fingerprint`) on a machine of the same byte order, and only
when the SHA-256 digest of everything after its header matches; any other file is ignored and
the index is rebuilt. The file: a header line (JSON, padded to a fixed length), a JSON body
written in pieces so that it is never held whole, then arrays of 64-bit numbers. Nothing in it
runs code when read.
"""

from __future__ import annotations

import array
import contextlib
import functools
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Protocol

from screening._index import ListedValue, NameIndex
from screening._version import __version__
from screening.models import EntryKind

if TYPE_CHECKING:
    from screening.watchlist import Watchlist

__all__ = [
    "CACHE_FOLDER_KEPT",
    "CACHE_FOLDER_VARIABLE",
    "CACHE_MIN_NAMES",
    "CACHE_SUFFIX",
    "cache_folder",
    "cache_path",
    "code_fingerprint",
    "index_cache_path",
    "install",
    "listed_values",
    "load",
    "name_index",
    "needs_index_build",
    "save",
    "saved_for",
    "saved_index_path",
    "share",
    "written_here",
]

_logger = logging.getLogger(__name__)

#: Lists with fewer listed names than this build their index faster than they would read it.
CACHE_MIN_NAMES = 1000
#: What a saved index's file name adds to the list file's name.
CACHE_SUFFIX = ".index"
#: The environment variable that names the cache folder (see :func:`cache_folder`).
CACHE_FOLDER_VARIABLE = "SCREENING_CACHE_DIR"
#: Saved indexes kept in the cache folder; the least recently used go first.
CACHE_FOLDER_KEPT = 4
#: The name of an index saved in the cache folder: the list's SHA-256 checksum.
_CACHE_NAME = re.compile(rf"[0-9a-f]{{64}}{re.escape(CACHE_SUFFIX)}")
#: Version of the saved index format.
_FORMAT = 9
#: Flags that keep a file from being opened through a symbolic link, where the system has them.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: Opens a FIFO without waiting for a writer (POSIX), so that it can be told apart and refused.
_NON_BLOCKING = getattr(os, "O_NONBLOCK", 0)
#: Bytes of the saved index's header line (before its newline), and items of the JSON body
#: written at a time.
_HEADER_SIZE, _PIECE = 1023, 4096
#: The files whose content the index depends on: the code and its data tables.
_SOURCE_SUFFIXES = frozenset({".py", ".csv", ".tsv", ".txt"})


def listed_values(watchlist: Watchlist) -> list[ListedValue]:
    """The names the list's name index files: each entry's name, aliases and weak aliases
    (domain entries have none)."""
    values: list[ListedValue] = []
    for entry in watchlist.entries:
        if entry.kind is not EntryKind.DOMAIN:
            values.append((entry, "name", entry.name, False))
            values += [
                (entry, f"aliases[{index}]", alias, False) for index, alias in enumerate(entry.aliases)
            ]
            values += [
                (entry, f"weak_aliases[{index}]", alias, True)
                for index, alias in enumerate(entry.weak_aliases)
            ]
    return values


def name_index(watchlist: Watchlist, *, cache: bool) -> NameIndex:
    """The list's name index: read when one saved for this list and library code is found
    (with ``cache``); else built, and saved beside the list file, or in the cache folder when
    the list has no file or its folder cannot be written. A build is logged, once per list in
    a process, with the reason no saved index was read (see :func:`_log_build`)."""
    values = listed_values(watchlist)
    if not cache or len(values) < CACHE_MIN_NAMES:
        return NameIndex.build(values)
    in_folder = _folder_cache_path(watchlist)
    places = _index_places(watchlist)
    for path in places:
        index = load(path, values, watchlist.checksum)
        if index is not None:
            if path == in_folder:
                with contextlib.suppress(OSError):
                    os.utime(path)  # recently used: kept when the folder is pruned
            return index
    reasons = [_unusable(path, watchlist.checksum, len(values)) for path in places]
    started = time.perf_counter()
    index = NameIndex.build(values)
    saved: Path | None = None
    for path in places:
        try:
            if path == in_folder:
                path.parent.mkdir(parents=True, exist_ok=True)
            save(index, path, watchlist.checksum)
        except OSError:
            continue  # a read-only folder only costs the next build
        if path == in_folder:
            _prune(path.parent)
        saved = path
        break
    _log_build(watchlist, len(values), time.perf_counter() - started, reasons, saved)
    return index


#: Whether a missing saved index is a surprise worth a warning: set in the worker processes of
#: :meth:`screening.Screener.screen_many` and :mod:`screening.spark`, whose parent saved one.
expect_saved = False
#: The lists (by checksum) whose index build this process has logged.
_logged: set[str] = set()


def _log_build(
    watchlist: Watchlist, values: int, seconds: float, reasons: list[str | None], saved: Path | None
) -> None:
    """Log a name index build, once per list in a process: at WARNING when a saved index was
    found but could not be used (another library build, another list version, damaged) or
    one was expected (a worker), else at INFO; never with applicant data."""
    if watchlist.checksum in _logged:
        return
    _logged.add(watchlist.checksum)
    found = [reason for reason in reasons if reason is not None]
    why = "; ".join(found) if found else "no index was saved for it"
    if not reasons:
        why = "there is no folder to save an index in (no list file and no cache folder)"
    where = f"; saved to {saved}" if saved else "; it could not be saved, so it will be built again"
    level = logging.WARNING if found or expect_saved or not reasons else logging.INFO
    _logger.log(
        level,
        "Built the name index of the list %s version %s (%s names) in %.1f s: %s%s.",
        watchlist.name,
        watchlist.version,
        f"{values:,}",
        seconds,
        why,
        where,
    )


def _unusable(path: Path, checksum: str, values: int) -> str | None:
    """Why the index saved at ``path`` cannot be read for this list; None when there is none."""
    try:
        with _open_regular(path) as stream:
            header = json.loads(stream.readline(_HEADER_SIZE + 1))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return f"the index at {path} cannot be read"
    if not isinstance(header, dict):
        return f"the file at {path} is no saved index"
    return f"the index at {path} {_header_problem(header, checksum, values) or 'is damaged'}"


def _header_problem(header: dict[str, Any], checksum: str, values: int) -> str | None:
    """Why a saved index's header is not for this format, library code, list (``checksum``
    and number of listed ``values``) and machine; None when it is."""
    if header.get("library") != code_fingerprint() or header.get("format") != _FORMAT:
        return (
            f"was saved by another build of screening ({header.get('library')}; this one is"
            f" {code_fingerprint()})"
        )
    if header.get("checksum") != checksum or header.get("values") != values:
        return "was saved for another version of the list"
    if header.get("byteorder") != sys.byteorder:
        return "was saved on a machine of another byte order"
    return None


def share(watchlist: Watchlist) -> Path | None:
    """Make sure the list's name index is saved in the cache folder, where a process that has
    the list without its file (unpickled in a worker) finds it by the list's checksum: copied
    from beside the list file, or built and saved. Returns the saved file; None for a list too
    small to save an index for, or when the cache folder cannot be written (the workers then
    build their own, which they log)."""
    values = len(listed_values(watchlist))
    target = _folder_cache_path(watchlist)
    if target is None or values < CACHE_MIN_NAMES:
        return None
    if not saved_for(target, watchlist.checksum, values):
        source = saved_index_path(watchlist)
        if source is None:
            name_index(watchlist, cache=True)  # built and saved, beside the file or in the folder
            source = saved_index_path(watchlist)
        if source is None:
            return None
        if source != target:
            try:
                with _open_regular(source) as stream:
                    install(watchlist.checksum, stream)
            except OSError:
                return None
    with contextlib.suppress(OSError):
        os.utime(target)
    return target


def install(checksum: str, stream: IO[bytes]) -> Path | None:
    """Save an index file's bytes, read from ``stream``, in the cache folder under the list's
    checksum (atomically), where :func:`name_index` finds it; it is checked there as any saved
    index is when read. Returns the path; None when there is no cache folder.

    Raises:
        OSError: the folder or file cannot be written.
    """
    target = cache_path(checksum)
    if target is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o644)
    try:
        with os.fdopen(descriptor, "wb") as raw:
            shutil.copyfileobj(stream, raw, 1 << 20)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    _prune(target.parent)
    return target


def index_cache_path(watchlist: Watchlist) -> Path | None:
    """Where the name index of a list loaded from a file is saved: beside the file."""
    return None if watchlist.path is None else Path(watchlist.path + CACHE_SUFFIX)


def saved_index_path(watchlist: Watchlist) -> Path | None:
    """Where a name index saved for this list and library code is, if anywhere (beside the
    list file, then in the cache folder)."""
    values = len(listed_values(watchlist))
    return next(
        (path for path in _index_places(watchlist) if saved_for(path, watchlist.checksum, values)), None
    )


def needs_index_build(watchlist: Watchlist) -> bool:
    """Tell whether a :class:`~screening.Screener` with the index cache would build this list's
    name index: the list has enough names to save one, and no index saved for it and this
    library code is where it would look (told by the saved files' headers)."""
    names = len(listed_values(watchlist))
    return names >= CACHE_MIN_NAMES and not any(
        saved_for(path, watchlist.checksum, names) for path in _index_places(watchlist)
    )


def cache_folder() -> Path | None:
    """The folder for the saved indexes of lists that have no folder of their own (built in
    code) or cannot write in theirs: ``$SCREENING_CACHE_DIR``, else ``screening`` in
    ``$XDG_CACHE_HOME``, ``%LOCALAPPDATA%`` or ``~/.cache``; None when there is no home."""
    configured = os.environ.get(CACHE_FOLDER_VARIABLE)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if base:
        return Path(base) / "screening"
    try:
        home = Path.home()
    except RuntimeError:  # no home folder to be found
        return None
    return None if home == Path("~") else home / ".cache" / "screening"


def _index_places(watchlist: Watchlist) -> list[Path]:
    """Where a list's name index is saved and looked for, in order: beside the list file,
    then in the cache folder."""
    return [path for path in (index_cache_path(watchlist), _folder_cache_path(watchlist)) if path is not None]


def _folder_cache_path(watchlist: Watchlist) -> Path | None:
    """Where a list's index is saved in the cache folder (see :func:`cache_path`)."""
    return cache_path(watchlist.checksum)


def cache_path(checksum: str) -> Path | None:
    """Where the index of the list with this checksum is saved in the cache folder: named by
    the checksum; None when there is no cache folder."""
    folder = cache_folder()
    return None if folder is None else folder / f"{checksum.removeprefix('sha256:')}{CACHE_SUFFIX}"


def _prune(folder: Path) -> None:
    """Keep the :data:`CACHE_FOLDER_KEPT` most recently used indexes in the cache folder.

    Only files this library saved there are counted and removed: named by a list checksum
    (64 hexadecimal digits and ``.index``), regular files, with an index header
    (:func:`written_here`). Anything else in the folder is left alone.
    """
    with contextlib.suppress(OSError):
        saved = [
            path
            for path in folder.glob(f"*{CACHE_SUFFIX}")
            if _CACHE_NAME.fullmatch(path.name) and written_here(path)
        ]
        saved.sort(key=lambda path: path.stat().st_mtime, reverse=True)
        for path in saved[CACHE_FOLDER_KEPT:]:
            path.unlink(missing_ok=True)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The library version and a hash of the package's code and data tables.

    A saved index is read only by the code that wrote it: between two commits of one
    version, a changed rule or table would otherwise leave a stale index in use.
    """
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in _SOURCE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def save(index: NameIndex, path: str | os.PathLike[str], checksum: str) -> None:
    """Write the index to ``path`` (atomically), marked with the list's checksum.

    The file: a header line (JSON, padded to a fixed length), the JSON body (keys, name
    variants, shapes) written in pieces so that it is never held whole, then the arrays.
    """
    fields, arrays = index.stored()
    target = Path(path)
    # A new name, created exclusively and never through a link: a file or link planted
    # at a guessable name cannot be written through.
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o644)
    try:
        with os.fdopen(descriptor, "wb") as raw:
            stream = _Digesting(raw)
            raw.write(b" " * _HEADER_SIZE + b"\n")
            body_size = _write_json_fields(stream, fields)
            for numbers in arrays:
                stream.write(memoryview(numbers).cast("B"))
            header = {
                "format": _FORMAT,
                "library": code_fingerprint(),
                "checksum": checksum,
                "values": sum(1 for name in index.names if name.variant == 0),
                "sizes": [body_size, *(len(numbers) * numbers.itemsize for numbers in arrays)],
                "byteorder": sys.byteorder,
                "digest": stream.digest.hexdigest(),
            }
            line = json.dumps(header).encode("ascii")
            if len(line) > _HEADER_SIZE:
                raise OSError(f"The index header needs {len(line)} bytes, more than {_HEADER_SIZE}.")
            raw.seek(0)
            raw.write(line.ljust(_HEADER_SIZE))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def saved_for(path: str | os.PathLike[str], checksum: str, values: int) -> bool:
    """Tell whether ``path`` holds an index saved for this list (its ``checksum`` and
    number of listed ``values``), library code and machine, by its header alone: the
    body is checked only when it is read (:func:`load`)."""
    try:
        with _open_regular(path) as stream:
            return _read_header(stream, checksum, values) is not None
    except (OSError, ValueError):
        return False


def written_here(path: str | os.PathLike[str]) -> bool:
    """Tell whether ``path`` is a regular file that this library saved as an index, of
    any format or version: its header line names a format, a library and a list checksum.
    Only such files are pruned from the cache folder."""
    try:
        with _open_regular(path) as stream:
            header = json.loads(stream.readline(_HEADER_SIZE + 1))
    except (OSError, ValueError):
        return False
    return isinstance(header, dict) and {"format", "library", "checksum"} <= header.keys()


def load(path: str | os.PathLike[str], values: Sequence[ListedValue], checksum: str) -> NameIndex | None:
    """Read an index saved for this list; None when the file is missing, is for another
    list, library code (:func:`code_fingerprint`) or machine, or is damaged."""
    try:
        with _open_regular(path) as stream:
            header = _read_header(stream, checksum, len(values))
            if header is None:
                return None
            body_size, *sizes = header["sizes"]
            digest = hashlib.sha256()
            body_bytes = stream.read(body_size)
            digest.update(body_bytes)
            body = json.loads(body_bytes.decode("utf-8"))
            del body_bytes  # not held while the arrays are read
            arrays = [_read_numbers(stream, size, digest) for size in sizes]
            # The digest of everything after the header: an index whose body or arrays
            # were rewritten in place (same sizes, same header) is rebuilt, never used.
            if stream.read(1) or not hmac.compare_digest(digest.hexdigest(), str(header.get("digest"))):
                return None
        return NameIndex.restored(values, body, arrays)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _read_header(stream: BinaryIO, checksum: str, values: int) -> dict[str, Any] | None:
    """The header line of a saved index, read from ``stream``, when it is for this format,
    library code, list (``checksum`` and number of listed ``values``) and machine; None
    otherwise.

    Raises:
        ValueError: the line is no JSON.
    """
    header = json.loads(stream.readline(_HEADER_SIZE + 1))
    if not isinstance(header, dict) or _header_problem(header, checksum, values) is not None:
        return None
    return header


class _Writer(Protocol):
    def write(self, data: bytes, /) -> int: ...


def _write_json_fields(stream: _Writer, fields: list[tuple[str, Sequence[object]]]) -> int:
    """Write a JSON object of lists, a few thousand items at a time; return its size in bytes.

    ASCII escapes throughout: a lone surrogate in a listed name survives.
    """
    written = stream.write(b"{")
    for number, (name, items) in enumerate(fields):
        written += stream.write(f"{',' if number else ''}{json.dumps(name)}:[".encode("ascii"))
        for offset in range(0, len(items), _PIECE):
            piece = json.dumps(items[offset : offset + _PIECE], separators=(",", ":"))[1:-1]
            written += stream.write((("," if offset else "") + piece).encode("ascii"))
        written += stream.write(b"]")
    return written + stream.write(b"}")


def _read_numbers(stream: BinaryIO, size: int, digest: Any) -> array.array[int]:
    """Read ``size`` bytes of 64-bit numbers, adding them to ``digest``; ValueError when the
    file ends first."""
    numbers = array.array("Q")
    data = stream.read(size)
    if len(data) != size:
        raise ValueError("The index file ends too early.")
    digest.update(data)
    numbers.frombytes(data)
    return numbers


class _Digesting:
    """A binary stream's writer that adds what it writes to a SHA-256 digest."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.digest = hashlib.sha256()

    def write(self, data: bytes | memoryview, /) -> int:
        self.digest.update(data)
        return self._stream.write(data)


def _open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading when it is a regular file; OSError otherwise. Opened without
    blocking, so that a FIFO or device at the path cannot hang the reader."""
    descriptor = os.open(path, os.O_RDONLY | _NON_BLOCKING | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{os.fspath(path)} is not a regular file.")
        if _NON_BLOCKING:
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
