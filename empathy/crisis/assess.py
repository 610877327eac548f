"""assess_crisis: the model reads, rules can only raise, history builds up, errors fail closed.

The detector of record is the semantic model (`empathy.crisis.model`). The rules are a floor of
unmistakable first-person statements in the six supported languages: they can raise the level
the model gives, never lower it. A negated statement ("I'm not suicidal, just annoyed") sets no
floor and caps the model at `concern`, unless the rest of the message is a crisis on its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from empathy.crisis.model import CrisisModel, CrisisScores, default_model
from empathy.crisis.normalize import normalize
from empathy.crisis.rules import RuleHit, rule_hits
from empathy.language import language_detect
from empathy.types import CrisisAssessment, CrisisLevel

logger = logging.getLogger(__name__)

_RANK: dict[CrisisLevel, int] = {"none": 0, "concern": 1, "crisis": 2}
# Score bands: a level always owns its band, so score and level never disagree.
_BAND: dict[CrisisLevel, tuple[float, float]] = {
    "none": (0.0, 0.4999),
    "concern": (0.5, 0.7999),
    "crisis": (0.8, 1.0),
}
_RULE_FLOOR: dict[CrisisLevel, float] = {"none": 0.0, "concern": 0.6, "crisis": 0.9}
# Hopelessness sets its `concern` floor only as a state of the person ("I feel so hopeless
# lately"), not when it is about a thing ("hopeless about this refund", "hopeless with
# computers"): everyday support talk, left to the model, which reads it in context.
# The same holds for a final message about a topic ("this is my final message on the matter").
_ABOUT_RULES = frozenset({"hopelessness", "preparatory"})
_ABOUT_A_THING = re.compile(r"^\W*(?:\w+\W+)?(?:about|with|at|on|over|regarding|when|that|for)\b")
BUILDUP_RUN = 3  # this message and the two before it, all at least concern
# Above this share of the concern threshold a message carries harm semantics: the reply must
# not celebrate, though no person is called.
_HARM_SHARE = 0.35
# Death and harm words in the six languages (accent-free, as normalised): any of them in a
# message forbids a cheerful reply whatever the emotion model read ("this bug is killing me
# lol" is not good news). Whole words, then stems that only start such words.
_HARM_WORDS = re.compile(
    r"\b(?:dead|death|deaths|die|dies|dying|died|kill|kills|killed|killing|hurt|hurts|hurting|"
    r"harm|harmed|funeral|murder|rape|raped|gun|guns|knife|knives|blood|bleed|bleeding|poison|"
    r"grave|muerte|muerto|muerta|morir|morirme|muero|murio|matar|matarme|mort|morte|mourir|"
    r"meurs|tuer|deces|tod|sterben|gestorben|toten|morrer|morri|morto|morta|morire|muoio|lutto|"
    r"ferito|ferita|passed away|condolences?|bereave\w*|hits? me|hitting me|beats? me|"
    r"punch\w*|slap\w*|chok\w*|strangl\w*|pills?|overdose|rope|noose|bridge|jump|gone|"
    r"medication|meds|tablets?|(?:not|never) wake up|no despertar|ne plus me reveiller|"
    r"nicht mehr aufwachen|nao acordar|non svegliarmi|"
    r"golpea|pega|me pega|frappe|schlagt|bate|picchia|pastillas|pilules|tabletten|comprimidos|"
    r"pastiglie|cuerda|corde|seil|corda)\b"
    r"|\b(?:suicid|overdos|self ?harm|abus|umbring|selbstmord|suizid|verletz|machuc|lastim|"
    r"uccid|ammazz|falec|beerdig|autolesion|scarif|automutil|threat|stalk|amenaz|menac|"
    r"bedroh|ameac|minacc|viol)\w*"
)
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;\n]*")


def speaks_of_harm(normalized: str) -> bool:
    """Whether normalised text names death, harm, means or violence in one of the six
    languages (what lets the model alone call a crisis at its ordinary threshold)."""
    return bool(_HARM_WORDS.search(normalized))


# A child named as the one in danger, in the six languages: child-protection lines as well.
_CHILD_WORDS = re.compile(
    r"\b(?:child|children|kid|kids|son|daughter|baby|toddler|little (?:brother|sister)|"
    r"(?:i'm|im|i am) (?:1[0-7]|[6-9])(?: years old| yo)?|nino|nina|ninos|hijo|hija|hijos|bebe|"
    r"hermanito|hermanita|enfant|enfants|fils|fille|petit frere|petite soeur|kind|kinder|"
    r"sohn|tochter|kleine schwester|kleiner bruder|crianca|criancas|filho|filha|menino|menina|"
    r"bambino|bambina|bambini|figlio|figlia|fratellino|sorellina)\b"
)


@dataclass(frozen=True, slots=True)
class _Single:
    normalized: str
    level: CrisisLevel
    rules: tuple[str, ...]
    score: float
    scores: CrisisScores
    hits: tuple[RuleHit, ...]
    harm: bool


def _max_level(*levels: CrisisLevel) -> CrisisLevel:
    return max(levels, key=lambda level: _RANK[level])


def _model_score(model: CrisisModel, p: float) -> float:
    """Map a probability onto the bands with the model's thresholds as band edges."""
    concern, crisis = model.concern_threshold, model.crisis_threshold
    if p < concern:
        return 0.5 * p / concern
    if p < crisis:
        return 0.5 + 0.3 * (p - concern) / max(crisis - concern, 1e-9)
    return 0.8 + 0.2 * (p - crisis) / max(1.0 - crisis, 1e-9)


def _model_level(model: CrisisModel, p: float) -> CrisisLevel:
    if p >= model.crisis_threshold:
        return "crisis"
    if p >= model.concern_threshold:
        return "concern"
    return "none"


