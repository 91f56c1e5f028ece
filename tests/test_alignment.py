"""Tests of the aligner and the link rules on pairs of names: which parts link, by which rule, and
how the alignment weighs what is left out."""

from __future__ import annotations

import pytest

from screening import (
    Method,
    Policy,
)
from screening._alignment import _link, align
from screening._forms import name_form
from screening.reasons import Code, Reason


def test_kana_links_single_parts_only() -> None:
    """A kana part links by its skeleton to a single listed part, never to joined ones: those
    have no kana key, so the index could not find the pair."""
    kana = name_form("クサ").runs[0]
    joined = next(run for run in name_form("Hk Sihai").runs if run.width == 2)
    assert _link(kana, joined, False) is None
    assert _link(kana, name_form("Ksa").runs[0], False) is not None


def test_an_applicants_particle_stands_only_for_itself() -> None:
    """ "The" is no listed "De" though both read as the Korean "tae", and "van" no "Pan"; a
    listed particle may still be spelled otherwise by the applicant ("Ai" for "Al")."""
    assert align(name_form("The International"), name_form("DE INTERNATIONAL")) is None
    assert align(name_form("Victoria van der Kint"), name_form("PAN VICTOIRE")) is None
    alignment = align(name_form("Ai Harzi Tariq"), name_form("AL-HARZI, Tariq"))
    assert alignment is not None
    assert alignment.decisive


def test_one_or_two_syllable_parts_stay_apart_longer_readings_do_not() -> None:
    """In a Chinese or Korean name, short parts that read as as many syllables (one or two, as
    name parts do) are other names, not misspellings: "Pong" is not "Dong", "Minbo" is not
    "Minho". A part that only segments into more syllables is an ordinary name, whose
    one-letter misspelling links, for review: "Dijana" for the listed "Diana" (di-a-na in
    Korean); and so do such parts in other names."""
    assert align(name_form("Kim Pong"), name_form("KIM, Dong"), person=True) is None
    assert align(name_form("Kim Minbo"), name_form("KIM, Minho"), person=True) is None
    alignment = align(name_form("Kajmakovic Dijana"), name_form("KAJMAKOVIC, Diana"), person=True)
    assert alignment is not None
    assert alignment.complete
    assert not alignment.decisive
    assert Method.FUZZY in {link.method for link in alignment.links}
    # Outside a Chinese or Korean name, two-syllable parts link too: "Hattem" is "Hatim".
    arabic = align(name_form("BARAKAT, Hattem Ahmad"), name_form("BARAKAT, Hatim Ahmad"), person=True)
    assert arabic is not None
    assert arabic.method is Method.SPELLING
    assert not arabic.decisive


def test_a_similarity_on_its_floor_is_enough() -> None:
    """Jaro-Winkler of "muhsin" and "mohsen" is 0.8, the floor, though it adds up to
    0.7999999999999999: the spellings link (same skeleton), for review."""
    alignment = align(name_form("TURANLU, Muhsin Sayyadi"), name_form("TURANLU, Mohsen Sayyadi"), person=True)
    assert alignment is not None
    assert alignment.method is Method.SPELLING
    assert not alignment.decisive


def test_a_listed_patronymic_left_out_weighs_less() -> None:
    """Applicants seldom write their patronymic: "Olga Beglova" is a review for BEGLOVA, Olga
    Aleksandrovna (it was under the threshold, the patronymic weighing its 13 letters). Given
    in full, the name still matches; given and patronymic without the family name stay clear."""
    listed = name_form("BEGLOVA, Olga Aleksandrovna")
    assert listed.patronymic == 2
    left_out = align(name_form("Olga Beglova"), listed, person=True)
    assert left_out is not None
    assert left_out.score >= Policy().review_threshold
    assert not left_out.decisive
    full = align(name_form("Olga Aleksandrovna Beglova"), listed, person=True)
    assert full is not None
    assert full.decisive
    other = align(
        name_form("Roman Arkadyevich Petrov"), name_form("ABRAMOVICH, Roman Arkadyevich"), person=True
    )
    assert other is None or other.score < Policy().review_threshold


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("Vladimir Rogov", "ROGOV, Volodymyr"),
        ("Владимир Рогов", "ROGOV, Volodymyr"),
        ("Mykola Kozitsyn", "KOZITSYN, Nikolai"),
        ("Siarhei Ivanou", "IVANOU, Sergey"),
        ("Mykyta Samoilenko", "SAMOILENKO, Nikita"),
        ("Lydia Yarmoshina", "YARMOSHINA, Lidziya"),
    ],
)
def test_russian_ukrainian_and_belarusian_forms_of_a_given_name_are_one_name(
    applicant: str, listed: str
) -> None:
    """Lists name one person in the Russian, Ukrainian and Belarusian forms of a given name,
    which differ by more than spelling (Vladimir, Volodymyr, Uladzimir): a transliteration."""
    alignment = align(name_form(applicant), name_form(listed), person=True)
    assert alignment is not None
    assert alignment.decisive
    assert Method.TRANSLITERATION in {link.method for link in alignment.links}


