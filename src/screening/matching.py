"""The screening pipeline: applicant forms, the feature table, hits and the decision.

Data flows one way. The :class:`Screener` prepares the watchlist once: every listed name is
tokenized, every listed email, phone and domain normalized into lookup tables. Each applicant
is then normalized once (invalid emails, phones and websites become
:class:`~screening.results.InputProblem` records, not exceptions), and every feature of
:data:`FEATURES` compares the applicant's forms with the prepared list and yields
:class:`~screening.results.Evidence`. The evidence of each entry becomes a
:class:`~screening.results.Hit`, and the policy's thresholds turn scores into decisions.

>>> from screening.models import Applicant
>>> screener = Screener()
>>> screener.screen(Applicant(name="Wang Zhenxing")).decision
<Decision.MATCH: 'match'>
>>> screener.screen(Applicant(name="Wang Wei")).decision
<Decision.CLEAR: 'clear'>
"""

from __future__ import annotations

import functools
import hashlib
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from screening import _parallel, accounts, domains, emails, names, phones, translit
from screening._alignment import Alignment, Link, align
from screening._collector import collector_paused
from screening._disguises import undisguised
from screening._features import FEATURE_TABLE, FeatureSpec, spec
from screening._forms import TITLES, NameForm, Part, applicant_acronym, name_forms, organization_acronyms
from screening._index import NameIndex
from screening._storage import name_index
from screening._tuning import (
    ACCOUNT_SCORE,
    ACRONYM_SCORE,
    AGREEMENT_PULL,
    CORROBORATION_WEIGHT,
    DOMAIN_SCORE,
    EMAIL_DOMAIN_SCORE,
    EMAIL_SCORE,
    EXTRA_PART_WEIGHT,
    LIST_COMMON_NAMES,
    LIST_COMMON_SHARE,
    LOCAL_PART_FACTOR,
    LOCAL_PART_MOST,
    LOOKALIKE_SCORE,
    LOOKALIKE_SPAN,
    MAILBOX_SCORE,
    MIDDLE_NAME_FACTOR,
    PARTIAL_UNLINKED,
    PHONE_SCORE,
    RANKING_EXTRA_PART_WEIGHT,
    SUBDOMAIN_SCORE,
    WEAK_ALIAS_FACTOR,
)
from screening._version import __version__
from screening.domains import ResemblanceIndex
from screening.exceptions import InvalidIdentifierError
from screening.models import Applicant, EntryKind, WatchlistEntry
from screening.policy import Policy
from screening.reasons import REVIEW_METHODS, Code, Reason
from screening.results import (
    Decision,
    Evidence,
    Hit,
    InputProblem,
    Listing,
    Method,
    ScreeningResult,
    TokenLink,
)
from screening.review import AllowList, applicant_key
from screening.watchlist import Watchlist, load_watchlist

__all__ = ["FEATURES", "Feature", "Screener", "apply_allow_list", "screen"]


@attrs.frozen
class _Listed:
    """A listed value prepared for lookup."""

    entry: WatchlistEntry
    field: str
    value: str


#: Nationalities whose names are read in one language only: a Chinese name is not read as
#: Korean syllables (Dong and Tong are one Korean syllable class, two Chinese surnames).
_NAME_LANGUAGES = {
    **dict.fromkeys(("CN", "TW", "HK", "MO"), frozenset({"Mandarin"})),
    **dict.fromkeys(("KP", "KR"), frozenset({"Korean"})),
}


def name_languages(entry: WatchlistEntry) -> frozenset[str] | None:
    """The languages an entry's names are read in, from its nationalities; None for any."""
    found = [_NAME_LANGUAGES.get(code) for code in entry.nationalities]
    if not found or None in found:
        return None
    return frozenset().union(*(languages for languages in found if languages))


@attrs.frozen
class _Prepared:
    """The watchlist prepared once for many screenings."""

    names: NameIndex
    emails: dict[str, list[_Listed]]
    mailboxes: dict[str, list[_Listed]]
    phones: dict[str, list[_Listed]]
    domains: dict[str, list[_Listed]]
    accounts: dict[str, list[_Listed]]
    lookalikes: ResemblanceIndex
    #: Listed organizations' names and aliases by the acronyms they may be written as.
    acronyms: dict[str, list[_Listed]]


@attrs.frozen
class _Field:
    """An applicant value with the form it is compared in."""

    field: str
    value: str
    compared: str
    #: What was undone to read a disguised name (see :mod:`screening._disguises`).
    undone: tuple[str, ...] = ()


@attrs.frozen
class _ApplicantForms:
    names: tuple[tuple[_Field, NameForm], ...]
    emails: tuple[tuple[_Field, str], ...]
    phones: tuple[tuple[_Field, str], ...]
    websites: tuple[_Field, ...]
    accounts: tuple[tuple[_Field, str], ...]
    problems: tuple[InputProblem, ...]

    @property
    def compared(self) -> tuple[tuple[str, str], ...]:
        """Each applicant value as compared, by field, in field order."""
        found = {field.field: field.compared for field, _ in self.names}
        found.update((field.field, field.compared) for field, _ in self.emails)
        found.update((field.field, field.compared) for field, _ in self.phones)
        found.update((field.field, field.compared) for field in self.websites)
        found.update((field.field, field.compared) for field, _ in self.accounts)
        return tuple(found.items())


