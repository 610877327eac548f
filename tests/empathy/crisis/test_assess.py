"""assess_crisis: one case per rule in six languages, near misses, negation, build-up, language,
who is in danger, harm semantics, fail-closed, odd input."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from empathy.crisis import CRISIS_RULES, assess_crisis
from empathy.crisis import assess as assess_module
from empathy.types import CrisisAssessment

RULE_CASES = [
    pytest.param("I want to kill myself", "crisis", "explicit_intent", id="explicit-kill-myself"),
    pytest.param(
        "I'm going to end my life tonight", "crisis", "explicit_intent", id="explicit-end-life"
    ),
    pytest.param("I've been cutting myself again", "crisis", "self_harm", id="self-harm-cutting"),
    pytest.param(
        "I wish I could sleep and never wake up",
        "crisis",
        "passive_ideation",
        id="passive-never-wake",
    ),
    pytest.param(
        "everyone would be better off without me",
        "crisis",
        "passive_ideation",
        id="passive-better-off-without-me",
    ),
    pytest.param("honestly kms", "crisis", "coded_language", id="coded-kms"),
    pytest.param("i just want to unalive myself", "crisis", "coded_language", id="coded-unalive"),
    pytest.param("thinking about sewer slide", "crisis", "coded_language", id="coded-sewer-slide"),
    pytest.param("i want to k1ll mys3lf", "crisis", "explicit_intent", id="coded-leetspeak"),
    pytest.param("gonna k i l l myself", "crisis", "explicit_intent", id="coded-spaced-letters"),
    pytest.param(
        "I want to k\u0456ll mys\u0435lf",
        "crisis",
        "explicit_intent",
        id="coded-cyrillic-confusables",
    ),
    pytest.param("i want to killlll myselfff", "crisis", "explicit_intent", id="coded-elongated"),
    pytest.param(
        "I have the pills in front of me", "crisis", "method_means", id="method-pills-in-front"
    ),
    pytest.param("I'm standing on the bridge", "crisis", "method_means", id="method-bridge"),
    pytest.param(
        "I wrote goodbye letters to my family", "crisis", "preparatory", id="preparatory-letters"
    ),
    pytest.param(
        "I've been giving away my things", "crisis", "preparatory", id="preparatory-giving-away"
    ),
    pytest.param(
        "he hits me and I'm scared to go home",
        "crisis",
        "danger_from_others",
        id="danger-from-partner",
    ),
    pytest.param("I feel so hopeless", "concern", "hopelessness", id="hopelessness-concern"),
    # The rule's floor is concern; the model reads worry about someone else's life as a crisis
    # (help lines for them, a crisis-trained person now).
    pytest.param(
        "my friend says she wants to kill herself",
        "crisis",
        "third_party_risk",
        id="third-party",
    ),
    pytest.param("Quiero suicidarme", "crisis", "explicit_intent", id="es-explicit"),
    pytest.param("ya no quiero vivir más", "crisis", "passive_ideation", id="es-passive"),
    pytest.param("Je veux mourir", "crisis", "explicit_intent", id="fr-explicit"),
    pytest.param("je ne veux plus vivre", "crisis", "passive_ideation", id="fr-passive"),
    pytest.param("Ich will nicht mehr leben", "crisis", "passive_ideation", id="de-passive"),
    pytest.param("ich bringe mich heute um", "crisis", "explicit_intent", id="de-explicit"),
    pytest.param("vou me matar hoje", "crisis", "explicit_intent", id="pt-explicit"),
    pytest.param("não quero mais viver", "crisis", "passive_ideation", id="pt-passive"),
    pytest.param("voglio farla finita", "crisis", "explicit_intent", id="it-explicit"),
    pytest.param("non voglio più vivere", "crisis", "passive_ideation", id="it-passive"),
]


@pytest.mark.parametrize(("text", "level", "rule"), RULE_CASES)
def test_each_rule_fires_at_its_level(text: str, level: str, rule: str) -> None:
    result = assess_crisis(text)
    assert result.level == level
    assert rule in result.rules


NEAR_MISSES = [
    "this bug is killing me",
    "how do I kill the process that hangs?",
    "I'd die for a dark mode",
    "how do I end my subscription?",
    "just killing time until the update lands",
    "my battery is dead",
    "this joke killed me",
    "the wait is killing me lol",
    "I'm dying to try the new version",
    "can you terminate my contract at the end of the month?",
    "how do I cut the video before exporting?",
    "the server died again overnight",
    "I nearly died laughing at the release notes",
    "please shoot me an email with the invoice",
    "we drove 300 kms to get to the store",
    "How do I delete my account and all my data?",
]


NEAR_MISSES_OTHER_LANGUAGES = [
    "me muero de risa con el nuevo anuncio",
    "este error me está matando, ¿cuándo lo arreglan?",
    "je suis mort de fatigue, le colis n'arrive jamais",
    "je veux en finir avec cet abonnement",
    "das bringt mich noch um, die App stürzt ständig ab",
    "ich sterbe vor Langeweile in der Warteschleife",
    "tô morta de cansaço, cadê o meu pedido?",
    "vou me matar de rir com esse atraso",
    "questo ritardo mi ammazza",
    "sono morto di sonno, rispondete domani",
]


@pytest.mark.parametrize("text", NEAR_MISSES + NEAR_MISSES_OTHER_LANGUAGES, ids=lambda t: t[:40])
def test_idioms_and_homonyms_do_not_fire(text: str) -> None:
    result = assess_crisis(text)
    assert (result.level, result.rules, result.topics) == ("none", (), ())
    assert result.score < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I'm not going to kill myself, but I feel awful",
        "I would never kill myself, don't worry",
        "I don't want to die, I just want the noise to stop",
        "I'm not suicidal, just tired of this week",
        "I have no intention of killing myself",
        "lol I'm going to kill myself jk",
        "no voy a suicidarme, solo estoy enfadado",
        "je ne vais pas me suicider, je suis juste énervé",
    ],
    ids=[
        "not-going-to",
        "would-never",
        "dont-want-to-die",
        "not-suicidal",
        "no-intention",
        "hedged-jk",
        "es-negated",
        "fr-negated",
    ],
)
def test_negated_or_hedged_sets_no_floor_and_is_never_crisis(text: str) -> None:
    result = assess_crisis(text)
    assert result.level in {"none", "concern"}
    assert "negated_or_hedged" in result.rules
    assert result.score < 0.8
    assert result.harm is True


def test_negation_does_not_cover_a_separate_risk_statement() -> None:
    result = assess_crisis("I'm not going to kill myself today. I have the pills in front of me.")
    assert result.level == "crisis"
    assert {"method_means", "negated_or_hedged"} <= set(result.rules)


def test_cant_stop_thinking_is_not_a_negation() -> None:
    result = assess_crisis("I can't stop thinking about killing myself")
    assert result.level == "crisis"
    assert "negated_or_hedged" not in result.rules


CONCERNS = ["I feel like a burden", "I feel so hopeless", "I cannot cope anymore"]


def test_a_sure_model_reading_without_harm_words_is_a_crisis() -> None:
    # Perceived burdensomeness names no death or harm: the model alone calls it a crisis only
    # above its surer threshold for such messages, which this one is.
    result = assess_crisis("no one would miss me")
    assert result.level == "crisis"
    assert "classifier" in result.rules
    assert result.topics == ("self",)


def test_concern_messages_in_a_row_build_up_to_crisis() -> None:
    assert [assess_crisis(t).level for t in CONCERNS] == ["concern", "concern", "concern"]
    result = assess_crisis(CONCERNS[2], history=CONCERNS[:2])
    assert result.level == "crisis"
    assert "history_buildup" in result.rules
    assert result.score >= 0.8


def test_build_up_needs_the_run_unbroken() -> None:
    history = [CONCERNS[0], "ok thanks, where is my order #1234?"]
    result = assess_crisis(CONCERNS[2], history=history)
    assert result.level == "concern"
    assert "history_buildup" not in result.rules


def test_calm_message_after_concerns_is_not_raised() -> None:
    result = assess_crisis("thanks, that fixed my login", history=CONCERNS)
    assert result.level == "none"


def test_fails_closed_when_the_assessment_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(assess_module, "rule_hits", broken)
    assert assess_crisis("hello there", prior_language="fr") == CrisisAssessment(
        level="crisis",
        rules=("assessment_error",),
        score=1.0,
        language="fr",
        topics=("self",),
        harm=True,
    )


def test_fails_closed_when_the_model_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    from empathy.crisis.model import CrisisModelError

    def missing() -> None:
        raise CrisisModelError("checksum mismatch")

    monkeypatch.setattr(assess_module, "default_model", missing)
    assert assess_crisis("hello").level == "crisis"
    assert assess_crisis("hello").rules == ("assessment_error",)


def test_error_log_never_contains_the_message(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str, *, known: object) -> str:
        raise ValueError(text)

    monkeypatch.setattr(assess_module, "normalize", broken)
    assess_crisis("secret personal words")
    assert "secret personal words" not in caplog.text
    assert "ValueError" in caplog.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😭😭😭🙏",
        "a" * 100_000,
        "kill myself " * 9_000,
        "Quiero ayuda con mi pedido, por favor",
        "Я хочу вернуть заказ",
        "注文をキャンセルしたいです",
        "\x00\ud800 broken surrogate",
        "k" + "\u200b" * 5000,
    ],
    ids=[
        "empty",
        "whitespace",
        "emoji-only",
        "100kB",
        "100kB-of-risk",
        "spanish",
        "russian",
        "japanese",
        "nul-and-surrogate",
        "zero-width-flood",
    ],
)
def test_malformed_input_never_raises_and_stays_in_range(text: str) -> None:
    result = assess_crisis(text)
    assert result.rules != ("assessment_error",)
    assert result.level in {"none", "concern", "crisis"}
    assert 0.0 <= result.score <= 1.0


def test_benign_other_languages_and_emoji_are_none() -> None:
    for text in ("😭😭😭🙏", "Я хочу вернуть заказ", "注文をキャンセルしたいです", ""):
        assert assess_crisis(text).level == "none"


def test_a_100kb_message_with_risk_in_the_middle_is_still_caught() -> None:
    text = "order status? " * 4000 + "I want to end my life" + " ok." * 4000
    assert assess_crisis(text).level == "crisis"


def test_non_string_input_fails_closed() -> None:
    assert assess_crisis(None).level == "crisis"  # type: ignore[arg-type]


def test_deterministic_and_thread_safe() -> None:
    texts = [c.values[0] for c in RULE_CASES] + NEAR_MISSES
    expected = [assess_crisis(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            assert list(pool.map(assess_crisis, texts)) == expected


def test_level_and_score_bands_agree() -> None:
    bands = {"none": (0.0, 0.5), "concern": (0.5, 0.8), "crisis": (0.8, 1.0001)}
    for text in [c.values[0] for c in RULE_CASES] + NEAR_MISSES:
        result = assess_crisis(text)
        low, high = bands[result.level]
        assert low <= result.score < high, text


def test_every_reported_rule_is_documented() -> None:
    texts = [c.values[0] for c in RULE_CASES] + ["I'm not going to kill myself, but"]
    for text in texts:
        assert set(assess_crisis(text).rules) <= set(CRISIS_RULES)
    assert "assessment_error" in CRISIS_RULES
    assert "history_buildup" in CRISIS_RULES


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("where is my order, it was due on Monday", "en"),
        ("¿dónde está mi pedido? llevo una semana esperando", "es"),
        ("mon colis n'est toujours pas arrivé", "fr"),
        ("wo bleibt meine Bestellung, bitte", "de"),
        ("meu pedido ainda não chegou", "pt"),
        ("il mio ordine non è ancora arrivato", "it"),
        ("gdzie jest moje zamówienie", "pl"),
    ],
)
def test_every_assessment_names_the_message_language(text: str, language: str) -> None:
    assert assess_crisis(text).language == language


def test_a_short_message_keeps_the_conversation_language() -> None:
    assert assess_crisis("danke", prior_language="de").language == "de"
    assert assess_crisis("ok", prior_language="it").language == "it"
    assert assess_crisis("😭😭", prior_language="es").language == "es"


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("I want to end my life tonight", ("self",)),
        ("my husband hits me and says he will kill me if I leave", ("others",)),
        ("my stepdad hurts my little sister when mum is at work", ("others", "child")),
    ],
)
def test_topics_say_who_is_in_danger(text: str, topics: tuple[str, ...]) -> None:
    result = assess_crisis(text)
    assert result.level == "crisis"
    assert result.topics == topics


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        ("this bug is killing me lol", True),
        ("the deadline will be the death of me", True),
        ("my grandmother passed away, how do I close her account?", True),
        ("thanks, the parcel arrived today", False),
        ("can I move to the premium tier next month?", False),
    ],
)
def test_harm_marks_death_and_harm_words_below_any_level(text: str, harm: bool) -> None:
    result = assess_crisis(text)
    assert result.level == "none"
    assert result.harm is harm


def test_hopelessness_about_a_thing_sets_no_floor() -> None:
    assert assess_crisis("I feel so hopeless lately").level == "concern"
    about = assess_crisis("I'm hopeless about this refund, third email now")
    assert about.level == "none"
    assert "hopelessness" in about.rules
