"""Tests of printing values from input safely (screening._printable) and of its use."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import screening
from screening._printable import printable, printable_json
from screening.cli import main

#: Cursor up, erase line, set the window title: what a name used to rewrite "REVIEW".
_REWRITE = "\x1b[1A\x1b[2K\x1b]0;title\x07"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Wang Zhenxing", "Wang Zhenxing"),
        ("周宝玉 Zhōu", "周宝玉 Zhōu"),
        ("a\x1bb", "a\\x1bb"),
        ("\u202eGNAW", "\\u202eGNAW"),
        ("line\nbreak", "line\\x0abreak"),
        ("\U000e0001tag", "\\U000e0001tag"),
    ],
)
def test_printable_escapes_what_acts_on_a_terminal(value: str, expected: str) -> None:
    """Control and format characters are written as escapes; letters of any script stay."""
    assert expected == printable(value)


def test_printable_json_is_the_same_data() -> None:
    """The escaped JSON reads back as the value, and prints no control character."""
    value = {"name": f"{_REWRITE}\u202eKim\U0001f600\ud800", "rows": [1, 2]}
    text = printable_json(value, indent=2)
    assert (value, True) == (json.loads(text), text.replace("\n", "").isprintable())


def test_explain_escapes_the_applicant_name() -> None:
    """explain() prints a name's control sequences as escapes, never raw."""
    report = screening.screen(screening.Applicant(name=f"Kim Kwang Jin{_REWRITE}")).explain()
    assert ("\x1b" not in report, "\\x1b[1A" in report) == (True, True)


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_check_prints_no_control_characters(extra: list[str]) -> None:
    """check, as text or JSON, prints a name with control characters escaped."""
    out, err = io.StringIO(), io.StringIO()
    main(["check", "--name", f"{_REWRITE}\u202eGNIXNEHZ GNAW", *extra], stdout=out, stderr=err)
    assert (True, True) == (out.getvalue().replace("\n", "").isprintable(), "MATCH" in out.getvalue().upper())


def test_watchlist_show_escapes_listed_values(tmp_path: Path) -> None:
    """watchlist show prints a list file's names and notes with control characters escaped."""
    listed = screening.load_watchlist().to_dict()
    listed["entries"][0]["name"] = f"Zhenxing{_REWRITE} Wang"
    path = tmp_path / "list.json"
    path.write_text(json.dumps(listed), encoding="utf-8")
    out = io.StringIO()
    assert 0 == main(["watchlist", "show", str(path)], stdout=out, stderr=io.StringIO())
    assert (True, True) == ("\x1b" not in out.getvalue(), "Zhenxing\\x1b[1A" in out.getvalue())


def test_errors_escape_the_input() -> None:
    """An error message that quotes input prints it escaped."""
    err = io.StringIO()
    main(["check", "--name", "Kim", "--date-of-birth", f"19{_REWRITE}"], stdout=io.StringIO(), stderr=err)
    assert (True, True) == ("\x1b" not in err.getvalue(), "error" in err.getvalue())
