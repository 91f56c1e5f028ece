"""Every tuning constant of the matcher, in one place, each with what it trades.

A constant here changes decisions or scores. Raising a similarity or a score brings more
cases to review or match (recall) at the cost of more false positives (precision); lowering a
length from which a loose rule applies finds more misspellings of short names and flags more
different short names. Change one only with the figures of ``benchmarks/accuracy.py``,
``benchmarks/negatives.py`` and ``benchmarks/ofac_aliases.py`` before and after
(``docs/development.md``), and a saved name index is rebuilt on its own (its code fingerprint
changes).

Grouped by stage: linking two parts of names, weighing the parts, scoring an alignment,
scoring contact evidence and facts, and the limits that bound the cost of one comparison.
"""

from __future__ import annotations

from screening.models import Method

# -- Linking two parts of names ---------------------------------------------------------------

#: Similarity of each method of linking (phonetic and fuzzy scale with Jaro-Winkler). Above
#: the match threshold only for the decisive methods: a spelling (0.88) or an initial (0.5)
#: weighs less than the part it stands for.
SIMILARITY = {
    Method.EXACT: 1.0,
    Method.JOINED_TOKENS: 0.98,
    Method.TRANSLITERATION: 0.96,
    Method.ABBREVIATION: 0.96,
    Method.OCR: 0.9,
    Method.SPELLING: 0.88,
    Method.INITIAL: 0.5,
}
#: Similarity of an Arabic-script part and a Latin spelling with its consonants: below a
#: spelling's, since one consonant skeleton stands for many names.
ARABIC_CONSONANT_SIMILARITY = 0.85
#: Similarity of two spellings whose skeletons agree but whose letters are far apart, or whose
#: skeletons are one letter apart (see the loose spelling rule of _rules): a review at most,
#: since different names are spelled so too ("Hassan" and "Hussein").
LOOSE_SPELLING_SIMILARITY = 0.8
#: Least Jaro-Winkler similarity of a loose spelling: "Obeida" and "Ubaydah" are 0.64.
LOOSE_SPELLING_JARO_WINKLER = 0.6
#: Least letters of the shorter skeleton of a loose spelling one letter apart.
LOOSE_SKELETON_LENGTH = 5
#: Similarity of a short part of a Chinese or Korean name misspelled (see misspelled_syllable).
MISSPELLING_SIMILARITY = 0.8
#: Minimum Jaro-Winkler similarity for a phonetic link or a spelling skeleton: lower links
#: more spellings of one name and more different names that sound alike.
PHONETIC_MIN_JARO_WINKLER = 0.8
#: Shortest parts compared by their spelling skeleton (see screening.phonetics.spelling_skeleton);
#: from LONG_SKELETON letters on, a lower Jaro-Winkler suffices (Oleksandrovych, Alexandrovich).
SKELETON_LENGTH = 5
LONG_SKELETON, LONG_SKELETON_JARO_WINKLER = 8, 0.7
#: Shortest Latin spellings with each loose key, as in the rules of _token_link: shorter parts
#: are too often other names one letter away.
OCR_LENGTH, PHONETIC_LENGTH, FUZZY_LENGTH = 2, 4, 4
#: Shortest parts compared when two letters apart (they share no key).
TWO_LETTER_LENGTH = 8
#: Shortest spellings, less the initial "h" one of them begins with, compared a letter apart
#: ("Hamadoun" and "Amadou"): shorter names are too often others ("Hamid", "Amir").
INITIAL_H_LENGTH = 6
#: Shortest Latin spelling, its doubled letters written once, that links to another by doubled
#: letters alone ("Saad" and "Sad"; longer ones have the spelling skeleton).
SHORT_UNDOUBLED = 3
#: Short parts readable as as many Chinese or Korean syllables are never linked loosely:
#: "dong" and "pong" are different syllables, not misspellings of each other.
MIN_LOOSE_SYLLABIC = 6
#: Fewest letters of two syllables written as one that a misspelling links to.
JOINED_MISSPELLING_LENGTH = 5
#: A syllable of a Chinese or Korean name one letter from another syllable ("Zhuo" for
#: "Zhou", "Kwan" for "Kwang"): fewest letters of the shorter, fewest syllables of the listed
#: name, every other one given exactly, and the least weight of the parts given exactly (the
#: weight of three letters of a name that is not common: "Kim", 1.2, says too little, so
#: "Kim Minbo" is no KIM, Minho). See the syllable-typo rule of _rules.
SYLLABLE_TYPO_LENGTH, SYLLABLE_TYPO_SYLLABLES, SYLLABLE_TYPO_EXACT_WEIGHT = 3, 3, 3.0
#: Shortest Latin spelling (letters) at which a phonetic or one-letter fuzzy link may anchor a
#: name: shorter loose links only add to strong ones.
LOOSE_ANCHOR_LENGTH = 6
#: Fewest consonants of an Arabic-script part linked by its consonants that may anchor a name
#: (its Latin letters leave the vowels out, so its length says little).
ARABIC_ANCHOR_CONSONANTS = 3

