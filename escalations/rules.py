"""Pure escalation rules: when a human is needed, how urgent it is, what the agent should do.

Everything here is deterministic and free of I/O so each rule can be tested as a table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from core.roles import CRISIS_SKILL
from empathy.types import EmotionReading

CRISIS_INDICATORS = "crisis_indicators"
# The rules inside crisis_indicators: a `crisis` assessment (critical, help resources at once)
# and a single `concern` (a crisis-trained person reviews it at high urgency while the bot
# goes on; see crisis_level). Both are opened by the crisis check when the message is stored.
CRISIS_RULE = "crisis_assessment"
CONCERN_RULE = "crisis_concern"
HIGH_EMOTIONAL_INTENSITY = "high_emotional_intensity"
REPEATED_FRUSTRATION = "repeated_frustration"
COMPLEX_INQUIRY = "complex_inquiry"
USER_REQUEST = "user_request"
AI_CONFIDENCE_LOW = "ai_confidence_low"
AI_FAILURES = "ai_failures"

URGENCIES = ("low", "medium", "high", "critical")

# The floor of the design: three consecutive negative messages this intense is extreme distress.
EXTREME_INTENSITY = 0.95
EXTREME_VALENCE = -0.8
EXTREME_RUN = 3
# One message this intense (and read with this confidence) already goes to a person.
STRONG_INTENSITY = 0.85
STRONG_CONFIDENCE = 0.5
# Repeated frustration: negative turns in a row, or the same ask this many times before.
NEGATIVE_TURNS = 4
NEGATIVE_TURNS_WORSENING = 3
REPEATED_ASKS = 2
NEAR_DUPLICATE_RATIO = 0.85
# AI failures: this many failed answers with this intensity, or the hard limit alone.
AI_FAILURES_MIN = 3
AI_FAILURES_INTENSITY = 0.6
AI_FAILURES_HARD = 5
# The detector cannot tell how the person feels for this many messages in a row.
LOW_CONFIDENCE = 0.35
LOW_CONFIDENCE_RUN = 3
# Complex inquiries: many questions at once, a very long message, or specialist topics.
COMPLEX_QUESTIONS = 3
COMPLEX_LENGTH = 800

NEGATIVE_CATEGORIES = ("negative", "anxious")


# ---------------------------------------------------------------------------
# "I want a person", in any phrasing
# ---------------------------------------------------------------------------
_PERSON = (
    r"(human|humans|person|people|agent|agents|some\s*one|somebody|representative|rep|manager|"
    r"supervisor|operator|staff|employee|live\s+chat|customer\s+(service|support|care)|"
    r"(support|service)\s+(team|staff|agent))"
)
_ASK_PATTERNS = (
    # "can I talk to a human", "let me speak with someone", "connect me to an agent"
    rf"\b(talk|speak|chat|get\s+through|connect|transfer|put\s+me\s+through)\w*\s+"
    rf"(me\s+)?(to|with)\s+(a\s+|an\s+|the\s+|your\s+|some\s+|real\s+|actual\s+|live\s+)*{_PERSON}",
    # "real person please", "actual human", "live agent"
    r"\b(real|actual|live|human)\s+(human|person|people|agent|being|support|representative)",
    # "I want a human", "I need an agent", "give me a person", "get me someone"
    r"\b(want|need|like|give\s+me|get\s+me|request|requesting)\s+(to\s+have\s+)?"
    r"(a\s+|an\s+|the\s+|some\s+|real\s+)*(human|person|agent|representative|"
    r"supervisor|manager|operator|someone\s+real)\b",
    # "is there a human", "are there any people I can talk to"
    r"\b(is|are)\s+there\s+(a|an|any)\s+(real\s+)?(human|person|people|agent)\s+"
    r"(i\s+can|to|who|available|there)",
    # "stop the bot", "no more bots", "not a bot"
    r"\b(no\s+more|stop\s+(the|this)|enough\s+(of\s+)?(the|this)?)\s*bots?\b",
    r"\bi\s+(don'?t|do\s+not)\s+want\s+(to\s+talk\s+to\s+)?(a|the|this)\s+(bot|robot|machine|ai)",
)
_ASK = re.compile("|".join(f"(?:{p})" for p in _ASK_PATTERNS), re.IGNORECASE)
# A whole message that is just the word: "agent!!", "Human?", "representative please".
_BARE_WORD = re.compile(
    r"^\s*(operator|agent|human|representative|rep|real\s+person|person|live\s+agent|"
    r"customer\s+service|supervisor|manager)\s*(please|pls|plz|now|asap)?\s*[.!?]*\s*$",
    re.IGNORECASE,
)
# Mentions of a person that are not asks: "the agent field", "human error", "is this a human?".
_NOT_ASK = re.compile(
    r"\b(is\s+this\s+a\s+(human|bot|person)|are\s+you\s+a\s+(human|bot|person)|"
    r"(user|travel|real\s+estate|insurance|shipping|sales)\s+agent|agent\s+(field|id|name|column|"
    r"version|string|setting)|human\s+error|human\s+resources)\b",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    """Lower-case, strip accents and squeeze stretched letters ("huuuuman" -> "human")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    ascii_text = ascii_text.replace("\u2019", "'")
    return re.sub(r"(\w)\1{2,}", r"\1", ascii_text)


