"""Tests of transliteration: readings, Latin spellings, confusables and family-name splits."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screening import translit
from screening.phonetics import joined_skeleton, spelling_skeleton
from screening.translit import chinese, kana, korean


def _keys(text: str) -> set[tuple[str, ...]]:
    return {reading.keys for reading in translit.readings(text)}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("chou", "zhou"),  # Wade-Giles
        ("hsiaoping", "xiaoping"),  # Wade-Giles without apostrophes
        ("jhou", "zhou"),  # Tongyong
        ("wong", "wang"),  # surname spelling (sinonym)
        ("wong", "huang"),  # Cantonese spelling of another surname too (黃)
        ("chow", "zou"),
        ("王振兴", "zhenxingwang"),  # Han characters, read through pypinyin... joined below
        ("金", "kim"),  # Hanja read in Korean (Unihan kHangul)
        ("김", "gim"),  # Hangul and Revised Romanization
        ("jeong", "jung"),  # Korean everyday spelling
        ("thae", "tae"),  # DPRK romanization
        ("정은", "jongun"),
        ("цзиньпин", "jinping"),  # Palladius
        ("чен", "jong"),  # Korean name in Russian press usage
        ("ジョンウン", "jongun"),  # katakana with foreign-name variants
        ("tzuyu", "ziyou"),  # Wade-Giles throughout
        ("zhenhsing", "zhenxing"),  # pinyin zhen and Wade-Giles hsing, as each can only be
    ],
)
def test_spellings_share_a_reading(left: str, right: str) -> None:
    """Spellings of one name in different systems share a reading."""
    if left == "王振兴":
        assert _keys("振兴") & _keys("zhenxing")
        return
    assert _keys(left) & _keys(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("dong", "pong"),
        ("zhou", "zhao"),
        ("yuze", "zeyu"),
        ("kim", "kang"),
        # One part is written in one system: pinyin zi makes yu pinyin too, not the
        # Wade-Giles you; pinyin xing makes chen pinyin, not the Wade-Giles zhen.
        ("ziyu", "ziyou"),
        ("chenxing", "zhenxing"),
    ],
)
def test_different_syllables_do_not_share_a_reading(left: str, right: str) -> None:
    """Different syllables stay apart."""
    assert not _keys(left) & _keys(right)


def test_korean_back_vowels_merge() -> None:
    """Jeong, Jong, Jung, Chung and Chong are one Korean syllable class."""
    keys = [
        korean.latin_readings(spelling)[0].keys for spelling in ("jeong", "jong", "jung", "chung", "chong")
    ]
    assert 1 == len(set(keys))


def test_word_initial_r_may_be_silent() -> None:
    """Ri, Lee and Yi all read as 이."""
    assert all(_keys(spelling) & _keys("이") for spelling in ("ri", "lee", "yi", "rhee"))


def test_surname_table_does_not_override_rules() -> None:
    """The table lists Kwang for 강, but Kwang is first of all 광."""
    assert not _keys("kwang") & _keys("강")


def test_tongyong_rules() -> None:
    """Tongyong spellings follow the 2002 standard."""
    assert ("jhou", "syong", "shih", "fong", "jyun", "liou") == tuple(
        chinese.tongyong(syllable) for syllable in ("zhou", "xiong", "shi", "feng", "jun", "liu")
    )


def test_palladius_rules() -> None:
    """Palladius Cyrillic follows its initials and finals."""
    assert ("цзинь", "пин", "цзы", "сюэ", "си") == tuple(
        chinese.palladius(syllable) for syllable in ("jin", "ping", "zi", "xue", "xi")
    )


def test_kana_hepburn_and_variants() -> None:
    """Kana read in Hepburn, with the epenthetic vowel dropped and n read as ng."""
    assert ("kimu", "kim") == kana.latin_spellings("キム")
    assert "gwangjin" in kana.latin_spellings("グァンジン")


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("владимир", "vladimir"),
        ("дмитрий", "dmitry"),
        ("김정은", "gimjeongeun"),
        ("习近平", "xijinping"),
        ("κώστας", "kostas"),
    ],
)
def test_latin_spelling(text: str, latin: str) -> None:
    """Every script has a Latin spelling for comparison by sound and spelling."""
    assert latin == translit.latin(text)


def test_split_family_name() -> None:
    """Han and Hangul names split into family name and given name."""
    assert [("王", "振兴"), ("欧阳", "娜娜"), ("남궁", "민수"), ("김", "정은"), ("Wang",)] == [
        translit.split_family_name(name) for name in ("王振兴", "欧阳娜娜", "남궁민수", "김정은", "Wang")
    ]


def test_confusables_in_mixed_tokens_are_read_as_latin() -> None:
    """A Cyrillic a in a Latin word is read as Latin a, and the note says so."""
    assert ("wang", ("Cyrillic 'а' (U+0430) read as Latin 'a'",)) == translit.fold_confusables("wаng")


def test_all_cyrillic_tokens_are_not_folded() -> None:
    """A word written wholly in Cyrillic is Cyrillic, not a disguise."""
    assert ("ким", ()) == translit.fold_confusables("ким")


def test_ocr_key() -> None:
    """I, l and 1, and O and 0, fold together."""
    assert translit.ocr_key("ii") == translit.ocr_key("il")
    assert translit.ocr_key("k0") == translit.ocr_key("ko")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("oleksandrovych", "alexandrovich"),
        ("vitalij", "vitaly"),
        ("saeed", "said"),
        ("eghtesad", "eqtesad"),
        ("qadhafi", "gaddafi"),
        ("ghadaffi", "gaddafi"),
        ("dzhuma", "djuma"),  # Russian dzh, French dj: the Arabic jim
        ("hamieh", "hamiye"),  # the ta marbuta, with and without a final h
        ("fatimah", "fatima"),
    ],
)
def test_spelling_skeleton_joins_romanizations(left: str, right: str) -> None:
    """Romanized spellings of one name share a skeleton."""
    assert spelling_skeleton(left) == spelling_skeleton(right)


_LETTERS = st.text(alphabet="abcdeghijkpqswxyz", min_size=1, max_size=8)


@given(first=_LETTERS, second=_LETTERS)
def test_joined_skeleton_is_the_skeleton_of_the_parts_joined(first: str, second: str) -> None:
    """Worked out from the parts' skeletons, the skeleton of two parts joined is the skeleton
    of their joined spelling, rewrites across the join included ("sherbaz" and "khan": the
    "kh" is "h", and "zh" then "j"). The letters are those the rewrites involve."""
    assert joined_skeleton(first, second) == spelling_skeleton(first + second)


@pytest.mark.parametrize(
    ("first", "second"), [("sherbaz", "khan"), ("gh", "h"), ("ad", "zhar"), ("ij", "a"), ("hamie", "h")]
)
def test_joined_skeleton_across_rewrites(first: str, second: str) -> None:
    """Joins that a rewrite spans, each once found to differ when parts were simply joined."""
    assert joined_skeleton(first, second) == spelling_skeleton(first + second)


def test_population_share() -> None:
    """Common surnames weigh more in the share tables than rare given names."""
    assert translit.population_share("kim") > 0.2 > translit.population_share("zhenxing")


_PIECES = st.one_of(
    st.sampled_from(sorted(chinese._latin_inventory())),
    st.sampled_from(
        sorted(korean._LATIN_INITIALS) + sorted(korean._LATIN_VOWELS) + sorted(korean._LATIN_FINALS)
    ),
    st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")),
)


@given(st.lists(_PIECES, min_size=1, max_size=6).map("".join))
def test_trigram_filter_never_refuses_a_readable_text(text: str) -> None:
    """Whatever the segmentation reads as Chinese or Korean syllables, the quick filter lets through."""
    if chinese._segmentations(text, chinese._latin_inventory(), chinese._latin_longest()):
        assert chinese._latin_trigrams().may_read(text)
    if korean._segment(text, korean._LATIN_INITIALS, korean._LATIN_VOWELS, korean._LATIN_FINALS):
        assert korean._latin_trigrams().may_read(text)


@given(st.lists(st.sampled_from(sorted(chinese._latin_inventory())), min_size=1, max_size=4))
def test_trigram_filter_lets_syllables_through(syllables: list[str]) -> None:
    """Any run of Chinese syllable spellings passes the quick filter."""
    assert chinese._latin_trigrams().may_read("".join(syllables))


def test_han_readings_leave_pypinyin_unimported() -> None:
    """Reading Han characters loads pypinyin's character table only, not its phrase table."""
    code = (
        "import sys; from screening.translit import chinese;"
        "assert chinese.han_readings('王伟')[0].shown == 'wang wei';"
        "assert 'pypinyin' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("token", ["a" * 999, "ang" * 333, "kim" * 333])
def test_long_name_part_is_read_without_recursion(token: str) -> None:
    """A name part of a thousand letters is read (or not) without exhausting the stack."""
    assert isinstance(translit.readings(token), tuple)
