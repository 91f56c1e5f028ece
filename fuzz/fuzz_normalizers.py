"""Coverage-guided fuzzing of the normalizers and of screening itself, with atheris.

Run outside CI, for a bounded time (atheris is not a dependency of screening)::

    pip install atheris
    python fuzz/fuzz_normalizers.py -max_total_time=600

Every normalizer may only return a value or raise a ScreeningError subclass; screening an
applicant built from the fuzzed text may only return a result. Anything else is a crash that
atheris reports with the input that caused it.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import screening
    from screening import accounts, domains, emails, names, phones, translit

NORMALIZERS = (
    names.normalize,
    emails.normalize,
    emails.mailbox_key,
    emails.local_part_name,
    phones.normalize,
    domains.normalize,
    accounts.normalize,
    translit.latin,
    translit.readings,
)
SCREENER = screening.Screener()


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 300))
    for normalize in NORMALIZERS:
        with contextlib.suppress(screening.ScreeningError):
            normalize(text)
    try:
        applicant = screening.Applicant(
            name=text or "x", emails=[text] if text.strip() else [], websites=[text] if text.strip() else []
        )
    except screening.ScreeningError:
        return
    SCREENER.screen(applicant)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
