"""The Spanish, French, German, Portuguese and Italian libraries: same shape as the English one,
the same rules for every line, and a reply in the visitor's language through the responder."""

from __future__ import annotations

import pytest

from empathy.replies.offline import OfflineResponder
from empathy.replies.phrasings import LIBRARIES
from empathy.replies.safety import celebrates, output_problem, sentences_split
from empathy.types import ReplyRequest

OTHER = ("es", "fr", "de", "pt", "it")
ENGLISH = LIBRARIES["en"]


def _lines(code: str):  # type: ignore[no-untyped-def]
    library = LIBRARIES[code]
    for strategy, slots in library.lines.items():
        for slot, groups in slots.items():
            for group, lines in groups.items():
                for line in lines:
                    yield strategy, slot, group, line


@pytest.mark.parametrize("code", OTHER)
def test_same_strategies_slots_and_groups_as_english_with_at_least_as_many_lines(
    code: str,
) -> None:
    library = LIBRARIES[code]
    assert library.slots == ENGLISH.slots
    assert library.version.startswith(f"{code}-")
    for strategy, slots in ENGLISH.lines.items():
        for slot, groups in slots.items():
            assert set(library.lines[strategy][slot]) == set(groups)
            for group, lines in groups.items():
                assert len(library.lines[strategy][slot][group]) >= len(lines), (strategy, slot)
    assert len(library.safety_first) == len(ENGLISH.safety_first)
    assert len(library.bridge_a) == len(library.bridge_b) == 8


@pytest.mark.parametrize("code", OTHER)
def test_every_line_follows_the_rules(code: str) -> None:
    seen: set[str] = set()
    for strategy, slot, _group, line in _lines(code):
        assert "{topic}" not in line
        assert output_problem(line) is None, line
        if strategy != "celebrate":
            assert not celebrates(line), line
        if "\n1." not in line:
            assert len(sentences_split(line)) == 1, line
        assert line not in seen, line
        seen.add(line)
        if strategy == "check_in" and slot == "ask":
            assert line.rstrip().endswith("?"), line


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("es", "mi pedido no ha llegado"),
        ("fr", "mon colis n'est pas arrivé"),
        ("de", "meine Bestellung ist nicht angekommen"),
        ("pt", "meu pedido não chegou"),
        ("it", "il mio ordine non è arrivato"),
    ],
)
def test_the_responder_answers_from_the_visitor_language_library(code: str, text: str) -> None:
    draft = OfflineResponder().generate(
        ReplyRequest(text=text, reading=None, strategy="inform", locale=code)
    )
    own = {line for *_rest, line in _lines(code)}
    bridges = {f"{a} — {b}" for a in LIBRARIES[code].bridge_a for b in LIBRARIES[code].bridge_b}
    assert draft.sentences
    assert set(draft.sentences) <= own | bridges
    assert draft.model == LIBRARIES[code].version
