"""Frozen dataclasses that cross app boundaries: readings, assessments, reply requests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EmotionCategory = Literal["positive", "negative", "anxious", "neutral"]
CrisisLevel = Literal["none", "concern", "crisis"]


@dataclass(frozen=True, slots=True)
class EmotionReading:
    """What the detector read in one message."""

    emotion: str
    labels: tuple[str, ...]
    scores: dict[str, float]
    category: EmotionCategory
    intensity: float
    valence: float
    arousal: float
    confidence: float
    model: str
    truncated: bool = False
    # ISO 639-1 code of the message's language ("und" when unknown).
    language: str = "und"
    # The message asks for something (a question, a polite request, a person): answer first.
    request: bool = False

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["labels"] = list(self.labels)
        return data


@dataclass(frozen=True, slots=True)
class CrisisAssessment:
    """Outcome of the deterministic crisis check run on every visitor message."""

    level: CrisisLevel
    rules: tuple[str, ...] = ()
    score: float = 0.0
    # ISO 639-1 code of the message's language ("und" when it has no letters).
    language: str = "und"
    # Who is in danger, for the help lines: "self", "others" (abuse, threats), "child".
    topics: tuple[str, ...] = ()
    # Death or harm semantics anywhere in the message, even below `concern` ("this bug is
    # killing me"): a reply must never celebrate then.
    harm: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "rules": list(self.rules),
            "score": self.score,
            "language": self.language,
            "topics": list(self.topics),
            "harm": self.harm,
        }


@dataclass(frozen=True, slots=True)
class Turn:
    """One earlier message of the conversation, as context for a reply."""

    sender: Literal["visitor", "bot", "agent", "system"]
    text: str


@dataclass(frozen=True, slots=True)
class KnowledgePassage:
    """A passage of the company's own help center matched to the visitor's message."""

    title: str
    url: str
    text: str
    # Above the retrieval's confidence threshold: the reply may answer from it.
    confident: bool
    # The help center's own ids (opaque to the engine), for feedback and the agent's view.
    article_id: int = 0
    passage_id: int = 0


@dataclass(frozen=True, slots=True)
class ReplyRequest:
    """Everything a reply generator may use: this conversation only."""

    text: str
    reading: EmotionReading | None
    strategy: str
    trend: Literal["improving", "stable", "deteriorating"] = "stable"
    history: tuple[Turn, ...] = ()
    locale: str = "en"
    used_sentences: frozenset[str] = field(default_factory=frozenset)
    # Death or harm semantics in the message (CrisisAssessment.harm): whatever the emotion
    # reading says, nothing in the reply may celebrate or congratulate.
    no_celebration: bool = False
    # The help center's best passages for this message, best first, and whether the site has
    # a help center that was searched (then "I don't know" is said plainly, not guessed).
    knowledge: tuple[KnowledgePassage, ...] = ()
    knowledge_searched: bool = False


@dataclass(frozen=True, slots=True)
class ReplyDraft:
    """A generated reply and where it came from."""

    text: str
    strategy: str
    provider: str
    sentences: tuple[str, ...] = ()
    flagged: bool = False
    # True when every remote provider failed and the offline responder stood in: the pipeline
    # counts these toward the ``ai_failures`` escalation rule.
    ai_failed: bool = False
    # The model that wrote it, or the phrasing-library version for the offline responder.
    model: str = ""
    cached: bool = False
