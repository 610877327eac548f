"""Text normalisation that undoes the usual disguises before crisis rules and the model run."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

# Latin look-alikes from Cyrillic and Greek, applied only inside tokens that also hold a
# Latin letter, so that genuine Russian or Greek text is left alone.
_CONFUSABLES = str.maketrans(
    "\u0430\u0432\u0435\u0451\u043a\u043c\u043d\u043e"
    "\u0440\u0441\u0442\u0443\u0445\u0455\u0456\u0457"
    "\u0458\u0501\u04cf\u0269\u0261\u03b1\u03b2\u03b5"
    "\u03b7\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5"
    "\u03c7\u0461",
    "abeekmhopctyxsiijdligabenikvoptuxw",
)
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)
_TOKEN = re.compile(r"[^\s.,;:?\"()\[\]{}<>/\\]+")
# Numbers people write next to letters for reasons other than disguise: 2nd, 10pm, 5mg, mp3.
_ORDINARY_ALNUM = re.compile(r"\d+(?:st|nd|rd|th|s|am|pm|k|m|h|hrs?|mins?|mg|ml|g|kg|x|gb|mb|%)?")
_LEET_CHARS = frozenset("013457 8@$!|")
_INNER_BANG = re.compile(r"(?<=[a-z])[!|](?=[a-z])")
# Three or more single letters split by spaces, dots, dashes or stars: "k i l l", "s.u.i.c.i.d.e"
_SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z][ .\-_*]{1,2}){2,}[a-z](?![a-z0-9])")
_RUN3 = re.compile(r"([a-z])\1{2,}")
_WHITESPACE = re.compile(r"\s+")


def _is_latin_letter(ch: str) -> bool:
    return "a" <= ch <= "z"


def _fix_token(token: str, known: Container[str]) -> str:
    if any(not ch.isascii() for ch in token) and any(_is_latin_letter(ch) for ch in token):
        token = token.translate(_CONFUSABLES)
    if (
        any(ch in _LEET_CHARS for ch in token)
        and any(_is_latin_letter(ch) for ch in token)
        and not _ORDINARY_ALNUM.fullmatch(token)
    ):
        token = _INNER_BANG.sub("i", token).translate(_LEET)
    if _RUN3.search(token):
        # "killlll" -> "kill", "diiiie" -> "die": prefer whichever squeeze is a known word.
        twice = _RUN3.sub(r"\1\1", token)
        once = _RUN3.sub(r"\1", token)
        token = once if once in known and twice not in known else twice
    return token


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# "300 kms" is a distance, never the slang "kms" (kill myself): the unit after a number is
# spelled the one way the models have no risk reading for.
_DISTANCE = re.compile(r"(\d)\s*kms\b")


def normalize(text: str, *, known: Container[str] = frozenset()) -> str:
    """Lower-case, de-disguised text: confusables, leetspeak, spaced letters, elongations.

    `known` is a lexicon used to choose between squeezing "diiie" to "die" or "diie".
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).translate(_QUOTES).casefold()
    text = _strip_marks(text)
    text = _DISTANCE.sub(r"\1 km", text)
    text = _TOKEN.sub(lambda m: _fix_token(m.group(0), known), text)
    text = _SPACED.sub(lambda m: re.sub(r"[ .\-_*]", "", m.group(0)), text)
    return _WHITESPACE.sub(" ", text).strip()
