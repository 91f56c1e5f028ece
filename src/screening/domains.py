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

The *registrable* domain is the part a registrant controls: one label below the public suffix
of the Public Suffix List, private section included, so ``jobs.example.co.uk`` belongs to
``example.co.uk`` and ``someone.github.io`` to itself, not to GitHub. The list comes from the
snapshot that the ``publicsuffixlist`` package ships; nothing is fetched.

>>> registrable("jobs.example.co.uk"), registrable("someone.github.io")
('example.co.uk', 'someone.github.io')
>>> from screening.reasons import sentence
>>> reason, closeness = resemblance("cloudfoxhub.net", "cloudfoxhub.com")
>>> sentence([reason]), closeness
("'cloudfoxhub.net' is the listed 'cloudfoxhub.com' with the top-level domain changed", 0.9)
"""

from __future__ import annotations

import functools
import ipaddress
import urllib.parse
from collections.abc import Iterable
from importlib import resources

import idna
import jellyfish

from screening._tuning import (
    COMBO_LABEL,
    ONE_EDIT_LABEL,
    TWO_EDIT_LABEL,
)
from screening.exceptions import InvalidDomainError
from screening.reasons import Code, Detail, Reason

__all__ = [
    "common_domains",
    "is_valid",
    "normalize",
    "parents",
    "public_suffix",
    "registrable",
    "resemblance",
    "to_unicode",
]

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


@functools.lru_cache(maxsize=1)
def _psl() -> object:
    from publicsuffixlist import PublicSuffixList  # the list's parse takes a moment: on first use

    return PublicSuffixList()


@functools.lru_cache(maxsize=8192)
def public_suffix(host: str, /) -> str:
    """The public suffix of a normalized host (``co.uk``, ``com``, ``github.io``)."""
    return str(_psl().publicsuffix(host) or host.rsplit(".", 1)[-1])  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=8192)
def registrable(host: str, /) -> str:
    """The registrable domain of a normalized host: its public suffix and one label more."""
    found = _psl().privatesuffix(host)  # type: ignore[attr-defined]
    return str(found) if found else host


@functools.lru_cache(maxsize=1)
def common_domains() -> frozenset[str]:
    """Widely used legitimate domains that are never flagged as look-alikes.

    Mail providers, large platforms and universities (``data/common_domains.txt``).
    """
    text = resources.files("screening").joinpath("data").joinpath("common_domains.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _split(domain: str) -> tuple[str, str]:
    suffix = public_suffix(domain)
    label = domain[: -len(suffix) - 1] if domain.endswith("." + suffix) else domain
    return label, suffix


@functools.lru_cache(maxsize=4096)
def _unconfused(label: str) -> tuple[str, tuple[str, ...]]:
    from screening.translit import fold_confusables  # a table of the names side, on first use

    shown = to_unicode(label) if label.startswith("xn--") or "xn--" in label else label
    folded, notes = fold_confusables(shown)
    if notes or not folded.isascii():
        # A label written wholly in look-alikes (no Latin letter left to mix with) folds too.
        folded, notes = fold_confusables("a" + shown)
        folded = folded[1:]
    return folded, notes


def _deletions(label: str, *, twice: bool = True) -> set[str]:
    """The label and the label less any one letter (and any two): two labels at most one edit
    apart (Damerau-Levenshtein) share one of the first, two edits apart one of the second."""
    once = {label[:index] + label[index + 1 :] for index in range(len(label))}
    if not twice:
        return {label} | once
    return {label} | once | {variant[:i] + variant[i + 1 :] for variant in once for i in range(len(variant))}


def _stripped(label: str) -> str:
    return label.replace("-", "").translate(_NO_DIGITS)


class ResemblanceIndex:
    """Listed domains filed under the keys :func:`resemblance` compares, so that a host is
    compared with the few listed domains it could imitate rather than with every one.

    Each transformation :func:`resemblance` looks for leaves a trace to look up: the label
    itself (look-alike letters folded, another top-level domain, singular or plural), the label
    without hyphens and digits, the label within a longer one (a word added), and, for one or
    two changed letters, the label less any one or two letters (two labels two edits apart
    share such a deletion). :meth:`candidates`
    returns every listed host for which :func:`resemblance` can hold, and perhaps a few more.

    >>> index = ResemblanceIndex(["cloudfoxhub.com", "example.org"])
    >>> index.candidates("cloudf0xhub.net")
    ('cloudfoxhub.com',)
    """

    def __init__(self, hosts: Iterable[str]) -> None:
        by_label: dict[str, list[str]] = {}
        by_stripped: dict[str, list[str]] = {}
        by_deletion: dict[str, list[tuple[str, str]]] = {}
        self._longest = 0
        self._order: dict[str, int] = {}  # each host's place in the order given
        for host in hosts:
            if host in self._order:
                continue
            self._order[host] = len(self._order)
            label, _suffix = _split(registrable(host))
            by_label.setdefault(label, []).append(host)
            by_stripped.setdefault(_stripped(label), []).append(host)
            if len(label) >= ONE_EDIT_LABEL:
                self._longest = max(self._longest, len(label))
                # Two changed letters count from TWO_EDIT_LABEL letters on; one from ONE_EDIT_LABEL.
                for variant in _deletions(label, twice=len(label) >= TWO_EDIT_LABEL):
                    by_deletion.setdefault(variant, []).append((label, host))
        # Kept as tuples of strings, which the garbage collector stops tracking: a large list's
        # deletions are tens of thousands, which every full collection would otherwise visit.
        self._by_label = {key: tuple(found) for key, found in by_label.items()}
        self._by_stripped = {key: tuple(found) for key, found in by_stripped.items()}
        self._by_deletion = {key: tuple(found) for key, found in by_deletion.items()}

    def candidates(self, host: str, /) -> tuple[str, ...]:
        """The listed hosts that a normalized host may resemble, in the order they were given."""
        applicant = registrable(host)
        if applicant in common_domains():
            return ()
        label, _suffix = _split(applicant)
        stripped = _stripped(label)
        found: list[str] = []
        for key in (label, _unconfused(label)[0], label + "s", label + "es", label[:-1], label[:-2]):
            found += self._by_label.get(key, ())
        found += self._by_stripped.get(stripped, ())
        near: set[tuple[str, str]] = set()  # a listed label shares many deletions: compare it once
        if len(label) <= self._longest + 2:
            for variant in _deletions(label):
                near.update(self._by_deletion.get(variant, ()))
        found += [host for listed, host in near if jellyfish.damerau_levenshtein_distance(label, listed) <= 2]
        for start in range(len(stripped) - COMBO_LABEL + 1):
            for end in range(start + COMBO_LABEL, len(stripped) + 1):
                found += self._by_label.get(stripped[start:end], ())
        return tuple(sorted(set(found), key=self._order.__getitem__))


def resemblance(host: str, listed: str, /) -> tuple[Reason, float] | None:
    """Say how a normalized host imitates a listed domain, and how closely; or return None.

    The transformations looked for, on the registrable domains: look-alike letters from other
    scripts (UTS #39), the same name under another top-level domain, hyphens or digits added or
    removed, singular and plural, one changed letter (listed names of 6 letters or more) or two
    (9 or more), and the listed name with a word added (``listedname-jobs``). A host on the
    listed domain itself, or a subdomain of it, is not a resemblance but the domain; widely used
    domains (:func:`common_domains`) resemble nothing.

    Returns:
        The reason (:data:`~screening.reasons.Code.LOOK_ALIKE_DOMAIN`: the host, the listed
        domain, the change, and whether the top-level domain changed too), and a closeness in
        [0, 1]: 1 for look-alike letters, less for each further change (another top-level
        domain lowers every kind by 0.1).
    """
    applicant, target = registrable(host), registrable(listed)
    if applicant == target or applicant in common_domains():
        return None
    (label, suffix), (listed_label, listed_suffix) = _split(applicant), _split(target)
    other_tld = suffix != listed_suffix
    folded, notes = _unconfused(label)
    penalty = 0.1 if other_tld else 0.0

    def found(change: str, **details: Detail) -> Reason:
        return Reason.of(
            Code.LOOK_ALIKE_DOMAIN,
            host=to_unicode(applicant),
            listed=target,
            change=change,
            other_top_level_domain=other_tld,
            **details,
        )

    if notes and folded == listed_label:
        return found("look-alike letters", notes=tuple(notes)), 1.0 - penalty
    if label == listed_label:
        return found("top-level domain"), 0.9
    stripped = _stripped(label)
    if stripped == _stripped(listed_label):
        return found("hyphens or digits"), 0.8 - penalty
    if label in {listed_label + "s", listed_label + "es"} or listed_label in {label + "s", label + "es"}:
        return found("singular or plural"), 0.8 - penalty
    distance = jellyfish.damerau_levenshtein_distance(label, listed_label)
    if (distance == 1 and len(listed_label) >= ONE_EDIT_LABEL) or (
        distance == 2 and len(listed_label) >= TWO_EDIT_LABEL
    ):
        return found("letters changed", letters=distance), (0.7 if distance == 1 else 0.5) - penalty
    if len(listed_label) >= COMBO_LABEL and listed_label in stripped and len(stripped) > len(listed_label):
        share = len(listed_label) / len(stripped)
        return found("word added"), 0.5 * share - penalty
    return None


_NO_DIGITS = str.maketrans("", "", "0123456789")
