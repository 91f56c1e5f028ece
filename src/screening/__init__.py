"""screening: screen job applicants against sanctions and law-enforcement watchlists.

Screen an applicant's names, emails, phones and websites against a watchlist (by default the
bundled list of the 2025 U.S. DOJ North Korean IT-worker defendants and seized domains) and
get a decision (``match``, ``review`` or ``clear``) with ranked hits and the evidence behind
each.

>>> import screening
>>> result = screening.screen(screening.Applicant(name="Kim Kwang-jin"))
>>> result.decision, result.hits[0].entry.name
(<Decision.MATCH: 'match'>, 'Kim Kwang Jin')
"""

from screening import accounts, domains, emails, names, phones, reasons
from screening._version import __version__
from screening.exceptions import (
    InputFileError,
    InvalidAccountError,
    InvalidApplicantError,
    InvalidDomainError,
    InvalidEmailError,
    InvalidIdentifierError,
    InvalidNameError,
    InvalidPhoneError,
    OutputFileError,
    PolicyError,
    ReviewError,
    ScreeningError,
    WatchlistError,
)
from screening.matching import Screener, screen
from screening.models import Applicant, EntryKind, Source, WatchlistEntry
from screening.policy import Policy
from screening.reasons import Reason
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
from screening.review import AllowList, ReviewDecision, applicant_key
from screening.watchlist import Watchlist, WatchlistChanges, load_watchlist, watchlist_changes

__all__ = [
    "AllowList",
    "Applicant",
    "Decision",
    "EntryKind",
    "Evidence",
    "Hit",
    "InputFileError",
    "InputProblem",
    "InvalidAccountError",
    "InvalidApplicantError",
    "InvalidDomainError",
    "InvalidEmailError",
    "InvalidIdentifierError",
    "InvalidNameError",
    "InvalidPhoneError",
    "Listing",
    "Method",
    "OutputFileError",
    "Policy",
    "PolicyError",
    "Reason",
    "ReviewDecision",
    "ReviewError",
    "Screener",
    "ScreeningError",
    "ScreeningResult",
    "Source",
    "TokenLink",
    "Watchlist",
    "WatchlistChanges",
    "WatchlistEntry",
    "WatchlistError",
    "__version__",
    "accounts",
    "applicant_key",
    "domains",
    "emails",
    "load_watchlist",
    "names",
    "phones",
    "reasons",
    "screen",
    "watchlist_changes",
]
