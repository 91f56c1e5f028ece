"""A robustness sweep: every normalizer gets junk and may only raise ScreeningError."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest

import screening
from screening import ScreeningError, domains, emails, names, phones

JUNK: list[object] = [
    None,
    "",
    " ",
    "😀😀",
    "\x00\x01\x7f",
    "\u202e\u200b\ufeff",
    "\ud800",
    "a" * 1_000_000,
    b"bytes",
    42,
    ["list"],
    "e\u0301" * 5000,
]

NORMALIZERS: dict[str, Callable[[object], object]] = {
    "names.normalize": names.normalize,  # type: ignore[dict-item]
    "emails.normalize": emails.normalize,  # type: ignore[dict-item]
    "emails.comparison_key": emails.comparison_key,  # type: ignore[dict-item]
    "phones.normalize": phones.normalize,  # type: ignore[dict-item]
    "domains.normalize": domains.normalize,  # type: ignore[dict-item]
}


@pytest.mark.parametrize("normalizer", NORMALIZERS.values(), ids=NORMALIZERS.keys())
@pytest.mark.parametrize("junk", JUNK, ids=range(len(JUNK)))
def test_normalizers_raise_only_screening_errors(
    normalizer: Callable[[object], object], junk: object
) -> None:
    """Junk either normalizes or raises a ScreeningError subclass."""
    with contextlib.suppress(ScreeningError):
        normalizer(junk)


TEXT_JUNK = [value for value in JUNK if isinstance(value, str)]


@pytest.mark.parametrize("junk", TEXT_JUNK, ids=range(len(TEXT_JUNK)))
def test_screen_survives_junk_contact_data(junk: str) -> None:
    """Junk contact data becomes problems or Applicant errors, never a crash in screening."""
    try:
        applicant = screening.Applicant(name="Alex Morgan", emails=[junk], phones=[junk], websites=[junk])
    except ScreeningError:
        return
    result = screening.screen(applicant)
    assert screening.Decision.CLEAR == result.decision
