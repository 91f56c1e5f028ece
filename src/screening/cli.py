"""The ``screening`` command: screen applicants from onboarding scripts.

Commands::

    screening check --name NAME [--alias A]... [--email E]... [--phone P]... [--website W]... [--account A]...
                    [--country CC] [--nationality CC] [--date-of-birth D]
                    [--watchlist PATH] [--json]
    screening batch FILE [--watchlist PATH] [--output OUT [--resume]] [--format jsonl|csv|parquet]
                    [--input-format csv|jsonl|parquet] [--columns FIELD=COLUMN,..] [--delimiter C]
                    [--date-format F] [--jobs N] [--quiet]
    screening watchlist show [PATH] [--json]
    screening watchlist validate PATH
    screening watchlist import ofac DIR --output OUT [--alt PATH] [--comments PATH] [--list-version V]
    screening watchlist import un FILE --output OUT [--list-version V]
    screening watchlist import csl FILE --output OUT [--list-version V]
    screening watchlist import ftm FILE --output OUT [--targets-only] [--topics T,..] [--datasets D,..]
                                   [--no-index]
    screening watchlist changes OLD NEW [--output OUT] [--json]
    screening watchlist index LIST

``watchlist changes`` compares two versions of one list by entry id, lists what the new one
removes, and writes the entries it adds and changes to OUT, a watchlist to rescreen people
already screened against (see :func:`screening.watchlist_changes`); ``--json`` prints the
ids of the entries added and changed, and the entries removed, as one JSON object.

``check`` and ``batch`` also take ``--match-threshold``, ``--review-threshold``,
``--allow-list FILE`` (reviewers' decisions that clear hits), ``--audit-log FILE`` (append
one JSON line per screening) and ``--no-index-cache`` (do not save or read the name index of
a large list, beside its file or in the cache folder; see :class:`screening.Screener`).
``screening review clear [applicant options] --entry ID --reviewer NAME --reason TEXT
--allow-list FILE [--date D] [--force]`` records a reviewer's decision (see
:mod:`screening.review`: clearing a match needs ``--nationality`` or ``--date-of-birth``, or
``--force``). With ``$SCREENING_ALLOW_LIST_KEY`` set, allow-list lines are signed when written
and checked when read.

``batch`` reads its input strictly (see :mod:`screening._rows`): a bad row (not UTF-8, a
key given twice, a quote left open, too long or too deep) becomes an error record with its
line number and the run goes on; a CSV header that names a column twice is refused. It will
not write its output or audit log over its input, or one over the other. With ``--output
OUT`` the results go to ``OUT.partial``, renamed to ``OUT`` once every row is screened; lines
are written whole (see :mod:`screening._sinks`). SIGINT (Ctrl-C), SIGTERM or a failed write
(a full disk) stop the batch after the rows under way: it says how many rows were written
and exits 5, and the same command with ``--resume`` screens the rest, appending to
``OUT.partial``, with neither a row repeated nor one skipped. A reader that goes away
(``| head``) ends it quietly, also with 5.

Exit codes (``batch``: the highest over all rows; 5 and 130 stop it):

====  ===========================================================
0     clear: nothing reaches review (``watchlist``: success)
1     unexpected error (a bug: please report it)
2     usage error or invalid input (a bad option, file or row)
3     review: at least one hit needs a person to look at it
4     match: at least one hit is a match
5     stopped before the end: a signal, a failed write or a closed
      pipe; the rows written are whole, and ``--resume`` continues
130   interrupted by a second Ctrl-C
====  ===========================================================
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import functools
import gc
import io
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import IO

import attrs

from screening import _storage
from screening._fields import FIELDS, ColumnMap, applicant_of, split_record
from screening._parallel import jobs_wanted, ordered
from screening._parquet import ParquetSink, parquet_rows
from screening._printable import printable, printable_json
from screening._rows import Row, csv_table, jsonl_rows
from screening._sinks import PARTIAL_SUFFIX, LineFile, rows_done
from screening._storage import (
    CACHE_FOLDER_VARIABLE,
    index_cache_path,
    listed_values,
    needs_index_build,
    saved_index_path,
)
from screening._version import __version__
from screening.exceptions import InputFileError, OutputFileError, ScreeningError
from screening.matching import Screener
from screening.models import Applicant
from screening.policy import Policy
from screening.results import Decision, ScreeningResult
from screening.review import KEY_VARIABLE, AllowList, ReviewDecision
from screening.watchlist import Watchlist, load_watchlist, watchlist_changes

__all__ = [
    "EXIT_CLEAR",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_MATCH",
    "EXIT_REVIEW",
    "EXIT_STOPPED",
    "EXIT_USAGE",
    "main",
]

EXIT_CLEAR = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_REVIEW = 3
EXIT_MATCH = 4
EXIT_STOPPED = 5
#: The exit code of a command interrupted by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130

_DECISION_EXIT = {Decision.CLEAR: EXIT_CLEAR, Decision.REVIEW: EXIT_REVIEW, Decision.MATCH: EXIT_MATCH}

#: Columns a batch file's rows are screened by (see :mod:`screening._fields`); other columns
#: pass through to the output.
CSV_COLUMNS = FIELDS
#: Columns of the CSV output format.
CSV_OUTPUT_COLUMNS = (
    "row",
    "line",
    "id",
    "name",
    "decision",
    "score",
    "top_entry_id",
    "top_entry_name",
    "top_method",
    "hits",
    "problems",
    "error",
)
#: Leading characters that make a spreadsheet read a cell as a formula (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screening",
        description="Screen job applicants against sanctions and law-enforcement watchlists.",
        epilog="Exit codes: 0 clear, 3 review, 4 match, 2 usage error or invalid input, 1 unexpected error.",
    )
    parser.add_argument("--version", action="version", version=f"screening {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_screening_options(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--watchlist",
            action="append",
            metavar="PATH",
            help="watchlist file; repeat to screen against several, 'bundled' for the bundled list"
            " (default: the bundled DOJ list)",
        )
        command.add_argument("--match-threshold", type=float, metavar="X", help="lowest score of a match")
        command.add_argument("--review-threshold", type=float, metavar="X", help="lowest score of a review")
        command.add_argument(
            "--allow-list", metavar="FILE", help="reviewers' decisions that clear hits (JSON Lines)"
        )
        command.add_argument("--audit-log", metavar="FILE", help="append one JSON line per screening")
        command.add_argument(
            "--no-index-cache",
            action="store_true",
            help="neither read nor write the saved name index of a large watchlist (LIST.index, or in"
            " $SCREENING_CACHE_DIR)",
        )

    def add_applicant_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--name", required=True, help="the applicant's full name")
        command.add_argument("--alias", action="append", default=[], help="another name used (repeatable)")
        command.add_argument("--email", action="append", default=[], help="email address (repeatable)")
        command.add_argument("--phone", action="append", default=[], help="phone number (repeatable)")
        command.add_argument("--website", action="append", default=[], help="website or domain (repeatable)")
        command.add_argument(
            "--account", action="append", default=[], help="wallet address or IBAN (repeatable)"
        )
        command.add_argument(
            "--country", help="ISO 3166-1 alpha-2 country, the region of national phone numbers"
        )
        command.add_argument("--nationality", help="ISO 3166-1 alpha-2 code")
        command.add_argument("--date-of-birth", help="YYYY-MM-DD, YYYY-MM or YYYY")

    check = commands.add_parser("check", help="screen one applicant given by options")
    add_applicant_options(check)
    check.add_argument("--json", action="store_true", help="print the full result as JSON")
    add_screening_options(check)

    batch = commands.add_parser("batch", help="screen every row of a CSV or JSON Lines file")
    batch.add_argument("file", metavar="FILE", help="CSV or JSON Lines input; '-' reads standard input")
    batch.add_argument("--output", metavar="OUT", help="write results here ('-' or none: standard output)")
    batch.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet"),
        default="jsonl",
        help="output format (parquet: needs pyarrow and --output)",
    )
    batch.add_argument(
        "--input-format",
        choices=("csv", "jsonl", "parquet"),
        help="input format (default: from the file name: .csv CSV, .parquet Parquet, else JSON Lines)",
    )
    batch.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="screen in N processes (0: one per core; default 1)"
    )
    batch.add_argument("--quiet", action="store_true", help="no progress line, even on a terminal")
    batch.add_argument(
        "--columns",
        metavar="FIELD=COLUMN,..",
        help="the input's columns that hold the applicant's fields (name=full_name,emails=work_email;"
        " repeat a list field for several columns); the other columns pass through to the output",
    )
    batch.add_argument(
        "--delimiter",
        type=_delimiter,
        metavar="CHAR",
        help="CSV input's cell separator: one character, or 'tab' (default: told from the header line:"
        " comma, semicolon, tab or bar)",
    )
    batch.add_argument(
        "--date-format",
        metavar="FORMAT",
        help="how dates of birth are written, in strftime codes (%%d/%%m/%%Y; default: YYYY-MM-DD)",
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted batch: keep the rows in OUT.partial and screen the rest",
    )
    add_screening_options(batch)

    review = commands.add_parser("review", help="record reviewers' decisions")
    review_actions = review.add_subparsers(dest="action", required=True, metavar="ACTION")
    clear = review_actions.add_parser(
        "clear", help="record that an applicant's hit on an entry is not the listed party"
    )
    add_applicant_options(clear)
    clear.add_argument("--entry", required=True, metavar="ID", help="the listed entry's id")
    clear.add_argument("--reviewer", required=True, help="who decided")
    clear.add_argument("--reason", required=True, help="why, in a sentence")
    clear.add_argument("--date", help="YYYY-MM-DD, not in the future (default: today, UTC)")
    clear.add_argument(
        "--force",
        action="store_true",
        help="clear a match although the applicant has no date of birth or nationality",
    )
    clear.add_argument("--watchlist", metavar="PATH", help="watchlist file (default: the bundled DOJ list)")
    clear.add_argument("--allow-list", required=True, metavar="FILE", help="the allow-list file to append to")

    watchlist = commands.add_parser("watchlist", help="show, validate, import or compare watchlist files")
    actions = watchlist.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="summarize a watchlist (default: the bundled list)")
    show.add_argument("path", nargs="?", metavar="PATH")
    show.add_argument("--json", action="store_true", help="print the whole list in the file format")
    actions.add_parser("schema", help="print the watchlist file format as a JSON Schema")
    validate = actions.add_parser("validate", help="check a watchlist file and report every problem")
    validate.add_argument("path", metavar="PATH")
    importer = actions.add_parser("import", help="convert another list's files into a watchlist file")
    importer.add_argument(
        "source",
        metavar="FORMAT",
        help=(
            "the list's format, detected from PATH when left out: ofac (legacy SDN or non-SDN CSV"
            " files), un (UN Security Council consolidated XML), csl (US Consolidated Screening List"
            " CSV), ftm (FollowTheMoney entities, one JSON object a line, as OpenSanctions publishes them)"
        ),
    )
    importer.add_argument(
        "directory",
        nargs="?",
        metavar="PATH",
        help="ofac: the folder with sdn.csv, alt.csv, sdn_comments.csv (or cons_*.csv); else the file",
    )
    importer.add_argument("--output", required=True, metavar="OUT", help="the watchlist file to write")
    importer.add_argument("--alt", metavar="PATH", help="alt.csv elsewhere than in DIR")
    importer.add_argument("--targets-only", action="store_true", help="ftm: keep only targets (target: true)")
    importer.add_argument("--topics", metavar="T,..", help="ftm: keep only entities with one of these topics")
    importer.add_argument(
        "--datasets", metavar="D,..", help="ftm: keep only entities of one of these datasets"
    )
    importer.add_argument(
        "--list-name", metavar="NAME", help="ftm: the list's name (default: the file's name)"
    )
    importer.add_argument("--comments", metavar="PATH", help="sdn_comments.csv elsewhere than in DIR")
    importer.add_argument(
        "--list-version",
        metavar="V",
        help=(
            "the list's version (default: ofac, the folder's name; un, the date the file was"
            " generated; csl, the file's name)"
        ),
    )
    importer.add_argument(
        "--no-index",
        action="store_true",
        help="do not build the name index and save it beside OUT (the first screening will)",
    )
    index = actions.add_parser(
        "index", help="build a list's name index and save it beside the list, for fast loads"
    )
    index.add_argument("path", metavar="LIST", help="the watchlist file (made by import or elsewhere)")
    changes = actions.add_parser(
        "changes", help="what a list's new version adds, changes and removes; the entries to rescreen"
    )
    changes.add_argument(
        "old", metavar="OLD", help="the earlier version's watchlist file ('bundled': the bundled list)"
    )
    changes.add_argument(
        "new", metavar="NEW", help="the later version's watchlist file ('bundled': the bundled list)"
    )
    changes.add_argument(
        "--output",
        metavar="OUT",
        help="write the added and changed entries to OUT, a watchlist to screen against",
    )
    changes.add_argument("--json", action="store_true", help="print what changed as JSON")
    return parser


def _delimiter(text: str) -> str:
    """A CSV delimiter option: one character; 'tab' or '\\t' for a tab."""
    delimiter = "\t" if text in {"tab", "\\t"} else text
    if len(delimiter) != 1 or delimiter in {'"', "\n", "\r"}:
        raise argparse.ArgumentTypeError(f"{text!r} is not a delimiter: give one character, or 'tab'.")
    return delimiter


def _screener(args: argparse.Namespace) -> Screener:
    """The screener the options ask for."""
    policy_options = {}
    if getattr(args, "match_threshold", None) is not None:
        policy_options["match_threshold"] = args.match_threshold
    if getattr(args, "review_threshold", None) is not None:
        policy_options["review_threshold"] = args.review_threshold
    policy = Policy(**policy_options)
    allow_list = (
        AllowList.load(args.allow_list, key=_allow_list_key()) if getattr(args, "allow_list", None) else None
    )
    lists = _watchlists(args.watchlist)
    index_cache = not getattr(args, "no_index_cache", False)
    return Screener(lists, policy=policy, allow_list=allow_list, index_cache=index_cache)


def _watchlists(paths: list[str] | str | None) -> list[Watchlist]:
    """The lists named on the command line; 'bundled' is the bundled list; none is it too."""
    if not paths:
        return [load_watchlist()]
    if isinstance(paths, str):
        paths = [paths]
    return [load_watchlist(None if path == "bundled" else path) for path in paths]


class _AuditLog:
    """Appends one JSON line per screening to a file, when asked to: whole lines only (see
    :mod:`screening._sinks`)."""

    def __init__(self, path: str | None) -> None:
        self._file = LineFile(path, append=True) if path else None

    def write(self, result: ScreeningResult, **context: object) -> None:
        if self._file is not None:
            self.write_record(result.to_dict(), **context)

    def write_record(self, result: dict[str, object], **context: object) -> None:
        if self._file is not None:
            record = {"screened_at": datetime.datetime.now(datetime.timezone.utc).isoformat(), **context}
            record["result"] = result
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _write(out: IO[str], text: str) -> None:
    """Write text for a person: every line's unprintable characters escaped (see
    :mod:`screening._printable`), so that no value from input can act on a terminal."""
    out.write("\n".join(printable(line) for line in text.split("\n")))


def _applicant_from(args: argparse.Namespace) -> Applicant:
    return Applicant(
        name=args.name,
        aliases=args.alias,
        emails=args.email,
        phones=args.phone,
        websites=args.website,
        accounts=args.account,
        country=args.country,
        nationality=args.nationality,
        date_of_birth=args.date_of_birth,
    )


def _check(args: argparse.Namespace, out: IO[str]) -> int:
    screener = _screener(args)
    result = screener.screen(_applicant_from(args))
    audit = _AuditLog(args.audit_log)
    try:
        audit.write(result, command="check")
    finally:
        audit.close()
    if args.json:
        _write(out, printable_json(result.to_dict(), indent=2) + "\n")
    else:
        _write(out, result.explain() + "\n")
    return _DECISION_EXIT[result.decision]


@attrs.frozen
class _Reading:
    """How a batch reads its rows and writes them: which columns hold the applicant's fields
    and the dates' format (see :mod:`screening._fields`), the input's other columns, which pass
    through to the output (CSV input: by name, after the result columns, a name that is a
    result column's prefixed with ``input_``; JSON Lines input: as one JSON object, the
    record's ``input`` key or the CSV output's ``input`` column), and the CSV output's columns."""

    columns: ColumnMap = attrs.field(factory=ColumnMap)
    date_format: str | None = None
    #: CSV input: each passed-through column and its output name; None for JSON Lines input.
    passed: tuple[tuple[str, str], ...] | None = None

    @property
    def output_columns(self) -> tuple[str, ...]:
        extra = ("input",) if self.passed is None else tuple(name for _, name in self.passed)
        return CSV_OUTPUT_COLUMNS + extra

    def for_header(self, header: Sequence[str]) -> _Reading:
        """The reading of a CSV file with this header.

        Raises:
            InputFileError: the header lacks the name's column or a mapped one.
        """
        self.columns.check_header(header)
        used = self.columns.used(header)
        taken = set(CSV_OUTPUT_COLUMNS)
        passed = []
        for column in header:
            if column in used:
                continue
            name = column
            while name in taken:
                name = "input_" + name
            taken.add(name)
            passed.append((column, name))
        return attrs.evolve(self, passed=tuple(passed))


