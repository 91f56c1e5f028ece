"""Tests of the command line: output, exit codes and batch behaviour."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import screening
from screening import _storage
from screening.cli import EXIT_CLEAR, EXIT_ERROR, EXIT_MATCH, EXIT_REVIEW, EXIT_USAGE, main
from screening.watchlist import bundled_watchlist_path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_check_match_exits_4_with_evidence() -> None:
    """A listed name is a match, exit 4, and the report shows the evidence."""
    code, out, _ = run("check", "--name", "Wang Zhenxing")
    assert (EXIT_MATCH, True) == (code, "token order" in out and "Zhenxing Wang" in out)


def test_check_clear_exits_0() -> None:
    """A surname alone is clear, exit 0."""
    assert EXIT_CLEAR == run("check", "--name", "Wang Wei")[0]


def test_check_review_exits_3() -> None:
    """A weak alias is a review, exit 3."""
    assert EXIT_REVIEW == run("check", "--name", "Danny Wang")[0]


def test_check_seized_website_is_a_match() -> None:
    """A website on a seized domain is a match."""
    assert (
        EXIT_MATCH == run("check", "--name", "Alex Morgan", "--website", "https://jobs.cloudfoxhub.com/x")[0]
    )


def test_check_gmail_is_clear() -> None:
    """An ordinary email provider is clear."""
    assert EXIT_CLEAR == run("check", "--name", "Alex Morgan", "--email", "someone@gmail.com")[0]


def test_check_json_output() -> None:
    """--json prints the full result as JSON."""
    _code, out, _ = run("check", "--name", "Kim Kwang Jin", "--json")
    assert ("match", "doj-2025-kim-kwang-jin") == (
        json.loads(out)["decision"],
        json.loads(out)["hits"][0]["entry"]["id"],
    )


def test_usage_error_exits_2() -> None:
    """A missing required option is a usage error, exit 2."""
    code, _, err = run("check")
    assert (EXIT_USAGE, True) == (code, "--name" in err)


def test_invalid_input_exits_2_with_a_sentence() -> None:
    """An invalid country is reported in a sentence, exit 2, without a traceback."""
    code, _, err = run("check", "--name", "Kim", "--country", "Korea")
    assert EXIT_USAGE == code
    assert (
        "screening: error: country 'Korea' is neither an ISO 3166-1 alpha-2 country code such as 'US'"
        " nor a country name the library knows (such as 'Ethiopia' or 'Korea, North').\n" == err
    )


def test_invalid_threshold_exits_2() -> None:
    """Thresholds out of order are a usage error."""
    assert EXIT_USAGE == run("check", "--name", "Kim", "--match-threshold", "0.5")[0]


def test_missing_watchlist_exits_2(tmp_path: Path) -> None:
    """A watchlist path that does not exist is reported, exit 2."""
    code, _, err = run("check", "--name", "Kim", "--watchlist", str(tmp_path / "none.json"))
    assert (EXIT_USAGE, True) == (code, "no such watchlist file" in err)


def write_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "applicants.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_batch_csv_one_record_per_row_in_order(tmp_path: Path) -> None:
    """Every CSV row yields one JSON line, in input order; a bad row yields an error record."""
    path = write_csv(
        tmp_path,
        "name,aliases,emails,phones,websites,country\n"
        "Wang Wei,,,,,CN\n"
        "Alex Morgan,,,,jobs.cloudfoxhub.com;example.org,US\n"
        "!!!,,,,,\n"
        "Danny Wang,,,+1 404 555 0100,,US\n",
    )
    code, out, _ = run("batch", str(path))
    records = [json.loads(line) for line in out.splitlines()]
    assert [1, 2, 3, 4] == [record["row"] for record in records]
    assert ["clear", "match", None, "review"] == [record.get("decision") for record in records]
    assert "InvalidApplicantError" == records[2]["error"]["type"]
    assert EXIT_MATCH == code


def test_batch_error_rows_make_exit_2_when_nothing_worse(tmp_path: Path) -> None:
    """A batch whose worst row is invalid exits 2; the valid rows are still reported."""
    path = write_csv(tmp_path, "name,country\nWang Wei,CN\nKim,Korea\n")
    code, out, _ = run("batch", str(path))
    assert (EXIT_USAGE, 2) == (code, len(out.splitlines()))


def test_batch_jsonl_input_with_bad_lines(tmp_path: Path) -> None:
    """JSON Lines input: bad JSON and non-objects are error records; a key that is no field
    passes through, in the record's "input"."""
    path = tmp_path / "applicants.jsonl"
    path.write_text(
        '{"id": "a1", "name": "Kim Kwang Jin"}\n'
        "not json\n"
        "\n"
        "[1, 2]\n"
        '{"name": "Lee", "mail": "x@y.z"}\n'
        '{"name": "Wang Wei", "emails": ["wang@silverstarchina.com"]}\n',
        encoding="utf-8",
    )
    code, out, _ = run("batch", str(path))
    records = [json.loads(line) for line in out.splitlines()]
    assert [1, 2, 4, 5, 6] == [record["line"] for record in records]
    assert ["match", "error", "error", "clear", "match"] == [
        record.get("decision", "error") for record in records
    ]
    assert ("a1", {"mail": "x@y.z"}) == (records[0]["id"], records[3]["input"])
    assert EXIT_MATCH == code


