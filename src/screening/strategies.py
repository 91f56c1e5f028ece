"""Hypothesis strategies for integrators who property-test their screening pipelines.

Needs Hypothesis (``pip install 'screening[strategies]'``). Every strategy takes keyword-only
arguments and builds values screening accepts:

* :func:`names`: personal names in Latin letters, Han characters, Hangul, Cyrillic and kana,
  family name first or last or as ``SURNAME, Given``;
* :func:`emails`, :func:`phone_numbers`, :func:`websites`: valid contact data;
* :func:`applicants`: whole :class:`~screening.Applicant` records;
* :func:`watchlist_entries` and :func:`watchlists`: lists to screen against;
* :func:`listed_name_variants`: spellings of a listed entry's name that screening must flag
  (word order, case, spacing and hyphens, Wade-Giles and Tongyong for pinyin, Korean
  romanizations, the entry's native-script aliases, look-alike letters from Cyrillic, and
  disguises: Cyrillic or Greek capitals, small capitals, a right-to-left override, letters
  set apart).

An integrator's test, for example, that their pipeline flags listed people and clears others::

    from hypothesis import given
    import screening
    from screening import strategies

    LIST = screening.load_watchlist()
    PERSON = LIST.entry("doj-2025-kim-kwang-jin")

    @given(strategies.listed_name_variants(PERSON))
    def test_pipeline_flags_listed_people(name):
        assert my_onboarding_check(name) in {"hold", "reject"}
"""

from __future__ import annotations

import functools
import string

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "screening.strategies needs Hypothesis: pip install 'screening[strategies]'."
    ) from error

import phonenumbers

from screening import domains
from screening import emails as email_addresses
from screening import phones as phone_numbers_module
from screening._countries import COUNTRY_CODES
from screening._disguises import RIGHT_TO_LEFT_OVERRIDE
from screening.models import Applicant, EntryKind, WatchlistEntry
from screening.translit import chinese, korean, script
from screening.translit._tables import korean_surnames, plain, wade_giles
from screening.watchlist import Watchlist

__all__ = [
    "applicants",
    "emails",
    "listed_name_variants",
    "names",
    "phone_numbers",
    "watchlist_entries",
    "watchlists",
    "websites",
]

_LATIN_GIVEN = ("James", "Maria", "Wei", "Min-jun", "Ahmed", "Olga", "Priya", "Lucas", "Seo-yeon", "Xiaoming")
_LATIN_FAMILY = ("Smith", "Garcia", "Chen", "Park", "Khan", "Ivanova", "Nguyen", "Müller", "Rossi", "Tanaka")
_HAN = "王李张刘陈杨黄赵吴周伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华"
_HANGUL_SYLLABLES = "민준서연지현우수영진호성은혜정하윤아철동석경미희재상훈"
_CYRILLIC_NAMES = ("Иван", "Ольга", "Петров", "Смирнова", "Алексей", "Наталья", "Кузнецов", "Дмитрий")
_KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
_COMMON_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "example.org", "example.com", "proton.me")
_LABEL = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=3, max_size=12)


def _latin_name() -> st.SearchStrategy[tuple[str, str]]:
    return st.tuples(st.sampled_from(_LATIN_GIVEN), st.sampled_from(_LATIN_FAMILY))


@functools.lru_cache(maxsize=1)
def _korean_family() -> tuple[str, ...]:
    return tuple(
        hangul for hangul, _spellings, share in korean_surnames() if len(hangul) == 1 and share > 0.001
    )


