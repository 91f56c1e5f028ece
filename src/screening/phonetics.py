"""Phonetic keys for name tokens (jellyfish).

A phonetic key groups spellings that sound alike in English: Metaphone maps ``wang`` and
``wong`` to ``WNK``. Keys are computed for tokens written in ASCII letters only; tokens in
other scripts, or with digits, have no key (the empty string), so they are never linked by
sound. Keys are cached per token.

>>> metaphone_key("wong") == metaphone_key("wang")
True
>>> metaphone_key("김광진")
''
"""

from __future__ import annotations

import functools

import jellyfish

__all__ = ["metaphone_key"]


@functools.lru_cache(maxsize=16384)
def metaphone_key(token: str, /) -> str:
    """Return the Metaphone key of an ASCII-letter token, or ``''`` for any other token."""
    if not token.isascii() or not token.isalpha():
        return ""
    return str(jellyfish.metaphone(token))