@pytest.mark.parametrize("cell", ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)"])
def test_batch_csv_output_neutralizes_every_formula_prefix(tmp_path: Path, cell: str) -> None:
    """Cells starting with =, +, - or @ come out prefixed with a quote."""
    path = write_csv(tmp_path, f"id,name\n{cell},Kim Kwang Jin\n")
    output = tmp_path / "out.csv"
    run("batch", str(path), "--format", "csv", "--output", str(output))
    with output.open(encoding="utf-8", newline="") as stream:
        assert "'" + cell == next(csv.DictReader(stream))["id"]


def test_batch_csv_output_neutralizes_formulas(tmp_path: Path) -> None:
    """CSV output prefixes cells that a spreadsheet would run as formulas."""
    path = write_csv(tmp_path, "id,name\n=HYPERLINK(1),Kim Kwang Jin\n")
    output = tmp_path / "out.csv"
    code, _, _ = run("batch", str(path), "--format", "csv", "--output", str(output))
    with output.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert (EXIT_MATCH, "'=HYPERLINK(1)", "match", "doj-2025-kim-kwang-jin") == (
        code,
        rows[0]["id"],
        rows[0]["decision"],
        rows[0]["top_entry_id"],
    )


def _csv_results(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_batch_passes_unknown_columns_through(tmp_path: Path) -> None:
    """An HR export's other columns pass through unchanged, after the result columns; one named
    as a result column is prefixed with input_."""
    path = write_csv(
        tmp_path, "employee_id,name,department,score\nE-1,Kim Kwang Jin,=Sales,7\nE-2,Wang Wei,,\n"
    )
    code, out, _ = run("batch", str(path), "--format", "csv")
    header = out.splitlines()[0].split(",")
    rows = _csv_results(out)
    assert ["employee_id", "department", "input_score"] == header[-3:]
    assert [("E-1", "=Sales", "7", "match"), ("E-2", "", "", "clear")] == [
        (row["employee_id"], row["department"], row["input_score"], row["decision"]) for row in rows
    ]
    assert EXIT_MATCH == code
    _, out, _ = run("batch", str(path))
    assert {"employee_id": "E-1", "department": "=Sales", "score": "7"} == json.loads(out.splitlines()[0])[
        "input"
    ]


def test_batch_columns_map_fields_to_an_exports_columns(tmp_path: Path) -> None:
    """--columns names the columns that hold the fields; a list field may take several."""
    path = write_csv(
        tmp_path,
        "staff_no,full_name,work_email,home_email\n7,Alex Morgan,alex@corp.example,alex@cloudfoxhub.com\n",
    )
    columns = "id=staff_no,name=full_name,emails=work_email,emails=home_email"
    code, out, _ = run("batch", str(path), "--columns", columns)
    record = json.loads(out)
    assert (EXIT_MATCH, "7") == (code, record["id"])
    assert ["alex@corp.example", "alex@cloudfoxhub.com"] == record["result"]["applicant"]["emails"]
    assert "input" not in record
    code, _, err = run("batch", str(path), "--columns", "name=fullname")
    assert (EXIT_USAGE, True) == (code, "no column 'fullname'" in err)
    code, _, err = run("batch", str(path), "--columns", "nom=full_name")
    assert (EXIT_USAGE, True) == (code, "the field 'nom'" in err)
    code, _, err = run("batch", str(path))
    assert (EXIT_USAGE, True) == (code, "no 'name' column" in err)


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_batch_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    """Semicolon-, tab- and bar-separated exports are read as they are."""
    text = delimiter.join(["name", "nationality", "note"]) + "\n"
    text += delimiter.join(["Kim Kwang Jin", "Korea, North", '"a, b"']) + "\n"
    code, out, _ = run("batch", str(write_csv(tmp_path, text)), "--format", "csv")
    row = _csv_results(out)[0]
    assert (EXIT_MATCH, "Kim Kwang Jin", "a, b") == (code, row["name"], row["note"])


def test_batch_delimiter_option(tmp_path: Path) -> None:
    """--delimiter overrides the sniffed one; a bad one is a usage error."""
    path = write_csv(tmp_path, "name;id\nKim Kwang Jin;1\n")
    _, out, _ = run("batch", str(path), "--format", "csv", "--delimiter", ";")
    assert "1" == _csv_results(out)[0]["id"]
    _, out, err = run("batch", str(path), "--delimiter", ",")
    assert "no 'name' column" in err
    code, _, err = run("batch", str(path), "--delimiter", ";;")
    assert (EXIT_USAGE, True) == (code, "is not a delimiter" in err)


def test_batch_date_format(tmp_path: Path) -> None:
    """--date-format reads dates of birth as the export writes them; a date in another form is
    that row's error."""
    path = write_csv(tmp_path, "name,date_of_birth\nWang Wei,14/07/2002\nLi Na,2002-07-14\n")
    _, out, _ = run("batch", str(path), "--date-format", "%d/%m/%Y")
    records = [json.loads(line) for line in out.splitlines()]
    assert "2002-07-14" == records[0]["result"]["applicant"]["date_of_birth"]
    assert "does not have the date format '%d/%m/%Y'" in records[1]["error"]["message"]
    _, out, _ = run("batch", str(path), "--date-format", "%m/%Y")
    assert "error" in json.loads(out.splitlines()[0])


def test_batch_output_dash_is_standard_output(tmp_path: Path) -> None:
    """--output - writes to standard output, not to a file named '-'."""
    path = write_csv(tmp_path, "name\nWang Wei\n")
    code, out, _ = run("batch", str(path), "--output", "-")
    assert (EXIT_CLEAR, "clear", False) == (code, json.loads(out)["decision"], Path("-").exists())
    code, _, err = run("batch", str(path), "--output", "-", "--resume")
    assert (EXIT_USAGE, True) == (code, "not standard output" in err)


def test_batch_jsonl_to_csv_keeps_other_keys_as_json(tmp_path: Path) -> None:
    """JSON Lines input with CSV output: the keys that are no field are one JSON cell."""
    path = tmp_path / "in.jsonl"
    path.write_text('{"name": "Wang Wei", "team": ["a", "b"]}\n{"name": "Li Na"}\n', encoding="utf-8")
    _, out, _ = run("batch", str(path), "--format", "csv")
    rows = _csv_results(out)
    assert [{"team": ["a", "b"]}, ""] == [json.loads(rows[0]["input"]), rows[1]["input"]]


def test_batch_missing_file(tmp_path: Path) -> None:
    """A missing batch file is a usage error with a sentence."""
    code, _, err = run("batch", str(tmp_path / "none.csv"))
    assert (EXIT_USAGE, True) == (code, "the input cannot be read" in err)


def test_watchlist_show_and_validate(bundled_path: Path) -> None:
    """watchlist show summarizes the bundled list; validate accepts it."""
    code, out, _ = run("watchlist", "show")
    assert (EXIT_CLEAR, True) == (code, "Entries: 34 (21 domain, 13 person)" in out)
    code, out, _ = run("watchlist", "validate", str(bundled_path))
    assert (EXIT_CLEAR, True) == (code, out.startswith("OK: "))


def test_watchlist_validate_reports_problem(tmp_path: Path) -> None:
    """validate reports the first problem and exits 2."""
    path = tmp_path / "bad.json"
    path.write_text(
        '{"name": "x", "version": "1", "entries": [{"id": "a", "kind": "person"}]}', encoding="utf-8"
    )
    code, _, err = run("watchlist", "validate", str(path))
    assert EXIT_USAGE == code
    assert (
        f"screening: error: {path}:1:43: entries[0] (id 'a'): the required field 'name' is missing.\n" == err
    )


def test_unexpected_error_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug surfaces as exit 1 and one line on stderr, not a traceback."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("screening.cli.load_watchlist", broken)
    code, _, err = run("check", "--name", "Kim")
    assert (EXIT_ERROR, "screening: unexpected error (RuntimeError): boom. Please report it.\n") == (
        code,
        err,
    )


def test_python_dash_m_runs_the_cli() -> None:
    """python -m screening is the same command."""
    completed = subprocess.run(
        [sys.executable, "-m", "screening", "check", "--name", "Wang Wei"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (EXIT_CLEAR, "Decision: CLEAR") == (completed.returncode, completed.stdout.splitlines()[0])


def test_watchlist_import_ofac_writes_a_valid_list(tmp_path: Path) -> None:
    """Importing OFAC files writes a watchlist that validates and screens."""
    ofac = Path(__file__).parent / "data" / "ofac"
    output = tmp_path / "ofac.json"
    code, out, _ = run(
        "watchlist", "import", "ofac", str(ofac), "--output", str(output), "--list-version", "2021-07-07"
    )
    skipped = "Skipped entries: 1 aircraft (such as 'EP-GOM'), 1 vessel (such as 'HERMANN')."
    assert (EXIT_CLEAR, True) == (code, skipped in out)
    assert EXIT_CLEAR == run("watchlist", "validate", str(output))[0]
    assert EXIT_MATCH == run("check", "--name", "Tian Yinyin", "--watchlist", str(output))[0]


def test_review_clear_then_check_with_allow_list_and_audit_log(tmp_path: Path) -> None:
    """review clear records a decision; check with --allow-list reports the hit cleared and
    --audit-log appends one complete JSON line per screening."""
    allow, audit = tmp_path / "allow.jsonl", tmp_path / "audit.jsonl"
    code, out, _ = run(
        "review", "clear", "--name", "Danny Wang", "--entry", "doj-2025-zhenxing-wang",
        "--reviewer", "A. Reviewer", "--reason", "Verified ID.", "--allow-list", str(allow),
    )  # fmt: skip
    assert (EXIT_CLEAR, True) == (code, out.startswith("Recorded: A. Reviewer cleared Zhenxing Wang"))
    code, out, _ = run("check", "--name", "Danny Wang", "--allow-list", str(allow), "--audit-log", str(audit))
    assert (EXIT_CLEAR, True) == (code, "Cleared: Zhenxing Wang" in out)
    run("check", "--name", "Wang Zhenxing", "--audit-log", str(audit))
    lines = [json.loads(line) for line in audit.read_text(encoding="utf-8").splitlines()]
    assert ["clear", "match"] == [line["result"]["decision"] for line in lines]


def test_review_clear_without_a_hit_is_an_error(tmp_path: Path) -> None:
    """Clearing an entry the applicant does not hit is refused."""
    code, _, err = run(
        "review", "clear", "--name", "Wang Wei", "--entry", "doj-2025-zhenxing-wang",
        "--reviewer", "R", "--reason", "x", "--allow-list", str(tmp_path / "a.jsonl"),
    )  # fmt: skip
    assert (EXIT_USAGE, True) == (code, "no live hit on entry" in err)


def test_check_against_several_watchlists(tmp_path: Path) -> None:
    """--watchlist repeats; 'bundled' names the bundled list."""
    ofac = Path(__file__).parent / "data" / "ofac"
    output = tmp_path / "ofac.json"
    run("watchlist", "import", "ofac", str(ofac), "--output", str(output), "--list-version", "2021-07-07")
    code, out, _ = run(
        "check", "--name", "Tian Yinyin", "--watchlist", "bundled", "--watchlist", str(output), "--json"
    )
    assert (EXIT_MATCH, "ofac-sdn") == (code, json.loads(out)["hits"][0]["watchlist"]["name"])


def test_batch_with_two_jobs_keeps_order_and_rows(tmp_path: Path) -> None:
    """Two processes give the same records, in input order, as one."""
    names = ["Wang Wei", "Kim Kwang Jin", "!!!", "Danny Wang", "Alex Morgan"] * 40
    path = write_csv(tmp_path, "name\n" + "\n".join(names) + "\n")
    serial = run("batch", str(path))
    parallel = run("batch", str(path), "--jobs", "2")
    assert serial[1] == parallel[1]
    assert (EXIT_MATCH, 200) == (parallel[0], len(parallel[1].splitlines()))


def test_batch_with_jobs_screens_against_a_list_file(tmp_path: Path) -> None:
    """With --jobs, workers (spawned) screen against a list file as one process does."""
    sample = Path(__file__).parent / "data" / "ofac_sample"
    listed = tmp_path / "ofac.json"
    run("watchlist", "import", "ofac", str(sample), "--output", str(listed))
    names = ["KIM, Jong Un", "Wang Wei", "Mohammed Ali"] * 30
    path = write_csv(
        tmp_path, "name,team\n" + "\n".join(f"{name},t{n}" for n, name in enumerate(names)) + "\n"
    )
    parallel = run("batch", str(path), "--watchlist", str(listed), "--jobs", "2", "--format", "csv")
    serial = run("batch", str(path), "--watchlist", str(listed), "--format", "csv")
    assert serial == parallel
    assert 91 == len(parallel[1].splitlines())
    code, _, err = run("batch", str(path), "--jobs", "-1")
    assert (EXIT_USAGE, True) == (code, "jobs must be a whole number" in err)


def test_watchlist_import_saves_the_name_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large imported list gets its name index saved beside it at once, unless --no-index."""
    monkeypatch.setattr(_storage, "CACHE_MIN_NAMES", 0)
    sample = Path(__file__).parent / "data" / "ofac_sample"
    output = tmp_path / "ofac.json"
    code, out, _ = run("watchlist", "import", "ofac", str(sample), "--output", str(output))
    assert (EXIT_CLEAR, True) == (code, f"Saved its name index to {output}.index." in out)
    assert output.with_name("ofac.json.index").exists()
    other = tmp_path / "other.json"
    run("watchlist", "import", "ofac", str(sample), "--output", str(other), "--no-index")
    assert not other.with_name("other.json.index").exists()


def test_watchlist_changes_writes_the_entries_to_rescreen(tmp_path: Path) -> None:
    """watchlist changes reports what a version adds, changes and removes, and writes the
    entries to rescreen: an applicant named as an added entry is a match against them, naming
    the version; one named as an unchanged entry is clear."""
    old, new, changes = tmp_path / "old.json", tmp_path / "new.json", tmp_path / "changes.json"
    document = json.loads(bundled_watchlist_path().read_text(encoding="utf-8"))
    old.write_text(json.dumps(document), encoding="utf-8")
    removed, kept = document["entries"][0], document["entries"][1]
    document["version"] = "next"
    added = {"id": "added-1", "kind": "person", "name": "Ivan Petrov", "sources": removed["sources"]}
    document["entries"] = [*document["entries"][1:], added]
    new.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = run("watchlist", "changes", str(old), str(new), "--output", str(changes))
    assert (EXIT_CLEAR, True, True) == (code, "1 added, 0 changed, 1 removed." in out, removed["id"] in out)
    code, out, _ = run("check", "--name", "Petrov Ivan", "--watchlist", str(changes), "--json")
    version = json.loads(out)["hits"][0]["watchlist"]["version"]
    assert (EXIT_MATCH, f"next (changes since {json.loads(old.read_text())['version']})") == (code, version)
    assert EXIT_CLEAR == run("check", "--name", kept["name"], "--watchlist", str(changes))[0]


def test_watchlist_changes_as_json(tmp_path: Path) -> None:
    """--json prints the ids added and changed, the entries removed and the file written."""
    old, new, changes = tmp_path / "old.json", tmp_path / "new.json", tmp_path / "changes.json"
    document = json.loads(bundled_watchlist_path().read_text(encoding="utf-8"))
    old.write_text(json.dumps(document), encoding="utf-8")
    removed, changed = document["entries"][0], dict(document["entries"][1])
    changed["aliases"] = [*changed.get("aliases", []), "Another Name"]
    document["version"] = "next"
    document["entries"] = [changed, *document["entries"][2:]]
    new.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = run("watchlist", "changes", str(old), str(new), "--output", str(changes), "--json")
    report = json.loads(out)
    assert (EXIT_CLEAR, [], [changed["id"]], [removed["id"]], str(changes)) == (
        code,
        report["added"],
        report["changed"],
        [entry["id"] for entry in report["removed"]],
        report["output"]["path"],
    )
    assert report["output"]["checksum"] == screening.load_watchlist(changes).checksum


def test_watchlist_changes_of_two_lists_is_a_usage_error(tmp_path: Path) -> None:
    """Comparing two different lists exits 2 with a sentence."""
    ofac = Path(__file__).parent / "data" / "ofac"
    output = tmp_path / "ofac.json"
    run("watchlist", "import", "ofac", str(ofac), "--output", str(output), "--no-index")
    code, _, err = run("watchlist", "changes", "bundled", str(output))
    assert (EXIT_USAGE, True) == (code, "two versions of one list" in err)


def test_review_clear_of_a_bare_name_match_needs_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review clear refuses to clear a match of a name alone, records it with --force, and
    signs the line when $SCREENING_ALLOW_LIST_KEY is set."""
    monkeypatch.setenv("SCREENING_ALLOW_LIST_KEY", "secret")
    allow = tmp_path / "allow.jsonl"
    base = ("review", "clear", "--name", "Wang Zhenxing", "--entry", "doj-2025-zhenxing-wang",
            "--reviewer", "A. Reviewer", "--reason", "Checked.", "--allow-list", str(allow))  # fmt: skip
    code, _out, err = run(*base)
    assert (EXIT_USAGE, True, False) == (code, "--force" in err, allow.exists())
    code, out, _err = run(*base, "--force")
    line = json.loads(allow.read_text(encoding="utf-8"))
    assert (EXIT_CLEAR, True, True, 64) == (code, "forced" in out, line["forced"], len(line["signature"]))


def test_batch_parquet_in_and_out(tmp_path: Path) -> None:
    """Parquet input keeps its other columns' types through Parquet output; CSV input gives
    typed result columns; Parquet output needs a file."""
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    source = tmp_path / "staff.parquet"
    table = pa.table({"staff_no": [7, 8], "full_name": ["Kim Kwang Jin", None], "grade": [1.5, 2.0]})
    pq.write_table(table, source)
    output = tmp_path / "out.parquet"
    code, _, _ = run(
        "batch", str(source), "--columns", "name=full_name", "--format", "parquet", "--output", str(output)
    )
    results = pq.read_table(output)
    assert EXIT_MATCH == code
    assert (pa.int64(), pa.float64(), pa.float64()) == (
        results.schema.field("staff_no").type,
        results.schema.field("grade").type,
        results.schema.field("score").type,
    )
    rows = results.to_pylist()
    assert [(7, 1.5, "match", 1.0), (8, 2.0, None, None)] == [
        (row["staff_no"], row["grade"], row["decision"], row["score"]) for row in rows
    ]
    assert "no name" in str(rows[1]["error"])
    _, out, _ = run("batch", str(source), "--columns", "name=full_name")
    assert {"staff_no": 7, "grade": 1.5} == json.loads(out.splitlines()[0])["input"]
    code, _, err = run("batch", str(source), "--format", "parquet")
    assert (EXIT_USAGE, True) == (code, "Parquet output needs a file" in err)
    code, _, err = run("batch", str(write_csv(tmp_path, "name\nx\n")), "--input-format", "parquet")
    assert (EXIT_USAGE, True) == (code, "cannot be read as Parquet" in err)