def names(
    *, scripts: tuple[str, ...] = ("latin", "han", "hangul", "cyrillic", "kana")
) -> st.SearchStrategy[str]:
    """Personal names in the given scripts and in any of the usual orders.

    Args:
        scripts: any of ``latin``, ``han``, ``hangul``, ``cyrillic``, ``kana``.
    """
    choices: list[st.SearchStrategy[str]] = []
    if "latin" in scripts:
        choices.append(
            st.builds(
                lambda pair, order: {
                    "given first": f"{pair[0]} {pair[1]}",
                    "family first": f"{pair[1]} {pair[0]}",
                    "comma": f"{pair[1].upper()}, {pair[0]}",
                }[order],
                _latin_name(),
                st.sampled_from(["given first", "family first", "comma"]),
            )
        )
    if "han" in scripts:
        choices.append(st.text(alphabet=_HAN, min_size=2, max_size=3))
    if "hangul" in scripts:
        choices.append(
            st.builds(
                lambda family, given: family + given,
                st.sampled_from(_korean_family()),
                st.text(alphabet=_HANGUL_SYLLABLES, min_size=1, max_size=2),
            )
        )
    if "cyrillic" in scripts:
        choices.append(st.lists(st.sampled_from(_CYRILLIC_NAMES), min_size=2, max_size=3).map(" ".join))
    if "kana" in scripts:
        choices.append(
            st.lists(st.text(alphabet=_KATAKANA, min_size=2, max_size=4), min_size=2, max_size=2).map(
                "・".join
            )
        )
    if not choices:
        raise ValueError("names() needs at least one of latin, han, hangul, cyrillic, kana.")
    return st.one_of(choices)


def emails(*, domains_from: tuple[str, ...] = _COMMON_MAIL) -> st.SearchStrategy[str]:
    """Valid email addresses at the given domains.

    Args:
        domains_from: the domains to use.
    """
    local = st.from_regex(r"\A[a-z][a-z0-9]{0,10}([._+-][a-z0-9]{1,8})?\Z", fullmatch=True)
    return st.builds(lambda left, domain: f"{left}@{domain}", local, st.sampled_from(domains_from)).filter(
        email_addresses.is_valid
    )


def phone_numbers(*, region: str = "US") -> st.SearchStrategy[str]:
    """Possible phone numbers of a region, written in international, national or E.164 form.

    Args:
        region: ISO 3166-1 alpha-2 code of a region phonenumbers knows.
    """
    example = phonenumbers.example_number(region)
    if example is None:
        raise ValueError(f"phonenumbers has no example number for region {region!r}.")
    national = str(example.national_number)
    formats = [
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        phonenumbers.PhoneNumberFormat.NATIONAL,
        phonenumbers.PhoneNumberFormat.E164,
    ]

    def build(tail: int, style: int) -> str:
        digits = national[:-3] + f"{tail:03d}"
        number = phonenumbers.parse(digits, region)
        return phonenumbers.format_number(number, style)

    return st.builds(build, st.integers(0, 999), st.sampled_from(formats)).filter(
        lambda value: phone_numbers_module.is_valid(value, region=region)
    )


def websites() -> st.SearchStrategy[str]:
    """Websites as applicants type them: bare domains and URLs with scheme, path, port, case."""
    host = st.builds(
        lambda label, tld: f"{label}.{tld}", _LABEL, st.sampled_from(["com", "org", "net", "io", "co.uk"])
    )
    return st.builds(
        lambda h, scheme, path, upper: scheme + (h.upper() if upper else h) + path,
        host,
        st.sampled_from(["", "https://", "http://www.", "https://jobs."]),
        st.sampled_from(["", "/", "/me", "/in/profile?ref=1", ":8443/x"]),
        st.booleans(),
    ).filter(domains.is_valid)


def applicants(
    *,
    name_scripts: tuple[str, ...] = ("latin", "han", "hangul", "cyrillic", "kana"),
    max_values: int = 2,
) -> st.SearchStrategy[Applicant]:
    """Whole applicants: a name, aliases and contact data, a country and nationality.

    Args:
        name_scripts: scripts for names and aliases (see :func:`names`).
        max_values: most aliases, emails, phones and websites each.
    """
    region = st.sampled_from(["US", "GB", "CN", "KR", "DE", "IN"])
    return region.flatmap(
        lambda country: st.builds(
            Applicant,
            name=names(scripts=name_scripts),
            aliases=st.lists(names(scripts=name_scripts), max_size=max_values),
            emails=st.lists(emails(), max_size=max_values),
            phones=st.lists(phone_numbers(region=country), max_size=max_values),
            websites=st.lists(websites(), max_size=max_values),
            country=st.just(country),
            nationality=st.one_of(st.none(), st.sampled_from(sorted(COUNTRY_CODES - {"XK"}))),
        )
    )


