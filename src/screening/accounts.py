"""Payment identifiers: crypto wallet addresses and bank accounts (IBAN).

The scheme moved money through virtual currency and seized financial accounts, and OFAC lists
digital currency addresses. An address is checked by its own rules before it is compared:

* Base58Check addresses (Bitcoin P2PKH ``1...`` and P2SH ``3...``, Litecoin, Tron, ...):
  the double-SHA-256 checksum; compared exactly, as Base58 is case-sensitive;
* Bech32 and Bech32m addresses (``bc1...``, ``ltc1...``; BIP 173 and BIP 350): the checksum;
  compared in lowercase, as the format is caseless;
* Ethereum addresses (``0x`` and 40 hex digits): the EIP-55 mixed-case checksum when the
  address is written in mixed case; compared in lowercase;
* IBANs (ISO 13616): the mod-97 check through ``python-stdnum``; compared without spaces,
  uppercase.

Anything else is refused with :class:`~screening.exceptions.InvalidAccountError`.

>>> normalize("0x52908400098527886E0F7030069857D2E4169EE7")
'0x52908400098527886e0f7030069857d2e4169ee7'
>>> normalize("de89 3704 0044 0532 0130 00")
'DE89370400440532013000'
>>> describe("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")
'Bitcoin address (P2PKH, Base58Check)'
"""

from __future__ import annotations

import functools
import hashlib
import re

from screening.exceptions import InvalidAccountError

__all__ = ["describe", "is_valid", "kind", "normalize"]

#: Longest input accepted before parsing.
MAX_ACCOUNT_LENGTH = 128

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_VERSIONS = {
    0x00: "Bitcoin address (P2PKH, Base58Check)",
    0x05: "Bitcoin address (P2SH, Base58Check)",
    0x30: "Litecoin address (Base58Check)",
    0x32: "Litecoin address (P2SH, Base58Check)",
    0x41: "Tron address (Base58Check)",
    0x1E: "Dogecoin address (Base58Check)",
    0x4C: "Dash address (Base58Check)",
}
_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_PREFIXES = {"bc": "Bitcoin", "tb": "Bitcoin testnet", "ltc": "Litecoin", "bcrt": "Bitcoin regtest"}
_ETHEREUM = re.compile(r"\A0x[0-9a-fA-F]{40}\Z")
_IBAN_SHAPE = re.compile(r"\A[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}\Z")


def _base58_decode(text: str) -> bytes | None:
    number = 0
    for char in text:
        digit = _BASE58.find(char)
        if digit < 0:
            return None
        number = number * 58 + digit
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading = len(text) - len(text.lstrip("1"))
    return b"\0" * leading + body


def _base58check(text: str) -> str | None:
    """The address's description when it is valid Base58Check of 25 bytes, else None."""
    raw = _base58_decode(text)
    if raw is None or len(raw) != 25:
        return None
    payload, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != checksum:
        return None
    return _BASE58_VERSIONS.get(payload[0], "Base58Check address")


def _bech32_polymod(values: list[int]) -> int:
    generators = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for index, generator in enumerate(generators):
            check ^= generator if (top >> index) & 1 else 0
    return check


def _bech32(text: str) -> str | None:
    """The address's description when it is valid Bech32 or Bech32m, else None."""
    if text.lower() != text and text.upper() != text:
        return None
    lowered = text.lower()
    prefix, separator, data = lowered.rpartition("1")
    if not separator or prefix not in _BECH32_PREFIXES or len(data) < 6:
        return None
    if any(char not in _BECH32_CHARSET for char in data):
        return None
    expanded = [ord(char) >> 5 for char in prefix] + [0] + [ord(char) & 31 for char in prefix]
    check = _bech32_polymod(expanded + [_BECH32_CHARSET.find(char) for char in data])
    variant = {1: "Bech32", 0x2BC830A3: "Bech32m"}.get(check)
    return f"{_BECH32_PREFIXES[prefix]} address ({variant})" if variant else None


_KECCAK_ROUND_CONSTANTS = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)  # fmt: skip
_KECCAK_ROTATIONS = (
    (0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56), (27, 20, 39, 8, 14),
)  # fmt: skip
_MASK = (1 << 64) - 1


def _keccak_f(state: list[list[int]]) -> None:
    for constant in _KECCAK_ROUND_CONSTANTS:
        columns = [state[x][0] ^ state[x][1] ^ state[x][2] ^ state[x][3] ^ state[x][4] for x in range(5)]
        for x in range(5):
            rotated = ((columns[(x + 1) % 5] << 1) | (columns[(x + 1) % 5] >> 63)) & _MASK
            for y in range(5):
                state[x][y] ^= columns[(x - 1) % 5] ^ rotated
        moved = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                shift = _KECCAK_ROTATIONS[x][y]
                lane = state[x][y]
                moved[y][(2 * x + 3 * y) % 5] = (
                    ((lane << shift) | (lane >> (64 - shift))) & _MASK if shift else lane
                )
        for x in range(5):
            for y in range(5):
                state[x][y] = moved[x][y] ^ (~moved[(x + 1) % 5][y] & moved[(x + 2) % 5][y])
        state[0][0] ^= constant