def asks_for_human(text: str) -> bool:
    """True when the visitor asks for a person, in any common phrasing."""
    folded = _fold(text)
    if _BARE_WORD.match(folded):
        return True
    match = _ASK.search(folded)
    if match is None:
        return False
    # A guarded mention ("is this a human?") only counts when a real ask is elsewhere too.
    return not (_NOT_ASK.search(folded) and not _ASK.search(_NOT_ASK.sub(" ", folded)))


# ---------------------------------------------------------------------------
# Repeated asks and complex inquiries
# ---------------------------------------------------------------------------
_WORDS = re.compile(r"[a-z0-9']+")


def _norm_words(text: str) -> str:
    return " ".join(_WORDS.findall(_fold(text)))


def near_duplicate_count(text: str, earlier: Sequence[str]) -> int:
    """How many earlier visitor messages say (almost) the same thing as this one."""
    current = _norm_words(text)
    if len(current) < 8:
        return 0  # "ok", "yes", "hello?" repeat naturally
    count = 0
    for other in earlier:
        normalized = _norm_words(other)
        if normalized and SequenceMatcher(None, current, normalized).ratio() >= (
            NEAR_DUPLICATE_RATIO
        ):
            count += 1
    return count


_SKILL_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "billing",
        re.compile(
            r"\b(refund|charged?\s+twice|double\s+charged?|chargeback|invoice|billing|overcharged?|"
            r"payment\s+failed|dispute)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "technical",
        re.compile(
            r"\b(api|error\s+code|stack\s*trace|crash(es|ed)?|exception|integration|webhook|"
            r"sso|500\s+error|data\s+loss)\b",
            re.IGNORECASE,
        ),
    ),
)
_SPECIALIST = re.compile(
    r"\b(lawyer|legal\s+action|lawsuit|sue\s+you|gdpr|data\s+(deletion|access)\s+request|"
    r"account\s+(was\s+)?hacked|fraud(ulent)?|chargeback|identity\s+theft)\b",
    re.IGNORECASE,
)


# Every skill routing can ask for: the topics above, crisis (the crisis path) and supervisor
# (a console transfer to a supervisor).
AGENT_SKILLS = tuple(sorted({skill for skill, _ in _SKILL_TOPICS} | {CRISIS_SKILL, "supervisor"}))


def skill_for_text(text: str) -> str:
    """The specialty a message needs ("billing", "technical") or "" for any agent."""
    for skill, pattern in _SKILL_TOPICS:
        if pattern.search(text):
            return skill
    return ""


def is_complex(text: str) -> bool:
    questions = len(re.findall(r"\?+", text))
    return (
        questions >= COMPLEX_QUESTIONS
        or len(text) >= COMPLEX_LENGTH
        or _SPECIALIST.search(text) is not None
    )