def watchlist_entries(
    *, kinds: tuple[EntryKind, ...] = (EntryKind.PERSON, EntryKind.DOMAIN)
) -> st.SearchStrategy[WatchlistEntry]:
    """Valid watchlist entries (ids are random; :func:`watchlists` makes them unique).

    Args:
        kinds: the kinds to build.
    """
    ident = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=6, max_size=12).map(
        "gen-".__add__
    )
    person = st.builds(
        lambda entry_id, name, aliases: WatchlistEntry(
            id=entry_id, kind=EntryKind.PERSON, name=name, aliases=tuple(aliases)
        ),
        ident,
        names(),
        st.lists(names(), max_size=2),
    )
    domain = st.builds(
        lambda entry_id, label: WatchlistEntry(
            id=entry_id, kind=EntryKind.DOMAIN, name=f"{label}.com", domains=(f"{label}.com",)
        ),
        ident,
        _LABEL,
    )
    options = {EntryKind.PERSON: person, EntryKind.DOMAIN: domain}
    return st.one_of([options[kind] for kind in kinds if kind in options])


def watchlists(*, min_entries: int = 1, max_entries: int = 8) -> st.SearchStrategy[Watchlist]:
    """Valid watchlists with unique entry ids.

    Args:
        min_entries: fewest entries.
        max_entries: most entries.
    """
    return st.lists(
        watchlist_entries(), min_size=min_entries, max_size=max_entries, unique_by=lambda entry: entry.id
    ).map(lambda entries: Watchlist(name="generated", version="1", entries=entries))


_CONFUSABLE = {"a": "а", "o": "о", "e": "е", "c": "с", "p": "р", "x": "х", "y": "у", "i": "і"}
#: Capitals of other scripts that look like Latin capitals: Cyrillic, then Greek (UTS #39).
_CYRILLIC_CAPITALS = str.maketrans("ABCEHIJKMOPSTXY", "АВСЕНІЈКМОРЅТХУ")
_GREEK_CAPITALS = str.maketrans("ABEHIKMNOPTXYZ", "ΑΒΕΗΙΚΜΝΟΡΤΧΥΖ")
#: Latin small capitals (U+1D00 block and IPA letters) for the letters that have one.
_SMALL_CAPITALS = str.maketrans("abcdeghijklmnoprstuvwyz", "ᴀʙᴄᴅᴇɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ")


def _disguises_of(name: str) -> list[str]:
    """The name disguised so that it looks the same: capitals of other scripts, small
    capitals, reversed behind a right-to-left override, letters set apart."""
    upper = name.upper()
    words = name.split()
    return [
        upper.translate(_CYRILLIC_CAPITALS),
        upper.translate(_GREEK_CAPITALS),
        name.lower().translate(_SMALL_CAPITALS),
        " ".join([*words[:-1], words[-1].lower().translate(_SMALL_CAPITALS)]),
        RIGHT_TO_LEFT_OVERRIDE + name[::-1],
        " ".join(" ".join(word) for word in words),
        " ".join(".".join(word) for word in words),
        " ".join([*words[:-1], " ".join(words[-1])]),
    ]


@functools.lru_cache(maxsize=1)
def _pinyin_to_wade_giles() -> dict[str, str]:
    reverse: dict[str, str] = {}
    for spelling, targets in sorted(wade_giles().items(), key=lambda item: len(item[0])):
        if len(targets) == 1:
            reverse.setdefault(targets[0], spelling)
    return reverse


