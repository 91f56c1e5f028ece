"""Files a batch writes to, a whole line at a time, so that no fault leaves half a line.

A batch's results and its audit log are read by other programs, which must be able to trust
every line they find. Each line is written with one ``os.write`` call of the whole encoded
line; if the disk fills up (or any write fails) part way, the file is cut back to the end of
the last whole line before the error is reported. A file opened for appending that ends in
half a line (left by a crash or a power cut) gets a line break first, so the next record
starts on a line of its own.

Result files are written to ``OUT.partial`` and renamed to ``OUT`` only when the batch has
screened every row; an interrupted batch leaves ``OUT.partial``, which ``--resume`` continues.
New files are created exclusively and never through a symbolic link (``O_EXCL``,
``O_NOFOLLOW``), so a link planted at the path cannot redirect the write.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os

from screening.exceptions import OutputFileError

__all__ = ["PARTIAL_SUFFIX", "LineFile", "rows_done"]

#: What the file name of an unfinished result file adds to the output's.
PARTIAL_SUFFIX = ".partial"
#: Flags that keep a write from following a symbolic link, where the system has them.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: Flags that keep file descriptors out of child processes.
_CLOSE_ON_EXEC = getattr(os, "O_CLOEXEC", 0)


class LineFile:
    """A file written a whole line at a time (see the module docstring)."""

    def __init__(self, path: str, *, append: bool, create: bool = True) -> None:
        """Open ``path`` for writing lines.

        Args:
            path: the file.
            append: add to the file's end (it may exist); else the file must not exist yet.
            create: with ``append``, create the file when it is missing.

        Raises:
            OutputFileError: the file cannot be opened, or exists when it must not.
        """
        self.path = path
        # Read and write: an appended file's last byte is read to tell whether it ends a line.
        flags = os.O_RDWR | _NO_FOLLOW | _CLOSE_ON_EXEC
        flags |= (os.O_APPEND | (os.O_CREAT if create else 0)) if append else (os.O_CREAT | os.O_EXCL)
        try:
            self._fd = os.open(path, flags, 0o644)
        except FileExistsError as error:
            raise OutputFileError(f"{path}: the file exists already; it is not overwritten.") from error
        except OSError as error:
            raise OutputFileError(f"{path}: the file cannot be written: {error.strerror}.") from error
        try:
            self._end = os.lseek(self._fd, 0, os.SEEK_END)
            if append and self._end and not _ends_a_line(self._fd, self._end):
                self.write("\n")  # a half line left by an earlier fault stays on its own line
        except OutputFileError:
            os.close(self._fd)
            raise

    def write(self, text: str) -> None:
        """Write ``text``, whole lines, or nothing at all.

        Raises:
            OutputFileError: the write failed (a full disk, say); the file is as it was.
        """
        data = text.encode("utf-8")
        written = 0
        try:
            while written < len(data):
                written += os.write(self._fd, data[written:])
        except OSError as error:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._end)  # back to the last whole line
            raise OutputFileError(
                f"{self.path}: writing failed ({error.strerror}); the file ends at its last whole line."
            ) from error
        self._end += written

    def close(self) -> None:
        """Close the file (once)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _ends_a_line(fd: int, size: int) -> bool:
    return os.pread(fd, 1, size - 1) == b"\n" if hasattr(os, "pread") else True


def rows_done(path: str, *, as_csv: bool) -> tuple[int, set[str], int]:
    """What an unfinished result file holds: its last row's number, the decisions of its rows
    ("" for a row that could not be screened), and the size in bytes of its whole lines (a
    half line after them is left out).

    Args:
        path: the ``OUT.partial`` file of an interrupted batch.
        as_csv: the file is CSV output (a header, then a row a line); else JSON Lines.

    Raises:
        OutputFileError: the file cannot be read, or a whole line in it is not a result.
    """
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise OutputFileError(f"{path}: the unfinished results cannot be read: {error.strerror}.") from error
    whole = data[: data.rfind(b"\n") + 1]
    lines = whole.decode("utf-8", errors="replace").splitlines()
    last, decisions = 0, set[str]()
    try:
        records = (
            list(csv.DictReader(io.StringIO("\n".join(lines))))
            if as_csv
            else [json.loads(line) for line in lines]
        )
        for record in records:
            last = int(record["row"])
            decisions.add(str(record.get("decision") or ""))
    except (ValueError, KeyError, TypeError) as error:
        raise OutputFileError(
            f"{path}: the unfinished results are not this command's output ({error}); delete the file"
            " to start again."
        ) from error
    return last, decisions, len(whole)
