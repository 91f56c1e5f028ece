"""Tests of the screening pipeline against the bundled list and small built lists."""

from __future__ import annotations

import pytest

import screening
from helpers import read_vectors
from screening import (
    Applicant,
    Decision,
    EntryKind,
    Method,
    Policy,
    Screener,
    ScreeningResult,
    Watchlist,
    WatchlistEntry,
    _forms,
)
from screening._alignment import _link, align
from screening._features import FEATURE_TABLE
from screening._forms import name_form, name_forms, run_readings
from screening.matching import FEATURES
from screening.phonetics import spelling_skeleton
from screening.reasons import Code, Reason
from screening.results import Evidence


def _applicant(row: dict[str, str]) -> Applicant:
    split = lambda cell: [part for part in cell.split(";") if part]  # noqa: E731
    return Applicant(name=row["name"], websites=split(row["websites"]), emails=split(row["emails"]))


@pytest.mark.parametrize(
    "row",
    read_vectors("bundled_list_cases.csv"),
    ids=lambda row: f"{row['name']}|{row['websites']}|{row['emails']}",
)
def test_bundled_list_cases(screener: Screener, row: dict[str, str]) -> None:
    """Each case gets its expected decision and, when flagged, its expected top entry."""
    result = screener.screen(_applicant(row))
    top = result.hits[0].entry.id if result.hits else ""
    assert (row["decision"], row["entry_id"]) == (result.decision.value, top)


def test_screen_function_equals_screener(screener: Screener) -> None:
    """screen() gives the same result as a Screener built on the same list."""
    applicant = Applicant(name="Wang Zhenxing", websites=["cloudfoxhub.com"])
    assert screener.screen(applicant) == screening.screen(applicant)


def test_surname_alone_never_hits(screener: Screener) -> None:
    """Every listed family name with an unrelated given name is clear."""
    for surname in ("Wang", "Huang", "Zhou", "Tong", "Xu", "Yuan", "Liu", "Kim", "Kang", "Jong", "Chang"):
        assert Decision.CLEAR == screener.screen(Applicant(name=f"{surname} Xiaoming")).decision, surname


def test_exact_name_scores_above_reordered_name(screener: Screener) -> None:
    """Stronger evidence scores higher: the name as listed beats the name reordered."""
    exact = screener.screen(Applicant(name="Zhenxing Wang")).hits[0].score
    reordered = screener.screen(Applicant(name="Wang Zhenxing")).hits[0].score
    assert 1.0 >= exact > reordered


def test_name_evidence_explains_each_token(screener: Screener) -> None:
    """Name evidence carries one link per aligned part, each with its sentence."""
    evidence = screener.screen(Applicant(name="Kim Kwang-jin")).hits[0].evidence[0]
    assert [("kim", "kim", Method.EXACT), ("kwang", "kwang", Method.EXACT), ("jin", "jin", Method.EXACT)] == [
        (link.applicant, link.listed, link.method) for link in evidence.links
    ]


def test_joined_name_says_joined(screener: Screener) -> None:
    """A given name written as one word links to the listed syllables as joined tokens."""
    evidence = screener.screen(Applicant(name="Huang Jingbin")).hits[0].evidence[0]
    assert Method.JOINED_TOKENS == evidence.method
    assert "'jingbin' is the listed 'jing bin' with its parts joined or split." in [
        link.sentence for link in evidence.links
    ]


def test_alias_of_applicant_is_screened(screener: Screener) -> None:
    """An applicant's alias is screened like the name, and the evidence names the field."""
    result = screener.screen(Applicant(name="Alex Morgan", aliases=["Alex M", "Peter Xiao"]))
    assert (Decision.MATCH, "aliases[1]", "aliases[0]") == (
        result.decision,
        result.hits[0].evidence[0].field,
        result.hits[0].evidence[0].listed_field,
    )


def test_weak_alias_never_matches(screener: Screener) -> None:
    """A weak alias brings review with a sentence saying why it cannot match."""
    hit = screener.screen(Applicant(name="Danny Wang")).hits[0]
    assert Decision.REVIEW == hit.decision
    assert Code.WEAK_ALIAS == hit.evidence[0].reasons[-1].code


def test_invalid_contact_data_is_reported_not_raised(screener: Screener) -> None:
    """Invalid emails, phones and websites become problems; the rest is still screened."""
    result = screener.screen(
        Applicant(name="Wang Zhenxing", emails=["nobody@"], phones=["12"], websites=["http://10.0.0.1/"])
    )
    assert Decision.MATCH == result.decision
    assert ["emails[0]", "phones[0]", "websites[0]"] == [problem.field for problem in result.problems]


def _contact_list() -> Watchlist:
    entry = WatchlistEntry(
        id="org-1",
        kind=EntryKind.ORGANIZATION,
        name="Example Front Company Ltd",
        emails=("Recruiting@Front-Example.com",),
        phones=("+86 138 0013 8000",),
        domains=("front-example.com",),
    )
    return Watchlist(name="contacts", version="1", entries=[entry])


def test_listed_phone_matches_in_any_format() -> None:
    """A listed phone number matches however the applicant writes it."""
    result = screening.screen(Applicant(name="Alex Morgan", phones=["0086 138-0013-8000"]), _contact_list())
    evidence = result.hits[0].evidence[0]
    assert (Decision.MATCH, Method.PHONE, "+8613800138000") == (
        result.decision,
        evidence.method,
        evidence.compared,
    )


def test_national_phone_uses_country() -> None:
    """A national number is read in the applicant's country."""
    result = screening.screen(
        Applicant(name="Alex Morgan", phones=["138 0013 8000"], country="CN"), _contact_list()
    )
    assert Decision.MATCH == result.decision


def test_listed_email_matches_and_corroborates() -> None:
    """A listed email and its listed domain together score above either alone."""
    both = screening.screen(
        Applicant(name="Alex Morgan", emails=["recruiting@front-example.com"]), _contact_list()
    )
    domain_only = screening.screen(
        Applicant(name="Alex Morgan", emails=["jobs@front-example.com"]), _contact_list()
    )
    assert {Method.EMAIL, Method.EMAIL_DOMAIN} == {evidence.method for evidence in both.hits[0].evidence}
    assert both.hits[0].score > domain_only.hits[0].score


def test_policy_thresholds_change_decisions() -> None:
    """A stricter review threshold drops a partial-name review to clear."""
    applicant = Applicant(name="Jing Huang")
    assert Decision.REVIEW == screening.screen(applicant).decision
    assert Decision.CLEAR == screening.screen(applicant, policy=Policy(review_threshold=0.8)).decision


def test_screen_refuses_non_applicants() -> None:
    """screen() takes Applicant objects only."""
    with pytest.raises(TypeError, match=r"screen\(\) takes an Applicant, not dict\."):
        Screener().screen({"name": "Kim"})  # type: ignore[arg-type]


def test_every_feature_has_a_description() -> None:
    """Each feature of the table documents what it means for users."""
    assert all(feature.description for feature in FEATURES)


def test_adding_unrelated_entries_keeps_hits(bundled: Watchlist) -> None:
    """A list with more, unrelated entries still finds the same top hit."""
    extra = [
        WatchlistEntry(id=f"x{index}", kind=EntryKind.PERSON, name=f"Unrelated Person{index}")
        for index in range(50)
    ]
    bigger = Watchlist(
        name="bigger", version="1", entries=[*bundled.entries, *extra], sources=bundled.sources
    )
    applicant = Applicant(name="Kim Kwang Jin")
    assert screening.screen(applicant).hits[0].entry == screening.screen(applicant, bigger).hits[0].entry


@pytest.mark.parametrize(
    "row", read_vectors("name_variants.csv"), ids=lambda row: f"{row['name']}|{row['decision']}"
)
def test_name_variants(screener: Screener, row: dict[str, str]) -> None:
    """Variants of listed names across scripts and romanizations, and near-miss negatives."""
    result = screener.screen(Applicant(name=row["name"]))
    top = result.hits[0].entry.id if result.hits else ""
    assert (row["decision"], row["entry_id"]) == (result.decision.value, top)


def test_misspelled_syllable_is_reviewed_with_its_reason(screener: Screener) -> None:
    """A short part of a Chinese or Korean name that reads as no syllable, one letter from a
    listed part, links as a misspelling: the evidence says so, and it never decides a match."""
    result = screener.screen(Applicant(name="Yongzhe Ux"))
    assert result.decision.value == "review"
    reasons = {(link.applicant, link.listed): link.reasons[0] for link in result.hits[0].evidence[0].links}
    assert Reason.of(Code.MISSPELLED_SYLLABLE, syllables="Chinese") == reasons["ux", "xu"]


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Jig Bin Huang", "Jing Bin Huang"),  # a Korean syllable (직), no Mandarin one
        ("Jing Bin Huag", "Jing Bin Huang"),  # a Korean syllable (확), 4 letters
        ("Zhenxing Waeg", "Zhenxing Wang"),
        ("Toeg Yuze", "Tong Yuze"),
    ],
)
def test_korean_syllable_in_chinese_name_is_a_misspelling(screener: Screener, name: str, listed: str) -> None:
    """In the name of a listed Chinese national, a part that reads as a Korean syllable only
    is no Chinese syllable: one letter from a listed one, it is a misspelling of it (review)."""
    result = screener.screen(Applicant(name=name))
    assert result.decision.value == "review"
    assert result.hits[0].entry.name == listed


@pytest.mark.parametrize(
    ("name", "decision"),
    [
        ("Kim Kwang Jik", "clear"),
        ("Kim Kwag Jin", "clear"),
        ("Kang Tae Bak", "clear"),
        ("Kim Kwan Jin", "review"),
        ("Kim Kwan Jni", "clear"),
        ("Kim Kwan Jing", "clear"),
        ("Kim Kwang", "clear"),
    ],
)
def test_korean_syllable_in_korean_name_is_a_typo_once(screener: Screener, name: str, decision: str) -> None:
    """In a Korean name, a part that reads as another Korean syllable (직 for 진, 곽 for 광) is
    another name, unless it differs from the listed one as romanized names are mistyped (관
    for 광, the nasal written "n" for "ng") and every other part is given exactly: a review
    that says so. Two such syllables are another name."""
    result = screener.screen(Applicant(name=name))
    assert result.decision.value == decision
    if decision == "review":
        links = result.hits[0].evidence[0].links
        assert Code.SYLLABLE_TYPO in {reason.code for link in links for reason in link.reasons}


