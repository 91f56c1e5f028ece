"""Tests of the link rules as units: each rule's links are between runs that share one of the
rule's own keys (or are of the kind the rule says leaves none), and never stronger than the
rule's bound, so the index, the aligner and the bound cannot drift apart."""

from __future__ import annotations

import jellyfish
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import screening
from helpers import read_vectors
from screening import _rules, strategies
from screening._alignment import _link
from screening._forms import DECISIVE_METHODS, SYLLABLE_LANGUAGES, Run, name_form
from screening._rules import INITIAL_BOUND, LOOSE_BOUND, RULES, Keyed, Pair, Rule, _token_link
from screening.models import EntryKind

_BUNDLED = screening.load_watchlist()
_LISTED = [entry for entry in _BUNDLED.entries if entry.kind is EntryKind.PERSON]
_BY_ID = {entry.id: entry for entry in _BUNDLED.entries}


def _keys(rule: Rule, run: Run, *, listed: bool) -> set[str]:
    return set(rule.keys(Keyed(run.text, run.latin, run.width, run.pieces, listed=listed)))


def _first_rule(pair: Pair) -> tuple[Rule, tuple[object, float, tuple[object, ...]]] | None:
    """The rule that links a pair, as the aligner tries them (the first that holds), and its link."""
    for rule in RULES:
        found = rule.link(pair)
        if found is not None:
            return rule, found
    return None


def _check_pairs(applicant: str, listed: str) -> None:
    """Every link the aligner makes between a run of ``applicant`` and one of ``listed`` is the
    first rule's that holds; the runs share one of that rule's keys, or are of the kind the rule
    says leaves none; its similarity is within the rule's bound."""
    left_form, right_form = name_form(applicant), name_form(listed)
    for left in left_form.runs:
        for right in right_form.runs:
            for syllabic in (False, True):
                link = _link(left, right, syllabic, SYLLABLE_LANGUAGES)
                if link is None:
                    continue
                pair = Pair(
                    left.text, left.latin, right.text, right.latin, left.pieces, right.pieces,
                    syllabic, SYLLABLE_LANGUAGES,
                )  # fmt: skip
                first = _first_rule(pair)
                assert first is not None
                rule, (method, similarity, reasons) = first
                assert similarity <= rule.most + 1e-12, (rule.name, left, right)
                assert reasons, rule.name
                shared = _keys(rule, left, listed=False) & _keys(rule, right, listed=True)
                # A link with no key is of a rule that says it leaves none, between parts that
                # the index and the aligner's pairs take for comparable with no key.
                keyless = bool(rule.keyless) and _rules.keyless_comparable(pair.a, pair.b)
                assert shared or keyless, (rule.name, left.text, right.text)
                # A link that can decide (a strong one, to align) shares a strong key, or an OCR
                # key, which the name index takes for sure: the index tells strong links so.
                if method in DECISIVE_METHODS:
                    assert rule.strong or any(key.startswith("o:") for key in shared), rule.name


@pytest.mark.parametrize("row", read_vectors("name_variants.csv"), ids=lambda row: row["name"])
def test_each_rule_links_only_runs_that_share_its_keys(row: dict[str, str]) -> None:
    entry = _BY_ID.get(row["entry_id"])
    for listed in (entry.name, *entry.aliases) if entry else ():
        _check_pairs(row["name"], listed)


@settings(max_examples=100)
@given(data=st.data())
def test_each_rule_links_only_runs_that_share_its_keys_on_drawn_variants(data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from(_LISTED))
    variant = data.draw(strategies.listed_name_variants(entry))
    _check_pairs(variant, entry.name)


def test_the_index_bounds_come_from_the_rules() -> None:
    assert LOOSE_BOUND == max(rule.most for rule in RULES if not rule.strong) == 0.9
    assert INITIAL_BOUND == 0.5
    assert all(rule.most <= 1.0 for rule in RULES)
    assert [rule.name for rule in RULES if rule.keyless] == ["initial", "letters away"]


def test_the_first_rule_that_holds_links() -> None:
    """ "Zhou" and "Chou" read alike in Mandarin and are one letter apart too: the earlier rule,
    the shared reading, links them."""
    found = _token_link("zhou", ("zhou",), "chou", ("chou",))
    assert found is not None
    assert screening.Method.TRANSLITERATION == found[0]
    assert {"same syllables", "same reading"} >= {reason.code.value for reason in found[2]}


