"""Domain names and websites: from what an applicant typed to a comparable host name.

Applicants give websites as bare domains (``example.com``), URLs with or without a scheme
(``https://jobs.example.com:8443/me?x=1``), in upper case, with a trailing dot, or as
internationalized names in Unicode or punycode. :func:`normalize` reduces any of these to
the host's ASCII form: lowercase, no trailing dot, each label converted with IDNA 2008 and
the UTS #46 mapping (the ``idna`` package), so ``Bücher.de`` and ``xn--bcher-kva.de``
compare equal. Host names must be domain names (RFC 1035 lengths: labels of 1 to 63
characters, 253 in all, at least two labels, a top-level label that is not all digits);
IP addresses are refused because they name no registrant to screen.

>>> normalize("HTTPS://Jobs.CloudFoxHub.com:443/apply?ref=1")
'jobs.cloudfoxhub.com'
>>> normalize("bücher.de.")
'xn--bcher-kva.de'
>>> parents("a.b.example.com")
('a.b.example.com', 'b.example.com', 'example.com', 'com')
"""

from __future__ import annotations

import functools
import ipaddress
import urllib.parse

import idna

from screening.exceptions import InvalidDomainError

__all__ = ["is_valid", "normalize", "parents", "to_unicode"]

#: RFC 1035: a whole name may have at most 253 characters in its text form.
_MAX_DOMAIN_LENGTH = 253
#: RFC 1035: a label has at most 63 octets.
_MAX_LABEL_LENGTH = 63
#: Longest URL accepted before parsing; longer input is refused.
MAX_URL_LENGTH = 2000


def _host_of(value: str) -> str:
    text = value.strip()
    if not text:
        raise InvalidDomainError("A website or domain must not be empty.")
    if "://" not in text:
        # Scheme-less input ("example.com/path"): parse it as a network location.
        text = "//" + text.lstrip("/")
    try:
        parts = urllib.parse.urlsplit(text)
        host = parts.hostname
    except ValueError as error:
        raise InvalidDomainError(f"{value!r} is not a URL or domain name: {error}.") from error
    if not host:
        raise InvalidDomainError(f"{value!r} has no host name.")
    return host


@functools.lru_cache(maxsize=4096)
def _normalize(value: str) -> str:
    host = _host_of(value).rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        raise InvalidDomainError(f"{value!r} names an IP address, not a domain name.")
    if not host:
        raise InvalidDomainError(f"{value!r} has no host name.")
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise InvalidDomainError(f"{value!r} is not a valid domain name under IDNA 2008: {error}.") from error
    labels = ascii_host.split(".")
    if len(ascii_host) > _MAX_DOMAIN_LENGTH:
        raise InvalidDomainError(
            f"{value!r} is longer than the {_MAX_DOMAIN_LENGTH} characters a domain name may have."
        )
    if len(labels) < 2:
        raise InvalidDomainError(
            f"{value!r} is a single label; a website needs a domain such as 'example.com'."
        )
    if any(not label or len(label) > _MAX_LABEL_LENGTH for label in labels):
        raise InvalidDomainError(
            f"{value!r} has an empty label or one longer than {_MAX_LABEL_LENGTH} characters."
        )
    if labels[-1].isdigit():
        raise InvalidDomainError(f"{value!r} ends in a numeric label, which no top-level domain is.")
    return ascii_host


def normalize(value: str, /) -> str:
    """Return the ASCII host name of a domain or URL.

    Args:
        value: a bare domain or a URL, with or without scheme, port, path, query or
            user-info; Unicode or punycode.

    Returns:
        The host in lowercase ASCII (punycode for internationalized labels), without a
        trailing dot.

    Raises:
        InvalidDomainError: the value is empty, too long, an IP address, has no host, or
            the host is not a valid domain name.
    """
    if not isinstance(value, str):
        raise InvalidDomainError(f"A website or domain must be a string, not {type(value).__name__}.")
    if len(value) > MAX_URL_LENGTH:
        raise InvalidDomainError(
            f"A website may be at most {MAX_URL_LENGTH} characters long; this one has {len(value)}."
        )
    return _normalize(value)


def is_valid(value: object, /) -> bool:
    """Tell whether :func:`normalize` accepts ``value``."""
    try:
        normalize(value)  # type: ignore[arg-type]
    except InvalidDomainError:
        return False
    return True


def parents(host: str, /) -> tuple[str, ...]:
    """Return ``host`` and each name above it, most specific first.

    ``host`` must already be normalized.
    """
    labels = host.split(".")
    return tuple(".".join(labels[index:]) for index in range(len(labels)))


def to_unicode(host: str, /) -> str:
    """Return a normalized host for display, with punycode labels decoded where valid."""
    try:
        return str(idna.decode(host))
    except idna.IDNAError:
        return host