def _neutralized(value: object) -> object:
    """Keep a cell from being read as a spreadsheet formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


@attrs.frozen
class _Screened:
    """A batch row screened: its applicant fields and passed-through columns (as far as they
    could be read), and its result or error."""

    fields: dict[str, object]
    passed: dict[str, object]
    result: ScreeningResult | None
    error: Exception | None


def _record(row: Row, screened: _Screened) -> dict[str, object]:
    record: dict[str, object] = {"row": row.number, "line": row.line}
    if "id" in screened.fields:
        record["id"] = screened.fields["id"]
    if screened.passed:
        record["input"] = screened.passed
    if screened.result is not None:
        record["decision"] = screened.result.decision.value
        record["result"] = screened.result.to_dict()
    else:
        error = screened.error
        assert error is not None
        message = str(error) if isinstance(error, ScreeningError) else f"{error} (a bug: please report it)"
        record["error"] = {"type": type(error).__name__, "message": message}
    return record


def _result_cells(row: Row, screened: _Screened, reading: _Reading) -> dict[str, object]:
    """A row's output cells, typed (None where there is no value): the result columns, then
    the columns passed through."""
    cells: dict[str, object] = {
        "row": row.number,
        "line": row.line,
        "id": screened.fields.get("id"),
        "name": screened.fields.get("name"),
    }
    result = screened.result
    if result is not None:
        top = result.hits[0] if result.hits else None
        cells.update(
            decision=result.decision.value,
            score=round(top.score, 4) if top else None,
            top_entry_id=top.entry.id if top else None,
            top_entry_name=top.entry.name if top else None,
            top_method=top.evidence[0].method.value if top else None,
            hits=len(result.hits),
            problems="; ".join(f"{p.field}: {p.reason}" for p in result.problems),
        )
    else:
        cells["error"] = str(screened.error)
    if reading.passed is None:
        cells["input"] = printable_json(screened.passed) if screened.passed else None
    else:
        cells.update((name, screened.passed.get(column)) for column, name in reading.passed)
    return cells


def _csv_cells(cells: dict[str, object], reading: _Reading) -> dict[str, object]:
    """Result cells as CSV text: control characters escaped and formulas neutralized in the
    result columns; the columns passed through as the input had them."""
    passed = {name for _, name in reading.passed or ()}
    text: dict[str, object] = {}
    for key, value in cells.items():
        if key in passed:
            text[key] = "" if value is None else value
        elif key == "score" and isinstance(value, float):
            text[key] = f"{value:.4f}"
        else:
            text[key] = _neutralized(printable("" if value is None else value))
    return text


def _screen_row(screener: Screener, row: Row, reading: _Reading) -> _Screened:
    """Screen one row; a row that cannot be screened yields its error instead, whatever it is:
    one row never ends a batch."""
    if row.error is not None or row.fields is None:
        return _Screened({}, {}, None, row.error or InputFileError(f"Row {row.number} is empty."))
    fields: dict[str, object] = {}
    passed: dict[str, object] | None = None
    result: ScreeningResult | None = None
    problem: Exception | None = None
    try:
        fields, passed = split_record(row.fields, reading.columns, date_format=reading.date_format)
        result = screener.screen(applicant_of(fields))
    except ScreeningError as rejected:
        problem = rejected
    except TypeError as rejected:
        problem = InputFileError(f"Row {row.number} has a value of the wrong type: {rejected}")
    except Exception as failed:  # noqa: BLE001 - a bug in one row must not lose the others
        problem = failed
    if passed is None:  # the row's fields could not be read: its other columns still pass
        passed = reading.columns.passed(row.fields)
    return _Screened(fields, passed, result, problem)


def _allow_list_key() -> bytes | None:
    """The key that signs allow-list lines, from ``$SCREENING_ALLOW_LIST_KEY``; None when unset."""
    key = os.environ.get(KEY_VARIABLE)
    return key.encode("utf-8") if key else None


def _review_clear(args: argparse.Namespace, out: IO[str]) -> int:
    key = _allow_list_key()
    screener = Screener(_watchlists(args.watchlist), allow_list=AllowList.load(args.allow_list, key=key))
    result = screener.screen(_applicant_from(args))
    hit = next((hit for hit in result.hits if hit.entry.id == args.entry), None)
    if hit is None:
        already = next((hit for hit in result.cleared if hit.entry.id == args.entry), None)
        if already is not None:
            _write(out, f"Already cleared by {already.cleared_by.reviewer if already.cleared_by else '?'}.\n")
            return EXIT_CLEAR
        raise InputFileError(f"The applicant has no live hit on entry {args.entry!r}; nothing to clear.")
    decision = ReviewDecision.clearing(
        result, hit, reviewer=args.reviewer, reason=args.reason, date=args.date, force=args.force
    )
    AllowList().append_to(args.allow_list, decision, key=key)
    forced = " (forced: the applicant has no date of birth or nationality)" if decision.forced else ""
    _write(
        out,
        f"Recorded: {args.reviewer} cleared {hit.entry.name} (id {hit.entry.id}) for this applicant"
        f" on {decision.date}{forced}; the hit returns if new evidence appears.\n",
    )
    return EXIT_CLEAR


@attrs.frozen
class _RowOutcome:
    """What one batch row produced: its exit code, its output, and its audit record."""

    code: int
    line: str | None
    cells: dict[str, object] | None
    audit: dict[str, object] | None


def _outcome(screener: Screener, row: Row, *, as_csv: bool, reading: _Reading) -> _RowOutcome:
    screened = _screen_row(screener, row, reading)
    result = screened.result
    if result is not None:
        code = _DECISION_EXIT[result.decision]
    else:
        code = EXIT_USAGE if isinstance(screened.error, ScreeningError) else EXIT_ERROR
    audit = result.to_dict() if result is not None else None
    if as_csv:
        return _RowOutcome(code, None, _result_cells(row, screened, reading), audit)
    return _RowOutcome(code, printable_json(_record(row, screened)) + "\n", None, audit)


class _Progress:
    """A one-line progress report on standard error, only when it is a terminal."""

    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self._stream, self._enabled = stream, enabled and stream.isatty()
        self._start = self._last = time.monotonic()
        self.rows = 0

    def advance(self, count: int = 1) -> None:
        self.rows += count
        now = time.monotonic()
        if self._enabled and now - self._last >= 0.5:
            self._last = now
            rate = self.rows / max(now - self._start, 1e-9)
            self._stream.write(f"\rscreened {self.rows:,} rows ({rate:,.0f}/s)")
            self._stream.flush()

    def close(self) -> None:
        if self._enabled:
            self._stream.write(f"\rscreened {self.rows:,} rows.{' ' * 20}\n")
            self._stream.flush()


def _outcomes(
    rows: Iterator[Row], screener: Screener, *, as_csv: bool, reading: _Reading, jobs: int
) -> Iterator[_RowOutcome]:
    """Each row's outcome, in input order, screened in ``jobs`` processes (see
    :mod:`screening._parallel`)."""
    work = functools.partial(_outcome, as_csv=as_csv, reading=reading)
    for outcome in ordered(screener, work, rows, jobs=jobs):
        if isinstance(outcome, BaseException):
            raise outcome  # _outcome turns every row's problem into its output: a bug
        yield outcome


class _StopRequest:
    """Turns SIGINT and SIGTERM into a request to stop after the rows under way, while a batch
    runs in the main thread; a second Ctrl-C interrupts at once."""

    def __init__(self) -> None:
        self.signal: str | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> _StopRequest:
        if threading.current_thread() is threading.main_thread():
            for number in (signal.SIGINT, signal.SIGTERM):
                self._previous[number] = signal.signal(number, self._requested)
        return self

    def _requested(self, number: int, _frame: object) -> None:
        if self.signal is not None and number == signal.SIGINT:
            raise KeyboardInterrupt
        self.signal = signal.Signals(number).name

    def __exit__(self, *_exc: object) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


def _same_file(first: str, second: str) -> bool:
    """Tell whether two paths name one file (or would, once created)."""
    with contextlib.suppress(OSError):
        return os.path.samefile(first, second)
    return os.path.realpath(first) == os.path.realpath(second)


def _check_paths(args: argparse.Namespace) -> None:
    """Refuse a batch whose output or audit log is its input, or each other: it would empty
    or corrupt the file before reading it."""
    named = [("input", args.file), ("--output", args.output), ("--audit-log", args.audit_log)]
    files = [(what, path) for what, path in named if path and path != "-"]
    for index, (what, path) in enumerate(files):
        for other, other_path in files[index + 1 :]:
            if _same_file(path, other_path):
                raise OutputFileError(
                    f"{other} {other_path} is the same file as the {what} {path}; writing it would"
                    f" destroy the {what}. Choose another path."
                )


def _binary_input(path: str) -> IO[bytes] | IO[str]:
    """Standard input as bytes where it has them (so that its encoding is checked as a
    file's is), else as text."""
    return getattr(sys.stdin, "buffer", sys.stdin) if path == "-" else open(path, "rb")


def _batch_jobs(args: argparse.Namespace) -> int:
    """Check a batch's options against each other; the number of processes it runs in.

    Raises:
        OutputFileError: an output or resumption that cannot be.
        InputFileError: a bad --jobs, or Parquet from standard input.
    """
    if args.output == "-":
        if args.resume:
            raise OutputFileError("--resume continues the results of an --output file, not standard output.")
        args.output = None  # standard output, as with no --output
    _check_paths(args)
    if args.resume and not args.output:
        raise OutputFileError("--resume continues the results of an --output file; name it with --output.")
    if args.format == "parquet" and (not args.output or args.resume):
        raise OutputFileError(
            "Parquet output needs a file (--output OUT.parquet) and cannot be resumed (--resume):"
            " a Parquet file is complete only once closed."
        )
    args.input_format = args.input_format or _input_format(args.file)
    if args.input_format == "parquet" and args.file == "-":
        raise InputFileError("Parquet input must be a file, not standard input.")
    try:
        return jobs_wanted(args.jobs)
    except ValueError as error:
        raise InputFileError(str(error)) from None


def _batch_rows(
    args: argparse.Namespace, stack: contextlib.ExitStack[bool | None]
) -> tuple[_Reading, Iterator[Row], dict[str, object]]:
    """How a batch's rows are read, the rows, and the Arrow types of the columns passed
    through from Parquet input (none from the other formats)."""
    reading = _Reading(
        ColumnMap.parse(args.columns) if args.columns else ColumnMap(), date_format=args.date_format
    )
    if args.input_format == "parquet":
        header, input_types, rows = parquet_rows(args.file)
        reading = reading.for_header(header)
        return reading, rows, {name: input_types[column] for column, name in reading.passed or ()}
    try:
        source = _binary_input(args.file)
    except OSError as error:
        raise InputFileError(f"{args.file}: the input cannot be read: {error.strerror}.") from error
    if args.file != "-":
        stack.callback(source.close)
    if args.input_format == "csv":
        table = csv_table(source, delimiter=args.delimiter)
        return reading.for_header(table.header), table.rows, {}
    return reading, jsonl_rows(source), {}


@attrs.define
class _Output:
    """Where a batch's results go, and what an unfinished run being resumed already wrote."""

    sink: LineFile | ParquetSink | None
    write_line: Callable[[str], object]
    reading: _Reading
    done: int = 0
    worst: int = EXIT_CLEAR

    def write(self, outcome: _RowOutcome) -> None:
        if outcome.cells is None:
            self.write_line(outcome.line or "")
        elif isinstance(self.sink, ParquetSink):
            self.sink.write(outcome.cells)
        else:
            self.write_line(_csv_line(outcome.cells, self.reading))


def _batch_output(
    args: argparse.Namespace,
    stack: contextlib.ExitStack[bool | None],
    reading: _Reading,
    types: dict[str, object],
    out: IO[str],
) -> _Output:
    """Open a batch's output: standard output, or ``OUT.partial`` (continued with --resume)."""
    as_csv = args.format != "jsonl"
    if not args.output:
        output = _Output(None, out.write, reading)
    else:
        partial = args.output + PARTIAL_SUFFIX
        done, worst, size = 0, EXIT_CLEAR, 0
        if args.resume:
            done, decisions, size = rows_done(partial, as_csv=as_csv)
            worst = _written_exit(partial, decisions)
            with open(partial, "r+b") as unfinished:
                unfinished.truncate(size)  # a half line after the last whole one goes
        elif os.path.lexists(partial):
            raise OutputFileError(
                f"{partial} holds the results of an unfinished batch: run the same command with"
                " --resume to continue it, or delete the file to start again."
            )
        if args.format == "parquet":
            parquet = ParquetSink(partial, reading.output_columns, types)
            stack.callback(parquet.close)
            return _Output(parquet, out.write, reading)
        sink = LineFile(partial, append=args.resume, create=False)
        stack.callback(sink.close)
        output = _Output(sink, sink.write, reading, done, worst)
        if size > 0:
            return output  # the header is written
    if as_csv:
        output.write_line(
            _csv_line(dict(zip(reading.output_columns, reading.output_columns, strict=True)), reading)
        )
    return output


def _batch(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    jobs = _batch_jobs(args)
    screener = _screener(args)
    # The prepared lists live as long as the batch: keep the collector from rescanning them.
    gc.freeze()
    with contextlib.ExitStack() as stack:
        reading, rows, types = _batch_rows(args, stack)
        output = _batch_output(args, stack, reading, types, out)
        audit = _AuditLog(args.audit_log)
        stack.callback(audit.close)
        progress = _Progress(err, enabled=not args.quiet)
        stack.callback(progress.close)
        done, worst = output.done, output.worst
        pending = (row for row in rows if row.number > done)
        as_csv = args.format != "jsonl"  # rows of cells (typed for Parquet)
        with _StopRequest() as stop:
            try:
                for outcome in _outcomes(pending, screener, as_csv=as_csv, reading=reading, jobs=jobs):
                    worst = max(worst, outcome.code)
                    if outcome.audit is not None:
                        audit.write_record(outcome.audit, command="batch", row=done + progress.rows + 1)
                    output.write(outcome)
                    progress.advance()
                    if stop.signal is not None:
                        return _stopped(args, err, f"stopped by {stop.signal}", done + progress.rows)
            except OutputFileError as failed:
                return _stopped(args, err, f"stopped: {failed}", done + progress.rows)
            except BrokenProcessPool:
                why = "stopped: a screening process ended unexpectedly (killed by a signal, or out of memory)"
                return _stopped(args, err, why, done + progress.rows)
    if args.output:
        os.replace(args.output + PARTIAL_SUFFIX, args.output)
    return worst


def _input_format(path: str) -> str:
    """A batch input's format told by its file name: .csv CSV, .parquet Parquet, else JSON Lines."""
    lowered = path.lower()
    if lowered.endswith(".csv"):
        return "csv"
    return "parquet" if lowered.endswith((".parquet", ".pq")) else "jsonl"


def _written_exit(path: str, decisions: set[str]) -> int:
    """The exit code of the rows an unfinished result file holds: the highest of their
    decisions', an error row's as invalid input.

    Raises:
        OutputFileError: a row has a decision this command does not write.
    """
    try:
        codes = [_DECISION_EXIT[Decision(decision)] if decision else EXIT_USAGE for decision in decisions]
    except ValueError as error:
        raise OutputFileError(
            f"{path}: a row's decision is none this command writes ({error}); delete the file to start again."
        ) from error
    return max(codes, default=EXIT_CLEAR)


def _stopped(args: argparse.Namespace, err: IO[str], why: str, rows: int) -> int:
    """Say where a batch stopped before its end, and how to go on."""
    if args.format == "parquet":
        where = (
            f"they are in {args.output}{PARTIAL_SUFFIX}, a complete Parquet file of those rows (Parquet"
            " output cannot be resumed: delete it and run the command again)"
        )
    elif args.output:
        where = f"they are in {args.output}{PARTIAL_SUFFIX}; run the same command with --resume to continue"
    else:
        where = "they were written to standard output"
    _write(err, f"screening: {why} after {rows:,} rows; {where}.\n")
    return EXIT_STOPPED


def _csv_line(cells: dict[str, object], reading: _Reading) -> str:
    line = io.StringIO()
    csv.DictWriter(line, fieldnames=reading.output_columns).writerow(_csv_cells(cells, reading))
    return line.getvalue()


def _show(args: argparse.Namespace, out: IO[str]) -> int:
    watchlist = load_watchlist(args.path)
    if args.json:
        _write(out, printable_json(watchlist.to_dict(), indent=2) + "\n")
        return EXIT_CLEAR
    _write(out, _summary(watchlist) + "\n")
    _write(out, "Sources:\n")
    for source in watchlist.sources:
        published = f", {source.published}" if source.published else ""
        url = f" <{source.url}>" if source.url else ""
        _write(out, f"  [{source.id}] {source.title}{published}{url}\n")
    _write(out, "Entries:\n")
    for entry in watchlist.entries:
        aliases = "; ".join(entry.aliases + tuple(f"{alias} (weak)" for alias in entry.weak_aliases))
        extra = f"  aka {aliases}" if aliases else ""
        _write(out, f"  {entry.id}  {entry.kind.value}  {entry.name}{extra}  [{', '.join(entry.sources)}]\n")
    return EXIT_CLEAR


def _summary(watchlist: Watchlist) -> str:
    counts = Counter(entry.kind.value for entry in watchlist.entries)
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
    return "\n".join(
        [
            f"{watchlist.name} version {watchlist.version}: {watchlist.title}",
            f"File: {watchlist.path}",
            f"Checksum: {watchlist.checksum}",
            f"Entries: {len(watchlist.entries)} ({kinds})",
        ]
    )


def _import(args: argparse.Namespace, out: IO[str]) -> int:
    from screening.csl import import_csl
    from screening.ftm import import_ftm
    from screening.ofac import import_ofac
    from screening.un import import_un

    if args.directory is None:  # "import PATH": the format told by the file
        args.directory, args.source = args.source, _import_format(args.source)
    elif args.source not in _IMPORT_FORMATS:
        raise InputFileError(
            f"{printable(args.source)} is no list format this command reads: use one of"
            f" {', '.join(_IMPORT_FORMATS)}, or leave it out to have it detected."
        )
    if args.source != "ofac" and (args.alt or args.comments):
        raise InputFileError(
            f"--alt and --comments are for the OFAC files; the {args.source} list is one file."
        )
    ftm_only = args.targets_only or args.topics or args.datasets or args.list_name
    if args.source != "ftm" and ftm_only:
        raise InputFileError(
            "--targets-only, --topics, --datasets and --list-name are for FollowTheMoney files."
        )
    if args.source == "un":
        watchlist, un_report = import_un(args.directory, version=args.list_version)
        summary = un_report.summary()
    elif args.source == "csl":
        watchlist, csl_report = import_csl(args.directory, version=args.list_version)
        summary = csl_report.summary()
    elif args.source == "ftm":
        watchlist, ftm_report = import_ftm(
            args.directory,
            targets_only=args.targets_only,
            topics=_listed_option(args.topics),
            datasets=_listed_option(args.datasets),
            name=args.list_name,
            version=args.list_version,
        )
        summary = ftm_report.summary()
    else:
        watchlist, report = import_ofac(
            args.directory, alt=args.alt, comments=args.comments, version=args.list_version
        )
        summary = report.summary()
    _write_watchlist(watchlist, args.output)
    _write(
        out, "".join(printable(line) + "\n" for line in summary.splitlines())
    )  # examples come from the file
    _write(
        out,
        f"Wrote {args.output}: {watchlist.name} version {watchlist.version},"
        f" checksum {watchlist.checksum}.\n",
    )
    if not args.no_index:
        # Build the name index now and save it beside the list, so that screenings against
        # the new file start by reading it (see Screener's index_cache).
        screener = Screener(attrs.evolve(watchlist, path=str(args.output)))  # as if loaded from it
        cache = index_cache_path(screener.watchlist)
        if cache is not None and cache.exists():
            _write(out, f"Saved its name index to {cache}.\n")
    return EXIT_CLEAR


def _index(args: argparse.Namespace, out: IO[str]) -> int:
    """Build a list's name index and save it beside the list (else in the cache folder), so
    that every screening against it, in any process, starts by reading it."""
    watchlist = load_watchlist(args.path)
    names = len(listed_values(watchlist))
    least = _storage.CACHE_MIN_NAMES
    if names < least:
        _write(
            out,
            f"{args.path} has {names:,} names: a list of fewer than {least:,} is indexed"
            " afresh each time, which is faster than reading a saved index. Nothing to do.\n",
        )
        return EXIT_CLEAR
    already = not needs_index_build(watchlist)
    started = time.perf_counter()
    Screener(watchlist)
    seconds = time.perf_counter() - started
    saved = saved_index_path(watchlist)
    if saved is None:
        raise OutputFileError(
            f"The name index of {args.path} could not be saved beside it or in the cache folder"
            f" (${CACHE_FOLDER_VARIABLE}); check that one of them can be written."
        )
    what = "was already saved" if already else f"built in {seconds:.1f} s and saved"
    _write(out, f"The name index of {args.path} ({names:,} names) {what}: {saved}.\n")
    return EXIT_CLEAR


#: The formats ``watchlist import`` reads.
_IMPORT_FORMATS = ("ofac", "un", "csl", "ftm")


def _import_format(path: str) -> str:
    """The format of a list's files, told by their content: a folder with OFAC's CSV files,
    the UN's XML, a CSV with the Consolidated Screening List's columns, or FollowTheMoney
    entities (a JSON object with a ``schema`` on the first line)."""
    location = os.fspath(path)
    if os.path.isdir(location):
        if any(os.path.isfile(os.path.join(location, name)) for name in ("sdn.csv", "cons_prim.csv")):
            return "ofac"
        raise InputFileError(f"{printable(location)}: a folder, but with no OFAC sdn.csv or cons_prim.csv.")
    try:
        with open(location, "rb") as stream:
            head = stream.read(1 << 16).decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    except OSError as error:
        raise InputFileError(f"Cannot read {printable(location)}: {error.strerror or error}.") from error
    first = head.split("\n", 1)[0]
    if head.startswith("<") and "<CONSOLIDATED_LIST" in head:
        return "un"
    if first.startswith("{") and '"schema"' in first:
        return "ftm"
    columns = {column.strip().strip('"') for column in first.split(",")}
    if {"source", "name", "alt_names"} <= columns:
        return "csl"
    raise InputFileError(
        f"Cannot tell the format of {printable(location)}: give it ({', '.join(_IMPORT_FORMATS)})."
    )


def _listed_option(value: str | None) -> tuple[str, ...]:
    """The values of a comma-separated option ("sanction,debarment")."""
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _write_watchlist(watchlist: Watchlist, path: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(watchlist.to_dict(), stream, ensure_ascii=False, indent=1)
            stream.write("\n")
    except OSError as error:
        raise InputFileError(f"{path}: the watchlist cannot be written: {error.strerror}.") from error


def _changes(args: argparse.Namespace, out: IO[str]) -> int:
    changes = watchlist_changes(*_watchlists([args.old, args.new]))
    rescreen = changes.watchlist() if args.output else None
    if rescreen is not None:
        _write_watchlist(rescreen, args.output)
    if args.json:
        report = {
            "name": changes.new.name,
            "old_version": changes.old.version,
            "new_version": changes.new.version,
            "added": [entry.id for entry in changes.added],
            "changed": [entry.id for entry in changes.changed],
            "removed": [
                {"id": entry.id, "kind": entry.kind.value, "name": entry.name} for entry in changes.removed
            ],
            "output": None
            if rescreen is None
            else {"path": args.output, "version": rescreen.version, "checksum": rescreen.checksum},
        }
        _write(out, printable_json(report, indent=2) + "\n")
        return EXIT_CLEAR
    _write(
        out,
        f"{changes.new.name}: version {changes.old.version} to {changes.new.version}:"
        f" {len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} removed.\n",
    )
    if changes.removed:
        _write(out, "Removed (earlier hits against them no longer apply):\n")
        for entry in changes.removed:
            _write(out, f"  {entry.id}  {entry.kind.value}  {entry.name}\n")
    if rescreen is not None:
        _write(
            out,
            f"Wrote {args.output}: the {len(rescreen.entries)} added and changed entries to screen against"
            f" ({rescreen.name} version {rescreen.version}, checksum {rescreen.checksum}).\n",
        )
    return EXIT_CLEAR


def _schema(_args: argparse.Namespace, out: IO[str]) -> int:
    from screening.watchlist import watchlist_schema

    _write(out, json.dumps(watchlist_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_CLEAR


#: Problems ``watchlist validate`` prints before it only counts the rest.
_PROBLEMS_SHOWN = 50


class _ProblemsError(InputFileError):
    """Several problems of one input, each reported on a line of its own."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines[0])
        self.lines = lines


def _validate(args: argparse.Namespace, out: IO[str]) -> int:
    from screening.watchlist import watchlist_problems

    problems = watchlist_problems(args.path)
    if problems:
        shown = problems[:_PROBLEMS_SHOWN]
        if len(problems) > 1:
            more = len(problems) - len(shown)
            shown.append(
                f"{args.path} is not a valid watchlist: {len(problems)} problems"
                + (f", {more} of them not shown." if more else ".")
            )
        raise _ProblemsError(shown)
    watchlist = load_watchlist(args.path)
    _write(out, f"OK: {args.path} is a valid watchlist.\n{_summary(watchlist)}\n")
    return EXIT_CLEAR


def main(
    argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None
) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).
        stdout: where results go (default: ``sys.stdout``).
        stderr: where errors go (default: ``sys.stderr``).
    """
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    parser = _parser()
    try:
        with contextlib.redirect_stderr(err) if stderr is not None else contextlib.nullcontext():
            args = parser.parse_args(argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0) and EXIT_USAGE
    handlers = {"check": _check, "review": _review_clear}
    try:
        if args.command == "watchlist":
            actions = {
                "show": _show,
                "validate": _validate,
                "import": _import,
                "changes": _changes,
                "schema": _schema,
                "index": _index,
            }
            return actions[args.action](args, out)
        if args.command == "batch":
            return _batch(args, out, err)
        return handlers[args.command](args, out)
    except ScreeningError as error:
        for line in error.lines if isinstance(error, _ProblemsError) else [str(error)]:
            err.write(f"screening: error: {printable(line)}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``| head``): nothing is left to say. Standard output is
        # pointed at the null device so that flushing it at exit raises nothing more.
        if out is sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_STOPPED
    except KeyboardInterrupt:
        _write(err, "screening: interrupted.\n")
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last line of defence: report, never a traceback
        err.write(
            f"screening: unexpected error ({type(error).__name__}): {printable(error)}. Please report it.\n"
        )
        return EXIT_ERROR
