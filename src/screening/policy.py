"""The screening policy: the thresholds that turn scores into decisions.

A :class:`Policy` is frozen and passed explicitly to :class:`~screening.Screener` and
:func:`~screening.screen`; nothing is configured globally. A hit is a *match* when one piece
of evidence that may decide a match (an exact, normalized, reordered or re-joined name or
listed alias, a listed email or phone, a listed domain) scores at least ``match_threshold``;
it is a *review* when the hit's score reaches ``review_threshold``; below that it is not
reported.

>>> Policy().match_threshold, Policy().review_threshold
(0.9, 0.7)
>>> Policy(review_threshold=0.95)
Traceback (most recent call last):
...
screening.exceptions.PolicyError: review_threshold (0.95) must not be above match_threshold (0.9).
"""

from __future__ import annotations

import attrs

from screening.exceptions import PolicyError

__all__ = ["Policy"]


def _unit_interval(instance: Policy, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PolicyError(f"{attribute.name} must be a number, not {type(value).__name__}.")
    if not 0.0 < value <= 1.0:
        raise PolicyError(f"{attribute.name} must be above 0 and at most 1; it is {value}.")


@attrs.frozen(kw_only=True)
class Policy:
    """Thresholds for screening decisions.

    Attributes:
        match_threshold: lowest score of decisive evidence that makes a match.
        review_threshold: lowest hit score that is reported for review.
    """

    match_threshold: float = attrs.field(default=0.90, validator=_unit_interval)
    review_threshold: float = attrs.field(default=0.70, validator=_unit_interval)

    def __attrs_post_init__(self) -> None:
        if self.review_threshold > self.match_threshold:
            raise PolicyError(
                f"review_threshold ({self.review_threshold}) must not be above"
                f" match_threshold ({self.match_threshold})."
            )

    def to_dict(self) -> dict[str, float]:
        """Return the thresholds as a JSON-serializable mapping."""
        return {"match_threshold": self.match_threshold, "review_threshold": self.review_threshold}
