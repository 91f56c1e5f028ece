"""Tests of the screening policy."""

from __future__ import annotations

import pytest

from screening import Policy, PolicyError


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"match_threshold": 1.5}, "match_threshold must be above 0 and at most 1; it is 1.5."),
        ({"review_threshold": 0}, "review_threshold must be above 0 and at most 1; it is 0."),
        ({"review_threshold": "high"}, "review_threshold must be a number, not str."),
        ({"match_threshold": 0.6}, "review_threshold (0.7) must not be above match_threshold (0.6)."),
    ],
)
def test_invalid_thresholds_are_refused(options: dict[str, object], message: str) -> None:
    """Thresholds out of range or out of order raise PolicyError."""
    with pytest.raises(PolicyError) as caught:
        Policy(**options)  # type: ignore[arg-type]
    assert message == str(caught.value)


def test_policy_is_frozen_and_hashable() -> None:
    """Policies are frozen values that can key a cache."""
    assert hash(Policy()) == hash(Policy())