def _without_negated(normalized: str, hits: Sequence[RuleHit]) -> str:
    """The text minus every sentence that holds a negated or hedged risk phrase."""
    negated = [h for h in hits if h.is_negated]
    kept = []
    for sentence in _SENTENCE.finditer(normalized):
        if not any(sentence.start() <= h.start < sentence.end() for h in negated):
            kept.append(sentence.group(0))
    return " ".join(kept).strip()


def _assess_one(normalized: str, scores: CrisisScores, model: CrisisModel) -> _Single:
    hits = tuple(rule_hits(normalized))
    rules: list[str] = []
    rule_level: CrisisLevel = "none"
    for hit in hits:
        if hit.rule not in rules:
            rules.append(hit.rule)
        if hit.is_negated:
            continue
        if hit.rule in _ABOUT_RULES and _ABOUT_A_THING.match(normalized[hit.end :]):
            continue
        rule_level = _max_level(rule_level, hit.level)
    any_negated = any(hit.is_negated for hit in hits)
    if any_negated:
        rules.append("negated_or_hedged")
    p = scores.risk
    model_level = _model_level(model, p)
    if (
        model_level == "crisis"
        and p < model.crisis_unworded_threshold
        and not speaks_of_harm(normalized)
    ):
        # Without death, harm, means or violence words the model alone sends help lines and
        # stops the bot only when it is surer than its crisis threshold (chosen on validation
        # with a stricter false-alarm budget); below that a trained person reviews it first
        # (concern), which still reaches a person at once.
        model_level = "concern"
        p = min(p, model.crisis_threshold)
    if any_negated and model_level == "crisis":
        rest = _without_negated(normalized, hits)
        rest_p = model.probability(rest) if rest else 0.0
        model_level = _max_level("concern", _model_level(model, rest_p))
        if model_level != "crisis":
            p = min(p, model.crisis_threshold)
    if _RANK[model_level] > _RANK[rule_level]:
        rules.append("classifier")
    level = _max_level(rule_level, model_level)
    low, high = _BAND[level]
    score = min(high, max(low, _model_score(model, p), _RULE_FLOOR[rule_level]))
    harm = (
        level != "none"
        or bool(hits)
        or scores.risk >= _HARM_SHARE * model.concern_threshold
        or speaks_of_harm(normalized)
    )
    return _Single(
        normalized=normalized,
        level=level,
        rules=tuple(dict.fromkeys(rules)),
        score=round(score, 4),
        scores=scores,
        hits=hits,
        harm=harm,
    )


def _topics(single: _Single) -> tuple[str, ...]:
    """Who is in danger, for the help lines: "self", "others" (abuse, threats), "child"."""
    if single.level == "none":
        return ()
    topics: list[str] = []
    others_rule = any(h.rule == "danger_from_others" and not h.is_negated for h in single.hits)
    self_rule = any(
        not h.is_negated
        and h.rule not in {"danger_from_others", "third_party_risk", "hopelessness"}
        for h in single.hits
    )
    is_others = others_rule or single.scores.others >= 0.5
    if self_rule or not is_others:
        topics.append("self")
    if is_others:
        topics.append("others")
    if is_others and (single.scores.child >= 0.5 or _CHILD_WORDS.search(single.normalized)):
        topics.append("child")
    return tuple(topics)


def _assess(
    text: str, history: Sequence[str], model: CrisisModel, prior_language: str | None
) -> CrisisAssessment:
    # Lone surrogates and other unencodable code points would stop the tokenizers.
    text = text.encode("utf-8", errors="replace").decode("utf-8")
    normalized = normalize(text, known=model.lexicon)
    current = _assess_one(normalized, model.scores(normalized), model)
    level, rules, score = current.level, current.rules, current.score
    recent = [h for h in list(history)[-(BUILDUP_RUN - 1) :] if isinstance(h, str)]
    if level == "concern" and len(recent) == BUILDUP_RUN - 1:
        earlier_texts = [normalize(h, known=model.lexicon) for h in recent]
        earlier = [
            _assess_one(t, s, model)
            for t, s in zip(earlier_texts, model.scores_many(earlier_texts), strict=True)
        ]
        if all(_RANK[e.level] >= _RANK["concern"] for e in earlier):
            level = "crisis"
            rules = (*rules, "history_buildup")
            score = max(0.8, score + 0.3 * (score - 0.5))
    return CrisisAssessment(
        level=level,
        rules=rules,
        score=round(min(score, 1.0), 4),
        language=language_detect(text, prior=prior_language).code,
        topics=_topics(current) if level == current.level else ("self",),
        harm=current.harm or level != "none",
    )


def assess_with_model(
    text: str,
    *,
    model: CrisisModel,
    history: Sequence[str] = (),
    prior_language: str | None = None,
) -> CrisisAssessment:
    """The assessment with a given model and without the fail-closed guard (for evaluation)."""
    return _assess(text, history, model, prior_language)


def assess_crisis(
    text: str, *, history: Sequence[str] = (), prior_language: str | None = None
) -> CrisisAssessment:
    """Assess one visitor message, given the visitor's earlier messages (oldest first).

    `prior_language` is the conversation's language so far (or the site's), which decides a
    message too short to identify on its own. Deterministic and offline. Any failure yields
    level "crisis" with rule "assessment_error": a broken check must send the person to a
    human, never silence them.
    """
    try:
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        return _assess(text, history, default_model(), prior_language)
    except Exception as exc:
        # Only the exception type: the message text must never reach the logs.
        logger.error("crisis assessment failed (%s); failing closed", type(exc).__name__)
        return CrisisAssessment(
            level="crisis",
            rules=("assessment_error",),
            score=1.0,
            language=prior_language or "und",
            topics=("self",),
            harm=True,
        )
