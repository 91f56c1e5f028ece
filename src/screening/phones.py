"""Phone numbers: parsing with a default region and comparison in E.164.

``phonenumbers`` (Google's libphonenumber metadata) parses what applicants type: spaces,
dots, dashes, brackets, a ``+`` or ``00`` international prefix (``00`` is read as ``+``
in every region), and extensions. A number
written without a country code is read in the applicant's ``country``. Numbers are compared
by their E.164 form (ITU-T E.164: ``+`` country code and national number, no extension).
A number is accepted when it is *possible* (right length for its country); whether it is
also *valid* (in an assigned range) is reported but does not stop comparison, because lists
and applicants both carry numbers that the metadata does not know yet.

>>> normalize("+1 (404) 555-0100")
'+14045550100'
>>> normalize("0044 20 7946 0958")
'+442079460958'
>>> normalize("020 7946 0958", region="GB")
'+442079460958'
"""

from __future__ import annotations

import functools

import phonenumbers

from screening.exceptions import InvalidPhoneError

__all__ = ["describe", "is_valid", "normalize"]

#: Longest input accepted before parsing; longer input is refused.
MAX_PHONE_LENGTH = 64

_PARSE_REASONS = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: (
        "it has no valid country code; write it with + and the country code, or give the applicant's country"
    ),
    phonenumbers.NumberParseException.NOT_A_NUMBER: "it is not a phone number",
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "it is too short after the international prefix",
    phonenumbers.NumberParseException.TOO_SHORT_NSN: "it is too short to be a phone number",
    phonenumbers.NumberParseException.TOO_LONG: "it is too long to be a phone number",
}

_TYPE_NAMES = {
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed line",
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed line or mobile",
    phonenumbers.PhoneNumberType.TOLL_FREE: "toll free",
    phonenumbers.PhoneNumberType.PREMIUM_RATE: "premium rate",
    phonenumbers.PhoneNumberType.SHARED_COST: "shared cost",
    phonenumbers.PhoneNumberType.VOIP: "VoIP",
    phonenumbers.PhoneNumberType.PERSONAL_NUMBER: "personal number",
    phonenumbers.PhoneNumberType.PAGER: "pager",
    phonenumbers.PhoneNumberType.UAN: "universal access number",
    phonenumbers.PhoneNumberType.VOICEMAIL: "voicemail",
}


@functools.lru_cache(maxsize=4096)
def _parse(value: str, region: str | None) -> phonenumbers.PhoneNumber:
    text = value.strip()
    if text.startswith("00"):
        # 00 is the international prefix ITU-T E.164 recommends and most countries use;
        # read it as "+" whatever the region, as people write it that way from anywhere.
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        reason = _PARSE_REASONS.get(error.error_type, str(error))
        raise InvalidPhoneError(f"{value!r} is not a usable phone number: {reason}.") from error
    if not phonenumbers.is_possible_number(number):
        raise InvalidPhoneError(
            f"{value!r} is not a usable phone number: it has the wrong number of digits"
            f" for country code +{number.country_code}."
        )
    return number


def _checked(value: object, region: str | None) -> phonenumbers.PhoneNumber:
    if not isinstance(value, str):
        raise InvalidPhoneError(f"A phone number must be a string, not {type(value).__name__}.")
    if len(value) > MAX_PHONE_LENGTH:
        raise InvalidPhoneError(
            f"A phone number may be at most {MAX_PHONE_LENGTH} characters long; this one has {len(value)}."
        )
    return _parse(value, region.upper() if region else None)


def normalize(value: str, /, *, region: str | None = None) -> str:
    """Return the E.164 form of a phone number.

    Args:
        value: the number as written.
        region: ISO 3166-1 alpha-2 code used for numbers written without a country code.

    Raises:
        InvalidPhoneError: the value does not parse or is not a possible number.
    """
    number = _checked(value, region)
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def describe(value: str, /, *, region: str | None = None) -> str:
    """Return a short description of a number: its region, type and validity.

    >>> describe("+1 404 555 0100")
    'US fixed line or mobile number'

    Raises:
        InvalidPhoneError: as :func:`normalize`.
    """
    number = _checked(value, region)
    if not phonenumbers.is_valid_number(number):
        return f"possible but unassigned number for country code +{number.country_code}"
    where = phonenumbers.region_code_for_number(number) or f"+{number.country_code}"
    kind = _TYPE_NAMES.get(phonenumbers.number_type(number), "")
    return f"{where} {kind} number" if kind else f"{where} number"


def is_valid(value: object, /, *, region: str | None = None) -> bool:
    """Tell whether :func:`normalize` accepts ``value``."""
    try:
        _checked(value, region)
    except InvalidPhoneError:
        return False
    return True
