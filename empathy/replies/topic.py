"""Finds the thing the visitor is talking about ("your order", "the invoice") to fill replies."""

from __future__ import annotations

import re
from typing import Final

# Only the start of a message is read: topics are stated early and this bounds the work.
_SCAN_CHARS: Final = 600
_MAX_TOPIC_CHARS: Final = 40

# Support topics, most specific first. Each maps what visitors write to one canonical noun
# phrase, so the reply reads naturally whatever the visitor's wording was.
_KNOWN: Final[tuple[tuple[str, str], ...]] = (
    (
        r"password reset|reset(?:ting)? (?:my |the |your )?password"
        r"|forgot(?:ten)? (?:my )?password",
        "password reset",
    ),
    (r"tracking (?:number|code|link)", "tracking number"),
    (r"two[- ]factor|2fa|verification code|one[- ]time code", "verification code"),
    (r"credit card|debit card|bank card|card payment", "card payment"),
    (r"refund", "refund"),
    (r"invoice", "invoice"),
    (r"receipt", "receipt"),
    (r"bill(?:ing)?\b", "bill"),
    (r"(?:double |duplicate |extra )?charge[ds]?\b", "charge"),
    (r"payment", "payment"),
    (r"subscription|membership", "subscription"),
    (r"cancell?ation|cancel(?:ling|ing)?\b", "cancellation"),
    (r"deliver(?:y|ies)", "delivery"),
    (r"shipment|shipping", "shipment"),
    (r"parcel|package", "package"),
    (r"order", "order"),
    (r"return|exchange", "return"),
    (r"warranty|guarantee", "warranty"),
    (r"booking|reservation", "booking"),
    (r"appointment", "appointment"),
    (r"log(?:ging)? ?in|sign(?:ing)? ?in|login", "signing in"),
    (r"account", "account"),
    (r"password", "password"),
    (r"app\b|application", "app"),
    (r"website|site\b|web page", "website"),
    (r"upgrade|downgrade", "plan change"),
    (r"plan\b|pricing|price", "plan"),
    (r"device|phone|laptop|router|modem", "device"),
)
# Things a person owns in a support relation: without a determiner they read as "your ...".
_OWNED: Final = frozenset(
    {
        "password reset",
        "tracking number",
        "verification code",
        "card payment",
        "refund",
        "invoice",
        "receipt",
        "bill",
        "charge",
        "payment",
        "subscription",
        "cancellation",
        "delivery",
        "shipment",
        "package",
        "order",
        "return",
        "warranty",
        "booking",
        "appointment",
        "account",
        "password",
        "plan change",
        "plan",
        "device",
    }
)
# Words allowed between the determiner and the noun ("my last order", "the new invoice").
_MODIFIERS: Final = frozenset(
    {
        "last",
        "latest",
        "recent",
        "new",
        "first",
        "second",
        "previous",
        "current",
        "monthly",
        "annual",
        "yearly",
        "online",
        "mobile",
        "old",
        "next",
        "missing",
        "late",
        "delayed",
        "damaged",
        "broken",
        "wrong",
        "pending",
        "final",
        "original",
        "free",
        "premium",
        "march",
    }
)
# Activities read without a determiner ("trouble with signing in").
_BARE: Final = frozenset({"signing in"})
_DETERMINERS: Final = {
    "my": "your",
    "our": "your",
    "the": "the",
    "this": "the",
    "that": "the",
    "your": "the",
    "mine": "your",
}

_KNOWN_RE: Final = tuple(
    (re.compile(rf"\b(?:{pattern})"), canonical) for pattern, canonical in _KNOWN
)
_WORD_BEFORE: Final = re.compile(r"([a-z]+)\s+(?:([a-z]+)\s+)?$")
# "my <noun>" for anything outside the list above, kept short and only for plain words.
_GENERIC: Final = re.compile(r"\bmy\s+([a-z]{3,15})(?:\s+([a-z]{3,15}))?\b")
_GENERIC_STOP: Final = frozenset(
    """
    own self fault mind life head heart way time money god goodness bad question problem issue
    concern point friend friends family husband wife partner son daughter mother father mom
    dad kids kid child children boss job work home house side end experience patience day
    week month year name email number phone address best last first only favourite favorite
    is was has had have will would can could should am are been being did does do not never
    just really very so too also still already and but or if then than that this which who
    what when where why how with without for from into onto about because since until while
    again ever even here there now today yesterday tomorrow
    """.split()  # noqa: SIM905  (a word list reads better as text)
)


def topic_extract(text: str) -> str | None:
    """Return a short noun phrase for what the message is about, or None when unsure.

    The result is built only from known words or short lowercase letter runs, in the bot's
    voice ("my order" becomes "your order"), never longer than 40 characters.
    """
    scan = text[:_SCAN_CHARS].lower()
    # List order puts specific phrases ("password reset") before general ones ("password").
    for pattern, canonical in _KNOWN_RE:
        match = pattern.search(scan)
        if match is not None:
            return _with_determiner(scan[: match.start()], canonical)
    generic = _GENERIC.search(scan)
    if generic is None:
        return None
    words = [w for w in generic.groups() if w]
    if words[0] in _GENERIC_STOP:
        return None
    if len(words) == 2 and words[1] in _GENERIC_STOP:
        words = words[:1]
    phrase = "your " + " ".join(words)
    return phrase if len(phrase) <= _MAX_TOPIC_CHARS else None


def _with_determiner(before: str, canonical: str) -> str:
    if canonical in _BARE:
        return canonical
    match = _WORD_BEFORE.search(before)
    determiner = None
    modifier = ""
    if match:
        first, second = match.group(1), match.group(2)
        if second is None:
            if first in _DETERMINERS:
                determiner = _DETERMINERS[first]
        elif first in _DETERMINERS and second in _MODIFIERS:
            determiner, modifier = _DETERMINERS[first], second + " "
        elif second in _DETERMINERS:
            determiner = _DETERMINERS[second]
    if determiner is None:
        determiner = "your" if canonical in _OWNED else "the"
    return f"{determiner} {modifier}{canonical}"