def test_a_hangul_syllable_typo_is_told_from_the_listed_spelling() -> None:
    """A Hangul syllable one typo from a listed one links when its reading is a typo of the
    listed spelling ("관진", kwan jin, for "Kwang Jin"), not of another reading of it: "Ryong"
    reads "yong" too, but 윤 (yon) is no typo of "Ryong", and the name index files the keys of
    the spelling only."""
    korean = frozenset({"Korean", "Mandarin"})
    typo = _link(name_form("김관진").runs[1], name_form("Kim Kwang Jin").runs[4], True, korean)
    assert typo is not None
    assert Code.SYLLABLE_TYPO in {reason.code for reason in typo.choices[0]}
    assert _link(name_form("강윤").runs[1], name_form("KANG, Ryong").runs[1], True, korean) is None


@pytest.mark.parametrize(
    ("name", "listed", "word"),
    [
        ("Kwangjn Kim", "Kim Kwang Jin", "kwangjn"),  # a letter left out
        ("Kim Kwnagjin", "Kim Kwang Jin", "kwnagjin"),  # two swapped
        ("Taebk Kang", "Kang Tae Bok", "taebk"),
        ("Nmil Chang", "Chang Nam Il", "nmil"),
    ],
)
def test_misspelled_joined_given_name_is_reviewed(
    screener: Screener, name: str, listed: str, word: str
) -> None:
    """A given name of two syllables written as one word and misspelled, reading as no
    syllables, links to the listed parts joined: review, never a match, with its reason."""
    result = screener.screen(Applicant(name=name))
    assert result.decision.value == "review"
    assert result.hits[0].entry.name == listed
    misspelled = Reason.of(Code.MISSPELLED_JOINED_SYLLABLES, syllables="Korean")
    assert any(
        link.applicant == word and link.reasons[0] == misspelled for link in result.hits[0].evidence[0].links
    )


@pytest.mark.parametrize("name", ["Kwangjun Kim", "Jongpog Ju", "Namli Chang"])
def test_joined_given_name_of_other_syllables_is_another_name(screener: Screener, name: str) -> None:
    """Written as one word, other syllables ("Kwangjun", "Jongpog", "Namli") make another given
    name."""
    assert screener.screen(Applicant(name=name)).decision.value == "clear"


def test_transliteration_evidence_names_the_systems(screener: Screener) -> None:
    """Wade-Giles evidence says which system linked which parts."""
    evidence = screener.screen(Applicant(name="Chou Pao-yu")).hits[0].evidence[0]
    assert "'chou' (Wade-Giles) is the listed 'zhou' (pinyin): both read 'zhou' in Mandarin." in [
        link.sentence for link in evidence.links
    ]


def test_disguised_name_reports_look_alike_letters(screener: Screener) -> None:
    """A Cyrillic letter inside a Latin name is named in the evidence."""
    evidence = screener.screen(Applicant(name="Zhenxing Wаng")).hits[0].evidence[0]
    notes = [reason.get("notes") for link in evidence.links for reason in link.reasons]
    assert ("Cyrillic 'а' (U+0430) read as Latin 'a'",) in notes


def test_reordered_given_name_cannot_match(screener: Screener) -> None:
    """Swapping given-name syllables brings review at most, and the evidence says why."""
    hit = screener.screen(Applicant(name="Kang Bok Tae")).hits[0]
    assert Decision.REVIEW == hit.decision
    assert Code.SCRAMBLED in _codes(hit.evidence[0])


@pytest.mark.parametrize(
    ("applicant", "decision"),
    [
        ("Joaquin Archivaldo Guzman Loera", Decision.MATCH),  # both family names moved
        ("Loera Joaquin Archivaldo Guzman", Decision.MATCH),  # the last part moved first
        ("Archivaldo Joaquin Guzman Loera", Decision.REVIEW),  # given names swapped
        ("Guzman Joaquin Loera Archivaldo", Decision.REVIEW),
    ],
)
def test_a_family_name_of_several_parts_may_move_to_the_other_end(applicant: str, decision: Decision) -> None:
    """A listed name in its order, rotated, is the name written with its family name at the
    other end, however many parts that name has; other orders change the given name."""
    listed = WatchlistEntry(id="g", kind=EntryKind.PERSON, name="GUZMAN LOERA, Joaquin Archivaldo")
    result = screening.screen(Applicant(name=applicant), Watchlist(name="a", version="1", entries=[listed]))
    assert result.decision is decision


def test_a_listed_middle_name_left_out_weighs_less() -> None:
    """People often leave their middle names out: a listed person's given names after the
    first ("FAMILY, Given Middle") weigh 30% of their length when the applicant's name leaves
    them out and has the first given name and the family name, so "Joaquin Guzman Loera" is a review for GUZMAN LOERA, Joaquin Archivaldo (it
    was clear, at 64% of the name), and the evidence says why. A Chinese or Korean name has
    no middle names ("Kim Kwang" is not Kim Kwang Jin, "Lin Wei" not WEI, Lin Na), and an
    organization none either: its name given in part is a partial name."""
    screener = _screener(
        WatchlistEntry(id="g", kind=EntryKind.PERSON, name="GUZMAN LOERA, Joaquin Archivaldo"),
        WatchlistEntry(id="k", kind=EntryKind.PERSON, name="KIM, Kwang Jin"),
        WatchlistEntry(id="w", kind=EntryKind.PERSON, name="WEI, Lin Na"),
        WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="GUZMAN LOERA, Joaquin Archivaldo"),
    )
    result = screener.screen(Applicant(name="Joaquin Guzman Loera"))
    assert [(hit.entry.id, hit.decision) for hit in result.hits] == [
        ("g", Decision.REVIEW),
        ("o", Decision.REVIEW),
    ]
    left_out = Reason.of(Code.MIDDLE_NAMES_LEFT_OUT, names=("archivaldo",), weight=0.3)
    assert left_out in result.hits[0].evidence[0].reasons
    organization = result.hits[1].evidence[0].reasons
    assert Code.MIDDLE_NAMES_LEFT_OUT not in {reason.code for reason in organization}
    assert "partial" == organization[0].get("method")
    assert screener.screen(Applicant(name="Kim Kwang")).decision is Decision.CLEAR
    assert screener.screen(Applicant(name="Lin Wei")).decision is Decision.CLEAR
    # Only beside the first given name and the family name: without the first, the name is
    # part of the listed one as before ("Ernesto" weighs in full), and no partial name either
    # (a name written "FAMILY, Given" needs its first given name for that).
    listed = name_form("GUZMAN LOERA, Pablo Archivaldo Ernesto")
    second = align(name_form("Archivaldo Guzman Loera"), listed, person=True)
    assert second is not None
    assert second.score == pytest.approx(0.99 * 21 / 33)  # reordered
    assert (False, ()) == (second.partial, second.middle_left_out)


def test_qualifiers_adjust_scores(bundled: Watchlist) -> None:
    """An agreeing nationality raises a partial name's score; a different date of birth lowers a match."""
    base = screening.screen(Applicant(name="Jing Huang")).hits[0].score
    agreeing = screening.screen(Applicant(name="Jing Huang", nationality="CN")).hits[0]
    assert agreeing.score > base
    assert "nationality_listed" in {evidence.feature for evidence in agreeing.evidence}
    entry = bundled.entries[0]
    dated = Watchlist(
        name="dated",
        version="1",
        sources=bundled.sources,
        entries=[
            WatchlistEntry(id="p", kind=EntryKind.PERSON, name=entry.name, dates_of_birth=("1980-05-01",))
        ],
    )
    assert (
        Decision.MATCH == screening.screen(Applicant(name=entry.name, date_of_birth="1980"), dated).decision
    )
    assert (
        Decision.REVIEW
        == screening.screen(Applicant(name=entry.name, date_of_birth="1990-01-01"), dated).decision
    )


def test_legal_forms_are_equivalent() -> None:
    """Ltd and Limited are the same legal form; the rest of the name decides."""
    entry = WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="Beratex Group Limited")
    listed = Watchlist(name="orgs", version="1", entries=[entry])
    assert Decision.MATCH == screening.screen(Applicant(name="BERATEX GROUP LTD."), listed).decision
    assert Decision.CLEAR == screening.screen(Applicant(name="Other Group Ltd"), listed).decision


def test_one_part_listed_name_needs_the_whole_applicant_name() -> None:
    """A one-word listed name does not flag applicants who merely share that word."""
    entry = WatchlistEntry(id="w", kind=EntryKind.PERSON, name="Mohammed", weak_aliases=("Tariq",))
    listed = Watchlist(name="one", version="1", entries=[entry])
    assert Decision.CLEAR == screening.screen(Applicant(name="Tariq Aziz"), listed).decision
    assert Decision.REVIEW == screening.screen(Applicant(name="Tariq"), listed).decision


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("Abdurrahman Yasin", "Abdul Rahman Yasin"),
        ("Abdurahman Yasin", "Abdul Rahman Yasin"),
        ("Abderrahman Yasin", "Abdel Rahman Yasin"),
        ("Abdussalam Zaeef", "Abdul Salam Zaeef"),
        ("Abdurrazzaq Ali", "Abd al-Razzaq Ali"),
        ("Abdorreza Shahlai", "SHAHLAI, Abdul Reza"),
    ],
)
def test_abd_al_with_the_article_taken_by_a_sun_letter(applicant: str, listed: str) -> None:
    """ "Abd al-" before a sun letter is written with the letter doubled or the "l" left out
    (Abdurrahman, Abderrahman, Abdurahman): one Arabic name with "Abdul Rahman"."""
    result = _screened_against(applicant, listed)
    assert result.decision is Decision.MATCH
    assert any(link.reasons[0].code is Code.ARABIC_ARTICLE for link in result.hits[0].evidence[0].links)


@pytest.mark.parametrize("spelling", ["abdullah", "abduh", "abdur", "abdukadir"])
def test_other_names_beginning_abd_keep_their_spelling(spelling: str) -> None:
    """Names that begin "Abd" without an article before a sun letter get no article spelling."""
    assert _forms._with_article((spelling,)) == (spelling,)


def test_a_syllable_hyphenated_to_a_listed_given_name_makes_another_name() -> None:
    """Beside a listed Chinese or Korean name it covers whole, a part hyphenated to a linked
    one is another syllable of that given name ("Young-Chol" is no "Chol"): never a match.
    Written apart, it may be a middle name; beside a listed part left uncovered, it is that
    part spelled otherwise ("Wan-Ken" for "Wang Ken"), for review."""
    chol = Watchlist(
        name="a", version="1", entries=[WatchlistEntry(id="c", kind=EntryKind.PERSON, name="KIM, Chol")]
    )
    assert screening.screen(Applicant(name="Kim Young-Chol"), chol).decision is not Decision.MATCH
    assert screening.screen(Applicant(name="Kim Young Chol"), chol).decision is Decision.MATCH
    ken = WatchlistEntry(id="k", kind=EntryKind.PERSON, name="HUANG, Wang Ken")
    result = screening.screen(
        Applicant(name="HUANG, Wan-Ken"), Watchlist(name="b", version="1", entries=[ken])
    )
    assert result.decision is Decision.REVIEW