def test_forms_of_different_given_names_stay_apart() -> None:
    """Two names of the table are not forms of each other (Oleg and Olga only sound alike)."""
    assert align(name_form("Vladimir Rogov"), name_form("ROGOV, Vyacheslav"), person=True) is None
    alike = align(name_form("Oleg Rogov"), name_form("ROGOV, Olga"), person=True)
    assert alike is not None
    assert not alike.decisive
    assert Method.TRANSLITERATION not in {link.method for link in alike.links}


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("'Abd al-Rahman Khalaf", "Abdul Rahman Khalaf"),
        ("Abdelrahman Khalaf", "Abdul Rahman Khalaf"),
        ("Abdel Aziz Nuristani", "NURISTANI, Abdul Aziz"),
        ("Abdolreza Abedzadeh", "ABEDZADEH, Abdul Reza"),
    ],
)
def test_the_arabic_abd_al_is_one_name_however_written(applicant: str, listed: str) -> None:
    """ "Abd al-", "Abdel", "Abdal", "Abdol" and "Abdul" write one article, joined or apart."""
    alignment = align(name_form(applicant), name_form(listed), person=True)
    assert alignment is not None
    assert alignment.decisive
    assert Method.TRANSLITERATION in {link.method for link in alignment.links}


def test_abdul_alone_is_not_a_longer_name() -> None:
    alike = align(name_form("Abdul Rahman"), name_form("Abdullah Rahman"), person=True)
    assert alike is None or not alike.decisive


def test_a_patronymic_in_another_language_form_is_one_patronymic() -> None:
    """Mykolayovych is Nikolaevich (son of Nikolai, Mykola, Mikalai) in Ukrainian: with the
    given name's forms, the whole name is one name; a daughter's is not a son's."""
    alignment = align(
        name_form("Serhiy Mykolayovych Cherevko"), name_form("CHEREVKO, Sergey Nikolaevich"), person=True
    )
    assert alignment is not None
    assert alignment.complete
    assert alignment.decisive
    daughter = align(
        name_form("Svetlana Mykolaivna Cherevko"), name_form("CHEREVKO, Svetlana Nikolaevich"), person=True
    )
    assert daughter is None or not daughter.complete


def test_parts_with_digits_are_no_romanized_spellings() -> None:
    """Parts with digits have no spelling skeleton: "abcde12" and "abcdf12" are one letter
    apart, not two spellings of one name with the empty skeleton."""
    link = _link(name_form("abcde12").runs[0], name_form("abcdf12").runs[0], False)
    assert link is not None
    assert link.method is Method.FUZZY
    assert _link(name_form("ab12345").runs[0], name_form("ab98765").runs[0], False) is None


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("REZVANYANZADEH, Mohammadreza", "REZVANIANZADEH, Mohammed Reza"),
        ("MOZAFARI-NIYA, Reza", "MOZAFFARINIA, Reza"),
        ("AL-KHAIWANI, Abdulhakem Hashim", "AL-KHAIWANI, Abdul Hakim"),
    ],
)
def test_two_parts_written_as_one_may_be_spelled_otherwise(applicant: str, listed: str) -> None:
    """A name of two parts written as one, or one written as two, may also be spelled
    otherwise ("Mohammadreza" for "Mohammed Reza"): the joined parts link by their spelling
    skeleton, for review, on either side."""
    alignment = align(name_form(applicant), name_form(listed), person=True)
    assert alignment is not None
    assert not alignment.decisive
    assert alignment.score >= Policy().review_threshold
    assert any(link.method is Method.SPELLING and link.joined for link in alignment.links)


