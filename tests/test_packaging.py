"""Tests that the built wheel carries the bundled watchlist and the typing marker."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the project's wheel offline with the installed build backend."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("screening-*.whl")
    return built


def test_wheel_contains_watchlist_and_marker(wheel: Path) -> None:
    """The wheel ships the bundled list inside the package, and py.typed."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "screening/watchlists/doj-dprk-it-workers.json",
        "screening/py.typed",
        "screening/translit/data/hanja_hangul.tsv",
        "screening/translit/data/wadegiles_pinyin.csv",
        *(f"screening/data/{path.name}" for path in (ROOT / "src" / "screening" / "data").iterdir()),
    } <= names


def test_installed_wheel_loads_bundled_list(wheel: Path, tmp_path: Path) -> None:
    """Outside the checkout, load_watchlist() reads the list from the installed package."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import screening; wl = screening.load_watchlist(); print(wl.path, len(wl.entries))",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=True,
    )
    path, count = completed.stdout.split()
    assert (True, "34") == (Path(path).is_relative_to(site), count)