def test_a_son_named_by_the_arabic_chain_of_names_is_no_match_for_his_father() -> None:
    """A listed Arabic chain of names ("SURNAME, Personal Father Grandfather", or "Personal
    Father Grandfather AL-SURNAME") that begins at the applicant's second given name, after one of the applicant's own, names the father of
    the applicant: review, never a match. Without an Arabic article or "ibn" (a Burmese
    name), or with the applicant's own first, the rule does not apply."""
    father = WatchlistEntry(id="f", kind=EntryKind.PERSON, name="AL-TIKRITI, Sab'awi Ibrahim Hassan")
    listed = Watchlist(name="a", version="1", entries=[father])
    son = screening.screen(Applicant(name="AL-TIKRITI, Yasser Sabawi Ibrahim Hasan"), listed)
    assert son.decision is Decision.REVIEW
    assert (
        screening.screen(Applicant(name="AL-TIKRITI, Sabawi Ibrahim Hasan"), listed).decision
        is Decision.MATCH
    )
    # Written in the UN's order, the family name last, the chain begins the listed name.
    un = WatchlistEntry(id="u", kind=EntryKind.PERSON, name="SAB'AWI IBRAHIM HASSAN AL-TIKRITI")
    in_order = Watchlist(name="u", version="1", entries=[un])
    aiman = screening.screen(Applicant(name="Aiman Sabawi Ibrahim Hasan Al-Tikriti"), in_order)
    assert aiman.decision is Decision.REVIEW
    assert Code.CHAIN_SHIFTED in {reason.code for reason in aiman.hits[0].evidence[0].reasons}
    same = screening.screen(Applicant(name="Sabawi Ibrahim Hasan Al-Tikriti"), in_order)
    assert same.decision is Decision.MATCH
    burmese = WatchlistEntry(id="b", kind=EntryKind.PERSON, name="CHIT, Kaing Pa Pa")
    other = Watchlist(name="b", version="1", entries=[burmese])
    assert screening.screen(Applicant(name="CHIT, Daw Kaing Pa Pa"), other).decision is Decision.MATCH


def test_han_read_in_korean_stands_for_a_korean_name_only() -> None:
    """Han characters read in Korean link to a listed name with a known Chinese or Korean family
    name, or of an entry of Korean nationality: "莉 谢" (리사) is no "Issa" otherwise."""
    plain = WatchlistEntry(id="i", kind=EntryKind.PERSON, name="Issa")
    korean = WatchlistEntry(id="k", kind=EntryKind.PERSON, name="Issa", nationalities=("KR",))
    assert (
        screening.screen(Applicant(name="莉 谢"), Watchlist(name="a", version="1", entries=[plain])).hits
        == ()
    )
    found = screening.screen(Applicant(name="莉 谢"), Watchlist(name="b", version="1", entries=[korean]))
    assert [hit.entry.id for hit in found.hits] == ["k"]
    family = WatchlistEntry(id="f", kind=EntryKind.PERSON, name="Jong Pong Ju")
    listed = Watchlist(name="c", version="1", entries=[family])
    assert screening.screen(Applicant(name="鄭奉柱"), listed).decision is Decision.MATCH


def test_listed_parts_one_applicant_part_holds_are_one_shared_part() -> None:
    """A listed person's parts that one part of the applicant's name holds, joined, are one
    name ("Abdulaziz" for "AZIZ, Abdul"): no hit when the applicant has more; a hit when that
    part is the applicant's whole name, and for an organization's name written as one word."""
    person = WatchlistEntry(id="p", kind=EntryKind.PERSON, name="AZIZ, Abdul")
    people = Watchlist(name="people", version="1", entries=[person])
    assert Decision.CLEAR == screening.screen(Applicant(name="Aqeel Abdulaziz Al-Aqil"), people).decision
    assert Decision.CLEAR == screening.screen(Applicant(name="Abdulaziz Zargon"), people).decision
    assert Decision.MATCH == screening.screen(Applicant(name="Abdulaziz"), people).decision
    assert Decision.MATCH == screening.screen(Applicant(name="Abdul Aziz Zargon"), people).decision
    company = WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="Silver Star")
    companies = Watchlist(name="companies", version="1", entries=[company])
    assert Decision.CLEAR != screening.screen(Applicant(name="Silverstar Network"), companies).decision


@pytest.mark.parametrize("name", ["王振兴 李", "振兴 美 王", "김광진 박", "광진 김 수", "佟雨泽 明"])
def test_a_han_or_hangul_part_beyond_a_listed_chinese_or_korean_name_cannot_match(
    screener: Screener, name: str
) -> None:
    """Chinese and Korean names have no middle names: the extra syllable makes another name."""
    result = screener.screen(Applicant(name=name))
    assert result.decision is Decision.REVIEW
    evidence = result.hits[0].evidence[0]
    assert not evidence.decisive
    assert Code.ADDED_SYLLABLES in _codes(evidence)


@pytest.mark.parametrize(
    "name",
    [
        "王振兴",
        "김광진",
        "Mr 王振兴",
        "王振兴 先生",
        "김광진 씨",
        "김광진 동지",
        "Zhenxing Li Wang",
        "David Baoyu Zhou",
    ],
)
def test_the_listed_chinese_or_korean_name_alone_or_with_a_latin_part_still_matches(
    screener: Screener, name: str
) -> None:
    """Titles weigh nothing (Chinese and Korean ones too), and a part in Latin letters may be
    a middle name: of a listed person of another nationality (Zhenxing Wang is a U.S.
    national), or one that reads as no syllable of the entry's language ("David")."""
    assert screener.screen(Applicant(name=name)).decision is Decision.MATCH


@pytest.mark.parametrize(
    ("name", "listed"), [("Kim Kwang Jin Park", "Kim Kwang Jin"), ("Baoyu Li Zhou", "Baoyu Zhou")]
)
def test_a_latin_syllable_beside_a_listed_chinese_or_korean_national_makes_another_name(
    screener: Screener, name: str, listed: str
) -> None:
    """Beside the whole name of a listed North Korean or Chinese national, a Latin part that
    reads as a syllable of that language is an added syllable, as a Han or Hangul part is
    ("김광진 박"): flagged for review, never a match."""
    result = screener.screen(Applicant(name=name))
    assert result.decision is Decision.REVIEW
    assert result.hits[0].entry.name == listed


def test_han_parts_beyond_an_organization_name_do_not_count() -> None:
    """Only persons' names count added syllables in full: a company name may well have more
    words than the listed one, which bring it to review (a longer organization name)."""
    entry = WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="王 振兴")
    listed = Watchlist(name="orgs", version="1", entries=[entry])
    assert Decision.REVIEW == screening.screen(Applicant(name="王 振兴 集团"), listed).decision
    person = WatchlistEntry(id="p", kind=EntryKind.PERSON, name="王 振兴")
    listed = Watchlist(name="people", version="1", entries=[person])
    assert Decision.MATCH != screening.screen(Applicant(name="王 振兴 集团"), listed).decision


def test_added_chinese_or_korean_syllables_count_in_full() -> None:
    """The more syllables an applicant adds to a listed Chinese name, the lower the score:
    a middle name in Latin letters costs a fifth of its weight, a Han syllable all of it,
    and the name written twice in another script what a middle name costs."""
    listed = name_form("Xu Bin")
    score = {
        name: align(name_form(name), listed, person=True).score  # type: ignore[union-attr]
        for name in ("Xu Bin 徐斌", "Xu Bin Ming", "徐 斌 明")
    }
    assert score["Xu Bin Ming"] > 0.8 > score["徐 斌 明"]
    assert score["Xu Bin 徐斌"] > 0.8
    entry = WatchlistEntry(id="p", kind=EntryKind.PERSON, name="Xu Bin")
    people = Watchlist(name="people", version="1", entries=[entry])
    assert screening.screen(Applicant(name="徐 斌 明"), people).decision is Decision.CLEAR


def test_joined_parts_are_read_part_by_part() -> None:
    """ "Xi An" is the two syllables xi, an, as "Hsi An" and "Hsian" are; "Hsien" is the one
    syllable xian. Joined parts that do not all read in one language have no reading."""
    entry = WatchlistEntry(id="p", kind=EntryKind.PERSON, name="Xi An Wang")
    listed = Watchlist(name="people", version="1", entries=[entry])
    decisions = {
        name: screening.screen(Applicant(name=name), listed).decision
        for name in ("Wang Hsi An", "Wang Hsian", "Wang Hsien")
    }
    assert decisions == {
        "Wang Hsi An": Decision.MATCH,
        "Wang Hsian": Decision.MATCH,
        "Wang Hsien": Decision.CLEAR,
    }
    assert [reading.keys for reading in run_readings("xian", ("xi", "an"))] == [("zh:xi", "zh:an")]
    assert run_readings("abdulrahman", ("abdul", "rahman")) == ()
    korean = run_readings("김정은", ("김", "정은"))
    assert korean[0].shown == "김정은"
    assert korean[0].system == "Hangul"


def test_a_reading_outside_the_listed_names_language_cannot_decide_a_match() -> None:
    """ "Abdul" and "Abdur" read alike as Korean syllables, but "Rahman" reads as none: the
    listed name is no Korean name, so the link holds for review and says why it cannot
    match. A Korean family name is read as Korean even beside a Western given name."""

    def screened(listed: str, name: str) -> screening.ScreeningResult:
        entry = WatchlistEntry(id="p", kind=EntryKind.PERSON, name=listed)
        return screening.screen(Applicant(name=name), Watchlist(name="t", version="1", entries=[entry]))

    arabic = screened("RAHMAN, Abdur", "Abdul Rahman")
    assert arabic.decision is Decision.REVIEW
    assert Code.SOUND_ALONE in {reason.code for reason in arabic.hits[0].evidence[0].links[0].reasons}
    assert screened("Kim Jong Un", "Gim Jeongeun").decision is Decision.MATCH
    assert screened("Bryan Cho", "Bryan Jo").decision is Decision.MATCH


def _codes(evidence: Evidence) -> set[Code]:
    """The codes of an evidence's reasons."""
    return {reason.code for reason in evidence.reasons}


