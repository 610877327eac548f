"""Normalisation undoes disguises and leaves ordinary text readable."""

from __future__ import annotations

import pytest

from empathy.crisis.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I Want To KILL Myself", "i want to kill myself"),
        ("k1ll mys3lf", "kill myself"),
        ("$u1c1d3", "suicide"),
        ("k i l l myself", "kill myself"),
        ("s.u.i.c.i.d.e", "suicide"),
        ("k-i-l-l me", "kill me"),
        ("k\u0456ll", "kill"),  # Cyrillic i
        ("\uff4b\uff49\uff4c\uff4c", "kill"),  # full-width
        ("ki\u200bll", "kill"),  # zero-width space
        ("I\u2019m", "i'm"),
        ("café", "cafe"),
        ("killlllll", "kill"),
    ],
)
def test_disguises_are_undone(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_elongation_prefers_a_known_word() -> None:
    assert normalize("i want to diiiie", known={"die"}) == "i want to die"
    assert normalize("sooooo tired", known={"so"}) == "so tired"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("order 2nd at 10pm, 5mg", "order 2nd at 10pm, 5mg"),
        ("Я хочу вернуть заказ", "я хочу вернуть заказ"),
        ("call 911", "call 911"),
    ],
)
def test_ordinary_numbers_and_other_scripts_are_kept(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("we drove 300 kms to the store", "we drove 300 km to the store"),
        ("it's 5kms away", "it's 5 km away"),
        ("gonna kms", "gonna kms"),
    ],
)
def test_a_distance_is_not_read_as_the_slang(raw: str, expected: str) -> None:
    assert normalize(raw) == expected