def _prepare(watchlist: Watchlist, *, cache: bool = False) -> _Prepared:
    by_email: dict[str, list[_Listed]] = defaultdict(list)
    by_mailbox: dict[str, list[_Listed]] = defaultdict(list)
    by_phone: dict[str, list[_Listed]] = defaultdict(list)
    by_domain: dict[str, list[_Listed]] = defaultdict(list)
    by_account: dict[str, list[_Listed]] = defaultdict(list)
    by_acronym: dict[str, list[_Listed]] = defaultdict(list)
    for entry in watchlist.entries:
        if entry.kind is EntryKind.ORGANIZATION:
            listed_names = [("name", entry.name)]
            listed_names += [(f"aliases[{index}]", alias) for index, alias in enumerate(entry.aliases)]
            for field, value in listed_names:
                listed = _Listed(entry, field, value)  # one for its acronyms: a large list has many
                for acronym in organization_acronyms(value):
                    by_acronym[acronym].append(listed)
        for index, account in enumerate(entry.accounts):
            by_account[accounts.normalize(account)].append(_Listed(entry, f"accounts[{index}]", account))
        for index, email in enumerate(entry.emails):
            by_email[emails.comparison_key(email)].append(_Listed(entry, f"emails[{index}]", email))
            mailbox = emails.mailbox_key(email)
            if mailbox:
                by_mailbox[mailbox].append(_Listed(entry, f"emails[{index}]", email))
        for index, phone in enumerate(entry.phones):
            by_phone[phones.normalize(phone)].append(_Listed(entry, f"phones[{index}]", phone))
        listed_domains = [(f"domains[{index}]", value) for index, value in enumerate(entry.domains)]
        if entry.kind is EntryKind.DOMAIN:
            listed_domains.insert(0, ("name", entry.name))
        seen: set[str] = set()
        for field, value in listed_domains:
            host = domains.normalize(value)
            if host.startswith("www.") and host.count(".") >= 2:
                host = host[4:]  # www.example.com is listed for the site example.com
            if host not in seen:
                seen.add(host)
                by_domain[host].append(_Listed(entry, field, value))
    return _Prepared(
        name_index(watchlist, cache=cache),
        dict(by_email),
        dict(by_mailbox),
        dict(by_phone),
        dict(by_domain),
        dict(by_account),
        ResemblanceIndex(by_domain),
        dict(by_acronym),
    )


def _applicant_forms(applicant: Applicant) -> _ApplicantForms:
    problems: list[InputProblem] = []
    name_fields = [("name", applicant.name)]
    name_fields += [(f"aliases[{index}]", alias) for index, alias in enumerate(applicant.aliases)]
    forms = []
    for field, value in name_fields:
        # A disguised name is compared as a person reads it too, and says what was undone;
        # when the name as written already reads so (invisible characters are dropped, and
        # look-alike letters in mixed words folded, with every name), it says so there.
        readings = [reading for reading in undisguised(value) if names.is_valid(reading.text)]
        same = bool(readings) and _folded_tokens(readings[0].text) == _folded_tokens(value)
        undone = readings[0].notes if same else ()
        compared = set()
        for form in name_forms(value, applicant=True):
            forms.append((_Field(field, value, form.normalized, undone), form))
            compared.add(form.normalized)
        for reading in [] if same else readings:
            for form in name_forms(reading.text, applicant=True):
                if form.normalized not in compared:
                    forms.append((_Field(field, value, form.normalized, reading.notes), form))
                    compared.add(form.normalized)
    email_forms = []
    for index, value in enumerate(applicant.emails):
        try:
            key = emails.comparison_key(value)
        except InvalidIdentifierError as error:
            problems.append(InputProblem(field=f"emails[{index}]", value=value, reason=str(error)))
            continue
        email_forms.append((_Field(f"emails[{index}]", value, key), emails.domain_of(value)))
    phone_forms = []
    for index, value in enumerate(applicant.phones):
        try:
            e164 = phones.normalize(value, region=applicant.country)
            description = phones.describe(value, region=applicant.country)
        except InvalidIdentifierError as error:
            problems.append(InputProblem(field=f"phones[{index}]", value=value, reason=str(error)))
            continue
        phone_forms.append((_Field(f"phones[{index}]", value, e164), description))
    website_forms = []
    for index, value in enumerate(applicant.websites):
        try:
            host = domains.normalize(value)
        except InvalidIdentifierError as error:
            problems.append(InputProblem(field=f"websites[{index}]", value=value, reason=str(error)))
            continue
        website_forms.append(_Field(f"websites[{index}]", value, host))
    account_forms = []
    for index, value in enumerate(applicant.accounts):
        try:
            account_forms.append(
                (_Field(f"accounts[{index}]", value, accounts.normalize(value)), accounts.describe(value))
            )
        except InvalidIdentifierError as error:
            problems.append(InputProblem(field=f"accounts[{index}]", value=value, reason=str(error)))
    return _ApplicantForms(
        tuple(forms),
        tuple(email_forms),
        tuple(phone_forms),
        tuple(website_forms),
        tuple(account_forms),
        tuple(problems),
    )


def _folded_tokens(name: str) -> tuple[str, ...]:
    """A name's tokens with the look-alike letters of mixed tokens read as Latin, as its
    parts are (:func:`screening.translit.fold_confusables`)."""
    return tuple(translit.fold_confusables(token)[0] for token in names.tokens(name))


_Found = Iterator[tuple[WatchlistEntry, Evidence]]


def _listed_kind(field: str) -> str:
    if field.startswith("weak_aliases"):
        return "listed weak alias"
    if field.startswith("aliases"):
        return "listed alias"
    return "listed name"


#: How strongly a method links, strongest first (the order of Method's members): hits of one
#: score are ranked by their strongest evidence.
_METHOD_RANK = {method: rank for rank, method in enumerate(Method)}
#: Reasons that say why a name cannot decide a match.
_NO_MATCH_REASONS = frozenset(
    {
        Code.SCRAMBLED,
        Code.ADDED_SYLLABLES,
        Code.HANJA_IN_KOREAN,
        Code.COMMON_IN_LIST,
        Code.CHAIN_SHIFTED,
        Code.LONGER_ORGANIZATION,
        Code.OTHER_LEGAL_FORM,
    }
)