def _screener(*entries: WatchlistEntry) -> Screener:
    """A screener of a small list of these entries."""
    return Screener(Watchlist(name="t", version="1", entries=list(entries)))


def _screened_against(applicant: str, listed: str) -> ScreeningResult:
    """The result of screening a name against a list of one listed person."""
    entry = WatchlistEntry(id="p", kind=EntryKind.PERSON, name=listed)
    return screening.screen(Applicant(name=applicant), Watchlist(name="a", version="1", entries=[entry]))


def _link_codes(evidence: Evidence) -> set[Code]:
    """The codes of the reasons of an evidence's links."""
    return {reason.code for link in evidence.links for reason in link.reasons}


def _top_review_codes(screener: Screener, name: str, entry: str) -> set[Code]:
    """Screen ``name``: a review with ``entry`` on top; the codes of its first evidence's links."""
    result = screener.screen(Applicant(name=name))
    assert (Decision.REVIEW, entry) == (result.decision, result.hits[0].entry.id), name
    return _link_codes(result.hits[0].evidence[0])


def _common_names_list(second: str = "Ali", listed_name: str = "ALI, Muhammad") -> Watchlist:
    """A list where 'Muhammad' and ``second`` are common: 60 people named Muhammad ``second``
    something, and ``listed_name`` first."""
    letters = "bcdfghjklmnpqrstvwz"
    others = [
        WatchlistEntry(id=f"o{index}", kind=EntryKind.PERSON, name=f"Muhammad {second} Ka{first}{last}a")
        for index, (first, last) in enumerate(zip(letters * 4, letters[3:] + letters * 3, strict=False))
    ][:60]
    listed = WatchlistEntry(id="p", kind=EntryKind.PERSON, name=listed_name)
    return Watchlist(name="common", version="1", entries=[listed, *others])


def test_a_listed_name_of_common_parts_inside_a_longer_name_cannot_decide_a_match() -> None:
    """'Ali Muhammad Salih' has all of the listed 'ALI, Muhammad', but on a list full of
    Muhammads and Alis that is as likely another person: a review, saying why."""
    watchlist = _common_names_list()
    index = screening.Screener(watchlist)._prepared[0].names
    assert index.spelling_count("muhammad") == 61
    assert index.spelling_count("salih") == 0
    result = screening.screen(Applicant(name="Ali Muhammad Salih"), watchlist)
    assert result.decision is Decision.REVIEW
    assert result.hits[0].entry.id == "p"
    assert Code.COMMON_IN_LIST in _codes(result.hits[0].evidence[0])
    assert screening.screen(Applicant(name="Muhammad Ali"), watchlist).decision is Decision.MATCH
    short = Watchlist(name="short", version="1", entries=[watchlist.entries[0]])
    assert screening.screen(Applicant(name="Ali Muhammad Salih"), short).decision is Decision.MATCH
    # A particle is no name: AL-ALI, Muhammad is made of common names too.
    listed = WatchlistEntry(id="p", kind=EntryKind.PERSON, name="AL-ALI, Muhammad")
    article = Watchlist(name="common", version="1", entries=[listed, *watchlist.entries[1:]])
    result = screening.screen(Applicant(name="Ali Muhammad Salih"), article)
    assert result.decision is Decision.REVIEW
    assert Code.COMMON_IN_LIST in _codes(result.hits[0].evidence[0])


def test_a_name_common_in_several_spellings_is_common() -> None:
    """A listed part counts as common with every spelling of its name (the same spelling
    skeleton): 'Abdallah' is common on a list of 60 'Abdullah's, so 'Muhammad Abdallah Salih'
    cannot decide a match for 'ABDALLAH, Muhammad'."""
    watchlist = _common_names_list("Abdullah", "ABDALLAH, Muhammad")
    index = screening.Screener(watchlist)._prepared[0].names
    assert index.spelling_count("abdallah") == 1
    assert index.name_count("abdallah") == 61
    result = screening.screen(Applicant(name="Muhammad Abdallah Salih"), watchlist)
    assert result.decision is Decision.REVIEW
    assert Code.COMMON_IN_LIST in _codes(result.hits[0].evidence[0])


def test_han_characters_agreeing_only_in_korean_with_a_mandarin_spelling_bring_review() -> None:
    """ "瑞 王" and "WANG, Ssu" read alike only in Korean (서 왕); "Ssu" is also the Wade-Giles
    si, and 瑞 is rui in Mandarin. The listed name may be either, so review, not match. In
    Mandarin "王 思" is Wang Si: a match; and "Kim" has no Mandarin reading, so 金正恩 read in
    Korean still matches "KIM, Jong Un"."""
    screener = _screener(
        WatchlistEntry(id="ssu", kind=EntryKind.PERSON, name="WANG, Ssu"),
        WatchlistEntry(id="kim", kind=EntryKind.PERSON, name="KIM, Jong Un"),
    )
    korean_only = screener.screen(Applicant(name="瑞 王"))
    assert korean_only.decision is Decision.REVIEW
    assert Code.HANJA_IN_KOREAN in _codes(korean_only.hits[0].evidence[0])
    assert screener.screen(Applicant(name="王 思")).decision is Decision.MATCH
    assert screener.screen(Applicant(name="金正恩")).decision is Decision.MATCH
    korean = _screener(
        WatchlistEntry(id="ssu", kind=EntryKind.PERSON, name="WANG, Ssu", nationalities=["KP"])
    )
    assert korean.screen(Applicant(name="瑞 王")).decision is Decision.MATCH  # a Korean name


def test_an_abbreviated_given_name_is_the_name_written_out() -> None:
    """ "Mohd" (Malaysia, Singapore), "Muhd", "Mhd", "Muh" and "Moh" (Indonesia) abbreviate
    Muhammad in any spelling, which decides a match like a transliteration; "Md" is also the
    title MD and is left alone."""
    for abbreviated in ("Mohd", "Muhd", "Mhd", "Muh", "Moh"):
        alignment = align(name_form(f"{abbreviated} Rafi Udin"), name_form("UDIN, Mohamad Rafi"), person=True)
        assert alignment is not None
        assert alignment.decisive
        assert Method.ABBREVIATION in {link.method for link in alignment.links}
    assert align(name_form("Mohd Rafi"), name_form("Mohan Rafi"), person=True) is None
    title = align(name_form("Md Rafi Udin"), name_form("UDIN, Mohamad Rafi"), person=True)
    assert title is None or not title.decisive
    listed = _screener(WatchlistEntry(id="u", kind=EntryKind.PERSON, name="UDIN, Mohamad Rafi"))
    result = listed.screen(Applicant(name="Mohd Rafi Udin"))
    assert result.decision is Decision.MATCH
    assert any(link.reasons[0].code is Code.ABBREVIATED for link in result.hits[0].evidence[0].links)


def test_an_abbreviated_word_of_an_organization_is_the_word_written_out() -> None:
    """ "SHPG" is shipping and "INTL" international, in an organization's name; an abbreviation
    of several words ("Ind": industries, industrial, India) is left alone."""
    listed = _screener(
        WatchlistEntry(id="s", kind=EntryKind.ORGANIZATION, name="KOREA SAMMA SHIPPING CO"),
        WatchlistEntry(id="i", kind=EntryKind.ORGANIZATION, name="GOLDEN INDUSTRIES LLC"),
    )
    assert Decision.MATCH == listed.screen(Applicant(name="Korea Samma SHPG Co")).decision
    assert Decision.CLEAR == listed.screen(Applicant(name="Golden Ind LLC")).decision


def test_patronymic_is_found_after_the_first_part() -> None:
    """A family name comes first as lists write it, or last after the patronymic; a name of
    two parts has no patronymic ("Roman Abramovich")."""
    assert name_form("ABRAMOVICH, Roman Arkadyevich").patronymic == 2
    assert name_form("Roman Arkadyevich Abramovich").patronymic == 1
    assert name_form("Roman Abramovich").patronymic is None
    assert name_form("Ольга Александровна Беглова").patronymic == 1
    assert name_form("Kim Jong Un").patronymic is None


def test_short_parts_each_spelled_otherwise_anchor_a_name_together() -> None:
    """Arabic and Persian names of short parts are often romanized differently in every part:
    "Nasoof, Tahar" for NASUF, Tahir, "Douri, Ahmad" for DURI, Ahmet. No one link of parts under
    6 letters anchors a name, but close links (spelling, sound, one letter) to every
    informative listed part do together, for review. Particles and legal forms are no such
    part ("Al Hasan" for AL-HISN), and a looser link (two letters apart, an initial) anchors
    nothing."""
    policy = Policy()
    for applicant, listed in [("Nasoof, Tahar", "NASUF, Tahir"), ("Douri, Ahmad", "DURI, Ahmet")]:
        alignment = align(name_form(applicant), name_form(listed), person=True)
        assert alignment is not None, applicant
        assert alignment.complete
        assert not alignment.decisive
        assert alignment.score >= policy.review_threshold
    assert align(name_form("Al Hasan"), name_form("AL-HISN")) is None
    assert align(name_form("Nasoof Tahar Salem"), name_form("NASUF, Tahir Salim"), person=True) is not None
    assert align(name_form("T. Nasoof"), name_form("NASUF, Tahir"), person=True) is None
    # Part of the listed name, every part close, is still too little for a short name.
    assert align(name_form("Nasoof Tahar"), name_form("NASUF, Tahir Karim"), person=True) is None
    listed = _screener(WatchlistEntry(id="n", kind=EntryKind.PERSON, name="NASUF, Tahir"))
    result = listed.screen(Applicant(name="Tahar Nasoof"))
    assert result.decision is Decision.REVIEW
    assert result.hits[0].entry.id == "n"


def test_a_name_of_one_name_and_legal_forms_is_that_name() -> None:
    """A listed name of one name besides legal forms and particles is covered by that name,
    whatever legal form the applicant writes ("Koksokhimtrans Ltd" for LLC KOKSOKHIMTRANS,
    "Mtsenskprokat OOO" for MTSENSKPROKAT, "Open Joint Stock Company Avtovaz" for AVTOVAZ). Like
    a name of one part, it is one shared part when the applicant's name has another name:
    "Ahmed Al Zarqawi" is not AL-ZARQAWI."""
    for applicant, listed in [
        ("Koksokhimtrans Ltd", "LLC KOKSOKHIMTRANS"),
        ("Mtsenskprokat OOO", "MTSENSKPROKAT"),
        ("Open Joint Stock Company Avtovaz", "AVTOVAZ"),
        ("Shabaab", "AL-SHABAAB"),
        ("Eurofootball Ltd", "EUROFOOTBALL EOOD"),  # Bulgarian, Lebanese and Turkish legal forms
        ("Fast Link", "FAST LINK SAL"),
        ("Beltechexport Company", "BELTECHEXPORT KOMPANIYA"),
        ("AKB Mosoblbank OAO", "PAO MOSOBLBANK"),  # AKB: joint-stock commercial bank
    ]:
        result = _screener(WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name=listed)).screen(
            Applicant(name=applicant)
        )
        assert result.decision is Decision.MATCH, applicant
    person = _screener(WatchlistEntry(id="z", kind=EntryKind.PERSON, name="AL-ZARQAWI"))
    assert person.screen(Applicant(name="Ahmed Al Zarqawi")).decision is Decision.CLEAR
    assert align(name_form("Trading Koksokhimtrans"), name_form("LLC KOKSOKHIMTRANS")) is None


