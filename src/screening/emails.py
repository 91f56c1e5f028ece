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

Some providers deliver many spellings to one mailbox: Gmail ignores dots in the local part
and anything after a ``+``. :func:`mailbox_key` folds those spellings for the providers in
:data:`PROVIDER_RULES`; screening reports such a match as a variant, never as plain equality.

>>> mailbox_key("Zhen.Xing.Wang+jobs@googlemail.com")
'zhenxingwang@gmail.com'
>>> local_part_name("zhenxing.wang88@example.com")
'zhenxing wang'
"""

from __future__ import annotations

import functools
import re

import attrs
import email_validator

from screening._data import table
from screening.exceptions import InvalidEmailError

__all__ = [
    "PROVIDER_RULES",
    "ProviderRule",
    "comparison_key",
    "domain_of",
    "is_valid",
    "local_part_name",
    "mailbox_key",
    "normalize",
    "provider_name",
]

#: RFC 5321 limits a forward path to 256 octets; anything longer is refused before parsing.
MAX_EMAIL_LENGTH = 320


@attrs.frozen
class ProviderRule:
    """How a mail provider folds local parts into one mailbox.

    Attributes:
        name: the provider, for explanations.
        domain: the domain its mailboxes are keyed under.
        ignores_dots: whether dots in the local part are ignored.
        tag_separator: the character after which the provider ignores the rest (``+``, ``-``).
    """

    name: str
    domain: str
    ignores_dots: bool
    tag_separator: str


#: Providers' documented folding rules, by the domains they serve (data/email_providers.tsv).
#: Microsoft domains are not merged with each other (a hotmail.com and an outlook.com mailbox
#: are different accounts); only the tag rule applies, within one domain.
PROVIDER_RULES = {
    served: ProviderRule(name=name, domain=domain, ignores_dots=dots == "yes", tag_separator=separator)
    for served, name, domain, dots, separator in table("email_providers.tsv")
}

#: Local parts that name a role, not a person.
_ROLE_LOCAL_PARTS = frozenset(
    {"info", "admin", "hr", "jobs", "job", "contact", "support", "sales", "office", "mail", "careers"}
    | {"career", "noreply", "hello", "team", "recruiting", "recruit", "hiring", "billing", "help"}
)


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


def mailbox_key(value: str, /) -> str | None:
    """The mailbox an address reaches at a provider that folds spellings, or None.

    Raises:
        InvalidEmailError: the value is not a string or not a valid address.
    """
    validated = _checked(value)
    rule = PROVIDER_RULES.get(validated.ascii_domain.casefold())
    if rule is None:
        return None
    local = validated.local_part.casefold().split(rule.tag_separator, 1)[0]
    if rule.ignores_dots:
        local = local.replace(".", "")
    return f"{local}@{rule.domain}"


def provider_name(value: str, /) -> str | None:
    """The name of the provider whose folding :func:`mailbox_key` applied, or None."""
    rule = PROVIDER_RULES.get(_checked(value).ascii_domain.casefold())
    return rule.name if rule else None


def local_part_name(value: str, /) -> str | None:
    """The name an address's local part spells, if it looks like one, else None.

    The local part is split on dots, underscores, hyphens, a ``+`` tag and digits; it reads as a
    name when two or more parts of two letters or more remain and none is a role word (``hr``,
    ``jobs``, ``info``).

    Raises:
        InvalidEmailError: the value is not a string or not a valid address.
    """
    local = _checked(value).local_part.casefold().split("+", 1)[0]
    parts = [part for part in re.split(r"[._\-0-9]+", local) if part]
    if len(parts) < 2 or any(len(part) < 2 or part in _ROLE_LOCAL_PARTS for part in parts):
        return None
    if not all(part.isalpha() for part in parts):
        return None
    return " ".join(parts)
