"""Masks personal data before text leaves the process (LLM providers, caches, logs)."""

from __future__ import annotations

import re

# Order matters: the most specific shapes are masked first so that a card number is not
# half-eaten by the phone pattern, and an e-mail's digits are gone before the digit rules run.
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
# 13 to 19 digits, optionally grouped by spaces or dashes: every payment card shape.
_CARD = re.compile(r"(?<![\w])(?:\d[ \-]?){12,18}\d(?![\w])")
# US SSN, and other national ids written as digit groups (e.g. 123-45-6789, 123 456 789).
_GOV_ID = re.compile(r"(?<![\w])\d{3}[ \-]\d{2}[ \-]\d{4}(?![\w])")
# A phone number: optional +country code, then 7 to 14 digits with the usual separators.
# ISO dates (2024-05-01) have the same shape but are useful context, so they are left alone.
_PHONE = re.compile(
    r"(?<![\w+])(?!\d{4}-\d{2}-\d{2}(?!\d))"
    r"(?:\+\d{1,3}[ \-.]?)?(?:\(\d{1,4}\)[ \-.]?)?(?:\d[ \-.]?){6,13}\d(?![\w])"
)
# Ids without separators (passport, tax, national numbers) are long digit runs.
_LONG_DIGITS = re.compile(r"(?<![\w])\d{9,}(?![\w])")
# "my name is Ada Lovelace" / "I'm called Ada": the name itself is personal data.
# Up to three capitalised words, or one word when typed in lower case ("my name is ada").
_NAME = re.compile(
    r"(?i:\b(my name is|my name's|my name was|i am called|i'm called)\s+)"
    r"([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2}|[a-z][\w'\-]+)"
)
_DIGIT_RUN = re.compile(r"\d[\d \-]{3,}\d")

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_EMAIL, "[email]"),
    (_IBAN, "[iban]"),
    (_CARD, "[card]"),
    (_GOV_ID, "[id]"),
    (_PHONE, "[phone]"),
    (_LONG_DIGITS, "[number]"),
)


def pii_mask(text: str) -> str:
    """Replace e-mails, phone/card/IBAN/id numbers and stated names with placeholders."""
    for pattern, placeholder in _RULES:
        text = pattern.sub(placeholder, text)
    return _NAME.sub(lambda m: f"{m.group(1)} [name]", text)


def pii_present(text: str) -> bool:
    """True when the text holds personal data, or a digit run long enough to be an account
    or order reference (which makes a reply specific to one person, so never cacheable)."""
    if pii_mask(text) != text:
        return True
    return any(
        sum(ch.isdigit() for ch in match.group(0)) >= 5 for match in _DIGIT_RUN.finditer(text)
    )