def test_a_final_h_after_a_vowel_is_a_spelling() -> None:
    """Arabic names that end in the ta marbuta are romanized with a final h or without:
    "Hamiye, Jamil" is a review for HAMIEH, Jamiel, and "Attiye" a spelling of "Attieh";
    a final h after a consonant is a letter ("Fath" is no "Fat")."""
    listed = _screener(WatchlistEntry(id="h", kind=EntryKind.PERSON, name="HAMIEH, Jamiel"))
    result = listed.screen(Applicant(name="Jamil Hamiye"))
    assert (Decision.REVIEW, "h") == (result.decision, result.hits[0].entry.id)
    assert _link(name_form("Attiye").runs[0], name_form("Attieh").runs[0], False) is not None
    assert spelling_skeleton("fath") != spelling_skeleton("fat")


def test_th_may_write_the_arabic_dhal() -> None:
    """The Arabic ذ is written th, dh, d or dd: "Ghathafi, Saadi" is a review for GADDAFI,
    Saadi; a "th" between vowels keeps its own reading too ("Othman" and "Uthman")."""
    listed = _screener(WatchlistEntry(id="g", kind=EntryKind.PERSON, name="GADDAFI, Saadi"))
    result = listed.screen(Applicant(name="Saadi Ghathafi"))
    assert (Decision.REVIEW, "g") == (result.decision, result.hits[0].entry.id)
    assert _link(name_form("Othman").runs[0], name_form("Uthman").runs[0], False) is not None


def test_words_of_an_organization_name_may_be_other_forms_of_one_word() -> None:
    """An organization's words may be given in another form of one English word ("Managing"
    for "Management", "Combatant" for "Combat") or romanized from Russian ("Tekhnologii" for
    "Technologies"), or be the same word in another romanization ("Stereotek" for "Stereotech",
    which is no two letters apart): a review, never a match; "General" and "Generation" are two words. A
    person's name is no English word: "Browning" is no other form of BROWN."""
    screener = _screener(
        WatchlistEntry(id="m", kind=EntryKind.ORGANIZATION, name="SOVFRACHT MANAGING COMPANY LLC"),
        WatchlistEntry(id="c", kind=EntryKind.ORGANIZATION, name="TUNISIAN COMBAT GROUP"),
        WatchlistEntry(id="t", kind=EntryKind.ORGANIZATION, name="PSV TEKHNOLOGII OOO"),
        WatchlistEntry(id="p", kind=EntryKind.PERSON, name="BROWN, Hannelore Ruth"),
        WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="HANNELORE BROWN TRADING"),
        WatchlistEntry(id="k", kind=EntryKind.ORGANIZATION, name="CLOSED JOINT STOCK COMPANY TEKHKRIM"),
        WatchlistEntry(id="s", kind=EntryKind.ORGANIZATION, name="STEREOTECH"),
    )
    for applicant, entry in (
        ("Sovfracht Management Company", "m"),
        ("Tunisian Combatant Group", "c"),
        ("PSV Technologies LLC", "t"),
        ("Techcrim Joint Stock Company", "k"),
        ("Stereotek", "s"),
    ):
        assert Code.WORD_FORM in _top_review_codes(screener, applicant, entry)
    assert screener.screen(Applicant(name="Tunisian Cambodian Group")).decision is Decision.CLEAR
    assert _link(name_form("General").runs[0], name_form("Generation").runs[0], False) is None
    assert screener.screen(Applicant(name="Hannelore Ruth Browning")).decision is Decision.CLEAR
    assert screener.screen(Applicant(name="Hannelore Browning Trading")).decision is Decision.REVIEW


def test_an_organization_of_one_name_is_found_by_a_spelling_of_it() -> None:
    """ "Al Qaeda" is a spelling of AL-QA'IDA: an organization of one name (besides its
    article) is anchored by a spelling of that name from 5 letters, for review; other names
    need 6 letters, and a person's one name shared is no correspondence."""
    screener = _screener(
        WatchlistEntry(id="q", kind=EntryKind.ORGANIZATION, name="AL QA'IDA"),
        WatchlistEntry(id="p", kind=EntryKind.PERSON, name="QAIDA, Hamid"),
    )
    result = screener.screen(Applicant(name="Al Qaeda"))
    assert (Decision.REVIEW, "q") == (result.decision, result.hits[0].entry.id)
    assert [hit.entry.id for hit in result.hits] == ["q"]
    assert Code.SPELLING_SKELETON in _link_codes(result.hits[0].evidence[0])
    assert screener.screen(Applicant(name="Al Qaeda Holdings")).decision is Decision.CLEAR


def test_an_ampersand_written_out_ranks_the_entry_so_named_first() -> None:
    """ "Hong Pang Gems and Jewellery Company Limited" is HONG PANG GEMS & JEWELLERY COMPANY
    LIMITED, normalized: its "and" weighs nothing (lists write "&", which names drop), and a
    sister entry it reaches through an abbreviated legal form ("Co" for "Company") scores no
    more and comes second; the other way round, the other comes first."""
    screener = _screener(
        WatchlistEntry(
            id="c", kind=EntryKind.ORGANIZATION, name="HONG PANG GEMS & JEWELLERY (HK) CO. LIMITED"
        ),
        WatchlistEntry(
            id="d", kind=EntryKind.ORGANIZATION, name="HONG PANG GEMS & JEWELLERY COMPANY LIMITED"
        ),
    )
    for applicant, first in (
        ("Hong Pang Gems and Jewellery Company Limited", "d"),
        ("Hong Pang Gems and Jewellery Co. Limited", "c"),
    ):
        result = screener.screen(Applicant(name=applicant))
        assert result.hits[0].entry.id == first, applicant
        assert result.hits[0].decision is Decision.MATCH
        assert result.hits[0].score >= result.hits[1].score
    exact = screener.screen(Applicant(name="Hong Pang Gems & Jewellery Company Limited")).hits[0]
    written_out = screener.screen(Applicant(name="Hong Pang Gems and Jewellery Company Limited")).hits[0]
    assert exact.score == written_out.score


def test_the_entry_that_accounts_for_more_of_the_applicants_name_ranks_first() -> None:
    """A part of the applicant's name that no listed part accounts for lowers the score a little
    (a middle name must not hide a listed name), but more in the ranking: for "Abdul Rehman
    Zahid", ABDUL RAHMAN ZAHED (every part linked) comes before ABDUR REHMAN, which scores a
    little more with "Zahid" left unexplained. Not so much that two names linked exactly rank
    below two linked loosely: for "Mahmood Zafar Iqbal", ZAFAR IQBAL (a match) before JAFAR
    MAHMOODI (a review). The decision is the most severe hit's either way."""
    screener = _screener(
        WatchlistEntry(id="short", kind=EntryKind.PERSON, name="ABDUR REHMAN"),
        WatchlistEntry(id="whole", kind=EntryKind.PERSON, name="ABDUL RAHMAN ZAHED"),
        WatchlistEntry(id="zafar", kind=EntryKind.PERSON, name="ZAFAR IQBAL"),
        WatchlistEntry(id="jafar", kind=EntryKind.PERSON, name="JAFAR MAHMOODI"),
    )
    result = screener.screen(Applicant(name="Abdul Rehman Zahid"))
    assert [hit.entry.id for hit in result.hits] == ["whole", "short"]
    whole, short = result.hits
    assert short.score > whole.score
    assert whole.evidence[0].unexplained == 0.0
    assert 0.25 < short.evidence[0].unexplained < 0.4  # "zahid" of "abdul rehman zahid", by weight
    assert short.evidence[0].to_dict()["unexplained"] == round(short.evidence[0].unexplained, 4)
    # Every part accounted for on both sides: the score alone ranks them.
    assert screener.screen(Applicant(name="Abdur Rehman")).hits[0].entry.id == "short"
    result = screener.screen(Applicant(name="Mahmood Zafar Iqbal"))
    assert [(hit.entry.id, hit.decision) for hit in result.hits] == [
        ("zafar", Decision.MATCH),
        ("jafar", Decision.REVIEW),
    ]
    assert result.hits[0].evidence[0].unexplained > result.hits[1].evidence[0].unexplained


def test_muhammad_weighs_as_a_common_name() -> None:
    """Muhammad, in any spelling or script and abbreviated, weighs as a common name: an added
    Muhammad costs an applicant's name little, so for "Ali Mohammed Kony" ALI KONY (every listed
    part given) ranks before ALI MOHAMED RAGE (a partial name, Kony unexplained)."""
    weights = {
        text: _forms.name_form(text, applicant=True).parts[0].weight for text in ("Mohammed", "Mahmood")
    }
    assert weights["Mohammed"] < 0.5 * weights["Mahmood"]
    for spelling in ("Muhammad", "Mohd", "محمد"):
        assert _forms.name_form(spelling, applicant=True).parts[0].weight < len("muhammad") / 2
    screener = _screener(
        WatchlistEntry(id="kony", kind=EntryKind.PERSON, name="ALI KONY"),
        WatchlistEntry(id="rage", kind=EntryKind.PERSON, name="ALI MOHAMED RAGE"),
    )
    assert [hit.entry.id for hit in screener.screen(Applicant(name="Ali Mohammed Kony")).hits] == [
        "kony",
        "rage",
    ]


def test_latin_spellings_of_one_arabic_given_name_link_closely() -> None:
    """ "Mohammed" and "Muhammad" are one name (data/arabic_given_names.tsv): linked as closely
    as a transliteration, so QASIM, Mohammed outranks QASIR, Muhammad for "Qasim Muhammad";
    still a spelling, for review, and names Latin letters write alike but Arabic does not
    (Saeed, سعيد, and Sayed, سيد) are no such link."""
    screener = _screener(
        WatchlistEntry(id="m", kind=EntryKind.PERSON, name="QASIM, Mohammed"),
        WatchlistEntry(id="r", kind=EntryKind.PERSON, name="QASIR, Muhammad"),
        WatchlistEntry(id="s", kind=EntryKind.PERSON, name="SAYED, Hafiz"),
    )
    assert Code.ARABIC_NAME in _top_review_codes(screener, "Qasim Muhammad", "m")
    link = _link(name_form("Saeed").runs[0], name_form("Sayed").runs[0], False)
    assert link is None or Code.ARABIC_NAME not in {reason.code for reason in link.choices[0]}


