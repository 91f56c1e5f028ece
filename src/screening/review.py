"""The review workflow: reviewers' decisions that clear hits, and the allow-list that holds them.

A reviewer who finds that a hit is not the listed party records a :class:`ReviewDecision`: who
the applicant is (:func:`applicant_key`), which entry, who decided, why and when, and the
evidence the reviewer saw. Screening with an :class:`AllowList` reports that hit as cleared by
the decision, with its reason, instead of as a live hit, so the same false positive does not
come back at every rescreening. It comes back live as soon as the hit carries evidence the
decision did not see: a new email on a listed domain, a new alias, a changed list entry.

What an auditor can rely on:

* a decision names its reviewer (two characters or more, no control characters), a reason,
  the date it is dated (a real calendar date, not after today: no decision is dated in the
  future) and, for decisions made with this version or later, ``decided_at``: the UTC time at
  which it was recorded;
* clearing a ``match`` pins the person: the applicant must have a date of birth or a
  nationality, which the applicant key includes, or the decision would clear everyone of that
  name. ``force=True`` (``--force``) records such a decision anyway, marked ``forced``;
* with a key (``key=`` here, ``$SCREENING_ALLOW_LIST_KEY`` on the command line) each
  allow-list line is signed (HMAC-SHA256 over the decision's canonical JSON), and loading
  refuses a line that is unsigned or whose signature does not match: an edit made outside
  the tool is detected.

>>> import screening
>>> result = screening.screen(screening.Applicant(name="Danny Wang"))
>>> decision = ReviewDecision.clearing(
...     result, result.hits[0], reviewer="A. Reviewer", reason="Different person: met in person.",
...     date="2026-11-27")
>>> again = screening.screen(screening.Applicant(name="Danny Wang"), allow_list=AllowList([decision]))
>>> again.decision, again.cleared[0].cleared_by.reason
(<Decision.CLEAR: 'clear'>, 'Different person: met in person.')
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Iterable
from pathlib import Path

from screening._sinks import LineFile
from screening.exceptions import InputFileError, ScreeningError
from screening.results import ReviewDecision, applicant_key, evidence_key

__all__ = ["KEY_VARIABLE", "AllowList", "ReviewDecision", "applicant_key", "evidence_key"]


#: The environment variable that holds the key signing allow-list lines on the command line.
KEY_VARIABLE = "SCREENING_ALLOW_LIST_KEY"


class AllowList:
    """Reviewers' decisions, looked up by applicant and entry.

    Args:
        decisions: the decisions; for one applicant and entry, the latest one counts.
    """

    def __init__(self, decisions: Iterable[ReviewDecision] = ()) -> None:
        self._decisions: dict[tuple[str, str], ReviewDecision] = {}
        for decision in sorted(decisions, key=lambda item: item.date):
            self._decisions[(decision.applicant_key, decision.entry_id)] = decision

    @property
    def decisions(self) -> tuple[ReviewDecision, ...]:
        """The decisions in force."""
        return tuple(self._decisions.values())

    def find(self, key: str, entry_id: str, /) -> ReviewDecision | None:
        """The decision for an applicant key and entry, if any."""
        return self._decisions.get((key, entry_id))

    @classmethod
    def load(cls, path: str | os.PathLike[str], /, *, key: bytes | None = None) -> AllowList:
        """Read an allow-list file: JSON Lines, one decision a line. A file that does not exist
        yet is an empty list (the first ``screening review clear`` creates it).

        Args:
            path: the file.
            key: the key the lines were signed with; every line must then carry a matching
                ``signature``.

        Raises:
            InputFileError: the file cannot be read, or a line is not a decision, is not
                signed or its signature does not match; the message gives the file and line.
        """
        file = Path(path)
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError) as error:
            raise InputFileError(f"{file}: the allow-list cannot be read: {error}.") from error
        decisions = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                fields = json.loads(line)
                signature = fields.pop("signature", None) if isinstance(fields, dict) else None
                decision = ReviewDecision(**fields)
            except (json.JSONDecodeError, TypeError) as error:
                raise InputFileError(f"{file}:{number}: not a review decision: {error}.") from error
            except ScreeningError as error:
                raise InputFileError(f"{file}:{number}: {error}") from error
            if key is not None and not (
                isinstance(signature, str) and hmac.compare_digest(signature, decision.signature(key))
            ):
                problem = "is not signed" if signature is None else "has a signature that does not match"
                raise InputFileError(
                    f"{file}:{number}: the decision {problem}: it was written or edited outside screening"
                    " review, or with another key."
                )
            decisions.append(decision)
        return cls(decisions)

    def append_to(
        self, path: str | os.PathLike[str], decision: ReviewDecision, /, *, key: bytes | None = None
    ) -> AllowList:
        """Append a decision to an allow-list file, signed with ``key`` when one is given, and
        return the list with it.

        Raises:
            OutputFileError: the file cannot be written.
        """
        record: dict[str, object] = decision.to_dict()
        if key is not None:
            record["signature"] = decision.signature(key)
        lines = LineFile(os.fspath(path), append=True)
        try:
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            lines.close()
        return AllowList([*self.decisions, decision])
