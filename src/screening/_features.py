"""The feature table as data: every rule of the scoring model, what it compares and how its
evidence counts.

The functions that find each feature's evidence are in :mod:`screening.matching`, which binds
them to this table by name; the allow-list (:func:`screening.results.evidence_key`) and the
score read a feature's properties here, never a list of feature names of their own.
"""

from __future__ import annotations

import attrs

from screening._tuning import DATE_OF_BIRTH_CONFLICT, NATIONALITY_CONFLICT

__all__ = ["FEATURE_TABLE", "FeatureSpec", "spec"]


@attrs.frozen
class FeatureSpec:
    """A rule of the scoring model and how its evidence counts.

    Attributes:
        name: the feature's name, as each of its evidence records it.
        field: the applicant's field it compares (``name`` covers aliases too).
        names: its evidence compares names: only the strongest per applicant value and entry
            counts, and a reviewer's decision holds whatever the order of the name's parts.
        is_name: its evidence is the name itself: in an entry's score, the best of it counts
            first, and the rest corroborates.
        qualifier: it only raises or lowers the score of an entry that other evidence brought
            up (see :data:`conflict_factor`), never brings one up.
        conflict_factor: for a qualifier, the factor on the score when the fact conflicts.
    """

    name: str
    field: str
    names: bool = False
    is_name: bool = False
    qualifier: bool = False
    conflict_factor: float = 1.0


#: Every feature, in the order its evidence is looked for; the qualifiers last.
FEATURE_TABLE = (
    FeatureSpec("name_listed", "name", names=True, is_name=True),
    FeatureSpec("name_is_listed_acronym", "name", names=True, is_name=True),
    FeatureSpec("email_listed", "emails"),
    FeatureSpec("email_reaches_listed_mailbox", "emails"),
    FeatureSpec("email_local_part_names_listed", "emails", names=True),
    FeatureSpec("email_on_listed_domain", "emails"),
    FeatureSpec("phone_listed", "phones"),
    FeatureSpec("account_listed", "accounts"),
    FeatureSpec("website_on_listed_domain", "websites"),
    FeatureSpec("website_resembles_listed_domain", "websites"),
    FeatureSpec("email_domain_resembles_listed_domain", "emails"),
    FeatureSpec("nationality_listed", "nationality", qualifier=True, conflict_factor=NATIONALITY_CONFLICT),
    FeatureSpec(
        "date_of_birth_listed", "date_of_birth", qualifier=True, conflict_factor=DATE_OF_BIRTH_CONFLICT
    ),
)

_BY_NAME = {feature.name: feature for feature in FEATURE_TABLE}


def spec(name: str, /) -> FeatureSpec:
    """The feature called ``name``.

    Raises:
        KeyError: there is no such feature.
    """
    return _BY_NAME[name]