def test_indonesian_and_french_spellings_of_a_given_name_are_the_name() -> None:
    """Indonesian and Malay spellings write the Arabic ف as "p" ("Yusup" for Yusuf): the given
    names table knows them as the name's other spellings."""
    link = _link(name_form("Yusup").runs[0], name_form("Youssef").runs[0], False)
    assert link is not None
    assert Code.ARABIC_NAME in {reason.code for reason in link.choices[0]}
    assert _link(name_form("Yusup").runs[0], name_form("Yusuf").runs[0], False) is not None
    # And the Maghreb's French spellings write س as "c" before e and i.
    link = _link(name_form("Hocine").runs[0], name_form("Hussein").runs[0], False)
    assert link is not None
    assert Code.ARABIC_NAME in {reason.code for reason in link.choices[0]}


@pytest.mark.parametrize(
    ("code", "listed", "reviews", "clear"),
    [
        (
            Code.COMPOUND_SHORTENED,
            ("ZARGARI, Ghodratollah", "BADI, Salahuddin", "NAWAZ, Rahmatullah"),
            ("Ghodrat Zargari", "Salah Badi"),
            "Rahmatuddin Nawaz",
        ),
        (
            Code.SURNAME_ENDING,
            ("KASHANIMEHR, Alireza", "PUREBRAHIM, Ali Akbar", "NABIZADEH, Kamaluddin"),
            ("Alireza Kashani", "Ali Akbar Purebrahimabadi"),
            "Kamaluddin Nabi",
        ),
    ],
)
def test_a_name_may_be_written_without_its_ending(
    code: Code, listed: tuple[str, ...], reviews: tuple[str, ...], clear: str
) -> None:
    """People leave out the "of God" or "of the faith" that ends a compound given name
    ("Ghodrat Zargari" is a review for ZARGARI, Ghodratollah, "Salah Badi" for BADI,
    Salahuddin), and the ending that made a Persian family name of a name or a place (-mehr,
    -zadeh, -abadi, -pour, -nejad: "Alireza Kashani" for KASHANIMEHR, Alireza, "Ali Akbar
    Purebrahimabadi" for PUREBRAHIM, Ali Akbar). Two compounds with other endings are two
    names, less than 5 letters left is too little to tell ("Nabi" for NABIZADEH), and Abd is
    no Abdullah."""
    screener = _screener(
        *(
            WatchlistEntry(id=str(number), kind=EntryKind.PERSON, name=name)
            for number, name in enumerate(listed)
        )
    )
    for number, applicant in enumerate(reviews):
        assert code in _top_review_codes(screener, applicant, str(number))
    assert screener.screen(Applicant(name=clear)).decision is Decision.CLEAR
    assert _link(name_form("Abd").runs[0], name_form("Abdullah").runs[0], False) is None


def test_a_listed_particle_or_legal_form_may_be_left_out() -> None:
    """ "Bashar Assad" is AL-ASSAD, Bashar: the article is often left out, and the evidence
    says so. A particle or legal form weighs 20% of its length, so one left out leaves a
    match and two bring review ("Jan Berg" for VAN DER BERG, Jan)."""
    screener = _screener(
        WatchlistEntry(id="a", kind=EntryKind.PERSON, name="AL-ASSAD, Bashar"),
        WatchlistEntry(id="b", kind=EntryKind.ORGANIZATION, name="STARS COMMUNICATIONS LLC"),
        WatchlistEntry(id="c", kind=EntryKind.PERSON, name="VAN DER BERG, Jan"),
    )
    assad = screener.screen(Applicant(name="Bashar Assad"))
    assert assad.decision is Decision.MATCH
    assert Reason.of(Code.PARTS_LEFT_OUT, parts=("al",), titles=0) in assad.hits[0].evidence[0].reasons
    stars = screener.screen(Applicant(name="Stars Communications")).hits[0].evidence[0]
    assert stars.decisive
    assert ("llc",) == stars.reasons[0].get("without")
    assert screener.screen(Applicant(name="Jan Berg")).decision is Decision.REVIEW
    # A part that carries the name is never left out.
    assert screener.screen(Applicant(name="Bashar Al")).decision is Decision.CLEAR


def test_latin_spellings_alike_in_korean_sound_classes_are_said_to_sound_alike() -> None:
    """Two Latin spellings that read alike only in Korean's sound classes ("Rasheed" and
    "Rashid") in a name that is no Korean one are spellings that sound alike, not "Korean
    romanization spellings"; in a Korean name ("Gim" for "Kim") they are Korean readings."""
    screener = _screener(
        WatchlistEntry(id="r", kind=EntryKind.ORGANIZATION, name="AL RASHID TRUST"),
        WatchlistEntry(id="k", kind=EntryKind.PERSON, name="KIM, Jong Un"),
    )
    links = [
        link.sentence
        for link in screener.screen(Applicant(name="Al Rasheed Trust")).hits[0].evidence[0].links
    ]
    assert (
        "'rasheed' and the listed 'rashid' are spellings that sound alike: they differ only in vowels,"
        " doubled letters or consonants that romanizations write differently. The sound alone cannot"
        " decide a match." in links
    )
    assert not any("Korean" in sentence for sentence in links)
    kim = screener.screen(Applicant(name="Gim Jong Un")).hits[0].evidence[0].links
    assert any(link.reasons[0].get("language") == "Korean" for link in kim)


def test_a_listed_title_may_be_left_out() -> None:
    """A listed title weighs nothing, so a name without it is the listed name: "Ayman
    al-Zawahiri" matches AL ZAWAHIRI, Dr. Ayman, and the evidence says it leaves out the title.
    A listed generation ("Jr") may be left out too, but against another one the applicant
    gives ("Sr": the father, perhaps) the name is only part of the listed one."""
    screener = _screener(
        WatchlistEntry(id="z", kind=EntryKind.PERSON, name="AL ZAWAHIRI, Dr. Ayman"),
        WatchlistEntry(id="r", kind=EntryKind.PERSON, name="DELOS REYES, Feliciano Semborio, Jr."),
    )
    zawahiri = screener.screen(Applicant(name="Ayman al-Zawahiri"))
    assert zawahiri.decision is Decision.MATCH
    assert Reason.of(Code.PARTS_LEFT_OUT, parts=("dr",), titles=1) in zawahiri.hits[0].evidence[0].reasons
    for name in (
        "DELOS REYES, Feliciano Semborio",
        "DELOS REYES, Feliciano Semborio, Jr.",
        "DELOS REYES, Dr Feliciano Semborio",
    ):
        assert screener.screen(Applicant(name=name)).decision is Decision.MATCH, name
    father = screener.screen(Applicant(name="DELOS REYES, Feliciano Semborio, Sr."))
    assert father.decision is Decision.REVIEW
    assert Reason.of(Code.REVIEW_BY_METHOD, method="partial") in father.hits[0].evidence[0].reasons


def test_evidence_says_why_a_name_at_the_match_threshold_is_a_review() -> None:
    """A name that scores at the match threshold but cannot decide a match says why: its
    method (other spellings), or a listed Arabic chain of names that begins after the
    applicant's own given name."""
    screener = _screener(
        WatchlistEntry(id="k", kind=EntryKind.PERSON, name="KHAN, Abdul Qadeer"),
        WatchlistEntry(id="f", kind=EntryKind.PERSON, name="AL-TIKRITI, Sab'awi Ibrahim Hassan"),
    )
    spelled = screener.screen(Applicant(name="Abdul Qadir Khan")).hits[0]
    assert spelled.decision is Decision.REVIEW
    assert spelled.score >= screener.policy.match_threshold
    assert Reason.of(Code.REVIEW_BY_METHOD, method="spelling variant") == spelled.evidence[0].reasons[-1]
    son = screener.screen(Applicant(name="AL-TIKRITI, Yasser Sabawi Ibrahim Hassan")).hits[0]
    assert son.decision is Decision.REVIEW
    assert Reason.of(Code.CHAIN_SHIFTED, given="yasser") in son.evidence[0].reasons
    assert Code.REVIEW_BY_METHOD not in _codes(son.evidence[0])  # one reason, not two


def test_one_word_name_of_a_thousand_letters_is_screened(screener: Screener) -> None:
    """A one-word name at the length limit is screened, not a crash."""
    assert Decision.CLEAR == screener.screen(Applicant(name="a" * 999)).decision


def test_the_feature_table_binds_every_feature_to_its_function() -> None:
    """Each row of the feature table that is no qualifier has the function of its name, and the
    evidence a feature finds records that name."""
    assert [row.name for row in FEATURE_TABLE if not row.qualifier] == [feature.name for feature in FEATURES]
    assert all(feature.function.__name__ == feature.name for feature in FEATURES)
    result = screening.screen(Applicant(name="Zhenxing Wang", nationality="US", date_of_birth="1990"))
    names = {row.name for row in FEATURE_TABLE}
    assert {evidence.feature for hit in result.hits for evidence in hit.evidence} <= names


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("Abdul Basir", "ABDUL BASIR NOORZAI"),
        ("Qasim Al-Rimi", "QASIM MOHAMED MAHDI AL-RIMI"),
        ("Floribert Ngabu", "FLORIBERT NGABU NJABU"),
        ("Eugene Ngaikosset", "EUGÈNE BARRET NGAÏKOSSET"),
        ("Mohammad Al-Ghamari", "MUHAMMAD ABD AL-KARIM AL-GHAMARI"),  # spellings that sound alike
        ("Ibrahim Ali Muhammad Abu Bakr", "IBRAHIM ALI ABU BAKR TANTOUSH"),  # one name beside four
        ("Ansar al-Sharia", "ANSAR AL-SHARI'A IN TUNISIA"),  # an organization's
        ("Omar Younous", "OUMAR YOUNOUS ABDOULAY"),  # one name exactly, one spelled otherwise
        ("Mullah Gul Agha", "GUL AGHA ISHAKZAI"),  # an applicant's honorific weighs nothing
        ("Taha al-Khuwayt", "TAHA IBRAHIM ABDALLAH BAKR AL KHUWAYT"),  # two names of five
        ("Ali Tantoush Salem", "IBRAHIM ALI ABU BAKR TANTOUSH"),  # one name beside two exactly
        ("Dawood Ibrahim Memon", "DAWOOD IBRAHIM KASKAR"),
        ("Khalil ur Rahman Haqqani", "KHALIL AHMED HAQQANI"),  # "ur" is the article, no name
        ("Raed M. Hijazi", "RAED MUHAMMAD HASAN MUHAMMAD HIJAZI"),  # an initial scores as left out
        ("Hany Elsayed Youssef", "HANI AL-SAYYID AL-SEBAI YUSIF"),  # every name spelled otherwise
        ("Naeem Barech", "MOHAMMAD NAIM BARICH KHUDAIDAD"),
        ("Jamal Husayn Zayniyah", "JAMAL HUSSEIN HASSAN ZEINIYE"),  # a letter inserted
    ],
)
def test_part_of_a_longer_listed_name_is_a_review(applicant: str, listed: str) -> None:
    """An applicant who gives only some names of a longer listed one is scored by what they
    give, the listed names left out weighing little: a review, never a match. One name of the
    applicant's may link to nothing when three or more are linked, or two of a person's name
    exactly (or spelled in Latin letters), its family name among them when the list says which
    it is. One link is strong, unless every name of a person's the applicant gives is spelled
    in Latin letters."""
    kind = EntryKind.ORGANIZATION if "ANSAR" in listed else EntryKind.PERSON
    entry = WatchlistEntry(id="p", kind=kind, name=listed)
    result = screening.screen(Applicant(name=applicant), Watchlist(name="a", version="1", entries=[entry]))
    assert (Decision.REVIEW, Method.PARTIAL) == (result.decision, result.hits[0].evidence[0].method)


