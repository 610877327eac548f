"""The DRF JSON parser every API uses (REST_FRAMEWORK DEFAULT_PARSER_CLASSES): depth-bounded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils.json import strict_constant

from core.jsonlimits import JsonTooDeep, json_loads_bounded


class BoundedJSONParser(JSONParser):
    """JSONParser that answers 400 for JSON nested deeper than settings.JSON_MAX_DEPTH."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        # DRF's strict mode: NaN and Infinity are not JSON.
        options: dict[str, Any] = {"parse_constant": strict_constant} if self.strict else {}
        try:
            raw = stream.read()
            text = raw.decode(encoding) if isinstance(raw, bytes) else str(raw)
            return json_loads_bounded(text, **options)
        except JsonTooDeep as exc:
            raise ParseError(str(exc)) from exc
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