def _name_reasons(alignment: Alignment, total: int, kind: str, common: bool) -> list[Reason]:
    """Why a name is linked to a listed one of ``total`` parts (the listed ``kind``), and what
    the alignment found that qualifies the link; ``common``: the listed name is made of names
    common in the list and the applicant's has more."""
    without = alignment.left_out if alignment.method is Method.NORMALIZED else ()
    reasons = [
        Reason.of(
            Code.NAME,
            method=alignment.method.value,
            kind=kind,
            covered=alignment.covered,
            total=total,
            without=without,
        )
    ]
    if alignment.left_out and not without:
        titles = sum(text in TITLES for text in alignment.left_out)
        reasons.append(Reason.of(Code.PARTS_LEFT_OUT, parts=alignment.left_out, titles=titles))
    if alignment.middle_left_out:
        reasons.append(
            Reason.of(Code.MIDDLE_NAMES_LEFT_OUT, names=alignment.middle_left_out, weight=MIDDLE_NAME_FACTOR)
        )
    if alignment.scrambled:
        reasons.append(Reason.of(Code.SCRAMBLED))
    if alignment.added_syllables:
        reasons.append(Reason.of(Code.ADDED_SYLLABLES, parts=alignment.added_syllables))
    if alignment.hanja_in_korean:
        reasons.append(Reason.of(Code.HANJA_IN_KOREAN))
    if common:
        reasons.append(Reason.of(Code.COMMON_IN_LIST, parts=alignment.unmatched, kind=kind))
    if alignment.chain_shifted:
        reasons.append(Reason.of(Code.CHAIN_SHIFTED, given=alignment.chain_shifted))
    if alignment.longer_organization:
        reasons.append(Reason.of(Code.LONGER_ORGANIZATION, parts=alignment.longer_organization))
    given, listed = alignment.other_legal_form
    if given and listed:
        reasons.append(Reason.of(Code.OTHER_LEGAL_FORM, given=given, listed=listed))
    return reasons