def test_a_name_in_brackets_is_compared_alone_too() -> None:
    """A name of two names or more that an applicant's name gives in brackets is another writing
    of it, compared alone as well: the UN list gives Arabic names with their Latin letters so.
    A one-word nickname in brackets makes no form of its own."""
    entry = WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="ANSAR AL CHARIA BENGHAZI")
    watchlist = Watchlist(name="a", version="1", entries=[entry])
    result = screening.screen(Applicant(name="أنصار الشريعة (Ansar al Charia)"), watchlist)
    assert (Decision.REVIEW, Method.PARTIAL) == (result.decision, result.hits[0].evidence[0].method)
    assert len(name_forms("Zhang Wei (David)", applicant=True)) == 2
    assert [form.normalized for form in name_forms("Wang Zhenxing (王振兴)", applicant=True)][1] == "王 振兴"


def test_a_loose_spelling_makes_no_partial_name_of_an_organization() -> None:
    """A person's names spelled with a letter inserted may make a partial name ("Zayniyah" for
    ZEINIYE); an organization's words so spelled do not: "Islamiyya" and "Islam" are two words
    of many organizations' names (HARAKAT SHAM AL-ISLAM is no "Al Harakat Al Islamiyya")."""
    entry = WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="HARAKAT SHAM AL-ISLAM")
    watchlist = Watchlist(name="a", version="1", entries=[entry])
    assert Decision.CLEAR == screening.screen(Applicant(name="Al Harakat Al Islamiyya"), watchlist).decision


@pytest.mark.parametrize(
    ("applicant", "listed", "kind"),
    [
        ("Andrea Vasquez", "VASQUEZ VALENCIA, Natalia Andrea", EntryKind.PERSON),  # not the first given name
        (
            "Roman Petrov",
            "PETROV ABRAMOVICH, Roman Arkadyevich Ivan",
            EntryKind.ORGANIZATION,
        ),  # most left out
        # A name beside only two: the family name left out, an organization's, Arabic consonants.
        ("Fernando David Gonzalez", "TORRES GONZALEZ, Fernando", EntryKind.PERSON),
        ("Haji Alim Hawala", "HAJI BASIR AND ZARJMIL COMPANY HAWALA", EntryKind.ORGANIZATION),
        ("احسان مهدی بهمنی", "محمد حسن رحمانی", EntryKind.PERSON),
        ("Jin Kim", "KIM, Kwang Jin Soo", EntryKind.PERSON),  # a Korean name: syllables are read
        ("Roman Arkadyevich Petrov", "ABRAMOVICH, Roman Arkadyevich", EntryKind.PERSON),  # another family
        ("Abdul Aziz", "ABD AL-BASET AZZOUZ", EntryKind.PERSON),  # Abd al-Aziz is one name, spelled alike
        ("Jaung Hui Bong", "JONG PONG JU", EntryKind.PERSON),  # Korean syllables that sound alike
        ("Abdul Karim", "MUHAMMAD ABD AL-KARIM AL-GHAMARI", EntryKind.PERSON),  # one name of a long one
        ("Haji Ibrahim", "IBRAHIM 'ISA HAJJI MUHAMMAD AL-BAKR", EntryKind.PERSON),  # an honorific is no name
    ],
)
def test_part_of_a_listed_name_needs_its_guards(applicant: str, listed: str, kind: EntryKind) -> None:
    entry = WatchlistEntry(id="p", kind=kind, name=listed)
    result = screening.screen(Applicant(name=applicant), Watchlist(name="a", version="1", entries=[entry]))
    assert Decision.CLEAR == result.decision


def test_the_best_supported_entry_comes_first() -> None:
    """A weaker match on another entry does not outrank a better review of the right one; the
    decision is still the most severe of the hits'."""
    screener = _screener(
        WatchlistEntry(id="a", kind=EntryKind.PERSON, name="ABDUR REHMAN"),
        WatchlistEntry(id="b", kind=EntryKind.PERSON, name="MAKKI, Abdul Rehman"),
    )
    result = screener.screen(Applicant(name="Abdur Rehman Makki"))
    assert Decision.MATCH == result.decision
    assert ["b", "a"] == [hit.entry.id for hit in result.hits]
    assert result.hits[0].score > result.hits[1].score


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("محمد احمدی", "MOHAMMAD AHMADI"),
        ("قاسم الريمي", "QASIM AL-RIMI"),
        ("سلطان هاشم أحمد الطائي", "SULTAN HASHIM AHMAD AL-TA'I"),
        ("عبد الحكيم مراد", "ABDUL HAKIM MURAD"),  # عبد for the Abdul that writes the article
        ("جمال لونيسي", "DJAMEL LOUNICI"),  # French spellings: dj for ج, c for س before i
        ("فضل رحيم", "FAZAL RAHIM"),  # ض read z, as Persian and Urdu read it
        ("عبد المجيد عزيز الزنداني", "ABD-AL-MAJID AZIZ AL-ZINDANI"),  # z, a long i, z: two
        ("عبدالجبار عمری", "ABDUL JABBAR OMARI"),  # one word for Abd al-Jabbar
        ("جلال الدين حقانى", "JALALUDDIN HAQQANI"),  # two words for one, the article's l assimilated
        ("محمد عبدالكريم الغماري", "MUHAMMAD ABD AL-KARIM AL-GHAMARI"),  # Abd, the article, a name
        ("گل احمد حكيمى", "GUL AHMAD HAKIMI"),  # g for گ, the final ى read i
        ("بشرى خليل", "BUSHRA KHALIL"),  # the final ى read a
        ("فضل ربيع", "FAZL RABI"),  # a final ayn after a long vowel, left out in Latin
        ("خولة برزان إبراهيم حسن التكريتي", "KHAWLA BARZAN IBRAHIM HASAN AL-TIKRITI"),  # w for و
        ("بلقاسم مختار", "BELGACEM MOKHTAR"),  # g for ق in the Maghreb
        ("شمس الرحمن عبد الظاهر", "SHAMS UR-RAHMAN ABDUL ZAHIR"),  # short parts, each of 3 consonants
        ("یار محمد رحیمی", "YAR MOHAMMAD RAHIMI"),  # a part of one consonant, by its glide
        ("محفوظ ولد الوليد", "MAHFOUZ OULD AL-WALID"),  # ولد first took Walid, which الوليد needs
        ("حاجى فیض الله خان نورزى", "FAIZULLAH KHAN NOORZAI"),  # an honorific in Arabic script
    ],
)
def test_an_arabic_script_name_is_a_review_for_its_latin_spelling(applicant: str, listed: str) -> None:
    """Arabic script against a Latin spelling, by the consonants both write: review, never a
    match (one skeleton stands for many names)."""
    result = _screened_against(applicant, listed)
    assert Decision.REVIEW == result.decision
    assert Code.ARABIC_CONSONANTS in _link_codes(result.hits[0].evidence[0])


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("حسین محمدی", "MOHAMMADI, Ehsan"),  # Husayn writes a long i that Ehsan does not
        ("حسین محمدی", "HUSAYN, Muhammad"),  # Mohammadi ends in the nisba -i
        ("امیر علی محمد شبیری", "UMAR, Muhammad"),  # names of the applicant's that link to nothing
        ("حسین محمدی", "محمد طاهر حامد حسين"),  # Mohammadi, the nisba, is no Muhammad
        ("امیر علی محمد شبیری", "ALI, Muhammad"),  # given names by the table, others left over
    ],
)
def test_arabic_consonants_keep_other_names_apart(applicant: str, listed: str) -> None:
    result = _screened_against(applicant, listed)
    assert Decision.CLEAR == result.decision


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("عیسی موسی", "ISSA MOUSSA"),  # one consonant each: the table knows the names
        ("ابراهیم عیسی حاجي محمد البکر", "IBRAHIM 'ISA HAJJI MUHAMMAD AL-BAKR"),  # Persian letters
        ("علی آقا", "ALI AGHA"),
    ],
)
def test_an_arabic_script_given_name_links_by_the_table(applicant: str, listed: str) -> None:
    """A given name in Arabic script that the table knows (data/arabic_script_names.tsv) links to
    its Latin spellings, however its letters are written (Persian ی and ک): a review, as two
    Latin spellings of the name are."""
    result = _screened_against(applicant, listed)
    assert Decision.REVIEW == result.decision
    assert Code.ARABIC_SCRIPT_NAME in _link_codes(result.hits[0].evidence[0])


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("عنایت الله", "INAYATULLAH"),  # a compound written apart is one name
        ("شمس الدین", "SHAMSUDDIN"),
        ("امین الله امین قدوس", "AMINULLAH AMIN QUDDUS"),  # امین took Amin, which the second needs
        ("نذیر الله حنفى ولى الله", "NAZIRULLAH HANAFI WALIULLAH"),  # الله alone is no Waliullah
    ],
)
def test_an_arabic_script_compound_written_apart_is_one_name(applicant: str, listed: str) -> None:
    """A compound name that Arabic script writes in two words (a name and الله or الدين) links to
    its Latin spelling as one name, and anchors a name of its own: a review."""
    result = _screened_against(applicant, listed)
    assert Decision.REVIEW == result.decision
    assert len(result.hits[0].evidence[0].links) == len(listed.split())


