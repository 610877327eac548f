"""assess_crisis: rules first, the classifier only raises, history builds up, errors fail closed."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from empathy.crisis.model import CrisisModel, default_model
from empathy.crisis.normalize import normalize
from empathy.crisis.rules import RuleHit, classifier_applies, rule_hits
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
BUILDUP_RUN = 3  # this message and the two before it, all at least concern
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;\n]*")


@dataclass(frozen=True, slots=True)
class _Single:
    level: CrisisLevel
    rules: tuple[str, ...]
    score: float


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


def _without_negated(normalized: str, hits: list[RuleHit]) -> str:
    """The text minus every sentence that holds a negated or hedged risk phrase."""
    negated = [h for h in hits if h.is_negated]
    kept = []
    for sentence in _SENTENCE.finditer(normalized):
        if not any(sentence.start() <= h.start < sentence.end() for h in negated):
            kept.append(sentence.group(0))
    return " ".join(kept)


def _assess_one(text: str, model: CrisisModel) -> _Single:
    normalized = normalize(text, known=model.lexicon)
    hits = rule_hits(normalized)
    rules: list[str] = []
    rule_level: CrisisLevel = "none"
    for hit in hits:
        if hit.rule not in rules:
            rules.append(hit.rule)
        rule_level = _max_level(rule_level, "concern" if hit.is_negated else hit.level)
    any_negated = any(hit.is_negated for hit in hits)
    if any_negated:
        rules.append("negated_or_hedged")

    p = model.probability(normalized)
    model_level = _model_level(model, p) if classifier_applies(normalized) else "none"
    if any_negated and model_level == "crisis":
        # A negated statement caps at concern unless the rest of the message is risky on its own.
        rest = _without_negated(normalized, hits)
        model_level = _max_level("concern", _model_level(model, model.probability(rest)))
        if model_level != "crisis":
            p = min(p, model.crisis_threshold)
    if _RANK[model_level] > _RANK[rule_level]:
        rules.append("classifier")
    level = _max_level(rule_level, model_level)
    low, high = _BAND[level]
    score = min(high, max(low, _model_score(model, p), _RULE_FLOOR[rule_level]))
    return _Single(level=level, rules=tuple(dict.fromkeys(rules)), score=round(score, 4))


def _assess(text: str, history: Sequence[str], model: CrisisModel) -> CrisisAssessment:
    current = _assess_one(text, model)
    level, rules, score = current.level, current.rules, current.score
    recent = [h for h in list(history)[-(BUILDUP_RUN - 1) :] if isinstance(h, str)]
    if level == "concern" and len(recent) == BUILDUP_RUN - 1:
        earlier = [_assess_one(h, model) for h in recent]
        if all(_RANK[e.level] >= _RANK["concern"] for e in earlier):
            level = "crisis"
            rules = (*rules, "history_buildup")
            score = max(0.8, score + 0.3 * (score - 0.5))
    return CrisisAssessment(level=level, rules=rules, score=round(min(score, 1.0), 4))


def assess_with_model(
    text: str, *, model: CrisisModel, history: Sequence[str] = ()
) -> CrisisAssessment:
    """The assessment with a given model and without the fail-closed guard (for evaluation)."""
    return _assess(text, history, model)


def assess_crisis(text: str, *, history: Sequence[str] = ()) -> CrisisAssessment:
    """Assess one visitor message, given the visitor's earlier messages (oldest first).

    Deterministic and offline. Any failure yields level "crisis" with rule "assessment_error":
    a broken check must send the person to a human, never silence them.
    """
    try:
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        return _assess(text, history, default_model())
    except Exception as exc:
        # Only the exception type: the message text must never reach the logs.
        logger.error("crisis assessment failed (%s); failing closed", type(exc).__name__)
        return CrisisAssessment(level="crisis", rules=("assessment_error",), score=1.0)
