"""Tests of the saved name index: where it is kept, that it is read back only for its list and
code, and that a damaged, stale, planted or unwritable file costs a build, never a wrong hit."""

from __future__ import annotations

import array
import json
import os
from pathlib import Path

import attrs
import pytest

import screening
from helpers import DATA
from screening import _storage
from screening._forms import name_form
from screening._index import NameIndex
from screening.models import EntryKind
from screening.ofac import import_ofac

_OFAC, _REPORT = import_ofac(DATA / "ofac_sample")
_BUNDLED = screening.load_watchlist()
_LISTED = [
    entry
    for watchlist in (_BUNDLED, _OFAC)
    for entry in watchlist.entries
    if entry.kind is not EntryKind.DOMAIN
]


def test_a_saved_index_is_told_by_its_header(tmp_path: Path) -> None:
    """NameIndex.saved_for reads the header alone: true for the list it was saved for, false
    for another list, another number of names, a missing or unreadable file."""
    values = [
        (entry, "name", entry.name, False) for entry in _BUNDLED.entries if entry.kind is not EntryKind.DOMAIN
    ]
    path = tmp_path / "list.index"
    assert not _storage.saved_for(path, _BUNDLED.checksum, len(values))
    _storage.save(NameIndex.build(values), path, _BUNDLED.checksum)
    assert _storage.saved_for(path, _BUNDLED.checksum, len(values))
    assert not _storage.saved_for(path, _OFAC.checksum, len(values))
    assert not _storage.saved_for(path, _BUNDLED.checksum, len(values) + 1)
    path.write_bytes(b"not an index\n")
    assert not _storage.saved_for(path, _BUNDLED.checksum, len(values))
    path.write_bytes(b"[]\n")  # JSON, but no header: neither told saved nor read
    assert not _storage.saved_for(path, _BUNDLED.checksum, len(values))
    assert _storage.load(path, values, _BUNDLED.checksum) is None


def test_saved_index_reads_back(tmp_path: Path) -> None:
    """A saved index reads back with the same candidates and the same runs of each name (the
    pairs of runs that share a key); another list's checksum is refused."""
    values = [
        (entry, field, value, weak)
        for entry in _OFAC.entries
        if entry.kind is not EntryKind.DOMAIN
        for field, value, weak in [("name", entry.name, False)]
    ]
    built = NameIndex.build(values)
    path = tmp_path / "list.index"
    _storage.save(built, path, _OFAC.checksum)
    loaded = _storage.load(path, values, _OFAC.checksum)
    assert loaded is not None
    for name in ("KIM Jong Un", "Mohammed Ali", "Petrov Ivan", "Zhang Wei", "Trading Coltd"):
        form = name_form(name)
        assert loaded.candidates(form, 0.5) == built.candidates(form, 0.5)
        found, again = built.search(form, 0.5), loaded.search(form, 0.5)
        for position, _bound, _partial in found.found:
            listed = built.form(position)
            assert again.keyed_pairs(position, listed) == found.keyed_pairs(position, listed)
    assert loaded._name_runs == built._name_runs
    assert loaded._name_starts == built._name_starts
    assert loaded._low_joined == built._low_joined != frozenset()  # "co ltd" joined, and more
    assert _storage.load(path, values, _BUNDLED.checksum) is None
    assert _storage.load(path, values[:-1], _OFAC.checksum) is None
    path.write_bytes(path.read_bytes()[:-100])
    assert _storage.load(path, values, _OFAC.checksum) is None


@pytest.fixture
def list_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The OFAC sample as a watchlist file, with the index cached whatever the list's size."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    path = tmp_path / "ofac.json"
    path.write_text(json.dumps(_OFAC.to_dict()), encoding="utf-8")
    return path


def _no_build(values: object) -> NameIndex:
    raise AssertionError("the saved index should have been read")


def _decisions(screener: screening.Screener) -> list[tuple[str, list[str]]]:
    names = ["Kim Jong Un", "KOREA KWANGSON BANKING CORP", "Mohammed Ali", "Petrov Ivan", "Zhang Wei"]
    results = [screener.screen(screening.Applicant(name=name)) for name in names]
    return [(result.decision.value, [hit.entry.id for hit in result.hits]) for result in results]