def _respell_pinyin(token: str, system: str) -> str | None:
    readings = [reading for reading in chinese.latin_readings(token) if reading.system == "pinyin"]
    if not readings:
        return None
    syllables = [key.split(":", 1)[1] for key in readings[0].keys]
    if system == "Wade-Giles":
        table = _pinyin_to_wade_giles()
        spelled = [table.get(syllable) for syllable in syllables]
        return None if None in spelled else "-".join(part for part in spelled if part)
    return "".join(chinese.tongyong(syllable) for syllable in syllables)


_KOREAN_INITIAL_SWAPS = (("k", "g"), ("g", "k"), ("t", "d"), ("p", "b"), ("b", "p"), ("ch", "j"), ("j", "ch"))


def _respell_korean(token: str) -> str | None:
    if not korean.latin_readings(token):
        return None
    for old, new in _KOREAN_INITIAL_SWAPS:
        if token.startswith(old):
            return new + token[len(old) :]
    return None


def _variants_of(name: str, *, chinese_rules: bool, korean_rules: bool) -> list[str]:
    parts = name.split()
    # The family name moves to the other end; given names keep their order.
    found = [name, name.upper(), name.lower(), " ".join([*parts[1:], parts[0]])]
    if len(parts) >= 3:
        found.append(" ".join([parts[-1], *parts[:-1]]))
        found.append(f"{parts[0]} {''.join(parts[1:])}")
        found.append(f"{parts[0]} {'-'.join(parts[1:])}")
    for index, part in enumerate(parts):
        lowered = plain(part)
        for system in ("Wade-Giles", "Tongyong Pinyin") if chinese_rules else ():
            respelled = _respell_pinyin(lowered, system)
            if respelled and respelled.replace("-", "") != lowered:
                found.append(" ".join([*parts[:index], respelled, *parts[index + 1 :]]))
        korean_spelling = _respell_korean(lowered) if korean_rules else None
        if korean_spelling:
            found.append(" ".join([*parts[:index], korean_spelling, *parts[index + 1 :]]))
    for position, char in enumerate(name):
        if char in _CONFUSABLE:
            found.append(name[:position] + _CONFUSABLE[char] + name[position + 1 :])
            break
    found += _disguises_of(name)
    return list(dict.fromkeys(found))


def listed_name_variants(entry: WatchlistEntry, /) -> st.SearchStrategy[str]:
    """Spellings of an entry's name or (strong) aliases that screening must flag for the entry.

    Word order (the first or last part moved to the other end), case, joined or hyphenated
    given names, Wade-Giles and Tongyong respellings of pinyin parts (unless the entry is only
    Korean), another Korean romanization of an initial consonant (unless the entry is only
    Chinese), a Cyrillic look-alike letter, and the entry's native-script aliases as listed;
    and disguises that keep the name's look: capitals swapped for Cyrillic or Greek ones,
    Latin small capitals, the name reversed behind a right-to-left override (U+202E), its
    letters set apart by spaces or dots.
    Each variant is a spelling the library's rules treat as the listed name, so screening it
    flags the entry.

    Args:
        entry: a person or organization entry.

    Raises:
        ValueError: the entry is a domain entry, which has no name to vary.
    """
    if entry.kind is EntryKind.DOMAIN:
        raise ValueError(f"Entry {entry.id!r} is a domain entry; it has no name to vary.")
    korean_only = bool(entry.nationalities) and set(entry.nationalities) <= {"KP", "KR"}
    chinese_only = bool(entry.nationalities) and set(entry.nationalities) <= {"CN", "TW", "HK", "MO"}
    spellings: list[str] = []
    for name in (entry.name, *entry.aliases):
        if script(name.replace(" ", "")) in {"latin", "mixed"}:
            spellings += _variants_of(name, chinese_rules=not korean_only, korean_rules=not chinese_only)
        else:
            spellings.append(name)
    return st.sampled_from(list(dict.fromkeys(spellings)))
