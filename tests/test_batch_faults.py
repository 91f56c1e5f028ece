"""Tests of the batch command under bad input and faults: no row lost, none invented, no
file destroyed, and a clean stop that --resume continues."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screening import OutputFileError
from screening._sinks import LineFile
from screening.cli import EXIT_MATCH, EXIT_STOPPED, EXIT_USAGE, main

_SCREENING = [sys.executable, "-m", "screening"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _rows(count: int) -> str:
    names = ["Alex Morgan", "Kim Kwang Jin", "Maria Garcia", "Wang Zhenxing", "Olga Petrova"]
    return "".join(json.dumps({"id": str(n), "name": names[n % len(names)]}) + "\n" for n in range(count))


@pytest.mark.parametrize("option", ["--output", "--audit-log"])
def test_batch_refuses_to_write_over_its_input(tmp_path: Path, option: str) -> None:
    """An output or audit log that is the input is refused before the input is touched."""
    source = tmp_path / "same.jsonl"
    source.write_text(_rows(3), encoding="utf-8")
    code, _out, err = run("batch", str(source), option, str(source), "--quiet")
    assert (EXIT_USAGE, True, _rows(3)) == (code, "is the same file as the input" in err, source.read_text())


def test_batch_refuses_output_that_is_its_audit_log(tmp_path: Path) -> None:
    """The output and the audit log may not be one file."""
    source = tmp_path / "in.jsonl"
    source.write_text(_rows(1), encoding="utf-8")
    out = str(tmp_path / "out.jsonl")
    code, _out, err = run("batch", str(source), "--output", out, "--audit-log", out, "--quiet")
    assert (EXIT_USAGE, True) == (code, "is the same file as the --output" in err)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_bad_row_is_reported_and_every_good_row_kept(tmp_path: Path, jobs: str) -> None:
    """A batch fed repeated keys, deep nesting, a huge integer, a name of a thousand letters
    and bytes that are not UTF-8 reports each by its line and screens every other row."""
    bad = [
        b'{"name": "Alex Morgan", "name": "Kim Kwang Jin"}',
        b'{"name": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"name": "Kim", "id": ' + b"9" * 4300 + b"}",
        b'{"name": "' + b"a" * 999 + b'"}',
        '{"name": "José Pérez"}'.encode("latin-1"),
    ]
    good = _rows(300).encode().splitlines()
    lines = good[:100] + bad[:3] + good[100:200] + bad[3:] + good[200:]
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    code, _out, _err = run("batch", str(source), "--output", str(out), "--jobs", jobs, "--quiet")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [record["line"] for record in records if "error" in record]
    assert (EXIT_MATCH, list(range(1, 306)), [101, 102, 103, 205]) == (
        code,
        [record["line"] for record in records],
        errors,
    )


def test_latin1_on_standard_input_is_an_error_row() -> None:
    """Standard input is checked for UTF-8 as a file is: a Latin-1 line is an error row."""
    data = '{"name": "José Pérez"}\n{"name": "Kim Kwang Jin"}\n'.encode("latin-1")
    completed = subprocess.run([*_SCREENING, "batch", "-"], input=data, capture_output=True, check=False)
    records = [json.loads(line) for line in completed.stdout.splitlines()]
    assert (EXIT_MATCH, "Line 1 is not UTF-8 text", "match") == (
        completed.returncode,
        records[0]["error"]["message"][:24],
        records[1]["decision"],
    )


def test_full_disk_stops_cleanly_and_says_where(tmp_path: Path) -> None:
    """A write that fails (here: an audit log on a full device) stops the batch with whole
    lines only, the stop code and a sentence; the output is left unfinished."""
    source = tmp_path / "in.jsonl"
    source.write_text(_rows(5), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _out, err = run("batch", str(source), "--output", str(out), "--audit-log", "/dev/full", "--quiet")
    written = (tmp_path / "out.jsonl.partial").read_text(encoding="utf-8")
    assert (EXIT_STOPPED, False, True, True) == (
        code,
        out.exists(),
        written == "" or written.endswith("\n"),
        "stopped: /dev/full: writing failed" in err and "--resume" in err,
    )


def test_failed_write_leaves_the_last_whole_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails part way is cut back: the file ends at its last whole line."""
    path = tmp_path / "out.jsonl"
    lines = LineFile(str(path), append=False)
    lines.write('{"row": 1}\n')
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:
        if len(data) > 4:
            return real_write(fd, data[:4])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(OutputFileError, match="ends at its last whole line"):
        lines.write('{"row": 2}\n')
    lines.close()
    assert '{"row": 1}\n' == path.read_text(encoding="utf-8")


def test_appending_after_a_half_line_starts_a_new_line(tmp_path: Path) -> None:
    """An audit log left ending in half a line gets a line break before the next record."""
    path = tmp_path / "audit.jsonl"
    path.write_text('{"row": 1}\n{"ro', encoding="utf-8")
    lines = LineFile(str(path), append=True)
    lines.write('{"row": 2}\n')
    lines.close()
    assert ['{"row": 1}', '{"ro', '{"row": 2}'] == path.read_text(encoding="utf-8").splitlines()


def test_unfinished_output_is_not_overwritten_without_resume(tmp_path: Path) -> None:
    """A leftover OUT.partial is neither overwritten nor silently continued."""
    source = tmp_path / "in.jsonl"
    source.write_text(_rows(2), encoding="utf-8")
    (tmp_path / "out.jsonl.partial").write_text("", encoding="utf-8")
    code, _out, err = run("batch", str(source), "--output", str(tmp_path / "out.jsonl"), "--quiet")
    assert (EXIT_USAGE, True) == (code, "--resume" in err)


@pytest.mark.parametrize(("stop", "output_format"), [(signal.SIGTERM, "jsonl"), (signal.SIGINT, "csv")])
def test_signal_stops_cleanly_and_resume_finishes_the_same(
    tmp_path: Path, stop: signal.Signals, output_format: str
) -> None:
    """SIGTERM or Ctrl-C stops a batch after whole rows with the stop code; --resume then
    screens the rest, and the result is that of an uninterrupted run, row for row."""
    source = tmp_path / "in.jsonl"
    source.write_text(_rows(20_000), encoding="utf-8")
    out, partial = tmp_path / f"out.{output_format}", tmp_path / f"out.{output_format}.partial"
    command = [*_SCREENING, "batch", str(source), "--output", str(out), "--format", output_format, "--quiet"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not partial.exists() or partial.stat().st_size < 20_000):
        time.sleep(0.05)
    process.send_signal(stop)
    _out, err = process.communicate(timeout=120)
    assert (EXIT_STOPPED, "--resume" in err, False) == (process.returncode, True, out.exists()), err
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, check=False)
    whole = tmp_path / f"whole.{output_format}"
    subprocess.run(
        [*_SCREENING, *command[3:5], "--output", str(whole), "--format", output_format, "--quiet"],
        check=False,
    )
    assert (EXIT_MATCH, whole.read_bytes()) == (resumed.returncode, out.read_bytes())


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    """A reader that goes away (| head) ends the batch with the stop code and no message."""
    source = tmp_path / "in.jsonl"
    source.write_text(_rows(5000), encoding="utf-8")
    process = subprocess.Popen(
        [*_SCREENING, "batch", str(source), "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _out, err = process.communicate(timeout=120)
    assert (EXIT_STOPPED, b"") == (process.returncode, err)