def test_screener_saves_and_reads_its_index(list_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Screener saves the list's index beside the file; the next one reads it without building."""
    first = screening.Screener(screening.load_watchlist(list_file))
    cache = _storage.index_cache_path(first.watchlist)
    assert cache == list_file.with_name("ofac.json.index")
    assert cache.exists()

    monkeypatch.setattr(NameIndex, "build", _no_build)
    second = screening.Screener(screening.load_watchlist(list_file))
    assert _decisions(second) == _decisions(first)


def test_changed_list_rebuilds_its_index(list_file: Path) -> None:
    """A list that changed since its index was saved gets a fresh index, and the file is replaced."""
    screening.Screener(screening.load_watchlist(list_file))
    cache = list_file.with_name("ofac.json.index")
    before = cache.read_bytes()
    document = json.loads(list_file.read_text(encoding="utf-8"))
    document["entries"][0]["aliases"].append("Nobody Anywhere")
    list_file.write_text(json.dumps(document), encoding="utf-8")
    changed = screening.load_watchlist(list_file)
    screener = screening.Screener(changed)
    assert cache.read_bytes() != before
    hit = screener.screen(screening.Applicant(name="Nobody Anywhere")).hits[0]
    assert hit.entry.id == changed.entries[0].id


def test_index_cache_can_be_turned_off(list_file: Path, cache_folder: Path) -> None:
    """With index_cache=False nothing is written beside the list or in the cache folder."""
    screening.Screener(screening.load_watchlist(list_file), index_cache=False)
    assert not list_file.with_name("ofac.json.index").exists()
    assert not cache_folder.exists()


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(_storage.CACHE_FOLDER_VARIABLE, str(folder))
    return folder


def test_index_that_cannot_be_saved_beside_the_list_goes_to_the_cache_folder(
    list_file: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the list's folder cannot take the index (here a folder stands in the way), it is
    saved in the cache folder under the list's checksum, and read from there next time."""
    blocker = list_file.with_name("ofac.json.index")
    blocker.mkdir()
    first = screening.Screener(screening.load_watchlist(list_file))
    assert blocker.is_dir()
    assert sorted(path.name for path in list_file.parent.iterdir()) == [
        "cache",
        "ofac.json",
        "ofac.json.index",
    ]
    digest = first.watchlist.checksum.removeprefix("sha256:")
    assert [path.name for path in cache_folder.iterdir()] == [f"{digest}.index"]
    monkeypatch.setattr(NameIndex, "build", _no_build)
    assert _decisions(screening.Screener(screening.load_watchlist(list_file))) == _decisions(first)


def test_unwritable_index_only_costs_a_build(list_file: Path, cache_folder: Path) -> None:
    """An index that can be saved nowhere (a file stands where the cache folder would be) is
    no error."""
    cache_folder.write_text("not a folder", encoding="utf-8")
    list_file.with_name("ofac.json.index").mkdir()
    screener = screening.Screener(screening.load_watchlist(list_file))
    assert _decisions(screener)
    assert cache_folder.read_text(encoding="utf-8") == "not a folder"


def test_lists_built_in_code_cache_their_index_in_the_folder(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list with no file keeps its index in the cache folder; the folder keeps only the
    most recently used indexes."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    monkeypatch.setattr(_storage, "CACHE_FOLDER_KEPT", 2)
    first = screening.Screener(_OFAC)
    assert len(list(cache_folder.iterdir())) == 1
    with monkeypatch.context() as patch:
        patch.setattr(NameIndex, "build", _no_build)
        assert _decisions(screening.Screener(_OFAC)) == _decisions(first)
    for number in range(3):
        entries = (attrs.evolve(_OFAC.entries[0], aliases=(f"Nobody Number {number}",)), *_OFAC.entries[1:])
        screening.Screener(attrs.evolve(_OFAC, entries=entries))
    assert len(list(cache_folder.iterdir())) == 2
    screening.Screener(_OFAC, index_cache=False)
    assert len(list(cache_folder.iterdir())) == 2


def test_index_naming_parts_a_name_lacks_is_refused(tmp_path: Path) -> None:
    """A saved index whose part masks name parts beyond a name's last (a damaged file) is not
    read: screening with it would fail."""
    values = [(entry, "name", entry.name, False) for entry in _LISTED[:50]]
    index = NameIndex.build(values)
    index._occurrences = array.array("Q", [occurrence | 1 << 29 for occurrence in index._occurrences])
    path = tmp_path / "list.index"
    _storage.save(index, path, "sha256:0")
    assert _storage.load(path, values, "sha256:0") is None


@pytest.mark.parametrize("variants", [[1, 0], [0, 2], [0, 1], [0, "0"]])
def test_index_with_forms_a_name_lacks_is_refused(tmp_path: Path, variants: list[object]) -> None:
    """A saved index whose name forms do not fit the list (a second form of a name without a
    nickname, a form out of order) is not read."""
    values = [(_LISTED[0], "name", "Kim Jong Un", False)]
    path = tmp_path / "list.index"
    _storage.save(NameIndex.build(values), path, "sha256:0")
    data = path.read_bytes()
    header = json.loads(data[: data.index(b"\n")])
    start = data.index(b"\n") + 1
    body = json.loads(data[start : start + header["sizes"][0]])
    body["variants"] = variants
    body["shapes"] = body["shapes"] * len(variants)
    text = json.dumps(body, separators=(",", ":")).encode("ascii")
    header["sizes"][0] = len(text)
    arrays = data[len(data) - sum(header["sizes"][1:]) :]
    path.write_bytes(json.dumps(header).encode("ascii") + b"\n" + text + arrays)
    assert _storage.load(path, values, "sha256:0") is None
    good = [(_LISTED[0], "name", 'Kim "Jong" Un', False)]
    _storage.save(NameIndex.build(good), path, "sha256:0")
    assert _storage.load(path, good, "sha256:0") is not None  # a nickname gives a second form


def test_damaged_index_is_rebuilt(list_file: Path) -> None:
    """A damaged saved index is ignored and written again."""
    screening.Screener(screening.load_watchlist(list_file))
    cache = list_file.with_name("ofac.json.index")
    good = cache.read_bytes()
    cache.write_bytes(good[: len(good) // 2] + b"\\x00garbage")
    screener = screening.Screener(screening.load_watchlist(list_file))
    assert cache.read_bytes() == good
    assert _decisions(screener)


def test_index_of_names_with_lone_surrogates_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list built in code with a lone surrogate in a name (the file loader refuses one) still
    gets its index saved and read back."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    first_entry = attrs.evolve(_BUNDLED.entries[0], aliases=(*_BUNDLED.entries[0].aliases, "Wang \ud800Zhen"))
    path = tmp_path / "list.json"
    watchlist = attrs.evolve(_BUNDLED, entries=(first_entry, *_BUNDLED.entries[1:]), path=str(path))
    first = screening.Screener(watchlist)
    assert path.with_name("list.json.index").exists()
    second = screening.Screener(attrs.evolve(watchlist))
    assert _decisions(second) == _decisions(first)


def test_index_saved_by_other_code_is_rebuilt(list_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An index saved by another version of the code (rules or tables changed) is not read."""
    screening.Screener(screening.load_watchlist(list_file))
    monkeypatch.setattr(_storage, "code_fingerprint", lambda: "0.0.0+other")
    built: list[int] = []
    original = NameIndex.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[NameIndex], values: object) -> NameIndex:
        built.append(1)
        return original(cls, values)  # type: ignore[no-any-return]

    monkeypatch.setattr(NameIndex, "build", classmethod(counting))
    screening.Screener(screening.load_watchlist(list_file))
    assert built == [1]


def test_cache_folder_is_chosen_by_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """$SCREENING_CACHE_DIR first, then screening/ under $XDG_CACHE_HOME, %LOCALAPPDATA%, ~/.cache."""
    for variable in ("SCREENING_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert _storage.cache_folder() == tmp_path / "home" / ".cache" / "screening"
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert _storage.cache_folder() == tmp_path / "local" / "screening"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _storage.cache_folder() == tmp_path / "xdg" / "screening"
    monkeypatch.setenv("SCREENING_CACHE_DIR", str(tmp_path / "mine"))
    assert _storage.cache_folder() == tmp_path / "mine"


def test_index_with_rewritten_arrays_is_rebuilt(list_file: Path) -> None:
    """An index whose arrays were rewritten in place (same sizes, same header) fails its
    digest: the Screener rebuilds it, and the listed name is still found."""
    screening.Screener(screening.load_watchlist(list_file))
    cache = list_file.with_name("ofac.json.index")
    data = bytearray(cache.read_bytes())
    data[-4096:] = bytes(4096)  # the end of the last array zeroed: same size, same header
    cache.write_bytes(bytes(data))
    assert _storage.load(cache, _storage.listed_values(_OFAC), _OFAC.checksum) is None
    screener = screening.Screener(screening.load_watchlist(list_file))
    assert _decisions(screener) == _decisions(screening.Screener(_OFAC, index_cache=False))
    assert cache.read_bytes() != bytes(data)  # saved again, whole


def test_index_at_a_fifo_is_not_read(list_file: Path) -> None:
    """A FIFO where the index would be is neither waited on nor read: the index is built."""
    os.mkfifo(list_file.with_name("ofac.json.index"))
    screener = screening.Screener(screening.load_watchlist(list_file))
    assert _decisions(screener) == _decisions(screening.Screener(_OFAC, index_cache=False))


def test_saving_an_index_writes_through_no_planted_link(tmp_path: Path) -> None:
    """The index is written to a fresh file and renamed: a symbolic link at the index path
    is replaced, and the file it points to is left as it was."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    path = tmp_path / "list.index"
    path.symlink_to(victim)
    values = [(entry, "name", entry.name, False) for entry in _LISTED[:50]]
    _storage.save(NameIndex.build(values), path, _BUNDLED.checksum)
    assert ("keep me", False) == (victim.read_text(encoding="utf-8"), path.is_symlink())
    assert [path.name, victim.name] == sorted(item.name for item in tmp_path.iterdir())  # no temporary left


def test_cache_pruning_removes_only_indexes_it_wrote(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pruning the cache folder counts and removes only index files this library saved:
    another program's *.index files stay."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    monkeypatch.setattr(_storage, "CACHE_FOLDER_KEPT", 1)
    cache_folder.mkdir()
    theirs = [cache_folder / "notes.index", cache_folder / ("0" * 64 + ".index")]
    for path in theirs:
        path.write_text("another program's file\n", encoding="utf-8")
    for number in range(2):
        entries = (attrs.evolve(_OFAC.entries[0], aliases=(f"Nobody Number {number}",)), *_OFAC.entries[1:])
        screening.Screener(attrs.evolve(_OFAC, entries=entries))
    assert all(path.exists() for path in theirs)
    assert 1 == sum(_storage.written_here(path) for path in cache_folder.iterdir())