# -- Weighing the parts of a name -------------------------------------------------------------

#: Population share at and above which a part weighs least, and that least factor: a common
#: given name says less about who someone is.
COMMON_NAME_SHARE, COMMON_NAME_FACTOR = 0.05, 0.4
#: Factor on the weight of a low-information part (particles, legal forms).
LOW_INFORMATION_FACTOR = 0.2
#: Letters a legal form weighs as, however it is spelled: "Aktiengesellschaft" says no more
#: than "AG".
LEGAL_FORM_LETTERS = 3
#: Population share as a family name from which a listed end part is taken as the family name.
FAMILY_NAME_SHARE = 0.005
#: Factor on the weight of a listed middle name that the applicant's name leaves out: lower
#: matches more people who give only their first and last names, and more namesakes.
MIDDLE_NAME_FACTOR = 0.3
#: Weight, as a share of their own, of the listed parts that an applicant who gives only part
#: of a longer listed person's name leaves out ("Abdul Basir" for ABDUL BASIR NOORZAI): lower
#: brings more partial names to review, and more people who share two names with a listed
#: person (0.2 and 0.15 brought the same people on no list to review; 0.1 put partial names
#: of other entries above more listed names given whole).
PARTIAL_LEFT_OUT_WEIGHT = 0.15
#: The same for an organization's name, whose words left out are more often another
#: organization's ("PARS OIL" is as likely PARS OIL AND GAS COMPANY as PARS OIL CO.).
PARTIAL_ORGANIZATION_LEFT_OUT_WEIGHT = 0.2
#: The least share of a listed person's name's weight that a partial name must give: lower finds
#: shorter parts of long names (an Arabic chain of five names, of which aliases give two), and
#: more people who share two common names with a listed person.
PARTIAL_LEAST_SHARE = 0.25
#: The same for an organization's name, whose distinctive words are fewer.
PARTIAL_ORGANIZATION_SHARE = 0.4
#: Below this share, a partial name must give two names besides Abd and Abu (which make one
#: name with the next: "Abdul Karim" is one name of MUHAMMAD ABD AL-KARIM AL-GHAMARI, 44% of
#: it by weight, Muhammad weighing as a common name).
PARTIAL_COMPOUND_SHARE = 0.45
#: Names of the applicant's that may link to nothing in a partial name, when at least
#: PARTIAL_UNLINKED_BESIDE informative listed parts are linked (beside two, only in a person's
#: name linked exactly or in Latin letters, its family name given: see _alignment._partial_name).
PARTIAL_UNLINKED, PARTIAL_UNLINKED_BESIDE = 1, 3
#: Factor on the weight of a listed patronymic that the applicant's name leaves out.
PATRONYMIC_FACTOR = 0.3

# -- Scoring an alignment of two names --------------------------------------------------------

