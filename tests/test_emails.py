"""Tests of email normalization and comparison keys."""

from __future__ import annotations

import pytest

from screening import emails
from screening.exceptions import InvalidEmailError


def test_normalized_form_keeps_local_part_case() -> None:
    """The normalized form keeps the local part as written and lowercases the domain."""
    assert "Tong.Yuze@jswc.com.cn" == emails.normalize("Tong.Yuze@JSWC.com.cn")


def test_comparison_key_is_caseless() -> None:
    """Two addresses that differ only in case share a comparison key."""
    assert emails.comparison_key("TongYuze@jswc.com.cn") == emails.comparison_key("tongyuze@JSWC.COM.CN")


def test_internationalized_domain_is_ascii_in_key() -> None:
    """An internationalized domain is compared in punycode."""
    assert "x@xn--bcher-kva.de" == emails.comparison_key("x@bücher.de")


@pytest.mark.parametrize("value", ["plainaddress", "a@", "@example.com", "a b@example.com", "a@@b.com"])
def test_invalid_addresses_are_refused(value: str) -> None:
    """Syntactically invalid addresses raise InvalidEmailError naming the value."""
    with pytest.raises(InvalidEmailError, match=f"{value!r} is not a valid email address"):
        emails.normalize(value)


def test_is_valid() -> None:
    """is_valid is True for an address and False for anything else."""
    assert emails.is_valid("hr@example.org")
    assert not emails.is_valid(None)