def name_listed(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's name or an alias corresponds to a listed name or alias.

    Tokens align in any order, joined or split; they link exactly, by sound or by a small
    spelling difference. Only an exact, reordered or re-joined correspondence to the listed
    name or a (strong) alias can decide a match; by sound, by spelling, partial, or to a
    weak alias, it brings the case to review at most. A single shared token never counts.
    """
    # Only the strongest name evidence of an applicant's name counts for an entry (see
    # Screener._hits): a listed name that cannot reach it is not aligned. An entry with
    # thousands of aliases like the applicant's name costs little more than one.
    strongest: dict[tuple[str, str], float] = {}
    for field, form in forms.names:
        candidates = prepared.names.search(form, policy.review_threshold)
        # The highest bounds first: once an entry's name scores, its names whose bound is
        # lower are not aligned (a sixth of the alignments of a large list with many aliases).
        for position, bound, partial in sorted(candidates.found, key=operator.itemgetter(1), reverse=True):
            listed = prepared.names.names[position]
            factor = WEAK_ALIAS_FACTOR if listed.weak else 1.0
            if bound * factor < policy.review_threshold:
                continue  # cannot reach review whatever aligns
            found_for = (listed.entry.id, field.field)
            if bound * factor < strongest.get(found_for, 0.0):
                continue  # cannot beat the evidence already found for this entry
            listed_form = prepared.names.form(position)
            keyed = candidates.keyed_pairs(position, listed_form)
            if partial and not _every_part_keyed(form, keyed):
                continue  # a partial name links every name the applicant gives
            person = listed.entry.kind is EntryKind.PERSON
            alignment = align(
                form,
                listed_form,
                languages=name_languages(listed.entry),
                person=person,
                organization=listed.entry.kind is EntryKind.ORGANIZATION,
                keyed=keyed,
            )
            if alignment is None:
                continue
            score = alignment.score * factor
            if alignment.partial and _linked_common_in_list(alignment, listed_form, prepared.names):
                # Part of a listed name made of names this list is full of ("Muhammad Ali" of
                # ALI, Muhammad Hassan): as likely another person's; the whole name's share counts.
                score = alignment.whole_score * factor
            if score < policy.review_threshold:
                continue
            strongest[found_for] = max(score, strongest.get(found_for, 0.0))
            common = bool(alignment.decisive and alignment.unmatched) and _common_in_list(
                listed_form, prepared.names
            )
            reasons = _name_reasons(alignment, len(listed_form.parts), _listed_kind(listed.field), common)
            if field.undone:
                reasons.append(Reason.of(Code.READ_AS_DISPLAYED, changes=field.undone))
            if listed.weak:
                reasons.append(Reason.of(Code.WEAK_ALIAS))
            elif (
                score >= policy.match_threshold
                and alignment.method.value in REVIEW_METHODS
                and not any(reason.code in _NO_MATCH_REASONS for reason in reasons)
            ):  # why it is no match, when no reason above says
                reasons.append(Reason.of(Code.REVIEW_BY_METHOD, method=alignment.method.value))
            yield (
                listed.entry,
                Evidence(
                    feature="name_listed",
                    method=alignment.method,
                    field=field.field,
                    value=field.value,
                    compared=field.compared,
                    listed_field=listed.field,
                    listed_value=listed.value,
                    score=score,
                    decisive=alignment.decisive and not listed.weak and not common,
                    reasons=tuple(reasons),
                    links=tuple(_token_link(link, alignment.languages) for link in alignment.links),
                    unexplained=min(1.0, alignment.unexplained),
                ),
            )


def name_is_listed_acronym(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's name or an alias, written in capitals ("IRGC", "I.R.G.C."), is the
    initials of a listed organization's name or alias (ISLAMIC REVOLUTIONARY GUARD CORPS):
    of all its words, of its words but articles and conjunctions, or of its names alone. Many
    organizations share their initials: review at most, never a match."""
    if ACRONYM_SCORE < policy.review_threshold:
        return
    seen: set[str] = set()
    for field, _form in forms.names:
        acronym = applicant_acronym(field.value)
        if not acronym or field.field in seen:
            continue
        seen.add(field.field)
        for listed in prepared.acronyms.get(acronym, ()):
            yield (
                listed.entry,
                Evidence(
                    feature="name_is_listed_acronym",
                    method=Method.ACRONYM,
                    field=field.field,
                    value=field.value,
                    compared=acronym,
                    listed_field=listed.field,
                    listed_value=listed.value,
                    score=ACRONYM_SCORE,
                    decisive=False,
                    reasons=(Reason.of(Code.ACRONYM, acronym=acronym, kind=_listed_kind(listed.field)),),
                ),
            )


def _common_in_list(form: NameForm, index: NameIndex) -> bool:
    """Tell whether every weighty part of a listed name is common in its list (particles and
    legal forms are no names: "AL-IBRAHIM, Muhammad" is made of common names).

    Such a name ("ALI, Muhammad") inside a longer applicant's name ("Ali Muhammad Salih") is
    as likely another person's: on OFAC's a.k.a. names, most matches of the wrong entry were
    of this kind. The counts come from the list itself, so a short list (the bundled one)
    has no common parts and a middle name still leaves a match.
    """
    return _all_common(form.parts, index)


def _all_common(parts: Iterable[Part], index: NameIndex) -> bool:
    """Tell whether every named part of ``parts`` (particles and legal forms aside) is common
    in the list: in at least LIST_COMMON_SHARE of its names and LIST_COMMON_NAMES of them."""
    least = max(LIST_COMMON_NAMES, LIST_COMMON_SHARE * len(index.names))
    return all(index.name_count(part.latin[0]) >= least for part in parts if part.named)


def _every_part_keyed(applicant: NameForm, keyed: Iterable[tuple[int, int]]) -> bool:
    """Tell whether the names the applicant gives share a link key with the listed name (the
    pairs of runs ``keyed``, :meth:`~screening._index.Candidates.keyed_pairs`), but for
    initials (which leave no key) and :data:`PARTIAL_UNLINKED` others: a partial name (see
    screening._alignment._partial_name) needs the others linked."""
    covered: set[int] = set()
    for left in {left for left, _right in keyed}:
        covered.update(range(applicant.runs[left].start, applicant.runs[left].end))
    unkeyed = sum(
        1
        for index, part in enumerate(applicant.parts)
        if part.named and index not in covered and len(part.latin[0]) > 1
    )
    return unkeyed <= PARTIAL_UNLINKED


def _linked_common_in_list(alignment: Alignment, form: NameForm, index: NameIndex) -> bool:
    """Tell whether every weighty listed part an alignment links is a name common in the list
    (see :func:`_common_in_list`)."""
    linked = {position for link in alignment.links for position in range(link.listed.start, link.listed.end)}
    return _all_common((form.parts[position] for position in linked), index)


def _token_link(link: Link, languages: frozenset[str]) -> TokenLink:
    return TokenLink(
        applicant=link.applicant.shown,
        listed=link.listed.shown,
        method=link.method,
        similarity=link.similarity,
        reasons=link.reasons(languages),
    )


def _contact_evidence(
    feature: str,
    method: Method,
    field: _Field,
    listed: _Listed,
    *,
    score: float,
    reason: Reason,
    compared: str | None = None,
    decisive: bool = True,
) -> tuple[WatchlistEntry, Evidence]:
    """Evidence that an applicant value corresponds to a listed value of an entry."""
    return listed.entry, Evidence(
        feature=feature,
        method=method,
        field=field.field,
        value=field.value,
        compared=field.compared if compared is None else compared,
        listed_field=listed.field,
        listed_value=listed.value,
        score=score,
        decisive=decisive,
        reasons=(reason,),
    )


def email_listed(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's email address is listed for an entry (compared caselessly)."""
    for field, _domain in forms.emails:
        for listed in prepared.emails.get(field.compared, ()):
            yield _contact_evidence(
                "email_listed",
                Method.EMAIL,
                field,
                listed,
                score=EMAIL_SCORE,
                reason=Reason.of(Code.EMAIL_LISTED),
            )


def email_reaches_listed_mailbox(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's email is another spelling of a listed address at a provider that
    delivers both to one mailbox (Gmail ignores dots and '+' tags): a variant, reported as such."""
    for field, _domain in forms.emails:
        mailbox = emails.mailbox_key(field.value)
        if mailbox is None:
            continue
        provider = emails.provider_name(field.value)
        for listed in prepared.mailboxes.get(mailbox, ()):
            if emails.comparison_key(listed.value) == field.compared:
                continue  # the same address: email_listed reports it
            yield _contact_evidence(
                "email_reaches_listed_mailbox",
                Method.EMAIL_VARIANT,
                field,
                listed,
                score=MAILBOX_SCORE,
                reason=Reason.of(Code.SAME_MAILBOX, provider=str(provider), mailbox=mailbox),
                compared=mailbox,
            )


def email_local_part_names_listed(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """An email's local part spells a listed person's name (zhenxing.wang88@...): weak name
    evidence that can bring review, never a match."""
    for field, _domain in forms.emails:
        spelled = emails.local_part_name(field.value)
        if spelled is None:
            continue
        form = name_forms(spelled, applicant=True)[-1]
        least = policy.review_threshold / LOCAL_PART_FACTOR
        candidates = prepared.names.search(form, least)
        for position, _bound, _partial in candidates.found:
            listed = prepared.names.names[position]
            if listed.entry.kind is not EntryKind.PERSON:
                continue
            listed_form = prepared.names.form(position)
            keyed = candidates.keyed_pairs(position, listed_form)
            alignment = align(form, listed_form, languages=name_languages(listed.entry), keyed=keyed)
            if alignment is None:
                continue
            score = min(LOCAL_PART_MOST, alignment.score * LOCAL_PART_FACTOR)
            if score < policy.review_threshold:
                continue
            kind = _listed_kind(listed.field)
            yield (
                listed.entry,
                Evidence(
                    feature="email_local_part_names_listed",
                    method=Method.EMAIL_NAME,
                    field=field.field,
                    value=field.value,
                    compared=spelled,
                    listed_field=listed.field,
                    listed_value=listed.value,
                    score=score,
                    decisive=False,
                    reasons=(Reason.of(Code.NAME_IN_EMAIL, spelled=spelled, kind=kind),),
                    links=tuple(_token_link(link, alignment.languages) for link in alignment.links),
                ),
            )


def _domain_hits(host: str, prepared: _Prepared) -> Iterator[tuple[_Listed, str, bool]]:
    """Yield listed domains that ``host`` is, or is under, with the matched name."""
    for index, candidate in enumerate(domains.parents(host)):
        for listed in prepared.domains.get(candidate, ()):
            same_site = index == 0 or (index == 1 and host.startswith("www."))
            yield listed, candidate, same_site


def email_on_listed_domain(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's email address is on a listed domain or one of its subdomains."""
    for field, domain in forms.emails:
        for listed, matched, same_site in _domain_hits(domain, prepared):
            yield _contact_evidence(
                "email_on_listed_domain",
                Method.EMAIL_DOMAIN,
                field,
                listed,
                score=EMAIL_DOMAIN_SCORE if same_site else SUBDOMAIN_SCORE,
                reason=Reason.of(Code.EMAIL_ON_DOMAIN, domain=matched, host="" if same_site else domain),
                compared=domain,
            )


def phone_listed(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's phone number is listed for an entry (compared in E.164)."""
    for field, description in forms.phones:
        for listed in prepared.phones.get(field.compared, ()):
            yield _contact_evidence(
                "phone_listed",
                Method.PHONE,
                field,
                listed,
                score=PHONE_SCORE,
                reason=Reason.of(Code.PHONE_LISTED, description=description),
            )


def account_listed(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's payment account (a wallet address or IBAN, checksum verified) is listed."""
    for field, description in forms.accounts:
        for listed in prepared.accounts.get(field.compared, ()):
            yield _contact_evidence(
                "account_listed",
                Method.ACCOUNT,
                field,
                listed,
                score=ACCOUNT_SCORE,
                reason=Reason.of(Code.ACCOUNT_LISTED, description=description),
            )


def website_on_listed_domain(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's website is on a listed domain or one of its subdomains."""
    for field in forms.websites:
        for listed, matched, same_site in _domain_hits(field.compared, prepared):
            method, score = (
                (Method.DOMAIN, DOMAIN_SCORE) if same_site else (Method.SUBDOMAIN, SUBDOMAIN_SCORE)
            )
            reason = Reason.of(
                Code.WEBSITE_ON_DOMAIN, domain=matched, host="" if same_site else field.compared
            )
            yield _contact_evidence(
                "website_on_listed_domain", method, field, listed, score=score, reason=reason
            )


def _resemblances(host: str, prepared: _Prepared) -> Iterator[tuple[_Listed, Reason, float]]:
    for listed_host in prepared.lookalikes.candidates(host):
        listed_values = prepared.domains[listed_host]
        found = domains.resemblance(host, listed_host)
        if found:
            described, closeness = found
            for listed in listed_values:
                yield listed, described, LOOKALIKE_SCORE + LOOKALIKE_SPAN * closeness


def website_resembles_listed_domain(forms: _ApplicantForms, prepared: _Prepared, policy: Policy) -> _Found:
    """The applicant's website imitates a listed domain: look-alike letters, another top-level
    domain, hyphens or digits, singular or plural, a letter or two changed, or a word added.
    Brings review, never a match; widely used domains are never flagged."""
    for field in forms.websites:
        for listed, described, score in _resemblances(field.compared, prepared):
            yield _contact_evidence(
                "website_resembles_listed_domain",
                Method.LOOKALIKE,
                field,
                listed,
                score=score,
                reason=attrs.evolve(described, details=(("subject", "website"), *described.details)),
                compared=domains.registrable(field.compared),
                decisive=False,
            )


def email_domain_resembles_listed_domain(
    forms: _ApplicantForms, prepared: _Prepared, policy: Policy
) -> _Found:
    """The applicant's email domain imitates a listed domain (as for websites). Brings review,
    never a match."""
    for field, domain in forms.emails:
        for listed, described, score in _resemblances(domain, prepared):
            yield _contact_evidence(
                "email_domain_resembles_listed_domain",
                Method.LOOKALIKE,
                field,
                listed,
                score=score,
                reason=attrs.evolve(described, details=(("subject", "email domain"), *described.details)),
                compared=domains.registrable(domain),
                decisive=False,
            )


@attrs.frozen
class Feature:
    """A rule of the scoring model: its row of the feature table and the function that yields
    its evidence."""

    spec: FeatureSpec
    function: Callable[[_ApplicantForms, _Prepared, Policy], _Found]

    @property
    def name(self) -> str:
        """The feature's name, as each of its evidence records it."""
        return self.spec.name

    @property
    def description(self) -> str:
        """The function's docstring: what the feature means, for users."""
        return (self.function.__doc__ or "").strip()


_FINDERS = {
    function.__name__: function
    for function in (
        name_listed,
        name_is_listed_acronym,
        email_listed,
        email_reaches_listed_mailbox,
        email_local_part_names_listed,
        email_on_listed_domain,
        phone_listed,
        account_listed,
        website_on_listed_domain,
        website_resembles_listed_domain,
        email_domain_resembles_listed_domain,
    )
}
#: The features that can bring an entry up, in the order they run: the rows of the feature table
#: (screening._features) that are no qualifiers, each with the function that finds its evidence.
FEATURES: tuple[Feature, ...] = tuple(
    Feature(row, _FINDERS[row.name]) for row in FEATURE_TABLE if not row.qualifier
)


def _date_parts(value: str) -> tuple[str, ...]:
    return tuple(value.split("-"))


def _dates_agree(left: str, right: str) -> bool:
    """Tell whether two partial dates agree at the precision both give."""
    common = min(len(_date_parts(left)), len(_date_parts(right)))
    return _date_parts(left)[:common] == _date_parts(right)[:common]


def _qualifier(
    feature: str,
    method: Method,
    field: str,
    value: str,
    listed_field: str,
    listed: str,
    *,
    agrees: bool,
    reason: Reason,
) -> Evidence:
    """Evidence that an applicant fact agrees (score 1) or conflicts (score 0) with the entry's."""
    return Evidence(
        feature=feature,
        method=method,
        field=field,
        value=value,
        compared=value,
        listed_field=listed_field,
        listed_value=listed,
        score=1.0 if agrees else 0.0,
        decisive=False,
        reasons=(reason,),
    )


def nationality_listed(applicant: Applicant, entry: WatchlistEntry) -> Evidence | None:
    """The applicant's nationality agrees with a listed nationality (raising the score) or
    differs from all of them (lowering it). Nothing changes when either side gives none."""
    if applicant.nationality is None or not entry.nationalities:
        return None
    listed = ", ".join(entry.nationalities)
    agrees = applicant.nationality in entry.nationalities
    return _qualifier(
        "nationality_listed",
        Method.NATIONALITY,
        "nationality",
        applicant.nationality,
        "nationalities",
        listed,
        agrees=agrees,
        reason=Reason.of(
            Code.NATIONALITY, value=applicant.nationality, listed=entry.nationalities, agrees=agrees
        ),
    )


def date_of_birth_listed(applicant: Applicant, entry: WatchlistEntry) -> Evidence | None:
    """The applicant's date of birth agrees with a listed one at the precision both give
    (raising the score) or with none (lowering it). Nothing changes when either side gives none."""
    if applicant.date_of_birth is None or not entry.dates_of_birth:
        return None
    listed = ", ".join(entry.dates_of_birth)
    agrees = any(_dates_agree(applicant.date_of_birth, date) for date in entry.dates_of_birth)
    return _qualifier(
        "date_of_birth_listed",
        Method.DATE_OF_BIRTH,
        "date_of_birth",
        applicant.date_of_birth,
        "dates_of_birth",
        listed,
        agrees=agrees,
        reason=Reason.of(
            Code.DATE_OF_BIRTH, value=applicant.date_of_birth, listed=entry.dates_of_birth, agrees=agrees
        ),
    )


#: Qualifiers: facts that only adjust the score of an entry that other evidence brought up (the
#: rows of the feature table so marked).
QUALIFIERS: tuple[Callable[[Applicant, WatchlistEntry], Evidence | None], ...] = tuple(
    {"nationality_listed": nationality_listed, "date_of_birth_listed": date_of_birth_listed}[row.name]
    for row in FEATURE_TABLE
    if row.qualifier
)


def _qualified(score: float, qualifiers: list[Evidence]) -> float:
    for item in qualifiers:
        agrees = item.score >= 1.0
        score = score + (1 - score) * AGREEMENT_PULL if agrees else score * spec(item.feature).conflict_factor
    return score


def _combined_score(evidence: list[Evidence]) -> float:
    """Best name evidence, then contact evidence, folded so that corroboration adds a little."""
    best_name: Evidence | None = None
    others: list[float] = []
    for item in evidence:
        if spec(item.feature).is_name:
            if best_name is None or item.score > best_name.score:
                best_name = item
        else:
            others.append(item.score)
    scores = sorted(([best_name.score] if best_name else []) + others, reverse=True)
    combined = scores[0]
    remaining = 1.0
    for score in scores[1:]:
        remaining *= 1 - score
    return combined + (1 - combined) * (1 - remaining) * CORROBORATION_WEIGHT


def _evidence_order(item: Evidence) -> tuple[float, str, bool, str, str]:
    return (-item.score, item.field, item.listed_field != "name", item.listed_field, item.feature)


class Screener:
    """Screens applicants against one watchlist, with the list prepared once.

    Args:
        watchlist: the list, or several; the bundled DOJ list when omitted.
        policy: the thresholds; :class:`~screening.Policy` defaults when omitted.
        allow_list: reviewers' decisions that clear hits (:mod:`screening.review`).
        index_cache: save the name index of a list loaded from a file beside that file
            (``list.json.index``) and read it back next time, when it was saved for the same
            list (by checksum) and library code (version and source hash). The index of a list
            built in code, or whose folder cannot be written, is saved in the cache folder
            (``$SCREENING_CACHE_DIR``, else ``screening`` in the user's cache folder; named by
            the list's checksum; the 4 most recently used are kept). Lists of fewer than
            1,000 names are always indexed afresh (see :mod:`screening._storage`). The saved index is JSON
            and arrays of numbers: reading it runs no code, and a damaged or stale file is
            rebuilt. When nothing can be written, the index is built each time.

    Building a Screener normalizes every listed name, email, phone and domain and indexes the
    names; reuse it for many applicants. Given several lists (the bundled one and an OFAC
    import, say), it screens against all of them, and each hit names its list and version. It
    holds no mutable state after construction and may be shared between threads.
    """

    def __init__(
        self,
        watchlist: Watchlist | Sequence[Watchlist] | None = None,
        *,
        policy: Policy | None = None,
        allow_list: AllowList | None = None,
        index_cache: bool = True,
    ) -> None:
        if watchlist is None:
            lists: tuple[Watchlist, ...] = (load_watchlist(),)
        elif isinstance(watchlist, Watchlist):
            lists = (watchlist,)
        else:
            lists = tuple(watchlist)
            if not lists or not all(isinstance(item, Watchlist) for item in lists):
                raise TypeError("Screener takes a Watchlist or a non-empty sequence of Watchlists.")
        #: Every list screened against, in the order given.
        self.watchlists = lists
        #: The first (usually the only) list.
        self.watchlist = lists[0]
        self.policy = Policy() if policy is None else policy
        self.allow_list = allow_list
        self._index_cache = index_cache
        with collector_paused():
            for item in lists:
                _ = item.checksum  # computed here, once, rather than at the first screening
            self._prepared = tuple(_prepare(item, cache=index_cache) for item in lists)

    def __reduce__(self) -> tuple[Callable[..., Screener], tuple[object, ...]]:
        """Pickle what the screener was built from: the lists' content (not their files' paths),
        the policy and the allow-list. Unpickling prepares the lists again, reading each name
        index saved for the list's checksum in that machine's cache folder (a worker of
        :meth:`screen_many` finds the one its parent saved there), else building it, which is
        logged with the reason (logger ``screening``)."""
        return (_unpickled, (self.watchlists, self.policy, self.allow_list, self._index_cache))

    def screen(self, applicant: Applicant, /) -> ScreeningResult:
        """Screen one applicant against every list.

        Returns:
            The decision (the most severe of the hits'), the hits best supported first (by
            score, then decision; each naming its list), and any input problems.

        Raises:
            TypeError: ``applicant`` is not an :class:`~screening.Applicant`.
        """
        if not isinstance(applicant, Applicant):
            raise TypeError(f"screen() takes an Applicant, not {type(applicant).__name__}.")
        forms = _applicant_forms(applicant)
        hits = [
            hit
            for watchlist, prepared in zip(self.watchlists, self._prepared, strict=True)
            for hit in self._hits(applicant, forms, prepared, watchlist)
        ]
        # The entry the evidence supports best first: by score, then by decision. A weaker
        # match on another entry ("Abdur Rehman Makki": 0.93 on ABDUR REHMAN) comes after the
        # right one's better review (0.98 on MAKKI, Abdul Rehman); the decision is still the
        # most severe of the hits'. At one score, the hit with the strongest link first (a name
        # equal once normalized before one with an abbreviation).
        hits.sort(
            key=lambda hit: (
                -round(_support(hit), 4),
                -hit.decision.severity,
                min((_METHOD_RANK[evidence.method] for evidence in hit.evidence), default=len(_METHOD_RANK)),
                hit.watchlist,
                hit.entry.id,
            )
        )
        decision = max((hit.decision for hit in hits), key=lambda d: d.severity, default=Decision.CLEAR)
        if len(self.watchlists) > 1:
            hits = _listed_once(hits)
        if len(self.watchlists) == 1:
            name, version, checksum = self.watchlist.name, self.watchlist.version, self.watchlist.checksum
        else:
            name = " + ".join(item.name for item in self.watchlists)
            version = " + ".join(item.version for item in self.watchlists)
            joined = "".join(item.checksum for item in self.watchlists)
            checksum = "sha256:" + hashlib.sha256(joined.encode("ascii")).hexdigest()
        result = ScreeningResult(
            applicant=applicant,
            decision=decision,
            hits=tuple(hits),
            problems=forms.problems,
            watchlist_name=name,
            watchlist_version=version,
            watchlist_checksum=checksum,
            policy=self.policy,
            library_version=__version__,
            compared=forms.compared,
            applicant_key=applicant_key(applicant),
            watchlists=tuple((item.name, item.version, item.checksum) for item in self.watchlists),
        )
        return result if self.allow_list is None else apply_allow_list(result, self.allow_list)

    def screen_many(self, applicants: Iterable[Applicant], /, *, jobs: int = 1) -> Iterator[ScreeningResult]:
        """Screen many applicants, yielding their results in input order, in ``jobs`` processes.

        With ``jobs`` above 1 (0: one per core) the applicants are screened in worker processes
        started with *spawn* (as on every system; so, in a script, call this under ``if
        __name__ == "__main__":``). Each worker gets this screener pickled once and prepares it,
        reading each large list's name index from the cache folder, where this process saves it
        first (:data:`screening._storage.CACHE_FOLDER_VARIABLE`); a worker that has to build one
        logs why (logger ``screening``). Applicants are read a few hundred at a time, so an
        iterator of any length runs in bounded memory.

        Raises:
            TypeError: an item is not an :class:`~screening.Applicant` (raised in its place,
                after the results of the items before it).
            ValueError: ``jobs`` is negative.
            concurrent.futures.process.BrokenProcessPool: a worker process died (killed, or
                out of memory).
        """
        for outcome in _parallel.ordered(self, _screen_one, applicants, jobs=_parallel.jobs_wanted(jobs)):
            if isinstance(outcome, BaseException):
                raise outcome
            yield outcome

    def _hits(
        self, applicant: Applicant, forms: _ApplicantForms, prepared: _Prepared, watchlist: Watchlist
    ) -> list[Hit]:
        by_entry: dict[str, list[Evidence]] = defaultdict(list)
        entries: dict[str, WatchlistEntry] = {}
        best_name: dict[tuple[str, str], Evidence] = {}
        for feature in FEATURES:
            for entry, found in feature.function(forms, prepared, self.policy):
                entries[entry.id] = entry
                if feature.spec.names:
                    # One name evidence per applicant name and entry: the strongest.
                    key = (entry.id, found.field)
                    if key not in best_name or _evidence_order(found) < _evidence_order(best_name[key]):
                        best_name[key] = found
                    continue
                by_entry[entry.id].append(found)
        for (entry_id, _field), found in best_name.items():
            by_entry[entry_id].append(found)
        hits = []
        for entry_id, evidence in by_entry.items():
            entry = entries[entry_id]
            qualifiers = [item for rule in QUALIFIERS if (item := rule(applicant, entry)) is not None]
            score = _qualified(_combined_score(evidence), qualifiers)
            conflicts = [item for item in qualifiers if item.score < 1.0]
            decisive = any(
                item.decisive and _qualified(item.score, conflicts) >= self.policy.match_threshold
                for item in evidence
            )
            if decisive:
                decision = Decision.MATCH
            elif score >= self.policy.review_threshold:
                decision = Decision.REVIEW
            else:
                continue
            hits.append(
                Hit(
                    entry=entry,
                    score=score,
                    decision=decision,
                    evidence=tuple(sorted(evidence + qualifiers, key=_evidence_order)),
                    watchlist=watchlist.name,
                    watchlist_version=watchlist.version,
                )
            )
        return hits


def _support(hit: Hit) -> float:
    """How well the hit's evidence supports its entry, to rank hits: its score, but with the
    parts of the applicant's name that its strongest evidence leaves unexplained weighing
    :data:`RANKING_EXTRA_PART_WEIGHT` (the score weighs them at :data:`EXTRA_PART_WEIGHT`, so
    that a middle name does not hide a listed name). Of two entries, the one that accounts for
    more of what the applicant wrote comes first: for "Abdul Rehman Zahid", ABDUL RAHMAN ZAHED
    (0.918) before ABDUR REHMAN (0.92, "Zahid" unexplained)."""
    strongest = max(
        (item for item in hit.evidence if not spec(item.feature).qualifier),
        key=lambda item: item.score,
        default=None,
    )
    share = strongest.unexplained if strongest is not None else 0.0
    return hit.score * (1 - RANKING_EXTRA_PART_WEIGHT * share) / (1 - EXTRA_PART_WEIGHT * share)


def _screen_one(screener: Screener, applicant: Applicant) -> ScreeningResult:
    return screener.screen(applicant)


def _unpickled(
    lists: tuple[Watchlist, ...], policy: Policy, allow_list: AllowList | None, index_cache: bool
) -> Screener:
    return Screener(lists, policy=policy, allow_list=allow_list, index_cache=index_cache)


def _party_keys(entry: WatchlistEntry) -> list[tuple[object, ...]]:
    """What tells a party on two lists: its kind and reference in its list (OFAC's entity
    number is the Consolidated Screening List's for the Treasury's entries); and its kind and
    name (parts in any order, case aside) with a person's dates of birth and nationalities, at
    least one given (a name alone does not tell two people apart)."""
    keys: list[tuple[object, ...]] = []
    if entry.reference:
        keys.append(("reference", entry.kind, entry.reference))
    if entry.kind is not EntryKind.PERSON or entry.dates_of_birth or entry.nationalities:
        keys.append(
            (
                "name",
                entry.kind,
                tuple(sorted(names.tokens(entry.name))),
                tuple(sorted(entry.dates_of_birth)),
                tuple(sorted(entry.nationalities)),
            )
        )
    return keys


def _listed_once(hits: list[Hit]) -> list[Hit]:
    """The hits with each party on several lists once: the best-supported hit, naming the
    other lists' entries (:attr:`Hit.also_listed`)."""
    kept: list[Hit] = []
    first: dict[tuple[object, ...], int] = {}
    for hit in hits:
        keys = _party_keys(hit.entry)
        at = next((first[key] for key in keys if key in first), None)
        if at is not None and hit.watchlist not in {kept[at].watchlist} | {
            listing.watchlist for listing in kept[at].also_listed
        }:
            listing = Listing(
                entry=hit.entry, watchlist=hit.watchlist, watchlist_version=hit.watchlist_version
            )
            kept[at] = attrs.evolve(kept[at], also_listed=(*kept[at].also_listed, listing))
            continue
        for key in keys:
            first.setdefault(key, len(kept))
        kept.append(hit)
    return kept


@functools.lru_cache(maxsize=8)
def _screener(watchlists: Watchlist | tuple[Watchlist, ...] | None, policy: Policy | None) -> Screener:
    return Screener(watchlists, policy=policy)


def screen(
    applicant: Applicant,
    watchlist: Watchlist | Sequence[Watchlist] | None = None,
    /,
    *,
    policy: Policy | None = None,
    allow_list: AllowList | None = None,
) -> ScreeningResult:
    """Screen one applicant against a watchlist (the bundled DOJ list by default).

    The prepared list is cached for the last few (watchlist, policy) pairs, so repeated
    calls are cheap; :class:`Screener` makes that explicit.

    >>> from screening.models import Applicant
    >>> screen(Applicant(name="Alex Morgan", websites=["https://jobs.cloudfoxhub.com/x"])).decision
    <Decision.MATCH: 'match'>
    """
    lists = watchlist if watchlist is None or isinstance(watchlist, Watchlist) else tuple(watchlist)
    result = _screener(lists, policy).screen(applicant)
    return result if allow_list is None else apply_allow_list(result, allow_list)


def apply_allow_list(result: ScreeningResult, allow_list: AllowList, /) -> ScreeningResult:
    """Move the hits that reviewers' decisions cover from ``hits`` to ``cleared``.

    A decision covers a hit when it is for the same applicant (by :func:`applicant_key`) and
    entry and saw every piece of the hit's evidence; the decision is then recomputed from the
    hits left.
    """
    live, cleared = [], list(result.cleared)
    for hit in result.hits:
        decision = allow_list.find(result.applicant_key, hit.entry.id)
        same_list = decision is not None and decision.watchlist in {"", hit.watchlist}
        if decision is not None and same_list and decision.covers(hit):
            cleared.append(attrs.evolve(hit, cleared_by=decision))
        else:
            live.append(hit)
    overall = max((hit.decision for hit in live), key=lambda d: d.severity, default=Decision.CLEAR)
    return attrs.evolve(result, hits=tuple(live), cleared=tuple(cleared), decision=overall)
