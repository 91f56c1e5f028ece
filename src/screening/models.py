"""Who is screened and what is listed (:class:`Applicant`, :class:`WatchlistEntry`, :class:`Source`),
and how a value was linked to a listed one (:class:`Method`): the types every other module builds on.

The applicant and the entry are frozen value objects. Their constructors check types and forms and raise a
:class:`~screening.exceptions.ScreeningError` subclass with a sentence that names the field,
so a bad record fails where it is made, not in the middle of screening. Sequence fields accept
lists or tuples and are stored as tuples.

Input limits, so that one record cannot make screening slow: at most ``MAX_VALUES`` values in
each sequence field, ``MAX_TEXT_LENGTH`` characters in each value and ``MAX_NAME_PARTS`` parts
in each name.

>>> a = Applicant(name="Kim Kwang Jin", aliases=["Bryan Cho"], country="us")
>>> a.aliases, a.country
(('Bryan Cho',), 'US')
>>> Applicant(name="Kim", emails="kim@example.com")
Traceback (most recent call last):
...
screening.exceptions.InvalidApplicantError: emails must be a list or tuple of strings, not a single ...
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable

import attrs

from screening import names
from screening._countries import COUNTRY_CODES, COUNTRY_NAMES
from screening.exceptions import InvalidApplicantError, InvalidNameError

__all__ = ["Applicant", "EntryKind", "Method", "Source", "WatchlistEntry"]


class Method(str, enum.Enum):
    """How an applicant value was linked to a listed value."""

    EXACT = "exact"
    NORMALIZED = "normalized"
    TOKEN_ORDER = "token order"
    JOINED_TOKENS = "joined tokens"
    TRANSLITERATION = "transliteration"
    ABBREVIATION = "abbreviation"
    ACRONYM = "acronym"
    OCR = "ocr"
    SPELLING = "spelling variant"
    PHONETIC = "phonetic"
    FUZZY = "fuzzy"
    INITIAL = "initial"
    PARTIAL = "partial"
    EMAIL = "email"
    EMAIL_VARIANT = "email variant"
    EMAIL_NAME = "name in email"
    EMAIL_DOMAIN = "email domain"
    PHONE = "phone"
    ACCOUNT = "account"
    DOMAIN = "domain"
    SUBDOMAIN = "subdomain"
    LOOKALIKE = "look-alike domain"
    NATIONALITY = "nationality"
    DATE_OF_BIRTH = "date of birth"

    def __str__(self) -> str:
        return self.value


#: Most values one sequence field (aliases, emails, ...) may hold.
MAX_VALUES = 100
#: Most characters one value may have.
MAX_TEXT_LENGTH = 1000
#: Most parts (words) an applicant's name or alias may have; real names have far fewer.
MAX_NAME_PARTS = 24

_DATE_PATTERN = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


def _text_tuple(field: str, value: Iterable[str] | None) -> tuple[str, ...]:
    """Check a sequence field of an Applicant and return it as a tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        raise InvalidApplicantError(
            f"{field} must be a list or tuple of strings, not a single string; write {field}=[{value!r}]."
        )
    if not isinstance(value, (list, tuple)):
        raise InvalidApplicantError(
            f"{field} must be a list or tuple of strings, not {type(value).__name__}."
        )
    if len(value) > MAX_VALUES:
        raise InvalidApplicantError(f"{field} may hold at most {MAX_VALUES} values; it has {len(value)}.")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise InvalidApplicantError(f"{field}[{index}] must be a string, not {type(item).__name__}.")
        if not item.strip():
            raise InvalidApplicantError(f"{field}[{index}] is empty.")
        if len(item) > MAX_TEXT_LENGTH:
            raise InvalidApplicantError(
                f"{field}[{index}] may be at most {MAX_TEXT_LENGTH} characters long; it has {len(item)}."
            )
    return tuple(value)


def _checked_name(field: str, value: str) -> str:
    if not isinstance(value, str):
        raise InvalidApplicantError(f"{field} must be a string, not {type(value).__name__}.")
    try:
        parts = names.tokens(value)
    except InvalidNameError as problem:
        raise InvalidApplicantError(f"{field}: {problem}") from problem
    if len(parts) > MAX_NAME_PARTS:
        raise InvalidApplicantError(f"{field} may have at most {MAX_NAME_PARTS} parts; it has {len(parts)}.")
    return value