def test_joined_syllables_have_one_letter_keys() -> None:
    """Listed parts of one syllable each, joined, have the one-letter keys of a single part;
    other joined parts do not."""
    keys = dict(_rules.run_keys("kwangjin", ("kwangjin",), 2, ("kwang", "jin"), listed=True))
    assert {"d:kwangjin", "d:kwangjn", "d:kwagjin"} <= set(keys)
    other = dict(_rules.run_keys("mohammedreza", ("mohammedreza",), 2, ("mohammed", "reza"), listed=True))
    assert not any(key.startswith("d:") for key in other)
    assert _rules.joined_syllables(("nam", "il"), "namil")
    assert not _rules.joined_syllables(("li", "an"), "lian")  # under 5 letters


def test_misspelled_syllable_is_judged_in_the_name_languages() -> None:
    """A part is a misspelled syllable where it reads as no syllable in the listed name's
    languages; an applicant's part that reads in one language only looks up the keys."""
    mandarin, korean = frozenset({"Mandarin"}), frozenset({"Korean"})
    assert _rules.misspelled_syllable("jig", "jig", mandarin)
    assert not _rules.misspelled_syllable("jig", "jig", korean)
    assert not _rules.misspelled_syllable("jig", "jig")
    keys = dict(_rules.run_keys("jig", ("jig",), 1, (), listed=False))
    assert "y:jing" in keys
    assert "y:jing" not in dict(_rules.run_keys("jing", ("jing",), 1, (), listed=False))


def test_misspelling_keys_reach_every_spelling_one_letter_away() -> None:
    """The keys of a misspelled syllable are the spellings one letter from it (changed, added,
    left out, two swapped) whose shorter side has 2 or 3 letters."""
    listed = _rules.misspelling_keys("xnu")
    keys = set(listed)
    assert len(listed) == len(keys)
    assert {"y:xu", "y:nu", "y:xn", "y:xna", "y:nxu", "y:xnuz", "y:axnu"} <= keys
    assert keys.isdisjoint({"y:xnu", "y:x", "y:xnuzz"})
    assert all(jellyfish.damerau_levenshtein_distance("xnu", key[2:]) == 1 for key in keys)
    assert {key for key in _rules.misspelling_keys("lviu") if len(key) - 2 >= 4} == set()


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("obeida", "ubaydah"),  # one skeleton, letters far apart
        ("refke", "rifki"),
        ("mohmed", "mohammed"),  # a vowel left out
        ("ntagenda", "taganda"),  # a letter before the name
        ("dagmoush", "damush"),  # a consonant inserted
    ],
)
def test_loose_spellings_link_for_review_and_share_a_key(applicant: str, listed: str) -> None:
    found = _token_link(applicant, (applicant,), listed, (listed,), syllabic=False)
    assert found is not None
    method, similarity, reasons = found
    assert (screening.Method.FUZZY, 0.8) == (method, similarity)
    assert screening.reasons.Code.LOOSE_SPELLING is reasons[0].code
    _check_pairs(f"{applicant} ali", f"{listed} ali")


@pytest.mark.parametrize(
    ("applicant", "listed", "syllabic"),
    [
        ("emilie", "rumuli", False),  # a letter inserted, but spelled far apart
        ("andrea", "andreasen", False),  # more than one letter
        ("mahmoudi", "hammoud", False),
        ("jingxiang", "zhenxing", True),  # in a Chinese name: other syllables
    ],
)
def test_loose_spellings_need_close_skeletons(applicant: str, listed: str, syllabic: bool) -> None:
    found = _token_link(applicant, (applicant,), listed, (listed,), syllabic=syllabic)
    assert found is None or screening.reasons.Code.LOOSE_SPELLING is not found[2][0].code


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("hamadoun", "amadou"),  # the "h" left out, and a letter more
        ("amadou", "hamadoun"),
        ("hamidoun", "amidou"),
    ],
)
def test_an_initial_h_and_a_letter_apart_link_for_review(applicant: str, listed: str) -> None:
    found = _token_link(applicant, (applicant,), listed, (listed,), syllabic=False)
    assert found is not None
    method, similarity, reasons = found
    assert method is screening.Method.FUZZY
    assert similarity <= 0.9
    assert screening.reasons.Code.INITIAL_H is reasons[0].code
    _check_pairs(f"{applicant} kouffa", f"{listed} kouffa")


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("hamid", "amir"),  # too short without the "h"
        ("hamadoun", "amadin"),  # two letters apart without it
        ("khamadoun", "amadou"),  # no initial "h" before a vowel
    ],
)
def test_an_initial_h_needs_long_names_a_letter_apart(applicant: str, listed: str) -> None:
    found = _token_link(applicant, (applicant,), listed, (listed,), syllabic=False)
    assert found is None or screening.reasons.Code.INITIAL_H is not found[2][0].code


