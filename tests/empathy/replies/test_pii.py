"""Personal data is masked before text leaves the process."""

from __future__ import annotations

import pytest

from empathy.replies import pii_mask, pii_present


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        pytest.param("mail me at ada.l@example.co.uk", "mail me at [email]", id="email"),
        pytest.param("card 4111 1111 1111 1111 ok", "card [card] ok", id="card-spaced"),
        pytest.param("card 4111-1111-1111-1111", "card [card]", id="card-dashed"),
        pytest.param("card 4111111111111111", "card [card]", id="card-plain"),
        pytest.param("call +44 20 7946 0958 now", "call [phone] now", id="phone-intl"),
        pytest.param("phone (555) 123-4567", "phone [phone]", id="phone-us"),
        pytest.param("ssn 123-45-6789", "ssn [id]", id="ssn"),
        pytest.param("IBAN DE89 3704 0044 0532 0130 00", "IBAN [iban]", id="iban"),
        pytest.param("passport 123456789", "passport [phone]", id="long-digit-id"),
        pytest.param(
            "my name is Ada Lovelace and I am sad",
            "my name is [name] and I am sad",
            id="name-capitalised",
        ),
        pytest.param("my name is ada and", "my name is [name] and", id="name-lowercase"),
        pytest.param("order 12345 is late", "order 12345 is late", id="short-order-number-kept"),
        pytest.param("ordered on 2024-05-01", "ordered on 2024-05-01", id="iso-date-kept"),
        pytest.param("my password reset failed", "my password reset failed", id="no-pii"),
    ],
)
def test_pii_mask(text: str, masked: str) -> None:
    assert pii_mask(text) == masked


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("where is my order", False),
        ("order 12345 is late", True),
        ("write to a@b.io", True),
        ("my name is Ada", True),
        ("I paid 49.99", False),
    ],
)
def test_pii_present(text: str, present: bool) -> None:
    assert pii_present(text) is present
