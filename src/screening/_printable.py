"""Text from input or a list file made safe to print on a terminal.

An applicant's name, a listed note or a reviewer's reason may hold control characters: an
escape sequence (``ESC[1A ESC[2K``) moves the cursor and erases what was printed before it,
and a bidi override (U+202E) shows the text after it reversed. Printed raw beside a decision,
such a value can rewrite what a reviewer sees. Every character that is not printable
(``str.isprintable``: controls, format characters such as bidi controls and zero-width
joiners, line and paragraph separators, unassigned code points) is written as its Python
escape instead, so the value stays readable and cannot act on the terminal.

>>> printable("Wang\\x1b[2K\\u202eGNAW")
'Wang\\\\x1b[2K\\\\u202eGNAW'
>>> printable("Zhōu Bǎoyù 周宝玉")
'Zhōu Bǎoyù 周宝玉'
"""

from __future__ import annotations

import json

__all__ = ["printable", "printable_json"]


def printable(value: object, /) -> str:
    """The value as text, every unprintable character written as its escape (``\\x1b``,
    ``\\u202e``); ordinary spaces are kept."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable_json(value: object, /, *, indent: int | None = None) -> str:
    """``value`` as JSON (UTF-8 letters kept) with every unprintable character inside a
    string written as a JSON ``\\u`` escape: the same data, safe to print.

    >>> printable_json({"name": "\\u202eGNAW"})
    '{"name": "\\\\u202eGNAW"}'
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if text.isprintable():
        return text
    # Outside strings JSON has only printable ASCII and the indent's line breaks, which stay.
    return "".join(char if char.isprintable() or char in " \n" else _json_escape(char) for char in text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
