"""Phrasing libraries per locale; a locale without its own library falls back to English."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from empathy.replies.phrasings import de, en, es, fr, it, pt

DEFAULT_LOCALE = "en"


@dataclass(frozen=True, slots=True)
class PhrasingLibrary:
    """One locale's curated lines; ``version`` names the reviewed set a reply came from."""

    locale: str
    version: str
    slots: dict[str, tuple[str, ...]]
    lines: dict[str, dict[str, dict[str, tuple[str, ...]]]]
    safety_first: tuple[str, ...]
    bridge_a: tuple[str, ...]
    bridge_b: tuple[str, ...]


def _load(locale: str, module: ModuleType) -> PhrasingLibrary:
    return PhrasingLibrary(
        locale=locale,
        version=module.VERSION,
        slots=module.SLOTS,
        lines=module.LIBRARY,
        safety_first=module.SAFETY_FIRST,
        bridge_a=module.BRIDGE_A,
        bridge_b=module.BRIDGE_B,
    )


# A new locale is one module shaped like ``en`` plus one entry here. The other languages are
# written natively (not translated line by line) and never use {topic}: topic extraction reads
# English only.
LIBRARIES: dict[str, PhrasingLibrary] = {
    code: _load(code, module)
    for code, module in (("en", en), ("es", es), ("fr", fr), ("de", de), ("pt", pt), ("it", it))
}


def phrasing_library(locale: str) -> PhrasingLibrary:
    """Return the library for ``locale`` ("pt-BR" tries "pt-br", then "pt", then English)."""
    code = (locale or DEFAULT_LOCALE).strip().lower().replace("_", "-")
    for candidate in (code, code.split("-", 1)[0]):
        library = LIBRARIES.get(candidate)
        if library is not None:
            return library
    return LIBRARIES[DEFAULT_LOCALE]
