"""Bounded JSON parsing for everything clients send (HTTP bodies and websocket frames).

Python's json module recurses once per nesting level, so a 60 KB body of `[` raises
RecursionError deep inside the parser (a 500, or a socket dropped with 1006). The depth is
measured on the raw text first, which costs one linear scan and no recursion.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.conf import settings

# A JSON string literal (escapes included): brackets inside strings do not nest.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class JsonTooDeep(ValueError):
    """The text nests arrays and objects deeper than the limit."""


def json_depth_exceeds(text: str, limit: int) -> bool:
    """True when `text` opens more than `limit` arrays or objects inside each other.

    Unterminated strings leave their brackets counted, which can only refuse text that is not
    valid JSON anyway.
    """
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def json_loads_bounded(text: str | bytes, *, max_depth: int | None = None, **kwargs: Any) -> Any:
    """json.loads, refusing (JsonTooDeep, a ValueError) text nested deeper than the limit.

    Raises ValueError (json.JSONDecodeError, UnicodeDecodeError) for anything malformed, never
    RecursionError.
    """
    limit = settings.JSON_MAX_DEPTH if max_depth is None else max_depth
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if json_depth_exceeds(text, limit):
        raise JsonTooDeep(f"JSON nested deeper than {limit} levels.")
    return json.loads(text, **kwargs)
