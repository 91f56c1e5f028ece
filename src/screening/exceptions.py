"""Errors that screening raises on purpose.

Every error the library raises deliberately is a :class:`ScreeningError`, which is a
:class:`ValueError`, so callers can catch one class. The tree::

    ScreeningError (ValueError)
    ├── InvalidApplicantError      an Applicant field has the wrong type or form
    ├── InvalidIdentifierError     a value is not a usable identifier of its kind
    │   ├── InvalidNameError       a name with no letters or digits left to compare
    │   ├── InvalidEmailError      not an email address (RFC 5321/5322 syntax)
    │   ├── InvalidPhoneError      not a possible phone number (E.164 length rules)
    │   ├── InvalidDomainError     not a domain name or URL with a domain host
    │   └── InvalidAccountError    not a wallet address or IBAN with a valid checksum
    ├── WatchlistError             a watchlist cannot be read or breaks the format
    ├── PolicyError                thresholds out of range or out of order
    ├── ReviewError                a review decision is incomplete, invalid or not allowed
    ├── InputFileError             a batch input file cannot be read as rows
    └── OutputFileError            a batch's results or audit log cannot be written

Messages are full sentences meant for the person who supplied the data.

>>> issubclass(InvalidEmailError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "InputFileError",
    "InvalidAccountError",
    "InvalidApplicantError",
    "InvalidDomainError",
    "InvalidEmailError",
    "InvalidIdentifierError",
    "InvalidNameError",
    "InvalidPhoneError",
    "OutputFileError",
    "PolicyError",
    "ReviewError",
    "ScreeningError",
    "WatchlistError",
]


class ScreeningError(ValueError):
    """Base class of every error that screening raises on purpose."""


class InvalidApplicantError(ScreeningError):
    """An :class:`~screening.Applicant` field has the wrong type or form."""


class InvalidIdentifierError(ScreeningError):
    """A value cannot be normalized as the kind of identifier it claims to be."""


class InvalidNameError(InvalidIdentifierError):
    """A name has no letters or digits left once punctuation and controls are removed."""


class InvalidEmailError(InvalidIdentifierError):
    """A value is not a syntactically valid email address."""


class InvalidPhoneError(InvalidIdentifierError):
    """A value is not a possible phone number."""


class InvalidDomainError(InvalidIdentifierError):
    """A value is not a domain name, or a URL whose host is a domain name."""


class InvalidAccountError(InvalidIdentifierError):
    """A value is not a crypto wallet address or IBAN with a valid checksum."""


class WatchlistError(ScreeningError):
    """A watchlist file cannot be read, is not JSON, or breaks the watchlist format."""


class PolicyError(ScreeningError):
    """A screening policy has thresholds out of range or out of order."""


class ReviewError(ScreeningError):
    """A review decision is incomplete or invalid, or would clear more than one person."""


class InputFileError(ScreeningError):
    """A batch input file cannot be read as rows of applicants."""


class OutputFileError(ScreeningError):
    """A batch's results or its audit log cannot be written, or would overwrite its input."""