def keccak_256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (the original padding, not SHA3-256's).

    >>> keccak_256(b"").hex()[:16]
    'c5d2460186f7233c'
    """
    rate = 136
    if len(data) % rate == rate - 1:
        padded = bytearray(data) + b"\x81"  # one byte left: pad10*1 in a single byte
    else:
        padded = bytearray(data) + b"\x01" + b"\x00" * ((-len(data) - 2) % rate) + b"\x80"
    state = [[0] * 5 for _ in range(5)]
    for start in range(0, len(padded), rate):
        block = padded[start : start + rate]
        for index in range(rate // 8):
            state[index % 5][index // 5] ^= int.from_bytes(block[8 * index : 8 * index + 8], "little")
        _keccak_f(state)
    return b"".join(state[index % 5][index // 5].to_bytes(8, "little") for index in range(4))


def _ethereum(text: str) -> str | None:
    if not _ETHEREUM.match(text):
        return None
    digits = text[2:]
    if digits.lower() == digits or digits.upper() == digits:
        return "Ethereum address (no EIP-55 checksum written)"
    hashed = keccak_256(digits.lower().encode("ascii")).hex()
    for char, nibble in zip(digits, hashed[: len(digits)], strict=True):
        if char.isalpha() and char.isupper() != (int(nibble, 16) >= 8):
            raise InvalidAccountError(f"{text!r} is an Ethereum address whose EIP-55 checksum is wrong.")
    return "Ethereum address (EIP-55 checksum valid)"


def _iban(text: str) -> str | None:
    compact = re.sub(r"[\s-]", "", text).upper()
    if not _IBAN_SHAPE.match(compact):
        return None
    from stdnum import iban  # python-stdnum: loaded on first use

    if not iban.is_valid(compact):
        raise InvalidAccountError(f"{text!r} looks like an IBAN but its check digits are wrong.")
    return f"IBAN ({compact[:2]})"


@functools.lru_cache(maxsize=4096)
def _classify(text: str) -> tuple[str, str]:
    """(kind, description) of a stripped account value, or raise."""
    if text.lower().startswith("0x"):
        found = _ethereum(text)
        if found:
            return "ethereum", found
        raise InvalidAccountError(f"{text!r} is not an Ethereum address: it needs 0x and 40 hex digits.")
    found = _bech32(text)
    if found:
        return "bech32", found
    found = _base58check(text)
    if found:
        return "base58", found
    found = _iban(text)
    if found:
        return "iban", found
    raise InvalidAccountError(
        f"{text!r} is not a recognized account: not a Base58Check, Bech32 or Ethereum address"
        " with a valid checksum, nor a valid IBAN."
    )


def _checked(value: object) -> tuple[str, str, str]:
    if not isinstance(value, str):
        raise InvalidAccountError(f"An account must be a string, not {type(value).__name__}.")
    if len(value) > MAX_ACCOUNT_LENGTH:
        raise InvalidAccountError(
            f"An account may be at most {MAX_ACCOUNT_LENGTH} characters long; this one has {len(value)}."
        )
    text = value.strip()
    found_kind, description = _classify(text)
    if found_kind in {"ethereum", "bech32"}:
        return found_kind, description, text.lower()
    if found_kind == "iban":
        return found_kind, description, re.sub(r"[\s-]", "", text).upper()
    return found_kind, description, text


def normalize(value: str, /) -> str:
    """Return the form an account is compared in (see the module docstring).

    Raises:
        InvalidAccountError: the value is no recognized account, or its checksum is wrong.
    """
    return _checked(value)[2]


def kind(value: str, /) -> str:
    """``base58``, ``bech32``, ``ethereum`` or ``iban``.

    Raises:
        InvalidAccountError: as :func:`normalize`.
    """
    return _checked(value)[0]


def describe(value: str, /) -> str:
    """A short description, e.g. ``Bitcoin address (P2PKH, Base58Check)`` or ``IBAN (DE)``.

    Raises:
        InvalidAccountError: as :func:`normalize`.
    """
    return _checked(value)[1]


def is_valid(value: object, /) -> bool:
    """Tell whether :func:`normalize` accepts ``value``."""
    try:
        _checked(value)
    except InvalidAccountError:
        return False
    return True