def _country_code(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidApplicantError(f"{field} must be a string, not {type(value).__name__}.")
    code = value.strip().upper()
    if code in COUNTRY_CODES:
        return code
    named = COUNTRY_NAMES.get(" ".join(value.split()).casefold())
    if named is None:
        raise InvalidApplicantError(
            f"{field} {value!r} is neither an ISO 3166-1 alpha-2 country code such as 'US' nor a"
            " country name the library knows (such as 'Ethiopia' or 'Korea, North')."
        )
    return named


def _name(value: str) -> str:
    return _checked_name("name", value)


def _aliases(value: Iterable[str] | None) -> tuple[str, ...]:
    aliases = _text_tuple("aliases", value)
    for index, alias in enumerate(aliases):
        _checked_name(f"aliases[{index}]", alias)
    return aliases


def _emails(value: Iterable[str] | None) -> tuple[str, ...]:
    return _text_tuple("emails", value)


def _phones(value: Iterable[str] | None) -> tuple[str, ...]:
    return _text_tuple("phones", value)


def _websites(value: Iterable[str] | None) -> tuple[str, ...]:
    return _text_tuple("websites", value)


def _accounts(value: Iterable[str] | None) -> tuple[str, ...]:
    return _text_tuple("accounts", value)


def _country(value: str | None) -> str | None:
    return _country_code("country", value)


def _nationality(value: str | None) -> str | None:
    return _country_code("nationality", value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def is_partial_date(value: str) -> bool:
    """Tell whether a string is a real date written YYYY-MM-DD, YYYY-MM or YYYY."""
    found = _DATE_PATTERN.match(value)
    if found is None:
        return False
    year, month, day = found.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _date_of_birth(value: str | datetime.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InvalidApplicantError(
            f"date_of_birth must be a date or a 'YYYY-MM-DD' string, not {type(value).__name__}."
        )
    text = value.strip()
    found = _DATE_PATTERN.match(text)
    if found is None:
        raise InvalidApplicantError(
            f"date_of_birth {value!r} is not a date written as YYYY-MM-DD, YYYY-MM or YYYY."
        )
    year, month, day = found.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise InvalidApplicantError(f"date_of_birth {value!r} is not a real date.") from error
    return text


@attrs.frozen(kw_only=True)
class Applicant:
    """A person to screen, with everything they told the employer about themselves.

    Attributes:
        name: the full name, in any script and order.
        aliases: other names the applicant has used.
        emails: email addresses.
        phones: phone numbers, international or national (read in ``country``).
        websites: bare domains or URLs.
        accounts: crypto wallet addresses and IBANs the applicant asks to be paid to.
        country: ISO 3166-1 alpha-2 code of the applicant's country (or its name), uppercased; the
            default region for phone numbers written without a country code.
        date_of_birth: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a ``datetime.date`` is accepted.
        nationality: ISO 3166-1 alpha-2 code; a country name ("Ethiopia", "Korea, North",
            "Burma") is read as its code.

    Invalid emails, phones, websites and accounts are accepted here and reported in the screening
    result, so that one typo does not stop a screening; a wrong type or an empty value is
    refused with :class:`~screening.exceptions.InvalidApplicantError`.
    """

    name: str = attrs.field(converter=_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    emails: tuple[str, ...] = attrs.field(default=(), converter=_emails)
    phones: tuple[str, ...] = attrs.field(default=(), converter=_phones)
    websites: tuple[str, ...] = attrs.field(default=(), converter=_websites)
    accounts: tuple[str, ...] = attrs.field(default=(), converter=_accounts)
    country: str | None = attrs.field(default=None, converter=_country)
    date_of_birth: str | None = attrs.field(default=None, converter=_date_of_birth)
    nationality: str | None = attrs.field(default=None, converter=_nationality)

    def to_dict(self) -> dict[str, object]:
        """Return the applicant as given, JSON-serializable."""
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "emails": list(self.emails),
            "phones": list(self.phones),
            "websites": list(self.websites),
            "accounts": list(self.accounts),
            "country": self.country,
            "date_of_birth": self.date_of_birth,
            "nationality": self.nationality,
        }


class EntryKind(str, enum.Enum):
    """What a watchlist entry lists."""

    PERSON = "person"
    ORGANIZATION = "organization"
    DOMAIN = "domain"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Source:
    """A publication that a watchlist's entries cite.

    Attributes:
        id: short identifier that entries refer to.
        title: the publication's title.
        url: where it can be read, when known.
        published: publication date (``YYYY-MM-DD``), when known.
    """

    id: str
    title: str
    url: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Return the source as a JSON-serializable mapping."""
        return {"id": self.id, "title": self.title, "url": self.url, "published": self.published}


@attrs.frozen(kw_only=True)
class WatchlistEntry:
    """One listed party: a person, an organization or a domain.

    Values are stored as the list gives them; screening compares their normalized forms.
    :func:`screening.load_watchlist` checks every value (domains must normalize, emails and
    phones must parse) before an entry is built.

    Attributes:
        id: identifier, unique within its watchlist.
        kind: person, organization or domain.
        name: the primary name (for a domain entry, the domain itself).
        aliases: other names the party is known by; a match on one counts like the name.
        weak_aliases: names too common or too loose to decide a match alone (OFAC's "weak
            a.k.a."): they can bring a case to review, never to match.
        emails: listed email addresses.
        phones: listed phone numbers, in international form.
        domains: listed domains (for a domain entry, at least its name).
        accounts: listed crypto wallet addresses and IBANs.
        nationalities: ISO 3166-1 alpha-2 codes.
        dates_of_birth: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
        sources: ids of the watchlist's sources that support the entry.
        notes: free text for the reviewer.
        programs: the sanctions programs or regimes the entry is listed under, as its list
            names them (``SDGT``, ``DPRK``, ``INKSNA``).
        reference: the entry's reference in its list (the UN's ``KPi.066``, OFAC's entity
            number), when it has one.
    """

    id: str
    kind: EntryKind = attrs.field(converter=EntryKind)
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    weak_aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    emails: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    phones: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    domains: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    accounts: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    nationalities: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    dates_of_birth: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    notes: str = ""
    programs: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    reference: str = ""

    def to_dict(self) -> dict[str, object]:
        """Return the entry in the watchlist file format."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "name": self.name,
            "aliases": list(self.aliases),
            "weak_aliases": list(self.weak_aliases),
            "emails": list(self.emails),
            "phones": list(self.phones),
            "domains": list(self.domains),
            "accounts": list(self.accounts),
            "nationalities": list(self.nationalities),
            "dates_of_birth": list(self.dates_of_birth),
            "sources": list(self.sources),
            "notes": self.notes,
            # Written when given only: lists made before these fields keep their checksums.
            **({"programs": list(self.programs)} if self.programs else {}),
            **({"reference": self.reference} if self.reference else {}),
        }
