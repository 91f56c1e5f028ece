"""Property tests of the laws the library promises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import screening
from screening import Applicant, Decision, ScreeningError, Watchlist, names

NAME_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40
)
LATIN_NAME = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzāéöß'-", min_size=1, max_size=10), min_size=1, max_size=4
).map(" ".join)


@given(NAME_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    """Normalizing twice gives what normalizing once gives."""
    if names.is_valid(text):
        once = names.normalize(text)
        assert once == names.normalize(once)


@given(
    name=st.one_of(NAME_TEXT, LATIN_NAME),
    emails=st.lists(st.text(min_size=1, max_size=30), max_size=2),
    phones=st.lists(st.text(alphabet="+0123456789 -().ext", min_size=1, max_size=20), max_size=2),
    websites=st.lists(st.text(min_size=1, max_size=30), max_size=2),
    country=st.sampled_from([None, "US", "CN", "KP", "GB"]),
)
def test_screen_never_crashes_and_scores_are_bounded(
    name: str, emails: list[str], phones: list[str], websites: list[str], country: str | None
) -> None:
    """Any applicant the model accepts can be screened; every score is in [0, 1]."""
    try:
        applicant = Applicant(name=name, emails=emails, phones=phones, websites=websites, country=country)
    except ScreeningError:
        return
    result = screening.screen(applicant)
    assert all(0.0 <= hit.score <= 1.0 for hit in result.hits)
    assert all(0.0 <= e.score <= 1.0 for hit in result.hits for e in hit.evidence)


def _ranked(result: screening.ScreeningResult) -> list[tuple[str, screening.Decision, float]]:
    """The hits as compared across orders: entry, decision and score to 9 places."""
    return [(hit.entry.id, hit.decision, round(hit.score, 9)) for hit in result.hits]


@given(st.permutations(["Bryan Cho", "Alex Morgan", "Kim Kwang-jin"]))
def test_alias_order_does_not_change_hits(aliases: list[str]) -> None:
    """The order of an applicant's aliases changes neither the decision nor the ranked entries."""
    result = screening.screen(Applicant(name="Chris Doe", aliases=aliases))
    reference = screening.screen(Applicant(name="Chris Doe", aliases=sorted(aliases)))
    assert _ranked(reference) == _ranked(result)


def _listed_names(watchlist: Watchlist) -> list[tuple[str, str, bool]]:
    return [
        (entry.id, value, weak)
        for entry in watchlist.entries
        if entry.kind is not screening.EntryKind.DOMAIN
        for value, weak in [
            (entry.name, False),
            *((a, False) for a in entry.aliases),
            *((a, True) for a in entry.weak_aliases),
        ]
    ]


@pytest.mark.parametrize(
    ("entry_id", "value", "weak"), _listed_names(screening.load_watchlist()), ids=lambda x: str(x)
)
def test_every_listed_name_flags_its_own_entry(entry_id: str, value: str, weak: bool) -> None:
    """Each listed name and alias is a match for its entry (a weak alias: a review)."""
    result = screening.screen(Applicant(name=value))
    expected = Decision.REVIEW if weak else Decision.MATCH
    assert (expected, entry_id) == (result.decision, result.hits[0].entry.id)


@given(st.sampled_from(["Kim Kwang Jin", "Zhenxing Wang", "Jong Pong Ju"]), st.randoms(use_true_random=False))
def test_entry_order_does_not_change_result(name: str, rng: object) -> None:
    """Shuffling the list's entries leaves the ranked hits as they were."""
    bundled = screening.load_watchlist()
    entries = list(bundled.entries)
    rng.shuffle(entries)  # type: ignore[attr-defined]
    shuffled = Watchlist(name=bundled.name, version=bundled.version, entries=entries, sources=bundled.sources)
    applicant = Applicant(name=name)
    assert [(h.entry.id, h.score) for h in screening.screen(applicant).hits] == [
        (h.entry.id, h.score) for h in screening.screen(applicant, shuffled).hits
    ]


def test_results_are_deterministic_across_processes_and_hash_seeds() -> None:
    """The same applicants give the same records in processes with different hash seeds."""
    import os
    import subprocess
    import sys

    program = (
        "import json, screening\n"
        "names = ['Wang Zhenxing', 'Danny Wang', 'Jing Huang', '김광진', 'Alex Morgan', 'Chou Pao-yu']\n"
        "records = [screening.screen(screening.Applicant(name=n, websites=['cloudfoxhub.net'])).to_dict()"
        " for n in names]\n"
        "print(json.dumps(records, sort_keys=True))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert 1 == len(outputs)


def test_threads_agree_with_serial_screening() -> None:
    """Screening from several threads at once gives what screening one by one gives."""
    from concurrent.futures import ThreadPoolExecutor

    names = ["Wang Zhenxing", "Danny Wang", "Jing Huang", "김광진", "Kang Thae Bok", "Steven Liu"] * 20
    screener = screening.Screener()
    serial = [screener.screen(Applicant(name=name)).to_dict() for name in names]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda name: screener.screen(Applicant(name=name)).to_dict(), names))
    assert serial == threaded


@given(st.permutations(["hr@cloudfoxhub.net", "someone@gmail.com", "zhenxing.wang@example.org"]))
def test_email_order_does_not_change_hits(addresses: list[str]) -> None:
    """The order of an applicant's emails changes neither the decision nor the ranked entries."""
    result = screening.screen(Applicant(name="Chris Doe", emails=addresses))
    reference = screening.screen(Applicant(name="Chris Doe", emails=sorted(addresses)))
    assert _ranked(reference) == _ranked(result)
