"""Strategy from the real reading, for 60 support messages written for this table.

Each row lists the strategies acceptable for the message. Complaints, sarcasm, worries and
requests must never get `celebrate`; requests get the answer first (`inform`); genuine thanks
may be celebrated. Read by the shipped detector, with the crisis check's harm flag, as the
pipeline does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from empathy.crisis import assess_crisis
from empathy.detection.onnx import OnnxEmotionDetector
from empathy.replies import strategy_select

MODEL_DIR = Path(__file__).resolve().parents[3] / "empathy" / "models" / "goemotions"
COMPLAINT = {"validate_then_solve", "own_and_expedite", "inform"}
# A worry read as a crisis concern gets the check-in reply (how they feel first): acceptable.
WORRY = {"reassure_and_clarify", "inform", "check_in"}
REQUEST = {"inform"}
THANKS = {"celebrate", "inform"}

TABLE: list[tuple[str, set[str]]] = [
    # sarcasm
    ("oh brilliant, the app crashed again right at checkout", COMPLAINT),
    ("love how my bill goes up every single month, really great", COMPLAINT),
    ("amazing job losing my parcel for the second time", COMPLAINT),
    ("sure, another 40 minutes of hold music, what a treat", COMPLAINT),
    ("nice, the 'fix' made the login even worse", COMPLAINT),
    ("thanks for nothing, the technician never showed up", COMPLAINT),
    ("perfect, charged for a plan I cancelled in march", COMPLAINT),
    ("what a surprise, the train tickets vanished from the app again", COMPLAINT),
    # complaints phrased as questions
    ("why is it impossible to reach anyone by phone?", COMPLAINT),
    ("how many times do I have to send the same photo?", COMPLAINT),
    ("is anybody actually reading my emails?", COMPLAINT),
    ("why did you close my account without warning?", COMPLAINT),
    ("how is it still not fixed after two weeks?", COMPLAINT),
    # plain complaints and understatement
    ("I'm really unhappy with how this order was handled", COMPLAINT),
    ("this is the fourth time the delivery slot was missed", COMPLAINT),
    ("not exactly impressed by the new pricing", COMPLAINT),
    ("the service has been pretty poor this month", COMPLAINT),
    ("I feel let down, I trusted you with my wedding order", COMPLAINT),
    ("I'm fed up with the constant outages", COMPLAINT),
    ("this is unacceptable, my data was deleted", COMPLAINT),
    ("I'm so angry right now, nobody called me back", COMPLAINT),
    ("the quality of the replacement is disappointing", COMPLAINT),
    # worried questions and worries
    ("is my card safe after the data breach email?", WORRY),
    ("did my transfer get lost? it's not in the other account", WORRY),
    ("I'm scared I'll lose all my photos if I reset the phone", WORRY),
    ("will my flight still go ahead with the strike?", WORRY),
    ("someone logged into my account from another country, what do I do?", WORRY),
    ("I'm nervous the visa documents won't arrive in time", WORRY),
    ("could the payment have gone through twice?", WORRY),
    ("I'm worried my subscription renewed without asking me", WORRY),
    ("what happens to my savings if the bank app shows zero?", WORRY),
    ("I'm anxious because the package says delivered but it's not here", WORRY),
    # polite requests and questions
    ("I'd like to update my shipping address please", REQUEST),
    ("could you send me a copy of the receipt?", REQUEST),
    ("can I change the delivery date to friday?", REQUEST),
    ("please add my partner as a second user", REQUEST),
    ("how do I download my invoices?", REQUEST),
    ("what are your opening hours on holidays?", REQUEST),
    ("I want to switch to the annual plan", REQUEST),
    ("can I speak to someone about my contract?", REQUEST),
    ("could you tell me where my order is?", REQUEST),
    ("is there a student discount?", REQUEST),
    ("I would like to cancel my membership at the end of the month", REQUEST),
    ("can you reset the password link, it expired", REQUEST),
    ("what's the weight limit for checked bags?", REQUEST),
    ("I'd love to know if the blue one comes in size 10", REQUEST),
    ("please connect me with an agent", REQUEST),
    ("do you ship to Canada?", REQUEST),
    # genuine thanks and praise
    ("thank you so much, the refund arrived today", THANKS),
    ("the new update is fantastic, everything is faster", THANKS),
    ("you guys were super helpful, problem solved", THANKS),
    ("big thanks to the agent yesterday, she was lovely", THANKS),
    ("relieved, my account is back, thank you!", THANKS),
    ("works perfectly now, much appreciated", THANKS),
    ("really happy with the replacement headphones", THANKS),
    ("great service as always, thanks", THANKS),
    # harm words and bereavement: never celebrated whatever the reading
    ("my phone died and this app is killing me lol", COMPLAINT | WORRY),
    ("my dad passed away, how do I close his account?", REQUEST | {"validate_then_solve"}),
    ("this deadline is going to be the death of me, where is my order", COMPLAINT | WORRY),
    ("thanks, but the charger almost caught fire and burned my hand", COMPLAINT | WORRY),
]


@pytest.fixture(scope="module")
def detector() -> OnnxEmotionDetector:
    return OnnxEmotionDetector(MODEL_DIR)


def test_the_table_has_sixty_messages() -> None:
    assert len(TABLE) == 60
    assert len({text for text, _ in TABLE}) == 60


def _strategy(detector: OnnxEmotionDetector, text: str) -> str:
    reading = detector.detect_batch([text])[0]
    crisis = assess_crisis(text)
    return strategy_select(reading=reading, crisis_level=crisis.level, harm=crisis.harm)


def test_at_least_nineteen_in_twenty_get_an_acceptable_strategy(
    detector: OnnxEmotionDetector,
) -> None:
    # The reader is right on ~91% of held-out support messages, so a few rows may miss; the
    # known miss today is sarcasm without a cue word ("thanks for nothing, ...").
    misses = [
        (text, strategy)
        for text, acceptable in TABLE
        if (strategy := _strategy(detector, text)) not in acceptable
    ]
    assert len(misses) <= 3, misses


@pytest.mark.parametrize(("text", "acceptable"), TABLE[-4:], ids=[t[:40] for t, _ in TABLE[-4:]])
def test_harm_words_are_never_celebrated(
    detector: OnnxEmotionDetector, text: str, acceptable: set[str]
) -> None:
    assert _strategy(detector, text) in acceptable