def test_loose_spelling_keys_do_not_meet_on_another_letter() -> None:
    """Skeletons one letter apart share a skeleton key; skeletons with another letter in one
    place ("mahmad" and "malmad") do not, though each less that letter is the same."""

    def keys(text: str, *, listed: bool) -> set[str]:
        found = _rules.run_keys(text, (text,), 1, (), listed=listed)
        return {key for key, _loose in found if key[:2] in {"s:", "e:"}}

    assert keys("mohmed", listed=False) & keys("mohammed", listed=True)
    assert keys("mohammed", listed=False) & keys("mohmed", listed=True)
    assert not keys("mahmud", listed=False) & keys("malmud", listed=True)


@pytest.mark.parametrize(
    ("applicant", "listed"), [("abou", "abu"), ("ben", "bin"), ("walad", "ould"), ("abdo", "abd")]
)
def test_particles_of_arabic_names_are_one_word_spelled_otherwise(applicant: str, listed: str) -> None:
    found = _token_link(applicant, (applicant,), listed, (listed,), syllabic=False)
    assert found is not None
    assert screening.reasons.Code.PARTICLE_SPELLING is found[2][0].code
    _check_pairs(f"{applicant} ali", f"{listed} ali")
    assert _token_link("bint", ("bint",), "bin", ("bin",), syllabic=False) is None


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("elkaddafi", "gaddafi"),  # the article joined, the name spelled otherwise
        ("qadhafi", "alkaddafi"),  # the article joined to the listed name
        ("alhassan", "hasan"),
    ],
)
def test_an_article_joined_to_a_name_links_for_review(applicant: str, listed: str) -> None:
    found = _token_link(applicant, (applicant,), listed, (listed,), syllabic=False)
    assert found is not None
    method, _similarity, reasons = found
    assert screening.Method.SPELLING is method
    assert screening.reasons.Code.JOINED_ARTICLE is reasons[0].code
    _check_pairs(f"saadi {applicant}", f"saadi {listed}")


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("albert", "bert"),  # too little after the letters
        ("alkaddafi", "elkaddafi"),  # an article on both sides: other rules compare them
    ],
)
def test_an_article_joined_needs_a_name_after_it(applicant: str, listed: str) -> None:
    found = _token_link(applicant, (applicant,), listed, (listed,), syllabic=False)
    assert found is None or screening.reasons.Code.JOINED_ARTICLE is not found[2][0].code


@pytest.mark.parametrize(
    ("spelling", "listed", "comparable"),
    [
        ("m", "mohammed", True),  # an initial and a part it begins
        ("m", "ahmed", False),
        ("abdelrahman", "abdulrahmen", True),  # two letters apart, 8 letters or more
        ("yezhikov", "vladimir", False),  # as long, but no two letters apart
        ("rahmanov", "rahmanovich", False),  # three letters apart
        ("ahmadzai", "ahmadzay", True),
    ],
)
def test_parts_comparable_with_no_key(spelling: str, listed: str, comparable: bool) -> None:
    """Parts that may link with no key (an initial, a two-letter difference) are told by one
    test, which the name index and the aligner share: the letters-away rule's distance too."""
    assert _rules.keyless_comparable(spelling, listed) is comparable
    pair = Pair(spelling, (spelling,), listed, (listed,), (), (), False, SYLLABLE_LANGUAGES)
    linked = any(rule.keyless and rule.link(pair) is not None for rule in RULES)
    assert linked is comparable


def test_a_part_shortened_links_only_as_its_keys_file_it() -> None:
    """A part written with the article joined links what is left to a part of 5 letters or
    more only, as the keys of both are filed: "Alaiyong" is no "Yong", which files no key of
    its skeleton, so the name index could never find the link."""
    _check_pairs("Alaiyong Lai", "LAI, Yong Chian")
    pair = Pair("alaiyong", ("alaiyong",), "yong", ("yong",), (), (), False, SYLLABLE_LANGUAGES)
    assert _rules._joined_article(pair) is None
    pair = Pair("elkaddafi", ("elkaddafi",), "gaddafi", ("gaddafi",), (), (), False, SYLLABLE_LANGUAGES)
    assert _rules._joined_article(pair) is not None
