"""What every importer reports: one shape for the OFAC, UN, CSL and FollowTheMoney imports.

An import reads records, keeps some as entries (counted by kind), skips others (counted by
reason, with the first as an example) and drops values inside kept records that do not
validate (counted by field, with the first as an example): never a crash, never a guess.
Each importer's report adds what is its own (aliases, joins) and words its first line.
"""

from __future__ import annotations

from collections import Counter

import attrs

from screening.models import WatchlistEntry

__all__ = ["ImportCounts"]


@attrs.define
class ImportCounts:
    """What an import read, kept and skipped.

    Attributes:
        kept: counts of kept entries by kind.
        skipped: counts of skipped records by reason.
        values_skipped: values dropped by field, because they did not validate.
        examples: the first record or value of each reason and field.
    """

    kept: Counter[str] = attrs.field(factory=Counter)
    skipped: Counter[str] = attrs.field(factory=Counter)
    values_skipped: Counter[str] = attrs.field(factory=Counter)
    examples: dict[str, str] = attrs.field(factory=dict)

    def skip(self, reason: str, example: str) -> None:
        """Count a record skipped for ``reason``, keeping the first as an example."""
        self.skipped[reason] += 1
        self.examples.setdefault(reason, example)

    def skip_value(self, field: str, value: str) -> None:
        """Count a value dropped from ``field``, keeping the first as an example."""
        self.values_skipped[field] += 1
        self.examples.setdefault(field, value)

    def keep(
        self, entry: WatchlistEntry, entries: dict[str, WatchlistEntry], repeated: str, example: str
    ) -> bool:
        """Add ``entry`` to ``entries`` (by id) and count it kept; when its id is there already,
        skip it as ``repeated`` (with ``example``) instead. Tell whether it was kept."""
        if entry.id in entries:
            self.skip(repeated, example)
            return False
        entries[entry.id] = entry
        self.kept[entry.kind.value] += 1
        return True

    def kept_line(self) -> str:
        """The kept entries by kind, for a person: "363 organization, 79 person"."""
        return ", ".join(f"{count} {kind}" for kind, count in sorted(self.kept.items())) or "none"

    def counted(self, counts: Counter[str]) -> str:
        """Counts by reason or field with their examples, for a person."""
        return (
            ", ".join(
                f"{count} {why} (such as {self.examples[why]!r})" for why, count in sorted(counts.items())
            )
            or "none"
        )

    def skipped_lines(self, records: str) -> list[str]:
        """The last lines of a summary: the ``records`` skipped, and the values dropped."""
        return [
            f"Skipped {records}: {self.counted(self.skipped)}.",
            f"Values dropped as invalid: {self.counted(self.values_skipped)}.",
        ]
