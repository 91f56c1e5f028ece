"""Why two values were linked, as data: :class:`Reason`, and the one place that words it.

Every :class:`~screening.results.Evidence` and every
:class:`~screening.results.TokenLink` carries its reasons: a :class:`Code` (what kind of
reason) and the details it names (the reading shared, the letters apart, the parts left
out, ...). Logic reads the code and the details; an integrator can filter or count hits by
them (``to_dict()`` includes them). The sentences a reviewer reads are rendered from reasons
here, and nowhere else: :func:`sentence` for an evidence, :func:`link_sentence` for a link of
two name parts (whose templates have the slots ``{a}``, the applicant's part, and ``{b}``, the
listed part).

To add a reason: add a :class:`Code` member and its wording to ``_TEMPLATES`` (a format string
over the details and the slots ``{a}`` and ``{b}``) or, when the wording depends on the details,
to ``_WORDERS``.

>>> reason = Reason.of(Code.LETTERS_AWAY, distance=1)
>>> reason.to_dict()
{'code': 'letters away', 'distance': 1}
>>> link_sentence((reason,), "mohamad", "mohammad")
"'mohamad' is 1 letter away from the listed 'mohammad'."
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable

import attrs

__all__ = ["Code", "Detail", "Reason", "link_sentence", "sentence"]

#: A detail of a reason: text, a number, a yes or no, or several texts.
Detail = str | int | float | bool | tuple[str, ...]


class Code(str, enum.Enum):
    """What kind of reason: how two values were linked, or what qualifies the link."""

    # How two parts of names were linked (slots {a} and {b}).
    SAME_TEXT = "same text"
    JOINED_OR_SPLIT = "joined or split"
    SAME_LEGAL_FORM = "same legal form"
    SAME_NUMBER = "same number"
    ABBREVIATED = "abbreviated"
    SAME_SYLLABLES = "same syllables"
    SAME_READING = "same reading"
    EAST_SLAVIC_FORM = "east slavic form"
    ARABIC_NAME = "arabic name"
    ARABIC_SCRIPT_NAME = "arabic script name"
    EAST_SLAVIC_PATRONYMIC = "east slavic patronymic"
    ARABIC_ARTICLE = "arabic article"
    JOINED_ARTICLE = "joined article"
    COMPOUND_SHORTENED = "compound shortened"
    SURNAME_ENDING = "surname ending"
    WORD_FORM = "word form"
    ARABIC_CONSONANTS = "arabic consonants"
    SAME_LATIN = "same latin spelling"
    PARTICLE_SPELLING = "particle spelling"
    KANA = "kana"
    SCANS_CONFUSE = "scans confuse"
    INITIAL = "initial"
    MISSPELLED_SYLLABLE = "misspelled syllable"
    MISSPELLED_JOINED_SYLLABLES = "misspelled joined syllables"
    DOUBLED_LETTERS = "doubled letters"
    SPELLING_SKELETON = "spelling skeleton"
    EAST_SLAVIC_SKELETON = "east slavic skeleton"
    SOUNDS_LIKE = "sounds like"
    SOUND_ALIKE_SPELLINGS = "sound-alike spellings"
    LETTERS_AWAY = "letters away"
    INITIAL_H = "initial h"
    LOOSE_SPELLING = "loose spelling"
    SYLLABLE_TYPO = "syllable typo"
    # What qualifies a link of two parts.
    LOOK_ALIKE_LETTERS = "look-alike letters"
    SOUND_ALONE = "sound alone"
    NOT_THROUGHOUT = "not throughout"
    SYLLABLE_SPELLING = "syllable spelling"
    SEVERAL_SURNAMES = "several surnames"
    # How a name was linked to a listed name, and what qualifies it.
    NAME = "name"
    PARTS_LEFT_OUT = "parts left out"
    MIDDLE_NAMES_LEFT_OUT = "middle names left out"
    SCRAMBLED = "scrambled"
    ADDED_SYLLABLES = "added syllables"
    HANJA_IN_KOREAN = "hanja in korean"
    COMMON_IN_LIST = "common in list"
    CHAIN_SHIFTED = "chain shifted"
    LONGER_ORGANIZATION = "longer organization"
    OTHER_LEGAL_FORM = "other legal form"
    READ_AS_DISPLAYED = "read as displayed"
    WEAK_ALIAS = "weak alias"
    REVIEW_BY_METHOD = "review by method"
    # Contact data.
    EMAIL_LISTED = "email listed"
    SAME_MAILBOX = "same mailbox"
    NAME_IN_EMAIL = "name in email"
    ACRONYM = "acronym"
    EMAIL_ON_DOMAIN = "email on domain"
    PHONE_LISTED = "phone listed"
    ACCOUNT_LISTED = "account listed"
    WEBSITE_ON_DOMAIN = "website on domain"
    LOOK_ALIKE_DOMAIN = "look-alike domain"
    # Facts that raise or lower the score.
    NATIONALITY = "nationality"
    DATE_OF_BIRTH = "date of birth"

    def __str__(self) -> str:
        return self.value


def _details(value: Iterable[tuple[str, Detail]]) -> tuple[tuple[str, Detail], ...]:
    return tuple(value)


@attrs.frozen
class Reason:
    """One reason: its code and the details it names.

    Attributes:
        code: what kind of reason.
        details: (name, value) pairs, in a fixed order; :meth:`get` reads one.
    """

    code: Code
    details: tuple[tuple[str, Detail], ...] = attrs.field(default=(), converter=_details)

    @classmethod
    def of(cls, code: Code, /, **details: Detail) -> Reason:
        """A reason with its details given by name."""
        return cls(code, tuple(details.items()))

    def get(self, name: str, default: Detail = "") -> Detail:
        """The detail ``name``, or ``default`` when the reason has none."""
        for key, value in self.details:
            if key == name:
                return value
        return default

    @classmethod
    def from_dict(cls, data: dict[str, object], /) -> Reason:
        """The reason that :meth:`to_dict` gave ``data`` for (lists read back as tuples).

        Raises:
            ValueError: ``data`` names no known code, or a detail is of no detail type.
        """
        details: list[tuple[str, Detail]] = []
        for key, value in data.items():
            if key == "code":
                continue
            if isinstance(value, list) and all(isinstance(item, str) for item in value):
                details.append((key, tuple(value)))
            elif isinstance(value, (str, int, float, bool)):
                details.append((key, value))
            else:
                raise ValueError(f"The detail {key!r} of a reason is {value!r}, not text, a number or texts.")
        return cls(Code(data.get("code")), tuple(details))

    def to_dict(self) -> dict[str, object]:
        """The reason as a JSON-serializable mapping: ``code`` and each detail."""
        found: dict[str, object] = {"code": self.code.value}
        for key, value in self.details:
            found[key] = list(value) if isinstance(value, tuple) else value
        return found


def _quoted(texts: Detail) -> str:
    assert isinstance(texts, tuple)
    return ", ".join(f"'{text}'" for text in texts)


#: The wording of reasons whose sentence is their details put in a template.
_TEMPLATES: dict[Code, str] = {
    Code.SAME_TEXT: "'{a}' is the listed '{b}'.",
    Code.JOINED_OR_SPLIT: "'{a}' is the listed '{b}' with its parts joined or split.",
    Code.SAME_LEGAL_FORM: "'{a}' and the listed '{b}' are the same legal form ({form}).",
    Code.SAME_NUMBER: "'{a}' and the listed '{b}' are the same number ({number}).",
    Code.ABBREVIATED: "'{a}' and the listed '{b}' are one name, abbreviated and written out.",
    Code.SAME_SYLLABLES: (
        "'{a}' and the listed '{b}' are {system} spellings of the same {language} syllables ('{reading}')."
    ),
    Code.SAME_READING: (
        "'{a}' ({system}) is the listed '{b}' ({listed_system}): both read '{reading}' in {language}."
    ),
    Code.EAST_SLAVIC_FORM: (
        "'{a}' and the listed '{b}' are one name in its Russian, Ukrainian or Belarusian form."
    ),
    Code.ARABIC_NAME: (
        "'{a}' and the listed '{b}' are Latin spellings of one Arabic or Persian given name, {name}."
    ),
    Code.ARABIC_SCRIPT_NAME: (
        "'{a}' and the listed '{b}' are one Arabic or Persian given name, {name},"
        " in Arabic script and in Latin letters."
    ),
    Code.EAST_SLAVIC_PATRONYMIC: (
        "'{a}' and the listed '{b}' are one patronymic ({form}) in its Russian, Ukrainian or Belarusian form."
    ),
    Code.ARABIC_ARTICLE: (
        "'{a}' and the listed '{b}' are one Arabic name, written '{written}' with its article."
    ),
    Code.JOINED_ARTICLE: (
        "'{a}' and the listed '{b}' are romanized spellings of one name, one with the Arabic article"
        " '{article}' joined to it (skeleton '{skeleton}')."
    ),
    Code.INITIAL_H: (
        "'{a}' and the listed '{b}' are spellings of one name, one with the initial 'h' that"
        " transliterations often leave out, and a letter apart without it ('{without}')."
    ),
    Code.SURNAME_ENDING: (
        "'{a}' and the listed '{b}' are one family name, one without the Persian ending"
        " '{ending}' that made it of another name or a place (as Kashani is written for Kashanimehr)."
    ),
    Code.COMPOUND_SHORTENED: (
        "'{a}' and the listed '{b}' are one given name, one without the '{ending}' that ends it"
        " as a compound (as Ghodrat is said for Ghodratollah)."
    ),
    Code.WORD_FORM: (
        "'{a}' and the listed '{b}' are forms or spellings of one word in an organization's name:"
        " both '{root}' less their endings, as English and romanized Russian spellings read."
    ),
    Code.SAME_LATIN: "'{a}' and the listed '{b}' are both written '{written}' in Latin letters.",
    Code.ARABIC_CONSONANTS: (
        "'{a}' and the listed '{b}' have the consonants of one Arabic name ('{skeleton}'); the vowels"
        " are not written."
    ),
    Code.KANA: "'{a}' is written in kana as Japanese writes the listed '{b}'.",
    Code.SCANS_CONFUSE: (
        "'{a}' and the listed '{b}' differ only in characters that scans confuse (I, l, 1; O, 0)."
    ),
    Code.INITIAL: "'{a}' is the initial of the listed '{b}'.",
    Code.MISSPELLED_SYLLABLE: (
        "'{a}' reads as no {syllables} syllable: the listed '{b}' with one letter wrong."
    ),
    Code.MISSPELLED_JOINED_SYLLABLES: (
        "'{a}' reads as no {syllables} syllables: the listed '{b}' written as one word, with one letter"
        " wrong."
    ),
    Code.DOUBLED_LETTERS: "'{a}' and the listed '{b}' differ only in doubled letters.",
    Code.PARTICLE_SPELLING: (
        "'{a}' and the listed '{b}' are spellings of one word of Arabic names ({particle})."
    ),
    Code.SPELLING_SKELETON: (
        "'{a}' and the listed '{b}' are romanized spellings of one name (skeleton '{skeleton}')."
    ),
    Code.EAST_SLAVIC_SKELETON: (
        "'{a}' and the listed '{b}' are Russian, Ukrainian or Belarusian spellings of one name"
        " (skeleton '{skeleton}')."
    ),
    Code.SOUNDS_LIKE: "'{a}' sounds like the listed '{b}' (Metaphone {key}).",
    Code.SOUND_ALIKE_SPELLINGS: (
        "'{a}' and the listed '{b}' are spellings that sound alike: they differ only in vowels, doubled"
        " letters or consonants that romanizations write differently."
    ),
    Code.LOOSE_SPELLING: (
        "'{a}' and the listed '{b}' may be romanized spellings of one name, a vowel or a letter apart"
        " (skeletons '{skeleton}' and '{listed_skeleton}'): a match needs more than that."
    ),
    Code.SYLLABLE_TYPO: (
        "'{a}' is the listed '{b}' with one letter wrong, though both read as {syllables} syllables:"
        " with every other part of the name given exactly, a review at most."
    ),
    Code.SOUND_ALONE: "The sound alone cannot decide a match.",
    Code.NOT_THROUGHOUT: (
        "The listed name is no {language} name throughout, so this alone cannot decide a match."
    ),
    Code.SYLLABLE_SPELLING: (
        "That spelling is a pinyin syllable of its own too, so this alone cannot decide a match."
    ),
    Code.SEVERAL_SURNAMES: (
        "That spelling stands for more than one family name (Cantonese Wong is Wang and Huang), so this"
        " alone cannot decide a match."
    ),
    Code.SCRAMBLED: "Its parts are in an order that changes the given name, so it cannot decide a match.",
    Code.HANJA_IN_KOREAN: (
        "Its Han characters agree with the listed spelling only as read in Korean; read in Mandarin, as"
        " the listed spelling can be too, they differ, so it cannot decide a match."
    ),
    Code.CHAIN_SHIFTED: (
        "Its given name '{given}' comes before the listed chain of names, which Arabic names give as a"
        " person's own name, then the father's: the listed person may be the applicant's father, so it"
        " cannot decide a match."
    ),
    Code.WEAK_ALIAS: "A weak alias can bring a case to review but never decides a match.",
    Code.EMAIL_LISTED: "The email address is listed for this entry.",
    Code.SAME_MAILBOX: "The address reaches the {provider} mailbox of the listed one ({mailbox}).",
    Code.NAME_IN_EMAIL: (
        "The address's local part spells '{spelled}', the {kind}; a name in an address brings review,"
        " never a match."
    ),
    Code.ACRONYM: (
        "The name is the initials of the {kind} ('{acronym}'); many organizations share their initials,"
        " so an acronym brings review, never a match."
    ),
    Code.PHONE_LISTED: "The phone number ({description}) is listed for this entry.",
    Code.ACCOUNT_LISTED: "The payment account ({description}) is listed for this entry.",
}

#: How a name is linked to a listed name, by the alignment's method.
_NAME_TEMPLATES = {
    "exact": "The name is the {kind} exactly.",
    "normalized": "The name is the {kind} once case, accents and punctuation are set aside.",
    "token order": "The name has every part of the {kind}, in another order.",
    "transliteration": "The name is the {kind} in another script or romanization.",
    "abbreviation": "The name is the {kind} with a legal form written another way.",
    "ocr": "The name has every part of the {kind}, some only with characters that scans confuse.",
    "spelling variant": "The name has every part of the {kind}, some in other romanized spellings.",
    "initial": "The name has every part of the {kind}, some only as initials.",
    "joined tokens": "The name has every part of the {kind}, joined or split differently.",
    "phonetic": "The name has every part of the {kind}, some only by sound.",
    "fuzzy": "The name has every part of the {kind}, some only with a spelling difference.",
    "partial": "The name has {covered} of the {total} parts of the {kind}.",
}

#: Why a name scoring at the match threshold is a review by its method alone.
_REVIEW_METHODS = {
    "spelling variant": "Other spellings bring a case to review, never a match.",
    "phonetic": "Sound-alike parts bring a case to review, never a match.",
    "fuzzy": "Spelling differences bring a case to review, never a match.",
    "initial": "Initials bring a case to review, never a match.",
    "partial": "Part of a listed name brings a case to review, never a match.",
}

#: The methods that bring a name to review at most, whatever its score.
REVIEW_METHODS = frozenset(_REVIEW_METHODS)


def _name(reason: Reason) -> str:
    kind = reason.get("kind")
    text = _NAME_TEMPLATES[str(reason.get("method"))].format(
        kind=kind, covered=reason.get("covered"), total=reason.get("total")
    )
    without = reason.get("without", ())
    if without:  # the listed name but for its particles, legal forms or titles
        text = text.replace(f"the {kind}", f"the {kind} without {_quoted(without)},")
    return text


def _parts_left_out(reason: Reason) -> str:
    parts = reason.get("parts", ())
    assert isinstance(parts, tuple)
    titles = reason.get("titles", 0)
    if titles == len(parts):
        why = "titles weigh nothing"
    elif titles:
        why = "titles weigh nothing, particles and legal forms little"
    else:
        why = "particles and legal forms weigh little"
    return f"It leaves out {_quoted(parts)}: {why}."


def _middle_names_left_out(reason: Reason) -> str:
    names = reason.get("names", ())
    assert isinstance(names, tuple)
    plural, each = ("s", "each") if len(names) > 1 else ("", "it")
    weight = reason.get("weight", 0.0)
    assert isinstance(weight, float)
    return (
        f"It leaves out the listed middle name{plural} {_quoted(names)}, as people often do: {each} weighs"
        f" {weight:.0%} of its length."
    )


def _added_syllables(reason: Reason) -> str:
    return (
        f"It also has {_quoted(reason.get('parts', ()))}: Chinese and Korean names have no middle names,"
        " so that is another given name or family name, and it cannot decide a match."
    )


def _longer_organization(reason: Reason) -> str:
    return (
        f"It also has {_quoted(reason.get('parts', ()))}: a longer organization name is as often"
        " another organization, so it cannot decide a match."
    )


def _other_legal_form(reason: Reason) -> str:
    return (
        f"Its legal form is {_quoted(reason.get('given', ()))}, the listed one's"
        f" {_quoted(reason.get('listed', ()))}: another company of that name as often as the listed one,"
        " so it cannot decide a match."
    )


def _common_in_list(reason: Reason) -> str:
    return (
        f"It also has {_quoted(reason.get('parts', ()))}, and every part of the {reason.get('kind')} is a"
        " name common in this list, so it cannot decide a match."
    )


def _joined(separator: str, texts: Detail) -> str:
    assert isinstance(texts, tuple)
    return separator.join(texts)


def _letters_away(reason: Reason, a: str, b: str) -> str:
    distance = reason.get("distance")
    plural = "s" if distance != 1 else ""
    return f"'{a}' is {distance} letter{plural} away from the listed '{b}'."


def _email_on_domain(reason: Reason) -> str:
    where = f"the listed domain '{reason.get('domain')}'"
    host = reason.get("host")
    if host:
        where = f"'{host}', a subdomain of {where}"
    return f"The email address is on {where}."


def _website_on_domain(reason: Reason) -> str:
    host = reason.get("host")
    if host:
        return f"The website's host '{host}' is a subdomain of the listed '{reason.get('domain')}'."
    return f"The website is on the listed domain '{reason.get('domain')}'."


#: How a host imitates a listed domain, by the change found.
_DOMAIN_CHANGES = {
    "look-alike letters": "written with look-alike letters ({notes})",
    "top-level domain": "with the top-level domain changed",
    "hyphens or digits": "with hyphens or digits added or removed",
    "singular or plural": "in the singular or plural",
    "letters changed": "with {letters} changed",
    "word added": "with a word added",
}


def _look_alike_domain(reason: Reason) -> str:
    change = str(reason.get("change"))
    letters = "one letter" if reason.get("letters") == 1 else "two letters"
    described = _DOMAIN_CHANGES[change].format(notes=_joined("; ", reason.get("notes", ())), letters=letters)
    if reason.get("other_top_level_domain") and change != "top-level domain":
        described += " and the top-level domain changed"
    subject = reason.get("subject")
    text = f"'{reason.get('host')}' is the listed '{reason.get('listed')}' {described}"
    if not subject:  # the resemblance alone, as domains.resemblance finds it
        return text
    return f"The {subject} {text}; a look-alike brings review, never a match."


def _fact(reason: Reason, what: str, agreeing: str) -> str:
    listed = _joined(", ", reason.get("listed", ()))
    if reason.get("agrees"):
        return f"The {what} {reason.get('value')} {agreeing.format(listed=listed)}; this raises the score."
    return f"The {what} {reason.get('value')} differs from the listed {listed}; this lowers the score."


#: The wording of reasons whose sentence depends on their details.
_WORDERS: dict[Code, Callable[[Reason], str]] = {
    Code.LOOK_ALIKE_LETTERS: lambda reason: f"Look-alike letters: {_joined('; ', reason.get('notes', ()))}.",
    Code.NAME: _name,
    Code.PARTS_LEFT_OUT: _parts_left_out,
    Code.MIDDLE_NAMES_LEFT_OUT: _middle_names_left_out,
    Code.ADDED_SYLLABLES: _added_syllables,
    Code.COMMON_IN_LIST: _common_in_list,
    Code.LONGER_ORGANIZATION: _longer_organization,
    Code.OTHER_LEGAL_FORM: _other_legal_form,
    Code.READ_AS_DISPLAYED: lambda reason: (
        f"It was read as displayed: {_joined('; ', reason.get('changes', ()))}."
    ),
    Code.REVIEW_BY_METHOD: lambda reason: _REVIEW_METHODS[str(reason.get("method"))],
    Code.EMAIL_ON_DOMAIN: _email_on_domain,
    Code.WEBSITE_ON_DOMAIN: _website_on_domain,
    Code.LOOK_ALIKE_DOMAIN: _look_alike_domain,
    Code.NATIONALITY: lambda reason: _fact(reason, "nationality", "is a listed nationality"),
    Code.DATE_OF_BIRTH: lambda reason: _fact(reason, "date of birth", "agrees with the listed {listed}"),
}


def _worded(reason: Reason, a: str = "", b: str = "") -> str:
    """One reason in words; ``a`` and ``b``: the parts a link of two name parts links."""
    if reason.code is Code.LETTERS_AWAY:
        return _letters_away(reason, a, b)
    worder = _WORDERS.get(reason.code)
    if worder is not None:
        return worder(reason)
    return _TEMPLATES[reason.code].format(a=a, b=b, **dict(reason.details))


def sentence(reasons: Iterable[Reason]) -> str:
    """The sentences of an evidence's reasons, in order."""
    return " ".join(_worded(reason) for reason in reasons)


def link_sentence(reasons: Iterable[Reason], applicant: str, listed: str) -> str:
    """The sentences of a link's reasons, with the applicant's part and the listed part."""
    return " ".join(_worded(reason, applicant, listed) for reason in reasons)
