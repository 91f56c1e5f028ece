"""Email addresses: syntax validation, normalization and comparison keys.

Syntax is checked by ``email-validator`` (RFC 5321/5322, with internationalized addresses
per RFC 6531), never with DNS: screening must not touch the network. Three forms are kept
apart:

* the normalized form (:func:`normalize`): what email-validator returns, local part as
  written (RFC 5321 leaves its case to the receiving server) and the domain lowercased;
* the comparison key (:func:`comparison_key`): local part casefolded and the domain in ASCII
  (punycode), because virtually every real mail system treats local parts caselessly;
* the domain (:func:`domain_of`), in the ASCII form :mod:`screening.domains` uses, to be
  screened like a website.

>>> normalize("Kim.Kwang@Example.COM")
'Kim.Kwang@example.com'
>>> comparison_key("Kim.Kwang@Example.COM")
'kim.kwang@example.com'
>>> domain_of("hr@silverstarchina.com")
'silverstarchina.com'
"""

from __future__ import annotations

import functools

import email_validator

from screening.exceptions import InvalidEmailError

__all__ = ["comparison_key", "domain_of", "is_valid", "normalize"]

#: RFC 5321 limits a forward path to 256 octets; anything longer is refused before parsing.
MAX_EMAIL_LENGTH = 320


@functools.lru_cache(maxsize=4096)
def _validate(value: str) -> email_validator.ValidatedEmail:
    try:
        return email_validator.validate_email(value.strip(), check_deliverability=False, allow_smtputf8=True)
    except email_validator.EmailNotValidError as error:
        raise InvalidEmailError(f"{value!r} is not a valid email address: {error}") from error


def _checked(value: object) -> email_validator.ValidatedEmail:
    if not isinstance(value, str):
        raise InvalidEmailError(f"An email address must be a string, not {type(value).__name__}.")
    if len(value) > MAX_EMAIL_LENGTH:
        raise InvalidEmailError(
            f"An email address may be at most {MAX_EMAIL_LENGTH} characters long; this one has {len(value)}."
        )
    return _validate(value)


def normalize(value: str, /) -> str:
    """Return the normalized email address.

    Raises:
        InvalidEmailError: the value is not a string or not a valid address.
    """
    return str(_checked(value).normalized)


def comparison_key(value: str, /) -> str:
    """Return the key two addresses are compared by: casefolded local part, ASCII domain.

    Raises:
        InvalidEmailError: the value is not a string or not a valid address.
    """
    validated = _checked(value)
    return f"{validated.local_part.casefold()}@{validated.ascii_domain}"


def domain_of(value: str, /) -> str:
    """Return the address's domain in ASCII (punycode) form.

    Raises:
        InvalidEmailError: the value is not a string or not a valid address.
    """
    return str(_checked(value).ascii_domain)


def is_valid(value: object, /) -> bool:
    """Tell whether :func:`normalize` accepts ``value``."""
    try:
        _checked(value)
    except InvalidEmailError:
        return False
    return True