#: Factor on the score when parts are reordered beyond moving the family name to the other end.
SCRAMBLED_FACTOR = 0.9
#: Factor applied when the pairs are not in the same order on both sides.
ORDER_FACTOR = 0.99
#: Factor applied when the names are equal once normalized but differ as written.
NORMALIZED_FACTOR = 0.995
#: How much unpartnered applicant parts (as a share of weight) reduce the score.
EXTRA_PART_WEIGHT = 0.2
#: How much they weigh in the ranking of hits instead (see matching._support): enough that
#: the entry that accounts for the whole name comes first ("Abdul Rehman Zahid": ABDUL RAHMAN
#: ZAHED before ABDUR REHMAN), not so much that two names linked exactly rank below more names
#: linked loosely ("Muhammad Zafar Iqbal": ZAFAR IQBAL, a match, before JAFAR MOHAMMADI).
RANKING_EXTRA_PART_WEIGHT = 0.5
#: Factor on the score of a correspondence to a weak alias: weaker evidence ranks lower.
WEAK_ALIAS_FACTOR = 0.85
#: A listed part is common in a list when at least this share of its names, and at least
#: LIST_COMMON_NAMES of them, have a part that spells its name ("muhammad" and "ali" on OFAC's
#: list; "abdallah" with "abdullah", see NameIndex.name_count): a name made only of such parts
#: inside a longer applicant's name cannot decide a match.
LIST_COMMON_SHARE, LIST_COMMON_NAMES = 0.005, 50

# -- Contact evidence and facts ---------------------------------------------------------------

#: Scores of contact evidence; below 1.0 so that they rank without piling up.
EMAIL_SCORE = 0.99
MAILBOX_SCORE = 0.95
PHONE_SCORE = 0.99
ACCOUNT_SCORE = 0.99
DOMAIN_SCORE = 0.98
EMAIL_DOMAIN_SCORE = 0.97
SUBDOMAIN_SCORE = 0.95
#: Factor on a name spelled in an email's local part, and the most it can score: review at most.
LOCAL_PART_FACTOR, LOCAL_PART_MOST = 0.9, 0.85
#: Score of an applicant's name that is a listed organization's acronym ("IRGC"): a review,
#: as many organizations share their initials.
ACRONYM_SCORE = 0.8
#: Scores of look-alike domains: from the lower bound, up by the span times their closeness.
LOOKALIKE_SCORE, LOOKALIKE_SPAN = 0.75, 0.1
#: Shortest listed label that one changed letter may imitate, and that two may: shorter labels
#: are too often other names.
ONE_EDIT_LABEL, TWO_EDIT_LABEL = 6, 9
#: Shortest listed label that a combo-squat ("listedname-jobs") is looked for in.
COMBO_LABEL = 6
#: How much the second and later pieces of evidence add to the best one.
CORROBORATION_WEIGHT = 0.5
#: Pull of an agreeing qualifier toward 1, and the factor of a conflicting one: a different
#: date of birth says more against identity than a different nationality (people hold several).
AGREEMENT_PULL = 0.3
NATIONALITY_CONFLICT, DATE_OF_BIRTH_CONFLICT = 0.95, 0.85

# -- The cost of one comparison ---------------------------------------------------------------

#: Longest run of adjacent parts that may stand for one part on the other side.
MAX_RUN = 3
#: Most readings of joined parts, per language (as many as one part may have).
MAX_JOINED_READINGS = 48
#: Fewest single letters set apart that are read as one word (two are initials).
MIN_SPACED_LETTERS = 3
#: Most readings kept for one Chinese or Korean name part; more are cut, longest-known first.
#: More finds rarer segmentations of long romanized names and costs time on every long part.
MAX_READINGS = 48
#: Most Latin spellings kept for one kana part.
MAX_KANA_SPELLINGS = 16
#: The fewest letters two words of an organization's name share as forms of one English word
#: ("manag" of Managing and Management; see screening._rules._word_form).
WORD_ROOT_LENGTH = 5