def test_a_listed_honorific_is_part_of_the_listed_name() -> None:
    """An applicant's honorific (Haji, Mullah, Sheikh) weighs nothing, but a listed one is part of
    the name the list gives: "Ibrahim" alone is no IBRAHIM, Haji, and an applicant who gives the
    honorific is compared with it."""
    entry = WatchlistEntry(id="p", kind=EntryKind.PERSON, name="IBRAHIM, Haji")
    listed = Watchlist(name="a", version="1", entries=[entry])
    assert Decision.MATCH == screening.screen(Applicant(name="Haji Ibrahim"), listed).decision
    assert 0.0 == _forms.name_form("Haji Ibrahim", applicant=True).parts[0].weight
    assert 0.0 < _forms.name_form("IBRAHIM, Haji").parts[1].weight


def test_son_of_in_an_applicants_chain_of_names_weighs_nothing() -> None:
    """ "Bin" or "Ben" between two names of an applicant's name ("Othman Bin Ahmed Bin Othman")
    is the "son of" of an Arabic chain of names: it weighs nothing, so the chain is part of the
    listed OTHMAN AHMED OTHMAN AL-GHAMDI (a review). At an end, or in a Chinese name ("Li Bin
    Wang"), it is a name."""
    entry = WatchlistEntry(id="p", kind=EntryKind.PERSON, name="OTHMAN AHMED OTHMAN AL-GHAMDI")
    listed = Watchlist(name="a", version="1", entries=[entry])
    assert Decision.REVIEW == screening.screen(Applicant(name="Othman Bin Ahmed Bin Othman"), listed).decision
    weights = [part.weight for part in _forms.name_form("Othman Bin Ahmed Bin Othman", applicant=True).parts]
    assert [0.0, 0.0] == [weights[1], weights[3]]
    for name, index in (("Li Bin Wang", 1), ("Ahmed Othman Bin", 2), ("Othman Bin Ahmed", 1)):
        part = _forms.name_form(name, applicant=True).parts[index]
        assert (part.weight > 0) is (name != "Othman Bin Ahmed"), name
    assert 0.0 < _forms.name_form("OTHMAN BIN AHMED").parts[1].weight  # a listed name keeps it


def test_a_quoted_organization_name_is_the_name() -> None:
    """A legal form and a quoted name (ООО "БАЙКАЛ"): the quoted part is the name, never set
    aside like a nickname, so another quoted name with the same legal form is no match."""
    entry = WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name='ООО "БАЙКАЛ"')
    listed = Watchlist(name="a", version="1", entries=[entry])
    assert Decision.CLEAR == screening.screen(Applicant(name='ООО "БАЙ"'), listed).decision
    assert Decision.MATCH == screening.screen(Applicant(name='ООО "Байкал"'), listed).decision
    assert 1 == len(_forms.name_parts('ООО "БАЙКАЛ"'))
    assert 2 == len(_forms.name_parts('Jong Un "Danny" Kim'))  # a person's nickname is set aside


def test_a_legal_form_of_another_kind_is_a_review() -> None:
    """ "Aero Continente Inc" for AERO CONTINENTE S.A. may be another company of the name: a
    review that says why. A legal form of the same kind, spelled otherwise or in another
    language, still matches (SA for S.A., AG for Aktiengesellschaft, Ltd for LLC), and so
    does a name with the legal form left out or "Company", which any company may be called."""
    listed = _screener(WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="AERO CONTINENTE S.A."))
    other = listed.screen(Applicant(name="Aero Continente Inc"))
    assert Decision.REVIEW == other.decision
    reason = Reason.of(Code.OTHER_LEGAL_FORM, given=("inc",), listed=("sa",))
    assert reason in other.hits[0].evidence[0].reasons
    for same in ["Aero Continente SA", "Aero Continente JSC", "Aero Continente", "Aero Continente Company"]:
        assert Decision.MATCH == listed.screen(Applicant(name=same)).decision, same
    german = _screener(WatchlistEntry(id="g", kind=EntryKind.ORGANIZATION, name="Kordex Aktiengesellschaft"))
    assert Decision.MATCH == german.screen(Applicant(name="Kordex AG")).decision
    assert Decision.REVIEW == german.screen(Applicant(name="Kordex GmbH")).decision
    limited = _screener(WatchlistEntry(id="l", kind=EntryKind.ORGANIZATION, name="LLC KORDEXPROM"))
    assert Decision.MATCH == limited.screen(Applicant(name="Kordexprom Ltd")).decision


def test_numbers_in_words_are_their_digits() -> None:
    """ "Kordex Plant No. Five" is KORDEX PLANT NO. 5, and "7th Kordex Fleet" SEVENTH KORDEX
    FLEET: a match that says the numbers are the same."""
    listed = _screener(
        WatchlistEntry(id="p", kind=EntryKind.ORGANIZATION, name="KORDEX PLANT NO. 5"),
        WatchlistEntry(id="f", kind=EntryKind.ORGANIZATION, name="SEVENTH KORDEX FLEET"),
    )
    plant = listed.screen(Applicant(name="Kordex Plant No. Five"))
    assert plant.decision is Decision.MATCH
    assert [hit.entry.id for hit in plant.hits] == ["p"]
    links = plant.hits[0].evidence[0].links
    assert Reason.of(Code.SAME_NUMBER, number="5") in {reason for link in links for reason in link.reasons}
    assert listed.screen(Applicant(name="7th Kordex Fleet")).hits[0].entry.id == "f"
    assert listed.screen(Applicant(name="7th Kordex Fleet")).decision is Decision.MATCH


def test_an_acronym_of_a_listed_organization_is_a_review() -> None:
    """An applicant's name in capitals that is the initials of a listed organization's name
    (of all its words, of its words but articles and conjunctions, or of its names alone) is a
    review that says so; never a match, nor for a name in lowercase or a Chinese or Korean
    surname ("KIM" is no KOREA INTERNATIONAL MINING)."""
    listed = _screener(
        WatchlistEntry(id="i", kind=EntryKind.ORGANIZATION, name="ISLAMIC STATE OF IRAQ AND THE LEVANT"),
        WatchlistEntry(id="p", kind=EntryKind.ORGANIZATION, name="PETROLEOS DE VENEZUELA, S.A."),
        WatchlistEntry(id="n", kind=EntryKind.ORGANIZATION, name="NATIONAL IRANIAN OIL COMPANY"),
        WatchlistEntry(id="k", kind=EntryKind.ORGANIZATION, name="KOREA INTERNATIONAL MINING"),
        WatchlistEntry(id="h", kind=EntryKind.PERSON, name="Ibrahim Salim Ismail Lazar"),
    )
    for name, entry in [("ISIL", "i"), ("I.S.I.L.", "i"), ("PDVSA", "p"), ("NIOC", "n")]:
        result = listed.screen(Applicant(name=name))
        assert result.decision is Decision.REVIEW, name
        assert [hit.entry.id for hit in result.hits] == [entry]
        evidence = result.hits[0].evidence[0]
        assert evidence.method is Method.ACRONYM
        assert (
            Reason.of(Code.ACRONYM, acronym=name.replace(".", "").lower(), kind="listed name")
            in evidence.reasons
        )
    for name in ["Isil", "KIM", "ISIL Trading Ltd"]:
        assert listed.screen(Applicant(name=name)).decision is Decision.CLEAR, name


def test_an_organization_name_written_with_dots_is_one_word() -> None:
    """Letters written with dots in an organization's name are an acronym or a legal form, one
    word: "TMG Engineering Ltd" is T.M.G. ENGINEERING LIMITED and "Grupo Kordex SA de CV" is
    GRUPO KORDEX, S.A. DE C.V.; in a person's name they stay initials."""
    dotted = _screener(WatchlistEntry(id="t", kind=EntryKind.ORGANIZATION, name="T.M.G. ENGINEERING LIMITED"))
    assert Decision.MATCH == dotted.screen(Applicant(name="TMG Engineering Ltd")).decision
    mexican = _screener(
        WatchlistEntry(id="m", kind=EntryKind.ORGANIZATION, name="GRUPO KORDEX, S.A. DE C.V.")
    )
    assert Decision.MATCH == mexican.screen(Applicant(name="Grupo Kordex SA de CV")).decision
    assert ("tmg", "engineering", "limited") == tuple(
        part.text for part in _forms.name_parts("T.M.G. ENGINEERING LIMITED", person=False)[0]
    )
    assert ("j", "r", "smith") == tuple(part.text for part in _forms.name_parts("J.R. Smith")[0])


def test_a_listed_organization_inside_a_longer_name_is_a_review() -> None:
    """ "Deutsche Bank Trust Company" for DEUTSCHE BANK is a review that says why; the name
    with a legal form added or left out still matches."""
    entry = WatchlistEntry(id="o", kind=EntryKind.ORGANIZATION, name="DEUTSCHE BANK")
    listed = Watchlist(name="a", version="1", entries=[entry])
    longer = screening.screen(Applicant(name="Deutsche Bank Trust Company"), listed)
    assert Decision.REVIEW == longer.decision
    assert Reason.of(Code.LONGER_ORGANIZATION, parts=("trust",)) in longer.hits[0].evidence[0].reasons
    assert Decision.MATCH == screening.screen(Applicant(name="Deutsche Bank AG"), listed).decision


@pytest.mark.parametrize(
    ("nationalities", "name", "expected"),
    [
        ((), "Li Li", Decision.REVIEW),  # li and yi: one Korean syllable, two Mandarin ones
        ((), "Yi Li", Decision.MATCH),  # the listed name reordered
        ((), "Lee Yi", Decision.MATCH),  # Lee is a spelling of the family name Li
        (("KR",), "Li Li", Decision.MATCH),  # a Korean name: read in Korean
    ],
)
def test_a_korean_only_link_between_two_pinyin_syllables_does_not_decide(
    nationalities: tuple[str, ...], name: str, expected: Decision
) -> None:
    """For an entry whose nationality says nothing, two parts that are each a pinyin syllable
    but link only as Korean spellings ("Li Li" and "LI, Yi") bring a review, not a match."""
    entry = WatchlistEntry(
        id="p-1", kind=EntryKind.PERSON, name="LI, Yi", nationalities=nationalities, sources=()
    )
    result = screening.screen(Applicant(name=name), Watchlist(name="t", version="1", entries=[entry]))
    assert expected == result.decision