def test_joined_spellings_are_kept_to_what_single_parts_leave() -> None:
    """Spellings of joined parts only link what the single parts leave: not a lone letter
    ("famosos s"), not a Chinese or Korean name's syllables ("Min Shi" is no "Mansha"), and
    one part spelled like two listed parts is too little alone ("Hlaing" for HLA, Aung).
    A part that links on its own is not taken for a spelling of it joined with its neighbour
    ("Belaruskaliy" is the listed "Belaruskali", and "OAO" the listed "OAO")."""
    assert align(name_form("Kim Mansha"), name_form("KIM, Min Shi"), person=True) is None
    assert align(name_form("Hlaing Chit"), name_form("HLA, Aung"), person=True) is None
    famosos = name_form("FAMOSOS S")
    joined = next(run for run in famosos.runs if run.width == 2)
    assert _link(name_form("Famoses").runs[0], joined, False) is None
    assert _link(name_form("Famoses").runs[0], famosos.runs[0], False) is not None
    belaruskali = align(name_form("OAO Belaruskaliy"), name_form("BELARUSKALI OAO"))
    assert belaruskali is not None
    assert {(link.applicant.text, link.listed.text) for link in belaruskali.links} == {
        ("oao", "oao"),
        ("belaruskaliy", "belaruskali"),
    }


@pytest.mark.parametrize(
    ("applicant", "listed"),
    [
        ("ZAITSEV, Alexander Nikolaevich", "ZAITSAU, Aliaksandr Mikalaevich"),  # Belarusian ў
        ("GOLOVANOV, Viktor", "HALAVANAU, Viktar Hryhoryavich"),  # h for g, akanne
        ("DOLHOPOLOV, Andriy", "DOLGOPOLOV, Andrey Nikolayevich"),  # Ukrainian h
        ("PAVLICHENKO, Dmitry", "PAULICHENKA, Dzmitry Valeryevich"),
        ("FYODOROV, Yury Viktorovich", "FEDOROV, Yury Viktorovich"),  # yo for the Russian ё
    ],
)
def test_russian_ukrainian_and_belarusian_family_names_are_one_name(applicant: str, listed: str) -> None:
    """East Slavic family names in their Russian, Ukrainian and Belarusian forms link as
    spellings of one name, for review: Belarusian writes "u" (ў) for the Russian "v", both
    Ukrainian and Belarusian "h" for the Russian "g"."""
    alignment = align(name_form(applicant), name_form(listed), person=True)
    assert alignment is not None
    assert alignment.score >= Policy().review_threshold
    family = next(link for link in alignment.links if link.listed.start == 0)
    assert family.method is Method.SPELLING
    assert Code.EAST_SLAVIC_SKELETON == family.reasons()[0].code


def test_other_names_keep_their_h_and_u() -> None:
    """Only names with an East Slavic ending are read so: "Hurtado" is no "Gurtada", though
    "Hubaryev" is "Gubarev"."""
    assert _link(name_form("Hurtado").runs[0], name_form("Gurtada").runs[0], False) is None
    assert _link(name_form("Hubaryev").runs[0], name_form("Gubarev").runs[0], False) is not None


def test_consonants_spelled_otherwise_do_not_lower_the_similarity() -> None:
    """Romanizations write one consonant "w" or "v", "q", "gh" or "k": "Valed" and "Walid" are
    as alike as "Valed" and "Valid" (Jaro-Winkler 0.73 as written, 0.89 with one "v"), so
    they link as spellings, for review, with the rest of the name."""
    link = _link(name_form("Valed").runs[0], name_form("Walid").runs[0], False)
    assert link is not None
    assert link.method is Method.SPELLING
    alignment = align(name_form("MAKLED GARCIA, Valed"), name_form("MAKLED GARCIA, Walid"), person=True)
    assert alignment is not None
    assert alignment.complete
    assert not alignment.decisive


def test_short_parts_that_differ_only_in_doubled_letters_are_spellings() -> None:
    """ "Saad" and "Sad", "Hajj" and "Haj", "Alaa" and "Ala" (3 and 4 letters, short of the
    skeleton rule) link as spellings, for review; parts of 2 letters are left alone ("Le" is
    no "Lee")."""
    for applicant, listed in [("sad", "saad"), ("haj", "hajj"), ("ala", "alaa")]:
        link = _link(name_form(applicant).runs[0], name_form(listed).runs[0], False)
        assert link is not None, applicant
        assert link.method is Method.SPELLING
        assert (Reason.of(Code.DOUBLED_LETTERS),) == link.reasons()
    assert _link(name_form("Le").runs[0], name_form("Lee").runs[0], False) is None
    # "Abbb" and "Abb" are "ab" undoubled: too short to link so, and they share no key.
    assert _link(name_form("Abbb").runs[0], name_form("Abb").runs[0], False) is None
    alignment = align(name_form("KHANFURAH, Ala"), name_form("KHANFURAH, Alaa"), person=True)
    assert alignment is not None
    assert not alignment.decisive