# ---------------------------------------------------------------------------
# The decision
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EscalationSignals:
    """Everything the decision looks at, for one visitor message in one conversation."""

    text: str
    reading: EmotionReading | None = None
    # The conversation's recent reading summaries in seq order, this message's last.
    recent: tuple[dict[str, Any], ...] = ()
    trend: str = "stable"
    crisis_level: str = "none"
    # Earlier visitor messages of this conversation (oldest first).
    earlier_texts: tuple[str, ...] = ()
    ai_failures: int = 0
    message_count: int = 0
    button: bool = False


@dataclass(frozen=True, slots=True)
class EscalationDecision:
    reason: str
    rule: str
    required_skill: str = ""
    details: dict[str, Any] = field(default_factory=dict)


def negative_run(recent: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The consecutive negative or anxious readings at the end of the window."""
    run: list[dict[str, Any]] = []
    for item in reversed(recent):
        if item.get("category") not in NEGATIVE_CATEGORIES:
            break
        run.append(item)
    return list(reversed(run))


def crisis_level(*, reason: str, rule: str) -> str:
    """ "crisis", "concern" or "none": how an escalation sits on the crisis scale.

    A concern reaches a crisis-trained person but is not a crisis: it is a review (the bot keeps
    answering until the person writes), high rather than critical, no hotline list unasked, and
    the agent may hand it back to the bot.
    """
    if reason != CRISIS_INDICATORS:
        return "none"
    return "concern" if rule == CONCERN_RULE else "crisis"


def escalation_decide(signals: EscalationSignals) -> EscalationDecision | None:
    """The reason this conversation needs a human now, or None when the bot may go on.

    Rules are checked from the most to the least serious; the first that fires wins.
    """
    skill = skill_for_text(signals.text)
    if signals.crisis_level == "crisis":
        return EscalationDecision(CRISIS_INDICATORS, CRISIS_RULE, "crisis")
    if signals.button:
        return EscalationDecision(USER_REQUEST, "widget_button", skill)
    if asks_for_human(signals.text):
        return EscalationDecision(USER_REQUEST, "asked_in_text", skill)

    run = negative_run(signals.recent)
    extreme = [
        item
        for item in run[-EXTREME_RUN:]
        if float(item.get("intensity", 0)) > EXTREME_INTENSITY
        and float(item.get("valence", 0)) < EXTREME_VALENCE
    ]
    if len(extreme) == EXTREME_RUN:
        return EscalationDecision(HIGH_EMOTIONAL_INTENSITY, "floor_three_extreme", skill)
    reading = signals.reading
    intensity = reading.intensity if reading is not None else 0.0
    if (
        reading is not None
        and reading.category in NEGATIVE_CATEGORIES
        and reading.intensity >= STRONG_INTENSITY
        and reading.confidence >= STRONG_CONFIDENCE
    ):
        return EscalationDecision(HIGH_EMOTIONAL_INTENSITY, "single_strong", skill)

    if signals.ai_failures >= AI_FAILURES_HARD or (
        signals.ai_failures >= AI_FAILURES_MIN and intensity > AI_FAILURES_INTENSITY
    ):
        return EscalationDecision(
            AI_FAILURES, "failed_answers", skill, {"ai_failures": signals.ai_failures}
        )

    repeats = near_duplicate_count(signals.text, signals.earlier_texts)
    if repeats >= REPEATED_ASKS:
        return EscalationDecision(REPEATED_FRUSTRATION, "repeated_ask", skill, {"repeats": repeats})
    if len(run) >= NEGATIVE_TURNS:
        return EscalationDecision(REPEATED_FRUSTRATION, "negative_turns", skill)
    if len(run) >= NEGATIVE_TURNS_WORSENING and signals.trend == "deteriorating":
        return EscalationDecision(REPEATED_FRUSTRATION, "worsening_negative_turns", skill)

    if is_complex(signals.text):
        return EscalationDecision(COMPLEX_INQUIRY, "complex_text", skill)

    low = [
        item
        for item in signals.recent[-LOW_CONFIDENCE_RUN:]
        if item.get("confidence") is not None and float(item["confidence"]) < LOW_CONFIDENCE
    ]
    if len(low) == LOW_CONFIDENCE_RUN and len(signals.recent) >= LOW_CONFIDENCE_RUN:
        return EscalationDecision(AI_CONFIDENCE_LOW, "low_confidence_run", skill)
    return None


# ---------------------------------------------------------------------------
# Urgency: one table
# ---------------------------------------------------------------------------
# How strongly the latest reading is negative: below UPSET_INTENSITY (or not negative at all)
# is "calm", above INTENSE_INTENSITY is "intense".
UPSET_INTENSITY = 0.5
INTENSE_INTENSITY = 0.8
INTENSITY_BANDS = ("calm", "upset", "intense")
# A conversation this long means the visitor has been at it a while.
LONG_CONVERSATION = 15

# reason -> (urgency when calm, upset, intense; highest urgency the bumps below may reach).
# Why: a person who asks for a human is never made to wait behind routine work when they are
# upset; a furious or crisis-adjacent tone moves any reason up; only a crisis is critical.
URGENCY_TABLE: dict[str, tuple[str, str, str, str]] = {
    #                          calm        upset       intense     cap
    CRISIS_INDICATORS:        ("critical", "critical", "critical", "critical"),
    HIGH_EMOTIONAL_INTENSITY: ("high",     "high",     "high",     "high"),
    REPEATED_FRUSTRATION:     ("medium",   "medium",   "high",     "high"),
    AI_FAILURES:              ("medium",   "medium",   "high",     "high"),
    USER_REQUEST:             ("low",      "medium",   "medium",   "high"),
    COMPLEX_INQUIRY:          ("low",      "low",      "medium",   "medium"),
    AI_CONFIDENCE_LOW:        ("low",      "low",      "medium",   "medium"),
}  # fmt: skip
_UNKNOWN_REASON = ("medium", "medium", "high", "high")
# A single crisis `concern` ("I feel so hopeless lately", a hedged statement) is never routine:
# high at once, but only a `crisis` assessment (or a supervisor) makes it critical.
CONCERN_URGENCY: tuple[str, str, str, str] = ("high", "high", "high", "high")


def intensity_band(*, intensity: float, is_negative: bool) -> str:
    """ "calm", "upset" or "intense": how strongly negative the visitor sounds now."""
    if not is_negative or intensity < UPSET_INTENSITY:
        return "calm"
    return "intense" if intensity > INTENSE_INTENSITY else "upset"


def escalation_urgency(
    *,
    reason: str,
    intensity: float,
    trend: str,
    message_count: int,
    is_negative: bool = True,
    concern_count: int = 0,
    rule: str = "",
) -> str:
    """The table's urgency for the reason and the intensity band, then one step up when the
    visitor is running out of patience (a deteriorating trend or a long conversation: one
    step, they tell the same story) and one step up after an earlier crisis `concern`, capped
    per reason."""
    row = (
        CONCERN_URGENCY
        if crisis_level(reason=reason, rule=rule) == "concern"
        else URGENCY_TABLE.get(reason, _UNKNOWN_REASON)
    )
    *by_band, cap = row
    band = intensity_band(intensity=intensity, is_negative=is_negative)
    base = by_band[INTENSITY_BANDS.index(band)]
    bumps = int(trend == "deteriorating" or message_count >= LONG_CONVERSATION) + int(
        concern_count > 0
    )
    return URGENCIES[min(URGENCIES.index(base) + bumps, URGENCIES.index(cap))]


def urgency_raised(urgency: str) -> str:
    """One step up (a supervisor's decision, so it may reach critical)."""
    index = URGENCIES.index(urgency) if urgency in URGENCIES else 1
    return URGENCIES[min(index + 1, len(URGENCIES) - 1)]


# ---------------------------------------------------------------------------
# What the agent reads
# ---------------------------------------------------------------------------
_APPROACH: dict[str, str] = {
    CRISIS_INDICATORS: (
        "Safety first. Introduce yourself by name, ask directly and calmly whether they are safe "
        "right now, and stay with them. Share the help resources already sent (crisis line, "
        "emergency number) and follow the crisis protocol; the product question can wait."
    ),
    HIGH_EMOTIONAL_INTENSITY: (
        "De-escalate before solving. Acknowledge how they feel in your own words, keep it short "
        "and calm, avoid policy language, then agree on one concrete next step."
    ),
    REPEATED_FRUSTRATION: (
        "Own it and expedite. They have asked more than once: apologise once, say what you "
        "will do and by when, and skip anything they already tried with the bot."
    ),
    USER_REQUEST: (
        "They asked for a person: greet them by name, confirm you have read the conversation "
        "so they need not repeat themselves, then take over."
    ),
    AI_FAILURES: (
        "Our assistant failed to answer them several times. Apologise for the wait, then "
        "answer the open question directly."
    ),
    COMPLEX_INQUIRY: (
        "A complex request: confirm each question back to them, answer one at a time, and "
        "say plainly which parts need a follow-up."
    ),
    AI_CONFIDENCE_LOW: (
        "The assistant could not read this conversation well. Ask one open question to "
        "understand what they need before proposing anything."
    ),
}
_CONCERN_APPROACH = (
    "Check in on their safety first. Something they wrote may signal risk (hopelessness, a "
    "passive or hedged statement). Introduce yourself by name, ask calmly how they are doing "
    "and, directly, whether they are safe; if there is any risk, share the crisis line and "
    "follow the crisis protocol. If they are safe, help with their question kindly."
)
_CONFUSION = frozenset({"confusion", "curiosity", "realization"})


def suggested_approach(*, reason: str, emotion: str, trend: str, rule: str = "") -> str:
    if crisis_level(reason=reason, rule=rule) == "concern":
        return _CONCERN_APPROACH
    text = _APPROACH.get(reason, _APPROACH[USER_REQUEST])
    if reason != CRISIS_INDICATORS and emotion in _CONFUSION:
        text += " They seem confused: use simple, numbered steps and check understanding."
    if reason != CRISIS_INDICATORS and trend == "deteriorating":
        text += " Their mood has been getting worse: lead with empathy."
    return text


_REASON_WORDS: dict[str, str] = {
    CRISIS_INDICATORS: "Crisis indicators in the visitor's words",
    HIGH_EMOTIONAL_INTENSITY: "Very intense negative emotion",
    REPEATED_FRUSTRATION: "Repeated frustration",
    COMPLEX_INQUIRY: "A complex inquiry",
    USER_REQUEST: "The visitor asked for a person",
    AI_CONFIDENCE_LOW: "The assistant could not read the conversation confidently",
    AI_FAILURES: "The assistant failed to answer several times",
}


def escalation_summary(
    *,
    reason: str,
    rule: str,
    urgency: str,
    journey: Sequence[dict[str, Any]],
    trend: str,
    trigger_words: Sequence[str],
    ai_attempts: dict[str, Any],
    message_count: int,
) -> str:
    """A few plain sentences for the agent (built from codes and numbers, no visitor text)."""
    words = (
        "Possible crisis signs in the visitor's words"
        if crisis_level(reason=reason, rule=rule) == "concern"
        else _REASON_WORDS.get(reason, reason)
    )
    parts = [f"{words} ({rule}); urgency {urgency}."]
    if journey:
        emotions = " -> ".join(str(item.get("emotion", "?")) for item in journey[-5:])
        last = journey[-1]
        parts.append(
            f"Emotional journey over {len(journey)} read message(s): {emotions}; "
            f"latest intensity {float(last.get('intensity', 0)):.2f}, trend {trend}."
        )
    else:
        parts.append(f"No emotion readings yet; trend {trend}.")
    if trigger_words:
        parts.append("Words that drove the emotion: " + ", ".join(trigger_words[:8]) + ".")
    replies = int(ai_attempts.get("replies", 0))
    failures = int(ai_attempts.get("failures", 0))
    strategies = ai_attempts.get("strategies") or []
    if replies:
        parts.append(
            f"The assistant replied {replies} time(s) ({failures} failed) using "
            f"{', '.join(strategies) or 'no recorded strategy'}."
        )
    else:
        parts.append("The assistant had not replied yet.")
    parts.append(f"{message_count} message(s) in the conversation.")
    return " ".join(parts)
